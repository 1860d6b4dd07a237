//! `mixplan workload`: hours of work per course week against the credits' target, as a table
//! with a bar per week, as Markdown, and as JSON derived from the serde types below (whose
//! schema, from the same types, is `mixplan schema workload`).

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell, CellAlignment, Color, ContentArrangement, Table};
use schemars::JsonSchema;
use serde::Serialize;

use super::Style;
use super::json::SchemaVersion;
use crate::Recommendation;
use crate::course::estimate::{RATES, WRITING_BLOCK_WORDS};
use crate::course::{Activity, Estimator, Mode, Per};
use crate::engine::round2;
use crate::schedule::weeks_phrase;
use crate::workload::{Target, WeekLoad, Workload};

/// Width of a week's bar in the table, in characters.
pub const BAR_WIDTH: usize = 26;

/// Hours, to two decimals, from whole minutes.
pub fn hours(minutes: u64) -> f64 {
    round2(minutes as f64 / 60.0)
}

fn hours_f(minutes: f64) -> f64 {
    round2(minutes / 60.0)
}

/// The arithmetic behind an estimated activity, in words: "40 pages × 450 words ÷ 180 words a
/// minute = 100 min; understand, some new concepts". `occurrences` is how often the activity
/// takes place, for the spreading of `per = "total"`.
pub fn basis(activity: &Activity, occurrences: usize) -> Option<String> {
    let estimate = activity.estimate.as_ref()?;
    let minutes = estimate.minutes();
    let plural = |n: u32, one: &str, many: &str| {
        if n == 1 {
            format!("{n} {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let mut text = match estimate.estimator {
        Estimator::Read {
            pages,
            words_per_page,
            purpose,
            new_concepts,
        } => format!(
            "{} × {words_per_page} words ÷ {} words a minute = {minutes} min; {purpose}, {} new concepts",
            plural(pages, "page", "pages"),
            RATES.reading(purpose, new_concepts),
            new_concepts
        ),
        Estimator::Write {
            words,
            genre,
            drafting,
        } => format!(
            "{words} words ÷ {WRITING_BLOCK_WORDS} × {} min = {minutes} min; {genre}, {drafting} drafting",
            RATES.writing(genre, drafting)
        ),
        Estimator::Watch { minutes: running } => {
            format!("{running} min running time = {minutes} min")
        }
        Estimator::Post {
            posts,
            words,
            replies,
            reply_words,
        } => {
            let mut parts = Vec::new();
            if posts > 0 {
                parts.push(format!(
                    "{} × {words} words",
                    plural(posts, "post", "posts")
                ));
            }
            if replies > 0 {
                parts.push(format!(
                    "{} × {reply_words} words",
                    plural(replies, "reply", "replies")
                ));
            }
            format!(
                "({}) ÷ {} words an hour = {minutes} min",
                parts.join(" + "),
                RATES.post_words_per_hour
            )
        }
    };
    if estimate.per == Per::Total && occurrences > 0 {
        let first = estimate.occurrence_minutes(0, occurrences);
        let last = estimate.occurrence_minutes(occurrences - 1, occurrences);
        let each = if first == last {
            format!("{first} min each")
        } else {
            format!("{first} min in the first, {last} in the last")
        };
        text.push_str(&format!("; spread over {occurrences} occurrences: {each}"));
    }
    Some(text)
}

/// `mixplan workload --format json`.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(title = "mixplan workload --format json")]
pub struct WorkloadJson {
    /// Version of the JSON output; raised only on incompatible changes.
    pub schema_version: SchemaVersion,
    /// The course.
    pub course: CourseJson,
    /// Hours a teaching week should ask: credits × credit_hours ÷ teaching weeks; null
    /// without `credits`.
    pub target_hours_per_week: Option<f64>,
    /// Hours above which a week is flagged: target × (1 + workload_tolerance); null without
    /// `credits`.
    pub ceiling_hours_per_week: Option<f64>,
    /// Every course week, in order.
    pub weeks: Vec<WeekJson>,
    /// The whole term.
    pub term: TermJson,
    /// The week that asks most (the earliest of equals); null when nothing is asked.
    pub peak: Option<PeakJson>,
    /// The lightest and heaviest teaching week; null without teaching weeks.
    pub weekly_range: Option<RangeJson>,
    /// Required activities, in file order, with what they ask and when.
    pub activities: Vec<ActivityJson>,
    /// Optional activities: outside every total.
    pub optional: Vec<OptionalJson>,
}

/// The course a workload belongs to.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CourseJson {
    /// The course title.
    pub title: String,
    /// Course weeks.
    pub weeks: u32,
    /// Teaching weeks (course weeks that are not breaks).
    pub teaching_weeks: usize,
    /// Credits; null when the course file gives none.
    pub credits: Option<f64>,
    /// Hours of work per credit over the term; null without `credits`.
    pub credit_hours: Option<f64>,
    /// Share above the weekly target before a week is flagged.
    pub workload_tolerance: f64,
}

/// One course week.
#[derive(Debug, Serialize, JsonSchema)]
pub struct WeekJson {
    /// 1-based course week.
    pub week: u32,
    /// Whether teaching happens this week (not a break).
    pub teaching: bool,
    /// Hours of live work.
    pub live_hours: f64,
    /// Hours of self-paced work, exam study included.
    pub self_paced_hours: f64,
    /// Live and self-paced hours together (rounded from exact minutes).
    pub total_hours: f64,
    /// The total as a share of the weekly target, two decimals; null without `credits`.
    pub target_share: Option<f64>,
    /// Whether the week asks more than target × (1 + workload_tolerance).
    pub over: bool,
}

/// The term's totals.
#[derive(Debug, Serialize, JsonSchema)]
pub struct TermJson {
    /// Hours over the term.
    pub total_hours: f64,
    /// Live hours over the term.
    pub live_hours: f64,
    /// Self-paced hours over the term.
    pub self_paced_hours: f64,
    /// Hours the credits stand for: credits × credit_hours; null without `credits`.
    pub target_hours: Option<f64>,
    /// The total as a share of the target hours; null without `credits`.
    pub target_share: Option<f64>,
}

/// The heaviest week.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PeakJson {
    /// 1-based course week.
    pub week: u32,
    /// Its hours.
    pub total_hours: f64,
}

/// The lightest and heaviest teaching week.
#[derive(Debug, Serialize, JsonSchema)]
pub struct RangeJson {
    /// Hours of the lightest teaching week.
    pub min_hours: f64,
    /// Hours of the heaviest teaching week.
    pub max_hours: f64,
}

/// What one required activity asks.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ActivityJson {
    /// The activity id.
    pub id: String,
    /// Its title, if any.
    pub title: Option<String>,
    /// Live (`sync`) or self-paced (`async`) under the plan.
    pub mode: String,
    /// The weeks it takes place.
    pub weeks: Vec<u32>,
    /// Minutes of each occurrence, in the order of `weeks`.
    pub minutes: Vec<u64>,
    /// The estimator its minutes come from (`read`, `write`, `watch`, `post`); null when the
    /// file gives `minutes`.
    pub estimator: Option<String>,
    /// The arithmetic of the estimate, in words; null when the file gives `minutes`.
    pub basis: Option<String>,
    /// Exam study placed before its sittings.
    pub study: Vec<StudyJson>,
    /// Hours over the term, study included.
    pub total_hours: f64,
}

/// Exam study in one week.
#[derive(Debug, Serialize, JsonSchema)]
pub struct StudyJson {
    /// 1-based course week.
    pub week: u32,
    /// Minutes of study.
    pub minutes: u64,
}

/// An optional activity.
#[derive(Debug, Serialize, JsonSchema)]
pub struct OptionalJson {
    /// The activity id.
    pub id: String,
    /// Its title, if any.
    pub title: Option<String>,
    /// Live (`sync`) or self-paced (`async`).
    pub mode: String,
    /// The weeks it takes place.
    pub weeks: Vec<u32>,
    /// Hours over the term, were a student to take all of it.
    pub total_hours: f64,
}

fn share(target: Option<&Target>, week: &WeekLoad) -> Option<f64> {
    target.map(|t| round2(t.share(week)))
}

/// The JSON value of a workload.
pub fn json_value(rec: &Recommendation, workload: &Workload) -> WorkloadJson {
    let course = &rec.course;
    let target = workload.target.as_ref();
    let term = workload.term_minutes();
    let live = workload.term_live_minutes();
    WorkloadJson {
        schema_version: SchemaVersion,
        course: CourseJson {
            title: course.meta.title.clone(),
            weeks: course.meta.weeks,
            teaching_weeks: workload.weeks.iter().filter(|w| w.teaching).count(),
            credits: course.meta.credits.map(|c| c.credits),
            credit_hours: course.meta.credits.map(|c| c.credit_hours),
            workload_tolerance: course.meta.workload_tolerance,
        },
        target_hours_per_week: target.map(|t| hours_f(t.minutes_per_week())),
        ceiling_hours_per_week: target.map(|t| hours_f(t.ceiling_minutes())),
        weeks: workload
            .weeks
            .iter()
            .map(|w| WeekJson {
                week: w.week,
                teaching: w.teaching,
                live_hours: hours(w.live_minutes),
                self_paced_hours: hours(w.self_paced_minutes),
                total_hours: hours(w.total_minutes()),
                target_share: share(target, w),
                over: target.is_some_and(|t| t.is_over(w)),
            })
            .collect(),
        term: TermJson {
            total_hours: hours(term),
            live_hours: hours(live),
            self_paced_hours: hours(term - live),
            target_hours: target.map(|t| hours_f(t.term_minutes())),
            target_share: target.map(|t| round2(term as f64 / t.term_minutes())),
        },
        peak: workload.peak().map(|w| PeakJson {
            week: w.week,
            total_hours: hours(w.total_minutes()),
        }),
        weekly_range: workload.range().map(|(lo, hi)| RangeJson {
            min_hours: hours(lo),
            max_hours: hours(hi),
        }),
        activities: workload
            .activities
            .iter()
            .map(|load| {
                let a = &course.activities[load.activity];
                ActivityJson {
                    id: a.id.clone(),
                    title: a.title.clone(),
                    mode: load.mode.as_str().into(),
                    weeks: load.weeks.clone(),
                    minutes: load.minutes.clone(),
                    estimator: a.estimate.map(|e| e.estimator.key().into()),
                    basis: basis(a, load.weeks.len()),
                    study: load
                        .study
                        .iter()
                        .map(|&(week, minutes)| StudyJson { week, minutes })
                        .collect(),
                    total_hours: hours(load.total_minutes()),
                }
            })
            .collect(),
        optional: workload
            .optional
            .iter()
            .map(|o| {
                let a = &course.activities[o.activity];
                OptionalJson {
                    id: a.id.clone(),
                    title: a.title.clone(),
                    mode: o.mode.as_str().into(),
                    weeks: o.weeks.clone(),
                    total_hours: hours(o.total_minutes),
                }
            })
            .collect(),
    }
}

/// Pretty JSON text, newline-terminated.
pub fn json(rec: &Recommendation, workload: &Workload) -> String {
    let mut text = serde_json::to_string_pretty(&json_value(rec, workload))
        .expect("the workload always serializes");
    text.push('\n');
    text
}

/// The JSON Schema of `mixplan workload --format json`, from the same types.
pub fn schema() -> serde_json::Value {
    let schema = schemars::generate::SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<WorkloadJson>();
    super::standard_formats(schema.to_value())
}

/// A number of hours without trailing zeros: `13.67`, `9`, `0.5`.
pub fn h(x: f64) -> String {
    format!("{}", round2(x))
}

/// A week's bar: `█` live, `▒` self-paced, `▏` where the target falls beyond the bar. The
/// scale is shared by every week.
pub fn bar(week: &WeekLoad, target: Option<&Target>, scale_minutes: f64) -> String {
    let cells = |minutes: f64| -> usize {
        if scale_minutes <= 0.0 {
            0
        } else {
            ((minutes / scale_minutes) * BAR_WIDTH as f64).round() as usize
        }
    };
    let live = cells(week.live_minutes as f64);
    let total = cells(week.total_minutes() as f64).max(live);
    let mark = target.map(|t| cells(t.minutes_per_week()).min(BAR_WIDTH));
    let mut out = String::new();
    for i in 0..BAR_WIDTH.max(total) {
        out.push(if i < live {
            '█'
        } else if i < total {
            '▒'
        } else if Some(i) == mark {
            '▏'
        } else {
            ' '
        });
    }
    out.trim_end().to_string()
}

fn scale(workload: &Workload) -> f64 {
    let peak = workload.peak().map_or(0, |w| w.total_minutes()) as f64;
    let ceiling = workload.target.map_or(0.0, |t| t.ceiling_minutes());
    peak.max(ceiling)
}

/// The header lines: the target's arithmetic, the term, the peak and the range.
pub fn summary_lines(workload: &Workload) -> Vec<(String, String)> {
    let mut lines = Vec::new();
    let term = workload.term_minutes();
    let live = workload.term_live_minutes();
    let teaching = workload.weeks.iter().filter(|w| w.teaching).count();
    match &workload.target {
        Some(t) => {
            lines.push((
                "target".to_string(),
                format!(
                    "{} credit{} × {} h = {} h over {teaching} teaching weeks = {} h a week; flagged above {} h (+{:.0}%)",
                    t.credits,
                    if t.credits == 1.0 { "" } else { "s" },
                    t.credit_hours,
                    h(t.term_minutes() / 60.0),
                    h(t.minutes_per_week() / 60.0),
                    h(t.ceiling_minutes() / 60.0),
                    t.tolerance * 100.0
                ),
            ));
            lines.push((
                "term".to_string(),
                format!(
                    "{} h of {} h ({:.0}%): {} h live, {} h self-paced",
                    h(term as f64 / 60.0),
                    h(t.term_minutes() / 60.0),
                    term as f64 / t.term_minutes() * 100.0,
                    hours(live),
                    hours(term - live)
                ),
            ));
        }
        None => {
            lines.push((
                "target".to_string(),
                "none: add `credits` to [course] to compare the weeks with the hours the credits stand for".to_string(),
            ));
            lines.push((
                "term".to_string(),
                format!(
                    "{} h: {} h live, {} h self-paced",
                    hours(term),
                    hours(live),
                    hours(term - live)
                ),
            ));
        }
    }
    if let Some(peak) = workload.peak() {
        let of_target = workload
            .target
            .map(|t| format!(" ({:.0}% of target)", t.share(peak) * 100.0))
            .unwrap_or_default();
        lines.push((
            "peak".to_string(),
            format!(
                "week {}, {} h{of_target}",
                peak.week,
                hours(peak.total_minutes())
            ),
        ));
    }
    if let Some((lo, hi)) = workload.range() {
        lines.push((
            "weekly range".to_string(),
            format!("{}-{} h", hours(lo), hours(hi)),
        ));
    }
    let over: Vec<u32> = workload.over_weeks().iter().map(|w| w.week).collect();
    if !over.is_empty() {
        lines.push(("over target".to_string(), weeks_phrase(&over)));
    }
    lines
}

/// Column names of the week table.
pub const WEEK_HEADER: [&str; 7] = [
    "week",
    "live h",
    "self-paced h",
    "total h",
    "target h",
    "share",
    "█ live ▒ self-paced ▏ target",
];

/// Cells of the week table and whether each week is over target.
pub fn week_rows(workload: &Workload) -> Vec<([String; 7], bool)> {
    let target = workload.target.as_ref();
    let scale = scale(workload);
    workload
        .weeks
        .iter()
        .map(|w| {
            let over = target.is_some_and(|t| t.is_over(w));
            let label = if w.teaching {
                w.week.to_string()
            } else {
                format!("{} (break)", w.week)
            };
            let mut bar = bar(w, target, scale);
            if over {
                bar.push_str(" ▲ over");
            }
            (
                [
                    label,
                    format!("{:.2}", hours(w.live_minutes)),
                    format!("{:.2}", hours(w.self_paced_minutes)),
                    format!("{:.2}", hours(w.total_minutes())),
                    target.map_or("-".into(), |t| {
                        format!("{:.2}", hours_f(t.minutes_per_week()))
                    }),
                    target.map_or("-".into(), |t| format!("{:.0}%", t.share(w) * 100.0)),
                    bar,
                ],
                over,
            )
        })
        .collect()
}

/// Estimated activities as `(id, basis)`, in file order.
pub fn estimate_lines(rec: &Recommendation, workload: &Workload) -> Vec<(String, String)> {
    workload
        .activities
        .iter()
        .filter_map(|load| {
            let a = &rec.course.activities[load.activity];
            basis(a, load.weeks.len()).map(|b| (a.id.clone(), b))
        })
        .collect()
}

/// Exam study as `(id, text)`.
pub fn study_lines(rec: &Recommendation, workload: &Workload) -> Vec<(String, String)> {
    workload
        .activities
        .iter()
        .filter(|load| !load.study.is_empty())
        .map(|load| {
            let a = &rec.course.activities[load.activity];
            let parts: Vec<String> = load
                .study
                .iter()
                .map(|(week, minutes)| format!("week {week}: {minutes} min"))
                .collect();
            (a.id.clone(), format!("study {}", parts.join(", ")))
        })
        .collect()
}

/// Optional activities as `(id, text)`.
pub fn optional_lines(rec: &Recommendation, workload: &Workload) -> Vec<(String, String)> {
    workload
        .optional
        .iter()
        .map(|o| {
            let a = &rec.course.activities[o.activity];
            let mode = match o.mode {
                Mode::Sync => "live",
                Mode::Async => "self-paced",
            };
            (
                a.id.clone(),
                format!(
                    "{mode}, {}: {} h over the term, not in the totals",
                    weeks_phrase(&o.weeks),
                    hours(o.total_minutes)
                ),
            )
        })
        .collect()
}

fn heading(text: &str, style: Style) -> String {
    if style.color {
        format!("\x1b[1m{text}\x1b[0m\n")
    } else {
        format!("{text}\n")
    }
}

/// The table for a terminal.
pub fn table(rec: &Recommendation, workload: &Workload, style: Style) -> String {
    let mut out = heading(
        &format!(
            "Workload: {}, {} weeks",
            rec.course.meta.title, rec.course.meta.weeks
        ),
        style,
    );
    out.push('\n');
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(
            WEEK_HEADER
                .iter()
                .map(|h| Cell::new(h).add_attribute(Attribute::Bold)),
        );
    if let Some(width) = style.width {
        table.set_width(width);
    }
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    for (row, over) in week_rows(workload) {
        let cells: Vec<Cell> = row
            .into_iter()
            .enumerate()
            .map(|(i, text)| {
                let cell = Cell::new(text);
                let cell = if (1..=5).contains(&i) {
                    cell.set_alignment(CellAlignment::Right)
                } else {
                    cell
                };
                if over && i >= 3 {
                    cell.fg(Color::Red).add_attribute(Attribute::Bold)
                } else {
                    cell
                }
            })
            .collect();
        table.add_row(cells);
    }
    out.push_str(&table.to_string());
    out.push_str("\n\n");
    for (label, value) in summary_lines(workload) {
        out.push_str(&format!("{label}: {value}\n"));
    }
    let sections = [
        ("Estimates", estimate_lines(rec, workload)),
        ("Exam study", study_lines(rec, workload)),
        (
            "Optional (not in the totals)",
            optional_lines(rec, workload),
        ),
    ];
    for (title, lines) in sections {
        if lines.is_empty() {
            continue;
        }
        out.push('\n');
        out.push_str(&heading(title, style));
        for (id, text) in lines {
            out.push_str(&format!("  - {id}: {text}\n"));
        }
    }
    out
}

/// Markdown for an LMS page or a README.
pub fn markdown(rec: &Recommendation, workload: &Workload) -> String {
    let mut out = format!(
        "# Workload: {}\n\n",
        super::markdown::cell(&rec.course.meta.title)
    );
    for (label, value) in summary_lines(workload) {
        out.push_str(&format!(
            "- **{label}**: {}\n",
            super::markdown::cell(&value)
        ));
    }
    out.push('\n');
    out.push_str(&super::markdown::table_of_cells(
        WEEK_HEADER,
        week_rows(workload).into_iter().map(|(row, _)| {
            // The bar is a code span (mixplan's own characters): monospaced, spaces kept, so
            // the bars line up; the other cells are escaped text.
            let [week, live, own, total, target, share, bar] = row;
            let [a, b, c, d, e, f] =
                [week, live, own, total, target, share].map(|cell| super::markdown::cell(&cell));
            [a, b, c, d, e, f, super::markdown::code_cell(&bar)]
        }),
    ));
    let sections = [
        ("Estimates", estimate_lines(rec, workload)),
        ("Exam study", study_lines(rec, workload)),
        (
            "Optional (not in the totals)",
            optional_lines(rec, workload),
        ),
    ];
    for (title, lines) in sections {
        if lines.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {title}\n\n"));
        for (id, text) in lines {
            out.push_str(&format!(
                "- **{}**: {}\n",
                super::markdown::cell(&id),
                super::markdown::cell(&text)
            ));
        }
    }
    out
}
