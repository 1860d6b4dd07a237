//! The JSON Schema of the course file, for editors (taplo / Even Better TOML) and validators
//! (check-jsonschema), printed by `mixplan schema`.
//!
//! The loader in `load.rs` walks the TOML tree by hand to report every error at once, so it has
//! no serde types to derive a schema from. The types here mirror the file's shape for schemars
//! only; their doc comments are the hover texts editors show. Two tests keep them honest: every
//! object's properties equal the loader's key list for that table, and every example and `init`
//! template deserializes into them and validates against the schema.
//!
//! What JSON Schema cannot say is left to the loader: IANA zone names (the bundled database),
//! zone counts adding up to at most `count`, `live_at` being on one of `live_days`, explicit
//! weeks within the course's `weeks`, and unique activity ids.

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde::Deserialize;
use serde_json::Value;

use super::names::{
    ActivityKind, ContentType, Deliver, Delivery, Drafting, Every, Genre, Goal, Mode, NewConcepts,
    Participation, Pattern, Per, Population, Purpose, Weekday,
};

/// A mixplan course file: the course, its students, content and goals, and its activities.
/// `mixplan recommend` decides for every activity whether it runs live (sync) or self-paced
/// (async), and `mixplan check` reviews the design.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "mixplan course file")]
pub struct CourseFile {
    /// The course itself: title, length, delivery, calendar and live-time settings.
    pub course: CourseTable,
    /// Who takes the course: head count, populations, connectivity and time zones.
    pub students: StudentsTable,
    /// What kind of content the course teaches; shapes which mode suits each activity.
    pub content: Option<ContentTable>,
    /// What the course is for; community and collaboration goals call for more live time.
    pub goals: Option<GoalsTable>,
    /// The course's activities, each planned as live (sync) or self-paced (async). At least one.
    #[schemars(length(min = 1))]
    pub activities: Vec<ActivityTable>,
    /// Deliberate exceptions for `mixplan check`.
    pub check: Option<CheckTable>,
}

/// The `[course]` table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-taplo" = { "initKeys": ["title", "weeks"] }))]
pub struct CourseTable {
    /// The course title, shown in every output. Required.
    #[schemars(length(min = 1), regex(pattern = r"\S"))]
    pub title: String,
    /// The identity of this offering, e.g. `cs559-2027-spring`: calendar event UIDs derive
    /// from it, so two offerings of one course never collide in one calendar. Default: the
    /// title, start date and time zone together.
    #[schemars(regex(pattern = r"\S"))]
    pub id: Option<String>,
    /// The course's web address (an LMS page), an `http` or `https` URL; carried into
    /// calendar events and the student page.
    #[schemars(regex(pattern = r"^[Hh][Tt][Tt][Pp][Ss]?://\S+$"))]
    pub url: Option<String>,
    /// The default place of live sessions, e.g. `Zoom` or `Room 1240`; carried into calendar
    /// events and the student page.
    #[schemars(regex(pattern = r"\S"))]
    pub location: Option<String>,
    /// Number of course weeks, 1 to 104. Required.
    #[schemars(range(min = 1, max = 104))]
    pub weeks: u32,
    /// How the course is delivered. Default `online`; the weekly live-hours band applies to
    /// online courses.
    #[schemars(extend("default" = "online"))]
    pub delivery: Option<Delivery>,
    /// First day of week 1, as a TOML date without quotes (`start = 2027-01-11`). Gives real
    /// dates, daylight-saving-correct times and calendar files. A quoted string is rejected by
    /// mixplan even though it matches this schema.
    #[schemars(with = "Option<String>", extend("format" = "date"))]
    pub start: Option<toml::value::Datetime>,
    /// The organizer's IANA time zone, e.g. `America/New_York`; live slots and due times are
    /// given in it. Default `UTC`.
    #[schemars(extend("default" = "UTC", "examples" = ["America/New_York", "Europe/Berlin", "Asia/Tokyo"]))]
    pub timezone: Option<String>,
    /// The weekly live-hours band `[minimum, maximum]`, in hours (0 to 168). Default
    /// `[1.0, 3.0]`: one to three live hours a week suit fully online courses.
    #[schemars(inner(range(min = 0, max = 168)), extend("default" = [1.0, 3.0]))]
    pub sync_hours: Option<[f64; 2]>,
    /// How live and self-paced work are arranged week by week. Default `auto`.
    #[schemars(extend("default" = "auto"))]
    pub pattern: Option<Pattern>,
    /// Weekdays allowed for live sessions, in the organizer's zone. Default Monday to Friday.
    #[schemars(length(min = 1), extend("uniqueItems" = true, "default" = ["mon", "tue", "wed", "thu", "fri"]))]
    pub live_days: Option<Vec<Weekday>>,
    /// Pin the weekly live slot instead of letting mixplan search for the best one, e.g.
    /// `live_at = { day = "wed", time = "18:00" }` (organizer's zone).
    pub live_at: Option<LiveAtTable>,
    /// The weekday course weeks begin on. Default: the weekday of `start` (Monday without
    /// `start`). Week 1 begins on the latest such day on or before `start`.
    pub week_starts: Option<Weekday>,
    /// Course weeks with no teaching (a spring break): nothing meets and nothing is due.
    /// Ranges in `weeks` skip them.
    #[schemars(inner(range(min = 1, max = 104)), extend("uniqueItems" = true))]
    pub breaks: Option<Vec<u32>>,
    /// Weeks in which only exams run; weekly work skips them.
    #[schemars(inner(range(min = 1, max = 104)), extend("uniqueItems" = true))]
    pub exam_weeks: Option<Vec<u32>>,
    /// Weeks that are self-paced on purpose: work is due, nothing meets.
    #[schemars(inner(range(min = 1, max = 104)), extend("uniqueItems" = true))]
    pub no_live: Option<Vec<u32>>,
    /// Dates with no sitting and no due time, as TOML dates (`holidays = [2027-02-15]`); they
    /// need `start` and must fall inside the course. A sitting on a holiday is cancelled for
    /// that date; work due that day moves to another day of the same week.
    #[schemars(with = "Option<Vec<String>>", extend("uniqueItems" = true))]
    pub holidays: Option<Vec<toml::value::Datetime>>,
    /// The organizer's local hours in which mixplan may place live sittings it searches for,
    /// `HH:MM-HH:MM`. Without it, `07:00-22:00` is preferred, and left only for a time that
    /// reaches more students. Fixed times (`at`) are kept as written.
    #[schemars(
        regex(pattern = r"^\s*([01][0-9]|2[0-3]):[0-5][0-9]\s*-\s*([01][0-9]|2[0-3]):[0-5][0-9]\s*$"),
        extend("default" = "07:00-22:00")
    )]
    pub live_window: Option<String>,
    /// The default due time of self-paced work, e.g. `{ day = "sun", time = "23:59",
    /// timezone = "AoE" }`. Default: the course week's last day at 23:59 in `timezone`.
    pub due: Option<CourseDueTable>,
    /// The course's credits (may be fractional, e.g. 7.5 ECTS). Sets the weekly workload
    /// target of `mixplan workload`: credits × `credit_hours` ÷ teaching weeks.
    #[schemars(range(min = 0, max = 1000), extend("exclusiveMinimum" = 0))]
    pub credits: Option<f64>,
    /// Hours of student work per credit over the term. Default 45 (US credit hour); ECTS
    /// 25-30; UK 10.
    #[schemars(range(min = 0, max = 1000), extend("exclusiveMinimum" = 0, "default" = 45))]
    pub credit_hours: Option<f64>,
    /// Share above the weekly workload target before a week is flagged. Default 0.2: a week
    /// above target × 1.2 is flagged.
    #[schemars(range(min = 0, max = 10), extend("default" = 0.2))]
    pub workload_tolerance: Option<f64>,
    /// Hours pre-work needs between the week's opening and the live meeting it prepares;
    /// pre-work of a meeting sooner than that is listed in the previous teaching week.
    /// Default 48.
    #[schemars(range(min = 0, max = 168), extend("default" = 48))]
    pub prework_hours: Option<u32>,
    /// Most minutes of activities one searched live sitting holds (its breaks come on top).
    /// Default 90.
    #[schemars(range(min = 1, max = 600), extend("default" = 90))]
    pub max_sitting_minutes: Option<u32>,
    /// Students a repeat sitting must reach, of those a searched sitting misses, before it is
    /// planned. Default 10% of the head count, at least 1.
    #[schemars(range(min = 1, max = 10_000_000))]
    pub repeat_min_students: Option<u32>,
}

/// When self-paced work is due, by default.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CourseDueTable {
    /// Weekday of the due time, within each course week.
    pub day: Weekday,
    /// Time of day on a 24-hour clock, `HH:MM`.
    #[schemars(regex(pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"), extend("examples" = ["23:59"]))]
    pub time: String,
    /// The zone the due time is read in: an IANA zone, or `AoE` ("anywhere on earth", UTC-12).
    /// Default: the course's `timezone`.
    #[schemars(extend("examples" = ["AoE", "America/Chicago"]))]
    pub timezone: Option<String>,
}

/// An activity's own due time, read in the course's due zone.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivityDueTable {
    /// Weekday of the due time, within each course week.
    pub day: Weekday,
    /// Time of day on a 24-hour clock, `HH:MM`.
    #[schemars(regex(pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"), extend("examples" = ["23:59"]))]
    pub time: String,
}

/// A fixed live time of an activity, in the organizer's zone: a weekday, or a date for a
/// one-off.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("oneOf" = [{ "required": ["day", "time"] }, { "required": ["date", "time"] }]))]
pub struct AtTable {
    /// Weekday of a weekly time.
    pub day: Option<Weekday>,
    /// Date of a one-off (a registrar's final), as a TOML date; needs the course's `start`.
    #[schemars(with = "Option<String>", extend("format" = "date"))]
    pub date: Option<toml::value::Datetime>,
    /// Start time on a 24-hour clock, `HH:MM`.
    #[schemars(regex(pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"), extend("examples" = ["17:30"]))]
    pub time: String,
    /// Where this section meets (a room), instead of the activity's `location`. Parallel
    /// sections may share a day and time when their locations differ.
    #[schemars(regex(pattern = r"\S"))]
    pub location: Option<String>,
    /// This section's web address, an `http` or `https` URL, instead of the activity's `url`.
    #[schemars(regex(pattern = r"^[Hh][Tt][Tt][Pp][Ss]?://\S+$"))]
    pub url: Option<String>,
}

/// One fixed time, or several (each a section students choose from).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum AtValue {
    /// One fixed time.
    One(AtTable),
    /// Several weekly times: sections.
    Sections(#[schemars(length(min = 1))] Vec<AtTable>),
}

/// A week in `weeks`: a number, a range `"a-b"` or a step `"a-b/n"`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum WeekEntry {
    /// One week.
    Week(#[schemars(range(min = 1, max = 104))] u32),
    /// A range `"3-7"` or a step `"2-14/2"`; breaks are skipped.
    Range(#[schemars(regex(pattern = r"^\s*[0-9]+\s*(-\s*[0-9]+\s*(/\s*[0-9]+\s*)?)?$"))] String),
}

/// A pinned weekly live slot, in the organizer's zone.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LiveAtTable {
    /// Weekday of the live session; must be one of `live_days` when those are given.
    pub day: Weekday,
    /// Start time on a 24-hour clock, `HH:MM`.
    #[schemars(regex(pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"), extend("examples" = ["18:00"]))]
    pub time: String,
}

/// The `[students]` table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-taplo" = { "initKeys": ["count"] }))]
pub struct StudentsTable {
    /// How many students take the course, at least 1. Required.
    #[schemars(range(min = 1, max = 10_000_000))]
    pub count: u32,
    /// The student populations present; working adults, international students and caregivers
    /// need more flexibility, full-time students can take more live time.
    #[schemars(extend("uniqueItems" = true))]
    pub populations: Option<Vec<Population>>,
    /// Share of students with a dependable internet connection, 0 to 1 (0.85 for 85%).
    #[schemars(range(min = 0, max = 1))]
    pub reliable_internet: Option<f64>,
    /// Where the students are, one entry per time zone; live slots are chosen so that as many
    /// as possible can attend. The counts may add up to less than `count`.
    pub zones: Option<Vec<ZoneTable>>,
}

/// One `[[students.zones]]` entry.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-taplo" = { "initKeys": ["zone", "count"] }))]
pub struct ZoneTable {
    /// IANA time zone name, e.g. `Asia/Tokyo`. Each zone may be listed once. Required.
    #[schemars(extend("examples" = ["America/New_York", "Europe/London", "Asia/Tokyo"]))]
    pub zone: String,
    /// Students in this zone. Required.
    #[schemars(range(min = 0, max = 10_000_000))]
    pub count: u32,
    /// Local window in which these students can attend live sessions, `HH:MM-HH:MM`
    /// (24-hour clock; it may wrap past midnight, e.g. `20:00-02:00`). Default, in the group's own zone, by its `population` else the course's: working adults or caregivers `18:00-22:00` Monday to Friday and `09:00-22:00` at weekends; full-time students alone `08:00-18:00`; else `08:00-22:00`.
    #[schemars(regex(
        pattern = r"^\s*([01][0-9]|2[0-3]):[0-5][0-9]\s*-\s*([01][0-9]|2[0-3]):[0-5][0-9]\s*$"
    ))]
    pub available: Option<String>,
    /// These students' own population, when it differs from the course's: their default
    /// window follows it.
    pub population: Option<Population>,
}

/// The `[content]` table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContentTable {
    /// The kinds of content the course teaches: `procedural`, `complex-concepts` and
    /// `discussion-heavy` lean towards live sessions, `foundational`, `reading` and `practice`
    /// towards self-paced work.
    #[schemars(extend("uniqueItems" = true))]
    pub types: Option<Vec<ContentType>>,
}

/// The `[goals]` table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GoalsTable {
    /// What the course is for. Community and collaboration need more live time; knowledge
    /// acquisition and skill development succeed with less.
    #[schemars(extend("uniqueItems" = true))]
    pub focus: Option<Vec<Goal>>,
}

/// One `[[activities]]` entry: something students do, once or repeatedly.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend(
    "not" = { "required": ["every", "weeks"] },
    "oneOf" = [
        { "required": ["minutes"] },
        { "required": ["read"] },
        { "required": ["write"] },
        { "required": ["watch"] },
        { "required": ["post"] },
    ],
    "x-taplo" = { "initKeys": ["id", "kind", "minutes"] },
    "if" = { "required": ["per"], "properties": { "per": { "const": "total" } } },
    "then" = { "properties": { "minutes": { "maximum": 62400 } } },
    "else" = { "properties": { "minutes": { "maximum": 600 } } }
))]
pub struct ActivityTable {
    /// Unique id in lowercase kebab-case, e.g. `case-clinic`; outputs and checks refer to the
    /// activity by it. Required.
    #[schemars(
        length(min = 1, max = 64),
        regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$")
    )]
    pub id: String,
    /// A human title, shown instead of the id where there is room.
    pub title: Option<String>,
    /// This activity's web address (e.g. a meeting link), an `http` or `https` URL.
    #[schemars(regex(pattern = r"^[Hh][Tt][Tt][Pp][Ss]?://\S+$"))]
    pub url: Option<String>,
    /// Where this activity meets, instead of the course's `location`.
    #[schemars(regex(pattern = r"\S"))]
    pub location: Option<String>,
    /// What the activity is; decides most of its scoring. Required.
    pub kind: ActivityKind,
    /// Minutes per occurrence, 1 to 600. Required, unless one estimate (`read`, `write`,
    /// `watch`, `post`) gives them. With `per = "total"`, the whole activity's minutes, spread
    /// over its occurrences (each share at most 600).
    #[schemars(range(min = 1))]
    pub minutes: Option<u32>,
    /// How often the activity occurs. Default `week`. Do not combine with `weeks`.
    #[schemars(extend("default" = "week"))]
    pub every: Option<Every>,
    /// The exact weeks (1-based, within the course's `weeks`) in which the activity occurs,
    /// instead of `every`: numbers, ranges and steps, e.g. `[1, "3-7", "9-15/2"]`. Ranges skip
    /// break weeks (and, except for exams, exam weeks); a number naming one is an error.
    #[schemars(length(min = 1))]
    pub weeks: Option<Vec<WeekEntry>>,
    /// Pin the mode instead of letting mixplan decide: `sync` (live) or `async` (self-paced).
    pub mode: Option<Mode>,
    /// Whether a live occurrence is recorded for students who cannot attend. Default `true`
    /// (`false` for exams).
    #[schemars(extend("default" = true))]
    pub recorded: Option<bool>,
    /// A fixed live time in the organizer's zone, `{ day = "tue", time = "17:30" }`; a list of
    /// them makes sections (students attend one); `{ date = 2027-05-12, time = "10:00" }` is a
    /// one-off. Implies live; kept as written, on any day.
    pub at: Option<AtValue>,
    /// This activity's due time as self-paced work, `{ day = "wed", time = "23:59" }`, read in
    /// the course's due zone. Not for optional or live work.
    pub due: Option<ActivityDueTable>,
    /// Nobody must attend or submit. Default `false` (`true` for office hours). Optional work
    /// sits outside the live-hours band and is never due.
    pub optional: Option<bool>,
    /// Whether a live activity is cut into focus segments with breaks. Default `true`;
    /// `false` keeps it in one block (a broadcast, a studio). Live activities only.
    pub segmented: Option<bool>,
    /// For pre-work (a self-paced lecture, reading, demonstration or announcement): the id of
    /// the live activity whose first meeting of the week it prepares, instead of the week's
    /// first required meeting.
    pub prepares: Option<String>,
    /// How a live activity lets a large class take part.
    #[schemars(extend("uniqueItems" = true))]
    pub participation: Option<Vec<Participation>>,
    /// Estimate the minutes of a reading from its pages, instead of `minutes`.
    pub read: Option<ReadTable>,
    /// Estimate the minutes of a written assignment from its length, instead of `minutes`.
    pub write: Option<WriteTable>,
    /// Count a video or audio at its running time, instead of `minutes`.
    pub watch: Option<WatchTable>,
    /// Estimate the minutes of discussion posts and replies, instead of `minutes`.
    pub post: Option<PostTable>,
    /// What an estimate or `minutes` counts: `week` (default), each occurrence; `total`, the
    /// whole activity, spread over its occurrences with the odd minutes on the earliest.
    #[schemars(extend("default" = "week"))]
    pub per: Option<Per>,
    /// Exams: hours of self-paced study, half in the previous teaching week and half in the
    /// exam's week.
    #[schemars(range(max = 200), extend("exclusiveMinimum" = 0))]
    pub study_hours: Option<f64>,
    /// Met in a room: `true` needs `delivery = "hybrid"` and `at`. Always live, outside the
    /// online live-hours band, not recorded unless `recorded = true`, and no video-call rule
    /// (fatigue, connectivity, time-zone spread) applies to it.
    #[schemars(extend("default" = false))]
    pub in_person: Option<bool>,
    /// Which occurrences of self-paced work are handed in: `each` (default), or `last` for one
    /// deliverable worked on over several weeks (the earlier weeks list "work on" items, with
    /// no due time). Not with `at`, on exams, optional work or office hours.
    #[schemars(extend("default" = "each"))]
    pub deliver: Option<Deliver>,
}

/// `read = { pages = 40, words_per_page = 450, purpose = "understand", new_concepts = "some" }`:
/// pages × words a page ÷ a reading speed set by the purpose and the new concepts.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadTable {
    /// Pages to read. Required.
    #[schemars(range(min = 1, max = 1_000_000))]
    pub pages: u32,
    /// Words a page. Default 450.
    #[schemars(range(min = 1, max = 1_000_000), extend("default" = 450))]
    pub words_per_page: Option<u32>,
    /// Why the text is read. Required.
    pub purpose: Purpose,
    /// How much of it is new to the student. Required.
    pub new_concepts: NewConcepts,
}

/// `write = { words = 2500, genre = "research", drafting = "extensive" }`: words ÷ 250 ×
/// minutes per 250 words for the genre and drafting.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WriteTable {
    /// Length of the finished text in words. Required.
    #[schemars(range(min = 1, max = 1_000_000))]
    pub words: u32,
    /// What kind of writing. Required.
    pub genre: Genre,
    /// How much drafting. Required.
    pub drafting: Drafting,
}

/// `watch = { minutes = 45 }`: video or audio counted at its running time.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WatchTable {
    /// Running time in minutes. Required.
    #[schemars(range(min = 1, max = 1_000_000))]
    pub minutes: u32,
}

/// `post = { posts = 1, words = 250, replies = 2, reply_words = 100 }`: the words of every
/// post and reply at 250 words an hour.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PostTable {
    /// Posts written. Default 1.
    #[schemars(range(min = 0, max = 1_000_000), extend("default" = 1))]
    pub posts: Option<u32>,
    /// Words a post. Required.
    #[schemars(range(min = 1, max = 1_000_000))]
    pub words: u32,
    /// Replies written. Default 0.
    #[schemars(range(min = 0, max = 1_000_000), extend("default" = 0))]
    pub replies: Option<u32>,
    /// Words a reply. Default: `words`.
    #[schemars(range(min = 1, max = 1_000_000))]
    pub reply_words: Option<u32>,
}

/// The `[check]` table: deliberate exceptions for `mixplan check`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckTable {
    /// Rule ids not reported for this file, each a plain id (`"live-lecture"`) or a table that
    /// says why (`{ rule = "live-lecture", reason = "guest speaker" }`). `mixplan rules` lists
    /// the ids.
    pub allow: Option<Vec<AllowEntry>>,
}

/// One exception: a rule id, or a rule id with the reason it is deliberate.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum AllowEntry {
    /// A rule id, e.g. `live-lecture`.
    Rule(String),
    /// A rule id and why the exception is deliberate.
    Explained(AllowTable),
}

/// An exception with its reason.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AllowTable {
    /// The rule id, e.g. `live-lecture`. Required.
    pub rule: String,
    /// Limit the exception to one activity, by id.
    pub activity: Option<String>,
    /// Why the exception is deliberate.
    pub reason: Option<String>,
}

/// The course file's JSON Schema (draft 2020-12), as `mixplan schema` prints it.
pub fn course_schema() -> Value {
    let schema = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<CourseFile>();
    let mut value = schema.to_value();
    tidy(&mut value);
    value
}

/// Adapt schemars' output to a TOML file read by editors:
///
/// - TOML has no null, so an optional key is simply absent: drop the `null` that schemars allows
///   for `Option` fields (`anyOf [T, null]`, `type: [T, "null"]`);
/// - drop schemars' Rust-specific formats (`uint32`, `double`), which validators ignore and
///   editors show as noise, keeping the standard `date`;
/// - join the lines of wrapped doc comments, so hover texts reflow; paragraph breaks and list
///   items (`\n- `) stay.
fn tidy(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(any_of)) = map.get("anyOf")
                && any_of.len() == 2
                && any_of.iter().any(is_null_schema)
            {
                let kept = any_of.iter().find(|s| !is_null_schema(s)).cloned();
                map.remove("anyOf");
                if let Some(Value::Object(kept)) = kept {
                    for (key, value) in kept {
                        map.entry(key).or_insert(value);
                    }
                }
            }
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".into(), only);
                }
            }
            if map.get("format").is_some_and(|f| f != "date") {
                map.remove("format");
            }
            if let Some(Value::String(text)) = map.get_mut("description") {
                *text = reflow(text);
            }
            map.values_mut().for_each(tidy);
        }
        Value::Array(items) => items.iter_mut().for_each(tidy),
        _ => {}
    }
}

fn is_null_schema(schema: &Value) -> bool {
    schema.get("type").is_some_and(|t| t == "null")
        && schema.as_object().is_some_and(|m| m.len() == 1)
}

/// Join wrapped lines; keep blank lines and list items.
fn reflow(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let lines: Vec<&str> = text.split('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            let paragraph_break = line.is_empty() || lines[i - 1].is_empty();
            out.push(if paragraph_break || line.starts_with("- ") {
                '\n'
            } else {
                ' '
            });
        }
        out.push_str(line.trim_end());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reflow_joins_wrapped_lines_and_keeps_paragraphs_and_lists() {
        assert_eq!(reflow("one\ntwo\n\nthree"), "one two\n\nthree");
        assert_eq!(
            reflow("Kinds.\n\n- `a`: A.\n- `b`: B."),
            "Kinds.\n\n- `a`: A.\n- `b`: B."
        );
    }

    #[test]
    fn optional_keys_are_absent_not_null() {
        let mut schema = serde_json::json!({
            "anyOf": [{ "$ref": "#/$defs/Mode" }, { "type": "null" }],
            "description": "d",
            "properties": { "x": { "type": ["string", "null"], "format": "uint32" } },
        });
        tidy(&mut schema);
        assert_eq!(
            schema,
            serde_json::json!({
                "$ref": "#/$defs/Mode",
                "description": "d",
                "properties": { "x": { "type": "string" } },
            })
        );
    }
}
