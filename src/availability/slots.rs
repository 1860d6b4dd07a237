//! Where live sessions go: the weekly slot, and who it reaches in their own time zone.
//!
//! The seed's "Synchronous Learning / Weaknesses" section names the problem: a live session
//! at a fixed time shuts out students for whom that time falls at night. So the slot is
//! searched, not guessed: every allowed weekday (in the organizer's zone) on a 15-minute grid,
//! scored by how many students can attend the *whole* session inside their local window in
//! *every* live week, with daylight-saving changes on either side honoured. Where one slot
//! cannot reach everyone, a repeat slot is searched for the students it misses; whoever is
//! still left takes the recording-plus-response route of the seed's FAQ ("What about students
//! who cannot attend synchronous sessions?").
//!
//! # Speed
//!
//! Calling jiff for every (candidate, zone, week) would be millions of time-zone conversions
//! for a two-year course with hundreds of zones. Instead each zone's UTC-offset transitions in
//! the course span are fetched from jiff once (`Timeline`); on nearly every session date the
//! organizer's and a student's offsets are constant over the day, so the student's local time
//! is the organizer's time plus a fixed delta. Weeks whose deltas are identical for every zone
//! form one *class*, and for each (class, zone) the grid times that fit are one 96-bit mask.
//! Dates on which an offset changes get an exact class of their own, evaluated from the
//! transition table. The result is exact and takes a few milliseconds (see `benches/slots.rs`).

use std::borrow::Cow;
use std::cell::RefCell;
use std::cmp::Reverse;
use std::rc::Rc;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::course::{Course, TimeOfDay, Weekday, Window};

use crate::fast_map::FastMap;

/// Spacing of candidate start times, in minutes.
pub const GRID_MINUTES: u32 = 15;
/// Candidate start times per day.
const GRID: usize = (1440 / GRID_MINUTES) as usize;
/// Every grid time.
const GRID_ALL: u128 = (1 << GRID) - 1;
/// The organizer's working day, preferred among equally good slots.
pub const ORGANIZER_DAYTIME: (u32, u32) = (9 * 60, 18 * 60);
/// Among equally good slots, start times closer to this (organizer-local) win.
pub const PREFERRED_START: u32 = 13 * 60;
/// For working adults and caregivers, the organizer's evening is preferred instead: the seed's
/// "Synchronous Learning / Weaknesses" names work and caregiving as what fixed times collide with.
pub const ORGANIZER_EVENING: (u32, u32) = (17 * 60, 22 * 60);
/// Preferred start for working adults and caregivers.
pub const PREFERRED_EVENING_START: u32 = 19 * 60;
/// Most live weeks a slot is evaluated over (the loader allows 104 course weeks).
const MAX_OCCASIONS: usize = 128;

/// Which week a session date stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WeekRef {
    /// A real course week (1-based), when the course has a `start` date.
    Course(u32),
    /// Without `start`: a representative January week (northern winter).
    January,
    /// Without `start`: a representative July week (northern summer).
    July,
}

impl WeekRef {
    /// The course week number, for real weeks.
    pub fn number(self) -> Option<u32> {
        match self {
            WeekRef::Course(n) => Some(n),
            _ => None,
        }
    }

    /// `week 3`, `a January week`, `a July week`.
    pub fn label(self) -> String {
        match self {
            WeekRef::Course(n) => format!("week {n}"),
            WeekRef::January => "a January week".into(),
            WeekRef::July => "a July week".into(),
        }
    }

    /// `january` / `july` for representative weeks.
    pub fn sample(self) -> Option<&'static str> {
        match self {
            WeekRef::Course(_) => None,
            WeekRef::January => Some("january"),
            WeekRef::July => Some("july"),
        }
    }
}

/// A weekly live slot in the organizer's zone and how many students it reaches.
#[derive(Clone, Debug, PartialEq)]
pub struct LiveSlot {
    /// Weekday in the organizer's zone.
    pub day: Weekday,
    /// Start time in the organizer's zone.
    pub time: TimeOfDay,
    /// The organizer's zone.
    pub timezone: String,
    /// Session length the coverage was computed for.
    pub minutes: u32,
    /// Students who can attend in the worst live week.
    pub students_covered: u32,
    /// Students who can attend in every live week.
    pub students_every_week: u32,
    /// For a repeat slot: students it reaches whom the earlier slot misses (worst week);
    /// for the main slot, equal to `students_covered`.
    pub students_added: u32,
    /// `students_covered / count`, rounded to two decimals.
    pub coverage: f64,
    /// Whether the slot was pinned with `live_at`.
    pub pinned: bool,
    /// Whether this is a repeat of the main session for students the main slot misses.
    pub repeat: bool,
    /// The slot as each student group sees it.
    pub local: Vec<LocalTime>,
    /// Students who can attend, per live week (or per representative week without `start`).
    pub weekly: Vec<WeekCoverage>,
    /// Students this slot alone cannot reach, with the weeks concerned.
    pub excluded: Vec<Uncovered>,
}

/// Students reached by a slot in one week.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeekCoverage {
    /// The week.
    pub week: WeekRef,
    /// Students whose window holds the whole session that week.
    pub students: u32,
}

/// A slot seen from one student zone.
#[derive(Clone, Debug, PartialEq)]
pub struct LocalTime {
    /// IANA zone.
    pub zone: String,
    /// Students in the zone.
    pub count: u32,
    /// Local weekday of the start (first live week).
    pub day: Weekday,
    /// Local start time (first live week).
    pub time: TimeOfDay,
    /// Whether the whole session falls in these students' window every live week.
    pub covered: bool,
    /// Weeks in which it does not.
    pub missed: Vec<WeekRef>,
    /// Weeks from which the local day or time changes (daylight saving on either side).
    pub shifts: Vec<LocalShift>,
}

/// From `week` on, the slot falls at another local day or time in a student zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalShift {
    /// First week with the new local time.
    pub week: WeekRef,
    /// New local weekday.
    pub day: Weekday,
    /// New local start time.
    pub time: TimeOfDay,
}

/// Students a slot (or every slot together) cannot reach.
#[derive(Clone, Debug, PartialEq)]
pub struct Uncovered {
    /// IANA zone.
    pub zone: String,
    /// Students in the zone.
    pub count: u32,
    /// Live weeks they cannot attend (empty without a start date: see `samples`).
    pub weeks: Vec<u32>,
    /// Without a start date: the representative weeks they cannot attend.
    pub samples: Vec<&'static str>,
}

pub use super::StudentGroup as Group;

/// Whether a session of `minutes` starting at local `start` fits inside `window`.
pub fn fits(window: Window, start: TimeOfDay, minutes: u32) -> bool {
    let offset = (u32::from(start.minutes) + 1440 - u32::from(window.start.minutes)) % 1440;
    offset + minutes <= window.minutes()
}

/// Like [`fits`], with the local start in minutes after midnight and the session's length on
/// the local wall clock (which differs from its real length when a clock change falls inside).
fn fits_wall(window: Window, start_minute: i64, wall_minutes: i64) -> bool {
    let offset = (start_minute - i64::from(window.start.minutes)).rem_euclid(1440);
    offset + wall_minutes.max(0) <= i64::from(window.minutes())
}

/// The dates (organizer's calendar) of a session on `day` in each live week.
///
/// With a start date these are the real dates; without one, a January week and a July week
/// stand in, so that both sides of the daylight-saving year are tried.
pub fn session_dates(course: &Course, day: Weekday, live_weeks: &[u32]) -> Vec<(WeekRef, Date)> {
    match course.meta.first_day() {
        Some(_) => live_weeks
            .iter()
            .take(MAX_OCCASIONS)
            .filter_map(|&w| Some((WeekRef::Course(w), course.meta.date_of(w, day)?)))
            .collect(),
        None => {
            // 2027-01-11 and 2027-07-12 are Mondays.
            let into = i64::from(day.index());
            [
                (WeekRef::January, jiff::civil::date(2027, 1, 11)),
                (WeekRef::July, jiff::civil::date(2027, 7, 12)),
            ]
            .into_iter()
            .filter_map(|(w, d)| Some((w, d.checked_add(jiff::Span::new().days(into)).ok()?)))
            .collect()
        }
    }
}

/// Seconds from 1970-01-01 to `date` at midnight, as if it were UTC.
fn civil_seconds(date: Date) -> i64 {
    crate::course::day_number(date) * 86_400
}

/// A zone's UTC offsets over the course span: its offset at the start and every change after.
#[derive(Clone, Debug)]
struct Timeline {
    initial: i32,
    /// `(utc_second, offset_seconds_from_then_on)`, sorted.
    transitions: Vec<(i64, i32)>,
}

impl Timeline {
    fn new(tz: &TimeZone, from: i64, to: i64) -> Self {
        let from_ts = jiff::Timestamp::from_second(from).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        let transitions = tz
            .following(from_ts)
            .map(|t| (t.timestamp().as_second(), t.offset().seconds()))
            .take_while(|&(at, _)| at <= to)
            .collect();
        Timeline {
            initial: tz.to_offset(from_ts).seconds(),
            transitions,
        }
    }

    fn offset(&self, utc: i64) -> i32 {
        match self.transitions.partition_point(|&(at, _)| at <= utc) {
            0 => self.initial,
            i => self.transitions[i - 1].1,
        }
    }

    /// The instant of the local wall-clock time `local` (seconds, as if UTC), resolved as
    /// jiff's "compatible" rule resolves it: a time repeated in a fold is its earlier instant,
    /// a time skipped by a gap is read with the offset before the gap (so it lands after it).
    fn instant_of(&self, local: i64) -> i64 {
        // Offsets stay within a day of UTC: only transitions two days either side matter.
        let reach = 2 * 86_400;
        let first = self
            .transitions
            .partition_point(|&(at, _)| at <= local - reach);
        let mut offset = match first {
            0 => self.initial,
            i => self.transitions[i - 1].1,
        };
        // Segments in time order: the first whose offset reads `local` inside it holds the
        // earliest instant; between two segments that both miss it lies a gap.
        let mut start = i64::MIN;
        for &(at, next) in &self.transitions[first..] {
            if at > local + reach {
                break;
            }
            let instant = local - i64::from(offset);
            if (start..at).contains(&instant) || (instant >= at && local - i64::from(next) < at) {
                return instant;
            }
            (offset, start) = (next, at);
        }
        local - i64::from(offset)
    }

    /// The offset at `utc` and the instant of the next change after it, if any.
    fn offset_until(&self, utc: i64) -> (i32, Option<i64>) {
        let next = self.transitions.partition_point(|&(at, _)| at <= utc);
        let offset = match next {
            0 => self.initial,
            k => self.transitions[k - 1].1,
        };
        (offset, self.transitions.get(next).map(|&(at, _)| at))
    }

    /// Whether the offset changes at some instant in `(lo, hi]`.
    fn changes_within(&self, lo: i64, hi: i64) -> bool {
        let i = self.transitions.partition_point(|&(at, _)| at <= lo);
        self.transitions.get(i).is_some_and(|&(at, _)| at <= hi)
    }
}

/// One session date: a week and the organizer's calendar date of the session in it.
#[derive(Clone, Debug)]
struct Occasion {
    week: WeekRef,
    date: Date,
    /// The date's midnight in seconds, as if UTC.
    civil: i64,
    /// The organizer's offset, when it is the same all day.
    origin_offset: Option<i32>,
    /// Otherwise: the instant of every grid time, resolved once by jiff.
    grid: Vec<i64>,
}

/// What one search or evaluation needs: sessions of one length in some weeks, clear of some
/// sittings, over the course's shared [`ZoneCache`].
struct Model<'c> {
    course: &'c Course,
    zones: &'c ZoneCache<'c>,
    groups: &'c [Group],
    /// The cache's timelines, or the model's own when its weeks reach outside the course's.
    lines: Cow<'c, [Timeline]>,
    minutes: u32,
    live_weeks: Vec<u32>,
    preferred: ((u32, u32), u32),
    /// Weekly fixed sittings (`at`): weekday, start and end minute in the organizer's zone.
    fixed: Vec<(Weekday, u32, u32)>,
}

/// One course's time zones, built once and shared by every slot search and coverage
/// evaluation of the course (the engine's reach per activity length, each searched sitting,
/// its repeat, each fixed sitting): the organizer's and every student group's UTC-offset
/// timeline over the course span, the session dates of each weekday and week, the grid masks
/// of the times a session fits a window, and the weekly fixed sittings. Every entry depends
/// on the course alone (a mask on its key), so sharing them changes no result.
pub struct ZoneCache<'c> {
    course: &'c Course,
    origin: TimeZone,
    groups: Vec<Group>,
    /// The UTC seconds the timelines cover.
    span: (i64, i64),
    origin_line: Timeline,
    lines: Vec<Timeline>,
    fixed: Vec<Busy>,
    /// Session dates by weekday and course week (`None`: the week has no such date).
    occasions: RefCell<FastMap<(Weekday, u32), Option<Occasion>>>,
    /// The session dates of each weekday for each list of live weeks asked about: most of a
    /// course's sittings meet in the same weeks, so each list is put together once (the first
    /// [`OCCASION_LISTS`] lists of each weekday).
    occasion_lists: RefCell<FastMap<Weekday, Vec<OccasionList>>>,
    /// Without a start date: the representative January and July dates of each weekday.
    samples: RefCell<FastMap<Weekday, Rc<[Occasion]>>>,
    /// Grid masks of the times a session fits a wall-clock window, by (offset, window start,
    /// window end, minutes, weekday): the same few offsets recur on every day, in every search
    /// and for every session length, so each mask is computed once per course.
    wall_masks: RefCell<FastMap<MaskKey, u128>>,
    /// [`ZoneCache::local_fits`] by window start, window end and minutes.
    local_fits: RefCell<FastMap<(u16, u16, u32), u128>>,
    /// Grid masks on dates an offset changes, worked out exactly: by (date, group, minutes).
    exact_masks: RefCell<FastMap<(i64, usize, u32), u128>>,
}

/// The UTC seconds the timelines of sessions in `live_weeks` must cover: every session date
/// lies between the first and last live week's dates (any weekday), nine days either side.
fn span_of(course: &Course, live_weeks: &[u32]) -> (i64, i64) {
    let mut dates: Vec<Date> = Vec::new();
    for day in [Weekday::Mon, Weekday::Sun] {
        for first_and_last in [live_weeks.first(), live_weeks.last()] {
            let weeks: Vec<u32> = first_and_last.copied().into_iter().collect();
            dates.extend(session_dates(course, day, &weeks).into_iter().map(|d| d.1));
        }
    }
    if course.meta.start.is_none() {
        dates.extend([
            jiff::civil::date(2027, 1, 1),
            jiff::civil::date(2027, 7, 31),
        ]);
    }
    let lo = dates.iter().map(|&d| civil_seconds(d)).min().unwrap_or(0) - 9 * 86_400;
    let hi = dates.iter().map(|&d| civil_seconds(d)).max().unwrap_or(0) + 9 * 86_400;
    (lo, hi)
}

impl<'c> ZoneCache<'c> {
    /// The cache of `course`, its timelines spanning every course week.
    pub fn new(course: &'c Course) -> Self {
        let origin = crate::course::zones::resolve(&course.meta.timezone).unwrap_or(TimeZone::UTC);
        let groups = super::groups(course);
        let all_weeks: Vec<u32> = (1..=course.meta.weeks.max(1)).collect();
        let span = span_of(course, &all_weeks);
        ZoneCache {
            course,
            origin_line: Timeline::new(&origin, span.0, span.1),
            lines: groups
                .iter()
                .map(|g| Timeline::new(&g.tz, span.0, span.1))
                .collect(),
            origin,
            groups,
            span,
            fixed: fixed_busy(course),
            occasions: Default::default(),
            occasion_lists: Default::default(),
            samples: Default::default(),
            wall_masks: Default::default(),
            local_fits: Default::default(),
            exact_masks: Default::default(),
        }
    }

    /// The course the cache belongs to.
    pub fn course(&self) -> &'c Course {
        self.course
    }

    /// The weekly fixed sittings of the course ([`fixed_busy`]).
    pub fn fixed_busy(&self) -> &[Busy] {
        &self.fixed
    }

    /// The session dates of `day` in `live_weeks`, as [`session_dates`] lists them.
    fn occasions(&self, day: Weekday, live_weeks: &[u32]) -> Rc<[Occasion]> {
        if self.course.meta.first_day().is_none() {
            return Rc::clone(self.samples.borrow_mut().entry(day).or_insert_with(|| {
                session_dates(self.course, day, live_weeks)
                    .into_iter()
                    .map(|(week, date)| self.occasion(week, date))
                    .collect()
            }));
        }
        if let Some(lists) = self.occasion_lists.borrow().get(&day)
            && let Some((_, found)) = lists.iter().find(|(weeks, _)| **weeks == *live_weeks)
        {
            return Rc::clone(found);
        }
        let list = self.occasions_in(day, live_weeks);
        let mut lists = self.occasion_lists.borrow_mut();
        let known = lists.entry(day).or_default();
        if known.len() < OCCASION_LISTS {
            known.push((live_weeks.into(), Rc::clone(&list)));
        }
        list
    }

    /// [`ZoneCache::occasions`], put together from the dates of each week.
    fn occasions_in(&self, day: Weekday, live_weeks: &[u32]) -> Rc<[Occasion]> {
        let mut memo = self.occasions.borrow_mut();
        live_weeks
            .iter()
            .take(MAX_OCCASIONS)
            .filter_map(|&w| {
                if w == 0 || w > self.course.meta.weeks {
                    // Outside the span of the cached timelines (never in a loaded course).
                    let date = self.course.meta.date_of(w, day)?;
                    let (lo, hi) = span_of(self.course, &[w]);
                    let line = Timeline::new(&self.origin, lo, hi);
                    return Some(self.occasion_on(&line, WeekRef::Course(w), date));
                }
                memo.entry((day, w))
                    .or_insert_with(|| {
                        let date = self.course.meta.date_of(w, day)?;
                        Some(self.occasion(WeekRef::Course(w), date))
                    })
                    .clone()
            })
            .collect()
    }

    fn occasion(&self, week: WeekRef, date: Date) -> Occasion {
        self.occasion_on(&self.origin_line, week, date)
    }

    /// The occasion of `date`, with the organizer's offsets read from `origin_line`.
    fn occasion_on(&self, origin_line: &Timeline, week: WeekRef, date: Date) -> Occasion {
        let civil = civil_seconds(date);
        // Local times of one date lie within 26 hours of its "UTC" midnight.
        let (lo, hi) = (civil - 26 * 3600, civil + 50 * 3600);
        let origin_offset = (!origin_line.changes_within(lo, hi)).then(|| origin_line.offset(lo));
        let mut occ = Occasion {
            week,
            date,
            civil,
            origin_offset,
            grid: Vec::new(),
        };
        if origin_offset.is_none() {
            occ.grid = (0..GRID)
                .map(|i| origin_line.instant_of(civil + i64::from(grid_minute(i)) * 60))
                .collect();
        }
        occ
    }

    /// The instant (UTC seconds) of `minute` after midnight on the occasion's date, organizer's
    /// zone; nonexistent and repeated local times resolve as jiff's "compatible" rule does.
    fn utc(&self, occ: &Occasion, minute: u32) -> i64 {
        if let Some(offset) = occ.origin_offset {
            return occ.civil + i64::from(minute) * 60 - i64::from(offset);
        }
        if minute.is_multiple_of(GRID_MINUTES)
            && let Some(&at) = occ.grid.get((minute / GRID_MINUTES) as usize)
        {
            return at;
        }
        occ.date
            .at((minute / 60) as i8, (minute % 60) as i8, 0, 0)
            .to_zoned_datetime(self.origin.clone())
            .map_or(occ.civil + i64::from(minute) * 60, |z| {
                z.timestamp().as_second()
            })
    }
}

/// A list of live weeks and the session dates of one weekday in them.
type OccasionList = (Box<[u32]>, Rc<[Occasion]>);

/// Lists of session dates kept per weekday: a file of one-week activities asks about a
/// different list for each week, and scanning more than a few kept lists costs more than
/// putting one together.
const OCCASION_LISTS: usize = 16;

/// What a grid mask depends on: the local-minus-organizer offset, the window's start and end,
/// the session's length, and the organizer's weekday (7 when the window is the same every day).
type MaskKey = (i64, u16, u16, u32, u8);

/// Least time between a searched sitting and a fixed one on the same day, in minutes.
pub const SITTING_GAP_MINUTES: u32 = 10;

/// A sitting placed earlier, which a new one keeps [`SITTING_GAP_MINUTES`] clear of in the
/// weeks both meet.
#[derive(Clone, Debug)]
pub struct Busy {
    /// Weekday of the sitting, in the organizer's zone.
    pub day: Weekday,
    /// Start and end, in minutes after midnight in the organizer's zone.
    pub start: u32,
    pub end: u32,
    /// Weeks (1-based) it meets in.
    pub weeks: Vec<u32>,
}

/// Whether `weeks` shares a week with `sorted` (ascending, as live weeks always are).
fn share_a_week(weeks: &[u32], sorted: &[u32]) -> bool {
    weeks.iter().any(|w| sorted.binary_search(w).is_ok())
}

/// The weekly fixed sittings of a course, which searched sittings keep clear of in the weeks
/// both meet: activities fixed with `at` at the same weekly time sit together, for the sum of
/// their minutes, in the union of their weeks. Dated one-offs are left out: they are one date,
/// not a weekly time to keep clear. Built once per course; a search filters it by its weeks.
pub fn fixed_busy(course: &Course) -> Vec<Busy> {
    let mut sittings: Vec<Busy> = Vec::new();
    let mut index: FastMap<(Weekday, u32), usize> = FastMap::default();
    for a in &course.activities {
        if a.at.iter().all(|at| at.date.is_some()) {
            continue;
        }
        let weeks = a.occurrence_weeks(&course.meta);
        for at in a.at.iter().filter(|at| at.date.is_none()) {
            let start = u32::from(at.time.minutes);
            match index.get(&(at.day, start)) {
                Some(&i) => {
                    let b = &mut sittings[i];
                    b.end += a.minutes;
                    b.weeks.extend(&weeks);
                    b.weeks.sort_unstable();
                    b.weeks.dedup();
                }
                None => {
                    index.insert((at.day, start), sittings.len());
                    sittings.push(Busy {
                        day: at.day,
                        start,
                        end: start + a.minutes,
                        weeks: weeks.clone(),
                    });
                }
            }
        }
    }
    sittings
}

impl<'c> Model<'c> {
    /// Whether a searched session starting at `minute` on `day` (organizer's zone) keeps
    /// [`SITTING_GAP_MINUTES`] clear of every weekly fixed sitting: a searched sitting never
    /// lands on top of a registrar's lecture.
    fn clear_of_fixed(&self, day: Weekday, minute: u32) -> bool {
        let end = minute + self.minutes;
        self.fixed.iter().all(|&(d, s, e)| {
            d != day || end + SITTING_GAP_MINUTES <= s || e + SITTING_GAP_MINUTES <= minute
        })
    }

    /// Whether a searched session starting at `minute` (organizer's zone) lies, start to end,
    /// inside the course's `live_window`, when one is written.
    fn in_live_window(&self, minute: u32) -> bool {
        let Some(window) = self.course.meta.live_window else {
            return true;
        };
        // The whole sitting, not only its start: a 175-minute sitting does not fit a
        // 15-minute window (it is live work without a time instead).
        fits(window, TimeOfDay::from_minutes(minute), self.minutes)
    }

    /// The model of sessions of `minutes` in `live_weeks`, clear of the `busy` sittings that
    /// meet in one of those weeks.
    fn new(zones: &'c ZoneCache<'c>, minutes: u32, live_weeks: &[u32], busy: &[Busy]) -> Self {
        let course = zones.course;
        // Weeks outside the course (never in a loaded course) get timelines of their own. The
        // cache's timelines span every course week, so weeks inside it need no span worked out.
        let inside = !live_weeks.is_empty()
            && live_weeks
                .iter()
                .all(|w| (1..=course.meta.weeks).contains(w));
        let span = (!inside).then(|| span_of(course, live_weeks));
        let lines = match span {
            Some((lo, hi)) if lo < zones.span.0 || zones.span.1 < hi => Cow::Owned(
                zones
                    .groups
                    .iter()
                    .map(|g| Timeline::new(&g.tz, lo, hi))
                    .collect(),
            ),
            _ => Cow::Borrowed(zones.lines.as_slice()),
        };
        Model {
            course,
            zones,
            groups: &zones.groups,
            lines,
            minutes,
            live_weeks: live_weeks.to_vec(),
            preferred: preferred_hours(course),
            fixed: busy
                .iter()
                .filter(|b| share_a_week(&b.weeks, live_weeks))
                .map(|b| (b.day, b.start, b.end))
                .collect(),
        }
    }

    fn occasions(&self, day: Weekday) -> Rc<[Occasion]> {
        self.zones.occasions(day, &self.live_weeks)
    }

    /// [`ZoneCache::utc`].
    fn utc(&self, occ: &Occasion, minute: u32) -> i64 {
        self.zones.utc(occ, minute)
    }

    /// Local start (seconds, as if UTC) and wall-clock length in minutes, for group `g`.
    fn local(&self, occ: &Occasion, g: usize, minute: u32) -> (i64, i64) {
        let start = self.utc(occ, minute);
        let end = start + i64::from(self.minutes) * 60;
        let line = &self.lines[g];
        let local_start = start + i64::from(line.offset(start));
        let local_end = end + i64::from(line.offset(end));
        (local_start, (local_end - local_start).div_euclid(60))
    }

    /// Whether group `g` can attend a session at `minute` on the occasion, exactly, in its
    /// window of the local weekday the session starts on.
    fn fits_exact(&self, occ: &Occasion, g: usize, minute: u32) -> bool {
        let (start, wall) = self.local(occ, g, minute);
        let shift = start.div_euclid(86_400) - occ.civil.div_euclid(86_400);
        let day = Weekday::from_jiff(occ.date.weekday());
        let local_day = Weekday::from_index(i64::from(day.index()) + shift);
        fits_wall(
            self.groups[g].window_on(local_day),
            start.rem_euclid(86_400).div_euclid(60),
            wall,
        )
    }

    /// [`Model::fits_exact`] at every grid time, bit `i` for grid time `i`. Only a session
    /// that a clock change of the group falls inside is worked out on its own: any other keeps
    /// its whole length on the group's wall clock, so its bit is that of the wall mask for its
    /// own offset from the organizer's grid, which a run of grid times shares.
    fn exact_mask(&self, occ: &Occasion, g: usize) -> u128 {
        let day = Weekday::from_jiff(occ.date.weekday());
        let group = &self.groups[g];
        let line = &self.lines[g];
        let length = i64::from(self.minutes) * 60;
        let mut wall: Option<(i64, u128)> = None;
        let mut mask = 0u128;
        for i in 0..GRID {
            let minute = grid_minute(i);
            let start = self.utc(occ, minute);
            let (offset, next_change) = line.offset_until(start);
            let fits = if next_change.is_some_and(|at| at <= start + length) {
                self.fits_exact(occ, g, minute)
            } else {
                let delta = start + i64::from(offset) - occ.civil - i64::from(minute) * 60;
                let bits = match wall {
                    Some((d, bits)) if d == delta => bits,
                    _ => {
                        let bits = self.zones.wall_mask(group, day, delta, self.minutes);
                        wall = Some((delta, bits));
                        bits
                    }
                };
                bits >> i & 1 == 1
            };
            if fits {
                mask |= 1 << i;
            }
        }
        mask
    }

    /// Local weekday and time of a session at `minute` on the occasion, for group `g`.
    fn local_day_time(
        &self,
        day: Weekday,
        occ: &Occasion,
        g: usize,
        minute: u32,
    ) -> (Weekday, TimeOfDay) {
        let (start, _) = self.local(occ, g, minute);
        let shift = start.div_euclid(86_400) - occ.civil.div_euclid(86_400);
        (
            Weekday::from_index(i64::from(day.index()) + shift),
            TimeOfDay::from_minutes(start.rem_euclid(86_400).div_euclid(60) as u32),
        )
    }

    /// For group `g`: the constant local-minus-organizer offset on this occasion, if the
    /// offsets of both do not change while a session that day could run.
    fn constant_delta(&self, occ: &Occasion, g: usize) -> Option<i64> {
        let origin = occ.origin_offset?;
        // With a constant organizer offset these are plain arithmetic, no jiff call.
        let lo = self.utc(occ, 0);
        let hi = self.utc(occ, 1439) + i64::from(self.minutes) * 60;
        let line = &self.lines[g];
        (!line.changes_within(lo - 60, hi + 60))
            .then(|| i64::from(line.offset(lo)) - i64::from(origin))
    }
}

/// Weeks of one weekday in which every group sees the grid the same way.
struct Class {
    /// Bit `j` set: occasion `j` belongs to the class.
    occasions: u128,
    /// Per group: bit `i` set when a session at grid time `i` fits.
    masks: Vec<u128>,
}

/// One allowed weekday, prepared for the search.
struct DayPlan {
    day: Weekday,
    occasions: Rc<[Occasion]>,
    classes: Vec<Class>,
    /// Per group: bit `i` set when, in the first live week, the local weekday differs.
    shifted: Vec<u128>,
}

fn grid_minute(i: usize) -> u32 {
    i as u32 * GRID_MINUTES
}

/// One allowed weekday's dates and offsets, which do not depend on the session's length: the
/// occasions, grouped into classes of weeks whose offsets are identical for every group, and
/// the grid times whose local weekday differs. [`reach_by_length`] builds it once and derives
/// the masks for each length from it.
struct DayFrame {
    day: Weekday,
    occasions: Rc<[Occasion]>,
    /// Per class: its occasions (bit `j`), a representative occasion, and per group the
    /// constant offset (`None`: computed exactly on the representative occasion, alone in its
    /// class).
    classes: Vec<(u128, usize, Vec<Option<i64>>)>,
    shifted: Vec<u128>,
}

/// The frame of `day` for sessions up to `model.minutes` long: an offset constant over the
/// longest session is constant over every shorter one.
fn day_frame(model: &Model<'_>, day: Weekday) -> DayFrame {
    let occasions = model.occasions(day);
    let n = model.groups.len();
    let mut by_key: FastMap<Vec<i64>, usize> = FastMap::default();
    let mut classes: Vec<(u128, usize, Vec<Option<i64>>)> = Vec::new();
    // Reused for every occasion: most weeks join a class already found, and need no copy.
    let mut deltas: Vec<Option<i64>> = Vec::with_capacity(n);
    let mut key: Vec<i64> = Vec::with_capacity(n);
    for (j, occ) in occasions.iter().enumerate() {
        deltas.clear();
        deltas.extend((0..n).map(|g| model.constant_delta(occ, g)));
        // A week with an exact entry is a class of its own: it never merges with another.
        if deltas.iter().all(Option::is_some) {
            key.clear();
            key.extend(deltas.iter().flatten());
            if let Some(&k) = by_key.get(key.as_slice()) {
                classes[k].0 |= 1 << j;
                continue;
            }
            by_key.insert(key.clone(), classes.len());
        }
        classes.push((1 << j, j, deltas.clone()));
    }
    let shifted = match occasions.first() {
        Some(first) => (0..n)
            .map(|g| match model.constant_delta(first, g) {
                Some(delta) => shifted_by(delta),
                None => (0..GRID).fold(0u128, |mask, i| {
                    if model.local_day_time(day, first, g, grid_minute(i)).0 != day {
                        mask | 1 << i
                    } else {
                        mask
                    }
                }),
            })
            .collect(),
        None => vec![0; n],
    };
    DayFrame {
        day,
        occasions,
        classes,
        shifted,
    }
}

/// Bit `i` set when grid time `i` moved by `delta` seconds falls on another day: the times
/// before `first` (the day before) and from `after` on (the day after), in one range each.
fn shifted_by(delta: i64) -> u128 {
    let step = i64::from(GRID_MINUTES) * 60;
    let grid = GRID as i64;
    // The first grid time whose local time is not before midnight, and the first at or past
    // the next midnight.
    let first = (-delta).div_euclid(step) + i64::from((-delta).rem_euclid(step) != 0);
    let after =
        (86_400 - delta).div_euclid(step) + i64::from((86_400 - delta).rem_euclid(step) != 0);
    let below = |k: i64| -> u128 {
        match k {
            k if k <= 0 => 0,
            k if k >= grid => GRID_ALL,
            k => (1u128 << k) - 1,
        }
    };
    below(first) | (GRID_ALL & !below(after))
}

fn plan_day(model: &Model<'_>, day: Weekday) -> DayPlan {
    day_plan(model, &day_frame(model, day))
}

/// The search's view of one weekday for sessions of `model.minutes`, from its frame.
fn day_plan(model: &Model<'_>, frame: &DayFrame) -> DayPlan {
    let mut memo = model.zones.wall_masks.borrow_mut();
    let mut exact = model.zones.exact_masks.borrow_mut();
    let classes = frame
        .classes
        .iter()
        .map(|&(occasions, j, ref deltas)| {
            let occ = &frame.occasions[j];
            let masks = deltas
                .iter()
                .enumerate()
                .map(|(g, delta)| {
                    let group = &model.groups[g];
                    let window = group.window;
                    // The window may depend on the local weekday (evenings on weekdays, the
                    // day at weekends): the organizer's weekday is part of the key then.
                    let weekly = group.source == super::WindowSource::Evening;
                    let day_key = if weekly { frame.day.index() } else { 7 };
                    match *delta {
                        Some(delta) => *memo
                            .entry((
                                delta,
                                window.start.minutes,
                                window.end.minutes,
                                model.minutes,
                                day_key,
                            ))
                            .or_insert_with(|| {
                                model
                                    .zones
                                    .wall_mask(group, frame.day, delta, model.minutes)
                            }),
                        None => *exact
                            .entry((occ.civil, g, model.minutes))
                            .or_insert_with(|| model.exact_mask(occ, g)),
                    }
                })
                .collect();
            Class { occasions, masks }
        })
        .collect();
    DayPlan {
        day: frame.day,
        occasions: Rc::clone(&frame.occasions),
        classes,
        shifted: frame.shifted.clone(),
    }
}

/// [`ZoneCache::wall_mask`] one grid time at a time, for any offset.
fn wall_mask_by_time(group: &Group, day: Weekday, delta: i64, minutes: u32) -> u128 {
    (0..GRID).fold(0u128, |mask, i| {
        let local = i64::from(grid_minute(i)) * 60 + delta;
        let start = local.rem_euclid(86_400).div_euclid(60);
        let local_day = Weekday::from_index(i64::from(day.index()) + local.div_euclid(86_400));
        if fits_wall(group.window_on(local_day), start, i64::from(minutes)) {
            mask | 1 << i
        } else {
            mask
        }
    })
}

/// Students per grid time: the sum of `count` over every mask with that bit set.
fn tally(items: impl Iterator<Item = (u128, u32)>) -> [u32; GRID] {
    // The first few masks are added bit by bit; past them, groups that share a mask (hundreds
    // of zones, a few distinct masks) are summed first so each mask's bits are walked once.
    const DIRECT: usize = 16;
    let mut out = [0u32; GRID];
    let mut direct = 0;
    let mut by_mask: FastMap<u128, u32> = FastMap::default();
    for (mask, count) in items {
        let mut mask = mask & GRID_ALL;
        if mask == 0 || count == 0 {
            continue;
        }
        if direct < DIRECT {
            direct += 1;
            while mask != 0 {
                out[mask.trailing_zeros() as usize] += count;
                mask &= mask - 1;
            }
        } else {
            *by_mask.entry(mask).or_insert(0) += count;
        }
    }
    for (mut mask, count) in by_mask {
        while mask != 0 {
            out[mask.trailing_zeros() as usize] += count;
            mask &= mask - 1;
        }
    }
    out
}

/// How good a candidate is; smaller is better.
type Rank = (Reverse<u32>, Reverse<u32>, bool, bool, u32, u32, u8, u32);

/// The organizer-local hours preferred among equally good slots, and the preferred start.
fn preferred_hours(course: &Course) -> ((u32, u32), u32) {
    use crate::course::Population;
    let evening = course
        .students
        .populations
        .iter()
        .any(|p| matches!(p, Population::WorkingAdults | Population::Caregivers));
    if evening {
        (ORGANIZER_EVENING, PREFERRED_EVENING_START)
    } else {
        (ORGANIZER_DAYTIME, PREFERRED_START)
    }
}

/// Rank a candidate: most students in the worst week, then in every week, then inside the
/// live window (the default one when none is written), then inside the organizer's preferred
/// hours, then fewest students whose local weekday differs from the
/// organizer's, then closest to the preferred start, then the day that leaves room for the
/// week's self-paced pre-work (the third day of the course week, then its neighbours), then
/// the earlier time.
fn rank(
    model: &Model<'_>,
    worst: u32,
    every: u32,
    changed: u32,
    day: Weekday,
    minute: u32,
) -> Rank {
    let ((open, close), preferred) = model.preferred;
    let inside = minute >= open && minute + model.minutes <= close;
    // Flipped weeks put pre-work before the live session: a session on the week's first day
    // would leave none. Day 2 of the week (Wednesday for a Monday start) comes first, then
    // the later neighbour before the earlier one.
    let into = model.course.days_into_week(day);
    let day_order = (into - 2).unsigned_abs() as u8 * 2 + u8::from(into < 2);
    // Without a written `live_window` the default one is a preference, not a limit.
    let in_default = fits(
        model.course.meta.live_window(),
        TimeOfDay::from_minutes(minute),
        model.minutes,
    );
    (
        Reverse(worst),
        Reverse(every),
        !in_default,
        !inside,
        changed,
        minute.abs_diff(preferred),
        day_order,
        minute,
    )
}

/// A chosen (day, grid time) and its rank.
#[derive(Clone, Copy)]
struct Pick {
    day: Weekday,
    minute: u32,
    rank: Rank,
}

/// Students each grid time of `plan` reaches in its worst week.
fn worst_week(plan: &DayPlan, counts: &[u32]) -> [u32; GRID] {
    let mut worst = [u32::MAX; GRID];
    for class in &plan.classes {
        let covered = tally(class.masks.iter().copied().zip(counts.iter().copied()));
        for (w, c) in worst.iter_mut().zip(covered) {
            *w = (*w).min(c);
        }
    }
    worst
}

/// What [`best_single`]'s pick reaches in its worst week (0 without one), without ranking:
/// the worst week is what [`rank`] orders by first, so it is the most any open grid time
/// reaches there. The engine asks this of every session length.
fn best_reach(model: &Model<'_>, days: &[DayPlan]) -> u32 {
    let counts: Vec<u32> = model.groups.iter().map(|g| g.count).collect();
    let mut best = 0;
    for plan in days.iter().filter(|plan| !plan.classes.is_empty()) {
        let worst = worst_week(plan, &counts);
        for (i, &reached) in worst.iter().enumerate() {
            let minute = grid_minute(i);
            if reached > best
                && model.in_live_window(minute)
                && model.clear_of_fixed(plan.day, minute)
            {
                best = reached;
            }
        }
    }
    best
}

fn best_single(model: &Model<'_>, days: &[DayPlan]) -> Option<Pick> {
    let counts: Vec<u32> = model.groups.iter().map(|g| g.count).collect();
    let mut best: Option<Pick> = None;
    for plan in days {
        if plan.classes.is_empty() {
            continue;
        }
        let worst = worst_week(plan, &counts);
        let all = (0..counts.len()).map(|g| {
            plan.classes
                .iter()
                .fold(GRID_ALL, |acc, class| acc & class.masks[g])
        });
        let every = tally(all.zip(counts.iter().copied()));
        let changed = tally(plan.shifted.iter().copied().zip(counts.iter().copied()));
        for i in 0..GRID {
            // Fewer students in the worst week rank below the best so far, whatever follows.
            if best.is_some_and(|b| worst[i] < b.rank.0.0) {
                continue;
            }
            let minute = grid_minute(i);
            if !model.in_live_window(minute) || !model.clear_of_fixed(plan.day, minute) {
                continue;
            }
            let r = rank(model, worst[i], every[i], changed[i], plan.day, minute);
            if best.is_none_or(|b| r < b.rank) {
                best = Some(Pick {
                    day: plan.day,
                    minute,
                    rank: r,
                });
            }
        }
    }
    best
}

/// When no grid time is free: the best start off the grid, right after or right before a
/// sitting already placed (with the gap) or at an edge of the live window. Sittings of 85
/// minutes fill a 09:00-12:00 window only at 09:00 and 10:35, and 10:35 is not a grid time.
fn best_between(model: &Model<'_>, allowed: &[Weekday]) -> Option<(Weekday, u32)> {
    let mut candidates: Vec<(Weekday, u32)> = Vec::new();
    for &day in allowed {
        let mut starts: Vec<u32> = Vec::new();
        let w = model.course.meta.live_window();
        starts.push(u32::from(w.start.minutes));
        starts.push((u32::from(w.end.minutes) + 1440 - model.minutes % 1440) % 1440);
        for &(d, s, e) in &model.fixed {
            if d == day {
                starts.push(e + SITTING_GAP_MINUTES);
                starts.extend(s.checked_sub(SITTING_GAP_MINUTES + model.minutes));
            }
        }
        candidates.extend(
            starts
                .into_iter()
                .filter(|&m| m < 1440)
                .filter(|&m| model.in_live_window(m) && model.clear_of_fixed(day, m))
                .map(|m| (day, m)),
        );
    }
    candidates.sort_unstable();
    candidates.dedup();
    candidates.into_iter().min_by_key(|&(day, minute)| {
        let (slot, _) = evaluate_at(model, day, TimeOfDay::from_minutes(minute));
        (
            Reverse(slot.students_covered),
            Reverse(slot.students_every_week),
            minute.abs_diff(model.preferred.1),
            minute,
        )
    })
}

/// Whether two sessions of `minutes` at these weekly positions would overlap.
fn overlaps(a: (Weekday, u32), b: (Weekday, u32), minutes: u32) -> bool {
    let week = 7 * 1440;
    let pos = |(d, m): (Weekday, u32)| i64::from(d.index()) * 1440 + i64::from(m);
    let (a, b) = (pos(a), pos(b));
    (b - a).rem_euclid(week) < i64::from(minutes) || (a - b).rem_euclid(week) < i64::from(minutes)
}

/// The best repeat slot for what `fit1` (per group: occasions the first slot reaches) misses.
fn best_second(
    model: &Model<'_>,
    days: &[DayPlan],
    fit1: &[u128],
    first: (Weekday, u32),
) -> Option<Pick> {
    let counts: Vec<u32> = model.groups.iter().map(|g| g.count).collect();
    let mut best: Option<Pick> = None;
    for plan in days {
        let n_occ = plan.occasions.len();
        let all_occ: u128 = if n_occ >= 128 {
            u128::MAX
        } else {
            (1 << n_occ) - 1
        };
        let needing: Vec<usize> = (0..counts.len())
            .filter(|&g| fit1[g] & all_occ != all_occ)
            .collect();
        if needing.is_empty() {
            return None;
        }
        let mut worst = [u32::MAX; GRID];
        for class in &plan.classes {
            // Split the class by which groups the first slot already reaches that week.
            let mut refined: FastMap<Vec<usize>, u128> = FastMap::default();
            for j in (0..n_occ).filter(|&j| class.occasions >> j & 1 == 1) {
                let missing: Vec<usize> = needing
                    .iter()
                    .copied()
                    .filter(|&g| fit1[g] >> j & 1 == 0)
                    .collect();
                *refined.entry(missing).or_insert(0) |= 1 << j;
            }
            for missing in refined.keys() {
                let missed: u32 = missing.iter().map(|&g| counts[g]).sum();
                let base = counts.iter().sum::<u32>() - missed;
                let added = tally(missing.iter().map(|&g| (class.masks[g], counts[g])));
                for (w, a) in worst.iter_mut().zip(added) {
                    *w = (*w).min(base + a);
                }
            }
        }
        let every = tally((0..counts.len()).map(|g| {
            let need = all_occ & !fit1[g];
            let mask = plan
                .classes
                .iter()
                .filter(|c| c.occasions & need != 0)
                .fold(GRID_ALL, |acc, c| acc & c.masks[g]);
            (mask, counts[g])
        }));
        let changed = tally(needing.iter().map(|&g| (plan.shifted[g], counts[g])));
        for i in 0..GRID {
            let minute = grid_minute(i);
            if overlaps(first, (plan.day, minute), model.minutes)
                || !model.in_live_window(minute)
                || !model.clear_of_fixed(plan.day, minute)
            {
                continue;
            }
            let mut r = rank(model, worst[i], every[i], changed[i], plan.day, minute);
            // Among equals, the repeat follows the main session as soon as it can, rather
            // than the earliest in the week (a Monday repeat of a Wednesday session).
            let week = 7 * 1440;
            let at = |(d, m): (Weekday, u32)| u32::from(d.index()) * 1440 + m;
            r.6 = 0;
            r.7 = (at((plan.day, minute)) + week - at(first)) % week;
            if best.is_none_or(|b| r < b.rank) {
                best = Some(Pick {
                    day: plan.day,
                    minute,
                    rank: r,
                });
            }
        }
    }
    best
}

/// A slot evaluated exactly, plus per group the occasions it reaches.
fn evaluate_at(model: &Model<'_>, day: Weekday, time: TimeOfDay) -> (LiveSlot, Vec<u128>) {
    let occasions = model.occasions(day);
    let minute = u32::from(time.minutes);
    let mut weekly: Vec<WeekCoverage> = occasions
        .iter()
        .map(|o| WeekCoverage {
            week: o.week,
            students: 0,
        })
        .collect();
    let mut local = Vec::with_capacity(model.groups.len());
    let mut fit = Vec::with_capacity(model.groups.len());
    let mut excluded = Vec::new();
    let mut every = 0;
    for (g, group) in model.groups.iter().enumerate() {
        let mut mask = 0u128;
        let mut missed = Vec::new();
        let mut shifts: Vec<LocalShift> = Vec::new();
        let mut first: Option<(Weekday, TimeOfDay)> = None;
        let mut last: Option<(Weekday, TimeOfDay)> = None;
        for (j, occ) in occasions.iter().enumerate() {
            let here = model.local_day_time(day, occ, g, minute);
            if first.is_none() {
                first = Some(here);
            } else if last != Some(here) {
                shifts.push(LocalShift {
                    week: occ.week,
                    day: here.0,
                    time: here.1,
                });
            }
            last = Some(here);
            if model.fits_exact(occ, g, minute) {
                mask |= 1 << j;
                weekly[j].students += group.count;
            } else {
                missed.push(occ.week);
            }
        }
        let (local_day, local_time) = first.unwrap_or((day, time));
        let covered = missed.is_empty();
        if covered {
            every += group.count;
        } else {
            excluded.push(uncovered(group, &missed));
        }
        fit.push(mask);
        local.push(LocalTime {
            zone: group.zone.clone(),
            count: group.count,
            day: local_day,
            time: local_time,
            covered,
            missed,
            shifts,
        });
    }
    let worst = weekly.iter().map(|w| w.students).min().unwrap_or(every);
    let count = model.course.students.count.max(1);
    let slot = LiveSlot {
        day,
        time,
        timezone: model.course.meta.timezone.clone(),
        minutes: model.minutes,
        students_covered: worst,
        students_every_week: every,
        students_added: worst,
        coverage: (f64::from(worst) / f64::from(count) * 100.0).round() / 100.0,
        pinned: false,
        repeat: false,
        local,
        weekly,
        excluded,
    };
    (slot, fit)
}

fn uncovered(group: &Group, missed: &[WeekRef]) -> Uncovered {
    Uncovered {
        zone: group.zone.clone(),
        count: group.count,
        weeks: missed.iter().filter_map(|w| w.number()).collect(),
        samples: missed.iter().filter_map(|w| w.sample()).collect(),
    }
}

/// Evaluate one slot against every group and live week.
pub fn evaluate(
    course: &Course,
    day: Weekday,
    time: TimeOfDay,
    minutes: u32,
    live_weeks: &[u32],
) -> LiveSlot {
    ZoneCache::new(course).evaluate(day, time, minutes, live_weeks)
}

/// For each of `lengths` (minutes): the students the best single time on the allowed days
/// reaches in the worst of `weeks`, searched as [`choose`] searches the main slot.
///
/// The zone timelines are built once for every length. A shorter session fits wherever a
/// longer one does, so once a length reaches the whole class every shorter one does too.
pub fn reach_by_length(
    course: &Course,
    lengths: &[u32],
    weeks: &[u32],
) -> std::collections::BTreeMap<u32, u32> {
    ZoneCache::new(course).reach_by_length(lengths, weeks)
}

impl ZoneCache<'_> {
    /// [`evaluate`] over this cache.
    pub fn evaluate(
        &self,
        day: Weekday,
        time: TimeOfDay,
        minutes: u32,
        live_weeks: &[u32],
    ) -> LiveSlot {
        let model = Model::new(self, minutes, live_weeks, &[]);
        evaluate_at(&model, day, time).0
    }

    /// Students the fixed times of `activity` (its `at`: each section, or a dated one-off)
    /// reach together in the worst week it is held, head-count weighted: a student counts in
    /// a week when at least one of its times held that week fits their window for the
    /// activity's minutes, as the schedule judges an activity with all its sections. A time
    /// is held in the activity's weeks (live work skips `no_live` weeks, exams keep theirs),
    /// except on a date before `start` or on a holiday, which cancels that time alone. `None`
    /// when the activity has no fixed time held in any week.
    ///
    /// Each time is evaluated exactly on its own dates (`Model::fits_exact`, as
    /// [`ZoneCache::evaluate`] does), not searched: the cost is one check per time, student
    /// group and held week.
    pub fn held_reach(&self, activity: &crate::course::Activity) -> Option<u32> {
        let meta = &self.course.meta;
        if activity.at.is_empty() {
            return None;
        }
        let weeks = activity.occurrence_weeks(meta);
        let live = |w: &u32| activity.is_exam() || !meta.is_no_live(*w);
        // Weeks are bits: course weeks by number, or the representative January and July
        // weeks of a course without `start` (never both in one course).
        let bit = |week: WeekRef| -> u128 {
            match week {
                WeekRef::Course(n) => 1 << n.min(127),
                WeekRef::January => 1,
                WeekRef::July => 2,
            }
        };
        let mut held: u128 = 0;
        let mut reached = vec![0u128; self.groups.len()];
        for at in &activity.at {
            let on: Vec<u32> = weeks
                .iter()
                .copied()
                .filter(live)
                .filter(|&w| match at.date.or_else(|| meta.date_of(w, at.day)) {
                    Some(date) => meta.start.is_none_or(|s| date >= s) && !meta.is_holiday(date),
                    None => true,
                })
                .collect();
            if on.is_empty() {
                continue;
            }
            let model = Model::new(self, activity.minutes, &on, &[]);
            let minute = u32::from(at.time.minutes);
            for occ in model.occasions(at.day).iter() {
                let b = bit(occ.week);
                held |= b;
                for (g, seen) in reached.iter_mut().enumerate() {
                    if *seen & b == 0 && model.fits_exact(occ, g, minute) {
                        *seen |= b;
                    }
                }
            }
        }
        if held == 0 {
            return None;
        }
        let worst = (0..128u32)
            .filter(|b| held >> b & 1 == 1)
            .map(|b| {
                self.groups
                    .iter()
                    .zip(&reached)
                    .filter(|(_, seen)| *seen >> b & 1 == 0)
                    .map(|(g, _)| g.count)
                    .sum::<u32>()
            })
            .max()
            .unwrap_or(0);
        Some(self.course.students.count.saturating_sub(worst))
    }

    /// The grid times at which a session of `minutes` on `day` (organizer's zone) fits
    /// `group`'s window, its local time being the organizer's plus `delta` seconds.
    ///
    /// Offsets are whole quarter hours nearly everywhere: then the local grid is the
    /// organizer's grid turned by a whole number of steps, and the mask is the window's
    /// [`ZoneCache::local_fits`] turned likewise, for each local day the grid falls on.
    fn wall_mask(&self, group: &Group, day: Weekday, delta: i64, minutes: u32) -> u128 {
        let step = i64::from(GRID_MINUTES) * 60;
        if delta % step != 0 {
            return wall_mask_by_time(group, day, delta, minutes);
        }
        let grid = GRID as i64;
        let turn = delta / step;
        let mut mask = 0u128;
        for shift in [turn.div_euclid(grid), (grid - 1 + turn).div_euclid(grid)] {
            let local_day = Weekday::from_index(i64::from(day.index()) + shift);
            let fits = self.local_fits(group.window_on(local_day), minutes);
            let k = turn.rem_euclid(grid) as u32;
            let turned = if k == 0 {
                fits
            } else {
                ((fits >> k) | (fits << (GRID as u32 - k))) & GRID_ALL
            };
            // Grid times whose local day is `shift` days after the organizer's.
            let lo = (grid * shift - turn).max(0);
            let hi = (grid * shift + grid - 1 - turn).min(grid - 1);
            if lo <= hi {
                let range = (GRID_ALL >> (grid - 1 - hi)) & (GRID_ALL << lo);
                mask |= turned & range;
            }
        }
        mask
    }

    /// Bit `q` set when a session of `minutes` starting at local grid time `q` fits `window`:
    /// computed once per window and length.
    fn local_fits(&self, window: Window, minutes: u32) -> u128 {
        *self
            .local_fits
            .borrow_mut()
            .entry((window.start.minutes, window.end.minutes, minutes))
            .or_insert_with(|| {
                (0..GRID).fold(0u128, |mask, q| {
                    if fits_wall(window, i64::from(grid_minute(q)), i64::from(minutes)) {
                        mask | 1 << q
                    } else {
                        mask
                    }
                })
            })
    }

    /// [`reach_by_length`] over this cache.
    pub fn reach_by_length(
        &self,
        lengths: &[u32],
        weeks: &[u32],
    ) -> std::collections::BTreeMap<u32, u32> {
        reach_in(self, lengths, weeks, self.course.students.count)
    }

    /// [`ZoneCache::reach_by_length`], worked out only down to the longest length that
    /// reaches `enough` students: a shorter session fits wherever a longer one does, so every
    /// shorter length reaches at least as many, and is given that length's reach.
    pub fn reach_by_length_until(
        &self,
        lengths: &[u32],
        weeks: &[u32],
        enough: u32,
    ) -> std::collections::BTreeMap<u32, u32> {
        reach_in(self, lengths, weeks, enough)
    }

    /// [`choose_on`] over this cache.
    pub fn choose_on(
        &self,
        minutes: u32,
        live_weeks: &[u32],
        search: &Search<'_>,
    ) -> (Vec<LiveSlot>, Vec<Uncovered>) {
        choose_in(self, minutes, live_weeks, search)
    }

    /// The main slot [`ZoneCache::choose_on`] would choose, without looking for a repeat or
    /// the students it misses: what placing a sitting needs.
    pub fn choose_main(
        &self,
        minutes: u32,
        live_weeks: &[u32],
        search: &Search<'_>,
    ) -> Option<LiveSlot> {
        let (model, days, live_at) = prepare(self, minutes, live_weeks, search)?;
        main_slot(&model, &days, live_at, search.allowed).map(|(slot, _)| slot)
    }

    /// [`choose_repeat`] over this cache.
    pub fn choose_repeat(
        &self,
        main: &LiveSlot,
        live_weeks: &[u32],
        search: &Search<'_>,
        taken: &[Weekday],
        min_students: u32,
    ) -> Option<LiveSlot> {
        repeat_in(self, main, live_weeks, search, taken, min_students)
    }
}

fn reach_in(
    zones: &ZoneCache<'_>,
    lengths: &[u32],
    weeks: &[u32],
    enough: u32,
) -> std::collections::BTreeMap<u32, u32> {
    let course = zones.course;
    let count = course.students.count;
    let mut out = std::collections::BTreeMap::new();
    if weeks.is_empty() {
        return out;
    }
    let longest = lengths.iter().copied().max().unwrap_or(1);
    let mut model = Model::new(zones, longest, weeks, &zones.fixed);
    let frames: Vec<DayFrame> = course
        .meta
        .live_days
        .iter()
        .map(|&day| day_frame(&model, day))
        .collect();
    // The reach of the longest length found to reach `enough`, which every shorter one is
    // given.
    let mut floor: Option<u32> = None;
    for &minutes in lengths.iter().rev() {
        let reach = match floor {
            Some(reach) => reach,
            None if minutes == 0 => count,
            None => {
                model.minutes = minutes;
                let days: Vec<DayPlan> = frames.iter().map(|f| day_plan(&model, f)).collect();
                best_reach(&model, &days).min(count)
            }
        };
        if reach >= enough.min(count) {
            floor = Some(reach);
        }
        out.insert(minutes, reach);
    }
    out
}

/// Choose the live slot(s) for sessions of `minutes` held in `live_weeks`: the main slot
/// (searched, or pinned with `live_at`), a repeat slot when that reaches students the main
/// slot misses, and the students no slot reaches.
pub fn choose(
    course: &Course,
    minutes: u32,
    live_weeks: &[u32],
) -> (Vec<LiveSlot>, Vec<Uncovered>) {
    choose_on(
        course,
        minutes,
        live_weeks,
        &Search {
            allowed: &course.meta.live_days,
            pinnable: true,
            busy: &fixed_busy(course),
            busy_by_week: &[],
            packed: false,
        },
    )
}

/// Search a repeat for the searched sitting at `main`, held in `live_weeks`: the time on the
/// allowed days, inside the live window and clear of every `busy` sitting (the main one
/// included), that reaches the most of the students `main` misses in some week, preferring
/// among equally good times a day after `main`'s in the course week, then a day outside
/// `taken`. `None` unless it reaches at least
/// `min_students` of them: a repeat is a second meeting for the instructor, worth it only
/// for a real share of the class (seed: Synchronous Learning > Weaknesses; FAQ "What about
/// students who cannot attend synchronous sessions?").
pub fn choose_repeat(
    course: &Course,
    main: &LiveSlot,
    live_weeks: &[u32],
    search: &Search<'_>,
    taken: &[Weekday],
    min_students: u32,
) -> Option<LiveSlot> {
    ZoneCache::new(course).choose_repeat(main, live_weeks, search, taken, min_students)
}

fn repeat_in(
    zones: &ZoneCache<'_>,
    main: &LiveSlot,
    live_weeks: &[u32],
    search: &Search<'_>,
    taken: &[Weekday],
    min_students: u32,
) -> Option<LiveSlot> {
    let course = zones.course;
    if live_weeks.is_empty() || search.allowed.is_empty() || main.excluded.is_empty() {
        return None;
    }
    // Cheap refusals first: too few students missed to reach the threshold, or no room left
    // on the allowed days (a file of thousands of sittings must not search for each).
    let missed: u32 = main.excluded.iter().map(|u| u.count).sum();
    if missed < min_students.max(1)
        || !has_room(
            course,
            main.minutes,
            live_weeks,
            search.allowed,
            search.busy,
            search.busy_by_week,
        )
    {
        return None;
    }
    let model = Model::new(zones, main.minutes, live_weeks, search.busy);
    let (_, fit1) = evaluate_at(&model, main.day, main.time);
    let days: Vec<DayPlan> = search
        .allowed
        .iter()
        .map(|&day| plan_day(&model, day))
        .collect();
    let first = (main.day, u32::from(main.time.minutes));
    let mut days = days;
    let any_day = best_second(&model, &days, &fit1, first)?;
    // Among times that reach as many: a day after the sitting's own in the course week first
    // (pre-work falls due when the week's first sitting starts, so a repeat before it would
    // meet students who are not yet prepared), then a day no other sitting takes. The days are
    // grouped as [later and free | later | earlier and free | earlier], so each preference is
    // one slice.
    let main_offset = course.meta.days_into_week(main.day);
    let later = |d: &DayPlan| course.meta.days_into_week(d.day) > main_offset;
    let free = |d: &DayPlan| !taken.contains(&d.day);
    days.sort_by_key(|d| (!later(d), !free(d)));
    let later_free = days.iter().take_while(|d| later(d) && free(d)).count();
    let all_later = days.iter().take_while(|d| later(d)).count();
    let earlier_free = all_later + days[all_later..].iter().take_while(|d| free(d)).count();
    let as_good = |p: &Pick| (p.rank.0, p.rank.1) == (any_day.rank.0, any_day.rank.1);
    let pick = [0..later_free, 0..all_later, all_later..earlier_free]
        .into_iter()
        .find_map(|range| best_second(&model, &days[range], &fit1, first).filter(as_good))
        .unwrap_or(any_day);
    let (mut repeat, fit2) = evaluate_at(&model, pick.day, TimeOfDay::from_minutes(pick.minute));
    let n = session_dates(course, main.day, live_weeks).len();
    let all: u128 = if n >= 128 { u128::MAX } else { (1 << n) - 1 };
    let added: u32 = model
        .groups
        .iter()
        .enumerate()
        .filter(|&(g, _)| fit1[g] & all != all && fit2[g] & !fit1[g] & all != 0)
        .map(|(_, group)| group.count)
        .sum();
    if added < min_students.max(1) {
        return None;
    }
    repeat.repeat = true;
    repeat.students_added = added;
    Some(repeat)
}

/// Whether some start minute on an allowed day keeps [`SITTING_GAP_MINUTES`] clear of every
/// `busy` sitting that meets in one of `live_weeks` and lies in the written `live_window`: the
/// condition every slot [`choose_on`] may return meets, checked in one sort per day.
fn has_room(
    course: &Course,
    minutes: u32,
    live_weeks: &[u32],
    allowed: &[Weekday],
    busy: &[Busy],
    busy_by_week: &[Vec<usize>],
) -> bool {
    // The sittings that share a week with this one, found through the index when that is
    // cheaper than looking at each (a weekly sitting is listed once in every week).
    let listed: usize = live_weeks
        .iter()
        .filter_map(|&w| busy_by_week.get(w as usize - 1))
        .map(Vec::len)
        .sum();
    let sharing: Vec<&Busy> = if busy_by_week.is_empty() || listed > busy.len() {
        busy.iter()
            .filter(|b| share_a_week(&b.weeks, live_weeks))
            .collect()
    } else {
        let mut indexes: Vec<usize> = live_weeks
            .iter()
            .filter_map(|&w| busy_by_week.get(w as usize - 1))
            .flatten()
            .copied()
            .collect();
        indexes.sort_unstable();
        indexes.dedup();
        indexes.into_iter().map(|i| &busy[i]).collect()
    };
    let gap = i64::from(SITTING_GAP_MINUTES);
    let length = i64::from(minutes);
    let window = course.meta.live_window;
    allowed.iter().any(|&day| {
        // Start minutes each sitting rules out, as inclusive ranges, merged.
        let mut ruled_out: Vec<(i64, i64)> = sharing
            .iter()
            .filter(|b| b.day == day)
            .map(|b| {
                (
                    i64::from(b.start) - gap - length + 1,
                    i64::from(b.end) + gap - 1,
                )
            })
            .collect();
        ruled_out.sort_unstable();
        let mut merged: Vec<(i64, i64)> = Vec::with_capacity(ruled_out.len());
        for (lo, hi) in ruled_out {
            match merged.last_mut() {
                Some(last) if lo <= last.1 + 1 => last.1 = last.1.max(hi),
                _ => merged.push((lo, hi)),
            }
        }
        let free = |m: i64| {
            let i = merged.partition_point(|r| r.1 < m);
            merged.get(i).is_none_or(|r| m < r.0)
        };
        let in_window =
            |m: i64| window.is_none_or(|w| fits(w, TimeOfDay::from_minutes(m as u32), minutes));
        // A free run of starts begins at midnight, at the window's start or where a ruled-out
        // range ends: trying those finds one if there is one.
        let window_start = window.map(|w| i64::from(w.start.minutes));
        std::iter::once(0)
            .chain(window_start)
            .chain(merged.iter().map(|r| r.1 + 1))
            .filter(|m| (0..1440).contains(m))
            .any(|m| free(m) && in_window(m))
    })
}

/// Where and how [`choose_on`] looks for a slot.
#[derive(Clone, Copy, Debug)]
pub struct Search<'a> {
    /// The weekdays it may use.
    pub allowed: &'a [Weekday],
    /// Whether `live_at` pins the slot.
    pub pinnable: bool,
    /// Sittings the new one keeps [`SITTING_GAP_MINUTES`] clear of in the weeks both meet:
    /// the fixed ones ([`fixed_busy`]) and those placed before.
    pub busy: &'a [Busy],
    /// Optionally, `busy` indexed by week: entry `w - 1` lists the indexes of the sittings
    /// meeting in week `w`. Empty means none was built; every sitting is then looked at.
    pub busy_by_week: &'a [Vec<usize>],
    /// Among equally good times, the earliest instead of the one nearest the preferred start:
    /// when one day must hold several sittings, each starting as early as it can leaves room
    /// for the next.
    pub packed: bool,
}

/// [`choose`] as `search` says. The schedule searches each further sitting of a week this
/// way, on days no earlier sitting took, clear of the sittings placed before.
pub fn choose_on(
    course: &Course,
    minutes: u32,
    live_weeks: &[u32],
    search: &Search<'_>,
) -> (Vec<LiveSlot>, Vec<Uncovered>) {
    ZoneCache::new(course).choose_on(minutes, live_weeks, search)
}

/// A search made ready: the model and each allowed day's plan, and the `live_at` pin when
/// the search may take it; `None` when nothing can be placed.
fn prepare<'z>(
    zones: &'z ZoneCache<'z>,
    minutes: u32,
    live_weeks: &[u32],
    search: &Search<'_>,
) -> Option<(Model<'z>, Vec<DayPlan>, Option<crate::course::LiveAt>)> {
    let course = zones.course;
    let Search {
        allowed,
        pinnable,
        busy,
        busy_by_week,
        packed,
    } = *search;
    if live_weeks.is_empty() || minutes == 0 || allowed.is_empty() {
        return None;
    }
    let live_at = course.meta.live_at.filter(|_| pinnable);
    // When the allowed days are already full, say so before the costly search: a file of
    // thousands of live sittings must not search thousands of times for no room.
    if live_at.is_none() && !has_room(course, minutes, live_weeks, allowed, busy, busy_by_week) {
        return None;
    }
    let mut model = Model::new(zones, minutes, live_weeks, busy);
    if packed {
        model.preferred.1 = course
            .meta
            .live_window
            .map_or(model.preferred.0.0, |w| u32::from(w.start.minutes));
    }
    let days: Vec<DayPlan> = allowed.iter().map(|&day| plan_day(&model, day)).collect();
    Some((model, days, live_at))
}

/// The main slot of a prepared search, with each group's fit: the `live_at` pin, else the
/// best grid time, else the best time off the grid.
fn main_slot(
    model: &Model<'_>,
    days: &[DayPlan],
    live_at: Option<crate::course::LiveAt>,
    allowed: &[Weekday],
) -> Option<(LiveSlot, Vec<u128>)> {
    let (mut main, fit) = match live_at {
        Some(at) => {
            let (mut slot, fit) = evaluate_at(model, at.day, at.time);
            slot.pinned = true;
            (slot, fit)
        }
        None => {
            let (day, minute) = best_single(model, days)
                .map(|pick| (pick.day, pick.minute))
                .or_else(|| best_between(model, allowed))?;
            evaluate_at(model, day, TimeOfDay::from_minutes(minute))
        }
    };
    main.students_added = main.students_covered;
    Some((main, fit))
}

fn choose_in(
    zones: &ZoneCache<'_>,
    minutes: u32,
    live_weeks: &[u32],
    search: &Search<'_>,
) -> (Vec<LiveSlot>, Vec<Uncovered>) {
    let course = zones.course;
    let Some((model, days, live_at)) = prepare(zones, minutes, live_weeks, search) else {
        return (Vec::new(), Vec::new());
    };
    let Some((main, fit1)) = main_slot(&model, &days, live_at, search.allowed) else {
        return (Vec::new(), Vec::new());
    };
    let mut slots = vec![main];
    let mut reached = fit1.clone();
    let first = (slots[0].day, u32::from(slots[0].time.minutes));
    if let Some(pick) = best_second(&model, &days, &fit1, first) {
        let (Reverse(worst), Reverse(every), ..) = pick.rank;
        if worst > slots[0].students_covered || every > slots[0].students_every_week {
            let (mut repeat, fit2) =
                evaluate_at(&model, pick.day, TimeOfDay::from_minutes(pick.minute));
            repeat.repeat = true;
            repeat.students_added = worst - slots[0].students_covered.min(worst);
            for (r, f) in reached.iter_mut().zip(&fit2) {
                *r |= f;
            }
            slots.push(repeat);
        }
    }
    // Occasions are the same weeks on every day, so bit j means the same week for both slots.
    let weeks: Vec<WeekRef> = session_dates(course, slots[0].day, live_weeks)
        .into_iter()
        .map(|(w, _)| w)
        .collect();
    let all: u128 = if weeks.len() >= 128 {
        u128::MAX
    } else {
        (1 << weeks.len()) - 1
    };
    let left = model
        .groups
        .iter()
        .zip(&reached)
        .filter(|(_, r)| *r & all != all)
        .map(|(group, r)| {
            let missed: Vec<WeekRef> = weeks
                .iter()
                .enumerate()
                .filter(|(j, _)| r >> j & 1 == 0)
                .map(|(_, w)| *w)
                .collect();
            uncovered(group, &missed)
        })
        .collect();
    (slots, left)
}

#[cfg(test)]
mod tests {
    /// The day-change mask in two ranges is the mask worked out one grid time at a time.
    #[test]
    fn shifted_by_matches_each_grid_time() {
        for delta in (-50 * 3600..=50 * 3600)
            .step_by(60 * 5)
            .chain([-86_399, 86_399, 1, -1])
        {
            let by_time = (0..super::GRID).fold(0u128, |mask, i| {
                let local = i64::from(super::grid_minute(i)) * 60 + delta;
                if local.div_euclid(86_400) != 0 {
                    mask | 1 << i
                } else {
                    mask
                }
            });
            assert_eq!(super::shifted_by(delta), by_time, "{delta}");
        }
    }

    use super::*;

    /// `has_room` (one sort per day, through the week index or not) agrees with trying every
    /// start minute of the day against every sitting, on random busy days, lengths, weeks and
    /// windows (some wrapping midnight).
    #[test]
    fn has_room_matches_trying_every_minute() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let days = [Weekday::Sat, Weekday::Sun];
        for case in 0..3000 {
            let mut text = String::from("[course]\ntitle = \"T\"\nweeks = 4\n");
            let window = match next(3) {
                0 => None,
                _ => {
                    let (a, b) = (next(24), next(24));
                    (a != b).then(|| format!("{a:02}:{:02}-{b:02}:00", next(4) * 15))
                }
            };
            if let Some(w) = &window {
                text.push_str(&format!("live_window = \"{w}\"\n"));
            }
            text.push_str("[students]\ncount = 1\n[[activities]]\nid = \"a\"\nkind = \"debate\"\nminutes = 60\n");
            let c = crate::course::parse(&text).expect("valid course");
            let minutes = 1 + next(400) as u32;
            let weeks: Vec<u32> = (1..=4).filter(|_| next(2) == 0).collect();
            if weeks.is_empty() {
                continue;
            }
            let busy: Vec<Busy> = (0..next(12))
                .map(|_| {
                    let start = next(1440) as u32;
                    Busy {
                        day: days[next(2) as usize],
                        start,
                        end: start + 1 + next(300) as u32,
                        weeks: (1..=4).filter(|_| next(2) == 0).collect(),
                    }
                })
                .collect();
            let mut by_week: Vec<Vec<usize>> = vec![Vec::new(); 4];
            for (i, b) in busy.iter().enumerate() {
                for &w in &b.weeks {
                    by_week[w as usize - 1].push(i);
                }
            }
            let zones = ZoneCache::new(&c);
            let mut model = Model::new(&zones, minutes, &weeks, &busy);
            model.minutes = minutes;
            let brute = days.iter().any(|&day| {
                (0..1440).any(|m| model.in_live_window(m) && model.clear_of_fixed(day, m))
            });
            assert_eq!(
                has_room(&c, minutes, &weeks, &days, &busy, &[]),
                brute,
                "case {case}: {window:?} {minutes} {weeks:?} {busy:?}"
            );
            assert_eq!(has_room(&c, minutes, &weeks, &days, &busy, &by_week), brute);
        }
    }

    #[test]
    fn windows_that_wrap_midnight() {
        let late = Window::parse("20:00-02:00").unwrap();
        assert!(fits(late, TimeOfDay::parse("23:00").unwrap(), 60));
        assert!(fits(late, TimeOfDay::parse("00:30").unwrap(), 90));
        assert!(!fits(late, TimeOfDay::parse("01:30").unwrap(), 60));
        assert!(!fits(late, TimeOfDay::parse("12:00").unwrap(), 30));
    }

    #[test]
    fn overlapping_sessions_wrap_the_week() {
        assert!(overlaps((Weekday::Sun, 23 * 60), (Weekday::Mon, 0), 90));
        assert!(!overlaps((Weekday::Sun, 20 * 60), (Weekday::Mon, 0), 90));
        assert!(overlaps((Weekday::Wed, 600), (Weekday::Wed, 600), 15));
    }

    proptest::proptest! {
        /// The turned masks of whole quarter-hour offsets equal the masks worked out one
        /// grid time at a time, for every window (wrapping midnight or not, evening windows
        /// that widen at weekends), length, weekday and offset.
        #[test]
        fn turned_wall_masks_match_time_by_time(
            start in 0u16..1440,
            end in 0u16..1440,
            minutes in 0u32..1500,
            quarters in -200i64..200,
            seconds in proptest::prop_oneof![proptest::strategy::Just(0i64), -899i64..900],
            day in 0i64..7,
            evening in proptest::bool::ANY,
        ) {
            let c = course(&["Asia/Tokyo"], None);
            let zones = ZoneCache::new(&c);
            let mut group = zones.groups[0].clone();
            group.window = Window {
                start: TimeOfDay { minutes: start },
                end: TimeOfDay { minutes: end },
            };
            if evening {
                group.source = super::super::WindowSource::Evening;
            }
            let day = Weekday::from_index(day);
            let delta = quarters * 900 + seconds;
            proptest::prop_assert_eq!(
                zones.wall_mask(&group, day, delta, minutes),
                wall_mask_by_time(&group, day, delta, minutes)
            );
        }
    }

    /// Every local minute within three hours of each clock change of 2025-2030, in zones with
    /// folds, gaps, half-hour and negative daylight saving and several changes a year,
    /// resolves to the instant jiff gives.
    #[test]
    fn timeline_instants_match_jiff_around_every_change() {
        for zone in [
            "America/New_York",
            "Europe/London",
            "Australia/Lord_Howe",
            "America/Santiago",
            "Pacific/Chatham",
            "Asia/Tehran",
            "America/St_Johns",
            "Europe/Dublin",
            "Africa/Casablanca",
            "Asia/Gaza",
            "America/Havana",
            "Antarctica/Troll",
        ] {
            let tz = jiff::tz::db().get(zone).unwrap();
            let from = civil_seconds(jiff::civil::date(2025, 1, 1));
            let to = civil_seconds(jiff::civil::date(2031, 1, 1));
            let line = Timeline::new(&tz, from - 86_400, to + 86_400);
            for &(at, offset) in &line.transitions {
                let local = at + i64::from(offset);
                for minute in -180..=180 {
                    let wall = (local.div_euclid(60) + minute) * 60;
                    let date = jiff::civil::date(1970, 1, 1)
                        .checked_add(jiff::Span::new().days(wall.div_euclid(86_400)))
                        .unwrap();
                    let of_day = wall.rem_euclid(86_400);
                    let expected = date
                        .at((of_day / 3600) as i8, (of_day % 3600 / 60) as i8, 0, 0)
                        .to_zoned_datetime(tz.clone())
                        .unwrap()
                        .timestamp()
                        .as_second();
                    assert_eq!(line.instant_of(wall), expected, "{zone} {date} {of_day}");
                }
            }
        }
    }

    proptest::proptest! {
        /// Local times resolved from a zone's timeline are the instants jiff gives, folds,
        /// gaps, half-hour and negative daylight saving and several changes a year included.
        #[test]
        fn timeline_instants_match_jiff(
            zone in proptest::sample::select(vec![
                "America/New_York", "Europe/London", "Australia/Lord_Howe", "America/Santiago",
                "Pacific/Chatham", "Asia/Tehran", "America/St_Johns", "Europe/Dublin",
                "Africa/Casablanca", "Asia/Gaza", "America/Havana", "Antarctica/Troll",
            ]),
            day in 0i64..(6 * 366),
            minute in 0i64..1440,
        ) {
            let tz = jiff::tz::db().get(zone).unwrap();
            let date = jiff::civil::date(2025, 1, 1)
                .checked_add(jiff::Span::new().days(day))
                .unwrap();
            let civil = civil_seconds(date);
            let line = Timeline::new(&tz, civil - 30 * 86_400, civil + 30 * 86_400);
            let expected = date
                .at((minute / 60) as i8, (minute % 60) as i8, 0, 0)
                .to_zoned_datetime(tz.clone())
                .unwrap()
                .timestamp()
                .as_second();
            proptest::prop_assert_eq!(line.instant_of(civil + minute * 60), expected);
        }
    }

    fn course(zones: &[&str], start: Option<&str>) -> Course {
        let mut text = String::from("[course]\ntitle = \"T\"\nweeks = 30\n");
        if let Some(start) = start {
            text.push_str(&format!("start = {start}\n"));
        }
        text.push_str("timezone = \"America/New_York\"\nlive_days = [\"sat\", \"sun\", \"mon\"]\n");
        text.push_str(&format!("[students]\ncount = {}\n", zones.len()));
        for z in zones {
            text.push_str(&format!("[[students.zones]]\nzone = \"{z}\"\ncount = 1\n"));
        }
        text.push_str("[[activities]]\nid = \"a\"\nkind = \"debate\"\nminutes = 60\n");
        crate::course::parse(&text).expect("valid course")
    }

    /// The class masks (the fast path) agree with the exact per-occasion evaluation on every
    /// grid time, around the clock changes of both hemispheres and a 30-minute one, for short,
    /// hour-long and long sessions.
    #[test]
    fn grid_masks_match_exact_evaluation() {
        let zones = [
            "Europe/London",
            "Australia/Sydney",
            "Australia/Lord_Howe",
            "Asia/Kathmandu",
            "America/Santiago",
            "America/New_York",
        ];
        for start in [Some("2027-02-27"), Some("2027-10-02"), None] {
            let c = course(&zones, start);
            let weeks: Vec<u32> = (1..=30).collect();
            let zones = ZoneCache::new(&c);
            for (minutes, day) in [15, 60, 175]
                .into_iter()
                .flat_map(|m| [Weekday::Sat, Weekday::Sun, Weekday::Mon].map(|d| (m, d)))
            {
                let model = Model::new(&zones, minutes, &weeks, &[]);
                let plan = plan_day(&model, day);
                for class in &plan.classes {
                    for (j, occ) in plan.occasions.iter().enumerate() {
                        if class.occasions >> j & 1 == 0 {
                            continue;
                        }
                        for g in 0..model.groups.len() {
                            for i in 0..GRID {
                                assert_eq!(
                                    class.masks[g] >> i & 1 == 1,
                                    model.fits_exact(occ, g, grid_minute(i)),
                                    "{day} {:?} {} at {}, {minutes} min",
                                    occ.week,
                                    model.groups[g].zone,
                                    grid_minute(i)
                                );
                            }
                        }
                    }
                }
            }
        }
    }

    /// The transition table gives the same local times as jiff itself.
    #[test]
    fn local_times_match_jiff() {
        let c = course(&["Asia/Tokyo", "Australia/Sydney"], Some("2027-03-06"));
        let weeks: Vec<u32> = (1..=30).collect();
        let zones = ZoneCache::new(&c);
        let model = Model::new(&zones, 60, &weeks, &[]);
        let origin = jiff::tz::db().get("America/New_York").unwrap();
        for occ in model.occasions(Weekday::Sun).iter() {
            for (g, group) in model.groups.iter().enumerate() {
                for minute in [0, 90, 150, 600, 1425] {
                    let zoned = occ
                        .date
                        .at((minute / 60) as i8, (minute % 60) as i8, 0, 0)
                        .to_zoned_datetime(origin.clone())
                        .unwrap()
                        .with_time_zone(group.tz.clone());
                    let (day, time) = model.local_day_time(Weekday::Sun, occ, g, minute);
                    assert_eq!(day, Weekday::from_jiff(zoned.weekday()));
                    assert_eq!(
                        u32::from(time.minutes),
                        zoned.hour() as u32 * 60 + zoned.minute() as u32
                    );
                }
            }
        }
    }
}
