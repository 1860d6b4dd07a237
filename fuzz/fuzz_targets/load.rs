//! The loader on arbitrary bytes: never panics, and a failure always says why.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let (text, loaded) = mixplan::course::load_bytes(bytes);
    assert!(loaded.course.is_some() || !loaded.diagnostics.is_empty());
    // Every diagnostic points inside the text it came from.
    for d in &loaded.diagnostics {
        if let Some(span) = d.span {
            assert!(span.start <= span.end && span.end <= text.len() + 1, "{d:?}");
        }
    }
});
