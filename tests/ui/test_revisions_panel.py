"""The studio's versions panel (NiceGUI's user simulation): a regenerated section is a new version, the panel lists
versions newest first with their lever and what changed, restoring one puts its cards back on the page as a new
version, and a version's summary (which may quote an owner's instruction) is shown as text."""

from __future__ import annotations

from nicegui import app, ui
from nicegui.testing import User

from branding.service import KitService
from branding.stores.base import Lever
from tests.ui.test_studio import generate_example


def tagline_texts(user: User) -> list[str]:
    with user.scope(marker='card-taglines'):
        return sorted(label.text for label in user.find(kind=ui.label, marker='tagline-text').elements)


async def open_versions(user: User) -> None:
    await user.should_see(marker='revisions')
    panel = user.find(marker='revisions').elements.pop()
    assert isinstance(panel, ui.expansion)
    panel.value = True


async def test_a_regenerated_section_is_a_version_and_an_old_one_is_restored(user: User) -> None:
    await generate_example(user)
    first = tagline_texts(user)
    user.find(marker='regenerate-taglines').click()
    await user.should_see('New taglines ready', retries=50)
    assert tagline_texts(user) != first

    await open_versions(user)
    await user.should_see('Version 2 (now)')
    await user.should_see('New taglines')
    await user.should_see('Version 1')
    assert len(user.find(marker='revision-item').elements) == 2
    user.find(marker='revision-restore').click()  # the one version that is not the kit now
    await user.should_see('Version 1 restored as version 3')
    assert tagline_texts(user) == first
    await user.should_see('Version 3 (now)')
    await user.should_see('Restored revision 1')


async def test_a_versions_summary_is_shown_as_text(user: User) -> None:
    await generate_example(user)
    service: KitService = app.state.kit_service
    kits = await service.store.list_recent(1, owner=None)
    stored = await service.store.get(kits.items[0].id)
    assert stored is not None
    hostile = 'Palette: "<img src=x onerror=alert(1)> warmer" (warmer)'
    await service.store.save_revision(stored.kit, owner=None, lever=Lever.INSTRUCTION, summary=hostile)

    await open_versions(user)
    await user.should_see(hostile)
    assert all('onerror' not in element.content for element in user.find(kind=ui.html).elements)
