//! The engine: scores every activity for live and self-paced delivery, decides its mode, keeps
//! weekly live time inside the band and picks the weekly pattern.
//!
//! It never prints; renderers turn its [`Plan`] into text.

pub mod rules;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::course::{
    Activity, ContentType, Course, Delivery, Every, Goal, Mode, Pattern, Population,
};
pub use rules::{SCORING_RULES, ScoringRule};

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
    /// Smallest arc (hours) of the 24-hour circle covering every student's UTC offset.
    pub zone_spread_hours: f64,
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
        let populations = &course.students.populations;
        let flexible: Vec<Population> = populations
            .iter()
            .copied()
            .filter(|&p| rules::is_flexible(p))
            .collect();
        Facts {
            full_time_only: !populations.is_empty() && flexible.is_empty(),
            flexible,
            zone_spread_hours: zone_spread_hours(course),
            reliable_internet: course.students.reliable_internet,
            count: course.students.count,
            content: course.content.clone(),
            goals: course.goals.clone(),
        }
    }
}

/// The instant at which UTC offsets are compared: noon of the course start, or mid-January 2027.
fn reference_instant(course: &Course) -> Timestamp {
    let date = course.meta.start.unwrap_or(jiff::civil::date(2027, 1, 15));
    date.at(12, 0, 0, 0)
        .to_zoned_datetime(TimeZone::UTC)
        .map(|z| z.timestamp())
        .unwrap_or(Timestamp::UNIX_EPOCH)
}

fn zone_spread_hours(course: &Course) -> f64 {
    let at = reference_instant(course);
    let mut offsets: Vec<i32> = course
        .student_groups()
        .iter()
        .filter(|g| g.count > 0)
        .map(|g| g.tz.to_offset(at).seconds())
        .collect();
    offsets.sort_unstable();
    offsets.dedup();
    if offsets.len() < 2 {
        return 0.0;
    }
    // The spread is 24 h minus the widest gap between neighbouring offsets on the clock face:
    // UTC-10 and UTC+12 are 2 hours apart, not 22.
    let day = 24 * 3600;
    let widest_gap = offsets
        .windows(2)
        .map(|w| w[1] - w[0])
        .chain(std::iter::once(
            offsets[0] + day - offsets[offsets.len() - 1],
        ))
        .max()
        .unwrap_or(day);
    f64::from(day - widest_gap) / 3600.0
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
        /// What the rule saw in this activity.
        detail: String,
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
    /// Band balancing moved the activity (to the reason's `favors` mode).
    BandMove {
        /// Weekly live minutes before the move.
        total: f64,
        /// The band edge that was crossed, in minutes per week.
        limit: f64,
        /// The activity's margin.
        margin: f64,
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
        /// The floor, minutes per week.
        min: f64,
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

/// Which pattern is in force, and what decided it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PatternChoice {
    /// Set in the course file.
    Set(Pattern),
    /// `auto` chose alternating: live work is already every other week.
    AlternatingBiweekly,
    /// `auto` chose alternating: students span this many hours of time zones.
    AlternatingZones {
        /// Hours of UTC offsets the students span.
        spread_hours: f64,
    },
    /// `auto` chose the default blend.
    Flipped,
}

impl PatternChoice {
    /// The pattern in force.
    pub fn pattern(self) -> Pattern {
        match self {
            PatternChoice::Set(pattern) => pattern,
            PatternChoice::AlternatingBiweekly | PatternChoice::AlternatingZones { .. } => {
                Pattern::Alternating
            }
            PatternChoice::Flipped => Pattern::Flipped,
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
    /// Average required live minutes per week, exams left out (they sit outside the band).
    pub sync_minutes_per_week: f64,
    /// Average optional live minutes per week, outside the band.
    pub optional_sync_minutes_per_week: f64,
    /// Average self-paced minutes per week.
    pub async_minutes_per_week: f64,
    /// The band, in minutes per week.
    pub band_minutes: (f64, f64),
    /// Whether the band is enforced (online courses).
    pub band_enforced: bool,
}

impl Summary {
    /// Whether weekly live time lies inside the band.
    pub fn within_band(&self) -> bool {
        let (min, max) = self.band_minutes;
        (min - 1e-9..=max + 1e-9).contains(&self.sync_minutes_per_week)
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

/// Plan a course: score, decide, choose the pattern, balance the band.
pub fn plan(course: &Course) -> Plan {
    let facts = Facts::new(course);
    let pattern_choice = choose_pattern(course, &facts);
    let pattern = pattern_choice.pattern();
    let mut decisions: Vec<Decision> = course
        .activities
        .iter()
        .enumerate()
        .map(|(index, activity)| decide(index, activity, &facts, pattern, &course.meta))
        .collect();
    let mut advice = vec![PlanNote::Pattern(pattern_choice)];
    let band_enforced = course.meta.delivery == Delivery::Online;
    if band_enforced {
        balance(course, pattern, &mut decisions, &mut advice);
    }
    let summary = summarize(course, &decisions, band_enforced);
    Plan {
        facts,
        decisions,
        pattern,
        pattern_choice,
        summary,
        notes: advice,
    }
}

fn summarize(course: &Course, decisions: &[Decision], band_enforced: bool) -> Summary {
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
        async_minutes_per_week: round2(async_),
        band_minutes: course.band_minutes(),
        band_enforced,
    }
}

/// Round to two decimals so sums of weights print cleanly.
pub fn round2(x: f64) -> f64 {
    // `+ 0.0` turns the -0.0 of an empty float sum into 0.0.
    (x * 100.0).round() / 100.0 + 0.0
}

fn choose_pattern(course: &Course, facts: &Facts) -> PatternChoice {
    match course.meta.pattern {
        Pattern::Auto => {
            let wide = facts.zone_spread_hours > rules::WIDE_ZONE_SPREAD_HOURS;
            let biweekly = course
                .activities
                .iter()
                .filter(|a| a.mode == Some(Mode::Sync) && !a.optional && !a.is_fixed())
                .any(|a| a.every == Every::TwoWeeks && a.weeks.is_none());
            // Alternating halves only what the engine schedules; with nothing to halve it
            // would only relabel the weeks.
            let halvable = course.activities.iter().any(is_halvable);
            if course.meta.weeks >= 2 && biweekly && halvable {
                PatternChoice::AlternatingBiweekly
            } else if course.meta.weeks >= 2 && wide && !facts.flexible.is_empty() && halvable {
                PatternChoice::AlternatingZones {
                    spread_hours: round2(facts.zone_spread_hours),
                }
            } else {
                PatternChoice::Flipped
            }
        }
        set => PatternChoice::Set(set),
    }
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
        let teaching = meta.teaching_weeks(false);
        if teaching.len() >= 2 {
            teaching.into_iter().skip(1).step_by(2).collect()
        } else {
            activity.occurrence_weeks(meta)
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

fn decide(
    index: usize,
    activity: &Activity,
    facts: &Facts,
    pattern: Pattern,
    meta: &crate::course::CourseMeta,
) -> Decision {
    let mut reasons: Vec<Reason> = SCORING_RULES
        .iter()
        .filter_map(|rule| {
            (rule.applies)(facts, activity).map(|detail| {
                let (favors, weight) = rule.weight();
                Reason {
                    rule: rule.id,
                    favors,
                    kind: ReasonKind::Score { weight, detail },
                }
            })
        })
        .collect();
    // Strongest first; the catalog order breaks ties so the list is stable.
    reasons.sort_by(|a, b| b.weight().total_cmp(&a.weight()));
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
    if by_score == Mode::Async && margin > -MARGIN_THRESHOLD {
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

/// Keep average weekly live minutes inside the band by moving the least certain decisions.
///
/// Candidates are sorted once and taken in order, so balancing stays O(n log n) even when
/// thousands of activities have to move.
fn balance(
    course: &Course,
    pattern: Pattern,
    decisions: &mut [Decision],
    advice: &mut Vec<PlanNote>,
) {
    let weeks = course.meta.weeks;
    let (min, max) = course.band_minutes();
    let weekly = |d: &Decision, mode: Mode| {
        let activity = &course.activities[d.index];
        f64::from(activity.minutes)
            * activity_weeks(activity, mode, pattern, &course.meta).len() as f64
            / f64::from(weeks)
    };
    let in_band = |d: &Decision| course.activities[d.index].in_band();
    let mut total: f64 = decisions
        .iter()
        .filter(|d| d.mode == Mode::Sync && in_band(d))
        .map(|d| weekly(d, Mode::Sync))
        .sum();

    // Over the band: move the weakest live choices to self-paced, first those whose move keeps
    // live time above the floor, then (if still over) the rest, weakest first.
    if total > max + 1e-9 {
        let mut order: Vec<usize> = (0..decisions.len())
            .filter(|&i| {
                decisions[i].mode == Mode::Sync && !decisions[i].pinned && in_band(&decisions[i])
            })
            .collect();
        order.sort_by(|&a, &b| {
            decisions[a]
                .margin
                .total_cmp(&decisions[b].margin)
                .then(b.cmp(&a))
        });
        let mut skipped = Vec::new();
        for i in order {
            if total <= max + 1e-9 {
                break;
            }
            let minutes = weekly(&decisions[i], Mode::Sync);
            if total - minutes >= min - 1e-9 {
                move_decision(course, pattern, &mut decisions[i], Mode::Async, total, max);
                total -= minutes;
            } else {
                skipped.push((i, minutes));
            }
        }
        for (i, minutes) in skipped {
            if total <= max + 1e-9 {
                break;
            }
            move_decision(course, pattern, &mut decisions[i], Mode::Async, total, max);
            total -= minutes;
        }
    }
    if total > max + 1e-9 {
        advice.push(PlanNote::BandOver {
            total: round2(total),
            max: round2(max),
        });
    }

    // Under the band: move the strongest self-paced candidates live, but never content
    // transmission (the seed: do not spend live time on what works as well asynchronously).
    if total < min - 1e-9 {
        let mut order: Vec<usize> = (0..decisions.len())
            .filter(|&i| {
                let d = &decisions[i];
                d.mode == Mode::Async
                    && !d.pinned
                    && in_band(d)
                    && !d.reasons.iter().any(|r| r.rule == RuleId::BandOver)
                    && !course.activities[d.index].kind.is_content_transmission()
            })
            .collect();
        order.sort_by(|&a, &b| {
            decisions[b]
                .margin
                .total_cmp(&decisions[a].margin)
                .then(a.cmp(&b))
        });
        for i in order {
            if total >= min - 1e-9 {
                break;
            }
            let minutes = weekly(&decisions[i], Mode::Sync);
            if total + minutes <= max + 1e-9 {
                move_decision(course, pattern, &mut decisions[i], Mode::Sync, total, min);
                total += minutes;
            }
        }
    }
    if total < min - 1e-9 {
        advice.push(PlanNote::BandUnreachable {
            total: round2(total),
            min: round2(min),
        });
    }
}

/// Move one decision to `to`, recording why on the activity (`limit` is the band edge crossed).
fn move_decision(
    course: &Course,
    pattern: Pattern,
    d: &mut Decision,
    to: Mode,
    total: f64,
    limit: f64,
) {
    d.mode = to;
    d.weeks = activity_weeks(&course.activities[d.index], to, pattern, &course.meta);
    let rule = match to {
        Mode::Async => RuleId::BandOver,
        Mode::Sync => RuleId::BandUnder,
    };
    d.reasons.push(Reason {
        rule,
        favors: to,
        kind: ReasonKind::Note(Note::BandMove {
            total: round2(total),
            limit: round2(limit),
            margin: d.margin,
        }),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::parse;

    fn course(extra: &str) -> Course {
        parse(&format!(
            "[course]\ntitle = \"T\"\nweeks = 4\n{extra}\n[students]\ncount = 10\n\n[[activities]]\nid = \"a\"\nkind = \"discussion\"\nminutes = 60\n"
        ))
        .unwrap()
    }

    #[test]
    fn zone_spread_wraps_around_the_clock() {
        let c = parse(
            "[course]\ntitle = \"T\"\nweeks = 1\n[students]\ncount = 2\n[[students.zones]]\nzone = \"Pacific/Honolulu\"\ncount = 1\n[[students.zones]]\nzone = \"Pacific/Auckland\"\ncount = 1\n[[activities]]\nid = \"a\"\nkind = \"lecture\"\nminutes = 5\n",
        )
        .unwrap();
        // Honolulu is UTC-10, Auckland UTC+13 in January: 1 hour apart across the date line.
        assert_eq!(zone_spread_hours(&c), 1.0);
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
