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

/// Most minutes of activities one searched sitting holds; its breaks come on top.
pub const MAX_SITTING_MINUTES: u32 = 90;
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

/// Group activities (in file order) into sittings, first-fit: an activity joins the first
/// sitting whose activities with it total at most [`MAX_SITTING_MINUTES`] minutes (breaks
/// come on top), else opens a new one; an activity over that sits alone. Each sitting lists
/// its activities in file order.
pub fn pack(parts: &[(usize, u32)]) -> Vec<Vec<(usize, u32)>> {
    pack_within(parts, MAX_SITTING_MINUTES)
}

/// [`pack`] with another limit on a sitting's activity minutes (`max_sitting_minutes`).
pub fn pack_within(parts: &[(usize, u32)], max: u32) -> Vec<Vec<(usize, u32)>> {
    let mut sittings: Vec<(u32, Vec<(usize, u32)>)> = Vec::new();
    // Sittings that could still take the shortest activity, in opening order: a full sitting
    // leaves the search, so packing stays fast on weeks with thousands of activities.
    let shortest = parts.iter().map(|p| p.1).min().unwrap_or(1);
    let mut open: Vec<usize> = Vec::new();
    for &part in parts {
        let fit = open.iter().position(|&i| sittings[i].0 + part.1 <= max);
        let index = match fit {
            Some(k) => open[k],
            None => {
                sittings.push((0, Vec::new()));
                open.push(sittings.len() - 1);
                sittings.len() - 1
            }
        };
        let sitting = &mut sittings[index];
        sitting.0 += part.1;
        sitting.1.push(part);
        if sitting.0 + shortest > max {
            open.retain(|&i| i != index);
        }
    }
    sittings.into_iter().map(|s| s.1).collect()
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
    fn sittings_hold_at_most_ninety_minutes_of_activities() {
        let packed = pack(&[(0, 75), (1, 90), (2, 60), (3, 120)]);
        assert_eq!(packed.len(), 4, "{packed:?}");
        assert!(packed.iter().all(|s| s.len() == 1));
        assert_eq!(length(&packed[0]), 85);
    }

    /// Regression: a 45-minute discussion and a 40-minute exercise became two evenings for
    /// working adults; 85 minutes of activities share one sitting, breaks on top.
    #[test]
    fn short_activities_share_a_sitting_first_fit() {
        let packed = pack(&[(0, 45), (1, 40)]);
        assert_eq!(packed.len(), 1, "{packed:?}");
        let packed = pack(&[(0, 40), (1, 60), (2, 30), (3, 10)]);
        let ids: Vec<Vec<usize>> = packed
            .iter()
            .map(|s| s.iter().map(|p| p.0).collect())
            .collect();
        assert_eq!(ids, vec![vec![0, 2, 3], vec![1]]);
        for s in &packed {
            assert!(s.iter().map(|p| p.1).sum::<u32>() <= MAX_SITTING_MINUTES);
        }
    }
}
