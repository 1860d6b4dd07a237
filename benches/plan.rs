//! Load + plan + schedule on generated courses: a typical course and a very large one.
//!
//! Run with `cargo bench --bench plan`.

use std::fmt::Write;

fn main() {
    divan::main();
}

const KINDS: &[&str] = mixplan::course::ActivityKind::NAMES;

/// A course of `weeks` weeks and `activities` activities cycling through every kind.
pub fn course(weeks: u32, activities: usize) -> String {
    let mut text = format!(
        "[course]\ntitle = \"Bench\"\nweeks = {weeks}\nstart = 2027-01-11\ntimezone = \"America/New_York\"\n\n\
         [students]\ncount = 120\npopulations = [\"working-adults\", \"international\"]\n\n\
         [[students.zones]]\nzone = \"America/New_York\"\ncount = 80\n\n\
         [[students.zones]]\nzone = \"Europe/Berlin\"\ncount = 40\n\n\
         [content]\ntypes = [\"procedural\", \"complex-concepts\"]\n\n[goals]\nfocus = [\"community\"]\n\n"
    );
    for i in 0..activities {
        let every = ["week", "2-weeks", "once"][i % 3];
        writeln!(
            text,
            "[[activities]]\nid = \"activity-{i}\"\nkind = \"{}\"\nminutes = {}\nevery = \"{every}\"\n",
            KINDS[i % KINDS.len()],
            10 + (i * 7) % 80
        )
        .unwrap();
    }
    text
}

fn load_and_plan(text: &str) -> mixplan::Recommendation {
    let course = mixplan::course::parse(text).expect("generated course is valid");
    mixplan::recommend(course)
}

#[divan::bench]
fn typical_ten_activities(bencher: divan::Bencher) {
    let text = course(12, 10);
    bencher.bench(|| load_and_plan(divan::black_box(&text)));
}

#[divan::bench(args = [100, 1_000, 10_000])]
fn fifty_two_weeks(bencher: divan::Bencher, activities: usize) {
    let text = course(52, activities);
    bencher.bench(|| load_and_plan(divan::black_box(&text)));
}

#[divan::bench]
fn render_json_typical(bencher: divan::Bencher) {
    let rec = load_and_plan(&course(12, 10));
    bencher.bench(|| mixplan::render::json::recommendation(divan::black_box(&rec)));
}
