"""FLUX (or any image model) on Together through its official SDK, the SDK's own retries off (the painter retries)."""

from __future__ import annotations

import together
from pydantic import SecretStr

from branding.images.base import ImageAsk, reply_image
from branding.providers.errors import ErrorKind, ProviderError
from branding.providers.together import classify


class TogetherImages:
    name = 'together'

    def __init__(self, *, api_key: SecretStr, model: str, base_url: str | None, timeout_s: float) -> None:
        self.model = model
        # with an explicit base_url the SDK posts to {base_url}/v1/images/generations
        self._client = together.AsyncTogether(
            api_key=api_key.get_secret_value(), base_url=base_url or None, max_retries=0, timeout=timeout_s
        )

    async def paint(self, ask: ImageAsk, *, timeout_s: float) -> bytes:
        try:
            reply = await self._client.images.generate(
                model=self.model,
                prompt=ask.prompt,
                width=ask.size,
                height=ask.size,
                seed=ask.seed,
                n=1,
                response_format='base64',
                output_format='png',
                timeout=timeout_s,
            )
        except together.TogetherError as error:
            raise classify(error, timeout_s=timeout_s) from None
        items = getattr(reply, 'data', None) or []
        if not items:
            raise ProviderError(ErrorKind.BAD_RESPONSE, 'the reply holds no image')
        first = items[0]
        return await reply_image(getattr(first, 'b64_json', None), getattr(first, 'url', None), timeout_s=timeout_s)

    async def aclose(self) -> None:
        await self._client.close()
