//! `mixplan check --format github`: GitHub Actions workflow commands, one annotation a finding.
//!
//! `::warning file=F,line=L,col=C,endLine=L2,endColumn=C2,title=T::MESSAGE`. The message
//! escapes `%`, CR and LF; property values also escape `:` and `,`, which would otherwise end
//! the value. GitHub shows at most 10 annotations of each severity per step, so after them a
//! notice says how many more there were; and when `GITHUB_STEP_SUMMARY` names a file, the CLI
//! appends [`step_summary`]'s table of rules to it.

use std::collections::BTreeMap;

use super::diagnostics::summary_line;
use crate::check::CheckRun;
use crate::diagnostic::Severity;
use crate::diagnostic::{Cursor, LineIndex};

/// Annotations of one severity that GitHub shows per step.
pub const SHOWN_PER_SEVERITY: usize = 10;

/// Escape workflow-command message data.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a workflow-command property value.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// The workflow command of a severity.
pub fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Render a check run as workflow commands: at most
/// [`MAX_HUMAN_PER_FILE`](super::diagnostics::MAX_HUMAN_PER_FILE) per file, then a notice with
/// how many more. User text is sanitized first, so an escape sequence in a title cannot reach
/// the log; `%`, CR and LF are then escaped as the workflow-command syntax requires.
pub fn github(run: &CheckRun, _color: bool) -> String {
    use super::diagnostics::MAX_HUMAN_PER_FILE;
    use super::sanitize::sanitize;
    let mut out = String::new();
    let mut per_command: BTreeMap<&'static str, usize> = BTreeMap::new();
    for file in &run.files {
        let index = LineIndex::new(&file.text);
        let (mut starts, mut ends) = (
            Cursor::new(&index, &file.text),
            Cursor::new(&index, &file.text),
        );
        let path = sanitize(&file.path);
        for d in file.diagnostics.iter().take(MAX_HUMAN_PER_FILE) {
            let loc = file.locate_in_order(&mut starts, &mut ends, d);
            let cmd = command(d.severity);
            *per_command.entry(cmd).or_default() += 1;
            let message = match &d.help {
                Some(help) => format!("{}\nhelp: {}", sanitize(&d.message), sanitize(help)),
                None => sanitize(&d.message).into_owned(),
            };
            out.push_str(&format!(
                "::{cmd} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                escape_property(&path),
                loc.line,
                loc.column,
                loc.end_line,
                loc.end_column,
                escape_property(&format!("mixplan {}", d.rule)),
                escape_data(&message)
            ));
        }
        let more = super::diagnostics::hidden(file);
        if more > 0 {
            out.push_str(&format!(
                "::notice file={},title=mixplan check::{}\n",
                escape_property(&path),
                escape_data(&format!(
                    "{more} more finding{} in this file not annotated (at most {MAX_HUMAN_PER_FILE} per file); `mixplan check --format json` lists them",
                    if more == 1 { "" } else { "s" }
                ))
            ));
        }
    }
    // What was left out while walking: a CI log reader would otherwise not know.
    for line in super::notes::note_lines(&run.notes) {
        out.push_str(&format!(
            "::notice title=mixplan check::{}\n",
            escape_data(&sanitize(&line))
        ));
    }
    let hidden: Vec<String> = ["error", "warning", "notice"]
        .iter()
        .filter_map(|cmd| {
            let n = per_command.get(cmd).copied().unwrap_or(0);
            (n > SHOWN_PER_SEVERITY).then(|| format!("{} more {cmd}s", n - SHOWN_PER_SEVERITY))
        })
        .collect();
    if !hidden.is_empty() {
        out.push_str(&format!(
            "::notice title=mixplan check::{}\n",
            escape_data(&format!(
                "GitHub shows {SHOWN_PER_SEVERITY} annotations per severity; there were {} beyond that. The job log lists every one; upload the SARIF report for all of them in code scanning.",
                hidden.join(" and ")
            ))
        ));
    }
    out
}

/// A markdown summary for `$GITHUB_STEP_SUMMARY`: one row per rule and severity, with counts.
pub fn step_summary(run: &CheckRun) -> String {
    let mut rows: BTreeMap<(&'static str, Severity), usize> = BTreeMap::new();
    for d in run.files.iter().flat_map(|f| &f.diagnostics) {
        *rows.entry((d.rule.as_str(), d.severity)).or_default() += 1;
    }
    let mut out = format!("### mixplan check\n\n{}\n", summary_line(run));
    if !rows.is_empty() {
        out.push_str("\n| rule | severity | count |\n| --- | --- | ---: |\n");
        for ((rule, severity), count) in rows {
            out.push_str(&format!("| `{rule}` | {severity} | {count} |\n"));
        }
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_message_and_properties() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_data("a: b, c"), "a: b, c");
        assert_eq!(
            escape_property("dir,x/a:b%.toml\n"),
            "dir%2Cx/a%3Ab%25.toml%0A"
        );
    }
}
