//! `mixplan diff` in-process: two versions of the largest shipped example (a lecture moved by
//! an hour, a due time made earlier, a holiday added), each loaded, planned and checked, then
//! compared and rendered. The target is under 100 ms. Run with `cargo bench --bench diff`.

fn main() {
    divan::main();
}

fn versions() -> (Vec<u8>, Vec<u8>) {
    let old = std::fs::read_to_string("examples/remote-graphics-lecture.toml")
        .expect("run from the crate root");
    let new = old
        .replace(
            "at = { day = \"tue\", time = \"17:30\" }",
            "at = { day = \"tue\", time = \"18:30\" }",
        )
        .replace(
            "due = { day = \"mon\", time = \"23:59\" }",
            "due = { day = \"mon\", time = \"12:00\" }",
        )
        .replace(
            "holidays = [2027-02-15]",
            "holidays = [2027-02-15, 2027-02-18]",
        );
    (old.into_bytes(), new.into_bytes())
}

/// Both versions from bytes to the rendered report.
#[divan::bench]
fn two_versions_of_an_example(bencher: divan::Bencher) {
    let (old, new) = versions();
    bencher.bench_local(|| {
        let old = mixplan::diff::from_bytes("old.toml", divan::black_box(&old)).unwrap();
        let new = mixplan::diff::from_bytes("new.toml", divan::black_box(&new)).unwrap();
        let diff = mixplan::diff::compare(&old, &new, mixplan::diff::Options::default());
        mixplan::render::diff::text(&mixplan::render::diff::Report {
            diff: &diff,
            new: &new,
            fail_on: &[],
        })
    });
}

/// The comparison alone, on two prepared sides.
#[divan::bench]
fn compare_only(bencher: divan::Bencher) {
    let (old, new) = versions();
    let old = mixplan::diff::from_bytes("old.toml", &old).unwrap();
    let new = mixplan::diff::from_bytes("new.toml", &new).unwrap();
    bencher.bench_local(|| {
        mixplan::diff::compare(
            divan::black_box(&old),
            divan::black_box(&new),
            mixplan::diff::Options::default(),
        )
    });
}
