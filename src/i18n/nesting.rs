//! How deeply a Fluent file nests, measured before any Fluent parser sees
//! it.
//!
//! Both Fluent parsers we use (`fluent_syntax`, also behind
//! `FluentResource`) descend one function call per placeable `{ }` and per
//! function argument list `( )`, with no limit: a file that nests a few
//! thousand levels overflows the stack and kills the process, `serve`
//! included. Real interface strings nest two or three levels, so a file
//! nesting deeper than [`MAX_NESTING`] is refused whole, with the line and
//! column where it goes too deep, and never parsed.
//!
//! The count never comes out lower than the parser's own depth, which
//! is what keeps the parser safe; it may come out a little higher, which
//! costs nothing at this limit. Every `{`, and every `(` inside one,
//! opens a level, wherever it is. A `}` closes back to the innermost `{`
//! and a `)` closes an innermost `(`, unless a `"` came before it on its
//! line inside a placeable: it may be inside a string literal (`{ "}" }`),
//! where it closes nothing. A `(` outside any placeable is text. Lines
//! that the parser always reads with nothing open start afresh: comments
//! (`#` at the start of a line) and the start of a message or term
//! (`id =` or `-id =`), which inside a placeable is a syntax error that
//! ends it.

use crate::diagnostics::{Diagnostic, Location};
use crate::load::LocaleFile;

/// The deepest nesting of `{ }` and `( )` a locale file may have.
pub(super) const MAX_NESTING: usize = 50;

/// The file's text, when a Fluent parser can take it without risk;
/// otherwise the error to report, and the file must not be parsed.
pub(crate) fn parseable(file: &LocaleFile) -> Result<&str, Diagnostic> {
    let Some(offset) = too_deep_at(&file.text, MAX_NESTING) else {
        return Ok(&file.text);
    };
    Err(Diagnostic::error(
        &file.path,
        format!(
            "this message nests placeables {{ }} more than {MAX_NESTING} levels deep, \
             so the file's interface strings were not read"
        ),
    )
    .at(Location::at_offset(&file.text, offset, 1))
    .help(
        "interface strings need two or three levels at most: \
         remove the extra `{` and `}` (or `(` and `)`) around this text",
    ))
}

/// The byte offset of the bracket that takes `text` deeper than `limit`
/// levels, if one does.
fn too_deep_at(text: &str, limit: usize) -> Option<usize> {
    // The brackets open, innermost last.
    let mut open: Vec<u8> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if line.starts_with('#') {
            open.clear();
            continue;
        }
        // Nothing is open after the `=` of a line that starts a message.
        let from = entry_start(line).unwrap_or(0);
        if from > 0 {
            open.clear();
        }
        let mut maybe_in_string = false;
        for (at, byte) in line.bytes().enumerate().skip(from) {
            match byte {
                b'{' => open.push(b'{'),
                b'(' if !open.is_empty() => open.push(b'('),
                b'"' if !open.is_empty() => maybe_in_string = true,
                b'}' if !maybe_in_string => {
                    if let Some(brace) = open.iter().rposition(|&b| b == b'{') {
                        open.truncate(brace);
                    }
                }
                b')' if !maybe_in_string && open.last() == Some(&b'(') => {
                    open.pop();
                }
                _ => {}
            }
            if open.len() > limit {
                return Some(start + at);
            }
        }
    }
    None
}

/// Where the `=` of a line that starts a message or term (`id =`,
/// `-id =`) ends, if the line starts one.
fn entry_start(line: &str) -> Option<usize> {
    let id = line.strip_prefix('-').unwrap_or(line);
    if !id.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let rest = id.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    let rest = rest.trim_start_matches([' ', '\t']);
    rest.starts_with('=').then(|| line.len() - rest.len() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(levels: usize) -> String {
        format!(
            "deep = {}\"x\"{}\n",
            "{ ".repeat(levels),
            " }".repeat(levels)
        )
    }

    /// The least limit `text` stays within: its depth as counted here.
    fn counted(text: &str) -> usize {
        (0..)
            .find(|&limit| too_deep_at(text, limit).is_none())
            .unwrap_or(0)
    }

    #[test]
    fn real_interface_strings_are_shallow() {
        let text = "# A comment { { {\n\
                    hello = Hello, { $name }!\n\
                    emails = { $count ->\n    [one] One email\n   *[other] { NUMBER($count) } emails\n}\n\
                    said = They said \"{ $what }\" (twice)\n\
                    brace = A literal { \"{\" } brace\n";
        assert_eq!(counted(text), 3);
    }

    #[test]
    fn the_limit_itself_is_allowed_and_one_more_is_not() {
        assert_eq!(too_deep_at(&nested(MAX_NESTING), MAX_NESTING), None);
        let text = nested(MAX_NESTING + 1);
        let offset = too_deep_at(&text, MAX_NESTING).expect("too deep");
        assert_eq!(offset, "deep = ".len() + 2 * MAX_NESTING);
        assert_eq!(&text[offset..=offset], "{");
    }

    #[test]
    fn function_arguments_count_as_levels() {
        let text = format!("f = {{ {}1{} }}\n", "NUMBER(".repeat(60), ")".repeat(60));
        assert_eq!(counted(&text), 61);
        // Parentheses in plain text are text.
        assert_eq!(counted(&format!("f = {} {{ $x }}\n", "(".repeat(60))), 1);
    }

    #[test]
    fn nesting_carries_over_lines_until_the_next_message() {
        let text = format!("f =\n{}", "{\n".repeat(60));
        let offset = too_deep_at(&text, MAX_NESTING).expect("too deep");
        assert_eq!(Location::at_offset(&text, offset, 1).line, MAX_NESTING + 2);
        // A line starting with a message reference continues the placeable...
        let text = format!("f = {}\nfoo {}", "{ ".repeat(30), "{ ".repeat(30));
        assert_eq!(counted(&text), 60);
        // ... and one starting a message starts afresh, as does a comment.
        let text = format!("f = {}\nfoo = {}", "{ ".repeat(30), "{ ".repeat(30));
        assert_eq!(counted(&text), 30);
        let text = format!("f = {}\n# {{\n{}", "{ ".repeat(30), "{ ".repeat(30));
        assert_eq!(counted(&text), 30);
    }

    #[test]
    fn closing_brackets_that_may_be_in_a_string_close_nothing() {
        // `"}"` is a string literal: the parser is still two deep.
        let text = format!("s = {}\n", "{ $a -> *[b] { \"}\" -> *[c] ".repeat(30));
        assert_eq!(counted(&text), 60);
        let text = format!("s = {{ {}\n", "F(\")\", ".repeat(60));
        assert_eq!(counted(&text), 61);
    }

    #[test]
    fn a_parenthesis_in_a_variant_closes_nothing() {
        let text = format!("s = {}\n", "{ F( { $a -> *[b] ) ".repeat(30));
        assert_eq!(counted(&text), 90);
    }

    /// Depth of placeables and argument lists in what the parser read.
    fn parsed_depth(text: &str) -> usize {
        use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
        fn pattern(p: &Pattern<&str>) -> usize {
            p.elements
                .iter()
                .map(|e| match e {
                    PatternElement::Placeable { expression } => 1 + expression_depth(expression),
                    PatternElement::TextElement { .. } => 0,
                })
                .max()
                .unwrap_or(0)
        }
        fn expression_depth(e: &Expression<&str>) -> usize {
            match e {
                Expression::Select { selector, variants } => variants
                    .iter()
                    .map(|v| pattern(&v.value))
                    .chain([inline(selector)])
                    .max()
                    .unwrap_or(0),
                Expression::Inline(i) => inline(i),
            }
        }
        fn inline(i: &InlineExpression<&str>) -> usize {
            let arguments = |a: &fluent_syntax::ast::CallArguments<&str>| {
                1 + a
                    .positional
                    .iter()
                    .chain(a.named.iter().map(|n| &n.value))
                    .map(inline)
                    .max()
                    .unwrap_or(0)
            };
            match i {
                InlineExpression::Placeable { expression } => 1 + expression_depth(expression),
                InlineExpression::FunctionReference { arguments: a, .. } => arguments(a),
                InlineExpression::TermReference {
                    arguments: Some(a), ..
                } => arguments(a),
                _ => 0,
            }
        }
        let resource = match fluent_syntax::parser::parse(text) {
            Ok(resource) | Err((resource, _)) => resource,
        };
        resource
            .body
            .iter()
            .map(|entry| match entry {
                Entry::Message(m) => m
                    .value
                    .iter()
                    .chain(m.attributes.iter().map(|a| &a.value))
                    .map(pattern)
                    .max()
                    .unwrap_or(0),
                Entry::Term(t) => std::iter::once(&t.value)
                    .chain(t.attributes.iter().map(|a| &a.value))
                    .map(pattern)
                    .max()
                    .unwrap_or(0),
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }

    /// A random generator (xorshift): the same scraps on every run.
    struct Scraps(u64);

    impl Scraps {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }

        fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
            from[self.below(from.len())]
        }

        /// Text, with brackets and quotes a parser might trip on.
        fn text(&mut self, out: &mut String) {
            for _ in 0..self.below(3) {
                out.push_str(self.pick(&["x", " ", "\"", "(", ")", "[a]", "\n  ", "\n"]));
            }
        }

        fn string(&mut self, out: &mut String) {
            out.push('"');
            for _ in 0..self.below(4) {
                out.push_str(self.pick(&["{", "}", "(", ")", "\\\"", "\\\\", "x", "\\{", "\n"]));
            }
            out.push('"');
        }

        fn inline(&mut self, out: &mut String, depth: usize) {
            match self.below(if depth > 4 { 2 } else { 6 }) {
                0 => out.push_str("$a"),
                1 => self.string(out),
                2 | 3 => {
                    out.push_str(self.pick(&["NUMBER(", "F(", "-t("]));
                    for _ in 0..self.below(3) {
                        if self.below(3) == 0 {
                            out.push_str("k: ");
                            self.string(out);
                        } else {
                            self.inline(out, depth + 1);
                        }
                        out.push_str(self.pick(&[", ", ",", " ", "\n"]));
                    }
                    out.push(')');
                }
                _ => self.placeable(out, depth + 1),
            }
        }

        fn placeable(&mut self, out: &mut String, depth: usize) {
            out.push_str(self.pick(&["{", "{ ", "{\n"]));
            self.inline(out, depth);
            if depth <= 4 && self.below(3) == 0 {
                out.push_str(" ->\n");
                for key in ["[a] ", "*[b] "] {
                    out.push_str(self.pick(&["  ", " ", "\n"]));
                    out.push_str(key);
                    self.pattern(out, depth);
                    out.push('\n');
                }
            }
            out.push_str(self.pick(&["}", " }", "\n}"]));
        }

        fn pattern(&mut self, out: &mut String, depth: usize) {
            for _ in 0..1 + self.below(3) {
                self.text(out);
                self.placeable(out, depth + 1);
            }
        }

        /// A message, often valid, then mangled here and there.
        fn message(&mut self) -> String {
            let mut text = String::from("m = ");
            self.pattern(&mut text, 0);
            for _ in 0..self.below(3) {
                let mut at = self.below(text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                if self.below(2) == 0 {
                    let piece = self.pick(&["{", "}", "(", ")", "\"", "\n", "\nn = ", "#", "]"]);
                    text.insert_str(at, piece);
                } else if at < text.len() {
                    text.remove(at);
                }
            }
            text.push('\n');
            text
        }
    }

    /// Random Fluent, valid and mangled: the count is never below the
    /// parser's depth.
    #[test]
    fn the_count_is_never_below_the_parsers_depth() {
        let mut scraps = Scraps(0x2545_f491_4f6c_dd1d);
        let mut deep = 0;
        for _ in 0..5_000 {
            let text = scraps.message();
            let parsed = parsed_depth(&text);
            // Counted deeper than one level less than the parser went.
            assert!(
                parsed == 0 || too_deep_at(&text, parsed - 1).is_some(),
                "counted less than the parser's depth of {parsed}:\n{text}"
            );
            deep += usize::from(parsed >= 3);
        }
        // The scraps must often parse into nested placeables to test anything.
        assert!(deep > 200, "only {deep} scraps nest three deep");
    }
}
