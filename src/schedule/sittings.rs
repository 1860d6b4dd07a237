//! Sittings: the unit of live time. A sitting is one continuous live meeting at one weekday
//! and time: activities fixed with `at` make their own (one per section), the other live
//! activities share searched sittings placed by the slot search.

use std::sync::Arc;

use jiff::civil::Date;

use super::{BREAK_MINUTES, FOCUS_MINUTES, SEGMENT_ABOVE_MINUTES, Segment, SegmentKind};
use crate::course::{Course, TimeOfDay, Weekday};

/// One continuous live meeting, across the weeks it is held.
#[derive(Clone, Debug, PartialEq)]
pub struct Sitting {
    /// Stable name: the activity id (`<activity>.<n>` for sections, ids joined by `+` when
    /// several activities share a fixed time), `live` for the searched sitting, `optional` for
    /// the searched sitting of optional work.
    pub id: String,
    /// Weekday, organizer's zone.
    pub day: Weekday,
    /// Start time, organizer's zone.
    pub time: TimeOfDay,
    /// For a dated one-off: its date.
    pub date: Option<Date>,
    /// Longest length over its weeks, breaks included.
    pub minutes: u32,
    /// Every activity that meets in it, in file order.
    pub activities: Vec<usize>,
    /// Fixed with `at` (kept as written) rather than searched.
    pub fixed: bool,
    /// Optional work only.
    pub optional: bool,
    /// An exam: alone, never segmented.
    pub exam: bool,
    /// For a section: `(n, of)`, 1-based.
    pub section: Option<(usize, usize)>,
    /// Weeks in which it is held (cancelled dates included).
    pub weeks: Vec<u32>,
    /// Dates on which it is cancelled (holidays), with their weeks.
    pub cancelled: Vec<(u32, Date)>,
    /// Students who can attend (worst week).
    pub students_covered: u32,
    /// `students_covered / count`, two decimals.
    pub coverage: f64,
    /// Students it cannot reach in some held week, by zone: `(zone, count)`.
    pub excluded: Vec<(String, u32)>,
    /// Students it cannot reach, by zone, with the held weeks concerned (holidays left out).
    pub uncovered: Vec<super::Uncovered>,
    /// The sitting as each student zone sees it (local day and time in its first week).
    pub local: Vec<super::LocalTime>,
    /// For a searched sitting: its repeat for students it misses, if one reaches enough.
    pub repeat: Option<Repeat>,
    /// Met in a room (`in_person`): outside the online band measure.
    pub in_person: bool,
}

/// A repeat of a searched sitting: the same activities again at another time, for the
/// students the sitting misses. Held in the sitting's weeks, cancelled on holidays; outside
/// the band, the workload and pre-work.
#[derive(Clone, Debug, PartialEq)]
pub struct Repeat {
    /// Its slot: day, time, who it reaches.
    pub slot: super::LiveSlot,
    /// Dates a holiday cancels, with their weeks.
    pub cancelled: Vec<(u32, Date)>,
    /// Students it cannot reach, by zone, with the held weeks concerned.
    pub uncovered: Vec<super::Uncovered>,
}

/// A sitting as held in one week.
#[derive(Clone, Debug, PartialEq)]
pub struct WeekSitting {
    /// Index into [`super::Schedule::sittings`].
    pub sitting: usize,
    /// Its date, with a start date.
    pub date: Option<Date>,
    /// Cancelled by a holiday.
    pub cancelled: bool,
    /// Length, breaks included.
    pub minutes: u32,
    /// Activities meeting in it this week, in order (shared by the weeks that hold the same).
    pub activities: Arc<[usize]>,
    /// Focus segments and breaks (shared by the weeks that hold the same).
    pub segments: Arc<[Segment]>,
}

/// Fixed-time groups: activities fixed at the same weekday (or date) and time share one
/// sitting; each time of an `at` list is its own section.
///
/// Returns `(key, activity, section)` entries grouped by key, in file order of their first
/// activity. Packing of searched sittings lives in [`super::build`]'s `session`; this is the
/// one place fixed sittings are formed.
pub fn fixed_groups(course: &Course) -> Vec<FixedGroup> {
    let mut groups: Vec<FixedGroup> = Vec::new();
    for (index, activity) in course.activities.iter().enumerate() {
        let of = activity.at.len();
        for (n, at) in activity.at.iter().enumerate() {
            let key = (at.day, at.time, at.date, activity.optional);
            let section = (of > 1).then_some((n + 1, of));
            // An exam sits alone, even beside another exam at the same time in other weeks.
            let exam = activity.is_exam();
            // A room (`in_person`) never shares a sitting with online work.
            let in_person = activity.in_person;
            match groups.iter_mut().find(|g| {
                g.key == key
                    && g.section.is_none()
                    && section.is_none()
                    && !exam
                    && !g.exam
                    && g.in_person == in_person
            }) {
                Some(group) => group.activities.push(index),
                None => groups.push(FixedGroup {
                    key,
                    activities: vec![index],
                    section,
                    exam,
                    in_person,
                }),
            }
        }
    }
    groups
}

/// Activities fixed at one time.
#[derive(Clone, Debug)]
pub struct FixedGroup {
    /// Weekday, time, date of a one-off, optional.
    pub key: (Weekday, TimeOfDay, Option<Date>, bool),
    /// Activities, file order.
    pub activities: Vec<usize>,
    /// For a section: `(n, of)`.
    pub section: Option<(usize, usize)>,
    /// An exam's own group.
    pub exam: bool,
    /// Activities met in a room (`in_person`), kept apart from online ones.
    pub in_person: bool,
}

impl FixedGroup {
    /// The sitting's id.
    pub fn id(&self, course: &Course) -> String {
        // Most groups are one activity without sections: its id as it is.
        if let ([only], None) = (self.activities.as_slice(), self.section) {
            return course.activities[*only].id.clone();
        }
        let mut id = String::new();
        for (k, &i) in self.activities.iter().enumerate() {
            if k > 0 {
                id.push('+');
            }
            id.push_str(&course.activities[i].id);
        }
        if let Some((n, _)) = self.section {
            id.push('.');
            id.push_str(&n.to_string());
        }
        id
    }
}

/// A fixed sitting's segments: its activities whole, in file order, lasting exactly the sum
/// of their minutes; past 30 minutes a 5-minute break is carved out every half hour (the seed's
/// 25/5 rhythm). `whole` (an exam, optional drop-in work, a class in a room) runs unbroken, and so does a sitting
/// holding an activity with `segmented = false` (nothing is carved out of it).
pub fn carve(course: &Course, parts: &[(usize, u32)], whole: bool) -> Vec<Segment> {
    let total: u32 = parts.iter().map(|p| p.1).sum();
    let unsegmented = parts
        .iter()
        .any(|&(i, _)| course.activities.get(i).is_some_and(|a| !a.segmented));
    if whole || unsegmented || total <= SEGMENT_ABOVE_MINUTES {
        return parts
            .iter()
            .map(|&(activity, minutes)| Segment {
                kind: SegmentKind::Focus,
                minutes,
                activity: Some(activity),
            })
            .collect();
    }
    // Break windows [25, 30), [55, 60), ... that end before the sitting does.
    let cycle = FOCUS_MINUTES + BREAK_MINUTES;
    let is_break = |t: u32| t % cycle >= FOCUS_MINUTES && (t / cycle + 1) * cycle < total;
    let mut segments: Vec<Segment> = Vec::new();
    let mut t = 0;
    for &(activity, minutes) in parts {
        for _ in 0..minutes {
            let kind = if is_break(t) {
                SegmentKind::Break
            } else {
                SegmentKind::Focus
            };
            let owner = (kind == SegmentKind::Focus).then_some(activity);
            match segments.last_mut() {
                Some(last) if last.kind == kind && last.activity == owner => last.minutes += 1,
                _ => segments.push(Segment {
                    kind,
                    minutes: 1,
                    activity: owner,
                }),
            }
            t += 1;
        }
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carving_keeps_the_length_and_the_rhythm() {
        let c = crate::course::parse(
            "[course]\ntitle = \"T\"\nweeks = 1\n[students]\ncount = 1\n[[activities]]\nid = \"a\"\nkind = \"debate\"\nminutes = 75\n[[activities]]\nid = \"b\"\nkind = \"debate\"\nminutes = 20\n",
        )
        .unwrap();
        let carve = |parts: &[(usize, u32)], whole| carve(&c, parts, whole);
        let s = carve(&[(0, 75)], false);
        let minutes: Vec<u32> = s.iter().map(|s| s.minutes).collect();
        assert_eq!(minutes, vec![25, 5, 25, 5, 15]);
        assert_eq!(s.iter().map(|s| s.minutes).sum::<u32>(), 75);
        let s = carve(&[(0, 40), (1, 20)], false);
        assert_eq!(s.iter().map(|s| s.minutes).sum::<u32>(), 60);
        assert!(s.iter().all(|s| s.minutes <= SEGMENT_ABOVE_MINUTES));
        assert_eq!(
            carve(&[(0, 120)], true).len(),
            1,
            "an exam is never segmented"
        );
    }
}
