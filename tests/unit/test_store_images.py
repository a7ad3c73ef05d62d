"""Paintings kept with their kit, on both backends: saved, replaced, read back after a reopen, deleted with the kit,
and never kept for a kit that is not there; the migration adds the table to a database that predates it."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import closing
from pathlib import Path

import pytest

from branding.stores import KitStore, SqliteKitStore, request_key
from branding.stores.postgres import PostgresKitStore
from branding.stores.sqlite import MIGRATIONS
from tests.fakes.images import picture
from tests.unit.test_store import CHAIN, OWNER, make_kit, make_request

Opener = Callable[[], KitStore]


@pytest.fixture(params=['sqlite', 'postgres'])
def open_backend(request: pytest.FixtureRequest, tmp_path: Path) -> Opener:
    if request.param == 'postgres':
        url = request.getfixturevalue('postgres_url')
        return lambda: PostgresKitStore(url)
    return lambda: SqliteKitStore(tmp_path / 'kits.db')


@pytest.fixture
async def store(open_backend: Opener) -> AsyncIterator[KitStore]:
    kit_store = open_backend()
    try:
        yield kit_store
    finally:
        await kit_store.close()


async def test_a_painting_is_kept_replaced_and_deleted_with_its_kit(store: KitStore, open_backend: Opener) -> None:
    kit, request = make_kit(), make_request()
    await store.save(kit, request, request_key=request_key(request, CHAIN), owner=OWNER)
    first, second = picture(64), picture(96)

    assert await store.save_image(kit.id, 0, first)
    assert await store.save_image(kit.id, 2, first)
    assert await store.save_image(kit.id, 2, second)
    await store.save(kit, request, request_key='again', owner=OWNER)  # saving the kit again keeps its paintings

    reopened = open_backend()
    try:
        assert await reopened.get_image(kit.id, 0) == first
        assert await reopened.get_image(kit.id, 2) == second
        assert await reopened.get_image(kit.id, 1) is None
        assert await reopened.delete(kit.id, owner=OWNER)
        assert await reopened.get_image(kit.id, 0) is None
        assert await reopened.get_image(kit.id, 2) is None
    finally:
        await reopened.close()


async def test_no_painting_is_kept_for_a_missing_kit(store: KitStore) -> None:
    assert not await store.save_image('no-such-kit', 0, picture(64))
    assert await store.get_image('no-such-kit', 0) is None


async def test_an_older_database_gains_the_images_table(tmp_path: Path) -> None:
    path = tmp_path / 'kits.db'
    with closing(sqlite3.connect(path)) as connection:
        connection.execute('CREATE TABLE schema_version (version INTEGER NOT NULL)')
        before_images = next(n for n, step in enumerate(MIGRATIONS) if 'kit_images' in step[0])
        for step in MIGRATIONS[:before_images]:
            for statement in step:
                connection.execute(statement)
        connection.execute('INSERT INTO schema_version (version) VALUES (?)', (before_images,))
        connection.commit()
    store = SqliteKitStore(path)
    try:
        kit, request = make_kit(), make_request()
        await store.save(kit, request, request_key='k', owner=OWNER)
        assert await store.save_image(kit.id, 1, b'png bytes')
        assert await store.get_image(kit.id, 1) == b'png bytes'
    finally:
        await store.close()
