//! Cross-field validation over all activities: fixed sittings that overlap.

use super::*;

impl Reader {
    /// Two fixed sittings every student must attend that overlap: each fixed time with the
    /// activities that share it is one sitting lasting the sum of their minutes. Sections
    /// (students choose one) and optional work may overlap; a sitting running past midnight
    /// into the next course week (Sunday into Monday) overlaps what starts there.
    pub(super) fn fixed_overlaps(&mut self, meta: &CourseMeta, activities: &[Activity]) {
        // (week, minute of the week, activity index, time index)
        let mut starts: Vec<(u32, i64, usize, usize)> = Vec::new();
        for (index, activity) in activities.iter().enumerate() {
            if activity.at.is_empty() {
                continue;
            }
            for week in activity.occurrence_weeks(meta) {
                for (n, at) in activity.at.iter().enumerate() {
                    let minute = meta.days_into_week(at.day) * 1440 + i64::from(at.time.minutes);
                    starts.push((week, minute, index, n));
                }
            }
        }
        starts.sort_unstable();
        // Sittings everyone must attend: runs of equal (week, minute); their length is the
        // sum of minutes. Positions are minutes from week 1's start, so a Sunday-night
        // sitting meets the Monday one after it.
        let mut sittings: Vec<(u32, i64, i64, usize, usize)> = Vec::new();
        for &(week, minute, index, n) in &starts {
            let activity = &activities[index];
            if activity.optional || activity.at.len() > 1 {
                continue;
            }
            let minutes = i64::from(activity.minutes);
            let at = (i64::from(week) - 1) * 7 * 1440 + minute;
            match sittings.last_mut() {
                Some(last) if last.1 == at => last.2 += minutes,
                _ => sittings.push((week, at, minutes, index, n)),
            }
        }
        let mut reported: BTreeSet<(usize, usize)> = BTreeSet::new();
        // The sitting that ends last so far: a long one may overlap several after it.
        let mut longest: Option<(u32, i64, i64, usize, usize)> = None;
        for &b in &sittings {
            let a = match longest {
                Some(a) if a.1 + a.2 > b.1 => a,
                _ => {
                    longest = Some(b);
                    continue;
                }
            };
            if b.1 + b.2 > a.1 + a.2 {
                longest = Some(b);
            }
            if !reported.insert((b.3, b.4)) {
                continue;
            }
            let (first, second) = (&activities[a.3], &activities[b.3]);
            let at = &second.at[b.4];
            let day = &first.at[a.4];
            self.error(
                RuleId::OverlappingSittings,
                at.span,
                format!(
                    "`{}` at {} {} overlaps `{}` at {} {} ({} minutes) in week {}",
                    second.id, at.day, at.time, first.id, day.day, day.time, a.2, b.0
                ),
            )
            .help = Some(
                "move one of them, or split their `weeks` so they never meet in the same week"
                    .into(),
            );
        }
        // An exam sits alone, and optional work never shares a sitting with required work:
        // another activity fixed at the same time would share its sitting.
        for pair in starts.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if a.0 == b.0 && a.1 == b.1 && a.2 != b.2 {
                let (x, y) = (&activities[a.2], &activities[b.2]);
                let (why, help) = if x.is_exam() || y.is_exam() {
                    ("an exam sits alone", "give the exam its own time")
                } else if x.optional != y.optional {
                    (
                        "optional work never shares a sitting with required work",
                        "give the optional activity its own time",
                    )
                } else {
                    continue;
                };
                if reported.insert((b.2, b.3)) {
                    self.error(
                        RuleId::OverlappingSittings,
                        y.at[b.3].span,
                        format!(
                            "`{}` and `{}` are fixed at the same time in week {}, and {why}",
                            x.id, y.id, a.0
                        ),
                    )
                    .help = Some(help.into());
                }
            }
        }
    }
}
