#!/usr/bin/env python3
"""Feed links: build time of one issue with many links (issue 10, item 12).

Usage:  python3 bench/feed_links.py [--links 5000,10000,20000,40000]
                                    [--runs 3] [--baseline OLD_BINARY]
                                    [--binary target/release/boletin]

Every link of an issue in a feed is made absolute. That step was
quadratic in the links of one issue (5,000 links 0.43 s, 20,000 8 s); it
should now grow with the number of links. For each count N this writes a
one-issue site whose body has N relative links (half root-relative, half
beside the page), builds it --runs times with each binary, alternating,
and prints the median wall time and the time per 1,000 links, so that
linear growth shows as a flat last column.

Python 3.11 standard library only; the binary must exist (cargo build
--release).
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CONFIG = """base_url: https://news.example.org/
default_language: en
languages:
  en:
    title: Links
    description: Many links.
"""


def write_site(root, links):
    (root / "content/issues/many").mkdir(parents=True)
    (root / "locales/en").mkdir(parents=True)
    (root / "boletin.yaml").write_text(CONFIG)
    (root / "locales/en/main.ftl").write_text(
        (REPO / "locales/en/main.ftl").read_text(encoding="utf-8"), encoding="utf-8")
    lines = ["---", "title: Many links", "date: 2026-03-01", "---", ""]
    for i in range(links):
        target = f"/en/tags/t{i}/" if i % 2 else f"file{i}.pdf"
        lines.append(f"Paragraph {i} with [a link]({target}) in it.\n")
    (root / "content/issues/many/index.en.md").write_text("\n".join(lines), encoding="utf-8")


def build(binary, root, out):
    start = time.perf_counter()
    r = subprocess.run([binary, "build", "--root", root, "--output", out, "--quiet"],
                       capture_output=True, text=True)
    wall = time.perf_counter() - start
    if r.returncode != 0:
        sys.exit(f"{binary} failed:\n{r.stderr}")
    return wall


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--links", default="5000,10000,20000,40000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--binary", default=str(REPO / "target/release/boletin"))
    ap.add_argument("--baseline", help="an older boletin to compare with")
    args = ap.parse_args()
    binaries = [("boletin", args.binary)] + ([("baseline", args.baseline)] if args.baseline else [])
    print(f"{'links':>7} {'tool':<9} {'median s':>9} {'s per 1,000 links':>18}")
    for links in [int(n) for n in args.links.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "site"
            write_site(root, links)
            walls = {name: [] for name, _ in binaries}
            for run in range(args.runs):
                for name, binary in binaries:
                    walls[name].append(build(binary, root, Path(tmp) / f"out-{name}-{run}"))
            for name, _ in binaries:
                median = statistics.median(walls[name])
                print(f"{links:>7} {name:<9} {median:>9.3f} {1000 * median / links:>18.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
