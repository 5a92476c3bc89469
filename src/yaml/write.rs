//! YAML written by boletin (front matter of new and translated content
//! files): scalars quoted when they need to be, flow lists, and blocks of
//! values, each of which reads back as exactly what was written.
//!
//! Makes strings only: it touches no file and parses nothing.

/// `text` as a YAML scalar that reads back as exactly `text`, quoted
/// when it needs to be.
pub(crate) fn scalar(text: &str) -> String {
    match serde_saphyr::to_string(&text) {
        // One line: plain when that reads back the same, quoted otherwise.
        Ok(yaml) if !yaml.trim_end().contains('\n') => yaml.trim_end().to_string(),
        // A block scalar (text with line breaks) cannot stand inside a
        // `[a, b]` list; a JSON string is a YAML double-quoted scalar.
        _ => serde_json::to_string(text).unwrap_or_else(|_| format!("{text:?}")),
    }
}

/// A flow list (`[a, "b: c"]`) of scalars.
pub(crate) fn flow_list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|item| scalar(item)).collect();
    format!("[{}]", items.join(", "))
}

/// `value` as a block of YAML lines, each indented by `indent` spaces.
pub(crate) fn block(value: &serde_json::Value, indent: usize) -> String {
    let yaml = serde_saphyr::to_string(value).unwrap_or_default();
    let pad = " ".repeat(indent);
    yaml.lines().map(|line| format!("{pad}{line}\n")).collect()
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::super::samples::Sample;
    use super::*;
    use serde::Deserialize;

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
