"""Who owns a kit, and who is asking: the studio's browsers, API callers with a token or a caller id, the admin.

A kit's owner is a stable, opaque string derived from the credential that made it, never the credential itself:
`browser:<hash>` for a studio browser (its NiceGUI storage id), `token:<hash>` for an API token, `caller:<hash>` for
an API caller id. The database never holds a secret it could leak, and the same credential always maps to the same
owner, across restarts and instances.

Who can do what: anyone with a kit's id reads it (ids carry 128 random bits, so share links are capabilities); only
the owner lists, changes or deletes it; the admin token lists and deletes every kit.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# what a caller id looks like: as minted here (token_urlsafe(24)), or any client's own long random string
CALLER_ID = re.compile(r'^[A-Za-z0-9_-]{22,128}$')
CALLER_HEADER = 'x-brandsmith-caller'
CALLER_COOKIE = 'brandsmith_caller'


class TokenFileError(ValueError):
    """BRANDSMITH_API_TOKENS_FILE cannot be read."""


def owner_id(kind: str, credential: str) -> str:
    digest = hashlib.sha256(f'brandsmith-owner:{kind}:{credential}'.encode()).hexdigest()
    return f'{kind}:{digest[:32]}'


def browser_owner(browser_id: str) -> str:
    return owner_id('browser', browser_id)


def new_caller_id() -> str:
    return secrets.token_urlsafe(24)


@dataclass(kw_only=True, slots=True, frozen=True)
class Caller:
    """An API caller: the owner its kits are saved under, whether it is the admin, and a caller id minted for it on
    this request (to be sent back as a cookie and a header), if any."""

    owner: str
    admin: bool = False
    minted_caller_id: str | None = None


class Unauthenticated(Exception):
    """The API needs a token and the request has none that it knows."""


@dataclass(kw_only=True, slots=True, frozen=True)
class ApiAccess:
    """The API's tokens: with none configured the API is open and callers are told apart by a caller id."""

    token_digests: frozenset[str] = frozenset()
    admin_digest: str | None = None

    @classmethod
    def from_settings(cls, *, tokens: str, tokens_file: Path | None, admin_token: str | None) -> ApiAccess:
        listed = [token.strip() for token in tokens.split(',')]
        if tokens_file is not None:
            try:
                lines = tokens_file.read_text(encoding='utf-8').splitlines()
            except OSError as error:
                message = f'BRANDSMITH_API_TOKENS_FILE: cannot read {tokens_file}: {error.strerror}'
                raise TokenFileError(message) from None
            listed += [line.strip() for line in lines if not line.lstrip().startswith('#')]
        return cls(
            token_digests=frozenset(_digest(token) for token in listed if token),
            admin_digest=_digest(admin_token) if admin_token else None,
        )

    @property
    def tokens_required(self) -> bool:
        return bool(self.token_digests)

    def caller(self, headers: Mapping[str, str], cookies: Mapping[str, str]) -> Caller:
        """Who sent these headers; raises Unauthenticated when tokens are required and none matches."""
        token = bearer_token(headers)
        if token is not None and self.admin_digest is not None and _same(_digest(token), self.admin_digest):
            return Caller(owner=owner_id('admin', 'admin'), admin=True)
        if self.tokens_required:
            if token is None or not any(_same(_digest(token), known) for known in self.token_digests):
                raise Unauthenticated
            return Caller(owner=owner_id('token', token))
        caller_id = headers.get(CALLER_HEADER) or cookies.get(CALLER_COOKIE) or ''
        if CALLER_ID.match(caller_id):
            return Caller(owner=owner_id('caller', caller_id))
        minted = new_caller_id()
        return Caller(owner=owner_id('caller', minted), minted_caller_id=minted)


def bearer_token(headers: Mapping[str, str]) -> str | None:
    scheme, _, token = headers.get('authorization', '').partition(' ')
    return token.strip() or None if scheme.lower() == 'bearer' else None


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _same(left: str, right: str) -> bool:
    return hmac.compare_digest(left, right)
