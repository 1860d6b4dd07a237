//! The human renderers (human, concise, GitHub, table, markdown) on hostile user text: no
//! control character, raw newline or bidi control escapes into the output.
#![no_main]

use libfuzzer_sys::fuzz_target;

// Each target uses part of the shared generator.
#[allow(dead_code)]
mod diag_gen {
    include!("../../tests/it/common/diag_gen.rs");
}

fuzz_target!(|input: (diag_gen::FuzzRun, String)| {
    diag_gen::assert_human_formats_clean(&input.0.to_run());
    let _ = diag_gen::assert_plan_formats_clean(&input.1);
});
