"""Revisions of a kit on both backends: every change is a numbered revision kept as the fields it changed, any revision
comes back whole after a reopen, owners rule as for the kit, and a database from before revisions gains them."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest

from branding.models import BrandKit, Tagline
from branding.stores import KitStore, NotOwnerError, SqliteKitStore
from branding.stores.base import CONTENT_FIELDS, Lever, RevisionConflictError
from branding.stores.postgres import PostgresKitStore
from branding.stores.sqlite import MIGRATIONS, SCHEMA_VERSION
from tests.unit.test_store import OWNER, FakeClock, make_kit, make_request

Opener = Callable[[], KitStore]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(params=['sqlite', 'postgres'])
def open_backend(request: pytest.FixtureRequest, tmp_path: Path, clock: FakeClock) -> Opener:
    if request.param == 'postgres':
        url = request.getfixturevalue('postgres_url')
        return lambda: PostgresKitStore(url, clock=clock)
    return lambda: SqliteKitStore(tmp_path / 'kits.db', clock=clock)


@pytest.fixture
async def store(open_backend: Opener) -> AsyncIterator[KitStore]:
    kit_store = open_backend()
    try:
        yield kit_store
    finally:
        await kit_store.close()


def with_taglines(kit: BrandKit, *texts: str) -> BrandKit:
    return kit.model_copy(
        update={
            'taglines': [Tagline(id=f't{n}', text=text, tone='calm', explanation='e') for n, text in enumerate(texts)]
        }
    )


async def saved(store: KitStore) -> BrandKit:
    kit = with_taglines(make_kit(), 'First line')
    await store.save(kit, make_request(), request_key='key', owner=OWNER)
    return kit


async def test_a_new_kit_is_revision_one_of_the_whole_kit(store: KitStore, clock: FakeClock) -> None:
    kit = await saved(store)

    [first] = await store.list_revisions(kit.id)
    assert (first.number, first.lever, first.created_at) == (1, Lever.GENERATE, clock.now)
    assert first.sections == list(CONTENT_FIELDS)
    assert await store.get_revision(kit.id, 1) == kit
    assert await store.get_revision(kit.id, 2) is None
    assert await store.list_revisions('no-such-kit') == []


async def test_each_change_is_a_revision_of_the_fields_it_changed(
    store: KitStore, open_backend: Opener, clock: FakeClock
) -> None:
    kit = await saved(store)
    second = with_taglines(kit, 'Second line')
    clock.advance(60)
    revision = await store.save_revision(second, owner=OWNER, lever=Lever.EDIT, summary='Edited a tagline')
    assert revision is not None
    assert (revision.number, revision.lever, revision.sections) == (2, Lever.EDIT, ['taglines'])
    third = second.model_copy(update={'brand_guidelines': 'Say less.'})
    assert await store.save_revision(third, owner=OWNER, lever=Lever.REGENERATE, summary='New guidelines')

    await store.close()
    reopened = open_backend()  # the chain survives a restart
    try:
        listed = await reopened.list_revisions(kit.id)
        assert [(item.number, item.lever, item.summary, item.sections) for item in listed] == [
            (1, Lever.GENERATE, 'Generated', list(CONTENT_FIELDS)),
            (2, Lever.EDIT, 'Edited a tagline', ['taglines']),
            (3, Lever.REGENERATE, 'New guidelines', ['brand_guidelines']),
        ]
        assert listed[1].created_at - listed[0].created_at == timedelta(seconds=60)
        assert await reopened.get_revision(kit.id, 1) == kit
        assert await reopened.get_revision(kit.id, 2) == second
        assert await reopened.get_revision(kit.id, 3) == third
        stored = await reopened.get(kit.id)
        assert stored is not None
        assert stored.kit == third
    finally:
        await reopened.close()


async def test_a_revision_keeps_only_what_changed(tmp_path: Path) -> None:
    store = SqliteKitStore(tmp_path / 'kits.db')
    try:
        kit = await saved(store)
        await store.save_revision(with_taglines(kit, 'Short'), owner=OWNER, lever=Lever.EDIT, summary='e')
    finally:
        await store.close()
    with closing(sqlite3.connect(tmp_path / 'kits.db')) as connection:
        rows = connection.execute('SELECT number, changes_json FROM kit_revisions ORDER BY number').fetchall()
    assert set(json.loads(rows[0][1])) == set(kit.model_dump())  # the first revision is the whole kit
    assert set(json.loads(rows[1][1])) == {'taglines'}  # a later one only the fields it changed


async def test_saving_a_kit_again_amends_its_latest_revision(store: KitStore) -> None:
    kit = await saved(store)
    edited = with_taglines(kit, 'Edited')
    await store.save_revision(edited, owner=OWNER, lever=Lever.EDIT, summary='e')
    painted = edited.model_copy(update={'brand_guidelines': 'late addition'})
    await store.save(painted, make_request(), request_key='key', owner=OWNER)  # as a late painting does

    assert [item.number for item in await store.list_revisions(kit.id)] == [1, 2]
    assert await store.get_revision(kit.id, 2) == painted
    assert await store.get_revision(kit.id, 1) == kit


async def test_only_the_owner_or_the_admin_makes_a_revision(store: KitStore) -> None:
    kit = await saved(store)
    with pytest.raises(NotOwnerError):
        await store.save_revision(with_taglines(kit, 'x'), owner='api:someone-else', lever=Lever.EDIT, summary='e')
    assert [item.number for item in await store.list_revisions(kit.id)] == [1]
    admin = await store.save_revision(with_taglines(kit, 'y'), owner=None, lever=Lever.RESTORE, summary='admin')
    assert admin is not None
    assert admin.number == 2
    missing = make_kit()
    assert await store.save_revision(missing, owner=OWNER, lever=Lever.EDIT, summary='e') is None


async def test_a_revised_kit_is_never_reused_and_its_revisions_go_with_it(store: KitStore) -> None:
    kit = await saved(store)
    await store.save_revision(with_taglines(kit, 'x'), owner=OWNER, lever=Lever.EDIT, summary='e')
    assert await store.find_reusable('key', 3600, owner=OWNER) is None
    assert await store.delete(kit.id, owner=OWNER)
    assert await store.list_revisions(kit.id) == []
    assert await store.get_revision(kit.id, 1) is None


async def test_a_database_from_before_revisions_gains_them_with_each_kit_as_revision_one(tmp_path: Path) -> None:
    path = tmp_path / 'kits.db'
    older = SqliteKitStore(path)
    kit = await saved(older)
    await older.close()
    with closing(sqlite3.connect(path)) as connection:  # back to the schema before revisions
        connection.execute('DROP TABLE kit_revisions')
        connection.execute('UPDATE schema_version SET version = ?', (SCHEMA_VERSION - 1,))
        connection.commit()
    assert 'kit_revisions' in MIGRATIONS[-1][0]

    store = SqliteKitStore(path)
    try:
        [first] = await store.list_revisions(kit.id)
        assert (first.number, first.lever, first.sections) == (1, Lever.GENERATE, list(CONTENT_FIELDS))
        assert await store.get_revision(kit.id, 1) == kit
    finally:
        await store.close()


async def test_a_change_based_on_an_old_revision_is_refused(store: KitStore) -> None:
    kit = await saved(store)
    first = await store.save_revision(with_taglines(kit, 'A'), owner=OWNER, lever=Lever.EDIT, summary='a', based_on=1)
    assert first is not None and first.number == 2
    with pytest.raises(RevisionConflictError):
        await store.save_revision(with_taglines(kit, 'B'), owner=OWNER, lever=Lever.EDIT, summary='b', based_on=1)
    assert await store.get_revision(kit.id, 3) is None
    stored = await store.get(kit.id)
    assert stored is not None and [tagline.text for tagline in stored.kit.taglines] == ['A']
