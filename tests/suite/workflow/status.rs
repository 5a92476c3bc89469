//! `boletin status`: the documented JSON shape and states, and a report
//! even when a template is broken.

use super::*;

#[test]
fn status_json_has_the_documented_shape_and_states() {
    let site = Fixture::new();
    site.issue(
        "untracked-one",
        "en",
        "Untracked",
        "2026-01-01",
        "issue: 1\n",
        "One.\n",
    );
    site.issue(
        "untracked-one",
        "es",
        "Sin seguimiento",
        "2026-01-01",
        "issue: 1\n",
        "Uno.\n",
    );
    site.issue(
        "missing-one",
        "en",
        "Missing",
        "2026-02-01",
        "issue: 2\n",
        "Two.\n",
    );
    site.issue(
        "draft-one",
        "en",
        "Draft",
        "2026-03-01",
        "issue: 3\n",
        "Three.\n",
    );
    site.issue(
        "draft-one",
        "es",
        "Borrador",
        "2026-03-01",
        "issue: 3\ndraft: true\n",
        "Tres.\n",
    );
    site.write(
        "content/pages/about.en.md",
        "---\ntitle: About\n---\nAbout us.\n",
    );

    let json = status(&site, &[]);
    assert_eq!(json["format"], 1, "{json:#}");
    assert_eq!(json["default_language"], "en", "{json:#}");
    assert_eq!(strings(&json["languages"]), ["en", "es"], "{json:#}");

    let documents = json["documents"].as_array().expect("documents");
    assert_eq!(documents.len(), 4, "{json:#}");
    for doc in documents {
        let section = doc["section"].as_str().expect("section");
        assert!(section == "issue" || section == "page", "{doc:#}");
        assert!(doc["key"].is_string(), "{doc:#}");
        assert_eq!(doc["source_lang"], "en", "{doc:#}");
        assert!(
            is_digest(doc["source_digest"].as_str().expect("source_digest")),
            "{doc:#}"
        );
        let langs = doc["languages"].as_array().expect("languages");
        let codes: Vec<&str> = langs
            .iter()
            .map(|l| l["lang"].as_str().expect("lang"))
            .collect();
        assert_eq!(codes, ["en", "es"], "{doc:#}");
        for entry in langs {
            assert!(entry["state"].is_string(), "{entry:#}");
            assert!(entry["is_source"].is_boolean(), "{entry:#}");
            assert!(entry["path"].is_string(), "{entry:#}");
            if let Some(detail) = entry.get("detail") {
                assert!(detail.is_string(), "{entry:#}");
            }
        }
    }
    assert_eq!(document(&json, "about")["section"], "page");
    assert_eq!(document(&json, "missing-one")["section"], "issue");

    // The source language.
    let en = language(&json, "untracked-one", "en");
    assert_eq!(en["state"], "translated", "{en:#}");
    assert_eq!(en["is_source"], true, "{en:#}");
    assert_eq!(en["path"], "content/issues/untracked-one/index.en.md");

    let es = language(&json, "untracked-one", "es");
    assert_eq!(es["state"], "untracked", "{es:#}");
    assert_eq!(es["is_source"], false, "{es:#}");
    assert_eq!(es["path"], "content/issues/untracked-one/index.es.md");

    let missing = language(&json, "missing-one", "es");
    assert_eq!(missing["state"], "missing", "{missing:#}");
    assert_eq!(missing["is_source"], false, "{missing:#}");
    assert_eq!(missing["path"], "content/issues/missing-one/index.es.md");

    assert_eq!(state(&json, "draft-one", "es"), "draft");
    assert_eq!(state(&json, "draft-one", "en"), "translated");
    assert_eq!(state(&json, "about", "es"), "missing");
    assert_eq!(
        language(&json, "about", "es")["path"],
        "content/pages/about.es.md"
    );

    let coverage = json["interface"].as_array().expect("interface");
    assert_eq!(coverage.len(), 2, "{json:#}");
    for lang in ["en", "es"] {
        let c = interface(&json, lang);
        let total = c["total"].as_u64().expect("total");
        assert!(total > 0, "{c:#}");
        assert_eq!(c["translated"].as_u64(), Some(total), "{c:#}");
        assert_eq!(c["percent"].as_f64(), Some(100.0), "{c:#}");
        assert!(strings(&c["missing"]).is_empty(), "{c:#}");
        assert!(strings(&c["extra"]).is_empty(), "{c:#}");
    }

    // --lang es keeps only Spanish.
    let only = status(&site, &["--lang", "es"]);
    assert_eq!(strings(&only["languages"]), ["es"], "{only:#}");
    for doc in only["documents"].as_array().expect("documents") {
        let langs: Vec<&str> = doc["languages"]
            .as_array()
            .expect("languages")
            .iter()
            .map(|l| l["lang"].as_str().expect("lang"))
            .collect();
        assert_eq!(langs, ["es"], "{doc:#}");
    }
    let langs: Vec<&str> = only["interface"]
        .as_array()
        .expect("interface")
        .iter()
        .map(|c| c["lang"].as_str().expect("lang"))
        .collect();
    assert_eq!(langs, ["es"], "{only:#}");
    assert_eq!(state(&only, "untracked-one", "es"), "untracked");
}

#[test]
fn status_of_a_site_with_a_broken_template_exits_1_and_still_reports() {
    let site = bilingual_issue_site();
    site.write("themes/default/templates/issue.html", "{% if %}\n");
    let run = site.run(&["status"]);
    assert_site_error(&run);
    assert_stderr_has(&run, "themes/default/templates/issue.html");
    assert_stderr_has(&run, "1 error.");
    assert!(run.stdout.contains("2026-03-spring"), "{}", run.stdout);
    let json = site.run(&["status", "--format", "json"]);
    assert_site_error(&json);
    let parsed: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON on stdout");
    assert_eq!(parsed["format"], 1);
    assert_stderr_snapshot!(run);
    assert_stderr_snapshot!(json);
}
