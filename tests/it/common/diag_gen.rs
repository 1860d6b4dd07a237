// Arbitrary check results for the renderer fuzzer (`fuzz/fuzz_targets/render_check.rs`) and its
// proptest mirror (`tests/robustness.rs`): hostile paths, texts, messages and spans.

use arbitrary::Arbitrary;
use mixplan::check::{CheckRun, ReadFailure};
use mixplan::diagnostic::FileReport;
use mixplan::diagnostic::{Diagnostic, Severity, Span};

#[derive(Arbitrary, Debug)]
pub struct FuzzDiagnostic {
    rule: u8,
    severity: u8,
    span: Option<(u32, u32)>,
    message: String,
    help: Option<String>,
}

#[derive(Arbitrary, Debug)]
pub struct FuzzFile {
    path: String,
    text: String,
    diagnostics: Vec<FuzzDiagnostic>,
    omitted: u8,
}

#[derive(Arbitrary, Debug)]
pub struct FuzzRun {
    files: Vec<FuzzFile>,
    failures: Vec<(String, String)>,
    deny_warnings: bool,
    extra_files: u8,
}

impl FuzzRun {
    /// The run as the check renderers receive it.
    pub fn to_run(&self) -> CheckRun {
        let ids = mixplan::rules::RuleId::ALL;
        let files: Vec<FileReport> = self
            .files
            .iter()
            .take(20)
            .map(|f| FileReport {
                path: f.path.clone(),
                text: f.text.clone(),
                diagnostics: f
                    .diagnostics
                    .iter()
                    .take(50)
                    .map(|d| Diagnostic {
                        rule: ids[usize::from(d.rule) % ids.len()],
                        severity: [Severity::Info, Severity::Warning, Severity::Error]
                            [usize::from(d.severity) % 3],
                        span: d.span.map(|(a, b)| Span::new(a as usize, b as usize)),
                        message: d.message.clone(),
                        help: d.help.clone(),
                    })
                    .collect(),
                // Errors a loader counted without keeping, as past its cap.
                omitted: usize::from(f.omitted % 4) * 1000,
            })
            .collect();
        CheckRun {
            notes: Vec::new(),
            files_checked: files.len() + usize::from(self.extra_files),
            files,
            failures: self
                .failures
                .iter()
                .take(5)
                .map(|(path, message)| ReadFailure {
                    path: path.clone(),
                    message: message.clone(),
                })
                .collect(),
            deny_warnings: self.deny_warnings,
        }
    }
}

#[derive(serde::Deserialize)]
struct CheckJsonHead {
    schema_version: u32,
}

#[derive(serde::Deserialize)]
struct SarifHead {
    version: String,
}

/// How many renderings [`render_one`] knows: human (plain and coloured), concise, the summary
/// line, JSON, SARIF, GitHub annotations and the step summary.
pub const RENDERINGS: u8 = 8;

/// Render `run` the `n`th way (modulo [`RENDERINGS`]) and check what that format promises.
pub fn render_one(run: &CheckRun, n: u8) {
    use mixplan::render::{diagnostics, github, sarif};
    match n % RENDERINGS {
        0 => drop(mixplan::render::human::check_human(run, false)),
        1 => drop(mixplan::render::human::check_human(run, true)),
        2 => drop(mixplan::render::concise::check_concise(run, false)),
        3 => drop(diagnostics::summary_line(run)),
        4 => {
            // Typed heads rather than `serde_json::Value`: the parser still reads every byte
            // (so a malformed document fails) without building a tree the fuzzer pays for.
            let json: CheckJsonHead =
                serde_json::from_str(&mixplan::render::check_json::check_json(run, false))
                    .expect("check JSON parses");
            assert_eq!(json.schema_version, 1);
        }
        5 => {
            let sarif: SarifHead =
                serde_json::from_str(&sarif::sarif(run, false)).expect("SARIF parses");
            assert_eq!(sarif.version, "2.1.0");
        }
        6 => {
            // Every line of the annotations is a workflow command: no message may break out.
            for line in github::github(run, false).lines() {
                assert!(
                    line.starts_with("::"),
                    "stray line in GitHub output: {line:?}"
                );
            }
        }
        _ => drop(github::step_summary(run)),
    }
}

/// Render `run` in every format and check what each format promises.
pub fn render_everything(run: &CheckRun) {
    for n in 0..RENDERINGS {
        render_one(run, n);
    }
}

/// Whether `text` is free of anything that could act on a terminal or a log: every character
/// is a line break or one the sanitizer lets through.
pub fn is_clean(text: &str) -> bool {
    text.chars()
        .all(|c| c == '\n' || !mixplan::render::sanitize::needs_escape(c))
}

/// The human formats (human, concise, GitHub) of `run` carry no control character, newline
/// inside a line, or bidi control from user text: the invariant of `fuzz_targets/human_text.rs`.
pub fn assert_human_formats_clean(run: &CheckRun) {
    use mixplan::render::github;
    for (format, out) in [
        ("human", mixplan::render::human::check_human(run, false)),
        (
            "concise",
            mixplan::render::concise::check_concise(run, false),
        ),
        ("github", github::github(run, false)),
        ("summary", github::step_summary(run)),
    ] {
        assert!(
            is_clean(&out),
            "{format} leaks a control character: {out:?}"
        );
    }
}

/// A valid course whose title and one activity title are `hostile`; its table and markdown
/// reports must be clean too. Returns false when the text does not make a course.
pub fn assert_plan_formats_clean(hostile: &str) -> bool {
    use mixplan::render::{self, Format, Style};
    let quoted = toml::Value::String(hostile.to_string()).to_string();
    let text = format!(
        "[course]\ntitle = {quoted}\nweeks = 2\nstart = 2027-01-04\n\n[students]\ncount = 10\n\n[[activities]]\nid = \"a\"\ntitle = {quoted}\nkind = \"discussion\"\nminutes = 30\n"
    );
    let Some(course) = mixplan::course::load(&text).course else {
        return false;
    };
    let rec = mixplan::recommend(course);
    for format in [Format::Table, Format::Markdown] {
        let out = render::recommendation(&rec, format, Style::PLAIN);
        assert!(
            is_clean(&out),
            "{format:?} leaks a control character: {out:?}"
        );
        let out = render::schedule(&rec, format, Style::PLAIN);
        assert!(
            is_clean(&out),
            "{format:?} schedule leaks a control character: {out:?}"
        );
    }
    true
}
