//! `--format markdown`: pipe tables for an LMS page or a README.

use std::io::{self, Write};

use super::{ACTIVITY_HEADER, activity_rows, advice_lines, headline, summary_lines, week_row_iter};
use crate::Recommendation;

/// Every piece of text from the course file that holds a backtick, as renderers embed it
/// (sanitized). mixplan writes backticks around ids, keys and vocabulary; when none of these
/// pieces appears in a message, every backtick in it is mixplan's and marks code.
fn user_backticks(rec: &Recommendation) -> Vec<String> {
    let meta = &rec.course.meta;
    let activities = rec.course.activities.iter().flat_map(|a| {
        [a.title.as_ref(), a.location.as_ref(), a.url.as_ref()]
            .into_iter()
            .flatten()
    });
    [Some(&meta.title), meta.location.as_ref(), meta.url.as_ref()]
        .into_iter()
        .flatten()
        .chain(activities)
        .filter(|text| text.contains('`'))
        .map(|text| super::sanitize::sanitize(text).into_owned())
        .collect()
}

/// A message of mixplan's, which may embed text from the course file: its code spans are kept
/// ([`escape_prose`]) unless a piece of course text with a backtick is in it, in which case it
/// is escaped whole, so that user text never becomes markup.
fn message(text: &str, user: &[String]) -> String {
    if user.iter().any(|u| text.contains(u.as_str())) {
        escape(text)
    } else {
        escape_prose(text)
    }
}

/// Escape inline text so it reads literally in CommonMark and GFM: every punctuation mark that
/// can start emphasis, code, a link, an autolink or raw HTML, an entity, a strikethrough, a
/// table cell or a closing heading sequence gets a backslash (CommonMark allows one before any
/// ASCII punctuation). Parentheses, periods and colons start nothing mid-line and stay bare,
/// except where GFM would turn a bare address into a link: the colon of `scheme://` and the
/// dot of `www.` are escaped too, so a title holding a URL reads as text.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.char_indices() {
        let autolink = match c {
            ':' => text[i + 1..].starts_with("//"),
            '.' => starts_www(&text[..i]),
            _ => false,
        };
        if autolink
            || matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '#' | '!' | '$'
            )
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether `before` ends in a word `www` (GFM's extended autolink starts there).
fn starts_www(before: &str) -> bool {
    let Some(head) = before.len().checked_sub(3).and_then(|n| before.get(n..)) else {
        return false;
    };
    head.eq_ignore_ascii_case("www")
        && before[..before.len() - 3]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// mixplan's own prose, where backticks mark code: each `code span` is kept (a `|` in it
/// escaped for GFM tables), the text around it escaped as [`escape`] does. Text with an odd
/// number of backticks is escaped whole. Only for text mixplan writes (rule documentation),
/// never for text that holds user input.
pub fn escape_prose(text: &str) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    if parts.len().is_multiple_of(2) {
        return escape(text);
    }
    parts
        .iter()
        .enumerate()
        .map(|(i, part)| {
            if i.is_multiple_of(2) {
                escape(part)
            } else {
                format!("`{}`", part.replace('|', "\\|"))
            }
        })
        .collect()
}

/// A table cell: each line escaped, lines joined by `<br>` (a raw newline would end the row).
/// Renderers sanitize user text before it gets here, so every newline is one of ours.
pub(super) fn cell(text: &str) -> String {
    // Sanitized again line by line: a control character from text a row builder missed
    // must not reach the page either.
    text.split('\n')
        .map(|line| escape(&super::sanitize::sanitize(line)))
        .collect::<Vec<_>>()
        .join("<br>")
}

pub(super) fn table<const N: usize>(
    header: [&str; N],
    rows: impl IntoIterator<Item = [String; N]>,
) -> String {
    table_of_cells(header, rows.into_iter().map(|row| row.map(|c| cell(&c))))
}

/// A table of cells already written as Markdown (see [`cell`] and [`code_cell`]).
pub(super) fn table_of_cells<const N: usize>(
    header: [&str; N],
    rows: impl IntoIterator<Item = [String; N]>,
) -> String {
    super::to_text(|out| write_table_of_cells(out, header, rows))
}

/// [`table_of_cells`], written row by row to `out`: a schedule of thousands of weeks' work
/// is never held whole.
fn write_table_of_cells<const N: usize>(
    out: &mut dyn Write,
    header: [&str; N],
    rows: impl IntoIterator<Item = [String; N]>,
) -> io::Result<()> {
    writeln!(out, "| {} |", header.join(" | "))?;
    writeln!(out, "|{}", " --- |".repeat(N))?;
    for row in rows {
        writeln!(out, "| {} |", row.join(" | "))?;
    }
    Ok(())
}

/// A cell of mixplan's own fixed-width text (a workload bar) as a code span: monospaced, its
/// spaces no-break spaces so that neither the table nor HTML collapses them. Never for user
/// text.
pub(super) fn code_cell(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    let text: String = text
        .chars()
        .filter(|c| *c != '`' && *c != '|' && !c.is_control())
        .map(|c| if c == ' ' { '\u{a0}' } else { c })
        .collect();
    format!("`{text}`")
}

/// The full `recommend` report.
pub fn recommendation(rec: &Recommendation) -> String {
    super::to_text(|out| write_recommendation(rec, out))
}

/// [`recommendation`], streamed to `out`, the schedule week by week.
pub fn write_recommendation(rec: &Recommendation, out: &mut dyn Write) -> io::Result<()> {
    write!(out, "# {}\n\n", escape(&headline(rec)))?;
    out.write_all(b"## Activities\n\n")?;
    // The reasons column is mixplan's prose: its code spans stay code.
    let user = user_backticks(rec);
    write_table_of_cells(
        out,
        ACTIVITY_HEADER,
        activity_rows(rec).into_iter().map(|row| {
            let mut cells = row.clone().map(|c| cell(&c));
            cells[7] = row[7]
                .split('\n')
                .map(|line| message(&super::sanitize::sanitize(line), &user))
                .collect::<Vec<_>>()
                .join("<br>");
            cells
        }),
    )?;
    // A list, not a two-column table: a table would need a header row with nothing to say.
    out.write_all(b"\n## Summary\n\n")?;
    for (label, value) in summary_lines(rec) {
        writeln!(out, "- **{}**: {}", escape(&label), message(&value, &user))?;
    }
    out.write_all(b"\n")?;
    write_schedule_table(rec, out)?;
    let advice = advice_lines(rec);
    if !advice.is_empty() {
        out.write_all(b"\n## Advice\n\n")?;
        for (rule, text) in advice {
            writeln!(out, "- **{rule}**: {}", message(&text, &user))?;
        }
    }
    Ok(())
}

/// `schedule --format markdown`: the course's title line, then the weekly schedule.
pub fn schedule(rec: &Recommendation) -> String {
    super::to_text(|out| write_schedule(rec, out))
}

/// [`schedule`], streamed to `out` week by week.
pub fn write_schedule(rec: &Recommendation, out: &mut dyn Write) -> io::Result<()> {
    write!(out, "# {}\n\n", escape(&headline(rec)))?;
    write_schedule_table(rec, out)
}

/// The weekly schedule section.
fn write_schedule_table(rec: &Recommendation, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"## Schedule\n\n")?;
    write_table_of_cells(
        out,
        ["week", "live", "self-paced"],
        week_row_iter(rec).map(|row| row.map(|c| cell(&c))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_in_text_are_not_autolinked() {
        assert_eq!(
            escape("see https://x.example/a_b"),
            "see https\\://x.example/a\\_b"
        );
        assert_eq!(escape("www.x.example"), "www\\.x.example");
        assert_eq!(escape("awww.x"), "awww.x");
        assert_eq!(escape("a: b. c"), "a: b. c");
    }

    #[test]
    fn a_message_with_user_backticks_is_escaped_whole() {
        let user = vec!["Lab `c`".to_string()];
        assert_eq!(
            message("pattern `flipped` chosen", &user),
            "pattern `flipped` chosen"
        );
        assert_eq!(
            message("Lab `c` is fixed with `at`", &user),
            "Lab \\`c\\` is fixed with \\`at\\`"
        );
    }

    #[test]
    fn prose_keeps_its_code_spans() {
        assert_eq!(
            escape_prose("set `sync_hours` to *1*"),
            "set `sync_hours` to \\*1\\*"
        );
        assert_eq!(escape_prose("a `b|c` d"), "a `b\\|c` d");
        assert_eq!(escape_prose("odd ` tick"), "odd \\` tick");
    }
}
