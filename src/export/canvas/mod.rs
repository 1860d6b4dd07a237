//! `mixplan export canvas`: a Canvas course export package (an IMS Common Cartridge 1.1 zip
//! with Canvas's extensions) that a teacher imports under Settings, Import Course Content.
//!
//! The writer works on a narrow typed model, [`CanvasCourse`]: weeks, live events, due
//! assignments and the student page, with identifiers and UTC instants already decided. One
//! adapter ([`adapter::from_recommendation`]) fills it from the plan; the package writer
//! ([`package::files`]) turns it into files; [`archive::zip`] packs them deterministically.
//!
//! What Canvas reads, and therefore what is written, follows Instructure's open-source
//! importer (instructure/canvas-lms): detection in `lib/canvas/migration/package_identifier.rb`
//! (an `imsmanifest.xml` whose metadata schema is "IMS Common Cartridge" and a resource whose
//! href is `course_settings/canvas_export.txt`), course settings, modules, assignment groups
//! and calendar events in `lib/cc/importer/canvas/course_settings.rb` and
//! `module_converter.rb`, assignments in `assignment_converter.rb`, wiki pages in
//! `wiki_converter.rb`, and the date format (`%Y-%m-%dT%H:%M:%S`, always UTC) in
//! `lib/cc/cc_helper.rb`.

pub mod adapter;
pub mod archive;
pub mod package;
mod xml;

use jiff::Timestamp;

use crate::course::ActivityKind;

pub use adapter::{ExportError, MAX_PACKAGE_ITEMS, from_recommendation};

/// A Canvas identifier: `m`, the 16 hex digits of an identity's hash and the kind of thing
/// it names (`m0123456789abcdefdue`). Stable across exports of the same offering, so a
/// re-import updates what an earlier import created instead of duplicating it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Identifier(String);

impl Identifier {
    /// The identifier of `kind` whose identity hashes to `hash`. `kind` is lowercase ASCII
    /// letters, digits and `-` (an XML name: the leading `m` makes it start with a letter).
    pub fn new(hash: u64, kind: &str) -> Identifier {
        debug_assert!(
            kind.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        );
        Identifier(format!("m{hash:016x}{kind}"))
    }

    /// The identifier as written in the package.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Identifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Everything the package holds, decided: the writer only formats it.
#[derive(Clone, Debug, PartialEq)]
pub struct CanvasCourse {
    /// The course's own identifier (course settings, manifest, course-level resources).
    pub identity: Identifier,
    /// The course title (manifest metadata; Canvas keeps the course's own name on import).
    pub title: String,
    /// The organizer's IANA zone (or `AoE`), for the local times in texts.
    pub timezone: String,
    /// One module per course week, in week order.
    pub weeks: Vec<WeekModule>,
    /// One calendar event per live occurrence, held or cancelled, in start order.
    pub events: Vec<Event>,
    /// One assignment per due item, in due order.
    pub assignments: Vec<Assignment>,
    /// The student page, as an HTML fragment (the wiki page `mixplan-schedule`).
    pub schedule_page: SchedulePage,
}

/// The wiki page holding the student schedule.
#[derive(Clone, Debug, PartialEq)]
pub struct SchedulePage {
    /// Its identifier.
    pub id: Identifier,
    /// Its title.
    pub title: String,
    /// The HTML fragment (no script, no style).
    pub html: String,
}

/// One course week as a Canvas module.
#[derive(Clone, Debug, PartialEq)]
pub struct WeekModule {
    /// The module's identifier.
    pub id: Identifier,
    /// 1-based course week.
    pub week: u32,
    /// "Week N (date)".
    pub title: String,
    /// What the module lists, in order: a text header per live occurrence, then the week's
    /// assignments in due order ("No class" alone in a break week).
    pub items: Vec<ModuleItem>,
}

/// One entry of a week module.
#[derive(Clone, Debug, PartialEq)]
pub struct ModuleItem {
    /// The item's own identifier.
    pub id: Identifier,
    /// What it shows.
    pub content: ModuleContent,
}

/// What a module item is.
#[derive(Clone, Debug, PartialEq)]
pub enum ModuleContent {
    /// A text header (Canvas's `ContextModuleSubHeader`).
    Header(String),
    /// A link to one of the package's assignments.
    Assignment {
        /// The assignment's identifier.
        assignment: Identifier,
        /// The title the item shows.
        title: String,
    },
}

/// One live occurrence as a Canvas calendar event.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Its identifier (from the occurrence's identity).
    pub id: Identifier,
    /// "Course: what meets (section 1 of 2)"; "Cancelled: …" when cancelled.
    pub title: String,
    /// Plain-text lines: when, what meets, and the route for students who cannot attend;
    /// Canvas shows them as the event's details.
    pub description: String,
    /// Where it meets, if known (written into the description: Canvas reads no location).
    pub location: Option<String>,
    /// How to join, if known (a link in the description: Canvas reads no URL).
    pub url: Option<String>,
    /// Start instant.
    pub start: Timestamp,
    /// End instant.
    pub end: Timestamp,
    /// Why it does not take place, when it does not (`holiday`).
    pub cancelled: Option<String>,
}

/// One due item as a Canvas assignment shell.
#[derive(Clone, Debug, PartialEq)]
pub struct Assignment {
    /// Its identifier (from the due item's identity).
    pub id: Identifier,
    /// Title, e.g. "Readings (week 3)".
    pub title: String,
    /// The activity's kind (decides whether it is graded).
    pub kind: ActivityKind,
    /// Course week it belongs to.
    pub week: u32,
    /// Plain-text paragraphs of the description: the work, its basis, its link.
    pub description: Vec<String>,
    /// A web address for the work, if the course gives one.
    pub url: Option<String>,
    /// Due instant.
    pub due_at: Timestamp,
}

/// How the package is published.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Publish modules, assignments and the page on import (default: unpublished, so the
    /// teacher reviews them first).
    pub publish: bool,
    /// The kinds whose assignments are graded; `None`: every kind but lecture, reading,
    /// demonstration and announcement.
    pub graded: Option<Vec<ActivityKind>>,
}

/// Kinds that are content to take in, not work to hand in: never graded unless `--graded`
/// names them.
pub const NOT_GRADED_BY_DEFAULT: [ActivityKind; 4] = [
    ActivityKind::Lecture,
    ActivityKind::Reading,
    ActivityKind::Demonstration,
    ActivityKind::Announcement,
];

impl Options {
    /// Whether assignments of `kind` are graded.
    pub fn is_graded(&self, kind: ActivityKind) -> bool {
        match &self.graded {
            Some(kinds) => kinds.contains(&kind),
            None => !NOT_GRADED_BY_DEFAULT.contains(&kind),
        }
    }
}

/// Build the package of a planned course: its bytes, deterministic for the same input.
pub fn package(course: &CanvasCourse, options: &Options) -> Vec<u8> {
    archive::zip(&package::files(course, options))
        .expect("every package file has its own path: identifiers are unique per identity")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_m_sixteen_hex_digits_and_the_kind() {
        assert_eq!(
            Identifier::new(0x0123_4567_89ab_cdef, "due").as_str(),
            "m0123456789abcdefdue"
        );
        assert_eq!(
            Identifier::new(1, "week").to_string(),
            "m0000000000000001week"
        );
    }

    #[test]
    fn content_kinds_are_ungraded_unless_graded_names_them() {
        let default = Options::default();
        assert!(!default.is_graded(ActivityKind::Reading));
        assert!(!default.is_graded(ActivityKind::Announcement));
        assert!(default.is_graded(ActivityKind::Practice));
        assert!(default.is_graded(ActivityKind::Exam));
        let only_reading = Options {
            publish: false,
            graded: Some(vec![ActivityKind::Reading]),
        };
        assert!(only_reading.is_graded(ActivityKind::Reading));
        assert!(!only_reading.is_graded(ActivityKind::Practice));
        let none = Options {
            publish: false,
            graded: Some(Vec::new()),
        };
        assert!(!none.is_graded(ActivityKind::Assessment));
    }
}
