//! `schedule --format html`: one self-contained page for students. The course, its live
//! sessions and where they happen, each week's sittings and due work by title, and the
//! recording route for students no session reaches.
//!
//! Every time is a `<time datetime="...">` in RFC 3339 and reads in the course's zone; a few
//! lines of inline script add the reader's own time beside it, and the page reads fully
//! without them. `--fragment` writes the same content with no `<script>` and no `<style>`,
//! for LMS editors (Canvas, Moodle) that strip both. All user text goes through the sanitizer,
//! then HTML escaping; links come only from `url` keys, which the loader restricts to http(s).

use std::fmt::Write as _;

use super::sanitize::sanitize;
use super::{activity_name, words};
use crate::Recommendation;
use crate::course::{Activity, Mode};
use crate::schedule::{ALTERNATIVE_DAYS, Occurrence, OccurrenceKind, Week};

/// Whether to write a whole page or only its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A complete document with style and the local-time script.
    Page,
    /// The content alone: no script, no style, no `<html>` wrapper.
    Fragment,
}

/// Escape text for HTML content and quoted attribute values, after the sanitizer.
pub fn esc(text: &str) -> String {
    let text = sanitize(text);
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The styles of the whole page: readable on a phone, printable on paper, with contrast above
/// WCAG AA for every text colour used.
const STYLE: &str = "\
:root { color-scheme: light; }
body { font: 1rem/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1a1a1a; background: #fff; margin: 0; overflow-wrap: anywhere; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0.5rem 0; overflow-wrap: anywhere; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.5rem; border-bottom: 2px solid #1a1a1a; }
h3 { font-size: 1.1rem; margin: 0; }
h4 { font-size: 0.95rem; margin: 0.75rem 0 0.25rem; color: #404040; }
ul { margin: 0.25rem 0; padding-left: 1.25rem; }
li { margin: 0.2rem 0; overflow-wrap: anywhere; }
a { color: #0645ad; }
.week { border: 1px solid #c8c8c8; border-radius: 6px; padding: 0.75rem 1rem; margin: 0.75rem 0; break-inside: avoid; }
.dates, .muted { color: #505050; font-weight: normal; }
time { font-weight: 600; }
.yours { color: #505050; }
.tag { display: inline-block; font-size: 0.8rem; border: 1px solid #505050; border-radius: 3px; padding: 0 0.3rem; margin-left: 0.25rem; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; }
  a[href^='http']::after { content: ' (' attr(href) ')'; font-size: 0.85em; }
  .week { border-color: #888; }
}
";

/// Adds the reader's own time after every `<time datetime>` whose wall-clock reading differs
/// in the reader's zone (a zone with another name but the same clock, such as
/// `America/Indianapolis` for `America/Indiana/Indianapolis`, adds nothing). Without it, every
/// time still reads in the course's zone.
const SCRIPT: &str = "\
(function () {
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var course = document.documentElement.getAttribute('data-course-zone');
  if (!zone || zone === course) return;
  var opts = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  var mine = new Intl.DateTimeFormat(undefined, opts);
  var theirs = null;
  try { theirs = new Intl.DateTimeFormat(undefined, Object.assign({ timeZone: course }, opts)); } catch (e) {}
  var fmt = new Intl.DateTimeFormat(undefined, Object.assign({ timeZoneName: 'short' }, opts));
  var added = 0;
  document.querySelectorAll('time[datetime]').forEach(function (t) {
    var d = new Date(t.getAttribute('datetime'));
    if (isNaN(d.getTime())) return;
    if (theirs && theirs.format(d) === mine.format(d)) return;
    var s = document.createElement('span');
    s.className = 'yours';
    s.textContent = ' (your time: ' + fmt.format(d) + ')';
    t.insertAdjacentElement('afterend', s);
    added += 1;
  });
  var note = document.getElementById('your-zone');
  if (note && added) { note.textContent = ' Times in brackets are in your time zone, ' + zone + '.'; }
})();
";

/// The students' page (or its fragment) for a planned course.
pub fn page(rec: &Recommendation, shape: Shape) -> String {
    let mut out = String::with_capacity(super::reserve(rec, crate::budget::Output::Page));
    match shape {
        Shape::Fragment => content(rec, shape, &mut out),
        Shape::Page => {
            let meta = &rec.course.meta;
            let _ = write!(
                out,
                "<!doctype html>\n<html lang=\"en\" data-course-zone=\"{zone}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"mixplan {version}\">\n<title>{title}: schedule</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n",
                zone = esc(&meta.timezone),
                version = env!("CARGO_PKG_VERSION"),
                title = esc(&meta.title),
            );
            content(rec, shape, &mut out);
            let _ = write!(
                out,
                "</main>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n"
            );
        }
    }
    out
}

/// The page's article, appended to `out`.
fn content(rec: &Recommendation, shape: Shape, out: &mut String) {
    let course = &rec.course;
    let meta = &course.meta;
    out.push_str("<article class=\"mixplan-schedule\">\n<header>\n");
    let _ = writeln!(out, "<h1>{}</h1>", esc(&meta.title));
    let from = meta
        .start
        .map(|d| format!(", from {}", d.strftime("%A %-d %B %Y")))
        .unwrap_or_default();
    let note = match shape {
        Shape::Page => "<span id=\"your-zone\"></span>",
        Shape::Fragment => "",
    };
    let _ = writeln!(
        out,
        "<p>{} weeks{from}. All times are in {}.{note}</p>",
        meta.weeks,
        esc(&meta.timezone)
    );
    if let Some(url) = &meta.url {
        let _ = writeln!(
            out,
            "<p>Course page: <a href=\"{}\">{}</a></p>",
            esc(url),
            esc(&link_text(url))
        );
    }
    out.push_str("</header>\n");
    live_section(rec, out);
    out.push_str(
        "<section aria-labelledby=\"weeks-heading\">\n<h2 id=\"weeks-heading\">Week by week</h2>\n",
    );
    for week in &rec.schedule.weeks {
        week_section(rec, week, out);
    }
    out.push_str("</section>\n</article>\n");
}

/// Where an activity or the course meets, with its link: `Room 1240 (link)`.
fn place(location: Option<&String>, url: Option<&String>) -> String {
    let mut parts = Vec::new();
    if let Some(location) = location {
        parts.push(esc(location));
    }
    if let Some(url) = url {
        parts.push(format!(
            "<a href=\"{}\">{}</a>",
            esc(url),
            esc(&link_text(url))
        ));
    }
    parts.join(", ")
}

/// Longest link text, in characters: a longer address is shortened with an ellipsis (the link
/// keeps the whole address, and print shows it), so a fragment with no stylesheet never
/// scrolls sideways on a 360-pixel phone.
const LINK_TEXT_CHARS: usize = 40;

/// A link's text: the address without its scheme, shortened past [`LINK_TEXT_CHARS`].
fn link_text(url: &str) -> String {
    let bare = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    if bare.chars().count() <= LINK_TEXT_CHARS {
        return bare.to_string();
    }
    let head: String = bare.chars().take(LINK_TEXT_CHARS - 1).collect();
    format!("{head}…")
}

fn live_section(rec: &Recommendation, out: &mut String) {
    let course = &rec.course;
    let slots = &rec.schedule.live_slots;
    let sittings = &rec.schedule.sittings;
    out.push_str(
        "<section aria-labelledby=\"live-heading\">\n<h2 id=\"live-heading\">Live sessions</h2>\n",
    );
    if slots.is_empty() && sittings.iter().all(|s| s.id == "live") {
        out.push_str(
            "<p>This course has no live sessions: all of it is self-paced.</p>\n</section>\n",
        );
        return;
    }
    out.push_str("<ul>\n");
    // Each schedule sitting's own position among the occurrences' sittings (not a repeat's).
    let mut first_meeting: Vec<Option<usize>> = vec![None; sittings.len()];
    for (p, r) in rec.occurrences.sittings.iter().enumerate() {
        if r.kind != OccurrenceKind::Repeat {
            first_meeting[r.base] = Some(p);
        }
    }
    for (index, sitting) in sittings.iter().enumerate() {
        if sitting.id == "live" {
            for slot in slots {
                let what = if slot.repeat {
                    "Repeat session, for students the main time does not suit"
                } else {
                    "Main session"
                };
                let _ = write!(
                    out,
                    "<li>{what}: <strong>{} {}</strong> ({}), up to {} minutes",
                    day_name(slot.day),
                    slot.time,
                    esc(&slot.timezone),
                    slot.minutes
                );
                if let Some(location) = &course.meta.location {
                    let _ = write!(out, ", {}", esc(location));
                }
                out.push_str("</li>\n");
            }
            continue;
        }
        let names: Vec<String> = sitting
            .activities
            .iter()
            .map(|&i| esc(&activity_name(&course.activities[i])))
            .collect();
        // A sitting held in one week only (a midterm) is a date, not a weekly time.
        let single_week = match sitting.weeks.as_slice() {
            [week] => course.meta.date_of(*week, sitting.day),
            _ => None,
        };
        // A one-off reads the time it really starts, as the week list does (a time a clock
        // change skips is the hour after).
        let first = first_meeting
            .get(index)
            .copied()
            .flatten()
            .and_then(|p| rec.occurrences.of_sitting(p).next());
        let when = match (
            sitting.date.or(single_week),
            first.and_then(|o| o.start.as_ref()),
        ) {
            (Some(_), Some(at)) => at.strftime("%A %-d %B %H:%M").to_string(),
            (Some(date), None) => format!("{} {}", date.strftime("%A %-d %B"), sitting.time),
            (None, _) => format!("{} {}", day_name(sitting.day), sitting.time),
        };
        let _ = write!(
            out,
            "<li>{}: <strong>{when}</strong> ({}), {} minutes{}",
            names.join(" + "),
            esc(&course.meta.timezone),
            sitting.minutes,
            sitting_tags(sitting)
        );
        let mut where_ = sitting_place(rec, &sitting.activities);
        if let Some(o) = first {
            // A section's own room (parallel lab sections meet in different rooms).
            let acts: Vec<&Activity> = sitting
                .activities
                .iter()
                .map(|&i| &course.activities[i])
                .collect();
            let own = section_place(rec, o, &acts);
            if !own.is_empty() {
                where_ = if where_.is_empty() {
                    own
                } else {
                    format!("{own}, {where_}")
                };
            }
        }
        if !where_.is_empty() {
            let _ = write!(out, ", {where_}");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
    let recorded = live_activities(rec).all(|a| a.recorded);
    if recorded {
        out.push_str("<p>Every live session is recorded.</p>\n");
    }
    if !rec.schedule.uncovered.is_empty() {
        out.push_str("<h3>If no session time suits you</h3>\n<ul>\n");
        for gap in &rec.schedule.uncovered {
            let _ = writeln!(
                out,
                "<li>Students in {} ({}) cannot attend live {}: watch the recording and post a written response by 23:59 your time, {ALTERNATIVE_DAYS} days after the session.</li>",
                esc(&gap.zone),
                gap.count,
                esc(&words::missed_text(&gap.weeks, &gap.samples))
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

fn live_activities(rec: &Recommendation) -> impl Iterator<Item = &Activity> {
    rec.plan
        .decisions
        .iter()
        .filter(|d| d.mode == Mode::Sync)
        .map(|d| &rec.course.activities[d.index])
}

/// Tags of a sitting: section, exam, optional.
fn sitting_tags(sitting: &crate::schedule::Sitting) -> String {
    let mut tags = String::new();
    if let Some((n, of)) = sitting.section {
        let _ = write!(tags, " <span class=\"tag\">section {n} of {of}</span>");
    }
    if sitting.exam {
        tags.push_str(" <span class=\"tag\">exam</span>");
    }
    if sitting.optional {
        tags.push_str(" <span class=\"tag\">optional</span>");
    }
    tags
}

/// Where a sitting meets: what its activities share, else the course's location; links of
/// its activities.
fn sitting_place(rec: &Recommendation, activities: &[usize]) -> String {
    let list: Vec<&Activity> = activities
        .iter()
        .map(|&i| &rec.course.activities[i])
        .collect();
    let location = list
        .first()
        .and_then(|a| a.location.as_ref())
        .filter(|l| list.iter().all(|a| a.location.as_ref() == Some(*l)))
        .or(rec.course.meta.location.as_ref());
    let url = list
        .first()
        .and_then(|a| a.url.as_ref())
        .filter(|u| list.iter().all(|a| a.url.as_ref() == Some(*u)));
    place(location, url)
}

fn day_name(day: crate::course::Weekday) -> &'static str {
    use crate::course::Weekday::*;
    match day {
        Mon => "Monday",
        Tue => "Tuesday",
        Wed => "Wednesday",
        Thu => "Thursday",
        Fri => "Friday",
        Sat => "Saturday",
        Sun => "Sunday",
    }
}

/// A `<time>` element for an instant: RFC 3339 in `datetime`, the course zone's wall clock in
/// the text.
fn time(at: &jiff::ZonedDateTime) -> String {
    format!(
        "<time datetime=\"{}\">{}</time>",
        at.strftime("%Y-%m-%dT%H:%M:%S%:z"),
        super::wall_clock(at, "%a %-d %b, %H:%M")
    )
}

fn week_section(rec: &Recommendation, week: &Week, out: &mut String) {
    let course = &rec.course;
    let dates = week
        .start
        .map(|d| {
            format!(
                " <span class=\"dates\">from {}</span>",
                d.strftime("%a %-d %b")
            )
        })
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "<section class=\"week\" aria-labelledby=\"week-{0}\">\n<h3 id=\"week-{0}\">Week {0}{dates}</h3>",
        week.week
    );
    // Live work mixplan found no time for (the check `live-work-without-time` is an error).
    let unplaced: Vec<&Activity> = week
        .items
        .iter()
        .filter(|i| i.mode == Mode::Sync && i.sitting.is_none())
        .map(|i| &course.activities[i.activity])
        .collect();
    if rec.occurrences.in_week(week.week).next().is_some() || !unplaced.is_empty() {
        out.push_str("<h4>Live</h4>\n<ul class=\"live\">\n");
        for a in &unplaced {
            let _ = write!(out, "<li>Time to be announced: {} min", a.minutes);
            activity_list(out, std::slice::from_ref(a));
            out.push_str("</li>\n");
        }
        for o in rec.occurrences.in_week(week.week) {
            meeting_item(rec, o, out);
        }
        out.push_str("</ul>\n");
        if !week.alternatives.is_empty() {
            out.push_str(
                "<p class=\"muted\">If you cannot attend this week:</p>\n<ul class=\"alternatives\">\n",
            );
            for alt in &week.alternatives {
                let due = match &alt.due {
                    Some(at) => format!("response due {}", time(at)),
                    None => format!(
                        "response due 23:59 local time, {ALTERNATIVE_DAYS} days after the session"
                    ),
                };
                // A session that is not recorded (a room's default) has only the response.
                let route = if alt.recorded {
                    "watch the recording, "
                } else {
                    "the session is not recorded: a self-paced "
                };
                let _ = writeln!(
                    out,
                    "<li>{} ({}): {route}{due}</li>",
                    esc(&alt.zone),
                    alt.count
                );
            }
            out.push_str("</ul>\n");
        }
    }
    self_paced_section(rec, week, out);
    if week.sittings.is_empty() && week.items.is_empty() {
        out.push_str("<p class=\"muted\">Nothing scheduled this week.</p>\n");
    }
    out.push_str("</section>\n");
}

/// The week's self-paced work grouped by its due time, in due order, each with this week's
/// minutes.
fn self_paced_section(rec: &Recommendation, week: &Week, out: &mut String) {
    let course = &rec.course;
    let mut groups: Vec<(String, Vec<SelfPaced<'_>>)> = Vec::new();
    for item in super::self_paced_in_due_order(rec, week) {
        let a = &course.activities[item.activity];
        let towards =
            crate::schedule::works_towards_last(course, &rec.plan, item.activity, week.week);
        let entry = SelfPaced {
            activity: a,
            minutes: super::week_minutes(rec, item.activity, item.for_week.unwrap_or(week.week)),
            towards,
        };
        let due = match item.due.as_ref() {
            Some(due) => match &due.at {
                Some(at) => format!("Due {}", time(at)),
                None => format!("Due {} {}", due.day, due.time),
            },
            // `deliver = "last"`: work towards a deliverable handed in later.
            None if towards => "Towards a later deadline".to_string(),
            None => "Any time this week".to_string(),
        };
        match groups.last_mut() {
            Some((last, entries)) if *last == due => entries.push(entry),
            _ => groups.push((due, vec![entry])),
        }
    }
    if !groups.is_empty() {
        out.push_str("<h4>Self-paced work</h4>\n<ul class=\"due\">\n");
        for (due, entries) in groups {
            let _ = write!(out, "<li>{due}<ul>");
            for entry in entries {
                self_paced_item(out, &entry);
            }
            out.push_str("</ul></li>\n");
        }
        out.push_str("</ul>\n");
    }
}

/// One meeting of the week, as the occurrences list it: its start (`<time>`), its length,
/// what meets; a cancelled date says so, a repeat points at the session it repeats.
fn meeting_item(rec: &Recommendation, o: &Occurrence, out: &mut String) {
    let course = &rec.course;
    let sitting = &rec.occurrences.sittings[o.sitting];
    let base = &rec.schedule.sittings[sitting.base];
    let live: Vec<&Activity> = o
        .activities
        .iter()
        .map(|&i| &course.activities[i])
        .collect();
    let when = match &o.start {
        Some(at) => time(at),
        None => format!("{} {}", day_name(o.day), o.time),
    };
    if o.cancelled.is_some() {
        let _ = writeln!(
            out,
            "<li class=\"meeting cancelled\">{when}: <span class=\"tag\">cancelled: holiday</span> {} min, {}</li>",
            o.minutes,
            live.iter()
                .map(|a| esc(&activity_name(a)))
                .collect::<Vec<_>>()
                .join(" + ")
        );
        return;
    }
    if sitting.kind == OccurrenceKind::Repeat {
        let main_cancelled = rec
            .occurrences
            .in_week(o.week)
            .any(|m| Some(m.sitting) == sitting.repeat_of && m.cancelled.is_some());
        if !main_cancelled {
            // The same session again: its activities are listed with the session it repeats.
            let what = if rec.occurrences.repeat_is_earlier(o) {
                "the same session as later this week, for students that time does not suit"
            } else {
                "the same again for students the first time does not suit"
            };
            let _ = writeln!(
                out,
                "<li class=\"meeting\">{when}: {} min, repeat session: {what}</li>",
                o.minutes
            );
            return;
        }
        // The session it repeats is cancelled this week: this one still meets, so it says what.
        let _ = write!(
            out,
            "<li class=\"meeting\">{when}: {} min, repeat session (the first time is cancelled this week)",
            o.minutes
        );
        activity_list(out, &live);
        out.push_str("</li>\n");
        return;
    }
    let what = if base.fixed { "" } else { ", live session" };
    let _ = write!(
        out,
        "<li class=\"meeting\">{when}: {} min{what}{}",
        o.minutes,
        sitting_tags(base)
    );
    let where_ = section_place(rec, o, &live);
    if !where_.is_empty() {
        let _ = write!(out, ", {where_}");
    }
    activity_list(out, &live);
    out.push_str("</li>\n");
}

/// The room and link a section's `at` entry names for itself, when its activities do not say
/// them already (and the course's own location is not all it is): parallel sections of a lab
/// meet in different rooms.
fn section_place(
    rec: &Recommendation,
    o: &crate::schedule::Occurrence,
    live: &[&Activity],
) -> String {
    let location = own_value(
        o.location.as_ref(),
        rec.course.meta.location.as_ref(),
        live,
        |a| a.location.as_ref(),
    );
    let url = own_value(o.url.as_ref(), rec.course.meta.url.as_ref(), live, |a| {
        a.url.as_ref()
    });
    place(location, url)
}

/// `value` unless it is the course's own or every activity of `live` already says it.
fn own_value<'a>(
    value: Option<&'a String>,
    course: Option<&String>,
    live: &[&Activity],
    of: fn(&Activity) -> Option<&String>,
) -> Option<&'a String> {
    value.filter(|v| Some(*v) != course && !live.iter().all(|a| of(a) == Some(*v)))
}

/// The activities of a sitting as a nested list, each with its place and tags.
fn activity_list(out: &mut String, activities: &[&Activity]) {
    out.push_str("<ul>");
    for a in activities {
        activity_item(out, a, true);
    }
    out.push_str("</ul>");
}

/// One activity as a list item: name, minutes, its tags (`not recorded` only for live work)
/// and its place.
/// One self-paced item of a week: the activity, its minutes this week (a `per = "total"`
/// activity's share), and whether it is work towards a deliverable handed in later.
struct SelfPaced<'a> {
    activity: &'a Activity,
    minutes: u64,
    towards: bool,
}

/// A self-paced item: "work on TITLE (N min)" for a week of work towards a later deliverable,
/// else the activity with this week's minutes.
fn self_paced_item(out: &mut String, entry: &SelfPaced<'_>) {
    let a = entry.activity;
    if !entry.towards {
        return activity_line(out, a, entry.minutes, false);
    }
    let _ = write!(
        out,
        "<li>work on {} ({} min)",
        esc(&activity_name(a)),
        entry.minutes
    );
    let where_ = place(a.location.as_ref(), a.url.as_ref());
    if !where_.is_empty() {
        let _ = write!(out, ": {where_}");
    }
    out.push_str("</li>");
}

fn activity_item(out: &mut String, a: &Activity, live: bool) {
    activity_line(out, a, u64::from(a.minutes), live);
}

/// An activity with `minutes`, its tags and its place.
fn activity_line(out: &mut String, a: &Activity, minutes: u64, live: bool) {
    let not_recorded = live && !a.recorded && !a.is_exam();
    let _ = write!(
        out,
        "<li>{} ({minutes} min){}{}",
        esc(&activity_name(a)),
        if not_recorded {
            " <span class=\"tag\">not recorded</span>"
        } else {
            ""
        },
        if a.optional {
            " <span class=\"tag\">optional</span>"
        } else {
            ""
        }
    );
    let where_ = place(a.location.as_ref(), a.url.as_ref());
    if !where_.is_empty() {
        let _ = write!(out, ": {where_}");
    }
    out.push_str("</li>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes_after_sanitizing() {
        assert_eq!(
            esc("<script>\"a\" & 'b'</script>\n"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;\\n"
        );
    }
}
