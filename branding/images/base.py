"""What every image provider shares: the ask, the protocol, and how a reply's image is read out of it.

Errors are `branding.providers.errors.ProviderError`, built from status codes and fixed words only: a reply body or an
SDK message is never copied into a note, since a misbehaving server can echo the API key back.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Protocol

from branding.images.download import download_image
from branding.providers.errors import ErrorKind, ProviderError


@dataclass(kw_only=True, slots=True, frozen=True)
class ImageAsk:
    prompt: str
    size: int  # square, in pixels
    seed: int


class ImageProvider(Protocol):
    name: str
    model: str

    async def paint(self, ask: ImageAsk, *, timeout_s: float) -> bytes:
        """The encoded image (PNG, JPEG or WebP as the server sent it), or ProviderError."""
        ...

    async def aclose(self) -> None: ...


def decode_b64(value: str) -> bytes:
    """The bytes of a `b64_json` item."""
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ProviderError(ErrorKind.BAD_RESPONSE, 'the image is not valid base64') from None


async def reply_image(b64: object, url: object, *, timeout_s: float) -> bytes:
    """The image of a reply's first item: its base64, or else the image at its URL downloaded once (never kept as a
    link: hosted images expire)."""
    if isinstance(b64, str) and b64:
        return decode_b64(b64)
    if isinstance(url, str) and url:
        return await download_image(url, timeout_s=timeout_s)
    raise ProviderError(ErrorKind.BAD_RESPONSE, 'the reply holds no image')
