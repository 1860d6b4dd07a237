//! Renderers: one file per output format. Renderers never decide; they only lay out what the
//! engine and the schedule produced.
//!
//! `table` and `markdown` share the row builders below, so both always show the same facts.

pub mod catalog;
pub mod chart;
pub mod check_json;
pub mod concise;
pub mod diagnostics;
pub mod diff;
pub mod facts;
pub mod github;
pub mod html;
pub mod human;
pub mod ics;
pub mod json;
pub mod manpage;
pub mod markdown;
pub mod notes;
pub mod sanitize;
pub mod sarif;
pub mod table;
pub mod words;
pub mod workload;

use crate::Recommendation;
use crate::course::Mode;
use crate::engine::Decision;
use crate::schedule::{LiveSlot, Week, WeekCoverage};

/// Output format of `recommend`, `schedule` and `workload`, as the renderers take it. Each
/// command offers only the formats it writes (the binary's `--format` enums, one per command,
/// convert into this one).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Tables for people (default).
    #[default]
    Table,
    /// One JSON object, a versioned contract.
    Json,
    /// Pipe tables for an LMS page or a README.
    Markdown,
    /// `schedule` only: a self-contained, printable page for students.
    Html,
}

/// How text output should look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    /// Use ANSI colour.
    pub color: bool,
    /// Table width in columns; `None` lets the terminal decide.
    pub width: Option<u16>,
}

impl Style {
    /// Plain, 120 columns: the style of pipes and tests.
    pub const PLAIN: Style = Style {
        color: false,
        width: Some(120),
    };
}

/// Render a recommendation in `format`.
pub fn recommendation(rec: &Recommendation, format: Format, style: Style) -> String {
    match format {
        Format::Table => table::recommendation(rec, style),
        Format::Json => json::to_string(rec, false),
        Format::Markdown => markdown::recommendation(rec),
        // The page is for students, who need the schedule and not the designer's reasons.
        Format::Html => html::page(rec, html::Shape::Page),
    }
}

/// Write a recommendation (or, with `schedule_only`, the schedule alone) in `format` to `out`,
/// streaming where the format allows: JSON item by item, tables and Markdown week by week.
pub fn write(
    rec: &Recommendation,
    format: Format,
    style: Style,
    schedule_only: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match (format, schedule_only) {
        (Format::Json, _) => json::write(rec, schedule_only, out),
        (Format::Table, true) => table::write_schedule(rec, style, out),
        (Format::Table, false) => table::write_recommendation(rec, style, out),
        (Format::Markdown, true) => markdown::write_schedule(rec, out),
        (Format::Markdown, false) => markdown::write_recommendation(rec, out),
        (_, true) => out.write_all(schedule(rec, format, style).as_bytes()),
        (_, false) => out.write_all(recommendation(rec, format, style).as_bytes()),
    }
}

/// Room for a whole output built in memory: the output budget's estimate, which bounds what the
/// output writes. Grown by doubling instead, an 80 MB calendar would pass through buffers of
/// 64, 32, 16, ... MB, which an allocator may keep for a while after they are freed.
pub(crate) fn reserve(rec: &Recommendation, output: crate::budget::Output) -> usize {
    crate::budget::estimate(&rec.course, output)
        .bytes
        .min(crate::budget::MAX_OUTPUT_BYTES) as usize
}

/// What a streaming writer writes, as text.
pub(crate) fn to_text(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    write(&mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("every writer writes UTF-8")
}

/// Render the schedule alone in `format`.
pub fn schedule(rec: &Recommendation, format: Format, style: Style) -> String {
    match format {
        Format::Table => table::schedule(rec, style),
        Format::Json => json::to_string(rec, true),
        Format::Markdown => markdown::schedule(rec),
        Format::Html => html::page(rec, html::Shape::Page),
    }
}

/// The formats JSON Schema 2020-12 defines. schemars writes Rust's integer and float widths
/// (`uint32`, `double`) as formats too; ajv's default strict mode rejects unknown formats, so
/// every output schema keeps only these (the ranges schemars writes beside them stay).
const STANDARD_FORMATS: &[&str] = &[
    "date-time",
    "date",
    "time",
    "duration",
    "email",
    "idn-email",
    "hostname",
    "idn-hostname",
    "ipv4",
    "ipv6",
    "uri",
    "uri-reference",
    "iri",
    "iri-reference",
    "uuid",
    "uri-template",
    "json-pointer",
    "relative-json-pointer",
    "regex",
];

/// Keywords written for editors (VS Code's `enumDescriptions`, taplo's `x-taplo`): an output
/// schema leaves them out, since ajv's default strict mode rejects unknown keywords.
fn editor_keyword(key: &str) -> bool {
    key.starts_with("x-")
        || matches!(
            key,
            "enumDescriptions" | "markdownDescription" | "markdownEnumDescriptions"
        )
}

/// A schema every validator reads in its strictest default: non-standard `format` values (see
/// `STANDARD_FORMATS`) and editor-only keywords removed. Only schema positions are visited,
/// so a property that happens to be named `format` keeps its name.
pub fn standard_formats(mut schema: serde_json::Value) -> serde_json::Value {
    fn schema_at(value: &mut serde_json::Value) {
        let serde_json::Value::Object(map) = value else {
            return;
        };
        let non_standard = map
            .get("format")
            .and_then(serde_json::Value::as_str)
            .is_some_and(|f| !STANDARD_FORMATS.contains(&f));
        if non_standard {
            map.remove("format");
        }
        map.retain(|key, _| !editor_keyword(key));
        for (key, child) in map.iter_mut() {
            match key.as_str() {
                "properties" | "$defs" | "definitions" | "patternProperties"
                | "dependentSchemas" => {
                    if let serde_json::Value::Object(named) = child {
                        named.values_mut().for_each(schema_at);
                    }
                }
                "anyOf" | "oneOf" | "allOf" | "prefixItems" => {
                    if let serde_json::Value::Array(list) = child {
                        list.iter_mut().for_each(schema_at);
                    }
                }
                "items"
                | "additionalProperties"
                | "not"
                | "if"
                | "then"
                | "else"
                | "contains"
                | "propertyNames"
                | "unevaluatedItems"
                | "unevaluatedProperties" => schema_at(child),
                _ => {}
            }
        }
    }
    schema_at(&mut schema);
    schema
}

/// 64-bit FNV-1a, the one hash of every identity mixplan writes (SARIF fingerprints, calendar
/// UIDs, Canvas identifiers): defined once, beside the occurrences' identities.
pub use crate::schedule::occurrences::fnv1a;

/// An instant as a person reads it: `format` (a strftime pattern without the zone) and the
/// zone's abbreviation, or `AoE` for "anywhere on earth" deadlines (whose abbreviation, `-12`,
/// says nothing to a student).
pub fn wall_clock(at: &jiff::ZonedDateTime, format: &str) -> String {
    let zone = if at.time_zone().iana_name() == Some(crate::course::AOE_ZONE) {
        "AoE".to_string()
    } else {
        at.strftime("%Z").to_string()
    };
    format!("{} {zone}", at.strftime(format))
}

/// Pretty JSON with a trailing newline.
pub fn pretty(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("a JSON value always serializes");
    text.push('\n');
    text
}

/// Format a number of points without a trailing `.0` where it is whole.
pub fn points(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.1}")
    } else {
        format!("{x}")
    }
}

/// Each line of a cell sanitized: the table and markdown renderers pass every cell through
/// this, so a control character from any user text that a row builder forgot cannot reach the
/// terminal (the row builders sanitize user text themselves, so a user's newline shows as `\n`).
pub fn clean_cell(text: &str) -> String {
    text.split('\n')
        .map(|line| sanitize::sanitize(line))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One line for the course header (user text sanitized, as in every row builder here: the
/// table and markdown formats are for people and terminals).
pub fn headline(rec: &Recommendation) -> String {
    let meta = &rec.course.meta;
    let start = meta
        .start
        .map(|d| format!(", from {d}"))
        .unwrap_or_default();
    format!(
        "{}: {} weeks{start}, {} students, {} ({})",
        sanitize::sanitize(&meta.title),
        meta.weeks,
        rec.course.students.count,
        meta.delivery,
        sanitize::sanitize(&meta.timezone)
    )
}

/// What people read for an activity: its title where the file gives one, else its id, through
/// the sanitizer.
pub fn activity_name(a: &crate::course::Activity) -> std::borrow::Cow<'_, str> {
    sanitize::sanitize(a.name())
}

/// The first cell of an activity row: the id (what checks and flags refer to), with the title
/// on a second line where the file gives one.
fn activity_label(a: &crate::course::Activity) -> String {
    match &a.title {
        Some(title) => format!("{}\n{}", a.id, sanitize::sanitize(title)),
        None => a.id.clone(),
    }
}

/// The top reasons of a decision, one per line: scoring reasons first, then decision notes.
pub fn top_reasons(d: &Decision, limit: usize) -> Vec<String> {
    let mut lines: Vec<String> = d
        .reasons
        .iter()
        .filter(|r| r.is_score())
        .take(limit)
        .map(|r| format!("{} +{} {}", r.rule, points(r.weight()), r.favors))
        .collect();
    lines.extend(d.reasons.iter().filter(|r| !r.is_score()).map(|r| {
        format!(
            "{}: {}",
            r.rule,
            sanitize::sanitize(&words::reason_detail(r))
        )
    }));
    lines
}

/// Column names of the activity table, in the order of [`activity_rows`].
pub const ACTIVITY_HEADER: [&str; 8] = [
    "activity",
    "kind",
    "min",
    "mode",
    "sync",
    "async",
    "margin",
    "top reasons",
];

/// Cells of the activity table: id, kind, minutes, mode, sync, async, margin, reasons.
pub fn activity_rows(rec: &Recommendation) -> Vec<[String; 8]> {
    rec.plan
        .decisions
        .iter()
        .map(|d| {
            let a = &rec.course.activities[d.index];
            // A pinned mode is shown by its `pinned-mode` reason line.
            let mode = d.mode.to_string();
            [
                activity_label(a),
                a.kind.to_string(),
                a.minutes.to_string(),
                mode,
                points(d.scores.sync),
                points(d.scores.async_),
                points(d.margin),
                top_reasons(d, 3).join("\n"),
            ]
        })
        .collect()
}

/// Label and value lines of the summary.
pub fn summary_lines(rec: &Recommendation) -> Vec<(String, String)> {
    let s = &rec.plan.summary;
    let (min, max) = s.band_minutes;
    // In a hybrid course the ceiling is judged on online time and the floor with the rooms:
    // say which, so "within" never reads as 462 minutes inside a 60-180 band.
    let rooms = if s.in_person_minutes_per_week > 0.0 {
        format!(
            ": online time against its ceiling, {} min/week with the rooms against its floor",
            s.floor_measure()
        )
    } else {
        String::new()
    };
    let band = if s.within_band() {
        format!("within the band of {min}-{max} min/week{rooms}")
    } else {
        format!("OUTSIDE the band of {min}-{max} min/week{rooms}")
    };
    let mut lines = vec![
        (
            "live".to_string(),
            if (s.sync_sitting_minutes_per_week - s.sync_minutes_per_week).abs() < 0.005 {
                format!("{} min/week ({band})", s.sync_sitting_minutes_per_week)
            } else {
                format!(
                    "{} min/week in sittings, breaks included ({} min of activities; {band})",
                    s.sync_sitting_minutes_per_week, s.sync_minutes_per_week
                )
            },
        ),
        (
            "self-paced".to_string(),
            format!("{} min/week", s.async_minutes_per_week),
        ),
    ];
    let teaching = rec.course.meta.teaching_weeks(false).len();
    let in_person = rec.schedule.in_person_minutes_per_week(teaching);
    if in_person > 0.0 {
        lines[0].0 = "live online".to_string();
        lines.insert(
            1,
            (
                "in person".to_string(),
                format!(
                    "{} min/week in rooms: outside the band's ceiling, counted towards its floor",
                    crate::engine::round2(in_person)
                ),
            ),
        );
    }
    lines.extend([(
        "pattern".to_string(),
        words::pattern_reason(rec.plan.pattern_choice),
    )]);
    if let Some(text) = workload_text(&rec.workload_cow()) {
        lines.push(("workload".to_string(), text));
    }
    for slot in &rec.schedule.live_slots {
        let label = if slot.repeat {
            "repeat slot"
        } else {
            "live slot"
        };
        lines.push((
            label.to_string(),
            slot_text(slot, rec.course.students.count),
        ));
    }
    lines.extend(unit_lines(rec));
    lines
}

/// One summary line for each unit other than the main searched sitting (whose slot lines
/// say whom it misses) that misses students, with their route.
fn unit_lines(rec: &Recommendation) -> Vec<(String, String)> {
    let schedule = &rec.schedule;
    let course = &rec.course;
    schedule
        .units
        .iter()
        .filter(|u| !u.uncovered.is_empty() && !u.optional)
        .filter(|u| {
            !u.sittings
                .iter()
                .any(|&i| schedule.sittings[i].id == "live")
        })
        .map(|unit| {
            let sittings: Vec<String> = unit
                .sittings
                .iter()
                .map(|&i| {
                    let s = &schedule.sittings[i];
                    let date = s.date.map(|d| format!(" {d}")).unwrap_or_default();
                    let repeat = s
                        .repeat
                        .as_ref()
                        .map(|r| format!(" (repeat {} {})", r.slot.day, r.slot.time))
                        .unwrap_or_default();
                    format!("{} {}{date} {}{repeat}", s.id, s.day, s.time)
                })
                .collect();
            let missed: Vec<String> = unit
                .uncovered
                .iter()
                .map(|u| {
                    format!(
                        "{} ({}) {}",
                        u.zone,
                        u.count,
                        words::missed_text(&u.weeks, &u.samples)
                    )
                })
                .collect();
            let recorded = unit
                .sittings
                .iter()
                .flat_map(|&i| &schedule.sittings[i].activities)
                .all(|&a| course.activities[a].recorded);
            let route = match (unit.exam(), recorded) {
                (true, _) => "route: another section",
                (false, true) => "route: recording + response",
                (false, false) => "route: self-paced response (not recorded)",
            };
            (
                "misses".to_string(),
                format!(
                    "{} {}: {}/{} students in the worst week; misses {}; {route}",
                    sittings.join(", "),
                    course.meta.timezone,
                    unit.students_covered,
                    course.students.count,
                    missed.join(", ")
                ),
            )
        })
        .collect()
}

/// The weekly range and the peak week in one line, against the target when there is one.
fn workload_text(workload: &crate::workload::Workload) -> Option<String> {
    use workload::{h, hours};
    let (lo, hi) = workload.range()?;
    let peak = workload.peak()?;
    let target = workload
        .target
        .map(|t| {
            format!(
                "; target {} h a week from the credits",
                h(t.minutes_per_week() / 60.0)
            )
        })
        .unwrap_or_default();
    Some(format!(
        "{}-{} h a week, peak week {} ({} h){target}; `mixplan workload` shows every week",
        h(hours(lo)),
        h(hours(hi)),
        peak.week,
        h(hours(peak.total_minutes()))
    ))
}

/// A live slot in one line, with its local times, weekly coverage and who it misses.
pub fn slot_text(slot: &LiveSlot, count: u32) -> String {
    let pinned = if slot.pinned { " (pinned)" } else { "" };
    let local: Vec<String> = slot
        .local
        .iter()
        .filter(|l| l.zone != slot.timezone || !l.covered)
        .map(|l| {
            let mark = if l.covered { "" } else { ", cannot attend" };
            let shifts: String = l
                .shifts
                .iter()
                .map(|s| format!(", from {}: {} {}", s.week.label(), s.day, s.time))
                .collect();
            format!(
                "{} {} {}{shifts} ({} students{mark})",
                l.zone, l.day, l.time, l.count
            )
        })
        .collect();
    let local = if local.is_empty() {
        String::new()
    } else {
        format!("; local: {}", local.join("; "))
    };
    let weekly = weekly_text(&slot.weekly, count);
    let excluded: Vec<String> = slot
        .excluded
        .iter()
        .map(|u| {
            format!(
                "{} ({}) {}",
                u.zone,
                u.count,
                words::missed_text(&u.weeks, &u.samples)
            )
        })
        .collect();
    let excluded = if excluded.is_empty() {
        String::new()
    } else {
        format!("; misses {}", excluded.join(", "))
    };
    let added = if slot.repeat {
        format!(", +{} not reached by the main slot", slot.students_added)
    } else {
        String::new()
    };
    format!(
        "{} {} {}{pinned}, {} min, {}/{count} students in the worst week ({:.0}%){added}{weekly}{local}{excluded}",
        slot.day,
        slot.time,
        slot.timezone,
        slot.minutes,
        slot.students_covered,
        slot.coverage * 100.0
    )
}

/// Coverage per week, compactly, only when it varies: `; weeks 1-3: 60, weeks 4-10: 45`.
fn weekly_text(weekly: &[WeekCoverage], count: u32) -> String {
    if weekly.windows(2).all(|w| w[0].students == w[1].students) {
        return String::new();
    }
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < weekly.len() {
        let mut j = i;
        while j + 1 < weekly.len() && weekly[j + 1].students == weekly[i].students {
            j += 1;
        }
        let numbers: Vec<u32> = weekly[i..=j]
            .iter()
            .filter_map(|w| w.week.number())
            .collect();
        let label = if numbers.is_empty() {
            weekly[i..=j]
                .iter()
                .map(|w| w.week.label())
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            crate::schedule::weeks_phrase(&numbers)
        };
        parts.push(format!("{label}: {}/{count}", weekly[i].students));
        i = j + 1;
    }
    format!("; {}", parts.join(", "))
}

/// Cells of the schedule table: week, live session, self-paced work.
pub fn week_rows(rec: &Recommendation) -> Vec<[String; 3]> {
    week_row_iter(rec).collect()
}

/// [`week_rows`] one week at a time, for renderers that stream.
pub fn week_row_iter(rec: &Recommendation) -> impl Iterator<Item = [String; 3]> + '_ {
    rec.schedule.weeks.iter().map(move |w| {
        let label = match w.start {
            Some(d) => format!("{} ({d})", w.week),
            None => w.week.to_string(),
        };
        [label, live_cell(rec, w), self_paced_cell(rec, w)]
    })
}

fn live_cell(rec: &Recommendation, w: &Week) -> String {
    let unplaced = w
        .items
        .iter()
        .filter(|i| i.mode == Mode::Sync && i.sitting.is_none());
    let mut meetings = rec.occurrences.in_week(w.week).peekable();
    if meetings.peek().is_none() && unplaced.clone().next().is_none() {
        return "-".into();
    }
    let course = &rec.course;
    let mut lines = Vec::new();
    for item in unplaced {
        let a = &course.activities[item.activity];
        lines.push(format!(
            "no time found: {} ({} min)",
            activity_name(a),
            a.minutes
        ));
    }
    for o in meetings {
        meeting_lines(rec, o, &mut lines);
    }
    for alt in &w.alternatives {
        let due = match &alt.due {
            Some(at) => format!("by {}", wall_clock(at, "%a %Y-%m-%d %H:%M")),
            None => format!(
                "by 23:59 local, {} days after the session",
                crate::schedule::ALTERNATIVE_DAYS
            ),
        };
        let sitting = alt
            .sitting
            .map(|i| &rec.schedule.sittings[i].id)
            .filter(|id| *id != "live")
            .map(|id| format!("{id}: "))
            .unwrap_or_default();
        let route = if alt.recorded {
            "recording + response"
        } else {
            "response (not recorded)"
        };
        lines.push(format!(
            "{sitting}{} ({}): {route} {due}",
            alt.zone, alt.count
        ));
    }
    lines.join("\n")
}

/// One meeting of a week as the table and markdown show it: `id day date time zone, N min`,
/// then what meets and its rhythm (a repeat only points at its session).
fn meeting_lines(rec: &Recommendation, o: &crate::schedule::Occurrence, lines: &mut Vec<String>) {
    let course = &rec.course;
    let sitting = &rec.occurrences.sittings[o.sitting];
    let base = &rec.schedule.sittings[sitting.base];
    let date = o.date.map(|d| format!(" {d}")).unwrap_or_default();
    // The time it really starts (a time a clock change skips reads the hour after).
    let time = o
        .start
        .as_ref()
        .map_or_else(|| o.time.to_string(), |at| at.strftime("%H:%M").to_string());
    let mut notes = Vec::new();
    if base.optional {
        notes.push("optional".to_string());
    }
    if let Some(of) = sitting.repeat_of {
        let earlier = if rec.occurrences.repeat_is_earlier(o) {
            ", earlier in the week"
        } else {
            ""
        };
        notes.push(format!(
            "repeat of {}{earlier}",
            rec.occurrences.sittings[of].id
        ));
    }
    if o.cancelled.is_some() {
        notes.push("cancelled: holiday".to_string());
    }
    let notes = if notes.is_empty() {
        String::new()
    } else {
        format!(" ({})", notes.join(", "))
    };
    lines.push(format!(
        "{} {}{date} {time} {}, {} min{notes}",
        sitting.id, o.day, course.meta.timezone, o.minutes
    ));
    if sitting.repeat_of.is_some() || o.cancelled.is_some() {
        return;
    }
    for &index in &o.activities {
        let a = &course.activities[index];
        let rec_note = match (a.is_exam(), a.recorded) {
            (true, _) => ", exam",
            (false, false) => ", not recorded",
            (false, true) => ", recorded",
        };
        lines.push(format!(
            "  {} ({} min{rec_note})",
            activity_name(a),
            a.minutes
        ));
    }
    if o.timeline.len() > 1 {
        let rhythm: Vec<String> = o
            .timeline
            .iter()
            .map(|s| match s.activity {
                Some(i) => format!("{} {}", course.activities[i].id, s.minutes),
                None => format!("break {}", s.minutes),
            })
            .collect();
        lines.push(format!("  {} min: {}", o.minutes, rhythm.join(" | ")));
    }
}

/// A week's self-paced items in the order they fall due (file order among items due at the
/// same moment), optional work without a due time last: one activity's own due dates never
/// read Sunday, Monday, Sunday.
pub fn self_paced_in_due_order<'a>(
    rec: &Recommendation,
    w: &'a Week,
) -> Vec<&'a crate::schedule::Item> {
    let mut items: Vec<&crate::schedule::Item> =
        w.items.iter().filter(|i| i.mode == Mode::Async).collect();
    items.sort_by_key(|i| match &i.due {
        Some(due) => (
            0,
            due.at.as_ref().map(jiff::ZonedDateTime::timestamp),
            rec.course.meta.days_into_week(due.day),
            due.time,
        ),
        None => (1, None, 0, crate::course::TimeOfDay { minutes: 0 }),
    });
    items
}

/// Which occurrence (0-based) of activity `index` falls in `week`.
fn occurrence_index(rec: &Recommendation, index: usize, week: u32) -> usize {
    let weeks = &rec.plan.decisions[index].weeks;
    weeks.iter().position(|&x| x == week).unwrap_or(0)
}

/// Minutes of activity `index` in `week` (the week the item belongs to): with `per = "total"`
/// that week's share of the whole (the remainder on the earliest weeks, as the workload counts
/// it), else the activity's minutes.
pub fn week_minutes(rec: &Recommendation, index: usize, week: u32) -> u64 {
    let a = &rec.course.activities[index];
    let spread = a.minutes_total.is_some()
        || a.estimate
            .is_some_and(|e| e.per == crate::course::Per::Total);
    if !spread {
        return u64::from(a.minutes);
    }
    a.occurrence_minutes(
        occurrence_index(rec, index, week),
        rec.plan.decisions[index].weeks.len(),
    )
}

fn self_paced_cell(rec: &Recommendation, w: &Week) -> String {
    let course = &rec.course;
    // Items due at the same instant share one due line, so the per-zone times stay compact.
    let mut groups: Vec<(Vec<String>, String)> = Vec::new();
    for i in self_paced_in_due_order(rec, w) {
        let a = &course.activities[i.activity];
        let due = i
            .due
            .as_ref()
            .map(|d| {
                let when = match &d.at {
                    Some(at) => wall_clock(at, "%a %Y-%m-%d %H:%M"),
                    None => format!("{} {}", d.day, d.time),
                };
                let local: Vec<String> = d
                    .local
                    .iter()
                    .map(|l| format!("{} {}", short_zone(&l.zone), l.at.strftime("%a %H:%M")))
                    .collect();
                let local = if local.is_empty() {
                    String::new()
                } else {
                    format!(" = {}", local.join(", "))
                };
                let before = if i.before_live { " (before live)" } else { "" };
                format!("due {when}{local}{before}")
            })
            .unwrap_or_default();
        let optional = if a.optional { ", optional" } else { "" };
        // `deliver = "last"`: the weeks before the deliverable is due are work towards it.
        let towards = crate::schedule::works_towards_last(course, &rec.plan, i.activity, w.week);
        let minutes = week_minutes(rec, i.activity, i.for_week.unwrap_or(w.week));
        // Pre-work listed a week early says which week's meeting it prepares.
        let early = i
            .for_week
            .map(|w| format!(", for week {w}"))
            .unwrap_or_default();
        let name = if towards {
            format!("work on {} ({minutes} min)", activity_name(a))
        } else {
            format!("{} ({minutes} min{optional}{early})", activity_name(a))
        };
        match groups.last_mut() {
            Some((names, last)) if *last == due => names.push(name),
            _ => groups.push((vec![name], due)),
        }
    }
    if groups.is_empty() {
        return "-".into();
    }
    groups
        .into_iter()
        .map(|(names, due)| {
            if due.is_empty() {
                names.join(", ")
            } else {
                format!("{}\n  {due}", names.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The last part of a zone name, for compact cells: `Asia/Tokyo` -> `Tokyo`.
pub fn short_zone(zone: &str) -> String {
    zone.rsplit('/').next().unwrap_or(zone).replace('_', " ")
}

/// Advice lines as `rule: message`.
pub fn advice_lines(rec: &Recommendation) -> Vec<(String, String)> {
    rec.advice
        .iter()
        .map(|a| {
            let message = sanitize::sanitize(&words::advice(rec, a)).into_owned();
            (a.rule().to_string(), message)
        })
        .collect()
}

#[cfg(test)]
mod wall_clock_tests {
    use super::wall_clock;

    #[test]
    fn aoe_deadlines_say_aoe_and_other_zones_their_abbreviation() {
        let at = |zone: &str| {
            jiff::civil::date(2027, 3, 7)
                .at(23, 59, 0, 0)
                .in_tz(zone)
                .unwrap()
        };
        assert_eq!(
            wall_clock(&at(crate::course::AOE_ZONE), "%a %H:%M"),
            "Sun 23:59 AoE"
        );
        assert_eq!(
            wall_clock(&at("America/New_York"), "%a %H:%M"),
            "Sun 23:59 EST"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::availability::slots::WeekRef;

    #[test]
    fn coverage_by_week_names_a_single_week_in_the_singular() {
        let weekly: Vec<WeekCoverage> = [60, 45, 45, 60]
            .iter()
            .enumerate()
            .map(|(i, &students)| WeekCoverage {
                week: WeekRef::Course(i as u32 + 1),
                students,
            })
            .collect();
        assert_eq!(
            weekly_text(&weekly, 60),
            "; week 1: 60/60, weeks 2-3: 45/60, week 4: 60/60"
        );
    }
}
