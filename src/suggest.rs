//! "Did you mean ...?" suggestions for misspelt keys and names.

/// Smallest Jaro-Winkler similarity at which a candidate is offered.
const THRESHOLD: f64 = 0.8;

/// Characters an input may have beyond twice the longest candidate and still be looked up.
pub const SLACK: usize = 8;

/// The candidate closest to `input`, if any is close enough.
///
/// Comparison ignores ASCII case, so `asia/tokio` still finds `Asia/Tokyo`; ties keep the
/// earliest candidate so the answer never depends on iteration luck.
///
/// An input more than twice as long as every candidate (plus `SLACK` characters) gets no
/// suggestion and is not compared: a long input is not a misspelt name, and comparing it costs
/// time in proportion to its length times every candidate's (a megabyte zone name against
/// every zone took over a minute).
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    let longest = candidates.iter().map(|c| c.chars().count()).max()?;
    let limit = 2 * longest + SLACK;
    if input.len() > 4 * limit || input.chars().count() > limit {
        return None;
    }
    let input = input.to_ascii_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let score = strsim::jaro_winkler(&input, &candidate.to_ascii_lowercase());
        if score >= THRESHOLD && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names() {
        assert_eq!(
            did_you_mean("minuts", ["id", "minutes", "mode"]),
            Some("minutes")
        );
        assert_eq!(
            did_you_mean("Asia/Tokio", ["Asia/Tokyo", "Europe/Oslo"]),
            Some("Asia/Tokyo")
        );
        assert_eq!(did_you_mean("zzzzzz", ["id", "minutes"]), None);
        assert_eq!(did_you_mean("minutesss", ["minutes"]), Some("minutes"));
    }

    #[test]
    fn long_inputs_are_not_compared() {
        let long = "minutes".repeat(1000);
        assert_eq!(did_you_mean(&long, ["minutes"]), None);
        assert_eq!(did_you_mean(&"q".repeat(23), ["minutes"]), None);
        assert_eq!(did_you_mean("wendesday", ["mon", "wed"]), Some("wed"));
    }
}
