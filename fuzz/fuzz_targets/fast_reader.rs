//! The fast TOML reader against toml on arbitrary text: whatever it takes, toml reads without
//! an error into the same tree, spans included.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(text) = std::str::from_utf8(bytes) {
        mixplan::course::fast_reader_agrees(text);
    }
});
