"""``make bench``: generate + site build + browser search on synthetic corpora.

For each size: a fresh project folder in a temporary directory (the repo's
``mkdocs.yml`` and hand-written ``docs/`` pages), a synthetic corpus in its
``seeds/``, then, each in a fresh process with its wall time and peak memory:

1. ``python -m generator generate --seeds seeds --docs docs``;
2. the site build (``generator.site.build_site``: ``mkdocs build --strict`` then Pagefind) into ``site/``;
3. a rerun of ``generate`` with nothing changed, and one after adding one
   article (files under ``docs/`` rewritten are counted from content hashes
   and modification times taken before and after);
4. headless Chromium (Playwright) opening the home page from a local server
   and typing a query into the search box: bytes downloaded and time until the
   first result is visible.

Writes ``report.md`` and ``report.json`` into ``--out`` and prints the
Markdown. Targets are reported as met / not met; nothing here fails on speed.

    python -m bench.run                   # 1,000, 5,000 and 10,000 articles
    python -m bench.run --sizes 200       # quick smoke run
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gzip
import hashlib
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from .corpus import write_corpus, write_extra_article

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TIME_BIN = Path("/usr/bin/time")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SEARCH_UIS = (  # (input, first result): tried in order after the ones given on the command line
    ("input.md-search__input", ".md-search-result__item"),
    (".pagefind-ui__search-input", ".pagefind-ui__result"),
)
GIB = 1024 ** 3

TARGETS = {
    "generate_5000_s": "generate 5,000 articles in <= 10 s",
    "generate_10000_scaling": "generate 10,000 in <= 2.2 x the 5,000 time",
    "peak_memory_10000": "peak memory of generate <= 1.5 GB at 10,000",
    "generate_vs_build": "generate <= 1/3 of the site build time (every size)",
    "rerun_5000_s": "add one article to 5,000 and rerun generate in <= 2 s",
    "rerun_5000_only_changed": "the rerun rewrites only pages whose content changes",
    "search_10000": "search at 10,000: first result within 1 s of typing (in the page), <= 3 MB downloaded",
}


# ---------------------------------------------------------------------------
# Measuring one command
# ---------------------------------------------------------------------------


@dataclass
class Measure:
    """One timed subprocess."""

    command: str
    wall_s: float | None = None
    peak_rss_mb: float | None = None
    """Largest single process (``/usr/bin/time -v``: worker processes are not summed)."""
    tree_peak_mb: float | None = None
    """Largest sum of RSS over the process and all its children, sampled every 0.2 s from /proc."""
    cpu_user_s: float | None = None
    cpu_system_s: float | None = None
    """CPU time of the process and the workers it waited for: user (our code) and system (the
    kernel: on this machine mostly creating files, whose cost varies from run to run)."""
    returncode: int | None = None
    timed_out: bool = False
    output_tail: str = ""

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.timed_out


def run_measured(args: list[str], cwd: Path, timeout: float, env: dict[str, str] | None = None) -> Measure:
    """Run ``args`` in a fresh process; wall time from here, peak RSS from ``/usr/bin/time -v``."""
    m = Measure(" ".join(args))
    full_env = {**os.environ, **(env or {})}
    use_time = TIME_BIN.exists()
    cmd = [str(TIME_BIN), "-v", *args] if use_time else [PYTHON, "-c", _RUSAGE_WRAPPER, *args]
    # The writer syncs the disk before it renames its files into place; without this, it would
    # also wait for whatever the step before left unwritten (a site build, a new corpus).
    os.sync()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    sampler = TreeSampler(proc.pid)
    sampler.start()
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)  # the whole group this call started, nothing else
        out, err = proc.communicate()
        m.timed_out = True
    m.wall_s = time.perf_counter() - t0
    sampler.stop()
    m.tree_peak_mb = round(sampler.peak_kb / 1024, 1) if sampler.peak_kb else None
    m.returncode = proc.returncode
    if m.timed_out:
        m.output_tail = (out + err)[-2000:]
        return m
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err) if use_time else re.search(
        r"__PEAK_RSS_KB__ (\d+)", err)
    if rss:
        m.peak_rss_mb = int(rss.group(1)) / 1024
    user = re.search(r"User time \(seconds\): ([\d.]+)" if use_time else r"__CPU_S__ ([\d.]+)", err)
    system = re.search(r"System time \(seconds\): ([\d.]+)" if use_time else r"__CPU_S__ [\d.]+ ([\d.]+)", err)
    if user and system:
        m.cpu_user_s, m.cpu_system_s = float(user.group(1)), float(system.group(1))
    # drop the /usr/bin/time block from what we keep of the output
    err = err.split("\tCommand being timed:")[0] if use_time else re.sub(r"__(PEAK_RSS_KB|CPU_S)__ [\d. ]+\n?", "", err)
    if use_time and proc.returncode != 0:
        err = re.sub(r"Command exited with non-zero status \d+\n?", "", err)
    m.output_tail = (out[-1500:] + ("\n" if out and err else "") + err[-1500:]).strip()
    return m


class TreeSampler(threading.Thread):
    """Samples the memory of a process and its descendants from /proc (Linux only): the sum of
    their PSS (proportional set size), so memory a forked worker shares copy-on-write with its
    parent is counted once, not once per process as summed RSS would; RSS where PSS is unknown."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.every, self.peak_kb = pid, every, 0
        self._stop_event = threading.Event()

    def stop(self) -> None:
        self._stop_event.set()
        self.join(2)

    def run(self) -> None:
        proc = Path("/proc")
        if not proc.is_dir():
            return
        while not self._stop_event.is_set():
            parents: dict[int, int] = {}
            rss: dict[int, int] = {}
            for entry in proc.iterdir():
                if not entry.name.isdigit():
                    continue
                try:
                    status = (entry / "status").read_text()
                except OSError:
                    continue
                pp = re.search(r"^PPid:\s+(\d+)", status, re.M)
                vm = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
                parents[int(entry.name)] = int(pp.group(1)) if pp else 0
                rss[int(entry.name)] = int(vm.group(1)) if vm else 0
            tree, frontier = {self.pid}, [self.pid]
            while frontier:
                parent = frontier.pop()
                kids = [p for p, pp in parents.items() if pp == parent and p not in tree]
                tree.update(kids)
                frontier.extend(kids)
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(p, rss.get(p, 0)) for p in tree))
            self._stop_event.wait(self.every)


def _pss_kb(pid: int, fallback: int) -> int:
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return fallback
    found = re.search(r"^Pss:\s+(\d+) kB", rollup, re.M)
    return int(found.group(1)) if found else fallback


_RUSAGE_WRAPPER = (
    "import resource, subprocess, sys\n"
    "rc = subprocess.call(sys.argv[1:])\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print('__PEAK_RSS_KB__', usage.ru_maxrss, file=sys.stderr)\n"
    "print('__CPU_S__', usage.ru_utime, usage.ru_stime, file=sys.stderr)\n"
    "sys.exit(rc)\n"
)


# ---------------------------------------------------------------------------
# Project folder and file snapshots
# ---------------------------------------------------------------------------


def has_generated_key(path: Path) -> bool:
    """True if a Markdown file's YAML front matter has a top-level ``generated:`` key."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    if not text.startswith("---"):
        return False
    end = text.find("\n---", 3)
    block = text[3:end] if end > 0 else ""
    return re.search(r"^generated\s*:", block, re.MULTILINE) is not None


def config_references(config: Path) -> list[str]:
    """Files and folders ``mkdocs.yml`` names relative to itself: ``hooks:`` and ``theme: custom_dir``."""
    if not config.exists():
        return []
    import yaml  # noqa: PLC0415 - mkdocs depends on it

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # ignore !!python/name: tags
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=Loader) or {}
    except yaml.YAMLError:
        return []
    refs = [h for h in data.get("hooks") or [] if isinstance(h, str)]
    theme = data.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
        refs.append(theme["custom_dir"])
    return [r for r in refs if not Path(r).is_absolute() and ".." not in Path(r).parts]


def compile_bytecode(code: Path = REPO) -> None:
    """Write the generator's bytecode, as a regular ``pip install`` does: the timed runs set
    PYTHONDONTWRITEBYTECODE, and without bytecode on disk every run would compile the
    package from source again (0.1-0.2 s a run, more than a tenth of a rerun)."""
    import compileall

    if not compileall.compile_dir(str(code / "generator"), quiet=1):
        raise SystemExit(f"could not compile {code / 'generator'}")


def prepare_project(root: Path, source: Path = REPO) -> list[str]:
    """Copy ``mkdocs.yml`` and the hand-written part of ``docs/``; return notes."""
    notes = []
    root.mkdir(parents=True, exist_ok=True)
    config = source / "mkdocs.yml"
    if config.exists():
        shutil.copy2(config, root / "mkdocs.yml")
    else:
        notes.append("the repo has no mkdocs.yml yet: a minimal Material config was used")
    for rel in config_references(config):
        src = source / rel
        if src.is_dir():
            shutil.copytree(src, root / rel, dirs_exist_ok=True)
        elif src.is_file():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, root / rel)
    if (source / "knowledge.yml").is_file():  # the editor's entity file, read by generate by default
        shutil.copy2(source / "knowledge.yml", root / "knowledge.yml")
        notes.append("knowledge.yml copied from the repo")
    docs_src, docs_dst = source / "docs", root / "docs"
    docs_dst.mkdir(exist_ok=True)
    copied = 0
    if docs_src.is_dir():
        for path in sorted(docs_src.rglob("*")):
            if not path.is_file():
                continue
            rel = path.relative_to(docs_src)
            if rel.parts[0].startswith("."):
                continue  # the generator's cache and journal
            if path.suffix != ".md" or not has_generated_key(path):
                (docs_dst / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, docs_dst / rel)
                copied += 1
    notes.append(f"{copied} hand-written docs file(s) copied from the repo")
    return notes


def fallback_config(root: Path) -> None:
    """A minimal ``mkdocs.yml`` when the repo has none: Material, search, short nav."""
    top = sorted(p.name for p in (root / "docs").glob("*.md"))
    if "index.md" not in top:
        (root / "docs" / "index.md").write_text("# Briefing\n", encoding="utf-8")
        top.insert(0, "index.md")
    nav = "\n".join(f"  - {name}" for name in (["index.md"] + [t for t in top if t != "index.md"])[:12])
    (root / "mkdocs.yml").write_text(
        "site_name: Briefing (bench)\ntheme:\n  name: material\n  font: false\n"
        f"plugins:\n  - search\nnav:\n{nav}\n", encoding="utf-8")


def snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    """relative path -> (mtime_ns, sha1 of content) for every file under ``folder``."""
    out = {}
    for path in folder.rglob("*"):
        if path.is_file():
            out[path.relative_to(folder).as_posix()] = (path.stat().st_mtime_ns,
                                                         hashlib.sha1(path.read_bytes()).hexdigest())
    return out


def is_state_file(rel: str) -> bool:
    """A top-level dot file in docs/ (the generator's cache), not a page."""
    return "/" not in rel and rel.startswith(".")


def compare(before: dict[str, tuple[int, str]], after: dict[str, tuple[int, str]]) -> dict[str, object]:
    """Files written between two snapshots; the generator's own state files are counted apart."""
    state = sorted(p for p in set(before) | set(after) if is_state_file(p) and before.get(p) != after.get(p))
    before = {p: v for p, v in before.items() if not is_state_file(p)}
    after = {p: v for p, v in after.items() if not is_state_file(p)}
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    common = set(before) & set(after)
    changed = sorted(p for p in common if before[p][1] != after[p][1])
    touched_same = sorted(p for p in common if before[p][1] == after[p][1] and before[p][0] != after[p][0])
    return {
        "written": len(added) + len(changed) + len(touched_same),
        "added": len(added), "changed": len(changed), "removed": len(removed),
        "touched_unchanged": len(touched_same), "state_files_written": state,
        "examples": (added + changed + touched_same)[:15],
        "by_folder": dict(Counter(p.split("/")[0] if "/" in p else "." for p in added + changed + touched_same)),
    }


def tree_size(folder: Path) -> dict[str, float]:
    files = [p for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []
    total = sum(p.stat().st_size for p in files)
    return {"files": len(files), "mb": round(total / 1e6, 2)}


# ---------------------------------------------------------------------------
# Browser search
# ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pick_query(seeds: Path, sample: int = 400) -> str:
    """A person's surname that recurs in the corpus: a realistic search."""
    from .corpus import build_world  # noqa: PLC0415 - only needed here
    import random
    world = build_world(random.Random("world-0"))
    names = {p.last for p in world.people if " " not in p.last and "-" not in p.last and len(p.last) > 4}
    counts: Counter[str] = Counter()
    for path in sorted(seeds.iterdir())[:sample]:
        for word in re.findall(r"[A-Z][a-z]+", path.read_text(encoding="utf-8")):
            if word in names:
                counts[word] += 1
    return counts.most_common(1)[0][0] if counts else "defence"


IN_PAGE_CLOCK = """
(function () {
  // The page's own clock: the first keystroke, then the first frame painted after a
  // search result is added to the page (Playwright's polling adds its own delay).
  var clock = window.__benchClock = {};
  window.__benchResult = RESULT;
  document.addEventListener("input", function () {
    if (clock.firstInput === undefined) clock.firstInput = performance.now();
  }, true);
  new MutationObserver(function (mutations) {
    if (clock.added !== undefined || clock.firstInput === undefined || !window.__benchResult) return;
    for (var i = 0; i < mutations.length; i++) {
      var nodes = mutations[i].addedNodes;
      for (var k = 0; k < nodes.length; k++) {
        var n = nodes[k];
        if (n.nodeType === 1 && (n.matches(window.__benchResult) || n.querySelector(window.__benchResult))) {
          clock.added = performance.now();
          requestAnimationFrame(function () { clock.painted = performance.now(); });
          return;
        }
      }
    }
  }).observe(document, {subtree: true, childList: true});
})();
"""
"""Installed before the page's scripts: times the first result in the page itself."""


def browser_search(site: Path, query: str, selectors: list[tuple[str, str]], page_path: str = "/",
                   timeout_s: float = 60.0) -> dict[str, object]:
    """Open the site in headless Chromium, type ``query``; bytes and time to the first result."""
    result: dict[str, object] = {"query": query}
    try:
        from playwright.sync_api import sync_playwright  # noqa: PLC0415
    except ImportError:
        result["note"] = "playwright is not installed: search not measured"
        return result
    port = free_port()
    server = subprocess.Popen([PYTHON, "-m", "bench.serve", "--dir", str(site), "--port", str(port)],
                              cwd=REPO, stdout=subprocess.PIPE, text=True, bufsize=1)
    log: list[tuple[float, int, str]] = []
    ready = threading.Event()

    def reader() -> None:
        assert server.stdout is not None
        for line in server.stdout:
            if line.startswith("ready"):
                ready.set()
                continue
            parts = line.rstrip("\n").split(" ", 2)
            if len(parts) == 3 and parts[1].isdigit():
                log.append((float(parts[0]), int(parts[1]), parts[2]))

    threading.Thread(target=reader, daemon=True).start()
    try:
        if not ready.wait(15):
            result["note"] = "the local HTTP server did not start"
            return result
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.add_init_script(IN_PAGE_CLOCK.replace("RESULT", json.dumps(selectors[0][1] if selectors else "")))
            t_nav = time.time()
            page.goto(f"http://127.0.0.1:{port}{page_path}", wait_until="load", timeout=120_000)
            t_load = time.time()
            chosen = None
            for inp, res in selectors:
                try:
                    page.wait_for_selector(inp, state="attached", timeout=3000)
                    chosen = (inp, res)
                    break
                except Exception:  # noqa: BLE001 - playwright's TimeoutError; try the next UI
                    continue
            if chosen is None:
                result["note"] = "no search box found (tried: " + ", ".join(s for s, _ in selectors) + ")"
                return result
            inp, res = chosen
            result.update(input_selector=inp, result_selector=res)
            page.evaluate("sel => { window.__benchResult = sel; }", res)
            page.click(inp)
            t_type = time.time()
            page.keyboard.type(query, delay=20)
            try:
                page.wait_for_selector(res, state="visible", timeout=timeout_s * 1000)
                t_result = time.time()
                result["seconds_from_typing"] = round(t_result - t_type, 2)
                result["seconds_from_navigation"] = round(t_result - t_nav, 2)
                result["results_shown"] = page.locator(res).count()
                clock = page.evaluate("window.__benchClock || {}")
                if clock.get("firstInput") is not None and clock.get("painted") is not None:
                    result["in_page_s"] = round((clock["painted"] - clock["firstInput"]) / 1000, 2)
            except Exception:  # noqa: BLE001 - playwright's TimeoutError
                t_result = time.time()
                result["note"] = f"no search result appeared within {timeout_s:.0f} s of typing '{query}'"
            time.sleep(0.3)  # let the server log the last responses
            result["page_load_s"] = round(t_load - t_nav, 2)
            before = [e for e in log if e[0] <= t_result + 0.05]
            result["bytes_before_first_result"] = sum(n for _, n, _ in before)
            result["requests_before_first_result"] = len(before)
            result["bytes_at_page_load"] = sum(n for t, n, _ in log if t <= t_load + 0.05)
            result["gzip_bytes_before_first_result"] = gzip_estimate(site, [path for _, _, path in before])
            biggest = sorted(before, key=lambda e: -e[1])[:5]
            result["largest_downloads"] = [f"{path} ({n / 1e6:.2f} MB)" for _, n, path in biggest]
            browser.close()
    except Exception as exc:  # noqa: BLE001 - report, never crash the bench on the browser
        result["note"] = f"browser measurement failed: {type(exc).__name__}: {str(exc).splitlines()[0][:300]}"
    finally:
        server.terminate()
        try:
            server.wait(5)
        except subprocess.TimeoutExpired:
            server.kill()
    return result


def gzip_estimate(site: Path, paths: list[str]) -> int:
    """What the same downloads weigh gzip-compressed (what a real web server would send)."""
    total = 0
    for raw in paths:
        rel = raw.split("?", 1)[0].lstrip("/")
        path = site / rel
        if path.is_dir() or raw.endswith("/"):
            path = path / "index.html"
        if path.is_file():
            total += len(gzip.compress(path.read_bytes(), 6))
    return total


# ---------------------------------------------------------------------------
# One size
# ---------------------------------------------------------------------------


@dataclass
class SizeResult:
    articles: int
    project: str
    notes: list[str] = field(default_factory=list)
    corpus_s: float | None = None
    corpus_mb: float | None = None
    generate: dict | None = None
    build: dict | None = None
    rerun_noop: dict | None = None
    rerun_add_one: dict | None = None
    docs: dict | None = None
    site: dict | None = None
    search_feature: dict | None = None
    search: dict | None = None
    profile_top: list[str] | None = None

    @property
    def gen_s(self) -> float | None:
        return self.generate["wall_s"] if self.generate and self.generate.get("ok") else None

    @property
    def build_s(self) -> float | None:
        return self.build["wall_s"] if self.build and self.build.get("ok") else None


def _median_run(runs: list[Measure]) -> Measure:
    """The run with the median wall time (the failed one, if any failed), with the highest
    peak memory of all: on this shared machine one run can be off by a fifth."""
    if not runs or not all(m.ok for m in runs):
        return next((m for m in runs if not m.ok), runs[-1] if runs else Measure("not run"))
    chosen = sorted(runs, key=lambda m: m.wall_s or 0)[(len(runs) - 1) // 2]
    peaks = [m.peak_rss_mb for m in runs if m.peak_rss_mb is not None]
    trees = [m.tree_peak_mb for m in runs if m.tree_peak_mb is not None]
    return replace(chosen, peak_rss_mb=max(peaks) if peaks else None, tree_peak_mb=max(trees) if trees else None)


def measure_dict(m: Measure, **extra: object) -> dict:
    d = asdict(m)
    d["ok"] = m.ok
    d["wall_s"] = round(m.wall_s, 2) if m.wall_s is not None else None
    d["peak_rss_mb"] = round(m.peak_rss_mb, 1) if m.peak_rss_mb is not None else None
    d["peak_mb"] = max(x for x in (m.peak_rss_mb, m.tree_peak_mb, 0) if x is not None) or None
    d.update(extra)
    return d


def generator_commands(env: dict[str, str]) -> str:
    proc = subprocess.run([PYTHON, "-m", "generator", "--help"], cwd=REPO, env={**os.environ, **env},
                          capture_output=True, text=True, timeout=60)
    return proc.stdout + proc.stderr


def bench_size(n: int, work: Path, args: argparse.Namespace) -> SizeResult:
    root = work / f"n{n}"
    res = SizeResult(n, str(root))
    res.notes += prepare_project(root)
    env = {"PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""), "NO_MKDOCS_2_WARNING": "1",
           "PYTHONDONTWRITEBYTECODE": "1"}
    log(f"[{n}] writing corpus")
    t0 = time.perf_counter()
    write_corpus(root / "seeds", n, seed=args.seed)
    res.corpus_s = round(time.perf_counter() - t0, 2)
    res.corpus_mb = tree_size(root / "seeds")["mb"]

    gen_cmd = [PYTHON, "-m", "generator", "generate", "--seeds", "seeds", "--docs", "docs"]
    # From scratch ``args.repeat`` times, each into a folder of its own (deleting thousands of files
    # just before a run slows the file system's next creations here: see main), then the median is kept.
    runs = []
    for k in range(1, args.repeat + 1):
        log(f"[{n}] generate ({k} of {args.repeat})")
        shutil.copytree(root / "docs", root / f"docs-run-{k}")  # the hand-written files, as the project has them
        runs.append(run_measured([*gen_cmd[:-1], f"docs-run-{k}"], root, args.generate_timeout, env))
        if not runs[-1].ok:
            break
    gen = _median_run(runs)
    (root / "docs").rename(root / "docs-hand-written")
    (root / f"docs-run-{len(runs)}").rename(root / "docs")  # the last run's pages (the same in every run)
    # The other runs' folders stay until the bench ends (see main: deleting them now would slow the
    # site build's file creation).
    res.generate = measure_dict(gen, articles_per_s=round(n / gen.wall_s, 1) if gen.ok and gen.wall_s else None,
                                runs_s=[round(m.wall_s, 2) for m in runs if m.wall_s is not None])
    if gen.timed_out:
        res.notes.append(f"generate did not finish within {args.generate_timeout:.0f} s (stopped)")
    elif not gen.ok:
        last = gen.output_tail.strip().splitlines()[-1:] or [""]
        res.notes.append(f"generate failed with exit code {gen.returncode}: `{last[0][:200]}`")
    res.docs = tree_size(root / "docs")

    if gen.ok:
        if not (root / "mkdocs.yml").exists():
            fallback_config(root)
        log(f"[{n}] site build")
        # The project's own build: mkdocs build --strict, then the Pagefind index.
        build = run_measured([PYTHON, "-c", "from pathlib import Path; from generator.site import build_site; "
                              "build_site(Path('mkdocs.yml'), Path('site'))"],
                             root, args.build_timeout, env)
        pages = sum(1 for _ in (root / "docs").rglob("*.md"))
        res.build = measure_dict(build, pages=pages,
                                 ms_per_page=round(1000 * build.wall_s / pages, 2) if build.ok and pages else None)
        if not build.ok:
            last = [line for line in build.output_tail.splitlines() if line.strip()][-1:] or [""]
            res.notes.append(f"site build failed: `{last[0][:200]}` (more in report.json)")
        res.site = tree_size(root / "site")

        help_text = generator_commands(env)
        res.search_feature = {
            "generator_has_search_command": bool(re.search(r"^\s+search\s", help_text, re.MULTILINE)),
            "site_has_pagefind": (root / "site" / "pagefind").is_dir(),
            "site_has_lunr_index": (root / "site" / "search" / "search_index.json").is_file(),
        }
        if (root / "site" / "search" / "search_index.json").is_file():
            res.search_feature["lunr_index_mb"] = round(
                (root / "site" / "search" / "search_index.json").stat().st_size / 1e6, 2)

        mid = snapshot(root / "docs")
        if args.noop_rerun:
            log(f"[{n}] rerun, nothing changed")
            time.sleep(0.05)
            noop = run_measured(gen_cmd, root, args.generate_timeout, env)
            after_noop = snapshot(root / "docs")
            res.rerun_noop = measure_dict(noop, files=compare(mid, after_noop))
            mid = after_noop

        adds, files = [], None
        for k in range(1, args.repeat + 1):
            log(f"[{n}] rerun after adding one article ({k} of {args.repeat})")
            extra = write_extra_article(root / "seeds", n, seed=args.seed, extra_seed=args.seed + 1)
            time.sleep(0.05)
            adds.append(run_measured(gen_cmd, root, args.generate_timeout, env))
            if files is None:
                files = compare(mid, snapshot(root / "docs"))
            if k < args.repeat:  # back to the corpus before, for the next turn (not timed)
                extra.unlink()
                run_measured(gen_cmd, root, args.generate_timeout, env)
        add = _median_run(adds)
        res.rerun_add_one = measure_dict(add, added_file=extra.name, files=files,
                                         runs_s=[round(m.wall_s, 2) for m in adds if m.wall_s is not None])

        if build.ok and not args.no_browser:
            log(f"[{n}] browser search")
            query = args.query or pick_query(root / "seeds")
            selectors = ([(args.search_input, args.search_result)] if args.search_input else []) + list(SEARCH_UIS)
            res.search = browser_search(root / "site", query, selectors, args.search_page, args.search_timeout)

        if args.profile:
            log(f"[{n}] cProfile of generate")
            res.profile_top = profile_generate(root, env, args.generate_timeout)
    elif gen.timed_out and args.profile:
        res.profile_top = profile_generate(root, env, args.generate_timeout)
    return res


def profile_generate(root: Path, env: dict[str, str], timeout: float) -> list[str]:
    """Top functions (cumulative and own time) of one generate run, for 'where does time go'."""
    shutil.rmtree(root / "docs-profile", ignore_errors=True)
    shutil.copytree(root / "docs", root / "docs-profile", dirs_exist_ok=True)
    prof = root / "generate.prof"
    script = (
        "import cProfile, runpy, sys\n"
        "sys.argv = ['generator', 'generate', '--seeds', 'seeds', '--docs', 'docs-profile']\n"
        f"cProfile.run(\"runpy.run_module('generator', run_name='__main__')\", {str(prof)!r})\n"
    )
    try:
        subprocess.run([PYTHON, "-c", script], cwd=root, env={**os.environ, **env}, capture_output=True,
                       timeout=timeout)
    except subprocess.TimeoutExpired:
        return [f"profiled run did not finish within {timeout:.0f} s"]
    if not prof.exists():
        return ["profile not written"]
    import io
    import pstats
    out = io.StringIO()
    stats = pstats.Stats(str(prof), stream=out)
    stats.sort_stats("tottime").print_stats(20)
    return [line for line in out.getvalue().splitlines() if line.strip()][-24:]


# ---------------------------------------------------------------------------
# Targets and the report
# ---------------------------------------------------------------------------


def evaluate(results: dict[int, SizeResult]) -> dict[str, dict]:
    out: dict[str, dict] = {}

    def put(key: str, met: bool | None, value: str) -> None:
        out[key] = {"target": TARGETS[key], "met": met, "value": value}

    r5, r10 = results.get(5000), results.get(10000)
    g5 = r5.gen_s if r5 else None
    g10 = r10.gen_s if r10 else None
    put("generate_5000_s", None if g5 is None else g5 <= 10, f"{g5:.1f} s" if g5 else "not measured")
    put("generate_10000_scaling", None if not (g5 and g10) else g10 <= 2.2 * g5,
        f"{g10 / g5:.2f} x" if g5 and g10 else "not measured")
    mem = r10.generate.get("peak_mb") if r10 and r10.generate else None
    put("peak_memory_10000", None if mem is None else mem <= 1.5 * 1024, f"{mem:.0f} MB" if mem else "not measured")
    ratios = {n: r.gen_s / r.build_s for n, r in results.items() if r.gen_s and r.build_s}
    put("generate_vs_build", None if not ratios else all(v <= 1 / 3 for v in ratios.values()),
        ", ".join(f"{n:,}: {v:.2f}" for n, v in sorted(ratios.items())) or "not measured")
    add = r5.rerun_add_one if r5 else None
    put("rerun_5000_s", None if not add or not add["ok"] else add["wall_s"] <= 2,
        f"{add['wall_s']:.1f} s" if add and add["ok"] else "not measured")
    if add and add["ok"]:
        f = add["files"]
        put("rerun_5000_only_changed", f["touched_unchanged"] == 0,
            f"{f['written']} files written ({f['added']} new, {f['changed']} changed, "
            f"{f['touched_unchanged']} rewritten with identical content), {f['removed']} removed")
    else:
        put("rerun_5000_only_changed", None, "not measured")
    search = (r10.search or {}) if r10 else {}
    seconds, downloaded = search.get("in_page_s"), search.get("bytes_before_first_result")
    put("search_10000", None if seconds is None or downloaded is None else seconds <= 1 and downloaded <= 3e6,
        f"{seconds} s, {downloaded / 1e6:.2f} MB (Playwright saw it after {search.get('seconds_from_typing')} s)"
        if seconds is not None and downloaded is not None else "not measured")
    return out


def _runs(measure: dict) -> str:
    """`` (runs: 9.8, 10.1, 10.4)`` when a figure is the median of several runs."""
    runs = measure.get("runs_s") or []
    return f" (runs: {', '.join(f'{v:.1f}' for v in runs)})" if len(runs) > 1 else ""


def _cpu(measure: dict) -> str:
    """``15.4 + 2.1 s``: user and system CPU time of the median run."""
    user, system = measure.get("cpu_user_s"), measure.get("cpu_system_s")
    return f"{user:.1f} + {system:.1f} s" if user is not None and system is not None else "-"


def fmt(v: object, spec: str = "") -> str:
    if v is None:
        return "-"
    return format(v, spec) if spec else str(v)


def secs(v: object) -> str:
    return "-" if v is None else f"{v:.1f} s"


def markdown(report: dict) -> str:
    rows = report["sizes"]
    lines = [f"# Benchmark: generate and site build ({report['date']})", "",
             f"Machine: {report['machine']}. Corpus: `bench.corpus`, seed {report['seed']}. "
             f"generate from scratch and the one-article rerun are the median of {report.get('repeat', 1)} runs in"
             " fresh processes (every run is listed below); the other figures come from one run. Single runs on"
             " this machine vary by 10-20%.", ""]
    lines += ["## Targets", "", "| target | value | met |", "|---|---|---|"]
    for t in report["targets"].values():
        met = {True: "yes", False: "**no**", None: "not measured"}[t["met"]]
        lines.append(f"| {t['target']} | {t['value']} | {met} |")
    lines += ["", "## generate and site build", "",
              "| articles | generate | generate CPU (user + system) | articles/s | generate peak | site build"
              " | build peak | pages | build ms/page | generate / build | docs/ | site/ |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        g, b = r.get("generate") or {}, r.get("build") or {}
        ratio = r.get("generate_build_ratio")
        lines.append(
            f"| {r['articles']:,} | {fmt(g.get('wall_s'), '.1f')} s{'' if g.get('ok') else ' (failed)'}{_runs(g)} "
            f"| {_cpu(g)} | {fmt(g.get('articles_per_s'))} | {fmt(g.get('peak_mb'), '.0f')} MB "
            f"| {fmt(b.get('wall_s'), '.1f')} s{'' if not b or b.get('ok') else ' (failed)'} "
            f"| {fmt(b.get('peak_mb'), '.0f')} MB | {fmt(b.get('pages'))} | {fmt(b.get('ms_per_page'))} "
            f"| {fmt(ratio, '.2f')} | {fmt((r.get('docs') or {}).get('mb'))} MB, {fmt((r.get('docs') or {}).get('files'))} files "
            f"| {fmt((r.get('site') or {}).get('mb'))} MB, {fmt((r.get('site') or {}).get('files'))} files |")
    lines += ["", "Every timed command starts after a disk sync, so one step's unwritten files are not charged to the next.",
              "", "CPU time is that of the generate process and its workers: *user* is the generator's own work;"
              " *system* is the kernel's, mostly creating the pages' files. Creating a file here costs about"
              " 0.03 ms, but up to 0.5 ms in the minutes after tens of thousands of files were deleted (ext4"
              " skips recently freed inodes), so the bench deletes nothing until every size is measured.",
              "", "Peak memory: the larger of the biggest single process (`/usr/bin/time -v`) and the summed PSS of "
              "the process tree sampled every 0.2 s (memory forked workers share with their parent counts once).",
              "", "## Reruns of generate", "",
              "| articles | rerun, no change | files written | rerun after adding one article | files written"
              " (new / changed / same content) | removed | written, by folder |",
              "|---:|---:|---:|---:|---|---:|---|"]
    for r in rows:
        a, z = r.get("rerun_add_one"), r.get("rerun_noop")
        if not a:
            lines.append(f"| {r['articles']:,} | - | - | - | - | - | - |")
            continue
        fa = a["files"]
        z = z or {"wall_s": None, "files": {"written": None}}
        folders = ", ".join(f"{k}: {v}" for k, v in sorted(fa.get("by_folder", {}).items(), key=lambda kv: -kv[1]))
        lines.append(f"| {r['articles']:,} | {secs(z['wall_s'])} | {fmt(z['files']['written'])} "
                     f"| {secs(a['wall_s'])}{_runs(a)} | {fa['written']} ({fa['added']} / {fa['changed']} / "
                     f"{fa['touched_unchanged']}) | {fa['removed']} | {folders} |")
    lines += ["", "## Search in headless Chromium", "",
              "Bytes are counted by the local server (uncompressed, as `python -m http.server` sends them); "
              "the gzip column is what the same files weigh compressed.", "",
              "*First result, in the page* is the page's own clock: from the first keystroke to the first frame"
              " painted after a result is added. *Seen by Playwright* is from when typing starts to when"
              " Playwright's polling notices a visible result (it adds up to a few hundred ms of its own). The"
              " query is typed at 20 ms per character and the search box waits 80 ms after the last one.", "",
              "| articles | search | index | query | first result, in the page | seen by Playwright | from navigation"
              " | bytes before first result | gzip | requests |", "|---:|---|---:|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        s, feat = r.get("search") or {}, r.get("search_feature") or {}
        kind = "Pagefind" if feat.get("site_has_pagefind") else ("lunr (Material)" if feat.get("site_has_lunr_index")
                                                                else "-")
        b = s.get("bytes_before_first_result")
        gz = s.get("gzip_bytes_before_first_result")
        index = feat.get("lunr_index_mb")
        lines.append(f"| {r['articles']:,} | {kind} | {fmt(index)}{' MB' if index else ''} | {s.get('query', '-')} "
                     f"| {secs(s.get('in_page_s'))} | {secs(s.get('seconds_from_typing'))} "
                     f"| {secs(s.get('seconds_from_navigation'))} | {fmt(b and round(b / 1e6, 2))} MB "
                     f"| {fmt(gz and round(gz / 1e6, 2))} MB | {fmt(s.get('requests_before_first_result'))} |")
    notes = [(r["articles"], n) for r in rows for n in r.get("notes", [])]
    notes += [(r["articles"], (r.get("search") or {}).get("note")) for r in rows if (r.get("search") or {}).get("note")]
    for r in rows:
        feat = r.get("search_feature") or {}
        if feat.get("generator_has_search_command"):
            notes.append((r["articles"], "`python -m generator --help` lists a search command"))
    if notes:
        lines += ["", "## Notes", ""] + [f"- {n:,}: {text}" for n, text in notes]
    for r in rows:
        if r.get("profile_top"):
            lines += ["", f"## Where generate spends its time ({r['articles']:,} articles, cProfile, by own time)",
                      "", "```", *r["profile_top"], "```"]
    return "\n".join(lines) + "\n"


def log(msg: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {msg}", file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="1000,5000,10000", help="comma-separated corpus sizes (default 1000,5000,10000)")
    p.add_argument("--out", type=Path, default=REPO / "bench" / "out", help="where report.md/.json go")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--repeat", type=int, default=3,
                   help="runs of generate from scratch and of the one-article rerun per size; the median is reported")
    p.add_argument("--work", type=Path, default=None, help="folder for the projects (default: a temp folder)")
    p.add_argument("--keep", action="store_true", help="keep the project folders (default: delete them)")
    p.add_argument("--generate-timeout", type=float, default=600, help="stop one generate after this (s)")
    p.add_argument("--build-timeout", type=float, default=900, help="stop one site build after this (s)")
    p.add_argument("--no-browser", action="store_true", help="skip the headless Chromium search measurement")
    p.add_argument("--search-input", help="CSS selector of the search box (default: Material's, then Pagefind UI)")
    p.add_argument("--search-result", help="CSS selector of one search result (with --search-input)")
    p.add_argument("--search-page", default="/", help="page that holds the search box (default /)")
    p.add_argument("--search-timeout", type=float, default=60, help="seconds to wait for a first result")
    p.add_argument("--query", help="search query (default: a recurring surname from the corpus)")
    p.add_argument("--noop-rerun", action="store_true",
                   help="also time a rerun of generate with nothing changed (files written should be 0)")
    p.add_argument("--profile", action="store_true", help="also profile one generate run per size (cProfile)")
    args = p.parse_args(argv)
    if bool(args.search_input) != bool(args.search_result):
        p.error("give --search-input and --search-result together")
    try:
        args.size_list = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        p.error("--sizes takes numbers separated by commas, e.g. 1000,5000")
    if not args.size_list or min(args.size_list) < 1:
        p.error("--sizes needs at least one positive number")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-", dir=args.work)) if not args.work else args.work
    work.mkdir(parents=True, exist_ok=True)
    results: dict[int, SizeResult] = {}
    compile_bytecode()
    t_start = time.perf_counter()
    try:
        for n in args.size_list:
            results[n] = bench_size(n, work, args)
    finally:
        # Deleted only once every size is measured: right after deleting tens of thousands of files,
        # creating files here costs several times more for a minute or more (ext4 skips the inodes it
        # freed recently), which would charge one size's clean-up to the next size's timings.
        if not args.keep:
            for n in args.size_list:
                shutil.rmtree(work / f"n{n}", ignore_errors=True)
            if not args.work:
                shutil.rmtree(work, ignore_errors=True)
    sizes = []
    for n, r in results.items():
        d = asdict(r)
        d["generate_build_ratio"] = round(r.gen_s / r.build_s, 3) if r.gen_s and r.build_s else None
        sizes.append(d)
    report = {
        "date": _dt.datetime.now().isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "seed": args.seed,
        "repeat": args.repeat,
        "total_bench_s": round(time.perf_counter() - t_start, 1),
        "targets": evaluate(results),
        "sizes": sizes,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    text = markdown(report)
    (args.out / "report.md").write_text(text, encoding="utf-8")
    print(text)
    log(f"bench finished in {report['total_bench_s']:.0f} s; wrote {args.out / 'report.md'} and report.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
