#!/usr/bin/env python3
"""Build-time benchmark: boletin against Hugo on the same generated archive.

Usage:  python3 bench/build.py [--sizes 1000,5000] [--runs 5]
                               [--work /tmp/boletin-bench] [--no-hugo]
                               [--no-cargo] [--out-dir DIR]
                               [--profile dist|release]
                               [--baseline OLD_BINARY]

For each size N:
  * generates the corpus with bench/gen_corpus.py (once: it is cached in
    WORK/corpus-N and reused whenever WORK/corpus-N/manifest.json exists),
    copying this repository's locales/ into its boletin/ tree;
  * builds WORK/corpus-N/boletin with target/PROFILE/boletin (`dist`, the
    optimisation shipped binaries get, unless --profile says otherwise)
    (`boletin build --root DIR --output OUT --quiet [--timings]`) and, when
    `hugo` is on PATH and --no-hugo is not given, WORK/corpus-N/hugo with
    `hugo -s DIR -d OUT --quiet`, alternating boletin, hugo, boletin, hugo...
    --runs times each.  OUT is WORK/out-N/<tool> (--out-dir DIR: DIR/out-N/,
    e.g. a tmpfs to leave a slow disk out of the comparison).  Every run
    writes into a fresh output folder (the old one is deleted first and the
    disks are flushed with sync(), both outside the timing) and is measured
    with GNU `/usr/bin/time -f "%e %M"` (wall seconds, peak RSS in KiB);
  * prints the median wall time and median peak memory of each tool, the
    number of *.html files of the last run, boletin's time per page, the
    boletin/Hugo ratios and boletin's median phase breakdown (from the
    `timings:` line `--timings` prints on stderr; skipped, with a note, if
    the binary has no such flag).
With --baseline OLD_BINARY, an older boletin (for example one built from an
earlier commit in a worktree) is built in the same alternation, and the
ratio new/old is printed: the way to measure what a change costs.
Then a summary table over all sizes and the growth of boletin's time per page
from the smallest to the largest size.  All figures (and every single run)
are also written to WORK/results.json.

Before measuring, `cargo build --profile PROFILE` runs in the repository
(a no-op when the binary is up to date); --no-cargo skips it and uses the
existing binary as it is.

The machine this runs on may be shared and noisy: compare the ratios taken
within one run of this script rather than absolute times across runs.

Exit status: 0 all builds succeeded, 1 a build (or the corpus generation, or
cargo) failed -- its stderr is printed -- 2 bad arguments.

Python 3.11 standard library only.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
GEN_CORPUS = BENCH_DIR / "gen_corpus.py"
LOCALES = REPO / "locales"
def binary_of(profile):
    """Where cargo puts the binary of `profile`."""
    return REPO / "target" / profile / "boletin"
GNU_TIME = "/usr/bin/time"
DEFAULT_WORK = "/tmp/boletin-bench"


class BenchError(Exception):
    """A step failed; the message says which and carries its output."""


def log(msg=""):
    print(msg, flush=True)


# --------------------------------------------------------------------------
# Shared helpers (serve_latency.py imports these too)
# --------------------------------------------------------------------------

def ensure_corpus(work, n):
    """WORK/corpus-N, generated now unless its manifest.json already exists.
    Returns (folder, manifest dict)."""
    folder = Path(work) / f"corpus-{n}"
    manifest = folder / "manifest.json"
    if manifest.exists():
        log(f"corpus of {n} issues: reusing {folder}")
    else:
        if not LOCALES.is_dir():
            raise BenchError(f"no locales/ folder at {LOCALES}")
        log(f"corpus of {n} issues: generating into {folder} ...")
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, str(GEN_CORPUS), str(n), str(folder),
             "--locales-from", str(LOCALES)],
            capture_output=True, text=True)
        if proc.returncode != 0 or not manifest.exists():
            raise BenchError(
                f"gen_corpus.py {n} failed (exit {proc.returncode}):\n"
                f"{proc.stderr}{proc.stdout}")
        log(f"  generated in {time.perf_counter() - started:.1f} s")
    with open(manifest, encoding="utf-8") as f:
        return folder, json.load(f)


def ensure_binary(run_cargo=True, profile="dist"):
    """Path of the `profile` binary, after `cargo build --profile PROFILE`
    unless run_cargo is False."""
    BINARY = binary_of(profile)
    if run_cargo:
        cargo = shutil.which("cargo")
        if cargo is None:
            if not BINARY.exists():
                raise BenchError("cargo is not on PATH and there is no "
                                 f"{BINARY}")
            log("cargo not on PATH: using the existing binary")
        else:
            log(f"cargo build --profile {profile} ...")
            started = time.perf_counter()
            proc = subprocess.run([cargo, "build", "--profile", profile], cwd=REPO,
                                  capture_output=True, text=True)
            if proc.returncode != 0:
                raise BenchError("cargo build failed "
                                 f"(exit {proc.returncode}):\n{proc.stderr}")
            log(f"  done in {time.perf_counter() - started:.1f} s")
    if not BINARY.exists():
        raise BenchError(f"no binary at {BINARY} (run cargo build --profile {profile})")
    return BINARY


def git_state():
    """Commit of the repository and whether the code differs from it."""
    def git(*args):
        try:
            p = subprocess.run(["git", "-C", str(REPO), *args],
                               capture_output=True, text=True, timeout=20)
            return p.stdout.strip() if p.returncode == 0 else None
        except (OSError, subprocess.SubprocessError):
            return None
    commit = git("rev-parse", "--short", "HEAD")
    changes = git("status", "--porcelain", "--untracked-files=no", "--",
                  "src", "Cargo.toml", "Cargo.lock", "themes", "locales")
    return {"commit": commit, "code_modified": bool(changes) if changes is not None else None}


def mib(kib):
    return kib / 1024.0


# --------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------

def timed(cmd):
    """Runs cmd under GNU time. Returns a dict with wall (s, from %e),
    rss_kib (%M), py_wall (s, perf_counter around the whole thing), rc,
    stdout, stderr."""
    fd, time_out = tempfile.mkstemp(prefix="bench-time-")
    os.close(fd)
    try:
        started = time.perf_counter()
        proc = subprocess.run([GNU_TIME, "-f", "%e %M", "-o", time_out,
                               *map(str, cmd)],
                              capture_output=True, text=True)
        py_wall = time.perf_counter() - started
        with open(time_out, encoding="utf-8") as f:
            lines = [l for l in f.read().splitlines() if l.strip()]
    finally:
        os.unlink(time_out)
    wall = rss = None
    if lines:
        # a failed command adds "Command exited with non-zero status N" first
        m = re.fullmatch(r"\s*([\d.]+)\s+(\d+)\s*", lines[-1])
        if m:
            wall, rss = float(m.group(1)), int(m.group(2))
    return {"wall": wall, "rss_kib": rss, "py_wall": round(py_wall, 4),
            "rc": proc.returncode, "stdout": proc.stdout,
            "stderr": proc.stderr}


TIMINGS_LINE = re.compile(r"^timings:\s*(.*)$", re.M)
TIMINGS_ITEM = re.compile(r"([A-Za-z_][\w-]*)\s+([\d.]+)\s*s\b")


def parse_timings(stderr):
    """{'load': 0.123, ...} from the `timings:` line, or None."""
    m = TIMINGS_LINE.search(stderr)
    if not m:
        return None
    items = TIMINGS_ITEM.findall(m.group(1))
    return {k: float(v) for k, v in items} or None


def count_html(folder):
    n = 0
    for _, _, files in os.walk(folder):
        n += sum(1 for f in files if f.endswith(".html"))
    return n


def fresh(folder):
    """Deletes folder, then flushes the file systems, so that the deletion
    (and the previous run's pending writes) are not charged to the next
    run's timing."""
    shutil.rmtree(folder, ignore_errors=True)
    if os.path.exists(folder):
        raise BenchError(f"cannot delete {folder}")
    os.sync()


def build_failed(tool, n, run_no, cmd, r):
    return BenchError(
        f"{tool} build failed at {n} issues, run {run_no} "
        f"(exit {r['rc']}): {' '.join(map(str, cmd))}\n"
        f"--- stderr ---\n{r['stderr']}"
        + (f"--- stdout ---\n{r['stdout'][-4000:]}" if r["stdout"].strip() else ""))


def bench_size(n, args, binary, use_timings, hugo):
    corpus, manifest = ensure_corpus(args.work, n)
    out_root = Path(args.out_dir or args.work) / f"out-{n}"
    out_root.mkdir(parents=True, exist_ok=True)
    b_out, h_out = out_root / "boletin", out_root / "hugo"
    b_cmd = [binary, "build", "--root", corpus / "boletin", "--output", b_out,
             "--quiet"] + (["--timings"] if use_timings else [])
    h_cmd = [hugo, "-s", corpus / "hugo", "-d", h_out, "--quiet"] if hugo else None

    tools = [("boletin", b_cmd, b_out)]
    if args.baseline:
        tools.append(("baseline", [args.baseline, "build", "--root", corpus / "boletin",
                                   "--output", out_root / "baseline", "--quiet"],
                      out_root / "baseline"))
    if h_cmd:
        tools.append(("hugo", h_cmd, h_out))
    runs = {name: [] for name, _, _ in tools}
    log(f"building {n} issues: {args.runs} runs each, alternating "
        + ", ".join(name for name, _, _ in tools))
    for i in range(1, args.runs + 1):
        for name, cmd, out in tools:
            fresh(out)
            r = timed(cmd)
            if r["rc"] != 0 or r["wall"] is None:
                raise build_failed(name, n, i, cmd, r)
            rec = {"wall": r["wall"], "rss_kib": r["rss_kib"],
                   "py_wall": r["py_wall"]}
            if name == "boletin":
                rec["phases"] = parse_timings(r["stderr"])
                # anything else boletin said in --quiet mode (warnings)
                rest = TIMINGS_LINE.sub("", r["stderr"]).strip()
                if rest and i == 1:
                    log(f"  boletin stderr (run 1): {rest[:500]}")
            runs[name].append(rec)
            log(f"  run {i}/{args.runs} {name:<7} {r['wall']:6.2f} s "
                f"{mib(r['rss_kib']):8.1f} MiB")

    result = {"issues": n,
              "files": manifest.get("files"),
              "manifest": manifest,
              "runs": runs}
    for name, _, out in tools:
        rs = runs[name]
        result[name] = {
            "median_wall_s": statistics.median(r["wall"] for r in rs),
            "median_rss_kib": statistics.median(r["rss_kib"] for r in rs),
            "min_wall_s": min(r["wall"] for r in rs),
            "max_wall_s": max(r["wall"] for r in rs),
            "pages": count_html(out),
        }
    b = result["boletin"]
    b["ms_per_page"] = (1000.0 * b["median_wall_s"] / b["pages"]
                        if b["pages"] else None)
    if "baseline" in result:
        old = result["baseline"]
        result["ratio_to_baseline_time"] = b["median_wall_s"] / old["median_wall_s"]
        result["ratio_to_baseline_memory"] = b["median_rss_kib"] / old["median_rss_kib"]
    phase_runs = [r["phases"] for r in runs["boletin"] if r.get("phases")]
    if phase_runs:
        keys = list(phase_runs[0])
        b["median_phases_s"] = {
            k: statistics.median(p[k] for p in phase_runs if k in p)
            for k in keys}
    else:
        b["median_phases_s"] = None
    if "hugo" in result:
        h = result["hugo"]
        h["ms_per_page"] = (1000.0 * h["median_wall_s"] / h["pages"]
                            if h["pages"] else None)
        result["ratio_time"] = (b["median_wall_s"] / h["median_wall_s"]
                                if h["median_wall_s"] else None)
        result["ratio_memory"] = b["median_rss_kib"] / h["median_rss_kib"]
    else:
        result["ratio_time"] = result["ratio_memory"] = None
    return result


# --------------------------------------------------------------------------
# Printing
# --------------------------------------------------------------------------

def table(header, rows, right=None):
    """A plain-text table; columns in `right` (indexes) are right-aligned."""
    right = set(range(1, len(header))) if right is None else set(right)
    cells = [header] + [[("-" if c is None else str(c)) for c in row]
                        for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]

    def fmt(row):
        return "  ".join(c.rjust(w) if i in right else c.ljust(w)
                         for i, (c, w) in enumerate(zip(row, widths))).rstrip()
    lines = [fmt(cells[0]), "  ".join("-" * w for w in widths)]
    lines += [fmt(r) for r in cells[1:]]
    return "\n".join(lines)


def f2(x, spec=".2f"):
    return None if x is None else format(x, spec)


def ratio(x):
    return None if x is None else f"{x:.2f}x"


def print_size(res):
    n = res["issues"]
    files = res.get("files") or {}
    log()
    log(f"=== {n} issues ({files.get('en', '?')} English + "
        f"{files.get('es', '?')} Spanish files), median of "
        f"{len(res['runs']['boletin'])} runs ===")
    rows = []
    for name in ("boletin", "baseline", "hugo"):
        if name not in res:
            continue
        t = res[name]
        rows.append([name, f2(t["median_wall_s"]),
                     f"{t['min_wall_s']:.2f}-{t['max_wall_s']:.2f}",
                     f2(mib(t["median_rss_kib"]), ".1f"), t["pages"],
                     f2(t.get("ms_per_page"), ".3f")])
    log(table(["tool", "wall s", "range s", "peak MiB", "pages (.html)",
               "ms/page"], rows))
    if res["ratio_time"] is not None:
        log(f"boletin/Hugo: time {ratio(res['ratio_time'])}, "
            f"memory {ratio(res['ratio_memory'])}")
        if "baseline" in res:
            log(f"baseline/Hugo: time "
                f"{ratio(res['baseline']['median_wall_s'] / res['hugo']['median_wall_s'])}, memory "
                f"{ratio(res['baseline']['median_rss_kib'] / res['hugo']['median_rss_kib'])}")
    if "baseline" in res:
        log(f"boletin/baseline: time {ratio(res['ratio_to_baseline_time'])}, "
            f"memory {ratio(res['ratio_to_baseline_memory'])}")
    phases = res["boletin"]["median_phases_s"]
    if phases:
        total = sum(phases.values())
        log("boletin phases (median s): " + ", ".join(
            f"{k} {v:.3f}" for k, v in phases.items())
            + f"  (sum of medians {total:.3f}; median wall {res['boletin']['median_wall_s']:.2f})")
    else:
        log("boletin phases: n/a (no `timings:` line; binary without --timings?)")


def print_summary(results, have_hugo):
    log()
    log("=== summary ===")
    header = ["issues", "boletin s", "boletin MiB", "boletin pages",
              "boletin ms/page"]
    if have_hugo:
        header += ["hugo s", "hugo MiB", "hugo pages", "time b/h", "mem b/h"]
    rows = []
    for r in results:
        b = r["boletin"]
        row = [r["issues"], f2(b["median_wall_s"]),
               f2(mib(b["median_rss_kib"]), ".1f"), b["pages"],
               f2(b["ms_per_page"], ".3f")]
        if have_hugo:
            h = r["hugo"]
            row += [f2(h["median_wall_s"]), f2(mib(h["median_rss_kib"]), ".1f"),
                    h["pages"], ratio(r["ratio_time"]),
                    ratio(r["ratio_memory"])]
        rows.append(row)
    log(table(header, rows))
    small = min(results, key=lambda r: r["issues"])
    large = max(results, key=lambda r: r["issues"])
    growth = None
    if small is not large and small["boletin"]["ms_per_page"] and large["boletin"]["ms_per_page"]:
        a, b = small["boletin"]["ms_per_page"], large["boletin"]["ms_per_page"]
        growth = 100.0 * (b / a - 1.0)
        log(f"boletin time per page: {a:.3f} ms at {small['issues']} issues -> "
            f"{b:.3f} ms at {large['issues']} issues: {growth:+.1f}%")
    else:
        log("boletin time per page growth: n/a (needs two sizes)")
    return growth


# --------------------------------------------------------------------------

def parse_sizes(text):
    try:
        sizes = [int(s) for s in text.split(",") if s.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of integers: {text!r}")
    if not sizes or any(s < 1 for s in sizes):
        raise argparse.ArgumentTypeError("sizes must be positive integers")
    return sizes


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Benchmark boletin build against Hugo on generated archives.")
    ap.add_argument("--sizes", type=parse_sizes, default=[1000, 5000],
                    help="comma-separated issue counts (default 1000,5000)")
    ap.add_argument("--runs", type=int, default=5,
                    help="runs per tool and size (default 5)")
    ap.add_argument("--work", default=DEFAULT_WORK,
                    help=f"cache and scratch folder (default {DEFAULT_WORK})")
    ap.add_argument("--out-dir", metavar="DIR",
                    help="where the builds write (DIR/out-N/{boletin,hugo}; "
                         "default: --work), e.g. a tmpfs to leave the disk out")
    ap.add_argument("--no-hugo", action="store_true", help="boletin only")
    ap.add_argument("--baseline", metavar="OLD_BINARY",
                    help="also build with this older boletin, alternating, and print new/old")
    ap.add_argument("--profile", default="dist",
                    help="the cargo profile to measure: dist (shipped binaries, "
                         "default) or release (what `cargo run --release` builds)")
    ap.add_argument("--no-cargo", action="store_true",
                    help="do not run cargo build; use the existing binary")
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be >= 1")
    args.work = os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)
    if args.out_dir:
        args.out_dir = os.path.abspath(args.out_dir)
        os.makedirs(args.out_dir, exist_ok=True)
    if not os.access(GNU_TIME, os.X_OK):
        log(f"error: {GNU_TIME} (GNU time) is required: apt-get install time")
        return 1

    try:
        binary = ensure_binary(run_cargo=not args.no_cargo, profile=args.profile)
        help_text = subprocess.run([binary, "build", "--help"],
                                   capture_output=True, text=True).stdout
        use_timings = "--timings" in help_text
        if not use_timings:
            log("note: this boletin has no --timings flag; no phase breakdown")
        hugo = None if args.no_hugo else shutil.which("hugo")
        hugo_version = None
        if hugo:
            hugo_version = subprocess.run([hugo, "version"], capture_output=True,
                                          text=True).stdout.strip()
        elif not args.no_hugo:
            log("note: hugo is not on PATH; measuring boletin only")
        meta = {
            "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "host": platform.node(), "cpus": os.cpu_count(),
            "loadavg_start": os.getloadavg(),
            "python": platform.python_version(),
            "boletin_binary": str(binary), "boletin_git": git_state(),
            "boletin_timings_flag": use_timings,
            "hugo": hugo_version, "runs": args.runs, "sizes": args.sizes,
            "output_folder": args.out_dir or args.work,
        }
        log(f"boletin {binary} (git {meta['boletin_git']['commit']}"
            f"{', modified' if meta['boletin_git']['code_modified'] else ''})"
            + (f"; {hugo_version}" if hugo_version else "")
            + f"; {os.cpu_count()} CPUs, load average "
            + " ".join(f"{x:.2f}" for x in meta["loadavg_start"]))

        results = []
        for n in args.sizes:
            res = bench_size(n, args, binary, use_timings, hugo)
            results.append(res)
            print_size(res)
        growth = print_summary(results, have_hugo=bool(hugo))
    except BenchError as e:
        print(f"error: {e}", file=sys.stderr, flush=True)
        return 1

    meta["loadavg_end"] = os.getloadavg()
    out = {"meta": meta, "sizes": results,
           "boletin_ms_per_page_growth_percent": growth}
    path = os.path.join(args.work, "results.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
    log(f"load average at the end: "
        + " ".join(f"{x:.2f}" for x in meta["loadavg_end"]))
    log(f"figures written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
