"""Command line: ``python -m generator {generate,build,check,serve}``.

Only argument parsing and messages live here; the work is in :mod:`pipeline`
and :mod:`site`. Errors a user can fix print as one line without a traceback.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from pathlib import Path
from typing import NoReturn, Sequence

from .errors import GeneratorError
from .pipeline import RunReport, generate
from .site import build_site, serve_site

EXIT_OK, EXIT_REJECTED, EXIT_ERROR = 0, 1, 2


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seeds", type=Path, default=Path("seeds"), metavar="DIR",
                        help="folder of input articles (default: seeds/)")
    parser.add_argument("--docs", type=Path, default=Path("docs"), metavar="DIR",
                        help="folder the Markdown pages are written to (default: docs/)")
    parser.add_argument("--knowledge", type=Path, default=None, metavar="FILE",
                        help="editor's entity knowledge YAML (default: knowledge.yml if present, "
                             "else the packaged generator/data/knowledge.yml)")


def _generation(parser: argparse.ArgumentParser) -> None:
    _common(parser)
    parser.add_argument("--force", action="store_true",
                        help="overwrite or delete generated pages even if they were edited by hand")
    parser.add_argument("--jobs", type=int, default=None, metavar="N",
                        help="processes for the analysis, digests and pages (default: up to 2)")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Turn a folder of news articles into a searchable briefing site.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    gen = commands.add_parser("generate", help="read the articles and write Markdown pages under docs/",
                              description="Read every article in --seeds and write the site's Markdown into --docs.")
    _generation(gen)
    build = commands.add_parser("build", help="generate, then build the static site with MkDocs (--strict)",
                                description="Generate the Markdown, then run 'mkdocs build --strict'.")
    _generation(build)
    build.add_argument("--config", type=Path, default=Path("mkdocs.yml"), metavar="FILE",
                       help="MkDocs configuration (default: mkdocs.yml)")
    build.add_argument("--site", type=Path, default=Path("site"), metavar="DIR",
                       help="output folder of the built site (default: site/)")
    check = commands.add_parser("check", help="validate the articles and report problems; write nothing",
                                description="Read every article in --seeds, report each file that cannot be "
                                            "an article, and write nothing.")
    _common(check)
    serve = commands.add_parser("serve", help="generate, then serve a live preview of the site",
                                description="Generate the Markdown, then run 'mkdocs serve'.")
    _generation(serve)
    serve.add_argument("--config", type=Path, default=Path("mkdocs.yml"), metavar="FILE",
                       help="MkDocs configuration (default: mkdocs.yml)")
    serve.add_argument("--addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    return parser


def _knowledge_path(value: Path | None) -> Path | None:
    if value is not None:
        return value
    local = Path("knowledge.yml")
    return local if local.is_file() else None


def _print_report(report: RunReport, elapsed: float, wrote: bool) -> None:
    for error in report.rejected:
        print(f"error: {error}", file=sys.stderr)
    parts = [f"{report.articles} articles read"]
    if report.rejected:
        parts.append(f"{len(report.rejected)} rejected")
    if wrote:
        parts += [f"{report.analysed} analysed", f"{report.cached} from cache"]
        if report.copies:
            parts.append(f"{report.copies} copies folded")
        parts.append(f"{report.digests} digests")
        if report.write:
            w = report.write
            parts.append(f"{len(w.written)} pages written, {len(w.unchanged)} unchanged, {len(w.deleted)} removed")
            for path in w.kept_edited:
                print(f"warning: docs/{path} was edited by hand and is no longer generated; "
                      f"it was kept (delete it, or run with --force)", file=sys.stderr)
    if report.cache_rebuilt:
        print(f"warning: the cache file was damaged ({report.cache_rebuilt}); it was rebuilt", file=sys.stderr)
    print(", ".join(parts) + f" in {elapsed:.1f} s")


def _exit(code: int) -> NoReturn:
    """End the process now: everything is written and closed, and the operating system frees
    the run's memory at once, where the interpreter would free its objects one by one
    (tenths of a second for thousands of articles). Output is flushed first."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None, exit_when_done: bool = False) -> int:
    """Run one command; return its exit code. With ``exit_when_done`` (the command line's own
    entry points), ``generate`` ends the process as soon as its report is printed."""
    args = make_parser().parse_args(argv)
    started = time.perf_counter()
    try:
        if args.command == "check":
            report = generate(args.seeds, args.docs, _knowledge_path(args.knowledge), write=False)
            _print_report(report, time.perf_counter() - started, wrote=False)
            return EXIT_OK if report.ok else EXIT_REJECTED
        if args.command == "generate" and exit_when_done:
            # generate() pauses the cyclic collector while it runs and turns it back on at the end,
            # when the first allocation then walks every object the run made (0.15 s at 5,000
            # articles); a process that exits right after has no use for that collection.
            gc.disable()
        report = generate(args.seeds, args.docs, _knowledge_path(args.knowledge), force=args.force, jobs=args.jobs)
        _print_report(report, time.perf_counter() - started, wrote=True)
        if args.command == "generate" and exit_when_done:
            _exit(EXIT_OK if report.ok else EXIT_REJECTED)
        report.corpus = None  # not needed while the site is built
        if args.command == "build":
            build_site(args.config, args.site)
        elif args.command == "serve":
            serve_site(args.config, args.addr)
    except GeneratorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK if report.ok else EXIT_REJECTED


def run() -> NoReturn:
    """The ``briefing`` command (and ``python -m generator``)."""
    raise SystemExit(main(exit_when_done=True))
