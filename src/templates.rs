//! What `mixplan init` and `mixplan schema` offer: the starter courses and the JSON Schemas,
//! named as on the command line.

/// Starter courses for `init`, after the seed's situations ("Choosing the Right Mix").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    /// A general online course: mixed students, a flipped weekly rhythm.
    General,
    /// Working adults and caregivers: mostly self-paced, one evening session a week.
    EveningAdults,
    /// Students across many time zones: alternating weeks, slots chosen for coverage.
    International,
    /// Traditional full-time students: more live time, discussion and debate.
    FullTime,
    /// Hundreds of students: recorded content, polling and breakout rooms live.
    LargeLecture,
    /// A registrar's term: Tuesday/Thursday lectures at a fixed time, exams, a break week, a
    /// holiday, optional office hours in two sections.
    TueThuLecture,
}

impl Template {
    /// The template's TOML text.
    pub fn text(self) -> &'static str {
        match self {
            Template::General => include_str!("../templates/general.toml"),
            Template::EveningAdults => include_str!("../templates/evening-adults.toml"),
            Template::International => include_str!("../templates/international.toml"),
            Template::FullTime => include_str!("../templates/full-time.toml"),
            Template::LargeLecture => include_str!("../templates/large-lecture.toml"),
            Template::TueThuLecture => include_str!("../templates/tue-thu-lecture.toml"),
        }
    }

    /// Every template, in the order `init --help` lists them.
    pub const ALL: &'static [Template] = &[
        Template::General,
        Template::EveningAdults,
        Template::International,
        Template::FullTime,
        Template::LargeLecture,
        Template::TueThuLecture,
    ];

    /// The name as written on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Template::General => "general",
            Template::EveningAdults => "evening-adults",
            Template::International => "international",
            Template::FullTime => "full-time",
            Template::LargeLecture => "large-lecture",
            Template::TueThuLecture => "tue-thu-lecture",
        }
    }
}

/// Which JSON Schema `schema` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SchemaKind {
    /// The course file (TOML), for editors and `check-jsonschema`.
    Course,
    /// The output of `recommend --format json`.
    Recommend,
    /// The output of `schedule --format json`.
    Schedule,
    /// The output of `check --format json`.
    Check,
    /// The output of `workload --format json`.
    Workload,
    /// The output of `diff --format json`.
    Diff,
}

impl SchemaKind {
    /// Every schema, in the order `schema --help` lists them.
    pub const ALL: &'static [SchemaKind] = &[
        SchemaKind::Course,
        SchemaKind::Recommend,
        SchemaKind::Schedule,
        SchemaKind::Check,
        SchemaKind::Workload,
        SchemaKind::Diff,
    ];

    /// The name as written on the command line, and the schema file's stem.
    pub fn name(self) -> &'static str {
        match self {
            SchemaKind::Course => "course",
            SchemaKind::Recommend => "recommend",
            SchemaKind::Schedule => "schedule",
            SchemaKind::Check => "check",
            SchemaKind::Workload => "workload",
            SchemaKind::Diff => "diff",
        }
    }
}
