//! Units: what coverage is judged on. A unit is a searched sitting with its repeat, an
//! activity with all its sections, a dated one-off, or an exam with its sections. A student is
//! covered in a held week when some sitting of the unit held that week fits their window;
//! whom no sitting of the unit reaches is `uncovered`, by zone and week, and takes the unit's
//! route (seed: Synchronous Learning > Weaknesses; FAQ "What about students who cannot attend
//! synchronous sessions?").
//!
//! A sitting in a room (`in_person`) reaches only students of the organizer's zone, by their
//! window: students elsewhere cannot come to the room in any week, whatever their hours.

use std::collections::HashMap;

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
    /// Every sitting of the unit meets in a room (`in_person`).
    pub in_person: bool,
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

/// `excluded` with only the weeks in `held` (ascending; representative weeks are kept as
/// they are).
pub fn held_only(excluded: &[Uncovered], held: &[u32]) -> Vec<Uncovered> {
    excluded
        .iter()
        .filter_map(|u| {
            let weeks: Vec<u32> = u
                .weeks
                .iter()
                .copied()
                .filter(|w| held.binary_search(w).is_ok())
                .collect();
            (u.count > 0 && (!weeks.is_empty() || !u.samples.is_empty()))
                .then(|| Uncovered { weeks, ..u.clone() })
        })
        .collect()
}

/// Gather the sittings into units, in the order of their first sitting, and judge each.
pub fn gather(course: &Course, sittings: &[Sitting], pinned: bool) -> Vec<Unit> {
    let mut units: Vec<(UnitKind, Vec<usize>)> = Vec::new();
    // The unit of each sectioned activity: sections of one activity (and of one exam) form
    // one unit, found in one look-up however many sections there are.
    let mut sectioned: HashMap<usize, usize> = HashMap::new();
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
        let owner = s
            .activities
            .first()
            .copied()
            .filter(|_| s.section.is_some());
        match owner.and_then(|a| sectioned.get(&a)) {
            Some(&u) => units[u].1.push(index),
            None => {
                if let Some(a) = owner {
                    sectioned.insert(a, units.len());
                }
                units.push((kind, vec![index]));
            }
        }
    }
    let groups = crate::availability::groups(course);
    units
        .into_iter()
        .map(|(kind, members)| judge(course, &groups, sittings, kind, members))
        .collect()
}

/// Representative weeks without a start date, as bits of an occasion mask.
const SAMPLES: [&str; 2] = ["january", "july"];

/// A unit's coverage: per zone, the held weeks in which no member held that week reaches it.
/// Weeks are bits of a mask (course weeks with a start date, else the representative
/// weeks), so a unit of thousands of sections across hundreds of zones stays linear.
fn judge(
    course: &Course,
    groups: &[crate::availability::StudentGroup],
    sittings: &[Sitting],
    kind: UnitKind,
    members: Vec<usize>,
) -> Unit {
    let dated = course.meta.start.is_some();
    let zone_index: HashMap<&str, usize> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.zone.as_str(), i))
        .collect();
    // Students away from the organizer's zone, whom a room never reaches.
    let away: Vec<bool> = groups
        .iter()
        .map(|g| g.zone != course.meta.timezone)
        .collect();
    let mut unit_held: u128 = 0;
    let mut covered: Vec<u128> = vec![0; groups.len()];
    let mut missed: Vec<u128> = vec![0; groups.len()];
    let mut add = |weeks: &[u32],
                   cancelled: &[(u32, jiff::civil::Date)],
                   uncovered: &[Uncovered],
                   in_person: bool| {
        let held: u128 = if dated {
            weeks
                .iter()
                .filter(|w| !cancelled.iter().any(|(c, _)| c == *w))
                .fold(0, |m, &w| m | 1u128 << w.min(127))
        } else if weeks.is_empty() {
            0
        } else {
            0b11
        };
        unit_held |= held;
        let mut listed: Vec<usize> = Vec::new();
        for u in uncovered {
            let Some(&z) = zone_index.get(u.zone.as_str()) else {
                continue;
            };
            missed[z] = if dated {
                u.weeks.iter().fold(0, |m, &w| m | 1u128 << w.min(127))
            } else {
                SAMPLES
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| u.samples.contains(s))
                    .fold(0, |m, (b, _)| m | 1 << b)
            };
            listed.push(z);
        }
        for ((c, m), &away) in covered.iter_mut().zip(&missed).zip(&away) {
            if !(in_person && away) {
                *c |= held & !m;
            }
        }
        for z in listed {
            missed[z] = 0;
        }
    };
    for &i in &members {
        let s = &sittings[i];
        add(&s.weeks, &s.cancelled, &s.uncovered, s.in_person);
        if let Some(r) = &s.repeat {
            add(&s.weeks, &r.cancelled, &r.uncovered, s.in_person);
        }
    }
    let mut uncovered = Vec::new();
    let mut missed_by_zone: Vec<(u128, u32)> = Vec::new();
    for (group, covered) in groups.iter().zip(&covered) {
        let miss = unit_held & !covered;
        if group.count == 0 || miss == 0 {
            continue;
        }
        missed_by_zone.push((miss, group.count));
        let bits = (0..128u32).filter(|b| miss >> b & 1 == 1);
        uncovered.push(if dated {
            Uncovered {
                zone: group.zone.clone(),
                count: group.count,
                weeks: bits.collect(),
                samples: Vec::new(),
            }
        } else {
            Uncovered {
                zone: group.zone.clone(),
                count: group.count,
                weeks: Vec::new(),
                samples: bits
                    .filter_map(|b| SAMPLES.get(b as usize).copied())
                    .collect(),
            }
        });
    }
    let worst_week = (0..128u32)
        .filter(|b| unit_held >> b & 1 == 1)
        .map(|b| {
            missed_by_zone
                .iter()
                .filter(|(m, _)| m >> b & 1 == 1)
                .map(|(_, c)| c)
                .sum::<u32>()
        })
        .max()
        .unwrap_or(0);
    Unit {
        kind,
        optional: members.iter().all(|&i| sittings[i].optional),
        in_person: members.iter().all(|&i| sittings[i].in_person),
        sittings: members,
        students_covered: course.students.count.saturating_sub(worst_week),
        uncovered,
    }
}
