//! How `mixplan workload` estimates and weighs hours: the rates' documentation quotes every
//! rate from the one table ([`RATES`]), so the page and the arithmetic cannot disagree.

use super::{RuleDoc, RuleKind};
use crate::course::estimate::RATES;

super::area! {
    /// How `mixplan workload` estimates and weighs the hours a course asks.
    Workload(WorkloadId) {
        EstimateRead = "estimate-read" => WorkloadId::EstimateRead.build_doc(),
        EstimateWrite = "estimate-write" => WorkloadId::EstimateWrite.build_doc(),
        EstimatePost = "estimate-post" => WorkloadId::EstimatePost.build_doc(),
        EstimateWatch = "estimate-watch" => WorkloadId::EstimateWatch.build_doc(),
        StudyHours = "study-hours" => WorkloadId::StudyHours.build_doc(),
        WorkloadTarget = "workload-target" => WorkloadId::WorkloadTarget.build_doc(),
    }
}

impl WorkloadId {
    /// The documentation, built from the rate table.
    fn build_doc(self) -> RuleDoc {
        match self {
            WorkloadId::EstimateRead => RuleDoc {
                kind: RuleKind::Workload,
                summary: "`read`: reading time from pages, words a page, purpose and new concepts",
                evidence: RATES.reading_source,
                doc: workload_docs::read(),
                example: "[[activities]]\nid = \"readings\"\nkind = \"reading\"\nread = { pages = 40, words_per_page = 450, purpose = \"understand\", new_concepts = \"some\" }",
            },
            WorkloadId::EstimateWrite => RuleDoc {
                kind: RuleKind::Workload,
                summary: "`write`: writing time from words, genre and drafting",
                evidence: RATES.writing_source,
                doc: workload_docs::write(),
                example: "[[activities]]\nid = \"paper\"\nkind = \"project-work\"\nweeks = [8, 9, 10, 11]\nwrite = { words = 2000, genre = \"research\", drafting = \"minimal\" }\nper = \"total\"",
            },
            WorkloadId::EstimatePost => RuleDoc {
                kind: RuleKind::Workload,
                summary: "`post`: time to write discussion posts and replies",
                evidence: RATES.post_source,
                doc: workload_docs::post(),
                example: "[[activities]]\nid = \"forum\"\nkind = \"discussion\"\nmode = \"async\"\npost = { posts = 1, words = 250, replies = 2, reply_words = 125 }",
            },
            WorkloadId::EstimateWatch => RuleDoc {
                kind: RuleKind::Workload,
                summary: "`watch`: video or audio counted at its running time",
                evidence: RATES.watch_source,
                doc: workload_docs::watch(),
                example: "[[activities]]\nid = \"videos\"\nkind = \"lecture\"\nwatch = { minutes = 45 }",
            },
            WorkloadId::StudyHours => RuleDoc {
                kind: RuleKind::Workload,
                summary: "An exam's `study_hours` fall half in the previous teaching week and half in the exam's week",
                evidence: "La Trobe University workload guidance and McInnes et al., AJET (averaged workloads hide peak assessment weeks: show the peak); the half-and-half split is mixplan's convention",
                doc: "Students study for an exam in the days before it, which usually span two course weeks. The study hours are rounded half-up to whole minutes and split half and half, the odd minute in the earlier week; an exam in the first teaching week takes all its study in its own week. They count as self-paced work, for every sitting of the exam.",
                example: "[[activities]]\nid = \"midterm\"\nkind = \"exam\"\nminutes = 90\nweeks = [7]\nstudy_hours = 5",
            },
            WorkloadId::WorkloadTarget => RuleDoc {
                kind: RuleKind::Workload,
                summary: "The weekly workload target: credits × credit_hours ÷ teaching weeks, and what counts as a week's work",
                evidence: "US federal credit hour, 34 CFR 600.2 (one hour of instruction and about two of outside work a week); SUNY Online, \"Calculating time on task\" (3 credits = 135 hours, about 9 a week over 15 weeks, online too); ECTS Users' Guide 2015 (25-30 hours a credit); UK QAA credit framework (10 notional hours a credit); Kember 2004 (show live and self-paced hours apart)",
                doc: workload_docs::target(),
                example: "[course]\ncredits = 3\ncredit_hours = 45\nworkload_tolerance = 0.2",
            },
        }
    }
}

/// The workload rules' documentation, quoting every rate from the one table
/// ([`RATES`]) so the page and the arithmetic cannot disagree.
mod workload_docs {
    use std::sync::OnceLock;

    use crate::course::estimate::{DEFAULT_WORDS_PER_PAGE, RATES, WRITING_BLOCK_WORDS};
    use crate::course::{
        DEFAULT_CREDIT_HOURS, DEFAULT_WORKLOAD_TOLERANCE, Drafting, Genre, MAX_MINUTES,
        NewConcepts, Purpose,
    };

    /// Built once per process: registry entries are `'static`.
    fn once(cell: &'static OnceLock<String>, build: fn() -> String) -> &'static str {
        cell.get_or_init(build).as_str()
    }

    fn rounding() -> String {
        format!(
            "The estimate is rounded half-up to whole minutes; with `per = \"total\"` it is spread over the activity's occurrences, the odd minutes on the earliest (1000 over 3 weeks: 334, 333, 333). One occurrence may not exceed {MAX_MINUTES} minutes, as with `minutes`."
        )
    }

    pub fn read() -> &'static str {
        static DOC: OnceLock<String> = OnceLock::new();
        once(&DOC, || {
            let cells: Vec<String> = Purpose::ALL
                .iter()
                .map(|&p| {
                    let rates: Vec<String> = NewConcepts::ALL
                        .iter()
                        .map(|&c| RATES.reading(p, c).to_string())
                        .collect();
                    format!("{p} {}", rates.join("/"))
                })
                .collect();
            format!(
                "Reading time is pages × words a page ÷ a reading speed. Speeds in words a minute, for no/some/many new concepts: {}. `words_per_page` defaults to {DEFAULT_WORDS_PER_PAGE}, the estimator's lightest page. {}",
                cells.join(", "),
                rounding()
            )
        })
    }

    pub fn write() -> &'static str {
        static DOC: OnceLock<String> = OnceLock::new();
        once(&DOC, || {
            let cells: Vec<String> = Genre::ALL
                .iter()
                .map(|&g| {
                    let rates: Vec<String> = Drafting::ALL
                        .iter()
                        .map(|&d| RATES.writing(g, d).to_string())
                        .collect();
                    format!("{g} {}", rates.join("/"))
                })
                .collect();
            format!(
                "Writing time is words ÷ {WRITING_BLOCK_WORDS} × minutes per {WRITING_BLOCK_WORDS} words. Minutes per {WRITING_BLOCK_WORDS} words, for none/minimal/extensive drafting: {}. A paper written over several weeks takes `per = \"total\"` and the weeks it is written in. {}",
                cells.join(", "),
                rounding()
            )
        })
    }

    pub fn post() -> &'static str {
        static DOC: OnceLock<String> = OnceLock::new();
        once(&DOC, || {
            format!(
                "Posting time is the words of every post and reply ÷ {} words an hour. `posts` defaults to 1, `replies` to 0 and `reply_words` to `words`. Reading classmates' posts is not in this rate: add it as a `read` activity when it is substantial. {}",
                RATES.post_words_per_hour,
                rounding()
            )
        })
    }

    pub fn watch() -> &'static str {
        static DOC: OnceLock<String> = OnceLock::new();
        once(&DOC, || {
            format!(
                "Watching time is the running time × {}: pausing and rewinding are left to the student and not counted. {}",
                RATES.watch_minutes_per_minute,
                rounding()
            )
        })
    }

    pub fn target() -> &'static str {
        static DOC: OnceLock<String> = OnceLock::new();
        once(&DOC, || {
            format!(
                "With `credits`, `mixplan workload` sets a weekly target of credits × `credit_hours` (default {DEFAULT_CREDIT_HOURS}) ÷ teaching weeks (breaks excluded) and flags weeks above target × (1 + `workload_tolerance`) (default {DEFAULT_WORKLOAD_TOLERANCE}). A week's workload is the minutes of every required activity that meets in it, live and self-paced apart: breaks inside a live session are rest, one section counts per student, repeats of a live slot are not extra work, and a sitting a holiday cancels asks nothing. Exam study is added; optional activities are listed apart. Hours are rounded to two decimals from exact minutes."
            )
        })
    }
}
