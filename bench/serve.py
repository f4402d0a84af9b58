"""A static file server (like ``python -m http.server``) that logs the bytes it sends.

Used by ``bench.run`` to count what a browser downloads: every finished
response prints one line ``<unix time> <bytes> <path>`` on stdout (flushed).
Counting on the server side also sees requests made by web workers
(Material's search index is fetched by a worker), which page-level browser
events can miss.

    python -m bench.serve --dir site --port 8000
"""

from __future__ import annotations

import argparse
import functools
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer


_LOCK = threading.Lock()


class CountingHandler(SimpleHTTPRequestHandler):
    def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
        sent = 0
        while chunk := source.read(64 * 1024):
            outputfile.write(chunk)
            sent += len(chunk)
        with _LOCK:  # one write per line: threads must not interleave their lines
            sys.stdout.write(f"{time.time():.4f} {sent} {self.path}\n")
            sys.stdout.flush()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - base-class name
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.serve")
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--bind", default="127.0.0.1")
    args = parser.parse_args(argv)
    handler = functools.partial(CountingHandler, directory=args.dir)
    with ThreadingHTTPServer((args.bind, args.port), handler) as server:
        print(f"ready {args.bind}:{args.port}", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
