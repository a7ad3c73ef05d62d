"""Cohere's v2 chat through its official SDK, with the SDK's own retries off (the chain owns the retry policy)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

import cohere
import httpx
from cohere.core import ApiError, ParsingError
from cohere.core.http_sse import SSEError
from pydantic import SecretStr

from branding.providers.base import ChatRequest
from branding.providers.errors import ErrorKind, ProviderError, status_error, transport_error, unexpected_error

logger = logging.getLogger(__name__)

DEFAULT_BASE_URL = 'https://api.cohere.com'
_SCHEMA_REJECTED_STATUSES = (400, 422)


def classify(exc: BaseException, *, timeout_s: float | None = None) -> ProviderError:
    if isinstance(exc, ProviderError):
        return exc
    if isinstance(exc, ParsingError):  # a 2xx body the SDK's models reject
        return ProviderError(ErrorKind.BAD_RESPONSE, 'reply does not match the chat response format')
    if isinstance(exc, ApiError):
        return _api_error(exc)
    if isinstance(exc, SSEError):  # a 2xx answer to chat_stream that is not text/event-stream
        return ProviderError(ErrorKind.BAD_RESPONSE, 'reply is not an event stream')
    # The SDK does not wrap transport failures: timeouts, refused connections and cut-off bodies arrive as httpx's.
    if isinstance(exc, httpx.TransportError):
        return transport_error(exc, timeout_s=timeout_s)
    return unexpected_error(exc)


def _api_error(exc: ApiError) -> ProviderError:
    # Error bodies that are not JSON, and codes without a subclass (502...), arrive as a bare ApiError; a 2xx body that
    # is not JSON arrives as one with status 200.
    if exc.status_code is None:
        return ProviderError(ErrorKind.BAD_RESPONSE, 'error without a status code')
    return status_error(exc.status_code, exc.headers)


class CohereProvider:
    name = 'cohere'

    def __init__(self, *, api_key: SecretStr, model: str, base_url: str | None, timeout_s: float) -> None:
        self.model = model
        # Our own httpx client so aclose() has something public to close (the SDK client has no aclose). The base
        # URL is passed explicitly: the SDK reads CO_API_URL only once, when cohere.client_v2 is imported.
        self._http = httpx.AsyncClient(timeout=timeout_s, follow_redirects=True)
        self._client = cohere.AsyncClientV2(
            api_key=api_key.get_secret_value(),
            base_url=base_url or DEFAULT_BASE_URL,
            timeout=timeout_s,
            max_retries=0,
            httpx_client=self._http,
        )
        self._json_schema_supported = True

    @staticmethod
    def _request_options(timeout_s: float) -> Any:
        # 'timeout' is the 7.x key ('timeout_in_seconds' is its deprecated alias); chat_stream has no retry loop
        # at all, chat() retries 429/5xx/connect errors unless told not to.
        return {'timeout': timeout_s, 'max_retries': 0}

    def _arguments(self, request: ChatRequest, *, timeout_s: float, json_schema: bool) -> dict[str, Any]:
        response_format: dict[str, Any] = {'type': 'json_object'}
        if json_schema:
            response_format['json_schema'] = request.json_schema
        return {
            'model': self.model,
            'messages': request.messages(),
            'response_format': response_format,
            'max_tokens': request.max_tokens,
            'temperature': request.temperature,
            'request_options': self._request_options(timeout_s),
        }

    async def complete(self, request: ChatRequest, *, timeout_s: float) -> str:
        try:
            response = await self._chat(request, timeout_s=timeout_s)
        except (ApiError, ParsingError, httpx.TransportError) as exc:
            raise classify(exc, timeout_s=timeout_s) from None
        except (TypeError, ValueError):  # the SDK's models choke on JSON of the wrong shape (a list, say)
            raise ProviderError(ErrorKind.BAD_RESPONSE, 'reply is not a chat response') from None
        content = getattr(getattr(response, 'message', None), 'content', None) or []
        texts = [item.text for item in content if getattr(item, 'type', None) == 'text']
        if not texts:
            raise ProviderError(ErrorKind.BAD_RESPONSE, 'reply has no text content')
        return ''.join(texts)

    async def _chat(self, request: ChatRequest, *, timeout_s: float) -> Any:
        if not self._json_schema_supported:
            return await self._client.chat(**self._arguments(request, timeout_s=timeout_s, json_schema=False))
        try:
            return await self._client.chat(**self._arguments(request, timeout_s=timeout_s, json_schema=True))
        except ApiError as exc:
            if exc.status_code not in _SCHEMA_REJECTED_STATUSES:
                raise
        result = await self._client.chat(**self._arguments(request, timeout_s=timeout_s, json_schema=False))
        self._schema_rejected()
        return result

    def _schema_rejected(self) -> None:
        # Remembered only after json_object alone worked: otherwise the 400 was about something else.
        self._json_schema_supported = False
        logger.info('cohere (%s) rejected the json_schema in response_format; sending json_object only', self.model)

    async def stream(self, request: ChatRequest, *, timeout_s: float) -> AsyncIterator[str]:
        json_schema = self._json_schema_supported
        yielded = False
        try:
            async for text in self._stream(request, timeout_s=timeout_s, json_schema=json_schema):
                yielded = True
                yield text
            return
        except ApiError as exc:
            # Status errors arrive before the first event; after text has gone out a second try would repeat it.
            if yielded or not json_schema or exc.status_code not in _SCHEMA_REJECTED_STATUSES:
                raise classify(exc, timeout_s=timeout_s) from None
        except (ParsingError, httpx.TransportError) as exc:
            raise classify(exc, timeout_s=timeout_s) from None
        try:
            async for text in self._stream(request, timeout_s=timeout_s, json_schema=False):
                if self._json_schema_supported:
                    self._schema_rejected()
                yield text
        except (ApiError, ParsingError, httpx.TransportError) as exc:
            raise classify(exc, timeout_s=timeout_s) from None

    async def _stream(self, request: ChatRequest, *, timeout_s: float, json_schema: bool) -> AsyncIterator[str]:
        events = self._client.chat_stream(**self._arguments(request, timeout_s=timeout_s, json_schema=json_schema))
        try:
            async for event in events:
                if event.type == 'content-delta':
                    content = getattr(getattr(getattr(event, 'delta', None), 'message', None), 'content', None)
                    text = getattr(content, 'text', None)
                    if isinstance(text, str) and text:
                        yield text
                elif event.type == 'message-end' and getattr(getattr(event, 'delta', None), 'error', None):
                    raise ProviderError(ErrorKind.SERVER, 'the reply stream ended with an error')
        finally:
            await events.aclose()  # type: ignore[attr-defined]  # an async generator; closes the HTTP response

    async def aclose(self) -> None:
        await self._http.aclose()
