//! Wrong usage of the command line: exit status 2; `--help`: exit status 0.

use super::*;

#[test]
fn unknown_subcommand_is_wrong_usage() {
    let site = good_site();
    let run = site.run(&["frobnicate"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!site.out().exists());
    assert_stderr_snapshot!(run);
}

#[test]
fn unknown_flag_is_wrong_usage() {
    let site = good_site();
    let run = site.run(&["build", "--frobnicate"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("--frobnicate"),
        "names the flag:\n{}",
        run.stderr
    );
    assert!(!site.out().exists());
    assert_stderr_snapshot!(run);
}

#[test]
fn missing_flag_value_and_no_command_are_wrong_usage() {
    let site = good_site();
    assert_eq!(site.run(&["build", "--output"]).code, 2);
    assert_eq!(site.run(&[]).code, 2);
    assert!(!site.out().exists());
}

#[test]
fn help_exits_zero_and_lists_the_build_options() {
    let site = Fixture::empty();
    let top = site.run(&["--help"]);
    assert_eq!(top.code, 0, "{}", top.stderr);
    assert!(
        top.stdout.contains("build"),
        "top-level help lists the build command:\n{}",
        top.stdout
    );
    let build = site.run(&["build", "--help"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    for flag in ["--output", "--drafts", "--base-url", "--root"] {
        assert!(
            build.stdout.contains(flag),
            "`boletin build --help` mentions {flag}:\n{}",
            build.stdout
        );
    }
    assert_stderr_snapshot!(top);
    assert_stderr_snapshot!(build);
}
