"""Page loads per client: a budget of its own, larger than generation's, so a flood of page loads costs 429s.

Building the studio's page is the most expensive thing an anonymous visitor can ask for (a NiceGUI client with all its
elements, kept until the browser connects or NiceGUI prunes it a minute later). The budget counts page URLs only: the
scripts, styles, fonts and socket a page then loads, the API (which has its own limit) and /health are never counted.
The client is who `ClientResolver` says it is, so behind trusted proxies each visitor has a budget of their own.

Admitted pages are also built a few at a time. A build is one long step of the event loop (some 20 ms for the studio):
twenty of them ready at once made everything else, health checks included, wait for all twenty.
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import Callable

from branding.clients import ClientResolver, header_map
from branding.edge import send_answer
from branding.metrics import Metrics
from branding.ratelimit import RateLimit, retry_after_header
from branding.web import ASGIApp, Message, Receive, Scope, Send

PAGE_METHODS = frozenset({'GET', 'HEAD'})
# Two builds in flight keep a health check's wait to about two builds and cost nothing: they share one core anyway.
CONCURRENT_BUILDS = 2


def is_page_path(path: str) -> bool:
    """The studio (`/`) and the share pages (`/kit/<id>`)."""
    return path == '/' or path.startswith('/kit/')


def too_many_pages_html(retry_after: str) -> str:
    """A short page in the studio's colours, readable in light and dark, with no script and no external request."""
    return (
        '<!DOCTYPE html>\n<html lang="en-US"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<title>Too many page loads · Brandsmith</title>'
        '<style>:root{color-scheme:light dark}body{margin:0;padding:4rem 1rem;text-align:center;line-height:1.5;'
        'font-family:system-ui,sans-serif;background:#f6f7fb;color:#111827}a{color:#1d4ed8}'
        '@media (prefers-color-scheme:dark){body{background:#0f1117;color:#e5e7eb}a{color:#93c5fd}}</style>'
        '</head><body><main><h1>Too many page loads</h1>'
        f'<p>This address has opened a lot of pages in the last minute. Please try again in '
        f'{html.escape(retry_after)} s.</p><p><a href="/">Back to Brandsmith</a></p></main></body></html>'
    )


class PageLimitMiddleware:
    """Pure ASGI: counts each GET or HEAD of a page URL against its client and answers 429 past the budget."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        limiter: RateLimit,
        clients: ClientResolver,
        is_page: Callable[[str], bool] = is_page_path,
        concurrent_builds: int = CONCURRENT_BUILDS,
        metrics: Metrics | None = None,
    ) -> None:
        self.app = app
        self.metrics = metrics
        self.limiter = limiter
        self.clients = clients
        self.is_page = is_page
        self.building = asyncio.Semaphore(concurrent_builds)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope['type'] != 'http' or scope['method'] not in PAGE_METHODS or not self.is_page(scope['path']):
            await self.app(scope, receive, send)
            return
        peer = scope.get('client')
        client = self.clients.client(peer[0] if peer else None, header_map(scope.get('headers', [])))
        wait = await self.limiter.check(client)
        if self.metrics is not None:
            self.metrics.page_loads.labels('served' if wait is None else 'refused').inc()
            if wait is not None:
                self.metrics.rate_limited.labels('pages').inc()
        if wait is None:
            await self._build(scope, receive, send)
            return
        retry_after = retry_after_header(wait)
        await send_answer(
            scope,
            send,
            status=429,
            body=too_many_pages_html(retry_after).encode(),
            content_type=b'text/html; charset=utf-8',
            headers=[(b'retry-after', retry_after.encode())],
        )

    async def _build(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The page, once a build slot is free; the slot is given back as the response starts, so a client that
        reads slowly holds none."""
        await self.building.acquire()
        held = True

        def release() -> None:
            nonlocal held
            if held:
                held = False
                self.building.release()

        async def send_releasing(message: Message) -> None:
            if message['type'] == 'http.response.start':
                release()
            await send(message)

        try:
            await self.app(scope, receive, send_releasing)
        finally:
            release()
