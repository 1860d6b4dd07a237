//! `mixplan check` in-process: one typical course file at a time, and a batch of files of
//! growing size. The end-to-end figure (a process over a directory of 10,000 files) comes from
//! `scripts/bench-check.sh`. Run with `cargo bench --bench check`.

use mixplan::check::{Options, check_bytes};

fn main() {
    divan::main();
}

fn examples() -> Vec<Vec<u8>> {
    let mut paths: Vec<_> = std::fs::read_dir("examples")
        .expect("run from the crate root")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

/// One typical file: load, plan, design checks.
#[divan::bench]
fn one_typical_file(bencher: divan::Bencher) {
    let files = examples();
    let options = Options::default();
    let mut i = 0;
    bencher.bench_local(|| {
        i = (i + 1) % files.len();
        check_bytes("course.toml".into(), divan::black_box(&files[i]), &options)
    });
}

/// Files one after another on one core: the growth should be linear in the count.
#[divan::bench(args = [10, 100, 1_000], sample_count = 10, sample_size = 1)]
fn files_sequential(bencher: divan::Bencher, count: usize) {
    let files = examples();
    let options = Options::default();
    bencher.bench(|| {
        (0..count)
            .map(|i| {
                check_bytes(format!("c{i}.toml"), &files[i % files.len()], &options)
                    .diagnostics
                    .len()
            })
            .sum::<usize>()
    });
}
