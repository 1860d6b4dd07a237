//! The closed vocabularies of the course file: kinds, populations, content types, goals, ...
//!
//! Each is an enum whose names are written in the file exactly as listed in `NAMES`; the loader
//! uses that list both to parse and to suggest the closest name for a misspelling.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

// Only doc comments are accepted on the enum and its variants: they become the JSON Schema's
// description of the type and of each allowed name (`mixplan schema`).
macro_rules! named_enum {
    (
        $(#[doc = $doc:literal])*
        $name:ident { $( $(#[doc = $vdoc:literal])* $variant:ident = $text:literal ),+ $(,)? }
    ) => {
        $(#[doc = $doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $( $(#[doc = $vdoc])* $variant ),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Every name as written in a course file, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$($text),+];

            /// The name as written in a course file.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// Parse a name as written in a course file.
            pub fn from_name(text: &str) -> Option<Self> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
                $name::from_name(&text)
                    .ok_or_else(|| serde::de::Error::unknown_variant(&text, $name::NAMES))
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let descriptions = [$(doc_text(&[$($vdoc),*])),+];
                enum_schema(&doc_text(&[$($doc),*]), $name::NAMES, &descriptions)
            }
        }
    };
}

/// A doc comment's lines as one paragraph.
fn doc_text(lines: &[&str]) -> String {
    let words: Vec<&str> = lines
        .iter()
        .map(|line| line.trim())
        .filter(|l| !l.is_empty())
        .collect();
    words.join(" ")
}

/// A string enum with a description per allowed name: `enum` for validators and completion, and
/// the per-name texts where editors look for them (`x-taplo` for taplo / Even Better TOML,
/// `enumDescriptions` for VS Code's JSON and YAML services).
fn enum_schema(description: &str, names: &[&str], descriptions: &[String]) -> schemars::Schema {
    let listed: Vec<String> = names
        .iter()
        .zip(descriptions)
        .map(|(name, text)| format!("- `{name}`: {text}"))
        .collect();
    schemars::json_schema!({
        "type": "string",
        "description": format!("{description}\n\n{}", listed.join("\n")),
        "enum": names,
        "enumDescriptions": descriptions,
        "x-taplo": { "docs": { "enumValues": descriptions } },
    })
}

named_enum! {
    /// What an activity is; decides most of its scoring.
    ActivityKind {
        /// Instructor presents content.
        Lecture = "lecture",
        /// Assigned reading.
        Reading = "reading",
        /// Group discussion.
        Discussion = "discussion",
        /// Structured debate.
        Debate = "debate",
        /// Working problems, ideally together.
        ProblemSolving = "problem-solving",
        /// Group work on a shared product.
        Collaboration = "collaboration",
        /// Hands-on demonstration.
        Demonstration = "demonstration",
        /// Questions and answers.
        QAndA = "q-and-a",
        /// Individual practice.
        Practice = "practice",
        /// Reflective writing or journaling.
        Reflection = "reflection",
        /// Quiz, test or graded assignment.
        Assessment = "assessment",
        /// Student presentations.
        Presentation = "presentation",
        /// Instructor office hours.
        OfficeHours = "office-hours",
        /// Course announcement from the instructor.
        Announcement = "announcement",
        /// Lab or hands-on exercise.
        Lab = "lab",
        /// Peer review of each other's work.
        PeerReview = "peer-review",
        /// Ongoing project work.
        ProjectWork = "project-work",
        /// A timed, high-stakes assessment (midterm, final); needs `weeks`, `every = "once"`
        /// or a dated `at`. Never cut into segments, never shares a sitting, not recorded.
        Exam = "exam",
        /// An asynchronous discussion board; always self-paced.
        Forum = "forum",
    }
}

named_enum! {
    /// How a live activity lets a large class take part (seed: "Can synchronous sessions be
    /// effective with large classes?").
    Participation {
        /// Small-group breakout rooms.
        Breakouts = "breakouts",
        /// Live polls.
        Polling = "polling",
        /// Text chat alongside the session.
        Chat = "chat",
    }
}

named_enum! {
    /// Synchronous (live) or asynchronous (self-paced).
    Mode {
        /// Live, at a scheduled time.
        Sync = "sync",
        /// Self-paced, by a due time.
        Async = "async",
    }
}

named_enum! {
    /// A student population named by the seed's "Student population matters".
    Population {
        /// Students who work during the day.
        WorkingAdults = "working-adults",
        /// Students abroad, often in other time zones.
        International = "international",
        /// Parents and other caregivers.
        Caregivers = "caregivers",
        /// Traditional full-time students.
        FullTime = "full-time",
    }
}

named_enum! {
    /// Content types from the seed's "Content matters".
    ContentType {
        /// Procedural skills.
        Procedural = "procedural",
        /// Complex concepts where confusion compounds.
        ComplexConcepts = "complex-concepts",
        /// Discussion-heavy topics.
        DiscussionHeavy = "discussion-heavy",
        /// Foundational knowledge.
        Foundational = "foundational",
        /// Reading.
        Reading = "reading",
        /// Practice.
        Practice = "practice",
    }
}

named_enum! {
    /// Course goals from the seed's "Course goals matter".
    Goal {
        /// Building community.
        Community = "community",
        /// Collaboration.
        Collaboration = "collaboration",
        /// Acquiring knowledge.
        KnowledgeAcquisition = "knowledge-acquisition",
        /// Developing skills.
        SkillDevelopment = "skill-development",
    }
}

named_enum! {
    /// How the course is delivered.
    Delivery {
        /// Fully online; the weekly live-hours band applies.
        Online = "online",
        /// Partly in person.
        Hybrid = "hybrid",
    }
}

named_enum! {
    /// How live and self-paced weeks are arranged.
    Pattern {
        /// Let mixplan choose.
        Auto = "auto",
        /// Self-paced content before the live session of the same week.
        Flipped = "flipped",
        /// A self-paced week, then a live synthesis week.
        Alternating = "alternating",
    }
}

named_enum! {
    /// How often an activity occurs when `weeks` is not given.
    Every {
        /// Every week.
        Week = "week",
        /// Every other week, from week 1.
        TwoWeeks = "2-weeks",
        /// Once, in week 1.
        Once = "once",
    }
}

named_enum! {
    /// A day of the week, Monday first.
    Weekday {
        /// Monday.
        Mon = "mon",
        /// Tuesday.
        Tue = "tue",
        /// Wednesday.
        Wed = "wed",
        /// Thursday.
        Thu = "thu",
        /// Friday.
        Fri = "fri",
        /// Saturday.
        Sat = "sat",
        /// Sunday.
        Sun = "sun",
    }
}

impl Weekday {
    /// Days since Monday, `0..7`.
    pub fn index(self) -> u8 {
        self as u8
    }

    /// The weekday `index` days after Monday (wrapping).
    pub fn from_index(index: i64) -> Self {
        Weekday::ALL[index.rem_euclid(7) as usize]
    }

    /// The same day in jiff's terms.
    pub fn to_jiff(self) -> jiff::civil::Weekday {
        jiff::civil::Weekday::from_monday_zero_offset(self.index() as i8).expect("index is below 7")
    }

    /// From jiff's weekday.
    pub fn from_jiff(day: jiff::civil::Weekday) -> Self {
        Weekday::from_index(i64::from(day.to_monday_zero_offset()))
    }
}

impl ActivityKind {
    /// The indefinite article for the kind's name: "an announcement", "a lecture".
    pub fn article(self) -> &'static str {
        match self.as_str().as_bytes().first() {
            Some(b'a' | b'e' | b'i' | b'o' | b'u') => "an",
            _ => "a",
        }
    }

    /// Work a student does alone or must think over: practice, assessment, reflection, peer
    /// review and project work (seed: FAQ "How do I decide which activities to make
    /// synchronous versus asynchronous?"). Band balancing never moves it live.
    pub fn is_individual_work(self) -> bool {
        matches!(
            self,
            ActivityKind::Practice
                | ActivityKind::Assessment
                | ActivityKind::Reflection
                | ActivityKind::PeerReview
                | ActivityKind::ProjectWork
        )
    }

    /// Self-paced content that prepares for a live session in a flipped week.
    pub fn is_pre_work(self) -> bool {
        matches!(
            self,
            ActivityKind::Lecture
                | ActivityKind::Reading
                | ActivityKind::Demonstration
                | ActivityKind::Announcement
        )
    }

    /// Kinds that mainly move content from instructor to student.
    pub fn is_content_transmission(self) -> bool {
        matches!(
            self,
            ActivityKind::Lecture | ActivityKind::Reading | ActivityKind::Announcement
        )
    }
}

named_enum! {
    /// Why a text is read, after the reading rates of the Rice/Wake Forest workload estimator.
    Purpose {
        /// Skim for the main points.
        Survey = "survey",
        /// Read to understand what the text says.
        Understand = "understand",
        /// Work through the text: problems, close reading, argument.
        Engage = "engage",
    }
}

named_enum! {
    /// How many concepts a text or task brings that are new to the student.
    NewConcepts {
        /// Nothing new.
        None = "none",
        /// Some new concepts.
        Some = "some",
        /// Many new concepts.
        Many = "many",
    }
}

named_enum! {
    /// The kind of a written assignment, after the writing rates of the Rice/Wake Forest
    /// workload estimator.
    Genre {
        /// Reflective or narrative writing, no sources.
        Reflection = "reflection",
        /// An argument from given material.
        Argument = "argument",
        /// A research paper: finding, reading and citing sources.
        Research = "research",
    }
}

named_enum! {
    /// How much drafting and revising a written assignment asks for.
    Drafting {
        /// One pass, no revision.
        None = "none",
        /// Some revision.
        Minimal = "minimal",
        /// Several drafts.
        Extensive = "extensive",
    }
}

named_enum! {
    /// What an estimate counts: one occurrence, or the whole activity spread over its
    /// occurrences.
    Per {
        /// Per occurrence (each week the activity takes place).
        Week = "week",
        /// The whole activity, spread over its occurrences.
        Total = "total",
    }
}

named_enum! {
    /// Which occurrences of self-paced work are handed in: each one, or only the last (one
    /// deliverable worked on over several weeks).
    Deliver {
        /// Every occurrence is due (the default).
        Each = "each",
        /// Only the last occurrence is due; the earlier ones are work towards it.
        Last = "last",
    }
}
