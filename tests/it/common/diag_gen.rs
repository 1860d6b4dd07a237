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
            })
            .collect();
        CheckRun {
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

/// Render `run` in every format and check what each format promises.
pub fn render_everything(run: &CheckRun) {
    use mixplan::render::{diagnostics, github, sarif};
    for color in [false, true] {
        let _ = diagnostics::check_human(run, color);
    }
    let _ = diagnostics::check_concise(run, false);
    let _ = diagnostics::summary_line(run);
    let json: serde_json::Value =
        serde_json::from_str(&diagnostics::check_json(run, false)).expect("check JSON parses");
    assert_eq!(json["schema_version"], 1);
    let sarif: serde_json::Value =
        serde_json::from_str(&sarif::sarif(run, false)).expect("SARIF parses");
    assert_eq!(sarif["version"], "2.1.0");
    // Every line of the annotations is a workflow command: no message may break out of one.
    for line in github::github(run, false).lines() {
        assert!(
            line.starts_with("::"),
            "stray line in GitHub output: {line:?}"
        );
    }
    let _ = github::step_summary(run);
}
