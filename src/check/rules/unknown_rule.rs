//! `unknown-rule`: its documentation; the finding itself is made where `[check] allow` and the
//! command-line levels are read.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: UnknownRule = "unknown-rule", about: Course

/// `unknown-rule`.
pub(super) const DOC: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Warning),
    summary: "A rule id in `[check] allow`, `--allow`, `--warn` or `--deny` that mixplan does not know",
    evidence: "mixplan configuration",
    doc: "A misspelt rule id would silently allow nothing; mixplan reports it with the closest check id instead. It never fails a run on its own, except under `--deny warnings`.",
    example: "[check]\nallow = [\"live-lectrue\"]",
};

/// Nothing to find in a plan: the loader and the option parser report an unknown rule id
/// where they read it, with the closest check id.
pub(super) fn run(_: &super::Context<'_>) -> Vec<super::Finding> {
    Vec::new()
}
