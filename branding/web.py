"""The guard rails every response passes: request ids, security headers, body cap, logging, one error shape."""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException
from starlette.routing import Match

from branding.validation import friendly_message

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

log = logging.getLogger('brandsmith.http')

REQUEST_ID_HEADER = 'x-request-id'
_SAFE_REQUEST_ID = re.compile(r'^[A-Za-z0-9._-]{1,64}$')

# NiceGUI needs inline scripts and styles, and eval for run_javascript (clipboard, downloads); the page itself only
# ever talks to its own origin over HTTP and WebSocket.
CONTENT_SECURITY_POLICY = '; '.join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self' ws: wss:",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b'content-security-policy', CONTENT_SECURITY_POLICY.encode()),
    (b'x-content-type-options', b'nosniff'),
    (b'referrer-policy', b'strict-origin-when-cross-origin'),
    (b'x-frame-options', b'DENY'),
    (b'permissions-policy', b'camera=(), microphone=(), geolocation=()'),
]


class ErrorBody(BaseModel):
    """The one shape of every API error."""

    error: str
    detail: Any
    request_id: str
    timestamp: str


ERROR_NAMES = {400: 'bad_request', 404: 'not_found', 405: 'method_not_allowed', 413: 'payload_too_large'}


class ApiError(Exception):
    """An error the API answers with its one JSON shape."""

    def __init__(self, status_code: int, error: str, detail: Any, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(error)
        self.status_code = status_code
        self.error = error
        self.detail = detail
        self.headers = headers or {}


def request_id_of(scope: Scope) -> str:
    return str(scope.get('state', {}).get('request_id', ''))


def error_body(error: str, detail: Any, request_id: str) -> dict[str, Any]:
    return {
        'error': error,
        'detail': detail,
        'request_id': request_id,
        'timestamp': datetime.now(UTC).isoformat(timespec='seconds'),
    }


def error_response(
    scope: Scope, status_code: int, error: str, detail: Any, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(error_body(error, detail, request_id_of(scope)), status_code=status_code, headers=headers)


class BodyTooLarge(Exception):
    pass


class ServiceMiddleware:
    """Pure ASGI, so streamed responses (SSE) and WebSockets pass through untouched."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope['type'] != 'http':
            await self.app(scope, receive, send)
            return
        incoming = dict(scope['headers']).get(REQUEST_ID_HEADER.encode(), b'').decode('latin-1')
        request_id = incoming if _SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        scope.setdefault('state', {})['request_id'] = request_id
        started = time.perf_counter()
        status = 500
        response_started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal status, response_started
            if message['type'] == 'http.response.start':
                response_started = True
                status = message['status']
                headers = list(message.get('headers', []))
                present = {name.lower() for name, _ in headers}
                headers.append((REQUEST_ID_HEADER.encode(), request_id.encode()))
                headers += [header for header in SECURITY_HEADERS if header[0] not in present]
                if b'cache-control' not in present and _is_api_or_page(scope['path']):
                    headers.append((b'cache-control', b'no-store'))
                message['headers'] = headers
            await send(message)

        received = 0

        async def capped_receive() -> Message:
            nonlocal received
            message = await receive()
            if message['type'] == 'http.request':
                received += len(message.get('body', b''))
                if received > self.max_body_bytes:
                    raise BodyTooLarge
            return message

        try:
            declared = int(dict(scope['headers']).get(b'content-length', b'0') or 0)
        except ValueError:
            declared = 0
        try:
            if declared > self.max_body_bytes:
                raise BodyTooLarge
            await self.app(scope, capped_receive, send_with_headers)
        except BodyTooLarge:
            if response_started:
                raise
            detail = f'The request body is larger than {self.max_body_bytes} bytes.'
            await error_response(scope, 413, 'payload_too_large', detail)(scope, receive, send_with_headers)
        finally:
            level = logging.DEBUG if scope['path'].startswith('/_nicegui') else logging.INFO
            log.log(
                level,
                '%s %s %s %.1f ms request_id=%s',
                scope['method'],
                scope['path'],
                status,
                (time.perf_counter() - started) * 1000,
                request_id,
            )


def _is_api_or_page(path: str) -> bool:
    return not path.startswith(('/_nicegui', '/fonts', '/static'))


def _field(location: tuple[Any, ...]) -> str:
    parts = [str(part) for part in location if part != 'body']
    return '.'.join(parts) or 'body'


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [
        {
            'loc': list(item['loc']),
            'field': _field(tuple(item['loc'])),
            'msg': friendly_message(item),
            'type': item['type'],
        }
        for item in exc.errors()
    ]
    return error_response(request.scope, 422, 'validation_error', problems)


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(request.scope, exc.status_code, exc.error, exc.detail, exc.headers)


def allowed_methods(request: Request) -> str:
    """Every method any route offers for this path: Starlette names only the first matching route's in Allow."""
    methods: set[str] = set()
    for route in request.app.routes:
        match, _ = route.matches({**request.scope, 'method': 'GET'})
        if match != Match.NONE:
            methods |= getattr(route, 'methods', None) or set()
    return ', '.join(sorted(methods))


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    error = ERROR_NAMES.get(exc.status_code, 'http_error')
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers['Allow'] = allowed_methods(request)
    return error_response(request.scope, exc.status_code, error, exc.detail, headers)


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    request_id = request_id_of(request.scope)
    log.exception('unhandled error on %s %s request_id=%s', request.method, request.url.path, request_id)
    return error_response(request.scope, 500, 'internal_error', 'Something went wrong on our side. Please try again.')


def install_guards(app: FastAPI, *, max_body_bytes: int) -> None:
    app.add_middleware(ServiceMiddleware, max_body_bytes=max_body_bytes)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)


def sse_event(event: str, data: Any) -> bytes:
    """One Server-Sent Event; JSON on one line, so no payload can break the framing."""
    return f'event: {event}\ndata: {json.dumps(data, separators=(",", ":"))}\n\n'.encode()
