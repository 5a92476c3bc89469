//! The `t()` function templates call for interface strings.
//!
//! `{{ t(key="issue-number", number=42) }}` formats the Fluent message in
//! the page's language; every argument but `key` and `lang` becomes a
//! Fluent variable, so plurals work (`t(key="tag-count", count=3)`).
//! `lang="es"` picks another configured language, for pages such as the
//! 404 page that speak them all.

use crate::i18n::Locales;
use crate::lang::Lang;
use fluent::{FluentArgs, FluentValue};
use std::collections::HashMap;
use std::sync::Arc;
use tera::{Error, Function, Value};

/// `t()` bound to one page language.
pub struct Translate {
    pub locales: Arc<Locales>,
    pub lang: Lang,
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
        self.locales
            .message(lang, key, Some(&fluent_args))
            .map(Value::String)
            .map_err(Error::msg)
    }

    fn is_safe(&self) -> bool {
        false
    }
}
