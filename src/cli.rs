//! The command line: clap definitions, dispatch, and the mapping of outcomes to exit codes.
//!
//! Exit codes (the man page's EXIT STATUS): 0 success, 1 the course input has problems, 2 mixplan could not
//! do what was asked. A broken pipe on output is not an error: `mixplan ... | head` exits 0.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use crate::course;
use crate::diagnostic::FileReport;
use crate::fsio::{Existing, WriteError};
use crate::render::{self, Format, Style};
use crate::templates::{SchemaKind, Template};

mod diff;
mod formats;
mod manual;
pub use diff::DiffArgs;
use formats::{
    CheckFormat, RecommendFormat, ScheduleFormat, SchemaArg, TemplateArg, WorkloadFormat,
};

const RECOMMEND_EXAMPLES: &str = "\
Examples:
  mixplan recommend examples/evening-working-adults.toml
  mixplan recommend course.toml --format json | jq '.activities[] | {id, mode}'
  cat course.toml | mixplan recommend - --format markdown > PLAN.md";

const SCHEDULE_EXAMPLES: &str = "\
Examples:
  mixplan schedule examples/international-cohort.toml
  mixplan schedule course.toml --format json | jq '.schedule.live_slots'
  mixplan schedule course.toml --ics course.ics
  mixplan schedule course.toml --ics course.ics --sequence 2 --remind 1d
  mixplan schedule course.toml --ics - > course.ics
  mixplan schedule course.toml --format html > schedule.html
  mixplan schedule course.toml --format html --fragment   # paste into Canvas or Moodle";

const CHECK_EXAMPLES: &str = "\
Examples:
  mixplan check                                  # every course file under the current directory
  mixplan check courses/ extra/intro.toml --deny warnings
  mixplan check . --format sarif --output mixplan.sarif
  mixplan check . --format github                # annotations in GitHub Actions
  cat course.toml | mixplan check - --stdin-filename courses/intro.toml

Exit status: 0 no failing finding, 1 failing findings (errors; warnings too under
--deny warnings), 2 mixplan could not run (bad flags, a path that cannot be read).";

const WORKLOAD_EXAMPLES: &str = "\
Examples:
  mixplan workload examples/workload-seminar.toml
  mixplan workload course.toml --chart workload.svg
  mixplan workload course.toml --format json | jq '.weeks[] | select(.over)'";

const EXPORT_EXAMPLES: &str = "\
Examples:
  mixplan export canvas course.toml -o course.imscc
  mixplan export canvas course.toml -o course.imscc --publish --graded practice,assessment
  mixplan export canvas - -o - < course.toml > course.imscc

Import the package in Canvas under Settings, Import Course Content, \"Canvas Course Export
Package\". Re-importing a newer package updates what an earlier one created; Canvas never
deletes on import.";

const RULES_EXAMPLES: &str = "\
Examples:
  mixplan rules
  mixplan rules --format json | jq -r '.rules[].id'";

const EXPLAIN_EXAMPLES: &str = "\
Examples:
  mixplan explain content-transmission
  mixplan explain band-over --format json";

const INIT_EXAMPLES: &str = "\
Examples:
  mixplan init                                  # writes course.toml here
  mixplan init my-course.toml --template international
  mixplan init - --template large-lecture | less";

const SCHEMA_EXAMPLES: &str = "\
Examples:
  mixplan schema > schema/course.schema.json
  check-jsonschema --schemafile schema/course.schema.json course.toml
  mixplan schema recommend > recommend.schema.json";

const COMPLETIONS_EXAMPLES: &str = "\
Examples:
  mixplan completions bash > ~/.local/share/bash-completion/completions/mixplan
  mixplan completions zsh > ~/.zfunc/_mixplan
  mixplan completions fish > ~/.config/fish/completions/mixplan.fish
  mixplan completions powershell >> $PROFILE";

const MAN_EXAMPLES: &str = "\
Examples:
  mixplan man | man -l -
  mixplan man --dir target/man && man -l target/man/mixplan-course.5";

/// Plan the live/self-paced mix of an online course, and check course files in CI.
#[derive(Debug, Parser)]
#[command(name = "mixplan", version, about, max_term_width = 100)]
#[command(after_help = "Examples:
  mixplan recommend examples/evening-working-adults.toml
  mixplan rules
  mixplan explain real-time-interaction

The course file: docs/course-format.md in the source repository, or mixplan-course(5)
(`mixplan man --dir DIR` writes it).")]
pub struct Cli {
    /// When to use colour: auto (a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Colour choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal unless `NO_COLOR` is set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    /// Whether to colour a stream that is (or is not) a terminal.
    pub fn enabled(self, is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

/// mixplan's subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Decide live or self-paced for every activity, with reasons, totals, schedule and advice.
    #[command(after_help = RECOMMEND_EXAMPLES)]
    Recommend(RecommendArgs),
    /// Print the week-by-week schedule alone.
    #[command(after_help = SCHEDULE_EXAMPLES)]
    Schedule(ScheduleArgs),
    /// Hours of work per course week, live and self-paced, against the credits' target.
    #[command(after_help = WORKLOAD_EXAMPLES)]
    Workload(WorkloadArgs),
    /// Export the plan into another system (`canvas`: a Canvas course package).
    #[command(subcommand)]
    Export(ExportCommand),
    /// Check course files for input errors and design problems (files, directories, `-`).
    #[command(after_help = CHECK_EXAMPLES)]
    Check(CheckArgs),
    /// What students will experience differently between two versions of a course.
    #[command(after_help = diff::DIFF_EXAMPLES)]
    Diff(DiffArgs),
    /// List every scoring rule, decision rule, input error and check.
    #[command(after_help = RULES_EXAMPLES)]
    Rules(RulesArgs),
    /// Show one rule's documentation, evidence and an example.
    #[command(after_help = EXPLAIN_EXAMPLES)]
    Explain(ExplainArgs),
    /// Write a commented starter course file; never overwrites an existing file.
    #[command(after_help = INIT_EXAMPLES)]
    Init(InitArgs),
    /// Print the JSON Schema of the course file (for editors and validators) or of a JSON output.
    #[command(after_help = SCHEMA_EXAMPLES)]
    Schema(SchemaArgs),
    /// Print shell completions for bash, zsh, fish, elvish or PowerShell.
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),
    /// Print the man page (roff), or write one page per command into a directory.
    #[command(after_help = MAN_EXAMPLES)]
    Man(ManArgs),
}

/// Arguments of `init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write the course (`-` prints it to standard output).
    #[arg(value_name = "FILE", default_value = "course.toml")]
    pub file: PathBuf,
    /// The starting point.
    #[arg(long, short, value_enum, default_value_t = TemplateArg(Template::General))]
    pub template: TemplateArg,
}

/// Arguments of `schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which schema to print.
    #[arg(value_enum, default_value_t = SchemaArg(SchemaKind::Course))]
    pub kind: SchemaArg,
}

/// Arguments of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to generate completions for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Arguments of `man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write `mixplan.1`, one page per command (`mixplan-recommend.1`, ...) and the course
    /// file's `mixplan-course.5` into this directory (made if missing) instead of printing the
    /// main page.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// The course and table width of `recommend`, `schedule` and `workload`; each command adds
/// its own `--format` with the formats it writes.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The course file (`-` reads standard input).
    #[arg(value_name = "COURSE.toml")]
    pub course: PathBuf,
    /// The output format, set from the command's own `--format`.
    #[arg(skip)]
    pub format: Format,
    /// Table width in columns, at least 40 (default: the terminal's, or 120 when piped).
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(40..))]
    pub width: Option<u16>,
}

/// Arguments of `recommend`.
#[derive(Debug, Args)]
pub struct RecommendArgs {
    /// The course file and output options.
    #[command(flatten)]
    pub plan: PlanArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = RecommendFormat::Table)]
    pub format: RecommendFormat,
}

/// Arguments of `schedule`.
#[derive(Debug, Args)]
pub struct ScheduleArgs {
    /// The course file and output options.
    #[command(flatten)]
    pub plan: PlanArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ScheduleFormat::Table)]
    pub format: ScheduleFormat,
    /// Also write the live sessions and due times as an iCalendar file (`-`: standard output,
    /// instead of the schedule). Needs `start` in [course].
    #[arg(long, value_name = "FILE")]
    pub ics: Option<PathBuf>,
    /// The calendar's revision: raise it each time you republish a changed calendar, so
    /// clients replace the events they imported before.
    #[arg(long, value_name = "N", default_value_t = 0, requires = "ics",
        value_parser = clap::value_parser!(u32).range(0..=i64::from(crate::render::ics::MAX_SEQUENCE)))]
    pub sequence: u32,
    /// How sittings are written: `series` (one recurring event per sitting, overrides where a
    /// week differs) or `flat` (one event per meeting, no recurrence: for Moodle, whose
    /// importer ignores EXDATE and matches events by UID alone).
    #[arg(long, value_enum, value_name = "STYLE", default_value_t = IcsStyle::Series, requires = "ics")]
    pub ics_style: IcsStyle,
    /// Add a reminder this long before every calendar event: `1d`, `2h`, `30m`, `1d12h`.
    #[arg(long, value_name = "TIME", requires = "ics")]
    pub remind: Option<crate::render::ics::Remind>,
    /// With `--format html`: write the page's content alone, with no script and no style, to
    /// paste into an LMS editor (Canvas, Moodle) that strips them.
    #[arg(long)]
    pub fragment: bool,
}

/// `--ics-style`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum IcsStyle {
    /// One recurring event per sitting, with an override titled by what meets wherever a
    /// week differs.
    Series,
    /// One event per meeting with its own UID, cancelled dates marked cancelled; no
    /// recurrence rules (the style for Moodle).
    Flat,
}

/// Arguments of `workload`.
#[derive(Debug, Args)]
pub struct WorkloadArgs {
    /// The course file and output options.
    #[command(flatten)]
    pub plan: PlanArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = WorkloadFormat::Table)]
    pub format: WorkloadFormat,
    /// Also draw the weeks as a bar chart (SVG) into FILE, written atomically (`-`: the chart
    /// alone to standard output, instead of the weeks).
    #[arg(long, value_name = "FILE.svg")]
    pub chart: Option<PathBuf>,
}

/// What `export` writes.
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Write a Canvas course package (.imscc): one module per week, one assignment per due
    /// item, one calendar event per live meeting and the schedule page. Needs `start`.
    #[command(after_help = EXPORT_EXAMPLES)]
    Canvas(CanvasArgs),
}

/// Arguments of `export canvas`.
#[derive(Debug, Args)]
pub struct CanvasArgs {
    /// The course file (`-` reads standard input).
    #[arg(value_name = "COURSE.toml")]
    pub course: PathBuf,
    /// Where to write the package (`-`: standard output), atomically; never over the course
    /// file.
    #[arg(long, short, value_name = "FILE.imscc")]
    pub output: PathBuf,
    /// Publish modules, assignments and the schedule page on import (default: unpublished,
    /// for the teacher to review first).
    #[arg(long)]
    pub publish: bool,
    /// The activity kinds whose assignments are graded, comma-separated (default: every kind
    /// but lecture, reading, demonstration and announcement, which are "not graded").
    #[arg(long, value_name = "KIND,...", value_delimiter = ',', value_parser = parse_kind)]
    pub graded: Option<Vec<crate::course::ActivityKind>>,
}

/// An activity kind on the command line, with a did-you-mean.
fn parse_kind(text: &str) -> Result<crate::course::ActivityKind, String> {
    use crate::course::ActivityKind;
    ActivityKind::from_name(text.trim()).ok_or_else(|| {
        let hint = crate::did_you_mean(text, ActivityKind::NAMES.iter().copied())
            .map(|best| format!("; did you mean `{best}`?"))
            .unwrap_or_default();
        format!(
            "`{}` is not an activity kind{hint} (kinds: {})",
            render::sanitize::sanitize(text),
            ActivityKind::NAMES.join(", ")
        )
    })
}

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Course files and directories (walked for `*.toml` files with a `[course]` table,
    /// skipping hidden paths, `.ignore` entries and, inside a git repository, untracked
    /// `.gitignore` entries, each skip noted); `-` reads standard input. Default: the current
    /// directory.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// The path to report for standard input (`-`); alone, it also means "read standard input".
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<String>,
    /// Write the report to FILE (atomically; never over an input) instead of standard output.
    /// The closing count line still goes to standard error.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Do not report RULE (repeatable).
    #[arg(long, value_name = "RULE", value_parser = RuleIdParser { warnings: false, kinds: false }, hide_possible_values = true)]
    pub allow: Vec<String>,
    /// Report RULE as a warning (repeatable).
    #[arg(long, value_name = "RULE", value_parser = RuleIdParser { warnings: false, kinds: false }, hide_possible_values = true)]
    pub warn: Vec<String>,
    /// Report RULE as an error (repeatable); `--deny warnings` makes every warning fail the run.
    #[arg(long, value_name = "RULE", value_parser = RuleIdParser { warnings: true, kinds: false }, hide_possible_values = true)]
    pub deny: Vec<String>,
    /// Skip named files that have no `[course]` table, as directory walks always do. For
    /// pre-commit, which names every staged `*.toml` file (`Cargo.toml`, `hugo.toml`, ...).
    #[arg(long)]
    pub courses_only: bool,
    /// Walk hidden files and directories too (names starting with a dot; `.git` never).
    #[arg(long)]
    pub hidden: bool,
    /// Apply no ignore file while walking: `.gitignore`, `.ignore`, git's exclude files.
    #[arg(long)]
    pub no_ignore: bool,
}

/// Output format of `rules` and `explain`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CatalogFormat {
    /// Human text.
    Table,
    /// JSON.
    Json,
    /// Markdown: one section per rule, headed by its id (`rules`: the whole docs/rules.md).
    Markdown,
}

/// Arguments of `rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = CatalogFormat::Table)]
    pub format: CatalogFormat,
}

/// A rule id on the command line. Any text is accepted here (an unknown id becomes a located
/// `unknown-rule` finding with a did-you-mean, which clap's own rejection could not give), but
/// the ids are offered as possible values, so shell completions complete them.
#[derive(Clone, Copy, Debug)]
pub struct RuleIdParser {
    /// Also offer `warnings` (for `--deny warnings`).
    pub warnings: bool,
    /// Also offer activity kinds (for `explain`).
    pub kinds: bool,
}

impl clap::builder::TypedValueParser for RuleIdParser {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        let warnings = self.warnings.then_some("warnings");
        let mut names: Vec<&str> = warnings
            .into_iter()
            .chain(crate::rules::RuleId::names())
            .chain(
                crate::course::ActivityKind::NAMES
                    .iter()
                    .copied()
                    .filter(|_| self.kinds),
            )
            .collect();
        // A kind and a scoring rule may share a name (`reflection`): offer it once.
        names.sort_unstable();
        names.dedup();
        Some(Box::new(
            names.into_iter().map(clap::builder::PossibleValue::new),
        ))
    }
}

/// Arguments of `explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule id, e.g. `content-transmission` (`mixplan rules` lists them), or an activity
    /// kind, e.g. `exam`.
    #[arg(value_parser = RuleIdParser { warnings: false, kinds: true }, hide_possible_values = true)]
    pub rule: String,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = CatalogFormat::Table)]
    pub format: CatalogFormat,
}

/// How a command ended, short of a failure to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Everything went well: exit 0.
    Success,
    /// The input has problems: exit 1.
    InputProblems,
    /// Part of the work could not be done (an unreadable path), already reported: exit 2.
    CouldNotRun,
}

/// Parse the process arguments, run, and map the outcome to an exit code.
pub fn main() -> ExitCode {
    // On SIGINT or SIGTERM, remove the temporary file of a write in progress, then exit as a
    // shell expects of an interrupted program (128 + the signal; 130 for both here, since the
    // handler does not learn which one came). If no handler can be installed (one already is,
    // in an embedding program), writes still work; only the clean-up on a signal is lost.
    let _ = ctrlc::set_handler(|| {
        crate::fsio::remove_pending();
        std::process::exit(130);
    });
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::InputProblems) => ExitCode::from(1),
        Ok(Outcome::CouldNotRun) => ExitCode::from(2),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let message = format!("{err:#}");
            let _ = writeln!(
                io::stderr(),
                "error: {}",
                render::sanitize::sanitize(&message)
            );
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Run a parsed command line.
pub fn run(cli: Cli) -> Result<Outcome> {
    match cli.command {
        Command::Recommend(mut args) => {
            args.plan.format = args.format.into();
            plan_command(&args.plan, cli.color, false, false)
        }
        Command::Schedule(args) if args.fragment && args.format != ScheduleFormat::Html => {
            anyhow::bail!("`--fragment` goes with `--format html`")
        }
        Command::Schedule(mut args) => {
            args.plan.format = args.format.into();
            schedule_command(&args, cli.color)
        }
        Command::Workload(mut args) => {
            args.plan.format = args.format.into();
            workload_command(&args, cli.color)
        }
        Command::Export(ExportCommand::Canvas(args)) => export_canvas(&args, cli.color),
        Command::Check(args) => check_command(&args, cli.color),
        Command::Diff(args) => diff::run(&args, cli.color),
        Command::Rules(args) => {
            let ids = crate::rules::RuleId::ALL;
            let text = match args.format {
                CatalogFormat::Table => render::catalog::table(ids, stdout_style(cli.color, None)),
                CatalogFormat::Json => render::catalog::json(ids),
                CatalogFormat::Markdown => render::catalog::markdown(ids),
            };
            emit(&text)?;
            Ok(Outcome::Success)
        }
        Command::Explain(args) => explain(&args),
        Command::Init(args) => init(&args),
        Command::Schema(args) => {
            let schema = match SchemaKind::from(args.kind) {
                SchemaKind::Course => course::schema::course_schema(),
                SchemaKind::Recommend => render::json::recommend_schema(),
                SchemaKind::Schedule => render::json::schedule_schema(),
                SchemaKind::Check => render::check_json::schema(),
                SchemaKind::Workload => render::workload::schema(),
                SchemaKind::Diff => render::diff::schema(),
            };
            emit(&render::pretty(&schema))?;
            Ok(Outcome::Success)
        }
        Command::Completions(args) => {
            let mut text = Vec::new();
            clap_complete::generate(args.shell, &mut Cli::command(), "mixplan", &mut text);
            let mut text = String::from_utf8(text).context("completions are UTF-8")?;
            // clap's fish generator completes options only; offer `explain`'s rule ids too.
            if args.shell == clap_complete::Shell::Fish {
                let ids: Vec<String> = crate::rules::RuleId::ALL
                    .iter()
                    .map(|id| {
                        format!(
                            "{id}\\t'{}'",
                            id.doc().summary.replace(['\'', '\\', '$'], "")
                        )
                    })
                    .collect();
                text.push_str(&format!(
                    "complete -c mixplan -n \"__fish_mixplan_using_subcommand explain\" -f -a \"{}\"\n",
                    ids.join("\n").replace('"', "")
                ));
            }
            emit(&text)?;
            Ok(Outcome::Success)
        }
        Command::Man(args) => man(&args),
    }
}

fn init(args: &InitArgs) -> Result<Outcome> {
    let text = Template::from(args.template).text();
    if args.file == Path::new("-") {
        emit(text)?;
        return Ok(Outcome::Success);
    }
    match crate::fsio::write_atomic(&args.file, text.as_bytes(), &[], Existing::Keep) {
        Ok(()) => {}
        Err(err @ WriteError::AlreadyExists(_)) => anyhow::bail!(
            "{err}; pick another file name, or print the template with `mixplan init - --template {}`",
            Template::from(args.template).name()
        ),
        Err(err) => return Err(err.into()),
    }
    let path = args.file.display();
    let _ = writeln!(
        io::stderr(),
        "wrote {path} (template `{}`)\nnext: edit it, then run `mixplan recommend {path}`",
        Template::from(args.template).name()
    );
    Ok(Outcome::Success)
}

fn man(args: &ManArgs) -> Result<Outcome> {
    use crate::render::manpage;
    let Some(dir) = &args.dir else {
        let (_, page) = manual::command_page(Cli::command())?;
        emit(&page)?;
        return Ok(Outcome::Success);
    };
    // Built, so each subcommand's page is named `mixplan-<command>`.
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    let mut pages = vec![manual::command_page(command.clone())?];
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        pages.push(manual::command_page(sub.clone())?);
    }
    pages.push(("mixplan-course.5".into(), manpage::course_page()));
    // The help's own example, `--dir target/man`, names a folder a fresh checkout lacks.
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
    for (name, page) in pages {
        crate::fsio::write_atomic(
            &dir.join(&name),
            page.as_bytes(),
            &[],
            Existing::ReplaceEntry,
        )
        .with_context(|| format!("cannot write man pages into `{}`", dir.display()))?;
    }
    Ok(Outcome::Success)
}

fn explain(args: &ExplainArgs) -> Result<Outcome> {
    if crate::rules::RuleId::parse(&args.rule).is_none()
        && let Some(kind) = crate::course::ActivityKind::from_name(&args.rule)
    {
        let text = match args.format {
            CatalogFormat::Table | CatalogFormat::Markdown => render::catalog::explain_kind(kind),
            CatalogFormat::Json => render::pretty(&render::catalog::kind_json(kind)),
        };
        emit(&text)?;
        return Ok(Outcome::Success);
    }
    let Some(id) = crate::rules::RuleId::parse(&args.rule) else {
        let hint = crate::did_you_mean(&args.rule, crate::rules::RuleId::names())
            .map(|best| format!("; did you mean `{best}`?"))
            .unwrap_or_else(|| "; `mixplan rules` lists them all".into());
        anyhow::bail!("unknown rule `{}`{hint}", args.rule);
    };
    let text = match args.format {
        CatalogFormat::Table => render::catalog::explain(id),
        CatalogFormat::Json => render::pretty(&render::catalog::entry_json(id)),
        CatalogFormat::Markdown => render::catalog::markdown_entry(id),
    };
    emit(&text)?;
    Ok(Outcome::Success)
}

/// The style for standard output.
pub fn stdout_style(color: ColorChoice, width: Option<u16>) -> Style {
    let tty = io::stdout().is_terminal();
    Style {
        color: color.enabled(tty),
        width: width.or(if tty { None } else { Style::PLAIN.width }),
    }
}

fn plan_command(
    args: &PlanArgs,
    color: ColorChoice,
    schedule_only: bool,
    fragment: bool,
) -> Result<Outcome> {
    let outputs = [budget_output(args.format)];
    let Some(course) = load_course_within(&args.course, color, &outputs)? else {
        return Ok(Outcome::InputProblems);
    };
    let rec = crate::recommend(course);
    emit_plan(&rec, args, color, schedule_only, fragment)?;
    Ok(Outcome::Success)
}

/// Print a plan (or its schedule alone); JSON is streamed, so a huge course never holds its
/// whole output in memory.
fn emit_plan(
    rec: &crate::Recommendation,
    args: &PlanArgs,
    color: ColorChoice,
    schedule_only: bool,
    fragment: bool,
) -> Result<()> {
    if args.format == Format::Html && fragment {
        return emit(&render::html::page(rec, render::html::Shape::Fragment));
    }
    let style = stdout_style(color, args.width);
    let mut out = io::BufWriter::new(io::stdout().lock());
    render::write(rec, args.format, style, schedule_only, &mut out)?;
    out.flush()?;
    Ok(())
}

/// `workload`: the weeks in the chosen format, and with `--chart` an SVG bar chart written
/// atomically (never over the course file).
fn workload_command(args: &WorkloadArgs, color: ColorChoice) -> Result<Outcome> {
    let plan = &args.plan;
    let outputs = [crate::budget::Output::Workload];
    let Some(course) = load_course_within(&plan.course, color, &outputs)? else {
        return Ok(Outcome::InputProblems);
    };
    let rec = crate::judge(course).without_occurrences();
    let workload = rec.workload_cow();
    if let Some(chart) = &args.chart {
        let svg = render::chart::svg(&rec, &workload);
        if chart == Path::new("-") {
            emit(&svg)?;
            return Ok(Outcome::Success);
        }
        crate::fsio::write_atomic(
            chart,
            svg.as_bytes(),
            &[plan.course.as_path()],
            crate::fsio::Existing::Replace,
        )?;
    }
    let text = match args.format {
        WorkloadFormat::Table => {
            render::workload::table(&rec, &workload, stdout_style(color, plan.width))
        }
        WorkloadFormat::Json => render::workload::json(&rec, &workload),
        WorkloadFormat::Markdown => render::workload::markdown(&rec, &workload),
    };
    emit(&text)?;
    Ok(Outcome::Success)
}

/// `schedule`: the schedule in its format, with `--ics` the calendar too.
fn schedule_command(args: &ScheduleArgs, color: ColorChoice) -> Result<Outcome> {
    let Some(ics) = &args.ics else {
        return plan_command(&args.plan, color, true, args.fragment);
    };
    let options = crate::render::ics::Options {
        sequence: args.sequence,
        remind: args.remind,
        style: match args.ics_style {
            IcsStyle::Series => crate::render::ics::Style::Series,
            IcsStyle::Flat => crate::render::ics::Style::Flat,
        },
    };
    schedule_with_calendar(&args.plan, ics, options, args.fragment, color)
}

/// `schedule --ics FILE`: write the calendar (atomically, never over the course file), then
/// print the schedule as usual; with `--ics -` the calendar alone goes to standard output.
fn schedule_with_calendar(
    args: &PlanArgs,
    ics: &Path,
    options: crate::render::ics::Options,
    fragment: bool,
    color: ColorChoice,
) -> Result<Outcome> {
    let reminders = options.remind.is_some();
    let outputs = [
        crate::budget::Output::Calendar { reminders },
        budget_output(args.format),
    ];
    let Some(course) = load_course_within(&args.course, color, &outputs)? else {
        return Ok(Outcome::InputProblems);
    };
    let rec = crate::recommend(course);
    let calendar = match crate::render::ics::calendar(&rec, options) {
        Ok(calendar) => {
            if rec.course.meta.id.is_none() {
                let rule = crate::rules::RuleId::CalendarWithoutCourseId;
                let _ = writeln!(
                    io::stderr(),
                    "warning[{rule}]: `{}`: {}",
                    display_path(&args.course),
                    crate::render::ics::WITHOUT_COURSE_ID
                );
            }
            calendar
        }
        Err(err) => {
            let _ = writeln!(
                io::stderr(),
                "error: `{}`: {err}",
                display_path(&args.course)
            );
            return Ok(Outcome::InputProblems);
        }
    };
    if ics == Path::new("-") {
        emit(&calendar)?;
        return Ok(Outcome::Success);
    }
    crate::fsio::write_atomic(
        ics,
        calendar.as_bytes(),
        &[args.course.as_path()],
        crate::fsio::Existing::Replace,
    )?;
    emit_plan(&rec, args, color, true, fragment)?;
    Ok(Outcome::Success)
}

/// `export canvas`: the Canvas package, written atomically (never over the course file), or
/// to standard output with `-o -` (refused on a terminal: a zip is not for reading there).
fn export_canvas(args: &CanvasArgs, color: ColorChoice) -> Result<Outcome> {
    use crate::export::canvas;
    let to_stdout = args.output == Path::new("-");
    if to_stdout && io::stdout().is_terminal() {
        anyhow::bail!(
            "`-o -` would write a zip archive to the terminal; redirect it (`> course.imscc`) or name a file"
        );
    }
    let outputs = [crate::budget::Output::Canvas];
    let Some(course) = load_course_within(&args.course, color, &outputs)? else {
        return Ok(Outcome::InputProblems);
    };
    let rec = crate::recommend(course);
    let model = match canvas::from_recommendation(&rec) {
        Ok(model) => model,
        Err(err @ canvas::ExportError::NoStart) => {
            let _ = writeln!(
                io::stderr(),
                "error: `{}`: {err}",
                display_path(&args.course)
            );
            return Ok(Outcome::InputProblems);
        }
        Err(err @ canvas::ExportError::TooMany { .. }) => {
            anyhow::bail!("`{}`: {err}", display_path(&args.course))
        }
    };
    if rec.course.meta.id.is_none() {
        let _ = writeln!(
            io::stderr(),
            "warning[{}]: `{}` has no `id` in [course]: identifiers derive from its title, start and zone, so editing any of them duplicates every event and assignment on the next import; add e.g. `id = \"{}-{}\"`",
            crate::rules::RuleId::CalendarWithoutCourseId,
            display_path(&args.course),
            crate::render::ics::slug(&rec.course.meta.title),
            rec.course.meta.start.map_or(0, |s| s.year()),
        );
    }
    let options = canvas::Options {
        publish: args.publish,
        graded: args.graded.clone(),
    };
    let bytes = canvas::package(&model, &options);
    if to_stdout {
        let mut stdout = io::stdout().lock();
        stdout.write_all(&bytes)?;
        stdout.flush()?;
    } else {
        crate::fsio::write_atomic(
            &args.output,
            &bytes,
            &[args.course.as_path()],
            crate::fsio::Existing::Replace,
        )?;
    }
    let cancelled = model
        .events
        .iter()
        .filter(|e| e.cancelled.is_some())
        .count();
    let _ = writeln!(
        io::stderr(),
        "wrote {}: {} week modules, {} assignments ({}), {} calendar events ({cancelled} cancelled)",
        if to_stdout {
            "the package to standard output".to_string()
        } else {
            format!("`{}`", args.output.display())
        },
        model.weeks.len(),
        model.assignments.len(),
        if args.publish {
            "published"
        } else {
            "unpublished"
        },
        model.events.len(),
    );
    Ok(Outcome::Success)
}

/// Display name of an input path (`-` is standard input), bytes that are not UTF-8 escaped
/// as in `check`'s reports.
pub fn display_path(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".into()
    } else {
        crate::check::discover::display(path)
    }
}

/// Read a course file (or standard input for `-`), refusing anything over the size limit.
pub fn read_input(path: &Path) -> Result<Vec<u8>> {
    if path == Path::new("-") {
        course::read_bounded(io::stdin().lock()).context("cannot read standard input")
    } else {
        std::fs::File::open(path)
            .and_then(course::read_bounded)
            .with_context(|| format!("cannot read `{}`", path.display()))
    }
}

/// What a format of `recommend` or `schedule` writes, for the output budget.
fn budget_output(format: Format) -> crate::budget::Output {
    use crate::budget::Output;
    match format {
        Format::Table => Output::Table,
        Format::Markdown => Output::Markdown,
        Format::Json => Output::Json,
        Format::Html => Output::Page,
    }
}

/// Load a course, printing its diagnostics to standard error when it has problems.
///
/// `Ok(None)` means the input had problems (exit 1); `Err` means it could not be read (exit 2).
///
/// Then the output budget for each of `outputs`: a course whose output would be too large is
/// reported as a located `too-many` error, as an input problem, before any planning or
/// writing.
pub fn load_course_within(
    path: &Path,
    color: ColorChoice,
    outputs: &[crate::budget::Output],
) -> Result<Option<course::Course>> {
    let bytes = read_input(path)?;
    let (text, loaded) = course::load_bytes(&bytes);
    let (diagnostics, omitted) = match loaded.course {
        Some(course) => {
            let refused = outputs
                .iter()
                .find_map(|&output| crate::budget::check_output(&course, output).err());
            match refused {
                None => return Ok(Some(course)),
                Some(diagnostic) => (vec![*diagnostic], 0),
            }
        }
        None => (loaded.diagnostics, loaded.omitted),
    };
    let report = FileReport {
        path: display_path(path),
        text: text.into_owned(),
        diagnostics,
        omitted,
    };
    let count = report.diagnostics.len() + report.omitted;
    let mut stderr = io::stderr().lock();
    let styled = color.enabled(io::stderr().is_terminal());
    let _ = write!(stderr, "{}", render::human::human(&report, styled));
    let _ = writeln!(
        stderr,
        "error: `{}` has {count} problem{}; nothing was planned",
        report.path,
        if count == 1 { "" } else { "s" }
    );
    Ok(None)
}

/// Write to standard output; a closed pipe surfaces as a `BrokenPipe` error the caller maps to 0.
pub fn emit(text: &str) -> Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    Ok(())
}

fn check_command(args: &CheckArgs, color: ColorChoice) -> Result<Outcome> {
    use crate::check;

    let stdin = Path::new("-");
    let mut paths = args.paths.clone();
    if paths.is_empty() {
        paths.push(PathBuf::from(if args.stdin_filename.is_some() {
            "-"
        } else {
            "."
        }));
    }
    let stdin_uses = paths.iter().filter(|p| p.as_path() == stdin).count();
    if stdin_uses > 1 {
        anyhow::bail!("`-` (standard input) can be given only once");
    }
    if stdin_uses == 0 && args.stdin_filename.is_some() {
        anyhow::bail!("`--stdin-filename` names standard input, but `-` is not among the paths");
    }
    // A misspelt `--deny` would make a CI gate silently weaker (`--deny warning` denies
    // nothing), so it stops the run; a misspelt `--allow` or `--warn` only reports more, and
    // stays a located `unknown-rule` warning.
    for id in &args.deny {
        if id != "warnings" && check::rule(id).is_none() {
            let names = check::CHECK_RULES
                .iter()
                .map(|r| r.id.as_str())
                .chain(std::iter::once("warnings"));
            let hint = match crate::did_you_mean(id, names) {
                Some(best) => format!("did you mean `{best}`?"),
                None => "`mixplan rules` lists the checks; `warnings` denies every warning".into(),
            };
            anyhow::bail!(
                "`--deny {}` names no check: {hint}",
                render::sanitize::sanitize(id)
            );
        }
    }
    let mut options = check::Options::from_flags(&args.allow, &args.warn, &args.deny);
    options.courses_only = args.courses_only;
    let stdin_input = if stdin_uses == 1 {
        let name = args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| display_path(stdin));
        Some((name, read_input(stdin)?))
    } else {
        None
    };
    let files: Vec<PathBuf> = paths.into_iter().filter(|p| p.as_path() != stdin).collect();
    let walk = check::WalkOptions {
        hidden: args.hidden,
        no_ignore: args.no_ignore,
    };
    let found = check::discover(&files, walk);
    let mut input_paths: Vec<PathBuf> = found.inputs.iter().map(|i| i.path.clone()).collect();
    if stdin_uses == 1 {
        // Compared by what standard input reads: `check - -o c.toml < c.toml` is refused.
        input_paths.push(stdin.to_path_buf());
    }
    let run = check::run(found, stdin_input, &options);
    // Locked only once the files are checked: a worker thread that writes to standard error
    // (a panic's message) must not wait for this thread, which waits for it.
    let mut stderr = io::stderr().lock();
    for note in render::notes::note_lines(&run.notes) {
        writeln!(stderr, "note: {}", render::sanitize::sanitize(&note))?;
    }
    for failure in &run.failures {
        writeln!(
            stderr,
            "error: {}",
            render::sanitize::sanitize(&failure.message)
        )?;
    }
    let summary = render::diagnostics::summary_line(&run);
    let outcome = if !run.failures.is_empty() {
        Outcome::CouldNotRun
    } else if run.failed() {
        Outcome::InputProblems
    } else {
        Outcome::Success
    };
    write_check_report(args, &run, &input_paths, color, &summary)?;
    if args.format == CheckFormat::Github
        && let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty())
    {
        let appended = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .and_then(|mut file| file.write_all(render::github::step_summary(&run).as_bytes()));
        if let Err(err) = appended {
            writeln!(
                stderr,
                "warning: cannot append to GITHUB_STEP_SUMMARY `{}`: {err}",
                Path::new(&path).display()
            )?;
        }
    }
    Ok(outcome)
}

/// Write `check`'s report to `--output` (atomically, never over an input) or standard
/// output, and the closing count line to standard error where the format leaves it out.
fn write_check_report(
    args: &CheckArgs,
    run: &crate::check::CheckRun,
    input_paths: &[PathBuf],
    color: ColorChoice,
    summary: &str,
) -> Result<()> {
    let mut stderr = io::stderr().lock();
    match &args.output {
        Some(output) => {
            let text = args.format.renderer()(run, false);
            let inputs: Vec<&Path> = input_paths.iter().map(PathBuf::as_path).collect();
            crate::fsio::write_atomic(
                output,
                text.as_bytes(),
                &inputs,
                crate::fsio::Existing::Replace,
            )?;
            writeln!(stderr, "{summary}")?;
        }
        None => {
            let styled = color.enabled(io::stdout().is_terminal());
            let mut stdout = io::stdout().lock();
            let written = args
                .format
                .write(run, styled, &mut stdout)
                .and_then(|()| stdout.flush());
            match written {
                // The reader went away (`| head`, `| true`): stop writing, quietly, but keep
                // the exit code the findings earned. `check` prints exactly when it fails, so
                // mapping a closed pipe to 0 would turn a failing CI step green under
                // `set -o pipefail`.
                Err(err) if err.kind() == io::ErrorKind::BrokenPipe => {}
                Err(err) => return Err(err.into()),
                Ok(()) => {
                    // A machine format owns standard output; people still get the count, on
                    // stderr.
                    if !args.format.has_summary_line() {
                        writeln!(stderr, "{summary}")?;
                    }
                }
            }
        }
    }
    Ok(())
}
