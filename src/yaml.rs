//! The one place that parses YAML (`boletin.yaml` and front matter).
//!
//! Everything else receives typed values, the position of every key, and
//! `YamlError`s, each with the line and column the parser itself reported,
//! counted from the start of the YAML text; callers add the offset of that
//! text inside its file. No position is read out of a message.
//!
//! A text is read in a typed pass (serde-saphyr into the caller's struct),
//! which also lists every key the struct does not take, and, when that
//! pass finds anything wrong, in one pass of the parser's events (every
//! key and value with its mark; a key set twice in one mapping; syntax
//! errors), which puts each problem at its own line. A text with what the
//! typed pass could let through (an alias, a nested mapping) is always
//! walked, first. A text with no problem is otherwise read once: the place
//! of its keys is found only if a caller asks. The structs
//! therefore do not say `deny_unknown_fields`: this module refuses unknown
//! keys for them, all of them at once.
//!
//! Swapping the YAML library means changing only this file.

use serde::de::DeserializeOwned;
use serde_saphyr::granit_parser::{ErrorKind, Event, Marker, Parser, ScanError, StructureStyle};
use std::cell::OnceCell;
use std::collections::HashMap;

/// A problem in a YAML text, at the place the parser names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// What is wrong, without the location.
    pub message: String,
    /// 1-based line and column within the YAML text, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Set when the problem is a key that is not allowed: the key and the
    /// keys that are.
    pub unknown_field: Option<UnknownField>,
    /// Set when a key is set twice in one mapping: the line of its first
    /// setting (the error is at the second).
    pub first_set_on: Option<usize>,
    /// Set when a required key is not there: its name.
    pub missing_field: Option<&'static str>,
    /// How to fix this particular problem, when we know; callers fall
    /// back to advice of their own.
    pub help: Option<String>,
}

impl YamlError {
    fn new(message: impl Into<String>, at: Option<(usize, usize)>) -> YamlError {
        YamlError {
            message: message.into(),
            line: at.map(|(line, _)| line),
            column: at.map(|(_, column)| column),
            unknown_field: None,
            missing_field: None,
            first_set_on: None,
            help: None,
        }
    }

    fn help(mut self, help: impl Into<String>) -> YamlError {
        self.help = Some(help.into());
        self
    }
}

/// A key that is not allowed where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownField {
    pub field: String,
    pub expected: Vec<String>,
}

/// What a YAML text held: the typed value when it could be made, every
/// problem found, and where each key and value is.
#[derive(Debug)]
pub struct Parsed<'t, T> {
    /// `None` when the text is not valid YAML or not of the shape `T`
    /// describes; a value with unknown keys set aside is still given.
    pub value: Option<T>,
    pub problems: Vec<YamlError>,
    pub keys: Keys<'t>,
}

/// The place of every key of a YAML text, by path (`["languages", "en"]`),
/// found in one pass of the parser's events the first time one is asked
/// for (most texts are never asked).
#[derive(Debug)]
pub struct Keys<'t> {
    text: &'t str,
    entries: OnceCell<Vec<KeyEntry>>,
}

#[derive(Debug)]
struct KeyEntry {
    /// Path of the key from the root, the key itself last.
    path: Vec<String>,
    /// 1-based line and column of the key.
    key: (usize, usize),
    /// 1-based line and column of its value.
    value: (usize, usize),
}

impl<'t> Keys<'t> {
    /// The keys of `text`, to be found when first asked for.
    pub fn of(text: &'t str) -> Keys<'t> {
        Keys {
            text,
            entries: OnceCell::new(),
        }
    }

    fn found(text: &'t str, entries: Vec<KeyEntry>) -> Keys<'t> {
        Keys {
            text,
            entries: OnceCell::from(entries),
        }
    }

    fn entries(&self) -> &[KeyEntry] {
        self.entries
            .get_or_init(|| walk(self.text).map_or_else(|_| Vec::new(), |(keys, _)| keys))
    }

    fn find(&self, path: &[&str]) -> Option<&KeyEntry> {
        self.entries().iter().find(|entry| {
            entry
                .path
                .iter()
                .map(String::as_str)
                .eq(path.iter().copied())
        })
    }

    /// Where the value of the key at `path` starts (its first setting).
    pub fn value(&self, path: &[&str]) -> Option<(usize, usize)> {
        self.find(path).map(|entry| entry.value)
    }

    /// Where the key at `path` is written (its first setting).
    pub fn key(&self, path: &[&str]) -> Option<(usize, usize)> {
        self.find(path).map(|entry| entry.key)
    }
}

/// More values than aliases may expand to in one text: the front matter
/// of a real issue has a few dozen, so this stops an "alias bomb" (a few
/// lines that expand to billions of values) long before it costs memory.
const MAX_ALIAS_EVENTS: usize = 10_000;

/// Parses `text` into `T`, reporting every key `T` does not take.
pub fn parse<T: DeserializeOwned>(text: &str) -> Parsed<'_, T> {
    // serde-saphyr refuses what the walk would (syntax errors anywhere in
    // the text, a key set twice in a mapping), but for two cases: aliases,
    // which the walk limits before anything expands them, and a key set
    // twice in spellings serde-saphyr tells apart (`1` and `"1"`) but a
    // mapping read into strings does not, which only a nested mapping can
    // hold. A text with neither is read once when nothing is wrong; one
    // with either is walked first, as an alias bomb must be.
    let typed_first = !may_hide_problems(text);
    let mut typed_pass = None;
    if typed_first {
        match typed::<T>(text) {
            (Ok(value), ignored) if ignored.is_empty() => {
                return Parsed {
                    value: Some(value),
                    problems: Vec::new(),
                    keys: Keys::of(text),
                };
            }
            pass => typed_pass = Some(pass),
        }
    }
    let (entries, mut problems) = match walk(text) {
        Ok(walked) => walked,
        Err(error) => {
            return Parsed {
                value: None,
                problems: vec![error],
                keys: Keys::found(text, Vec::new()),
            };
        }
    };
    let keys = Keys::found(text, entries);
    if !problems.is_empty() {
        // A key set twice: the typed pass would only report it again.
        return Parsed {
            value: None,
            problems,
            keys,
        };
    }
    let (result, ignored) = typed_pass.unwrap_or_else(|| typed::<T>(text));
    for path in ignored {
        let Some((field, parent)) = path.split_last() else {
            continue;
        };
        let at = keys.key(&path.iter().map(String::as_str).collect::<Vec<_>>());
        let mut error = YamlError::new(format!("unknown field `{field}`"), at);
        error.unknown_field = Some(UnknownField {
            field: field.clone(),
            expected: fields_at::<T>(parent),
        });
        problems.push(error);
    }
    problems.sort_by_key(|p| (p.line, p.column));
    match result {
        Ok(value) => Parsed {
            value: Some(value),
            problems,
            keys,
        },
        Err(error) => {
            let mut error = typed_error(&error);
            // A missing top-level key belongs to no line in particular:
            // point at the start of the mapping it is missing from.
            let mut top = keys.entries().iter().filter(|e| e.path.len() == 1);
            let first = top.clone().next().map(|e| e.key);
            if error.missing_field.is_some()
                && top.any(|e| Some(e.key) == error.line.zip(error.column))
            {
                (error.line, error.column) = (first.map(|f| f.0), first.map(|f| f.1));
            }
            // Name the key whose value is wrong, when the error is at one.
            let at = error.line.zip(error.column);
            if let Some(entry) = keys.entries().iter().find(|e| Some(e.value) == at)
                && error.unknown_field.is_none()
                && error.missing_field.is_none()
            {
                error.message = format!("`{}`: {}", entry.path.join("."), error.message);
            }
            problems.push(error);
            Parsed {
                value: None,
                problems,
                keys,
            }
        }
    }
}

/// The typed pass: `text` read into `T` by serde-saphyr, and the path of
/// every key `T` does not take.
fn typed<T: DeserializeOwned>(text: &str) -> (Result<T, serde_saphyr::Error>, Vec<Vec<String>>) {
    // A text with no value at all (empty, or only comments) is read as
    // an empty mapping, so a required key is reported as missing.
    let text = if has_value(text) { text } else { "{}" };
    let mut options = serde_saphyr::Options::default();
    options.alias_limits.max_total_replayed_events = MAX_ALIAS_EVENTS;
    options.with_snippet = false;
    let mut ignored: Vec<Vec<String>> = Vec::new();
    let result = serde_saphyr::with_deserializer_from_str_with_options(text, options, |de| {
        serde_ignored::deserialize(de, |path| ignored.push(segments(&path)))
    });
    (result, ignored)
}

/// Whether `text` may hold what serde-saphyr accepts but the walk refuses:
/// an alias (`*name`), or a mapping below the top one (`{`, or an indented
/// line with a key). Front matter seldom has either.
fn may_hide_problems(text: &str) -> bool {
    text.contains(['*', '{'])
        || text
            .lines()
            .any(|line| line.starts_with([' ', '\t']) && line.contains([':', '?']))
}

/// Whether `text` holds a YAML value (anything but blank and comments).
fn has_value(text: &str) -> bool {
    text.lines().any(|line| {
        let line = line.trim();
        !line.is_empty() && !line.starts_with('#') && line != "---" && line != "..."
    })
}

/// The path serde_ignored gives, as keys and list positions.
fn segments(path: &serde_ignored::Path<'_>) -> Vec<String> {
    use serde_ignored::Path;
    let mut out = Vec::new();
    let mut at = path;
    loop {
        at = match at {
            Path::Root => break,
            Path::Seq { parent, index } => {
                out.push(index.to_string());
                parent
            }
            Path::Map { parent, key } => {
                out.push(key.clone());
                parent
            }
            Path::Some { parent }
            | Path::NewtypeStruct { parent }
            | Path::NewtypeVariant { parent } => parent,
        };
    }
    out.reverse();
    out
}

/// One open mapping or list during the walk over the events.
enum Frame {
    Map {
        /// `None` inside a key that is itself a mapping or list.
        path: Option<Vec<String>>,
        /// Keys seen so far, with the line of their first setting.
        seen: HashMap<String, usize>,
        /// The next node is a key (`None`) or the value of entry `Some(i)`
        /// of `Keys` (`Some(None)` for a key we do not track).
        value_of: Option<Option<usize>>,
        flow: bool,
        at: (usize, usize),
    },
    Seq {
        path: Option<Vec<String>>,
        index: usize,
        flow: bool,
        at: (usize, usize),
    },
}

/// One pass over the parser's events: the place of every key and value,
/// and every key set twice in its mapping.
fn walk(text: &str) -> Result<(Vec<KeyEntry>, Vec<YamlError>), YamlError> {
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut keys: Vec<KeyEntry> = Vec::new();
    let mut problems = Vec::new();
    // Nodes under each anchor, to refuse aliases that expand too far.
    // Values under each anchor (counting what aliases inside it repeat),
    // to refuse aliases that expand too far before anything expands them.
    let mut anchored: HashMap<usize, usize> = HashMap::new();
    let mut nodes = 0usize;
    let mut expanded = 0usize;
    // Anchored lists and mappings still open: (anchor, depth, nodes before).
    let mut open_anchors: Vec<(usize, usize, usize)> = Vec::new();
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|error| scan_error(text, &error, &stack))?;
        let at = (span.start.line(), span.start.col() + 1);
        let (opens, anchor, scalar) = match &event {
            Event::Scalar(value, _, anchor, _) => (None, *anchor, Some(value.to_string())),
            Event::MappingStart(style, anchor, _) => (Some((true, style)), *anchor, None),
            Event::SequenceStart(style, anchor, _) => (Some((false, style)), *anchor, None),
            Event::Alias(id) => {
                let size = anchored.get(id).copied().unwrap_or(1);
                expanded = expanded.saturating_add(size);
                nodes = nodes.saturating_add(size);
                if expanded > MAX_ALIAS_EVENTS {
                    return Err(alias_bomb(at));
                }
                (None, 0, None)
            }
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
                let depth = stack.len();
                while let Some(&(id, open_depth, start)) = open_anchors.last() {
                    if open_depth != depth {
                        break;
                    }
                    anchored.insert(id, nodes.saturating_sub(start));
                    open_anchors.pop();
                }
                continue;
            }
            _ => continue,
        };
        nodes += 1;
        // What this node is: the root, a key, or the value at a path.
        let path: Option<Vec<String>> = match stack.last_mut() {
            None => Some(Vec::new()),
            Some(Frame::Map {
                path,
                seen,
                value_of,
                ..
            }) => match value_of.take() {
                None => {
                    *value_of = Some(None);
                    if let (Some(parent), Some(key)) = (path.as_ref(), scalar.as_ref()) {
                        if let Some(first) = seen.get(key) {
                            let mut error =
                                YamlError::new(format!("`{key}` is set twice"), Some(at))
                                    .help("keep one of the two");
                            error.first_set_on = Some(*first);
                            problems.push(error);
                        } else {
                            seen.insert(key.clone(), at.0);
                            let mut full = parent.clone();
                            full.push(key.clone());
                            keys.push(KeyEntry {
                                path: full,
                                key: at,
                                value: at,
                            });
                            *value_of = Some(Some(keys.len() - 1));
                        }
                    }
                    None
                }
                Some(entry) => {
                    *value_of = None;
                    entry.and_then(|index| {
                        let entry = keys.get_mut(index)?;
                        entry.value = at;
                        Some(entry.path.clone())
                    })
                }
            },
            Some(Frame::Seq { path, index, .. }) => {
                let mut full = path.clone();
                if let Some(full) = full.as_mut() {
                    full.push(index.to_string());
                }
                *index += 1;
                full
            }
        };
        if let Some((is_map, style)) = opens {
            let flow = *style == StructureStyle::Flow;
            if anchor != 0 {
                open_anchors.push((anchor, stack.len(), nodes));
            }
            stack.push(if is_map {
                Frame::Map {
                    path,
                    seen: HashMap::new(),
                    value_of: None,
                    flow,
                    at,
                }
            } else {
                Frame::Seq {
                    path,
                    index: 0,
                    flow,
                    at,
                }
            });
        } else if anchor != 0 {
            anchored.insert(anchor, 1);
        }
    }
    Ok((keys, problems))
}

fn alias_bomb(at: (usize, usize)) -> YamlError {
    YamlError::new(
        format!("aliases (`*name`) here repeat more than {MAX_ALIAS_EVENTS} values"),
        Some(at),
    )
    .help("write the values out instead of repeating them with `&name` and `*name`")
}

/// The parser's error, in plain words, where it points; a list, mapping
/// or quote left open is reported where it was opened.
fn scan_error(text: &str, error: &ScanError, stack: &[Frame]) -> YamlError {
    let mark = error.marker();
    let at = Some((mark.line(), mark.col() + 1));
    let open_flow = |want_map: bool| {
        stack.iter().rev().find_map(|frame| match frame {
            Frame::Map { flow, at, .. } if *flow && want_map => Some(*at),
            Frame::Seq { flow, at, .. } if *flow && !want_map => Some(*at),
            _ => None,
        })
    };
    match error.kind() {
        ErrorKind::UnclosedQuotedScalar => {
            YamlError::new("a quote opened here is never closed", at)
                .help("end the value with the same quote it starts with, on this line")
        }
        ErrorKind::UnclosedFlowCollection { open: '[' } | ErrorKind::UnexpectedEofFlowSequence => {
            YamlError::new(
                "a list opened here with `[` is never closed with `]`",
                open_flow(false).or(at),
            )
            .help("end the list with `]` on this line, as in [a, b]")
        }
        ErrorKind::UnclosedFlowCollection { .. }
        | ErrorKind::UnexpectedEofFlowMapping
        | ErrorKind::UnexpectedEofImplicitFlowMapping => YamlError::new(
            "a `{` opened here is never closed with `}`",
            open_flow(true).or(at),
        )
        .help("end it with `}` on this line, or remove the `{`"),
        ErrorKind::UnexpectedCharacter { character } if character.is_control() => YamlError::new(
            format!(
                "the invisible control character U+{:04X} is not allowed in YAML",
                u32::from(*character)
            ),
            first_from(text, mark, *character).or(at),
        )
        .help("delete it: retype the text around this place"),
        ErrorKind::RecursionLimitExceeded => {
            YamlError::new("lists or mappings are nested too deeply here", at)
                .help("nest fewer levels of lists and mappings")
        }
        ErrorKind::MappingValueNotAllowed | ErrorKind::InvalidColonPlacement => YamlError::new(
            "a second `:` on this line makes it look like a key inside the value",
            at,
        )
        .help("a value with a colon needs quotes, as in title: \"Rights: at home\""),
        ErrorKind::TabNotAllowed
        | ErrorKind::TabInBlockIndentation
        | ErrorKind::TabInPlainScalar => YamlError::new(
            "a tab is used to indent this line",
            first_from(text, mark, '\t').or(at),
        )
        .help("indent with spaces, not tabs"),
        kind => {
            let what = kind.to_string();
            let message = if what.is_empty() {
                "this is not valid YAML".to_string()
            } else {
                format!("this is not valid YAML: {what}")
            };
            YamlError::new(message, at)
        }
    }
}

/// The line and column of the first `wanted` at or after `mark`: the
/// parser marks the value it was reading, and the character it stopped at
/// is the first such one from there.
fn first_from(text: &str, mark: &Marker, wanted: char) -> Option<(usize, usize)> {
    let start = text
        .char_indices()
        .nth(mark.index())
        .map_or(text.len(), |(i, _)| i);
    let tab = start + text.get(start..)?.find(wanted)?;
    let line_start = text[..tab].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..tab].matches('\n').count() + 1;
    Some((line, text[line_start..tab].chars().count() + 1))
}

/// serde-saphyr's error for a text of the wrong shape, in plain words.
fn typed_error(error: &serde_saphyr::Error) -> YamlError {
    use serde_saphyr::{Error, MessageFormatter, UserMessageFormatter};
    let at = error
        .location()
        .filter(|l| l.line() > 0)
        .map(|l| (l.line() as usize, l.column() as usize));
    let mut inner = error;
    while let Error::WithSnippet { error, .. } | Error::AliasError { error, .. } = inner {
        inner = error;
    }
    match inner {
        Error::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => {
            let expected = if expected.starts_with("struct ") || expected.starts_with("map") {
                "`key: value` lines"
            } else {
                expected.as_str()
            };
            YamlError::new(format!("expected {expected}, found {unexpected}"), at)
                .help(format!("write {expected} here"))
        }
        Error::Unexpected { expected, .. } if expected.contains("mapping") => {
            YamlError::new("expected `key: value` lines here", at)
                .help("write one `key: value` per line")
        }
        Error::Unexpected { expected, .. } if expected.contains("sequence") => {
            YamlError::new("expected a list here", at).help("write a list, as in [a, b]")
        }
        Error::Unexpected { expected, .. } if expected.contains("scalar") => {
            YamlError::new("expected a single value, found a list or a mapping", at)
                .help("write one value here; put it in quotes if it starts with [ or {")
        }
        Error::InvalidScalar { ty, .. } => {
            let (what, example) = match *ty {
                "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => ("a whole number", "such as 12"),
                "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => {
                    ("a whole number", "such as 12 or -3")
                }
                "f32" | "f64" | "floating point" => ("a number", "such as 1.5"),
                "bool" | "boolean" => ("true or false", "without quotes"),
                "char" => ("a single character", "such as x"),
                _ => ("a value of another kind", "as the README describes"),
            };
            YamlError::new(format!("expected {what}"), at)
                .help(format!("write {what} here, {example}"))
        }
        Error::SerdeMissingField { field, .. } => {
            let mut error = YamlError::new(format!("missing field `{field}`"), at);
            error.missing_field = Some(field);
            error
        }
        Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => alias_bomb(at.unwrap_or((1, 1))),
        other => YamlError::new(UserMessageFormatter.format_message(other).into_owned(), at),
    }
}

/// The fields the struct at `path` inside `T` takes, asked of `T`'s own
/// `Deserialize` (the names serde's derive lists), for "did you mean".
fn fields_at<T: DeserializeOwned>(path: &[String]) -> Vec<String> {
    match T::deserialize(introspect::FieldsAt { path }) {
        Err(introspect::Found::Fields(fields)) => fields.iter().map(|f| f.to_string()).collect(),
        _ => Vec::new(),
    }
}

/// A deserializer that feeds a type nothing but the keys of one path,
/// to learn which fields the struct at its end has.
mod introspect {
    use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
    use serde::forward_to_deserialize_any;
    use std::fmt;

    #[derive(Debug)]
    pub(super) enum Found {
        Fields(&'static [&'static str]),
        Nothing,
    }

    impl fmt::Display for Found {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("field introspection")
        }
    }

    impl std::error::Error for Found {}

    impl de::Error for Found {
        fn custom<M: fmt::Display>(_: M) -> Found {
            Found::Nothing
        }
    }

    pub(super) struct FieldsAt<'p> {
        pub(super) path: &'p [String],
    }

    impl<'de> de::Deserializer<'de> for FieldsAt<'_> {
        type Error = Found;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Found> {
            Err(Found::Nothing)
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            visitor: V,
        ) -> Result<V::Value, Found> {
            if self.path.is_empty() {
                return Err(Found::Fields(fields));
            }
            visitor.visit_map(OneKey {
                path: self.path,
                done: false,
            })
        }

        fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Found> {
            if self.path.is_empty() {
                return Err(Found::Nothing);
            }
            visitor.visit_map(OneKey {
                path: self.path,
                done: false,
            })
        }

        fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Found> {
            visitor.visit_some(self)
        }

        fn deserialize_newtype_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            visitor: V,
        ) -> Result<V::Value, Found> {
            visitor.visit_newtype_struct(self)
        }

        forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf unit unit_struct seq tuple tuple_struct enum identifier
            ignored_any
        }
    }

    /// A mapping with the first key of the path, whose value is the rest.
    struct OneKey<'p> {
        path: &'p [String],
        done: bool,
    }

    impl<'de> MapAccess<'de> for OneKey<'_> {
        type Error = Found;

        fn next_key_seed<K: DeserializeSeed<'de>>(
            &mut self,
            seed: K,
        ) -> Result<Option<K::Value>, Found> {
            if self.done {
                return Err(Found::Nothing);
            }
            self.done = true;
            let key = self.path.first().map_or("", String::as_str);
            seed.deserialize(de::value::StrDeserializer::<Found>::new(key))
                .map(Some)
        }

        fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Found> {
            seed.deserialize(FieldsAt {
                path: self.path.get(1..).unwrap_or(&[]),
            })
        }
    }
}

/// `text` as a YAML scalar that reads back as exactly `text`, quoted
/// when it needs to be.
pub fn scalar(text: &str) -> String {
    match serde_saphyr::to_string(&text) {
        // One line: plain when that reads back the same, quoted otherwise.
        Ok(yaml) if !yaml.trim_end().contains('\n') => yaml.trim_end().to_string(),
        // A block scalar (text with line breaks) cannot stand inside a
        // `[a, b]` list; a JSON string is a YAML double-quoted scalar.
        _ => serde_json::to_string(text).unwrap_or_else(|_| format!("{text:?}")),
    }
}

/// A flow list (`[a, "b: c"]`) of scalars.
pub fn flow_list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|item| scalar(item)).collect();
    format!("[{}]", items.join(", "))
}

/// `value` as a block of YAML lines, each indented by `indent` spaces.
pub fn block(value: &serde_json::Value, indent: usize) -> String {
    let yaml = serde_saphyr::to_string(value).unwrap_or_default();
    let pad = " ".repeat(indent);
    yaml.lines().map(|line| format!("{pad}{line}\n")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Sample {
        title: String,
        date: Option<String>,
    }

    fn problems(text: &str) -> Vec<YamlError> {
        parse::<Sample>(text).problems
    }

    #[test]
    fn a_quote_or_list_left_open_is_reported_on_its_own_line() {
        let error = problems("title: \"Spring\ndate: x\nmore: y\n").remove(0);
        assert_eq!((error.line, error.column), (Some(1), Some(8)), "{error:?}");
        assert_eq!(error.message, "a quote opened here is never closed");
        assert!(
            error
                .help
                .as_deref()
                .is_some_and(|h| h.contains("same quote")),
            "{error:?}"
        );
        let error = problems("title: a\ndate: [b\n").remove(0);
        assert_eq!((error.line, error.column), (Some(2), Some(7)), "{error:?}");
    }

    #[test]
    fn every_unknown_field_is_reported_with_its_line_in_one_pass() {
        let parsed = parse::<Sample>("title: a\ntitel: b\ndate: c\ndat: d\n");
        let found: Vec<_> = parsed
            .problems
            .iter()
            .map(|p| (p.line, p.column, p.unknown_field.clone().unwrap().field))
            .collect();
        assert_eq!(
            found,
            [
                (Some(2), Some(1), "titel".to_string()),
                (Some(4), Some(1), "dat".to_string())
            ]
        );
        let unknown = parsed.problems[0].unknown_field.clone().unwrap();
        assert_eq!(unknown.expected, vec!["title", "date"]);
        assert_eq!(parsed.value.unwrap().title, "a");
    }

    #[test]
    fn unknown_keys_of_a_flow_mapping_are_found_at_their_column() {
        let parsed = parse::<Sample>("{title: a, tittle: b}\n");
        assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
        let error = &parsed.problems[0];
        assert_eq!((error.line, error.column), (Some(1), Some(12)));
        assert_eq!(parsed.value.unwrap().title, "a");
        assert_eq!(parsed.keys.value(&["title"]), Some((1, 9)));
    }

    #[test]
    fn a_key_set_twice_is_reported_at_the_second() {
        let error = problems("title: a\ndate: b\ntitle: c\n").remove(0);
        assert_eq!((error.line, error.column), (Some(3), Some(1)), "{error:?}");
        assert!(error.message.contains("`title` is set twice"));
    }

    #[test]
    fn a_key_set_twice_in_spellings_serde_saphyr_tells_apart_is_reported() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct WithExtra {
            extra: serde_json::Value,
        }
        for text in [
            "extra: {1: a, \"1\": b}\n",
            "extra:\n  true: a\n  'true': b\n",
            "extra:\n  - x: 1\n    !!str x: 2\n",
        ] {
            let problems = parse::<WithExtra>(text).problems;
            assert!(
                problems.iter().any(|p| p.message.contains("is set twice")),
                "{text:?}: {problems:?}"
            );
        }
    }

    #[test]
    fn only_aliases_and_nested_mappings_keep_the_walk() {
        for text in ["a: *x\n", "a: {b: c}\n", "a:\n  b: c\n", "a:\n\t? b\n"] {
            assert!(may_hide_problems(text), "{text:?}");
        }
        for text in [
            "a: b\nc: [d, e]\n",
            "a:\n  - b\n  - c\n",
            "a: \"b: c?\"\n",
            "",
        ] {
            assert!(!may_hide_problems(text), "{text:?}");
        }
    }

    #[test]
    fn the_keys_of_a_text_with_no_problem_are_found_when_asked() {
        let parsed = parse::<Sample>("title: a\ndate:   b\n");
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        assert_eq!(parsed.keys.value(&["date"]), Some((2, 9)));
        assert_eq!(parsed.keys.key(&["date"]), Some((2, 1)));
        assert_eq!(parsed.keys.value(&["slug"]), None);
    }

    #[test]
    fn control_characters_are_reported_where_they_are() {
        let error = problems("title: a\ndate: b\u{1}c\n").remove(0);
        assert_eq!(error.line, Some(2), "{error:?}");
        assert!(error.message.contains("U+0001"), "{error:?}");
    }

    #[test]
    fn an_alias_bomb_is_refused_quickly_with_its_line() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct WithExtra {
            extra: serde_json::Value,
        }
        let mut text =
            String::from("extra:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for i in 1..10 {
            let refs = vec![format!("*a{}", i - 1); 9].join(", ");
            text.push_str(&format!("  a{i}: &a{i} [{refs}]\n"));
        }
        let error = parse::<WithExtra>(&text).problems.remove(0);
        assert!(error.line.is_some_and(|l| l > 1), "{error:?}");
        assert!(error.message.contains("aliases"), "{error:?}");
    }

    #[test]
    fn nested_keys_are_located_by_path() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Outer {
            inner: std::collections::BTreeMap<String, Sample>,
        }
        let parsed = parse::<Outer>("inner:\n  en:\n    title: x\n    titel: y\n");
        let error = &parsed.problems[0];
        assert_eq!((error.line, error.column), (Some(4), Some(5)), "{error:?}");
        let unknown = error.unknown_field.clone().unwrap();
        assert_eq!(unknown.expected, vec!["title", "date"]);
        assert_eq!(parsed.keys.value(&["inner", "en", "title"]), Some((3, 12)));
    }

    #[test]
    fn an_empty_text_reports_the_missing_keys() {
        let error = problems("# only a comment\n").remove(0);
        assert_eq!(error.missing_field, Some("title"), "{error:?}");
        let error = problems("date: x\n").remove(0);
        assert_eq!((error.line, error.column), (Some(1), Some(1)), "{error:?}");
    }

    #[test]
    fn written_blocks_read_back_the_same() {
        #[derive(Debug, Deserialize)]
        struct Extra {
            extra: serde_json::Value,
        }
        let value = serde_json::json!({
            "a": 1, "b": [1, "x: y", "yes"], "c": {"d": null, "e": "two\nlines"}, "f": ""
        });
        let yaml = format!("extra:\n{}", block(&value, 2));
        let parsed = parse::<Extra>(&yaml);
        assert_eq!(parsed.value.unwrap().extra, value, "{yaml}");
    }

    #[derive(Debug, Deserialize)]
    struct Tags {
        tags: Vec<String>,
    }

    #[test]
    fn written_scalars_read_back_the_same() {
        for text in [
            "plain",
            "Know your rights: at home",
            "[translate] ¿Qué?",
            "42",
            "yes",
            "- dash",
            "'q' \"qq\"",
            "line\nbreak",
            "tab\there \u{7f} \u{85}",
            "a #b",
            "~",
            "",
        ] {
            let yaml = format!("title: {}\n", scalar(text));
            let parsed = parse::<Sample>(&yaml);
            assert_eq!(parsed.value.unwrap().title, text, "{yaml}");
            let yaml = format!(
                "tags: {}\n",
                flow_list(&[text.to_string(), "b".to_string()])
            );
            let parsed = parse::<Tags>(&yaml);
            assert_eq!(parsed.value.unwrap().tags, [text, "b"], "{yaml}");
        }
    }
}
