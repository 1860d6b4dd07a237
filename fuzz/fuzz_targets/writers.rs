//! The student page and calendar writers on hostile text: titles, locations and links with
//! controls, bidi controls, noncharacters and markup, on courses with sections and zones.
//! The output budget's estimate bounds both outputs; the page carries no raw bidi control;
//! the calendar folds at 75 octets. The proptest mirror is in `tests/it/budget.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
mod hostile_gen {
    include!("../../tests/it/common/hostile_gen.rs");
}

fuzz_target!(|input: hostile_gen::FuzzWriters| {
    hostile_gen::writers(&input);
});
