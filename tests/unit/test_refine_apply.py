"""Choices applied to a saved kit through branding.refine.apply, the core the API's PATCH and the studio share, on a
real SQLite file and a real PostgreSQL server: concurrent changes to one kit all land as consecutive revisions (none
lost), a change that meets another one on every attempt gives up with RevisionConflictError, and a missing kit or
another owner's is refused before anything is saved."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from branding.models import BrandKit
from branding.orchestrator import generate_kit
from branding.refine.apply import ATTEMPTS, KitNotSaved, applied_in_thread, change_saved_kit
from branding.refine.choices import Chosen, KitChoices, apply_choices
from branding.refine.picks import PickContext
from branding.stores import KitStore, NotOwnerError, SqliteKitStore
from branding.stores.base import Lever, RevisionConflictError
from branding.stores.postgres import PostgresKitStore
from tests.fonts import INSTALLED_FONTS
from tests.icons import INSTALLED_ICONS
from tests.unit.test_store import OWNER, FakeClock, make_request


@pytest.fixture(scope='module')
def kit() -> BrandKit:
    return asyncio.run(generate_kit(make_request(seed=3), fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS))


@pytest.fixture(params=['sqlite', 'postgres'])
async def store(request: pytest.FixtureRequest, tmp_path: Path, kit: BrandKit) -> AsyncIterator[KitStore]:
    """A store of either backend holding `kit` as revision 1, saved by OWNER."""
    clock = FakeClock()
    if request.param == 'postgres':
        kit_store: KitStore = PostgresKitStore(request.getfixturevalue('postgres_url'), clock=clock)
    else:
        kit_store = SqliteKitStore(tmp_path / 'kits.db', clock=clock)
    try:
        await kit_store.save(kit, make_request(seed=3), request_key='key', owner=OWNER)
        yield kit_store
    finally:
        await kit_store.close()


async def test_concurrent_changes_both_land_as_consecutive_revisions(store: KitStore, kit: BrandKit) -> None:
    both_read = asyncio.Barrier(2)
    applied: list[KitChoices] = []

    async def after_both_read(old: BrandKit, choices: KitChoices, context: PickContext) -> Chosen:
        """Each change's first try waits until the other has read the kit too: both are made from revision 1."""
        if choices not in applied:
            await both_read.wait()
        applied.append(choices)
        return apply_choices(old, choices, context)

    star = kit.taglines[0].id
    logo, stars = KitChoices(chosen_logo=1), KitChoices(starred_taglines=[star])
    revised = await asyncio.gather(
        *(
            change_saved_kit(store, kit.id, choices, owner=OWNER, fonts=INSTALLED_FONTS, apply=after_both_read)
            for choices in (logo, stars)
        )
    )

    assert sorted(change.revision.number for change in revised) == [2, 3]
    assert len(applied) == 3, 'the one saved second met the first and was applied again to the kit it made'
    stored = await store.get(kit.id)
    assert stored is not None
    assert (stored.kit.chosen_logo, stored.kit.starred_taglines) == (1, [star]), 'neither change was lost'
    revisions = await store.list_revisions(kit.id)
    assert [(revision.number, revision.lever) for revision in revisions] == [
        (1, Lever.GENERATE),
        (2, Lever.CHOOSE),
        (3, Lever.CHOOSE),
    ]
    assert sorted(revision.sections for revision in revisions[1:]) == [['chosen_logo'], ['starred_taglines']]


async def test_a_change_that_meets_another_on_every_attempt_gives_up(store: KitStore, kit: BrandKit) -> None:
    rivals: list[int] = []

    async def overtaken(old: BrandKit, choices: KitChoices, context: PickContext) -> Chosen:
        """Another writer saves a change of its own between this change's read and its save, every time."""
        rival = apply_choices(old, KitChoices(taglines={kit.taglines[0].id: f'Rival line {len(rivals)}'}), context)
        saved = await store.save_revision(rival.kit, owner=OWNER, lever=rival.lever, summary=rival.summary)
        assert saved is not None
        rivals.append(saved.number)
        return apply_choices(old, choices, context)

    with pytest.raises(RevisionConflictError):
        await change_saved_kit(
            store, kit.id, KitChoices(chosen_logo=1), owner=OWNER, fonts=INSTALLED_FONTS, apply=overtaken
        )

    assert rivals == list(range(2, 2 + ATTEMPTS)), 'tried ATTEMPTS times, then gave up'
    stored = await store.get(kit.id)
    assert stored is not None
    assert stored.kit.chosen_logo == kit.chosen_logo, 'the change was never saved'
    assert stored.kit.taglines[0].text == f'Rival line {ATTEMPTS - 1}'
    assert [revision.lever for revision in await store.list_revisions(kit.id)] == [Lever.GENERATE] + [
        Lever.EDIT
    ] * ATTEMPTS


async def test_a_missing_kit_or_another_owners_is_refused_unchanged(store: KitStore, kit: BrandKit) -> None:
    choices = KitChoices(chosen_logo=1)
    with pytest.raises(KitNotSaved):
        await change_saved_kit(store, 'no-such-kit-id', choices, owner=OWNER, fonts=INSTALLED_FONTS)
    with pytest.raises(NotOwnerError):
        await change_saved_kit(store, kit.id, choices, owner='browser:someone-else', fonts=INSTALLED_FONTS)
    assert [revision.number for revision in await store.list_revisions(kit.id)] == [1]

    as_admin = await change_saved_kit(
        store, kit.id, choices, owner=None, fonts=INSTALLED_FONTS, apply=applied_in_thread
    )
    assert (as_admin.revision.number, as_admin.kit.chosen_logo) == (2, 1)
