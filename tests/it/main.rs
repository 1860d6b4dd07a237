//! The integration tests: one binary with a module per area, so two cores link once, not
//! fourteen times.

mod common;

mod attacks;
mod attend;
mod budget;
mod canvas;
mod check_caps;
mod check_cli;
mod check_rules;
mod cli;
mod cmd;
mod connectivity_findings;
mod diff;
mod discovery;
mod editors;
mod facts;
mod help_examples;
mod hostile;
mod house;
mod hybrid_band;
mod ics;
mod json_contract;
mod limits;
mod loader;
mod modes;
mod occurrences;
mod page;
mod properties;
mod publish;
mod robustness;
mod rules;
mod scenarios;
mod snapshots;
mod terms;
mod workload;
mod writes;
mod zones;
