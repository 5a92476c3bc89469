//! The event walk: one pass over the parser's events that finds the line
//! and column of every key and value, every key set twice in its
//! mapping, and aliases that would expand past `MAX_ALIAS_EVENTS` values
//! (refused before anything expands them). A syntax error ends the walk,
//! placed from the parser's own mark.
//!
//! Knows nothing of the caller's struct: unknown keys are the typed
//! pass's to find. It words its problems through `errors`.

use super::MAX_ALIAS_EVENTS;
use super::YamlError;
use super::errors::{OpenFlow, alias_bomb, scan_error};
use super::keys::KeyEntry;
use serde_saphyr::granit_parser::{Event, Parser, StructureStyle};
use std::collections::HashMap;

/// One pass over the parser's events: the place of every key and value,
/// and every key set twice in its mapping.
pub(super) fn walk(text: &str) -> Result<(Vec<KeyEntry>, Vec<YamlError>), YamlError> {
    let mut parser = Parser::new_from_str(text);
    let mut walk = Walk::default();
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|error| scan_error(text, &error, &walk.open_flow()))?;
        let at = (span.start.line(), span.start.col() + 1);
        let flow = |style: &StructureStyle| *style == StructureStyle::Flow;
        let (opens, anchor, scalar) = match &event {
            Event::Scalar(value, _, anchor, _) => {
                (Opens::Nothing, *anchor, Some(value.to_string()))
            }
            Event::MappingStart(style, anchor, _) => {
                (Opens::Mapping { flow: flow(style) }, *anchor, None)
            }
            Event::SequenceStart(style, anchor, _) => {
                (Opens::Sequence { flow: flow(style) }, *anchor, None)
            }
            Event::Alias(id) => {
                walk.aliases.repeat(*id, at)?;
                (Opens::Nothing, 0, None)
            }
            Event::MappingEnd | Event::SequenceEnd => {
                walk.stack.pop();
                walk.aliases.close_anchors_at(walk.stack.len());
                continue;
            }
            _ => continue,
        };
        walk.node(at, opens, anchor, scalar.as_ref());
    }
    Ok((walk.keys, walk.problems))
}

/// What a node opens.
enum Opens {
    /// Nothing: a scalar or an alias.
    Nothing,
    Mapping {
        flow: bool,
    },
    Sequence {
        flow: bool,
    },
}

/// Where the walk is: the open mappings and lists, and what it found.
#[derive(Default)]
struct Walk {
    stack: Vec<Frame>,
    keys: Vec<KeyEntry>,
    problems: Vec<YamlError>,
    aliases: AliasCount,
}

/// One open mapping or list during the walk over the events.
enum Frame {
    Map {
        /// `None` inside a key that is itself a mapping or list.
        path: Option<Vec<String>>,
        /// Keys seen so far, with the line of their first setting.
        seen: HashMap<String, usize>,
        next: Next,
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

/// What the next node of a mapping is.
enum Next {
    Key,
    /// The value of entry `i` of the keys found.
    ValueOf(usize),
    /// The value of a key not tracked (set twice, not a scalar, or under
    /// a key that is itself a mapping or list).
    UntrackedValue,
}

impl Walk {
    /// A node at `at` (a scalar, an alias, or the start of a mapping or
    /// list, which `opens`), with its anchor (0 for none).
    fn node(&mut self, at: (usize, usize), opens: Opens, anchor: usize, scalar: Option<&String>) {
        self.aliases.nodes += 1;
        let path = self.place(at, scalar);
        let frame = match opens {
            Opens::Nothing => {
                if anchor != 0 {
                    self.aliases.anchored.insert(anchor, 1);
                }
                return;
            }
            Opens::Mapping { flow } => Frame::Map {
                path,
                seen: HashMap::new(),
                next: Next::Key,
                flow,
                at,
            },
            Opens::Sequence { flow } => Frame::Seq {
                path,
                index: 0,
                flow,
                at,
            },
        };
        if anchor != 0 {
            self.aliases.open.push(OpenAnchor {
                id: anchor,
                depth: self.stack.len(),
                nodes_before: self.aliases.nodes,
            });
        }
        self.stack.push(frame);
    }

    /// What the node at `at` is: the root, a key (noted, or reported if
    /// its mapping has it already), or the value at a path, which it
    /// returns. `None` for a key, and for a node no path leads to.
    fn place(&mut self, at: (usize, usize), scalar: Option<&String>) -> Option<Vec<String>> {
        match self.stack.last_mut() {
            None => Some(Vec::new()),
            Some(Frame::Map {
                path, seen, next, ..
            }) => match std::mem::replace(next, Next::Key) {
                Next::Key => {
                    *next = Next::UntrackedValue;
                    if let (Some(parent), Some(key)) = (path.as_ref(), scalar) {
                        if let Some(first) = seen.get(key) {
                            let mut error =
                                YamlError::new(format!("`{key}` is set twice"), Some(at))
                                    .help("keep one of the two");
                            error.first_set_on = Some(*first);
                            self.problems.push(error);
                        } else {
                            seen.insert(key.clone(), at.0);
                            let mut full = parent.clone();
                            full.push(key.clone());
                            self.keys.push(KeyEntry {
                                path: full,
                                key: at,
                                value: at,
                            });
                            *next = Next::ValueOf(self.keys.len() - 1);
                        }
                    }
                    None
                }
                Next::ValueOf(index) => {
                    let entry = self.keys.get_mut(index)?;
                    entry.value = at;
                    Some(entry.path.clone())
                }
                Next::UntrackedValue => None,
            },
            Some(Frame::Seq { path, index, .. }) => {
                let mut full = path.clone();
                if let Some(full) = full.as_mut() {
                    full.push(index.to_string());
                }
                *index += 1;
                full
            }
        }
    }

    /// Where the innermost flow list and flow mapping still open start.
    fn open_flow(&self) -> OpenFlow {
        let innermost = |want_map: bool| {
            self.stack.iter().rev().find_map(|frame| match frame {
                Frame::Map { flow, at, .. } if *flow && want_map => Some(*at),
                Frame::Seq { flow, at, .. } if *flow && !want_map => Some(*at),
                _ => None,
            })
        };
        OpenFlow {
            list: innermost(false),
            mapping: innermost(true),
        }
    }
}

/// Values under each anchor (counting what aliases inside it repeat), to
/// refuse aliases that expand too far before anything expands them.
#[derive(Default)]
struct AliasCount {
    /// Values under each anchor closed so far, by anchor id.
    anchored: HashMap<usize, usize>,
    /// Values so far, counting those aliases repeat.
    nodes: usize,
    /// Values aliases repeat so far.
    expanded: usize,
    /// Anchored lists and mappings still open.
    open: Vec<OpenAnchor>,
}

/// An anchored list or mapping still open.
struct OpenAnchor {
    id: usize,
    /// How many lists and mappings were open around it.
    depth: usize,
    /// `AliasCount::nodes` when it opened.
    nodes_before: usize,
}

impl AliasCount {
    /// An alias at `at` repeats the values under anchor `id`: refused
    /// when aliases repeat more than `MAX_ALIAS_EVENTS` in all.
    fn repeat(&mut self, id: usize, at: (usize, usize)) -> Result<(), YamlError> {
        let size = self.anchored.get(&id).copied().unwrap_or(1);
        self.expanded = self.expanded.saturating_add(size);
        self.nodes = self.nodes.saturating_add(size);
        if self.expanded > MAX_ALIAS_EVENTS {
            return Err(alias_bomb(at));
        }
        Ok(())
    }

    /// A list or mapping closed, leaving `depth` open: the anchors it
    /// opened now know how many values they hold.
    fn close_anchors_at(&mut self, depth: usize) {
        while let Some(anchor) = self.open.last() {
            if anchor.depth != depth {
                break;
            }
            self.anchored
                .insert(anchor.id, self.nodes.saturating_sub(anchor.nodes_before));
            self.open.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::super::samples::{Sample, problems};
    use serde::Deserialize;

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
    fn keys_inside_lists_are_found_by_their_index() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct WithExtra {
            extra: serde_json::Value,
        }
        let parsed = parse::<WithExtra>("extra:\n  - a: 1\n    b: [x, y]\n  - &p {c: 2}\n  - *p\n");
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        let keys = &parsed.keys;
        assert_eq!(keys.key(&["extra", "0", "a"]), Some((2, 5)));
        assert_eq!(keys.value(&["extra", "0", "b"]), Some((3, 8)));
        assert_eq!(keys.value(&["extra", "1", "c"]), Some((4, 12)));
        // An alias repeats values; it writes no key of its own.
        assert_eq!(keys.key(&["extra", "2", "c"]), None);
    }

    #[test]
    fn a_key_set_twice_names_the_line_of_its_first_setting() {
        let error = problems("title: a\n\ntitle: b\n").remove(0);
        assert_eq!(error.first_set_on, Some(1), "{error:?}");
        assert_eq!(error.help.as_deref(), Some("keep one of the two"));
    }
}
