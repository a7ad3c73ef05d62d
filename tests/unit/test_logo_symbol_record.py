"""A logo concept records the icon its symbol is drawn from (`LogoConcept.symbol`): the design engine's concepts and a
language model's carry the icon the kit's symbol plan gave their place, marks without a symbol carry none, a new
palette keeps the record, a painting's trace made the mark drops it (the trace is drawn from no icon), and a kit saved
before concepts recorded it still loads."""

from __future__ import annotations

import asyncio
import io
import json

import pytest
from PIL import Image, ImageDraw

from bench.corpus import corpus_profiles
from branding import drafts
from branding.chain import ProviderChain
from branding.design.symbols.choose import symbols_drawn
from branding.images.trace import trace_svg
from branding.models import BrandingRequest, BrandKit, CompanyProfile, LogoConcept, LogoStyle
from branding.orchestrator import generate_kit
from branding.refine.choices import KitChoices, apply_choices
from branding.refine.picks import PickContext
from branding.sections.logos import SYMBOL_STYLES, symbol_plan
from branding.settings import Settings
from tests.fonts import INSTALLED_FONTS
from tests.icons import INSTALLED_ICONS, needs_icons

pytestmark = needs_icons

OFFLINE = ProviderChain([], Settings())
PROFILES = {profile.name: profile for profile in corpus_profiles()}
BAKERY = PROFILES['Hearthstone Bakery']


def make(profile: CompanyProfile, seed: int, count: int = 6) -> BrandKit:
    request = BrandingRequest(company_profile=profile, num_variations=count, seed=seed)
    return asyncio.run(generate_kit(request, chain=OFFLINE, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS))


def planned(profile: CompanyProfile, logos: list[LogoConcept], seed: int) -> list[str | None]:
    """The icon the kit's symbol plan gives each concept's place (None: its style draws no symbol)."""
    plan = symbol_plan(profile, [logo.style for logo in logos], seed, icons=INSTALLED_ICONS)
    return [None if symbol is None else symbol.choice.icon for symbol in plan]


@pytest.mark.parametrize(
    ('name', 'seed', 'count'),
    [('Hearthstone Bakery', 3, 6), ('Granite Trust Bank', 1, 6), ('Sentinel Ridge', 2, 10), ('Doodle Dino', 5, 4)],
)
def test_the_design_engines_concepts_record_the_icon_the_plan_chose(name: str, seed: int, count: int) -> None:
    profile = PROFILES[name]
    kit = make(profile, seed, count)
    recorded = [logo.symbol for logo in kit.logos]
    assert recorded == planned(profile, kit.logos, seed)
    assert all(icon is None for logo, icon in zip(kit.logos, recorded, strict=True) if logo.style not in SYMBOL_STYLES)
    assert any(recorded), 'the symbol-led styles draw icons'
    assert len(set(icons := [icon for icon in recorded if icon])) == len(icons), 'no icon twice'


def test_a_language_models_concepts_record_the_icon_the_plan_chose_and_so_do_the_engines_fillers() -> None:
    kit = make(BAKERY, 1)
    assert kit.color_palette is not None and kit.typography is not None
    written = [
        {'style': 'wordmark', 'description': 'The name, set warmly.', 'rationale': 'Easy to say.'},
        {'style': 'pictorial', 'description': 'A warm loaf.', 'rationale': 'Baked daily.'},
        {'style': 'emblem', 'description': "A baker's seal.", 'rationale': 'Made by hand.'},
    ]
    draft = drafts.LogosDraft.model_validate({'concepts': written})
    logos, notes = drafts.drawn_logos(
        draft,
        profile=BAKERY,
        palette=kit.color_palette,
        typography=kit.typography,
        fonts=INSTALLED_FONTS,
        icons=INSTALLED_ICONS,
        count=5,
        seed=4,
    )
    assert notes and len(logos) == 5
    written_ones = logos[:3]
    assert [logo.symbol for logo in written_ones] == planned(BAKERY, written_ones, 4)
    assert written_ones[0].symbol is None and written_ones[1].symbol and written_ones[2].symbol
    fillers = [logo for logo in logos[3:] if logo.style in SYMBOL_STYLES]
    assert fillers and all(logo.symbol for logo in fillers), 'the engine drew the rest, each with its icon'
    assert len({logo.symbol for logo in logos if logo.symbol}) == len([logo for logo in logos if logo.symbol])


def test_the_record_survives_a_new_palette_and_a_save() -> None:
    kit = make(BAKERY, 2)
    recorded = [logo.symbol for logo in kit.logos]
    picked = apply_choices(
        kit, KitChoices(palette={'primary': '#0a7f5a'}), PickContext(profile=BAKERY, fonts=INSTALLED_FONTS)
    ).kit
    assert [logo.svg for logo in picked.logos] != [logo.svg for logo in kit.logos], 'redrawn in the new palette'
    assert [logo.symbol for logo in picked.logos] == recorded
    assert [logo.symbol for logo in BrandKit.model_validate_json(picked.model_dump_json()).logos] == recorded


def painting(primary: str) -> bytes:
    image = Image.new('RGB', (256, 256), '#ffffff')
    ImageDraw.Draw(image).ellipse((40, 40, 216, 216), fill=primary)
    buffer = io.BytesIO()
    image.save(buffer, format='PNG')
    return buffer.getvalue()


def test_a_paintings_trace_made_the_mark_is_drawn_from_no_icon() -> None:
    kit = make(BAKERY, 2)
    assert kit.color_palette is not None
    index = next(index for index, logo in enumerate(kit.logos) if logo.style is LogoStyle.PICTORIAL)
    logo = kit.logos[index]
    assert logo.symbol is not None
    traced = trace_svg(painting(kit.color_palette.primary), [*logo.color_scheme, '#ffffff'])
    logos = [*kit.logos]
    logos[index] = logo.model_copy(update={'traced_svg': traced})
    marked = apply_choices(
        kit.model_copy(update={'logos': logos}), KitChoices.model_validate({'primary_mark': {'logo': index}})
    ).kit
    assert marked.logos[index].svg == traced and marked.logos[index].symbol is None
    others = [concept.symbol for position, concept in enumerate(marked.logos) if position != index]
    assert others == [concept.symbol for position, concept in enumerate(kit.logos) if position != index]


def test_a_kit_saved_before_concepts_recorded_their_icon_loads_with_none() -> None:
    kit = make(BAKERY, 1)
    document = json.loads(kit.model_dump_json())
    for logo in document['logos']:
        del logo['symbol']
    old = BrandKit.model_validate_json(json.dumps(document))
    assert [logo.symbol for logo in old.logos] == [None] * len(kit.logos)
    assert old.model_dump(exclude={'logos': {'__all__': {'symbol'}}}) == kit.model_dump(
        exclude={'logos': {'__all__': {'symbol'}}}
    )


def test_a_recorded_icon_stands_for_every_icon_of_its_concept() -> None:
    found = symbols_drawn(BAKERY, ['bread', None, 'zeppelin'], library=INSTALLED_ICONS)
    bread, nothing, other = found
    assert nothing is None
    assert bread is not None and bread.likely == ('bread',) and 'bread' in bread.icons and len(bread.icons) > 1
    assert other is not None and (other.concept, other.icons, other.likely) == (
        'icon:zeppelin',
        ('zeppelin',),
        ('zeppelin',),
    )
