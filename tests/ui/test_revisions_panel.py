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


async def test_two_versions_compare_side_by_side_and_each_has_a_share_link_to_itself(user: User) -> None:
    await generate_example(user)
    service: KitService = app.state.kit_service
    page = await service.store.list_recent(1, owner=None)
    kit_id = page.items[0].id
    first = await service.store.get_revision(kit_id, 1)
    assert first is not None and first.color_palette is not None
    user.find(marker='choose-logo-1').click()
    await user.should_see('Chose logo 2', retries=100)
    user.find(kind=ui.color_input, marker='colour-input').elements.pop().value = '#0a7f5a'
    user.find(marker='apply-colour').click()
    await user.should_see('Picked primary #0a7f5a', retries=100)
    now = await service.store.get_revision(kit_id, 3)
    assert now is not None and now.color_palette is not None

    await open_versions(user)
    await user.should_see('Compare two versions')
    await user.should_see(marker='revision-diff')  # read from the store after the list
    with user.scope(marker='revision-diff'):
        await user.should_see('Version 2')
        await user.should_see('Version 3')
    user.find(kind=ui.select, marker='compare-from').elements.pop().value = 1
    await user.should_see('None chosen: the first concept is used')  # version 1 had no logo chosen
    with user.scope(marker='diff-palette'):
        await user.should_see('changed')
        await user.should_see(f'primary {first.color_palette.primary}')
        await user.should_see(f'primary {now.color_palette.primary}')
        swatches = {str(element.props.get('aria-label')) for element in user.find(kind=ui.element).elements}
        assert f'primary {now.color_palette.primary}' in swatches
    with user.scope(marker='diff-logo'):
        await user.should_see('changed')
        await user.should_see('None chosen: the first concept is used')
        await user.should_see(f'Logo 2, {now.logos[1].style.value}')
    for part in ('diff-fonts', 'diff-taglines'):
        with user.scope(marker=part):
            await user.should_see('same')
            await user.should_not_see('changed')

    links = {str(link.props['href']) for link in user.find(marker='revision-share').elements}
    assert links == {f'/kit/{kit_id}?rev={number}' for number in (1, 2, 3)}
    shared = await user.http_client.get(f'/kit/{kit_id}?rev=1')
    assert shared.status_code == 200
    assert first.color_palette.primary in shared.text and now.color_palette.primary not in shared.text


async def test_starred_taglines_are_marked_in_the_comparison(user: User) -> None:
    await generate_example(user)
    service: KitService = app.state.kit_service
    stored = await service.store.get((await service.store.list_recent(1, owner=None)).items[0].id)
    assert stored is not None
    kit = stored.kit
    user.find(marker=f'star-{kit.taglines[2].id}').click()
    await user.should_see('Starred 1 taglines', retries=100)
    await open_versions(user)
    await user.should_see(marker='diff-taglines')
    with user.scope(marker='diff-taglines'):
        await user.should_see('changed')
        starred = user.find(kind=ui.label, marker='diff-starred').elements
        assert [label.text for label in starred] == [kit.taglines[2].text]
