"""Provider failures, classified once so the chain can decide: retry, move on, or give up.

Every message here is built from status codes and fixed words. Response bodies and exception strings from the SDKs
are never copied in: a misbehaving proxy can echo request headers (and so the API key) back in its body.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Mapping
from enum import StrEnum

import httpx


class ErrorKind(StrEnum):
    AUTH = 'auth'
    RATE_LIMITED = 'rate_limited'
    SERVER = 'server'
    TIMEOUT = 'timeout'
    CONNECTION = 'connection'
    BAD_REQUEST = 'bad_request'  # any other 4xx: a wrong model name or an unsupported parameter won't fix itself
    BAD_RESPONSE = 'bad_response'
    TOO_LARGE = 'too_large'


RETRYABLE_KINDS = frozenset({ErrorKind.RATE_LIMITED, ErrorKind.SERVER, ErrorKind.TIMEOUT})


class ProviderError(Exception):
    def __init__(
        self,
        kind: ErrorKind,
        message: str,
        *,
        status_code: int | None = None,
        retry_after_s: float | None = None,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.status_code = status_code
        self.retry_after_s = retry_after_s

    @property
    def retryable(self) -> bool:
        return self.kind in RETRYABLE_KINDS

    def __repr__(self) -> str:
        return f'ProviderError({self.kind.value!r}, {self.message!r}, status_code={self.status_code})'


def format_seconds(seconds: float) -> str:
    return f'{round(seconds, 2):g} s'


def parse_retry_after(headers: Mapping[str, str] | None) -> float | None:
    """Seconds to wait from `retry-after-ms` or `retry-after` (seconds, fractional allowed, or an HTTP date)."""
    if not headers:
        return None
    headers = httpx.Headers(dict(headers))
    try:
        milliseconds = float(headers.get('retry-after-ms', ''))
    except ValueError:
        pass
    else:
        return max(milliseconds / 1000, 0.0)
    value = headers.get('retry-after', '').strip()
    if not value:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    parsed = email.utils.parsedate_tz(value)
    if parsed is None:
        return None
    return max(email.utils.mktime_tz(parsed) - time.time(), 0.0)


_STATUS_WORDS = {
    400: 'bad request',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not found',
    408: 'request timeout',
    413: 'request too large',
    422: 'unprocessable request',
    429: 'rate limited',
    498: 'invalid token',
    500: 'server error',
    502: 'bad gateway',
    503: 'service unavailable',
    504: 'gateway timeout',
}


def status_error(status_code: int, headers: Mapping[str, str] | None = None) -> ProviderError:
    words = _STATUS_WORDS.get(status_code, 'server error' if status_code >= 500 else 'request rejected')
    message = f'{status_code} {words}'
    if status_code in (401, 403, 498):
        kind = ErrorKind.AUTH
    elif status_code == 429:
        kind = ErrorKind.RATE_LIMITED
    elif status_code == 408:
        kind = ErrorKind.TIMEOUT
    elif status_code >= 500 or status_code == 499:  # 499: the gateway gave up on the model, not on us
        kind = ErrorKind.SERVER
    elif 200 <= status_code < 300:
        return ProviderError(ErrorKind.BAD_RESPONSE, 'reply is not a chat completion')
    else:
        kind = ErrorKind.BAD_REQUEST
    return ProviderError(kind, message, status_code=status_code, retry_after_s=parse_retry_after(headers))


def transport_error(exc: httpx.TransportError, *, timeout_s: float | None = None) -> ProviderError:
    if isinstance(exc, httpx.TimeoutException):
        return ProviderError(
            ErrorKind.TIMEOUT, f'timeout after {format_seconds(timeout_s)}' if timeout_s else 'timeout'
        )
    if isinstance(exc, httpx.ConnectError):
        return ProviderError(ErrorKind.CONNECTION, 'could not connect')
    if isinstance(exc, httpx.RemoteProtocolError):
        return ProviderError(ErrorKind.CONNECTION, 'connection closed before the reply was complete')
    return ProviderError(ErrorKind.CONNECTION, f'network error ({type(exc).__name__})')


def unexpected_error(exc: BaseException) -> ProviderError:
    return ProviderError(ErrorKind.BAD_RESPONSE, f'unexpected {type(exc).__name__}')
