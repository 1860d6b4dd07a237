//! The course model: what a course file describes, validated and typed.
//!
//! [`load`] turns TOML text into a [`Course`] or a list of [`Diagnostic`]s pointing at the
//! user's file. Everything downstream (engine, schedule, checks, renderers) works on the typed
//! model and never sees TOML.

mod document;
mod load;
mod names;
pub mod schema;

pub use load::{
    ACTIVITY_KEYS, ALLOW_KEYS, CHECK_KEYS, CONTENT_KEYS, COURSE_KEYS, FILE_KEYS, GOALS_KEYS,
    LIVE_AT_KEYS, Loaded, MAX_INPUT_BYTES, STUDENTS_KEYS, ZONE_KEYS, is_kebab_case, load,
    load_bytes, load_in_chunks,
};
pub use names::{
    ActivityKind, ContentType, Delivery, Every, Goal, Mode, Pattern, Population, Weekday,
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
    /// Span of the `[course]` table header.
    pub span: Span,
    /// Span of the `sync_hours` value, when written.
    pub sync_hours_span: Option<Span>,
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
    /// Local window in which these students can attend live sessions.
    pub available: Window,
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
    /// Whether a live occurrence is recorded (default true).
    pub recorded: bool,
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
}

impl Activity {
    /// The weeks (1-based) in which this activity occurs in a course of `course_weeks` weeks.
    pub fn occurrence_weeks(&self, course_weeks: u32) -> Vec<u32> {
        match (&self.weeks, self.every) {
            (Some(weeks), _) => weeks.clone(),
            (None, Every::Week) => (1..=course_weeks).collect(),
            (None, Every::TwoWeeks) => (1..=course_weeks).step_by(2).collect(),
            (None, Every::Once) => vec![1],
        }
    }

    /// Display name: title if given, else id.
    pub fn name(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.id)
    }
}

/// One `allow` entry of the `[check]` table.
#[derive(Clone, Debug)]
pub struct Allowance {
    /// The rule id as written.
    pub rule: String,
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
        self.allow.iter().any(|a| a.rule == rule.as_str())
    }
}

/// Students who share a time zone and an availability window.
#[derive(Clone, Debug)]
pub struct StudentGroup {
    /// IANA zone name.
    pub zone: String,
    /// Parsed zone.
    pub tz: jiff::tz::TimeZone,
    /// Head count.
    pub count: u32,
    /// Local availability window.
    pub window: Window,
}

impl Course {
    /// Every listed student zone, plus the students in no listed zone, who count as being in
    /// the organizer's zone with the default window (SPEC section 3).
    pub fn student_groups(&self) -> Vec<StudentGroup> {
        let mut groups: Vec<StudentGroup> = self
            .students
            .zones
            .iter()
            .filter_map(|z| {
                Some(StudentGroup {
                    zone: z.zone.clone(),
                    tz: jiff::tz::db().get(&z.zone).ok()?,
                    count: z.count,
                    window: z.available,
                })
            })
            .collect();
        let listed: u32 = groups.iter().map(|g| g.count).sum();
        let rest = self.students.count.saturating_sub(listed);
        if rest > 0 {
            match groups.iter_mut().find(|g| g.zone == self.meta.timezone) {
                Some(group) => group.count += rest,
                None => {
                    if let Ok(tz) = jiff::tz::db().get(&self.meta.timezone) {
                        groups.push(StudentGroup {
                            zone: self.meta.timezone.clone(),
                            tz,
                            count: rest,
                            window: Window::DEFAULT,
                        });
                    }
                }
            }
        }
        groups
    }

    /// The weekly live-hours band in minutes.
    pub fn band_minutes(&self) -> (f64, f64) {
        (self.meta.sync_hours.0 * 60.0, self.meta.sync_hours.1 * 60.0)
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
