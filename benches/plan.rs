//! Load, plan and schedule on generated courses of growing size, so a growth curve can be read
//! off: activities from 10 to 100,000, weeks from 1 to 104. Run with `cargo bench --bench plan`.
//! Figures and the machine are recorded in BENCHMARKS.md.

use std::fmt::Write;

fn main() {
    divan::main();
}

const KINDS: &[&str] = mixplan::course::ActivityKind::NAMES;

/// A course of `weeks` weeks and `activities` activities cycling through every kind and
/// cadence, with students in two zones (a typical file has about ten activities).
pub fn course(weeks: u32, activities: usize) -> String {
    let mut text = format!(
        "[course]\ntitle = \"Bench\"\nweeks = {weeks}\nstart = 2027-01-11\ntimezone = \"America/New_York\"\n\n\
         [students]\ncount = 120\npopulations = [\"working-adults\", \"international\"]\n\n\
         [[students.zones]]\nzone = \"America/New_York\"\ncount = 80\n\n\
         [[students.zones]]\nzone = \"Europe/Berlin\"\ncount = 40\n\n\
         [content]\ntypes = [\"procedural\", \"complex-concepts\"]\n\n[goals]\nfocus = [\"community\"]\n\n"
    );
    for i in 0..activities {
        let kind = KINDS[i % KINDS.len()];
        // An exam does not recur.
        let every = match kind {
            "exam" => "once",
            _ => ["week", "2-weeks", "once"][i % 3],
        };
        writeln!(
            text,
            "[[activities]]\nid = \"activity-{i}\"\nkind = \"{kind}\"\nminutes = {}\nevery = \"{every}\"\n",
            10 + (i * 7) % 80
        )
        .unwrap();
    }
    text
}

fn parse(text: &str) -> mixplan::course::Course {
    mixplan::course::parse(text).expect("generated course is valid")
}

/// The headline figure: a typical ten-activity, twelve-week course, text to plan and schedule.
#[divan::bench]
fn typical_course_load_plan_schedule(bencher: divan::Bencher) {
    let text = course(12, 10);
    bencher.bench(|| mixplan::recommend(parse(divan::black_box(&text))));
}

/// Loading alone (parse and validate), 12 weeks.
#[divan::bench(args = [10, 100, 1_000, 10_000, 100_000], sample_count = 10, sample_size = 1)]
fn load(bencher: divan::Bencher, activities: usize) {
    let text = course(12, activities);
    bencher.bench(|| parse(divan::black_box(&text)));
}

/// The engine alone (score, decide, balance), 12 weeks.
#[divan::bench(args = [10, 100, 1_000, 10_000, 100_000], sample_count = 10, sample_size = 1)]
fn plan(bencher: divan::Bencher, activities: usize) {
    let course = parse(&course(12, activities));
    bencher.bench(|| mixplan::engine::plan(divan::black_box(&course)));
}

/// Load and plan: the "100,000 activities loaded and planned" figure.
#[divan::bench(args = [10, 1_000, 100_000], sample_count = 10, sample_size = 1)]
fn load_and_plan(bencher: divan::Bencher, activities: usize) {
    let text = course(12, activities);
    bencher.bench(|| mixplan::engine::plan(&parse(divan::black_box(&text))));
}

/// Load, plan and schedule 1,000 activities over a growing number of weeks.
#[divan::bench(args = [1, 13, 52, 104], sample_count = 20, sample_size = 1)]
fn recommend_by_weeks(bencher: divan::Bencher, weeks: u32) {
    let text = course(weeks, 1_000);
    bencher.bench(|| mixplan::recommend(parse(divan::black_box(&text))));
}

/// Load, plan and schedule a 52-week course of growing size.
#[divan::bench(args = [100, 1_000, 10_000], sample_count = 10, sample_size = 1)]
fn fifty_two_weeks(bencher: divan::Bencher, activities: usize) {
    let text = course(52, activities);
    bencher.bench(|| mixplan::recommend(parse(divan::black_box(&text))));
}

/// JSON rendering of the typical course.
#[divan::bench]
fn render_json_typical(bencher: divan::Bencher) {
    let rec = mixplan::recommend(parse(&course(12, 10)));
    bencher.bench(|| mixplan::render::json::to_string(divan::black_box(&rec), false));
}
