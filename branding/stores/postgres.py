"""Saved brand kits in PostgreSQL (psycopg 3, async, a connection pool): for several instances on one database.

The schema is versioned like SQLite's and migrated when the store is built, inside one transaction that holds a
transaction-level advisory lock: instances starting at once take turns, the first migrates, the rest find the schema
current. Every write is its own transaction, committed (Postgres' default `synchronous_commit=on`: flushed to the
server's WAL) before `save` returns, so an acknowledged kit survives the instance that saved it. A save or delete
whose caller is cancelled still runs to its end on a task of the store's own: it lands whole or not at all, and the
pool never gets back a connection in the middle of a transaction.

The pool opens on first use, on the event loop that uses it; `close` waits for writes in flight, then closes it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any, TypeVar

import psycopg
from psycopg.rows import DictRow, dict_row
from psycopg.types.json import Jsonb
from psycopg_pool import AsyncConnectionPool

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

POSTGRES_URL_PREFIXES = ('postgresql://', 'postgres://')
# pg_advisory_xact_lock's key for schema changes: any constant no other application on the database uses ('brandsm').
SCHEMA_LOCK_KEY = 0x6272616E64736D
DEFAULT_POOL_SIZE = 10

# Each step takes the schema from version i to i + 1 and runs in the same transaction as the version bump. `seq`
# orders kits saved in the same microsecond by save order (SQLite's rowid); the list columns are copies of kit fields
# so the history never parses kit JSON.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """
        CREATE TABLE kits (
            id TEXT PRIMARY KEY,
            seq BIGINT GENERATED ALWAYS AS IDENTITY,
            created_at_us BIGINT NOT NULL,
            request_key TEXT NOT NULL,
            owner TEXT NOT NULL DEFAULT '',
            company_name TEXT NOT NULL,
            focus TEXT NOT NULL,
            num_variations INTEGER NOT NULL,
            providers JSONB NOT NULL,
            kit_json TEXT NOT NULL,
            request_json TEXT NOT NULL
        )
        """,
        'CREATE INDEX kits_by_created_at ON kits (created_at_us DESC, seq DESC)',
        'CREATE INDEX kits_by_owner ON kits (owner, created_at_us DESC, seq DESC)',
        'CREATE INDEX kits_by_request_key ON kits (request_key, owner, created_at_us DESC)',
    ),
    # Paintings of logo concepts (PNG), kept with their kit and deleted with it.
    (
        """
        CREATE TABLE kit_images (
            kit_id TEXT NOT NULL REFERENCES kits (id) ON DELETE CASCADE,
            logo_index INTEGER NOT NULL,
            png BYTEA NOT NULL,
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
            created_at_us BIGINT NOT NULL,
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
SCHEMA_VERSION = len(MIGRATIONS)

_INSERT_REVISION = """
    INSERT INTO kit_revisions (kit_id, number, created_at_us, lever, summary, sections_json, changes_json)
    VALUES (%(kit_id)s, %(number)s, %(created_at_us)s, %(lever)s, %(summary)s, %(sections_json)s, %(changes_json)s)
"""
# a new kit saved twice at once: the second save's kit is revision 1, as it is the kit
_FIRST_REVISION = _INSERT_REVISION + ' ON CONFLICT (kit_id, number) DO UPDATE SET changes_json = excluded.changes_json'
_FOR_REVISION = 'SELECT owner, kit_json FROM kits WHERE id = %s FOR UPDATE'
_LATEST_REVISION = 'SELECT number, changes_json FROM kit_revisions WHERE kit_id = %s ORDER BY number DESC LIMIT 1'
_REVISE_KIT = """
    UPDATE kits SET kit_json = %(kit_json)s, company_name = %(company_name)s, providers = %(providers)s,
                    request_key = %(request_key)s
    WHERE id = %(id)s
"""

_SAVE = """
    INSERT INTO kits (id, created_at_us, request_key, owner, company_name, focus, num_variations, providers,
                      kit_json, request_json)
    VALUES (%(id)s, %(created_at_us)s, %(request_key)s, %(owner)s, %(company_name)s, %(focus)s, %(num_variations)s,
            %(providers)s, %(kit_json)s, %(request_json)s)
    ON CONFLICT (id) DO UPDATE SET
        request_key = excluded.request_key,
        company_name = excluded.company_name,
        focus = excluded.focus,
        num_variations = excluded.num_variations,
        providers = excluded.providers,
        kit_json = excluded.kit_json,
        request_json = excluded.request_json
    WHERE kits.owner = excluded.owner
"""
_SAVE_IMAGE = """
    INSERT INTO kit_images (kit_id, logo_index, png)
    SELECT %(kit_id)s, %(index)s, %(png)s WHERE EXISTS (SELECT 1 FROM kits WHERE id = %(kit_id)s)
    ON CONFLICT (kit_id, logo_index) DO UPDATE SET png = excluded.png
"""
_PAGE = """
    SELECT id, company_name, created_at_us, focus, num_variations, providers FROM kits
    WHERE %(owner)s::text IS NULL OR owner = %(owner)s
    ORDER BY created_at_us DESC, seq DESC LIMIT %(limit)s OFFSET %(offset)s
"""
_TOTAL = 'SELECT count(*) AS total FROM kits WHERE %(owner)s::text IS NULL OR owner = %(owner)s'
_REUSABLE = """
    SELECT kit_json FROM kits WHERE request_key = %s AND owner = %s AND created_at_us >= %s
    ORDER BY created_at_us DESC, seq DESC LIMIT 1
"""


def is_postgres_url(url: str) -> bool:
    return url.startswith(POSTGRES_URL_PREFIXES)


def migrate(url: str) -> None:
    """Bring the database's schema to SCHEMA_VERSION; safe to run from several instances at once."""
    with psycopg.connect(url, autocommit=True) as connection, connection.transaction():
        connection.execute('SELECT pg_advisory_xact_lock(%s)', (SCHEMA_LOCK_KEY,))
        connection.execute('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)')
        row = connection.execute('SELECT version FROM schema_version').fetchone()
        version = 0 if row is None else int(row[0])
        if version > SCHEMA_VERSION:
            raise SchemaTooNewError(
                f'the kits database was written by a newer Brandsmith (schema version {version}; this one understands '
                f'up to {SCHEMA_VERSION}): upgrade Brandsmith or point DATABASE_URL at another database'
            )
        for step in MIGRATIONS[version:]:
            for statement in step:
                connection.execute(statement.encode())
        if row is None:
            connection.execute('INSERT INTO schema_version (version) VALUES (%s)', (SCHEMA_VERSION,))
        elif version != SCHEMA_VERSION:
            connection.execute('UPDATE schema_version SET version = %s', (SCHEMA_VERSION,))
    if version != SCHEMA_VERSION:
        logger.info('kits database migrated from schema version %d to %d', version, SCHEMA_VERSION)


async def _first_or_amended_revision(
    connection: psycopg.AsyncConnection[DictRow], row: dict[str, Any], previous_kit_json: str | None
) -> None:
    """A new kit's revision 1, or a kit saved again (a late painting) folded into its latest revision."""
    kit_id, kit_json = row['id'], row['kit_json']
    latest = await (await connection.execute(_LATEST_REVISION, (kit_id,))).fetchone()
    if previous_kit_json is None or latest is None:
        first = {
            'kit_id': kit_id,
            'number': 1,
            'created_at_us': row['created_at_us'],
            'lever': Lever.GENERATE.value,
            'summary': FIRST_REVISION_SUMMARY,
            'sections_json': FIRST_REVISION_SECTIONS_JSON,
            'changes_json': kit_json,
        }
        await connection.execute(_FIRST_REVISION, first)
        return
    await connection.execute(
        'UPDATE kit_revisions SET changes_json = %s WHERE kit_id = %s AND number = %s',
        (amended_changes(latest['changes_json'], previous_kit_json, kit_json), kit_id, latest['number']),
    )


def _summary(row: dict[str, Any]) -> KitSummary:
    return KitSummary(
        id=row['id'],
        company_name=row['company_name'],
        created_at=from_micros(row['created_at_us']),
        focus=Focus(row['focus']),
        num_variations=row['num_variations'],
        providers=dict(row['providers']),
    )


class PostgresKitStore:
    """KitStore on a PostgreSQL database, shared by any number of instances. Migrates the schema when built
    (synchronously: build it at start-up or on a worker thread)."""

    def __init__(
        self, url: str, *, pool_size: int = DEFAULT_POOL_SIZE, clock: Callable[[], datetime] = utc_now
    ) -> None:
        migrate(url)
        self._clock = clock
        self._closed = False
        self._pool = AsyncConnectionPool[psycopg.AsyncConnection[DictRow]](
            url,
            min_size=1,
            max_size=pool_size,
            open=False,
            connection_class=psycopg.AsyncConnection[DictRow],
            kwargs={'autocommit': True, 'row_factory': dict_row},
        )
        self._opened = False
        self._opening: asyncio.Lock | None = None
        self._writes: set[asyncio.Task[Any]] = set()

    async def save(self, kit: BrandKit, request: BrandingRequest, *, request_key: str, owner: str) -> None:
        row = {
            'id': kit.id,
            'created_at_us': to_micros(self._clock()),
            'request_key': request_key,
            'owner': owner,
            'company_name': kit.company_name,
            'focus': kit.focus.value,
            'num_variations': kit.num_variations,
            'providers': Jsonb(section_providers(kit)),
            'kit_json': kit.model_dump_json(),
            'request_json': request.model_dump_json(),
        }

        async def write() -> None:
            async with self._connection(writing=True) as connection, connection.transaction():
                cursor = await connection.execute('SELECT kit_json FROM kits WHERE id = %s FOR UPDATE', (kit.id,))
                previous = await cursor.fetchone()
                written = (await connection.execute(_SAVE, row)).rowcount
                if written == 0:  # the id is taken by another owner's kit, which stays as it was
                    raise NotOwnerError(f'kit {kit.id} belongs to someone else')
                await _first_or_amended_revision(connection, row, None if previous is None else previous['kit_json'])

        await self._write(write())

    async def get(self, kit_id: str) -> StoredKit | None:
        async with self._connection() as connection:
            cursor = await connection.execute(
                'SELECT kit_json, request_json, created_at_us, owner FROM kits WHERE id = %s', (kit_id,)
            )
            row = await cursor.fetchone()
        if row is None:
            return None
        return StoredKit(
            kit=BrandKit.model_validate_json(row['kit_json']),
            request=BrandingRequest.model_validate_json(row['request_json']),
            created_at=from_micros(row['created_at_us']),
            owner=row['owner'],
        )

    async def list_recent(self, limit: int, offset: int = 0, *, owner: str | None) -> KitPage:
        check_paging(limit, offset)
        params = {'owner': owner, 'limit': limit, 'offset': offset}
        async with self._connection() as connection, connection.transaction():
            # one snapshot: the page and the total describe the same moment
            await connection.execute('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY')
            rows = await (await connection.execute(_PAGE, params)).fetchall()
            total = await (await connection.execute(_TOTAL, params)).fetchone()
        return KitPage(items=[_summary(row) for row in rows], total=int(total['total']) if total else 0)

    async def delete(self, kit_id: str, *, owner: str | None) -> bool:
        async def write() -> bool:
            async with self._connection(writing=True) as connection, connection.transaction():
                cursor = await connection.execute('SELECT owner FROM kits WHERE id = %s FOR UPDATE', (kit_id,))
                row = await cursor.fetchone()
                if row is None:
                    return False
                if owner is not None and row['owner'] != owner:
                    raise NotOwnerError(f'kit {kit_id} belongs to someone else')
                await connection.execute('DELETE FROM kits WHERE id = %s', (kit_id,))
            return True

        return await self._write(write())

    async def find_reusable(self, request_key: str, max_age_s: float, *, owner: str) -> BrandKit | None:
        oldest = oldest_reusable_micros(self._clock(), max_age_s)
        if oldest is None:
            return None
        async with self._connection() as connection:
            row = await (await connection.execute(_REUSABLE, (request_key, owner, oldest))).fetchone()
        return None if row is None else BrandKit.model_validate_json(row['kit_json'])

    async def save_image(self, kit_id: str, index: int, png: bytes) -> bool:
        params = {'kit_id': kit_id, 'index': index, 'png': png}

        async def write() -> bool:
            async with self._connection(writing=True) as connection, connection.transaction():
                return (await connection.execute(_SAVE_IMAGE, params)).rowcount > 0

        return await self._write(write())

    async def get_image(self, kit_id: str, index: int) -> bytes | None:
        async with self._connection() as connection:
            cursor = await connection.execute(
                'SELECT png FROM kit_images WHERE kit_id = %s AND logo_index = %s', (kit_id, index)
            )
            row = await cursor.fetchone()
        return None if row is None else bytes(row['png'])

    async def save_revision(
        self, kit: BrandKit, *, owner: str | None, lever: Lever, summary: str, based_on: int | None = None
    ) -> RevisionSummary | None:
        kit_json = kit.model_dump_json()

        async def write() -> RevisionSummary | None:
            async with self._connection(writing=True) as connection, connection.transaction():
                cursor = await connection.execute(_FOR_REVISION, (kit.id,))
                row = await cursor.fetchone()
                if row is None:
                    return None
                if owner is not None and row['owner'] != owner:
                    raise NotOwnerError(f'kit {kit.id} belongs to someone else')
                changes = changed_fields(row['kit_json'], kit_json)
                latest = await (await connection.execute(_LATEST_REVISION, (kit.id,))).fetchone()
                check_based_on(None if latest is None else int(latest['number']), based_on, kit.id)
                summarised = revision_summary(
                    number=1 if latest is None else int(latest['number']) + 1,
                    created_at_us=to_micros(self._clock()),
                    lever=lever,
                    summary=summary,
                    sections_json=revision_sections_json(changes),
                )
                revision = {
                    'kit_id': kit.id,
                    'number': summarised.number,
                    'created_at_us': to_micros(summarised.created_at),
                    'lever': lever.value,
                    'summary': summary,
                    'sections_json': revision_sections_json(changes),
                    'changes_json': changes_json(changes),
                }
                await connection.execute(_INSERT_REVISION, revision)
                # an edited kit is no longer what its request alone would make: never handed out for reuse
                edited = {
                    'id': kit.id,
                    'kit_json': kit_json,
                    'company_name': kit.company_name,
                    'providers': Jsonb(section_providers(kit)),
                    'request_key': f'edited-{kit.id}',
                }
                await connection.execute(_REVISE_KIT, edited)
            return summarised

        return await self._write(write())

    async def list_revisions(self, kit_id: str) -> list[RevisionSummary]:
        async with self._connection() as connection:
            cursor = await connection.execute(
                """
                SELECT number, created_at_us, lever, summary, sections_json FROM kit_revisions
                WHERE kit_id = %s ORDER BY number
                """,
                (kit_id,),
            )
            rows = await cursor.fetchall()
        return [revision_summary(**row) for row in rows]

    async def get_revision(self, kit_id: str, number: int) -> BrandKit | None:
        async with self._connection() as connection:
            cursor = await connection.execute(
                'SELECT number, changes_json FROM kit_revisions WHERE kit_id = %s AND number <= %s ORDER BY number',
                (kit_id, number),
            )
            rows = await cursor.fetchall()
        if not rows or rows[-1]['number'] != number:
            return None
        return fold_revisions(row['changes_json'] for row in rows)

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._writes:
            await asyncio.wait(set(self._writes))
        if self._opened:
            await self._pool.close()

    async def _write(self, work: Coroutine[Any, Any, T]) -> T:
        """Run a write on a task of the store's own, so a cancelled caller neither stops it half-way nor leaves it
        unawaited; the caller still gets its result or its error."""
        if self._closed:
            work.close()
            raise StoreClosedError('the kit store is closed')
        task = asyncio.get_running_loop().create_task(work)
        self._writes.add(task)
        task.add_done_callback(self._writes.discard)
        return await asyncio.shield(task)

    @asynccontextmanager
    async def _connection(self, *, writing: bool = False) -> AsyncIterator[psycopg.AsyncConnection[DictRow]]:
        # a write was admitted before close() began, and close() waits for it
        if self._closed and not writing:
            raise StoreClosedError('the kit store is closed')
        if not self._opened:
            if self._opening is None:
                self._opening = asyncio.Lock()
            async with self._opening:
                if not self._opened:
                    await self._pool.open(wait=True)
                    self._opened = True
        async with self._pool.connection() as connection:
            yield connection
