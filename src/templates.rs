//! What `mixplan init` and `mixplan schema` offer: the starter courses and the JSON Schemas,
//! named as on the command line, each with the one line `--help` shows for it.

/// Declares a command-line vocabulary: each value with its name and its help line (also the
/// variant's documentation), so the binary's value parser and the docs read one source.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal: $help:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name {
            $(
                #[doc = $help]
                $variant,
            )*
        }

        impl $name {
            /// Every value, in the order `--help` lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The name as written on the command line.
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }

            /// The line `--help` shows for this value.
            pub fn help(self) -> &'static str {
                match self {
                    $($name::$variant => $help,)*
                }
            }
        }
    };
}

vocabulary! {
    /// Starter courses for `init`, after the seed's situations ("Choosing the Right Mix").
    Template {
        General = "general": "A general online course: mixed students, a flipped weekly rhythm",
        EveningAdults = "evening-adults": "Working adults and caregivers: mostly self-paced, one evening session a week",
        International = "international": "Students across many time zones: alternating weeks, slots chosen for coverage",
        FullTime = "full-time": "Traditional full-time students: more live time, discussion and debate",
        LargeLecture = "large-lecture": "Hundreds of students: recorded content, polling and breakout rooms live",
        TueThuLecture = "tue-thu-lecture": "A registrar's term: Tuesday/Thursday lectures at a fixed time, exams, a break week, a holiday, optional office hours in two sections",
    }
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
}

vocabulary! {
    /// Which JSON Schema `schema` prints.
    SchemaKind {
        Course = "course": "The course file (TOML), for editors and `check-jsonschema`",
        Recommend = "recommend": "The output of `recommend --format json`",
        Schedule = "schedule": "The output of `schedule --format json`",
        Check = "check": "The output of `check --format json`",
        Workload = "workload": "The output of `workload --format json`",
        Diff = "diff": "The output of `diff --format json`",
    }
}
