//! What a content file's front matter says, once validated, and where
//! its fields are in the file (for diagnostics that point at them).
//! `load::front_matter` parses files into these; nothing here reads one.

use crate::diagnostics::Location;
use crate::yaml;
use time::Date;

/// Validated front matter of one file.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct FrontMatter {
    pub(crate) title: String,
    pub(crate) date: Option<Date>,
    pub(crate) issue: Option<u32>,
    pub(crate) summary: Option<String>,
    pub(crate) tags: Vec<String>,
    pub(crate) authors: Vec<String>,
    pub(crate) slug: Option<String>,
    pub(crate) cover: Option<String>,
    pub(crate) cover_alt: Option<String>,
    pub(crate) draft: bool,
    pub(crate) translation_key: Option<String>,
    pub(crate) source: bool,
    pub(crate) source_digest: Option<String>,
    pub(crate) extra: serde_json::Value,
}

/// The file line of the YAML's first line: after the opening `---`.
pub(crate) const YAML_LINE: usize = 2;

/// Fields whose line later stages may need, to point at a problem they
/// find (a slug taken twice, a tag with no letters).
const LOCATED_FIELDS: &[&str] = &[
    "cover",
    "cover_alt",
    "title",
    "slug",
    "tags",
    "source",
    "source_digest",
    "translation_key",
    "summary",
];

/// Where the fields of `LOCATED_FIELDS` are in a file. Found only when a
/// diagnostic asks, which most files never do: this keeps the file's
/// front matter (up to its body) rather than a place for every field.
#[derive(Clone, Debug, Default)]
pub(crate) struct Locations {
    /// The file up to its body: both `---` lines and the YAML between.
    head: String,
    /// Where the YAML is in `head`.
    yaml: std::ops::Range<usize>,
}

impl Locations {
    /// The places in `head`, the file up to its body, whose YAML is at `yaml`.
    pub(crate) fn new(head: String, yaml: std::ops::Range<usize>) -> Locations {
        Locations { head, yaml }
    }

    /// Where `field` is in the file, if it is one of `LOCATED_FIELDS` and
    /// the file sets it.
    pub(crate) fn get(&self, field: &str) -> Option<Location> {
        if !LOCATED_FIELDS.contains(&field) {
            return None;
        }
        let yaml = self.head.get(self.yaml.clone())?;
        let (line, column) = yaml::Keys::of(yaml).value(&[field])?;
        // The head ends with the closing `---` line, so a place in it is
        // shown as it would be in the whole file.
        Some(Location::at_line_column(
            &self.head,
            line + YAML_LINE - 1,
            column,
        ))
    }
}
