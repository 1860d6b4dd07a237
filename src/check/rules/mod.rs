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
mod deliver_on_live;
mod fixed_offset_zone;
mod holiday_week;
mod interactive_work_self_paced;
mod large_live_discussion;
mod live_heavy_unreliable_internet;
mod live_hours_outside_band;
mod live_individual_work;
mod live_lecture;
mod live_not_recorded;
mod live_without_alternative;
mod live_work_without_time;
mod long_live_session;
mod no_early_touchpoint;
mod no_instructor_presence;
mod optional_overlaps_required;
mod short_prework_window;
mod unit_coverage;
mod workload_over_target;
mod workload_under_target;

use std::cell::OnceCell;

use crate::course::{Activity, Course, Mode};
use crate::diagnostic::{Severity, Span};
use crate::engine::{Decision, Plan};
use crate::rules::RuleId;
use crate::schedule::Schedule;

/// Longest lecture or individual exercise that counts as a segment of a live session rather
/// than a use of live time in its own right.
pub const SHORT_SEGMENT_MINUTES: u32 = 15;

/// Whether a live activity is a short segment inside a live session of interactive work: the
/// seed (Best Practices for Synchronous Sessions: build in variety, alternate lecture,
/// discussion, individual work and group activities) recommends exactly that, so a 10-minute
/// framing talk before a live debate is not a lecture in live time.
///
/// Read from a per-week index ([`Context::interactive_weeks`]), never by scanning every live
/// activity for every activity and week: 100,000 short live activities once made this check
/// quadratic (2 MB took 17.8 s).
fn in_session_variety(cx: &Context<'_>, d: &Decision, a: &Activity) -> bool {
    if a.minutes > SHORT_SEGMENT_MINUTES {
        return false;
    }
    let index = cx.interactive_weeks();
    d.weeks.iter().all(|&w| {
        index
            .get(w as usize)
            .is_some_and(|week| week.count >= 2 || (week.count == 1 && week.first != d.index))
    })
}

/// Live activities that gain from live time, in one week: how many, and the first of them.
#[derive(Clone, Copy, Debug, Default)]
struct InteractiveWeek {
    /// How many live activities gaining from live time meet that week.
    count: usize,
    /// The index of the first of them (meaningful when `count` is at least 1).
    first: usize,
}

/// Share of weekly minutes that are self-paced above which a course counts as async-heavy.
pub const ASYNC_HEAVY_SHARE: f64 = 0.75;
/// Courses at least this long are expected to have a touchpoint in weeks 1-2.
pub const EARLY_TOUCHPOINT_MIN_WEEKS: u32 = 4;

/// What a check sees: the planned course and its schedule.
pub struct Context<'a> {
    /// The validated course.
    pub course: &'a Course,
    /// The engine's plan for it.
    pub plan: &'a Plan,
    schedule: Option<&'a Schedule>,
    built: OnceCell<Schedule>,
    interactive: OnceCell<Vec<InteractiveWeek>>,
    workload: OnceCell<crate::workload::Workload>,
}

/// One thing a check found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Finding {
    /// Where in the file.
    pub span: Span,
    /// What is wrong, in one sentence.
    pub message: String,
    /// What to do instead.
    pub help: Option<String>,
    /// The severity when it differs from the rule's default (one rule, two levels: a
    /// coverage finding that misses only the organizer's zone by a default window is info).
    pub severity: Option<Severity>,
    /// What the finding is about, for `[check] allow` with `activity`: `(activity index,
    /// section)` pairs (`None`: the whole activity). Empty for a course- or week-wide finding.
    pub about: Vec<(usize, Option<usize>)>,
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
        id: RuleId::LiveIndividualWork,
        run: live_individual_work::run,
    },
    CheckRule {
        id: RuleId::InteractiveWorkSelfPaced,
        run: interactive_work_self_paced::run,
    },
    CheckRule {
        id: RuleId::DeliverOnLive,
        run: deliver_on_live::run,
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
        run: unit_coverage::pinned_slot,
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
        id: RuleId::UnreachableSitting,
        run: unit_coverage::unreachable,
    },
    CheckRule {
        id: RuleId::LiveWorkWithoutTime,
        run: live_work_without_time::run,
    },
    CheckRule {
        id: RuleId::LowSittingCoverage,
        run: unit_coverage::low,
    },
    CheckRule {
        id: RuleId::UnreachableOptionalSitting,
        run: unit_coverage::unreachable_optional,
    },
    CheckRule {
        id: RuleId::ExamOutsideHours,
        run: unit_coverage::exam_outside_hours,
    },
    CheckRule {
        id: RuleId::ShortPreworkWindow,
        run: short_prework_window::run,
    },
    CheckRule {
        id: RuleId::HolidayWeek,
        run: holiday_week::run,
    },
    CheckRule {
        id: RuleId::OptionalOverlapsRequired,
        run: optional_overlaps_required::run,
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
        id: RuleId::FixedOffsetZone,
        run: fixed_offset_zone::run,
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
            schedule: Some(schedule),
            built: OnceCell::new(),
            interactive: OnceCell::new(),
            workload: OnceCell::new(),
        }
    }

    /// A context that builds the schedule only if a check asks for it. The slot search is the
    /// dearest part of planning, and only the time-zone checks read it, so `mixplan check`
    /// skips it for most files.
    pub fn lazy(course: &'a Course, plan: &'a Plan) -> Self {
        Context {
            course,
            plan,
            schedule: None,
            built: OnceCell::new(),
            interactive: OnceCell::new(),
            workload: OnceCell::new(),
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

    /// The week-by-week workload of the scheduled plan: computed once, for every check that
    /// reads it.
    pub fn workload(&self) -> &crate::workload::Workload {
        self.workload
            .get_or_init(|| crate::workload::compute(self.course, self.plan, self.schedule()))
    }

    /// The workload, if a check computed it.
    pub fn into_workload(self) -> Option<crate::workload::Workload> {
        self.workload.into_inner()
    }

    /// Per course week (indexed by week number), the live activities that gain from live
    /// time: built once, in one pass over the plan, for the checks that compare activities.
    fn interactive_weeks(&self) -> &[InteractiveWeek] {
        self.interactive.get_or_init(|| {
            let mut weeks = vec![InteractiveWeek::default(); self.course.meta.weeks as usize + 1];
            for (d, _) in self.live() {
                if !crate::engine::gains_from_live(d) {
                    continue;
                }
                for &w in &d.weeks {
                    if let Some(week) = weeks.get_mut(w as usize) {
                        if week.count == 0 {
                            week.first = d.index;
                        }
                        week.count += 1;
                    }
                }
            }
            weeks
        })
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
        self.course().meta.span
    }
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
