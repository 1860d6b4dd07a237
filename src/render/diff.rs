//! `mixplan diff`: the changes between two versions of a course, as a list for a terminal, a
//! pull-request comment (GitHub-flavoured Markdown), JSON (with its schema) or GitHub
//! annotations. Every line is built once here as typed rows (`Line`), then laid out per
//! format, so the formats cannot disagree.

use std::fmt::Write as _;

use schemars::JsonSchema;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::markdown::escape;
use super::sanitize::sanitize;
use super::{short_zone, wall_clock};
use crate::course::Mode;
use crate::diagnostic::Severity;
use crate::diff::{ActivityChangeKind, Diff, FailOn, MeetingChange, MeetingChangeKind, Side, When};

/// Both sides beside their diff: renderers show local times in the new version's zones.
pub struct Report<'a> {
    /// The comparison.
    pub diff: &'a Diff,
    /// The new version (its zones and organizer's zone).
    pub new: &'a Side,
    /// `--fail-on` as given, and what of it occurred.
    pub fail_on: &'a [FailOn],
}

/// One section of the report: a heading and its lines.
struct Section {
    heading: String,
    lines: Vec<Line>,
}

/// One change: what kind, where (a week, an activity), and the sentence.
struct Line {
    change: String,
    place: String,
    text: String,
}

/// One change in one week before grouping: `brief` leaves dates out, so that the same change
/// in many weeks reads as one line naming the weeks; `full` is used when it happens once.
struct Weekly {
    change: String,
    /// What changed: the sitting key of a meeting, the activity id of a due item. Two
    /// activities with the same title stay two lines.
    subject: String,
    week: u32,
    brief: String,
    full: String,
}

/// Join the same change of the same meeting or activity in several weeks into one line (first
/// appearance keeps its place). One pass with an index: a diff of every due item of a large
/// course stays linear.
fn grouped(items: Vec<Weekly>) -> Vec<Line> {
    let mut groups: Vec<(Weekly, Vec<u32>)> = Vec::new();
    let mut index: std::collections::HashMap<(String, String, String), usize> =
        std::collections::HashMap::new();
    for item in items {
        let key = (
            item.change.clone(),
            item.subject.clone(),
            item.brief.clone(),
        );
        match index.get(&key) {
            Some(&k) => groups[k].1.push(item.week),
            None => {
                index.insert(key, groups.len());
                let week = item.week;
                groups.push((item, vec![week]));
            }
        }
    }
    groups
        .into_iter()
        .map(|(item, mut weeks)| {
            weeks.sort_unstable();
            weeks.dedup();
            // A change in one week is told in full; one repeated over weeks, briefly.
            Line {
                change: item.change,
                place: crate::schedule::weeks_phrase(&weeks),
                text: if weeks.len() == 1 {
                    item.full
                } else {
                    item.brief
                },
            }
        })
        .collect()
}

fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Sync => "live",
        Mode::Async => "self-paced",
    }
}

/// `+1.5` / `-1.0` / `0`.
fn signed(points: f64) -> String {
    if points.abs() < 1e-9 {
        "0".to_string()
    } else {
        format!("{points:+.1}")
    }
}

/// `1 h 30 min`, `2 days`, `45 min`.
fn span_text(minutes: i64) -> String {
    let m = minutes.unsigned_abs();
    if m.is_multiple_of(1440) {
        let d = m / 1440;
        return format!("{d} day{}", if d == 1 { "" } else { "s" });
    }
    match (m / 60, m % 60) {
        (0, min) => format!("{min} min"),
        (h, 0) => format!("{h} h"),
        (h, min) => format!("{h} h {min} min"),
    }
}

fn when_text(when: &When) -> String {
    match when {
        When::At(at) => wall_clock(at, "%a %Y-%m-%d %H:%M"),
        When::InWeek { week, day, time } => format!("week {week} {} {time}", day.as_str()),
    }
}

/// Weekday and time with the zone's abbreviation, no date (`Tue 17:30 CST`): the part of a
/// time that repeats week after week.
fn clock_text(when: &When) -> String {
    match when {
        When::At(at) => wall_clock(at, "%a %H:%M"),
        When::InWeek { day, time, .. } => format!("{} {time}", day.as_str()),
    }
}

/// The same instant in each student zone other than the organizer's.
fn zone_times(when: &When, side: &Side) -> Vec<(String, String)> {
    let When::At(at) = when else {
        return Vec::new();
    };
    side.zones
        .iter()
        .filter(|(zone, _)| *zone != side.timezone)
        .filter_map(|(zone, _)| {
            let tz = crate::course::zones::resolve(zone)?;
            Some((zone.clone(), wall_clock(&at.with_time_zone(tz), "%a %H:%M")))
        })
        .collect()
}

fn activity_lines(diff: &Diff) -> Vec<Line> {
    diff.activities
        .iter()
        .map(|a| {
            let name = format!("{} ({})", sanitize(&a.title), sanitize(&a.id));
            let (change, text) = match &a.kind {
                ActivityChangeKind::Added { mode } => {
                    ("added", format!("{name}: {}", mode_name(*mode)))
                }
                ActivityChangeKind::Removed { mode, renamed_to } => {
                    let hint = renamed_to
                        .as_ref()
                        .map(|to| format!("; looks renamed to `{}`", sanitize(to)))
                        .unwrap_or_default();
                    ("removed", format!("{name}: was {}{hint}", mode_name(*mode)))
                }
                ActivityChangeKind::Changed {
                    old_title,
                    mode,
                    rules,
                } => {
                    let mut parts = Vec::new();
                    if let Some(old) = old_title {
                        parts.push(format!("title was \"{}\"", sanitize(old)));
                    }
                    if let Some((o, n)) = mode {
                        parts.push(format!("{} → {}", mode_name(*o), mode_name(*n)));
                    }
                    if !rules.is_empty() {
                        let list: Vec<String> = rules
                            .iter()
                            .map(|(r, o, n)| format!("{r} {} → {}", signed(*o), signed(*n)))
                            .collect();
                        parts.push(format!("rules: {}", list.join(", ")));
                    }
                    let change = if mode.is_some() { "mode" } else { "changed" };
                    (change, format!("{name}: {}", parts.join("; ")))
                }
            };
            Line {
                change: change.to_string(),
                place: String::new(),
                text,
            }
        })
        .collect()
}

fn live_lines(diff: &Diff) -> Vec<Line> {
    let mut lines = Vec::new();
    let band = diff.band;
    if (band.new - band.old).abs() >= 0.5 {
        lines.push(Line {
            change: if band.new > band.old { "more" } else { "less" }.to_string(),
            place: "mean".to_string(),
            text: format!(
                "{:.0} → {:.0} min a week ({:+.0}; band {:.0}-{:.0})",
                band.old,
                band.new,
                band.new - band.old,
                band.band.0,
                band.band.1
            ),
        });
    }
    for w in &diff.weeks {
        let over = f64::from(w.new) > band.band.1 + 1e-9 && f64::from(w.old) <= band.band.1;
        lines.push(Line {
            change: if w.new > w.old { "more" } else { "less" }.to_string(),
            place: format!("week {}", w.week),
            text: format!(
                "{} → {} min ({:+}){}",
                w.old,
                w.new,
                i64::from(w.new) - i64::from(w.old),
                if over { "; now over the band" } else { "" }
            ),
        });
    }
    lines
}

/// `title: old → new` with the start in the organizer's zone and in each student zone,
/// written by `clock` (with or without the date).
fn moved_text(m: &MeetingChange, side: &Side, clock: fn(&When) -> String) -> String {
    let title = sanitize(&m.title);
    let (Some(o), Some(n)) = (&m.old, &m.new) else {
        return title.into_owned();
    };
    let mut text = format!("{title}: {} → {}", clock(&o.start), clock(&n.start));
    let old_local = zone_times(&o.start, side);
    for (zone, new_local) in zone_times(&n.start, side) {
        let old = old_local
            .iter()
            .find(|(z, _)| *z == zone)
            .map_or("?", |(_, t)| t.as_str());
        let _ = write!(text, "; {}: {old} → {new_local}", short_zone(&zone));
    }
    text
}

fn meeting_item(m: &MeetingChange, side: &Side) -> Weekly {
    let title = sanitize(&m.title).into_owned();
    let at = |f: &Option<crate::diff::MeetingFacts>, clock: fn(&When) -> String| {
        f.as_ref().map(|f| clock(&f.start)).unwrap_or_default()
    };
    let subject = m.identity.split('@').next().unwrap_or_default();
    let item = |change: &str, brief: String, full: String| Weekly {
        change: change.to_string(),
        subject: subject.to_string(),
        week: m.week,
        brief,
        full,
    };
    match m.kind {
        MeetingChangeKind::Moved => {
            let change = match m.delta_minutes {
                Some(d) if d < 0 => format!("{} earlier", span_text(d)),
                Some(d) => format!("{} later", span_text(d)),
                None => "moved".to_string(),
            };
            item(
                &change,
                moved_text(m, side, clock_text),
                moved_text(m, side, when_text),
            )
        }
        MeetingChangeKind::Resized => {
            let minutes =
                |f: &Option<crate::diff::MeetingFacts>| f.as_ref().map_or(0, |f| f.minutes);
            let text = format!("{title}: {} → {} min", minutes(&m.old), minutes(&m.new));
            item("length", text.clone(), text)
        }
        MeetingChangeKind::Removed => item(
            "removed",
            format!(
                "{title}: {} (an imported Canvas event stays: delete it there)",
                at(&m.old, clock_text)
            ),
            format!(
                "{title}: {} (an imported Canvas event stays: delete it there)",
                at(&m.old, when_text)
            ),
        ),
        kind => {
            let change = match kind {
                MeetingChangeKind::Cancelled => "cancelled",
                MeetingChangeKind::Reinstated => "reinstated",
                _ => "added",
            };
            item(
                change,
                format!("{title}: {}", at(&m.new, clock_text)),
                format!("{title}: {}", at(&m.new, when_text)),
            )
        }
    }
}

fn meeting_lines(diff: &Diff, side: &Side) -> Vec<Line> {
    grouped(
        diff.meetings
            .iter()
            .map(|m| meeting_item(m, side))
            .collect(),
    )
}

fn due_lines(diff: &Diff) -> Vec<Line> {
    let items = diff
        .dues
        .iter()
        .map(|d| {
            let title = sanitize(&d.title);
            let text = |clock: fn(&When) -> String| match (&d.old, &d.new) {
                (Some(o), Some(n)) => format!("{title}: {} → {}", clock(o), clock(n)),
                (None, Some(n)) => format!("{title}: {}", clock(n)),
                (Some(o), None) => format!(
                    "{title}: was {} (an imported Canvas assignment stays: delete it there)",
                    clock(o)
                ),
                (None, None) => title.to_string(),
            };
            let change = match (&d.old, &d.new, d.delta_minutes) {
                (Some(_), Some(_), Some(m)) if m < 0 => format!("EARLIER by {}", span_text(m)),
                (Some(_), Some(_), Some(m)) => format!("later by {}", span_text(m)),
                (Some(_), Some(_), None) => "moved".to_string(),
                (None, _, _) => "added".to_string(),
                (Some(_), None, _) => "removed".to_string(),
            };
            Weekly {
                change,
                subject: d.activity.clone(),
                week: d.week,
                brief: text(clock_text),
                full: text(when_text),
            }
        })
        .collect();
    grouped(items)
}

fn coverage_lines(diff: &Diff) -> Vec<Line> {
    diff.coverage
        .iter()
        .map(|c| Line {
            change: if c.new < c.old { "fewer" } else { "more" }.to_string(),
            place: sanitize(&c.unit).into_owned(),
            text: format!("{}: {} → {} of {} students", c.zone, c.old, c.new, c.of),
        })
        .collect()
}

fn workload_lines(diff: &Diff) -> Vec<Line> {
    diff.workload
        .iter()
        .map(|w| Line {
            change: if w.new > w.old { "more" } else { "less" }.to_string(),
            place: format!("week {}", w.week),
            text: format!(
                "{:.1} h → {:.1} h{}",
                w.old as f64 / 60.0,
                w.new as f64 / 60.0,
                if w.newly_over {
                    "; now over the target"
                } else {
                    ""
                }
            ),
        })
        .collect()
}

fn finding_lines(diff: &Diff) -> Vec<Line> {
    diff.findings
        .iter()
        .map(|f| Line {
            change: if f.new { "new" } else { "gone" }.to_string(),
            place: sanitize(&f.subject).into_owned(),
            text: format!("{}[{}]: {}", f.severity, f.rule, sanitize(&f.message)),
        })
        .collect()
}

fn sections(report: &Report<'_>) -> Vec<Section> {
    let diff = report.diff;
    let band = diff.band.band;
    [
        ("Activities".to_string(), activity_lines(diff)),
        (
            format!("Live minutes per week (band {:.0}-{:.0})", band.0, band.1),
            live_lines(diff),
        ),
        ("Live meetings".to_string(), meeting_lines(diff, report.new)),
        ("Due items".to_string(), due_lines(diff)),
        ("Who live sessions reach".to_string(), coverage_lines(diff)),
        ("Workload per week".to_string(), workload_lines(diff)),
        ("Findings".to_string(), finding_lines(diff)),
    ]
    .into_iter()
    .filter(|(_, lines)| !lines.is_empty())
    .map(|(heading, lines)| Section { heading, lines })
    .collect()
}

fn title_line(diff: &Diff) -> String {
    let (old, new) = (&diff.titles.0, &diff.titles.1);
    if old == new || old.is_empty() {
        sanitize(new).into_owned()
    } else {
        format!("{} → {}", sanitize(old), sanitize(new))
    }
}

fn shift_line(diff: &Diff) -> Option<String> {
    diff.shifted_days.map(|days| {
        format!(
            "Every date moves {} {} (the start date changed).",
            span_text(days * 1440),
            if days < 0 { "earlier" } else { "later" }
        )
    })
}

fn verdict(report: &Report<'_>) -> Option<String> {
    let hit = report.diff.failures(report.fail_on);
    (!hit.is_empty()).then(|| {
        let names: Vec<&str> = hit.iter().map(|f| f.as_str()).collect();
        format!("--fail-on: {}", names.join(", "))
    })
}

/// The terminal report.
pub fn text(report: &Report<'_>) -> String {
    let mut out = format!("mixplan diff: {}\n", title_line(report.diff));
    if let Some(line) = shift_line(report.diff) {
        let _ = writeln!(out, "{line}");
    }
    let sections = sections(report);
    if sections.is_empty() && report.diff.shifted_days.is_none() {
        out.push_str("No change a student would notice.\n");
    }
    for section in sections {
        let _ = writeln!(out, "\n{}", section.heading);
        let change = column_width(section.lines.iter().map(|l| l.change.as_str()));
        let place = column_width(section.lines.iter().map(|l| l.place.as_str()));
        for line in section.lines {
            let _ = writeln!(
                out,
                "  {}  {}  {}",
                padded(&line.change, change),
                padded(&line.place, place),
                line.text
            );
        }
    }
    if let Some(v) = verdict(report) {
        let _ = writeln!(out, "\n{v}");
    }
    out
}

/// Widest column cells are aligned to, in terminal columns: a longer cell (a week list of an
/// irregular activity over two years) is written whole and the next column starts after it.
const MAX_COLUMN: usize = 40;

/// The width a column is padded to: its widest cell by display width (CJK counts two), at
/// most [`MAX_COLUMN`].
fn column_width<'a>(cells: impl Iterator<Item = &'a str>) -> usize {
    cells
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
        .min(MAX_COLUMN)
}

/// `cell` followed by spaces up to `width` display columns.
fn padded(cell: &str, width: usize) -> String {
    let pad = width.saturating_sub(cell.width());
    format!("{cell}{}", " ".repeat(pad))
}

/// A pull-request comment: headings and GitHub-flavoured tables.
pub fn markdown(report: &Report<'_>) -> String {
    let mut out = format!("### mixplan diff: {}\n\n", escape(&title_line(report.diff)));
    if let Some(line) = shift_line(report.diff) {
        let _ = writeln!(out, "{line}\n");
    }
    let sections = sections(report);
    if sections.is_empty() && report.diff.shifted_days.is_none() {
        out.push_str("No change a student would notice.\n");
    }
    for section in sections {
        let _ = writeln!(out, "#### {}\n", escape(&section.heading));
        let rows = section
            .lines
            .into_iter()
            .map(|l| [l.change, l.place, l.text]);
        out.push_str(&super::markdown::table(["change", "where", "what"], rows));
        out.push('\n');
    }
    if let Some(v) = verdict(report) {
        let _ = writeln!(out, "**{}**", escape(&v));
    }
    out
}

/// GitHub workflow commands: a warning for each change `--fail-on` names (or would name),
/// a notice for the rest, all on the new file.
pub fn github(report: &Report<'_>, path: &str) -> String {
    use super::github::{escape_data, escape_property};
    let mut out = String::new();
    let file = escape_property(path);
    for section in sections(report) {
        for line in section.lines {
            let severity = if matches!(line.change.as_str(), "fewer" | "more" | "new")
                || line.change.starts_with("EARLIER")
            {
                "warning"
            } else {
                "notice"
            };
            let _ = writeln!(
                out,
                "::{severity} file={file},title={}::{}",
                escape_property(&format!("mixplan diff: {}", section.heading)),
                escape_data(&format!("{} {} {}", line.change, line.place, line.text))
            );
        }
    }
    out
}

/// `mixplan diff --format json`: what students will experience differently.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "mixplan diff --format json")]
pub struct DiffJson {
    /// Version of this JSON contract.
    pub schema_version: super::json::SchemaVersion,
    /// Old and new course titles.
    pub titles: [String; 2],
    /// Every dated item moved by this many days because the start date changed (said once;
    /// those moves are not listed below), else null.
    pub shifted_days: Option<i64>,
    /// Activities added, removed or changed.
    pub activities: Vec<ActivityJson>,
    /// The band's mean measure, minutes per week.
    pub band: BandJson,
    /// Teaching weeks whose live minutes changed.
    pub weeks: Vec<WeekJson>,
    /// Meetings moved, resized, cancelled, reinstated, added or removed.
    pub meetings: Vec<MeetingJson>,
    /// Due items moved, added or removed.
    pub dues: Vec<DueJson>,
    /// Students reached per live unit and zone, where it changed.
    pub coverage: Vec<CoverageJson>,
    /// Minutes of work per week, where it changed.
    pub workload: Vec<WorkloadJson>,
    /// Findings new or gone.
    pub findings: Vec<FindingJson>,
    /// `--fail-on` kinds that occurred (empty without `--fail-on`).
    pub failed_on: Vec<String>,
}

/// An activity's change.
#[derive(Serialize, JsonSchema)]
pub struct ActivityJson {
    /// Activity id.
    pub id: String,
    /// Title (the new one when it changed).
    pub title: String,
    /// `added`, `removed` or `changed`.
    pub change: &'static str,
    /// Old mode (`sync`/`async`), null when added.
    pub old_mode: Option<Mode>,
    /// New mode, null when removed.
    pub new_mode: Option<Mode>,
    /// The old title when it changed.
    pub old_title: Option<String>,
    /// For a removed activity: an added one that looks like it under a new id.
    pub renamed_to: Option<String>,
    /// Scoring rules whose points changed (positive favours live).
    pub rules: Vec<RuleJson>,
}

/// A scoring rule's points before and after.
#[derive(Serialize, JsonSchema)]
pub struct RuleJson {
    /// Rule id.
    pub rule: String,
    /// Old points (0 when it did not apply).
    pub old: f64,
    /// New points.
    pub new: f64,
}

/// The band's mean measure before and after.
#[derive(Serialize, JsonSchema)]
pub struct BandJson {
    /// The written band's floor, minutes per week.
    pub floor: f64,
    /// The written band's ceiling, minutes per week.
    pub ceiling: f64,
    /// Old mean, minutes per week.
    pub old: f64,
    /// New mean, minutes per week.
    pub new: f64,
}

/// A week's measured live minutes before and after.
#[derive(Serialize, JsonSchema)]
pub struct WeekJson {
    /// Course week.
    pub week: u32,
    /// Old minutes.
    pub old: u32,
    /// New minutes.
    pub new: u32,
}

/// A point in time: RFC 9557 in the organizer's zone, or without a start date the week,
/// weekday and time.
#[derive(Serialize, JsonSchema)]
#[serde(untagged)]
pub enum WhenJson {
    /// An instant, e.g. `2027-01-12T09:00:00-05:00[America/New_York]`.
    At(String),
    /// A place in the week grid.
    InWeek {
        /// Course week.
        week: u32,
        /// Weekday (`mon` ... `sun`).
        day: String,
        /// `HH:MM`.
        time: String,
    },
}

impl From<&When> for WhenJson {
    fn from(when: &When) -> Self {
        match when {
            When::At(at) => WhenJson::At(at.to_string()),
            When::InWeek { week, day, time } => WhenJson::InWeek {
                week: *week,
                day: day.as_str().to_string(),
                time: time.to_string(),
            },
        }
    }
}

/// One side of a meeting.
#[derive(Serialize, JsonSchema)]
pub struct MeetingSideJson {
    /// Start.
    pub start: WhenJson,
    /// Length in minutes.
    pub minutes: u32,
    /// Cancelled by a holiday.
    pub cancelled: bool,
}

/// A meeting's change.
#[derive(Serialize, JsonSchema)]
pub struct MeetingJson {
    /// Identity: sitting key `@` week.
    pub identity: String,
    /// What meets.
    pub title: String,
    /// Course week.
    pub week: u32,
    /// `moved`, `resized`, `cancelled`, `reinstated`, `added` or `removed`.
    pub change: &'static str,
    /// New start minus old start, minutes (null when not comparable).
    pub delta_minutes: Option<i64>,
    /// Its calendar UID (the new version's when both have one): the `UID` of a
    /// `schedule --ics-style flat` event.
    pub uid: String,
    /// The old meeting.
    pub old: Option<MeetingSideJson>,
    /// The new meeting.
    pub new: Option<MeetingSideJson>,
}

/// A due item's change.
#[derive(Serialize, JsonSchema)]
pub struct DueJson {
    /// Activity id.
    pub activity: String,
    /// The week of the occurrence it belongs to.
    pub week: u32,
    /// Title.
    pub title: String,
    /// Old due time.
    pub old: Option<WhenJson>,
    /// New due time.
    pub new: Option<WhenJson>,
    /// New minus old, minutes; negative is earlier.
    pub delta_minutes: Option<i64>,
    /// Due earlier than before.
    pub earlier: bool,
    /// The due event's calendar UID.
    pub uid: String,
}

/// Students one unit reaches in one zone.
#[derive(Serialize, JsonSchema)]
pub struct CoverageJson {
    /// The unit.
    pub unit: String,
    /// IANA zone.
    pub zone: String,
    /// Students reached before.
    pub old: u32,
    /// Students reached now.
    pub new: u32,
    /// Students in the zone.
    pub of: u32,
}

/// A week's workload change.
#[derive(Serialize, JsonSchema)]
pub struct WorkloadJson {
    /// Course week.
    pub week: u32,
    /// Old minutes.
    pub old_minutes: u64,
    /// New minutes.
    pub new_minutes: u64,
    /// Flagged over its target now and not before.
    pub newly_over: bool,
}

/// A finding new or gone.
#[derive(Serialize, JsonSchema)]
pub struct FindingJson {
    /// Rule id.
    pub rule: String,
    /// Subject: an activity id or `course`.
    pub subject: String,
    /// Severity.
    pub severity: Severity,
    /// Message.
    pub message: String,
    /// `new` or `gone`.
    pub change: &'static str,
}

fn activity_json(a: &crate::diff::ActivityChange) -> ActivityJson {
    let mut out = ActivityJson {
        id: a.id.clone(),
        title: a.title.clone(),
        change: "changed",
        old_mode: None,
        new_mode: None,
        old_title: None,
        renamed_to: None,
        rules: Vec::new(),
    };
    match &a.kind {
        ActivityChangeKind::Added { mode } => {
            out.change = "added";
            out.new_mode = Some(*mode);
        }
        ActivityChangeKind::Removed { mode, renamed_to } => {
            out.change = "removed";
            out.old_mode = Some(*mode);
            out.renamed_to = renamed_to.clone();
        }
        ActivityChangeKind::Changed {
            old_title,
            mode,
            rules,
        } => {
            out.old_title = old_title.clone();
            out.old_mode = mode.map(|m| m.0);
            out.new_mode = mode.map(|m| m.1);
            out.rules = rules
                .iter()
                .map(|(r, o, n)| RuleJson {
                    rule: r.as_str().to_string(),
                    old: *o,
                    new: *n,
                })
                .collect();
        }
    }
    out
}

/// The JSON document.
pub fn json(report: &Report<'_>) -> String {
    let diff = report.diff;
    let side = |f: &crate::diff::MeetingFacts| MeetingSideJson {
        start: (&f.start).into(),
        minutes: f.minutes,
        cancelled: f.cancelled,
    };
    let doc = DiffJson {
        schema_version: super::json::SchemaVersion,
        titles: [diff.titles.0.clone(), diff.titles.1.clone()],
        shifted_days: diff.shifted_days,
        activities: diff.activities.iter().map(activity_json).collect(),
        band: BandJson {
            floor: diff.band.band.0,
            ceiling: diff.band.band.1,
            old: crate::engine::round2(diff.band.old),
            new: crate::engine::round2(diff.band.new),
        },
        weeks: diff
            .weeks
            .iter()
            .map(|w| WeekJson {
                week: w.week,
                old: w.old,
                new: w.new,
            })
            .collect(),
        meetings: diff
            .meetings
            .iter()
            .map(|m| MeetingJson {
                identity: m.identity.clone(),
                title: m.title.clone(),
                week: m.week,
                change: m.kind.as_str(),
                delta_minutes: m.delta_minutes,
                uid: m
                    .new
                    .as_ref()
                    .or(m.old.as_ref())
                    .map(|f| f.uid.clone())
                    .unwrap_or_default(),
                old: m.old.as_ref().map(side),
                new: m.new.as_ref().map(side),
            })
            .collect(),
        dues: diff
            .dues
            .iter()
            .map(|d| DueJson {
                activity: d.activity.clone(),
                week: d.week,
                title: d.title.clone(),
                old: d.old.as_ref().map(Into::into),
                new: d.new.as_ref().map(Into::into),
                delta_minutes: d.delta_minutes,
                earlier: d.is_earlier(),
                uid: d.uid.clone(),
            })
            .collect(),
        coverage: diff
            .coverage
            .iter()
            .map(|c| CoverageJson {
                unit: c.unit.clone(),
                zone: c.zone.clone(),
                old: c.old,
                new: c.new,
                of: c.of,
            })
            .collect(),
        workload: diff
            .workload
            .iter()
            .map(|w| WorkloadJson {
                week: w.week,
                old_minutes: w.old,
                new_minutes: w.new,
                newly_over: w.newly_over,
            })
            .collect(),
        findings: diff
            .findings
            .iter()
            .map(|f| FindingJson {
                rule: f.rule.as_str().to_string(),
                subject: f.subject.clone(),
                severity: f.severity,
                message: f.message.clone(),
                change: if f.new { "new" } else { "gone" },
            })
            .collect(),
        failed_on: diff
            .failures(report.fail_on)
            .iter()
            .map(|f| f.as_str().to_string())
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&doc).expect("diff JSON serializes");
    text.push('\n');
    text
}

/// The JSON Schema (draft 2020-12) of `mixplan diff --format json`.
pub fn schema() -> serde_json::Value {
    let schema = schemars::generate::SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<DiffJson>();
    super::standard_formats(schema.to_value())
}
