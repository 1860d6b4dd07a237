//! The sentences of a plan: what the engine's typed notes and the findings say, in words.
//!
//! The engine, the schedule and the findings stage return facts; every sentence a person reads
//! about them is written here, once, for every output format.

use std::borrow::Cow;

use crate::Recommendation;
use crate::course::{Mode, Pattern};
use crate::engine::{MARGIN_THRESHOLD, Note, PatternChoice, PinnedBy, Reason, ReasonKind};
use crate::findings::Advice;
use crate::schedule::{self, Uncovered};

/// What a reason means for its activity.
pub fn reason_detail(reason: &Reason) -> Cow<'_, str> {
    match &reason.kind {
        ReasonKind::Score { detail, .. } => Cow::Borrowed(detail),
        ReasonKind::Note(note) => Cow::Owned(note_detail(note, reason.favors)),
    }
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
        Note::BandMove {
            total,
            limit,
            margin,
        } => match favors {
            Mode::Async => format!(
                "moved to async: live time was {total} min/week, above the band's {limit} min; this was among the least certain live choices (margin {margin})"
            ),
            Mode::Sync => format!(
                "moved to sync: live time was {total} min/week, below the band's {limit} min; this was the strongest self-paced candidate for live time (margin {margin})"
            ),
        },
    }
}

/// Why the pattern in force was chosen.
pub fn pattern_reason(choice: PatternChoice) -> String {
    match choice {
        PatternChoice::Set(Pattern::Alternating) => {
            "pattern `alternating` (set in the file): a self-paced week, then a week with a live synthesis session".into()
        }
        PatternChoice::Set(_) => {
            "pattern `flipped` (set in the file): self-paced content each week comes before that week's live session".into()
        }
        PatternChoice::AlternatingBiweekly => alternating("live activities are pinned to every other week"),
        PatternChoice::AlternatingZones { spread_hours } => alternating(&format!(
            "students span {spread_hours} hours of time zones and need flexible timing"
        )),
        PatternChoice::Flipped => {
            "pattern `flipped` chosen: self-paced content transmission before each week's live active learning is the seed's default blend (seed: The Blended Approach)".into()
        }
    }
}

fn alternating(why: &str) -> String {
    format!(
        "pattern `alternating` chosen: {why}, so intensive self-paced weeks alternate with live synthesis weeks (seed: The Blended Approach)"
    )
}

/// When students miss a live slot: "in weeks 3-8", "in a January and a July week", "every week".
pub fn missed_text(weeks: &[u32], samples: &[&str]) -> String {
    if !weeks.is_empty() {
        format!("in weeks {}", schedule::format_weeks(weeks))
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
            let missed = &slots[0].excluded;
            let reached: Vec<String> = repeat
                .local
                .iter()
                .filter(|l| l.covered && missed.iter().any(|u| u.zone == l.zone))
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
        Advice::Check(d) => match &d.help {
            Some(help) => format!("{}; {help}", d.message),
            None => d.message.clone(),
        },
    }
}
