// Structured hostile input for two fuzz targets (`fuzz/fuzz_targets/check_dir.rs` and
// `fuzz/fuzz_targets/writers.rs`) and their proptest mirrors (`tests/it/discovery.rs`,
// `tests/it/budget.rs`). Included by path from the fuzz crate, so it names only `mixplan`,
// `arbitrary`, `tempfile`, `serde_json` and std.

use std::fmt::Write as _;

use arbitrary::Arbitrary;

/// One file to plant in a directory `check` walks.
#[derive(Arbitrary, Debug)]
pub struct FuzzFile {
    /// Picks a folder: the root, `sub`, `.hidden` or `sub/.deep`.
    folder: u8,
    /// The file's name, cut to letters, digits, `-` and `_` (a dot is added in front when
    /// `hidden`).
    name: String,
    hidden: bool,
    /// Picks the extension: `.toml`, `.TOML`, `.txt`.
    extension: u8,
    /// Picks what the file holds: a course, a course behind a byte-order mark, an escaped
    /// `course` key, `[[course]]`, TOML without a course, or the raw bytes.
    content: u8,
    raw: Vec<u8>,
}

/// A directory tree with ignore files, and how `check` walks it.
#[derive(Arbitrary, Debug)]
pub struct FuzzTree {
    files: Vec<FuzzFile>,
    /// Lines of a `.ignore` file at the root, if any.
    ignore: Option<Vec<u8>>,
    hidden: bool,
    no_ignore: bool,
}

const COURSE: &str = "[course]\ntitle = \"T\"\nweeks = 4\n\n[students]\ncount = 20\n\n[[activities]]\nid = \"talk\"\nkind = \"lecture\"\nminutes = 30\n";

impl FuzzFile {
    fn path(&self) -> String {
        let folder = ["", "sub/", ".hidden/", "sub/.deep/"][usize::from(self.folder % 4)];
        let mut name: String = self
            .name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .take(40)
            .collect();
        if name.is_empty() {
            name.push('f');
        }
        let dot = if self.hidden { "." } else { "" };
        let extension = ["toml", "TOML", "txt"][usize::from(self.extension % 3)];
        format!("{folder}{dot}{name}.{extension}")
    }

    fn bytes(&self) -> Vec<u8> {
        match self.content % 6 {
            0 => COURSE.as_bytes().to_vec(),
            1 => [b"\xef\xbb\xbf".as_slice(), COURSE.as_bytes()].concat(),
            2 => COURSE
                .replace("[course]", "[\"cou\\u0072se\"]")
                .into_bytes(),
            3 => COURSE.replace("[course]", "[[course]]").into_bytes(),
            4 => b"[package]\nname = \"x\"\n".to_vec(),
            _ => self.raw.clone(),
        }
    }
}

/// Plant the tree in a fresh directory, walk and check it, and hold `check` to its promises:
/// no panic; every file checked or noted, never both; notes name paths under the directory;
/// the JSON and SARIF reports parse.
pub fn check_dir(tree: &FuzzTree) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let root = dir.path();
    let mut planted = std::collections::BTreeSet::new();
    for file in tree.files.iter().take(24) {
        let path = file.path();
        let full = root.join(&path);
        if let Some(parent) = full.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        if std::fs::write(&full, file.bytes()).is_ok() {
            planted.insert(path);
        }
    }
    if let Some(ignore) = &tree.ignore {
        let _ = std::fs::write(root.join(".ignore"), ignore);
    }
    let options = mixplan::check::WalkOptions {
        hidden: tree.hidden,
        no_ignore: tree.no_ignore,
    };
    let found = mixplan::check::discover(&[root.to_path_buf()], options);
    let walked: Vec<String> = found.inputs.iter().map(|i| i.display.clone()).collect();
    let run = mixplan::check::run(found, None, &mixplan::check::Options::default());
    let prefix = mixplan::check::discover::display(root);
    let mut noted = std::collections::BTreeSet::new();
    for note in &run.notes {
        if let mixplan::check::Note::Skipped(skipped) = note {
            for path in &skipped.paths {
                assert!(path.starts_with(&prefix), "{path} outside {prefix}");
                noted.insert(path.clone());
            }
        }
    }
    for path in &walked {
        let not_course = run.notes.iter().any(|n| {
            matches!(n, mixplan::check::Note::Skipped(s)
                if s.reason == mixplan::check::SkipReason::NotCourse && s.paths.contains(path))
        });
        let other = noted.contains(path) && !not_course;
        assert!(!other, "{path} both walked and skipped");
    }
    assert!(run.files_checked <= planted.len());
    let json = mixplan::render::check_json::check_json(&run, false);
    serde_json::from_str::<serde_json::Value>(&json).expect("check JSON parses");
    let sarif = mixplan::render::sarif::sarif(&run, false);
    serde_json::from_str::<serde_json::Value>(&sarif).expect("SARIF parses");
    let _ = mixplan::render::github::github(&run, false);
}

/// Hostile text for the page and calendar writers.
#[derive(Arbitrary, Debug)]
pub struct FuzzWriters {
    title: String,
    location: String,
    url_tail: String,
    course_url_tail: String,
    sections: u8,
    weeks: u8,
    activities: u8,
    zones: u8,
    sequence: u32,
    remind: Option<u16>,
}

/// `text` as a TOML basic string: quotes, backslashes and control characters escaped.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl FuzzWriters {
    /// The course as TOML text: fuzzed titles, locations and links on activities with up to
    /// 30 sections, over up to 30 weeks and 6 zones.
    pub fn to_toml(&self) -> String {
        const ZONES: [&str; 6] = [
            "Asia/Tokyo",
            "Europe/Berlin",
            "America/Los_Angeles",
            "Australia/Sydney",
            "Asia/Kolkata",
            "Pacific/Auckland",
        ];
        const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        let mut t = format!(
            "[course]\ntitle = {}\nweeks = {}\nstart = 2027-01-04\ntimezone = \"America/New_York\"\nsync_hours = [0, 168]\n",
            toml_string(&self.title),
            self.weeks % 30 + 1
        );
        if !self.course_url_tail.is_empty() {
            let url = format!("https://e.x/{}", self.course_url_tail);
            let _ = writeln!(t, "url = {}", toml_string(&url));
        }
        let zones = &ZONES[..usize::from(self.zones % 7)];
        let _ = writeln!(t, "\n[students]\ncount = {}", 10 * (zones.len() + 1));
        for zone in zones {
            let _ = writeln!(t, "[[students.zones]]\nzone = \"{zone}\"\ncount = 10");
        }
        for i in 0..usize::from(self.activities % 8) + 1 {
            let _ = writeln!(
                t,
                "[[activities]]\nid = \"a{i}\"\ntitle = {}\nkind = \"{}\"\nminutes = 20",
                toml_string(&self.title),
                if i % 2 == 0 { "reading" } else { "discussion" }
            );
            if !self.location.is_empty() {
                let _ = writeln!(t, "location = {}", toml_string(&self.location));
            }
            if !self.url_tail.is_empty() {
                let url = format!("https://e.x/{}", self.url_tail);
                let _ = writeln!(t, "url = {}", toml_string(&url));
            }
        }
        let sections = usize::from(self.sections % 31);
        if sections > 0 {
            let at: Vec<String> = (0..sections)
                .map(|k| {
                    format!(
                        "{{ day = \"{}\", time = \"{:02}:00\" }}",
                        DAYS[k % 7],
                        8 + k / 7
                    )
                })
                .collect();
            let _ = writeln!(
                t,
                "[[activities]]\nid = \"live\"\ntitle = {}\nkind = \"discussion\"\nminutes = 30\nat = [{}]",
                toml_string(&self.title),
                at.join(", ")
            );
        }
        t
    }
}

/// Load the course (text over a cap is a located error, not a crash), then write the student
/// page and the calendar and hold them to their promises: the output budget's estimate bounds
/// what is written, no raw bidi control reaches the page, the calendar closes and folds its
/// lines at 75 octets with CRLF.
pub fn writers(input: &FuzzWriters) {
    use mixplan::budget::{Output, estimate};
    use mixplan::render;
    let text = input.to_toml();
    let loaded = mixplan::course::load(&text);
    let Some(course) = loaded.course else {
        assert!(!loaded.diagnostics.is_empty());
        return;
    };
    let reminders = input.remind.is_some();
    let page_budget = estimate(&course, Output::Page).bytes;
    let calendar_budget = estimate(&course, Output::Calendar { reminders }).bytes;
    let rec = mixplan::recommend(course);
    let page = render::html::page(&rec, render::html::Shape::Page);
    let shape = || {
        format!(
            "weeks {} activities {} sections {} zones {} title {} location {} url {} course url {}",
            input.weeks % 30 + 1,
            input.activities % 8 + 1,
            input.sections % 31,
            input.zones % 7,
            input.title.len(),
            input.location.len(),
            input.url_tail.len(),
            input.course_url_tail.len()
        )
    };
    assert!(
        page.len() as u64 <= page_budget,
        "page {} > {page_budget}: {}",
        page.len(),
        shape()
    );
    let fragment = render::html::page(&rec, render::html::Shape::Fragment);
    assert!(!fragment.contains("<script"));
    for c in ['\u{202e}', '\u{2066}', '\u{1b}'] {
        assert!(!page.contains(c), "{c:?} reached the page raw");
    }
    for style in [render::ics::Style::Series, render::ics::Style::Flat] {
        let options = render::ics::Options {
            sequence: input.sequence,
            remind: input.remind.map(|m| render::ics::Remind {
                minutes: u32::from(m % 40_000) + 1,
            }),
            style,
        };
        check_calendar(&rec, options, calendar_budget, &shape);
    }
}

/// A calendar in one style: within its budget, ending as it should, every line folded.
fn check_calendar(
    rec: &mixplan::Recommendation,
    options: mixplan::render::ics::Options,
    calendar_budget: u64,
    shape: &dyn Fn() -> String,
) {
    if let Ok(ics) = mixplan::render::ics::calendar(rec, options) {
        assert!(
            ics.len() as u64 <= calendar_budget,
            "calendar {} > {calendar_budget}: {}",
            ics.len(),
            shape()
        );
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
            assert!(!line.contains('\n') && !line.contains('\r'));
        }
    }
}
