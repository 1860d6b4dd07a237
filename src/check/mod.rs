//! `mixplan check`: the loader's input errors plus the design checks of [`rules`], for CI.
//!
//! The flow for one file is: bytes -> [`crate::course::load_bytes`] (every input error is a
//! finding) -> [`crate::judge`] (the plan and its schedule, and every [`rules::CheckRule`]
//! judging them, less the file's `[check] allow`) -> the command line's
//! `--allow/--warn/--deny` -> sorted diagnostics. `check` and `recommend` thus report the same
//! findings at the same severities. Files are independent,
//! so [`run`] checks them in parallel and sorts the result, which keeps the output identical
//! from run to run whatever the thread timing.

pub mod discover;
pub mod rules;

use std::collections::HashMap;
use std::path::PathBuf;

use rayon::prelude::*;

pub use discover::{
    Discovery, Input, Note, SkipReason, Skipped, WalkOptions, course_detection, discover,
};
pub use rules::{CHECK_RULES, CheckRule, Context, Finding};

use crate::diagnostic::{Diagnostic, FileReport, Severity, Span};
use crate::rules::{RuleId, RuleKind};

/// Look up a design check by id.
pub fn rule(id: &str) -> Option<&'static CheckRule> {
    let id = RuleId::parse(id)?;
    CHECK_RULES.iter().find(|r| r.id == id)
}

/// Every design-check finding in `cx`, at its severity, in table order. The file's
/// `[check] allow` is applied once, here: a rule allowed for the file is not run, and a
/// finding about activities (or sections) all allowed with `activity` is dropped.
pub fn design(cx: &Context<'_>) -> Vec<Diagnostic> {
    let allow = &cx.course.check;
    CHECK_RULES
        .iter()
        .filter(|rule| !allow.allows(rule.id))
        .flat_map(|rule| {
            (rule.run)(cx)
                .into_iter()
                .filter(|f| !allow.allows_about(rule.id, &cx.course.activities, &f.about))
                .map(|f| Diagnostic {
                    rule: rule.id,
                    severity: f.severity.unwrap_or_else(|| rule.severity()),
                    span: Some(f.span),
                    message: f.message,
                    help: f.help,
                })
        })
        .collect()
}

/// A level set on the command line for one rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Not reported.
    Allow,
    /// Reported as a warning.
    Warn,
    /// Reported as an error.
    Deny,
}

/// How `mixplan check` was configured on the command line.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Per-rule levels from `--allow`, `--warn` and `--deny`.
    pub levels: HashMap<RuleId, Level>,
    /// `--deny warnings`: warnings fail the run.
    pub deny_warnings: bool,
    /// The command line as one line of text, for locating findings about the flags.
    pub command_line: String,
    /// Findings about the flags themselves (`unknown-rule`), located in `command_line`.
    pub flag_findings: Vec<Diagnostic>,
    /// `--courses-only`: named files without a `[course]` table are skipped, as walked ones are
    /// (pre-commit names every staged `*.toml`, course or not).
    pub courses_only: bool,
}

impl Options {
    /// Build options from the three flags. Each flag is applied in turn (`--allow`, then `--warn`,
    /// then `--deny`), so when one rule is named in several, the strictest wins. An unknown rule
    /// id becomes an `unknown-rule` finding located in [`Options::command_line`], the same
    /// finding an unknown id in a file's `[check] allow` gives.
    pub fn from_flags(allow: &[String], warn: &[String], deny: &[String]) -> Self {
        let mut options = Options::default();
        let mut line = String::from("mixplan check");
        for (flag, ids, level) in [
            ("--allow", allow, Level::Allow),
            ("--warn", warn, Level::Warn),
            ("--deny", deny, Level::Deny),
        ] {
            for id in ids {
                line.push(' ');
                line.push_str(flag);
                line.push(' ');
                let span = Span::new(line.len(), line.len() + id.len());
                line.push_str(id);
                if id == "warnings" && level == Level::Deny {
                    options.deny_warnings = true;
                    continue;
                }
                match rule(id) {
                    Some(rule) => {
                        options.levels.insert(rule.id, level);
                    }
                    None => {
                        options
                            .flag_findings
                            .push(unknown_rule(id, span, &format!("`{flag}`")))
                    }
                }
            }
        }
        options.command_line = line;
        options
    }

    /// The findings about the flags, as a report of the command line, when there are any.
    pub fn flag_report(&self) -> Option<FileReport> {
        (!self.flag_findings.is_empty()).then(|| FileReport {
            path: COMMAND_LINE.to_string(),
            text: self.command_line.clone(),
            diagnostics: self.flag_findings.clone(),
            omitted: 0,
        })
    }
}

/// The name under which findings about the command line are reported.
pub const COMMAND_LINE: &str = "<command line>";

/// The `unknown-rule` finding for `id`, written in `place` (a flag or `[check] allow`), with
/// the closest check id, or why the id cannot be used there.
pub fn unknown_rule(id: &str, span: Span, place: &str) -> Diagnostic {
    let checks = CHECK_RULES.iter().map(|r| r.id.as_str());
    let help = match crate::did_you_mean(id, checks) {
        Some(best) => format!("did you mean `{best}`?"),
        None => match RuleId::parse(id).map(RuleId::kind) {
            Some(RuleKind::Check(_)) | None => "`mixplan rules` lists the checks".into(),
            Some(_) => "it is not a design check; only checks can be allowed or re-levelled".into(),
        },
    };
    Diagnostic {
        rule: RuleId::UnknownRule,
        severity: Severity::Warning,
        span: Some(span),
        message: format!("{place} names an unknown rule `{id}`"),
        help: Some(help),
    }
}

/// The design findings of a planned course, as `check` reports them: the advice `recommend`
/// prints from a check (the file's `allow` already applied), unknown ids in `[check] allow`,
/// then the command line's `--allow/--warn/--deny`.
///
/// It judges the scheduled plan, exactly as `recommend` does: `recommend` takes the band
/// measure from the schedule (only it knows which sittings a holiday or `start` cancels), so a
/// check reading the unscheduled plan passed files whose advice said otherwise.
pub fn findings(rec: &crate::Recommendation, options: &Options) -> Vec<Diagnostic> {
    findings_of(&rec.course, &rec.advice, options)
}

/// [`findings`] from a course and its advice alone: `check` never lists occurrences.
pub fn findings_of(
    course: &crate::course::Course,
    advice: &[crate::findings::Advice],
    options: &Options,
) -> Vec<Diagnostic> {
    let checks = advice.iter().filter_map(|advice| match advice {
        crate::findings::Advice::Check(d) => Some(d.clone()),
        _ => None,
    });
    findings_from(course, checks.collect(), options)
}

/// [`findings_of`] from the design checks' findings, taken rather than copied.
fn findings_from(
    course: &crate::course::Course,
    mut found: Vec<Diagnostic>,
    options: &Options,
) -> Vec<Diagnostic> {
    let allow = &course.check;
    found.extend(
        allow
            .allow
            .iter()
            .filter(|entry| rule(&entry.rule).is_none())
            .map(|entry| unknown_rule(&entry.rule, entry.span, "`[check] allow`")),
    );
    // The file's `allow` wins over the command line, like `#[allow]` in Rust source over
    // `-W`/`-D` flags: it is a reviewed, local decision.
    let file_allowed = |id: RuleId| allow.allows(id);
    found.retain_mut(|d| match options.levels.get(&d.rule) {
        _ if file_allowed(d.rule) => false,
        Some(Level::Allow) => false,
        Some(Level::Warn) => {
            d.severity = Severity::Warning;
            true
        }
        Some(Level::Deny) => {
            d.severity = Severity::Error;
            true
        }
        None => true,
    });
    found
}

/// Check one course file's bytes. `path` is the name to report.
pub fn check_bytes(path: String, bytes: &[u8], options: &Options) -> FileReport {
    let (text, loaded) = crate::course::load_bytes(bytes);
    report(path, text, loaded, options)
}

/// Check a file met while walking a directory, when it is a course file
/// ([`course_detection`]); `None` when it is other TOML. A UTF-8 file is parsed once, both to
/// tell it apart and to load it: the same tree, so the same findings as [`check_bytes`]. The
/// bytes become the report's text without a copy.
fn check_walked(path: String, bytes: Vec<u8>, options: &Options) -> Option<FileReport> {
    if !discover::may_be_course(&bytes) {
        return None;
    }
    let text = match String::from_utf8(bytes) {
        // A byte-order mark, a blank file or an oversized one: the loader says more than a
        // tree would, so tell the file apart and load it separately, as named files are.
        Ok(text)
            if text.len() <= crate::course::MAX_INPUT_BYTES
                && !text.starts_with('\u{feff}')
                && !text.trim().is_empty() =>
        {
            text
        }
        Ok(text) => return walked_apart(path, text.as_bytes(), options),
        Err(error) => return walked_apart(path, error.as_bytes(), options),
    };
    let parsed = crate::course::document::parse(&text, crate::course::document::CHUNK_BYTES);
    if !discover::is_course_document(&text, &parsed) {
        return None;
    }
    let loaded = crate::course::load_parsed(&text, parsed);
    Some(report(path, text.into(), loaded, options))
}

/// A walked file told apart and loaded separately, as a named file is.
fn walked_apart(path: String, bytes: &[u8], options: &Options) -> Option<FileReport> {
    course_detection(bytes).then(|| check_bytes(path, bytes, options))
}

/// The report of a loaded file: its input errors, then (for a valid course) its findings.
fn report(
    path: String,
    text: std::borrow::Cow<'_, str>,
    loaded: crate::course::Loaded,
    options: &Options,
) -> FileReport {
    let mut diagnostics = loaded.diagnostics;
    let omitted = loaded.omitted;
    if let Some(course) = loaded.course {
        let crate::Judged { course, advice, .. } = crate::judge(course);
        let checks = advice.into_iter().filter_map(|advice| match advice {
            crate::findings::Advice::Check(d) => Some(d),
            _ => None,
        });
        diagnostics.extend(findings_from(&course, checks.collect(), options));
    }
    sort(&mut diagnostics);
    let text = if diagnostics.is_empty() {
        String::new()
    } else {
        text.into_owned()
    };
    FileReport {
        path,
        text,
        diagnostics,
        omitted,
    }
}

/// Position, then rule, then message: the order of every output format.
pub(crate) fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        let start = |d: &Diagnostic| d.span.map(|s| s.start);
        let end = |d: &Diagnostic| d.span.map(|s| s.end);
        start(a)
            .cmp(&start(b))
            .then_with(|| a.rule.as_str().cmp(b.rule.as_str()))
            .then_with(|| a.message.cmp(&b.message))
            .then_with(|| end(a).cmp(&end(b)))
    });
}

/// A path that could not be read: mixplan could not do what was asked (exit 2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadFailure {
    /// The path as reported.
    pub path: String,
    /// What happened, naming the path: "cannot read `x`: ...".
    pub message: String,
}

/// The result of checking a set of files.
#[derive(Clone, Debug, Default)]
pub struct CheckRun {
    /// Course files checked (non-course TOML found while walking directories is not counted).
    pub files_checked: usize,
    /// Files with at least one finding, sorted by path.
    pub files: Vec<FileReport>,
    /// Files that could not be read.
    pub failures: Vec<ReadFailure>,
    /// `--deny warnings` was given.
    pub deny_warnings: bool,
    /// What was left out and why: hidden, ignored, linked or non-course files met while
    /// walking, and walked directories that held no course file. Every format reports them.
    pub notes: Vec<Note>,
}

/// Findings per severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Infos.
    pub infos: usize,
}

impl Counts {
    /// All findings.
    pub fn total(self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

impl CheckRun {
    /// Findings per severity over every file.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for d in self.files.iter().flat_map(|f| &f.diagnostics) {
            match d.severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
                Severity::Info => counts.infos += 1,
            }
        }
        // Input errors beyond the loader's cap are counted, not kept.
        counts.errors += self.files.iter().map(|f| f.omitted).sum::<usize>();
        counts
    }

    /// Whether the findings fail the run: any error, or any warning under `--deny warnings`.
    pub fn failed(&self) -> bool {
        let counts = self.counts();
        counts.errors > 0 || (self.deny_warnings && counts.warnings > 0)
    }
}

/// Check every file `discovery` found, and standard input, in parallel. Files found by walking
/// a directory are skipped unless they are course files ([`course_detection`]); files named
/// explicitly and standard input are always checked. The discovery's problems become
/// failures, its notes the run's, followed by the non-course files skipped and the walked
/// directories that held no course file.
pub fn run(discovery: Discovery, stdin: Option<(String, Vec<u8>)>, options: &Options) -> CheckRun {
    enum Outcome {
        Checked(FileReport),
        Skipped(Input),
        Failed(ReadFailure),
    }
    let walked_inputs: Vec<(String, Option<String>)> = discovery
        .inputs
        .iter()
        .map(|i| (i.display.clone(), i.walked_from.clone()))
        .collect();
    let mut outcomes: Vec<Outcome> = discovery
        .inputs
        .into_par_iter()
        .map(|input| {
            let bytes = match read(&input.path) {
                Ok(bytes) => bytes,
                Err(err) => {
                    return Outcome::Failed(ReadFailure {
                        message: format!("cannot read `{}`: {err}", input.display),
                        path: input.display,
                    });
                }
            };
            if input.explicit && !options.courses_only {
                return Outcome::Checked(check_bytes(input.display, &bytes, options));
            }
            match check_walked(input.display.clone(), bytes, options) {
                Some(report) => Outcome::Checked(report),
                None => Outcome::Skipped(input),
            }
        })
        .collect();
    if let Some((name, bytes)) = stdin {
        outcomes.push(Outcome::Checked(check_bytes(name, &bytes, options)));
    }
    let mut run = CheckRun {
        deny_warnings: options.deny_warnings,
        notes: discovery.notes,
        ..CheckRun::default()
    };
    let mut not_courses: Vec<Input> = Vec::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Checked(report) => {
                run.files_checked += 1;
                if !report.diagnostics.is_empty() {
                    run.files.push(report);
                }
            }
            Outcome::Skipped(input) => not_courses.push(input),
            Outcome::Failed(failure) => run.failures.push(failure),
        }
    }
    run.notes.extend(not_course_notes(
        &discovery.walked,
        &not_courses,
        &walked_inputs,
    ));
    // Findings about the flags come first: they say how the rest was configured.
    run.files.sort_by(|a, b| a.path.cmp(&b.path));
    run.files.splice(0..0, options.flag_report());
    run.failures.sort_by(|a, b| a.path.cmp(&b.path));
    run.failures
        .extend(discovery.errors.into_iter().map(|problem| ReadFailure {
            path: String::new(),
            message: problem.message,
        }));
    run
}

/// Notes for files skipped as non-course TOML, per walked directory, and for each walked
/// directory in which no course file was checked. A file named on the command line (or
/// under `--courses-only`) and skipped is noted under its own name.
fn not_course_notes(
    walked: &[String],
    skipped: &[Input],
    inputs: &[(String, Option<String>)],
) -> Vec<Note> {
    let mut by_directory: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for input in skipped {
        let directory = input
            .walked_from
            .clone()
            .unwrap_or_else(|| input.display.clone());
        by_directory
            .entry(directory)
            .or_default()
            .push(input.display.clone());
    }
    // A set, not a scan per input: a directory of 100,000 files stays linear.
    let skipped_names: std::collections::HashSet<&str> =
        skipped.iter().map(|s| s.display.as_str()).collect();
    let mut notes = Vec::new();
    for (directory, mut paths) in by_directory {
        paths.sort();
        notes.push(Note::Skipped(Skipped {
            directory,
            reason: SkipReason::NotCourse,
            paths,
        }));
    }
    for dir in walked {
        let from_here = || inputs.iter().filter(|(_, from)| from.as_ref() == Some(dir));
        let courses = from_here()
            .filter(|(file, _)| !skipped_names.contains(file.as_str()))
            .count();
        if courses == 0 {
            notes.push(Note::NoCourse {
                directory: dir.clone(),
                toml_files: from_here().count(),
            });
        }
    }
    notes
}

fn read(path: &PathBuf) -> std::io::Result<Vec<u8>> {
    crate::course::read_bounded(std::fs::File::open(path)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_strictest_wins_and_unknown_ids_are_findings() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let options = Options::from_flags(
            &s(&["live-lecture", "live-lectrue"]),
            &[],
            &s(&["live-lecture", "warnings"]),
        );
        assert!(options.deny_warnings);
        assert_eq!(options.levels[&RuleId::LiveLecture], Level::Deny);
        let [finding] = options.flag_findings.as_slice() else {
            panic!("{:?}", options.flag_findings);
        };
        assert_eq!(finding.rule, RuleId::UnknownRule);
        assert_eq!(
            finding.help.as_deref(),
            Some("did you mean `live-lecture`?")
        );
        let span = finding.span.unwrap();
        assert_eq!(&options.command_line[span.start..span.end], "live-lectrue");
    }

    /// A walked file parsed once (to tell it apart and to load it) reports exactly what
    /// telling it apart and then checking its bytes reports, on every kind of file.
    #[test]
    fn walked_files_parsed_once_report_the_same() {
        let mut inputs: Vec<Vec<u8>> =
            std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples"))
                .unwrap()
                .map(|e| std::fs::read(e.unwrap().path()).unwrap())
                .collect();
        inputs.sort();
        let first = inputs[0].clone();
        let mut bom = b"\xef\xbb\xbf".to_vec();
        bom.extend(&first);
        let mut bad_byte = first.clone();
        bad_byte.push(0xff);
        inputs.extend([
            bom,
            bad_byte,
            b"[package]\nname = \"course\"\n".to_vec(),
            b"[course\ntitle = \"t\"\n".to_vec(),
            b"[\"cou\\u0072se\"]\ntitle = 1\n".to_vec(),
            b"x = \"\"\"\n[course]\n\"\"\"\n".to_vec(),
            b"   \n".to_vec(),
            b"[[course]]\n".to_vec(),
        ]);
        let options = Options::from_flags(&[], &[], &["live-lecture".into()]);
        for bytes in &inputs {
            let once = check_walked("f.toml".into(), bytes.clone(), &options);
            let twice =
                course_detection(bytes).then(|| check_bytes("f.toml".into(), bytes, &options));
            assert_eq!(
                format!("{once:?}"),
                format!("{twice:?}"),
                "{}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn every_check_is_a_documented_check_id() {
        for rule in CHECK_RULES {
            assert!(matches!(rule.id.kind(), RuleKind::Check(_)), "{}", rule.id);
        }
        let checks = RuleId::ALL
            .iter()
            .filter(|id| matches!(id.kind(), RuleKind::Check(_)))
            .count();
        assert_eq!(checks, CHECK_RULES.len());
    }
}
