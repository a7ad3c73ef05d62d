"""The section registry is the one home of each section: the rest of the code reads it and never names a section."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

import pytest

from branding import drafts, registry
from branding.models import EXAMPLE_PROFILE, BrandingRequest, Focus, SectionName
from branding.orchestrator import KitContext
from branding.registry import SECTIONS, KitSlot, SectionInputs, SectionSpec
from components import kit_view
from tests.fonts import INSTALLED_FONTS
from tests.icons import INSTALLED_ICONS

ROOT = Path(__file__).resolve().parents[2]
# a choice made by section: `case SectionName.X`, `section == SectionName.X`, `if SectionName.X in ...`
SECTION_CHOICE = re.compile(r'case\s+SectionName\.|[=!]=\s*SectionName\.|\bif\s+SectionName\.\w+\s+(not\s+)?in\b')


def test_no_code_outside_the_registry_chooses_by_section_name() -> None:
    offenders = [
        f'{path.relative_to(ROOT)}:{number}: {line.strip()}'
        for folder in ('branding', 'components')
        for path in sorted((ROOT / folder).rglob('*.py'))
        if path != ROOT / 'branding' / 'registry.py'
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if SECTION_CHOICE.search(line)
    ]
    assert offenders == []


def test_the_choice_pattern_finds_what_it_looks_for() -> None:
    for line in ('case SectionName.LOGOS:', 'if section == SectionName.PALETTE:', 'if SectionName.TAGLINES in made:'):
        assert SECTION_CHOICE.search(line), line


def test_every_section_has_a_card_a_focus_and_a_title_and_the_built_in_order_reads_well() -> None:
    assert list(SECTIONS) == ['logos', 'palette', 'typography', 'taglines', 'guidelines']
    assert set(kit_view.CARDS) == set(SECTIONS)
    assert {spec.title for spec in SECTIONS.values()} == {
        'Logo concepts',
        'Colour palette',
        'Typography',
        'Taglines',
        'Brand guidelines',
    }
    assert registry.sections_for(Focus.ALL) == tuple(SECTIONS)
    for focus in Focus:
        if focus != Focus.ALL:
            [section] = registry.sections_for(focus)
            assert SECTIONS[section].focus == focus
            assert focus.name == SectionName(section).name, 'focus members are named like their sections'


def test_sections_need_only_registered_sections_and_never_wait_on_themselves() -> None:
    """A cycle of needs would leave every section in it waiting for ever."""

    def needed_by(name: str, seen: tuple[str, ...] = ()) -> set[str]:
        assert name not in seen, f'needs go round in a circle: {" -> ".join((*seen, name))}'
        found = set(SECTIONS[name].needs)
        for need in SECTIONS[name].needs:
            assert need in SECTIONS, f'{name} needs {need}, which is not registered'
            found |= needed_by(need, (*seen, name))
        return found

    for name in SECTIONS:
        assert name not in needed_by(name)


async def test_a_section_that_reads_a_section_it_does_not_declare_is_stopped() -> None:
    async def sneaky(inputs: SectionInputs) -> Any:
        return await inputs.value(registry.TYPOGRAPHY)

    async def as_is(value: Any, _inputs: SectionInputs) -> tuple[Any, list[str]]:
        return value, []

    spec: SectionSpec[Any, Any] = SectionSpec(
        name='sneaky',
        title='Sneaky',
        task=lambda _count: '',
        draft=drafts.PaletteDraft,
        parser=lambda _inputs: lambda text: text,
        finish=as_is,
        offline=sneaky,
        needs=(SectionName.PALETTE,),
        slot=KitSlot(),
    )
    context = KitContext(
        request=BrandingRequest(company_profile=EXAMPLE_PROFILE, focus=Focus.PALETTE),
        seed=1,
        fonts=INSTALLED_FONTS,
        icons=INSTALLED_ICONS,
    )
    with pytest.raises(LookupError, match='typography'):
        await asyncio.wait_for(spec.offline(context.inputs(spec)), 5)
