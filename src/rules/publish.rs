//! Warnings printed when a calendar or package is written.

use super::{RuleDoc, RuleKind};

super::area! {
    /// Warnings printed when a calendar or package is written.
    Publish(PublishId) {
        CalendarWithoutCourseId = "calendar-without-course-id" => CALENDAR_WITHOUT_COURSE_ID,
    }
}

/// `calendar-without-course-id`.
const CALENDAR_WITHOUT_COURSE_ID: RuleDoc = RuleDoc {
    kind: RuleKind::Publish,
    summary: "A calendar or Canvas package written from a course file with no `[course] id`",
    evidence: "RFC 5545 section 3.8.4.7 (UID: a persistent, globally unique identifier a client matches updates by); Moodle's calendar import matches events by UID alone",
    doc: "Calendar clients recognise an event they imported before by its UID, and Canvas an item by its identifier. Without `[course] id`, mixplan derives both from the course title, start date and time zone, so fixing a typo in the title or moving the start gives students duplicate events (and Canvas duplicate assignments) on the next import. With `id` (one per offering, e.g. `cs559-2027-spring`), they hash the id and never the title or any time, so moving a sitting or retitling the course updates events in place. The file is still written; `schedule --ics` and `export canvas` print this warning to standard error and exit 0.",
    example: "[course]\ntitle = \"Data Analysis\"\nstart = 2027-01-11\n# id = \"data-analysis-2027-spring\"   # add this",
};
