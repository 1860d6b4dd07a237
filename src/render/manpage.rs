//! Man pages: `mixplan(1)` and one page per command from the same definition as `--help`,
//! each with EXIT STATUS, ENVIRONMENT and SEE ALSO; and `mixplan-course(5)`, converted from
//! `docs/course-format.md` so the repository's reference and the man page never disagree.

use std::fmt::Write as _;

/// The course-file reference, as kept in the repository.
pub const COURSE_FORMAT: &str = include_str!("../../docs/course-format.md");

/// Where the course-file reference lives, for help text and `explain`.
pub const COURSE_FORMAT_DOC: &str = "docs/course-format.md";

/// The sections every mixplan command page ends with.
fn common_sections(page: &str) -> String {
    let mut out = String::new();
    out.push_str(".SH \"EXIT STATUS\"\n");
    out.push_str(".TP\n\\fB0\\fR\nSuccess; for \\fBcheck\\fR, no failing finding (no error, and no warning either under \\fB\\-\\-deny warnings\\fR).\n");
    out.push_str(".TP\n\\fB1\\fR\nThe course input has problems: parse errors, invalid values, failed checks.\n");
    out.push_str(".TP\n\\fB2\\fR\nmixplan could not do what was asked: bad flags, a path that cannot be read, an output file that cannot be written.\n");
    out.push_str(".SH ENVIRONMENT\n");
    out.push_str(".TP\n\\fBNO_COLOR\\fR\nWhen set and not empty, \\fB\\-\\-color auto\\fR (the default) writes no colour.\n");
    out.push_str(".TP\n\\fBGITHUB_STEP_SUMMARY\\fR\nWith \\fBcheck \\-\\-format github\\fR, a Markdown summary of the findings is appended to this file (GitHub Actions sets it).\n");
    out.push_str(".TP\n\\fBGITHUB_ACTIONS\\fR, \\fBGITHUB_WORKSPACE\\fR\nNot read: choose \\fB\\-\\-format github\\fR or \\fB\\-\\-format sarif\\fR explicitly in a workflow; paths are reported as given on the command line.\n");
    out.push_str(".SH \"SEE ALSO\"\n");
    let mut see: Vec<&str> = vec!["mixplan(1)", "mixplan-course(5)"];
    see.retain(|p| !p.starts_with(&format!("{page}(")));
    let _ = writeln!(
        out,
        "{}\n.PP\n\\fBmixplan rules\\fR lists every rule and check; \\fBmixplan explain\\fR \\fIRULE\\fR shows one with its evidence. The course file is described in \\fI{COURSE_FORMAT_DOC}\\fR in the source repository and in \\fBmixplan-course\\fR(5).",
        see.iter()
            .map(|p| {
                let (name, section) = p.trim_end_matches(')').split_once('(').unwrap_or((p, ""));
                format!(".BR {} ({})", roff_text(name), section)
            })
            .collect::<Vec<_>>()
            .join(",\n")
    );
    out
}

/// One command's page: the sections the binary rendered from its command definition (`name`
/// is the page's file name, e.g. `mixplan-check.1`), then the common ones.
pub fn command_page(name: String, mut page: String) -> (String, String) {
    let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
    page.push_str(&common_sections(stem));
    (name, page)
}

/// `mixplan-course(5)`, converted from the Markdown reference.
pub fn course_page() -> String {
    let mut out = format!(
        ".TH MIXPLAN-COURSE 5 \"\" \"mixplan {}\" \"File Formats\"\n.SH NAME\nmixplan\\-course \\- the course file of mixplan(1)\n",
        env!("CARGO_PKG_VERSION")
    );
    let mut lines = COURSE_FORMAT.lines().peekable();
    let mut in_code = false;
    let mut started = false;
    while let Some(line) = lines.next() {
        if let Some(rest) = line.strip_prefix("```") {
            if in_code {
                out.push_str(".fi\n.RE\n");
            } else {
                let _ = rest;
                out.push_str(".PP\n.RS 4\n.nf\n");
            }
            in_code = !in_code;
            continue;
        }
        if in_code {
            let _ = writeln!(out, "{}", roff_line(&roff_text(line)));
            continue;
        }
        if line.starts_with("# ") {
            // The document title becomes NAME above; what follows is the description.
            out.push_str(".SH DESCRIPTION\n");
            started = true;
            continue;
        }
        if let Some(heading) = line.strip_prefix("## ") {
            let _ = writeln!(out, ".SH \"{}\"", roff_text(&heading.to_uppercase()));
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        if !started {
            continue;
        }
        // A definition: the term line, then `: ` and indented continuation lines.
        if lines.peek().is_some_and(|next| next.starts_with(": ")) {
            let _ = writeln!(out, ".TP\n{}", roff_line(&inline(line)));
            continue;
        }
        if let Some(definition) = line.strip_prefix(": ") {
            let _ = writeln!(out, "{}", roff_line(&inline(definition)));
            continue;
        }
        if let Some(continued) = line.strip_prefix("  ") {
            let _ = writeln!(out, "{}", roff_line(&inline(continued.trim_start())));
            continue;
        }
        // A paragraph: its first line opens it, the rest continue it.
        let _ = writeln!(out, ".PP\n{}", roff_line(&inline(line)));
        while let Some(next) = lines.peek() {
            if next.trim().is_empty() || next.starts_with('#') || next.starts_with("```") {
                break;
            }
            let _ = writeln!(out, "{}", roff_line(&inline(next)));
            lines.next();
        }
    }
    out
}

/// Escape text for roff: backslashes and hyphens (so they copy as ASCII hyphens).
fn roff_text(text: &str) -> String {
    text.replace('\\', "\\e").replace('-', "\\-")
}

/// A line that starts with `.` or `'` would be read as a request.
fn roff_line(line: &str) -> String {
    if line.starts_with('.') || line.starts_with('\'') {
        format!("\\&{line}")
    } else {
        line.to_string()
    }
}

/// Inline Markdown to roff: `code` and **strong** in bold, the rest escaped.
fn inline(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        let code = rest.find('`');
        let strong = rest.find("**");
        match (code, strong) {
            (Some(c), s) if s.is_none_or(|s| c < s) => {
                out.push_str(&roff_text(&rest[..c]));
                let after = &rest[c + 1..];
                let end = after.find('`').unwrap_or(after.len());
                let _ = write!(out, "\\fB{}\\fR", roff_text(&after[..end]));
                rest = after.get(end + 1..).unwrap_or("");
            }
            (_, Some(s)) => {
                out.push_str(&roff_text(&rest[..s]));
                let after = &rest[s + 2..];
                let end = after.find("**").unwrap_or(after.len());
                let _ = write!(out, "\\fB{}\\fR", roff_text(&after[..end]));
                rest = after.get(end + 2..).unwrap_or("");
            }
            _ => {
                out.push_str(&roff_text(rest));
                rest = "";
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_markup_becomes_bold_and_hyphens_are_escaped() {
        assert_eq!(
            inline("`live-at` is **required** here"),
            "\\fBlive\\-at\\fR is \\fBrequired\\fR here"
        );
        assert_eq!(roff_line(".hidden"), "\\&.hidden");
    }
}
