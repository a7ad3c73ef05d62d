"""Refine by instruction, offline: the table maps common instructions to moves in OKLCH and to type choices; each
moves the palette in the asked direction, measured from the hex values, while every AA and colour-vision guarantee
holds; type instructions choose faces of the asked kind."""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable
from pathlib import Path

import pytest

from branding.design.color import to_oklch
from branding.design.data_files import DataFileError
from branding.design.typography import find_font
from branding.models import EXAMPLE_PROFILE, BrandingRequest, BrandKit, ColorPalette
from branding.orchestrator import generate_kit
from branding.refine.instructions import (
    Asked,
    NotUnderstood,
    hue_toward,
    instruction_table,
    load_instruction_table,
    matched_rules,
    refine_offline,
)
from tests.fonts import INSTALLED_FONTS
from tests.icons import INSTALLED_ICONS
from tests.unit.test_palette import assert_kit_passes

BRAND_ROLES = ('primary', 'secondary', 'accent')
ORANGE = 55.0


@pytest.fixture(scope='module', params=[1, 21, 40])
def kit(request: pytest.FixtureRequest) -> BrandKit:
    made = BrandingRequest(company_profile=EXAMPLE_PROFILE, num_variations=2, seed=request.param)
    return asyncio.run(generate_kit(made, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS))


def asked(instruction: str, locked: frozenset[str] = frozenset()) -> Asked:
    return Asked(instruction=instruction, profile=EXAMPLE_PROFILE, fonts=INSTALLED_FONTS, locked=locked)


def warmth(palette: ColorPalette) -> float:
    """Chroma-weighted closeness of the brand hues to orange: 1 all orange, -1 all its opposite (blue)."""
    colours = [to_oklch(getattr(palette, role)) for role in BRAND_ROLES]
    return math.fsum(c * math.cos(math.radians(h - ORANGE)) for _, c, h in colours) / math.fsum(
        c for _, c, _ in colours
    )


def lightness(palette: ColorPalette) -> float:
    return math.fsum(to_oklch(getattr(palette, role))[0] for role in (*BRAND_ROLES, 'neutral')) / 4


def chroma(palette: ColorPalette) -> float:
    return math.fsum(to_oklch(getattr(palette, role))[1] for role in BRAND_ROLES) / 3


MEASURES: dict[str, tuple[Callable[[ColorPalette], float], int]] = {
    'warmer': (warmth, 1),
    'a bit cooler please': (warmth, -1),
    'lighter': (lightness, 1),
    'Darker.': (lightness, -1),
    'more vivid': (chroma, 1),
    'warmer, less corporate': (chroma, -1),
}


@pytest.mark.parametrize('instruction', list(MEASURES))
def test_a_palette_instruction_moves_the_palette_its_way_and_keeps_every_guarantee(
    kit: BrandKit, instruction: str
) -> None:
    assert kit.color_palette is not None
    measure, direction = MEASURES[instruction]
    refined = refine_offline(kit, 'palette', asked(instruction)).kit.color_palette
    assert refined is not None
    moved = measure(refined) - measure(kit.color_palette)
    assert moved * direction > 0.01, (instruction, moved)
    assert_kit_passes(refined)


def test_warmer_less_corporate_is_warmer_too(kit: BrandKit) -> None:
    assert kit.color_palette is not None
    refined = refine_offline(kit, 'palette', asked('warmer, less corporate'))
    assert refined.rules == ['warmer', 'less saturated']
    assert refined.kit.color_palette is not None
    assert warmth(refined.kit.color_palette) > warmth(kit.color_palette)


def test_a_locked_colour_role_is_not_moved(kit: BrandKit) -> None:
    assert kit.color_palette is not None
    refined = refine_offline(kit, 'palette', asked('much darker', frozenset({'primary'}))).kit.color_palette
    assert refined is not None
    assert refined.primary == kit.color_palette.primary
    assert lightness(refined) < lightness(kit.color_palette)


@pytest.mark.parametrize(
    ('instruction', 'roles', 'wanted'),
    [
        ('a serif heading', ('heading',), lambda entry: entry.category == 'serif'),
        ('sans-serif', ('heading',), lambda entry: entry.category == 'sans-serif'),
        (
            'more playful type',
            ('heading', 'accent'),
            lambda entry: bool({'playful', 'friendly', 'quirky'} & entry.traits),
        ),
        ('more serious', ('heading',), lambda entry: bool({'trustworthy', 'neutral', 'classic'} & entry.traits)),
        ('bolder', ('heading',), lambda entry: max(entry.weights) >= 800),
    ],
)
def test_a_type_instruction_chooses_faces_of_that_kind(
    kit: BrandKit, instruction: str, roles: tuple[str, ...], wanted: Callable[..., bool]
) -> None:
    assert kit.typography is not None
    refined = refine_offline(kit, 'typography', asked(instruction)).kit.typography
    assert refined is not None
    for role in roles:
        family = getattr(refined, f'{role}_font')
        entry = find_font(family)
        assert entry is not None and wanted(entry), (instruction, role, family)
        assert family != getattr(kit.typography, f'{role}_font')
    assert refined.body_font == kit.typography.body_font
    assert refined.rationale and refined.heading_font in refined.rationale


def test_a_locked_font_role_is_kept(kit: BrandKit) -> None:
    assert kit.typography is not None
    refined = refine_offline(kit, 'typography', asked('more playful', frozenset({'heading'}))).kit.typography
    assert refined is not None
    assert refined.heading_font == kit.typography.heading_font
    assert refined.accent_font != kit.typography.accent_font


def test_an_instruction_it_does_not_understand_is_said_so(kit: BrandKit) -> None:
    with pytest.raises(NotUnderstood, match='try warmer, cooler'):
        refine_offline(kit, 'palette', asked('make it pop like a 90s arcade'))
    with pytest.raises(KeyError):
        refine_offline(kit, 'taglines', asked('warmer'))


def test_phrases_match_whole_words_longest_first() -> None:
    palette = instruction_table().palette
    assert [rule.name for rule in matched_rules('less warm, please', palette)] == ['cooler']
    assert [rule.name for rule in matched_rules('Warmer! And more-saturated?', palette)] == ['warmer']
    assert [rule.name for rule in matched_rules('darker and more saturated', palette)] == ['darker', 'more saturated']
    assert matched_rules('swarm of lightning', palette) == []


def test_a_hue_moves_the_short_way_and_stops_at_its_target() -> None:
    assert hue_toward(250.0, 55.0, 30.0) == pytest.approx(280.0)
    assert hue_toward(20.0, 55.0, 30.0) == pytest.approx(50.0)
    assert hue_toward(50.0, 55.0, 30.0) == pytest.approx(55.0)
    assert hue_toward(350.0, 55.0, 30.0) == pytest.approx(20.0)


def test_a_malformed_table_is_refused_naming_the_entry(tmp_path: Path) -> None:
    broken = tmp_path / 'refine_instructions.json'
    broken.write_text('{"palette": [{"name": "warmer", "phrases": [], "hue_step": 400}], "typography": []}')
    with pytest.raises(DataFileError, match=r'palette\[0\]\.phrases'):
        load_instruction_table(broken)
