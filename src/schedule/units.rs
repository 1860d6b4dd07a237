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

/// A sitting in a room reaches only students of the organizer's zone, by their window: every
/// student elsewhere is uncovered in each week it is held, whatever their hours. Applied to
/// the sittings before units are gathered, so a sitting, its unit, its route and its calendar
/// description all say the same.
pub fn rooms_reach_home_only(course: &Course, sittings: &mut [Sitting]) {
    let home = &course.meta.timezone;
    // Students away from the organizer's zone, by zone, in first-listed order.
    let mut away: Vec<(String, u32)> = Vec::new();
    for group in crate::availability::groups(course) {
        if group.zone == *home || group.count == 0 {
            continue;
        }
        match away.iter_mut().find(|(zone, _)| *zone == group.zone) {
            Some((_, count)) => *count += group.count,
            None => away.push((group.zone, group.count)),
        }
    }
    if away.is_empty() {
        return;
    }
    let dated = course.meta.start.is_some();
    for sitting in sittings.iter_mut().filter(|s| s.in_person) {
        let held: Vec<u32> = sitting
            .weeks
            .iter()
            .copied()
            .filter(|w| !sitting.cancelled.iter().any(|(c, _)| c == w))
            .collect();
        if held.is_empty() {
            continue;
        }
        sitting
            .uncovered
            .retain(|u| !away.iter().any(|(z, _)| *z == u.zone));
        sitting
            .uncovered
            .extend(away.iter().map(|(zone, count)| Uncovered {
                zone: zone.clone(),
                count: *count,
                weeks: if dated { held.clone() } else { Vec::new() },
                samples: if dated { Vec::new() } else { SAMPLES.to_vec() },
            }));
        sitting.excluded = sitting
            .uncovered
            .iter()
            .map(|u| (u.zone.clone(), u.count))
            .collect();
        let worst = worst_missed(&sitting.uncovered, &held, dated);
        sitting.students_covered = course.students.count.saturating_sub(worst);
        sitting.coverage = crate::engine::round2(
            f64::from(sitting.students_covered) / f64::from(course.students.count.max(1)),
        );
    }
}

/// Students `uncovered` misses in its worst week among `held` (or representative week), in
/// one pass over the entries: a room with hundreds of zones away stays linear.
fn worst_missed(uncovered: &[Uncovered], held: &[u32], dated: bool) -> u32 {
    if !dated {
        return SAMPLES
            .iter()
            .map(|s| {
                uncovered
                    .iter()
                    .filter(|u| u.samples.contains(s))
                    .map(|u| u.count)
                    .sum::<u32>()
            })
            .max()
            .unwrap_or(0);
    }
    let last = held.iter().copied().max().unwrap_or(0) as usize;
    let mut by_week = vec![0u32; last + 1];
    for u in uncovered {
        for &w in &u.weeks {
            if let Some(total) = by_week.get_mut(w as usize) {
                *total = total.saturating_add(u.count);
            }
        }
    }
    held.iter()
        .map(|&w| by_week.get(w as usize).copied().unwrap_or(0))
        .max()
        .unwrap_or(0)
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
    // Built once for every unit of the course.
    let zone_index: HashMap<&str, usize> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.zone.as_str(), i))
        .collect();
    units
        .into_iter()
        .map(|(kind, members)| judge(course, (&groups, &zone_index), sittings, kind, members))
        .collect()
}

/// The course's student groups, with each one's index by zone.
type Groups<'a> = (
    &'a [crate::availability::StudentGroup],
    &'a HashMap<&'a str, usize>,
);

/// Representative weeks without a start date, as bits of an occasion mask.
const SAMPLES: [&str; 2] = ["january", "july"];

/// One sitting's meeting as coverage reads it: its weeks, the dates a holiday cancels, and
/// whom it misses.
struct Meeting<'a> {
    weeks: &'a [u32],
    cancelled: &'a [(u32, jiff::civil::Date)],
    uncovered: &'a [Uncovered],
}

/// A unit's coverage as it is gathered, sitting by sitting: weeks are bits of a mask (course
/// weeks with a start date, else the representative weeks), so a unit of thousands of
/// sections across hundreds of zones stays linear.
struct Coverage<'a> {
    groups: &'a [crate::availability::StudentGroup],
    /// Each group's index, by zone.
    zone_index: &'a HashMap<&'a str, usize>,
    dated: bool,
    /// Weeks some sitting of the unit is held.
    held: u128,
    /// Per group: weeks some sitting reaches it.
    covered: Vec<u128>,
    /// Per group: scratch, the weeks the current sitting misses it.
    missed: Vec<u128>,
}

impl<'a> Coverage<'a> {
    fn new(course: &Course, (groups, zone_index): Groups<'a>) -> Self {
        Coverage {
            groups,
            zone_index,
            dated: course.meta.start.is_some(),
            held: 0,
            covered: vec![0; groups.len()],
            missed: vec![0; groups.len()],
        }
    }

    /// Weeks as a mask.
    fn mask(weeks: &[u32]) -> u128 {
        weeks.iter().fold(0, |m, &w| m | 1u128 << w.min(127))
    }

    /// Count one meeting: every group it does not miss is covered in its held weeks (a room
    /// misses every group away from the organizer's zone: [`rooms_reach_home_only`]).
    fn add(&mut self, meeting: &Meeting<'_>) {
        let held: u128 = if self.dated {
            meeting
                .weeks
                .iter()
                .filter(|w| !meeting.cancelled.iter().any(|(c, _)| c == *w))
                .fold(0, |m, &w| m | 1u128 << w.min(127))
        } else if meeting.weeks.is_empty() {
            0
        } else {
            0b11
        };
        self.held |= held;
        let mut listed: Vec<usize> = Vec::new();
        for u in meeting.uncovered {
            let Some(&z) = self.zone_index.get(u.zone.as_str()) else {
                continue;
            };
            self.missed[z] = if self.dated {
                Self::mask(&u.weeks)
            } else {
                SAMPLES
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| u.samples.contains(s))
                    .fold(0, |m, (b, _)| m | 1 << b)
            };
            listed.push(z);
        }
        for (c, m) in self.covered.iter_mut().zip(&self.missed) {
            *c |= held & !m;
        }
        for z in listed {
            self.missed[z] = 0;
        }
    }

    /// Per group with students: the held weeks no sitting reaches it, as a mask.
    fn misses(&self) -> Vec<(usize, u128)> {
        (0..self.groups.len())
            .map(|g| (g, self.held & !self.covered[g]))
            .filter(|&(g, miss)| self.groups[g].count > 0 && miss != 0)
            .collect()
    }

    /// Whom the unit misses, per zone, with the weeks (or representative weeks).
    fn uncovered(&self, misses: &[(usize, u128)]) -> Vec<Uncovered> {
        misses
            .iter()
            .map(|&(g, miss)| {
                let group = &self.groups[g];
                let bits = (0..128u32).filter(|b| miss >> b & 1 == 1);
                let (weeks, samples) = if self.dated {
                    (bits.collect(), Vec::new())
                } else {
                    let samples = bits.filter_map(|b| SAMPLES.get(b as usize).copied());
                    (Vec::new(), samples.collect())
                };
                Uncovered {
                    zone: group.zone.clone(),
                    count: group.count,
                    weeks,
                    samples,
                }
            })
            .collect()
    }

    /// Students missed in the unit's worst held week.
    fn worst_week(&self, misses: &[(usize, u128)]) -> u32 {
        (0..128u32)
            .filter(|b| self.held >> b & 1 == 1)
            .map(|b| {
                misses
                    .iter()
                    .filter(|(_, m)| m >> b & 1 == 1)
                    .map(|&(g, _)| self.groups[g].count)
                    .sum::<u32>()
            })
            .max()
            .unwrap_or(0)
    }
}

/// A unit's coverage: per zone, the held weeks in which no member held that week reaches it.
fn judge(
    course: &Course,
    groups: Groups<'_>,
    sittings: &[Sitting],
    kind: UnitKind,
    members: Vec<usize>,
) -> Unit {
    let mut coverage = Coverage::new(course, groups);
    for &i in &members {
        let s = &sittings[i];
        coverage.add(&Meeting {
            weeks: &s.weeks,
            cancelled: &s.cancelled,
            uncovered: &s.uncovered,
        });
        if let Some(r) = &s.repeat {
            coverage.add(&Meeting {
                weeks: &s.weeks,
                cancelled: &r.cancelled,
                uncovered: &r.uncovered,
            });
        }
    }
    let misses = coverage.misses();
    Unit {
        kind,
        optional: members.iter().all(|&i| sittings[i].optional),
        in_person: members.iter().all(|&i| sittings[i].in_person),
        sittings: members,
        students_covered: course
            .students
            .count
            .saturating_sub(coverage.worst_week(&misses)),
        uncovered: coverage.uncovered(&misses),
    }
}
