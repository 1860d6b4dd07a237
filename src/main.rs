//! The `mixplan` binary: the command line ([`cli`]) over the library, which does the work.
//!
//! The CLI is private to the binary; it names the library's modules through the re-exports
//! below, as `crate::render`, `crate::course`, ....

mod cli;

use mixplan::{
    Recommendation, budget, check, course, diagnostic, did_you_mean, diff, export, fsio, judge,
    recommend, render, rules, templates,
};

/// mimalloc: a course file makes about a thousand small allocations (TOML keys, week lists,
/// sittings), and glibc's malloc and free were a fifth of `check`'s instructions. Its no-THP
/// build keeps peak memory within the documented bounds (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
