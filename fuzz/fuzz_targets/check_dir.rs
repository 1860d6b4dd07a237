//! `mixplan check DIR` over a directory of generated files: courses behind byte-order marks,
//! escaped keys, `[[course]]`, non-course TOML, raw bytes, hidden folders, `.TOML` names and
//! a `.ignore` file, walked with and without `--hidden` and `--no-ignore`. Every file is
//! checked or noted, never both; the reports parse. The proptest mirror is in
//! `tests/it/discovery.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
mod hostile_gen {
    include!("../../tests/it/common/hostile_gen.rs");
}

fuzz_target!(|tree: hostile_gen::FuzzTree| {
    hostile_gen::check_dir(&tree);
});
