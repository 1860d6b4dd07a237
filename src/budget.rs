//! One budget for the work and the output of a command, checked before any of it is done.
//!
//! The loader bounds the input (16 MiB, 100,000 activities, 400 zones, text lengths) and the
//! occurrences: every section of every week, every dated sitting, each counted once per zone
//! it is shown in (`MAX_OCCURRENCE_ZONES`). Inside those limits an output can still be large:
//! a calendar copies each event's title, location and link, a page lists every section of
//! every week. [`check_output`] estimates the bytes a command would write, from the course
//! alone (occurrences × the bytes an occurrence costs in that format, measured on generated
//! courses and rounded up), and refuses, with a located `too-many` error naming the format and
//! the estimate, anything above [`MAX_OUTPUT_BYTES`] before planning starts.

use crate::course::{Activity, Course, MAX_OCCURRENCE_ZONES};
use crate::diagnostic::{Diagnostic, Span};
use crate::rules::RuleId;

/// The most bytes one command writes to one output.
pub const MAX_OUTPUT_BYTES: u64 = 100_000_000;

/// What a command is about to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// `recommend` or `schedule` as a table.
    Table,
    /// `recommend` or `schedule` as Markdown.
    Markdown,
    /// `recommend` or `schedule` as JSON.
    Json,
    /// `schedule --format html`: the students' page.
    Page,
    /// `schedule --ics`: the calendar, with a reminder per event or not.
    Calendar {
        /// `--remind` was given: every event carries an alarm.
        reminders: bool,
    },
    /// `workload` in any format, and its chart.
    Workload,
    /// `export canvas`: the package, its files stored uncompressed.
    Canvas,
    /// `mixplan diff` in any format, judged on each version: at worst every item changes on
    /// its own and is printed with both versions.
    Diff,
}

impl Output {
    /// The name a user knows the output by.
    pub fn name(self) -> &'static str {
        match self {
            Output::Table => "the table",
            Output::Markdown => "the Markdown output",
            Output::Json => "the JSON output",
            Output::Page => "the student page (`--format html`)",
            Output::Calendar { reminders: false } => "the calendar (`--ics`)",
            Output::Calendar { reminders: true } => {
                "the calendar with reminders (`--ics --remind`)"
            }
            Output::Workload => "the workload report",
            Output::Canvas => "the Canvas package (`export canvas`)",
            Output::Diff => "the diff (`mixplan diff`)",
        }
    }

    /// What one occurrence costs in this format, in bytes, measured on generated courses (the
    /// `budget::estimate_bounds_every_format` test) and rounded up. Text copies are in tenths.
    fn cost(self) -> Cost {
        let base = Cost {
            fixed: 10_000,
            per_occurrence: 0,
            per_zone: 0,
            per_section: 0,
            title: 0,
            place: 0,
            course_place: 0,
            section_text: 0,
            activity_text: 20,
            per_meeting: 0,
            per_repeat: 0,
            per_week: 0,
            per_activity: 0,
        };
        match self {
            // Each section meets as its own line in every week it is held, with its route.
            Output::Table => Cost {
                per_activity: 800,
                per_occurrence: 45,
                per_zone: 6,
                per_section: 420,
                per_repeat: 420,
                title: 20,
                section_text: 6,
                ..base
            },
            Output::Markdown => Cost {
                per_activity: 450,
                per_occurrence: 25,
                per_zone: 3,
                per_section: 170,
                per_repeat: 170,
                title: 12,
                section_text: 11,
                ..base
            },
            // Each meeting is also an entry of `schedule.occurrences` (instants, timeline, uid).
            Output::Json => Cost {
                per_activity: 2_000,
                per_occurrence: 600,
                per_meeting: 500,
                per_zone: 160,
                per_section: 1_100,
                per_repeat: 1_100,
                title: 12,
                place: 10,
                section_text: 10,
                ..base
            },
            Output::Page => Cost {
                per_activity: 150,
                per_occurrence: 50,
                per_meeting: 120,
                per_week: 160,
                per_zone: 2,
                per_section: 180,
                per_repeat: 180,
                title: 11,
                place: 21,
                section_text: 20,
                ..base
            },
            // A flat calendar writes each section of each week as its own event.
            Output::Calendar { reminders } => Cost {
                per_occurrence: if reminders { 480 } else { 400 },
                per_zone: 50,
                per_section: if reminders { 480 } else { 400 },
                per_repeat: if reminders { 480 } else { 400 },
                // A flat event names what meets in its summary and its description; text is
                // folded at 75 octets, three more bytes each (7% on top).
                title: if reminders { 59 } else { 48 },
                place: 12,
                course_place: 12,
                section_text: if reminders { 59 } else { 48 },
                ..base
            },
            Output::Workload => Cost {
                per_activity: 300,
                per_occurrence: 50,
                ..base
            },
            // An assignment (settings and page) per due item, an event and a module header per
            // meeting; each names its title more than once and carries the links.
            Output::Canvas => Cost {
                per_activity: 500,
                per_week: 600,
                per_occurrence: 2_400,
                per_meeting: 1_000,
                per_section: 2_000,
                per_repeat: 2_000,
                title: 55,
                place: 35,
                course_place: 25,
                section_text: 55,
                ..base
            },
            // Both versions of an item that changed, each line shorter than the JSON's entry
            // for it (measured at about half), and "both local times" per student zone.
            Output::Diff => Cost {
                per_zone: 40,
                ..Output::Json.cost()
            },
        }
    }
}

/// How often any output repeats the course's title, link and location outside its
/// occurrences (headings, the page's title and footer, a calendar's name).
const COURSE_TEXT_COPIES: u64 = 6;

/// Bytes an output costs, in parts that grow with different things. Copies of a text are in
/// tenths (`12` is 1.2 copies), as measured.
#[derive(Clone, Copy, Debug)]
struct Cost {
    /// Headers, legends, style: written whatever the course (plus [`COURSE_TEXT_COPIES`] of
    /// the course's own title, link and location).
    fixed: u64,
    /// Each week an activity occurs (a due item, a sitting).
    per_occurrence: u64,
    /// Each occurrence again per student zone (local due times and starts).
    per_zone: u64,
    /// Each occurrence of an activity that may meet live, on top of `per_occurrence`.
    per_meeting: u64,
    /// Each week of an activity the slot search places, on top of `per_meeting`: its sitting
    /// may get a repeat for the students the first time misses, written like a further
    /// section (with its `section_text` copies).
    per_repeat: u64,
    /// Each course week (its heading and dates), whatever meets.
    per_week: u64,
    /// Each activity once, whatever its occurrences (its decision, reasons, weekly total).
    per_activity: u64,
    /// Each section of a fixed activity beyond the first, each week it meets.
    per_section: u64,
    /// Copies of an activity's title per occurrence.
    title: u64,
    /// Copies of an activity's link and location per occurrence.
    place: u64,
    /// Copies of the course's link and location per occurrence.
    course_place: u64,
    /// Copies of an activity's title, link and location per further section and week.
    section_text: u64,
    /// Copies of an activity's title, link and location once per activity.
    activity_text: u64,
}

/// How much a course asks of one output: its estimated size, and the activity that asks most.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Estimate {
    /// Estimated bytes written.
    pub bytes: u64,
    /// Occurrences counted: every section of every week, each dated sitting, each reminder.
    pub occurrences: u64,
    /// Where the activity that contributes most is written, if there is one.
    pub largest: Option<Span>,
}

/// The occurrences of one activity: each week it occurs times its sections (a dated one-off
/// is one).
pub fn occurrences(activity: &Activity, course: &Course) -> u64 {
    activity.occurrence_weeks(&course.meta).len() as u64 * activity.sections() as u64
}

/// Bytes a text costs once printed, each character at the longest form any format writes it
/// in: controls and bidi controls escaped (`\u{202e}`, ten bytes), markup characters as the
/// page's character references (`&quot;`, six bytes), and the characters the calendar, JSON
/// or Markdown escape with a backslash in two.
fn printed_len(text: Option<&str>) -> u64 {
    text.map_or(0, |text| {
        text.chars()
            .map(|c| {
                if crate::course::text::needs_escape(c) {
                    10
                } else if matches!(c, '&' | '<' | '>' | '"' | '\'') {
                    6
                } else if matches!(c, '\\' | ',' | ';' | '|' | '*' | '_' | '`' | '[' | ']') {
                    2
                } else {
                    c.len_utf8() as u64
                }
            })
            .sum()
    })
}

/// Whether an activity may meet live once planned (a meeting costs more than a due item on
/// the page): fixed, pinned live, or of a kind the engine may move live.
fn may_meet(activity: &Activity) -> bool {
    activity.is_fixed()
        || activity.mode == Some(crate::course::Mode::Sync)
        || (activity.mode.is_none()
            && !activity.kind.is_content_transmission()
            && !activity.kind.is_individual_work())
}

/// Estimate what `output` would write for `course`.
pub fn estimate(course: &Course, output: Output) -> Estimate {
    let cost = output.cost();
    let zones = course.students.zones.len() as u64;
    let meta = &course.meta;
    let course_place = printed_len(meta.url.as_deref()) + printed_len(meta.location.as_deref());
    let course_text = printed_len(Some(&meta.title)) + course_place;
    let mut total = Estimate {
        bytes: cost.fixed
            + COURSE_TEXT_COPIES * course_text
            + cost.per_week * u64::from(meta.weeks),
        occurrences: 0,
        largest: None,
    };
    let mut largest = 0;
    for activity in &course.activities {
        let weeks = activity.occurrence_weeks(meta).len() as u64;
        let sections = activity.sections() as u64;
        let title = printed_len(Some(&activity.id)) + printed_len(activity.title.as_deref());
        let place =
            printed_len(activity.url.as_deref()) + printed_len(activity.location.as_deref());
        let each = cost.per_occurrence
            + if may_meet(activity) {
                cost.per_meeting
            } else {
                0
            }
            + if may_meet(activity) && !activity.is_fixed() {
                cost.per_repeat + cost.section_text * (title + place) / 10
            } else {
                0
            }
            + cost.per_zone * zones
            + (cost.title * title + cost.place * place + cost.course_place * course_place) / 10;
        let further = cost.per_section + cost.section_text * (title + place) / 10;
        let bytes = weeks * (each + (sections - 1) * further)
            + cost.per_activity
            + cost.activity_text * (title + place) / 10;
        let mut count = weeks * sections;
        if matches!(output, Output::Calendar { reminders: true }) {
            count *= 2;
        }
        total.occurrences += count;
        total.bytes = total.bytes.saturating_add(bytes);
        if bytes > largest {
            largest = bytes;
            total.largest = Some(activity.spans.table);
        }
    }
    total
}

/// Refuse an output above [`MAX_OUTPUT_BYTES`], or occurrences (reminders included) × (zones
/// \+ 1) above the occurrence limit, with a located `too-many` error, before any work.
pub fn check_output(course: &Course, output: Output) -> Result<Estimate, Box<Diagnostic>> {
    let estimate = estimate(course, output);
    let span = estimate.largest.unwrap_or(course.meta.span);
    let zones = course.students.zones.len() as u64 + 1;
    let shown = estimate.occurrences.saturating_mul(zones);
    if shown > MAX_OCCURRENCE_ZONES {
        let message = format!(
            "{} would hold {} occurrences (reminders counted) in {zones} zones, {shown} in all; at most {MAX_OCCURRENCE_ZONES} are allowed",
            output.name(),
            estimate.occurrences
        );
        return Err(Box::new(
            Diagnostic::error(RuleId::TooMany, Some(span), message)
                .with_help("leave out `--remind`, or use fewer weeks, sections or student zones"),
        ));
    }
    if estimate.bytes > MAX_OUTPUT_BYTES {
        let message = format!(
            "{} would be about {} MB ({} occurrences); at most {} MB is written",
            output.name(),
            estimate.bytes.div_ceil(1_000_000),
            estimate.occurrences,
            MAX_OUTPUT_BYTES / 1_000_000
        );
        return Err(Box::new(
            Diagnostic::error(RuleId::TooMany, Some(span), message).with_help(
                "this activity writes the most: shorten its title, link or location, or give it fewer weeks or sections; fewer student zones shrink every format",
            ),
        ));
    }
    Ok(estimate)
}
