//! `mixplan workload --chart FILE.svg`: a stacked bar chart of the weeks, written by hand.
//!
//! A few dozen rectangles, lines and labels need no plotting library: writing them directly
//! keeps the bytes deterministic and the file free of embedded fonts. The chart reads without
//! colour: live hours are solid, self-paced hours hatched, the target a dashed line with its
//! value, the flag threshold a dotted one, and every over-target week carries a label.

use std::fmt::Write;

use crate::Recommendation;
use crate::workload::{Target, WeekLoad, Workload};

use super::workload::{h, hours};

const WIDTH: f64 = 960.0;
const HEIGHT: f64 = 540.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 92.0;
const BOTTOM: f64 = 64.0;
const LIVE: &str = "#1f4e79";
const SELF_PACED: &str = "#2e75b6";
const OVER: &str = "#b00020";
const INK: &str = "#222222";
const GRID: &str = "#d9d9d9";
const PALE: &str = "#dbe8f5";
const WHITE: &str = "#ffffff";

/// Text for XML: user text through the one sanitizer first (controls and bidi controls shown
/// escaped, as in every human format, never raw and never dropped), then the characters XML
/// 1.0 cannot carry at all (U+FFFE, U+FFFF) shown the same way, then `&`, `<`, `>` and quotes
/// escaped. A title holding U+FFFE once made the chart not well-formed XML.
fn xml(text: &str) -> String {
    let text = super::sanitize::sanitize(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\u{fffe}' | '\u{ffff}' => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// A coordinate with one decimal: enough for a screen, stable across platforms.
fn n(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// A step of 1, 2 or 5 × 10^k hours giving at most eight grid lines up to `max`.
fn grid_step(max: f64) -> f64 {
    let mut step = 0.5;
    for candidate in [0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0] {
        step = candidate;
        if max / candidate <= 8.0 {
            break;
        }
    }
    step
}

/// The chart's geometry: the hour scale and each week's slot.
struct Frame {
    /// Hours at the top of the plot.
    top_hours: f64,
    /// Hours between grid lines.
    step: f64,
    /// Plot width and height, in pixels.
    plot_w: f64,
    plot_h: f64,
    /// Weeks shown (at least 1).
    weeks: usize,
    /// Width of one week's slot and of its bar.
    slot: f64,
    bar_w: f64,
    /// Label every this many weeks.
    label_every: usize,
}

impl Frame {
    fn of(workload: &Workload) -> Self {
        let peak = workload
            .peak()
            .map_or(0.0, |w| w.total_minutes() as f64 / 60.0);
        let ceiling = workload.target.map_or(0.0, |t| t.ceiling_minutes() / 60.0);
        let step = grid_step(peak.max(ceiling).max(1.0));
        // Headroom above the tallest bar for its label.
        let top_hours = ((peak.max(ceiling).max(1.0) * 1.06 / step).ceil() * step).max(step);
        let plot_w = WIDTH - LEFT - RIGHT;
        let weeks = workload.weeks.len().max(1);
        let slot = plot_w / weeks as f64;
        Frame {
            top_hours,
            step,
            plot_w,
            plot_h: HEIGHT - TOP - BOTTOM,
            weeks,
            slot,
            bar_w: (slot * 0.7).max(1.0),
            label_every: (weeks as f64 / 26.0).ceil().max(1.0) as usize,
        }
    }

    /// The y pixel of a number of hours.
    fn y(&self, hours: f64) -> f64 {
        TOP + self.plot_h - hours / self.top_hours * self.plot_h
    }
}

/// The chart as SVG text.
pub fn svg(rec: &Recommendation, workload: &Workload) -> String {
    let f = Frame::of(workload);
    let title = format!("Workload per week: {}", rec.course.meta.title);
    let mut s = String::new();
    header(&mut s, &title, &summary(workload));
    legend(&mut s, workload.target.is_some());
    grid(&mut s, &f);
    for (i, w) in workload.weeks.iter().enumerate() {
        bar(&mut s, &f, i, w, workload.target.as_ref());
    }
    axes(&mut s, &f);
    if let Some(t) = workload.target {
        target_lines(&mut s, &f, &t);
    }
    s.push_str("</svg>\n");
    s
}

/// The one-paragraph description: the target and the term's hours.
fn summary(workload: &Workload) -> String {
    match workload.target {
        Some(t) => format!(
            "{} credits × {} h over {} teaching weeks: target {} h a week, flagged above {} h. Term {} h of {} h; peak week {}.",
            t.credits,
            t.credit_hours,
            t.teaching_weeks,
            h(t.minutes_per_week() / 60.0),
            h(t.ceiling_minutes() / 60.0),
            h(hours(workload.term_minutes())),
            h(t.term_minutes() / 60.0),
            workload.peak().map_or("-".into(), |p| format!(
                "{} ({} h)",
                p.week,
                h(hours(p.total_minutes()))
            )),
        ),
        None => format!(
            "Term {} h; peak week {}. No target: the course gives no credits.",
            h(hours(workload.term_minutes())),
            workload.peak().map_or("-".into(), |p| format!(
                "{} ({} h)",
                p.week,
                h(hours(p.total_minutes()))
            )),
        ),
    }
}

/// The root element, title, description, hatch pattern, background and heading.
fn header(s: &mut String, title: &str, summary: &str) {
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{hgt}" viewBox="0 0 {w} {hgt}" role="img" aria-labelledby="chart-title chart-desc" font-family="DejaVu Sans, Verdana, Arial, sans-serif">"#,
        w = n(WIDTH),
        hgt = n(HEIGHT)
    );
    let _ = writeln!(s, r#"<title id="chart-title">{}</title>"#, xml(title));
    let _ = writeln!(s, r#"<desc id="chart-desc">{}</desc>"#, xml(summary));
    let _ = writeln!(
        s,
        r#"<defs><pattern id="self-paced" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="{PALE}"/><rect width="2.5" height="6" fill="{SELF_PACED}"/></pattern></defs>"#
    );
    let _ = writeln!(
        s,
        r#"<rect width="{}" height="{}" fill="{WHITE}"/>"#,
        n(WIDTH),
        n(HEIGHT)
    );
    let _ = writeln!(
        s,
        r#"<text x="{}" y="28" font-size="18" font-weight="bold" fill="{INK}">{}</text>"#,
        n(LEFT),
        xml(title)
    );
    let _ = writeln!(
        s,
        r#"<text x="{}" y="50" font-size="12" fill="{INK}">{}</text>"#,
        n(LEFT),
        xml(summary)
    );
}

/// A swatch and a word for each mark, so nothing depends on colour.
fn legend(s: &mut String, has_target: bool) {
    let legend_y = 66.0;
    let mut lx = LEFT;
    let _ = writeln!(
        s,
        r#"<rect x="{}" y="{}" width="14" height="12" fill="{LIVE}"/><text x="{}" y="{}" font-size="12" fill="{INK}">live (solid)</text>"#,
        n(lx),
        n(legend_y),
        n(lx + 20.0),
        n(legend_y + 10.5)
    );
    lx += 112.0;
    let _ = writeln!(
        s,
        r#"<rect x="{}" y="{}" width="14" height="12" fill="url(#self-paced)" stroke="{SELF_PACED}"/><text x="{}" y="{}" font-size="12" fill="{INK}">self-paced (hatched)</text>"#,
        n(lx),
        n(legend_y),
        n(lx + 20.0),
        n(legend_y + 10.5)
    );
    lx += 170.0;
    if has_target {
        let _ = writeln!(
            s,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{INK}" stroke-width="2" stroke-dasharray="8 4"/><text x="{}" y="{}" font-size="12" fill="{INK}">target</text>"#,
            n(lx),
            n(legend_y + 6.0),
            n(lx + 24.0),
            n(legend_y + 6.0),
            n(lx + 30.0),
            n(legend_y + 10.5)
        );
        lx += 84.0;
        let _ = writeln!(
            s,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{OVER}" stroke-width="1.5" stroke-dasharray="2 3"/><text x="{}" y="{}" font-size="12" fill="{INK}">flag threshold; ▲ = over</text>"#,
            n(lx),
            n(legend_y + 6.0),
            n(lx + 24.0),
            n(legend_y + 6.0),
            n(lx + 30.0),
            n(legend_y + 10.5)
        );
    }
}

/// Grid lines with their hour labels, and the y axis title.
fn grid(s: &mut String, f: &Frame) {
    let mut tick = 0.0;
    while tick <= f.top_hours + 1e-9 {
        let ty = f.y(tick);
        let _ = writeln!(
            s,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{GRID}" stroke-width="1"/><text x="{}" y="{}" font-size="11" text-anchor="end" fill="{INK}">{}</text>"#,
            n(LEFT),
            n(ty),
            n(WIDTH - RIGHT),
            n(ty),
            n(LEFT - 8.0),
            n(ty + 4.0),
            h(tick)
        );
        tick += f.step;
    }
    let _ = writeln!(
        s,
        r#"<text transform="translate(18 {}) rotate(-90)" font-size="12" text-anchor="middle" fill="{INK}">hours</text>"#,
        n(TOP + f.plot_h / 2.0)
    );
}

/// One week's bar: hatched self-paced over solid live, an outline when over the threshold,
/// its total and its week label.
fn bar(s: &mut String, f: &Frame, i: usize, w: &WeekLoad, target: Option<&Target>) {
    let x = LEFT + f.slot * i as f64 + (f.slot - f.bar_w) / 2.0;
    let live_h = w.live_minutes as f64 / 60.0;
    let total_h = w.total_minutes() as f64 / 60.0;
    let over = target.is_some_and(|t| t.is_over(w));
    let _ = write!(s, r#"<g><title>{}</title>"#, xml(&week_tooltip(w, target)));
    if total_h > live_h {
        let _ = write!(
            s,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="url(#self-paced)" stroke="{SELF_PACED}" stroke-width="1"/>"#,
            n(x),
            n(f.y(total_h)),
            n(f.bar_w),
            n(f.y(live_h) - f.y(total_h))
        );
    }
    if live_h > 0.0 {
        let _ = write!(
            s,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{LIVE}"/>"#,
            n(x),
            n(f.y(live_h)),
            n(f.bar_w),
            n(f.y(0.0) - f.y(live_h))
        );
    }
    if over {
        let _ = write!(
            s,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="{OVER}" stroke-width="2.5"/>"#,
            n(x),
            n(f.y(total_h)),
            n(f.bar_w),
            n(f.y(0.0) - f.y(total_h))
        );
    }
    if w.total_minutes() > 0 && (f.weeks <= 26 || over) {
        let label = if over {
            format!("▲{}", h(hours(w.total_minutes())))
        } else {
            h(hours(w.total_minutes()))
        };
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" font-size="{}" text-anchor="middle" fill="{}"{}>{}</text>"#,
            n(x + f.bar_w / 2.0),
            n(f.y(total_h) - 5.0),
            if f.weeks <= 16 { "11" } else { "9" },
            if over { OVER } else { INK },
            if over { r#" font-weight="bold""# } else { "" },
            xml(&label)
        );
    }
    if i.is_multiple_of(f.label_every) {
        let text = if w.teaching {
            w.week.to_string()
        } else {
            format!("{} break", w.week)
        };
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" font-size="11" text-anchor="middle" fill="{INK}">{}</text>"#,
            n(x + f.bar_w / 2.0),
            n(TOP + f.plot_h + 16.0),
            xml(&text)
        );
    }
    let _ = writeln!(s, "</g>");
}

/// The x axis title and the baseline.
fn axes(s: &mut String, f: &Frame) {
    let _ = writeln!(
        s,
        r#"<text x="{}" y="{}" font-size="12" text-anchor="middle" fill="{INK}">course week</text>"#,
        n(LEFT + f.plot_w / 2.0),
        n(HEIGHT - 18.0)
    );
    let _ = writeln!(
        s,
        r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{INK}" stroke-width="1"/>"#,
        n(LEFT),
        n(f.y(0.0)),
        n(WIDTH - RIGHT),
        n(f.y(0.0))
    );
}

/// Target and threshold lines on top of the bars, labelled with their values.
fn target_lines(s: &mut String, f: &Frame, t: &Target) {
    let target = t.minutes_per_week() / 60.0;
    let ceiling = t.ceiling_minutes() / 60.0;
    let ty = f.y(target);
    let cy = f.y(ceiling);
    labelled_line(
        s,
        ty,
        ty + 14.0,
        (INK, "2", "8 4"),
        &format!("target {} h", h(target)),
    );
    labelled_line(
        s,
        cy,
        cy - 5.0,
        (OVER, "1.5", "2 3"),
        &format!("flagged above {} h", h(ceiling)),
    );
}

/// A dashed line across the plot at height `y`, its label right-aligned at `label_y`, in
/// `(colour, stroke width, dash pattern)`.
fn labelled_line(s: &mut String, y: f64, label_y: f64, stroke: (&str, &str, &str), label: &str) {
    let (colour, width, dash) = stroke;
    let _ = writeln!(
        s,
        r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{colour}" stroke-width="{width}" stroke-dasharray="{dash}"/><text x="{}" y="{}" font-size="11" text-anchor="end" fill="{colour}" stroke="{WHITE}" stroke-width="3" paint-order="stroke">{label}</text>"#,
        n(LEFT),
        n(y),
        n(WIDTH - RIGHT),
        n(y),
        n(WIDTH - RIGHT - 2.0),
        n(label_y),
    );
}

fn week_tooltip(w: &crate::workload::WeekLoad, target: Option<&crate::workload::Target>) -> String {
    let share = target
        .map(|t| format!(", {:.0}% of target", t.share(w) * 100.0))
        .unwrap_or_default();
    format!(
        "week {}: {} h live, {} h self-paced, {} h in all{share}",
        w.week,
        h(hours(w.live_minutes)),
        h(hours(w.self_paced_minutes)),
        h(hours(w.total_minutes()))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escapes_markup_and_controls() {
        assert_eq!(xml("a<b & \"c\"\n"), "a&lt;b &amp; &quot;c&quot;\\n");
    }

    #[test]
    fn noncharacter_in_a_title_keeps_the_chart_well_formed() {
        assert_eq!(xml("a\u{fffe}b\u{ffff}"), "a\\u{fffe}b\\u{ffff}");
    }

    #[test]
    fn bidi_controls_never_reach_the_chart_raw() {
        assert_eq!(xml("evil\u{202e}txt"), "evil\\u{202e}txt");
        assert_eq!(xml("\u{2066}x\u{2069}"), "\\u{2066}x\\u{2069}");
    }

    #[test]
    fn grid_steps_stay_readable() {
        assert_eq!(grid_step(13.67), 2.0);
        assert_eq!(grid_step(3.0), 0.5);
        assert_eq!(grid_step(70.0), 10.0);
    }
}
