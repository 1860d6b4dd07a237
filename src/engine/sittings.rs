//! How a week's searched live work is grouped into sittings and cut into segments.
//!
//! A sitting is one continuous live meeting. The rules here are pure arithmetic on
//! `(activity, minutes)` pairs, so the engine can measure the band on sitting time (breaks
//! included) and the schedule lays out exactly the sittings that were measured.
//!
//! Evidence: video-call fatigue grows with meeting length and back-to-back bursts (seed:
//! Synchronous Learning > Weaknesses; Fauville et al. 2021), material late in long classes is
//! learned less well (Sheridan, Smith & Pleggenkuhle-Miles 2017), and the seed's 25/5 rhythm
//! (Best Practices for Synchronous Sessions) sets the segments.

/// Longest searched sitting that holds more than one activity, breaks included.
pub const MAX_SITTING_MINUTES: u32 = 90;
/// An activity longer than this sits alone.
pub const ALONE_ABOVE_MINUTES: u32 = 75;
/// Longest focus segment (the seed's 25/5 rhythm).
pub const FOCUS_MINUTES: u32 = 25;
/// A break's length.
pub const BREAK_MINUTES: u32 = 5;
/// Focus since the last break may not run past this; activities up to it are not cut.
pub const FOCUS_LIMIT_MINUTES: u32 = 30;

/// One piece of a sitting: focus on an activity, or a break (`None`).
pub type Piece = (Option<usize>, u32);

/// Cut a sitting's activities, whole and in the order given, into focus segments and breaks.
///
/// An activity over 30 minutes is cut into equal chunks of at most 25 (60 minutes: 20/20/20,
/// not 25/25/10). A 5-minute break comes only before a segment that would take focus past 30
/// minutes since the last break, so a change of activity is not a break of its own.
pub fn segments(parts: &[(usize, u32)]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut focus = 0;
    for &(activity, minutes) in parts {
        let pieces = if minutes > FOCUS_LIMIT_MINUTES {
            even_chunks(minutes)
        } else {
            vec![minutes]
        };
        for piece in pieces {
            if focus > 0 && focus + piece > FOCUS_LIMIT_MINUTES {
                out.push((None, BREAK_MINUTES));
                focus = 0;
            }
            out.push((Some(activity), piece));
            focus += piece;
        }
    }
    out
}

/// A sitting's length, breaks included.
pub fn length(parts: &[(usize, u32)]) -> u32 {
    segments(parts).iter().map(|p| p.1).sum()
}

/// `minutes` in the fewest chunks of at most 25, as equal as whole minutes allow.
pub fn even_chunks(minutes: u32) -> Vec<u32> {
    let n = minutes.div_ceil(FOCUS_MINUTES).max(1);
    let (base, extra) = (minutes / n, minutes % n);
    (0..n).map(|i| base + u32::from(i < extra)).collect()
}

/// A sitting being packed: its members, its length so far and the focus since its last break.
struct Open {
    alone: bool,
    members: Vec<(usize, u32)>,
    length: u32,
    focus: u32,
}

impl Open {
    /// Length and focus after appending an activity of `minutes` (the rule of [`segments`]).
    fn with(&self, minutes: u32) -> (u32, u32) {
        let pieces = if minutes > FOCUS_LIMIT_MINUTES {
            even_chunks(minutes)
        } else {
            vec![minutes]
        };
        let (mut length, mut focus) = (self.length, self.focus);
        for piece in pieces {
            if focus > 0 && focus + piece > FOCUS_LIMIT_MINUTES {
                length += BREAK_MINUTES;
                focus = 0;
            }
            length += piece;
            focus += piece;
        }
        (length, focus)
    }
}

/// Group activities (in file order) into sittings: one over 75 minutes sits alone; the rest
/// go first-fit into the first sitting they keep within 90 minutes, breaks included, else
/// open a new one. Each sitting lists its activities in file order.
pub fn pack(parts: &[(usize, u32)]) -> Vec<Vec<(usize, u32)>> {
    let mut sittings: Vec<Open> = Vec::new();
    // Sittings that could still take the shortest activity, in opening order: a full sitting
    // leaves the search, so packing stays fast on weeks with thousands of activities.
    let shortest = parts.iter().map(|p| p.1).min().unwrap_or(1);
    let mut open: Vec<usize> = Vec::new();
    for &part in parts {
        let alone = part.1 > ALONE_ABOVE_MINUTES;
        let fit = if alone {
            None
        } else {
            open.iter()
                .position(|&i| sittings[i].with(part.1).0 <= MAX_SITTING_MINUTES)
        };
        let index = match fit {
            Some(k) => open[k],
            None => {
                sittings.push(Open {
                    alone,
                    members: Vec::new(),
                    length: 0,
                    focus: 0,
                });
                if !alone {
                    open.push(sittings.len() - 1);
                }
                sittings.len() - 1
            }
        };
        let sitting = &mut sittings[index];
        (sitting.length, sitting.focus) = sitting.with(part.1);
        sitting.members.push(part);
        if !sitting.alone && sitting.with(shortest).0 > MAX_SITTING_MINUTES {
            open.retain(|&i| i != index);
        }
    }
    sittings.into_iter().map(|s| s.members).collect()
}

/// Minutes of the sittings that `parts` (one week's searched live work) packs into, breaks
/// included.
pub fn week_minutes(parts: &[(usize, u32)]) -> u32 {
    pack(parts).iter().map(|s| length(s)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_of_activity_is_not_a_break() {
        let s = segments(&[(0, 10), (1, 15), (2, 5), (3, 20), (4, 25)]);
        let breaks = s.iter().filter(|p| p.0.is_none()).count();
        assert_eq!(breaks, 2);
        assert_eq!(length(&[(0, 10), (1, 15), (2, 5), (3, 20), (4, 25)]), 85);
    }

    #[test]
    fn long_activities_are_cut_evenly() {
        let s = segments(&[(0, 60)]);
        let minutes: Vec<u32> = s.iter().map(|p| p.1).collect();
        assert_eq!(minutes, vec![20, 5, 20, 5, 20]);
        assert_eq!(segments(&[(0, 30)]).len(), 1);
    }

    /// Regression: 75, 90 and 60 minutes made one 270-minute sitting.
    #[test]
    fn sittings_stay_within_ninety_minutes() {
        let packed = pack(&[(0, 75), (1, 90), (2, 60)]);
        assert_eq!(packed.len(), 3, "{packed:?}");
        assert!(packed.iter().all(|s| s.len() == 1));
        assert_eq!(length(&packed[0]), 85);
    }

    #[test]
    fn short_activities_share_a_sitting_first_fit() {
        let packed = pack(&[(0, 40), (1, 60), (2, 30), (3, 10)]);
        let ids: Vec<Vec<usize>> = packed
            .iter()
            .map(|s| s.iter().map(|p| p.0).collect())
            .collect();
        assert_eq!(ids, vec![vec![0, 2], vec![1, 3]]);
        for s in &packed {
            assert!(length(s) <= MAX_SITTING_MINUTES);
        }
    }
}
