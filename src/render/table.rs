//! `--format table`: comfy-table output for a terminal.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell, Color, ColumnConstraint, ContentArrangement, Table, Width};

use super::{
    ACTIVITY_HEADER, Style, activity_rows, advice_lines, headline, summary_lines, week_rows,
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
    let mut out = heading(&headline(rec), style);
    out.push('\n');
    out.push_str(&heading("Activities", style));
    let rows = activity_rows(rec);
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
        .map(|(a, b)| [a, b])
        .collect();
    keep_words_whole(&mut summary, &longest_words(&[], &lines));
    for [label, value] in lines {
        summary.add_row(vec![Cell::new(label), Cell::new(value)]);
    }
    out.push_str(&summary.to_string());
    out.push_str("\n\n");
    out.push_str(&schedule(rec, style));
    let advice = advice_lines(rec);
    if !advice.is_empty() {
        out.push('\n');
        out.push_str(&heading("Advice", style));
        let width = layout_width(style);
        for (rule, message) in advice {
            out.push_str(&wrap(&format!("[{rule}] {message}"), width, "  - ", "    "));
        }
    }
    out
}

/// The weekly schedule table.
pub fn schedule(rec: &Recommendation, style: Style) -> String {
    let mut out = heading("Schedule", style);
    let header = ["week", "live", "self-paced"];
    let mut table = new_table(style, &header);
    let rows = week_rows(rec);
    let narrowest = keep_words_whole(&mut table, &longest_words(&header, &rows));
    let width = layout_width(style);
    if width.is_some_and(|w| w < narrowest) {
        // Too narrow for three columns of whole words: one block per week instead.
        for [week, live, self_paced] in rows {
            out.push_str(&wrap(&format!("week {week}"), width, "", "    "));
            for (label, cell) in [("live", live), ("self-paced", self_paced)] {
                out.push_str(&wrap(&format!("{label}:"), width, "  ", "    "));
                for line in cell.lines() {
                    out.push_str(&wrap(line.trim_start(), width, "    ", "      "));
                }
            }
        }
        return out;
    }
    for row in rows {
        table.add_row(row.to_vec());
    }
    out.push_str(&table.to_string());
    out.push('\n');
    out
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
