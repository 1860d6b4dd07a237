//! `mixplan export canvas` on the largest shipped examples: the lecture course with sections,
//! exams, a break week and a holiday (11 activities, 57 live meetings), and the large lecture
//! (78 assignments). The target is under 50 ms from the course text to the package's bytes.
//! Run with `cargo bench --bench canvas`; figures in BENCHMARKS.md.

fn main() {
    divan::main();
}

const EXAMPLES: &[&str] = &["remote-graphics-lecture", "large-lecture"];

fn text(name: &str) -> String {
    std::fs::read_to_string(format!("examples/{name}.toml")).expect("shipped example")
}

/// Course text to package bytes: load, plan, schedule, fill the model, write and zip.
#[divan::bench(args = EXAMPLES, sample_count = 30, sample_size = 1)]
fn text_to_package(bencher: divan::Bencher, name: &str) {
    let text = text(name);
    bencher.bench(|| {
        let course = mixplan::course::parse(divan::black_box(&text)).expect("valid example");
        let rec = mixplan::recommend(course);
        let model = mixplan::export::canvas::from_recommendation(&rec).expect("has start");
        mixplan::export::canvas::package(&model, &Default::default())
    });
}

/// The export alone, given the plan: fill the model, write and zip.
#[divan::bench(args = EXAMPLES, sample_count = 30, sample_size = 1)]
fn package_given_plan(bencher: divan::Bencher, name: &str) {
    let course = mixplan::course::parse(&text(name)).expect("valid example");
    let rec = mixplan::recommend(course);
    bencher.bench(|| {
        let model = mixplan::export::canvas::from_recommendation(divan::black_box(&rec))
            .expect("has start");
        mixplan::export::canvas::package(&model, &Default::default())
    });
}
