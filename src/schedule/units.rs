//! Units: what coverage is judged on. A unit is a searched sitting with its repeat, an
//! activity with all its sections, a dated one-off, or an exam with its sections. A student is
//! covered in a held week when some sitting of the unit held that week fits their window;
//! whom no sitting of the unit reaches is `uncovered`, by zone and week, and takes the unit's
//! route (seed: Synchronous Learning > Weaknesses; FAQ "What about students who cannot attend
//! synchronous sessions?").

use super::{Sitting, Uncovered};
use crate::course::Course;

/// What made a unit's sittings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    /// A sitting mixplan searched for, with its repeat.
    Searched,
    /// The main sitting pinned with `live_at`: it gets a repeat but is judged as fixed.
    Pinned,
    /// An activity fixed with `at`, with all its sections.
    Fixed,
    /// A dated one-off (`at = { date = ... }`).
    Dated,
    /// An exam, with all its sections.
    Exam,
}

/// One unit and how well it reaches the class.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// What made it.
    pub kind: UnitKind,
    /// Its sittings, indexes into [`super::Schedule::sittings`], in order.
    pub sittings: Vec<usize>,
    /// Optional work only: nobody must attend.
    pub optional: bool,
    /// Students some sitting of the unit reaches in its worst held week.
    pub students_covered: u32,
    /// Per zone: students and held weeks no sitting of the unit reaches.
    pub uncovered: Vec<Uncovered>,
}

impl Unit {
    /// Whether the unit is an exam.
    pub fn exam(&self) -> bool {
        self.kind == UnitKind::Exam
    }

    /// Whether the unit's time is the instructor's (fixed, dated, pinned or an exam) rather
    /// than searched.
    pub fn fixed(&self) -> bool {
        self.kind != UnitKind::Searched
    }
}

/// `excluded` with only the weeks in `held` (representative weeks are kept as they are).
pub fn held_only(excluded: &[Uncovered], held: &[u32]) -> Vec<Uncovered> {
    excluded
        .iter()
        .filter_map(|u| {
            let weeks: Vec<u32> = u
                .weeks
                .iter()
                .copied()
                .filter(|w| held.contains(w))
                .collect();
            (u.count > 0 && (!weeks.is_empty() || !u.samples.is_empty()))
                .then(|| Uncovered { weeks, ..u.clone() })
        })
        .collect()
}

/// One member of a unit: the weeks it is held and whom it misses then.
struct Member<'a> {
    held: Vec<u32>,
    uncovered: &'a [Uncovered],
}

impl Member<'_> {
    fn misses(&self, zone: &str) -> Option<&Uncovered> {
        self.uncovered.iter().find(|u| u.zone == zone)
    }
}

/// Gather the sittings into units, in the order of their first sitting, and judge each.
pub fn gather(course: &Course, sittings: &[Sitting], pinned: bool) -> Vec<Unit> {
    let mut units: Vec<(UnitKind, Vec<usize>)> = Vec::new();
    for (index, s) in sittings.iter().enumerate() {
        let kind = if !s.fixed {
            if pinned && s.id == "live" {
                UnitKind::Pinned
            } else {
                UnitKind::Searched
            }
        } else if s.exam {
            UnitKind::Exam
        } else if s.date.is_some() {
            UnitKind::Dated
        } else {
            UnitKind::Fixed
        };
        // Sections of one activity (and of one exam) form one unit.
        let owner = s.activities.first().copied();
        let joined = s.section.is_some().then(|| {
            units.iter_mut().find(|(k, members)| {
                let first = &sittings[members[0]];
                (*k == kind || *k == UnitKind::Dated || kind == UnitKind::Dated)
                    && first.section.is_some()
                    && first.activities.first().copied() == owner
            })
        });
        match joined.flatten() {
            Some((k, members)) => {
                if kind != UnitKind::Dated {
                    *k = kind;
                }
                members.push(index);
            }
            None => units.push((kind, vec![index])),
        }
    }
    units
        .into_iter()
        .map(|(kind, members)| judge(course, sittings, kind, members))
        .collect()
}

/// A unit's coverage: per zone, the held weeks in which no member held that week reaches it.
fn judge(course: &Course, sittings: &[Sitting], kind: UnitKind, members: Vec<usize>) -> Unit {
    let mut parts: Vec<Member<'_>> = Vec::new();
    for &i in &members {
        let s = &sittings[i];
        let held = |cancelled: &[(u32, jiff::civil::Date)]| -> Vec<u32> {
            s.weeks
                .iter()
                .copied()
                .filter(|w| !cancelled.iter().any(|(c, _)| c == w))
                .collect()
        };
        parts.push(Member {
            held: held(&s.cancelled),
            uncovered: &s.uncovered,
        });
        if let Some(r) = &s.repeat {
            parts.push(Member {
                held: held(&r.cancelled),
                uncovered: &r.uncovered,
            });
        }
    }
    let mut weeks: Vec<u32> = parts.iter().flat_map(|m| m.held.iter().copied()).collect();
    weeks.sort_unstable();
    weeks.dedup();
    let mut uncovered = Vec::new();
    for group in crate::availability::groups(course) {
        let zone = group.zone.as_str();
        let missed: Vec<u32> = weeks
            .iter()
            .copied()
            .filter(|w| {
                parts
                    .iter()
                    .filter(|m| m.held.contains(w))
                    .all(|m| m.misses(zone).is_some_and(|u| u.weeks.contains(w)))
            })
            .collect();
        // Without a start date, representative weeks: missed when every member misses them.
        let mut samples: Vec<&'static str> = parts
            .first()
            .and_then(|m| m.misses(zone))
            .map(|u| u.samples.clone())
            .unwrap_or_default();
        samples.retain(|s| {
            parts
                .iter()
                .all(|m| m.misses(zone).is_some_and(|u| u.samples.contains(s)))
        });
        if group.count > 0 && (!missed.is_empty() || !samples.is_empty()) {
            uncovered.push(Uncovered {
                zone: group.zone.clone(),
                count: group.count,
                weeks: missed,
                samples,
            });
        }
    }
    let worst_week = weeks
        .iter()
        .map(|w| {
            uncovered
                .iter()
                .filter(|u| u.weeks.contains(w))
                .map(|u| u.count)
                .sum::<u32>()
        })
        .chain(["january", "july"].iter().map(|s| {
            uncovered
                .iter()
                .filter(|u| u.samples.contains(s))
                .map(|u| u.count)
                .sum::<u32>()
        }))
        .max()
        .unwrap_or(0);
    Unit {
        kind,
        optional: members.iter().all(|&i| sittings[i].optional),
        sittings: members,
        students_covered: course.students.count.saturating_sub(worst_week),
        uncovered,
    }
}
