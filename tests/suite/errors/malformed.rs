//! Content files that are not what a writer would save (invalid UTF-8,
//! binary, junk YAML, alias bombs, tabs, NUL bytes): an error, not a panic.

use super::*;

#[test]
fn invalid_utf8_is_an_error_not_a_panic() {
    assert_rejected(b"---\ntitle: Caf\xe9\ndate: 2026-03-01\n---\nBody \xff\xfe.\n");
}

#[test]
fn binary_file_named_like_an_issue_is_an_error_not_a_panic() {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bytes.extend((0..=255u8).cycle().take(4096));
    assert_rejected(&bytes);
}

#[test]
fn front_matter_that_is_a_list_is_an_error_not_a_panic() {
    assert_rejected(b"---\n- title\n- date\n---\nBody.\n");
}

#[test]
fn tags_that_are_a_number_is_an_error_not_a_panic() {
    let run = assert_rejected(b"---\ntitle: T\ndate: 2026-03-01\ntags: 5\n---\nBody.\n");
    assert_stderr_has(&run, "content/issues/bad/index.en.md:4:");
    assert_stderr_snapshot!(run);
}

#[test]
fn title_that_is_a_list_is_an_error_not_a_panic() {
    let run = assert_rejected(b"---\ntitle: [a, b]\ndate: 2026-03-01\n---\nBody.\n");
    assert_stderr_has(&run, "content/issues/bad/index.en.md:2:");
    assert_stderr_snapshot!(run);
}

#[test]
fn date_with_a_time_is_an_error_not_a_panic() {
    let run = assert_rejected(b"---\ntitle: T\ndate: 2026-03-01T10:00\n---\nBody.\n");
    assert_stderr_has(&run, "content/issues/bad/index.en.md:3:");
    assert_stderr_snapshot!(run);
}

#[test]
fn deeply_nested_junk_is_an_error_not_a_panic() {
    let mut text = String::from("---\ntitle: T\ndate: 2026-03-01\nextra: ");
    text.push_str(&"[".repeat(5000));
    text.push_str("\n---\nBody.\n");
    assert_rejected(text.as_bytes());
}

#[test]
fn deeply_nested_maps_are_an_error_not_a_panic() {
    let mut text = String::from("---\ntitle: T\ndate: 2026-03-01\nextra:\n");
    for depth in 1..2000 {
        text.push_str(&" ".repeat(depth));
        text.push_str("k:\n");
    }
    text.push_str("---\nBody.\n");
    assert_rejected(text.as_bytes());
}

#[test]
fn yaml_alias_bomb_is_an_error_not_a_hang() {
    let mut text = String::from(
        "---\ntitle: T\ndate: 2026-03-01\nextra:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 9].join(", ");
        text.push_str(&format!("  a{i}: &a{i} [{refs}]\n"));
    }
    text.push_str("---\nBody.\n");
    assert_rejected(text.as_bytes());
}

#[test]
fn tab_indented_front_matter_line_is_an_error_not_a_panic() {
    assert_rejected(b"---\ntitle: T\n\tdate: 2026-03-01\n---\nBody.\n");
}

#[test]
fn tab_indented_front_matter_line_is_reported_at_its_file_line() {
    let run = assert_rejected(b"---\ntitle: T\n\tdate: 2026-03-01\n---\nBody.\n");
    assert_stderr_has(&run, "content/issues/bad/index.en.md:3:");
    // The file's line is 3; a line number counted from the YAML (2) would
    // send the reader to the wrong line.
    assert!(
        !run.stderr.contains("line 2"),
        "only file line numbers are shown:\n{}",
        run.stderr
    );
    assert_stderr_snapshot!(run);
}

#[test]
fn unclosed_front_matter_is_an_error_not_a_panic() {
    assert_rejected(b"---\ntitle: T\ndate: 2026-03-01\nBody without the closing line.\n");
}

#[test]
fn front_matter_of_only_dashes_is_an_error_not_a_panic() {
    assert_rejected(b"---\n");
}

#[test]
fn nul_bytes_in_front_matter_are_an_error_not_a_panic() {
    assert_rejected(b"---\ntitle: T\0T\ndate: 2026-03-01\n---\nBody.\n");
}
