"""Any OpenAI-compatible image server (LocalAI, stable-diffusion.cpp's server, ...): POST {base}/images/generations."""

from __future__ import annotations

from typing import Any

import httpx
from pydantic import SecretStr

from branding.images.base import ImageAsk, reply_image
from branding.providers.errors import ErrorKind, ProviderError, status_error, transport_error

# a 2048 px PNG in base64 is about 11 MB; anything far beyond that is not an image reply
MAX_REPLY_BYTES = 32 * 1024 * 1024


class OpenAICompatibleImages:
    name = 'openai_compatible'

    def __init__(self, *, base_url: str, api_key: SecretStr | None, model: str, timeout_s: float) -> None:
        self.model = model
        headers = {'Authorization': f'Bearer {api_key.get_secret_value()}'} if api_key else {}
        self._client = httpx.AsyncClient(base_url=base_url.rstrip('/'), headers=headers, timeout=timeout_s)

    async def paint(self, ask: ImageAsk, *, timeout_s: float) -> bytes:
        payload = {
            'model': self.model,
            'prompt': ask.prompt,
            'n': 1,
            'size': f'{ask.size}x{ask.size}',
            'response_format': 'b64_json',
            'seed': ask.seed,
        }
        try:
            response = await self._client.post('/images/generations', json=payload, timeout=timeout_s)
        except httpx.TransportError as error:
            raise transport_error(error, timeout_s=timeout_s) from None
        if response.status_code != httpx.codes.OK:
            raise status_error(response.status_code, response.headers)
        if len(response.content) > MAX_REPLY_BYTES:
            raise ProviderError(ErrorKind.TOO_LARGE, 'the reply is too large')
        try:
            body: Any = response.json()
        except ValueError:
            raise ProviderError(ErrorKind.BAD_RESPONSE, 'the reply is not JSON') from None
        items = body.get('data') if isinstance(body, dict) else None
        if not isinstance(items, list) or not items or not isinstance(items[0], dict):
            raise ProviderError(ErrorKind.BAD_RESPONSE, 'the reply holds no image')
        return await reply_image(items[0].get('b64_json'), items[0].get('url'), timeout_s=timeout_s)

    async def aclose(self) -> None:
        await self._client.aclose()
