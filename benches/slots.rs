//! The slot search at its largest: a 104-week course with students in 300 time zones picks
//! its main and repeat slots. Budget: under 50 ms (`cargo bench --bench slots`).

use mixplan::course::Course;
use mixplan::schedule::slots;

fn main() {
    divan::main();
}

/// 300 zones from the bundled database (every IANA name, in order, skipping aliases that
/// repeat a name already taken), 1-5 students each, five allowed weekdays, 104 weeks from a
/// start date so every real clock change of two years is evaluated.
fn big_course(pinned: bool) -> Course {
    zones_course(300, 104, pinned)
}

/// `zones` zones spread over the database and `weeks` weeks (see `big_course`).
fn zones_course(zone_count: usize, weeks: u32, pinned: bool) -> Course {
    let mut names: Vec<String> = jiff::tz::db()
        .available()
        .map(|n| n.as_str().to_string())
        .filter(|n| n.contains('/') && !n.starts_with("Etc/"))
        .collect();
    names.sort();
    names.dedup();
    assert!(names.len() >= zone_count, "only {} zones", names.len());
    let step = names.len() as f64 / zone_count as f64;
    let zones: Vec<&str> = (0..zone_count)
        .map(|i| names[(i as f64 * step) as usize].as_str())
        .collect();
    let count: usize = (0..zone_count).map(|i| 1 + i % 5).sum();
    let mut text = format!(
        "[course]\ntitle = \"Bench\"\nweeks = {weeks}\nstart = 2027-01-04\ntimezone = \"America/New_York\"\n",
    );
    if pinned {
        text.push_str("live_at = { day = \"wed\", time = \"09:00\" }\n");
    }
    text.push_str(&format!("[students]\ncount = {count}\n"));
    for (i, zone) in zones.iter().enumerate() {
        text.push_str(&format!(
            "[[students.zones]]\nzone = \"{zone}\"\ncount = {}\n",
            1 + i % 5
        ));
    }
    text.push_str(
        "[[activities]]\nid = \"debate\"\nkind = \"debate\"\nminutes = 60\nmode = \"sync\"\n",
    );
    mixplan::course::parse(&text).expect("bench course is valid")
}

#[divan::bench(args = [false, true])]
fn choose_300_zones_104_weeks(bencher: divan::Bencher, pinned: bool) {
    let course = big_course(pinned);
    let weeks: Vec<u32> = (1..=104).collect();
    bencher.bench(|| {
        let (slots, _left) = slots::choose(divan::black_box(&course), 70, &weeks);
        assert!(!slots.is_empty());
        slots
    });
}

/// Growth with zones x weeks: the search should grow about linearly with their product.
#[divan::bench(consts = [1, 10, 100, 400], args = [1, 13, 52, 104], sample_count = 20)]
fn choose_by_zones_and_weeks<const ZONES: usize>(bencher: divan::Bencher, weeks: u32) {
    let course = zones_course(ZONES, weeks, false);
    let live: Vec<u32> = (1..=weeks).collect();
    bencher.bench(|| slots::choose(divan::black_box(&course), 70, &live));
}
