//! Whole sites made from a stream of random bytes with `arbitrary`'s
//! `Unstructured`: a valid skeleton (configuration, locales, issues and
//! pages in every layout) filled with hostile values, then, for some
//! cases, a few blind byte-level mutations of its files so that broken
//! YAML, Fluent, Markdown and UTF-8 get built too. The same bytes always
//! give the same site, so a case is reproduced from its seed and number.

use crate::payloads::{
    HEADING_ATTRS, NAUGHTY, SAFE_URLS, SCHEMES, SCRIPT_TAILS, XSS, control_chars, entity_forms,
};
use arbitrary::Unstructured;

mod issue;
mod skeleton;

use issue::{body, front_matter, issue};
use skeleton::{config, links, locale, mutate, page, statics, theme};

/// A site to build, as files in memory.
#[derive(Clone, Debug, Default)]
pub(crate) struct Site {
    /// Path relative to the site root (`/`-separated bytes, which need not
    /// be UTF-8) and content.
    pub files: Vec<(Vec<u8>, Vec<u8>)>,
    /// `markdown.raw_html` as the configuration writes it, for reports.
    pub mode: String,
    /// Symbolic links: path in the site, and what the link says.
    pub links: Vec<(Vec<u8>, String)>,
    /// The part of the site this case may break, if any.
    pub breaks: String,
    /// Extra arguments to `build`.
    pub build_args: Vec<String>,
    /// Whether to run `boletin check` on the site too.
    pub run_check: bool,
    /// Whether to build it a second time, into another folder, and
    /// compare (the same input gives byte-identical output).
    pub rebuild: bool,
}

impl Site {
    fn add(&mut self, path: impl Into<Vec<u8>>, content: impl Into<Vec<u8>>) {
        let path = path.into();
        let content = content.into();
        match self.files.iter_mut().find(|(p, _)| *p == path) {
            Some(file) => file.1 = content,
            None => self.files.push((path, content)),
        }
    }
}

/// The repository's locale files, the valid starting point.
pub(crate) struct Locales {
    pub en: String,
    pub es: String,
}

/// Decisions drawn from the case's bytes. Running out of bytes gives the
/// first choice every time, never an error.
pub(crate) struct Gen<'a> {
    u: Unstructured<'a>,
    /// The one rule of the site this case may break. One case in three
    /// breaks one rule only, so that each error path is reached without
    /// another error stopping the build first; the rest keep to input
    /// that should build, so that their output gets checked.
    breaks: Option<Break>,
}

/// The rules a case may break, one at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Break {
    /// Unquoted or block YAML scalars holding hostile text.
    YamlQuoting,
    /// Bad values in boletin.yaml: sizes of 0, an unconfigured default
    /// language, an unknown key, an unknown `raw_html` mode.
    Config,
    /// A missing or syntactically broken Fluent file.
    Locales,
    /// Titles, tags and slugs with no letter to make an address from.
    NoLetters,
    /// Odd file and folder names, some not UTF-8.
    Names,
    /// Names too long for the file system: slugs and tags over 255 bytes.
    LongNames,
    /// Bad front matter values: dates, numbers, booleans, unknown fields,
    /// languages, translation keys.
    FrontMatter,
    /// Covers that are missing, outside the site, or without a description.
    Covers,
    /// Symbolic links that lead outside the site.
    Links,
    /// A theme template that is broken or includes itself.
    Theme,
    /// Blind byte-level mutations of any file.
    Bytes,
}

const BREAKS: &[Break] = &[
    Break::YamlQuoting,
    Break::Config,
    Break::Locales,
    Break::NoLetters,
    Break::Names,
    Break::LongNames,
    Break::FrontMatter,
    Break::Covers,
    Break::Links,
    Break::Theme,
    Break::Bytes,
];

impl<'a> Gen<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Gen<'a> {
        Gen {
            u: Unstructured::new(bytes),
            breaks: None,
        }
    }

    /// Whether this case breaks `rule`.
    fn is(&self, rule: Break) -> bool {
        self.breaks == Some(rule)
    }

    /// True `num` times in `den` when this case breaks `rule`, never
    /// otherwise.
    fn breaks(&mut self, rule: Break, num: u8, den: u8) -> bool {
        self.is(rule) && self.chance(num, den)
    }

    /// True `num` times in `den`.
    fn chance(&mut self, num: u8, den: u8) -> bool {
        self.u.ratio(num, den).unwrap_or(false)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        self.u.int_in_range(0..=n - 1).unwrap_or(0)
    }

    fn range(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    fn pick<'b, T>(&mut self, items: &'b [T]) -> &'b T {
        &items[self.below(items.len())]
    }

    /// Arbitrary Unicode of up to 40 characters.
    fn noise(&mut self) -> String {
        let text: String = self.u.arbitrary().unwrap_or_default();
        text.chars().take(40).collect()
    }

    /// One of the characters the issue names, or an entity spelling of it
    /// when `entities` (the text goes through an HTML parser).
    fn control(&mut self, entities: bool) -> String {
        let c = *self.pick(&control_chars());
        if entities && self.chance(1, 2) {
            self.pick(&entity_forms(c)).clone()
        } else {
            c.to_string()
        }
    }

    /// A script URL in one of the spellings browsers still run (or almost:
    /// a control character inside the scheme makes it relative).
    fn script_url(&mut self, entities: bool) -> String {
        let scheme = self.pick(SCHEMES).to_string();
        let tail = self.pick(SCRIPT_TAILS).to_string();
        let mut scheme_chars: Vec<String> = scheme.chars().map(String::from).collect();
        if entities && self.chance(1, 4) {
            let i = self.below(scheme_chars.len());
            let c = scheme_chars[i].chars().next().unwrap_or('j');
            scheme_chars[i] = self.pick(&entity_forms(c)).clone();
        }
        if self.chance(1, 2) {
            let i = self.range(1, scheme_chars.len());
            let c = self.control(entities);
            scheme_chars.insert(i, c);
        }
        let colon = if entities && self.chance(1, 5) {
            self.pick(&entity_forms(':')).clone()
        } else {
            ":".to_string()
        };
        let mut url = String::new();
        if self.chance(1, 4) {
            for _ in 0..self.range(1, 3) {
                let c = self.control(entities);
                url.push_str(&c);
            }
        }
        url.push_str(&scheme_chars.concat());
        url.push_str(&colon);
        url.push_str(&tail);
        if self.chance(1, 6) {
            let c = self.control(entities);
            url.push_str(&c);
        }
        url
    }

    fn url(&mut self, entities: bool) -> String {
        if self.chance(2, 3) {
            self.script_url(entities)
        } else {
            self.pick(SAFE_URLS).to_string()
        }
    }

    /// Hostile text for a title, tag, summary or name.
    fn text(&mut self) -> String {
        let mut text = String::new();
        for _ in 0..self.range(1, 3) {
            let piece = match self.below(6) {
                0 | 1 => self.pick(NAUGHTY).to_string(),
                2 => self.pick(XSS).to_string(),
                3 => self.noise(),
                4 => self.script_url(true),
                _ => self
                    .pick(&["Know your rights", "Clínica legal", "News", "Año"])
                    .to_string(),
            };
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&piece);
        }
        // Titles, tags and slugs need a letter.
        if !self.is(Break::NoLetters) && !text.chars().any(char::is_alphanumeric) {
            text.push_str(" news");
        }
        text
    }

    /// `text` as a YAML scalar: usually quoted so it parses, sometimes
    /// plain so that it may not.
    fn yaml(&mut self, text: &str) -> String {
        if self.breaks(Break::YamlQuoting, 1, 2) {
            return match self.below(2) {
                0 => text.replace('\n', " "),
                _ => format!("|\n  {}", text.replace('\n', "\n  ")),
            };
        }
        // JSON strings are YAML double-quoted scalars, but YAML wants
        // U+007F–U+009F, the byte-order mark, U+FFFE and U+FFFF escaped too.
        let quoted = serde_json::to_string(text).unwrap_or_default();
        let mut escaped = String::new();
        for c in quoted.chars() {
            match c as u32 {
                0x7f..=0x9f | 0xfeff | 0xfffe | 0xffff => {
                    escaped.push_str(&format!("\\u{:04x}", c as u32))
                }
                _ => escaped.push(c),
            }
        }
        if self.chance(1, 4)
            && !text
                .chars()
                .any(|c| c.is_control() || matches!(c, '\u{feff}' | '\u{fffe}' | '\u{ffff}'))
        {
            return format!("'{}'", text.replace('\'', "''"));
        }
        escaped
    }
}

/// What every case starts from.
pub(crate) struct Settings {
    pub locales: Locales,
    /// The `markdown.raw_html` values to write (`""` leaves the key out).
    pub modes: Vec<&'static str>,
}

/// The modes a site may choose: the three, and the default.
pub(crate) const MODES: &[&str] = &["sanitize", "escape", "trust", ""];

pub(crate) fn site(g: &mut Gen, settings: &Settings) -> Site {
    let locales = &settings.locales;
    let mut site = Site::default();
    if g.chance(1, 3) {
        g.breaks = Some(*g.pick(BREAKS));
    }
    let mut langs = vec!["en"];
    if g.chance(4, 5) {
        langs.push("es");
    }
    if g.chance(1, 8) {
        langs.push("ar");
    }
    config(g, &mut site, &langs, &settings.modes);
    for lang in &langs {
        locale(g, &mut site, lang, locales);
    }
    for n in 0..g.range(1, 5) {
        issue(g, &mut site, &langs, n);
    }
    for n in 0..g.below(3) {
        page(g, &mut site, &langs, n);
    }
    if g.chance(1, 10) {
        statics(g, &mut site);
    }
    if g.is(Break::Links) {
        links(g, &mut site);
    }
    if g.is(Break::Theme) {
        theme(g, &mut site);
    }
    if g.is(Break::Bytes) {
        for _ in 0..g.range(1, 3) {
            mutate(g, &mut site);
        }
    }
    if g.chance(1, 5) {
        site.build_args.push("--drafts".to_string());
    }
    if g.chance(1, 5) {
        site.build_args.push("--quiet".to_string());
    }
    site.run_check = g.chance(1, 5);
    site.rebuild = g.chance(1, 10);
    if let Some(rule) = g.breaks {
        site.breaks = format!("{rule:?}");
    }
    site
}

/// What the fuzzer keeps beside the site, never inside it: a file and an
/// issue folder that symbolic links in the site lead to. Nothing of them
/// may be published or printed (PRODUCT.md, "The site reads only files
/// inside its root").
pub(crate) const OUTSIDE_SECRET: &str = "fuzz-outside-secret-0b4d";

/// The files outside the site, relative to the case folder.
pub(crate) fn outside_files() -> Vec<(&'static str, String)> {
    vec![
        (
            "outside/secret.txt",
            format!("{OUTSIDE_SECRET}\nsecond line\n"),
        ),
        (
            "outside/issue/index.en.md",
            format!("---\ntitle: {OUTSIDE_SECRET}\ndate: 2026-03-01\n---\n{OUTSIDE_SECRET}\n"),
        ),
    ]
}
