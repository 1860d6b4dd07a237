//! "Did you mean ...?" suggestions for misspelt keys and names.

/// Smallest Jaro-Winkler similarity at which a candidate is offered.
const THRESHOLD: f64 = 0.8;

/// The candidate closest to `input`, if any is close enough.
///
/// Comparison ignores ASCII case, so `asia/tokio` still finds `Asia/Tokyo`; ties keep the
/// earliest candidate so the answer never depends on iteration luck.
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
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
    }
}
