//! The `mixplan` binary: the command line ([`cli`]) over the library, which does the work.
//!
//! The CLI is private to the binary; it names the library's modules through the re-exports
//! below, as `crate::render`, `crate::course`, ....

mod cli;

use mixplan::{
    Recommendation, budget, check, course, diagnostic, did_you_mean, diff, export, fsio, judge,
    recommend, render, rules, templates,
};

fn main() -> std::process::ExitCode {
    cli::main()
}
