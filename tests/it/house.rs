//! House rules the compiler does not enforce: no function in `src/` over
//! [`MAX_FUNCTION_LINES`] lines, counted by a brace-matching scan of `fn` items.

use std::path::Path;

/// The longest function `src/` may hold, in lines from `fn` to its closing brace.
const MAX_FUNCTION_LINES: usize = 120;

/// One function the scan found.
#[derive(Debug, PartialEq)]
struct Function {
    /// Its name.
    name: String,
    /// The line its `fn` is on (1-based).
    line: usize,
    /// Lines from `fn` to the closing brace, both included.
    lines: usize,
}

/// A lexer state good enough to match braces in Rust source: skips comments, strings, raw
/// strings and character literals (a lifetime is not a character literal).
struct Scan<'a> {
    bytes: &'a [u8],
    at: usize,
    line: usize,
}

impl Scan<'_> {
    fn peek(&self, ahead: usize) -> u8 {
        self.bytes.get(self.at + ahead).copied().unwrap_or(0)
    }

    fn bump(&mut self) {
        if self.peek(0) == b'\n' {
            self.line += 1;
        }
        self.at += 1;
    }

    /// Skips what is not code at the cursor (a comment, string or character literal) and says
    /// whether it did.
    fn skip_literal(&mut self) -> bool {
        match (self.peek(0), self.peek(1)) {
            (b'/', b'/') => {
                while self.at < self.bytes.len() && self.peek(0) != b'\n' {
                    self.bump();
                }
            }
            (b'/', b'*') => {
                self.bump();
                self.bump();
                while self.at < self.bytes.len() && !(self.peek(0) == b'*' && self.peek(1) == b'/')
                {
                    self.bump();
                }
                self.bump();
                self.bump();
            }
            (b'r', b'#' | b'"') if !self.ident_before() => self.raw_string(),
            (b'"', _) => {
                self.bump();
                while self.at < self.bytes.len() && self.peek(0) != b'"' {
                    if self.peek(0) == b'\\' {
                        self.bump();
                    }
                    self.bump();
                }
                self.bump();
            }
            (b'\'', b'\\') => {
                self.bump();
                self.bump();
                while self.at < self.bytes.len() && self.peek(0) != b'\'' {
                    self.bump();
                }
                self.bump();
            }
            (b'\'', _) if self.peek(2) == b'\'' => {
                self.bump();
                self.bump();
                self.bump();
            }
            _ => return false,
        }
        true
    }

    fn ident_before(&self) -> bool {
        self.at > 0 && {
            let b = self.bytes[self.at - 1];
            b.is_ascii_alphanumeric() || b == b'_'
        }
    }

    fn raw_string(&mut self) {
        self.bump();
        let mut hashes = 0;
        while self.peek(0) == b'#' {
            hashes += 1;
            self.bump();
        }
        if self.peek(0) != b'"' {
            return;
        }
        self.bump();
        while self.at < self.bytes.len() {
            if self.peek(0) == b'"' && (1..=hashes).all(|i| self.peek(i) == b'#') {
                for _ in 0..=hashes {
                    self.bump();
                }
                return;
            }
            self.bump();
        }
    }

    /// Whether the keyword `fn` starts at the cursor.
    fn at_fn(&self) -> bool {
        self.peek(0) == b'f'
            && self.peek(1) == b'n'
            && matches!(self.peek(2), b' ' | b'\n' | b'\t')
            && !self.ident_before()
    }
}

/// Every function with a body in `source`, with its length.
fn functions(source: &str) -> Vec<Function> {
    let mut scan = Scan {
        bytes: source.as_bytes(),
        at: 0,
        line: 1,
    };
    // Open `fn`s: (name, first line, brace depth of its body once open).
    let mut open: Vec<(String, usize, Option<usize>)> = Vec::new();
    let mut found = Vec::new();
    let mut depth = 0usize;
    while scan.at < scan.bytes.len() {
        if scan.skip_literal() {
            continue;
        }
        if scan.at_fn() {
            let rest = &source[scan.at + 2..];
            let name: String = rest
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            // `fn(` is a pointer type, not an item.
            if !name.is_empty() {
                open.push((name, scan.line, None));
            }
        }
        match scan.peek(0) {
            b'{' => {
                depth += 1;
                if let Some(last) = open.last_mut().filter(|f| f.2.is_none()) {
                    last.2 = Some(depth);
                }
            }
            b'}' => {
                if let Some((name, line, _)) = open.pop_if(|f| f.2 == Some(depth)) {
                    found.push(Function {
                        name,
                        line,
                        lines: scan.line - line + 1,
                    });
                }
                depth = depth.saturating_sub(1);
            }
            // A declaration without a body (in a trait or an `extern` block).
            b';' => {
                open.pop_if(|f| f.2.is_none());
            }
            _ => {}
        }
        scan.bump();
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_function_in_src_is_over_120_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut long = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).unwrap();
        for f in functions(&source) {
            if f.lines > MAX_FUNCTION_LINES {
                let path = file.strip_prefix(root).unwrap().display();
                long.push(format!("{path}:{} `{}`: {} lines", f.line, f.name, f.lines));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over {MAX_FUNCTION_LINES} lines (split them into named steps):\n{}",
        long.join("\n")
    );
}

#[test]
fn the_counter_finds_a_planted_long_function() {
    let body = "    let x = 1;\n".repeat(MAX_FUNCTION_LINES);
    let source = format!(
        "/// A trait.\ntrait T {{\n    fn declared(&self);\n}}\n\nfn short() -> &'static str {{\n    \"{{ not a brace\" // }}\n}}\n\nfn planted<'a>(c: char) {{\n    let _ = '{{';\n    let _ = r#\"}}\"#;\n    /* }} */\n{body}}}\n"
    );
    let found = functions(&source);
    let names: Vec<(&str, usize)> = found.iter().map(|f| (f.name.as_str(), f.lines)).collect();
    assert_eq!(
        names,
        [("short", 3), ("planted", MAX_FUNCTION_LINES + 5)],
        "{source}"
    );
}

/// clap's types live in the binary (`src/main.rs`, `src/cli.rs`, `src/cli/`); the library takes
/// plain values, so it can be used without a command line.
#[test]
fn the_library_does_not_use_clap() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let binary = |path: &Path| {
        let relative = path.strip_prefix(root.join("src")).unwrap();
        relative == Path::new("main.rs")
            || relative == Path::new("cli.rs")
            || relative.starts_with("cli")
    };
    let mut uses = Vec::new();
    for file in files.iter().filter(|f| !binary(f)) {
        let source = std::fs::read_to_string(file).unwrap();
        for (n, line) in source.lines().enumerate() {
            if line.contains("clap::") || line.contains("clap_mangen") || line.contains("use clap")
            {
                uses.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(uses.is_empty(), "clap in the library:\n{}", uses.join("\n"));
}
