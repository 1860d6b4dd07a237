#!/usr/bin/env python3
"""Render mixplan's markdown with a CommonMark + GFM renderer (markdown-it-py, with GFM tables
and strikethrough) and check that hostile user text reads literally.

Usage: markdown_check.py FILE.md LITERAL...
Fails unless every LITERAL appears verbatim in the rendered page's text, and the page has no
element that user text could have produced: links, images, raw HTML, emphasis or strikethrough
outside what mixplan writes itself (bold rule names and labels), and no code span whose text a
LITERAL holds between backticks (mixplan's own code spans, such as `flipped`, are allowed).
"""
import html
import re
import sys
from html.parser import HTMLParser

from markdown_it import MarkdownIt


class Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []
        self.text = []
        self.code = []
        self.in_code = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "code":
            self.in_code = True
            self.code.append("")

    def handle_endtag(self, tag):
        if tag == "code":
            self.in_code = False

    def handle_data(self, data):
        self.text.append(data)
        if self.in_code:
            self.code[-1] += data


def main():
    source = open(sys.argv[1], encoding="utf-8").read()
    md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    page = md.render(source)
    parser = Collect()
    parser.feed(page)
    text = "".join(parser.text)
    # Table cells join lines with <br>; read them as spaces.
    text_one_line = re.sub(r"\s+", " ", text)
    forbidden = {"a", "img", "script", "em", "del", "s", "iframe", "style"}
    bad = sorted(set(parser.tags) & forbidden)
    if bad:
        print(f"markdown_check: user text became markup: {bad}", file=sys.stderr)
        sys.exit(1)
    for code in parser.code:
        if any(f"`{code}`" in literal for literal in sys.argv[2:]):
            print(f"markdown_check: user text became a code span: {code!r}", file=sys.stderr)
            sys.exit(1)
    if "table" not in parser.tags:
        print("markdown_check: no table rendered", file=sys.stderr)
        sys.exit(1)
    for literal in sys.argv[2:]:
        if literal not in text and literal not in text_one_line:
            print(f"markdown_check: {literal!r} does not read literally", file=sys.stderr)
            sys.exit(1)
    print(f"markdown_check: ok ({len(parser.tags)} elements)")


if __name__ == "__main__":
    main()
