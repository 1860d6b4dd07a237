//! The catalog: every rule id mixplan can print, with its documentation.
//!
//! Scoring rules live with their conditions in [`crate::engine::rules`], design checks with
//! theirs in [`crate::check::rules`]; this module adds the engine's decision rules and the
//! loader's input errors, and exposes them all as one list for `mixplan rules`, `mixplan
//! explain` and the SARIF rule table.

use crate::course::Mode;
use crate::diagnostic::Severity;
use crate::engine::SCORING_RULES;

/// What kind of rule an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    /// Adds points to a mode.
    Scoring,
    /// Decides or adjusts a mode after scoring, or explains a plan-wide choice.
    Decision,
    /// A problem in the course file that stops it from loading.
    Input,
    /// A design check run by `mixplan check`.
    Check,
}

impl Category {
    /// Lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Scoring => "scoring",
            Category::Decision => "decision",
            Category::Input => "input",
            Category::Check => "check",
        }
    }
}

/// One documented rule.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Stable kebab-case id.
    pub id: &'static str,
    /// What kind of rule.
    pub category: Category,
    /// One line.
    pub summary: &'static str,
    /// Seed section and published sources.
    pub evidence: &'static str,
    /// For scoring rules: the favoured mode.
    pub favors: Option<Mode>,
    /// For scoring rules: the weight.
    pub weight: Option<f64>,
    /// For input errors and checks: the default severity.
    pub severity: Option<Severity>,
    /// Longer documentation.
    pub doc: &'static str,
    /// A course-file fragment that triggers it.
    pub example: &'static str,
}

/// A rule documented as plain data (decision rules, input errors, checks).
#[derive(Debug)]
pub struct Doc {
    /// Stable kebab-case id.
    pub id: &'static str,
    /// One line.
    pub summary: &'static str,
    /// Seed section and published sources.
    pub evidence: &'static str,
    /// Longer documentation.
    pub doc: &'static str,
    /// A course-file fragment that triggers it.
    pub example: &'static str,
}

/// The engine's decision rules: notes attached to activities or to the plan.
pub static DECISION_RULES: &[Doc] = &[
    Doc {
        id: "near-tie-async",
        summary: "When both modes score within the margin threshold, the activity goes self-paced",
        evidence: "seed: FAQ \"How do I decide which activities to make synchronous versus asynchronous?\" (if both work equally, keep the flexibility); Bernard et al. 2004",
        doc: "Live time has a cost (scheduling barriers, fatigue), so live has to win clearly: a margin \
              below 0.5 points, or a tie, keeps the activity asynchronous.",
        example: "[[activities]]\nid = \"lab\"\nkind = \"lab\"\nminutes = 30",
    },
    Doc {
        id: "pinned-mode",
        summary: "A mode written in the course file is kept, and the scores are still shown",
        evidence: "seed: Choosing the Right Mix > The key is intentionality",
        doc: "Designers sometimes know better than any rule. A pinned `mode` is never moved, not even \
              to keep live time in the band; the reason says whether the scores agree.",
        example: "[[activities]]\nid = \"kickoff\"\nkind = \"lecture\"\nminutes = 30\nmode = \"sync\"",
    },
    Doc {
        id: "band-over",
        summary: "Live time above the weekly band: the least certain live activities move to self-paced",
        evidence: "seed: FAQ \"How much synchronous time is ideal?\" (one to three hours a week online; too much creates scheduling barriers). No primary study fixes the numbers: the band is a convention, set it with `sync_hours`",
        doc: "For online courses mixplan keeps the average weekly live time inside `sync_hours` \
              (default 1-3 hours). Above it, unpinned live activities with the smallest margin move to \
              asynchronous until the time fits, preferring moves that stay above the floor.",
        example: "[course]\nsync_hours = [1.0, 2.0]",
    },
    Doc {
        id: "band-under",
        summary: "Live time below the weekly band: the strongest self-paced candidates move live",
        evidence: "seed: FAQ \"How much synchronous time is ideal?\" (too little reduces community and connection)",
        doc: "Below the band's floor, the unpinned asynchronous activities with the highest live score \
              move to live time, as long as that does not overshoot the ceiling. Content transmission \
              (lectures, readings, announcements) is never moved live.",
        example: "[course]\nsync_hours = [2.0, 3.0]",
    },
    Doc {
        id: "band-unreachable",
        summary: "Live time cannot reach the band without putting content transmission live",
        evidence: "seed: Best Practices for Synchronous Sessions (keep live time for what benefits from interaction)",
        doc: "When no interactive activity is left to move, mixplan says so instead of filling the live \
              hours with lectures: add a discussion, Q&A or problem-solving session.",
        example: "[[activities]]\nid = \"videos\"\nkind = \"lecture\"\nminutes = 60",
    },
    Doc {
        id: "pattern-choice",
        summary: "Flipped or alternating weeks, and why",
        evidence: "seed: The Blended Approach (flipped classroom; alternating weeks)",
        doc: "`flipped` puts self-paced content before the same week's live session; `alternating` runs \
              intensive self-paced weeks followed by live synthesis weeks (weekly live activities meet in \
              even weeks). `auto` picks alternating when students need flexible timing across a wide \
              spread of time zones, or live work is already every other week, and flipped otherwise.",
        example: "[course]\npattern = \"alternating\"",
    },
];

/// Input errors reported by the loader.
pub static INPUT_RULES: &[Doc] = &[
    Doc {
        id: "toml-syntax",
        summary: "The file is not valid TOML",
        evidence: "TOML 1.0 specification",
        doc: "The parser's message says what it expected at the position shown.",
        example: "[course\ntitle = \"x\"",
    },
    Doc {
        id: "empty-file",
        summary: "The file is empty",
        evidence: "SPEC section 3",
        doc: "A course file needs at least `[course]`, `[students]` and one `[[activities]]`.",
        example: "",
    },
    Doc {
        id: "invalid-utf8",
        summary: "The file is not UTF-8 text",
        evidence: "TOML 1.0 specification (UTF-8 encoded)",
        doc: "Save the file as UTF-8.",
        example: "",
    },
    Doc {
        id: "input-too-large",
        summary: "The file is larger than 16 MiB",
        evidence: "mixplan limit",
        doc: "Course files are small; a larger input is almost certainly generated by mistake.",
        example: "",
    },
    Doc {
        id: "unknown-key",
        summary: "A key mixplan does not know, with the closest valid key",
        evidence: "SPEC section 3 (unknown keys are errors)",
        doc: "Misspelt keys are silently ignored by many tools; mixplan rejects them so a typo never changes a plan.",
        example: "[[activities]]\nid = \"a\"\nkind = \"lecture\"\nminuts = 30",
    },
    Doc {
        id: "missing-key",
        summary: "A required table or key is missing",
        evidence: "SPEC section 3",
        doc: "Required: `[course]` with `title` and `weeks`, `[students]` with `count`, and `[[activities]]` with `id`, `kind` and `minutes`.",
        example: "[course]\ntitle = \"x\"",
    },
    Doc {
        id: "invalid-type",
        summary: "A value of the wrong type",
        evidence: "SPEC section 3",
        doc: "Numbers are unquoted, names are quoted strings, `start` is a bare TOML date.",
        example: "[course]\nweeks = \"12\"",
    },
    Doc {
        id: "out-of-range",
        summary: "A number outside its allowed range",
        evidence: "SPEC section 3",
        doc: "`weeks` 1-104, `minutes` 1-600, `count` at least 1, `reliable_internet` 0-1.",
        example: "[course]\nweeks = 200",
    },
    Doc {
        id: "unknown-value",
        summary: "A name outside its vocabulary (kind, population, goal, weekday, ...), with the closest valid one",
        evidence: "SPEC section 3",
        doc: "Each vocabulary is closed; `mixplan schema` lists every allowed value.",
        example: "[[activities]]\nkind = \"lectrue\"",
    },
    Doc {
        id: "unknown-zone",
        summary: "A time zone that is not in the IANA database, with the closest valid name",
        evidence: "IANA time zone database (bundled)",
        doc: "Zone names such as `Asia/Tokyo` are case-sensitive; abbreviations like `EST` are ambiguous and not accepted.",
        example: "[[students.zones]]\nzone = \"Asia/Tokio\"\ncount = 5",
    },
    Doc {
        id: "duplicate-value",
        summary: "The same name or week listed twice",
        evidence: "SPEC section 3",
        doc: "Lists are sets; a repeated entry is almost always a copy-and-paste slip.",
        example: "[goals]\nfocus = [\"community\", \"community\"]",
    },
    Doc {
        id: "duplicate-id",
        summary: "Two activities share an id",
        evidence: "SPEC section 3 (unique ids)",
        doc: "Ids name activities in the schedule, the JSON and diagnostics; they must be unique.",
        example: "[[activities]]\nid = \"a\"\n[[activities]]\nid = \"a\"",
    },
    Doc {
        id: "invalid-id",
        summary: "An activity id that is not lowercase kebab-case",
        evidence: "SPEC section 3",
        doc: "Ids are lowercase letters and digits in words joined by single hyphens, at most 64 characters.",
        example: "[[activities]]\nid = \"Case_Clinic\"",
    },
    Doc {
        id: "invalid-value",
        summary: "A value of the right type that makes no sense (an empty title, min above max, a malformed time)",
        evidence: "SPEC section 3",
        doc: "The message says what was found and what to write instead.",
        example: "[course]\nsync_hours = [3.0, 1.0]",
    },
    Doc {
        id: "conflicting-keys",
        summary: "Keys that cannot be used together",
        evidence: "SPEC section 3",
        doc: "An activity has either `every` (a cadence) or `weeks` (explicit weeks), not both.",
        example: "[[activities]]\nevery = \"week\"\nweeks = [1, 2]",
    },
    Doc {
        id: "too-many",
        summary: "More activities or zones than mixplan accepts",
        evidence: "mixplan limits: 100,000 activities, 400 zones",
        doc: "Limits keep every run fast and bounded in memory.",
        example: "",
    },
];

fn from_docs(
    docs: &'static [Doc],
    category: Category,
    severity: Option<Severity>,
) -> impl Iterator<Item = Entry> {
    docs.iter().map(move |d| Entry {
        id: d.id,
        category,
        summary: d.summary,
        evidence: d.evidence,
        favors: None,
        weight: None,
        severity,
        doc: d.doc,
        example: d.example,
    })
}

/// Every documented rule: scoring, decision, input, then checks.
pub fn all() -> Vec<Entry> {
    let scoring = SCORING_RULES.iter().map(|r| Entry {
        id: r.id,
        category: Category::Scoring,
        summary: r.summary,
        evidence: r.evidence,
        favors: Some(r.favors),
        weight: Some(r.weight),
        severity: None,
        doc: r.doc,
        example: r.example,
    });
    scoring
        .chain(from_docs(DECISION_RULES, Category::Decision, None))
        .chain(from_docs(
            INPUT_RULES,
            Category::Input,
            Some(Severity::Error),
        ))
        .chain(crate::check::CHECK_RULES.iter().map(|r| Entry {
            id: r.id,
            category: Category::Check,
            summary: r.summary,
            evidence: r.evidence,
            favors: None,
            weight: None,
            severity: Some(r.severity),
            doc: r.doc,
            example: r.example,
        }))
        .collect()
}

/// Look up one rule by id.
pub fn find(id: &str) -> Option<Entry> {
    all().into_iter().find(|e| e.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn ids_are_unique_kebab_case() {
        let entries = all();
        let ids: BTreeSet<&str> = entries.iter().map(|e| e.id).collect();
        assert_eq!(ids.len(), entries.len(), "duplicate rule id");
        for id in ids {
            assert!(crate::course::is_kebab_case(id), "{id} is not kebab-case");
        }
    }
}
