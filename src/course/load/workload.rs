//! The workload keys: `credits`, `credit_hours` and `workload_tolerance` in `[course]`; the
//! estimators `read`, `write`, `watch` and `post`, `per` and `study_hours` in an activity.

use super::{Place, Reader, Value, span_of, tree};
use crate::course::estimate::{
    DEFAULT_WORDS_PER_PAGE, ESTIMATOR_KEYS, Estimate, Estimator, StudyHours,
};
use crate::course::{
    Activity, Course, Credits, DEFAULT_CREDIT_HOURS, DEFAULT_WORKLOAD_TOLERANCE, Drafting, Genre,
    MAX_MINUTES, NewConcepts, Per, Purpose,
};
use crate::diagnostic::Span;
use crate::rules::RuleId;

/// Keys of `read = { ... }`.
pub const READ_KEYS: &[&str] = &["pages", "words_per_page", "purpose", "new_concepts"];
/// Keys of `write = { ... }`.
pub const WRITE_KEYS: &[&str] = &["words", "genre", "drafting"];
/// Keys of `watch = { ... }`.
pub const WATCH_KEYS: &[&str] = &["minutes"];
/// Keys of `post = { ... }`.
pub const POST_KEYS: &[&str] = &["posts", "words", "replies", "reply_words"];

/// Largest count of pages, words or posts an estimator accepts: far above any syllabus, low
/// enough that the arithmetic cannot overflow.
const MAX_COUNT: i64 = 1_000_000;
/// Most study hours before one exam.
const MAX_STUDY_HOURS: f64 = 200.0;

/// `minutes` written with `per = "total"`, and where.
struct TotalMinutes {
    minutes: u32,
    /// Where `minutes` is written.
    span: Span,
    /// Where `per` is written.
    per_span: Span,
}

impl Reader {
    /// An optional number in `[lo, hi]` (`lo` excluded when `open_low`); `Some(None)` when
    /// absent, `None` when invalid.
    fn bounded_number(
        &mut self,
        place: &Place<'_, '_>,
        key: &str,
        (lo, hi): (f64, f64),
        open_low: bool,
        help: &str,
    ) -> Option<Option<(f64, Span)>> {
        let Some(value) = place.get(key) else {
            return Some(None);
        };
        let number = self.number_value(&place.name, key, value)?;
        let inside = if open_low { number > lo } else { number >= lo } && number <= hi;
        if !inside {
            let low = if open_low { "above" } else { "at least" };
            self.error(
                RuleId::OutOfRange,
                span_of(value),
                format!(
                    "`{key}` in {} must be {low} {lo} and at most {hi}, found {number}",
                    place.name
                ),
            )
            .help = Some(help.into());
            return None;
        }
        Some(Some((number, span_of(value))))
    }

    /// `credits`, `credit_hours` and `workload_tolerance` of `[course]`.
    pub(super) fn credits(
        &mut self,
        place: &Place<'_, '_>,
    ) -> (Option<Option<Credits>>, Option<f64>) {
        let credits = self.bounded_number(
            place,
            "credits",
            (0.0, 1000.0),
            true,
            "write the course's credits, e.g. `credits = 3` (US) or `credits = 7.5` (ECTS)",
        );
        let hours = self.bounded_number(
            place,
            "credit_hours",
            (0.0, 1000.0),
            true,
            "hours of work per credit over the term: 45 in the US, 25-30 for ECTS, 10 in the UK",
        );
        let tolerance = self.bounded_number(
            place,
            "workload_tolerance",
            (0.0, 10.0),
            false,
            "a share of the weekly target: 0.2 flags weeks more than 20% above it",
        );
        let credits = match (credits, hours) {
            (Some(credits), Some(hours)) => Some(credits.map(|(credits, span)| Credits {
                credits,
                credit_hours: hours.map_or(DEFAULT_CREDIT_HOURS, |(h, _)| h),
                span,
            })),
            _ => None,
        };
        let tolerance = tolerance.map(|t| t.map_or(DEFAULT_WORKLOAD_TOLERANCE, |(t, _)| t));
        (credits, tolerance)
    }

    /// Credits are spread over the teaching weeks: a course without any has no target.
    pub(super) fn credits_need_teaching_weeks(&mut self, course: &Course) {
        if let Some(credits) = course.meta.credits
            && course.teaching_weeks().is_empty()
        {
            self.error(
                RuleId::InvalidValue,
                credits.span,
                "`credits` needs at least one teaching week to spread the workload over, but every week is a break".into(),
            )
            .help = Some("remove a week from `breaks`, or remove `credits`".into());
        }
    }

    /// Whether the activity names at least one estimator.
    pub(super) fn has_estimator(&self, place: &Place<'_, '_>) -> bool {
        ESTIMATOR_KEYS.iter().any(|k| place.table.contains_key(k))
    }

    /// Neither `minutes` nor an estimator.
    pub(super) fn missing_minutes(&mut self, place: &Place<'_, '_>) {
        self.error(
            RuleId::MissingKey,
            place.span,
            format!("{} is missing the required key `minutes`", place.name),
        )
        .help = Some(
            "add `minutes = 60`, or estimate it with one of `read`, `write`, `watch` or `post`"
                .into(),
        );
    }

    /// Fill `minutes`, `estimate` and `study_hours` of an activity; false when the activity has
    /// a problem (already reported). `minutes` is the plain key's value (`None` when absent or
    /// invalid); `occurrences` how often the activity takes place, when the course's length is
    /// known.
    pub(super) fn workload(
        &mut self,
        place: &Place<'_, '_>,
        activity: &mut Activity,
        minutes: Option<(i64, Span)>,
        occurrences: Option<usize>,
    ) -> bool {
        let mut ok = true;
        let study = self.study_hours(place, activity);
        ok &= study.is_some();
        activity.study_hours = study.flatten();
        let per = self.enum_key(place, "per", "`per` value", Per::NAMES, Per::from_name);
        ok &= per.is_some() || !place.table.contains_key("per");
        let written: Vec<(&str, &Value<'_>)> = ESTIMATOR_KEYS
            .iter()
            .filter_map(|&k| place.get(k).map(|v| (k, v)))
            .collect();
        if !self.one_estimate(place, &written) {
            return false;
        }
        let Some(&(key, value)) = written.first() else {
            let Some((m, span)) = minutes else {
                return false;
            };
            return match per {
                Some((Per::Total, per_span)) => {
                    let total = TotalMinutes {
                        minutes: m as u32,
                        span,
                        per_span,
                    };
                    ok & self.minutes_total(activity, &total, occurrences)
                }
                _ => {
                    activity.minutes = m as u32;
                    ok
                }
            };
        };
        if place.table.contains_key("minutes") && minutes.is_none() {
            return false;
        }
        let Some(estimator) = self.estimator(place, key, value) else {
            return false;
        };
        let per_value = per.map_or(Per::Week, |(p, _)| p);
        let estimate = Estimate {
            estimator,
            per: per_value,
            span: span_of(value),
        };
        let per_span = per.map(|(_, span)| span);
        let Some(first) = self.estimate_fits(activity, &estimate, key, per_span, occurrences)
        else {
            return false;
        };
        activity.minutes = first.max(1) as u32;
        activity.estimate = Some(estimate);
        ok
    }

    /// An activity takes `minutes` or one estimate. Returns whether it does.
    fn one_estimate(&mut self, place: &Place<'_, '_>, written: &[(&str, &Value<'_>)]) -> bool {
        if let (true, Some((key, value))) = (place.table.contains_key("minutes"), written.first()) {
            self.error(
                RuleId::ConflictingKeys,
                span_of(value),
                format!(
                    "{} sets both `minutes` and the estimate `{key}`",
                    place.name
                ),
            )
            .help = Some(format!(
                "keep one: `minutes` when you know the time, `{key}` to estimate it (`mixplan workload` shows the estimate's arithmetic)"
            ));
            return false;
        }
        if written.len() > 1 {
            let names: Vec<String> = written.iter().map(|(k, _)| format!("`{k}`")).collect();
            self.error(
                RuleId::ConflictingKeys,
                span_of(written[1].1),
                format!(
                    "{} sets several estimates: {}",
                    place.name,
                    names.join(" and ")
                ),
            )
            .help = Some(
                "an activity takes one estimate: split it into one activity per kind of work"
                    .into(),
            );
            return false;
        }
        true
    }

    /// The estimate's first share, when every share fits one occurrence and the estimate
    /// comes to at least half a minute (a located error otherwise).
    fn estimate_fits(
        &mut self,
        activity: &Activity,
        estimate: &Estimate,
        key: &str,
        per_span: Option<Span>,
        occurrences: Option<usize>,
    ) -> Option<u64> {
        let per_value = estimate.per;
        if let (Per::Total, Some(per_span), Some(n)) = (per_value, per_span, occurrences)
            && n < 2
        {
            self.error(
                RuleId::InvalidValue,
                per_span,
                format!("`per = \"total\"` spreads an estimate over the occurrences, but `{}` takes place once", activity.id),
            )
            .help = Some("remove `per` (one occurrence takes the whole estimate), or list the weeks to spread it over in `weeks`".into());
            return None;
        }
        let n = occurrences.unwrap_or(1);
        let first = estimate.occurrence_minutes(0, n);
        let total = estimate.minutes();
        if first > u64::from(MAX_MINUTES) {
            let spread = match per_value {
                Per::Total => format!(
                    "{total} min over {n} occurrence{} is {first} min for the first",
                    if n == 1 { "" } else { "s" }
                ),
                Per::Week => format!("{total} min an occurrence"),
            };
            self.error(
                RuleId::OutOfRange,
                estimate.span,
                format!("the estimate `{key}` of `{}` is {spread}, above the {MAX_MINUTES}-minute limit of one occurrence", activity.id),
            )
            .help = Some(match per_value {
                Per::Week => "split the work: add `per = \"total\"` and list several `weeks` to spread it over".into(),
                Per::Total => "spread it over more weeks in `weeks`, or split it into several activities".into(),
            });
            return None;
        }
        if total == 0 {
            self.error(
                RuleId::OutOfRange,
                estimate.span,
                format!(
                    "the estimate `{key}` of `{}` comes to less than half a minute",
                    activity.id
                ),
            )
            .help = Some("check the numbers, or remove the activity".into());
            return None;
        }
        Some(first)
    }

    /// `minutes` with `per = "total"`: spread over the occurrences like an estimate (the
    /// remainder on the earliest), each share within the per-occurrence limit.
    fn minutes_total(
        &mut self,
        activity: &mut Activity,
        total: &TotalMinutes,
        occurrences: Option<usize>,
    ) -> bool {
        // Without a valid `[course]` the weeks are unknown: that error is reported there, and
        // the spread is not judged.
        let Some(n) = occurrences else {
            activity.minutes = total.minutes.min(MAX_MINUTES);
            activity.minutes_total = Some(total.minutes);
            return true;
        };
        if n < 2 {
            self.error(
                RuleId::InvalidValue,
                total.per_span,
                format!("`per = \"total\"` spreads `minutes` over the occurrences, but `{}` takes place once", activity.id),
            )
            .help = Some("remove `per` (one occurrence takes all the minutes), or list the weeks to spread them over in `weeks`".into());
            return false;
        }
        let first = crate::course::estimate::share(u64::from(total.minutes), n, 0);
        if first > u64::from(MAX_MINUTES) {
            self.error(
                RuleId::OutOfRange,
                total.span,
                format!(
                    "`{}` spreads {} min over {n} occurrences: {first} min for the first, above the {MAX_MINUTES}-minute limit of one occurrence",
                    activity.id, total.minutes
                ),
            )
            .help = Some("spread it over more weeks in `weeks`, or split it into several activities".into());
            return false;
        }
        activity.minutes = first.max(1) as u32;
        activity.minutes_total = Some(total.minutes);
        true
    }

    /// `study_hours`: only on exams. `Some(None)` when absent, `None` when invalid.
    fn study_hours(
        &mut self,
        place: &Place<'_, '_>,
        activity: &Activity,
    ) -> Option<Option<StudyHours>> {
        let written = self.bounded_number(
            place,
            "study_hours",
            (0.0, MAX_STUDY_HOURS),
            true,
            "hours of self-paced study before the exam, e.g. `study_hours = 5`",
        )?;
        let Some((hours, span)) = written else {
            return Some(None);
        };
        if !activity.is_exam() {
            self.error(
                RuleId::InvalidValue,
                span,
                format!(
                    "`study_hours` in {} is for exams, but `{}` is a {}",
                    place.name, activity.id, activity.kind
                ),
            )
            .help = Some(
                "use `kind = \"exam\"`, or add the study as its own self-paced activity".into(),
            );
            return None;
        }
        Some(Some(StudyHours {
            hours,
            minutes: (hours * 60.0).round() as u64,
            span,
        }))
    }

    fn estimator(
        &mut self,
        place: &Place<'_, '_>,
        key: &str,
        value: &Value<'_>,
    ) -> Option<Estimator> {
        let tree::Value::Table(table) = value.get_ref() else {
            let example = match key {
                "read" => "{ pages = 40, purpose = \"understand\", new_concepts = \"some\" }",
                "write" => "{ words = 2500, genre = \"argument\", drafting = \"minimal\" }",
                "watch" => "{ minutes = 45 }",
                _ => "{ posts = 1, words = 250, replies = 2 }",
            };
            self.wrong_type(
                place,
                key,
                value,
                &format!("an inline table such as `{example}`"),
            );
            return None;
        };
        let inner = Place::new(table, format!("`{key}` of {}", place.name), span_of(value));
        match key {
            "read" => self.read_estimate(&inner),
            "write" => self.write_estimate(&inner),
            "watch" => {
                self.unknown_keys(&inner, WATCH_KEYS);
                let minutes = self.count(&inner, "minutes", Some("45"), 1);
                Some(Estimator::Watch { minutes: minutes? })
            }
            _ => self.post_estimate(&inner),
        }
    }

    /// A count inside an estimate's table.
    fn count(
        &mut self,
        inner: &Place<'_, '_>,
        key: &str,
        required: Option<&str>,
        min: i64,
    ) -> Option<u32> {
        self.integer(inner, key, required, (min, MAX_COUNT))
            .map(|(n, _)| n as u32)
    }

    /// `read = { pages, words_per_page, purpose, new_concepts }`.
    fn read_estimate(&mut self, inner: &Place<'_, '_>) -> Option<Estimator> {
        self.unknown_keys(inner, READ_KEYS);
        let pages = self.count(inner, "pages", Some("40"), 1);
        let words_per_page = if inner.get("words_per_page").is_some() {
            self.count(inner, "words_per_page", None, 1)
        } else {
            Some(DEFAULT_WORDS_PER_PAGE)
        };
        let purpose = self.required_name(
            inner,
            "purpose",
            "\"understand\"",
            "reading purpose",
            Purpose::NAMES,
            Purpose::from_name,
        );
        let concepts = self.required_name(
            inner,
            "new_concepts",
            "\"some\"",
            "level of new concepts",
            NewConcepts::NAMES,
            NewConcepts::from_name,
        );
        Some(Estimator::Read {
            pages: pages?,
            words_per_page: words_per_page?,
            purpose: purpose?,
            new_concepts: concepts?,
        })
    }

    /// `write = { words, genre, drafting }`.
    fn write_estimate(&mut self, inner: &Place<'_, '_>) -> Option<Estimator> {
        self.unknown_keys(inner, WRITE_KEYS);
        let words = self.count(inner, "words", Some("2500"), 1);
        let genre = self.required_name(
            inner,
            "genre",
            "\"argument\"",
            "writing genre",
            Genre::NAMES,
            Genre::from_name,
        );
        let drafting = self.required_name(
            inner,
            "drafting",
            "\"minimal\"",
            "level of drafting",
            Drafting::NAMES,
            Drafting::from_name,
        );
        Some(Estimator::Write {
            words: words?,
            genre: genre?,
            drafting: drafting?,
        })
    }

    /// `post = { posts, words, replies, reply_words }`: at least one post or reply.
    fn post_estimate(&mut self, inner: &Place<'_, '_>) -> Option<Estimator> {
        self.unknown_keys(inner, POST_KEYS);
        let posts = if inner.get("posts").is_some() {
            self.count(inner, "posts", None, 0)
        } else {
            Some(1)
        };
        let words = self.count(inner, "words", Some("250"), 1);
        let replies = if inner.get("replies").is_some() {
            self.count(inner, "replies", None, 0)
        } else {
            Some(0)
        };
        let reply_words = if inner.get("reply_words").is_some() {
            self.count(inner, "reply_words", None, 1)
        } else {
            words
        };
        let (posts, words, replies, reply_words) = (posts?, words?, replies?, reply_words?);
        if posts == 0 && replies == 0 {
            self.error(
                RuleId::InvalidValue,
                inner.span,
                format!("{} writes no post and no reply", inner.name),
            )
            .help = Some("set `posts` or `replies` to at least 1".into());
            return None;
        }
        Some(Estimator::Post {
            posts,
            words,
            replies,
            reply_words,
        })
    }

    fn required_name<T>(
        &mut self,
        place: &Place<'_, '_>,
        key: &str,
        example: &str,
        what: &str,
        names: &[&str],
        parse: fn(&str) -> Option<T>,
    ) -> Option<T> {
        let (text, span) = self.string(place, key, Some(example))?;
        self.name(what, text, span, names, parse)
    }
}
