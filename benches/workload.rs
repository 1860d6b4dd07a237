//! The workload of a large course: 10,000 activities over 52 weeks, every kind of estimate,
//! weekly and spread (`per = "total"`), with exam study. The target is under 50 ms for the
//! weekly totals given a plan. Run with `cargo bench --bench workload`; figures in
//! BENCHMARKS.md.

use std::fmt::Write;

fn main() {
    divan::main();
}

const ESTIMATES: &[&str] = &[
    "minutes = 45",
    "read = { pages = 30, words_per_page = 450, purpose = \"understand\", new_concepts = \"some\" }",
    "watch = { minutes = 40 }",
    "post = { posts = 1, words = 250, replies = 2, reply_words = 100 }",
    "write = { words = 2000, genre = \"argument\", drafting = \"minimal\" }\nper = \"total\"\nweeks = [\"1-52\"]",
];

/// A 52-week course with `activities` activities cycling through the estimators.
fn course(activities: usize) -> String {
    let mut text = String::from(
        "[course]\ntitle = \"Bench\"\nweeks = 52\ncredits = 60\ncredit_hours = 25\n\n[students]\ncount = 100\n\n",
    );
    for i in 0..activities {
        let estimate = ESTIMATES[i % ESTIMATES.len()];
        let estimate = if estimate.contains("weeks = [\"1-52\"]") {
            // Every week, listed: explicit weeks are the common way to spread a paper.
            let weeks: Vec<String> = (1..=52).map(|w| w.to_string()).collect();
            estimate.replace("[\"1-52\"]", &format!("[{}]", weeks.join(", ")))
        } else {
            estimate.to_string()
        };
        writeln!(
            text,
            "[[activities]]\nid = \"a{i}\"\nkind = \"{}\"\nmode = \"async\"\n{estimate}\n",
            [
                "reading",
                "reading",
                "lecture",
                "discussion",
                "project-work"
            ][i % ESTIMATES.len()]
        )
        .unwrap();
    }
    text
}

/// Weekly totals of 10,000 activities over 52 weeks, given the plan.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn weekly_totals_10k_activities_52_weeks(bencher: divan::Bencher) {
    let course = mixplan::course::parse(&course(10_000)).expect("generated course is valid");
    let plan = mixplan::engine::plan(&course);
    let schedule = mixplan::schedule::build(&course, &plan);
    bencher.bench(|| mixplan::workload::compute(divan::black_box(&course), &plan, &schedule));
}

/// The same, rendered as JSON (what `mixplan workload --format json` adds on top).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn json_10k_activities_52_weeks(bencher: divan::Bencher) {
    let course = mixplan::course::parse(&course(10_000)).expect("generated course is valid");
    let rec = mixplan::recommend(course);
    bencher.bench(|| {
        let workload = rec.workload();
        mixplan::render::workload::json(&rec, divan::black_box(&workload))
    });
}
