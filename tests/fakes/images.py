"""Replies an image server could give: real pictures drawn with Pillow, and every way a reply can go wrong."""

from __future__ import annotations

import base64
import io
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PIL import Image, ImageDraw

from tests.fakes.provider_server import Behaviour, FakeProviderServer, hang, raw, status

BLUE = (30, 58, 138)
GOLD = (234, 179, 8)


def picture(size: int = 1024, image_format: str = 'PNG', *, ink: tuple[int, int, int] = BLUE) -> bytes:
    """A logo-like painting: a disc (blue unless `ink` says otherwise) holding a gold square on white."""
    image = Image.new('RGB', (size, size), 'white')
    draw = ImageDraw.Draw(image)
    draw.ellipse((size * 0.15, size * 0.15, size * 0.85, size * 0.85), fill=ink)
    draw.rectangle((size * 0.38, size * 0.38, size * 0.62, size * 0.62), fill=GOLD)
    out = io.BytesIO()
    image.save(out, format=image_format)
    return out.getvalue()


def image_reply(image: bytes | None, *, seconds: float = 0.0, url: str | None = None) -> Behaviour:
    """The images API's reply carrying `image` as base64 (or only a `url`), after `seconds`."""
    item: dict[str, object] = {'index': 0}
    if image is not None:
        item |= {'b64_json': base64.b64encode(image).decode(), 'type': 'b64_json'}
    if url is not None:
        item |= {'url': url, 'type': 'url'}
    body = json.dumps({'id': 'img-fake-1', 'model': 'fake-image-model', 'object': 'list', 'data': [item]}).encode()
    return Behaviour(kind='hang' if seconds else 'reply', seconds=seconds, body=body)


def painted(size: int = 1024, *, seconds: float = 0.0, image_format: str = 'PNG') -> Behaviour:
    return image_reply(picture(size, image_format), seconds=seconds)


# every way an image reply fails, by name (each is a fresh Behaviour: a queue consumes them)
FAILURES = {
    '500': lambda: status(500),
    '429': lambda: status(429, retry_after='0.1'),
    '401 echoing the key': lambda: status(401, echo_authorization=True),
    'timeout': lambda: hang(30),
    'garbage bytes': lambda: image_reply(b'\x89PNG this is not an image at all' * 20),
    'wrong size': lambda: painted(512),
    'a GIF': lambda: painted(1024, image_format='GIF'),
    'an HTML page': lambda: raw(b'<!doctype html><html><body>Bad gateway</body></html>', content_type='text/html'),
    'a URL that does not answer': lambda: image_reply(None, url='http://127.0.0.1:9/expiring.png'),
    'a URL of another scheme': lambda: image_reply(None, url='file:///etc/passwd'),
}


@dataclass(kw_only=True, slots=True)
class HostedFile:
    body: bytes = b''
    status: int = 200
    content_type: str = 'image/png'
    location: str | None = None  # a redirect


@dataclass(kw_only=True, slots=True)
class ImageHost:
    """Where a URL-only reply's image lives: a plain HTTP server on 127.0.0.1 serving files by path, recording each
    GET with its headers (an image host must never be sent the API key)."""

    url: str = ''
    files: dict[str, HostedFile] = field(default_factory=dict)
    gets: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def put(self, path: str, hosted: HostedFile) -> str:
        self.files[path] = hosted
        return f'{self.url}{path}'

    def url_reply(self, path: str, image: bytes, *, seconds: float = 0.0) -> Behaviour:
        """The images API's URL-only reply, the image hosted here at `path`."""
        return image_reply(None, url=self.put(path, HostedFile(body=image)), seconds=seconds)


@contextmanager
def image_host() -> Iterator[ImageHost]:
    host = ImageHost()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            host.gets.append((self.path, {key.lower(): value for key, value in self.headers.items()}))
            hosted = host.files.get(self.path, HostedFile(status=404, body=b'gone', content_type='text/plain'))
            self.send_response(hosted.status)
            if hosted.location is not None:
                self.send_header('Location', hosted.location)
            self.send_header('Content-Type', hosted.content_type)
            self.send_header('Content-Length', str(len(hosted.body)))
            self.end_headers()
            self.wfile.write(hosted.body)

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    host.url = f'http://127.0.0.1:{server.server_address[1]}'
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield host
    finally:
        server.shutdown()
        server.server_close()


def paint_with(
    server: FakeProviderServer, monkeypatch: pytest.MonkeyPatch, key: str, *, timeout_s: int
) -> FakeProviderServer:
    """The environment of an app whose chat is the offline engine and whose paintings come from `server`'s fake
    Together images API (each at most `timeout_s`); set before the app or service is built."""
    env = server.provider_settings(key, providers='offline', images='auto')
    env |= {'BRANDSMITH_IMAGE_TIMEOUT': str(timeout_s), 'OPENAI_COMPAT_IMAGE_MODEL': ''}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return server
