"""Together AI through its official SDK, with the SDK's own retries off (the chain owns the retry policy)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any, cast

import httpx
import together
from pydantic import SecretStr
from together.types.chat import ChatCompletionMessageParam
from together.types.chat.completion_create_params import ResponseFormat

from branding.providers.base import ChatRequest
from branding.providers.errors import ErrorKind, ProviderError, status_error, transport_error, unexpected_error

logger = logging.getLogger(__name__)

# Servers that predate Structured Outputs reject `json_schema` with one of these; `json_object` still works there.
_SCHEMA_REJECTED_STATUSES = (400, 422)


# PLR0911: one return per SDK exception type, the most specific first (APIStatusError is an APIError); a table would
# hide the order that makes the mapping right.
def classify(exc: BaseException, *, timeout_s: float | None = None) -> ProviderError:  # noqa: PLR0911
    if isinstance(exc, ProviderError):
        return exc
    if isinstance(exc, together.APITimeoutError):
        return transport_error(httpx.ReadTimeout('timeout'), timeout_s=timeout_s)
    if isinstance(exc, together.APIConnectionError):
        cause = exc.__cause__
        if isinstance(cause, httpx.TransportError):
            return transport_error(cause, timeout_s=timeout_s)
        return ProviderError(ErrorKind.CONNECTION, 'could not connect')
    if isinstance(exc, together.APIStatusError):
        return status_error(exc.status_code, exc.response.headers)
    if isinstance(exc, together.APIResponseValidationError):
        return ProviderError(ErrorKind.BAD_RESPONSE, 'reply does not match the chat completion format')
    if isinstance(exc, together.APIError):  # an `error` event inside a 200 stream
        return ProviderError(ErrorKind.SERVER, 'error event in the reply stream')
    if isinstance(exc, httpx.TransportError):  # raised as-is while a stream is being read
        return transport_error(exc, timeout_s=timeout_s)
    return unexpected_error(exc)


class TogetherProvider:
    name = 'together'

    def __init__(self, *, api_key: SecretStr, model: str, base_url: str | None, timeout_s: float) -> None:
        self.model = model
        # Without an explicit base_url the SDK posts chats to its hard-coded api-inference host; with one, to
        # {base_url}/v1/chat/completions (so base_url must not end in /v1).
        self._client = together.AsyncTogether(
            api_key=api_key.get_secret_value(), base_url=base_url or None, max_retries=0, timeout=timeout_s
        )
        self._json_schema_supported = True

    def _response_format(self, request: ChatRequest, *, json_schema: bool) -> ResponseFormat:
        if not json_schema:
            return {'type': 'json_object'}
        return {
            'type': 'json_schema',
            'json_schema': {'name': request.response_format_name, 'schema': request.json_schema},
        }

    async def _create(self, request: ChatRequest, *, timeout_s: float, stream: bool) -> Any:
        async def create(json_schema: bool) -> Any:
            return await self._client.chat.completions.create(
                model=self.model,
                messages=cast('list[ChatCompletionMessageParam]', request.messages()),
                max_tokens=request.max_tokens,
                temperature=request.temperature,
                response_format=self._response_format(request, json_schema=json_schema),
                stream=stream,
                timeout=timeout_s,
            )

        if not self._json_schema_supported:
            return await create(json_schema=False)
        try:
            return await create(json_schema=True)
        except together.APIStatusError as exc:
            if exc.status_code not in _SCHEMA_REJECTED_STATUSES:
                raise
        result = await create(json_schema=False)
        # Remembered only now: if json_object was rejected too, the 400 was about something else.
        self._json_schema_supported = False
        logger.info('together (%s) rejected response_format json_schema; using json_object from now on', self.model)
        return result

    async def complete(self, request: ChatRequest, *, timeout_s: float) -> str:
        try:
            completion = await self._create(request, timeout_s=timeout_s, stream=False)
            content = completion.choices[0].message.content
        except (together.TogetherError, httpx.TransportError) as exc:
            raise classify(exc, timeout_s=timeout_s) from None
        except ValueError:  # a JSON content type with a body that is not JSON
            raise ProviderError(ErrorKind.BAD_RESPONSE, 'reply is not a chat completion') from None
        except (AttributeError, IndexError, TypeError):
            raise ProviderError(ErrorKind.BAD_RESPONSE, 'reply has no message content') from None
        if not isinstance(content, str):
            raise ProviderError(ErrorKind.BAD_RESPONSE, 'reply has no message content')
        return content

    async def stream(self, request: ChatRequest, *, timeout_s: float) -> AsyncIterator[str]:
        try:
            chunks = await self._create(request, timeout_s=timeout_s, stream=True)
            async with chunks:
                async for chunk in chunks:
                    choices = getattr(chunk, 'choices', None)
                    delta = getattr(choices[0], 'delta', None) if choices else None
                    text = getattr(delta, 'content', None)
                    if isinstance(text, str) and text:
                        yield text
        except (together.TogetherError, httpx.TransportError) as exc:
            raise classify(exc, timeout_s=timeout_s) from None
        except ValueError:  # an SSE data line that is not JSON
            raise ProviderError(ErrorKind.BAD_RESPONSE, 'malformed event in the reply stream') from None

    async def aclose(self) -> None:
        await self._client.close()
