//! The check renderers (human, concise, JSON, SARIF, GitHub) on arbitrary diagnostics.
//!
//! The first byte picks which of the eight renderings runs, so an execution costs one
//! rendering rather than eight (SARIF alone, with its rule descriptions, was two thirds of
//! the time) and the fuzzer's mutations choose the format along with the diagnostics. The
//! proptest mirror in `tests/it/robustness.rs` renders each run every way.
#![no_main]

use libfuzzer_sys::fuzz_target;

// Each target uses part of the shared generator.
#[allow(dead_code)]
mod diag_gen {
    include!("../../tests/it/common/diag_gen.rs");
}

fuzz_target!(|input: (u8, diag_gen::FuzzRun)| {
    diag_gen::render_one(&input.1.to_run(), input.0);
});
