//! Snapshots of the table and markdown output of every example.

use mixplan::render::{self, Format, Style};

fn render(path: &str, format: Format) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let course = mixplan::course::parse(&text).unwrap();
    render::recommendation(&mixplan::recommend(course), format, Style::PLAIN)
}

macro_rules! example_snapshots {
    ($($name:ident => $file:literal),+ $(,)?) => {
        $(
            #[test]
            fn $name() {
                let path = concat!("examples/", $file, ".toml");
                insta::assert_snapshot!(concat!($file, "-table"), render(path, Format::Table));
                insta::assert_snapshot!(concat!($file, "-markdown"), render(path, Format::Markdown));
            }
        )+
    };
}

example_snapshots! {
    evening_working_adults => "evening-working-adults",
    international_cohort => "international-cohort",
    full_time_seminar => "full-time-seminar",
    large_lecture => "large-lecture",
    remote_graphics_lecture => "remote-graphics-lecture",
    self_paced_professional => "self-paced-professional",
    hybrid_engineering_labs => "hybrid-engineering-labs",
    summer_data_structures => "summer-data-structures",
    global_summer_school_time_slots => "global-summer-school-time-slots",
}

/// JSON of the examples modelled on real syllabi: sittings, titles, due zones.
#[test]
fn real_term_examples_json() {
    for name in [
        "remote-graphics-lecture",
        "self-paced-professional",
        "hybrid-engineering-labs",
        "summer-data-structures",
    ] {
        let text = std::fs::read_to_string(format!("examples/{name}.toml")).unwrap();
        let course = mixplan::course::parse(&text).unwrap();
        let json = mixplan::render::json::to_string(&mixplan::recommend(course), false);
        insta::assert_snapshot!(format!("{name}-json"), json);
    }
}
