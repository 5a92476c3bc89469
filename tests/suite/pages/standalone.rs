//! Standalone pages: only a title needed, served at their slug, listed
//! in the navigation.

use super::*;

#[test]
fn standalone_pages_need_only_a_title_live_at_their_slug_and_are_in_the_nav() {
    let fixture = Fixture::new();
    fixture.issue("first", "en", "First", "2026-03-01", "", "One.\n");
    fixture.issue("first", "es", "Primero", "2026-03-01", "", "Uno.\n");
    fixture.write(
        "content/pages/about.en.md",
        "---\ntitle: About us\n---\nWe are an alliance.\n",
    );
    fixture.write(
        "content/pages/about.es.md",
        "---\ntitle: Acerca de\nslug: acerca\n---\nSomos una alianza.\n",
    );
    fixture.build(&[]).assert_ok();

    assert!(fixture.exists("en/about/index.html"));
    assert!(fixture.exists("es/acerca/index.html"));
    assert!(
        !fixture.exists("es/about/index.html"),
        "the Spanish page lives at its own slug"
    );

    let about = fixture.html("en/about/index.html");
    assert_eq!(attr_of(&about, "html", "lang"), "en");
    assert_eq!(text_of(&about, "main h1"), "About us");
    assert!(text_of(&about, "main").contains("We are an alliance."));
    let acerca = fixture.html("es/acerca/index.html");
    assert_eq!(attr_of(&acerca, "html", "lang"), "es");
    assert_eq!(text_of(&acerca, "main h1"), "Acerca de");
    assert!(text_of(&acerca, "main").contains("Somos una alianza."));

    for (lang, page, href, title) in [
        ("en", "en/index.html", "/en/about/", "About us"),
        ("en", "en/issues/first/index.html", "/en/about/", "About us"),
        ("es", "es/index.html", "/es/acerca/", "Acerca de"),
        (
            "es",
            "es/issues/first/index.html",
            "/es/acerca/",
            "Acerca de",
        ),
    ] {
        let html = fixture.html(page);
        let link = first(&html, &format!(r#"nav a[href="{href}"]"#));
        assert_eq!(text(link), title, "{lang} nav on {page}");
    }
}
