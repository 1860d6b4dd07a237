//! The command line's value enums. `--format` has one enum per command, offering only the
//! formats that command writes; `init --template` and `schema KIND` mirror the library's
//! vocabularies. Each converts into the library's type, so clap's types stay in the binary.

use clap::ValueEnum;

use crate::check::CheckRun;
use crate::render::{self, Format};
use crate::templates::{SchemaKind, Template};

/// `--format` of `recommend`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum RecommendFormat {
    /// Tables for people (default).
    #[default]
    Table,
    /// One JSON object, a versioned contract (`mixplan schema recommend` describes it).
    Json,
    /// Pipe tables for an LMS page or a README.
    Markdown,
}

/// `--format` of `workload`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum WorkloadFormat {
    /// Tables for people, with a bar per week (default).
    #[default]
    Table,
    /// One JSON object, a versioned contract (`mixplan schema workload` describes it).
    Json,
    /// Pipe tables for an LMS page or a README.
    Markdown,
}

/// `--format` of `schedule`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ScheduleFormat {
    /// Tables for people (default).
    #[default]
    Table,
    /// One JSON object, a versioned contract (`mixplan schema schedule` describes it).
    Json,
    /// Pipe tables for an LMS page or a README.
    Markdown,
    /// A self-contained, printable page for students (`--fragment`: the content alone, for
    /// LMS editors).
    Html,
}

impl From<RecommendFormat> for Format {
    fn from(format: RecommendFormat) -> Self {
        match format {
            RecommendFormat::Table => Format::Table,
            RecommendFormat::Json => Format::Json,
            RecommendFormat::Markdown => Format::Markdown,
        }
    }
}

impl From<WorkloadFormat> for Format {
    fn from(format: WorkloadFormat) -> Self {
        match format {
            WorkloadFormat::Table => Format::Table,
            WorkloadFormat::Json => Format::Json,
            WorkloadFormat::Markdown => Format::Markdown,
        }
    }
}

impl From<ScheduleFormat> for Format {
    fn from(format: ScheduleFormat) -> Self {
        match format {
            ScheduleFormat::Table => Format::Table,
            ScheduleFormat::Json => Format::Json,
            ScheduleFormat::Markdown => Format::Markdown,
            ScheduleFormat::Html => Format::Html,
        }
    }
}

/// Output format of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Code frames with the offending line, a caret, the rule and a help line (default).
    Human,
    /// One `path:line:col: severity[rule] message` line per finding.
    Concise,
    /// `{ schema_version, files_checked, diagnostics[] }` (`mixplan schema check` describes it).
    Json,
    /// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
}

impl CheckFormat {
    /// The renderer of this format: one function per output file under `render/`.
    pub fn renderer(self) -> fn(&CheckRun, bool) -> String {
        match self {
            CheckFormat::Human => render::human::check_human,
            CheckFormat::Concise => render::concise::check_concise,
            CheckFormat::Json => render::check_json::check_json,
            CheckFormat::Sarif => render::sarif::sarif,
            CheckFormat::Github => render::github::github,
        }
    }

    /// Write the report to `out`. The human formats are written file by file as they are
    /// produced, so a run over many files never holds its whole report in memory; the machine
    /// formats are one document, bounded by [`render::diagnostics::MAX_MACHINE`].
    pub fn write(
        self,
        run: &CheckRun,
        color: bool,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        match self {
            CheckFormat::Human => render::human::write_check_human(run, color, out),
            CheckFormat::Concise => render::concise::write_check_concise(run, color, out),
            _ => out.write_all(self.renderer()(run, color).as_bytes()),
        }
    }

    /// Whether the report already ends with the closing count line.
    pub fn has_summary_line(self) -> bool {
        matches!(self, CheckFormat::Human | CheckFormat::Concise)
    }
}

/// `init --template`: starter courses for `init`, after the seed's situations ("Choosing the Right Mix").
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TemplateArg {
    /// A general online course: mixed students, a flipped weekly rhythm.
    General,
    /// Working adults and caregivers: mostly self-paced, one evening session a week.
    EveningAdults,
    /// Students across many time zones: alternating weeks, slots chosen for coverage.
    International,
    /// Traditional full-time students: more live time, discussion and debate.
    FullTime,
    /// Hundreds of students: recorded content, polling and breakout rooms live.
    LargeLecture,
    /// A registrar's term: Tuesday/Thursday lectures at a fixed time, exams, a break week, a
    /// holiday, optional office hours in two sections.
    TueThuLecture,
}

impl From<TemplateArg> for Template {
    fn from(value: TemplateArg) -> Self {
        match value {
            TemplateArg::General => Template::General,
            TemplateArg::EveningAdults => Template::EveningAdults,
            TemplateArg::International => Template::International,
            TemplateArg::FullTime => Template::FullTime,
            TemplateArg::LargeLecture => Template::LargeLecture,
            TemplateArg::TueThuLecture => Template::TueThuLecture,
        }
    }
}

/// `schema KIND`: which JSON Schema `schema` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SchemaArg {
    /// The course file (TOML), for editors and `check-jsonschema`.
    Course,
    /// The output of `recommend --format json`.
    Recommend,
    /// The output of `schedule --format json`.
    Schedule,
    /// The output of `check --format json`.
    Check,
    /// The output of `workload --format json`.
    Workload,
    /// The output of `diff --format json`.
    Diff,
}

impl From<SchemaArg> for SchemaKind {
    fn from(value: SchemaArg) -> Self {
        match value {
            SchemaArg::Course => SchemaKind::Course,
            SchemaArg::Recommend => SchemaKind::Recommend,
            SchemaArg::Schedule => SchemaKind::Schedule,
            SchemaArg::Check => SchemaKind::Check,
            SchemaArg::Workload => SchemaKind::Workload,
            SchemaArg::Diff => SchemaKind::Diff,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mirrors offer exactly the library's values, under the library's names.
    #[test]
    fn mirrors_match_the_library() {
        let templates: Vec<(Template, String)> = TemplateArg::value_variants()
            .iter()
            .map(|&t| {
                (
                    t.into(),
                    t.to_possible_value().unwrap().get_name().to_string(),
                )
            })
            .collect();
        let expected: Vec<(Template, String)> = Template::ALL
            .iter()
            .map(|&t| (t, t.name().to_string()))
            .collect();
        assert_eq!(templates, expected);
        let kinds: Vec<(SchemaKind, String)> = SchemaArg::value_variants()
            .iter()
            .map(|&k| {
                (
                    k.into(),
                    k.to_possible_value().unwrap().get_name().to_string(),
                )
            })
            .collect();
        let expected: Vec<(SchemaKind, String)> = SchemaKind::ALL
            .iter()
            .map(|&k| (k, k.name().to_string()))
            .collect();
        assert_eq!(kinds, expected);
    }
}
