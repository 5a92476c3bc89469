//! The same input gives byte-identical output, and files saved with a BOM
//! or CRLF line endings build with the right titles.

use super::*;

#[test]
fn the_same_input_gives_byte_identical_output() {
    let site = Fixture::new();
    let tags = [
        "Housing",
        "Educación cívica",
        "educacion civica",
        "Health & Safety",
        "Zoning",
        "Água",
    ];
    for (n, day) in ["01", "05", "09", "13", "17", "21", "25"]
        .iter()
        .enumerate()
    {
        let key = format!("2026-02-{day}-issue");
        let en_tags = format!(
            "tags: [\"{}\", \"{}\"]\nauthors: [Ana, Bo]\nissue: {}\n",
            tags[n % 6],
            tags[(n + 2) % 6],
            n + 1
        );
        site.issue(
            &key,
            "en",
            &format!("Issue {n} & more"),
            &format!("2026-02-{day}"),
            &en_tags,
            &format!("Body {n} with *emphasis* and [a link](/en/).\n"),
        );
        if n % 3 != 0 {
            site.issue(
                &key,
                "es",
                &format!("Número {n}"),
                &format!("2026-02-{day}"),
                "tags: [Vivienda, \"Educación cívica\"]\n",
                &format!("Cuerpo {n}.\n"),
            );
        }
    }
    // Two issues on the same day, to exercise the tie-break.
    site.issue("same-day-b", "en", "Same day B", "2026-03-01", "", "B.\n");
    site.issue("same-day-a", "en", "Same day A", "2026-03-01", "", "A.\n");
    site.issue(
        "2026-03-cover",
        "en",
        "With a cover",
        "2026-03-02",
        "cover: cover.png\ncover_alt: People marching\n",
        "![chart](chart.png)\n",
    );
    site.write_bytes(
        "content/issues/2026-03-cover/cover.png",
        &[0x89, b'P', b'N', b'G', 0, 1, 2, 3, 255],
    );
    site.write_bytes(
        "content/issues/2026-03-cover/chart.png",
        &[0x89, b'P', b'N', b'G', 9, 9, 9],
    );
    site.write("content/pages/about.en.md", "---\ntitle: About\n---\nUs.\n");
    site.write(
        "content/pages/about.es.md",
        "---\ntitle: Acerca\n---\nNosotros.\n",
    );
    site.write("static/extra/robots-note.txt", "static file\n");

    let outputs = tempfile::tempdir().expect("temporary folder");
    let first = outputs.path().join("first");
    let second = outputs.path().join("second");
    site.build(&["--output", first.to_str().expect("utf-8 path")])
        .assert_ok();
    site.build(&["--output", second.to_str().expect("utf-8 path")])
        .assert_ok();
    let a = snapshot(&first);
    let b = snapshot(&second);
    assert!(a.len() > 30, "a real site was built ({} files)", a.len());
    let paths_a: Vec<&PathBuf> = a.iter().map(|(p, _)| p).collect();
    let paths_b: Vec<&PathBuf> = b.iter().map(|(p, _)| p).collect();
    assert_eq!(paths_a, paths_b, "the same files");
    for ((path, bytes_a), (_, bytes_b)) in a.iter().zip(&b) {
        assert!(
            bytes_a == bytes_b,
            "{} differs between two builds",
            path.display()
        );
    }
    // And again into the default folder, a third process.
    site.build(&[]).assert_ok();
    assert!(snapshot(&site.out()) == a, "a third build differs");
}

#[test]
fn bom_and_crlf_files_build_with_the_right_titles() {
    let site = Fixture::empty();
    site.write(
        "boletin.yaml",
        &format!("\u{feff}{}", CONFIG.replace('\n', "\r\n")),
    );
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    for lang in ["en", "es"] {
        let text =
            std::fs::read_to_string(source.join(lang).join("main.ftl")).expect("repository locale");
        site.write(
            &format!("locales/{lang}/main.ftl"),
            &format!("\u{feff}{}", text.replace('\n', "\r\n")),
        );
    }
    site.write(
        "content/issues/2026-03-cafe/index.en.md",
        "\u{feff}---\r\ntitle: Café con leche\r\ndate: 2026-03-01\r\ntags: [Food]\r\n---\r\nFirst line\r\nsecond line.\r\n",
    );
    site.write(
        "content/issues/2026-03-cafe/index.es.md",
        "\u{feff}---\r\ntitle: Café con leche en español\r\ndate: 2026-03-01\r\n---\r\nTexto.\r\n",
    );
    site.write(
        "content/pages/about.en.md",
        "\u{feff}---\r\ntitle: About us\r\n---\r\nWho.\r\n",
    );
    site.build(&[]).assert_ok();

    let en = site.html("en/issues/2026-03-cafe/index.html");
    assert_eq!(text_of(&en, "h1"), "Café con leche");
    assert!(
        text_of(&en, "title").starts_with("Café con leche"),
        "{}",
        text_of(&en, "title")
    );
    let es = site.html("es/issues/2026-03-cafe/index.html");
    assert_eq!(text_of(&es, "h1"), "Café con leche en español");
    let about = site.html("en/about/index.html");
    assert_eq!(text_of(&about, "h1"), "About us");
    assert!(
        text_of(&en, "title").ends_with("Test News"),
        "site title read from a BOM+CRLF boletin.yaml"
    );

    let raw = site.read("en/issues/2026-03-cafe/index.html");
    assert!(
        !raw.contains('\u{feff}'),
        "no byte-order mark in the output"
    );
    assert!(!raw.contains('\r'), "no carriage return in the output");
    let atom = site.read("en/atom.xml");
    let doc = roxmltree::Document::parse(&atom).expect("well-formed feed");
    let title = doc
        .descendants()
        .find(|n| n.has_tag_name(("http://www.w3.org/2005/Atom", "entry")))
        .and_then(|e| {
            e.children()
                .find(|c| c.has_tag_name(("http://www.w3.org/2005/Atom", "title")))
        })
        .and_then(|t| t.text())
        .expect("entry title");
    assert_eq!(title, "Café con leche");
    // Interface strings from a BOM+CRLF locale file are used as they are.
    let nav: Vec<String> = select(&es, "nav a")
        .iter()
        .map(|a| a.text().collect::<String>())
        .collect();
    assert!(
        nav.iter()
            .all(|t| !t.contains('\u{feff}') && !t.contains('\r')),
        "{nav:?}"
    );
}
