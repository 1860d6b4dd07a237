//! The sentences of a plan: what the engine's typed notes and the findings say, in words.
//!
//! The engine, the schedule and the findings stage return facts; every sentence a person reads
//! about them is written here, once, for every output format.

use std::borrow::Cow;

use crate::Recommendation;
use crate::course::{ActivityKind, Mode, Pattern};
use crate::engine::{
    Declined, MARGIN_THRESHOLD, Note, PatternChoice, PatternWhy, PinnedBy, PlanNote, Reason,
    ReasonKind, ScoreDetail,
};
use crate::findings::Advice;
use crate::schedule::{self, Uncovered};

/// What a reason means for its activity.
pub fn reason_detail(reason: &Reason) -> Cow<'_, str> {
    match &reason.kind {
        ReasonKind::Score { detail, .. } => Cow::Owned(score_detail(detail)),
        ReasonKind::Note(note) => Cow::Owned(note_detail(note, reason.favors)),
    }
}

/// What a scoring rule saw, as a sentence.
pub fn score_detail(detail: &ScoreDetail) -> String {
    use ScoreDetail as D;
    match detail {
        D::RealTimeInteraction { kind } => of_kind(*kind, "depends on real-time exchange"),
        D::ImmediateFeedback { kind, content } => {
            format!("{kind} on {content} content benefits from on-the-spot feedback")
        }
        D::CommunityPresence { kind } => of_kind(*kind, "builds presence and belonging when live"),
        D::HandsOn { kind } => of_kind(*kind, "practises a procedure hands-on, with help at hand"),
        D::ContentBenefitsFromLive { kind, content } => {
            format!("{} content is served by a live {kind}", names(content))
        }
        D::CommunityGoals { goals } => {
            format!("course goals {} call for live group work", names(goals))
        }
        D::FullTimeStudents => {
            "all students are full-time, so fixed meeting times are workable".into()
        }
        D::ContentTransmission { kind } => {
            of_kind(*kind, "transmits content that needs no live audience")
        }
        D::SelfPacedProcessing { kind } => {
            of_kind(*kind, "can be paused and reviewed at the student's pace")
        }
        D::WrittenRecord { kind: Some(kind) } => {
            of_kind(*kind, "in writing leaves a record to return to")
        }
        D::WrittenRecord { kind: None } => "written work leaves a record to return to".into(),
        D::IndividualPractice { kind } => of_kind(*kind, "is done individually"),
        D::Reflection { kind } => of_kind(*kind, "needs time to think"),
        D::PopulationFlexibility { populations } => {
            format!("{} students need flexible timing", names(populations))
        }
        D::TimeZoneSpread {
            minutes,
            reached,
            students,
        } => format!(
            "at the best time on the allowed days, a live {minutes}-minute session reaches {reached} of {students} students within their local hours"
        ),
        D::UnreliableConnectivity { reliable_share } => format!(
            "only {} of students have a dependable connection",
            percent(*reliable_share)
        ),
        D::LargeClass { kind, students } => {
            format!("{students} students is a large audience for a live {kind}")
        }
        D::ContentSuitsSelfPaced { kind, content } => format!(
            "{} content works self-paced as {} {kind}",
            names(content),
            kind.article()
        ),
        D::KnowledgeGoals { goals } => {
            format!("course goals {} need less live time", names(goals))
        }
        D::LiveFatigue { minutes } => {
            format!("{minutes} minutes at a stretch is tiring on a video call")
        }
    }
}

/// "a lecture activity {what}".
fn of_kind(kind: ActivityKind, what: &str) -> String {
    format!("{} {kind} activity {what}", kind.article())
}

/// A share from 0 to 1 as a whole percentage: `0.85` is "85%".
pub fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// Vocabulary values as a list of code spans: "`procedural`, `complex-concepts`".
fn names<T: std::fmt::Display>(items: &[T]) -> String {
    let list: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    list.join(", ")
}

fn note_detail(note: &Note, favors: Mode) -> String {
    match *note {
        Note::NearTie { scores } => format!(
            "scores are within {MARGIN_THRESHOLD} points (sync {} vs async {}), so the flexible mode wins",
            scores.sync, scores.async_
        ),
        Note::Pinned { by_score, by } => {
            let why = match by {
                PinnedBy::Mode => "pinned in the course file",
                PinnedBy::At => "fixed at a time with `at` in the course file",
                PinnedBy::OfficeHours => "office hours are live by nature",
                PinnedBy::Forum => "a forum is self-paced by nature",
                PinnedBy::SelfPacedExam => "an exam without `at` is a self-paced timed exam",
            };
            if by_score == favors {
                format!("{why}; the scores agree")
            } else {
                format!("{why}; the scores favour `{by_score}`")
            }
        }
        Note::ConnectivityCap { connected } => format!(
            "moved to {favors}: a better-connected class would get {connected} min/week of live time, and fewer connected students must not mean more"
        ),
        Note::BandMove {
            total,
            limit,
            margin,
            week,
            lowered,
            rooms,
        } => match (favors, week) {
            (Mode::Async, Some(week)) => format!(
                "moved to async: week {week} had {total} min of live sittings, above the band's ceiling of {limit} min, and this was its weakest live case (margin {margin})"
            ),
            (Mode::Async, None) if lowered => format!(
                "moved to async: live time was {total} min/week, above the {limit} min/week the band allows while some students lack a dependable connection, and this was the weakest live case left (margin {margin})"
            ),
            (Mode::Async, None) => format!(
                "moved to async: live time was {total} min/week, above the band's {limit} min, and this was the weakest live case left (margin {margin})"
            ),
            (Mode::Sync, _) if rooms > 0.0 => format!(
                "moved to sync: online live time was {total} min/week, below the {limit} min the band's floor still needs beside the {rooms} min/week in rooms; this activity gains from live time and was the strongest candidate left (margin {margin})"
            ),
            (Mode::Sync, _) => format!(
                "moved to sync: live time was {total} min/week, below the band's {limit} min; this activity gains from live time and was the strongest candidate left (margin {margin})"
            ),
        },
    }
}

/// Why the pattern in force was chosen, worded from the weeks the plan produced.
pub fn pattern_reason(choice: PatternChoice) -> String {
    let source = |pattern: &str| match choice.why {
        PatternWhy::Set(_) => format!("pattern `{pattern}` (set in the file)"),
        _ => format!("pattern `{pattern}` chosen"),
    };
    match (choice.pattern(), choice.live) {
        (_, false) => format!(
            "{}: nothing required runs live, so every week is self-paced work with due dates",
            source(choice.pattern().as_str())
        ),
        (Pattern::Alternating, true) if choice.weeks.teaching < 2 => format!(
            "{}: a one-week course has no weeks to alternate, so its live work meets in its one week",
            source("alternating")
        ),
        (Pattern::Alternating, true) => {
            let why = match choice.why {
                PatternWhy::AlternatingAttendance {
                    minutes,
                    reached,
                    count,
                } => format!(
                    ": the best time for a {minutes}-minute live session reaches {reached} of {count} students in their own hours, and they need flexible timing, so"
                ),
                _ => ":".into(),
            };
            format!(
                "{}{why} intensive self-paced weeks alternate with live synthesis weeks: required live work meets in {} of the {} teaching weeks, {} (seed: The Blended Approach)",
                source("alternating"),
                choice.weeks.live,
                choice.weeks.teaching,
                last_live_week(choice)
            )
        }
        (_, true) => {
            let blend = if choice.pre_work {
                "self-paced content is due before each week's live session, which is kept for active learning"
            } else {
                "each week has live sessions and self-paced work, and no self-paced content is set as pre-work for a live session"
            };
            let declined = match choice.why {
                PatternWhy::FlippedNotAlternating(Declined::OneWeek) => {
                    "; one live time misses some students, but a one-week course has no weeks to alternate".to_string()
                }
                PatternWhy::FlippedNotAlternating(Declined::NothingHalved) => {
                    "; one live time misses some students, but alternating weeks would halve no weekly live activity".to_string()
                }
                PatternWhy::FlippedNotAlternating(Declined::Floor { minutes, min }) => format!(
                    "; one live time misses some students, but alternating weeks would leave {minutes} min/week of live time, below the band's {min}"
                ),
                _ => String::new(),
            };
            format!(
                "{}: {blend}{declined} (seed: The Blended Approach)",
                source("flipped")
            )
        }
    }
}

/// Where the produced live weeks end: on the last teaching week, or before it.
fn last_live_week(choice: PatternChoice) -> String {
    match (choice.weeks.last_live, choice.weeks.last_teaching) {
        (Some(live), Some(last)) if live == last => {
            format!("ending on a synthesis week, week {last}, the last teaching week")
        }
        (Some(live), Some(last)) => format!(
            "the last in week {live}, before the last teaching week {last} (a self-paced week)"
        ),
        _ => "none of them live".into(),
    }
}

/// When students miss a live slot: "in weeks 3-8", "in a January and a July week", "every week".
pub fn missed_text(weeks: &[u32], samples: &[&str]) -> String {
    if !weeks.is_empty() {
        format!("in {}", schedule::weeks_phrase(weeks))
    } else if !samples.is_empty() {
        format!("in a {} week", samples.join(" and a "))
    } else {
        "every week".into()
    }
}

/// What the recording-and-response route asks of students no slot reaches.
pub fn unreached(gap: &Uncovered) -> String {
    format!(
        "{} student(s) in {} cannot attend a live slot {}: they watch the recording and post a written response by 23:59 their time, {} days after the session (seed: FAQ \"What about students who cannot attend synchronous sessions?\")",
        gap.count,
        gap.zone,
        missed_text(&gap.weeks, &gap.samples),
        schedule::ALTERNATIVE_DAYS
    )
}

/// Why band balancing could not reach the band.
fn band_note(rec: &Recommendation, note: &PlanNote) -> String {
    match note {
        PlanNote::BandOver { total, max } => format!(
            "live time stays at {total} min/week, above the {max} min/week balancing worked against: only fixed, pinned or office-hours work is left live, or moving more would drop it below the floor"
        ),
        PlanNote::BandUnreachable {
            total,
            min,
            rooms,
            held_back,
            connectivity,
        } => {
            let level = if *rooms > 0.0 {
                format!(
                    "online live time stays at {total} min/week, below the {min} the band's floor still needs beside the {rooms} min/week in rooms"
                )
            } else {
                format!("live time stays at {total} min/week, below the band's {min}")
            };
            let mut text = format!(
                "{level}: nothing else that gains from live time by its nature can move live; add a discussion, Q&A or problem-solving session, or lower the floor of `sync_hours`"
            );
            if !held_back.is_empty() {
                let held: Vec<String> = held_back
                    .iter()
                    .map(|h| {
                        format!(
                            "`{}` (one live time reaches {} of {} students)",
                            rec.course.activities[h.index].id, h.reach, rec.course.students.count
                        )
                    })
                    .collect();
                text.push_str(&format!(
                    "; held back because one live time would reach under half of the class: {}",
                    held.join(", ")
                ));
            }
            if let Some(effective) = connectivity {
                text.push_str(&format!(
                    "; connectivity held moves back: with {:.0}% of students lacking a dependable connection, balancing keeps live time at or under {effective} min/week",
                    (1.0 - rec.course.students.reliable_internet.unwrap_or(1.0)) * 100.0
                ));
            }
            text
        }
        PlanNote::Pattern(choice) => pattern_reason(*choice),
    }
}

/// One piece of advice as a sentence.
pub fn advice(rec: &Recommendation, advice: &Advice) -> String {
    match advice {
        Advice::Pattern(choice) => pattern_reason(*choice),
        Advice::AlternatingKeeps(kept) => {
            let ids: Vec<String> = kept
                .iter()
                .map(|&i| format!("`{}`", rec.course.activities[i].id))
                .collect();
            format!(
                "pattern `alternating` halves only the live work mixplan schedules: {} keep meeting in every week they list, because they are fixed with `at` or pinned; set `pattern = \"flipped\"`, or list their weeks, if the live weeks should alternate too (seed: The Blended Approach)",
                ids.join(", ")
            )
        }
        Advice::RepeatSlot(index) => {
            let slots = &rec.schedule.live_slots;
            let repeat = &slots[*index];
            let reached: Vec<String> = crate::findings::repeat_reach(slots, *index)
                .into_iter()
                .map(|l| format!("{} ({}, {} {} local)", l.zone, l.count, l.day, l.time))
                .collect();
            format!(
                "repeat the live session {} {} {} for students the main slot misses: {} (seed: Synchronous Learning, Weaknesses: fixed times shut out other time zones)",
                repeat.day,
                repeat.time,
                repeat.timezone,
                reached.join(", ")
            )
        }
        Advice::Unreached(gap) => unreached(gap),
        Advice::Band(note) => band_note(rec, note),
        Advice::Check(d) => match &d.help {
            Some(help) => format!("{}; {help}", d.message),
            None => d.message.clone(),
        },
    }
}
