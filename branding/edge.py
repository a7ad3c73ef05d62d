"""The outermost layer of the app: the answers that must stay fast while the server is loaded.

NiceGUI adds its own middlewares when `ui.run` starts the server (sessions, request tracking, cache control, prefix
redirects, gzip), outside every middleware the app added before. Three of them are BaseHTTPMiddleware, each a task
group and a memory stream per request, and request tracking creates a user storage for every request without a
session cookie. During a flood of page loads each of those steps waits its turn on the one event loop, so `/health`
took a median of 60 ms and a p95 of several hundred even when the flood itself was answered with cheap 429s.

`put_outermost` moves the given middlewares outside NiceGUI's once the server has started, and `HealthMiddleware`
answers `/health` there, so a health check passes no other layer. Their own answers carry the security headers and a
request id, as every other response does (see branding.web).

`SessionlessPaths` sends requests that never draw a page (the API, metrics, share pages, fonts, built assets, NiceGUI's
own files, the API docs) past NiceGUI's session and request-tracking middlewares. Those give every request without a
session cookie a new session and a user storage; with NICEGUI_REDIS_URL that storage is a Redis client and a
subscription of its own, held until NiceGUI prunes it some 10 to 20 s later, so every script, bot or uptime check
calling the API held Redis connections (100 cookie-less calls: 90 connections). Pages and NiceGUI's socket keep them.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from importlib.metadata import version

from fastapi import FastAPI
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware

from branding.web import REQUEST_ID_HEADER, SECURITY_HEADERS, ASGIApp, Receive, Scope, Send

log = logging.getLogger('brandsmith.http')

HEALTH_PATH = '/health'
# paths no page is drawn on: no NiceGUI session or user storage is made for them (NiceGUI's own files are all under
# its versioned prefix; its socket and uploads are elsewhere and keep the session)
SESSIONLESS_PREFIXES = ('/api/', '/kit/', '/fonts/', '/assets/', '/_api-docs/', f'/_nicegui/{version("nicegui")}/')
SESSIONLESS_PATHS = frozenset({'/api', '/metrics', '/docs', '/redoc', '/openapi.json', '/favicon.ico'})


async def send_answer(
    scope: Scope,
    send: Send,
    *,
    status: int,
    body: bytes,
    content_type: bytes,
    headers: Sequence[tuple[bytes, bytes]] = (),
) -> None:
    """A whole response with the headers every response carries; without its body for HEAD."""
    request_id = uuid.uuid4().hex
    await send(
        {
            'type': 'http.response.start',
            'status': status,
            'headers': [
                (b'content-type', content_type),
                (b'content-length', str(len(body)).encode()),
                (b'cache-control', b'no-store'),
                (REQUEST_ID_HEADER.encode(), request_id.encode()),
                *SECURITY_HEADERS,
                *headers,
            ],
        }
    )
    await send({'type': 'http.response.body', 'body': b'' if scope['method'] == 'HEAD' else body})
    if status >= 400:
        log.info('%s %s %s request_id=%s', scope['method'], scope['path'], status, request_id)


class HealthMiddleware:
    """Pure ASGI: GET and HEAD /health answered with `body` (the API's Health model), before any other layer."""

    def __init__(self, app: ASGIApp, *, body: bytes) -> None:
        self.app = app
        self.body = body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope['type'] == 'http' and scope['path'] == HEALTH_PATH and scope['method'] in {'GET', 'HEAD'}:
            await send_answer(scope, send, status=200, body=self.body, content_type=b'application/json')
            return
        await self.app(scope, receive, send)


def put_outermost(app: FastAPI, middlewares: Sequence[Middleware]) -> None:
    """Put `middlewares` (the first outermost) outside all others, NiceGUI's included: call it when the app starts.

    NiceGUI adds its middlewares in `ui.run`, after the app's code has run, so adding these earlier cannot put them
    first. Starlette builds the middleware stack on the app's first call (the lifespan's), so the stack is dropped to
    be built again, these outside, for the first request; NiceGUI's user simulation drops it the same way.
    """
    app.user_middleware[:0] = middlewares
    app.middleware_stack = None


def is_sessionless(path: str) -> bool:
    return path in SESSIONLESS_PATHS or path.startswith(SESSIONLESS_PREFIXES)


class SessionlessPaths:
    """Pure ASGI: a request on a sessionless path goes to `direct` (the same layers, without NiceGUI's sessions)."""

    def __init__(self, app: ASGIApp, *, direct: ASGIApp) -> None:
        self.app = app
        self.direct = direct

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope['type'] == 'http' and is_sessionless(scope['path']):
            await self.direct(scope, receive, send)
            return
        await self.app(scope, receive, send)


def skip_sessions(app: FastAPI, *, after: int) -> None:
    """Put SessionlessPaths after the first `after` middlewares (those put outermost), its direct way built from the
    ones after it minus NiceGUI's session and request tracking: call it when the app starts, after `put_outermost`."""
    # imported here: NiceGUI reads its storage settings from the environment when imported
    from nicegui.storage import RequestTrackingMiddleware  # noqa: PLC0415

    inner = app.user_middleware[after:]
    browser_only: tuple[object, ...] = (SessionMiddleware, RequestTrackingMiddleware)
    everything = app.user_middleware
    app.user_middleware = [middleware for middleware in inner if middleware.cls not in browser_only]
    try:
        direct = app.build_middleware_stack()
    finally:
        app.user_middleware = everything
    app.user_middleware.insert(after, Middleware(SessionlessPaths, direct=direct))
    app.middleware_stack = None
