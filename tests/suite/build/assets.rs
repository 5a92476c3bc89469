//! Files beside an issue (its cover, its images) are copied beside every
//! page of the issue.

use super::*;

#[test]
fn issue_assets_are_copied_beside_every_page_of_the_issue() {
    let site = Fixture::new();
    let chart: &[u8] = &[0x89, b'P', b'N', b'G', 13, 10, 26, 10, 0, 0, 1, 2, 3];
    // Written only in English: the Spanish page is a fallback.
    site.issue(
        "2026-03-report",
        "en",
        "Report",
        "2026-03-01",
        "",
        "![The chart](chart.png)\n\n[Data](data/table.csv)\n",
    );
    site.write_bytes("content/issues/2026-03-report/chart.png", chart);
    site.write("content/issues/2026-03-report/data/table.csv", "a,b\n1,2\n");
    // Translated, with a different slug in Spanish.
    site.issue(
        "2026-02-budget",
        "en",
        "Budget",
        "2026-02-01",
        "",
        "![Pie](pie.svg)\n",
    );
    site.issue(
        "2026-02-budget",
        "es",
        "Presupuesto",
        "2026-02-01",
        "slug: presupuesto\n",
        "![Pastel](pie.svg)\n",
    );
    site.write(
        "content/issues/2026-02-budget/pie.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
    );
    site.build(&[]).assert_ok();

    for folder in ["en/issues/2026-03-report", "es/issues/2026-03-report"] {
        let copied = std::fs::read(site.out().join(folder).join("chart.png"))
            .unwrap_or_else(|e| panic!("{folder}/chart.png: {e}"));
        assert_eq!(copied, chart, "{folder}/chart.png");
        assert_eq!(site.read(&format!("{folder}/data/table.csv")), "a,b\n1,2\n");
        // The image in the page resolves to the copied file.
        let html = site.html(&format!("{folder}/index.html"));
        let src = attr_of(&html, ".body img", "src");
        let resolved = match src.strip_prefix('/') {
            Some(rooted) => rooted.to_string(),
            None => format!("{folder}/{src}"),
        };
        assert!(
            site.exists(&resolved),
            "{folder}: <img src={src:?}> resolves to {resolved}, which exists"
        );
    }
    assert!(site.exists("en/issues/2026-02-budget/pie.svg"));
    assert!(
        site.exists("es/issues/presupuesto/pie.svg"),
        "beside the Spanish page, at its own slug"
    );
}
