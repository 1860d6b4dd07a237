//! The engine: scores every activity for live and self-paced delivery, decides its mode, keeps
//! weekly live time inside the band and picks the weekly pattern.
//!
//! It never prints; renderers turn its [`Plan`] into text.

pub mod balance;
pub mod rules;
pub mod sittings;

use crate::course::{Activity, ContentType, Course, Every, Goal, Mode, Pattern, Population};
pub use rules::{SCORING_RULES, ScoreDetail, ScoringRule};

use crate::availability::Attendance;
use crate::rules::RuleId;

/// A margin (in points) below which the two modes count as equally good, and async wins.
pub const MARGIN_THRESHOLD: f64 = 0.5;

/// Course-level facts the rules read, computed once per plan.
#[derive(Clone, Debug)]
pub struct Facts {
    /// Populations that need flexible timing.
    pub flexible: Vec<Population>,
    /// Every listed population is full-time.
    pub full_time_only: bool,
    /// How many students one live time reaches, per activity length (from the availability
    /// layer: each group's window in its own zone, head-count weighted).
    pub attendance: Attendance,
    /// Share of students with a dependable connection, if given.
    pub reliable_internet: Option<f64>,
    /// Head count.
    pub count: u32,
    /// Content types.
    pub content: Vec<ContentType>,
    /// Goals.
    pub goals: Vec<Goal>,
}

impl Facts {
    /// Derive the facts of `course`.
    pub fn new(course: &Course) -> Self {
        Facts::with(&crate::availability::slots::ZoneCache::new(course))
    }

    /// [`Facts::new`] for the cache's course, reading its shared zone timelines.
    pub fn with(zones: &crate::availability::slots::ZoneCache<'_>) -> Self {
        let course = zones.course();
        let populations = &course.students.populations;
        let flexible: Vec<Population> = populations
            .iter()
            .copied()
            .filter(|&p| rules::is_flexible(p))
            .collect();
        Facts {
            full_time_only: !populations.is_empty() && flexible.is_empty(),
            flexible,
            attendance: Attendance::with(zones),
            reliable_internet: course.students.reliable_internet,
            count: course.students.count,
            content: course.content.clone(),
            goals: course.goals.clone(),
        }
    }
}

/// Why an activity got a point, or why its mode was decided.
#[derive(Clone, Debug, PartialEq)]
pub struct Reason {
    /// The rule id (a scoring rule, or a decision rule such as `near-tie-async`).
    pub rule: RuleId,
    /// The mode the reason favours.
    pub favors: Mode,
    /// A score with its weight, or a decision note.
    pub kind: ReasonKind,
}

/// What a reason is: points from a scoring rule, or a note on how the mode was decided.
#[derive(Clone, Debug, PartialEq)]
pub enum ReasonKind {
    /// A scoring rule applied and added `weight` points.
    Score {
        /// Points added to the favoured mode.
        weight: f64,
        /// What the rule saw in this activity, as facts (shared by every activity the rule
        /// saw the same way); `render::words` words them.
        detail: std::sync::Arc<ScoreDetail>,
    },
    /// A decision rule adjusted or explained the mode.
    Note(Note),
}

impl Reason {
    /// Points the reason added: its weight for a score, 0 for a note.
    pub fn weight(&self) -> f64 {
        match self.kind {
            ReasonKind::Score { weight, .. } => weight,
            ReasonKind::Note(_) => 0.0,
        }
    }

    /// Whether this is a scoring reason (as opposed to a decision note).
    pub fn is_score(&self) -> bool {
        matches!(self.kind, ReasonKind::Score { .. })
    }
}

/// A decision note on one activity, as typed facts; renderers word it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Note {
    /// The scores were within [`MARGIN_THRESHOLD`], so the activity went self-paced.
    NearTie {
        /// Both scores.
        scores: Scores,
    },
    /// The mode was pinned in the file; `by_score` is what the scores alone chose.
    Pinned {
        /// The mode the scores favour.
        by_score: Mode,
        /// What pinned it.
        by: PinnedBy,
    },
    /// The mode of the plan with the least live time among the plans for better-connected
    /// students, so that fewer connected students never mean more live time.
    ConnectivityCap {
        /// Weekly live minutes of that plan.
        connected: f64,
    },
    /// Band balancing moved the activity (to the reason's `favors` mode).
    BandMove {
        /// Weekly live minutes before the move (of the week, for a move about one week).
        total: f64,
        /// The band edge that was crossed, in minutes per week.
        limit: f64,
        /// The activity's margin.
        margin: f64,
        /// The teaching week over the written ceiling that made this move, if one week did.
        week: Option<u32>,
        /// Whether `limit` is the effective ceiling, lowered below the written one because
        /// students lack a dependable connection.
        lowered: bool,
        /// For a move live in a hybrid course: minutes a week in rooms, counted towards the
        /// floor (`limit` is then what the online sittings must add); 0 otherwise.
        rooms: f64,
    },
}

/// What fixes an activity's mode without the engine deciding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinnedBy {
    /// `mode` written in the file.
    Mode,
    /// A fixed time, `at`.
    At,
    /// Office hours are live by nature.
    OfficeHours,
    /// A forum is self-paced by nature.
    Forum,
    /// An exam without `at` is a self-paced timed exam.
    SelfPacedExam,
}

impl PinnedBy {
    /// What pins `activity`'s mode, if anything does.
    pub fn of(activity: &Activity) -> Option<PinnedBy> {
        use crate::course::ActivityKind as K;
        activity.mode?;
        Some(match (activity.spans.mode, activity.kind) {
            (Some(_), _) => PinnedBy::Mode,
            (None, _) if activity.is_fixed() => PinnedBy::At,
            (None, K::OfficeHours) => PinnedBy::OfficeHours,
            (None, K::Forum) => PinnedBy::Forum,
            (None, K::Exam) => PinnedBy::SelfPacedExam,
            (None, _) => PinnedBy::Mode,
        })
    }
}

/// A plan-wide fact the engine leaves for the designer; renderers word it.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanNote {
    /// The pattern in force and why.
    Pattern(PatternChoice),
    /// Live time stays above the band because only pinned activities are left live.
    BandOver {
        /// Weekly live minutes.
        total: f64,
        /// The ceiling, minutes per week.
        max: f64,
    },
    /// Live time stays below the band: nothing that gains from live time is left to move.
    BandUnreachable {
        /// Weekly live minutes.
        total: f64,
        /// What the online sittings must reach, minutes per week: the floor, less `rooms`.
        min: f64,
        /// Minutes a week of the required sittings in a room, counted towards the floor.
        rooms: f64,
        /// Activities that gain from live time but were held back because one live time
        /// reaches under half of the class, with their reach.
        held_back: Vec<balance::HeldBack>,
        /// The effective ceiling, when it alone held a move live back (students without a
        /// dependable connection lowered it below what the move needed).
        connectivity: Option<f64>,
    },
}

impl PlanNote {
    /// The rule behind the note.
    pub fn rule(&self) -> RuleId {
        match self {
            PlanNote::Pattern(_) => RuleId::PatternChoice,
            PlanNote::BandOver { .. } => RuleId::BandOver,
            PlanNote::BandUnreachable { .. } => RuleId::BandUnreachable,
        }
    }
}

/// Which pattern is in force, what decided it, and the shape of the weeks it produced.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PatternChoice {
    /// What decided the pattern.
    pub why: PatternWhy,
    /// Whether anything runs live under the plan.
    pub live: bool,
    /// Whether some self-paced content shares a week with live work (flipped pre-work).
    pub pre_work: bool,
    /// The weeks the plan produced: how many teaching weeks have required live work, and
    /// which is the last of them.
    pub weeks: LiveWeeks,
}

/// The shape of the weeks a plan produced, for the pattern's explanation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LiveWeeks {
    /// Teaching weeks of the course.
    pub teaching: u32,
    /// Teaching weeks in which required, in-band live work meets.
    pub live: u32,
    /// The last teaching week.
    pub last_teaching: Option<u32>,
    /// The last teaching week with required, in-band live work.
    pub last_live: Option<u32>,
}

impl LiveWeeks {
    /// The live weeks of `decisions`.
    pub fn of(course: &Course, decisions: &[Decision]) -> Self {
        let teaching = course.meta.teaching_weeks(false);
        let live: std::collections::BTreeSet<u32> = decisions
            .iter()
            .filter(|d| d.mode == Mode::Sync && meets_required(&course.activities[d.index]))
            .flat_map(|d| d.weeks.iter().copied())
            .filter(|w| teaching.binary_search(w).is_ok())
            .collect();
        LiveWeeks {
            teaching: teaching.len() as u32,
            live: live.len() as u32,
            last_teaching: teaching.last().copied(),
            last_live: live.last().copied(),
        }
    }
}

/// What decided the pattern.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PatternWhy {
    /// Set in the course file.
    Set(Pattern),
    /// `auto` chose alternating: one live time cannot reach enough of the students, who
    /// need flexible timing.
    AlternatingAttendance {
        /// Length of the live activity one time serves worst, in minutes.
        minutes: u32,
        /// Students the best time reaches for it.
        reached: u32,
        /// Head count.
        count: u32,
    },
    /// `auto` chose the default blend.
    Flipped,
    /// `auto` would have alternated for attendance, but did not.
    FlippedNotAlternating(Declined),
}

/// Why `auto` kept `flipped` although one live time misses students.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Declined {
    /// A one-week course has no weeks to alternate.
    OneWeek,
    /// No weekly live activity whose mode the engine decided: alternating would halve nothing.
    NothingHalved,
    /// Alternating would leave live time below the band's floor.
    Floor {
        /// Weekly live minutes under alternating.
        minutes: f64,
        /// The floor, minutes per week.
        min: f64,
    },
}

impl PatternChoice {
    /// The pattern in force.
    pub fn pattern(self) -> Pattern {
        match self.why {
            PatternWhy::Set(pattern) => pattern,
            PatternWhy::AlternatingAttendance { .. } => Pattern::Alternating,
            PatternWhy::Flipped | PatternWhy::FlippedNotAlternating(_) => Pattern::Flipped,
        }
    }
}

/// Scores of the two modes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scores {
    /// Points for running the activity live.
    pub sync: f64,
    /// Points for running it self-paced.
    pub async_: f64,
}

/// The engine's decision for one activity.
#[derive(Clone, Debug)]
pub struct Decision {
    /// Index of the activity in [`Course::activities`].
    pub index: usize,
    /// The chosen mode.
    pub mode: Mode,
    /// Whether the mode was pinned in the file.
    pub pinned: bool,
    /// Both scores.
    pub scores: Scores,
    /// `sync - async`: positive favours live.
    pub margin: f64,
    /// Scoring reasons, strongest first, then decision notes.
    pub reasons: Vec<Reason>,
    /// Weeks in which the activity takes place under the chosen mode and pattern.
    pub weeks: Vec<u32>,
}

impl Decision {
    /// Average minutes per course week.
    pub fn weekly_minutes(&self, activity: &Activity, course_weeks: u32) -> f64 {
        f64::from(activity.minutes) * self.weeks.len() as f64 / f64::from(course_weeks)
    }
}

/// Weekly totals against the band.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    /// Average required live minutes per week, exams and optional work left out: the
    /// activities' own minutes.
    pub sync_minutes_per_week: f64,
    /// Average minutes per week of the required live sittings, breaks included, one section
    /// counted, cancelled dates left out: what the band measures. [`crate::recommend`] takes it
    /// from the schedule, which alone knows the dates of searched sittings.
    pub sync_sitting_minutes_per_week: f64,
    /// Average optional live minutes per week, outside the band.
    pub optional_sync_minutes_per_week: f64,
    /// Average self-paced minutes per week.
    pub async_minutes_per_week: f64,
    /// Average minutes per week of the required sittings in a room (`in_person`), one section
    /// counted, cancelled dates left out: outside the band's ceiling, but counted towards its
    /// floor, since a class that meets in a room has the community live time is for.
    pub in_person_minutes_per_week: f64,
    /// The band, in minutes per week.
    pub band_minutes: (f64, f64),
    /// Whether the band is enforced: always, since hybrid courses are measured on their online
    /// sittings (kept for programs that read it).
    pub band_enforced: bool,
    /// The ceiling band balancing worked against, in minutes per week: the written ceiling
    /// lowered for students without a dependable connection.
    pub effective_ceiling_minutes: f64,
}

impl Summary {
    /// Whether weekly live time, measured on sittings with their breaks, lies inside the band:
    /// the online sittings at or under the ceiling, and with the sittings in a room at or over
    /// the floor.
    pub fn within_band(&self) -> bool {
        let (min, max) = self.band_minutes;
        self.sync_sitting_minutes_per_week <= max + 1e-9 && self.floor_measure() >= min - 1e-9
    }

    /// What the band's floor is judged on: online sittings plus sittings in a room.
    pub fn floor_measure(&self) -> f64 {
        round2(self.sync_sitting_minutes_per_week + self.in_person_minutes_per_week)
    }
}

/// The engine's output: a mode per activity, the pattern, the weekly totals and advice.
#[derive(Clone, Debug)]
pub struct Plan {
    /// Facts the rules read.
    pub facts: Facts,
    /// One decision per activity, in file order.
    pub decisions: Vec<Decision>,
    /// The pattern in force (never `auto`).
    pub pattern: Pattern,
    /// Why that pattern.
    pub pattern_choice: PatternChoice,
    /// Weekly totals.
    pub summary: Summary,
    /// Plan-wide notes from the engine (pattern, band), in order.
    pub notes: Vec<PlanNote>,
}

/// Plan a course: score, decide, balance the band, choose the pattern.
pub fn plan(course: &Course) -> Plan {
    plan_with(&crate::availability::slots::ZoneCache::new(course))
}

/// [`plan`] the cache's course, reading its shared zone timelines.
pub fn plan_with(zones: &crate::availability::slots::ZoneCache<'_>) -> Plan {
    let course = zones.course();
    let facts = Facts::with(zones);
    // Scores are shared by every plan made here: the connectivity comparison plans the course
    // again at each lower share, and only the connectivity rule reads the share.
    let mut memo = ScoreMemo::new();
    let own = draft(course, &facts, &mut memo);
    let Draft {
        why,
        decided:
            Decided {
                decisions,
                notes: band_notes,
                ..
            },
        ..
    } = least_live_over_connectivity(course, &facts, own, &mut memo);
    let pattern_choice = PatternChoice {
        why,
        live: decisions
            .iter()
            .any(|d| d.mode == Mode::Sync && meets_required(&course.activities[d.index])),
        pre_work: has_pre_work(course, &decisions),
        weeks: LiveWeeks::of(course, &decisions),
    };
    let pattern = pattern_choice.pattern();
    let summary = summarize(course, &decisions);
    let mut notes = vec![PlanNote::Pattern(pattern_choice)];
    notes.extend(band_notes);
    Plan {
        facts,
        decisions,
        pattern,
        pattern_choice,
        summary,
        notes,
    }
}

/// How many plans, in activities planned, the connectivity comparison may make: a course of a
/// few hundred activities compares every hundredth of the share, a huge one only a few shares.
const CONNECTIVITY_PLAN_BUDGET: usize = 100_000;

/// A plan before its summary: what decided the pattern, and the balanced decisions.
#[derive(Clone)]
struct Draft {
    why: PatternWhy,
    decided: Decided,
    /// The effective ceiling at or above which the same draft comes out, when balancing did
    /// not read it (see [`balance::Balanced`]) for any pattern the draft decided.
    same_at_or_above: Option<f64>,
}

/// Every activity decided under one pattern and balanced.
#[derive(Clone)]
struct Decided {
    decisions: Vec<Decision>,
    /// The band notes balancing left.
    notes: Vec<PlanNote>,
    /// The band's measure of the decisions (see [`sitting_minutes`]), as balancing left it.
    live: f64,
    /// See [`balance::Balanced::same_at_or_above`].
    same_at_or_above: Option<f64>,
}

/// Plan `course` for `facts`: the pattern (chosen or set), the decisions, the band notes.
fn draft(course: &Course, facts: &Facts, memo: &mut ScoreMemo) -> Draft {
    match course.meta.pattern {
        Pattern::Auto => choose_pattern(course, facts, memo),
        set => {
            let decided = decide_all(course, facts, set, memo);
            Draft {
                why: PatternWhy::Set(set),
                same_at_or_above: decided.same_at_or_above,
                decided,
            }
        }
    }
}

/// The shares of unconnected students, below `u`, at which the course is planned for
/// comparison: every hundredth from 0 (the written share is read to two decimals), fewer on a
/// course so large that the comparison would cost more than [`CONNECTIVITY_PLAN_BUDGET`].
fn lower_shares(u: f64, activities: usize) -> Vec<f64> {
    let steps = (u * 100.0).round() as usize;
    let affordable = (CONNECTIVITY_PLAN_BUDGET / activities.max(1)).max(1);
    let stride = steps.div_ceil(affordable).max(1);
    (0..steps)
        .step_by(stride)
        .map(|k| k as f64 / 100.0)
        .collect()
}

/// Fewer connected students must never mean more live time (seed: Synchronous Learning >
/// Weaknesses: unreliable technology is a systematic disadvantage in live-heavy courses).
///
/// Both the connectivity weight and the effective ceiling follow the share of students without
/// a dependable connection, but greedy balancing alone cannot promise that live time never
/// rises with it. So the course is also planned at the lower shares of [`lower_shares`], and
/// the modes of the plan with the least live time (the band's measure) are kept; an activity
/// whose mode that changes carries a note saying why. The shares compared at a lower share are
/// a subset of those compared at a higher one, so the measure cannot grow as the share grows.
fn least_live_over_connectivity(
    course: &Course,
    facts: &Facts,
    own: Draft,
    memo: &mut ScoreMemo,
) -> Draft {
    let u = balance::unconnected_share(facts.reliable_internet);
    if u <= 0.0 {
        return own;
    }
    let mut best: (f64, Option<Draft>) = (own.decided.live, None);
    // A draft balancing made without reading the effective ceiling is the draft of every
    // share whose scores are the same (the connectivity rule silent) and whose ceiling is at
    // or above its measure: it is kept once, not made again at each of those shares.
    let keep = course.activities.len() <= REUSED_DRAFT_ACTIVITIES;
    let mut unread: Option<(f64, Draft)> = None;
    if keep && connectivity_key(facts).is_none() {
        unread = own.same_at_or_above.map(|v| (v, own.clone()));
    }
    for share in lower_shares(u, course.activities.len()) {
        let mut f = facts.clone();
        f.reliable_internet = (share > 0.0).then_some(1.0 - share);
        let silent = connectivity_key(&f).is_none();
        let effective = balance::Band::for_share(course, f.reliable_internet).effective;
        if let Some((_, same)) = unread.as_ref().filter(|(v, _)| silent && *v <= effective) {
            if same.decided.live < best.0 - 1e-9 {
                best = (same.decided.live, Some(same.clone()));
            }
            continue;
        }
        let candidate = draft(course, &f, memo);
        let l = candidate.decided.live;
        if keep && silent && unread.is_none() {
            unread = candidate.same_at_or_above.map(|v| (v, candidate.clone()));
        }
        if l < best.0 - 1e-9 {
            best = (l, Some(candidate));
        }
    }
    let Some(lean) = best.1 else {
        return own;
    };
    // Keep this plan's scores and reasons; take the modes and weeks of the leaner plan.
    let cap = round2(best.0);
    let mut decisions = own.decided.decisions;
    for (d, lean) in decisions.iter_mut().zip(lean.decided.decisions) {
        if d.mode != lean.mode {
            d.reasons
                .retain(|r| !matches!(r.rule, RuleId::BandUnder | RuleId::BandOver));
            d.reasons.push(Reason {
                rule: RuleId::UnreliableConnectivity,
                favors: lean.mode,
                kind: ReasonKind::Note(Note::ConnectivityCap { connected: cap }),
            });
        }
        d.mode = lean.mode;
        d.weeks = lean.weeks;
    }
    Draft {
        why: lean.why,
        decided: Decided {
            decisions,
            notes: lean.decided.notes,
            live: best.0,
            same_at_or_above: None,
        },
        same_at_or_above: None,
    }
}

/// Activities up to which the connectivity comparison keeps a copy of a draft to reuse.
const REUSED_DRAFT_ACTIVITIES: usize = 10_000;

/// Score and decide every activity under `pattern`, then balance the band (on the online
/// sittings; in a hybrid course the sittings in a room count towards the floor).
fn decide_all(course: &Course, facts: &Facts, pattern: Pattern, memo: &mut ScoreMemo) -> Decided {
    let mut decisions: Vec<Decision> = course
        .activities
        .iter()
        .enumerate()
        .map(|(index, activity)| decide(index, activity, facts, pattern, &course.meta, memo))
        .collect();
    let mut notes = Vec::new();
    let band = balance::Band::for_share(course, facts.reliable_internet);
    let balanced = balance::balance(
        course,
        pattern,
        &mut decisions,
        &mut notes,
        band,
        &facts.attendance,
    );
    Decided {
        decisions,
        notes,
        live: balanced.live,
        same_at_or_above: balanced.same_at_or_above,
    }
}

/// Required live work the pattern speaks of: online or in a room, exams and optional work left
/// out (a hybrid course whose classes meet in a room does run live).
fn meets_required(activity: &Activity) -> bool {
    !activity.optional && !activity.is_exam()
}

/// Whether some self-paced pre-work (content a live session builds on) falls in a week with
/// live work: only then does a flipped week put anything "before" the live session.
fn has_pre_work(course: &Course, decisions: &[Decision]) -> bool {
    // The schedule puts pre-work before the week's first required meeting, fixed or searched
    // (or the one it `prepares`); optional meetings set no due times.
    let live_weeks: std::collections::BTreeSet<u32> = decisions
        .iter()
        .filter(|d| d.mode == Mode::Sync && meets_required(&course.activities[d.index]))
        .flat_map(|d| d.weeks.iter().copied())
        .collect();
    decisions.iter().any(|d| {
        let a = &course.activities[d.index];
        d.mode == Mode::Async
            && a.kind.is_pre_work()
            && !a.optional
            && a.due.is_none()
            && d.weeks.iter().any(|w| live_weeks.contains(w))
    })
}

fn summarize(course: &Course, decisions: &[Decision]) -> Summary {
    let weeks = course.meta.weeks;
    let (mut sync, mut async_, mut optional) = (0.0, 0.0, 0.0);
    for d in decisions {
        let activity = &course.activities[d.index];
        let minutes = d.weekly_minutes(activity, weeks);
        match d.mode {
            Mode::Sync if activity.optional => optional += minutes,
            Mode::Sync if activity.in_band() => sync += minutes,
            Mode::Sync => {}
            Mode::Async => async_ += minutes,
        }
    }
    Summary {
        optional_sync_minutes_per_week: round2(optional),
        sync_minutes_per_week: round2(sync),
        sync_sitting_minutes_per_week: round2(sitting_minutes(course, decisions)),
        async_minutes_per_week: round2(async_),
        in_person_minutes_per_week: round2(balance::room_minutes(course)),
        band_minutes: course.band_minutes(),
        band_enforced: true,
        effective_ceiling_minutes: balance::Band::of(course).effective,
    }
}

/// The band's measure: the mean over teaching weeks of the week's required, non-exam live
/// sitting minutes, breaks included.
///
/// Searched live work is grouped as [`sittings::pack`] groups it (file order), breaks added;
/// a fixed sitting (`at`) lasts its activities' minutes, breaks carved out of them, counted
/// once however many sections it has, and not on a date a holiday cancels.
pub fn sitting_minutes(course: &Course, decisions: &[Decision]) -> f64 {
    balance::Measure::new(course, decisions).value()
}

/// The band's measure of each course week (index 0 is week 1): required, non-exam, online
/// live sitting minutes, breaks included, one section counted.
pub fn week_sitting_minutes(course: &Course, decisions: &[Decision]) -> Vec<u32> {
    balance::Measure::new(course, decisions).weeks()
}

/// Round to two decimals so sums of weights print cleanly.
pub fn round2(x: f64) -> f64 {
    // `+ 0.0` turns the -0.0 of an empty float sum into 0.0.
    (x * 100.0).round() / 100.0 + 0.0
}

/// `auto`: the blended (flipped) week by default; alternating weeks when students who need
/// flexible timing cannot all be reached by one live time (seed: The Blended Approach, the
/// alternating rhythm "accommodates students' scheduling needs").
///
/// The test is attendance, not the spread of UTC offsets: 39 students in New York and one in
/// Tokyo whom one evening slot reaches need no alternating weeks. And alternating is declined
/// when it would halve nothing, on a one-week course, or when the halved live time would fall
/// below the band's floor (seed: FAQ "How much synchronous time is ideal?": too little live
/// time weakens community).
fn choose_pattern(course: &Course, facts: &Facts, memo: &mut ScoreMemo) -> Draft {
    let flipped = decide_all(course, facts, Pattern::Flipped, memo);
    // The live activity one time serves worst, among the weekly live ones: an activity held
    // at fixed times is judged by those times too, as the time-zone rule judges it.
    let worst = flipped
        .decisions
        .iter()
        .map(|d| (d, &course.activities[d.index]))
        .filter(|(d, a)| d.mode == Mode::Sync && a.in_band() && is_weekly(a))
        .filter(|(_, a)| facts.attendance.short_of(a))
        .map(|(_, a)| (a.minutes, facts.attendance.reach_of(a)))
        .min_by_key(|&(m, reached)| (reached, std::cmp::Reverse(m)));
    let (Some((minutes, reached)), false) = (worst, facts.flexible.is_empty()) else {
        return Draft {
            why: PatternWhy::Flipped,
            same_at_or_above: flipped.same_at_or_above,
            decided: flipped,
        };
    };
    let declined = |why| Draft {
        why: PatternWhy::FlippedNotAlternating(why),
        same_at_or_above: flipped.same_at_or_above,
        decided: flipped.clone(),
    };
    if course.meta.teaching_weeks(false).len() < 2 {
        return declined(Declined::OneWeek);
    }
    let halved = flipped.decisions.iter().any(|d| {
        let a = &course.activities[d.index];
        d.mode == Mode::Sync && is_halvable(a) && a.every == Every::Week
    });
    if !halved {
        return declined(Declined::NothingHalved);
    }
    let alternating = decide_all(course, facts, Pattern::Alternating, memo);
    // The floor online live work must reach: in a hybrid course, less the room's minutes.
    let min = balance::Band::of(course).floor;
    let live = summarize(course, &alternating.decisions).sync_minutes_per_week;
    // Both plans were made: the draft is the same above a ceiling only if both are.
    let same_at_or_above = flipped
        .same_at_or_above
        .zip(alternating.same_at_or_above)
        .map(|(a, b)| a.max(b));
    if live < min - 1e-9 {
        return Draft {
            same_at_or_above,
            ..declined(Declined::Floor {
                minutes: live,
                min: round2(min),
            })
        };
    }
    Draft {
        why: PatternWhy::AlternatingAttendance {
            minutes,
            reached,
            count: facts.attendance.count,
        },
        decided: alternating,
        same_at_or_above,
    }
}

/// Whether an activity meets every week by cadence (not explicit weeks).
fn is_weekly(activity: &Activity) -> bool {
    activity.weeks.is_none() && activity.every == Every::Week
}

/// Weeks in which an activity runs, given its mode and the pattern.
///
/// Under `alternating`, weekly and fortnightly live activities whose mode the engine decided
/// meet in every second teaching week only (the synthesis weeks); fixed, pinned, optional and
/// exam activities, explicit `weeks` and `once` are kept as written. Live work skips the
/// course's `no_live` weeks.
pub fn activity_weeks(
    activity: &Activity,
    mode: Mode,
    pattern: Pattern,
    meta: &crate::course::CourseMeta,
) -> Vec<u32> {
    let weeks = if mode == Mode::Sync && pattern == Pattern::Alternating && is_halvable(activity) {
        let synthesis = synthesis_weeks(meta);
        if synthesis.is_empty() || meta.teaching_weeks(false).len() < 2 {
            activity.occurrence_weeks(meta)
        } else {
            synthesis
        }
    } else {
        activity.occurrence_weeks(meta)
    };
    // An exam keeps its week: `no_live` makes the weekly live work self-paced, not the exams.
    if mode == Mode::Sync && !meta.no_live.is_empty() && !activity.is_exam() {
        return weeks.into_iter().filter(|&w| !meta.is_no_live(w)).collect();
    }
    weeks
}

/// The live synthesis weeks of `alternating`: the last teaching week that is not `no_live`,
/// and every second teaching week before it, so the course always ends on a week that brings
/// the self-paced work together live (seed: The Blended Approach: a week of intensive
/// self-paced work followed by a live session that synthesizes and extends it).
pub fn synthesis_weeks(meta: &crate::course::CourseMeta) -> Vec<u32> {
    let teaching = meta.teaching_weeks(false);
    let Some(last) = teaching.iter().rposition(|&w| !meta.is_no_live(w)) else {
        return Vec::new();
    };
    let mut weeks: Vec<u32> = (0..=last).rev().step_by(2).map(|i| teaching[i]).collect();
    weeks.reverse();
    weeks
}

/// Whether `alternating` may halve this activity: a weekly or fortnightly one whose mode the
/// engine decides (seed: The Blended Approach; the alternating rhythm is for the live synthesis
/// sessions mixplan schedules, not for meetings the course fixed).
pub fn is_halvable(activity: &Activity) -> bool {
    activity.weeks.is_none()
        && activity.mode.is_none()
        && !activity.is_fixed()
        && !activity.optional
        && !activity.is_exam()
        && matches!(activity.every, Every::Week | Every::TwoWeeks)
}

/// What the scoring rules read of an activity: its kind, its minutes, its sections (class
/// size per sitting), whether it is written work, whether it meets in a room, and the
/// students its own fixed times reach (the time-zone rule reads it; `None` without `at`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct ScoreKey {
    kind: crate::course::ActivityKind,
    minutes: u32,
    sections: usize,
    written: bool,
    in_person: bool,
    held_reach: Option<u32>,
}

impl ScoreKey {
    fn of(activity: &Activity, facts: &Facts) -> Self {
        ScoreKey {
            kind: activity.kind,
            minutes: activity.minutes,
            sections: activity.sections(),
            written: rules::is_written(activity),
            in_person: activity.in_person,
            held_reach: facts.attendance.held_reach(activity),
        }
    }
}

/// Scoring reasons by what the scoring rules read of an activity.
/// The connectivity rule is the one scoring rule that reads the share of connected students,
/// and only below its floor: the key holds that share there, bit for bit.
type ScoreMemo = std::collections::BTreeMap<(ScoreKey, Option<u64>), Vec<Reason>>;

/// What the connectivity rule reads of `facts`: the share of connected students, when it is
/// below the rule's floor.
fn connectivity_key(facts: &Facts) -> Option<u64> {
    facts
        .reliable_internet
        .filter(|&share| share < rules::RELIABLE_INTERNET_FLOOR)
        .map(f64::to_bits)
}

/// The scoring reasons of an activity, strongest first (the catalog order breaks ties).
fn score_reasons(facts: &Facts, activity: &Activity) -> Vec<Reason> {
    let mut reasons: Vec<Reason> = SCORING_RULES
        .iter()
        .filter_map(|rule| {
            (rule.applies)(facts, activity).map(|detail| {
                let (favors, weight) = rule.weight();
                let weight = round2(weight * rules::factor(rule.id, facts));
                Reason {
                    rule: rule.id,
                    favors,
                    kind: ReasonKind::Score {
                        weight,
                        detail: detail.into(),
                    },
                }
            })
        })
        .collect();
    reasons.sort_by(|a, b| b.weight().total_cmp(&a.weight()));
    reasons
}

fn decide(
    index: usize,
    activity: &Activity,
    facts: &Facts,
    pattern: Pattern,
    meta: &crate::course::CourseMeta,
    memo: &mut ScoreMemo,
) -> Decision {
    // The scoring rules read only what the key holds.
    let scored = memo
        .entry((ScoreKey::of(activity, facts), connectivity_key(facts)))
        .or_insert_with(|| score_reasons(facts, activity));
    // Room for the one note a decision may add, so adding it never reallocates.
    let mut reasons = Vec::with_capacity(scored.len() + 1);
    reasons.extend_from_slice(scored);
    let score = |mode| {
        reasons
            .iter()
            .filter(|r| r.favors == mode)
            .map(Reason::weight)
            .sum::<f64>()
    };
    let scores = Scores {
        sync: round2(score(Mode::Sync)),
        async_: round2(score(Mode::Async)),
    };
    let margin = round2(scores.sync - scores.async_);
    let by_score = if margin >= MARGIN_THRESHOLD {
        Mode::Sync
    } else {
        Mode::Async
    };
    // A pinned or fixed mode is not decided by the scores: its `pinned-mode` note says what
    // they favour, and a tie note ("the flexible mode wins") would contradict a live pin.
    if activity.mode.is_none() && by_score == Mode::Async && margin > -MARGIN_THRESHOLD {
        reasons.push(Reason {
            rule: RuleId::NearTieAsync,
            favors: Mode::Async,
            kind: ReasonKind::Note(Note::NearTie { scores }),
        });
    }
    let mode = match activity.mode {
        Some(pinned) => {
            reasons.push(Reason {
                rule: RuleId::PinnedMode,
                favors: pinned,
                kind: ReasonKind::Note(Note::Pinned {
                    by_score,
                    by: PinnedBy::of(activity).unwrap_or(PinnedBy::Mode),
                }),
            });
            pinned
        }
        None => by_score,
    };
    Decision {
        index,
        mode,
        pinned: activity.mode.is_some(),
        scores,
        margin,
        reasons,
        weeks: activity_weeks(activity, mode, pattern, meta),
    }
}

/// Whether an activity gains from live time by its own nature: one of its reasons is
/// real-time interaction, immediate feedback or community presence (seed: FAQ "How do I
/// decide which activities to make synchronous versus asynchronous?": start by asking whether
/// the activity benefits from real-time interaction). Goals and content alone do not count.
pub fn gains_from_live(decision: &Decision) -> bool {
    decision.reasons.iter().any(|r| {
        r.is_score()
            && matches!(
                r.rule,
                RuleId::RealTimeInteraction | RuleId::ImmediateFeedback | RuleId::CommunityPresence
            )
    })
}

/// Whether band balancing may move this activity live to reach the floor.
///
/// Only what gains from live time, and never individual work, content transmission or a
/// one-off: the seed keeps those self-paced (FAQ: content transmission, individual practice,
/// reading and reflection work well asynchronously; "do not use synchronous time for
/// activities that work just as well asynchronously").
pub fn may_move_live(course: &Course, decision: &Decision) -> bool {
    let activity = &course.activities[decision.index];
    decision.mode == Mode::Async
        && !decision.pinned
        && gains_from_live(decision)
        && !activity.kind.is_individual_work()
        && !activity.kind.is_content_transmission()
        && activity.occurrence_weeks(&course.meta).len() > 1
}

/// Whether band balancing may move this live activity to self-paced to get under the ceiling:
/// never a pinned mode, and never office hours, which are live by nature.
pub fn may_move_self_paced(course: &Course, decision: &Decision) -> bool {
    decision.mode == Mode::Sync
        && !decision.pinned
        && course.activities[decision.index].kind != crate::course::ActivityKind::OfficeHours
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::parse;

    /// A draft reused across the connectivity comparison's silent shares is the draft each of
    /// those shares makes on its own: same modes, weeks, notes and measure.
    #[test]
    fn a_reused_draft_is_the_draft_of_every_share_it_stands_for() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let mut reused = 0;
        for name in [
            "evening-working-adults.toml",
            "large-lecture.toml",
            "self-paced-professional.toml",
            "international-cohort.toml",
        ] {
            let text = std::fs::read_to_string(dir.join(name)).unwrap();
            let course = parse(&text).unwrap();
            let zones = crate::availability::slots::ZoneCache::new(&course);
            let facts = Facts::with(&zones);
            let mut memo = ScoreMemo::new();
            let u = balance::unconnected_share(facts.reliable_internet);
            let mut kept: Option<Draft> = None;
            for share in lower_shares(u, course.activities.len()) {
                let mut f = facts.clone();
                f.reliable_internet = (share > 0.0).then_some(1.0 - share);
                if connectivity_key(&f).is_some() {
                    continue;
                }
                let fresh = draft(&course, &f, &mut memo);
                let effective = balance::Band::for_share(&course, f.reliable_internet).effective;
                if let Some(same) = kept
                    .as_ref()
                    .filter(|d| d.same_at_or_above.is_some_and(|v| v <= effective))
                {
                    reused += 1;
                    let modes = |d: &Draft| -> Vec<(Mode, Vec<u32>)> {
                        d.decided
                            .decisions
                            .iter()
                            .map(|d| (d.mode, d.weeks.clone()))
                            .collect()
                    };
                    assert_eq!(modes(same), modes(&fresh), "{name} at {share}");
                    assert_eq!(same.decided.notes, fresh.decided.notes, "{name} at {share}");
                    assert_eq!(same.decided.live.to_bits(), fresh.decided.live.to_bits());
                } else if fresh.same_at_or_above.is_some() {
                    kept = Some(fresh);
                }
            }
        }
        assert!(reused > 0, "no share reused a draft");
    }

    fn course(extra: &str) -> Course {
        parse(&format!(
            "[course]\ntitle = \"T\"\nweeks = 4\n{extra}\n[students]\ncount = 10\n\n[[activities]]\nid = \"a\"\nkind = \"discussion\"\nminutes = 60\n"
        ))
        .unwrap()
    }

    #[test]
    fn alternating_moves_weekly_live_to_even_weeks() {
        let c = course("pattern = \"alternating\"");
        let p = plan(&c);
        assert_eq!(p.pattern, Pattern::Alternating);
        assert_eq!(p.decisions[0].mode, Mode::Sync);
        assert_eq!(p.decisions[0].weeks, vec![2, 4]);
    }
}
