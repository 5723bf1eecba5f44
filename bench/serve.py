"""Serve a built site on 127.0.0.1 under the path of its site_url, as GitHub Pages does: text
compressed, and `Cache-Control: max-age=600`."""
from __future__ import annotations

import functools
import gzip
import http.server
import io
import threading
from contextlib import contextmanager

BASE = "/kazakhstan-open-letter/"
TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


@contextmanager
def serve(directory, base: str = BASE):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def end_headers(self):
            """Browsers may keep what they fetched for ten minutes, as GitHub Pages lets them."""
            self.send_header("Cache-Control", "max-age=600")
            super().end_headers()

        def translate_path(self, path):
            return super().translate_path("/" + path[len(base):] if path.startswith(base) else "/__outside__")

        def send_head(self):
            """Compress text as GitHub Pages does, so that measured sizes and times are realistic."""
            path = self.translate_path(self.path.split("?")[0])
            if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.endswith(TEXT):
                return super().send_head()
            try:
                with open(path, "rb") as f:
                    body = gzip.compress(f.read(), mtime=0)
            except OSError:
                return super().send_head()
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{base}"
    finally:
        httpd.shutdown()
