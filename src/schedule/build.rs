//! [`build`]: the schedule in named steps. Decided items are grouped by week; searched live
//! work is packed into sittings and each sitting gets a slot; every required searched sitting
//! then gets a repeat where one reaches enough of the students it misses; fixed and searched
//! sittings are laid out week by week; sittings are gathered into units and judged; finally
//! each week's items get their due times and routes.

use std::sync::Arc;

use jiff::civil::Date;

use super::sittings::{self, Repeat, Sitting, WeekSitting};
use super::units::{self, Unit};
use super::{
    Alternative, Due, DueZones, END_OF_WEEK_DUE, Item, LiveSession, Schedule, Segment, Week,
    WeekDates, alternatives, local_dues, session, slots, split,
};
use crate::course::{Course, Mode, Weekday};
use crate::engine::Plan;
use slots::LiveSlot;

/// Each course week's decided items, `(activity index, mode)`, in file order.
type WeekItems = Vec<Vec<(usize, Mode)>>;

/// One packed group's session in each week it meets: (week index, session), by week.
type GroupSessions = Vec<(usize, LiveSession)>;

/// Build the schedule for a planned course.
pub fn build(course: &Course, plan: &Plan) -> Schedule {
    build_with(&slots::ZoneCache::new(course), plan)
}

/// [`build`] for the cache's course: every slot search and coverage evaluation reads its
/// shared zone timelines.
pub fn build_with(zones: &slots::ZoneCache<'_>, plan: &Plan) -> Schedule {
    let course = zones.course();
    let by_week = group_by_week(course, plan);
    let packing = Packing::new(course, &by_week);
    let mut placement = place_searched(zones, &packing);
    let repeats = place_repeats(zones, &packing, &mut placement);
    let mut layout = Layout::new(course);
    layout.fixed_sittings(zones, plan);
    layout.searched_sittings(course, &packing, &placement, repeats);
    layout.sort_weeks(course);
    let pinned = placement.main.as_ref().is_some_and(|s| s.pinned);
    units::rooms_reach_home_only(course, &mut layout.sittings);
    let units = units::gather(course, &layout.sittings, pinned);
    let mut unit_of = vec![usize::MAX; layout.sittings.len()];
    for (u, unit) in units.iter().enumerate() {
        for &i in &unit.sittings {
            unit_of[i] = u;
        }
    }
    let main_unit = layout
        .main
        .and_then(|m| units.iter().find(|u| u.sittings.contains(&m)));
    let uncovered = main_unit.map(|u| u.uncovered.clone()).unwrap_or_default();
    let live_slots: Vec<LiveSlot> = placement
        .main
        .iter()
        .cloned()
        .chain(
            layout
                .main
                .and_then(|m| layout.sittings[m].repeat.as_ref())
                .map(|r| r.slot.clone()),
        )
        .collect();
    let (weeks, short_prework) = week_items(
        course,
        plan,
        by_week,
        &packing,
        &mut layout,
        (&units, &unit_of),
    );
    Schedule {
        live_slots,
        uncovered,
        sittings: layout.sittings,
        units,
        unit_of,
        weeks,
        short_prework,
    }
}

/// Each week's decided items.
fn group_by_week(course: &Course, plan: &Plan) -> WeekItems {
    // Each week's list sized once: grown item by item, it was reallocated several times.
    let mut sizes = vec![0usize; course.meta.weeks as usize];
    for d in &plan.decisions {
        for &w in &d.weeks {
            if let Some(size) = sizes.get_mut(w as usize - 1) {
                *size += 1;
            }
        }
    }
    let mut by_week: WeekItems = sizes.into_iter().map(Vec::with_capacity).collect();
    for d in &plan.decisions {
        for &w in &d.weeks {
            if let Some(slot) = by_week.get_mut(w as usize - 1) {
                slot.push((d.index, d.mode));
            }
        }
    }
    by_week
}

/// Searched live work packed into sittings: required work and, apart from it, optional work
/// (optional work never shares a sitting with required work).
struct Packing {
    /// Required groups in packing order; the first is the main sitting.
    required: Vec<GroupSessions>,
    /// Optional groups in packing order.
    optional: Vec<GroupSessions>,
}

impl Packing {
    fn new(course: &Course, by_week: &WeekItems) -> Self {
        Packing {
            required: pack_group(course, by_week, false),
            optional: pack_group(course, by_week, true),
        }
    }
}

/// Live work the slot search places: not fixed with `at`, required or optional.
fn searched<'a>(
    course: &'a Course,
    items: &'a [(usize, Mode)],
    optional: bool,
) -> impl Iterator<Item = usize> + 'a {
    items
        .iter()
        .filter(move |&&(i, m)| {
            let a = &course.activities[i];
            m == Mode::Sync && !a.is_fixed() && a.optional == optional
        })
        .map(|&(i, _)| i)
}

/// Searched work packed once for the whole course, first-fit in file order (see
/// [`crate::engine::sittings::pack`]); each week a group holds those of its activities that
/// meet that week. Only the weeks a group meets in are kept: thousands of groups that each
/// meet in one week of a long term stay small.
fn pack_group(course: &Course, by_week: &WeekItems, optional: bool) -> Vec<GroupSessions> {
    let mut union: Vec<usize> = by_week
        .iter()
        .flat_map(|items| searched(course, items, optional))
        .collect();
    if union.is_empty() {
        // Most courses have no searched optional work (and some no searched work at all).
        return Vec::new();
    }
    union.sort_unstable();
    union.dedup();
    let parts: Vec<(usize, u32)> = union
        .iter()
        .map(|&i| (i, course.activities[i].minutes))
        .collect();
    let groups = crate::engine::sittings::pack_within(&parts, course.meta.max_sitting_minutes);
    let mut group_of: Vec<usize> = vec![usize::MAX; course.activities.len()];
    for (g, group) in groups.iter().enumerate() {
        for &(i, _) in group {
            group_of[i] = g;
        }
    }
    let mut out: Vec<GroupSessions> = vec![Vec::new(); groups.len()];
    let mut live: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    // Each group's last session and the work it held: most weeks hold what the week before
    // did, and share its session.
    let mut last: Vec<Option<(Vec<usize>, LiveSession)>> = vec![None; groups.len()];
    let mut touched: Vec<usize> = Vec::new();
    for (week, items) in by_week.iter().enumerate() {
        for i in searched(course, items, optional) {
            let g = group_of[i];
            if live[g].is_empty() {
                touched.push(g);
            }
            live[g].push(i);
        }
        for g in touched.drain(..) {
            let held = match &last[g] {
                Some((work, held)) if *work == live[g] => held.clone(),
                _ => {
                    let held = session(course, &live[g]);
                    last[g] = Some((live[g].clone(), held.clone()));
                    held
                }
            };
            out[g].push((week, held));
            live[g].clear();
        }
    }
    out
}

/// The longest of a group's weekly sessions.
fn longest(sessions: &[(usize, LiveSession)]) -> u32 {
    sessions.iter().map(|s| s.1.minutes).max().unwrap_or(0)
}

/// The weeks (1-based) a group meets in.
fn weeks_with(sessions: &[(usize, LiveSession)]) -> Vec<u32> {
    sessions.iter().map(|s| s.0 as u32 + 1).collect()
}

/// Where the searched sittings go.
struct Placement {
    /// The main sitting's slot (searched, or pinned with `live_at`).
    main: Option<LiveSlot>,
    /// The first optional sitting's slot.
    optional: Option<LiveSlot>,
    /// One per further sitting: required ones, then optional ones.
    further: Vec<Option<LiveSlot>>,
    /// Sittings that have live work and no slot.
    missing: usize,
    /// Every sitting placed (fixed ones included), which repeats keep clear of.
    busy: Placed,
    /// Weekdays the placed sittings take.
    taken: Vec<Weekday>,
}

/// Each searched sitting as near the preferred start as it goes; when that leaves some
/// without a time, again with every sitting as early as it goes, if that places more.
fn place_searched(zones: &slots::ZoneCache<'_>, packing: &Packing) -> Placement {
    let placed = place(zones, packing, false);
    if placed.missing > 0 {
        let packed = place(zones, packing, true);
        if packed.missing < placed.missing {
            return packed;
        }
    }
    placed
}

/// Search a slot for every packed group of searched sittings: the main one, the first
/// optional one on a day the main one does not take, then each further one on an allowed day
/// no earlier sitting took (fatigue builds over back-to-back video meetings: Fauville et al.
/// 2021; seed: Synchronous Learning > Weaknesses), while such a day is left. Each keeps clear
/// of those placed before it in the weeks both meet; an optional one only of those holding
/// required work (optional sittings may overlap each other).
fn place(zones: &slots::ZoneCache<'_>, packing: &Packing, packed: bool) -> Placement {
    let course = zones.course();
    let none = Vec::new();
    let main = packing.required.first().unwrap_or(&none);
    let first_optional = packing.optional.first().unwrap_or(&none);
    let mut missing = 0;
    let live_weeks = weeks_with(main);
    let fixed = zones.fixed_busy();
    let main_slot = zones.choose_main(
        longest(main),
        &live_weeks,
        &slots::Search {
            allowed: &course.meta.live_days,
            pinnable: true,
            busy: fixed,
            busy_by_week: &[],
            packed,
        },
    );
    missing += usize::from(main_slot.is_none() && !live_weeks.is_empty());
    // Everything placed, which required sittings keep clear of; and what holds required work,
    // the only thing optional sittings keep clear of (they may overlap each other), kept only
    // when there is optional work to place.
    let mut busy = Placed::default();
    let mut busy_required = Placed {
        kept: !packing.optional.is_empty(),
        ..Placed::default()
    };
    let required_times = required_fixed_times(course);
    for b in fixed {
        if busy_required.kept && required_times.contains(&(b.day, b.start)) {
            busy_required.push(b.clone());
        }
        busy.push(b.clone());
    }
    if let Some(m) = &main_slot {
        busy.push(busy_of(m, live_weeks.clone()));
        busy_required.push(busy_of(m, live_weeks.clone()));
    }
    let mut taken: Vec<Weekday> = main_slot.iter().map(|m| m.day).collect();
    let mut search = |sessions: &[(usize, LiveSession)], taken: &[Weekday], against: &Placed| {
        let weeks = weeks_with(sessions);
        let days = other_days(course, taken);
        let search = slots::Search {
            allowed: &days,
            pinnable: false,
            busy: &against.all,
            busy_by_week: &against.by_week,
            packed,
        };
        let slot = zones.choose_main(longest(sessions), &weeks, &search);
        missing += usize::from(slot.is_none() && !weeks.is_empty());
        slot.map(|slot| (busy_of(&slot, weeks), slot))
    };
    // Optional work never shares a sitting with required work, nor its time.
    let optional_slot = search(first_optional, &taken, &busy_required).map(|(b, slot)| {
        busy.push(b);
        slot
    });
    taken.extend(optional_slot.as_ref().map(|s| s.day));
    let mut further = Vec::new();
    for sessions in packing.required.iter().skip(1) {
        let slot = search(sessions, &taken, &busy).map(|(b, slot)| {
            busy.push(b.clone());
            busy_required.push(b);
            slot
        });
        taken.extend(slot.as_ref().map(|s| s.day));
        further.push(slot);
    }
    for sessions in packing.optional.iter().skip(1) {
        let slot = search(sessions, &taken, &busy_required).map(|(b, slot)| {
            busy.push(b);
            slot
        });
        taken.extend(slot.as_ref().map(|s| s.day));
        further.push(slot);
    }
    Placement {
        main: main_slot,
        optional: optional_slot,
        further,
        missing,
        busy,
        taken,
    }
}

/// The weekdays and start minutes of weekly fixed times that hold some required activity (not
/// only optional work such as office hours): the fixed sittings optional ones keep clear of.
fn required_fixed_times(course: &Course) -> std::collections::HashSet<(Weekday, u32)> {
    course
        .activities
        .iter()
        .filter(|a| !a.optional)
        .flat_map(|a| &a.at)
        .filter(|at| at.date.is_none())
        .map(|at| (at.day, u32::from(at.time.minutes)))
        .collect()
}

/// The allowed days no earlier sitting took, else every allowed day.
fn other_days(course: &Course, taken: &[Weekday]) -> Vec<Weekday> {
    let free: Vec<Weekday> = course
        .meta
        .live_days
        .iter()
        .copied()
        .filter(|d| !taken.contains(d))
        .collect();
    if free.is_empty() {
        course.meta.live_days.clone()
    } else {
        free
    }
}

fn busy_of(slot: &LiveSlot, weeks: Vec<u32>) -> slots::Busy {
    slots::Busy {
        day: slot.day,
        start: u32::from(slot.time.minutes),
        end: u32::from(slot.time.minutes) + slot.minutes,
        weeks,
    }
}

/// The repeat of each required searched sitting (index-aligned with
/// [`Packing::required`]): after every searched sitting has its slot, in packing order, each
/// gets one when the best repeat time adds at least `repeat_min_students` of the students it
/// misses; searched on the allowed days inside the live window, clear of every placed
/// sitting (repeats placed before it included), preferring a day no other sitting takes.
fn place_repeats(
    zones: &slots::ZoneCache<'_>,
    packing: &Packing,
    placement: &mut Placement,
) -> Vec<Option<LiveSlot>> {
    // The repeats are the last to keep clear of the placed sittings: they take the list.
    let course = zones.course();
    let mut busy = std::mem::take(&mut placement.busy);
    let mut taken = placement.taken.clone();
    let min = course.meta.repeat_min_students(course.students.count);
    let slots_of = std::iter::once(placement.main.as_ref())
        .chain(placement.further.iter().map(Option::as_ref));
    packing
        .required
        .iter()
        .zip(slots_of)
        .map(|(sessions, slot)| {
            let slot = slot?;
            let weeks = weeks_with(sessions);
            let search = slots::Search {
                allowed: &course.meta.live_days,
                pinnable: false,
                busy: &busy.all,
                busy_by_week: &busy.by_week,
                packed: false,
            };
            let repeat = zones.choose_repeat(slot, &weeks, &search, &taken, min)?;
            busy.push(busy_of(&repeat, weeks));
            taken.push(repeat.day);
            Some(repeat)
        })
        .collect()
}

/// The sittings placed so far, indexed by the weeks they meet in.
struct Placed {
    all: Vec<slots::Busy>,
    /// Entry `w - 1`: indexes into `all` of the sittings meeting in week `w`.
    by_week: Vec<Vec<usize>>,
    /// Whether anything reads it: when not, pushing is a no-op.
    kept: bool,
}

impl Default for Placed {
    fn default() -> Self {
        Placed {
            all: Vec::new(),
            by_week: Vec::new(),
            kept: true,
        }
    }
}

impl Placed {
    fn push(&mut self, busy: slots::Busy) {
        if !self.kept {
            return;
        }
        for &w in &busy.weeks {
            let w = w as usize;
            if self.by_week.len() < w {
                self.by_week.resize(w, Vec::new());
            }
            self.by_week[w - 1].push(self.all.len());
        }
        self.all.push(busy);
    }
}

/// The sittings and what each week holds of them.
pub(super) struct Layout<'c> {
    /// Each week's first day, which the sittings' dates are read from.
    pub(super) dates: WeekDates<'c>,
    /// Fixed sittings in file order, then the searched ones.
    pub(super) sittings: Vec<Sitting>,
    /// Per week: the sittings held (or cancelled) that week.
    pub(super) week_sittings: Vec<Vec<WeekSitting>>,
    /// Per week: live work whose sitting falls before `start`, which does not meet that week.
    early: Vec<Vec<usize>>,
    /// Index of the main searched sitting (`live`), if it has one.
    main: Option<usize>,
}

impl<'c> Layout<'c> {
    fn new(course: &'c Course) -> Self {
        let weeks = course.meta.weeks as usize;
        Layout {
            dates: WeekDates::new(course),
            sittings: Vec::new(),
            week_sittings: vec![Vec::new(); weeks],
            early: vec![Vec::new(); weeks],
            main: None,
        }
    }

    /// Fixed sittings, in file order of their first activity; each evaluated over the weeks
    /// it is held (holidays left out).
    fn fixed_sittings(&mut self, zones: &slots::ZoneCache<'_>, plan: &Plan) {
        let course = zones.course();
        let decision_weeks = |i: usize| -> &[u32] {
            plan.decisions
                .get(i)
                .map_or(&[][..], |d| d.weeks.as_slice())
        };
        for group in sittings::fixed_groups(course) {
            let (day, time, date, optional) = group.key;
            let exam = group
                .activities
                .iter()
                .any(|&i| course.activities[i].is_exam());
            let index = self.sittings.len();
            // Sized once: a fixed sitting usually meets every week.
            let mut weeks = Vec::with_capacity(course.meta.weeks as usize);
            let mut cancelled = Vec::new();
            let mut longest = 0;
            let mut last: Option<Meeting> = None;
            for w in 1..=course.meta.weeks {
                let meets = |i: &usize| decision_weeks(*i).contains(&w);
                if !group.activities.iter().any(meets) {
                    continue;
                }
                let meeting = || group.activities.iter().copied().filter(meets);
                let on = date.or_else(|| self.dates.date_of(w, day));
                if before_start(course, on) {
                    self.early[w as usize - 1].extend(meeting());
                    continue;
                }
                let is_cancelled = on.is_some_and(|d| course.meta.is_holiday(d));
                if let (true, Some(d)) = (is_cancelled, on) {
                    cancelled.push((w, d));
                }
                let (meeting, segments) = match last.take() {
                    Some(kept) if kept.0.iter().copied().eq(meeting()) => kept,
                    _ => fixed_meeting(course, meeting().collect(), exam || optional),
                };
                last = Some((Arc::clone(&meeting), Arc::clone(&segments)));
                let minutes = segments.iter().map(|s| s.minutes).sum();
                longest = longest.max(minutes);
                weeks.push(w);
                self.week_sittings[w as usize - 1].push(WeekSitting {
                    sitting: index,
                    date: on,
                    cancelled: is_cancelled,
                    minutes,
                    activities: meeting,
                    segments,
                });
            }
            if weeks.is_empty() {
                continue;
            }
            let held = held_weeks(&weeks, &cancelled);
            let slot = zones.evaluate(day, time, longest, &held);
            self.sittings.push(Sitting {
                id: group.id(course),
                day,
                time,
                date,
                minutes: longest,
                activities: group.activities.clone(),
                fixed: true,
                optional,
                exam,
                section: group.section,
                uncovered: units::held_only(&slot.excluded, &held),
                weeks,
                cancelled,
                students_covered: slot.students_covered,
                coverage: slot.coverage,
                excluded: excluded_of(&slot),
                local: slot.local,
                repeat: None,
                in_person: group.in_person,
            });
        }
    }

    /// The searched sittings: `live` (the main one), `live2`... for further required ones,
    /// then `optional`, `optional2`... for optional work.
    fn searched_sittings(
        &mut self,
        course: &Course,
        packing: &Packing,
        placement: &Placement,
        repeats: Vec<Option<LiveSlot>>,
    ) {
        let none = GroupSessions::new();
        let further_required = packing.required.len().saturating_sub(1);
        let (required_further, optional_further) = placement
            .further
            .split_at(further_required.min(placement.further.len()));
        let mut repeats = repeats.into_iter();
        self.main = self.searched_sitting(
            course,
            "live",
            placement.main.as_ref(),
            packing.required.first().unwrap_or(&none),
            false,
            repeats.next().flatten(),
        );
        for (n, (sessions, slot)) in packing
            .required
            .iter()
            .skip(1)
            .zip(required_further)
            .enumerate()
        {
            let id = format!("live{}", n + 2);
            let repeat = repeats.next().flatten();
            self.searched_sitting(course, &id, slot.as_ref(), sessions, false, repeat);
        }
        self.searched_sitting(
            course,
            "optional",
            placement.optional.as_ref(),
            packing.optional.first().unwrap_or(&none),
            true,
            None,
        );
        for (n, (sessions, slot)) in packing
            .optional
            .iter()
            .skip(1)
            .zip(optional_further)
            .enumerate()
        {
            let id = format!("optional{}", n + 2);
            self.searched_sitting(course, &id, slot.as_ref(), sessions, true, None);
        }
    }

    /// One searched sitting at `slot`, laid out in each week its group meets.
    fn searched_sitting(
        &mut self,
        course: &Course,
        id: &str,
        slot: Option<&LiveSlot>,
        sessions: &[(usize, LiveSession)],
        optional: bool,
        repeat: Option<LiveSlot>,
    ) -> Option<usize> {
        let slot = slot?;
        let index = self.sittings.len();
        let mut weeks = Vec::with_capacity(sessions.len());
        let mut cancelled = Vec::new();
        let mut activities: Vec<usize> = Vec::new();
        let mut last: Option<Meeting> = None;
        for (i, s) in sessions {
            let w = *i as u32 + 1;
            let on = self.dates.date_of(w, slot.day);
            if before_start(course, on) {
                self.early[*i].extend(s.segments.iter().filter_map(|g| g.activity));
                continue;
            }
            let is_cancelled = on.is_some_and(|d| course.meta.is_holiday(d));
            if let (true, Some(d)) = (is_cancelled, on) {
                cancelled.push((w, d));
            }
            let (meeting, segments) = match last.take() {
                Some(kept) if Arc::ptr_eq(&kept.1, &s.segments) => kept,
                _ => {
                    // Work the week before did not hold (the rest is listed already).
                    let (meeting, segments) = searched_meeting(&s.segments);
                    activities.extend(meeting.iter());
                    (meeting, segments)
                }
            };
            last = Some((Arc::clone(&meeting), Arc::clone(&segments)));
            weeks.push(w);
            self.week_sittings[*i].push(WeekSitting {
                sitting: index,
                date: on,
                cancelled: is_cancelled,
                minutes: s.minutes,
                activities: meeting,
                segments,
            });
        }
        activities.sort_unstable();
        activities.dedup();
        let held = held_weeks(&weeks, &cancelled);
        let repeat = repeat.map(|slot| {
            let cancelled: Vec<(u32, Date)> = weeks
                .iter()
                .filter_map(|&w| Some((w, self.dates.date_of(w, slot.day)?)))
                .filter(|(_, d)| course.meta.is_holiday(*d))
                .collect();
            let held = held_weeks(&weeks, &cancelled);
            Repeat {
                uncovered: units::held_only(&slot.excluded, &held),
                slot,
                cancelled,
            }
        });
        self.sittings.push(Sitting {
            id: id.to_string(),
            day: slot.day,
            time: slot.time,
            date: None,
            minutes: slot.minutes,
            activities,
            fixed: false,
            optional,
            exam: false,
            section: None,
            uncovered: units::held_only(&slot.excluded, &held),
            weeks,
            cancelled,
            students_covered: slot.students_covered,
            coverage: slot.coverage,
            excluded: excluded_of(slot),
            local: slot.local.clone(),
            repeat,
            in_person: false,
        });
        Some(index)
    }

    /// Each week's sittings in date and time order.
    fn sort_weeks(&mut self, course: &Course) {
        let all = &self.sittings;
        for list in &mut self.week_sittings {
            list.sort_by_key(|s| {
                let sitting = &all[s.sitting];
                (
                    s.date,
                    course.meta.days_into_week(sitting.day),
                    sitting.time,
                )
            });
        }
    }
}

/// The activities meeting in a sitting one week, and its segments. A sitting usually holds
/// the same work every week, so its weeks share one of each instead of a copy apiece.
type Meeting = (Arc<[usize]>, Arc<[Segment]>);

/// A fixed sitting's week holding `meeting` (file order), carved into segments; `whole` for
/// an exam or optional work, which run unbroken.
fn fixed_meeting(course: &Course, meeting: Vec<usize>, whole: bool) -> Meeting {
    let parts: Vec<(usize, u32)> = meeting
        .iter()
        .map(|&i| (i, course.activities[i].minutes))
        .collect();
    // A class in a room keeps its own rhythm: the 25/5 breaks are advice for video calls
    // (seed: Best Practices for Synchronous Sessions).
    let in_room = meeting.iter().all(|&i| course.activities[i].in_person);
    let segments = sittings::carve(course, &parts, whole || in_room);
    (meeting.into(), segments.into())
}

/// A searched sitting's week: the activities its session's segments hold, each once in
/// index order, and the segments.
fn searched_meeting(segments: &Arc<[Segment]>) -> Meeting {
    let mut meeting: Vec<usize> = segments.iter().filter_map(|g| g.activity).collect();
    meeting.sort_unstable();
    meeting.dedup();
    (meeting.into(), Arc::clone(segments))
}

/// Nothing meets before `start` (week 1 may begin earlier, on `week_starts`).
fn before_start(course: &Course, on: Option<Date>) -> bool {
    on.zip(course.meta.start).is_some_and(|(d, s)| d < s)
}

/// `weeks` without the cancelled ones (`weeks` itself when nothing is cancelled, as most
/// sittings are).
fn held_weeks<'w>(weeks: &'w [u32], cancelled: &[(u32, Date)]) -> std::borrow::Cow<'w, [u32]> {
    if cancelled.is_empty() {
        return weeks.into();
    }
    weeks
        .iter()
        .copied()
        .filter(|w| !cancelled.iter().any(|(c, _)| c == w))
        .collect::<Vec<u32>>()
        .into()
}

/// A slot's exclusions as `(zone, count)`.
fn excluded_of(slot: &LiveSlot) -> Vec<(String, u32)> {
    slot.excluded
        .iter()
        .filter(|u| u.count > 0)
        .map(|u| (u.zone.clone(), u.count))
        .collect()
}

/// Each week's items: live work in its sitting, self-paced work with its due time, pre-work
/// before the meeting it prepares, and the routes of students a sitting misses. Each week's
/// sittings move from the layout into its [`Week`].
fn week_items(
    course: &Course,
    plan: &Plan,
    by_week: WeekItems,
    packing: &Packing,
    layout: &mut Layout<'_>,
    units: (&[Unit], &[usize]),
) -> (Vec<Week>, Vec<super::prework::ShortWindow>) {
    let zones = DueZones::new(course);
    // The main sitting's session of each week.
    let mut sessions: Vec<Option<LiveSession>> = vec![None; course.meta.weeks as usize];
    for (week, session) in packing.required.first().into_iter().flatten() {
        sessions[*week] = Some(session.clone());
    }
    let mut prework = super::prework::Prework::new(course, plan, layout);
    // Heavy parts of an item are shared, so a schedule stays small when thousands of
    // activities recur every week.
    let mut segments_of: Vec<Option<Arc<[Segment]>>> = vec![None; course.activities.len()];
    let no_segments: Arc<[Segment]> = Arc::new([]);
    let mut weeks: Vec<Week> = Vec::with_capacity(by_week.len());
    for (i, (items, live_session)) in by_week.into_iter().zip(sessions).enumerate() {
        let week = i as u32 + 1;
        let start = layout.dates.start(week);
        let sittings = std::mem::take(&mut layout.week_sittings[i]);
        let early = &layout.early[i];
        // Due times are shared by the week's items that fall due together.
        let mut dues: Vec<((Weekday, crate::course::TimeOfDay), Arc<Due>)> = Vec::new();
        let mut due_of = |day: Weekday, time: crate::course::TimeOfDay| -> Arc<Due> {
            if let Some((_, due)) = dues.iter().find(|(k, _)| *k == (day, time)) {
                return Arc::clone(due);
            }
            let mut due = zones.due_in_week(course, &layout.dates, week, day, time);
            due.local = local_dues(due.at.as_ref(), &zones.others);
            let due = Arc::new(due);
            dues.push(((day, time), Arc::clone(&due)));
            due
        };
        let (default_day, default_time) = match &course.meta.due {
            Some(due) => (due.day, due.time),
            None => (
                Weekday::from_index(i64::from(course.meta.week_starts.index()) + 6),
                END_OF_WEEK_DUE,
            ),
        };
        let mut out: Vec<Item> = Vec::with_capacity(items.len());
        for (index, mode) in items {
            let activity = &course.activities[index];
            // Live work whose sitting falls before `start` does not meet that week.
            if mode == Mode::Sync
                && early.contains(&index)
                && !sittings.iter().any(|s| s.activities.contains(&index))
            {
                continue;
            }
            let item = match mode {
                Mode::Sync => live_item(course, index, &sittings, &mut segments_of),
                Mode::Async => {
                    let before = prework.due(course, week, index, &zones);
                    let due = if activity.optional
                        || super::works_towards_last(course, plan, index, week)
                    {
                        None
                    } else if let Some(own) = &activity.due {
                        Some(due_of(own.day, own.time))
                    } else {
                        match &before {
                            Some(due) => Some(Arc::clone(due)),
                            None => Some(due_of(default_day, default_time)),
                        }
                    };
                    Item {
                        activity: index,
                        mode,
                        due,
                        before_live: before.is_some(),
                        recorded: None,
                        segments: Arc::clone(&no_segments),
                        sitting: None,
                        cancelled: false,
                        for_week: None,
                    }
                }
            };
            out.push(item);
        }
        weeks.push(Week {
            week,
            start,
            items: out,
            live_session,
            sittings,
            alternatives: Vec::new(),
        });
    }
    let short = prework.relist(&mut weeks);
    let mut firsts = Vec::new();
    for week in &mut weeks {
        // Pre-work first, then the live sittings, then the rest; file order within each.
        week.items
            .sort_by_key(|item| match (item.before_live, item.mode) {
                (true, _) => 0,
                (false, Mode::Sync) => 1,
                (false, Mode::Async) => 2,
            });
        week.alternatives = routes(course, &zones, week, &layout.sittings, units, &mut firsts);
    }
    (weeks, short)
}

/// A live item of `index` in a week holding the sittings `held`. With sections, a holiday that cancels
/// one leaves the others: the activity meets in the first section held, and is cancelled
/// only when every section is. Its segments are shared by every occurrence.
fn live_item(
    course: &Course,
    index: usize,
    held: &[WeekSitting],
    segments_of: &mut [Option<Arc<[Segment]>>],
) -> Item {
    let activity = &course.activities[index];
    let mut with = held.iter().filter(|s| s.activities.contains(&index));
    let at = with.clone().find(|s| !s.cancelled).or_else(|| with.next());
    let segments = segments_of[index].get_or_insert_with(|| {
        if activity.is_exam() || !activity.segmented || activity.optional || activity.in_person {
            sittings::carve(course, &[(index, activity.minutes)], true).into()
        } else if activity.is_fixed() {
            // A fixed activity lasts exactly its `at` span: its breaks are carved out, never
            // added.
            sittings::carve(course, &[(index, activity.minutes)], false).into()
        } else {
            split(index, activity.minutes).into()
        }
    });
    Item {
        activity: index,
        mode: Mode::Sync,
        due: None,
        before_live: false,
        recorded: Some(activity.recorded),
        segments: Arc::clone(segments),
        sitting: at.map(|s| s.sitting),
        cancelled: at.is_some_and(|s| s.cancelled),
        for_week: None,
    }
}

/// The recording-plus-response route of every required, non-exam unit in this week: the
/// students none of its sittings reaches this week, due two days after the unit's first held
/// sitting of the week ends for them. `units` comes with each sitting's unit index; `firsts`
/// is scratch space, reused from week to week.
fn routes(
    course: &Course,
    zones: &DueZones,
    week: &Week,
    all: &[Sitting],
    (units, unit_of): (&[Unit], &[usize]),
    firsts: &mut Vec<(usize, usize)>,
) -> Vec<Alternative> {
    // The first held sitting of each unit this week, in the week's order: (unit, index into
    // the week's sittings). A week holds a handful of sittings, so a scan finds repeats.
    firsts.clear();
    for (h, held) in week
        .sittings
        .iter()
        .enumerate()
        .filter(|(_, h)| !h.cancelled)
    {
        let Some(&u) = unit_of.get(held.sitting) else {
            continue;
        };
        if u != usize::MAX && !firsts.iter().any(|&(seen, _)| seen == u) {
            firsts.push((u, h));
        }
    }
    firsts.sort_by_key(|&(u, _)| u);
    let mut out = Vec::new();
    for &(u, h) in firsts.iter() {
        let unit = &units[u];
        if unit.optional || unit.exam() || unit.uncovered.is_empty() {
            continue;
        }
        let held = &week.sittings[h];
        let sitting = &all[held.sitting];
        let recorded = held
            .activities
            .iter()
            .all(|&i| course.activities[i].recorded);
        let at = (sitting.day, sitting.time, held.date);
        for mut alt in alternatives(
            course,
            zones,
            week.week,
            week.start,
            at,
            held.minutes,
            &unit.uncovered,
        ) {
            alt.sitting = Some(held.sitting);
            alt.recorded = recorded;
            out.push(alt);
        }
    }
    out
}
