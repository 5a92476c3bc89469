//! A third, right-to-left language added by files only, through `status`,
//! `translate` and `build`.

use super::*;

const CONFIG_AR: &str = "base_url: https://news.example.org/\ndefault_language: en\nlanguages:\n  en:\n    title: Test News\n    description: A test newsletter.\n  es:\n    title: Noticias de prueba\n    description: Un boletín de prueba.\n  ar:\n    title: أخبار الاختبار\n    description: نشرة اختبار.\n    dir: rtl\npage_size: 3\n";

/// The English locale with `language-name` and a few messages in Arabic.
fn arabic_locale(english: &str) -> String {
    english
        .split_inclusive('\n')
        .map(|l| {
            if l.starts_with("language-name =") {
                "language-name = العربية\n".to_string()
            } else if l.starts_with("nav-archive =") {
                "nav-archive = كل الأعداد\n".to_string()
            } else if l.starts_with("skip-to-content =") {
                "skip-to-content = انتقل إلى المحتوى\n".to_string()
            } else {
                l.to_string()
            }
        })
        .collect()
}

#[test]
fn a_third_right_to_left_language_is_added_by_files_only() {
    let site = Fixture::new();
    site.write("boletin.yaml", CONFIG_AR);
    let english = site_file(&site, "locales/en/main.ftl");
    let arabic = arabic_locale(&english);
    assert!(arabic.contains("language-name = العربية"));
    site.write("locales/ar/main.ftl", &arabic);
    site.issue(
        "2026-01-winter",
        "en",
        "Winter",
        "2026-01-01",
        "issue: 1\n",
        "Stay warm.\n",
    );
    site.issue(
        "2026-01-winter",
        "es",
        "Invierno",
        "2026-01-01",
        "issue: 1\n",
        "Abríguese.\n",
    );
    site.issue(
        KEY,
        "en",
        "Spring meeting",
        "2026-03-01",
        "issue: 2\n",
        "We meet.\n",
    );
    // The Arabic translation records the digest of its source.
    let json = status(&site, &[]);
    let digest = document(&json, KEY)["source_digest"]
        .as_str()
        .expect("digest")
        .to_string();
    site.issue(
        KEY,
        "ar",
        "اجتماع الربيع",
        "2026-03-01",
        &format!("issue: 2\nsource_digest: {digest}\n"),
        "نلتقي.\n",
    );

    site.build(&[]).assert_ok();
    for page in [
        "ar/index.html",
        "ar/issues/2026-03-spring/index.html",
        "ar/issues/2026-01-winter/index.html",
    ] {
        assert_html_language(&site.html(page), page, "ar", "rtl");
    }
    let english_page = site.html("en/index.html");
    let dir = select(&english_page, "html")[0]
        .value()
        .attr("dir")
        .map(str::to_string);
    assert!(
        dir.is_none() || dir.as_deref() == Some("ltr"),
        "English is not rtl: {dir:?}"
    );
    assert!(
        site.read("ar/index.html").contains("كل الأعداد"),
        "the Arabic archive uses the Arabic locale"
    );

    let json = status(&site, &[]);
    assert_eq!(strings(&json["languages"]), ["en", "es", "ar"], "{json:#}");
    for doc in json["documents"].as_array().expect("documents") {
        let langs: Vec<&str> = doc["languages"]
            .as_array()
            .expect("languages")
            .iter()
            .map(|l| l["lang"].as_str().expect("lang"))
            .collect();
        assert_eq!(langs, ["en", "es", "ar"], "{doc:#}");
    }
    assert_eq!(state(&json, KEY, "ar"), "translated", "{json:#}");
    assert_eq!(state(&json, KEY, "es"), "missing", "{json:#}");
    assert_eq!(state(&json, "2026-01-winter", "ar"), "missing", "{json:#}");
    assert_eq!(
        language(&json, "2026-01-winter", "ar")["path"],
        "content/issues/2026-01-winter/index.ar.md"
    );
    let ar = interface(&json, "ar");
    let en = interface(&json, "en");
    assert_eq!(ar["total"], en["total"], "{json:#}");
    assert_eq!(ar["translated"], en["total"], "{json:#}");
    assert!(strings(&ar["missing"]).is_empty(), "{ar:#}");

    // Every message present: check is happy.
    let full = english.replace("language-name = English", "language-name = العربية");
    assert_ne!(full, english);
    site.write("locales/ar/main.ftl", &full);
    std::fs::remove_dir_all(site.out()).expect("remove public/");
    let run = site.run(&["check"]);
    run.assert_ok();

    // One missing: check names the Arabic locale file and the message.
    let without: String = full
        .split_inclusive('\n')
        .filter(|l| !l.starts_with("nav-archive ="))
        .collect();
    assert_ne!(without, full);
    site.write("locales/ar/main.ftl", &without);
    let run = site.run(&["check"]);
    assert_site_error(&run);
    assert_stderr_has(&run, "locales/ar/main.ftl");
    assert_stderr_has(&run, "nav-archive");
    let json = status(&site, &["--lang", "ar"]);
    assert_eq!(strings(&interface(&json, "ar")["missing"]), ["nav-archive"]);
}
