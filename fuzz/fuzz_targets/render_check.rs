//! The check renderers (human, concise, JSON, SARIF, GitHub) on arbitrary diagnostics.
#![no_main]

use libfuzzer_sys::fuzz_target;

// Each target uses part of the shared generator.
#[allow(dead_code)]
mod diag_gen {
    include!("../../tests/it/common/diag_gen.rs");
}

fuzz_target!(|input: diag_gen::FuzzRun| {
    diag_gen::render_everything(&input.to_run());
});
