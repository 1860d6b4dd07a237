//! Exports of a planned course into other systems' own formats (beside the calendar, which
//! `render::ics` writes): today a Canvas course package.
//!
//! An export is a view of the plan like any renderer, but its output is a file another program
//! imports, so each format lives in its own module with a typed model of what it writes.

pub mod canvas;
