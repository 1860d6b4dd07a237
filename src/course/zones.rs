//! Time zone names as people write them, made into one name per zone.
//!
//! The seed's first weakness of live learning is the time zone barrier (Synchronous Learning:
//! Weaknesses): mixplan counts students per zone to choose slots, so `asia/tokyo`, `Asia/Tokyo`
//! and `Japan` must be one zone, not three. A written name is normalized in this order:
//!
//! 1. `AoE` (Anywhere on Earth, UTC-12, the deadline zone of many conferences) and `Etc/GMT±N`
//!    are left as written, only their case corrected: both say exactly what their author meant.
//! 2. The name is matched without regard to case against the bundled IANA database and takes
//!    the database's spelling.
//! 3. A legacy name (`Japan`, `US/Eastern`, `Asia/Calcutta`) becomes the zone it now stands for,
//!    through the table in `zone_links.tsv` (from tzdb's `backward` file).
//!
//! `EST`, `MST` and `HST` stay as written (they are valid), but a design check warns that they
//! never observe daylight saving time; Windows names ("China Standard Time") are not zones, and
//! the error about them names the IANA zone to write.

use std::collections::HashMap;
use std::sync::OnceLock;

use jiff::tz::TimeZone;

/// The name of Anywhere on Earth, as written.
pub const AOE: &str = "AoE";

/// Most distinct names [`resolve`] remembers per thread: far more than the bundled database
/// holds, so only a stream of unknown names goes past it (and is then looked up each time).
const RESOLVED_CAP: usize = 1024;

thread_local! {
    /// Names already looked up on this thread. A course reads its few zones for every due
    /// time, session and alternative of every week; the database's own lookup takes a lock
    /// and searches its names each time, this is one hash of the name. A `TimeZone` clone
    /// shares its rules, so the zone returned is the same either way.
    static RESOLVED: std::cell::RefCell<HashMap<String, Option<TimeZone>>> =
        std::cell::RefCell::new(HashMap::new());
}

/// The zone a normalized name stands for; `None` when it names no zone.
pub fn resolve(name: &str) -> Option<TimeZone> {
    RESOLVED.with(|memo| {
        if let Some(tz) = memo.borrow().get(name) {
            return tz.clone();
        }
        let tz = lookup(name);
        let mut memo = memo.borrow_mut();
        if memo.len() < RESOLVED_CAP {
            memo.insert(name.to_string(), tz.clone());
        }
        tz
    })
}

/// [`resolve`] in the bundled database.
fn lookup(name: &str) -> Option<TimeZone> {
    if name == AOE {
        // The database's own UTC-12 zone, so timestamps carry a bracketed name that every
        // RFC 9557 reader knows (`-12:00[Etc/GMT+12]`); the course keeps `AoE` as written.
        return jiff::tz::db().get(super::AOE_ZONE).ok();
    }
    jiff::tz::db().get(name).ok()
}

/// The one name of the zone `written` stands for, or `None` when it names no zone.
pub fn normalize(written: &str) -> Option<String> {
    if written.eq_ignore_ascii_case(AOE) {
        return Some(AOE.to_string());
    }
    if let Some(etc) = etc_gmt(written) {
        return Some(etc);
    }
    let name = *spellings().get(&written.to_ascii_lowercase())?;
    let name = links().get(name).copied().unwrap_or(name);
    Some(name.to_string())
}

/// `Etc/GMT+5` and friends in the database's case, as written otherwise.
fn etc_gmt(written: &str) -> Option<String> {
    let rest = written
        .get(..7)
        .filter(|p| p.eq_ignore_ascii_case("etc/gmt"))
        .map(|_| &written[7..])?;
    let (sign, digits) = rest.split_at_checked(1)?;
    if !matches!(sign, "+" | "-") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let name = format!("Etc/GMT{sign}{digits}");
    jiff::tz::db().get(&name).is_ok().then_some(name)
}

/// Every zone name of the bundled database, by its lowercase form.
fn spellings() -> &'static HashMap<String, &'static str> {
    static SPELLINGS: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    SPELLINGS.get_or_init(|| {
        jiff::tz::db()
            .available()
            .map(|name| {
                let name: &'static str = Box::leak(name.as_str().to_string().into_boxed_str());
                (name.to_ascii_lowercase(), name)
            })
            .collect()
    })
}

/// Legacy name -> the zone it now stands for.
fn links() -> &'static HashMap<&'static str, &'static str> {
    static LINKS: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    LINKS.get_or_init(|| {
        include_str!("zone_links.tsv")
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split_once('\t'))
            .collect()
    })
}

/// For a fixed-offset US abbreviation zone: the city zone people usually mean, and the zone
/// that keeps the same offset all year, named after a place.
pub fn fixed_abbreviation(name: &str) -> Option<(&'static str, &'static str)> {
    match name {
        "EST" => Some(("America/New_York", "America/Panama")),
        "MST" => Some(("America/Denver", "America/Phoenix")),
        "HST" => Some(("Pacific/Honolulu", "Pacific/Honolulu")),
        _ => None,
    }
}

/// The IANA zone of a Windows time zone name (case ignored), after the Unicode CLDR table
/// `windowsZones.xml` (the "001" territory of each entry); the most common names only.
pub fn windows_zone(name: &str) -> Option<&'static str> {
    let name = name.trim();
    WINDOWS_ZONES
        .iter()
        .find(|(windows, _)| windows.eq_ignore_ascii_case(name))
        .map(|&(_, iana)| iana)
}

/// Windows zone name -> IANA zone (see [`windows_zone`]).
const WINDOWS_ZONES: &[(&str, &str)] = &[
    ("AUS Central Standard Time", "Australia/Darwin"),
    ("AUS Eastern Standard Time", "Australia/Sydney"),
    ("Alaskan Standard Time", "America/Anchorage"),
    ("Arab Standard Time", "Asia/Riyadh"),
    ("Arabian Standard Time", "Asia/Dubai"),
    ("Argentina Standard Time", "America/Argentina/Buenos_Aires"),
    ("Atlantic Standard Time", "America/Halifax"),
    ("Bangladesh Standard Time", "Asia/Dhaka"),
    ("Canada Central Standard Time", "America/Regina"),
    ("Cen. Australia Standard Time", "Australia/Adelaide"),
    ("Central Europe Standard Time", "Europe/Budapest"),
    ("Central European Standard Time", "Europe/Warsaw"),
    ("Central Standard Time", "America/Chicago"),
    ("Central Standard Time (Mexico)", "America/Mexico_City"),
    ("China Standard Time", "Asia/Shanghai"),
    ("E. Africa Standard Time", "Africa/Nairobi"),
    ("E. Australia Standard Time", "Australia/Brisbane"),
    ("E. South America Standard Time", "America/Sao_Paulo"),
    ("Eastern Standard Time", "America/New_York"),
    ("Egypt Standard Time", "Africa/Cairo"),
    ("FLE Standard Time", "Europe/Kyiv"),
    ("GMT Standard Time", "Europe/London"),
    ("GTB Standard Time", "Europe/Bucharest"),
    ("Hawaiian Standard Time", "Pacific/Honolulu"),
    ("India Standard Time", "Asia/Kolkata"),
    ("Iran Standard Time", "Asia/Tehran"),
    ("Israel Standard Time", "Asia/Jerusalem"),
    ("Korea Standard Time", "Asia/Seoul"),
    ("Mexico Standard Time", "America/Mexico_City"),
    ("Morocco Standard Time", "Africa/Casablanca"),
    ("Mountain Standard Time", "America/Denver"),
    ("Nepal Standard Time", "Asia/Kathmandu"),
    ("New Zealand Standard Time", "Pacific/Auckland"),
    ("Newfoundland Standard Time", "America/St_Johns"),
    ("Pacific SA Standard Time", "America/Santiago"),
    ("Pacific Standard Time", "America/Los_Angeles"),
    ("Pakistan Standard Time", "Asia/Karachi"),
    ("Romance Standard Time", "Europe/Paris"),
    ("Russian Standard Time", "Europe/Moscow"),
    ("SA Pacific Standard Time", "America/Bogota"),
    ("SE Asia Standard Time", "Asia/Bangkok"),
    ("Singapore Standard Time", "Asia/Singapore"),
    ("South Africa Standard Time", "Africa/Johannesburg"),
    ("Taipei Standard Time", "Asia/Taipei"),
    ("Tokyo Standard Time", "Asia/Tokyo"),
    ("Turkey Standard Time", "Europe/Istanbul"),
    ("US Eastern Standard Time", "America/Indiana/Indianapolis"),
    ("US Mountain Standard Time", "America/Phoenix"),
    ("UTC", "Etc/UTC"),
    ("Venezuela Standard Time", "America/Caracas"),
    ("W. Australia Standard Time", "Australia/Perth"),
    ("W. Central Africa Standard Time", "Africa/Lagos"),
    ("W. Europe Standard Time", "Europe/Berlin"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_links_and_as_written() {
        assert_eq!(normalize("asia/tokyo").as_deref(), Some("Asia/Tokyo"));
        assert_eq!(normalize("Japan").as_deref(), Some("Asia/Tokyo"));
        assert_eq!(normalize("JAPAN").as_deref(), Some("Asia/Tokyo"));
        assert_eq!(normalize("US/Eastern").as_deref(), Some("America/New_York"));
        assert_eq!(normalize("Asia/Calcutta").as_deref(), Some("Asia/Kolkata"));
        assert_eq!(normalize("Iceland").as_deref(), Some("Atlantic/Reykjavik"));
        // Places of their own stay themselves.
        assert_eq!(
            normalize("Europe/Bratislava").as_deref(),
            Some("Europe/Bratislava")
        );
        assert_eq!(normalize("UTC").as_deref(), Some("UTC"));
        assert_eq!(normalize("aoe").as_deref(), Some("AoE"));
        assert_eq!(normalize("etc/gmt+5").as_deref(), Some("Etc/GMT+5"));
        assert_eq!(normalize("Etc/GMT-14").as_deref(), Some("Etc/GMT-14"));
        assert_eq!(normalize("EST").as_deref(), Some("EST"));
        assert_eq!(normalize("Mars/Olympus"), None);
        assert_eq!(normalize("China Standard Time"), None);
    }

    #[test]
    fn every_link_and_suggestion_names_a_bundled_zone() {
        for (legacy, zone) in links() {
            assert!(resolve(zone).is_some(), "{legacy} -> {zone}");
            assert_eq!(
                normalize(zone).as_deref(),
                Some(*zone),
                "{zone} is canonical"
            );
        }
        for name in ["EST", "MST", "HST"] {
            let (city, fixed) = fixed_abbreviation(name).unwrap();
            assert!(resolve(city).is_some() && resolve(fixed).is_some());
        }
        assert_eq!(windows_zone("china standard time"), Some("Asia/Shanghai"));
        for (windows, zone) in WINDOWS_ZONES {
            assert_eq!(
                normalize(zone).as_deref(),
                Some(*zone),
                "{windows} -> {zone}"
            );
        }
    }

    #[test]
    fn aoe_is_twelve_hours_behind_utc() {
        let tz = resolve(AOE).unwrap();
        let at = jiff::Timestamp::UNIX_EPOCH;
        assert_eq!(tz.to_offset(at), jiff::tz::Offset::constant(-12));
    }
}
