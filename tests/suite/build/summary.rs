//! What `build` prints: one summary line, no progress bar off a terminal,
//! nothing with `--quiet`, and the stage timings when asked.

use crate::common::*;

fn site() -> Fixture {
    let fixture = Fixture::new();
    fixture.issue("a", "en", "A", "2026-01-01", "", "Text.\n");
    fixture.issue("a", "es", "A es", "2026-01-01", "", "Texto.\n");
    fixture.issue("b", "en", "B", "2026-02-01", "", "Text.\n");
    fixture
}

#[test]
fn a_build_ends_with_one_summary_line_and_no_progress_bar_off_a_terminal() {
    let fixture = site();
    let run = fixture.build(&[]);
    run.assert_ok();
    assert_eq!(
        run.stderr, "",
        "nothing but warnings and errors on stderr, and no bar when it is not a terminal"
    );
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    let line = lines[0];
    assert!(line.starts_with("Built "), "{line}");
    let pages: usize = line["Built ".len()..]
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let html_files = snapshot(&fixture.out())
        .iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"))
        .count();
    // The root chooser and 404 page are counted apart from the languages.
    assert_eq!(pages + 2, html_files, "{line}");
    assert!(
        line.contains("(en ") && line.contains(", es "),
        "pages per language: {line}"
    );
    assert!(line.ends_with(" s."), "the time: {line}");
}

#[test]
fn quiet_prints_nothing_and_warnings_are_counted() {
    let fixture = site();
    fixture.issue(
        "c",
        "en",
        "C",
        "2026-03-01",
        "",
        "![A chart](https://cdn.example.com/x.png)\n",
    );
    let quiet = fixture.build(&["--quiet"]);
    quiet.assert_ok();
    assert_eq!(quiet.stdout, "");
    let loud = fixture.build(&[]);
    assert!(
        loud.stdout.trim_end().ends_with("1 warning."),
        "{}",
        loud.stdout
    );
    assert!(loud.stderr.contains("cdn.example.com"), "{}", loud.stderr);
}

#[test]
fn timings_name_every_stage() {
    let fixture = site();
    let run = fixture.build(&["--quiet", "--timings"]);
    run.assert_ok();
    let line = run
        .stderr
        .lines()
        .find(|l| l.starts_with("timings:"))
        .unwrap_or_else(|| panic!("{}", run.stderr));
    for stage in ["load", "parse", "render", "write"] {
        assert!(line.contains(&format!("{stage} ")), "{line}");
    }
}
