//! The design checks of `mixplan check`: one file per check, one line per check in
//! [`CHECK_RULES`].
//!
//! A check's user documentation (summary, evidence, doc, example, default severity) lives in the
//! registry, [`crate::rules`]; its file here holds only the condition. Each check rests on a best
//! practice of the seed article (its section heading is cited) and, where a number is involved,
//! on a published source. Adding a check means a `RuleId` variant with its documentation, a file
//! here, one line in [`CHECK_RULES`], and a `tests/fixtures/check/<id>/{fail,pass}.toml` pair.

mod async_without_accountability;
mod community_without_live;
mod large_live_discussion;
mod live_heavy_unreliable_internet;
mod live_hours_outside_band;
mod live_lecture;
mod live_not_recorded;
mod live_without_alternative;
mod long_live_session;
mod no_early_touchpoint;
mod no_instructor_presence;
mod pinned_slot_excludes_students;
mod workload_over_target;
mod workload_under_target;

use std::cell::OnceCell;

use crate::course::{Activity, Course, Mode};
use crate::diagnostic::{Severity, Span};
use crate::engine::{Decision, Plan};
use crate::rules::RuleId;
use crate::schedule::Schedule;

/// Share of weekly minutes that are self-paced above which a course counts as async-heavy.
pub const ASYNC_HEAVY_SHARE: f64 = 0.75;
/// Courses at least this long are expected to have a touchpoint in weeks 1-2.
pub const EARLY_TOUCHPOINT_MIN_WEEKS: u32 = 4;

/// What a check sees: the planned course, its schedule and, when there is one, the file's text.
pub struct Context<'a> {
    /// The validated course.
    pub course: &'a Course,
    /// The engine's plan for it.
    pub plan: &'a Plan,
    /// The course file's text, used only to point at keys the model keeps no span for.
    pub text: Option<&'a str>,
    schedule: Option<&'a Schedule>,
    built: OnceCell<Schedule>,
}

/// One thing a check found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Where in the file.
    pub span: Span,
    /// What is wrong, in one sentence.
    pub message: String,
    /// What to do instead.
    pub help: Option<String>,
}

/// One design check: its id (documentation and default severity live in the registry,
/// [`crate::rules`]) and its condition.
#[derive(Debug)]
pub struct CheckRule {
    /// The check's id.
    pub id: RuleId,
    /// The condition.
    pub run: fn(&Context<'_>) -> Vec<Finding>,
}

impl CheckRule {
    /// The severity before configuration, from the registry.
    pub fn severity(&self) -> Severity {
        self.id.kind().severity().unwrap_or(Severity::Warning)
    }
}

/// Every design check, in the order `mixplan rules` lists them.
pub static CHECK_RULES: &[CheckRule] = &[
    CheckRule {
        id: RuleId::LiveNotRecorded,
        run: live_not_recorded::run,
    },
    CheckRule {
        id: RuleId::LiveLecture,
        run: live_lecture::run,
    },
    CheckRule {
        id: RuleId::LiveHoursOutsideBand,
        run: live_hours_outside_band::run,
    },
    CheckRule {
        id: RuleId::AsyncWithoutAccountability,
        run: async_without_accountability::run,
    },
    CheckRule {
        id: RuleId::NoInstructorPresence,
        run: no_instructor_presence::run,
    },
    CheckRule {
        id: RuleId::CommunityWithoutLive,
        run: community_without_live::run,
    },
    CheckRule {
        id: RuleId::PinnedSlotExcludesStudents,
        run: pinned_slot_excludes_students::run,
    },
    CheckRule {
        id: RuleId::LongLiveSession,
        run: long_live_session::run,
    },
    CheckRule {
        id: RuleId::LargeLiveDiscussion,
        run: large_live_discussion::run,
    },
    CheckRule {
        id: RuleId::LiveWithoutAlternative,
        run: live_without_alternative::run,
    },
    CheckRule {
        id: RuleId::NoEarlyTouchpoint,
        run: no_early_touchpoint::run,
    },
    CheckRule {
        id: RuleId::LiveHeavyUnreliableInternet,
        run: live_heavy_unreliable_internet::run,
    },
    CheckRule {
        id: RuleId::WorkloadOverTarget,
        run: workload_over_target::run,
    },
    CheckRule {
        id: RuleId::WorkloadUnderTarget,
        run: workload_under_target::run,
    },
    CheckRule {
        id: RuleId::UnknownRule,
        run: |_| Vec::new(),
    },
];

impl<'a> Context<'a> {
    /// A context over a planned and scheduled course.
    pub fn planned(course: &'a Course, plan: &'a Plan, schedule: &'a Schedule) -> Self {
        Context {
            course,
            plan,
            text: None,
            schedule: Some(schedule),
            built: OnceCell::new(),
        }
    }

    /// A context that builds the schedule only if a check asks for it. The slot search is the
    /// dearest part of planning, and only the time-zone checks read it, so `mixplan check`
    /// skips it for most files.
    pub fn lazy(course: &'a Course, plan: &'a Plan, text: Option<&'a str>) -> Self {
        Context {
            course,
            plan,
            text,
            schedule: None,
            built: OnceCell::new(),
        }
    }

    /// The weekly schedule, exactly as `crate::recommend` builds it.
    pub fn schedule(&self) -> &Schedule {
        match self.schedule {
            Some(schedule) => schedule,
            None => self
                .built
                .get_or_init(|| crate::schedule::build(self.course, self.plan)),
        }
    }

    fn course(&self) -> &Course {
        self.course
    }

    /// Activities that run live under the plan, with their decisions, in file order.
    fn live(&self) -> impl Iterator<Item = (&Decision, &Activity)> {
        self.decided(Mode::Sync)
    }

    fn decided(&self, mode: Mode) -> impl Iterator<Item = (&Decision, &Activity)> {
        self.plan
            .decisions
            .iter()
            .filter(move |d| d.mode == mode)
            .map(|d| (d, &self.course.activities[d.index]))
    }

    /// Activities held in at least half of the course weeks.
    fn regular(&self) -> impl Iterator<Item = (&Decision, &Activity)> {
        let weeks = self.course().meta.weeks as usize;
        self.plan
            .decisions
            .iter()
            .filter(move |d| d.weeks.len() * 2 >= weeks)
            .map(|d| (d, &self.course.activities[d.index]))
    }

    /// The first line of the `[course]` table: where course-wide findings point.
    fn course_header(&self) -> Span {
        let span = self.course().meta.span;
        match self.text {
            Some(text) => first_line(text, span),
            None => span,
        }
    }

    /// Span of `key = ...` inside `[table]`, found by scanning the text; the course header when
    /// the key is written another way (inline table, dotted key) or there is no text.
    fn key_line(&self, table: &str, key: &str) -> Span {
        self.text
            .and_then(|text| find_key_line(text, table, key))
            .unwrap_or_else(|| self.course_header())
    }
}

fn first_line(text: &str, span: Span) -> Span {
    let start = span.start.min(text.len());
    let rest = &text[start..];
    let len = rest.find(['\n', '\r']).unwrap_or(rest.len());
    Span::new(start, start + len)
}

/// The byte span of the line `key = ...` in `[table]`, trimmed of surrounding whitespace.
fn find_key_line(text: &str, table: &str, key: &str) -> Option<Span> {
    let mut in_table = false;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            let name = trimmed
                .trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches('"');
            in_table = !trimmed.starts_with("[[") && name == table;
        } else if in_table
            && let Some(rest) = trimmed.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            let start = offset + (line.len() - line.trim_start().len());
            return Some(Span::new(start, start + trimmed.len()));
        }
        offset += line.len();
    }
    None
}

/// Minutes as hours for messages: `1.5`, `2`.
pub(super) fn hours(minutes: f64) -> String {
    let h = crate::engine::round2(minutes / 60.0);
    if h.fract() == 0.0 {
        format!("{h:.0}")
    } else {
        format!("{h}")
    }
}
