"""The image of a URL-only reply, downloaded once and kept like a base64 one (the kit never links to the provider's
copy: hosted images expire). Only http(s), a few redirects at most, a size cap and the painting's timeout; the API key
is never sent along, and the URL (which may carry a signed token) never appears in a note or a log."""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx

from branding.providers.errors import ErrorKind, ProviderError, transport_error

MAX_IMAGE_BYTES = 24 * 1024 * 1024  # a 2048 px PNG is well under this; a server sending more is not sending a logo
MAX_REDIRECTS = 3
SCHEMES = frozenset({'http', 'https'})


def _checked(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES or not parts.hostname:
        raise ProviderError(ErrorKind.BAD_RESPONSE, 'the image URL is not an http(s) address')
    return url


async def download_image(url: str, *, timeout_s: float) -> bytes:
    """The bytes at `url` (verified as an image by the painter, as any reply is), or ProviderError."""
    address = _checked(url)
    hooks = {'request': [_scheme_guard]}  # a redirect to another scheme is refused as the first address would be
    try:
        async with (
            httpx.AsyncClient(
                timeout=timeout_s, follow_redirects=True, max_redirects=MAX_REDIRECTS, event_hooks=hooks
            ) as client,
            client.stream('GET', address) as response,
        ):
            if response.status_code != httpx.codes.OK:
                raise ProviderError(ErrorKind.BAD_RESPONSE, f'the image URL answered {response.status_code}') from None
            declared = response.headers.get('content-length', '')
            if declared.isdigit() and int(declared) > MAX_IMAGE_BYTES:
                raise ProviderError(ErrorKind.TOO_LARGE, 'the image at the URL is too large')
            body = bytearray()
            async for chunk in response.aiter_bytes():
                body += chunk
                if len(body) > MAX_IMAGE_BYTES:
                    raise ProviderError(ErrorKind.TOO_LARGE, 'the image at the URL is too large')
    except httpx.TooManyRedirects:
        raise ProviderError(ErrorKind.BAD_RESPONSE, 'the image URL redirects too often') from None
    except httpx.TransportError as error:
        raise transport_error(error, timeout_s=timeout_s) from None
    return bytes(body)


async def _scheme_guard(request: httpx.Request) -> None:
    _checked(str(request.url))
