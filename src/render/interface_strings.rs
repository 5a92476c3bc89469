//! The `t()` function templates call for interface strings.
//!
//! `{{ t(key="issue-number", number=42) }}` formats the Fluent message in
//! the page's language; every argument but `key` and `lang` becomes a
//! Fluent variable, so plurals work (`t(key="tag-count", count=3)`).
//! `lang="es"` picks another configured language, for pages such as the
//! 404 page that speak them all.

use crate::i18n::{Locales, Unformatted};
use crate::lang::Lang;
use fluent::{FluentArgs, FluentValue};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;
use tera::ast::{Expr, ExprVal, Node};
use tera::{Error, Function, Tera, Value};

thread_local! {
    /// What `t()` could not say in the page's language during the render
    /// `collecting` runs on this thread: Tera gives a function no way to
    /// hand back a warning with its value.
    static UNFORMATTED: RefCell<Option<Vec<Unformatted>>> = const { RefCell::new(None) };
}

/// Runs `render` (one template, on this thread), with every message
/// `t()` could not format in the page's language while it ran.
pub(super) fn collecting<T>(render: impl FnOnce() -> T) -> (T, Vec<Unformatted>) {
    let outer = UNFORMATTED.replace(Some(Vec::new()));
    let value = render();
    let found = UNFORMATTED.replace(outer).unwrap_or_default();
    (value, found)
}

/// `t()` bound to one page language.
pub(super) struct Translate {
    pub(crate) locales: Arc<Locales>,
    pub(crate) lang: Lang,
}

impl Function for Translate {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let key = args
            .get("key")
            .and_then(Value::as_str)
            .ok_or_else(|| Error::msg("t() needs a key, as in t(key=\"nav-archive\")"))?;
        let asked_for;
        let lang = match args.get("lang").and_then(Value::as_str) {
            Some(code) => {
                asked_for = Lang::parse(code)
                    .ok_or_else(|| Error::msg(format!("t(): `{code}` is not a language")))?;
                &asked_for
            }
            None => &self.lang,
        };
        let only_key = args.keys().all(|k| matches!(k.as_str(), "key" | "lang"));
        if let Some(text) = self.locales.plain(lang, key).filter(|_| only_key) {
            return Ok(Value::String(text.to_string()));
        }
        let mut fluent_args = FluentArgs::new();
        let mut names: Vec<&String> = args
            .keys()
            .filter(|k| !matches!(k.as_str(), "key" | "lang"))
            .collect();
        names.sort();
        for name in names {
            let value = match &args[name] {
                Value::Number(n) => match n.as_i64() {
                    Some(i) => FluentValue::from(i),
                    None => FluentValue::from(n.as_f64().unwrap_or_default()),
                },
                Value::String(s) => FluentValue::from(s.clone()),
                other => FluentValue::from(other.to_string()),
            };
            fluent_args.set(name.clone(), value);
        }
        let (text, stood_in) = self
            .locales
            .message(lang, key, Some(&fluent_args))
            .map_err(Error::msg)?;
        if let Some(unformatted) = stood_in {
            UNFORMATTED.with_borrow_mut(|list| {
                if let Some(list) = list {
                    list.push(unformatted);
                }
            });
        }
        Ok(Value::String(text))
    }

    fn is_safe(&self) -> bool {
        false
    }
}

/// Writes every `{{ t(key="id") }}` of `tera`'s templates whose message
/// takes no variables and exists in `lang` as the message's escaped text,
/// what the call would render on every page. Such calls were most of the
/// `t()` calls of a build, each a few thousand instructions on every page;
/// any other call (variables, a missing message, another language) is
/// left to `Translate` at render time.
///
/// Tera's syntax tree is public but not part of its stable API (the
/// version is pinned in Cargo.lock): if it grows a new kind of node with
/// a body, calls inside it are simply not folded.
pub(super) fn fold_plain_messages(tera: &mut Tera, locales: &Locales, lang: &Lang) {
    // Autoescaping is decided by the template being rendered; folding
    // writes escaped text, which is right only if every template is.
    let escaped = |name: &str| name.ends_with(".html") || name.ends_with(".xml");
    if !tera.templates.keys().all(|name| escaped(name)) {
        return;
    }
    let text = |id: &str| locales.plain(lang, id).map(super::escape);
    for template in tera.templates.values_mut() {
        fold(&mut template.ast, &text);
        for definition in template.macros.values_mut() {
            fold(&mut definition.body, &text);
        }
        for block in template.blocks.values_mut() {
            fold(&mut block.body, &text);
        }
        for chain in template.blocks_definitions.values_mut() {
            for (_, block) in chain {
                fold(&mut block.body, &text);
            }
        }
    }
}

fn fold(nodes: &mut [Node], text: &dyn Fn(&str) -> Option<String>) {
    for node in nodes {
        match node {
            Node::VariableBlock(_, expr) => {
                if let Some(folded) = plain_call(expr).and_then(text) {
                    *node = Node::Text(folded);
                }
            }
            Node::MacroDefinition(_, definition, _) => fold(&mut definition.body, text),
            Node::FilterSection(_, section, _) => fold(&mut section.body, text),
            Node::Block(_, block, _) => fold(&mut block.body, text),
            Node::Forloop(_, forloop, _) => {
                fold(&mut forloop.body, text);
                if let Some(empty) = &mut forloop.empty_body {
                    fold(empty, text);
                }
            }
            Node::If(branches, _) => {
                for (_, _, body) in &mut branches.conditions {
                    fold(body, text);
                }
                if let Some((_, body)) = &mut branches.otherwise {
                    fold(body, text);
                }
            }
            _ => {}
        }
    }
}

/// The message id of a bare `t(key="id")`, with no other argument, filter
/// or `not`.
fn plain_call(expr: &Expr) -> Option<&str> {
    if expr.negated || !expr.filters.is_empty() {
        return None;
    }
    let ExprVal::FunctionCall(call) = &expr.val else {
        return None;
    };
    if call.name != "t" || call.args.len() != 1 {
        return None;
    }
    match &call.args.get("key")?.val {
        ExprVal::String(id) => Some(id),
        _ => None,
    }
}
