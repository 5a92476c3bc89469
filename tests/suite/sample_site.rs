//! The sample site at the repository root builds, and its output is sane.

use crate::common::*;

#[test]
fn the_bundled_sample_site_builds_in_both_languages() {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("site");
    let run = run_in(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
        &["build", "--quiet", "--output", target.to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    for lang in ["en", "es"] {
        let html = scraper::Html::parse_document(
            &std::fs::read_to_string(target.join(lang).join("index.html")).unwrap(),
        );
        assert_eq!(attr_of(&html, "html", "lang"), lang);
        assert!(
            select(&html, "article.entry").len() >= 6,
            "every issue is listed in {lang}"
        );
    }
}
