"""The outermost layer of the app: the answers that must stay fast while the server is loaded.

NiceGUI adds its own middlewares when `ui.run` starts the server (sessions, request tracking, cache control, prefix
redirects, gzip), outside every middleware the app added before. Three of them are BaseHTTPMiddleware, each a task
group and a memory stream per request, and request tracking creates a user storage for every request without a
session cookie. During a flood of page loads each of those steps waits its turn on the one event loop, so `/health`
took a median of 60 ms and a p95 of several hundred even when the flood itself was answered with cheap 429s.

`put_outermost` moves the given middlewares outside NiceGUI's once the server has started, and `HealthMiddleware`
answers `/health` there, so a health check passes no other layer. Their own answers carry the security headers and a
request id, as every other response does (see branding.web).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence

from fastapi import FastAPI
from starlette.middleware import Middleware

from branding.web import REQUEST_ID_HEADER, SECURITY_HEADERS, ASGIApp, Receive, Scope, Send

log = logging.getLogger('brandsmith.http')

HEALTH_PATH = '/health'


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
