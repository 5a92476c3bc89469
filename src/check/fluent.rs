//! Interface strings, checked as a whole: every message the theme uses
//! exists, every reference to another message or term inside a message
//! resolves in the same language, and every `$variable` is one the
//! theme gives (or, for messages the theme does not use, one the default
//! language's message uses too).

use crate::diagnostics::{Diagnostic, Location};
use crate::lang::Lang;
use crate::load::LocaleFile;
use crate::load::theme::Template;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// A `t(key="...")` call in a template, and the arguments it passes.
#[derive(Debug, PartialEq, Eq)]
struct ThemeCall {
    key: String,
    arguments: BTreeSet<String>,
    template: PathBuf,
    location: Location,
}

/// What one message refers to.
#[derive(Default)]
struct Uses {
    variables: BTreeSet<String>,
    messages: BTreeSet<String>,
    terms: BTreeSet<String>,
}

/// One message or term of one language, and where it is.
struct Defined {
    path: PathBuf,
    location: Location,
    uses: Uses,
}

/// Messages and terms of one language.
#[derive(Default)]
struct Language {
    messages: BTreeMap<String, Defined>,
    terms: BTreeMap<String, Defined>,
}

/// Checks the interface strings of every language against the theme.
pub(crate) fn check(
    files: &[LocaleFile],
    templates: &[Template],
    default: &Lang,
) -> Vec<Diagnostic> {
    // A file nested too deep to parse was reported when the site was
    // loaded; without its messages, every use of them would look broken.
    if files
        .iter()
        .any(|file| crate::i18n::parseable(file).is_err())
    {
        return Vec::new();
    }
    let mut languages: BTreeMap<Lang, Language> = BTreeMap::new();
    for file in files {
        let language = languages.entry(file.lang.clone()).or_default();
        read_file(file, language);
    }
    let calls: Vec<ThemeCall> = templates.iter().flat_map(theme_calls).collect();
    let mut problems = Vec::new();
    let empty = Language::default();
    let reference = languages.get(default).unwrap_or(&empty);
    for call in &calls {
        if !reference.messages.contains_key(&call.key) {
            problems.push(
                Diagnostic::error(
                    &call.template,
                    format!(
                        "the theme uses the message `{}`, which locales/{default}/ does not define",
                        call.key
                    ),
                )
                .at(call.location.clone())
                .help(format!(
                    "add `{} = ...` to a file in locales/{default}/",
                    call.key
                )),
            );
        }
    }
    for (lang, language) in &languages {
        for (id, message) in &language.messages {
            let given: Option<BTreeSet<String>> = calls
                .iter()
                .filter(|c| &c.key == id)
                .map(|c| c.arguments.clone())
                .reduce(|a, b| a.intersection(&b).cloned().collect());
            let allowed =
                given.or_else(|| reference.messages.get(id).map(|m| m.uses.variables.clone()));
            problems.extend(unresolved(lang, id, message, language, allowed.as_ref()));
        }
        for (id, term) in &language.terms {
            problems.extend(unresolved(lang, &format!("-{id}"), term, language, None));
        }
    }
    problems
}

/// References in `defined` that lead nowhere.
fn unresolved(
    lang: &Lang,
    id: &str,
    defined: &Defined,
    language: &Language,
    allowed: Option<&BTreeSet<String>>,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let problem = |message: String, help: String| {
        Diagnostic::error(&defined.path, message)
            .at(defined.location.clone())
            .help(help)
    };
    for other in defined
        .uses
        .messages
        .iter()
        .filter(|m| !language.messages.contains_key(*m))
    {
        problems.push(problem(
            format!("`{id}` refers to the message `{other}`, which `{lang}` does not define"),
            format!("add `{other} = ...` to locales/{lang}/, or remove the reference"),
        ));
    }
    for term in defined
        .uses
        .terms
        .iter()
        .filter(|t| !language.terms.contains_key(*t))
    {
        problems.push(problem(
            format!("`{id}` refers to the term `-{term}`, which `{lang}` does not define"),
            format!("add `-{term} = ...` to locales/{lang}/, or remove the reference"),
        ));
    }
    if let Some(allowed) = allowed {
        for variable in defined
            .uses
            .variables
            .iter()
            .filter(|v| !allowed.contains(*v))
        {
            let known: Vec<String> = allowed.iter().map(|v| format!("${v}")).collect();
            problems.push(problem(
                format!("`{id}` uses `${variable}`, which the theme never gives it"),
                if known.is_empty() {
                    "this message gets no variables; write the text without it".to_string()
                } else {
                    format!("it can use {}", known.join(", "))
                },
            ));
        }
    }
    problems
}

fn read_file(file: &LocaleFile, language: &mut Language) {
    let Ok(text) = crate::i18n::parseable(file) else {
        return;
    };
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(resource) => resource,
        // Syntax errors were reported when the site was loaded.
        Err((resource, _)) => resource,
    };
    for entry in resource.body {
        let (id, patterns, is_term) = match &entry {
            Entry::Message(m) => (
                m.id.name,
                m.value
                    .iter()
                    .chain(m.attributes.iter().map(|a| &a.value))
                    .collect::<Vec<_>>(),
                false,
            ),
            Entry::Term(t) => (
                t.id.name,
                std::iter::once(&t.value)
                    .chain(t.attributes.iter().map(|a| &a.value))
                    .collect(),
                true,
            ),
            _ => continue,
        };
        let mut uses = Uses::default();
        for pattern in patterns {
            pattern_uses(pattern, &mut uses);
        }
        let location = crate::i18n::definition_location(
            &file.text,
            if is_term {
                format!("-{id}")
            } else {
                id.to_string()
            }
            .as_str(),
        );
        let defined = Defined {
            path: file.path.clone(),
            location,
            uses,
        };
        let map = if is_term {
            &mut language.terms
        } else {
            &mut language.messages
        };
        map.entry(id.to_string()).or_insert(defined);
    }
}

fn pattern_uses(pattern: &Pattern<&str>, uses: &mut Uses) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_uses(expression, uses);
        }
    }
}

fn expression_uses(expression: &Expression<&str>, uses: &mut Uses) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_uses(selector, uses);
            for variant in variants {
                pattern_uses(&variant.value, uses);
            }
        }
        Expression::Inline(inline) => inline_uses(inline, uses),
    }
}

fn inline_uses(inline: &InlineExpression<&str>, uses: &mut Uses) {
    match inline {
        InlineExpression::VariableReference { id } => {
            uses.variables.insert(id.name.to_string());
        }
        InlineExpression::MessageReference { id, .. } => {
            uses.messages.insert(id.name.to_string());
        }
        InlineExpression::TermReference { id, arguments, .. } => {
            uses.terms.insert(id.name.to_string());
            // A term's own arguments are given by the reference, not the theme.
            let _ = arguments;
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_uses(argument, uses);
            }
            for argument in &arguments.named {
                inline_uses(&argument.value, uses);
            }
        }
        InlineExpression::Placeable { expression } => expression_uses(expression, uses),
        InlineExpression::StringLiteral { .. } | InlineExpression::NumberLiteral { .. } => {}
    }
}

/// Every `t(key="...", name=value, ...)` call in a template.
fn theme_calls(template: &Template) -> Vec<ThemeCall> {
    let text = &template.text;
    let mut calls = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find("t(") {
        let start = from + found;
        from = start + 2;
        let preceded_by_name = text[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.');
        if preceded_by_name {
            continue;
        }
        let arguments = top_level_arguments(&text[start + 2..]);
        let Some(key) = arguments
            .iter()
            .find(|(name, _)| name == "key")
            .and_then(|(_, value)| {
                value
                    .strip_prefix('"')?
                    .strip_suffix('"')
                    .map(str::to_string)
            })
        else {
            continue;
        };
        calls.push(ThemeCall {
            key,
            arguments: arguments
                .into_iter()
                .map(|(name, _)| name)
                .filter(|n| n != "key" && n != "lang")
                .collect(),
            template: template.path.clone(),
            location: Location::at_offset(text, start, 1),
        });
    }
    calls
}

/// `name=value` pairs of a call, up to its closing parenthesis, ignoring
/// commas and parentheses inside strings and nested calls.
fn top_level_arguments(text: &str) -> Vec<(String, String)> {
    let mut arguments = Vec::new();
    let mut depth = 0;
    let mut quote: Option<char> = None;
    let mut current = String::new();
    for c in text.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') if depth == 0 => break,
            (None, ')') => depth -= 1,
            (None, ',') if depth == 0 => {
                arguments.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    arguments.push(current);
    arguments
        .into_iter()
        .filter_map(|argument| {
            let (name, value) = argument.split_once('=')?;
            Some((name.trim().to_string(), value.trim().to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(text: &str) -> Template {
        Template {
            name: "x.html".into(),
            path: "themes/default/templates/x.html".into(),
            text: text.into(),
        }
    }

    fn locale(lang: &str, text: &str) -> LocaleFile {
        LocaleFile {
            lang: Lang::parse(lang).unwrap(),
            path: format!("locales/{lang}/main.ftl").into(),
            text: text.into(),
        }
    }

    #[test]
    fn theme_calls_are_read_with_their_arguments() {
        let calls = theme_calls(&template(
            r#"{{ t(key="by", authors=a | join(sep=", "), n=1) }} {{ format(key="x") }}"#,
        ));
        assert_eq!(calls.len(), 1);
        assert_eq!(calls[0].key, "by");
        assert_eq!(
            calls[0].arguments,
            BTreeSet::from(["authors".to_string(), "n".to_string()])
        );
    }

    #[test]
    fn unknown_variables_references_and_theme_messages_are_found() {
        let en = lang_file("en", "a = A { $n }\nb = { a } { -brand }\n-brand = MIRA\n");
        let es = lang_file("es", "a = A { $count }\nb = { c }\n");
        let problems = check(
            &[en, es],
            &[template(r#"{{ t(key="a", n=1) }} {{ t(key="zz") }}"#)],
            &Lang::parse("en").unwrap(),
        );
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert!(messages.iter().any(|m| m.contains("`zz`")), "{messages:?}");
        assert!(
            messages.iter().any(|m| m.contains("`$count`")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("message `c`")),
            "{messages:?}"
        );
        assert_eq!(problems.len(), 3, "{messages:?}");
        let count = problems
            .iter()
            .find(|p| p.message.contains("$count"))
            .unwrap();
        assert_eq!(count.location.as_ref().unwrap().line, 1);
    }

    fn lang_file(lang: &str, text: &str) -> LocaleFile {
        locale(lang, text)
    }
}
