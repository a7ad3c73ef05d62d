"""The pure parts of the studio's refine controls: which cards a change touches, where undo steps back to, which
catalogue faces the font picker offers, and what the versions' comparison calls changed."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from branding.design.font_files import FontLibrary
from branding.models import EXAMPLE_PROFILE, BrandingRequest, BrandKit
from branding.orchestrator import generate_kit
from branding.refine.choices import KitChoices, apply_choices
from branding.refine.picks import PickContext
from components.font_picker import ANY, font_choices, options_for, subset_scripts
from components.refine_actions import UndoStep, changed_sections, undo_target
from components.revision_diff import changed_parts, look
from tests.fonts import INSTALLED_FONTS
from tests.icons import INSTALLED_ICONS


@pytest.fixture(scope='module')
def kit() -> BrandKit:
    request = BrandingRequest(company_profile=EXAMPLE_PROFILE, num_variations=3, seed=5)
    return asyncio.run(generate_kit(request, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS))


def chosen(kit: BrandKit, choices: KitChoices) -> BrandKit:
    context = PickContext(profile=EXAMPLE_PROFILE, fonts=INSTALLED_FONTS)
    return apply_choices(kit, choices, context).kit


def test_a_change_touches_only_the_cards_that_show_it(kit: BrandKit) -> None:
    assert changed_sections(kit, kit.model_copy(deep=True)) == []
    assert changed_sections(kit, chosen(kit, KitChoices(chosen_logo=1))) == ['logos']
    assert changed_sections(kit, chosen(kit, KitChoices(starred_taglines=[kit.taglines[0].id]))) == ['taglines']
    assert changed_sections(kit, chosen(kit, KitChoices(locks=['palette.primary', 'typography']))) == [
        'palette',
        'typography',
    ]
    heading = 'Fraunces' if kit.typography is not None and kit.typography.heading_font != 'Fraunces' else 'Inter'
    assert 'typography' in changed_sections(
        kit, chosen(kit, KitChoices.model_validate({'typography': {'heading': heading}}))
    )
    assert 'palette' in changed_sections(
        kit, chosen(kit, KitChoices.model_validate({'palette': {'primary': '#0a7f5a'}}))
    )


def test_undo_steps_back_one_version_at_a_time_and_never_undoes_itself() -> None:
    assert undo_target(5, None) == 4
    assert undo_target(6, UndoStep(made=6, restored=4)) == 3, 'right after an undo: the one before it restored'
    assert undo_target(7, UndoStep(made=6, restored=4)) == 6, 'a change since: undo that change'
    assert undo_target(1, None) == 0, 'nothing before the kit as made'
    assert undo_target(3, UndoStep(made=3, restored=1)) == 0


def test_the_font_picker_offers_faces_of_the_role_category_and_script(tmp_path: Path) -> None:
    choices = font_choices(INSTALLED_FONTS)
    serif = options_for(choices, 'heading', category='serif', script=ANY, current='Inter')
    by_family = {choice.family: choice for choice in choices}
    assert serif and 'Inter' in serif, 'the face the kit has now is always offered'
    assert all(by_family[family].category == 'serif' for family in serif if family != 'Inter')
    assert all('heading' in by_family[family].roles for family in serif if family != 'Inter')
    everything = options_for(choices, 'body', category=ANY, script=ANY, current='Inter')
    assert set(everything) == {choice.family for choice in choices if 'body' in choice.roles} | {'Inter'}

    package = tmp_path / 'metadata.json'
    package.write_text(json.dumps({'subsets': ['cyrillic-ext', 'greek', 'latin', 'vietnamese', 'symbols']}))
    assert subset_scripts(package) == ('Cyrillic', 'Greek', 'Latin', 'Vietnamese')
    assert subset_scripts(tmp_path / 'missing.json') == ('Latin',)
    (tmp_path / 'broken.json').write_text('[1, 2')
    assert subset_scripts(tmp_path / 'broken.json') == ('Latin',)

    library = FontLibrary(root=tmp_path / 'fonts')
    (library.package('Inter')).mkdir(parents=True)
    (library.package('Inter') / 'metadata.json').write_text(json.dumps({'subsets': ['latin', 'cyrillic']}))
    cyrillic = options_for(font_choices(library), 'body', category=ANY, script='Cyrillic', current='Lora')
    assert cyrillic == ['Inter', 'Lora']


def test_the_comparison_names_the_parts_that_changed(kit: BrandKit) -> None:
    assert changed_parts(look(kit), look(kit.model_copy(deep=True))) == []
    logo = chosen(kit, KitChoices(chosen_logo=2))
    assert changed_parts(look(kit), look(logo)) == ['logo']
    assert look(logo).logo == f'Logo 3, {kit.logos[2].style.value}' and look(logo).logo_svg is not None
    starred = chosen(kit, KitChoices(starred_taglines=[kit.taglines[1].id]))
    assert changed_parts(look(kit), look(starred)) == ['taglines']
    assert [text for text, star in look(starred).taglines if star] == [kit.taglines[1].text]
    picked = chosen(kit, KitChoices.model_validate({'palette': {'primary': '#0a7f5a'}}))
    assert 'palette' in changed_parts(look(kit), look(picked))
