//! Problems found in a site, and how they are shown to people.
//!
//! Every stage collects `Diagnostic`s instead of stopping at the first one,
//! so a run reports everything at once. A diagnostic always names a file
//! (relative to the site root) and, where there is one, the line and column
//! with the source line shown. This module owns the wording of the
//! location and the rendering; the stages own the messages.

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a problem is: errors fail the run, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Severity {
    Error,
    Warning,
}

/// A place in a file: 1-based line and column plus the text of that line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Location {
    pub(crate) line: usize,
    pub(crate) column: usize,
    /// The whole source line, shown under the message.
    pub(crate) source_line: String,
    /// Byte range within `source_line` to underline.
    pub(crate) span: std::ops::Range<usize>,
}

impl Location {
    /// The location of byte `offset` in `text`, underlining `len` bytes.
    ///
    /// An offset with nothing but white space after it (a parser that
    /// reached the end of the file with something still open) points just
    /// after the last text instead, on its line: the empty line after it
    /// shows the reader nothing.
    pub(crate) fn at_offset(text: &str, offset: usize, len: usize) -> Location {
        let mut offset = floor_char_boundary(text, offset.min(text.len()));
        if text[offset..].trim().is_empty() {
            offset = text[..offset].trim_end().len();
        }
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        let line = text[..line_start].matches('\n').count() + 1;
        Location::in_line(&text[line_start..line_end], line, offset - line_start, len)
    }

    /// A location on `line` (1-based), whose text is `line_text`, at byte
    /// `start` of it, underlining `len` bytes.
    ///
    /// Control characters of the line (but tabs) are shown as `?`, one
    /// per byte: a hostile file must not send escape sequences to the
    /// terminal, and the underline keeps its place.
    pub(crate) fn in_line(line_text: &str, line: usize, start: usize, len: usize) -> Location {
        let line_text = line_text.trim_end_matches('\r');
        let start = floor_char_boundary(line_text, start.min(line_text.len()));
        let end = floor_char_boundary(line_text, (start + len.max(1)).min(line_text.len()));
        let mut source_line = String::with_capacity(line_text.len());
        for c in line_text.chars() {
            if c.is_control() && c != '\t' {
                source_line.extend(std::iter::repeat_n('?', c.len_utf8()));
            } else {
                source_line.push(c);
            }
        }
        Location {
            line,
            column: line_text[..start].chars().count() + 1,
            source_line,
            span: start..end.max(start),
        }
    }

    /// The location of a 1-based `line` and `column` (in characters) of `text`.
    pub(crate) fn at_line_column(text: &str, line: usize, column: usize) -> Location {
        let line_start = line_start_offset(text, line);
        let line_text = text[line_start..].split('\n').next().unwrap_or("");
        let column_offset = line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i);
        let token_len = line_text[column_offset..]
            .find(char::is_whitespace)
            .unwrap_or(line_text.len() - column_offset);
        Location::at_offset(text, line_start + column_offset, token_len)
    }
}

/// Byte offset where 1-based `line` starts; the end of `text` if it has fewer lines.
fn line_start_offset(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n')
        .nth(line - 2)
        .map_or(text.len(), |(i, _)| i + 1)
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// One problem: what is wrong, where, and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Diagnostic {
    pub(crate) severity: Severity,
    /// Path relative to the site root.
    pub(crate) path: PathBuf,
    pub(crate) location: Option<Location>,
    pub(crate) message: String,
    /// How to fix it, in plain words.
    pub(crate) help: Option<String>,
    /// A warning that `check` treats as an error: harmless to publish
    /// once, but something a careful editor fixes before publishing.
    pub(crate) strict: bool,
}

impl Diagnostic {
    pub(crate) fn error(path: impl AsRef<Path>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Error, path, message)
    }

    pub(crate) fn warning(path: impl AsRef<Path>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Warning, path, message)
    }

    fn new(severity: Severity, path: impl AsRef<Path>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity,
            path: path.as_ref().to_path_buf(),
            location: None,
            message: message.into(),
            help: None,
            strict: false,
        }
    }

    pub(crate) fn at(mut self, location: Location) -> Diagnostic {
        self.location = Some(location);
        self
    }

    pub(crate) fn at_opt(mut self, location: Option<Location>) -> Diagnostic {
        self.location = location;
        self
    }

    pub(crate) fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Marks a warning as one `check` reports as an error.
    pub(crate) fn strict(mut self) -> Diagnostic {
        self.strict = true;
        self
    }

    pub(crate) fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The diagnostic as text, with the source line and a caret under the
    /// problem; coloured when `color` is set.
    pub(crate) fn render(&self, color: bool) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let Some(location) = &self.location else {
            return self.render_without_source(color);
        };
        let path = self.path.display().to_string();
        let mut message = level.primary_title(&self.message).element(
            Snippet::source(&location.source_line)
                .line_start(location.line)
                .path(&path)
                .annotation(AnnotationKind::Primary.span(location.span.clone())),
        );
        if let Some(help) = &self.help {
            message = message.element(Level::HELP.message(help));
        }
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer.render(&[message]).to_string()
    }

    /// A problem with a whole file (or folder) has no line to show: the
    /// same layout, without the snippet.
    fn render_without_source(&self, color: bool) -> String {
        let (label, style) = match self.severity {
            Severity::Error => ("error", "\x1b[1;31m"),
            Severity::Warning => ("warning", "\x1b[1;33m"),
        };
        let (style, bold, blue, reset) = if color {
            (style, "\x1b[1m", "\x1b[1;34m", "\x1b[0m")
        } else {
            ("", "", "", "")
        };
        let mut text = format!(
            "{style}{label}{reset}{bold}: {}{reset}\n {blue}-->{reset} {}",
            self.message,
            self.path.display()
        );
        if let Some(help) = &self.help {
            text.push_str(&format!("\n  {blue}={reset} {bold}help{reset}: {help}"));
        }
        text
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// All the problems of one run, in a stable order.
#[derive(Debug, Default)]
pub(crate) struct Diagnostics {
    list: Vec<Diagnostic>,
}

impl Diagnostics {
    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        self.list.push(diagnostic);
    }

    pub(crate) fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.list.extend(diagnostics);
    }

    /// Turns strict warnings into errors, as `check` wants them.
    pub(crate) fn make_strict(&mut self) {
        for diagnostic in &mut self.list {
            if diagnostic.strict {
                diagnostic.severity = Severity::Error;
            }
        }
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.list.iter().any(Diagnostic::is_error)
    }

    /// Errors, counting a problem reported twice once.
    pub(crate) fn error_count(&self) -> usize {
        self.sorted().into_iter().filter(|d| d.is_error()).count()
    }

    /// Warnings, counting a problem reported twice once.
    pub(crate) fn warning_count(&self) -> usize {
        self.sorted().into_iter().filter(|d| !d.is_error()).count()
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.list.iter()
    }

    /// Warnings first, then errors, each by file and line, so the last thing
    /// on the screen is what stopped the build. Duplicates are dropped.
    pub(crate) fn sorted(&self) -> Vec<&Diagnostic> {
        let mut sorted: Vec<&Diagnostic> = self.list.iter().collect();
        sorted.sort_by(|a, b| {
            let key = |d: &Diagnostic| {
                (
                    std::cmp::Reverse(d.severity),
                    d.path.clone(),
                    d.location.as_ref().map(|l| (l.line, l.column)),
                    d.message.clone(),
                )
            };
            key(a).cmp(&key(b))
        });
        sorted.dedup();
        sorted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_columns() {
        let text = "---\ntitle: x\ndate: 2026-13-01\n---\n";
        let at = Location::at_offset(text, text.find("2026").unwrap(), 10);
        assert_eq!((at.line, at.column), (3, 7));
        assert_eq!(at.source_line, "date: 2026-13-01");
        assert_eq!(&at.source_line[at.span.clone()], "2026-13-01");
    }

    #[test]
    fn line_and_column_point_at_the_token() {
        let text = "a: 1\nbee: ñandú x\n";
        let at = Location::at_line_column(text, 2, 6);
        assert_eq!(&at.source_line[at.span.clone()], "ñandú");
        assert_eq!(at.column, 6);
    }

    #[test]
    fn control_characters_are_not_sent_to_the_terminal() {
        let text = "a: x\u{1b}[31m\u{85}y\n";
        let at = Location::at_offset(text, text.find('y').unwrap(), 1);
        assert_eq!(at.source_line, "a: x?[31m??y");
        assert_eq!(&at.source_line[at.span.clone()], "y");
        assert_eq!(at.column, 11);
        assert!(
            !Diagnostic::error("a", "m")
                .at(at)
                .render(false)
                .contains('\u{1b}')
        );
    }

    #[test]
    fn a_place_past_the_end_is_shown_on_the_last_line_of_text() {
        let text = "a = b\nbroken = { $var\n";
        let at = Location::at_offset(text, text.len() + 1, 1);
        assert_eq!((at.line, at.column), (2, 16));
        assert_eq!(at.source_line, "broken = { $var");
    }

    #[test]
    fn rendering_names_file_line_and_help() {
        let text = "x\nbad line\n";
        let d = Diagnostic::error("content/a.en.md", "something is wrong")
            .at(Location::at_offset(text, 2, 3))
            .help("fix it");
        let shown = d.render(false);
        assert!(shown.contains("content/a.en.md:2:1"), "{shown}");
        assert!(shown.contains("bad line"), "{shown}");
        assert!(shown.contains("fix it"), "{shown}");
    }
}
