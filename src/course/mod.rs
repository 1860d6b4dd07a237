//! The course model: what a course file describes, validated and typed.
//!
//! [`load`] turns TOML text into a [`Course`] or a list of [`Diagnostic`]s pointing at the
//! user's file. Everything downstream (engine, schedule, checks, renderers) works on the typed
//! model and never sees TOML.

pub(crate) mod document;
pub mod estimate;
mod load;
mod names;
pub mod schema;
pub mod text;
pub mod zones;

#[doc(hidden)]
pub use document::fast_reader_agrees;
pub use estimate::{Estimate, Estimator, StudyHours};
pub use load::{
    ACTIVITY_DUE_KEYS, ACTIVITY_KEYS, ALLOW_KEYS, AT_KEYS, CHECK_KEYS, CONTENT_KEYS, COURSE_KEYS,
    DUE_KEYS, FILE_KEYS, GOALS_KEYS, LIVE_AT_KEYS, Loaded, MAX_INPUT_BYTES, POST_KEYS, READ_KEYS,
    STUDENTS_KEYS, WATCH_KEYS, WRITE_KEYS, ZONE_KEYS, is_kebab_case, load, load_bytes,
    load_in_chunks, load_parsed, read_bounded,
};
pub use names::{
    ActivityKind, ContentType, Deliver, Delivery, Drafting, Every, Genre, Goal, Mode, NewConcepts,
    Participation, Pattern, Per, Population, Purpose, Weekday,
};

use crate::diagnostic::{Diagnostic, Span};

/// Largest number of weeks a course may have (two years).
pub const MAX_WEEKS: u32 = 104;
/// Longest single activity occurrence, in minutes.
pub const MAX_MINUTES: u32 = 600;
/// Most activities one course file may define.
pub const MAX_ACTIVITIES: usize = 100_000;
/// Most student time zones one course file may list.
pub const MAX_ZONES: usize = 400;
/// Default hours of student work per credit over a term: the US credit hour (one hour of
/// instruction and about two of outside work a week over 15 weeks, 34 CFR 600.2).
pub const DEFAULT_CREDIT_HOURS: f64 = 45.0;
/// Default share above the weekly workload target before a week is flagged.
pub const DEFAULT_WORKLOAD_TOLERANCE: f64 = 0.2;
/// Most activity occurrences x (student zones + 1) in one course. Every occurrence of
/// self-paced work has a due time, shown in the organizer's zone and in each student zone, so
/// this product is the size of the schedule's output; bounding it keeps every command on any
/// accepted file within seconds and a bounded amount of memory.
pub const MAX_OCCURRENCE_ZONES: u64 = 2_000_000;
/// Longest `url`, in bytes: browsers and LMSs keep links to about 2,000 bytes, and a calendar
/// copies the course's `url` into every event.
pub const MAX_URL_BYTES: usize = 2_048;
/// Longest id (an activity's `id`, `prepares`, `[check] allow` entries), in characters.
pub const MAX_ID_CHARS: usize = 100;
/// Longest title, location or other text value, in characters.
pub const MAX_TEXT_CHARS: usize = 500;
/// Default weekly live-hours band, from the seed's FAQ ("How much synchronous time is ideal?").
pub const DEFAULT_SYNC_HOURS: (f64, f64) = (1.0, 3.0);

/// A validated course.
#[derive(Clone, Debug)]
pub struct Course {
    /// The `[course]` table.
    pub meta: CourseMeta,
    /// The `[students]` table.
    pub students: Students,
    /// Content types from `[content]`.
    pub content: Vec<ContentType>,
    /// Goals from `[goals]`.
    pub goals: Vec<Goal>,
    /// Span of the `focus` list in `[goals]`, when written.
    pub goals_span: Option<Span>,
    /// `[[activities]]`, in file order.
    pub activities: Vec<Activity>,
    /// The `[check]` table.
    pub check: CheckConfig,
}

/// A local wall-clock time of day, minute precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay {
    /// Minutes after midnight, `0..1440`.
    pub minutes: u16,
}

impl TimeOfDay {
    /// `HH:MM` from minutes after midnight (wrapping at 24 h).
    pub fn from_minutes(minutes: u32) -> Self {
        TimeOfDay {
            minutes: (minutes % 1440) as u16,
        }
    }

    /// Parse `HH:MM` (24-hour clock).
    pub fn parse(text: &str) -> Option<Self> {
        let (h, m) = text.split_once(':')?;
        if h.len() != 2 || m.len() != 2 || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
        (h < 24 && m < 60).then_some(TimeOfDay {
            minutes: h * 60 + m,
        })
    }

    /// Hour of day.
    pub fn hour(self) -> u16 {
        self.minutes / 60
    }

    /// Minute of the hour.
    pub fn minute(self) -> u16 {
        self.minutes % 60
    }
}

impl std::fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

/// A pinned weekly live slot (`live_at`), in the organizer's zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LiveAt {
    /// Weekday of the session.
    pub day: Weekday,
    /// Start time.
    pub time: TimeOfDay,
    /// Where `live_at` is written.
    pub span: Span,
}

/// The zone name `AoE` ("anywhere on earth", the latest zone on Earth, UTC-12) stands for.
pub const AOE_ZONE: &str = "Etc/GMT+12";

/// The default organizer hours for searched sittings, 07:00-22:00.
pub const DEFAULT_LIVE_WINDOW: Window = Window {
    start: TimeOfDay { minutes: 7 * 60 },
    end: TimeOfDay { minutes: 22 * 60 },
};

/// The course's default due time of self-paced work (`[course] due`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CourseDue {
    /// Weekday.
    pub day: Weekday,
    /// Local time of day in the due zone.
    pub time: TimeOfDay,
    /// The zone as written (`AoE` stays `AoE`); `None` means the course's `timezone`.
    pub timezone: Option<String>,
    /// Where `due` is written.
    pub span: Span,
}

impl CourseDue {
    /// The IANA zone the due time is read in, `AoE` resolved to [`AOE_ZONE`].
    pub fn zone_id<'a>(&'a self, course_zone: &'a str) -> &'a str {
        match self.timezone.as_deref() {
            Some("AoE") => AOE_ZONE,
            Some(zone) => zone,
            None => course_zone,
        }
    }
}

/// An activity's own due time (`due` in `[[activities]]`), read in the course's due zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActivityDue {
    /// Weekday.
    pub day: Weekday,
    /// Local time of day.
    pub time: TimeOfDay,
    /// Where `due` is written.
    pub span: Span,
}

/// One fixed live time of an activity (`at`), in the organizer's zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FixedTime {
    /// Weekday (for a dated one-off, the date's weekday).
    pub day: Weekday,
    /// Start time.
    pub time: TimeOfDay,
    /// For a dated one-off (`at = { date = ..., time = ... }`): the date.
    pub date: Option<jiff::civil::Date>,
    /// Where this section meets, when it says (overrides the activity's `location`).
    pub location: Option<String>,
    /// This section's web address, when it says (overrides the activity's `url`).
    pub url: Option<String>,
    /// Where this time is written.
    pub span: Span,
}

/// The `[course]` table.
#[derive(Clone, Debug)]
pub struct CourseMeta {
    /// Course title.
    pub title: String,
    /// Number of course weeks, `1..=104`.
    pub weeks: u32,
    /// Online (default) or hybrid.
    pub delivery: Delivery,
    /// First day of week 1, if given.
    pub start: Option<jiff::civil::Date>,
    /// The organizer's IANA zone name (default `UTC`).
    pub timezone: String,
    /// Weekly live-hours band, in hours.
    pub sync_hours: (f64, f64),
    /// Chosen pattern (`auto` lets the engine decide).
    pub pattern: Pattern,
    /// Weekdays allowed for live sessions (organizer's zone), sorted Monday first.
    pub live_days: Vec<Weekday>,
    /// A pinned live slot, if any.
    pub live_at: Option<LiveAt>,
    /// The weekday course weeks begin on: `week_starts`, else `start`'s weekday, else Monday.
    pub week_starts: Weekday,
    /// Course weeks with no teaching: nothing meets, nothing is due (sorted).
    pub breaks: Vec<u32>,
    /// Weeks in which only exams run (sorted).
    pub exam_weeks: Vec<u32>,
    /// Weeks that are self-paced on purpose: work is due, nothing meets (sorted).
    pub no_live: Vec<u32>,
    /// Dates with no sitting and no due time (sorted).
    pub holidays: Vec<jiff::civil::Date>,
    /// Span of the `holidays` value, when written.
    pub holidays_span: Option<Span>,
    /// Organizer's local hours for searched sittings, when written; see
    /// [`CourseMeta::live_window`] for the hours in force.
    pub live_window: Option<Window>,
    /// Default due time of self-paced work, when given.
    pub due: Option<CourseDue>,
    /// Span of the `[course]` table header.
    pub span: Span,
    /// Span of the `sync_hours` value, when written.
    pub sync_hours_span: Option<Span>,
    /// The identity of this offering (`cs559-2027-spring`); calendar UIDs derive from it.
    pub id: Option<String>,
    /// The course's web address (an LMS page), carried into calendars and the student page.
    pub url: Option<String>,
    /// The default place of live sessions (`Zoom`, a room).
    pub location: Option<String>,
    /// Credits, when written: they set the workload target.
    pub credits: Option<Credits>,
    /// Share above the weekly workload target before a week is flagged (default 0.2).
    pub workload_tolerance: f64,
    /// Hours pre-work needs between the week's opening and the meeting it prepares
    /// (`prework_hours`, default 48).
    pub prework_hours: u32,
    /// Most minutes of activities one searched sitting holds, breaks on top
    /// (`max_sitting_minutes`, default 90).
    pub max_sitting_minutes: u32,
    /// Students a repeat must add before a searched sitting gets one (`repeat_min_students`);
    /// `None`: 10% of the head count, at least 1.
    pub repeat_min_students: Option<u32>,
}

/// The credits of a course and the hours of work they stand for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Credits {
    /// Credits as written (may be fractional, e.g. 7.5 ECTS).
    pub credits: f64,
    /// Hours of student work per credit over the term (default 45).
    pub credit_hours: f64,
    /// Where `credits` is written.
    pub span: Span,
}

impl Credits {
    /// Hours of student work the credits stand for over the whole term.
    pub fn term_hours(&self) -> f64 {
        self.credits * self.credit_hours
    }
}

/// The `[students]` table.
#[derive(Clone, Debug)]
pub struct Students {
    /// Head count.
    pub count: u32,
    /// Populations present.
    pub populations: Vec<Population>,
    /// Share of students with a dependable connection, `0..=1`.
    pub reliable_internet: Option<f64>,
    /// Span of the `reliable_internet` value, when written.
    pub reliable_internet_span: Option<Span>,
    /// Where the students are.
    pub zones: Vec<StudentZone>,
    /// Span of the `[students]` table header.
    pub span: Span,
}

/// One `[[students.zones]]` entry.
#[derive(Clone, Debug)]
pub struct StudentZone {
    /// IANA zone name, as validated.
    pub zone: String,
    /// Students in this zone.
    pub count: u32,
    /// Local window in which these students can attend live sessions, when the file gives
    /// one; without it the availability layer derives one from the populations.
    pub available: Option<Window>,
    /// This zone's own population, when written: its default window follows it instead of
    /// the course's populations.
    pub population: Option<Population>,
    /// Span of this zone's table.
    pub span: Span,
}

/// A local availability window; `end < start` wraps past midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// Window start.
    pub start: TimeOfDay,
    /// Window end.
    pub end: TimeOfDay,
}

impl Window {
    /// The default window, 08:00-22:00.
    pub const DEFAULT: Window = Window {
        start: TimeOfDay { minutes: 8 * 60 },
        end: TimeOfDay { minutes: 22 * 60 },
    };

    /// Parse `HH:MM-HH:MM`.
    pub fn parse(text: &str) -> Option<Self> {
        let (a, b) = text.split_once('-')?;
        let (start, end) = (TimeOfDay::parse(a.trim())?, TimeOfDay::parse(b.trim())?);
        (start != end).then_some(Window { start, end })
    }

    /// Length of the window in minutes.
    pub fn minutes(self) -> u32 {
        (u32::from(self.end.minutes) + 1440 - u32::from(self.start.minutes)) % 1440
    }
}

impl std::fmt::Display for Window {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

/// One `[[activities]]` entry.
#[derive(Clone, Debug)]
pub struct Activity {
    /// Unique kebab-case id.
    pub id: String,
    /// Human title, if given.
    pub title: Option<String>,
    /// This activity's web address (a meeting link), if given.
    pub url: Option<String>,
    /// Where this activity meets, if given (overrides the course's `location`).
    pub location: Option<String>,
    /// What the activity is.
    pub kind: ActivityKind,
    /// Minutes per occurrence.
    pub minutes: u32,
    /// Cadence when `weeks` is not given.
    pub every: Every,
    /// Explicit weeks (sorted, deduplicated), instead of `every`.
    pub weeks: Option<Vec<u32>>,
    /// A pinned mode.
    pub mode: Option<Mode>,
    /// Whether a live occurrence is recorded (default true; false for exams).
    pub recorded: bool,
    /// Fixed live times (`at`): one, several (sections) or one dated one-off; empty when the
    /// sitting is searched.
    pub at: Vec<FixedTime>,
    /// This activity's own due time, for self-paced work.
    pub due: Option<ActivityDue>,
    /// Nobody must attend or submit (default true for office hours).
    pub optional: bool,
    /// How a live activity lets a large class take part.
    pub participation: Vec<Participation>,
    /// The estimate `minutes` was computed from, when the file gives one instead of `minutes`.
    pub estimate: Option<Estimate>,
    /// Self-paced study before an exam.
    pub study_hours: Option<StudyHours>,
    /// Which occurrences are handed in (`deliver`): each, or only the last.
    pub deliver: Deliver,
    /// Where `deliver` is written, for findings about it.
    pub deliver_span: Option<Span>,
    /// `minutes` written with `per = "total"`: the whole activity's minutes, spread over its
    /// occurrences (the remainder on the earliest); `minutes` then holds the first share.
    pub minutes_total: Option<u32>,
    /// Met in a room (`in_person = true`, hybrid courses, with `at`): always live, outside the
    /// online band, and no rule about video calls applies to it.
    pub in_person: bool,
    /// Whether a live occurrence is cut into focus segments with breaks (default true;
    /// `segmented = false` keeps it in one block: a broadcast, a studio).
    pub segmented: bool,
    /// For pre-work: the activity (index) whose first meeting in the week it prepares
    /// (`prepares = "ID"`), instead of the week's first required meeting.
    pub prepares: Option<usize>,
    /// `prepares` as written, with where: resolved into [`Activity::prepares`] once every
    /// activity is loaded.
    pub prepares_id: Option<(String, Span)>,
    /// Where things are written, for diagnostics.
    pub spans: ActivitySpans,
}

/// Source locations of one activity's keys.
#[derive(Clone, Copy, Debug, Default)]
pub struct ActivitySpans {
    /// The whole `[[activities]]` table.
    pub table: Span,
    /// The `id` value.
    pub id: Span,
    /// The `kind` value.
    pub kind: Span,
    /// The `minutes` value.
    pub minutes: Span,
    /// The `mode` value, when written.
    pub mode: Option<Span>,
    /// The `recorded` value, when written.
    pub recorded: Option<Span>,
    /// The `weeks` value, when written.
    pub weeks: Option<Span>,
    /// The `at` value, when written.
    pub at: Option<Span>,
}

impl Activity {
    /// The weeks (1-based) in which this activity occurs: its explicit `weeks` (already free of
    /// breaks), else its cadence counted in teaching weeks.
    pub fn occurrence_weeks(&self, meta: &CourseMeta) -> Vec<u32> {
        if let Some(weeks) = &self.weeks {
            return weeks.clone();
        }
        // Counted straight from the weeks, without listing the teaching weeks first: the
        // planner asks this of every activity in every plan it compares.
        // The list is sized up front: a filtered iterator collects by doubling.
        let exam = self.is_exam();
        let teaching = (1..=meta.weeks).filter(|&w| meta.is_teaching(w, exam));
        let most = match self.every {
            Every::Week => meta.weeks,
            Every::TwoWeeks => meta.weeks.div_ceil(2),
            Every::Once => 1,
        };
        let mut weeks = Vec::with_capacity(most as usize);
        match self.every {
            Every::Week => weeks.extend(teaching),
            Every::TwoWeeks => weeks.extend(teaching.step_by(2)),
            Every::Once => weeks.extend(teaching.take(1)),
        }
        weeks
    }

    /// Whether the activity's live minutes count towards the weekly band: exams and optional
    /// work sit outside it.
    pub fn in_band(&self) -> bool {
        !self.optional && !self.is_exam() && !self.in_person
    }

    /// A timed, high-stakes assessment.
    pub fn is_exam(&self) -> bool {
        self.kind == ActivityKind::Exam
    }

    /// Fixed with `at`: meets at the times written, implies live.
    pub fn is_fixed(&self) -> bool {
        !self.at.is_empty()
    }

    /// Several weekly times (`at` as a list): each is a section students choose from.
    pub fn sections(&self) -> usize {
        self.at.len().max(1)
    }

    /// Display name: title if given, else id.
    pub fn name(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.id)
    }

    /// Minutes of occurrence `k` (0-based) of `n`: an estimate `per = "total"` is spread over
    /// the occurrences, the remainder on the earliest; otherwise every occurrence takes
    /// `minutes`.
    pub fn occurrence_minutes(&self, k: usize, n: usize) -> u64 {
        match (&self.estimate, self.minutes_total) {
            (Some(estimate), _) => estimate.occurrence_minutes(k, n),
            (None, Some(total)) => estimate::share(u64::from(total), n, k),
            (None, None) => u64::from(self.minutes),
        }
    }

    /// Whether nobody must attend or submit it: optional work is listed apart from the
    /// workload. The one place the workload asks.
    pub fn is_optional(&self) -> bool {
        self.optional
    }
}

/// One `allow` entry of the `[check]` table.
#[derive(Clone, Debug)]
pub struct Allowance {
    /// The rule id as written.
    pub rule: String,
    /// The activity the exception is limited to, with where its id is written; `None` for the
    /// whole file.
    pub activity: Option<(String, Span)>,
    /// Why the exception is deliberate, if said.
    pub reason: Option<String>,
    /// Where the entry is written.
    pub span: Span,
}

/// The `[check]` table: deliberate exceptions for `mixplan check`.
#[derive(Clone, Debug, Default)]
pub struct CheckConfig {
    /// Rules not reported for this file.
    pub allow: Vec<Allowance>,
}

impl CheckConfig {
    /// Whether the file allows `rule` (findings of it are not reported).
    pub fn allows(&self, rule: crate::rules::RuleId) -> bool {
        self.allow
            .iter()
            .any(|a| a.activity.is_none() && a.rule == rule.as_str())
    }

    /// Whether `rule` is allowed for the activity `id`: by an entry for the whole file or one
    /// naming that activity.
    pub fn allows_for(&self, rule: crate::rules::RuleId, id: &str) -> bool {
        self.allow.iter().any(|a| {
            a.rule == rule.as_str() && a.activity.as_ref().is_none_or(|(name, _)| name == id)
        })
    }

    /// Whether a finding of `rule` about `about` (`(activity index, section)` pairs) is
    /// allowed: every pair is, by an entry naming its activity (`"lab"`) or, for a section,
    /// that section (`"lab.3"`). A finding about nothing in particular is not.
    pub fn allows_about(
        &self,
        rule: crate::rules::RuleId,
        activities: &[Activity],
        about: &[(usize, Option<usize>)],
    ) -> bool {
        let named: Vec<&str> = self
            .allow
            .iter()
            .filter(|a| a.rule == rule.as_str())
            .filter_map(|a| a.activity.as_ref().map(|(name, _)| name.as_str()))
            .collect();
        !about.is_empty()
            && !named.is_empty()
            && about.iter().all(|&(index, section)| {
                let Some(activity) = activities.get(index) else {
                    return false;
                };
                named.iter().any(|name| {
                    *name == activity.id
                        || section.is_some_and(|n| {
                            name.strip_prefix(activity.id.as_str())
                                .and_then(|rest| rest.strip_prefix('.'))
                                == Some(n.to_string().as_str())
                        })
                })
            })
    }
}

/// `date` moved by `days` whole days, `None` outside jiff's range. A duration of whole days
/// adds exactly as a span of days does, without building and negating a span: these dates are
/// worked out for every session, due time and week of every course.
fn add_days(date: jiff::civil::Date, days: i64) -> Option<jiff::civil::Date> {
    // jiff takes a duration of at most this many days (about 8,000 years); past it a span
    // still reaches every date in range.
    const DURATION_DAYS: i64 = 2_932_896;
    if days.abs() > DURATION_DAYS {
        return date
            .checked_add(jiff::Span::new().try_days(days).ok()?)
            .ok();
    }
    date.checked_add(jiff::SignedDuration::from_secs(days * 86_400))
        .ok()
}

/// Days from 1970-01-01 to `date` in the proleptic Gregorian calendar (negative before it):
/// Howard Hinnant's `days_from_civil`, in which eras of 400 years are 146,097 days and
/// counting the year from March puts the leap day last. The slot search turns every session
/// date into seconds with it; jiff's way there (a zoned datetime in UTC) was the slower part.
pub(crate) fn day_number(date: jiff::civil::Date) -> i64 {
    let month = i64::from(date.month());
    let year = i64::from(date.year()) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year =
        (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(date.day()) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

impl CourseMeta {
    /// Whether `week` is a teaching week: not a break, and for work other than exams, not an
    /// exam week.
    pub fn is_teaching(&self, week: u32, exam: bool) -> bool {
        self.breaks.binary_search(&week).is_err()
            && (exam || self.exam_weeks.binary_search(&week).is_err())
    }

    /// Teaching weeks in order (see [`CourseMeta::is_teaching`]).
    pub fn teaching_weeks(&self, exam: bool) -> Vec<u32> {
        let mut weeks = Vec::with_capacity(self.weeks as usize);
        weeks.extend((1..=self.weeks).filter(|&w| self.is_teaching(w, exam)));
        weeks
    }

    /// Whether nothing meets in `week` on purpose.
    /// The organizer's local hours for searched sittings: `live_window` as written, else
    /// [`DEFAULT_LIVE_WINDOW`]. A written window is a limit; the default one is a preference
    /// among slots that reach as many students, so a class no daytime slot can reach still
    /// gets its best time.
    pub fn live_window(&self) -> Window {
        self.live_window.unwrap_or(DEFAULT_LIVE_WINDOW)
    }

    pub fn is_no_live(&self, week: u32) -> bool {
        self.no_live.binary_search(&week).is_ok()
    }

    /// Week 1's first day: the latest date on or before `start` that falls on `week_starts`.
    pub fn first_day(&self) -> Option<jiff::civil::Date> {
        let start = self.start?;
        let back = (i64::from(Weekday::from_jiff(start.weekday()).index())
            - i64::from(self.week_starts.index()))
        .rem_euclid(7);
        if back == 0 {
            return Some(start);
        }
        add_days(start, -back)
    }

    /// First day of course week `week` (1-based).
    pub fn week_start(&self, week: u32) -> Option<jiff::civil::Date> {
        add_days(self.first_day()?, 7 * (i64::from(week) - 1))
    }

    /// Days from the week's first day to `day`, `0..7`.
    pub fn days_into_week(&self, day: Weekday) -> i64 {
        (i64::from(day.index()) - i64::from(self.week_starts.index())).rem_euclid(7)
    }

    /// The date of `day` in course week `week`.
    pub fn date_of(&self, week: u32, day: Weekday) -> Option<jiff::civil::Date> {
        // One addition from week 1's first day, not two through the week's first day: the
        // date comes after that day, so whenever the date is in range, so is the week's start.
        add_days(
            self.first_day()?,
            7 * (i64::from(week) - 1) + self.days_into_week(day),
        )
    }

    /// The course week a date falls in, if it falls inside the course.
    pub fn week_of(&self, date: jiff::civil::Date) -> Option<u32> {
        let days = (date - self.first_day()?).get_days();
        let week = days.div_euclid(7) + 1;
        (days >= 0 && week <= self.weeks as i32).then_some(week as u32)
    }

    /// Students a repeat must add before a searched sitting gets one: `repeat_min_students`,
    /// else 10% of the head count `count`, at least 1.
    pub fn repeat_min_students(&self, count: u32) -> u32 {
        self.repeat_min_students
            .unwrap_or_else(|| count.div_ceil(10))
            .max(1)
    }

    /// Whether every date of teaching week `week` (from its first day, or `start` in week 1)
    /// is a holiday.
    pub fn is_holiday_week(&self, week: u32) -> bool {
        if self.holidays.is_empty() || !self.is_teaching(week, true) {
            return false;
        }
        let Some(first) = self.week_start(week) else {
            return false;
        };
        let from = self.start.map_or(first, |s| s.max(first));
        (0..7)
            .filter_map(|k| first.checked_add(jiff::Span::new().days(k)).ok())
            .filter(|d| *d >= from)
            .all(|d| self.is_holiday(d))
    }

    /// Teaching weeks whose every date is a holiday (`holiday-week`).
    pub fn holiday_weeks(&self) -> Vec<u32> {
        (1..=self.weeks)
            .filter(|&w| self.is_holiday_week(w))
            .collect()
    }

    /// Whether `date` is a holiday.
    pub fn is_holiday(&self, date: jiff::civil::Date) -> bool {
        self.holidays.binary_search(&date).is_ok()
    }

    /// The IANA zone due times are read in: the course `due`'s zone, else `timezone`.
    pub fn due_zone(&self) -> &str {
        match &self.due {
            Some(due) => due.zone_id(&self.timezone),
            None => &self.timezone,
        }
    }
}

impl Course {
    /// Days from the course week's first day to `day`, `0..7`.
    pub fn days_into_week(&self, day: Weekday) -> i64 {
        self.meta.days_into_week(day)
    }

    /// The weekly live-hours band in minutes.
    pub fn band_minutes(&self) -> (f64, f64) {
        (self.meta.sync_hours.0 * 60.0, self.meta.sync_hours.1 * 60.0)
    }

    /// The course weeks in which teaching happens, in order: the weeks the workload target is
    /// spread over. The one place that answers it, so breaks are left out everywhere at once.
    pub fn teaching_weeks(&self) -> Vec<u32> {
        // Exam weeks are teaching weeks for the target: students work in them.
        self.meta.teaching_weeks(true)
    }

    /// Look up an activity by id.
    pub fn activity(&self, id: &str) -> Option<&Activity> {
        self.activities.iter().find(|a| a.id == id)
    }
}

/// Load a course or fail with its diagnostics; convenient for tests and benchmarks.
pub fn parse(text: &str) -> Result<Course, Vec<Diagnostic>> {
    let loaded = load(text);
    match loaded.course {
        Some(course) if loaded.diagnostics.is_empty() => Ok(course),
        _ => Err(loaded.diagnostics),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// Found by the property below: jiff takes no duration of more days than this, though
    /// the date it would reach is in range.
    #[test]
    fn add_days_reaches_past_a_durations_limit() {
        let start = jiff::civil::date(-4417, 1, 1);
        assert_eq!(
            super::add_days(start, 2_932_897),
            Some(jiff::civil::date(3612, 12, 31))
        );
    }

    proptest! {
        /// Adding whole days as a duration lands where a span of days does, in both
        /// directions and at the edges of jiff's range.
        #[test]
        fn add_days_matches_a_span_of_days(
            year in -9999i16..=9999,
            day_of_year in 0i64..366,
            days in -7_304_484i64..=7_304_484,
        ) {
            let start = jiff::civil::date(year, 1, 1)
                .checked_add(jiff::Span::new().days(day_of_year))
                .unwrap_or(jiff::civil::date(year, 1, 1));
            let by_span = start.checked_add(jiff::Span::new().days(days)).ok();
            prop_assert_eq!(super::add_days(start, days), by_span);
        }

        /// A date's day number is jiff's count of days since 1970-01-01.
        #[test]
        fn day_numbers_count_days_as_jiff_does(
            year in -9999i16..=9999,
            day_of_year in 0i64..366,
        ) {
            let date = jiff::civil::date(year, 1, 1)
                .checked_add(jiff::Span::new().days(day_of_year))
                .unwrap_or(jiff::civil::date(year, 1, 1));
            let by_jiff = date
                .since((jiff::Unit::Day, jiff::civil::date(1970, 1, 1)))
                .map(|span| i64::from(span.get_days()));
            prop_assert_eq!(Ok(super::day_number(date)), by_jiff.map_err(|_| ()));
        }
    }
}
