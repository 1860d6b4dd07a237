//! `--format table`: comfy-table output for a terminal.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell, Color, ColumnConstraint, ContentArrangement, Table, Width};

use super::{
    ACTIVITY_HEADER, Style, activity_rows, advice_lines, headline, summary_lines, week_row_iter,
};
use crate::Recommendation;

fn new_table(style: Style, header: &[&str]) -> Table {
    let mut table = bare_table(style);
    table.set_header(
        header
            .iter()
            .map(|h| Cell::new(h).add_attribute(Attribute::Bold)),
    );
    table
}

fn bare_table(style: Style) -> Table {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(width) = style.width {
        table.set_width(width);
    }
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

/// The longest word a table cell holds, in characters: the widest a column's lower bound
/// goes (60, padding included). Longer words are cut into lines of this length before
/// comfy-table sees them: its own splitting of a long word is quadratic in the word's length
/// (a 100,000-character word over 104 weeks once took 22.7 s).
pub const MAX_WORD_CHARS: usize = 58;

/// `text` with every word longer than [`MAX_WORD_CHARS`] cut into lines of that length, in
/// one pass; text without such a word is returned as it is.
pub fn cut_long_words(text: &str) -> std::borrow::Cow<'_, str> {
    let long = text
        .split([' ', '\n'])
        .any(|w| w.len() > MAX_WORD_CHARS && w.chars().count() > MAX_WORD_CHARS);
    if !long {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + text.len() / MAX_WORD_CHARS);
    let mut run = 0;
    for c in text.chars() {
        if c == ' ' || c == '\n' {
            run = 0;
        } else if run == MAX_WORD_CHARS {
            out.push('\n');
            run = 1;
        } else {
            run += 1;
        }
        out.push(c);
    }
    std::borrow::Cow::Owned(out)
}

/// Every cell of a row with its long words cut ([`cut_long_words`]).
fn cut_row<const N: usize>(row: [String; N]) -> [String; N] {
    row.map(|cell| match cut_long_words(&cell) {
        std::borrow::Cow::Borrowed(_) => cell,
        std::borrow::Cow::Owned(cut) => cut,
    })
}

/// The schedule's rows, long words cut.
fn week_rows(rec: &Recommendation) -> impl Iterator<Item = [String; 3]> + '_ {
    week_row_iter(rec).map(cut_row)
}

/// The width to lay text out for: `--width`, else the terminal's; `None` (no wrapping) when
/// neither is known.
fn layout_width(style: Style) -> Option<usize> {
    bare_table(style).width().map(usize::from)
}

/// Greedy word wrap at spaces: lines of at most `width` columns, the first starting with
/// `first`, the rest with `rest`. A word longer than a line stands alone on its line rather
/// than being cut. Line breaks in `text` are kept.
pub fn wrap(text: &str, width: Option<usize>, first: &str, rest: &str) -> String {
    let mut out = String::new();
    for (n, paragraph) in text.split('\n').enumerate() {
        let mut line = String::from(if n == 0 { first } else { rest });
        let mut empty = true;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let fits = width.is_none_or(|w| {
                line.chars().count() + usize::from(!empty) + word.chars().count() <= w
            });
            if !empty && !fits {
                out.push_str(line.trim_end());
                out.push('\n');
                line = String::from(rest);
                empty = true;
            }
            if !empty {
                line.push(' ');
            }
            line.push_str(word);
            empty = false;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn heading(text: &str, style: Style) -> String {
    let text = wrap(text, layout_width(style), "", "  ");
    if style.color {
        format!("\x1b[1m{}\x1b[0m\n", text.trim_end())
    } else {
        text
    }
}

/// The longest word of each column (header included), in characters.
fn longest_words<const N: usize>(header: &[&str], rows: &[[String; N]]) -> Vec<usize> {
    let longest = |text: &str| {
        text.split([' ', '\n'])
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0)
    };
    (0..N)
        .map(|i| {
            rows.iter()
                .map(|r| longest(&r[i]))
                .chain(header.get(i).map(|h| longest(h)))
                .max()
                .unwrap_or(0)
        })
        .collect()
}

/// Keep every column at least as wide as its longest word (plus padding), so comfy-table
/// wraps cells at spaces and never cuts a word in two. Returns the narrowest width the table
/// can then have.
fn keep_words_whole(table: &mut Table, words: &[usize]) -> usize {
    let constraints = words
        .iter()
        .map(|&w| ColumnConstraint::LowerBoundary(Width::Fixed((w + 2).min(60) as u16)));
    table.set_constraints(constraints);
    words.iter().map(|w| (w + 2).min(60) + 1).sum::<usize>() + 1
}

/// The full `recommend` report.
pub fn recommendation(rec: &Recommendation, style: Style) -> String {
    super::to_text(|out| write_recommendation(rec, style, out))
}

/// The full `recommend` report, written part by part (the schedule week by week).
pub fn write_recommendation(
    rec: &Recommendation,
    style: Style,
    sink: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut out = heading(&headline(rec), style);
    out.push('\n');
    out.push_str(&heading("Activities", style));
    let rows: Vec<[String; 8]> = activity_rows(rec).into_iter().map(cut_row).collect();
    let words = longest_words(&ACTIVITY_HEADER, &rows);
    let width = layout_width(style);
    let mut activities = new_table(style, &ACTIVITY_HEADER);
    let narrowest = keep_words_whole(&mut activities, &words);
    // Titles are long and reasons are the point: the activity column takes what its longest
    // id needs (and at most 24 columns otherwise), leaving the rest to the reasons.
    let lower = (words[0] + 2).min(60) as u16;
    if let Some(column) = activities.column_mut(0) {
        column.set_constraint(ColumnConstraint::Boundaries {
            lower: Width::Fixed(lower),
            upper: Width::Fixed(lower.max(24)),
        });
    }
    if width.is_some_and(|w| w < narrowest) {
        // Too narrow for eight columns of whole words: one block per activity instead.
        out.push_str(&activity_blocks(rows, width));
        out.push('\n');
    } else {
        for row in rows {
            let mode_color = if row[3].starts_with("sync") {
                Color::Green
            } else {
                Color::Cyan
            };
            let cells: Vec<Cell> = row
                .into_iter()
                .enumerate()
                .map(|(i, text)| {
                    let cell = Cell::new(text);
                    if i == 3 { cell.fg(mode_color) } else { cell }
                })
                .collect();
            activities.add_row(cells);
        }
        out.push_str(&activities.to_string());
        out.push_str("\n\n");
    }
    out.push_str(&heading("Summary", style));
    let mut summary = bare_table(style);
    let lines: Vec<[String; 2]> = summary_lines(rec)
        .into_iter()
        .map(|(a, b)| cut_row([a, b]))
        .collect();
    keep_words_whole(&mut summary, &longest_words(&[], &lines));
    for [label, value] in lines {
        summary.add_row(vec![Cell::new(label), Cell::new(value)]);
    }
    out.push_str(&summary.to_string());
    out.push_str("\n\n");
    sink.write_all(out.as_bytes())?;
    write_schedule(rec, style, sink)?;
    let advice = advice_lines(rec);
    if !advice.is_empty() {
        let mut out = String::from("\n");
        out.push_str(&heading("Advice", style));
        let width = layout_width(style);
        for (rule, message) in advice {
            out.push_str(&wrap(&format!("[{rule}] {message}"), width, "  - ", "    "));
        }
        sink.write_all(out.as_bytes())?;
    }
    Ok(())
}

/// The weekly schedule table.
pub fn schedule(rec: &Recommendation, style: Style) -> String {
    super::to_text(|out| write_schedule(rec, style, out))
}

/// The weekly schedule table, written week by week: memory holds one week's row, never the
/// whole term (a large course's schedule runs to tens of megabytes of text).
///
/// A first pass measures every column (its longest word and its distinct lines) one row at a
/// time; a probe table holding each column's distinct lines is laid out by comfy-table exactly
/// as the whole table would be, and its column widths are then fixed for every week's chunk. Chunks
/// are joined by dropping the borders between them, so the result is one table.
pub fn write_schedule(
    rec: &Recommendation,
    style: Style,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    out.write_all(heading("Schedule", style).as_bytes())?;
    let header = ["week", "live", "self-paced"];
    let mut words = vec![0; header.len()];
    // comfy-table lays a column out from the set of its lines (their widths, and their widths
    // once split at the space on offer), never from how often a line repeats; keeping each
    // distinct line once is enough to reproduce the layout of the whole table.
    let mut lines: [std::collections::BTreeSet<String>; 3] = Default::default();
    let chars = |text: &str| text.chars().count();
    for row in week_rows(rec) {
        for (i, cell) in row.iter().enumerate() {
            let word = cell.split([' ', '\n']).map(chars).max().unwrap_or(0);
            words[i] = words[i].max(word);
            for line in cell.lines() {
                if !lines[i].contains(line) {
                    lines[i].insert(line.to_string());
                }
            }
        }
    }
    for (i, h) in header.iter().enumerate() {
        words[i] = words[i].max(chars(h));
    }
    let width = layout_width(style);
    let mut probe = new_table(style, &header);
    let narrowest = keep_words_whole(&mut probe, &words);
    if width.is_some_and(|w| w < narrowest) {
        // Too narrow for three columns of whole words: one block per week instead.
        for [week, live, self_paced] in week_rows(rec) {
            let mut block = wrap(&format!("week {week}"), width, "", "    ");
            for (label, cell) in [("live", live), ("self-paced", self_paced)] {
                block.push_str(&wrap(&format!("{label}:"), width, "  ", "    "));
                for line in cell.lines() {
                    block.push_str(&wrap(line.trim_start(), width, "    ", "      "));
                }
            }
            out.write_all(block.as_bytes())?;
        }
        return Ok(());
    }
    probe.add_row(
        lines
            .map(|set| set.into_iter().collect::<Vec<_>>().join("\n"))
            .to_vec(),
    );
    let probe = probe.to_string();
    let top = probe.lines().next().unwrap_or_default();
    let widths: Vec<u16> = top
        .trim_start_matches('┌')
        .trim_end_matches('┐')
        .split('┬')
        .map(|segment| segment.chars().count() as u16)
        .collect();
    let weeks = rec.schedule.weeks.len();
    for (n, row) in week_rows(rec).enumerate() {
        let mut table = if n == 0 {
            new_table(style, &header)
        } else {
            bare_table(style)
        };
        // Columns exist once a row (or the header) does: constrain them after adding it.
        table.add_row(row.to_vec());
        table.set_constraints(
            widths
                .iter()
                .map(|&w| ColumnConstraint::Absolute(Width::Fixed(w))),
        );
        let text = table.to_string();
        let lines: Vec<&str> = text.lines().collect();
        let first = usize::from(n > 0);
        let last = if n + 1 < weeks {
            lines.len().saturating_sub(1)
        } else {
            lines.len()
        };
        for line in &lines[first..last.max(first)] {
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

/// The activity table as one block per activity, for widths too narrow for its columns.
fn activity_blocks(rows: Vec<[String; 8]>, width: Option<usize>) -> String {
    let mut out = String::new();
    for [label, kind, minutes, mode, sync, async_, margin, reasons] in rows {
        let mut label = label.lines();
        let id = label.next().unwrap_or_default();
        let title = label.next().map(|t| format!(": {t}")).unwrap_or_default();
        out.push_str(&wrap(&format!("{id}{title}"), width, "", "    "));
        out.push_str(&wrap(
            &format!(
                "{mode} ({kind}, {minutes} min); sync {sync}, async {async_}, margin {margin}"
            ),
            width,
            "  ",
            "    ",
        ));
        for reason in reasons.lines() {
            out.push_str(&wrap(reason, width, "  - ", "    "));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_are_cut_before_the_table_sees_them() {
        let word = "w".repeat(130);
        let text = format!("a {word} b");
        let cut = cut_long_words(&text);
        let lines: Vec<&str> = cut.split(['\n', ' ']).collect();
        assert_eq!(lines, ["a", &word[..58], &word[58..116], &word[116..], "b"]);
        assert!(matches!(
            cut_long_words("short words stay"),
            std::borrow::Cow::Borrowed(_)
        ));
        // Characters, not bytes: 58 four-byte letters are one word that fits.
        let wide = "𝄞".repeat(58);
        assert_eq!(cut_long_words(&wide), wide);
    }

    #[test]
    fn wraps_at_spaces_and_never_cuts_a_word() {
        assert_eq!(
            wrap(
                "content-transmission favours self-paced work",
                Some(20),
                "- ",
                "  "
            ),
            "- content-transmission\n  favours self-paced\n  work\n"
        );
        assert_eq!(wrap("a b", None, "", ""), "a b\n");
        assert_eq!(wrap("one\ntwo", Some(80), "> ", "  "), "> one\n  two\n");
    }
}
