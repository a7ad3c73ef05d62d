"""Choices and locks on a real offline kit: choices are checked against the kit field by field, a tagline edited in
place is cleaned like a model's line, and regenerating the rest keeps every locked part byte-identical while it makes
the unlocked parts again (ten seeds over)."""

from __future__ import annotations

import asyncio
import base64
import io
import re

import pytest
from PIL import Image, ImageDraw

from branding.design.color import contrast_ratio
from branding.design.marks.inks import Inks
from branding.design.marks.variants import PAINT, colourways, dark_background
from branding.exports.inuse import board_png
from branding.images.trace import trace_svg
from branding.models import EXAMPLE_PROFILE, BrandingRequest, BrandKit, ColorPalette, FontSpec, LogoConcept
from branding.orchestrator import generate_kit
from branding.refine.choices import ChoiceError, KitChoices, apply_choices
from branding.refine.instructions import Asked, refine_offline
from branding.refine.picks import PickContext
from branding.refine.recolour import INK_ORDER, logos_in_palette
from branding.refine.rest import Rest, regenerate_rest
from branding.sections.logos import build_offline_logos
from branding.stores.base import Lever
from tests.fonts import INSTALLED_FONTS
from tests.icons import INSTALLED_ICONS
from tests.unit.test_palette import assert_kit_passes

HEX = re.compile(r'#[0-9a-fA-F]{6}\b')

PAINT_COLOUR = re.compile(r'(?:fill|stroke)="(#[0-9a-f]{6})"')
REQUEST = BrandingRequest(company_profile=EXAMPLE_PROFILE, num_variations=3, seed=21)


@pytest.fixture(scope='module')
def kit() -> BrandKit:
    return asyncio.run(generate_kit(REQUEST, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS))


def choose(kit: BrandKit, **parts: object) -> BrandKit:
    return apply_choices(kit, KitChoices.model_validate(parts)).kit


def heading_spec(kit: BrandKit) -> FontSpec:
    assert kit.typography is not None
    return next(font for font in kit.typography.fonts if font.role == 'heading')


def rest(seed: int) -> Rest:
    return Rest(request=REQUEST, seed=seed, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS)


def test_choices_apply_with_their_lever_and_summary(kit: BrandKit) -> None:
    first = kit.taglines[0].id
    chosen = apply_choices(kit, KitChoices(chosen_logo=1, starred_taglines=[first]))
    assert (chosen.kit.chosen_logo, chosen.kit.starred_taglines, chosen.lever) == (1, [first], Lever.CHOOSE)
    assert chosen.summary == 'Chose logo 2; starred 1 taglines'
    locked = apply_choices(kit, KitChoices(locks=['palette', 'typography.heading', 'palette']))
    assert (locked.kit.locks, locked.lever) == (['palette', 'typography.heading'], Lever.LOCK)
    cleared = apply_choices(chosen.kit, KitChoices.model_validate({'chosen_logo': None}))
    assert cleared.kit.chosen_logo is None
    assert kit.chosen_logo is None and kit.locks == [], 'the kit given was changed'


def test_an_edited_tagline_is_cleaned_like_a_models_line(kit: BrandKit) -> None:
    target = kit.taglines[1].id
    edited = apply_choices(kit, KitChoices(taglines={target: '  "1. **<b>Money</b>, made calm**"  '}))
    assert edited.lever == Lever.EDIT
    assert edited.kit.taglines[1].text == 'Money, made calm'
    assert edited.kit.taglines[0] == kit.taglines[0]


@pytest.mark.parametrize(
    ('parts', 'field', 'message'),
    [
        ({'chosen_logo': 7}, 'chosen_logo', 'This kit has 3 logo concepts'),
        ({'starred_taglines': ['nope']}, 'starred_taglines.0', 'No tagline with this id'),
        ({'taglines': {'nope': 'Fine words'}}, 'taglines.nope', 'No tagline with this id'),
        (
            {'taglines': {'tagline-1': 'one two three four five six seven eight nine ten eleven'}},
            'taglines.tagline-1',
            'At most 10 words',
        ),
        ({'taglines': {'tagline-1': '<b></b> ** --'}}, 'taglines.tagline-1', 'Write the tagline in words'),
        ({'locks': ['palette', 'colours']}, 'locks.1', "Unknown section 'colours'"),
        ({'locks': ['palette.ochre']}, 'locks.0', "'palette.ochre' names no element of this kit"),
        ({'locks': ['logos.3']}, 'locks.0', 'names no element'),
        ({'locks': ['typography.script']}, 'locks.0', 'names no element'),
    ],
)
def test_choices_that_do_not_fit_the_kit_are_refused_by_field(
    kit: BrandKit, parts: dict[str, object], field: str, message: str
) -> None:
    with pytest.raises(ChoiceError) as refused:
        apply_choices(kit, KitChoices.model_validate(parts))
    [problem] = refused.value.problems
    assert problem.field == field
    assert message in problem.message


def test_a_tagline_may_not_repeat_another(kit: BrandKit) -> None:
    with pytest.raises(ChoiceError) as refused:
        apply_choices(kit, KitChoices(taglines={kit.taglines[1].id: kit.taglines[0].text.upper() + '!'}))
    assert refused.value.problems[0].message == 'Another tagline says the same'


async def test_locked_sections_and_elements_survive_ten_regenerations(kit: BrandKit) -> None:
    locks = ['palette', 'typography.heading', 'logos.1', f'taglines.{kit.taglines[2].id}']
    locked = choose(kit, locks=locks, chosen_logo=1, starred_taglines=[kit.taglines[2].id, kit.taglines[0].id])
    current = locked
    for seed in range(100, 110):
        previous, current = current, await regenerate_rest(current, rest(seed))
        assert current.color_palette == kit.color_palette
        assert current.color_palette is not None and current.typography is not None and kit.typography is not None
        assert current.typography.heading_font == kit.typography.heading_font
        assert heading_spec(current) == heading_spec(kit)
        assert current.logos[1] == kit.logos[1]
        assert current.taglines[2] == kit.taglines[2]
        assert (current.chosen_logo, current.starred_taglines, current.locks) == (1, [kit.taglines[2].id], locks)
        assert current.id == kit.id
        assert current.logos[0] != previous.logos[0] or current.logos[2] != previous.logos[2]
    assert current.brand_guidelines != kit.brand_guidelines or current.taglines != kit.taglines


async def test_new_logos_are_drawn_in_the_locked_palette(kit: BrandKit) -> None:
    locked = choose(kit, locks=['palette', 'typography'])
    renewed = await regenerate_rest(locked, rest(7))
    assert renewed.color_palette == kit.color_palette
    assert renewed.typography == kit.typography
    assert [logo.svg for logo in renewed.logos] != [logo.svg for logo in kit.logos]
    palette = kit.color_palette
    assert palette is not None
    in_palette = {palette.primary, palette.secondary, palette.accent, palette.neutral}
    for logo in renewed.logos:
        assert set(logo.color_scheme) & in_palette, logo.color_scheme


async def test_a_locked_colour_role_keeps_its_colour_and_the_new_palette_passes_aa(kit: BrandKit) -> None:
    assert kit.color_palette is not None
    renewed = await regenerate_rest(choose(kit, locks=['palette.primary', 'logos', 'taglines', 'guidelines']), rest(3))
    palette = renewed.color_palette
    assert palette is not None
    assert palette.primary == kit.color_palette.primary
    assert (palette.secondary, palette.accent) != (kit.color_palette.secondary, kit.color_palette.accent)
    assert renewed.taglines == kit.taglines and renewed.brand_guidelines == kit.brand_guidelines
    assert renewed.logos == logos_in_palette(kit, renewed).logos != kit.logos, 'locked logos follow the new palette'
    assert_kit_passes(palette)


async def test_a_locked_logo_keeps_its_drawing_in_a_new_palette_as_a_picked_colour_redraws_it(kit: BrandKit) -> None:
    """A locked concept is the same mark (style, symbol, layout, words) in the kit's colours, not the old palette's
    beside a board and mockups in the new one; the concepts made again are new ones, already in the new palette."""
    renewed = await regenerate_rest(choose(kit, locks=['logos.1'], chosen_logo=1), rest(5))
    old, new = kit.color_palette, renewed.color_palette
    assert old is not None and new is not None and new.primary != old.primary
    kept, before = renewed.logos[1], kit.logos[1]
    assert (kept.style, kept.description, kept.legibility) == (before.style, before.description, before.legibility)
    assert re.sub(HEX, '#', kept.svg) == re.sub(HEX, '#', before.svg), 'the same drawing'
    assert kept.variants is not None
    assert new.primary.lower() in kept.svg.lower() and old.primary.lower() not in kept.svg.lower()
    assert renewed.chosen_logo == 1, 'the chosen concept is still the same mark'
    for fresh in (renewed.logos[0], renewed.logos[2]):
        assert fresh != kit.logos[0] and set(fresh.color_scheme) & {new.primary, new.secondary, new.accent, new.neutral}


def picks() -> PickContext:
    return PickContext(profile=EXAMPLE_PROFILE, fonts=INSTALLED_FONTS)


def test_a_picked_primary_re_derives_the_palette_and_every_guarantee_holds(kit: BrandKit) -> None:
    assert kit.color_palette is not None
    chosen = apply_choices(kit, KitChoices(palette={'primary': '#0a7f5a'}), picks())
    palette = chosen.kit.color_palette
    assert palette is not None
    assert chosen.lever == Lever.CHOOSE and chosen.summary == 'Picked primary #0a7f5a'
    assert palette.primary == '#0a7f5a'
    assert (palette.secondary, palette.neutral) == (kit.color_palette.secondary, kit.color_palette.neutral)
    assert palette.scales['primary'] != kit.color_palette.scales['primary']
    assert palette.light != kit.color_palette.light
    assert_kit_passes(palette)


def test_a_picked_font_completes_the_type_with_its_pairing_explained(kit: BrandKit) -> None:
    assert kit.typography is not None
    chosen = apply_choices(kit, KitChoices(typography={'heading': 'Fraunces'}), picks()).kit.typography
    assert chosen is not None
    assert chosen.heading_font == 'Fraunces'
    assert chosen.body_font == kit.typography.body_font
    assert 'Fraunces' in chosen.rationale
    assert heading_spec(kit.model_copy(update={'typography': chosen})).family == 'Fraunces'


def test_picks_that_are_not_colours_or_catalogue_fonts_are_refused(kit: BrandKit) -> None:
    with pytest.raises(ChoiceError) as refused:
        apply_choices(kit, KitChoices(palette={'accent': 'not-a-colour'}, typography={'body': 'Comic Sans'}), picks())
    assert {(problem.field, problem.message) for problem in refused.value.problems} == {
        ('palette.accent', 'Not a colour: give a hex code such as #0a7f5a, or a CSS colour'),
        ('typography.body', 'Not in the open-licence font catalogue'),
    }


# --- logo marks follow a new palette ----------------------------------------------------------------------------------

PICKED = '#0a7f5a'  # dark enough for lettering on the paper: a fresh drawing keeps every ink's job as it was
MASKS = re.compile(r'<mask\b.*?</mask>', re.DOTALL)  # a knockout's black and white say what is cut away, not colours
MASK_IDS = re.compile(r'knockout-[0-9a-f]{10}')


def painted(svg: str) -> set[str]:
    """Every fill and stroke colour an SVG paints with, its knockout masks aside."""
    return {match.group(2).lower() for match in PAINT.finditer(MASKS.sub('', svg))}


def inks(palette: ColorPalette) -> dict[str, set[str]]:
    """The colours each colourway of a mark is drawn in, by the engine's own inks for `palette`."""
    ways = {way.name: way.inks for way in colourways(palette, Inks.from_palette(palette))}
    light = {str(getattr(ways['primary'], name)) for name in INK_ORDER}
    return {'light': light, 'reversed': {str(getattr(ways['reversed'], name)) for name in INK_ORDER}}


def picked_kit(kit: BrandKit, primary: str) -> BrandKit:
    return apply_choices(kit, KitChoices(palette={'primary': primary}), picks()).kit


def test_a_picked_primary_redraws_every_logo_file_from_the_new_palette(kit: BrandKit) -> None:
    new_kit = picked_kit(kit, PICKED)
    old, new = kit.color_palette, new_kit.color_palette
    assert old is not None and new is not None and old.primary != PICKED
    before, after = inks(old), inks(new)
    one_colour = {'#000000', '#ffffff'}
    for concept in new_kit.logos:
        assert concept.variants is not None
        files = {
            'light': [concept.svg, concept.variants.primary, concept.variants.icon],
            'reversed': [concept.variants.reversed],
        }
        for way, svgs in files.items():
            for svg in svgs:
                colours = painted(svg)
                assert colours <= after[way] | one_colour, (concept.id, way, colours - after[way])
                assert not colours & (before[way] - after[way]), (concept.id, way, 'an old colour is left')
        assert PICKED in painted(concept.variants.primary), concept.id
        assert concept.dark_background == dark_background(new)
        for colour in painted(concept.variants.reversed):  # every ink of the reversed file shows on the dark ground
            assert contrast_ratio(colour, concept.dark_background) >= 3.0, (concept.id, colour)
        assert painted(concept.variants.mono_dark) <= one_colour and painted(concept.variants.mono_light) <= one_colour
        assert concept.color_scheme == list(dict.fromkeys(PAINT_COLOUR.findall(concept.svg)))
        assert base64.b64decode(concept.image_url.split(',', 1)[1]).decode() == concept.svg
        assert old.primary not in concept.prompt_used and f'primary {PICKED}' in concept.prompt_used


def test_the_redrawn_marks_are_what_a_fresh_drawing_in_the_new_palette_gives(kit: BrandKit) -> None:
    assert kit.color_palette is not None
    typography = kit.typography
    assert typography is not None

    def drawn(palette: ColorPalette) -> list[LogoConcept]:
        return build_offline_logos(
            EXAMPLE_PROFILE, palette, typography, 3, kit.seed, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS
        )

    def shown(concept: LogoConcept) -> str:
        files = concept.model_dump_json(exclude={'legibility'})
        return MASK_IDS.sub('knockout', files)  # the mask ids hash the drawing with its own inks

    assert [shown(concept) for concept in drawn(kit.color_palette)] == [shown(concept) for concept in kit.logos]
    new_kit = picked_kit(kit, PICKED)
    assert new_kit.color_palette is not None
    assert [shown(concept) for concept in new_kit.logos] == [shown(concept) for concept in drawn(new_kit.color_palette)]
    assert [concept.legibility for concept in new_kit.logos] == [concept.legibility for concept in kit.logos]


def test_lettering_in_a_pale_picked_primary_keeps_3_to_1_on_the_paper(kit: BrandKit) -> None:
    new_kit = picked_kit(kit, '#00aa77')  # 2.9:1 on white: a fresh wordmark would letter in the text colour
    palette = new_kit.color_palette
    assert palette is not None and palette.light is not None
    paper = palette.light.background
    assert contrast_ratio(palette.primary, paper) < 3.0
    for concept in new_kit.logos:
        assert concept.variants is not None
        brand = painted(concept.variants.primary) - {Inks.from_palette(palette).spark}
        assert all(contrast_ratio(colour, paper) >= 3.0 for colour in brand), (concept.id, brand)


def pixels(png: bytes) -> dict[str, int]:
    """How many pixels of each colour an image has, by hex."""
    with Image.open(io.BytesIO(png)) as image:
        counted = image.convert('RGB').getcolors(maxcolors=1 << 24) or []
    return {'#' + bytes(rgb).hex(): count for count, rgb in counted if isinstance(rgb, tuple)}


def test_the_brand_board_shows_the_new_primary_and_none_of_the_old(kit: BrandKit) -> None:
    assert kit.color_palette is not None
    new_kit = picked_kit(kit, PICKED)
    board = pixels(board_png(new_kit, INSTALLED_FONTS))
    assert board.get(PICKED, 0) > 10_000
    assert board.get(kit.color_palette.primary, 0) == 0
    stale = pixels(board_png(new_kit.model_copy(update={'logos': kit.logos}), INSTALLED_FONTS))
    assert stale.get(kit.color_palette.primary, 0) > 10_000, 'the board draws no logo in its brand colour'


def test_a_palette_instruction_redraws_the_marks_too(kit: BrandKit) -> None:
    asked = Asked(instruction='much warmer', profile=EXAMPLE_PROFILE, fonts=INSTALLED_FONTS)
    refined = refine_offline(kit, 'palette', asked).kit
    assert refined.color_palette is not None and kit.color_palette is not None
    assert refined.color_palette.primary != kit.color_palette.primary
    after = inks(refined.color_palette)
    for concept in refined.logos:
        assert concept.variants is not None
        assert painted(concept.variants.primary) <= after['light'] | {'#000000', '#ffffff'}, concept.id
        assert painted(concept.variants.reversed) <= after['reversed'] | {'#ffffff'}, concept.id


def test_choices_that_change_no_colour_leave_the_marks_alone(kit: BrandKit) -> None:
    chosen = apply_choices(kit, KitChoices(chosen_logo=2, typography={'body': 'Inter'}), picks()).kit
    assert chosen.logos == kit.logos


def painting(palette: ColorPalette) -> bytes:
    """A painting as an image model makes one: a primary disc and an accent bar on white."""
    image = Image.new('RGB', (256, 256), '#ffffff')
    draw = ImageDraw.Draw(image)
    draw.ellipse((40, 40, 216, 216), fill=palette.primary)
    draw.rectangle((96, 180, 160, 236), fill=palette.accent)
    buffer = io.BytesIO()
    image.save(buffer, format='PNG')
    return buffer.getvalue()


def test_a_traced_painting_made_the_mark_is_recoloured_with_its_files(kit: BrandKit) -> None:
    palette = kit.color_palette
    assert palette is not None
    traced = trace_svg(painting(palette), [*kit.logos[0].color_scheme, palette.primary, palette.accent, '#ffffff'])
    painted_kit = kit.model_copy(update={'logos': [kit.logos[0].model_copy(update={'traced_svg': traced})]})
    marked = apply_choices(painted_kit, KitChoices.model_validate({'primary_mark': {'logo': 0}})).kit
    assert marked.logos[0].svg == traced and palette.primary in painted(traced)
    concept = picked_kit(marked, PICKED).logos[0]
    assert concept.svg == concept.traced_svg, 'the trace is still the mark'
    assert concept.variants is not None and concept.traced_svg is not None
    assert PICKED in painted(concept.traced_svg) and palette.primary not in painted(concept.traced_svg)
    for name in ('primary', 'icon', 'reversed'):
        assert palette.primary not in painted(getattr(concept.variants, name)), name
    assert PICKED in painted(concept.variants.primary)
    for colour in painted(concept.variants.reversed):
        assert contrast_ratio(colour, concept.dark_background or '') >= 3.0, colour
