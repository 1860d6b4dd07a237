//! Workload estimators: minutes of student work from pages, words, posts and running time.
//!
//! A course designer rarely knows how long a reading takes; they know it is 40 pages of dense
//! prose. The estimators turn what a syllabus says into minutes with the published rates of
//! the Rice University / Wake Forest course workload estimator, kept in one table,
//! [`RATES`], which `mixplan explain` cites cell by cell. Arithmetic is exact (integer
//! numerator and denominator), so rounding half-up to whole minutes never depends on how a
//! float happened to come out.

use super::names::{Drafting, Genre, NewConcepts, Per, Purpose};
use crate::diagnostic::Span;

/// Published rates behind every estimate.
#[derive(Debug)]
pub struct Rates {
    /// Reading speed in words a minute, by purpose (survey, understand, engage) and new
    /// concepts (none, some, many).
    pub reading_words_per_minute: [[u32; 3]; 3],
    /// Where the reading rates come from.
    pub reading_source: &'static str,
    /// Writing time in minutes per 250 words, by genre (reflection, argument, research) and
    /// drafting (none, minimal, extensive).
    pub writing_minutes_per_250_words: [[u32; 3]; 3],
    /// Where the writing rates come from.
    pub writing_source: &'static str,
    /// Discussion posts: words written an hour.
    pub post_words_per_hour: u32,
    /// Where the posting rate comes from.
    pub post_source: &'static str,
    /// Video and audio: minutes of work per minute of running time.
    pub watch_minutes_per_minute: u32,
    /// Where the watching rate comes from.
    pub watch_source: &'static str,
}

/// The one table of workload rates.
pub const RATES: Rates = Rates {
    reading_words_per_minute: [[500, 350, 250], [250, 180, 130], [130, 90, 65]],
    reading_source: "Rice University Center for Teaching Excellence, Course Workload Estimator, \"Estimation details\" (Barre, Brown & Esarey 2016), carried into the Wake Forest Workload Estimator 2.0; its authors call the rates estimates and the engage rate likely low",
    writing_minutes_per_250_words: [[45, 60, 75], [90, 120, 150], [180, 240, 300]],
    writing_source: "Torrance, Thomas & Robinson 2000 (493 students: about 9-15 hours for a 1,500-word argumentative essay, reflection about half, research about double), as used by the Rice/Wake Forest workload estimator; its authors call the writing rates far more speculative than the reading rates",
    post_words_per_hour: 250,
    post_source: "Wake Forest University Center for the Advancement of Teaching, Workload Estimator 2.0 (discussion posts)",
    watch_minutes_per_minute: 1,
    watch_source: "Wake Forest University Center for the Advancement of Teaching, Workload Estimator 2.0 (videos and podcasts count at running time)",
};

impl Rates {
    /// Reading speed for a purpose and a level of new concepts, in words a minute.
    pub fn reading(&self, purpose: Purpose, concepts: NewConcepts) -> u32 {
        self.reading_words_per_minute[purpose as usize][concepts as usize]
    }

    /// Writing time for a genre and a level of drafting, in minutes per 250 words.
    pub fn writing(&self, genre: Genre, drafting: Drafting) -> u32 {
        self.writing_minutes_per_250_words[genre as usize][drafting as usize]
    }
}

/// Words a page when `read` does not say (the Rice estimator's lightest page density).
pub const DEFAULT_WORDS_PER_PAGE: u32 = 450;
/// Words per block of the writing rates.
pub const WRITING_BLOCK_WORDS: u32 = 250;

/// What an activity's time is estimated from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Estimator {
    /// Pages of text at a reading speed.
    Read {
        /// Pages.
        pages: u32,
        /// Words a page.
        words_per_page: u32,
        /// Why the text is read.
        purpose: Purpose,
        /// How much of it is new.
        new_concepts: NewConcepts,
    },
    /// A written assignment.
    Write {
        /// Length of the finished text.
        words: u32,
        /// What kind of writing.
        genre: Genre,
        /// How much drafting.
        drafting: Drafting,
    },
    /// Video or audio at running time.
    Watch {
        /// Running time in minutes.
        minutes: u32,
    },
    /// Text discussion posts and replies.
    Post {
        /// Posts written.
        posts: u32,
        /// Words a post.
        words: u32,
        /// Replies written.
        replies: u32,
        /// Words a reply.
        reply_words: u32,
    },
}

/// The estimators' names as keys of an activity, in the order of [`Estimator::key`].
pub const ESTIMATOR_KEYS: &[&str] = &["read", "write", "watch", "post"];

impl Estimator {
    /// The key that introduces this estimator in an activity.
    pub fn key(&self) -> &'static str {
        match self {
            Estimator::Read { .. } => "read",
            Estimator::Write { .. } => "write",
            Estimator::Watch { .. } => "watch",
            Estimator::Post { .. } => "post",
        }
    }

    /// The exact estimate in minutes as a fraction `(numerator, denominator)`.
    pub fn exact_minutes(&self) -> (u64, u64) {
        let u = u64::from;
        match *self {
            Estimator::Read {
                pages,
                words_per_page,
                purpose,
                new_concepts,
            } => (
                u(pages) * u(words_per_page),
                u(RATES.reading(purpose, new_concepts)),
            ),
            Estimator::Write {
                words,
                genre,
                drafting,
            } => (
                u(words) * u(RATES.writing(genre, drafting)),
                u(WRITING_BLOCK_WORDS),
            ),
            Estimator::Watch { minutes } => (u(minutes) * u(RATES.watch_minutes_per_minute), 1),
            Estimator::Post {
                posts,
                words,
                replies,
                reply_words,
            } => (
                (u(posts) * u(words) + u(replies) * u(reply_words)) * 60,
                u(RATES.post_words_per_hour),
            ),
        }
    }

    /// The estimate rounded half-up to whole minutes.
    pub fn minutes(&self) -> u64 {
        let (n, d) = self.exact_minutes();
        round_half_up(n, d)
    }
}

/// `n / d` rounded half-up; `d > 0`.
pub fn round_half_up(n: u64, d: u64) -> u64 {
    (2 * n + d) / (2 * d)
}

/// Occurrence `k` (0-based) of `total` minutes spread over `n` occurrences, the remainder on
/// the earliest: 1000 over 3 is 334, 333, 333.
pub fn share(total: u64, n: usize, k: usize) -> u64 {
    let n = n.max(1) as u64;
    let (base, extra) = (total / n, total % n);
    base + u64::from((k as u64) < extra)
}

/// An activity's estimate as written in the course file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Estimate {
    /// What it is estimated from.
    pub estimator: Estimator,
    /// Whether the estimate is per occurrence or for the whole activity.
    pub per: Per,
    /// Where the estimator is written.
    pub span: Span,
}

impl Estimate {
    /// The rounded estimate in minutes: per occurrence, or for the whole activity.
    pub fn minutes(&self) -> u64 {
        self.estimator.minutes()
    }

    /// Minutes of occurrence `k` of `n`.
    pub fn occurrence_minutes(&self, k: usize, n: usize) -> u64 {
        match self.per {
            Per::Week => self.minutes(),
            Per::Total => share(self.minutes(), n, k),
        }
    }
}

/// Self-paced study before an exam.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StudyHours {
    /// The hours as written.
    pub hours: f64,
    /// The hours in whole minutes, rounded half-up.
    pub minutes: u64,
    /// Where `study_hours` is written.
    pub span: Span,
}

impl StudyHours {
    /// The minutes studied in the previous teaching week and in the exam's week: half each,
    /// the odd minute in the earlier week.
    pub fn split(&self) -> (u64, u64) {
        (share(self.minutes, 2, 0), share(self.minutes, 2, 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_half_up_and_exact() {
        assert_eq!(round_half_up(5, 2), 3);
        assert_eq!(round_half_up(7, 3), 2);
        assert_eq!(round_half_up(18_000, 180), 100);
        assert_eq!(round_half_up(1, 3), 0);
    }

    #[test]
    fn spreading_puts_the_remainder_first() {
        let parts: Vec<u64> = (0..3).map(|k| share(1000, 3, k)).collect();
        assert_eq!(parts, vec![334, 333, 333]);
        let parts: Vec<u64> = (0..4).map(|k| share(1920, 4, k)).collect();
        assert_eq!(parts, vec![480, 480, 480, 480]);
    }

    #[test]
    fn study_hours_split_earlier_week_first() {
        let s = |minutes| StudyHours {
            hours: 0.0,
            minutes,
            span: Span::default(),
        };
        assert_eq!(s(300).split(), (150, 150));
        assert_eq!(s(151).split(), (76, 75));
    }

    #[test]
    fn worked_example_estimates() {
        let read = Estimator::Read {
            pages: 40,
            words_per_page: 450,
            purpose: Purpose::Understand,
            new_concepts: NewConcepts::Some,
        };
        assert_eq!(read.minutes(), 100);
        let post = Estimator::Post {
            posts: 1,
            words: 250,
            replies: 2,
            reply_words: 125,
        };
        assert_eq!(post.minutes(), 120);
        let paper = Estimator::Write {
            words: 2000,
            genre: Genre::Research,
            drafting: Drafting::Minimal,
        };
        assert_eq!(paper.minutes(), 1920);
    }
}
