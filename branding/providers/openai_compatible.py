"""Any server speaking OpenAI's chat completions (Ollama, vLLM, llama.cpp, LM Studio, LiteLLM...), over plain httpx.

OPENAI_COMPAT_BASE_URL may be given with or without the trailing /v1: `http://localhost:11434` and
`http://localhost:11434/v1` both post to `http://localhost:11434/v1/chat/completions`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx
from pydantic import SecretStr

from branding.providers.base import MAX_BODY_BYTES, ChatRequest
from branding.providers.errors import ErrorKind, ProviderError, status_error, transport_error, unexpected_error

logger = logging.getLogger(__name__)

_SCHEMA_REJECTED_STATUSES = (400, 422)


def chat_completions_url(base_url: str) -> str:
    base = base_url.strip().rstrip('/')
    base = base.removesuffix('/v1')
    return f'{base}/v1/chat/completions'


def classify(exc: BaseException, *, timeout_s: float | None = None) -> ProviderError:
    if isinstance(exc, ProviderError):
        return exc
    if isinstance(exc, httpx.TransportError):
        return transport_error(exc, timeout_s=timeout_s)
    return unexpected_error(exc)


class OpenAICompatibleProvider:
    name = 'openai_compatible'

    def __init__(self, *, base_url: str, api_key: SecretStr | None, model: str, timeout_s: float) -> None:
        self.model = model
        self.url = chat_completions_url(base_url)
        headers = {'Authorization': f'Bearer {api_key.get_secret_value()}'} if api_key else {}
        self._http = httpx.AsyncClient(timeout=timeout_s, headers=headers)
        self._json_schema_supported = True

    def _body(self, request: ChatRequest, *, json_schema: bool, stream: bool) -> dict[str, Any]:
        response_format: dict[str, Any] = {'type': 'json_object'}
        if json_schema:
            response_format = {
                'type': 'json_schema',
                'json_schema': {'name': request.response_format_name, 'schema': request.json_schema},
            }
        return {
            'model': self.model,
            'messages': request.messages(),
            'max_tokens': request.max_tokens,
            'temperature': request.temperature,
            'response_format': response_format,
            'stream': stream,
        }

    async def complete(self, request: ChatRequest, *, timeout_s: float) -> str:
        try:
            body = await self._post(request, timeout_s=timeout_s)
        except httpx.TransportError as exc:
            raise classify(exc, timeout_s=timeout_s) from None
        return _message_content(body)

    async def _post(self, request: ChatRequest, *, timeout_s: float) -> bytes:
        json_schema = self._json_schema_supported
        try:
            return await self._post_once(request, timeout_s=timeout_s, json_schema=json_schema)
        except ProviderError as exc:
            if not json_schema or exc.status_code not in _SCHEMA_REJECTED_STATUSES:
                raise
        body = await self._post_once(request, timeout_s=timeout_s, json_schema=False)
        self._schema_rejected()
        return body

    async def _post_once(self, request: ChatRequest, *, timeout_s: float, json_schema: bool) -> bytes:
        body = self._body(request, json_schema=json_schema, stream=False)
        async with self._http.stream('POST', self.url, json=body, timeout=timeout_s) as response:
            if response.status_code >= 300:
                raise status_error(response.status_code, response.headers)
            return await _read_capped(response)

    def _schema_rejected(self) -> None:
        # Remembered only after json_object worked: if it failed too, the 400 was about something else.
        self._json_schema_supported = False
        logger.info('openai_compatible (%s) rejected response_format json_schema; using json_object', self.model)

    async def stream(self, request: ChatRequest, *, timeout_s: float) -> AsyncIterator[str]:
        json_schema = self._json_schema_supported
        try:
            try:
                async for text in self._stream_once(request, timeout_s=timeout_s, json_schema=json_schema):
                    yield text
                return
            except ProviderError as exc:
                # A status error comes before any text, so trying again cannot repeat what was yielded.
                if not json_schema or exc.status_code not in _SCHEMA_REJECTED_STATUSES:
                    raise
            async for text in self._stream_once(request, timeout_s=timeout_s, json_schema=False):
                if self._json_schema_supported:
                    self._schema_rejected()
                yield text
        except httpx.TransportError as exc:
            raise classify(exc, timeout_s=timeout_s) from None

    async def _stream_once(self, request: ChatRequest, *, timeout_s: float, json_schema: bool) -> AsyncIterator[str]:
        body = self._body(request, json_schema=json_schema, stream=True)
        headers = {'Accept': 'text/event-stream'}
        async with self._http.stream('POST', self.url, json=body, headers=headers, timeout=timeout_s) as response:
            if response.status_code >= 300:
                raise status_error(response.status_code, response.headers)
            if 'text/event-stream' not in response.headers.get('content-type', ''):
                # Some servers ignore `stream` and answer with one whole completion.
                yield _message_content(await _read_capped(response))
                return
            async for data in _sse_data(response):
                if data == '[DONE]':
                    return
                try:
                    event = json.loads(data)
                except ValueError:
                    raise ProviderError(ErrorKind.BAD_RESPONSE, 'malformed event in the reply stream') from None
                if not isinstance(event, dict):
                    raise ProviderError(ErrorKind.BAD_RESPONSE, 'malformed event in the reply stream')
                if event.get('error'):
                    raise ProviderError(ErrorKind.SERVER, 'error event in the reply stream')
                text = _delta_text(event)
                if text:
                    yield text

    async def aclose(self) -> None:
        await self._http.aclose()


def _message_content(body: bytes) -> str:
    try:
        content = json.loads(body)['choices'][0]['message']['content']
    except (ValueError, LookupError, TypeError):
        raise ProviderError(ErrorKind.BAD_RESPONSE, 'reply is not a chat completion') from None
    if not isinstance(content, str):
        raise ProviderError(ErrorKind.BAD_RESPONSE, 'reply has no message content')
    return content


async def _read_capped(response: httpx.Response) -> bytes:
    """The body, read with a cap so a runaway server cannot fill memory before we notice."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise _too_large()
        chunks.append(chunk)
    return b''.join(chunks)


def _too_large() -> ProviderError:
    return ProviderError(ErrorKind.TOO_LARGE, f'reply larger than {MAX_BODY_BYTES // 1024} KB')


def _delta_text(event: dict[str, Any]) -> str | None:
    try:
        text = event['choices'][0]['delta'].get('content')
    except (LookupError, TypeError, AttributeError):
        return None  # role-only, usage-only and keep-alive chunks carry no text
    return text if isinstance(text, str) else None


async def _sse_data(response: httpx.Response) -> AsyncIterator[str]:
    """The `data:` payloads of an SSE body, with a cap on the bytes buffered while waiting for an event's end."""
    buffer = b''
    total = 0
    async for chunk in response.aiter_bytes():
        total += len(chunk)
        if total > MAX_BODY_BYTES:
            raise _too_large()
        buffer += chunk
        *lines, buffer = buffer.split(b'\n')
        for raw_line in lines:
            line = raw_line.decode('utf-8', errors='replace').rstrip('\r')
            if line.startswith('data:'):
                yield line[5:].removeprefix(' ')
    line = buffer.decode('utf-8', errors='replace').strip()
    if line.startswith('data:'):
        yield line[5:].removeprefix(' ')
