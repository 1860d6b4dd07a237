//! The slot search at its largest: a 104-week course with students in 300 time zones picks
//! its main and repeat slots. Budget: under 50 ms (`cargo bench --bench slots`). Also one
//! course's searches and coverage evaluations with the per-course zone cache and without it.

use mixplan::course::Course;
use mixplan::schedule::slots;

fn main() {
    divan::main();
}

/// 300 zones from the bundled database (every IANA name, in order, each link read as the
/// zone it names, skipping repeats), 1-5 students each, five allowed weekdays, 104 weeks from a
/// start date so every real clock change of two years is evaluated.
fn big_course(pinned: bool) -> Course {
    zones_course(300, 104, pinned)
}

/// `zones` zones spread over the database and `weeks` weeks (see `big_course`).
fn zones_course(zone_count: usize, weeks: u32, pinned: bool) -> Course {
    // One name per zone: the loader refuses a zone listed twice under two of its names.
    let mut names: Vec<String> = jiff::tz::db()
        .available()
        .filter_map(|n| mixplan::course::zones::normalize(n.as_str()))
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

/// What the schedule of one course asks of the slot search: the engine's reach for each
/// activity length over every week, a main slot and further sittings of several lengths
/// (each in its own weeks, clear of those placed before), a repeat, and the coverage of
/// fixed sittings. `cached`: every call reads one [`slots::ZoneCache`] built for the
/// course, as `mixplan` does; otherwise each call builds its own (as before the cache).
fn course_searches(course: &Course, cached: bool) -> usize {
    use mixplan::course::{TimeOfDay, Weekday};
    let weeks: Vec<u32> = (1..=course.meta.weeks).collect();
    let odd: Vec<u32> = weeks.iter().copied().filter(|w| w % 2 == 1).collect();
    let lengths = [30, 45, 50, 60, 75, 90];
    let zones = cached.then(|| slots::ZoneCache::new(course));
    let fixed = slots::fixed_busy(course);
    let mut busy = fixed.clone();
    let mut found = 0;
    let reach = match &zones {
        Some(zones) => zones.reach_by_length(&lengths, &weeks),
        None => slots::reach_by_length(course, &lengths, &weeks),
    };
    found += reach.len();
    for (k, (minutes, live)) in [(90, &weeks), (60, &odd), (45, &weeks), (75, &odd)]
        .into_iter()
        .enumerate()
    {
        let search = slots::Search {
            allowed: &course.meta.live_days,
            pinnable: k == 0,
            busy: &busy,
            busy_by_week: &[],
            packed: false,
        };
        let (placed, _) = match &zones {
            Some(zones) => zones.choose_on(minutes, live, &search),
            None => slots::choose_on(course, minutes, live, &search),
        };
        let Some(slot) = placed.into_iter().next() else {
            continue;
        };
        let repeat = match &zones {
            Some(zones) => zones.choose_repeat(&slot, live, &search, &[slot.day], 1),
            None => slots::choose_repeat(course, &slot, live, &search, &[slot.day], 1),
        };
        found += 1 + usize::from(repeat.is_some());
        busy.push(slots::Busy {
            day: slot.day,
            start: u32::from(slot.time.minutes),
            end: u32::from(slot.time.minutes) + minutes,
            weeks: live.clone(),
        });
    }
    for (day, hour) in [(Weekday::Mon, 9), (Weekday::Tue, 14), (Weekday::Thu, 18)] {
        let time = TimeOfDay::from_minutes(hour * 60);
        let slot = match &zones {
            Some(zones) => zones.evaluate(day, time, 50, &weeks),
            None => slots::evaluate(course, day, time, 50, &weeks),
        };
        found += slot.students_covered as usize;
    }
    found
}

/// One course's slot searches and coverage evaluations reading the per-course cache, for 5
/// and 300 student zones over 16 and 104 weeks.
#[divan::bench(consts = [5, 300], args = [16, 104], sample_count = 20)]
fn course_searches_with_cache<const ZONES: usize>(bencher: divan::Bencher, weeks: u32) {
    let course = zones_course(ZONES, weeks, false);
    bencher.bench(|| course_searches(divan::black_box(&course), true));
}

/// The same searches, each building its own zone timelines and session dates.
#[divan::bench(consts = [5, 300], args = [16, 104], sample_count = 20)]
fn course_searches_without_cache<const ZONES: usize>(bencher: divan::Bencher, weeks: u32) {
    let course = zones_course(ZONES, weeks, false);
    bencher.bench(|| course_searches(divan::black_box(&course), false));
}
