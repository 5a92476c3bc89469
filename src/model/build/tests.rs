//! The model from hand-made content files: no disk, no templates.

use super::*;
use crate::load::front_matter::{self, DateRule};

fn config() -> Config {
    Config::from_text(
        "base_url: https://example.org/\ndefault_language: en\nlanguages:\n  en: { title: News, description: d }\n  es: { title: Noticias, description: d }\n",
        None,
    )
    .unwrap()
}

fn file(section: Section, key: &str, lang: &str, text: &str) -> ContentFile {
    let path = PathBuf::from(format!("{}/{key}.{lang}.md", section.folder()));
    let rule = match section {
        Section::Issues => DateRule::Required,
        Section::Pages => DateRule::Optional,
    };
    ContentFile {
        section,
        parsed: front_matter::parse(&path, text, rule).unwrap(),
        path,
        key_from_path: key.to_string(),
        lang: Lang::parse(lang).unwrap(),
        assets: Vec::new(),
    }
}

#[test]
fn translations_pair_by_key_newest_first_with_bodies_kept_apart() {
    let content = vec![
        file(
            Section::Issues,
            "old",
            "en",
            "---\ntitle: Old\ndate: 2026-01-01\n---\nold body\n",
        ),
        file(
            Section::Issues,
            "new",
            "es",
            "---\ntitle: Nuevo\ndate: 2026-03-01\n---\ncuerpo\n",
        ),
        file(
            Section::Issues,
            "new",
            "en",
            "---\ntitle: New\ndate: 2026-03-01\n---\nnew body\n",
        ),
        file(
            Section::Pages,
            "about",
            "en",
            "---\ntitle: About\n---\nabout\n",
        ),
    ];
    let built = build(config(), content, Drafts::Left);
    assert!(built.problems.is_empty(), "{:?}", built.problems);
    let site = &built.site;
    let keys: Vec<&str> = site.issues.iter().map(|d| d.key.as_str()).collect();
    assert_eq!(keys, ["new", "old"]);
    assert_eq!(site.issues[0].translations.len(), 2);
    assert_eq!(site.pages[0].key, "about");
    // Every body is apart from the model, named by where its document is.
    assert_eq!(built.texts.len(), 4);
    for text in &built.texts {
        let document = site.document(text.id.section, text.id.index);
        let translation = &document.translations[&text.id.lang];
        let first_line = text.markdown.lines().next().unwrap();
        let expected = match (document.key.as_str(), text.id.lang.as_str()) {
            ("new", "en") => "new body",
            ("new", "es") => "cuerpo",
            ("old", _) => "old body",
            _ => "about",
        };
        assert_eq!(first_line, expected, "{}", translation.path.display());
    }
    // Each language's newest issue date, for its feeds.
    let es = Lang::parse("es").unwrap();
    let en = Lang::parse("en").unwrap();
    assert_eq!(site.newest[&en].to_string(), "2026-03-01");
    assert_eq!(site.newest[&es].to_string(), "2026-03-01");
    // A language without a translation shows the canonical one.
    assert_eq!(
        site.issues[1]
            .shown_in(&Lang::parse("es").unwrap())
            .front
            .title,
        "Old"
    );
}

#[test]
fn a_second_file_in_one_language_and_a_slug_without_letters_are_errors() {
    let content = vec![
        file(
            Section::Issues,
            "a",
            "en",
            "---\ntitle: A\ndate: 2026-01-01\n---\n",
        ),
        file(
            Section::Issues,
            "b",
            "en",
            "---\ntitle: B\ndate: 2026-01-01\ntranslation_key: a\n---\n",
        ),
        file(
            Section::Issues,
            "c",
            "en",
            "---\ntitle: C\ndate: 2026-01-01\nslug: '!!!'\n---\n",
        ),
    ];
    let built = build(config(), content, Drafts::Left);
    let messages: Vec<&str> = built.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(built.problems.len(), 2, "{messages:?}");
    assert!(
        messages[0].contains("two `en` files for `a`"),
        "{messages:?}"
    );
    assert!(messages[1].contains("no letters or digits"), "{messages:?}");
    assert_eq!(built.site.issues.len(), 1);
    assert_eq!(built.texts.len(), 1);
}

#[test]
fn drafts_are_left_out_unless_included() {
    let draft = || {
        vec![file(
            Section::Issues,
            "d",
            "en",
            "---\ntitle: D\ndate: 2026-01-01\ndraft: true\n---\n",
        )]
    };
    assert!(
        build(config(), draft(), Drafts::Left)
            .site
            .issues
            .is_empty()
    );
    assert_eq!(
        build(config(), draft(), Drafts::Included).site.issues.len(),
        1
    );
}

#[test]
fn a_body_carries_the_line_it_starts_on_and_the_model_has_no_text() {
    let content = vec![file(
        Section::Issues,
        "a",
        "en",
        "---\ntitle: A\ndate: 2026-01-01\n---\nbody\n",
    )];
    let built = build(config(), content, Drafts::Left);
    assert_eq!(built.texts.len(), 1);
    assert_eq!(built.texts[0].first_line, 5);
    assert_eq!(built.texts[0].markdown, "body\n");
    // Nothing of the body is in the model: an edit to it leaves it as it is.
    let debug = format!("{:?}", built.site);
    assert!(!debug.contains("body\\n"), "{debug}");
}
