//! `mixplan diff`: what students will experience differently between two versions of a course.
//!
//! Each version is reduced to a [`Side`]: the facts a student or a reviewer can see (modes and
//! the rules behind them, live minutes per week, every meeting with its identity, every due
//! item, who each live unit reaches, the hours per week, the findings). [`compare`] matches the
//! two sides by identity, never by position in the file, so reordering keys or activities
//! changes nothing, and a renamed activity id is a removal plus an addition (with a hint).
//! Renderers in `render::diff` word the typed [`Diff`].

mod side;

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;

pub use side::{
    ActivityFacts, DueFacts, FindingFacts, MeetingFacts, Side, When, WorkloadFacts, from_bytes,
    from_plan,
};

use crate::course::Mode;
use crate::diagnostic::Severity;
use crate::rules::RuleId;

/// What to compare.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Only meetings and due items on or after this date (in the organizer's zone, old or
    /// new date) count.
    pub since: Option<Date>,
}

/// Every difference between two sides, grouped as the reader meets them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Diff {
    /// Old and new course titles.
    pub titles: (String, String),
    /// Every dated item moved by the same number of days because `start` changed: said once,
    /// and those moves are not listed one by one.
    pub shifted_days: Option<i64>,
    /// Activities added, removed or changed.
    pub activities: Vec<ActivityChange>,
    /// The band's mean measure, old and new, with the written band (minutes per week).
    pub band: BandChange,
    /// Teaching weeks whose live minutes changed.
    pub weeks: Vec<WeekChange>,
    /// Meetings moved, resized, cancelled, reinstated, added or removed.
    pub meetings: Vec<MeetingChange>,
    /// Due items moved, added or removed.
    pub dues: Vec<DueChange>,
    /// Students reached per live unit and zone, where it changed.
    pub coverage: Vec<CoverageChange>,
    /// Workload per week, where it changed.
    pub workload: Vec<WorkloadChange>,
    /// Findings new or gone, by (rule, subject).
    pub findings: Vec<FindingChange>,
}

/// One activity's change.
#[derive(Clone, Debug, PartialEq)]
pub struct ActivityChange {
    /// The activity id.
    pub id: String,
    /// Its title (the new one when it changed).
    pub title: String,
    /// What changed.
    pub kind: ActivityChangeKind,
}

/// How an activity changed.
#[derive(Clone, Debug, PartialEq)]
pub enum ActivityChangeKind {
    /// New in the new version.
    Added {
        /// Its mode.
        mode: Mode,
    },
    /// Gone from the new version.
    Removed {
        /// Its old mode.
        mode: Mode,
        /// An added activity that looks like this one under a new id.
        renamed_to: Option<String>,
    },
    /// In both versions.
    Changed {
        /// Old title, when the title changed.
        old_title: Option<String>,
        /// Old and new mode, when the mode changed.
        mode: Option<(Mode, Mode)>,
        /// Scoring rules whose contribution changed: (rule, old points, new points); points
        /// are positive for live, negative for self-paced, 0 when the rule did not apply.
        rules: Vec<(RuleId, f64, f64)>,
    },
}

/// The band's mean measure before and after.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BandChange {
    /// The written band of the new version (minutes per week).
    pub band: (f64, f64),
    /// Old mean live minutes per week.
    pub old: f64,
    /// New mean live minutes per week.
    pub new: f64,
}

/// One week's live minutes before and after.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeekChange {
    /// Course week.
    pub week: u32,
    /// Old minutes.
    pub old: u32,
    /// New minutes.
    pub new: u32,
}

/// One meeting's change.
#[derive(Clone, Debug, PartialEq)]
pub struct MeetingChange {
    /// The meeting's identity: sitting key and week.
    pub identity: String,
    /// What meets (the new title when it changed).
    pub title: String,
    /// Course week.
    pub week: u32,
    /// The old meeting, when there was one.
    pub old: Option<MeetingFacts>,
    /// The new meeting, when there is one.
    pub new: Option<MeetingFacts>,
    /// What happened.
    pub kind: MeetingChangeKind,
    /// New start minus old start in minutes, when both are comparable.
    pub delta_minutes: Option<i64>,
}

/// How a meeting changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeetingChangeKind {
    /// Starts at another time.
    Moved,
    /// Same start, another length.
    Resized,
    /// Held before, cancelled now.
    Cancelled,
    /// Cancelled before, held now.
    Reinstated,
    /// New.
    Added,
    /// Gone.
    Removed,
}

impl MeetingChangeKind {
    /// The name the JSON writes.
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingChangeKind::Moved => "moved",
            MeetingChangeKind::Resized => "resized",
            MeetingChangeKind::Cancelled => "cancelled",
            MeetingChangeKind::Reinstated => "reinstated",
            MeetingChangeKind::Added => "added",
            MeetingChangeKind::Removed => "removed",
        }
    }
}

/// One due item's change.
#[derive(Clone, Debug, PartialEq)]
pub struct DueChange {
    /// Activity id.
    pub activity: String,
    /// The week of the occurrence it belongs to.
    pub week: u32,
    /// Its title.
    pub title: String,
    /// Old due time, when there was one.
    pub old: Option<When>,
    /// New due time, when there is one.
    pub new: Option<When>,
    /// New minus old in minutes, when both are comparable; negative is earlier.
    pub delta_minutes: Option<i64>,
    /// The calendar UID of the due event (the new version's when both have one).
    pub uid: String,
}

impl DueChange {
    /// Due earlier than before.
    pub fn is_earlier(&self) -> bool {
        self.delta_minutes.is_some_and(|d| d < 0)
    }
}

/// Students one live unit reaches in one zone, before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverageChange {
    /// The unit (an activity id, or a searched sitting's key).
    pub unit: String,
    /// IANA zone.
    pub zone: String,
    /// Students of the zone the unit reached before.
    pub old: u32,
    /// Students of the zone it reaches now.
    pub new: u32,
    /// Students in the zone now.
    pub of: u32,
}

/// One week's workload before and after.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WorkloadChange {
    /// Course week.
    pub week: u32,
    /// Old minutes.
    pub old: u64,
    /// New minutes.
    pub new: u64,
    /// The new version flags this week over its target and the old one did not.
    pub newly_over: bool,
}

/// A finding new in, or gone from, the new version.
#[derive(Clone, Debug, PartialEq)]
pub struct FindingChange {
    /// The rule.
    pub rule: RuleId,
    /// What it is about (an activity id, or `course`).
    pub subject: String,
    /// Its severity (in the version that has it).
    pub severity: Severity,
    /// Its message (in the version that has it).
    pub message: String,
    /// New (true) or gone (false).
    pub new: bool,
}

/// A change `--fail-on` can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum FailOn {
    /// A matched due instant is earlier.
    EarlierDue,
    /// Some unit reaches fewer students of some zone.
    LessCoverage,
    /// The band measure or any week's measure grows by at least a minute.
    MoreLive,
    /// A new finding of warning or error severity.
    NewWarning,
    /// Any change at all.
    Any,
}

impl FailOn {
    /// Every value, in the order `--help` lists them.
    pub const ALL: [FailOn; 5] = [
        FailOn::EarlierDue,
        FailOn::LessCoverage,
        FailOn::MoreLive,
        FailOn::NewWarning,
        FailOn::Any,
    ];

    /// The name written on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::EarlierDue => "earlier-due",
            FailOn::LessCoverage => "less-coverage",
            FailOn::MoreLive => "more-live",
            FailOn::NewWarning => "new-warning",
            FailOn::Any => "any",
        }
    }

    /// From its command-line name.
    pub fn parse(text: &str) -> Option<FailOn> {
        FailOn::ALL.into_iter().find(|f| f.as_str() == text)
    }
}

impl Diff {
    /// Whether nothing a student would notice changed.
    pub fn is_empty(&self) -> bool {
        self.shifted_days.is_none()
            && self.activities.is_empty()
            && (self.band.new - self.band.old).abs() < 0.5
            && self.weeks.is_empty()
            && self.meetings.is_empty()
            && self.dues.is_empty()
            && self.coverage.is_empty()
            && self.workload.is_empty()
            && self.findings.is_empty()
    }

    /// Whether a change of this kind occurred.
    pub fn has(&self, what: FailOn) -> bool {
        match what {
            FailOn::EarlierDue => self.dues.iter().any(DueChange::is_earlier),
            FailOn::LessCoverage => self.coverage.iter().any(|c| c.new < c.old),
            FailOn::MoreLive => {
                self.band.new - self.band.old >= 1.0 || self.weeks.iter().any(|w| w.new > w.old)
            }
            FailOn::NewWarning => self
                .findings
                .iter()
                .any(|f| f.new && f.severity >= Severity::Warning),
            FailOn::Any => !self.is_empty(),
        }
    }

    /// The named kinds that occurred, in the order given.
    pub fn failures(&self, fail_on: &[FailOn]) -> Vec<FailOn> {
        fail_on.iter().copied().filter(|&f| self.has(f)).collect()
    }
}

/// Compare two versions of a course.
pub fn compare(old: &Side, new: &Side, options: Options) -> Diff {
    let shifted_days = common_shift(old, new);
    let counts = |when: &When| {
        options
            .since
            .is_none_or(|since| when.date().is_none_or(|d| d >= since))
    };
    let mut meetings = meetings(old, new);
    meetings.retain(|m| {
        [&m.old, &m.new]
            .into_iter()
            .flatten()
            .any(|f| counts(&f.start))
    });
    let mut dues = dues(old, new);
    dues.retain(|d| [&d.old, &d.new].into_iter().flatten().any(counts));
    if let Some(days) = shifted_days {
        let shift = days * 1440;
        meetings.retain(|m| {
            !(m.kind == MeetingChangeKind::Moved
                && shifted_by(
                    m.old.as_ref().map(|f| &f.start),
                    m.new.as_ref().map(|f| &f.start),
                    shift,
                ))
        });
        dues.retain(|d| !shifted_by(d.old.as_ref(), d.new.as_ref(), shift));
    }
    Diff {
        titles: (old.title.clone(), new.title.clone()),
        shifted_days,
        activities: activities(old, new),
        band: BandChange {
            band: new.band,
            old: old.band_measure,
            new: new.band_measure,
        },
        weeks: changed_weeks(&old.week_live, &new.week_live),
        meetings,
        dues,
        coverage: coverage(old, new),
        workload: workload(&old.workload, &new.workload),
        findings: findings(old, new),
    }
}

/// Whether `old` to `new` is exactly a move by `shift` minutes of wall-clock time.
fn shifted_by(old: Option<&When>, new: Option<&When>, shift: i64) -> bool {
    match (old, new) {
        (Some(o), Some(n)) => n.civil_minutes_since(o) == Some(shift),
        _ => false,
    }
}

/// With a changed `start`: the number of days every matched dated item moved by, when they
/// all moved by the same whole number of days (in wall-clock time) and at least one moved.
fn common_shift(old: &Side, new: &Side) -> Option<i64> {
    if old.start == new.start || old.start.is_none() || new.start.is_none() {
        return None;
    }
    let meetings = old.meetings.iter().filter_map(|(id, o)| {
        let n = new.meetings.get(id)?;
        n.start.civil_minutes_since(&o.start)
    });
    let dues = old
        .dues
        .iter()
        .filter_map(|(key, o)| new.dues.get(key)?.at.civil_minutes_since(&o.at));
    let mut shifts = meetings.chain(dues);
    let first = shifts.next()?;
    (first != 0 && first.rem_euclid(1440) == 0 && shifts.all(|s| s == first))
        .then_some(first / 1440)
}

fn activities(old: &Side, new: &Side) -> Vec<ActivityChange> {
    let mut out = Vec::new();
    let added: Vec<&String> = new
        .activities
        .keys()
        .filter(|id| !old.activities.contains_key(*id))
        .collect();
    for (id, o) in &old.activities {
        let Some(n) = new.activities.get(id) else {
            let renamed_to = added
                .iter()
                .find(|a| new.activities[a.as_str()].looks_like(o))
                .map(|a| a.to_string());
            out.push(ActivityChange {
                id: id.clone(),
                title: o.title.clone(),
                kind: ActivityChangeKind::Removed {
                    mode: o.mode,
                    renamed_to,
                },
            });
            continue;
        };
        let rules = changed_rules(&o.points, &n.points);
        let mode = (o.mode != n.mode).then_some((o.mode, n.mode));
        let old_title = (o.title != n.title).then(|| o.title.clone());
        if mode.is_some() || old_title.is_some() || !rules.is_empty() {
            out.push(ActivityChange {
                id: id.clone(),
                title: n.title.clone(),
                kind: ActivityChangeKind::Changed {
                    old_title,
                    mode,
                    rules,
                },
            });
        }
    }
    for id in added {
        let n = &new.activities[id.as_str()];
        out.push(ActivityChange {
            id: id.clone(),
            title: n.title.clone(),
            kind: ActivityChangeKind::Added { mode: n.mode },
        });
    }
    out
}

fn changed_rules(
    old: &BTreeMap<RuleId, f64>,
    new: &BTreeMap<RuleId, f64>,
) -> Vec<(RuleId, f64, f64)> {
    let rules: BTreeSet<RuleId> = old.keys().chain(new.keys()).copied().collect();
    let mut out: Vec<(RuleId, f64, f64)> = rules
        .into_iter()
        .map(|r| {
            let o = old.get(&r).copied().unwrap_or(0.0);
            let n = new.get(&r).copied().unwrap_or(0.0);
            (r, o, n)
        })
        .filter(|(_, o, n)| (o - n).abs() > 1e-9)
        .collect();
    out.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
    out
}

fn changed_weeks(old: &BTreeMap<u32, u32>, new: &BTreeMap<u32, u32>) -> Vec<WeekChange> {
    let weeks: BTreeSet<u32> = old.keys().chain(new.keys()).copied().collect();
    weeks
        .into_iter()
        .map(|week| WeekChange {
            week,
            old: old.get(&week).copied().unwrap_or(0),
            new: new.get(&week).copied().unwrap_or(0),
        })
        .filter(|w| w.old != w.new)
        .collect()
}

fn meetings(old: &Side, new: &Side) -> Vec<MeetingChange> {
    let ids: BTreeSet<&String> = old.meetings.keys().chain(new.meetings.keys()).collect();
    let mut out: Vec<MeetingChange> = ids
        .into_iter()
        .filter_map(|id| meeting_change(id, old.meetings.get(id), new.meetings.get(id)))
        .collect();
    out.sort_by(|a, b| {
        let key = |m: &MeetingChange| {
            let facts = m.new.as_ref().or(m.old.as_ref());
            (m.week, facts.map(|f| f.start.sort_key()))
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| a.identity.cmp(&b.identity))
    });
    out
}

fn meeting_change(
    id: &str,
    old: Option<&MeetingFacts>,
    new: Option<&MeetingFacts>,
) -> Option<MeetingChange> {
    let (kind, delta) = match (old, new) {
        (None, None) => return None,
        (None, Some(_)) => (MeetingChangeKind::Added, None),
        (Some(_), None) => (MeetingChangeKind::Removed, None),
        (Some(o), Some(n)) => {
            let delta = n.start.minutes_since(&o.start);
            let kind = if !o.cancelled && n.cancelled {
                MeetingChangeKind::Cancelled
            } else if o.cancelled && !n.cancelled {
                MeetingChangeKind::Reinstated
            } else if o.start != n.start {
                MeetingChangeKind::Moved
            } else if o.minutes != n.minutes {
                MeetingChangeKind::Resized
            } else {
                return None;
            };
            (kind, delta)
        }
    };
    let facts = new.or(old)?;
    Some(MeetingChange {
        identity: id.to_string(),
        title: facts.title.clone(),
        week: facts.week,
        old: old.cloned(),
        new: new.cloned(),
        kind,
        delta_minutes: delta,
    })
}

fn dues(old: &Side, new: &Side) -> Vec<DueChange> {
    let keys: BTreeSet<&(String, u32)> = old.dues.keys().chain(new.dues.keys()).collect();
    let mut out: Vec<DueChange> = keys
        .into_iter()
        .filter_map(|key| {
            let (o, n) = (old.dues.get(key), new.dues.get(key));
            if let (Some(o), Some(n)) = (o, n)
                && o.at == n.at
            {
                return None;
            }
            let facts = n.or(o)?;
            Some(DueChange {
                activity: key.0.clone(),
                week: key.1,
                title: facts.title.clone(),
                old: o.map(|f| f.at.clone()),
                new: n.map(|f| f.at.clone()),
                delta_minutes: o.zip(n).and_then(|(o, n)| n.at.minutes_since(&o.at)),
                uid: facts.uid.clone(),
            })
        })
        .collect();
    out.sort_by(|a, b| (a.week, &a.activity).cmp(&(b.week, &b.activity)));
    out
}

fn coverage(old: &Side, new: &Side) -> Vec<CoverageChange> {
    let keys: BTreeSet<&(String, String)> =
        old.coverage.keys().chain(new.coverage.keys()).collect();
    keys.into_iter()
        .filter_map(|key| {
            // A unit present on one side only is an added or removed activity, said there.
            let (o, n) = (old.coverage.get(key)?, new.coverage.get(key)?);
            (o.0 != n.0).then(|| CoverageChange {
                unit: key.0.clone(),
                zone: key.1.clone(),
                old: o.0,
                new: n.0,
                of: n.1,
            })
        })
        .collect()
}

fn workload(old: &WorkloadFacts, new: &WorkloadFacts) -> Vec<WorkloadChange> {
    let weeks: BTreeSet<u32> = old.weeks.keys().chain(new.weeks.keys()).copied().collect();
    weeks
        .into_iter()
        .filter_map(|week| {
            let o = old.weeks.get(&week).copied().unwrap_or_default();
            let n = new.weeks.get(&week).copied().unwrap_or_default();
            (o.0 != n.0).then_some(WorkloadChange {
                week,
                old: o.0,
                new: n.0,
                newly_over: n.1 && !o.1,
            })
        })
        .collect()
}

fn findings(old: &Side, new: &Side) -> Vec<FindingChange> {
    let change = |(key, f): (&(RuleId, String), &FindingFacts), new: bool| FindingChange {
        rule: key.0,
        subject: key.1.clone(),
        severity: f.severity,
        message: f.message.clone(),
        new,
    };
    let gone = old
        .findings
        .iter()
        .filter(|(key, _)| !new.findings.contains_key(key))
        .map(|entry| change(entry, false));
    let added = new
        .findings
        .iter()
        .filter(|(key, _)| !old.findings.contains_key(key))
        .map(|entry| change(entry, true));
    let mut out: Vec<FindingChange> = added.chain(gone).collect();
    out.sort_by(|a, b| {
        (!a.new, a.rule.as_str(), &a.subject).cmp(&(!b.new, b.rule.as_str(), &b.subject))
    });
    out
}
