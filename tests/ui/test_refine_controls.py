"""The studio's refine controls on a finished kit (NiceGUI's simulated User): choose the logo, star and edit
taglines, lock sections and elements, pick a colour or a font, change a section by instruction, regenerate the rest
and undo. Each change is a new version of the saved kit, drawn in its cards and the In use board; a change that does
not fit says why at its field and leaves the kit as it was."""

from __future__ import annotations

import asyncio
from typing import Any

from nicegui import app, ui
from nicegui.testing import User

from branding.design.color import contrast_ratio
from branding.models import BrandKit
from branding.service import KitService
from components.font_picker import font_choices
from tests.ui.test_revisions_panel import open_versions
from tests.ui.test_studio import generate_example

RETRIES = 100  # a change re-derives sections and draws cards again: give it time on a busy machine


def service() -> KitService:
    kit_service: KitService = app.state.kit_service
    return kit_service


async def saved_kit() -> BrandKit:
    """The kit the studio just made, as saved now."""
    page = await service().store.list_recent(1, owner=None)
    stored = await service().store.get(page.items[0].id)
    assert stored is not None
    return stored.kit


async def revision_count(kit_id: str) -> int:
    return len(await service().store.list_revisions(kit_id))


async def until_revisions(kit_id: str, count: int) -> None:
    """Wait (polling, as should_see does) until the kit has `count` revisions."""
    for _ in range(RETRIES):
        if await revision_count(kit_id) >= count:
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f'the kit never reached {count} revisions')


def element(user: User, marker: str) -> Any:
    found = user.find(marker=marker).elements
    assert len(found) == 1, f'{marker}: {len(found)} elements'
    return found.pop()


def board_url(user: User) -> str:
    with user.scope(marker='card-in-use'):
        return str(element(user, 'in-use-board').props['src'])


async def test_choosing_a_logo_makes_it_the_logo_of_a_new_version_and_the_board_follows(user: User) -> None:
    await generate_example(user)
    kit = await saved_kit()
    board = board_url(user)
    old_board = (await user.http_client.get(board)).content  # the route draws the kit as saved now
    with user.scope(marker='logo-tools-1'):
        user.find(marker='choose-logo-1').click()
    await user.should_see('Chose logo 2', retries=RETRIES)
    with user.scope(marker='logo-tools-1'):
        await user.should_see(marker='chosen-logo', retries=RETRIES)
    assert (await saved_kit()).chosen_logo == 1
    assert await revision_count(kit.id) == 2
    assert board_url(user) != board, 'the board is drawn from the new version'
    assert (await user.http_client.get(board_url(user))).content != old_board, 'the board shows the chosen logo'

    await open_versions(user)
    await user.should_see('Version 2 (now)', retries=RETRIES)
    await user.should_see('Chosen · chosen logo', retries=RETRIES)


async def test_a_tagline_is_starred_and_unstarred(user: User) -> None:
    await generate_example(user)
    tagline = (await saved_kit()).taglines[0]
    user.find(marker=f'star-{tagline.id}').click()
    await user.should_see(marker='starred', retries=RETRIES)
    assert (await saved_kit()).starred_taglines == [tagline.id]
    assert element(user, f'star-{tagline.id}').props['aria-pressed'] == 'true'
    user.find(marker=f'star-{tagline.id}').click()
    await user.should_not_see(marker='starred', retries=RETRIES)
    assert (await saved_kit()).starred_taglines == []


async def test_a_tagline_is_edited_in_place_and_a_line_that_is_no_tagline_is_refused_at_its_field(user: User) -> None:
    await generate_example(user)
    kit = await saved_kit()
    tagline = kit.taglines[1]
    user.find(marker=f'edit-{tagline.id}').click()
    field = element(user, f'tagline-editor-{tagline.id}')
    assert field.value == tagline.text
    field.value = '!!! ???'
    user.find(marker=f'save-tagline-{tagline.id}').click()
    await user.should_see('Write the tagline in words', retries=RETRIES)
    assert await revision_count(kit.id) == 1, 'nothing saved'
    assert element(user, f'tagline-editor-{tagline.id}').value == '!!! ???', 'what was typed is kept'
    field.value = ' '.join(['word'] * 20)
    user.find(marker=f'save-tagline-{tagline.id}').click()
    await user.should_see('At most', retries=RETRIES)
    field.value = kit.taglines[0].text
    user.find(marker=f'save-tagline-{tagline.id}').click()
    await user.should_see('Another tagline says the same', retries=RETRIES)
    assert await revision_count(kit.id) == 1

    field.value = '  Ledgers that   balance themselves  '
    user.find(marker=f'save-tagline-{tagline.id}').click()
    await user.should_see('Edited 1 tagline', retries=RETRIES)
    with user.scope(marker=f'tagline-{tagline.id}'):
        await user.should_see('Ledgers that balance themselves', retries=RETRIES)
    assert (await saved_kit()).taglines[1].text == 'Ledgers that balance themselves'
    assert await revision_count(kit.id) == 2


async def test_every_section_and_element_locks_and_unlocks_with_a_visible_toggle(user: User) -> None:
    await generate_example(user)
    kit = await saved_kit()
    locks = [
        'palette.primary',
        'typography.heading',
        'logos.1',
        f'taglines.{kit.taglines[0].id}',
        'typography',
        'palette',
    ]
    for lock in locks:
        toggle = element(user, f'lock-{lock}')
        assert toggle.props['aria-pressed'] == 'false' and toggle.props['icon'] == 'lock_open'
        user.find(marker=f'lock-{lock}').click()
        await user.should_see(f'Locked {", ".join(locks[: locks.index(lock) + 1])}', retries=RETRIES)
    assert (await saved_kit()).locks == locks
    await user.should_see(f'Locked: {", ".join(locks)}', retries=RETRIES)
    assert element(user, 'lock-logos.1').props['aria-pressed'] == 'true'
    assert element(user, 'lock-logos.1').props['icon'] == 'lock'
    assert element(user, 'lock-palette.secondary').enabled is False, 'a locked section locks each of its colours'

    user.find(marker='lock-palette').click()
    await until_revisions(kit.id, len(locks) + 2)
    assert (await saved_kit()).locks == locks[:-1]
    assert element(user, 'lock-palette.secondary').enabled
    assert element(user, 'lock-palette').props['aria-pressed'] == 'false'
    assert await revision_count(kit.id) == len(locks) + 2


async def test_a_picked_primary_colour_re_derives_the_palette_and_a_bad_one_is_refused_at_its_field(user: User) -> None:
    await generate_example(user)
    kit = await saved_kit()
    assert kit.color_palette is not None
    board = board_url(user)
    field = element(user, 'colour-input')
    assert field.value == kit.color_palette.primary

    field.value = '#12345g'
    user.find(marker='apply-colour').click()
    await user.should_see('Not a colour', retries=RETRIES)
    assert await revision_count(kit.id) == 1, 'nothing saved'
    assert element(user, 'colour-input').value == '#12345g', 'what was typed is kept'
    assert (await saved_kit()).color_palette == kit.color_palette

    field.value = '#0a7f5a'
    await user.should_not_see('Not a colour')  # typing again clears the error
    user.find(marker='apply-colour').click()
    await user.should_see('Picked primary #0a7f5a', retries=RETRIES)
    palette = (await saved_kit()).color_palette
    assert palette is not None and palette != kit.color_palette
    assert palette.primary == '#0a7f5a' or any('#0a7f5a' in note for note in palette.adjustments)
    assert palette.scales != kit.color_palette.scales and palette.light != kit.color_palette.light
    for check in palette.contrast:  # every contrast claim of the re-derived palette holds
        measured = contrast_ratio(check.foreground, check.background)
        assert abs(measured - check.ratio) < 0.01
        if check.level in {'AA', 'AAA'}:
            assert measured >= (4.5 if check.use == 'body' else 3.0)
    with user.scope(marker='role-primary'):
        await user.should_see(palette.primary, retries=RETRIES)
    assert board_url(user) != board


async def test_a_font_is_swapped_from_the_catalogue_filtered_by_category_and_script(user: User) -> None:
    await generate_example(user)
    kit = await saved_kit()
    assert kit.typography is not None
    category = element(user, 'font-category')
    category.value = 'serif'
    heading = element(user, 'font-select-heading')
    serif = {choice.family for choice in font_choices(service().fonts) if choice.category == 'serif'}
    assert set(heading.options) - {kit.typography.heading_font} <= serif
    assert 'Fraunces' in heading.options
    script = element(user, 'font-script')
    assert 'Latin' in script.options
    script.value = 'Latin'
    assert 'Fraunces' in element(user, 'font-select-heading').options

    element(user, 'font-select-heading').value = 'Fraunces'
    await user.should_see('Picked heading font Fraunces', retries=RETRIES)
    typography = (await saved_kit()).typography
    assert typography is not None and typography.heading_font == 'Fraunces'
    assert 'Fraunces' in typography.rationale and typography.rationale != kit.typography.rationale
    with user.scope(marker='font-heading'):
        await user.should_see('Fraunces', retries=RETRIES)
    with user.scope(marker='typography-specimen'):
        await user.should_see('Heading: Fraunces', retries=RETRIES)


async def test_an_instruction_changes_a_section_offline_and_one_it_does_not_understand_is_refused(user: User) -> None:
    await generate_example(user)
    kit = await saved_kit()
    user.find(marker='instruction-palette').type('make it sing')
    user.find(marker='apply-instruction-palette').click()
    await user.should_see('No change the offline engine understands; try warmer', retries=RETRIES)
    assert await revision_count(kit.id) == 1
    assert element(user, 'instruction-palette').value == 'make it sing'

    field = element(user, 'instruction-palette')
    field.value = 'warmer, less corporate'
    user.find(marker='apply-instruction-palette').click()
    await user.should_see('Palette: "warmer, less corporate"', retries=RETRIES)
    assert (await saved_kit()).color_palette != kit.color_palette
    assert await revision_count(kit.id) == 2
    await user.should_see(marker='instruction-typography', retries=RETRIES)
    await user.should_not_see(marker='instruction-logos')  # with no provider, only palette and type take instructions


async def test_regenerate_the_rest_keeps_what_is_locked_and_undo_steps_back_one_version_at_a_time(user: User) -> None:
    await generate_example(user)
    kit = await saved_kit()
    user.find(marker='lock-palette').click()
    await user.should_see('Locked palette', retries=RETRIES)
    user.find(marker='regenerate-rest').click()
    await user.should_see('Regenerated everything but palette', retries=100)
    renewed = await saved_kit()
    assert renewed.color_palette == kit.color_palette
    assert renewed.logos != kit.logos
    assert await revision_count(kit.id) == 3

    user.find(marker='undo').click()
    await user.should_see('Undone: version 2 is the kit again, as version 4', retries=RETRIES)
    assert (await saved_kit()).logos == kit.logos
    assert (await saved_kit()).locks == ['palette']
    user.find(marker='undo').click()
    await user.should_see('Undone: version 1 is the kit again, as version 5', retries=RETRIES)
    assert (await saved_kit()).locks == []
    with user.scope(marker='tools-palette'):
        assert element(user, 'lock-palette').props['aria-pressed'] == 'false'
    user.find(marker='undo').click()
    await user.should_see('Nothing to undo', retries=RETRIES)
    assert await revision_count(kit.id) == 5


async def test_ctrl_z_undoes_the_last_change(user: User) -> None:
    await generate_example(user)
    kit = await saved_kit()
    user.find(marker='choose-logo-0').click()
    await user.should_see('Chose logo 1', retries=RETRIES)
    keyboard = user.find(kind=ui.keyboard)
    key = {'action': 'keydown', 'repeat': False, 'altKey': False, 'metaKey': False, 'shiftKey': False}
    keyboard.trigger('key', {**key, 'ctrlKey': True, 'key': 'z', 'code': 'KeyZ', 'location': 0})
    await user.should_see('Undone: version 1 is the kit again, as version 3', retries=RETRIES)
    assert (await saved_kit()).chosen_logo is None
    await user.should_not_see(marker='chosen-logo', retries=RETRIES)
    keyboard.trigger('key', {**key, 'ctrlKey': False, 'key': 'z', 'code': 'KeyZ', 'location': 0})
    assert await revision_count(kit.id) == 3, 'a plain z is no undo'


async def test_a_section_regenerated_while_the_rest_is_regenerating_waits_its_turn(user: User) -> None:
    """Both would save a revision of the kit as it was: the second click is refused until the first is saved."""
    await generate_example(user)
    kit = await saved_kit()
    user.find(marker='regenerate-rest').click()
    user.find(marker='regenerate-taglines').click()  # its handler runs once the first one is under way
    await user.should_see('One change at a time: the last one is still being made.', retries=RETRIES)
    await user.should_see('Regenerated everything', retries=RETRIES)
    assert await revision_count(kit.id) == 2
    await asyncio.sleep(0.5)  # a refused regeneration saves nothing, now or later
    assert await revision_count(kit.id) == 2
    user.find(marker='regenerate-taglines').click()
    await user.should_see('New taglines ready', retries=RETRIES)
    assert await revision_count(kit.id) == 3
