"""The guard rails every response passes: request ids, security headers, body cap, logging, one error shape."""

from __future__ import annotations

import inspect
import json
import logging
import re
import time
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import UTC, datetime
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.routing import Match, Mount

from branding.logs import REQUEST_ID
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


ERROR_NAMES = {
    400: 'bad_request',
    404: 'not_found',
    405: 'method_not_allowed',
    413: 'payload_too_large',
    431: 'request_header_fields_too_large',
}
# Node's default, far above what a browser sends (NiceGUI's session cookie is a few hundred bytes). The cap lives here
# because uvicorn's parsers differ: httptools, its choice when installed, takes any size (8 MB passed), and h11 stops
# at 16 KiB only for a head that arrives in several reads.
MAX_HEADER_BYTES = 16 * 1024
# Statuses that mounted apps (static files, Socket.IO) and NiceGUI's 404 handler answer in shapes of their own; the
# middleware puts them in the one shape on the way out.
SHAPED_STATUSES = frozenset({404, 405})
# default error bodies are a few dozen bytes and NiceGUI's error page about 13 KB: a longer one goes out as it came
_HELD_BODY_LIMIT = 64 * 1024
# Paths that programs call: an unmatched one gets the error shape where NiceGUI would draw its HTML error page, which
# would also build a whole page client for every miss. Any other unmatched path is a page URL typed into a browser.
MACHINE_PREFIXES = ('/api/', '/_nicegui')
_METHODS = ('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS')


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


def is_machine_path(path: str) -> bool:
    return path == '/api' or path.startswith(MACHINE_PREFIXES)


def header_bytes(scope: Scope) -> int:
    return sum(len(name) + len(value) for name, value in scope.get('headers', []))


class BodyTooLarge(HTTPException):
    """An HTTPException, so FastAPI's body reading passes it on instead of answering 400 'error parsing the body'."""

    def __init__(self, max_body_bytes: int) -> None:
        super().__init__(413, f'The request body is larger than {max_body_bytes} bytes.')


async def _nothing_to_receive() -> Message:
    return {'type': 'http.disconnect'}


def _header(start: Message, name: bytes) -> bytes | None:
    return next((value for key, value in start.get('headers', []) if key.lower() == name), None)


def _has_error_shape(body: bytes) -> bool:
    try:
        parsed = json.loads(body)
    except ValueError:
        return False
    return isinstance(parsed, dict) and {'error', 'detail', 'request_id', 'timestamp'} <= parsed.keys()


def _detail_of(body: bytes, status: int) -> Any:
    """The sub-app's own words where it gave any (FastAPI's {"detail": ...}), else the status phrase."""
    try:
        parsed = json.loads(body)
    except ValueError:
        parsed = None
    if isinstance(parsed, dict) and parsed.get('detail'):
        return parsed['detail']
    return HTTPStatus(status).phrase


class _ErrorShaper:
    """Holds back a 404 or 405 until its body is whole, then sends it in the one shape unless it already has it or is
    NiceGUI's HTML page for a page URL. Every later message passes straight through."""

    def __init__(self, scope: Scope, send: Send) -> None:
        self.scope = scope
        self.send = send
        self.held: Message | None = None
        self.body = b''

    async def __call__(self, message: Message) -> None:
        if self.held is None:
            if message['type'] == 'http.response.start' and message['status'] in SHAPED_STATUSES:
                self.held = message
            else:
                await self.send(message)
            return
        is_body = message['type'] == 'http.response.body'
        last = is_body and not message.get('more_body', False)
        if is_body:
            self.body += message.get('body', b'')
            if not last and len(self.body) <= _HELD_BODY_LIMIT:
                return
        held, self.held = self.held, None
        if last and self._needs_shape(held):
            await self._send_shaped(held)
            return
        await self.send(held)
        if is_body:
            await self.send({**message, 'body': self.body})
            return
        if self.body:
            await self.send({'type': 'http.response.body', 'body': self.body, 'more_body': True})
        await self.send(message)

    def _needs_shape(self, start: Message) -> bool:
        content_type = _header(start, b'content-type') or b''
        if content_type.startswith(b'application/json') and _has_error_shape(self.body):
            return False
        return not (content_type.startswith(b'text/html') and not is_machine_path(self.scope['path']))

    async def _send_shaped(self, start: Message) -> None:
        status = start['status']
        allow = _header(start, b'allow')
        headers = {'Allow': allow.decode('latin-1')} if allow is not None else None
        response = error_response(self.scope, status, ERROR_NAMES[status], _detail_of(self.body, status), headers)
        await response(self.scope, _nothing_to_receive, self.send)


class ServiceMiddleware:
    """Pure ASGI, so streamed responses (SSE) and WebSockets pass through untouched."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int, max_header_bytes: int = MAX_HEADER_BYTES) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.max_header_bytes = max_header_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope['type'] == 'websocket' and header_bytes(scope) > self.max_header_bytes:
            # closing before accepting makes the server refuse the upgrade (403)
            await send({'type': 'websocket.close', 'code': 1008})
            return
        if scope['type'] != 'http':
            await self.app(scope, receive, send)
            return
        incoming = dict(scope['headers']).get(REQUEST_ID_HEADER.encode(), b'').decode('latin-1')
        request_id = incoming if _SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        scope.setdefault('state', {})['request_id'] = request_id
        request_id_token = REQUEST_ID.set(request_id)  # every log line written for this request names it
        started = time.perf_counter()
        status = 500

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message['type'] == 'http.response.start':
                status = message['status']
                headers = list(message.get('headers', []))
                present = {name.lower() for name, _ in headers}
                headers.append((REQUEST_ID_HEADER.encode(), request_id.encode()))
                headers += [header for header in SECURITY_HEADERS if header[0] not in present]
                if b'cache-control' not in present and _is_api_or_page(scope['path']):
                    headers.append((b'cache-control', b'no-store'))
                message['headers'] = headers
            await send(message)

        try:
            await self._answer(scope, receive, send_with_headers)
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
            REQUEST_ID.reset(request_id_token)

    async def _answer(self, scope: Scope, receive: Receive, send: Send) -> None:
        if header_bytes(scope) > self.max_header_bytes:
            detail = f'The request headers are larger than {self.max_header_bytes} bytes.'
            await error_response(scope, 431, ERROR_NAMES[431], detail)(scope, receive, send)
            return
        response_started = False

        async def shaped_send(message: Message) -> None:
            nonlocal response_started
            response_started = True
            await shaper(message)

        shaper = _ErrorShaper(scope, send)
        try:
            if self._declared_length(scope) > self.max_body_bytes:
                raise BodyTooLarge(self.max_body_bytes)
            await self.app(scope, self._capped(receive), shaped_send)
        except BodyTooLarge as too_large:
            # reached here only when no exception handler answered it (a read outside FastAPI's routing)
            if response_started:
                raise
            await error_response(scope, 413, ERROR_NAMES[413], too_large.detail)(scope, receive, send)

    def _capped(self, receive: Receive) -> Receive:
        received = 0

        async def capped_receive() -> Message:
            nonlocal received
            message = await receive()
            if message['type'] == 'http.request':
                received += len(message.get('body', b''))
                if received > self.max_body_bytes:
                    raise BodyTooLarge(self.max_body_bytes)
            return message

        return capped_receive

    @staticmethod
    def _declared_length(scope: Scope) -> int:
        try:
            return int(dict(scope['headers']).get(b'content-length', b'0') or 0)
        except ValueError:
            return 0


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


def allowed_methods(request: Request) -> set[str]:
    """Every method some route answers on this path. Starlette's Allow names only the first matching route's, and
    FastAPI keeps an included router as one entry that matches per method, so each method is tried in turn. Mounts
    match every method, so they are left to say their own (static files say GET, HEAD)."""
    # inside a mount root_path has grown by the mount's prefix; the app's routes match from the app's own root
    scope = {**request.scope, 'root_path': request.scope.get('app_root_path', request.scope.get('root_path', ''))}
    routes = [route for route in request.app.routes if not isinstance(route, Mount)]
    return {
        method
        for method in _METHODS
        if any(route.matches({**scope, 'method': method})[0] == Match.FULL for route in routes)
    }


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    error = ERROR_NAMES.get(exc.status_code, 'http_error')
    headers = {name: value for name, value in (exc.headers or {}).items() if name.lower() != 'allow'}
    if exc.status_code == 405:
        given = next((value for name, value in (exc.headers or {}).items() if name.lower() == 'allow'), '')
        methods = {method.strip() for method in given.split(',') if method.strip()} | allowed_methods(request)
        headers['Allow'] = ', '.join(sorted(methods))
    return error_response(request.scope, exc.status_code, error, exc.detail, headers)


PageNotFound = Callable[[Request, Exception], Response | Awaitable[Response]]


def _not_found(page_not_found: PageNotFound | None) -> Callable[[Request, Exception], Awaitable[Response]]:
    """404s in the one shape, except on page URLs of an app that draws its own 404 page (NiceGUI's), which keep it.

    NiceGUI registers its handler by status code, which Starlette consults before handlers by class, so the API's
    HTTPException handler never sees a 404 on NiceGUI's app without this one in its place."""

    async def not_found(request: Request, exc: Exception) -> Response:
        # a route or mount that matched and raised 404 (a static file, a kit) is a program's answer, not a page URL
        matched = request.scope.get('endpoint') is not None
        if page_not_found is None or matched or is_machine_path(request.url.path):
            return await _http_error(request, exc)
        answer = page_not_found(request, exc)
        return await answer if inspect.isawaitable(answer) else answer

    return not_found


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    request_id = request_id_of(request.scope)
    log.exception('unhandled error on %s %s request_id=%s', request.method, request.url.path, request_id)
    return error_response(request.scope, 500, 'internal_error', 'Something went wrong on our side. Please try again.')


def install_guards(
    app: FastAPI,
    *,
    max_body_bytes: int,
    max_header_bytes: int = MAX_HEADER_BYTES,
    page_not_found: PageNotFound | None = None,
) -> None:
    """`page_not_found` answers 404s on page URLs (default: the app's own 404 handler, e.g. NiceGUI's page)."""
    app.add_middleware(ServiceMiddleware, max_body_bytes=max_body_bytes, max_header_bytes=max_header_bytes)
    app.add_exception_handler(404, _not_found(page_not_found or app.exception_handlers.get(404)))
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)


def sse_event(event: str, data: Any) -> bytes:
    """One Server-Sent Event; JSON on one line, so no payload can break the framing."""
    return f'event: {event}\ndata: {json.dumps(data, separators=(",", ":"))}\n\n'.encode()
