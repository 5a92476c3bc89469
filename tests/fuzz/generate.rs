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

/// A site to build, as files in memory.
#[derive(Clone, Debug, Default)]
pub struct Site {
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
pub struct Locales {
    pub en: String,
    pub es: String,
}

/// Decisions drawn from the case's bytes. Running out of bytes gives the
/// first choice every time, never an error.
pub struct Gen<'a> {
    u: Unstructured<'a>,
    /// The one rule of the site this case may break. One case in three
    /// breaks one rule only, so that each error path is reached without
    /// another error stopping the build first; the rest keep to input
    /// that should build, so that their output gets checked.
    breaks: Option<Break>,
}

/// The rules a case may break, one at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Break {
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
    pub fn new(bytes: &'a [u8]) -> Gen<'a> {
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
pub struct Settings {
    pub locales: Locales,
    /// The `markdown.raw_html` values to write (`""` leaves the key out).
    pub modes: Vec<&'static str>,
}

/// The modes a site may choose: the three, and the default.
pub const MODES: &[&str] = &["sanitize", "escape", "trust", ""];

pub fn site(g: &mut Gen, settings: &Settings) -> Site {
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

fn config(g: &mut Gen, site: &mut Site, langs: &[&str], modes: &[&'static str]) {
    let base = *g.pick(&[
        "https://news.example.org/",
        "https://news.example.org/boletin/",
        "http://localhost:8080/",
        "https://news.example.org/a%20b/",
        "https://news.example.org",
    ]);
    let mut text = format!("base_url: {base}\n");
    let default = if g.breaks(Break::Config, 1, 5) {
        "es"
    } else {
        "en"
    };
    text.push_str(&format!("default_language: {default}\nlanguages:\n"));
    for lang in langs {
        let title = g.text();
        let description = g.text();
        let title = g.yaml(&title);
        let description = g.yaml(&description);
        text.push_str(&format!(
            "  {lang}:\n    title: {title}\n    description: {description}\n"
        ));
        if *lang == "ar" {
            text.push_str("    dir: rtl\n");
        }
    }
    if g.chance(1, 2) {
        let size = if g.breaks(Break::Config, 1, 3) {
            0
        } else {
            *g.pick(&[1usize, 2, 3, 10, 1000])
        };
        text.push_str(&format!("page_size: {size}\n"));
    }
    if g.chance(1, 3) {
        let limit = if g.breaks(Break::Config, 1, 3) {
            0
        } else {
            *g.pick(&[1usize, 5, 20])
        };
        text.push_str(&format!("feed_limit: {limit}\n"));
    }
    let mode = if g.breaks(Break::Config, 1, 4) {
        *g.pick(&["Sanitize", "none", "[sanitize]"])
    } else {
        *g.pick(modes)
    };
    if mode.is_empty() {
        site.mode = "sanitize (default)".to_string();
    } else {
        site.mode = mode.to_string();
        text.push_str(&format!("markdown:\n  raw_html: {mode}\n"));
    }
    if g.breaks(Break::Config, 1, 5) {
        text.push_str("tittle: typo\n");
    }
    site.add("boletin.yaml", text);
}

fn locale(g: &mut Gen, site: &mut Site, lang: &str, locales: &Locales) {
    if g.breaks(Break::Locales, 1, 4) {
        return;
    }
    let mut text = if lang == "es" {
        locales.es.clone()
    } else {
        locales.en.clone()
    };
    if g.chance(1, 5) {
        let mut lines: Vec<String> = text.lines().map(String::from).collect();
        let i = g.below(lines.len());
        match if g.is(Break::Locales) { g.below(5) } else { 0 } {
            0 | 1 => {
                let mut hostile = g.text().replace(['\n', '\r'], " ");
                if !g.is(Break::Locales) {
                    // Braces are Fluent syntax; a valid file quotes them.
                    hostile = hostile
                        .replace('{', "\u{0}")
                        .replace('}', "{\"}\"}")
                        .replace('\u{0}', "{\"{\"}");
                }
                if lines[i].contains(" = ") && !lines[i].ends_with("->") {
                    lines[i].push(' ');
                    lines[i].push_str(&hostile);
                } else {
                    lines.insert(i, format!("fuzz-extra-{i} = {hostile}"));
                }
            }
            2 => lines.insert(i, "broken message without an equals sign".to_string()),
            3 => lines.insert(i, "nav-main = { $unclosed".to_string()),
            _ => {
                lines.remove(i);
            }
        }
        text = lines.join("\n");
        text.push('\n');
    }
    site.add(format!("locales/{lang}/main.ftl"), text);
    if g.chance(1, 20) {
        let noise = g.text();
        site.add(
            format!("locales/{lang}/extra.ftl"),
            format!("extra-{} = {noise}\n", g.below(9)),
        );
    }
}

/// A folder or file name: usually plain, sometimes odd.
fn key(g: &mut Gen, n: usize) -> Vec<u8> {
    if g.chance(2, 3) {
        return format!("2026-0{}-issue-{n}", 1 + n % 9).into_bytes();
    }
    // The first few should build; the rest may be refused.
    let odd: Vec<u8> = match g.below(if g.is(Break::Names) { 14 } else { 6 }) {
        0 => "café".into(),
        1 => "with space".into(),
        2 => "quote'\"<b>".into(),
        3 => "-leading-dash".into(),
        4 => "😀".into(),
        5 => "..dots".into(),
        6 => b"caf\xe9".to_vec(),
        7 => "a%2Fb".into(),
        8 => "\u{202E}gnp.exe".into(),
        9 => b"ca\xf1a".to_vec(),
        10 => "x".repeat(g.range(100, 240)).into_bytes(),
        11 => "new\nline".into(),
        12 => "CON".into(),
        _ => g
            .noise()
            .replace(['/', '\0'], "_")
            .chars()
            .take(30)
            .collect::<String>()
            .into_bytes(),
    };
    if odd.is_empty() || odd == b"." || odd == b".." {
        return format!("empty-{n}").into_bytes();
    }
    let mut named = odd;
    named.extend_from_slice(format!("-{n}").as_bytes());
    named
}

fn date(g: &mut Gen) -> String {
    match g.below(if g.is(Break::FrontMatter) { 10 } else { 8 }) {
        0..=5 => format!("2026-{:02}-{:02}", g.range(1, 12), g.range(1, 28)),
        6 => format!(
            "{:04}-{:02}-{:02}",
            g.range(1, 9999),
            g.range(1, 12),
            g.range(1, 28)
        ),
        7 => g
            .pick(&[
                "1899-12-31",
                "0001-01-01",
                "9999-12-31",
                "1900-01-01",
                "1969-12-31",
            ])
            .to_string(),
        8 => g
            .pick(&[
                "2026-02-30",
                "2026-13-01",
                "yesterday",
                "\"2026-03-01\"",
                "",
            ])
            .to_string(),
        _ => "2026-03-01".to_string(),
    }
}

fn list(g: &mut Gen) -> String {
    let items: Vec<String> = (0..g.range(1, 4))
        .map(|_| {
            let t = if g.breaks(Break::LongNames, 1, 3) {
                format!("tag {}", "t".repeat(g.range(240, 300)))
            } else {
                g.text()
            };
            g.yaml(&t).replace('\n', " ")
        })
        .collect();
    if g.chance(1, 2) {
        format!("[{}]", items.join(", "))
    } else {
        format!(
            "\n{}",
            items
                .iter()
                .map(|i| format!("  - {i}\n"))
                .collect::<String>()
        )
        .trim_end()
        .to_string()
    }
}

/// `cover_beside`: a `cover.svg` is written beside the file.
fn front_matter(g: &mut Gen, dated: bool, cover_beside: bool, lang_files: &[String]) -> String {
    let mut text = String::from("---\n");
    let title = g.text();
    text.push_str(&format!("title: {}\n", g.yaml(&title)));
    if dated || g.chance(1, 4) {
        text.push_str(&format!("date: {}\n", date(g)));
    }
    if g.chance(1, 3) {
        let number = if g.breaks(Break::FrontMatter, 1, 2) {
            *g.pick(&["-1", "4294967296", "1.5", "\"7\""])
        } else {
            *g.pick(&["1", "41", "0", "4294967295"])
        };
        text.push_str(&format!("issue: {number}\n"));
    }
    if g.chance(1, 2) {
        let summary = g.text();
        text.push_str(&format!("summary: {}\n", g.yaml(&summary)));
    }
    if g.chance(1, 2) {
        text.push_str(&format!("tags: {}\n", list(g)));
    }
    if g.chance(1, 3) {
        text.push_str(&format!("authors: {}\n", list(g)));
    }
    if g.chance(1, 4) {
        let slug = if g.breaks(Break::LongNames, 1, 2) {
            "s".repeat(g.range(240, 300))
        } else {
            match g.below(4) {
                0 => "../../../escaped".to_string(),
                1 => "a/b".to_string(),
                _ => g.text(),
            }
        };
        text.push_str(&format!("slug: {}\n", g.yaml(&slug)));
    }
    if g.chance(1, 4) && (cover_beside || g.is(Break::Covers)) {
        let cover = match if g.is(Break::Covers) { g.below(5) } else { 0 } {
            0 | 1 => "cover.svg".to_string(),
            2 => "../../../../etc/passwd".to_string(),
            3 => "/etc/passwd".to_string(),
            _ => g.text(),
        };
        text.push_str(&format!("cover: {}\n", g.yaml(&cover)));
        if !g.breaks(Break::Covers, 1, 3) {
            let alt = g.text();
            text.push_str(&format!("cover_alt: {}\n", g.yaml(&alt)));
        }
    }
    if g.chance(1, 6) {
        let draft = if g.breaks(Break::FrontMatter, 1, 2) {
            *g.pick(&["yes", "1"])
        } else {
            *g.pick(&["true", "false"])
        };
        text.push_str(&format!("draft: {draft}\n"));
    }
    if g.breaks(Break::FrontMatter, 1, 4) && !lang_files.is_empty() {
        let key = g.text();
        text.push_str(&format!("translation_key: {}\n", g.yaml(&key)));
    }
    if g.chance(1, 8) {
        text.push_str(&format!("source: {}\n", g.pick(&["true", "false"])));
    }
    if g.chance(1, 4) {
        text.push_str("extra:\n");
        for _ in 0..g.range(1, 3) {
            let k = g.text();
            let v = g.text();
            let (k, v) = (g.yaml(&k).replace('\n', " "), g.yaml(&v).replace('\n', " "));
            text.push_str(&format!("  {k}: {v}\n"));
        }
        if g.chance(1, 3) {
            let v = g.text();
            text.push_str(&format!(
                "  nested:\n    html: {}\n",
                g.yaml(&v).replace('\n', " ")
            ));
        }
    }
    if g.breaks(Break::FrontMatter, 1, 8) {
        text.push_str("unknown_field: 1\n");
    }
    text.push_str("---\n");
    text
}

/// One raw-HTML element carrying a script URL in a URL attribute.
fn url_element(g: &mut Gen) -> String {
    let url = g.script_url(true);
    let url = url.replace('"', "&quot;");
    match g.below(12) {
        0 | 1 => format!("<a href=\"{url}\">link</a>"),
        2 => format!("<img src=\"{url}\" alt=\"x\">"),
        3 => format!("<iframe src=\"{url}\"></iframe>"),
        4 => format!("<form action=\"{url}\"><button>go</button></form>"),
        5 => format!("<button formaction=\"{url}\">go</button>"),
        6 => format!("<object data=\"{url}\"></object>"),
        7 => format!("<svg><a xlink:href=\"{url}\"><text>x</text></a></svg>"),
        8 => format!("<img srcset=\"a.png 1x, {url} 2x\" alt=\"\">"),
        9 => format!("<video poster=\"{url}\"></video>"),
        10 => format!("<blockquote cite=\"{url}\">q</blockquote>"),
        _ => format!("<a href='{url}' title=\"t\">link</a>"),
    }
}

/// An inline Markdown or HTML link.
fn inline(g: &mut Gen) -> String {
    let label = g.text().replace(['[', ']', '\n'], " ");
    match g.below(12) {
        0..=2 => format!("[{label}]({})", g.url(true)),
        3 => format!("[{label}](<{}>)", g.url(true)),
        4 => format!("![{label}]({})", g.url(true)),
        5 => format!("[{label}]({} \"{}\")", g.url(true), g.pick(NAUGHTY)),
        6 => format!("<{}>", g.script_url(false)),
        7 => format!("<span onclick=alert(1)>{label}</span>"),
        8 => url_element(g),
        9 => format!("`{}`", g.pick(XSS)),
        10 => format!("*{label}* **{}**", g.text()),
        _ => g.noise(),
    }
}

fn heading_attrs(g: &mut Gen) -> String {
    if g.chance(1, 2) {
        return g.pick(HEADING_ATTRS).to_string();
    }
    let event = *g.pick(&[
        "onclick",
        "onfocus",
        "onload",
        "onerror",
        "OnMouseOver",
        "onpointerenter",
    ]);
    let url = g.script_url(false).replace([' ', '}', '{'], "");
    let mut attrs = vec![format!("{event}=alert(1)")];
    if g.chance(1, 2) {
        attrs.push(format!("#h{}", g.below(100)));
    }
    if g.chance(1, 2) {
        attrs.push(".cls".to_string());
    }
    if g.chance(1, 2) {
        attrs.push(format!(
            "{}={url}",
            g.pick(&["href", "src", "srcdoc", "style", "formaction"])
        ));
    }
    if g.chance(1, 3) {
        attrs.push("autofocus tabindex=0".to_string());
    }
    let n = attrs.len();
    let first = g.below(n);
    attrs.swap(0, first);
    format!("{{{}}}", attrs.join(" "))
}

fn body(g: &mut Gen) -> String {
    let mut text = String::new();
    let mut references = Vec::new();
    for _ in 0..g.range(1, 8) {
        let block = match g.below(14) {
            0 | 1 => {
                let level = "#".repeat(g.range(1, 6));
                let title = g.text().replace('\n', " ");
                if g.chance(2, 3) {
                    format!("{level} {title} {}", heading_attrs(g))
                } else {
                    format!("{level} {title}")
                }
            }
            2 | 3 => (0..g.range(1, 4))
                .map(|_| inline(g))
                .collect::<Vec<_>>()
                .join(" "),
            4 => g.pick(XSS).to_string(),
            5 => url_element(g),
            6 => {
                let name = format!("r{}", g.below(5));
                references.push(format!("[{name}]: {}", g.url(true)));
                format!("A [reference][{name}] and [{name}].")
            }
            7 => format!("```\n{}\n```", g.pick(XSS)),
            8 => format!("- {}\n- {}\n  - {}", inline(g), inline(g), g.text()),
            9 => format!("> {}\n> {}", inline(g), g.pick(XSS)),
            10 => format!(
                "| a | b |\n|---|---|\n| {} | {} |",
                inline(g).replace('|', "\\|"),
                g.text().replace('|', "\\|")
            ),
            11 => format!("Note[^n{0}].\n\n[^n{0}]: {1}", g.below(3), inline(g)),
            12 => format!("Setext {}\n----", g.text().replace('\n', " ")),
            _ => g.noise(),
        };
        text.push_str(&block);
        text.push_str("\n\n");
    }
    text.push_str(&references.join("\n"));
    text.push('\n');
    text
}

fn issue(g: &mut Gen, site: &mut Site, langs: &[&str], n: usize) {
    let key = key(g, n);
    let folder = g.chance(2, 3);
    let mut written = Vec::new();
    for (i, lang) in langs.iter().enumerate() {
        if i > 0 && g.chance(1, 3) {
            continue;
        }
        let lang = if g.breaks(Break::FrontMatter, 1, 8) {
            *g.pick(&["xx", "EN", "en-US", ""])
        } else {
            lang
        };
        let mut path = b"content/issues/".to_vec();
        path.extend_from_slice(&key);
        if folder {
            path.extend_from_slice(format!("/index.{lang}.md").as_bytes());
        } else {
            path.extend_from_slice(format!(".{lang}.md").as_bytes());
        }
        let mut text = front_matter(g, true, folder, &written);
        text.push_str(&body(g));
        site.add(path, text);
        written.push(lang.to_string());
    }
    if folder {
        let mut path = b"content/issues/".to_vec();
        path.extend_from_slice(&key);
        path.extend_from_slice(b"/cover.svg");
        site.add(
            path,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>\n",
        );
    }
}

/// What the fuzzer keeps beside the site, never inside it: a file and an
/// issue folder that symbolic links in the site lead to. Nothing of them
/// may be published or printed (PRODUCT.md, "The site reads only files
/// inside its root").
pub const OUTSIDE_SECRET: &str = "fuzz-outside-secret-0b4d";

/// The files outside the site, relative to the case folder.
pub fn outside_files() -> Vec<(&'static str, String)> {
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

/// Symbolic links that lead out of the site, to `outside_files`.
fn links(g: &mut Gen, site: &mut Site) {
    for _ in 0..g.range(1, 2) {
        let (path, target): (Vec<u8>, &str) = match g.below(5) {
            0 => {
                // An issue's cover, if there is a folder issue.
                let cover = site
                    .files
                    .iter()
                    .map(|(p, _)| p.clone())
                    .find(|p| p.ends_with(b"/cover.svg"));
                match cover {
                    Some(path) => {
                        site.files.retain(|(p, _)| *p != path);
                        (path, "../../../../outside/secret.txt")
                    }
                    None => (
                        b"content/issues/linked-cover.en.md".to_vec(),
                        "../../../outside/secret.txt",
                    ),
                }
            }
            1 => (
                b"content/issues/linked-folder".to_vec(),
                "../../../outside/issue",
            ),
            2 => (
                b"content/issues/linked.en.md".to_vec(),
                "../../../outside/secret.txt",
            ),
            3 => (b"static/leak.txt".to_vec(), "../../outside/secret.txt"),
            _ => (
                b"locales/en/leak.ftl".to_vec(),
                "../../../outside/secret.txt",
            ),
        };
        site.links.push((path, target.to_string()));
    }
}

fn page(g: &mut Gen, site: &mut Site, langs: &[&str], n: usize) {
    let key = *g.pick(&["about", "subscribe", "contact", "Über uns", "<x>"]);
    for lang in langs {
        if g.chance(1, 3) {
            continue;
        }
        let mut text = front_matter(g, false, false, &[]);
        text.push_str(&body(g));
        site.add(format!("content/pages/{key}-{n}.{lang}.md"), text);
    }
}

/// The site's own files, harmless, some colliding with generated ones.
fn statics(g: &mut Gen, site: &mut Site) {
    let path = *g.pick(&[
        "static/robots.txt",
        "static/style.css",
        "static/en/index.html",
        "static/files/a.txt",
    ]);
    site.add(path, "<p>the site's own file</p>\n");
}

/// A theme override that is broken, not hostile: the templates are the
/// staff's, so what they write is not a payload.
fn theme(g: &mut Gen, site: &mut Site) {
    let (path, text) = *g.pick(&[
        (
            "themes/default/templates/entry.html",
            "{% include \"entry.html\" %}",
        ),
        (
            "themes/default/templates/issue.html",
            "{% extends \"base.html\" %}{% block main %}{% if %}{% endblock main %}",
        ),
        (
            "themes/default/templates/page.html",
            "{% extends \"base.html\" %}{% block main %}{{ nothing.here }}{% endblock main %}",
        ),
        (
            "themes/default/templates/tags.html",
            "{% extends \"missing.html\" %}",
        ),
    ]);
    site.add(path, text);
}

/// A blind change to the bytes of one file.
fn mutate(g: &mut Gen, site: &mut Site) {
    let i = g.below(site.files.len());
    let Some((_, content)) = site.files.get_mut(i) else {
        return;
    };
    let at = g.below(content.len() + 1);
    match g.below(6) {
        0 => {
            let payload = g.pick(XSS).as_bytes().to_vec();
            content.splice(at..at, payload);
        }
        1 => {
            let c = g.control(false);
            content.splice(at..at, c.into_bytes());
        }
        2 => {
            let end = (at + g.range(1, 40)).min(content.len());
            content.drain(at..end);
        }
        3 => {
            let end = (at + g.range(1, 80)).min(content.len());
            let copy = content[at..end].to_vec();
            content.splice(at..at, copy);
        }
        4 => {
            let byte = *g.pick(&[0x80u8, 0xff, 0xc3, b'\r', b'\t', b':', b'{', b'-']);
            content.insert(at, byte);
        }
        _ => content.truncate(at),
    }
}
