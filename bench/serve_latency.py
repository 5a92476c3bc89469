#!/usr/bin/env python3
"""Save-to-preview latency of `boletin serve` on a generated archive.

Usage:  python3 bench/serve_latency.py [--size 5000] [--saves 20]
                                       [--work /tmp/boletin-bench] [--no-cargo]

  * generates the corpus of --size issues with bench/gen_corpus.py, or reuses
    WORK/corpus-N (see build.py), and copies its boletin/ tree to
    WORK/serve-scratch-N, so the cached corpus is never modified;
  * starts `boletin serve --root SCRATCH --port 0`, reads the port from the
    `http://127.0.0.1:PORT/` line it prints, waits (at most 60 s) until the
    first full build is done and a page answers, and reports the server's
    own "Built N files in M ms" plus the time from start to first answer;
  * takes the newest issue (the last folder of content/issues, by name) and
    its English address /en/issues/<slug>/ (slug: front matter `slug:` or the
    folder name);
  * one warm-up save (not counted: it also makes sure the file watcher is
    running), then --saves times: writes index.en.md in place with its front
    matter unchanged and its body followed by a new unique token line
    (replacing the previous one), taking the time just before the write, and
    polls that page with urllib, without sleeping, until the body contains
    the token.  Latency = from just before the write to the first response
    that contains the token (at most 5 s per save).  ~300 ms pause between
    saves;
  * prints every latency with the server's "Updated N files in M ms" line(s)
    for that save, then median, min, max; writes the figures to
    WORK/serve-latency-N.json.

The server is always stopped at the end (Ctrl-C, then kill), and the scratch
copy deleted.  Exit status 0 when every save was seen, 1 otherwise.

Python 3.11 standard library only.
"""

import argparse
import json
import os
import queue
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import unicodedata
import urllib.error
import urllib.request
from pathlib import Path

sys.dont_write_bytecode = True  # no bench/__pycache__ left in the clone
sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import (DEFAULT_WORK, BenchError, ensure_binary,  # noqa: E402
                   ensure_corpus, git_state, log)

FIRST_BUILD_TIMEOUT = 60.0
SAVE_TIMEOUT = 5.0
PAUSE = 0.3

URL_LINE = re.compile(r"http://127\.0\.0\.1:(\d+)/")
BUILT_LINE = re.compile(r"Built (\d+) files? in (\d+) ms")
UPDATED_LINE = re.compile(r"Updated (\d+) files? in (\d+) ms")


class Output:
    """Collects a pipe's lines, each with the perf_counter time it arrived."""

    def __init__(self, pipe, name):
        self.lines = []          # (time, text)
        self.new = queue.Queue()
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._read, args=(pipe,),
                                       name=f"read-{name}", daemon=True)
        self.thread.start()

    def _read(self, pipe):
        for raw in iter(pipe.readline, ""):
            item = (time.perf_counter(), raw.rstrip("\n"))
            with self.lock:
                self.lines.append(item)
            self.new.put(item)
        self.new.put(None)  # end of stream

    def since(self, t):
        with self.lock:
            return [text for (at, text) in self.lines if at >= t]

    def all(self):
        with self.lock:
            return [text for (_, text) in self.lines]


def slugify(text):
    """Like boletin's slug::slugify for ASCII keys: lowercase words joined by
    hyphens (the result is checked against the server anyway)."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", t.lower()).strip("-")


def split_front_matter(text):
    """(front matter including both --- lines, body)."""
    if not text.startswith("---"):
        raise BenchError("the issue file has no front matter")
    end = text.find("\n---", 3)
    if end < 0:
        raise BenchError("the issue file's front matter is not closed")
    nl = text.find("\n", end + 4)
    cut = len(text) if nl < 0 else nl + 1
    return text[:cut], text[cut:]


def pick_issue(site):
    issues = site / "content" / "issues"
    for folder in sorted((p for p in issues.iterdir() if p.is_dir()),
                         key=lambda p: p.name, reverse=True):
        en = folder / "index.en.md"
        if en.is_file():
            text = en.read_text(encoding="utf-8")
            front, _ = split_front_matter(text)
            m = re.search(r"^slug:\s*(.+?)\s*$", front, re.M)
            slug = m.group(1).strip("'\"") if m else folder.name
            return folder.name, en, text, slugify(slug), bool(m)
    raise BenchError(f"no issue with an index.en.md under {issues}")


def get(url, timeout=2.0):
    """(status, body text); status None if the connection failed."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, ""
    except (urllib.error.URLError, OSError):
        return None, ""


def wait_for_token(url, token, deadline):
    """Polls url until its body contains token; returns the perf_counter time
    of that response, or None at the deadline. Also the number of requests."""
    polls = 0
    while True:
        now = time.perf_counter()
        if now >= deadline:
            return None, polls
        status, body = get(url, timeout=max(0.05, deadline - now))
        polls += 1
        if status == 200 and token in body:
            return time.perf_counter(), polls


def save(path, text):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def stop(proc):
    """Ctrl-C, then kill; only this process."""
    if proc.poll() is not None:
        return
    try:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)


def run(args):
    binary = ensure_binary(run_cargo=not args.no_cargo)
    corpus, manifest = ensure_corpus(args.work, args.size)
    scratch = Path(args.work) / f"serve-scratch-{args.size}"
    shutil.rmtree(scratch, ignore_errors=True)
    started = time.perf_counter()
    shutil.copytree(corpus / "boletin", scratch)
    log(f"copied {corpus / 'boletin'} to {scratch} in "
        f"{time.perf_counter() - started:.1f} s")

    key, en_file, original, slug, slug_set = pick_issue(scratch)
    front, body = split_front_matter(original)
    log(f"issue: {key} ({'slug from front matter' if slug_set else 'no slug: in front matter, slug = folder name'})")

    result = {"size": args.size, "saves": args.saves, "issue": key,
              "boletin_git": git_state(), "loadavg_start": os.getloadavg()}
    cmd = [str(binary), "serve", "--root", str(scratch), "--port", "0"]
    log("starting: " + " ".join(cmd))
    t_start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, bufsize=1)
    failures = 0
    try:
        out = Output(proc.stdout, "stdout")
        err = Output(proc.stderr, "stderr")

        # ---- first build -------------------------------------------------
        deadline = t_start + FIRST_BUILD_TIMEOUT
        port = built = None
        while port is None or built is None:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise BenchError(
                    f"the server did not start within {FIRST_BUILD_TIMEOUT:.0f} s;"
                    " stdout:\n" + "\n".join(out.all())
                    + "\nstderr:\n" + "\n".join(err.all()))
            try:
                item = out.new.get(timeout=min(left, 0.5))
            except queue.Empty:
                if proc.poll() is not None:
                    time.sleep(0.2)  # let the readers finish
                    raise BenchError(
                        f"boletin serve exited with status {proc.returncode}:\n"
                        + "\n".join(err.all()))
                continue
            if item is None:
                proc.wait(timeout=5)
                time.sleep(0.2)
                raise BenchError(
                    f"boletin serve exited with status {proc.returncode}:\n"
                    + "\n".join(err.all()))
            _, line = item
            if built is None and (m := BUILT_LINE.search(line)):
                built = (int(m.group(1)), int(m.group(2)), line)
            if port is None and (m := URL_LINE.search(line)):
                port = int(m.group(1))
        base = f"http://127.0.0.1:{port}"
        url = f"{base}/en/issues/{slug}/"
        while True:
            status, page = get(url, timeout=5)
            if status == 200:
                break
            if time.perf_counter() >= deadline:
                raise BenchError(f"{url} answers {status} (wrong slug?)")
            time.sleep(0.05)
        t_ready = time.perf_counter()
        log(f"server: {built[2]}  (start to first answer: "
            f"{t_ready - t_start:.2f} s; port {port})")
        log(f"page: {url}")
        result.update(first_build={"files": built[0], "server_ms": built[1],
                                   "start_to_first_answer_s": round(t_ready - t_start, 3)},
                      url=url)
        # while the recursive watch is being set up the first save can be
        # missed, so the warm-up save is repeated until it is seen
        time.sleep(PAUSE)

        def one_save(label, timeout):
            token = f"benchtoken{label}x{secrets.token_hex(6)}"
            text = front + body.rstrip("\n") + f"\n\n{token}\n"
            t0 = time.perf_counter()
            save(en_file, text)
            seen, polls = wait_for_token(url, token, t0 + timeout)
            return t0, seen, polls

        warm_deadline = time.perf_counter() + 15
        while True:
            t0, seen, polls = one_save("warmup", 2.0)
            if seen is not None:
                log(f"warm-up save: {1000 * (seen - t0):.1f} ms (not counted)")
                break
            if time.perf_counter() > warm_deadline:
                raise BenchError("the warm-up save never reached the preview;"
                                 " stderr:\n" + "\n".join(err.all()))
            log("warm-up save not seen within 2 s; saving again")
        time.sleep(PAUSE)

        # ---- measured saves ----------------------------------------------
        saves = []
        for i in range(1, args.saves + 1):
            t0, seen, polls = one_save(f"{i:03d}", SAVE_TIMEOUT)
            time.sleep(PAUSE)  # also lets the server's "Updated" line arrive
            updates = [l for l in out.since(t0) if UPDATED_LINE.search(l)]
            errors = [l for l in err.since(t0) if l.strip()]
            server_ms = [int(UPDATED_LINE.search(l).group(2)) for l in updates]
            if seen is None:
                failures += 1
                log(f"save {i:2d}: not seen within {SAVE_TIMEOUT:.0f} s "
                    f"({polls} requests)  server: {'; '.join(updates) or '-'}")
            else:
                log(f"save {i:2d}: {1000 * (seen - t0):7.1f} ms  "
                    f"({polls:4d} requests)  server: {'; '.join(updates) or '-'}")
            for l in errors[:10]:
                log(f"          server stderr: {l}")
            saves.append({"latency_ms": None if seen is None else round(1000 * (seen - t0), 2),
                          "requests": polls, "server_updates": updates,
                          "server_update_ms": server_ms, "stderr": errors})
        result["save_results"] = saves
    finally:
        stop(proc)
        try:
            save(en_file, original)
        except OSError:
            pass
        shutil.rmtree(scratch, ignore_errors=True)

    lat = [s["latency_ms"] for s in saves if s["latency_ms"] is not None]
    srv = [ms for s in saves for ms in s["server_update_ms"]]
    log()
    log(f"=== save-to-preview latency, {args.size} issues, "
        f"{len(lat)} of {args.saves} saves seen ===")
    if lat:
        log(f"latency ms: median {statistics.median(lat):.1f}, "
            f"min {min(lat):.1f}, max {max(lat):.1f}")
        result["latency_ms"] = {"median": statistics.median(lat),
                                "min": min(lat), "max": max(lat)}
    if srv:
        log(f"server 'Updated' ms: median {statistics.median(srv):.0f}, "
            f"min {min(srv)}, max {max(srv)} ({len(srv)} lines)")
        result["server_update_ms"] = {"median": statistics.median(srv),
                                      "min": min(srv), "max": max(srv)}
    log(f"first full build: {built[2]} (start to first answer "
        f"{result['first_build']['start_to_first_answer_s']:.2f} s)")
    result["loadavg_end"] = os.getloadavg()
    log("load average: start " + " ".join(f"{x:.2f}" for x in result["loadavg_start"])
        + ", end " + " ".join(f"{x:.2f}" for x in result["loadavg_end"]))
    path = Path(args.work) / f"serve-latency-{args.size}.json"
    path.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    log(f"figures written to {path}")
    return 1 if failures else 0


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Measure boletin serve's save-to-preview latency.")
    ap.add_argument("--size", type=int, default=5000,
                    help="issues in the generated archive (default 5000)")
    ap.add_argument("--saves", type=int, default=20,
                    help="measured saves (default 20)")
    ap.add_argument("--work", default=DEFAULT_WORK,
                    help=f"cache and scratch folder (default {DEFAULT_WORK})")
    ap.add_argument("--no-cargo", action="store_true",
                    help="do not run cargo build --release; use the existing binary")
    args = ap.parse_args(argv)
    if args.size < 1 or args.saves < 1:
        ap.error("--size and --saves must be >= 1")
    args.work = os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)
    try:
        return run(args)
    except BenchError as e:
        print(f"error: {e}", file=sys.stderr, flush=True)
        return 1


if __name__ == "__main__":
    sys.exit(main())
