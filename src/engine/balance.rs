//! Band balancing: keep the weekly live time, measured on sittings with their breaks, inside
//! the band, in named steps.
//!
//! 1. `Balancer::over_ceiling`: above the effective ceiling, live activities move self-paced
//!    in ascending margin (the weakest live case first), skipping a move that would cross the
//!    floor; then every moved activity that still fits is put back, strongest first.
//! 2. `Balancer::week_ceiling`: no teaching week may exceed the written ceiling; while one
//!    does, the weakest movable live activity meeting that week moves self-paced.
//! 3. `Balancer::under_floor`: below the floor, self-paced activities that gain from live time
//!    by their own nature move live, strongest first, unless one live time would reach under
//!    half of the class (the band-under guard) or the move would overshoot a ceiling.
//!
//! Evidence: the guide's FAQ on how much live time is ideal (one to three hours a week online;
//! too much creates scheduling barriers, too little weakens community); its Synchronous
//! Learning weaknesses (unreliable connections and fixed times shut students out).

use super::{
    Decision, Note, PlanNote, Reason, ReasonKind, activity_weeks, may_move_live,
    may_move_self_paced, round2, sittings,
};
use crate::availability::Attendance;
use crate::course::{Course, Mode, Pattern};
use crate::rules::RuleId;

const EPS: f64 = 1e-9;

/// Share of students without a dependable connection at which the effective ceiling reaches
/// the floor.
pub const CEILING_AT_FLOOR_SHARE: f64 = 0.5;

/// The band balancing works against, in minutes per week, on the online required sittings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    /// The floor the online sittings must reach: the written floor, less the minutes of the
    /// required sittings in a room (a hybrid course's classes give the community and
    /// connection the floor protects; the guide's one to three hours are for fully online
    /// courses).
    pub floor: f64,
    /// The written floor.
    pub written_floor: f64,
    /// Minutes a week of the required sittings in a room, counted towards the floor.
    pub rooms: f64,
    /// The written ceiling: no teaching week may exceed it.
    pub ceiling: f64,
    /// The ceiling balancing moves against: the written one, lowered for unreliable
    /// connections ([`effective_ceiling`]).
    pub effective: f64,
}

impl Band {
    /// The band of `course`, with its effective ceiling.
    pub fn of(course: &Course) -> Self {
        Band::for_share(course, course.students.reliable_internet)
    }

    /// The band of `course` were `reliable_internet` the share of connected students.
    pub fn for_share(course: &Course, reliable_internet: Option<f64>) -> Self {
        let (floor, ceiling) = course.band_minutes();
        let rooms = room_minutes(course);
        Band {
            floor: (floor - rooms).max(0.0),
            written_floor: floor,
            rooms,
            ceiling,
            effective: effective_ceiling(floor, ceiling, reliable_internet),
        }
    }
}

/// Average minutes per teaching week of the required sittings in a room (`in_person`, never
/// exams or optional work), the first section counted, a date a holiday cancels left out: they
/// never move, so they are read from the file.
pub fn room_minutes(course: &Course) -> f64 {
    let meta = &course.meta;
    let total: u64 = course
        .activities
        .iter()
        .filter(|a| a.in_person && !a.optional && !a.is_exam())
        .map(|a| {
            let Some(at) = a.at.first() else { return 0 };
            let held = activity_weeks(a, Mode::Sync, Pattern::Flipped, meta)
                .into_iter()
                .filter(|&w| !cancelled_by_holiday(meta, at, w))
                .count() as u64;
            held * u64::from(a.minutes)
        })
        .sum();
    total as f64 / meta.teaching_weeks(false).len().max(1) as f64
}

/// Whether a holiday cancels the sitting `at` in `week` (the date is worked out only when the
/// course has holidays: balancing asks this of every fixed sitting in every week it measures).
fn cancelled_by_holiday(
    meta: &crate::course::CourseMeta,
    at: &crate::course::FixedTime,
    week: u32,
) -> bool {
    !meta.holidays.is_empty()
        && at
            .date
            .or_else(|| meta.date_of(week, at.day))
            .is_some_and(|date| meta.is_holiday(date))
}

/// The share of students without a dependable connection, from the written share rounded to
/// two decimals (0 when the file does not say).
pub fn unconnected_share(reliable_internet: Option<f64>) -> f64 {
    let written = reliable_internet.map_or(1.0, |r| (r * 100.0).round() / 100.0);
    round2((1.0 - written).clamp(0.0, 1.0))
}

/// The ceiling balancing works against: ceiling − (ceiling − floor) × min(1, u ÷ 0.5), with u
/// the share of students without a dependable connection, rounded half-up to whole minutes.
/// Live time therefore falls as u rises and sits at the floor from u = 0.5 (seed: Synchronous
/// Learning > Weaknesses: students with unreliable technology face systematic disadvantages
/// in synchronous-heavy courses).
pub fn effective_ceiling(floor: f64, ceiling: f64, reliable_internet: Option<f64>) -> f64 {
    let u = unconnected_share(reliable_internet);
    let lowered = ceiling - (ceiling - floor).max(0.0) * (u / CEILING_AT_FLOOR_SHARE).min(1.0);
    (lowered + 0.5).floor()
}

/// What balancing held back under the floor.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct UnderFloor {
    /// Activities one live time reaches for under half of the class.
    held_back: Vec<HeldBack>,
    /// Whether the effective ceiling alone held a move back.
    by_connectivity: bool,
}

/// One activity balancing held back under the floor: an activity one live time reaches for under half
/// of the class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeldBack {
    /// Index into [`Course::activities`].
    pub index: usize,
    /// Students the best single time reaches for it.
    pub reach: u32,
}

/// Balancing state: the course, the pattern, the band and the measure kept in step with the
/// decisions.
pub(super) struct Balancer<'a> {
    course: &'a Course,
    pattern: Pattern,
    band: Band,
    /// The band's measure, built on first use (far over the ceiling, activity minutes alone
    /// decide the first moves).
    measure: Option<Measure>,
    /// Weekly live activity minutes (a lower bound on the measure, cheap to keep).
    total: f64,
    /// Each decision's weekly live activity minutes if live.
    minutes: Vec<f64>,
    /// Moves made, in either direction.
    moves: usize,
}

impl<'a> Balancer<'a> {
    pub(super) fn new(
        course: &'a Course,
        pattern: Pattern,
        band: Band,
        decisions: &[Decision],
    ) -> Self {
        let weeks = f64::from(course.meta.weeks);
        let minutes: Vec<f64> = decisions
            .iter()
            .map(|d| {
                let a = &course.activities[d.index];
                // A live decision already holds its live weeks under this pattern (as `total`
                // below reads them); only a self-paced one has them worked out.
                let live_weeks = if d.mode == Mode::Sync {
                    d.weeks.len()
                } else {
                    activity_weeks(a, Mode::Sync, pattern, &course.meta).len()
                };
                f64::from(a.minutes) * live_weeks as f64 / weeks
            })
            .collect();
        let total = decisions
            .iter()
            .filter(|d| d.mode == Mode::Sync && course.activities[d.index].in_band())
            .map(|d| f64::from(course.activities[d.index].minutes) * d.weeks.len() as f64 / weeks)
            .sum();
        Balancer {
            course,
            pattern,
            band,
            measure: None,
            total,
            minutes,
            moves: 0,
        }
    }

    fn measure(&mut self, decisions: &[Decision]) -> &mut Measure {
        self.measure
            .get_or_insert_with(|| Measure::new(self.course, decisions))
    }

    /// Why a move over the effective ceiling happened, at measure `total`.
    fn over(&self, total: f64) -> BandMove {
        BandMove {
            total,
            limit: self.band.effective,
            week: None,
            lowered: self.band.effective < self.band.ceiling - EPS,
            rooms: 0.0,
        }
    }

    /// The measure if decision `i` were in `mode`.
    fn trial(&mut self, decisions: &[Decision], i: usize, mode: Mode) -> Trial {
        let (course, pattern) = (self.course, self.pattern);
        self.measure(decisions)
            .with(course, pattern, &decisions[i], mode)
    }

    /// The band's measure now.
    pub(super) fn value(&mut self, decisions: &[Decision]) -> f64 {
        self.measure(decisions).value()
    }

    /// Live candidates for moving self-paced, weakest live case first: ascending margin, then
    /// fewer minutes, then the smallest loss of live time, then file order.
    fn weakest_first(&self, decisions: &[Decision]) -> Vec<usize> {
        let mut candidates: Vec<usize> = (0..decisions.len())
            .filter(|&i| {
                may_move_self_paced(self.course, &decisions[i])
                    && self.course.activities[decisions[i].index].in_band()
            })
            .collect();
        candidates.sort_by(|&a, &b| {
            let (da, db) = (&decisions[a], &decisions[b]);
            let (aa, ab) = (
                &self.course.activities[da.index],
                &self.course.activities[db.index],
            );
            da.margin
                .total_cmp(&db.margin)
                .then(aa.minutes.cmp(&ab.minutes))
                .then(self.minutes[a].total_cmp(&self.minutes[b]))
                .then(a.cmp(&b))
        });
        candidates
    }

    /// Move decision `i` to `to`, keeping the measure and the totals in step.
    fn apply(&mut self, decisions: &mut [Decision], i: usize, to: Mode, why: BandMove) {
        self.moves += 1;
        if let Some(measure) = self.measure.as_mut() {
            measure.set(self.course, self.pattern, &decisions[i], to);
        }
        match to {
            Mode::Async => self.total -= self.minutes[i],
            Mode::Sync => self.total += self.minutes[i],
        }
        move_decision(self.course, self.pattern, &mut decisions[i], to, why);
    }

    /// Above the effective ceiling: move in ascending margin, skipping any move that would cross
    /// the floor, until the measure is at or under the ceiling; then put back, in descending
    /// margin, every moved activity that still fits. Returns the activities moved.
    pub(super) fn over_ceiling(&mut self, decisions: &mut [Decision]) -> Vec<usize> {
        let Band {
            floor, effective, ..
        } = self.band;
        let candidates = self.weakest_first(decisions);
        let mut moved = Vec::new();
        let mut next = 0;
        // Far over the ceiling activity minutes alone show that a move is needed, and a move
        // that keeps activity minutes at or over the floor keeps the measure there too (it is
        // never less than the activity minutes): the same moves the exact loop would make, at
        // no cost per move. The first doubtful move hands over to the measure.
        while let Some(&i) = candidates.get(next) {
            if self.measure.is_some()
                || self.total <= effective + EPS
                || self.total - self.minutes[i] < floor - EPS
            {
                break;
            }
            let why = self.over(self.total);
            self.apply(decisions, i, Mode::Async, why);
            moved.push(i);
            next += 1;
        }
        for &i in &candidates[next..] {
            let sitting = self.value(decisions);
            if sitting <= effective + EPS {
                break;
            }
            let after = self.trial(decisions, i, Mode::Async);
            if after.mean < floor - EPS {
                continue;
            }
            let why = self.over(sitting);
            self.apply(decisions, i, Mode::Async, why);
            moved.push(i);
        }
        if moved.is_empty() {
            return moved;
        }
        self.put_back(decisions, &mut moved);
        moved
    }

    /// Put back, in descending margin, every moved activity that still fits under the effective
    /// ceiling and keeps every week under the written one.
    pub(super) fn put_back(&mut self, decisions: &mut [Decision], moved: &mut Vec<usize>) {
        moved.sort_by(|&a, &b| {
            decisions[b]
                .margin
                .total_cmp(&decisions[a].margin)
                .then(a.cmp(&b))
        });
        let mut kept = Vec::new();
        for &i in moved.iter() {
            if self.total + self.minutes[i] > self.band.effective + EPS {
                kept.push(i);
                continue;
            }
            if self.fits_live(decisions, i) {
                if let Some(measure) = self.measure.as_mut() {
                    measure.set(self.course, self.pattern, &decisions[i], Mode::Sync);
                }
                self.total += self.minutes[i];
                put_back(self.course, self.pattern, &mut decisions[i]);
            } else {
                kept.push(i);
            }
        }
        *moved = kept;
    }

    /// Whether moving `i` live keeps the measure under the effective ceiling and every week it
    /// touches under the written ceiling.
    fn fits_live(&mut self, decisions: &[Decision], i: usize) -> bool {
        let Band {
            ceiling, effective, ..
        } = self.band;
        let trial = self.trial(decisions, i, Mode::Sync);
        trial.mean <= effective + EPS && f64::from(trial.peak) <= ceiling + EPS
    }

    /// While a teaching week exceeds the written ceiling, the weakest movable live activity
    /// meeting that week moves self-paced for all its weeks.
    /// Returns the activities moved.
    pub(super) fn week_ceiling(&mut self, decisions: &mut [Decision]) -> Vec<usize> {
        let ceiling = self.band.ceiling;
        let candidates = self.weakest_first(decisions);
        let mut moved = Vec::new();
        loop {
            let measure = self.measure(decisions);
            let Some(week) = measure.first_week_over(ceiling) else {
                return moved;
            };
            let minutes = measure.week(week);
            let meets = |d: &Decision| d.mode == Mode::Sync && d.weeks.contains(&(week as u32 + 1));
            let floor = self.band.floor;
            // As over the ceiling, a move that would cross the floor is skipped: one heavy
            // week must not cost the course its weekly live work.
            let Some(i) = candidates.iter().copied().find(|&i| {
                meets(&decisions[i]) && self.trial(decisions, i, Mode::Async).mean >= floor - EPS
            }) else {
                // Only fixed or pinned work fills this week: nothing balancing may move.
                self.measure(decisions).excuse(week);
                continue;
            };
            let why = BandMove {
                total: f64::from(minutes),
                limit: ceiling,
                week: Some(week as u32 + 1),
                lowered: false,
                rooms: 0.0,
            };
            self.apply(decisions, i, Mode::Async, why);
            moved.push(i);
        }
    }

    /// Below the floor: move live, strongest margin first, what gains from live time by its own
    /// nature, unless one time reaches under half of the class (held back and returned) or the
    /// move would overshoot a ceiling.
    pub(super) fn under_floor(
        &mut self,
        decisions: &mut [Decision],
        attendance: &Attendance,
    ) -> UnderFloor {
        let floor = self.band.floor;
        let mut held = UnderFloor::default();
        if self.total >= floor - EPS {
            return held;
        }
        let mut order: Vec<usize> = (0..decisions.len())
            .filter(|&i| {
                may_move_live(self.course, &decisions[i])
                    && self.course.activities[decisions[i].index].in_band()
                    && !decisions[i]
                        .reasons
                        .iter()
                        .any(|r| r.rule == RuleId::BandOver)
            })
            .collect();
        order.sort_by(|&a, &b| {
            decisions[b]
                .margin
                .total_cmp(&decisions[a].margin)
                .then(a.cmp(&b))
        });
        for i in order {
            if self.total >= floor - EPS {
                break;
            }
            let activity = &self.course.activities[decisions[i].index];
            let reach = attendance.reach(activity.minutes);
            if reach * 2 < attendance.count {
                held.held_back.push(HeldBack {
                    index: decisions[i].index,
                    reach,
                });
                continue;
            }
            let fits = self.total + self.minutes[i] <= self.band.effective + EPS
                && self.fits_live(decisions, i);
            if !fits {
                // Held back by the effective ceiling alone: it would fit the written one.
                let trial = self.trial(decisions, i, Mode::Sync);
                held.by_connectivity |= self.band.effective < self.band.ceiling - EPS
                    && trial.mean <= self.band.ceiling + EPS
                    && f64::from(trial.peak) <= self.band.ceiling + EPS;
            }
            if fits {
                let why = BandMove {
                    total: self.total,
                    limit: floor,
                    week: None,
                    lowered: false,
                    rooms: self.band.rooms,
                };
                self.apply(decisions, i, Mode::Sync, why);
            }
        }
        held
    }

    /// Weekly live activity minutes now.
    pub(super) fn total(&self) -> f64 {
        self.total
    }
}

/// What balancing left: the band's measure of the decisions, and whether the effective ceiling
/// played a part.
#[derive(Clone, Copy, Debug)]
pub(super) struct Balanced {
    /// The band's measure of the balanced decisions.
    pub live: f64,
    /// When balancing moved nothing and left no note: the measure, at or above which any
    /// effective ceiling gives the same decisions and notes (the ceiling is read only when
    /// the measure is over it). `None` when the ceiling may have mattered.
    pub same_at_or_above: Option<f64>,
}

/// Keep average weekly live time inside the band, in the steps of this module, and leave a
/// plan note where it cannot.
pub(super) fn balance(
    course: &Course,
    pattern: Pattern,
    decisions: &mut [Decision],
    notes: &mut Vec<PlanNote>,
    band: Band,
    attendance: &Attendance,
) -> Balanced {
    let notes_before = notes.len();
    let mut balancer = Balancer::new(course, pattern, band, decisions);
    let mut moved = balancer.over_ceiling(decisions);
    let week_moved = balancer.week_ceiling(decisions);
    if !week_moved.is_empty() {
        // A later move for a week can make room for an earlier one: put back, strongest
        // first, whatever still fits.
        moved.extend(week_moved);
        balancer.put_back(decisions, &mut moved);
    }
    let sitting = balancer.value(decisions);
    if sitting > band.effective + EPS {
        notes.push(PlanNote::BandOver {
            total: round2(sitting),
            max: round2(band.effective),
        });
    }
    let under = balancer.under_floor(decisions, attendance);
    let total = balancer.total();
    if total < band.floor - EPS {
        notes.push(PlanNote::BandUnreachable {
            total: round2(total),
            min: round2(band.floor),
            rooms: round2(band.rooms),
            held_back: under.held_back,
            connectivity: under.by_connectivity.then_some(band.effective),
        });
    }
    // The measure is kept in step with every move, so it is the measure of the result.
    let live = balancer.value(decisions);
    debug_assert_eq!(
        live.to_bits(),
        Measure::new(course, decisions).value().to_bits(),
        "balancing's measure drifted from its decisions"
    );
    let untouched = balancer.moves == 0 && notes.len() == notes_before && live <= band.effective;
    Balanced {
        live,
        same_at_or_above: untouched.then_some(live),
    }
}

/// Why one move happened, for the activity's reason.
#[derive(Clone, Copy, Debug)]
struct BandMove {
    total: f64,
    limit: f64,
    week: Option<u32>,
    lowered: bool,
    /// For a move live: minutes a week in rooms, counted towards the floor.
    rooms: f64,
}

/// Undo a move to self-paced: the activity is live again, as its scores chose.
fn put_back(course: &Course, pattern: Pattern, d: &mut Decision) {
    d.mode = Mode::Sync;
    d.weeks = activity_weeks(
        &course.activities[d.index],
        Mode::Sync,
        pattern,
        &course.meta,
    );
    d.reasons.retain(|r| r.rule != RuleId::BandOver);
}

/// Move one decision to `to`, recording why on the activity.
fn move_decision(course: &Course, pattern: Pattern, d: &mut Decision, to: Mode, why: BandMove) {
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
            total: round2(why.total),
            limit: round2(why.limit),
            margin: d.margin,
            week: why.week,
            lowered: why.lowered,
            rooms: round2(why.rooms),
        }),
    });
}

/// One week's searched live work, shared by every week that holds the same.
type WeekList = std::rc::Rc<[(usize, u32)]>;

/// The weeks a move changes in the same way, and their list after it.
struct Change {
    weeks: Vec<usize>,
    list: WeekList,
}

/// The measure after a trial move: the mean, and the largest week it touches.
#[derive(Clone, Copy, Debug)]
pub(super) struct Trial {
    /// The band's measure.
    pub mean: f64,
    /// The largest week measure among the weeks the move touches (0 when it touches none).
    pub peak: u32,
}

/// The band's measure kept week by week, so that moving one activity re-measures only the
/// weeks it meets in (balancing a course of 100,000 activities measures thousands of moves).
pub(super) struct Measure {
    /// Per course week: its searched live work in file order. Weeks that hold the same work
    /// share one list, so a move changes and re-packs each distinct week once: a course of
    /// thousands of weekly activities over 104 weeks would otherwise copy and pack every week
    /// at every trial move.
    weeks: Vec<WeekList>,
    /// Per course week: minutes of its searched sittings, breaks included.
    lengths: Vec<u32>,
    /// Per course week: minutes of its fixed sittings (which never move).
    fixed: Vec<u32>,
    /// Weeks over the written ceiling that nothing movable meets (only fixed or pinned work).
    excused: Vec<bool>,
    /// Sum of `lengths` and `fixed`.
    total: u64,
    /// The weeks the mean is taken over.
    divisor: f64,
}

impl Measure {
    pub(super) fn new(course: &Course, decisions: &[Decision]) -> Self {
        let meta = &course.meta;
        let n = meta.weeks as usize;
        let mut weeks: Vec<Vec<(usize, u32)>> = vec![Vec::new(); n];
        let mut fixed = vec![0u32; n];
        for d in decisions.iter().filter(|d| d.mode == Mode::Sync) {
            let activity = &course.activities[d.index];
            if !activity.in_band() {
                continue;
            }
            for &w in &d.weeks {
                let Some(k) = (w as usize).checked_sub(1).filter(|&k| k < n) else {
                    continue;
                };
                if let Some(at) = activity.at.first() {
                    if !cancelled_by_holiday(meta, at, w) {
                        fixed[k] = fixed[k].saturating_add(activity.minutes);
                    }
                } else {
                    weeks[k].push((d.index, activity.minutes));
                }
            }
        }
        // Most weeks hold the same live work as some other week (every week of a weekly
        // activity): each distinct week is packed once, and its list shared.
        let mut distinct: crate::fast_map::FastMap<&[(usize, u32)], (WeekList, u32)> =
            crate::fast_map::FastMap::default();
        let (weeks, lengths): (Vec<WeekList>, Vec<u32>) = weeks
            .iter()
            .map(|w| {
                let (list, length) = distinct
                    .entry(w.as_slice())
                    .or_insert_with(|| (WeekList::from(w.as_slice()), sittings::week_minutes(w)));
                (WeekList::clone(list), *length)
            })
            .unzip();
        Measure {
            total: lengths
                .iter()
                .chain(&fixed)
                .map(|&l| u64::from(l))
                .sum::<u64>(),
            weeks,
            lengths,
            excused: vec![false; n],
            fixed,
            divisor: meta.teaching_weeks(false).len().max(1) as f64,
        }
    }

    pub(super) fn value(&self) -> f64 {
        self.total as f64 / self.divisor
    }

    /// Minutes of every course week, in order.
    pub(super) fn weeks(&self) -> Vec<u32> {
        (0..self.lengths.len()).map(|k| self.week(k)).collect()
    }

    /// Minutes of week `k` (0-based).
    fn week(&self, k: usize) -> u32 {
        self.lengths[k].saturating_add(self.fixed[k])
    }

    /// The first week (0-based) over `ceiling` that has not been excused.
    fn first_week_over(&self, ceiling: f64) -> Option<usize> {
        (0..self.lengths.len())
            .find(|&k| !self.excused[k] && f64::from(self.week(k)) > ceiling + EPS)
    }

    fn excuse(&mut self, k: usize) {
        self.excused[k] = true;
    }

    /// The weeks activity `d` occupies now, and would occupy in `mode`, grouped by their new
    /// lists: weeks that share a list now and change alike share the new one.
    fn changes(&self, course: &Course, pattern: Pattern, d: &Decision, mode: Mode) -> Vec<Change> {
        let activity = &course.activities[d.index];
        // Fixed and out-of-band activities never move, so never change the packed weeks.
        if activity.is_fixed() || !activity.in_band() {
            return Vec::new();
        }
        let now: &[u32] = if d.mode == Mode::Sync { &d.weeks } else { &[] };
        let then: Vec<u32> = if mode == Mode::Sync {
            activity_weeks(activity, mode, pattern, &course.meta)
        } else {
            Vec::new()
        };
        let mut touched: Vec<u32> = now.iter().chain(&then).copied().collect();
        touched.sort_unstable();
        touched.dedup();
        let mut changes: Vec<Change> = Vec::new();
        // By the shared list a week holds now and whether the activity joins it.
        let mut by_list: crate::fast_map::FastMap<(usize, bool), usize> =
            crate::fast_map::FastMap::default();
        for w in touched {
            let Some(k) = (w as usize).checked_sub(1) else {
                continue;
            };
            let Some(current) = self.weeks.get(k) else {
                continue;
            };
            let joins = then.contains(&w);
            let key = (current.as_ptr() as usize, joins);
            if let Some(&c) = by_list.get(&key) {
                changes[c].weeks.push(k);
                continue;
            }
            let mut list: Vec<(usize, u32)> =
                current.iter().copied().filter(|p| p.0 != d.index).collect();
            if joins {
                let at = list.partition_point(|p| p.0 < d.index);
                list.insert(at, (d.index, activity.minutes));
            }
            by_list.insert(key, changes.len());
            changes.push(Change {
                weeks: vec![k],
                list: WeekList::from(list),
            });
        }
        changes
    }

    /// The measure if decision `d` were in `mode`.
    pub(super) fn with(
        &self,
        course: &Course,
        pattern: Pattern,
        d: &Decision,
        mode: Mode,
    ) -> Trial {
        let mut total = self.total;
        let mut peak = 0;
        for change in self.changes(course, pattern, d, mode) {
            let length = sittings::week_minutes(&change.list);
            for k in change.weeks {
                total = total - u64::from(self.lengths[k]) + u64::from(length);
                peak = peak.max(length.saturating_add(self.fixed[k]));
            }
        }
        Trial {
            mean: total as f64 / self.divisor,
            peak,
        }
    }

    /// Record that decision `d` is moving to `mode` (call before the decision changes).
    pub(super) fn set(&mut self, course: &Course, pattern: Pattern, d: &Decision, mode: Mode) {
        for change in self.changes(course, pattern, d, mode) {
            let length = sittings::week_minutes(&change.list);
            for k in change.weeks {
                self.total = self.total - u64::from(self.lengths[k]) + u64::from(length);
                self.lengths[k] = length;
                self.weeks[k] = WeekList::clone(&change.list);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A weekly activity over 104 weeks changes every week alike: a trial move copies and
    /// packs one list, shared by the 104 weeks, not 104 lists (thousands of weekly
    /// activities made balancing take seconds).
    #[test]
    fn a_move_repacks_each_distinct_week_once() {
        let mut text = String::from(
            "[course]\ntitle = \"T\"\nweeks = 104\nsync_hours = [0, 168]\n\n[students]\ncount = 10\n",
        );
        for i in 0..3 {
            text.push_str(&format!(
                "\n[[activities]]\nid = \"a{i}\"\nkind = \"debate\"\nminutes = 5\nmode = \"sync\"\n"
            ));
        }
        let course = crate::course::parse(&text).unwrap();
        let plan = crate::engine::plan(&course);
        let measure = Measure::new(&course, &plan.decisions);
        let live = &plan.decisions[1];
        assert_eq!(live.weeks.len(), 104);
        let changes = measure.changes(&course, Pattern::Flipped, live, Mode::Async);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].weeks.len(), 104);
        assert_eq!(changes[0].list.len(), 2);
        // Applied, the weeks share the new list, and the measure is that of a fresh one.
        let mut moved = measure;
        moved.set(&course, Pattern::Flipped, live, Mode::Async);
        let mut decisions = plan.decisions.clone();
        decisions[1].mode = Mode::Async;
        decisions[1].weeks.clear();
        assert_eq!(moved.total, Measure::new(&course, &decisions).total);
        assert!(
            moved
                .weeks
                .windows(2)
                .all(|w| std::rc::Rc::ptr_eq(&w[0], &w[1]))
        );
    }
}
