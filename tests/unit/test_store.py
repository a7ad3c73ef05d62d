"""The kit store on a real SQLite file and on a real PostgreSQL server: round trips, history pages, reuse within the
TTL, owners, concurrency, migrations. Every test taking the `store` fixture runs against both backends."""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import psycopg
import pytest

from branding.models import (
    EXAMPLE_PROFILE,
    BrandingRequest,
    BrandKit,
    Focus,
    SectionName,
    SectionProvenance,
    SectionStatus,
    new_kit_id,
)
from branding.orchestrator import generate_kit
from branding.settings import Settings
from branding.stores import (
    KitStore,
    NotOwnerError,
    SchemaTooNewError,
    SqliteKitStore,
    StoreClosedError,
    UnsupportedDatabaseError,
    open_store,
    request_key,
)
from branding.stores.postgres import SCHEMA_VERSION as POSTGRES_SCHEMA_VERSION
from branding.stores.postgres import PostgresKitStore, migrate
from branding.stores.sqlite import MIGRATIONS, SCHEMA_VERSION
from tests.conftest import free_port
from tests.fonts import INSTALLED_FONTS
from tests.icons import INSTALLED_ICONS

if TYPE_CHECKING:
    from tests.engines import PostgresServer

CHAIN = ['together', 'cohere', 'offline']
TTL_S = 3600.0
OWNER = 'browser:test-owner'


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def make_request(**changes: object) -> BrandingRequest:
    fields: dict[str, object] = {'company_profile': EXAMPLE_PROFILE, 'seed': 7, **changes}
    return BrandingRequest.model_validate(fields)


def make_kit(name: str = 'Lumen Ledger', *, focus: Focus = Focus.ALL, num_variations: int = 3) -> BrandKit:
    provenance = SectionProvenance(status=SectionStatus.OK, provider='offline', model='m', latency_ms=1, attempts=1)
    return BrandKit(
        company_name=name,
        focus=focus,
        num_variations=num_variations,
        sections={SectionName.PALETTE: provenance, SectionName.LOGOS: provenance.model_copy(update={'provider': 'x'})},
    )


@pytest.fixture(scope='module')
def real_kit() -> BrandKit:
    return asyncio.run(generate_kit(make_request(seed=1), fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


BACKENDS = ['sqlite', 'postgres']
Opener = Callable[..., KitStore]


@pytest.fixture(params=BACKENDS)
def open_backend(request: pytest.FixtureRequest, clock: FakeClock) -> Opener:
    """Opens a store on this test's database (a new one each time on the same file or server database), as another
    instance or a restart would; the clock is the test's unless one is given."""
    if request.param == 'postgres':
        url = request.getfixturevalue('postgres_url')
        return lambda clock=clock: PostgresKitStore(url, clock=clock)
    path = request.getfixturevalue('tmp_path') / 'kits.db'
    return lambda clock=clock: SqliteKitStore(path, clock=clock)


@pytest.fixture
async def store(open_backend: Opener) -> AsyncIterator[KitStore]:
    kit_store = open_backend()
    try:
        yield kit_store
    finally:
        await kit_store.close()


@pytest.fixture
async def sqlite_store(tmp_path: Path, clock: FakeClock) -> AsyncIterator[SqliteKitStore]:
    kit_store = SqliteKitStore(tmp_path / 'kits.db', clock=clock)
    try:
        yield kit_store
    finally:
        await kit_store.close()


async def test_a_saved_kit_comes_back_whole(store: KitStore, real_kit: BrandKit, clock: FakeClock) -> None:
    request = make_request(seed=1)
    await store.save(real_kit, request, request_key=request_key(request, CHAIN), owner=OWNER)

    stored = await store.get(real_kit.id)

    assert stored is not None
    assert stored.kit == real_kit
    assert stored.request == request
    assert stored.created_at == clock.now


async def test_an_unknown_id_is_none(store: KitStore) -> None:
    assert await store.get(new_kit_id()) is None
    assert await store.get('') is None


async def test_the_history_is_newest_first_in_pages(store: KitStore, clock: FakeClock) -> None:
    kits = [make_kit(f'Company {index}', num_variations=index + 1) for index in range(5)]
    for kit in kits:
        await store.save(kit, make_request(), request_key='k', owner=OWNER)
        clock.advance(1)
    newest_first = [kit.id for kit in reversed(kits)]

    pages = [await store.list_recent(2, offset, owner=OWNER) for offset in (0, 2, 4, 6)]

    assert [[item.id for item in page.items] for page in pages] == [
        newest_first[:2],
        newest_first[2:4],
        newest_first[4:],
        [],
    ]
    assert {page.total for page in pages} == {5}


async def test_a_history_row_summarises_its_kit(store: KitStore, clock: FakeClock) -> None:
    kit = make_kit('Forgeline', focus=Focus.LOGOS, num_variations=4)
    await store.save(kit, make_request(focus=Focus.LOGOS, num_variations=4), request_key='k', owner=OWNER)

    [item] = (await store.list_recent(10, owner=OWNER)).items

    assert item.id == kit.id
    assert item.company_name == 'Forgeline'
    assert item.created_at == clock.now
    assert item.focus is Focus.LOGOS
    assert item.num_variations == 4
    assert item.providers == {SectionName.PALETTE: 'offline', SectionName.LOGOS: 'x'}


async def test_kits_saved_in_the_same_instant_keep_their_save_order(store: KitStore) -> None:
    kits = [make_kit() for _ in range(3)]
    for kit in kits:
        await store.save(kit, make_request(), request_key='k', owner=OWNER)

    page = await store.list_recent(10, owner=OWNER)

    assert [item.id for item in page.items] == [kit.id for kit in reversed(kits)]


async def test_negative_paging_is_refused(store: KitStore) -> None:
    with pytest.raises(ValueError, match='negative'):
        await store.list_recent(-1, owner=OWNER)
    with pytest.raises(ValueError, match='negative'):
        await store.list_recent(10, -5, owner=OWNER)


async def test_delete_removes_the_kit_once(store: KitStore) -> None:
    kept, doomed = make_kit(), make_kit()
    for kit in (kept, doomed):
        await store.save(kit, make_request(), request_key='k', owner=OWNER)

    assert await store.delete(doomed.id, owner=OWNER) is True
    assert await store.delete(doomed.id, owner=OWNER) is False
    assert await store.get(doomed.id) is None
    assert await store.get(kept.id) is not None
    page = await store.list_recent(10, owner=OWNER)
    assert page.total == 1
    assert [item.id for item in page.items] == [kept.id]


async def test_saving_an_id_again_replaces_the_kit_and_keeps_its_place(store: KitStore, clock: FakeClock) -> None:
    first, other = make_kit('Before'), make_kit('Other')
    await store.save(first, make_request(), request_key='k', owner=OWNER)
    clock.advance(10)
    await store.save(other, make_request(), request_key='k', owner=OWNER)
    clock.advance(10)
    await store.save(
        first.model_copy(update={'company_name': 'After'}), make_request(seed=8), request_key='k2', owner=OWNER
    )

    stored = await store.get(first.id)
    page = await store.list_recent(10, owner=OWNER)

    assert stored is not None
    assert stored.kit.company_name == 'After'
    assert stored.request.seed == 8
    assert stored.created_at == clock.now - timedelta(seconds=20)
    assert [item.id for item in page.items] == [other.id, first.id]
    assert page.total == 2


async def test_an_identical_request_reuses_the_kit_within_the_ttl(store: KitStore, clock: FakeClock) -> None:
    kit = make_kit()
    key = request_key(make_request(), CHAIN)
    await store.save(kit, make_request(), request_key=key, owner=OWNER)

    clock.advance(TTL_S - 1)
    reused = await store.find_reusable(request_key(make_request(), CHAIN), TTL_S, owner=OWNER)
    assert reused == kit

    clock.advance(2)
    assert await store.find_reusable(key, TTL_S, owner=OWNER) is None


async def test_reuse_returns_the_newest_matching_kit(store: KitStore, clock: FakeClock) -> None:
    older, newer = make_kit('Older'), make_kit('Newer')
    await store.save(older, make_request(), request_key='k', owner=OWNER)
    clock.advance(5)
    await store.save(newer, make_request(), request_key='k', owner=OWNER)
    await store.save(make_kit('Unrelated'), make_request(), request_key='other', owner=OWNER)

    reused = await store.find_reusable('k', TTL_S, owner=OWNER)

    assert reused is not None
    assert reused.id == newer.id


async def test_reuse_misses_other_keys_and_a_zero_ttl(store: KitStore) -> None:
    await store.save(make_kit(), make_request(), request_key='k', owner=OWNER)

    assert await store.find_reusable('not-k', TTL_S, owner=OWNER) is None
    assert await store.find_reusable('k', 0, owner=OWNER) is None


async def test_an_unbounded_ttl_reuses_any_age(store: KitStore, clock: FakeClock) -> None:
    kit = make_kit()
    await store.save(kit, make_request(), request_key='k', owner=OWNER)
    clock.advance(10 * 365 * 24 * 3600)

    assert await store.find_reusable('k', float('inf'), owner=OWNER) == kit
    assert await store.find_reusable('k', 1e300, owner=OWNER) == kit


async def test_a_deleted_kit_is_not_reused(store: KitStore) -> None:
    kit = make_kit()
    await store.save(kit, make_request(), request_key='k', owner=OWNER)
    await store.delete(kit.id, owner=OWNER)

    assert await store.find_reusable('k', TTL_S, owner=OWNER) is None


def test_the_request_key_is_stable_for_identical_requests() -> None:
    assert request_key(make_request(), CHAIN) == request_key(make_request(), list(CHAIN))
    same_profile_copy = EXAMPLE_PROFILE.model_copy(deep=True)
    assert request_key(make_request(company_profile=same_profile_copy), CHAIN) == request_key(make_request(), CHAIN)


@pytest.mark.parametrize(
    ('changes', 'chain'),
    [
        ({'seed': 8}, CHAIN),
        ({'focus': Focus.PALETTE}, CHAIN),
        ({'num_variations': 4}, CHAIN),
        ({'company_id': 'acme'}, CHAIN),
        ({'company_profile': EXAMPLE_PROFILE.model_copy(update={'tone': 'bold'})}, CHAIN),
        ({'company_profile': EXAMPLE_PROFILE.model_copy(update={'brand_values': ['clarity']})}, CHAIN),
        ({}, ['offline']),
        ({}, ['cohere', 'together', 'offline']),
    ],
)
def test_any_difference_changes_the_request_key(changes: dict[str, object], chain: list[str]) -> None:
    assert request_key(make_request(**changes), chain) != request_key(make_request(), CHAIN)


async def test_a_request_without_a_seed_never_reuses(store: KitStore) -> None:
    unseeded = make_request(seed=None)
    key = request_key(unseeded, CHAIN)
    await store.save(make_kit(), unseeded, request_key=key, owner=OWNER)

    assert request_key(unseeded, CHAIN) != key
    assert await store.find_reusable(request_key(unseeded, CHAIN), TTL_S, owner=OWNER) is None


async def test_concurrent_saves_all_land(store: KitStore) -> None:
    kits = [make_kit(f'Company {index}') for index in range(100)]

    await asyncio.gather(
        *(store.save(kit, make_request(), request_key=f'k{index}', owner=OWNER) for index, kit in enumerate(kits))
    )
    stored = await asyncio.gather(*(store.get(kit.id) for kit in kits))

    assert (await store.list_recent(1, owner=OWNER)).total == 100
    assert [item.kit if item else None for item in stored] == kits


async def test_reads_run_while_saves_are_in_flight(store: KitStore) -> None:
    kits = [make_kit() for _ in range(30)]

    async def save_all() -> None:
        await asyncio.gather(*(store.save(kit, make_request(), request_key='k', owner=OWNER) for kit in kits))

    async def read_while_saving() -> list[int]:
        return [(await store.list_recent(5, owner=OWNER)).total for _ in range(20)]

    _, totals = await asyncio.gather(save_all(), read_while_saving())

    assert totals == sorted(totals)  # a reader never sees a save undone
    assert (await store.list_recent(5, owner=OWNER)).total == 30


async def test_the_database_is_in_wal_mode_with_the_schema_version(sqlite_store: SqliteKitStore) -> None:
    with sqlite3.connect(sqlite_store.path) as connection:
        assert connection.execute('PRAGMA journal_mode').fetchone()[0] == 'wal'
        assert connection.execute('SELECT version FROM schema_version').fetchall() == [(SCHEMA_VERSION,)]
        indexes = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {'kits_by_created_at', 'kits_by_request_key'} <= indexes


async def test_reopening_keeps_the_kits(open_backend: Opener) -> None:
    kit = make_kit()
    first = open_backend()
    await first.save(kit, make_request(), request_key='k', owner=OWNER)
    await first.close()

    second = open_backend()
    try:
        stored = await second.get(kit.id)
    finally:
        await second.close()

    assert stored is not None
    assert stored.kit == kit


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / 'kits.db'
    with sqlite3.connect(path) as connection:
        connection.execute('CREATE TABLE schema_version (version INTEGER NOT NULL)')
        connection.execute('INSERT INTO schema_version (version) VALUES (?)', (SCHEMA_VERSION + 1,))
    connection.close()

    with pytest.raises(SchemaTooNewError, match='newer Brandsmith'):
        SqliteKitStore(path)


async def test_a_closed_store_refuses_work(store: KitStore) -> None:
    await store.close()
    await store.close()

    with pytest.raises(StoreClosedError):
        await store.get('anything')
    with pytest.raises(StoreClosedError):
        await store.save(make_kit(), make_request(), request_key='k', owner=OWNER)


async def test_a_save_whose_caller_is_cancelled_still_lands_whole(open_backend: Opener) -> None:
    kit_store = open_backend()
    kits = [make_kit(f'Company {index}') for index in range(10)]
    saves = [asyncio.create_task(kit_store.save(kit, make_request(), request_key='k', owner=OWNER)) for kit in kits]
    await asyncio.sleep(0)  # every save has started
    for save in saves:
        save.cancel()
    await asyncio.gather(*saves, return_exceptions=True)
    await kit_store.close()  # waits for the writes the cancelled callers left behind

    reopened = open_backend()
    try:
        stored = [await reopened.get(kit.id) for kit in kits]
    finally:
        await reopened.close()
    assert [item.kit if item else None for item in stored] == kits


async def test_a_naive_clock_is_refused(open_backend: Opener) -> None:
    kit_store = open_backend(clock=lambda: datetime(2025, 1, 1))
    try:
        with pytest.raises(ValueError, match='timezone'):
            await kit_store.save(make_kit(), make_request(), request_key='k', owner=OWNER)
    finally:
        await kit_store.close()


async def test_open_store_creates_the_data_directory(tmp_path: Path) -> None:
    data_dir = tmp_path / 'nested' / 'data'
    kit_store = open_store(Settings.model_validate({'BRANDSMITH_DATA_DIR': str(data_dir)}))
    await close_store(kit_store)

    assert (data_dir / 'kits.db').is_file()


async def test_open_store_follows_a_sqlite_url(tmp_path: Path) -> None:
    path = tmp_path / 'elsewhere' / 'brandsmith.sqlite'
    kit_store = open_store(Settings.model_validate({'DATABASE_URL': f'sqlite:///{path}'}))
    await close_store(kit_store)

    assert path.is_file()


@pytest.mark.parametrize(
    'url',
    ['mysql://root:hunter2@localhost/kits', 'sqlite:///', 'sqlite:///kits.db?mode=ro', 'kits.db', 'hunter2@db/kits'],
)
def test_open_store_refuses_other_databases_without_echoing_secrets(url: str) -> None:
    with pytest.raises(UnsupportedDatabaseError, match='DATABASE_URL') as raised:
        open_store(Settings.model_validate({'DATABASE_URL': url}))
    assert 'hunter2' not in str(raised.value)


async def close_store(kit_store: KitStore) -> None:
    await kit_store.close()


async def test_saves_run_on_the_stores_writer_thread_not_the_event_loop(tmp_path: Path) -> None:
    threads: list[str] = []

    def recording_clock() -> datetime:
        threads.append(threading.current_thread().name)
        return datetime.now(UTC)

    kit_store = SqliteKitStore(tmp_path / 'kits.db', clock=recording_clock)
    try:
        await kit_store.save(make_kit(), make_request(), request_key='k', owner=OWNER)
        await kit_store.find_reusable('k', TTL_S, owner=OWNER)
    finally:
        await kit_store.close()

    writer, reader = threads
    assert writer.startswith('kit-store-writer')
    assert reader.startswith('kit-store-reader')


# --- owners -----------------------------------------------------------------------------------------------------------

OTHER = 'browser:someone-else'


async def test_each_owner_lists_only_their_own_kits_and_the_admin_sees_all(store: KitStore) -> None:
    mine, theirs = make_kit('Mine'), make_kit('Theirs')
    await store.save(mine, make_request(), request_key='k', owner=OWNER)
    await store.save(theirs, make_request(), request_key='k', owner=OTHER)

    assert [item.id for item in (await store.list_recent(10, owner=OWNER)).items] == [mine.id]
    assert (await store.list_recent(10, owner=OWNER)).total == 1
    assert [item.id for item in (await store.list_recent(10, owner=OTHER)).items] == [theirs.id]
    assert (await store.list_recent(10, owner='caller:nobody')).items == []
    assert {item.id for item in (await store.list_recent(10, owner=None)).items} == {mine.id, theirs.id}
    stored = await store.get(theirs.id)
    assert stored is not None and stored.owner == OTHER, 'anyone with the id reads the kit, and sees whose it is'


async def test_only_the_owner_deletes_or_replaces_a_kit(store: KitStore) -> None:
    kit = make_kit('Mine')
    await store.save(kit, make_request(), request_key='k', owner=OWNER)

    with pytest.raises(NotOwnerError):
        await store.delete(kit.id, owner=OTHER)
    with pytest.raises(NotOwnerError):
        await store.save(
            kit.model_copy(update={'company_name': 'Hijacked'}), make_request(), request_key='k', owner=OTHER
        )
    stored = await store.get(kit.id)
    assert stored is not None and stored.kit.company_name == 'Mine' and stored.owner == OWNER

    await store.save(kit.model_copy(update={'company_name': 'Renamed'}), make_request(), request_key='k', owner=OWNER)
    renamed = await store.get(kit.id)
    assert renamed is not None and renamed.kit.company_name == 'Renamed'
    assert await store.delete(kit.id, owner=None) is True, 'the admin deletes any kit'
    assert await store.get(kit.id) is None


async def test_a_kit_is_reused_only_for_its_own_owner(store: KitStore) -> None:
    kit = make_kit()
    await store.save(kit, make_request(), request_key='k', owner=OWNER)
    assert await store.find_reusable('k', TTL_S, owner=OWNER) == kit
    assert await store.find_reusable('k', TTL_S, owner=OTHER) is None


def test_a_version_1_database_gains_owners_and_keeps_its_kits(tmp_path: Path) -> None:
    path = tmp_path / 'kits.db'
    with closing(sqlite3.connect(path)) as connection:
        for statement in MIGRATIONS[0]:
            connection.execute(statement)
        connection.execute('CREATE TABLE schema_version (version INTEGER NOT NULL)')
        connection.execute('INSERT INTO schema_version (version) VALUES (1)')
        kit = make_kit('Before owners')
        connection.execute(
            """INSERT INTO kits (id, created_at_us, request_key, company_name, focus, num_variations, providers_json,
            kit_json, request_json) VALUES (?, 1, 'k', 'Before owners', 'all', 3, '{}', ?, ?)""",
            (kit.id, kit.model_dump_json(), make_request().model_dump_json()),
        )
        connection.commit()

    store = SqliteKitStore(path)
    try:
        stored = store.get_sync(kit.id)
        assert stored is not None and stored.owner == '', 'a kit from before owners belongs to nobody'
        assert store.list_recent_sync(10, owner=OWNER).total == 0
        assert store.list_recent_sync(10, owner=None).total == 1
        with pytest.raises(NotOwnerError):
            store.delete_sync(kit.id, owner=OWNER)
    finally:
        store.close_sync()


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """The usual umask (022), under which SQLite makes a new database and its -wal and -shm readable by everyone."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.mark.usefixtures('permissive_umask')
def test_the_database_and_its_wal_files_are_private_from_the_start(tmp_path: Path) -> None:
    kit_store = SqliteKitStore(tmp_path / 'kits.db')
    try:
        modes = {path.name: path.stat().st_mode & 0o777 for path in tmp_path.iterdir()}
    finally:
        kit_store.close_sync()
    assert modes == {'kits.db': 0o600, 'kits.db-wal': 0o600, 'kits.db-shm': 0o600}


@pytest.mark.usefixtures('permissive_umask')
def test_a_database_others_can_read_is_reported_and_left_as_it_is(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / 'kits.db'
    sqlite3.connect(path).close()
    path.chmod(0o644)
    with caplog.at_level(logging.WARNING, logger='branding.stores.sqlite'):
        SqliteKitStore(path).close_sync()
    assert f'{path} can be read by other users' in caplog.text
    assert path.stat().st_mode & 0o777 == 0o644, "an operator's choice of mode is theirs to change"


# --- PostgreSQL: several instances on one database ----------------------------------------------------------------


async def test_open_store_follows_a_postgresql_url(postgres_url: str) -> None:
    kit = make_kit()
    kit_store = open_store(Settings.model_validate({'DATABASE_URL': postgres_url}))
    try:
        assert isinstance(kit_store, PostgresKitStore)
        await kit_store.save(kit, make_request(), request_key='k', owner=OWNER)
    finally:
        await kit_store.close()
    with psycopg.connect(postgres_url) as connection:
        assert connection.execute('SELECT id, owner FROM kits').fetchall() == [(kit.id, OWNER)]


def test_instances_starting_at_once_migrate_the_schema_once(postgres_url: str) -> None:
    """Eight instances start together on an empty database: the advisory lock lets one create the schema and the
    others find it current; none fails on a half-made table."""
    starting = threading.Barrier(8)
    errors: list[BaseException] = []

    def start_instance() -> None:
        starting.wait()
        try:
            migrate(postgres_url)
        except BaseException as error:  # reported below, with the others
            errors.append(error)

    threads = [threading.Thread(target=start_instance) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    with psycopg.connect(postgres_url) as connection:
        assert connection.execute('SELECT version FROM schema_version').fetchall() == [(POSTGRES_SCHEMA_VERSION,)]


def test_a_postgres_database_from_a_newer_version_is_refused(postgres_url: str) -> None:
    with psycopg.connect(postgres_url, autocommit=True) as connection:
        connection.execute('CREATE TABLE schema_version (version INTEGER NOT NULL)')
        connection.execute('INSERT INTO schema_version (version) VALUES (%s)', (POSTGRES_SCHEMA_VERSION + 1,))

    with pytest.raises(SchemaTooNewError, match='newer Brandsmith'):
        PostgresKitStore(postgres_url)


async def test_two_instances_on_one_database_share_kits_and_owners(postgres_url: str) -> None:
    first, second = PostgresKitStore(postgres_url), PostgresKitStore(postgres_url)
    mine = [make_kit(f'Mine {index}') for index in range(40)]
    theirs = [make_kit(f'Theirs {index}') for index in range(40)]
    try:
        await asyncio.gather(
            *(first.save(kit, make_request(), request_key='k', owner=OWNER) for kit in mine),
            *(second.save(kit, make_request(), request_key='k', owner=OTHER) for kit in theirs),
        )

        assert (await second.list_recent(100, owner=OWNER)).total == 40
        assert {item.id for item in (await first.list_recent(100, owner=OTHER)).items} == {kit.id for kit in theirs}
        assert (await first.list_recent(1, owner=None)).total == 80
        with pytest.raises(NotOwnerError):
            await second.delete(mine[0].id, owner=OTHER)
        assert await second.delete(mine[0].id, owner=OWNER) is True
        assert await first.get(mine[0].id) is None
        assert await first.find_reusable('k', TTL_S, owner=OTHER) is not None
    finally:
        await first.close()
        await second.close()


def test_a_postgres_url_that_cannot_connect_names_no_password(postgres_server: PostgresServer) -> None:
    url = f'postgresql://brandsmith:hunter2@127.0.0.1:{free_port()}/kits'
    with pytest.raises(psycopg.OperationalError) as raised:
        open_store(Settings.model_validate({'DATABASE_URL': url}))
    assert 'hunter2' not in str(raised.value)
