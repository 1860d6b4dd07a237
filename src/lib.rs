//! mixplan: plan the live/self-paced mix of an online course, and check course files in CI.
//!
//! Data flows one way: TOML text is loaded into a validated [`course::Course`], the
//! [`engine`] decides a mode for every activity ([`engine::Plan`]), the [`schedule`] lays the
//! weeks out, and a renderer in [`render`] turns the result into text. The CLI in [`cli`] is a
//! thin layer over these.

// The hand-written output schemas are deep `json!` literals.
#![recursion_limit = "256"]

pub mod catalog;
pub mod check;
pub mod cli;
pub mod course;
pub mod diagnostic;
pub mod engine;
pub mod fsio;
pub mod render;
pub mod schedule;
mod suggest;

pub use suggest::did_you_mean;

use course::Course;
use engine::Plan;
use schedule::Schedule;

/// Everything `mixplan recommend` knows about a course.
#[derive(Clone, Debug)]
pub struct Recommendation {
    /// The validated course.
    pub course: Course,
    /// Modes, reasons, pattern, weekly totals and advice.
    pub plan: Plan,
    /// The weekly schedule and live slots.
    pub schedule: Schedule,
}

/// Plan and schedule a validated course.
pub fn recommend(course: Course) -> Recommendation {
    let plan = engine::plan(&course);
    let schedule = schedule::build(&course, &plan);
    Recommendation {
        course,
        plan,
        schedule,
    }
}

impl Recommendation {
    /// The engine's advice plus what the schedule adds (recordings and the students no live
    /// slot reaches), then every design-check finding of `mixplan check` that the course file
    /// does not allow in its `[check]` table.
    pub fn advice(&self) -> Vec<engine::Advice> {
        let mut advice = self.plan.advice.clone();
        let unrecorded: Vec<&str> = self
            .plan
            .decisions
            .iter()
            .filter(|d| d.mode == course::Mode::Sync)
            .map(|d| &self.course.activities[d.index])
            .filter(|a| !a.recorded)
            .map(|a| a.id.as_str())
            .collect();
        if !unrecorded.is_empty() {
            advice.push(engine::Advice {
                rule: "record-live-sessions",
                message: format!(
                    "record {}: students who miss a live session for work, family, time zone or a dropped connection need the recording (seed: Best Practices for Synchronous Sessions)",
                    unrecorded.join(", ")
                ),
            });
        }
        for repeat in self.schedule.live_slots.iter().filter(|s| s.repeat) {
            let reached: Vec<String> = repeat
                .local
                .iter()
                .filter(|l| {
                    l.covered
                        && self.schedule.live_slots[0]
                            .excluded
                            .iter()
                            .any(|u| u.zone == l.zone)
                })
                .map(|l| format!("{} ({}, {} {} local)", l.zone, l.count, l.day, l.time))
                .collect();
            advice.push(engine::Advice {
                rule: "live-alternative",
                message: format!(
                    "repeat the live session {} {} {} for students the main slot misses: {} (seed: Synchronous Learning, Weaknesses: fixed times shut out other time zones)",
                    repeat.day,
                    repeat.time,
                    repeat.timezone,
                    reached.join(", ")
                ),
            });
        }
        for gap in &self.schedule.uncovered {
            let weeks = format!(" {}", render::missed_text(&gap.weeks, &gap.samples));
            advice.push(engine::Advice {
                rule: "live-alternative",
                message: format!(
                    "{} student(s) in {} cannot attend a live slot{weeks}: they watch the recording and post a written response by 23:59 their time, {} days after the session (seed: FAQ \"What about students who cannot attend synchronous sessions?\")",
                    gap.count,
                    gap.zone,
                    schedule::ALTERNATIVE_DAYS
                ),
            });
        }
        let allowed = |rule: &str| self.course.check.allow.iter().any(|a| a.rule == rule);
        // A check that repeats advice the engine already gave is left out, so each problem is
        // said once: the check's rule id is paired with the engine advice that covers it.
        const COVERED: &[(&str, &str)] = &[
            ("live-not-recorded", "record-live-sessions"),
            ("live-hours-outside-band", "band-unreachable"),
            ("live-hours-outside-band", "band-over"),
        ];
        let said: Vec<&str> = advice.iter().map(|a| a.rule).collect();
        let covered = |rule: &str| {
            COVERED
                .iter()
                .any(|&(check, by)| check == rule && said.contains(&by))
        };
        advice.extend(
            check::design(self, None)
                .into_iter()
                .filter(|d| !allowed(d.rule) && !covered(d.rule))
                .map(|d| engine::Advice {
                    rule: d.rule,
                    message: match d.help {
                        Some(help) => format!("{}; {help}", d.message),
                        None => d.message,
                    },
                }),
        );
        advice
    }
}
