//! The design checks of `mixplan check`: one table, each entry data plus a small function.
//!
//! An entry's `summary`, `evidence`, `doc` and `example` are its user documentation: `mixplan
//! rules`, `mixplan explain`, the SARIF rule table and the catalog all read them from here.
//! Each check rests on a best practice of the seed article (its section heading is cited) and,
//! where a number is involved, on a published source from `EVIDENCE.md`. Adding a check means
//! adding an entry here and a `tests/fixtures/check/<id>/{fail,pass}.toml` pair, nothing else.

use std::cell::OnceCell;

use crate::course::{Activity, ActivityKind as K, Course, Delivery, Goal, Mode};
use crate::diagnostic::{Severity, Span};
use crate::engine::rules::{LARGE_CLASS, LONG_LIVE_MINUTES, RELIABLE_INTERNET_FLOOR};
use crate::engine::{Decision, Plan};
use crate::rules::RuleId;
use crate::schedule::Schedule;
use crate::schedule::format_weeks;

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
        run: live_not_recorded,
    },
    CheckRule {
        id: RuleId::LiveLecture,
        run: live_lecture,
    },
    CheckRule {
        id: RuleId::LiveHoursOutsideBand,
        run: live_hours_outside_band,
    },
    CheckRule {
        id: RuleId::AsyncWithoutAccountability,
        run: async_without_accountability,
    },
    CheckRule {
        id: RuleId::NoInstructorPresence,
        run: no_instructor_presence,
    },
    CheckRule {
        id: RuleId::CommunityWithoutLive,
        run: community_without_live,
    },
    CheckRule {
        id: RuleId::PinnedSlotExcludesStudents,
        run: pinned_slot_excludes_students,
    },
    CheckRule {
        id: RuleId::LongLiveSession,
        run: long_live_session,
    },
    CheckRule {
        id: RuleId::LargeLiveDiscussion,
        run: large_live_discussion,
    },
    CheckRule {
        id: RuleId::LiveWithoutAlternative,
        run: live_without_alternative,
    },
    CheckRule {
        id: RuleId::NoEarlyTouchpoint,
        run: no_early_touchpoint,
    },
    CheckRule {
        id: RuleId::LiveHeavyUnreliableInternet,
        run: live_heavy_unreliable_internet,
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

fn live_not_recorded(cx: &Context<'_>) -> Vec<Finding> {
    cx.live()
        .filter(|(_, a)| !a.recorded)
        .map(|(_, a)| Finding {
            span: a.spans.recorded.unwrap_or(a.spans.id),
            message: format!("live activity `{}` is not recorded", a.id),
            help: Some(
                "remove `recorded = false`: students who miss the session for work, family, time zone or a dropped connection need the recording".into(),
            ),
        })
        .collect()
}

fn live_lecture(cx: &Context<'_>) -> Vec<Finding> {
    cx.live()
        .filter(|(_, a)| a.kind.is_content_transmission())
        .map(|(d, a)| {
            let (span, how) = match (d.pinned, a.spans.mode) {
                (true, Some(span)) => (span, "is pinned to live time"),
                _ => (a.spans.kind, "runs in live time"),
            };
            Finding {
                span,
                message: format!("`{}` is a {} and {how}", a.id, a.kind),
                help: Some(
                    "record it as self-paced pre-work (`mode = \"async\"`) and use the live time for discussion, problem-solving or collaboration; for a deliberate exception add `{ rule = \"live-lecture\", reason = \"...\" }` to `[check] allow`".into(),
                ),
            }
        })
        .collect()
}

fn hours(minutes: f64) -> String {
    let h = crate::engine::round2(minutes / 60.0);
    if h.fract() == 0.0 {
        format!("{h:.0}")
    } else {
        format!("{h}")
    }
}

fn live_hours_outside_band(cx: &Context<'_>) -> Vec<Finding> {
    let course = cx.course();
    let summary = &cx.plan.summary;
    if course.meta.delivery != Delivery::Online || summary.within_band() {
        return Vec::new();
    }
    let (min, max) = summary.band_minutes;
    let live = summary.sync_minutes_per_week;
    let (side, help) = if live > max {
        (
            "above",
            "unpin or shorten live activities, or widen `sync_hours` if the extra live time is deliberate",
        )
    } else {
        (
            "below",
            "add a live discussion, Q&A or problem-solving session (not a lecture), or lower `sync_hours` if the course is meant to be self-paced",
        )
    };
    vec![Finding {
        span: course
            .meta
            .sync_hours_span
            .unwrap_or_else(|| cx.course_header()),
        message: format!(
            "weekly live time is {} h ({live} min), {side} the band of {}-{} h",
            hours(live),
            hours(min),
            hours(max)
        ),
        help: Some(help.into()),
    }]
}

const PEER: &[K] = &[
    K::Discussion,
    K::Debate,
    K::Collaboration,
    K::PeerReview,
    K::Presentation,
];

fn async_without_accountability(cx: &Context<'_>) -> Vec<Finding> {
    let summary = &cx.plan.summary;
    let total = summary.sync_minutes_per_week + summary.async_minutes_per_week;
    if total <= 0.0 || summary.async_minutes_per_week / total < ASYNC_HEAVY_SHARE {
        return Vec::new();
    }
    let assessment = cx.regular().any(|(_, a)| a.kind == K::Assessment);
    let peer = cx.regular().any(|(_, a)| PEER.contains(&a.kind));
    if assessment || peer {
        return Vec::new();
    }
    let share = (summary.async_minutes_per_week / total * 100.0).round();
    vec![Finding {
        span: cx.course_header(),
        message: format!(
            "{share}% of the weekly time is self-paced, with no regular low-stakes assessment and no regular peer interaction"
        ),
        help: Some(
            "add a short weekly quiz (`kind = \"assessment\"`) or a weekly discussion or peer review, so students have a reason to keep pace".into(),
        ),
    }]
}

fn no_instructor_presence(cx: &Context<'_>) -> Vec<Finding> {
    let present = cx.regular().any(|(d, a)| {
        d.mode == Mode::Sync || matches!(a.kind, K::Announcement | K::OfficeHours | K::QAndA)
    });
    if present {
        return Vec::new();
    }
    vec![Finding {
        span: cx.course_header(),
        message: "no regular announcements, office hours, Q&A or live sessions: students see no sign that the instructor is there".into(),
        help: Some(
            "add a weekly announcement (`kind = \"announcement\"`, 5 minutes) or regular office hours".into(),
        ),
    }]
}

fn community_without_live(cx: &Context<'_>) -> Vec<Finding> {
    let goals: Vec<&str> = cx
        .course()
        .goals
        .iter()
        .filter(|g| matches!(g, Goal::Community | Goal::Collaboration))
        .map(|g| g.as_str())
        .collect();
    if goals.is_empty() || cx.live().next().is_some() {
        return Vec::new();
    }
    vec![Finding {
        span: cx.key_line("goals", "focus"),
        message: format!(
            "the course aims at {} but no activity runs live",
            goals.join(" and ")
        ),
        help: Some("run a discussion, collaboration or Q&A live, at least every other week".into()),
    }]
}

fn pinned_slot_excludes_students(cx: &Context<'_>) -> Vec<Finding> {
    let Some(at) = cx.course().meta.live_at else {
        return Vec::new();
    };
    // The pinned slot's own exclusions: even when a repeat session reaches these students,
    // the designer pinned a time that shuts them out of the main session.
    let schedule = cx.schedule();
    let Some(slot) = schedule.live_slots.iter().find(|s| s.pinned) else {
        return Vec::new();
    };
    let repeat = schedule.live_slots.iter().find(|s| s.repeat);
    slot.excluded
        .iter()
        .filter(|u| u.count > 0)
        .map(|u| {
            let weeks = if !u.weeks.is_empty() {
                format!(" in weeks {}", format_weeks(&u.weeks))
            } else if !u.samples.is_empty() {
                format!(" (in {} weeks)", u.samples.join(" and "))
            } else {
                String::new()
            };
            let reached = repeat.is_some_and(|r| {
                r.local.iter().any(|l| l.zone == u.zone && l.covered)
            });
            let help = match repeat {
                Some(r) if reached => format!(
                    "a repeat session at {} {} {} reaches them; or remove `live_at` to let mixplan pick a slot the most students can attend",
                    r.day, r.time, r.timezone
                ),
                _ => "remove `live_at` to let mixplan pick a slot the most students can attend, or give these students the recording plus a written response".into(),
            };
            Finding {
                span: at.span,
                message: format!(
                    "the pinned live slot ({} {} {}) is outside the available hours of {} student(s) in {}{weeks}",
                    slot.day, slot.time, slot.timezone, u.count, u.zone
                ),
                help: Some(help),
            }
        })
        .collect()
}

fn long_live_session(cx: &Context<'_>) -> Vec<Finding> {
    cx.live()
        .filter(|(_, a)| a.minutes > LONG_LIVE_MINUTES)
        .map(|(_, a)| Finding {
            span: a.spans.minutes,
            message: format!(
                "live activity `{}` runs {} minutes in one sitting, more than {LONG_LIVE_MINUTES}",
                a.id, a.minutes
            ),
            help: Some(format!(
                "split it into sessions of at most {LONG_LIVE_MINUTES} minutes, or move part of it to self-paced work"
            )),
        })
        .collect()
}

fn mentions_breakouts(a: &Activity) -> bool {
    let words = ["breakout", "small-group", "small group", "poll"];
    let id = a.id.as_str();
    let title = a.title.as_deref().unwrap_or("").to_ascii_lowercase();
    words.iter().any(|w| id.contains(w) || title.contains(w))
}

fn large_live_discussion(cx: &Context<'_>) -> Vec<Finding> {
    let count = cx.course().students.count;
    if count <= LARGE_CLASS {
        return Vec::new();
    }
    let planned = cx
        .live()
        .any(|(_, a)| a.kind == K::Collaboration || mentions_breakouts(a));
    if planned {
        return Vec::new();
    }
    cx.live()
        .filter(|(_, a)| matches!(a.kind, K::Discussion | K::Debate))
        .map(|(_, a)| Finding {
            span: a.spans.kind,
            message: format!(
                "live {} `{}` for {count} students has no breakout-room or polling plan",
                a.kind, a.id
            ),
            help: Some(format!(
                "above {LARGE_CLASS} students not everyone can speak: add a live `collaboration` activity for breakout groups of 3-7, or say \"breakout\" or \"poll\" in the title"
            )),
        })
        .collect()
}

const WRITTEN_ALTERNATIVE: &[K] = &[
    K::Discussion,
    K::Reflection,
    K::PeerReview,
    K::Debate,
    K::Collaboration,
];

fn live_without_alternative(cx: &Context<'_>) -> Vec<Finding> {
    let live: Vec<&Activity> = cx.live().map(|(_, a)| a).collect();
    let Some(first) = live.first() else {
        return Vec::new();
    };
    if cx
        .decided(Mode::Async)
        .any(|(_, a)| WRITTEN_ALTERNATIVE.contains(&a.kind))
    {
        return Vec::new();
    }
    // Cheapest reason first: the schedule (slot search) is built only when nothing else applies.
    let uncovered = || -> u32 { cx.schedule().uncovered.iter().map(|u| u.count).sum() };
    let why = if live.iter().any(|a| !a.recorded) {
        "some live activities are not recorded".to_string()
    } else if let Some(p) = cx.plan.facts.flexible.first() {
        format!("the class includes `{p}` students, who often cannot attend")
    } else {
        match uncovered() {
            0 => return Vec::new(),
            n => format!("{n} student(s) cannot attend the live slot"),
        }
    };
    let ids: Vec<&str> = live.iter().map(|a| a.id.as_str()).collect();
    vec![Finding {
        span: first.spans.kind,
        message: format!(
            "live sessions ({}) have no self-paced alternative, and {why}",
            ids.join(", ")
        ),
        help: Some(
            "add a self-paced `discussion` or `reflection` where students who watched the recording post a response".into(),
        ),
    }]
}

const TOUCHPOINT: &[K] = &[
    K::Discussion,
    K::Debate,
    K::Collaboration,
    K::PeerReview,
    K::Presentation,
    K::Announcement,
    K::OfficeHours,
    K::QAndA,
];

fn no_early_touchpoint(cx: &Context<'_>) -> Vec<Finding> {
    if cx.course().meta.weeks < EARLY_TOUCHPOINT_MIN_WEEKS {
        return Vec::new();
    }
    let early = cx.plan.decisions.iter().any(|d| {
        let a = &cx.course().activities[d.index];
        d.weeks.iter().any(|&w| w <= 2) && (d.mode == Mode::Sync || TOUCHPOINT.contains(&a.kind))
    });
    if early {
        return Vec::new();
    }
    vec![Finding {
        span: cx.course_header(),
        message: "weeks 1-2 have no live session, discussion or announcement".into(),
        help: Some(
            "open with a live welcome session or a week-1 discussion board; students decide in the first two weeks whether to stay".into(),
        ),
    }]
}

fn live_heavy_unreliable_internet(cx: &Context<'_>) -> Vec<Finding> {
    let students = &cx.course().students;
    let Some(share) = students.reliable_internet else {
        return Vec::new();
    };
    let summary = &cx.plan.summary;
    let live = summary.sync_minutes_per_week;
    if share >= RELIABLE_INTERNET_FLOOR || live <= 0.0 || live < summary.async_minutes_per_week {
        return Vec::new();
    }
    vec![Finding {
        span: cx.key_line("students", "reliable_internet"),
        message: format!(
            "only {:.0}% of students have a dependable connection, but {live} of {} weekly minutes are live",
            share * 100.0,
            live + summary.async_minutes_per_week
        ),
        help: Some("move work to self-paced formats and record every live session".into()),
    }]
}
