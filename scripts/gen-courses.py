#!/usr/bin/env python3
"""Write N typical course files into ROOT, 100 per folder, for the end-to-end benchmarks.

    scripts/gen-courses.py N ROOT SOURCE.toml...

Each file is one of the SOURCE files (the shipped examples) with its title and first head count
varied, so no two files are identical; each folder also holds a Cargo.toml, which
`mixplan check` must skip as not a course.
"""
import os
import sys

n, root, sources = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
texts = [open(s, encoding="utf-8").read() for s in sources]
for i in range(n):
    folder = os.path.join(root, f"term-{i // 100:03d}")
    if i % 100 == 0:
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "Cargo.toml"), "w") as f:
            f.write('[package]\nname = "not-a-course"\nversion = "0.1.0"\n')
    text = texts[i % len(texts)]
    text = text.replace('title = "', f'title = "Section {i}: ', 1)
    text = text.replace("count = ", f"count = {1 + i % 9}", 1)
    with open(os.path.join(folder, f"course-{i:05d}.toml"), "w", encoding="utf-8") as f:
        f.write(text)
