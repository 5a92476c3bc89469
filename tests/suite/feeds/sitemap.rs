//! The sitemap (every canonical page, hreflang alternates) and robots.txt.

use super::*;

/// A site with four translated issues (so two archive pages), one
/// English-only issue, a translated page, an English-only page and tags.
fn sitemap_site() -> Fixture {
    let site = Fixture::new();
    for (n, month) in ["01", "02", "03", "04"].iter().enumerate() {
        let key = format!("2026-{month}-issue");
        site.issue(
            &key,
            "en",
            &format!("Issue {n}"),
            &format!("2026-{month}-01"),
            "tags: [Housing]\n",
            "Text.\n",
        );
        site.issue(
            &key,
            "es",
            &format!("Número {n}"),
            &format!("2026-{month}-01"),
            "tags: [Vivienda]\n",
            "Texto.\n",
        );
    }
    site.issue(
        "2026-05-english-only",
        "en",
        "English only",
        "2026-05-01",
        "",
        "Only English.\n",
    );
    site.write(
        "content/pages/about.en.md",
        "---\ntitle: About\n---\nAbout us.\n",
    );
    site.write(
        "content/pages/about.es.md",
        "---\ntitle: Acerca\n---\nSobre nosotros.\n",
    );
    site.write(
        "content/pages/subscribe.en.md",
        "---\ntitle: Subscribe\n---\nSign up.\n",
    );
    site
}

struct SitemapUrl {
    loc: String,
    /// hreflang → href
    alternates: Vec<(String, String)>,
}

fn sitemap_urls(xml: &str) -> Vec<SitemapUrl> {
    let doc = parse(xml);
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "urlset");
    assert_eq!(
        root.tag_name().namespace(),
        Some(SITEMAP),
        "sitemap 0.9 namespace"
    );
    children(root, SITEMAP, "url")
        .into_iter()
        .map(|url| SitemapUrl {
            loc: text(child(url, SITEMAP, "loc")).trim().to_string(),
            alternates: children(url, XHTML, "link")
                .into_iter()
                .map(|l| {
                    assert_eq!(l.attribute("rel"), Some("alternate"));
                    (
                        l.attribute("hreflang").expect("hreflang").to_string(),
                        l.attribute("href").expect("href").to_string(),
                    )
                })
                .collect(),
        })
        .collect()
}

#[test]
fn sitemap_lists_every_canonical_page() {
    let site = sitemap_site();
    site.build(&[]).assert_ok();
    let urls = sitemap_urls(&site.read("sitemap.xml"));
    let locs: Vec<&str> = urls.iter().map(|u| u.loc.as_str()).collect();
    let set: BTreeSet<&str> = locs.iter().copied().collect();
    assert_eq!(set.len(), locs.len(), "no URL is listed twice: {locs:#?}");
    let mut expected = vec![
        format!("{BASE}/"),
        format!("{BASE}/en/"),
        format!("{BASE}/es/"),
        format!("{BASE}/en/page/2/"),
        format!("{BASE}/es/page/2/"),
        format!("{BASE}/en/tags/"),
        format!("{BASE}/es/tags/"),
        format!("{BASE}/en/tags/housing/"),
        format!("{BASE}/es/tags/vivienda/"),
        format!("{BASE}/en/tags/housing/page/2/"),
        format!("{BASE}/es/tags/vivienda/page/2/"),
        format!("{BASE}/en/about/"),
        format!("{BASE}/es/about/"),
        format!("{BASE}/en/subscribe/"),
        format!("{BASE}/en/issues/2026-05-english-only/"),
    ];
    for month in ["01", "02", "03", "04"] {
        expected.push(format!("{BASE}/en/issues/2026-{month}-issue/"));
        expected.push(format!("{BASE}/es/issues/2026-{month}-issue/"));
    }
    for url in &expected {
        assert!(
            set.contains(url.as_str()),
            "the sitemap lists {url}; it has {locs:#?}"
        );
    }
    assert_eq!(
        set.len(),
        expected.len(),
        "nothing else is listed: {locs:#?}"
    );
}

#[test]
fn sitemap_leaves_out_fallbacks_redirects_and_404() {
    let site = sitemap_site();
    site.build(&[]).assert_ok();
    assert!(
        site.exists("es/issues/2026-05-english-only/index.html"),
        "the fallback page is built"
    );
    assert!(site.exists("en/latest/index.html"));
    let urls = sitemap_urls(&site.read("sitemap.xml"));
    for url in &urls {
        assert_ne!(
            url.loc,
            format!("{BASE}/es/issues/2026-05-english-only/"),
            "fallback issue page"
        );
        assert_ne!(
            url.loc,
            format!("{BASE}/es/subscribe/"),
            "fallback standalone page"
        );
        assert!(
            !url.loc.contains("/latest/"),
            "redirect page listed: {}",
            url.loc
        );
        assert!(!url.loc.contains("404"), "404 listed: {}", url.loc);
        for (lang, href) in &url.alternates {
            assert_ne!(
                href,
                &format!("{BASE}/es/issues/2026-05-english-only/"),
                "fallback as alternate of {}",
                url.loc
            );
            assert_ne!(
                href,
                &format!("{BASE}/es/subscribe/"),
                "fallback as alternate ({lang}) of {}",
                url.loc
            );
        }
    }
    let english_only = urls
        .iter()
        .find(|u| u.loc == format!("{BASE}/en/issues/2026-05-english-only/"))
        .expect("listed");
    let langs: BTreeSet<&str> = english_only
        .alternates
        .iter()
        .map(|(l, _)| l.as_str())
        .collect();
    assert!(
        !langs.contains("es"),
        "no Spanish alternate for an English-only issue: {langs:?}"
    );
}

#[test]
fn sitemap_translated_issue_has_hreflang_alternates() {
    let site = sitemap_site();
    site.build(&[]).assert_ok();
    let urls = sitemap_urls(&site.read("sitemap.xml"));
    let en = format!("{BASE}/en/issues/2026-03-issue/");
    let es = format!("{BASE}/es/issues/2026-03-issue/");
    for loc in [&en, &es] {
        let url = urls
            .iter()
            .find(|u| &u.loc == loc)
            .unwrap_or_else(|| panic!("{loc} listed"));
        let alternates: BTreeMap<&str, &str> = url
            .alternates
            .iter()
            .map(|(l, h)| (l.as_str(), h.as_str()))
            .collect();
        assert_eq!(
            alternates.len(),
            url.alternates.len(),
            "each hreflang once for {loc}"
        );
        assert_eq!(
            alternates.get("en"),
            Some(&en.as_str()),
            "en alternate of {loc}"
        );
        assert_eq!(
            alternates.get("es"),
            Some(&es.as_str()),
            "es alternate of {loc}"
        );
        assert_eq!(
            alternates.get("x-default"),
            Some(&en.as_str()),
            "x-default of {loc} is the default language"
        );
        assert_eq!(alternates.len(), 3, "{alternates:?}");
    }
}

#[test]
fn sitemap_alternates_are_absolute_listed_and_reciprocal() {
    let site = sitemap_site();
    site.build(&[]).assert_ok();
    let urls = sitemap_urls(&site.read("sitemap.xml"));
    let by_loc: BTreeMap<&str, &SitemapUrl> = urls.iter().map(|u| (u.loc.as_str(), u)).collect();
    let mut checked = 0;
    for url in &urls {
        assert!(
            url.loc.starts_with(&format!("{BASE}/")),
            "absolute loc: {}",
            url.loc
        );
        for (lang, href) in &url.alternates {
            assert!(
                href.starts_with(&format!("{BASE}/")),
                "absolute alternate href: {href}"
            );
            let other = by_loc
                .get(href.as_str())
                .unwrap_or_else(|| panic!("alternate {href} of {} is not in the sitemap", url.loc));
            if lang == "x-default" || href == &url.loc {
                continue;
            }
            assert!(
                other.alternates.iter().any(|(_, h)| h == &url.loc),
                "{} lists {href} ({lang}) but {href} does not list it back",
                url.loc
            );
            checked += 1;
        }
    }
    assert!(
        checked >= 8,
        "translated issues and pages were checked ({checked})"
    );
}

#[test]
fn robots_txt_points_to_the_sitemap() {
    let site = sitemap_site();
    site.build(&[]).assert_ok();
    let robots = site.read("robots.txt");
    assert!(
        robots
            .lines()
            .any(|line| line.trim_end() == "Sitemap: https://news.example.org/sitemap.xml"),
        "robots.txt:\n{robots}"
    );
    assert!(site.exists("sitemap.xml"));
}
