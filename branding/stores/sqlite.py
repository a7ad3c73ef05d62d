"""Saved brand kits in one SQLite file (stdlib sqlite3): the embedded default.

WAL with `synchronous=FULL`, so a kit whose `save` returned survives a power cut or a kill -9 right after.
The async calls run on two threads of the store's own: one writer and one reader, each with its own connection, so
reads proceed while a write waits on fsync (WAL readers see the last committed state), and a burst of saves queues
here instead of filling asyncio's default executor, which kit generation needs. A save whose caller is cancelled
still completes: the kit is either saved whole or not at all.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from branding.files import create_private, is_private
from branding.models import BrandingRequest, BrandKit, Focus, utc_now
from branding.stores.base import (
    FIRST_REVISION_SECTIONS_JSON,
    FIRST_REVISION_SUMMARY,
    KitPage,
    KitSummary,
    Lever,
    NotOwnerError,
    RevisionSummary,
    SchemaTooNewError,
    StoreClosedError,
    StoredKit,
    UnsupportedDatabaseError,
    amended_changes,
    changed_fields,
    changes_json,
    check_based_on,
    check_paging,
    fold_revisions,
    from_micros,
    oldest_reusable_micros,
    revision_sections_json,
    revision_summary,
    section_providers,
    to_micros,
)

logger = logging.getLogger(__name__)

T = TypeVar('T')

SQLITE_URL_PREFIX = 'sqlite:///'
# Long enough to ride out another process's checkpoint or write, short enough to surface a stuck lock.
_BUSY_TIMEOUT_S = 30.0

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
    # Paintings of logo concepts (PNG), kept with their kit and deleted with it.
    (
        """
        CREATE TABLE kit_images (
            kit_id TEXT NOT NULL REFERENCES kits (id) ON DELETE CASCADE,
            logo_index INTEGER NOT NULL,
            png BLOB NOT NULL,
            PRIMARY KEY (kit_id, logo_index)
        )
        """,
    ),
    # Revisions of each kit: number 1 holds every field of the kit, each later one only the fields it changed.
    (
        """
        CREATE TABLE kit_revisions (
            kit_id TEXT NOT NULL REFERENCES kits (id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            created_at_us INTEGER NOT NULL,
            lever TEXT NOT NULL,
            summary TEXT NOT NULL,
            sections_json TEXT NOT NULL,
            changes_json TEXT NOT NULL,
            PRIMARY KEY (kit_id, number)
        )
        """,
        f"""
        INSERT INTO kit_revisions (kit_id, number, created_at_us, lever, summary, sections_json, changes_json)
        SELECT id, 1, created_at_us, 'generate', '{FIRST_REVISION_SUMMARY}', '{FIRST_REVISION_SECTIONS_JSON}', kit_json
        FROM kits
        """,
    ),
)
_INSERT_REVISION = """
    INSERT INTO kit_revisions (kit_id, number, created_at_us, lever, summary, sections_json, changes_json)
    VALUES (?, ?, ?, ?, ?, ?, ?)
"""
_LATEST_REVISION = 'SELECT number, changes_json FROM kit_revisions WHERE kit_id = ? ORDER BY number DESC LIMIT 1'
_SAVE_IMAGE = """
    INSERT INTO kit_images (kit_id, logo_index, png) SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM kits WHERE id = ?1)
    ON CONFLICT (kit_id, logo_index) DO UPDATE SET png = excluded.png
"""
SCHEMA_VERSION = len(MIGRATIONS)


def sqlite_path(url: str) -> Path:
    """The file a sqlite:///<path> URL names; UnsupportedDatabaseError for options or a missing path."""
    if '?' in url:
        raise UnsupportedDatabaseError('DATABASE_URL: sqlite URL options (?...) are not supported')
    path = url.removeprefix(SQLITE_URL_PREFIX)
    if not path:
        raise UnsupportedDatabaseError('DATABASE_URL: sqlite:/// needs a file path, e.g. sqlite:///data/kits.db')
    return Path(path)


def open_sqlite_store(path: Path) -> SqliteKitStore:
    """The store on `path`, its directory made first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return SqliteKitStore(path)


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


def _first_or_amended_revision(
    connection: sqlite3.Connection, kit_id: str, previous_kit_json: str | None, row: dict[str, object]
) -> None:
    """A new kit's revision 1, or a kit saved again (a late painting) folded into its latest revision."""
    kit_json = str(row['kit_json'])
    latest = connection.execute(_LATEST_REVISION, (kit_id,)).fetchone()
    if previous_kit_json is None or latest is None:
        values = (kit_id, 1, row['created_at_us'], Lever.GENERATE.value, FIRST_REVISION_SUMMARY)
        connection.execute(_INSERT_REVISION, (*values, FIRST_REVISION_SECTIONS_JSON, kit_json))
        return
    amended = amended_changes(latest[1], previous_kit_json, kit_json)
    connection.execute(
        'UPDATE kit_revisions SET changes_json = ? WHERE kit_id = ? AND number = ?', (amended, kit_id, latest[0])
    )


def _summary(row: sqlite3.Row) -> KitSummary:
    providers = json.loads(row['providers_json'])
    return KitSummary(
        id=row['id'],
        company_name=row['company_name'],
        created_at=from_micros(row['created_at_us']),
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

    async def save_image(self, kit_id: str, index: int, png: bytes) -> bool:
        return await self._run(self._writer_thread, lambda: self.save_image_sync(kit_id, index, png))

    async def get_image(self, kit_id: str, index: int) -> bytes | None:
        return await self._run(self._reader_thread, lambda: self.get_image_sync(kit_id, index))

    async def save_revision(
        self, kit: BrandKit, *, owner: str | None, lever: Lever, summary: str, based_on: int | None = None
    ) -> RevisionSummary | None:
        return await self._run(
            self._writer_thread,
            lambda: self.save_revision_sync(kit, owner=owner, lever=lever, summary=summary, based_on=based_on),
        )

    async def list_revisions(self, kit_id: str) -> list[RevisionSummary]:
        return await self._run(self._reader_thread, lambda: self.list_revisions_sync(kit_id))

    async def get_revision(self, kit_id: str, number: int) -> BrandKit | None:
        return await self._run(self._reader_thread, lambda: self.get_revision_sync(kit_id, number))

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
        if thread is self._writer_thread:
            # a write queued behind others still runs when its caller is cancelled: it lands whole or not at all,
            # never half, and close() waits for it
            return await asyncio.shield(result)
        return await result

    # --- the blocking implementation, for threads and scripts ----------------------------------------------------

    def save_sync(self, kit: BrandKit, request: BrandingRequest, *, request_key: str, owner: str) -> None:
        # Serialise before taking the lock: other saves need not wait on our JSON encoding.
        row = {
            'id': kit.id,
            'created_at_us': to_micros(self._clock()),
            'request_key': request_key,
            'company_name': kit.company_name,
            'focus': kit.focus.value,
            'num_variations': kit.num_variations,
            'providers_json': json.dumps(section_providers(kit)),
            'kit_json': kit.model_dump_json(),
            'request_json': request.model_dump_json(),
            'owner': owner,
        }
        with self._write_lock:
            connection = self._open(self._writer)
            with _transaction(connection, write=True):
                previous = connection.execute('SELECT kit_json FROM kits WHERE id = ?', (kit.id,)).fetchone()
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
                _first_or_amended_revision(connection, kit.id, None if previous is None else previous[0], row)

    def save_revision_sync(
        self, kit: BrandKit, *, owner: str | None, lever: Lever, summary: str, based_on: int | None = None
    ) -> RevisionSummary | None:
        kit_json = kit.model_dump_json()
        with self._write_lock:
            connection = self._open(self._writer)
            with _transaction(connection, write=True):
                row = connection.execute('SELECT owner, kit_json FROM kits WHERE id = ?', (kit.id,)).fetchone()
                if row is None:
                    return None
                if owner is not None and row[0] != owner:
                    raise NotOwnerError(f'kit {kit.id} belongs to someone else')
                changes = changed_fields(row[1], kit_json)
                latest = connection.execute(_LATEST_REVISION, (kit.id,)).fetchone()
                check_based_on(None if latest is None else int(latest[0]), based_on, kit.id)
                number = 1 if latest is None else int(latest[0]) + 1
                created_at_us = to_micros(self._clock())
                sections_json = revision_sections_json(changes)
                connection.execute(
                    _INSERT_REVISION,
                    (kit.id, number, created_at_us, lever.value, summary, sections_json, changes_json(changes)),
                )
                # an edited kit is no longer what its request alone would make: never handed out for reuse
                connection.execute(
                    """
                    UPDATE kits SET kit_json = ?, company_name = ?, providers_json = ?, request_key = ? WHERE id = ?
                    """,
                    (kit_json, kit.company_name, json.dumps(section_providers(kit)), f'edited-{kit.id}', kit.id),
                )
        return revision_summary(
            number=number, created_at_us=created_at_us, lever=lever, summary=summary, sections_json=sections_json
        )

    def list_revisions_sync(self, kit_id: str) -> list[RevisionSummary]:
        with self._read_lock:
            rows = (
                self._open(self._reader)
                .execute(
                    """
                    SELECT number, created_at_us, lever, summary, sections_json FROM kit_revisions
                    WHERE kit_id = ? ORDER BY number
                    """,
                    (kit_id,),
                )
                .fetchall()
            )
        return [revision_summary(**dict(row)) for row in rows]

    def get_revision_sync(self, kit_id: str, number: int) -> BrandKit | None:
        with self._read_lock:
            rows = (
                self._open(self._reader)
                .execute(
                    'SELECT number, changes_json FROM kit_revisions WHERE kit_id = ? AND number <= ? ORDER BY number',
                    (kit_id, number),
                )
                .fetchall()
            )
        if not rows or rows[-1]['number'] != number:
            return None
        return fold_revisions(row['changes_json'] for row in rows)

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
            created_at=from_micros(row['created_at_us']),
            owner=row['owner'],
        )

    def list_recent_sync(self, limit: int, offset: int = 0, *, owner: str | None) -> KitPage:
        check_paging(limit, offset)
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
        oldest = oldest_reusable_micros(self._clock(), max_age_s)
        if oldest is None:
            return None
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

    def save_image_sync(self, kit_id: str, index: int, png: bytes) -> bool:
        with self._write_lock:
            connection = self._open(self._writer)
            with _transaction(connection, write=True):
                return connection.execute(_SAVE_IMAGE, (kit_id, index, png)).rowcount > 0

    def get_image_sync(self, kit_id: str, index: int) -> bytes | None:
        with self._read_lock:
            row = (
                self._open(self._reader)
                .execute('SELECT png FROM kit_images WHERE kit_id = ? AND logo_index = ?', (kit_id, index))
                .fetchone()
            )
        return None if row is None else bytes(row['png'])

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
