// Structured course input for the fuzzer (`fuzz/fuzz_targets/pipeline.rs`) and its proptest
// mirror (`tests/robustness.rs`): arbitrary bytes become a course file that is mostly valid,
// so the fuzzer spends its time in the engine, the schedule and the renderers.

use std::fmt::Write;

use arbitrary::Arbitrary;

/// Zones with awkward offsets: half and quarter hours, the date line, southern DST.
const ZONES: &[&str] = &[
    "UTC",
    "America/New_York",
    "America/St_Johns",
    "America/Sao_Paulo",
    "Europe/London",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Asia/Tokyo",
    "Australia/Lord_Howe",
    "Australia/Sydney",
    "Pacific/Chatham",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
];
const DAYS: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

#[derive(Arbitrary, Debug)]
pub struct FuzzZone {
    zone: u8,
    count: u16,
    window: Option<(u8, u8, u8, u8)>,
}

#[derive(Arbitrary, Debug)]
pub struct FuzzActivity {
    kind: u8,
    minutes: u16,
    every: u8,
    weeks: Option<Vec<u8>>,
    mode: Option<bool>,
    recorded: Option<bool>,
}

#[derive(Arbitrary, Debug)]
pub struct FuzzCourse {
    weeks: u8,
    count: u16,
    hybrid: bool,
    start: Option<u16>,
    timezone: u8,
    band: (u8, u8),
    pattern: u8,
    live_days: Vec<u8>,
    live_at: Option<(u8, u8, u8)>,
    populations: Vec<u8>,
    reliable: Option<u8>,
    zones: Vec<FuzzZone>,
    content: Vec<u8>,
    goals: Vec<u8>,
    activities: Vec<FuzzActivity>,
}

fn pick<'a>(names: &'a [&'a str], i: u8) -> &'a str {
    names[usize::from(i) % names.len()]
}

fn unique_names(names: &[&str], picks: &[u8]) -> Vec<String> {
    let mut out: Vec<String> = picks.iter().map(|&i| pick(names, i).to_string()).collect();
    out.sort();
    out.dedup();
    out
}

impl FuzzCourse {
    /// The course as TOML text.
    pub fn to_toml(&self) -> String {
        let weeks = u32::from(self.weeks % 60) + 1;
        let mut t = String::new();
        writeln!(t, "[course]\ntitle = \"Fuzz\"\nweeks = {weeks}").unwrap();
        if self.hybrid {
            t.push_str("delivery = \"hybrid\"\n");
        }
        if let Some(day) = self.start {
            let date = jiff::civil::date(2026, 1, 1)
                .checked_add(jiff::Span::new().days(i64::from(day % 1500)))
                .unwrap();
            writeln!(t, "start = {date}").unwrap();
        }
        writeln!(t, "timezone = \"{}\"", pick(ZONES, self.timezone)).unwrap();
        let (lo, hi) = (self.band.0 % 8, self.band.1 % 8);
        writeln!(t, "sync_hours = [{}.0, {}.5]", lo.min(hi), lo.max(hi)).unwrap();
        writeln!(
            t,
            "pattern = \"{}\"",
            pick(&["auto", "flipped", "alternating"], self.pattern)
        )
        .unwrap();
        let days = unique_names(DAYS, &self.live_days);
        if !days.is_empty() {
            writeln!(t, "live_days = {days:?}").unwrap();
        }
        if let Some((day, hour, quarter)) = self.live_at {
            let day = if days.is_empty() {
                pick(DAYS, day).to_string()
            } else {
                days[usize::from(day) % days.len()].clone()
            };
            writeln!(
                t,
                "live_at = {{ day = \"{day}\", time = \"{:02}:{:02}\" }}",
                hour % 24,
                (quarter % 4) * 15
            )
            .unwrap();
        }
        let zone_total: u32 = self
            .zones
            .iter()
            .take(12)
            .map(|z| u32::from(z.count % 200))
            .sum();
        let count = zone_total + u32::from(self.count % 300) + 1;
        writeln!(t, "\n[students]\ncount = {count}").unwrap();
        let populations = unique_names(
            &["working-adults", "international", "caregivers", "full-time"],
            &self.populations,
        );
        writeln!(t, "populations = {populations:?}").unwrap();
        if let Some(r) = self.reliable {
            writeln!(t, "reliable_internet = {}", f64::from(r % 101) / 100.0).unwrap();
        }
        let mut seen = Vec::new();
        for z in self.zones.iter().take(12) {
            let name = pick(ZONES, z.zone);
            if seen.contains(&name) {
                continue;
            }
            seen.push(name);
            writeln!(
                t,
                "\n[[students.zones]]\nzone = \"{name}\"\ncount = {}",
                z.count % 200
            )
            .unwrap();
            if let Some((a, b, c, d)) = z.window {
                let (start, end) = ((a % 24, (b % 4) * 15), (c % 24, (d % 4) * 15));
                if start != end {
                    writeln!(
                        t,
                        "available = \"{:02}:{:02}-{:02}:{:02}\"",
                        start.0, start.1, end.0, end.1
                    )
                    .unwrap();
                }
            }
        }
        let content = unique_names(
            &[
                "procedural",
                "complex-concepts",
                "discussion-heavy",
                "foundational",
                "reading",
                "practice",
            ],
            &self.content,
        );
        writeln!(t, "\n[content]\ntypes = {content:?}").unwrap();
        let goals = unique_names(
            &[
                "community",
                "collaboration",
                "knowledge-acquisition",
                "skill-development",
            ],
            &self.goals,
        );
        writeln!(t, "\n[goals]\nfocus = {goals:?}").unwrap();
        let kinds = mixplan::course::ActivityKind::NAMES;
        for (i, a) in self.activities.iter().take(200).enumerate() {
            let kind = pick(kinds, a.kind);
            writeln!(
                t,
                "\n[[activities]]\nid = \"a-{i}\"\nkind = \"{kind}\"\nminutes = {}",
                a.minutes % 600 + 1
            )
            .unwrap();
            match &a.weeks {
                Some(list) if !list.is_empty() => {
                    let mut w: Vec<u32> = list.iter().map(|&x| u32::from(x) % weeks + 1).collect();
                    w.sort_unstable();
                    w.dedup();
                    writeln!(t, "weeks = {w:?}").unwrap();
                }
                // An exam does not recur.
                _ if kind == "exam" => writeln!(t, "every = \"once\"").unwrap(),
                _ => writeln!(
                    t,
                    "every = \"{}\"",
                    pick(&["week", "2-weeks", "once"], a.every)
                )
                .unwrap(),
            }
            // Only the modes each kind allows: exams take none, forums are self-paced and
            // office hours live by nature.
            let allowed = |sync: bool| match kind {
                "exam" => false,
                "forum" => !sync,
                "office-hours" => sync,
                _ => true,
            };
            if let Some(sync) = a.mode.filter(|&s| allowed(s)) {
                writeln!(t, "mode = \"{}\"", if sync { "sync" } else { "async" }).unwrap();
            }
            if let Some(recorded) = a.recorded {
                writeln!(t, "recorded = {recorded}").unwrap();
            }
        }
        if self.activities.is_empty() {
            t.push_str("\n[[activities]]\nid = \"only\"\nkind = \"discussion\"\nminutes = 45\n");
        }
        t
    }
}

/// How many renderings [`render_one`] knows: `recommend` and `schedule` in each of four
/// formats, the student page and the calendar.
pub const RENDERINGS: u8 = 10;

/// Render `rec` the `n`th way (modulo [`RENDERINGS`]) and check what that output promises:
/// JSON parses, the student page's fragment never carries a script, calendars always close.
pub fn render_one(rec: &mixplan::Recommendation, n: u8) {
    use mixplan::render::{self, Format, Style};
    const FORMATS: [Format; 4] = [Format::Table, Format::Json, Format::Markdown, Format::Html];
    let n = n % RENDERINGS;
    match usize::from(n) {
        n @ 0..8 => {
            let format = FORMATS[n % 4];
            let out = if n < 4 {
                render::recommendation(rec, format, Style::PLAIN)
            } else {
                render::schedule(rec, format, Style::PLAIN)
            };
            if format == Format::Json {
                // `IgnoredAny` reads and validates every byte without building a tree.
                serde_json::from_str::<serde::de::IgnoredAny>(&out).expect("valid JSON");
            }
        }
        8 => {
            let fragment = render::html::page(rec, render::html::Shape::Fragment);
            assert!(!fragment.contains("<script"));
        }
        _ => {
            let options = render::ics::Options {
                sequence: 7,
                remind: Some(render::ics::Remind { minutes: 1440 }),
                style: render::ics::Style::Series,
            };
            if let Ok(ics) = render::ics::calendar(rec, options) {
                assert!(ics.ends_with("END:VCALENDAR\r\n"));
            }
            let flat = render::ics::Options {
                style: render::ics::Style::Flat,
                ..options
            };
            if let Ok(ics) = render::ics::calendar(rec, flat) {
                assert!(!ics.contains("RRULE") && !ics.contains("EXDATE"));
            }
        }
    }
}

/// Every rendering of [`render_one`].
pub fn render_all(rec: &mixplan::Recommendation) {
    for n in 0..RENDERINGS {
        render_one(rec, n);
    }
}
