//! Coverage per unit: `exam-outside-hours`, `unreachable-sitting`, `low-sitting-coverage`,
//! `pinned-slot-excludes-students` and `unreachable-optional-sitting`. Their documentation (one
//! `RuleDoc` constant each, named after the check) and their conditions.
//!
//! A unit is a searched sitting with its repeat, an activity fixed with `at` with all its
//! sections, a dated one-off, or an exam with its sections ([`crate::schedule::Unit`]). Each
//! unit gets at most one coverage finding, the first that applies: an exam that misses
//! anyone; a searched unit that reaches nobody, else under half the class; a fixed unit (or a
//! `live_at` slot) that misses anyone. Optional units only say when they reach nobody.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: PinnedSlotExcludesStudents = "pinned-slot-excludes-students", about: Unit, doc: PINNED_SLOT_EXCLUDES_STUDENTS, run: pinned_slot
// check: UnreachableSitting = "unreachable-sitting", about: Unit, doc: UNREACHABLE_SITTING, run: unreachable
// check: LowSittingCoverage = "low-sitting-coverage", about: Unit, doc: LOW_SITTING_COVERAGE, run: low
// check: UnreachableOptionalSitting = "unreachable-optional-sitting", about: Unit, doc: UNREACHABLE_OPTIONAL_SITTING, run: unreachable_optional
// check: ExamOutsideHours = "exam-outside-hours", about: Unit, doc: EXAM_OUTSIDE_HOURS, run: exam_outside_hours

use crate::diagnostic::{Severity, Span};
use crate::rules::RuleId;
use crate::schedule::{Sitting, Uncovered, Unit, UnitKind, weeks_phrase};

use super::{Context, Finding};

/// Below this share of the class in its worst week, a searched unit is a warning.
pub const LOW_COVERAGE: f64 = 0.5;

/// Whom the unit is judged to miss: a `live_at` slot is judged as fixed, on its own (its
/// repeat is the route, not a reason to stay quiet); every other unit with all its sittings.
fn judged<'a>(cx: &'a Context<'_>, unit: &'a Unit) -> &'a [Uncovered] {
    match (unit.kind, unit.sittings.first()) {
        (UnitKind::Pinned, Some(&i)) => &cx.schedule().sittings[i].uncovered,
        _ => &unit.uncovered,
    }
}

/// The one coverage finding a unit gets, with its severity, if any.
fn verdict(cx: &Context<'_>, unit: &Unit) -> Option<(RuleId, Severity)> {
    let count = cx.course().students.count;
    if count == 0 {
        return None;
    }
    if unit.optional {
        return (unit.students_covered == 0)
            .then_some((RuleId::UnreachableOptionalSitting, Severity::Info));
    }
    match unit.kind {
        UnitKind::Exam => {
            (!unit.uncovered.is_empty()).then_some((RuleId::ExamOutsideHours, Severity::Warning))
        }
        UnitKind::Searched if unit.students_covered == 0 => {
            Some((RuleId::UnreachableSitting, Severity::Error))
        }
        UnitKind::Searched => (f64::from(unit.students_covered) < f64::from(count) * LOW_COVERAGE)
            .then_some((RuleId::LowSittingCoverage, Severity::Warning)),
        UnitKind::Fixed | UnitKind::Dated | UnitKind::Pinned => {
            let uncovered = judged(cx, unit);
            if uncovered.is_empty() {
                return None;
            }
            // The organizer's own zone judged by a default window is a guess about their
            // students' hours; a zone elsewhere, or a window the file wrote, is a fact. But a
            // room never reaches students elsewhere: they follow its route by design, which
            // is worth knowing, not a warning.
            let course = cx.course();
            let known = uncovered.iter().any(|u| {
                let home = u.zone == course.meta.timezone;
                let written = course
                    .students
                    .zones
                    .iter()
                    .any(|z| z.zone == u.zone && z.available.is_some());
                if unit.in_person {
                    home && written
                } else {
                    !home || written
                }
            });
            let severity = if known {
                Severity::Warning
            } else {
                Severity::Info
            };
            Some((RuleId::PinnedSlotExcludesStudents, severity))
        }
    }
}

/// Every unit whose coverage finding is `rule`'s, as findings.
pub(super) fn findings(cx: &Context<'_>, rule: RuleId) -> Vec<Finding> {
    let schedule = cx.schedule();
    schedule
        .units
        .iter()
        .filter_map(|unit| {
            let (id, severity) = verdict(cx, unit).filter(|(id, _)| *id == rule)?;
            let sittings: Vec<&Sitting> = unit
                .sittings
                .iter()
                .map(|&i| &schedule.sittings[i])
                .collect();
            let first = *sittings.first()?;
            let default = id.kind().severity();
            Some(Finding {
                span: span(cx, unit, first),
                message: message(cx, unit, &sittings),
                help: Some(help(cx, unit, &sittings)),
                severity: (Some(severity) != default).then_some(severity),
                about: about(&sittings),
            })
        })
        .collect()
}

pub(super) fn exam_outside_hours(cx: &Context<'_>) -> Vec<Finding> {
    findings(cx, RuleId::ExamOutsideHours)
}

pub(super) fn unreachable(cx: &Context<'_>) -> Vec<Finding> {
    findings(cx, RuleId::UnreachableSitting)
}

pub(super) fn low(cx: &Context<'_>) -> Vec<Finding> {
    findings(cx, RuleId::LowSittingCoverage)
}

pub(super) fn unreachable_optional(cx: &Context<'_>) -> Vec<Finding> {
    findings(cx, RuleId::UnreachableOptionalSitting)
}

pub(super) fn pinned_slot(cx: &Context<'_>) -> Vec<Finding> {
    findings(cx, RuleId::PinnedSlotExcludesStudents)
}

/// What the finding is about: each activity of the unit, or each section.
fn about(sittings: &[&Sitting]) -> Vec<(usize, Option<usize>)> {
    let mut about: Vec<(usize, Option<usize>)> = sittings
        .iter()
        .flat_map(|s| {
            let section = s.section.map(|(n, _)| n);
            s.activities.iter().map(move |&a| (a, section))
        })
        .collect();
    about.sort_unstable();
    about.dedup();
    about
}

/// Where the unit's time is written: `live_at` for a pinned slot, the first `at` for a
/// fixed unit, else the longest activity's `minutes` (what sets a searched sitting's length).
fn span(cx: &Context<'_>, unit: &Unit, first: &Sitting) -> Span {
    let course = cx.course();
    if unit.kind == UnitKind::Pinned
        && let Some(at) = course.meta.live_at
    {
        return at.span;
    }
    if first.fixed
        && let Some(a) = first.activities.first().map(|&i| &course.activities[i])
        && let Some(at) = a.at.get(first.section.map_or(0, |(n, _)| n - 1))
    {
        return at.span;
    }
    first
        .activities
        .iter()
        .map(|&i| &course.activities[i])
        .max_by_key(|a| a.minutes)
        .map_or_else(|| cx.course_header(), |a| a.spans.minutes)
}

/// The unit in words: its sittings with their times, and whom it misses.
fn message(cx: &Context<'_>, unit: &Unit, sittings: &[&Sitting]) -> String {
    let course = cx.course();
    let tz = &course.meta.timezone;
    let count = course.students.count;
    let when: Vec<String> = sittings
        .iter()
        .map(|s| {
            let date = s.date.map(|d| format!(" {d}")).unwrap_or_default();
            let mut text = format!("`{}` {}{date} {} ({} min)", s.id, s.day, s.time, s.minutes);
            if let Some(r) = s.repeat.as_ref().filter(|_| unit.kind != UnitKind::Pinned) {
                text.push_str(&format!(" and its repeat {} {}", r.slot.day, r.slot.time));
            }
            text
        })
        .collect();
    // Several sittings (sections) are a plural subject: "the sections ... reach".
    let several = sittings.len() > 1;
    let what = match unit.kind {
        UnitKind::Exam if several => "the exam sittings",
        UnitKind::Exam => "the exam sitting",
        UnitKind::Pinned => "the pinned live slot",
        UnitKind::Searched => "the live sitting",
        _ if unit.in_person && sittings.len() > 1 => "the sections in a room",
        _ if unit.in_person => "the sitting in a room",
        _ if sittings.len() > 1 => "the sections",
        _ => "the fixed sitting",
    };
    let head = format!("{what} {} {tz}", when.join(", "));
    if unit.students_covered == 0 && unit.optional {
        let (is, it) = if several {
            ("are", "them")
        } else {
            ("is", "it")
        };
        return format!(
            "{head} {is} optional, and no student can attend {it} inside their local hours"
        );
    }
    let reaches = if several { "reach" } else { "reaches" };
    if unit.students_covered == 0 {
        return format!("{head} {reaches} none of the {count} students inside their local hours");
    }
    let missed: Vec<String> = judged(cx, unit)
        .iter()
        .map(|u| {
            // The local time in the first week they miss: a clock change on either side
            // may have moved it since the first week.
            let first_missed = u.weeks.first().copied();
            let local = sittings
                .first()
                .and_then(|s| s.local.iter().find(|l| l.zone == u.zone))
                .map(|l| {
                    let (day, time) = l
                        .shifts
                        .iter()
                        .rev()
                        .find(|shift| {
                            shift
                                .week
                                .number()
                                .zip(first_missed)
                                .is_some_and(|(a, b)| a <= b)
                        })
                        .map_or((l.day, l.time), |shift| (shift.day, shift.time));
                    format!(", {day} {time} local")
                })
                .unwrap_or_default();
            let weeks = if u.weeks.is_empty() {
                format!(" ({} weeks)", u.samples.join(" and "))
            } else {
                format!(" in {}", weeks_phrase(&u.weeks))
            };
            if unit.in_person && u.zone != *tz {
                return format!(
                    "{} student(s) in {}, away from the room{weeks}",
                    u.count, u.zone
                );
            }
            format!("{} student(s) in {}{local}{weeks}", u.count, u.zone)
        })
        .collect();
    let covered = match (unit.kind, sittings.first()) {
        (UnitKind::Pinned, Some(s)) => s.students_covered,
        _ => unit.students_covered,
    };
    let share = f64::from(covered) / f64::from(count.max(1)) * 100.0;
    let its = if several { "their" } else { "its" };
    format!(
        "{head} {reaches} {covered} of {count} students ({share:.0}%) in {its} worst week; {}: {}",
        if unit.in_person {
            "not in the room"
        } else {
            "outside their hours"
        },
        missed.join("; ")
    )
}

/// The route for the students the unit misses, and what would reach them.
fn help(cx: &Context<'_>, unit: &Unit, sittings: &[&Sitting]) -> String {
    let course = cx.course();
    let recorded = sittings
        .iter()
        .flat_map(|s| &s.activities)
        .all(|&i| course.activities[i].recorded);
    if unit.in_person && unit.kind == UnitKind::Exam {
        // An exam has no self-paced stand-in: the students need a sitting they can reach.
        return "if these students can sit the exam at this time (campus students often sit evening exams), give their zone its real `available` window; otherwise add a sitting they can reach (`at` as a list)".into();
    }
    if unit.in_person {
        return if recorded {
            "students who cannot come to the room follow the recording plus a self-paced written response (a `forum` or `reflection`)".into()
        } else {
            "students who cannot come to the room follow a self-paced alternative (a `forum` or `reflection`); `recorded = true` would give them the recording too".into()
        };
    }
    let route = if recorded {
        "their route is the recording plus a self-paced written response (a `forum` or `reflection`)"
    } else {
        "the sitting is not recorded, so their route is a self-paced alternative alone (a `forum` or `reflection`)"
    };
    match unit.kind {
        UnitKind::Exam => "add a section at a time these students can attend (`at` as a list), or let them sit the exam self-paced".into(),
        UnitKind::Searched if unit.students_covered == 0 => "shorten or split the live work, allow more `live_days`, or give each zone its real `available` window (`mixplan explain default-availability`)".into(),
        UnitKind::Searched => format!("most students depend on the repeat or the recording: shorten the live work, allow more `live_days`, or plan fewer live minutes; {route}"),
        UnitKind::Pinned => match sittings.first().and_then(|s| s.repeat.as_ref()) {
            Some(r) => format!(
                "a repeat at {} {} {} reaches {} of them; or remove `live_at` to let mixplan pick a slot the most students can attend; for any it misses, {route}",
                r.slot.day, r.slot.time, r.slot.timezone, r.slot.students_added
            ),
            None => format!("remove `live_at` to let mixplan pick a slot the most students can attend; {route}"),
        },
        _ => format!("{route}; or add a section at a time they can attend (`at` as a list)"),
    }
}

/// `pinned-slot-excludes-students`.
pub(super) const PINNED_SLOT_EXCLUDES_STUDENTS: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Warning),
    summary: "A fixed live time (`at`, a dated one-off, or the `live_at` slot) falls outside the available hours of some students",
    evidence: "seed: Synchronous Learning > Weaknesses (a student in Tokyo cannot attend a 9:00 Eastern seminar); FAQ \"What about students who cannot attend synchronous sessions?\"",
    doc: "A fixed live time suits the organizer's zone; students elsewhere may find it in the middle of their night. The check judges every required fixed unit: an activity fixed with `at` with all its sections (a student is covered when one section fits), a dated one-off, and the `live_at` slot (on its own: its repeat is the route, not a reason to stay quiet). It evaluates each in every student zone across the weeks it is held (holidays left out, daylight-saving changes included) and names each zone it misses with the head count, the local start and the weeks. It is a warning when a zone other than the organizer's, or one with a written `available`, is missed; an info when only the organizer's own zone is, judged by a default window (a guess about their hours). The time is the instructor's and is kept: the route for those students is the recording plus a self-paced response (the response alone when the sitting is not recorded); a further section (`at` as a list) would reach them. A sitting in a room (`in_person`) reaches only the organizer's zone, judged by its window: students in every other zone are uncovered in every week it is held, with the self-paced alternative (and the recording when `recorded = true`) as their route, and that is an info, since nobody elsewhere was meant to be in the room; it stays a warning when the organizer's zone has a written `available` the room misses. Optional sittings (office hours) are not judged here. Deliberate exceptions go in `[check] allow` with `activity` (or `\"ID.n\"` for one section).",
    example: "[course]\ntimezone = \"America/New_York\"\nlive_at = { day = \"wed\", time = \"09:00\" }\n\n[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 40",
};

/// `unreachable-sitting`.
pub(super) const UNREACHABLE_SITTING: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Error),
    summary: "A required live sitting mixplan searched for reaches no student inside their local hours",
    evidence: "seed: Synchronous Learning > Weaknesses (students must be available at specific times; time zones, work and caregiving collide with fixed times); FAQ \"What about students who cannot attend synchronous sessions?\"",
    doc: "When even the best time on the allowed days fits nobody's window (each group's `available`, or the population default of `default-availability`), the live work as planned cannot be attended at all: the plan is broken, not merely inconvenient. It is an error so that CI stops it. Shorten or split the live work, allow more weekdays, or write the students' real windows.",
    example: "[students]\ncount = 30\n\n[[students.zones]]\nzone = \"America/New_York\"\ncount = 30\navailable = \"06:00-06:30\"\n\n[[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 60\nmode = \"sync\"",
};

/// `low-sitting-coverage`.
pub(super) const LOW_SITTING_COVERAGE: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Warning),
    summary: "A required live sitting mixplan searched for reaches under half of the class in its worst week",
    evidence: "seed: Synchronous Learning > Weaknesses (fixed times shut out students in other zones and with other commitments); FAQ \"What about students who cannot attend synchronous sessions?\"",
    doc: "A live session most students cannot attend turns the recording into the main route. Every required searched sitting gets a repeat when one reaches at least `repeat_min_students` (default 10% of the class) of those it misses, and the sitting with its repeat is judged together, in its worst held week: when both still reach under half the class, a designer should know that live time reaches a minority: shorten the live work, allow more weekdays, or plan fewer live minutes. Slots pinned with `live_at` are reported by `pinned-slot-excludes-students` instead.",
    example: "[students]\ncount = 40\npopulations = [\"working-adults\"]\n\n[[students.zones]]\nzone = \"America/New_York\"\ncount = 15\n\n[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 25",
};

/// `unreachable-optional-sitting`.
pub(super) const UNREACHABLE_OPTIONAL_SITTING: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Info),
    summary: "An optional live sitting mixplan searched for reaches no student inside their local hours",
    evidence: "seed: Synchronous Learning > Weaknesses (students must be available at specific times); FAQ \"What about students who cannot attend synchronous sessions?\"",
    doc: "Optional work (office hours, drop-in sessions) is outside the band and nobody must attend, so a time nobody can make is worth knowing but breaks nothing: it is information, where the same finding on required work is an error (`unreachable-sitting`).",
    example: "[students]\ncount = 30\n\n[[students.zones]]\nzone = \"America/New_York\"\ncount = 30\navailable = \"06:00-06:30\"\n\n[[activities]]\nid = \"office-hours\"\nkind = \"office-hours\"\nminutes = 60",
};

/// `exam-outside-hours`.
pub(super) const EXAM_OUTSIDE_HOURS: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Warning),
    summary: "An exam sitting falls outside the local hours of some students",
    evidence: "seed: Synchronous Learning > Weaknesses (students must be available at specific times, a barrier for those in other time zones, with work commitments or caregiving); FAQ \"What about students who cannot attend synchronous sessions?\" (students who cannot attend live need a meaningful alternative)",
    doc: "An exam fixed with `at` (weekly or dated) is judged in every student zone across its weeks, daylight-saving changes included, with all its sections together: a student is covered when some section fits their window. Nobody catches up on an exam by watching a recording, so any student left outside their hours needs another sitting. The finding names each zone, its head count, the local start and the weeks; its help suggests a second section (`at` as a list) or a self-paced timed exam.",
    example: "[course]\ntimezone = \"America/New_York\"\nstart = 2027-01-11\n\n[students]\ncount = 60\n\n[[students.zones]]\nzone = \"America/New_York\"\ncount = 30\n\n[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 30\n\n[[activities]]\nid = \"final\"\nkind = \"exam\"\nminutes = 120\nat = { date = 2027-05-12, time = \"09:00\" }",
};
