"""What every kit store shares: the KitStore protocol, its records and errors, and the key that finds a reusable kit.

Reuse: `request_key` hashes everything that decides a kit's content (profile, focus, variations, seed, company id and
the provider chain). A request without a seed asks for a fresh kit, so its key is random and never matches a saved
kit; callers can call `find_reusable` unconditionally and never need a special case for seed None.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any, Protocol

from branding.models import BrandingRequest, BrandKit, Focus

# Bump when the key's inputs or encoding change, so old rows stop matching instead of matching the wrong request.
_REQUEST_KEY_VERSION = 1
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
# A TTL beyond this (about 31,000 years) means 'any age'.
_FOREVER_S = 1e12


class UnsupportedDatabaseError(ValueError):
    """DATABASE_URL names a database this version cannot use."""


class NotOwnerError(PermissionError):
    """The kit belongs to someone else: only its owner may replace or delete it."""


class StoreClosedError(RuntimeError):
    """The store was used after close()."""


class RevisionConflictError(RuntimeError):
    """The kit gained a revision since the one a change was based on: read it again and redo the change."""


def check_based_on(latest: int | None, based_on: int | None, kit_id: str) -> None:
    if based_on is not None and (latest or 0) != based_on:
        raise RevisionConflictError(f'kit {kit_id} is at revision {latest}, not {based_on}')


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer Brandsmith; migrating down is not supported."""


@dataclass(kw_only=True, slots=True, frozen=True)
class StoredKit:
    kit: BrandKit
    request: BrandingRequest
    created_at: datetime
    owner: str


@dataclass(kw_only=True, slots=True, frozen=True)
class KitSummary:
    """One row of the saved-kits list: enough to show it without loading the kit."""

    id: str
    company_name: str
    created_at: datetime
    focus: Focus
    num_variations: int
    providers: dict[str, str]  # section name -> who wrote it


@dataclass(kw_only=True, slots=True, frozen=True)
class KitPage:
    items: list[KitSummary]
    total: int


class Lever(StrEnum):
    """What made a revision of a kit."""

    GENERATE = 'generate'
    REGENERATE = 'regenerate'
    CHOOSE = 'choose'
    LOCK = 'lock'
    INSTRUCTION = 'instruction'
    EDIT = 'edit'
    RESTORE = 'restore'


@dataclass(kw_only=True, slots=True, frozen=True)
class RevisionSummary:
    """One revision of a kit: its number (1 is the kit as generated), when, by which lever, and what it changed."""

    number: int
    created_at: datetime
    lever: Lever
    summary: str
    sections: list[str]  # the kit's content fields this revision changed (CONTENT_FIELDS order)


class KitStore(Protocol):
    """Saved kits. Anyone with a kit's id may read it (ids are capabilities); only its owner lists, replaces or
    deletes it. `owner=None` is the administrator's view of every kit. A kit is committed durably before `save`
    returns, and a save whose caller is cancelled still lands whole or not at all."""

    async def save(self, kit: BrandKit, request: BrandingRequest, *, request_key: str, owner: str) -> None:
        """Save the kit under its own id; saving an id again replaces the kit and keeps its created_at.

        Raises NotOwnerError when the id is saved already under another owner."""
        ...

    async def get(self, kit_id: str) -> StoredKit | None: ...

    async def list_recent(self, limit: int, offset: int = 0, *, owner: str | None) -> KitPage:
        """Newest first; total counts every kit of `owner` (of everyone for None)."""
        ...

    async def delete(self, kit_id: str, *, owner: str | None) -> bool:
        """True when a kit was deleted, False when there was none with that id; NotOwnerError when it is another
        owner's (None deletes anyone's)."""
        ...

    async def find_reusable(self, request_key: str, max_age_s: float, *, owner: str) -> BrandKit | None:
        """The newest kit `owner` saved under request_key at most max_age_s ago (max_age_s <= 0 disables reuse)."""
        ...

    async def save_image(self, kit_id: str, index: int, png: bytes) -> bool:
        """Keep the painting of the kit's logo concept `index` (replacing one kept before); False when there is no
        such kit. A kit's paintings are deleted with it."""
        ...

    async def get_image(self, kit_id: str, index: int) -> bytes | None: ...

    async def save_revision(
        self, kit: BrandKit, *, owner: str | None, lever: Lever, summary: str, based_on: int | None = None
    ) -> RevisionSummary | None:
        """Replace the saved kit with `kit` as its next revision, keeping only the changed sections; None when there is
        no kit with its id, NotOwnerError when it is another owner's (None acts for the admin). `save` of a new kit
        makes revision 1; `save` of a kit already saved amends its latest revision (a painting arriving late).
        `based_on`: the latest revision the change was made from; RevisionConflictError when another came since."""
        ...

    async def list_revisions(self, kit_id: str) -> list[RevisionSummary]:
        """The kit's revisions, oldest first ([] for no such kit)."""
        ...

    async def get_revision(self, kit_id: str, number: int) -> BrandKit | None:
        """The kit as it was at revision `number`; None when it has no such revision."""
        ...

    async def close(self) -> None: ...


def request_key(request: BrandingRequest, provider_chain: Sequence[str]) -> str:
    """A stable hash of what decides a kit's content; random (never matching) for a request without a seed.

    The provider chain keeps its order: it is a priority list, so a different order can give a different kit.
    company_id is included because the kit carries it: reusing another caller's kit would hand back their id."""
    if request.seed is None:
        return f'unseeded-{secrets.token_hex(16)}'
    payload = {
        'version': _REQUEST_KEY_VERSION,
        'profile': request.company_profile.model_dump(mode='json'),
        'company_id': request.company_id,
        'focus': request.focus.value,
        'num_variations': request.num_variations,
        'seed': request.seed,
        'provider_chain': list(provider_chain),
    }
    canonical = json.dumps(payload, sort_keys=True, separators=(',', ':'), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def to_micros(moment: datetime) -> int:
    """Microseconds since the epoch: how every backend stores a moment (exact, and free of time-zone rules)."""
    if moment.tzinfo is None:
        raise ValueError('the store clock must return timezone-aware datetimes')
    return (moment - _EPOCH) // _MICROSECOND


def from_micros(micros: int) -> datetime:
    return _EPOCH + timedelta(microseconds=micros)


def oldest_reusable_micros(now: datetime, max_age_s: float) -> int | None:
    """The earliest created_at (in microseconds) a reusable kit may have, or None when reuse is off (also for NaN).

    Integer microseconds: a huge or infinite TTL must not overflow datetime arithmetic."""
    if not max_age_s > 0:
        return None
    return to_micros(now) - round(min(max_age_s, _FOREVER_S) * 1_000_000)


def check_paging(limit: int, offset: int) -> None:
    if limit < 0 or offset < 0:
        raise ValueError(f'limit and offset must not be negative (got limit={limit}, offset={offset})')


def section_providers(kit: BrandKit) -> dict[str, str]:
    """Who wrote each section: the history list shows it without parsing the kit."""
    return {str(section): provenance.provider for section, provenance in kit.sections.items()}


def url_scheme(url: str) -> str:
    """The scheme of a database URL, for messages: never the rest, which may hold credentials."""
    scheme, colon, _ = url.partition(':')
    return scheme if colon and re.fullmatch(r'[a-zA-Z][a-zA-Z0-9+.-]{0,30}', scheme) else 'no scheme'


# A kit's top-level fields that are its content; the rest (id, timings, provenance) is bookkeeping.
CONTENT_FIELDS = ('logos', 'taglines', 'color_palette', 'typography', 'brand_guidelines', 'extensions')
# What a revision can change besides content: the owner's choices and locks.
CHOICE_FIELDS = ('chosen_logo', 'starred_taglines', 'locks')
FIRST_REVISION_SUMMARY = 'Generated'
# The first revision holds every field of the kit; later ones only the fields they changed.
FIRST_REVISION_SECTIONS_JSON = json.dumps(list(CONTENT_FIELDS))
_NO_VALUE = object()


def kit_fields(kit_json: str) -> dict[str, Any]:
    """A saved kit's top-level fields: the unit revisions are kept in."""
    fields: dict[str, Any] = json.loads(kit_json)
    return fields


def changed_fields(old_kit_json: str, new_kit_json: str) -> dict[str, Any]:
    """The top-level fields of the new kit whose value differs from the old kit's (what a revision keeps)."""
    old = kit_fields(old_kit_json)
    return {name: value for name, value in kit_fields(new_kit_json).items() if old.get(name, _NO_VALUE) != value}


def content_sections(fields: Iterable[str]) -> list[str]:
    """The content and choice fields among `fields`, in that order: what a revision says it changed."""
    present = set(fields)
    return [name for name in CONTENT_FIELDS + CHOICE_FIELDS if name in present]


def fold_revisions(changes: Iterable[str]) -> BrandKit:
    """The kit a chain of revisions makes: each revision's changed fields (JSON objects, oldest first) laid over the
    ones before."""
    fields: dict[str, Any] = {}
    for changed in changes:
        fields.update(kit_fields(changed))
    return BrandKit.model_validate(fields)


def amended_changes(latest_changes_json: str, old_kit_json: str, new_kit_json: str) -> str:
    """The latest revision's changes with what a plain `save` changed folded in: the latest revision stays the kit."""
    merged = kit_fields(latest_changes_json) | changed_fields(old_kit_json, new_kit_json)
    return json.dumps(merged, ensure_ascii=False, separators=(',', ':'))


def revision_sections_json(changes: dict[str, Any]) -> str:
    return json.dumps(content_sections(changes))


def changes_json(changes: dict[str, Any]) -> str:
    return json.dumps(changes, ensure_ascii=False, separators=(',', ':'))


def revision_summary(
    *, number: int, created_at_us: int, lever: str, summary: str, sections_json: str
) -> RevisionSummary:
    return RevisionSummary(
        number=number,
        created_at=from_micros(created_at_us),
        lever=Lever(lever),
        summary=summary,
        sections=list(json.loads(sections_json)),
    )
