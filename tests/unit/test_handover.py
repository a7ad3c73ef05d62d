"""Draft stores (Redis for several instances, files for one): a handed-back generation waits for its owner, is claimed
once, by its owner only, and a resumed kit keeps its id, seed and finished sections."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from redis.asyncio import Redis

from branding.design.font_files import FontLibrary
from branding.design.symbols.icon_set import IconLibrary
from branding.handover import Draft, DraftStore, FileDrafts, RedisDrafts, new_draft_id
from branding.models import EXAMPLE_PROFILE, BrandingRequest, BrandKit, Focus, SectionName
from branding.orchestrator import SectionDone, generate_kit, stream_kit
from branding.registry import SECTIONS
from branding.settings import Settings


def request(focus: Focus = Focus.ALL) -> BrandingRequest:
    return BrandingRequest(company_profile=EXAMPLE_PROFILE, num_variations=1, focus=focus, seed=5)


def draft(owner: str = 'owner-a') -> Draft:
    return Draft(id=new_draft_id(), owner=owner, request=request())


async def check_store(drafts: DraftStore) -> None:
    first, theirs = draft(), draft(owner='owner-b')
    await drafts.put(first)
    await drafts.put(theirs)
    assert await drafts.waiting('owner-a') == first.id
    assert await drafts.waiting('nobody') is None
    assert await drafts.claim(first.id, owner='owner-b') is None  # not theirs: still waiting for its owner
    assert await drafts.waiting('owner-a') == first.id

    claims = await asyncio.gather(*(drafts.claim(first.id, owner='owner-a') for _ in range(5)))
    assert [claim for claim in claims if claim is not None] == [first]
    assert await drafts.waiting('owner-a') is None
    assert await drafts.claim(first.id, owner='owner-a') is None
    admin = await drafts.claim(theirs.id, owner=None)
    assert admin == theirs

    older, newer = draft(), draft()
    await drafts.put(older)
    await drafts.put(newer)
    assert await drafts.claim(older.id, owner='owner-a') == older
    assert await drafts.waiting('owner-a') == newer.id  # claiming the older one leaves the newer waiting


async def test_file_drafts(tmp_path: Path) -> None:
    drafts = FileDrafts(root=tmp_path / 'drafts')
    await check_store(drafts)
    assert {path.stat().st_mode & 0o077 for path in (tmp_path / 'drafts').iterdir()} == {0}


async def test_file_drafts_expire(tmp_path: Path) -> None:
    drafts = FileDrafts(root=tmp_path / 'drafts', ttl_s=0)
    waiting = draft()
    await drafts.put(waiting)
    assert await drafts.waiting('owner-a') is None
    assert await drafts.claim(waiting.id, owner='owner-a') is None


async def test_redis_drafts(redis_clients: Callable[[], Redis]) -> None:
    await check_store(RedisDrafts(redis=redis_clients()))


async def test_redis_drafts_are_shared_by_instances_and_expire(redis_clients: Callable[[], Redis]) -> None:
    one, other = RedisDrafts(redis=redis_clients()), RedisDrafts(redis=redis_clients(), ttl_s=1)
    waiting = draft()
    await one.put(waiting)
    assert await other.claim(waiting.id, owner='owner-a') == waiting
    await other.put(waiting)
    assert 0 < await other.redis.ttl(f'brandsmith:draft:{waiting.id}') <= 1


@pytest.fixture
def libraries() -> tuple[FontLibrary, IconLibrary]:
    settings = Settings()
    return FontLibrary(root=settings.fonts_dir), IconLibrary(root=settings.icons_dir)


async def test_a_resumed_kit_keeps_what_was_made_and_makes_the_rest(libraries: tuple[FontLibrary, IconLibrary]) -> None:
    fonts, icons = libraries
    whole = await generate_kit(request(), fonts=fonts, icons=icons)
    partial = BrandKit(
        id=whole.id, company_name=whole.company_name, seed=whole.seed, focus=whole.focus, num_variations=1
    )
    for section in (SectionName.PALETTE, SectionName.TAGLINES):
        SECTIONS[section].put(partial, SECTIONS[section].get(whole))
        partial.sections[section] = whole.sections[section].model_copy(update={'note': 'made before the hand-over'})

    events = [event async for event in stream_kit(request(), fonts=fonts, icons=icons, resume=partial)]
    done = [event for event in events if isinstance(event, SectionDone)]
    assert [event.section for event in done[:2]] == [SectionName.PALETTE, SectionName.TAGLINES]
    assert sorted(event.section for event in done) == sorted(SectionName)
    kit = done[-1].kit
    assert kit.id == whole.id and kit.seed == whole.seed
    assert kit.sections[SectionName.PALETTE].note == 'made before the hand-over'  # kept, not made again
    assert kit.color_palette == whole.color_palette
    # the same seed on the same palette and type: the missing sections come out as the whole run made them
    assert kit.typography == whole.typography
    assert [logo.svg for logo in kit.logos] == [logo.svg for logo in whole.logos]
