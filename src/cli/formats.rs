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

/// A library vocabulary as a clap value: its names and help lines come from the library
/// ([`Template::help`], [`SchemaKind::help`]), so nothing is written twice.
macro_rules! clap_value {
    ($(#[$meta:meta])* $arg:ident($lib:ident)) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct $arg(pub $lib);

        impl ValueEnum for $arg {
            fn value_variants<'a>() -> &'a [Self] {
                const ALL: [$arg; $lib::ALL.len()] = {
                    let mut all = [$arg($lib::ALL[0]); $lib::ALL.len()];
                    let mut i = 0;
                    while i < all.len() {
                        all[i] = $arg($lib::ALL[i]);
                        i += 1;
                    }
                    all
                };
                &ALL
            }

            fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
                Some(clap::builder::PossibleValue::new(self.0.name()).help(self.0.help()))
            }
        }

        impl From<$arg> for $lib {
            fn from(value: $arg) -> Self {
                value.0
            }
        }
    };
}

clap_value! {
    /// `init --template`: a starter course.
    TemplateArg(Template)
}

clap_value! {
    /// `schema KIND`: which JSON Schema to print.
    SchemaArg(SchemaKind)
}
