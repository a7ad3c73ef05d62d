"""Marks drawn from the chosen symbols: compositions in the palette's inks, negative space, strokes at the mark's
weight, one symbol per concept, the source word named, and the language model's concepts drawn the same way."""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from branding import drafts
from branding.design.marks.inks import Inks
from branding.design.marks.pictograms import (
    HELD_BOOST,
    INNER,
    Composition,
    cut_symbol,
    disc_path,
    icon_outline,
    pictogram,
    stroke_share,
    symbol_over_initials,
)
from branding.design.marks.typesetting import Face
from branding.design.symbols.choose import KitSymbol, SymbolChoice
from branding.design.symbols.icon_set import IconLibrary
from branding.design.symbols.outline import Box, filled_area
from branding.models import ColorPalette, CompanyProfile, CompanyType, LogoConcept, LogoStyle
from branding.sections.logos import SYMBOL_STYLES, build_offline_logos, symbol_plan
from tests.fonts import INSTALLED_FONTS
from tests.icons import INSTALLED_ICONS, needs_icons
from tests.unit.test_logos import assert_safe_svg, make_palette, make_profile, make_typography

pytestmark = needs_icons

SVG_NS = '{http://www.w3.org/2000/svg}'
INKS = Inks(
    paper='#fbfaf7',
    ink='#1b1f24',
    brand='#1f4e79',
    on_brand='#ffffff',
    support='#2a9d8f',
    spark='#f4a261',
    muted='#5b6470',
)
COMPOSITIONS: tuple[Composition, ...] = ('bare', 'disc', 'tile', 'arch', 'hexagon', 'cut-disc', 'cut-tile')
SYMBOL_SENTENCE = re.compile(r'The symbol is (an? [^,]+),')


def kit_symbol(icon: str, label: str = 'a symbol') -> KitSymbol:
    choice = SymbolChoice(
        concept=icon, label=label, icon=icon, word='Test', origin='name', score=1.0, rationale=f'{label}, from Test'
    )
    return KitSymbol(choice=choice, library=INSTALLED_ICONS)


def body_root(body: str) -> ET.Element:
    return ET.fromstring(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">{body}</svg>')


def symbol_of(concept: LogoConcept) -> str | None:
    found = SYMBOL_SENTENCE.search(concept.description)
    return found.group(1) if found else None


# --- compositions ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize('composition', COMPOSITIONS)
@pytest.mark.parametrize('icon', ['ripple', 'flame', 'bread', 'trees', 'needle-thread'])
def test_every_composition_is_filled_paths_in_the_palettes_inks(composition: Composition, icon: str) -> None:
    drawn = pictogram(kit_symbol(icon), INKS, weight=600, composition=composition, rng=random.Random(1))

    assert drawn is not None
    root = body_root(drawn.body)
    shapes = [element for element in root.iter() if element.tag != f'{SVG_NS}svg']
    assert shapes and {element.tag.removeprefix(SVG_NS) for element in shapes} <= {'path', 'rect'}
    for element in shapes:
        assert 'stroke' not in element.attrib  # strokes were expanded to outlines: they scale with the mark
        assert element.get('fill') in {INKS.brand, INKS.on_brand, INKS.spark}
    fills = [element.get('fill') for element in shapes]
    if composition == 'bare' or composition.startswith('cut-'):
        assert set(fills) == {INKS.brand}  # one ink; a cut-out's icon is the paper showing through, not paint
    else:
        assert fills[-1] == INKS.on_brand  # the icon, reversed out of its brand-coloured holder


def test_a_cut_out_symbol_is_negative_space() -> None:
    symbol = kit_symbol('ripple')
    icon = icon_outline(symbol, box=INNER['disc'], weight=600, boost=HELD_BOOST)
    cut = cut_symbol(symbol, INKS, 600, 'disc', random.Random(1))
    assert icon is not None and cut is not None

    cut_d = body_root(cut.body)[0].get('d', '')
    disc, hole = filled_area(disc_path()), filled_area(icon.d)
    assert filled_area(cut_d) == pytest.approx(disc - hole, rel=0.02)  # the icon's area is gone from the disc
    assert 'negative space' in cut.phrase


def test_strokes_follow_the_marks_weight() -> None:
    box = Box(x=0, y=0, width=100, height=100)
    symbol = kit_symbol('trees')  # an outline icon: Tabler has no solid tree
    light, bold = icon_outline(symbol, box=box, weight=400), icon_outline(symbol, box=box, weight=800)
    assert light is not None and bold is not None and light.style == 'outline'

    assert filled_area(bold.d) > filled_area(light.d) * 1.15


@pytest.mark.parametrize('weight', [400, 600, 800])
def test_the_same_stroke_share_whatever_the_icons_proportions(weight: int) -> None:
    """A small icon scaled up to fill the box must not come out heavier than a large one: the stroke is set as a share
    of the drawing, not in the icon set's grid."""
    box = Box(x=0, y=0, width=100, height=100)
    for icon in ('trees', 'ripple', 'needle-thread', 'anchor', 'lamp', 'perfume'):
        drawn = icon_outline(kit_symbol(icon), box=box, weight=weight)
        assert drawn is not None and drawn.weight is not None, icon
        x_min, y_min, x_max, y_max = drawn.bounds
        stroke = drawn.weight * drawn.scale  # in the box's units
        assert stroke == pytest.approx(stroke_share(weight) * max(x_max - x_min, y_max - y_min), rel=0.15), icon


def test_monogram_and_symbol_share_one_tile() -> None:
    face = Face.for_role(make_typography(), 'heading', fonts=INSTALLED_FONTS)
    drawn = symbol_over_initials(kit_symbol('ripple'), 'TC', face, inks=INKS, weight=700, rng=random.Random(2))

    assert drawn is not None and '"TC"' in drawn.phrase
    fills = [element.get('fill') for element in body_root(drawn.body)]
    assert fills[0] == INKS.brand and fills[1:] == [INKS.on_brand] * (len(fills) - 1)


# --- a kit's concepts -----------------------------------------------------------------------------------------------


def _concepts(profile: CompanyProfile, count: int, seed: int, palette: ColorPalette) -> list[LogoConcept]:
    return build_offline_logos(
        profile, palette, make_typography(), count, seed, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS
    )


TIDEWATER = make_profile(
    'Tidewater Credit Union',
    industry='Credit union',
    description='A member-owned credit union for coastal towns: savings, mortgages and small-business loans.',
    brand_values=['community', 'trust'],
    tone='warm, reassuring',
)


@pytest.mark.parametrize('seed', range(4))
def test_the_pictorial_mark_draws_from_the_name_and_says_so(seed: int) -> None:
    palette = make_palette()
    concepts = _concepts(TIDEWATER, 6, seed, palette)
    pictorial = next(concept for concept in concepts if concept.style is LogoStyle.PICTORIAL)

    assert "from 'Tide' in Tidewater" in pictorial.rationale
    assert symbol_of(pictorial) == 'a wave'
    assert_safe_svg(pictorial.svg, palette)


@pytest.mark.parametrize('count', [3, 6, 10])
@pytest.mark.parametrize('seed', range(3))
def test_no_two_concepts_of_a_kit_share_a_symbol(count: int, seed: int) -> None:
    palette = make_palette()
    for profile in (TIDEWATER, make_profile(), make_profile('Q', company_type=CompanyType.SAAS, industry='Scheduling')):
        concepts = _concepts(profile, count, seed, palette)
        symbols = [symbol_of(concept) for concept in concepts if concept.style in SYMBOL_STYLES]

        assert all(symbols), [concept.description for concept in concepts]
        assert len(set(symbols)) == len(symbols)
        for concept in concepts:
            if concept.style not in SYMBOL_STYLES:
                assert symbol_of(concept) is None


def test_the_plan_gives_the_pictorial_mark_the_best_symbol() -> None:
    styles = [LogoStyle.EMBLEM, LogoStyle.WORDMARK, LogoStyle.COMBINATION, LogoStyle.PICTORIAL]
    plan = symbol_plan(TIDEWATER, styles, 5, icons=INSTALLED_ICONS)
    alone = symbol_plan(TIDEWATER, [LogoStyle.PICTORIAL], 5, icons=INSTALLED_ICONS)

    assert plan[1] is None
    assert plan[3] is not None and alone[0] is not None and plan[3].choice == alone[0].choice
    assert len({symbol.choice.icon for symbol in plan if symbol is not None}) == 3


def test_icons_another_concept_drew_are_left_to_it() -> None:
    first = symbol_plan(TIDEWATER, [LogoStyle.PICTORIAL], 5, icons=INSTALLED_ICONS)[0]
    assert first is not None
    again = symbol_plan(TIDEWATER, [LogoStyle.PICTORIAL], 5, icons=INSTALLED_ICONS, taken={first.choice.icon})[0]

    assert again is not None and again.choice.icon != first.choice.icon


def test_without_the_icon_set_every_mark_is_hand_drawn(tmp_path: Path) -> None:
    palette = make_palette()
    concepts = build_offline_logos(
        TIDEWATER, palette, make_typography(), 6, 1, fonts=INSTALLED_FONTS, icons=IconLibrary(root=tmp_path)
    )

    assert all(symbol_of(concept) is None for concept in concepts)
    for concept in concepts:
        assert_safe_svg(concept.svg, palette)


def test_the_language_models_concepts_draw_the_kits_symbols() -> None:
    palette = make_palette()
    draft = drafts.LogosDraft.model_validate(
        {
            'concepts': [
                {'style': 'pictorial', 'description': 'A wave under a roof.', 'rationale': 'Shelter by the sea.'},
                {'style': 'combination', 'description': 'Symbol and name.', 'rationale': 'Learned together.'},
            ]
        }
    )
    logos, notes = drafts.drawn_logos(
        draft,
        profile=TIDEWATER,
        palette=palette,
        typography=make_typography(),
        fonts=INSTALLED_FONTS,
        icons=INSTALLED_ICONS,
        count=4,
        seed=3,
    )

    assert logos[0].description == 'A wave under a roof.'  # the model's words are kept
    assert logos[0].rationale.startswith('Shelter by the sea. The symbol is a wave, ')
    assert "'Tide' in Tidewater" in logos[0].rationale
    assert 'The symbol is ' in logos[1].rationale
    drawn = [re.search(r'The symbol is (an? [^,]+),', logo.rationale) for logo in logos[:2]]
    fillers = [symbol_of(logo) for logo in logos[2:] if logo.style in SYMBOL_STYLES]
    names = [found.group(1) for found in drawn if found] + [name for name in fillers if name]
    assert len(names) == len(set(names))  # the design engine's fillers leave the model's concepts their symbols
    assert notes
