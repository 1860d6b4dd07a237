//! A small XML writer: escaping, and elements written in the order they are given, so the
//! bytes depend only on the model. Canvas's importer reads elements by name (Nokogiri CSS), so
//! no schema-driven serializer is needed.

/// Escape text content or an attribute value (quotes escaped too), dropping characters XML 1.0
/// cannot carry (controls other than tab, newline and carriage return, which the sanitizer
/// has already made visible in user text).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// An XML document under construction, indented by two spaces per level.
pub struct Doc {
    out: String,
    open: Vec<&'static str>,
}

impl Doc {
    /// A document with the XML declaration.
    pub fn new() -> Doc {
        Doc {
            out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
            open: Vec::new(),
        }
    }

    fn indent(&mut self) {
        for _ in 0..self.open.len() {
            self.out.push_str("  ");
        }
    }

    fn start_tag(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attributes {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            self.out.push_str(&escape(value));
            self.out.push('"');
        }
    }

    /// Open an element; [`Doc::close`] ends it.
    pub fn open(&mut self, name: &'static str, attributes: &[(&str, &str)]) -> &mut Doc {
        self.start_tag(name, attributes);
        self.out.push_str(">\n");
        self.open.push(name);
        self
    }

    /// Close the innermost open element.
    pub fn close(&mut self) -> &mut Doc {
        if let Some(name) = self.open.pop() {
            self.indent();
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push_str(">\n");
        }
        self
    }

    /// An element holding only text.
    pub fn text(&mut self, name: &str, text: &str) -> &mut Doc {
        self.text_with(name, &[], text)
    }

    /// An element with attributes holding only text.
    pub fn text_with(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) -> &mut Doc {
        self.start_tag(name, attributes);
        self.out.push('>');
        self.out.push_str(&escape(text));
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
        self
    }

    /// An empty element.
    pub fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) -> &mut Doc {
        self.start_tag(name, attributes);
        self.out.push_str("/>\n");
        self
    }

    /// The document, every element closed.
    pub fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_what_xml_cannot_carry() {
        assert_eq!(
            escape("a < b & \"c\" > d\u{1}\u{ffff}"),
            "a &lt; b &amp; &quot;c&quot; &gt; d"
        );
    }

    #[test]
    fn documents_nest_and_close() {
        let mut doc = Doc::new();
        doc.open("a", &[("x", "1 & 2")])
            .text("b", "<hi>")
            .empty("c", &[]);
        assert_eq!(
            doc.finish(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a x=\"1 &amp; 2\">\n  <b>&lt;hi&gt;</b>\n  <c/>\n</a>\n"
        );
    }
}
