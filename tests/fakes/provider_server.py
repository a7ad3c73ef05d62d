"""A real HTTP server on 127.0.0.1 that speaks just enough Together, OpenAI-compatible and Cohere v2 chat.

Each route has a queue of scripted behaviours; every request is recorded (path, headers, JSON body, whether the
client hung up). Routes, by path prefix:

* /together/v1/chat/completions  (Together SDK: base_url = server.base_url('together'))
* /openai/v1/chat/completions    (OpenAI-compatible: base_url = server.base_url('openai_compatible'))
* /cohere/v2/chat                (Cohere SDK: base_url = server.base_url('cohere'))
* /together/v1/images/generations (route 'together_images': Together's images API, same base URL as its chat)
* /openai/v1/images/generations   (route 'openai_images': OpenAI-compatible image servers)

An image route answers a reply (or a delayed one) with its `body` as JSON: build it with `image_reply`.

It is a bare ASGI app rather than a Starlette one: cutting a body short and noticing a client disconnect while a
reply "hangs" need the raw `send`/`receive` channel anyway. Uvicorn serves it from a background thread.
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any, Literal

import uvicorn

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

ROUTES = {
    '/together/v1/chat/completions': 'together',
    '/openai/v1/chat/completions': 'openai_compatible',
    '/cohere/v2/chat': 'cohere',
    '/together/v1/images/generations': 'together_images',
    '/openai/v1/images/generations': 'openai_images',
}
IMAGE_ROUTES = frozenset({'together_images', 'openai_images'})
PREFIXES = {'together': '/together', 'openai_compatible': '/openai', 'cohere': '/cohere'}


@dataclass(kw_only=True, slots=True)
class Behaviour:
    kind: Literal['reply', 'status', 'hang', 'truncated', 'raw']
    text: str = ''
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b''
    content_type: str = 'application/json'
    seconds: float = 0.0
    chunk_chars: int = 8  # size of each streamed delta
    echo_authorization: bool = False  # a hostile proxy that echoes request headers in its error body


def ok(text: str, *, chunk_chars: int = 8) -> Behaviour:
    return Behaviour(kind='reply', text=text, chunk_chars=chunk_chars)


def fenced(data: Any, *, before: str = 'Here is the JSON you asked for:', after: str = 'Let me know!') -> Behaviour:
    return ok(f'{before}\n```json\n{json.dumps(data, indent=2)}\n```\n{after}')


def invalid() -> Behaviour:
    return ok('I am sorry, but I would rather write a poem about your brand. {not: json,,}')


def huge(size: int = 5 * 1024 * 1024) -> Behaviour:
    return ok('{"filler": "' + 'x' * size + '"}', chunk_chars=256 * 1024)


def status(
    code: int,
    *,
    retry_after: str | None = None,
    retry_after_ms: str | None = None,
    body: str | None = None,
    content_type: str = 'application/json',
    echo_authorization: bool = False,
) -> Behaviour:
    headers = {}
    if retry_after is not None:
        headers['retry-after'] = retry_after
    if retry_after_ms is not None:
        headers['retry-after-ms'] = retry_after_ms
    payload = body if body is not None else json.dumps({'message': f'scripted {code}', 'error': {'code': code}})
    return Behaviour(
        kind='status',
        status=code,
        headers=headers,
        body=payload.encode(),
        content_type=content_type,
        echo_authorization=echo_authorization,
    )


def hang(seconds: float) -> Behaviour:
    """Say nothing for `seconds` (or until the client hangs up), then reply with an empty object."""
    return Behaviour(kind='hang', seconds=seconds, text='{}')


def delayed(text: str, seconds: float, *, chunk_chars: int = 8) -> Behaviour:
    """Think for `seconds`, then reply with `text` (streamed in `chunk_chars` pieces when the client streams)."""
    return Behaviour(kind='hang', seconds=seconds, text=text, chunk_chars=chunk_chars)


def truncated(text: str) -> Behaviour:
    """Start a valid reply carrying `text`, then drop the connection halfway through the body."""
    return Behaviour(kind='truncated', text=text)


def raw(body: bytes, *, content_type: str = 'text/html', status: int = 200) -> Behaviour:
    """A body sent as-is, not wrapped in the route's chat format."""
    return Behaviour(kind='raw', body=body, content_type=content_type, status=status)


@dataclass(kw_only=True, slots=True)
class RecordedRequest:
    route: str
    path: str
    headers: dict[str, str]
    body: Any
    scripted: bool
    received_at: float = field(default_factory=time.monotonic)
    disconnected: threading.Event = field(default_factory=threading.Event)

    @property
    def streaming(self) -> bool:
        return isinstance(self.body, dict) and self.body.get('stream') is True


Responder = Callable[[RecordedRequest], 'Behaviour | None']


class _CutConnection(Exception):
    """Raised inside the app to make uvicorn drop the connection mid-body."""


class _QuietCuts(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], _CutConnection))


class FakeProviderServer:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queues: dict[str, deque[Behaviour]] = {route: deque() for route in ROUTES.values()}
        self._responders: dict[str, Responder] = {}
        self._requests: list[RecordedRequest] = []
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.url = ''

    # --- scripting and inspection (test thread) ---

    def base_url(self, route: str) -> str:
        return f'{self.url}{PREFIXES[route]}'

    def script(self, route: str, *behaviours: Behaviour) -> None:
        with self._lock:
            self._queues[route].extend(behaviours)

    def provider_settings(
        self, key: str, providers: str = 'together,cohere,offline', *, images: str = 'off'
    ) -> dict[str, str]:
        """Settings (as environment variables) that point every provider of the chain at this server; image
        providers too with `images='auto'` (Together's, and the OpenAI-compatible one after it)."""
        return {
            'BRANDSMITH_IMAGES': images,
            'TOGETHER_IMAGE_MODEL': 'together-image-model',
            'OPENAI_COMPAT_IMAGE_MODEL': 'local-image-model',
            'BRANDSMITH_PROVIDERS': providers,
            'TOGETHER_API_KEY': key,
            'TOGETHER_MODEL': 'together-model',
            'TOGETHER_BASE_URL': self.base_url('together'),
            'COHERE_API_KEY': key,
            'COHERE_MODEL': 'cohere-model',
            'COHERE_BASE_URL': self.base_url('cohere'),
            'OPENAI_COMPAT_BASE_URL': self.base_url('openai_compatible') + '/v1',
            'OPENAI_COMPAT_API_KEY': key,
            'OPENAI_COMPAT_MODEL': 'local-model',
        }

    def respond_with(self, route: str, responder: Responder) -> None:
        """Answer requests to `route` that no scripted behaviour is left for, by looking at each request."""
        with self._lock:
            self._responders[route] = responder

    def requests(self, route: str | None = None) -> list[RecordedRequest]:
        with self._lock:
            return [request for request in self._requests if route is None or request.route == route]

    def pending(self, route: str) -> int:
        with self._lock:
            return len(self._queues[route])

    def reset(self) -> None:
        with self._lock:
            for queue in self._queues.values():
                queue.clear()
            self._responders.clear()
            self._requests.clear()

    def wait_for_requests(self, route: str, count: int, timeout_s: float = 5.0) -> list[RecordedRequest]:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            seen = self.requests(route)
            if len(seen) >= count:
                return seen
            time.sleep(0.01)
        raise AssertionError(f'{route}: expected {count} requests, saw {len(self.requests(route))}')

    # --- lifecycle ---

    def start(self) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(('127.0.0.1', 0))
        self.url = f'http://127.0.0.1:{sock.getsockname()[1]}'
        logging.getLogger('uvicorn.error').addFilter(_QuietCuts())
        config = uvicorn.Config(
            self._app,
            http='h11',
            ws='none',
            lifespan='off',
            interface='asgi3',
            log_config=None,
            access_log=False,
            timeout_graceful_shutdown=1,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={'sockets': [sock]}, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError('fake provider server did not start')
            time.sleep(0.01)

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=10)

    # --- the ASGI app (server thread) ---

    async def _app(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope['type'] != 'http':
            return
        raw_body = b''
        while True:
            message = await receive()
            raw_body += message.get('body', b'')
            if not message.get('more_body'):
                break
        path = scope['path']
        route = ROUTES.get(path, '')
        try:
            body = json.loads(raw_body) if raw_body else None
        except ValueError:
            body = raw_body.decode(errors='replace')
        headers = {key.decode('latin-1').lower(): value.decode('latin-1') for key, value in scope['headers']}
        with self._lock:
            behaviour = self._queues[route].popleft() if route and self._queues[route] else None
            record = RecordedRequest(route=route, path=path, headers=headers, body=body, scripted=behaviour is not None)
            self._requests.append(record)
            responder = self._responders.get(route)
        if behaviour is None and responder is not None:
            behaviour = responder(record)
        if not route:
            await _respond(send, 404, b'{"message": "no such route"}')
            return
        if behaviour is None:
            await _respond(send, 500, b'{"message": "no scripted behaviour left"}')
            return
        await self._behave(behaviour, record, receive, send)

    async def _behave(self, behaviour: Behaviour, record: RecordedRequest, receive: Receive, send: Send) -> None:
        if behaviour.kind == 'status':
            await _respond(
                send, behaviour.status, _status_body(behaviour, record), behaviour.content_type, behaviour.headers
            )
            return
        if behaviour.kind == 'raw':
            await _respond(send, behaviour.status, behaviour.body, behaviour.content_type)
            return
        if behaviour.kind == 'hang' and await _client_left(receive, behaviour.seconds, record):
            return
        if record.route in IMAGE_ROUTES:
            await _respond(send, 200, behaviour.body)
            return
        model = record.body.get('model', 'fake-model') if isinstance(record.body, dict) else 'fake-model'
        if record.streaming:
            await _stream_reply(send, behaviour, record.route, model)
        else:
            await _reply(send, behaviour, record.route, model)


def _status_body(behaviour: Behaviour, record: RecordedRequest) -> bytes:
    if not behaviour.echo_authorization:
        return behaviour.body
    return json.dumps({'message': f'invalid token in {record.headers.get("authorization", "")}'}).encode()


async def _client_left(receive: Receive, seconds: float, record: RecordedRequest) -> bool:
    """Say nothing for `seconds`; True (with the request marked) when the client hung up meanwhile."""
    try:
        message = await asyncio.wait_for(receive(), seconds)
    except TimeoutError:
        return False
    if message['type'] == 'http.disconnect':
        record.disconnected.set()
        return True
    return False


async def _stream_reply(send: Send, behaviour: Behaviour, route: str, model: str) -> None:
    events = _stream_events(route, model, behaviour.text, behaviour.chunk_chars)
    await send({'type': 'http.response.start', 'status': 200, 'headers': _headers('text/event-stream')})
    if behaviour.kind == 'truncated':
        events = events[: max(len(events) // 2, 1)]
    for event in events:
        await send({'type': 'http.response.body', 'body': event, 'more_body': True})
        await asyncio.sleep(0)  # let each event go out on its own
    if behaviour.kind == 'truncated':
        raise _CutConnection
    await send({'type': 'http.response.body', 'body': b'', 'more_body': False})


async def _reply(send: Send, behaviour: Behaviour, route: str, model: str) -> None:
    body = json.dumps(_completion(route, model, behaviour.text)).encode()
    if behaviour.kind == 'truncated':
        await send({'type': 'http.response.start', 'status': 200, 'headers': _headers('application/json', body)})
        await send({'type': 'http.response.body', 'body': body[: len(body) // 2], 'more_body': True})
        raise _CutConnection
    await _respond(send, 200, body)


def _headers(content_type: str, body: bytes | None = None, extra: dict[str, str] | None = None) -> list[Any]:
    headers = [(b'content-type', content_type.encode())]
    if body is not None:
        headers.append((b'content-length', str(len(body)).encode()))
    headers += [(key.encode(), value.encode()) for key, value in (extra or {}).items()]
    return headers


async def _respond(
    send: Send,
    status_code: int,
    body: bytes,
    content_type: str = 'application/json',
    extra: dict[str, str] | None = None,
) -> None:
    await send({'type': 'http.response.start', 'status': status_code, 'headers': _headers(content_type, body, extra)})
    await send({'type': 'http.response.body', 'body': body, 'more_body': False})


def _completion(route: str, model: str, text: str) -> dict[str, Any]:
    if route == 'cohere':
        return {
            'id': 'fake-cohere-1',
            'finish_reason': 'COMPLETE',
            'message': {'role': 'assistant', 'content': [{'type': 'text', 'text': text}]},
            'usage': {
                'billed_units': {'input_tokens': 10, 'output_tokens': 20},
                'tokens': {'input_tokens': 12, 'output_tokens': 20},
            },
        }
    return {
        'id': 'chatcmpl-fake-1',
        'object': 'chat.completion',
        'created': 1700000000,
        'model': model,
        'choices': [{'index': 0, 'message': {'role': 'assistant', 'content': text}, 'finish_reason': 'stop'}],
        'usage': {'prompt_tokens': 10, 'completion_tokens': 20, 'total_tokens': 30},
    }


def _pieces(text: str, size: int) -> list[str]:
    return [text[index : index + size] for index in range(0, len(text), size)] or ['']


def _stream_events(route: str, model: str, text: str, chunk_chars: int) -> list[bytes]:
    if route == 'cohere':
        # Shapes from cohere/v2/types/v2chat_stream_response.py and cohere/types/chat_*_event*.py (7.3.1).
        payloads: list[dict[str, Any]] = [
            {'type': 'message-start', 'id': 'fake-cohere-1', 'delta': {'message': {'role': 'assistant'}}},
            {'type': 'content-start', 'index': 0, 'delta': {'message': {'content': {'type': 'text', 'text': ''}}}},
            *(
                {'type': 'content-delta', 'index': 0, 'delta': {'message': {'content': {'text': piece}}}}
                for piece in _pieces(text, chunk_chars)
            ),
            {'type': 'content-end', 'index': 0},
            {
                'type': 'message-end',
                'delta': {'finish_reason': 'COMPLETE', 'usage': {'tokens': {'input_tokens': 12, 'output_tokens': 20}}},
            },
        ]
        return [f'event: {payload["type"]}\ndata: {json.dumps(payload)}\n\n'.encode() for payload in payloads]
    base = {'id': 'chatcmpl-fake-1', 'object': 'chat.completion.chunk', 'created': 1700000000, 'model': model}
    chunks = [
        {**base, 'choices': [{'index': 0, 'delta': {'role': 'assistant', 'content': ''}, 'finish_reason': None}]},
        *(
            {**base, 'choices': [{'index': 0, 'delta': {'content': piece}, 'finish_reason': None}]}
            for piece in _pieces(text, chunk_chars)
        ),
        {**base, 'choices': [{'index': 0, 'delta': {}, 'finish_reason': 'stop'}]},
    ]
    return [f'data: {json.dumps(chunk)}\n\n'.encode() for chunk in chunks] + [b'data: [DONE]\n\n']


def refused_url() -> str:
    """A loopback URL nobody listens on: the port was bound, then closed."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(('127.0.0.1', 0))
        port = sock.getsockname()[1]
    return f'http://127.0.0.1:{port}'
