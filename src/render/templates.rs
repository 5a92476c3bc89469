//! The theme's templates compiled once, and the text rules every
//! template output follows: escaping for HTML and XML, and no character
//! XML forbids. Template problems become diagnostics naming the template,
//! and so do templates that would never finish rendering (`recursion`)
//! or are nested too deep to render (`nesting`).

use crate::diagnostics::{Diagnostic, Location};
use crate::load::theme::Theme;
use crate::text::{WORTH_A_LOOK, forbidden_len};
use std::collections::HashMap;
use std::path::PathBuf;
use tera::Tera;

mod nesting;
mod recursion;

/// The theme's templates, parsed once.
pub(crate) struct Templates {
    pub(super) tera: Tera,
    /// Where each template came from, for diagnostics.
    pub(super) paths: HashMap<String, PathBuf>,
}

impl Templates {
    /// Parses every template; a syntax error names the template and line.
    pub(crate) fn compile(theme: &Theme) -> Result<Templates, Diagnostic> {
        Ok(Templates {
            tera: compile_templates(theme)?,
            paths: theme
                .templates
                .iter()
                .map(|t| (t.name.clone(), t.path.clone()))
                .collect(),
        })
    }
}

/// Parses every template once; a syntax error names the template and line.
fn compile_templates(theme: &Theme) -> Result<Tera, Diagnostic> {
    nesting::check(theme)?;
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(escape);
    // Tera gives every template `get_env`, which would let a theme publish
    // the build machine's environment (a CI's deploy token) in a page.
    tera.register_function("get_env", refuse_environment);
    let sources: Vec<(&str, &str)> = theme
        .templates
        .iter()
        .map(|t| (t.name.as_str(), t.text.as_str()))
        .collect();
    tera.add_raw_templates(sources).map_err(|error| {
        let text = error_chain(&error);
        let template = theme.templates.iter().find(|t| {
            text.contains(&format!("'{}'", t.name)) || text.contains(&format!("\"{}\"", t.name))
        });
        let path = template.map_or_else(|| PathBuf::from("themes"), |t| t.path.clone());
        let location = template.and_then(|t| {
            tera_location(&text).map(|(l, c)| Location::at_line_column(&t.text, l, c))
        });
        let reason = text
            .lines()
            .last()
            .unwrap_or_default()
            .trim_start_matches([' ', '=']);
        Diagnostic::error(path, format!("the template cannot be read: {reason}"))
            .at_opt(location)
            .help("check the {{ }} and {% %} tags near this line")
    })?;
    recursion::check(&tera, theme)?;
    Ok(tera)
}

/// `get_env` as our templates have it: an error, whatever is asked.
fn refuse_environment(
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    Err(tera::Error::msg(
        "get_env() is not available: a template cannot read the environment of the machine that builds the site",
    ))
}

/// Escapes text for HTML and XML. Tera's own escaper also turns `/` into
/// `&#x2F;`, which only makes every URL longer.
///
/// It runs on every value of every page, so it jumps from one byte worth
/// a look to the next and copies the text between in one go.
pub(crate) fn escape(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut escaped = String::with_capacity(text.len() + 16);
    let mut from = 0;
    let mut index = 0;
    while let Some(offset) = bytes[index..]
        .iter()
        .position(|&b| WORTH_A_LOOK[b as usize])
    {
        let at = index + offset;
        let (replacement, len) = match bytes[at] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&#39;", 1),
            _ => ("", forbidden_len(bytes, at)),
        };
        if len == 0 {
            // 0xEF starting a character XML allows.
            index = at + 1;
            continue;
        }
        escaped.push_str(&text[from..at]);
        escaped.push_str(replacement);
        from = at + len;
        index = from;
    }
    escaped.push_str(&text[from..]);
    escaped
}

/// Tera reports positions as ` --> line:column`.
fn tera_location(text: &str) -> Option<(usize, usize)> {
    let rest = &text[text.find("--> ")? + 4..];
    let (line, rest) = rest.split_once(':')?;
    let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.trim().parse().ok()?, column.parse().ok()?))
}

/// An error and its causes, one per line, the way Tera explains itself.
pub(super) fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push('\n');
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_and_drops_what_xml_forbids() {
        assert_eq!(escape("a<b>&\"c'd"), "a&lt;b&gt;&amp;&quot;c&#39;d");
        assert_eq!(escape("ñ\u{1}x\u{b}\ty\u{fffe}z\u{ffff}é"), "ñx\tyzé");
        assert_eq!(escape("\u{f8ff}\u{fffd}\u{fffe}"), "\u{f8ff}\u{fffd}");
        assert_eq!(escape("plain"), "plain");
        assert_eq!(escape("&"), "&amp;");
        assert_eq!(escape(""), "");
    }
}
