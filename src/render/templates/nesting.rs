//! Tera parses, copies and renders each level of nested tags one call
//! deeper, so a template nested thousands of levels deep overflows any
//! stack. `check` refuses, before Tera parses it, a template nested
//! deeper than any theme needs, naming the file and the tag.

use crate::diagnostics::{Diagnostic, Location};
use crate::load::theme::Theme;

/// The deepest nesting of `{% if %}`, `{% for %}`, `{% filter %}` and
/// `{% block %}` a template may have; themes use a handful of levels,
/// and 500 render well within the threads' stack (see src/main.rs).
const DEEPEST_NESTING: usize = 500;

/// A diagnostic on the first template nested deeper than
/// `DEEPEST_NESTING`, at the tag that goes too deep.
pub(super) fn check(theme: &Theme) -> Result<(), Diagnostic> {
    for template in &theme.templates {
        if let Some(at) = too_deep(&template.text) {
            return Err(Diagnostic::error(
                &template.path,
                format!("this template nests tags more than {DEEPEST_NESTING} levels deep, more than boletin can render"),
            )
            .at(Location::at_offset(&template.text, at, 2))
            .help("close the {% if %}, {% for %} and {% filter %} tags sooner"));
        }
    }
    Ok(())
}

/// Where a tag first opens a level past `DEEPEST_NESTING`. Reads tags
/// the way Tera's grammar does, enough to count: `{% raw %}` and
/// comments hold no tags.
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut from = 0;
    while let Some(offset) = text[from..].find(['{']) {
        let at = from + offset;
        let rest = &text[at..];
        if rest.starts_with("{#") {
            from = rest.find("#}").map_or(text.len(), |end| at + end + 2);
            continue;
        }
        if !rest.starts_with("{%") {
            from = at + 1;
            continue;
        }
        let end = rest.find("%}").map_or(text.len(), |end| at + end + 2);
        let keyword: String = text[at + 2..end.min(text.len())]
            .trim_start_matches('-')
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        from = end;
        match keyword.as_str() {
            "raw" => {
                from = text[from..]
                    .find("endraw")
                    .map_or(text.len(), |end| from + end);
            }
            "if" | "for" | "filter" | "block" | "macro" => {
                depth += 1;
                if depth > DEEPEST_NESTING {
                    return Some(at);
                }
            }
            "endif" | "endfor" | "endfilter" | "endblock" | "endmacro" => {
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::theme::Template;

    #[test]
    fn nesting_is_counted_by_tags_outside_raw_text_and_comments() {
        let nested = |n: usize| format!("{}x{}", "{%- if a %}".repeat(n), "{% endif -%}".repeat(n));
        assert_eq!(too_deep(&nested(DEEPEST_NESTING)), None);
        let deep = nested(DEEPEST_NESTING + 1);
        assert_eq!(too_deep(&deep), Some("{%- if a %}".len() * DEEPEST_NESTING));
        // Side by side, not nested.
        assert_eq!(too_deep(&"{% for a in b %}{% endfor %}".repeat(2000)), None);
        let hidden = format!(
            "{{% raw %}}{}{{% endraw %}}{{# {} #}}",
            "{% if a %}".repeat(600),
            "{% if a %}".repeat(600)
        );
        assert_eq!(too_deep(&hidden), None);
        let theme = Theme {
            templates: vec![Template {
                name: "deep.html".to_string(),
                path: "themes/t/templates/deep.html".into(),
                text: deep.clone(),
            }],
            statics: Vec::new(),
        };
        let problem = check(&theme).expect_err("too deep");
        assert_eq!(
            problem.path,
            std::path::PathBuf::from("themes/t/templates/deep.html")
        );
    }
}
