//! `mixplan workload --chart FILE.svg`: a stacked bar chart of the weeks, written by hand.
//!
//! A few dozen rectangles, lines and labels need no plotting library: writing them directly
//! keeps the bytes deterministic and the file free of embedded fonts. The chart reads without
//! colour: live hours are solid, self-paced hours hatched, the target a dashed line with its
//! value, the flag threshold a dotted one, and every over-target week carries a label.

use std::fmt::Write;

use crate::Recommendation;
use crate::workload::Workload;

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

/// The chart as SVG text.
pub fn svg(rec: &Recommendation, workload: &Workload) -> String {
    let course = &rec.course;
    let target = workload.target;
    let peak = workload
        .peak()
        .map_or(0.0, |w| w.total_minutes() as f64 / 60.0);
    let ceiling = target.map_or(0.0, |t| t.ceiling_minutes() / 60.0);
    let step = grid_step(peak.max(ceiling).max(1.0));
    // Headroom above the tallest bar for its label.
    let top_hours = ((peak.max(ceiling).max(1.0) * 1.06 / step).ceil() * step).max(step);
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let y = |hours: f64| TOP + plot_h - hours / top_hours * plot_h;
    let weeks = workload.weeks.len().max(1);
    let slot = plot_w / weeks as f64;
    let bar_w = (slot * 0.7).max(1.0);

    let title = format!("Workload per week: {}", course.meta.title);
    let summary = match target {
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
    };

    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{hgt}" viewBox="0 0 {w} {hgt}" role="img" aria-labelledby="chart-title chart-desc" font-family="DejaVu Sans, Verdana, Arial, sans-serif">"#,
        w = n(WIDTH),
        hgt = n(HEIGHT)
    );
    let _ = writeln!(s, r#"<title id="chart-title">{}</title>"#, xml(&title));
    let _ = writeln!(s, r#"<desc id="chart-desc">{}</desc>"#, xml(&summary));
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
        xml(&title)
    );
    let _ = writeln!(
        s,
        r#"<text x="{}" y="50" font-size="12" fill="{INK}">{}</text>"#,
        n(LEFT),
        xml(&summary)
    );

    // Legend: a swatch and a word for each mark, so nothing depends on colour.
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
    if target.is_some() {
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

    // Grid and y axis.
    let mut tick = 0.0;
    while tick <= top_hours + 1e-9 {
        let ty = y(tick);
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
        tick += step;
    }
    let _ = writeln!(
        s,
        r#"<text transform="translate(18 {}) rotate(-90)" font-size="12" text-anchor="middle" fill="{INK}">hours</text>"#,
        n(TOP + plot_h / 2.0)
    );

    // Bars.
    let label_every = (weeks as f64 / 26.0).ceil().max(1.0) as usize;
    for (i, w) in workload.weeks.iter().enumerate() {
        let x = LEFT + slot * i as f64 + (slot - bar_w) / 2.0;
        let live_h = w.live_minutes as f64 / 60.0;
        let total_h = w.total_minutes() as f64 / 60.0;
        let over = target.is_some_and(|t| t.is_over(w));
        let _ = write!(
            s,
            r#"<g><title>{}</title>"#,
            xml(&week_tooltip(w, target.as_ref()))
        );
        if total_h > live_h {
            let _ = write!(
                s,
                r#"<rect x="{}" y="{}" width="{}" height="{}" fill="url(#self-paced)" stroke="{SELF_PACED}" stroke-width="1"/>"#,
                n(x),
                n(y(total_h)),
                n(bar_w),
                n(y(live_h) - y(total_h))
            );
        }
        if live_h > 0.0 {
            let _ = write!(
                s,
                r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{LIVE}"/>"#,
                n(x),
                n(y(live_h)),
                n(bar_w),
                n(y(0.0) - y(live_h))
            );
        }
        if over {
            let _ = write!(
                s,
                r#"<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="{OVER}" stroke-width="2.5"/>"#,
                n(x),
                n(y(total_h)),
                n(bar_w),
                n(y(0.0) - y(total_h))
            );
        }
        if w.total_minutes() > 0 && (weeks <= 26 || over) {
            let label = if over {
                format!("▲{}", h(hours(w.total_minutes())))
            } else {
                h(hours(w.total_minutes()))
            };
            let _ = write!(
                s,
                r#"<text x="{}" y="{}" font-size="{}" text-anchor="middle" fill="{}"{}>{}</text>"#,
                n(x + bar_w / 2.0),
                n(y(total_h) - 5.0),
                if weeks <= 16 { "11" } else { "9" },
                if over { OVER } else { INK },
                if over { r#" font-weight="bold""# } else { "" },
                xml(&label)
            );
        }
        if i % label_every == 0 {
            let text = if w.teaching {
                w.week.to_string()
            } else {
                format!("{} break", w.week)
            };
            let _ = write!(
                s,
                r#"<text x="{}" y="{}" font-size="11" text-anchor="middle" fill="{INK}">{}</text>"#,
                n(x + bar_w / 2.0),
                n(TOP + plot_h + 16.0),
                xml(&text)
            );
        }
        let _ = writeln!(s, "</g>");
    }
    let _ = writeln!(
        s,
        r#"<text x="{}" y="{}" font-size="12" text-anchor="middle" fill="{INK}">course week</text>"#,
        n(LEFT + plot_w / 2.0),
        n(HEIGHT - 18.0)
    );
    let _ = writeln!(
        s,
        r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{INK}" stroke-width="1"/>"#,
        n(LEFT),
        n(y(0.0)),
        n(WIDTH - RIGHT),
        n(y(0.0))
    );

    // Target and threshold lines on top of the bars, labelled with their values.
    if let Some(t) = target {
        let ty = y(t.minutes_per_week() / 60.0);
        let cy = y(t.ceiling_minutes() / 60.0);
        let _ = writeln!(
            s,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{INK}" stroke-width="2" stroke-dasharray="8 4"/><text x="{}" y="{}" font-size="11" text-anchor="end" fill="{INK}" stroke="{WHITE}" stroke-width="3" paint-order="stroke">target {} h</text>"#,
            n(LEFT),
            n(ty),
            n(WIDTH - RIGHT),
            n(ty),
            n(WIDTH - RIGHT - 2.0),
            n(ty + 14.0),
            h(t.minutes_per_week() / 60.0)
        );
        let _ = writeln!(
            s,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{OVER}" stroke-width="1.5" stroke-dasharray="2 3"/><text x="{}" y="{}" font-size="11" text-anchor="end" fill="{OVER}" stroke="{WHITE}" stroke-width="3" paint-order="stroke">flagged above {} h</text>"#,
            n(LEFT),
            n(cy),
            n(WIDTH - RIGHT),
            n(cy),
            n(WIDTH - RIGHT - 2.0),
            n(cy - 5.0),
            h(t.ceiling_minutes() / 60.0)
        );
    }
    s.push_str("</svg>\n");
    s
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
