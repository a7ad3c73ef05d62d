"""Saved brand kits: a small async interface, its SQLite implementation, and the key that finds a reusable kit.

Reuse: `request_key` hashes everything that decides a kit's content (profile, focus, variations, seed, company id and
the provider chain). A request without a seed asks for a fresh kit, so its key is random and never matches a saved
kit; callers can call `find_reusable` unconditionally and never need a special case for seed None.

SQLite: WAL with `synchronous=FULL`, so a kit whose `save` returned survives a power cut or a kill -9 right after.
The async calls run on two threads of the store's own: one writer and one reader, each with its own connection, so
reads proceed while a write waits on fsync (WAL readers see the last committed state), and a burst of saves queues
here instead of filling asyncio's default executor, which kit generation needs. A save whose caller is cancelled
still completes: the kit is either saved whole or not at all.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol, TypeVar

from branding.files import create_private, is_private
from branding.models import BrandingRequest, BrandKit, Focus, utc_now
from branding.settings import Settings

logger = logging.getLogger(__name__)

T = TypeVar('T')

SQLITE_URL_PREFIX = 'sqlite:///'
# Bump when the key's inputs or encoding change, so old rows stop matching instead of matching the wrong request.
_REQUEST_KEY_VERSION = 1
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
# Long enough to ride out another process's checkpoint or write, short enough to surface a stuck lock.
_BUSY_TIMEOUT_S = 30.0
# A TTL beyond this (about 31,000 years) means 'any age'.
_FOREVER_S = 1e12

# Each step takes the schema from version i to i + 1 and runs in the same transaction as the version bump.
# The list columns are copies of kit fields so the history page never parses kit JSON.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """
        CREATE TABLE kits (
            id TEXT PRIMARY KEY,
            created_at_us INTEGER NOT NULL,
            request_key TEXT NOT NULL,
            company_name TEXT NOT NULL,
            focus TEXT NOT NULL,
            num_variations INTEGER NOT NULL,
            providers_json TEXT NOT NULL,
            kit_json TEXT NOT NULL,
            request_json TEXT NOT NULL
        )
        """,
        'CREATE INDEX kits_by_created_at ON kits (created_at_us)',
        'CREATE INDEX kits_by_request_key ON kits (request_key, created_at_us)',
    ),
    # Every kit has an owner (see branding.owners): kits saved before owners existed belong to nobody ('').
    (
        "ALTER TABLE kits ADD COLUMN owner TEXT NOT NULL DEFAULT ''",
        'CREATE INDEX kits_by_owner ON kits (owner, created_at_us)',
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


class UnsupportedDatabaseError(ValueError):
    """DATABASE_URL names a database this version cannot use."""


class NotOwnerError(PermissionError):
    """The kit belongs to someone else: only its owner may replace or delete it."""


class StoreClosedError(RuntimeError):
    """The store was used after close()."""


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


class KitStore(Protocol):
    """Saved kits. Anyone with a kit's id may read it (ids are capabilities); only its owner lists, replaces or
    deletes it. `owner=None` is the administrator's view of every kit."""

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


def open_store(settings: Settings) -> KitStore:
    """The store DATABASE_URL names (sqlite:///<path>), else kits.db in the data directory; creates the directory.

    Opens and migrates the database synchronously: call it at startup, or through asyncio.to_thread."""
    url = settings.database_url
    if url is not None:
        if not url.startswith(SQLITE_URL_PREFIX):
            scheme = url.split(':', 1)[0] if ':' in url else url[:20]  # never echo credentials in the URL
            raise UnsupportedDatabaseError(
                f'DATABASE_URL: unsupported database {scheme!r}; this version supports only sqlite:///<path>'
            )
        if '?' in url:
            raise UnsupportedDatabaseError('DATABASE_URL: sqlite URL options (?...) are not supported')
        if not url.removeprefix(SQLITE_URL_PREFIX):
            raise UnsupportedDatabaseError('DATABASE_URL: sqlite:/// needs a file path, e.g. sqlite:///data/kits.db')
    path = settings.sqlite_path
    path.parent.mkdir(parents=True, exist_ok=True)
    return SqliteKitStore(path)


def _to_micros(moment: datetime) -> int:
    if moment.tzinfo is None:
        raise ValueError('the store clock must return timezone-aware datetimes')
    return (moment - _EPOCH) // _MICROSECOND


def _from_micros(micros: int) -> datetime:
    return _EPOCH + timedelta(microseconds=micros)


def _create_private_database(path: Path) -> None:
    """SQLite creates a new database 0644 (less the umask) and gives its -wal and -shm files the database's own mode,
    so a database made 0600 before SQLite first opens it keeps all three from other users from the start."""
    try:
        if create_private(path) or is_private(path):
            return
    except OSError:
        return  # a missing directory or a path that is no file: SQLite says what is wrong in its own words
    logger.warning('%s can be read by other users: chmod 600 it and its -wal and -shm files', path)


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: transactions are explicit (BEGIN IMMEDIATE for writes), never implicit.
    connection = sqlite3.connect(path, timeout=_BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    connection.execute('PRAGMA foreign_keys = ON')
    connection.execute('PRAGMA synchronous = FULL')
    return connection


@contextmanager
def _transaction(connection: sqlite3.Connection, *, write: bool) -> Iterator[sqlite3.Connection]:
    # IMMEDIATE takes the write lock up front, so a write never fails half-way on a lock upgrade.
    connection.execute('BEGIN IMMEDIATE' if write else 'BEGIN')
    try:
        yield connection
        connection.execute('COMMIT')
    except BaseException:
        # SQLite may already have rolled back (disk full, I/O error); a second ROLLBACK would hide the real error.
        # Never leave the transaction open either: the connection's next BEGIN would fail.
        if connection.in_transaction:
            connection.execute('ROLLBACK')
        raise


def _migrate(connection: sqlite3.Connection) -> None:
    with _transaction(connection, write=True):
        connection.execute('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)')
        row = connection.execute('SELECT version FROM schema_version').fetchone()
        version = 0 if row is None else int(row[0])
        if version > SCHEMA_VERSION:
            raise SchemaTooNewError(
                f'the kits database was written by a newer Brandsmith (schema version {version}; this one understands '
                f'up to {SCHEMA_VERSION}): upgrade Brandsmith or point DATABASE_URL at another file'
            )
        for step in MIGRATIONS[version:]:
            for statement in step:
                connection.execute(statement)
        if row is None:
            connection.execute('INSERT INTO schema_version (version) VALUES (?)', (SCHEMA_VERSION,))
        elif version != SCHEMA_VERSION:
            connection.execute('UPDATE schema_version SET version = ?', (SCHEMA_VERSION,))
        if version != SCHEMA_VERSION:
            logger.info('kits database migrated from schema version %d to %d', version, SCHEMA_VERSION)


def _summary(row: sqlite3.Row) -> KitSummary:
    providers = json.loads(row['providers_json'])
    return KitSummary(
        id=row['id'],
        company_name=row['company_name'],
        created_at=_from_micros(row['created_at_us']),
        focus=Focus(row['focus']),
        num_variations=row['num_variations'],
        providers=dict(providers),
    )


class SqliteKitStore:
    """KitStore on one SQLite file (stdlib sqlite3). Safe to share between tasks, threads and processes."""

    def __init__(self, path: Path | str, *, clock: Callable[[], datetime] = utc_now) -> None:
        self.path = Path(path)
        if str(path) == ':memory:':
            raise ValueError('SqliteKitStore needs a file: an in-memory database would lose every saved kit')
        self._clock = clock
        self._closed = False
        self._write_lock = threading.Lock()
        self._read_lock = threading.Lock()
        _create_private_database(self.path)
        self._writer = _connect(self.path)
        try:
            mode = self._writer.execute('PRAGMA journal_mode = WAL').fetchone()[0]
            if str(mode).lower() != 'wal':
                # Still durable (synchronous=FULL with a rollback journal), only reads wait on writes.
                logger.warning('SQLite refused WAL mode for %s (got %r); continuing without it', self.path, mode)
            _migrate(self._writer)
            self._reader = _connect(self.path)
        except BaseException:
            self._writer.close()
            raise
        self._reader.row_factory = sqlite3.Row
        # The locks keep the *_sync methods safe from any thread; these pools give the async calls their own threads.
        self._writer_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix='kit-store-writer')
        self._reader_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix='kit-store-reader')

    # --- the async interface: every call runs on the store's writer or reader thread ---------------------------

    async def save(self, kit: BrandKit, request: BrandingRequest, *, request_key: str, owner: str) -> None:
        await self._run(self._writer_thread, lambda: self.save_sync(kit, request, request_key=request_key, owner=owner))

    async def get(self, kit_id: str) -> StoredKit | None:
        return await self._run(self._reader_thread, lambda: self.get_sync(kit_id))

    async def list_recent(self, limit: int, offset: int = 0, *, owner: str | None) -> KitPage:
        return await self._run(self._reader_thread, lambda: self.list_recent_sync(limit, offset, owner=owner))

    async def delete(self, kit_id: str, *, owner: str | None) -> bool:
        return await self._run(self._writer_thread, lambda: self.delete_sync(kit_id, owner=owner))

    async def find_reusable(self, request_key: str, max_age_s: float, *, owner: str) -> BrandKit | None:
        return await self._run(
            self._reader_thread, lambda: self.find_reusable_sync(request_key, max_age_s, owner=owner)
        )

    async def close(self) -> None:
        if self._closed:
            return
        # Queued behind every write already submitted, so those finish before the connections close.
        await self._run(self._writer_thread, self.close_sync)

    async def _run(self, thread: ThreadPoolExecutor, call: Callable[[], T]) -> T:
        try:
            result = asyncio.get_running_loop().run_in_executor(thread, call)
        except RuntimeError as error:  # close() has shut the pool down
            raise self._closed_error() from error
        return await result

    # --- the blocking implementation, for threads and scripts ----------------------------------------------------

    def save_sync(self, kit: BrandKit, request: BrandingRequest, *, request_key: str, owner: str) -> None:
        # Serialise before taking the lock: other saves need not wait on our JSON encoding.
        row = {
            'id': kit.id,
            'created_at_us': _to_micros(self._clock()),
            'request_key': request_key,
            'company_name': kit.company_name,
            'focus': kit.focus.value,
            'num_variations': kit.num_variations,
            'providers_json': json.dumps({str(section): p.provider for section, p in kit.sections.items()}),
            'kit_json': kit.model_dump_json(),
            'request_json': request.model_dump_json(),
            'owner': owner,
        }
        with self._write_lock:
            connection = self._open(self._writer)
            with _transaction(connection, write=True):
                written = connection.execute(
                    """
                    INSERT INTO kits (id, created_at_us, request_key, company_name, focus, num_variations,
                                      providers_json, kit_json, request_json, owner)
                    VALUES (:id, :created_at_us, :request_key, :company_name, :focus, :num_variations,
                            :providers_json, :kit_json, :request_json, :owner)
                    ON CONFLICT (id) DO UPDATE SET
                        request_key = excluded.request_key,
                        company_name = excluded.company_name,
                        focus = excluded.focus,
                        num_variations = excluded.num_variations,
                        providers_json = excluded.providers_json,
                        kit_json = excluded.kit_json,
                        request_json = excluded.request_json
                    WHERE kits.owner = excluded.owner
                    """,
                    row,
                ).rowcount
                if written == 0:  # the id is taken by another owner's kit, which stays as it was
                    raise NotOwnerError(f'kit {kit.id} belongs to someone else')

    def get_sync(self, kit_id: str) -> StoredKit | None:
        with self._read_lock:
            row = (
                self._open(self._reader)
                .execute('SELECT kit_json, request_json, created_at_us, owner FROM kits WHERE id = ?', (kit_id,))
                .fetchone()
            )
        if row is None:
            return None
        return StoredKit(
            kit=BrandKit.model_validate_json(row['kit_json']),
            request=BrandingRequest.model_validate_json(row['request_json']),
            created_at=_from_micros(row['created_at_us']),
            owner=row['owner'],
        )

    def list_recent_sync(self, limit: int, offset: int = 0, *, owner: str | None) -> KitPage:
        if limit < 0 or offset < 0:
            raise ValueError(f'limit and offset must not be negative (got limit={limit}, offset={offset})')
        with self._read_lock:
            connection = self._open(self._reader)
            # One read transaction: the page and the total describe the same moment.
            with _transaction(connection, write=False):
                # `?1 IS NULL` is the administrator's view; otherwise the owner index answers both queries
                rows = connection.execute(
                    """
                    SELECT id, company_name, created_at_us, focus, num_variations, providers_json FROM kits
                    WHERE ?1 IS NULL OR owner = ?1
                    ORDER BY created_at_us DESC, rowid DESC LIMIT ?2 OFFSET ?3
                    """,
                    (owner, limit, offset),
                ).fetchall()
                total = connection.execute(
                    'SELECT count(*) FROM kits WHERE ?1 IS NULL OR owner = ?1', (owner,)
                ).fetchone()[0]
        return KitPage(items=[_summary(row) for row in rows], total=int(total))

    def delete_sync(self, kit_id: str, *, owner: str | None) -> bool:
        with self._write_lock:
            connection = self._open(self._writer)
            with _transaction(connection, write=True):
                row = connection.execute('SELECT owner FROM kits WHERE id = ?', (kit_id,)).fetchone()
                if row is None:
                    return False
                if owner is not None and row[0] != owner:
                    raise NotOwnerError(f'kit {kit_id} belongs to someone else')
                connection.execute('DELETE FROM kits WHERE id = ?', (kit_id,))
        return True

    def find_reusable_sync(self, request_key: str, max_age_s: float, *, owner: str) -> BrandKit | None:
        if not max_age_s > 0:  # also refuses NaN
            return None
        # Integer microseconds: a huge or infinite TTL must not overflow datetime arithmetic.
        oldest = _to_micros(self._clock()) - round(min(max_age_s, _FOREVER_S) * 1_000_000)
        with self._read_lock:
            row = (
                self._open(self._reader)
                .execute(
                    """
                    SELECT kit_json FROM kits WHERE request_key = ? AND owner = ? AND created_at_us >= ?
                    ORDER BY created_at_us DESC, rowid DESC LIMIT 1
                    """,
                    (request_key, owner, oldest),
                )
                .fetchone()
            )
        return None if row is None else BrandKit.model_validate_json(row['kit_json'])

    def close_sync(self) -> None:
        # Taking both locks waits for calls in flight; closing twice is harmless.
        with self._write_lock, self._read_lock:
            if self._closed:
                return
            self._closed = True
            self._reader.close()
            self._writer.close()
        # Not waiting: close_sync may be running on the writer thread itself.
        self._writer_thread.shutdown(wait=False)
        self._reader_thread.shutdown(wait=False)

    def _open(self, connection: sqlite3.Connection) -> sqlite3.Connection:
        if self._closed:
            raise self._closed_error()
        return connection

    def _closed_error(self) -> StoreClosedError:
        return StoreClosedError(f'the kit store at {self.path} is closed')
