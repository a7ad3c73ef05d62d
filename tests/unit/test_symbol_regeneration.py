"""Logos made again show other symbols: the kit's symbols are avoided (drawn again only when nothing else relevant is
left), every new one still comes from the company's words or its sector, a locked concept's symbol is never repeated,
and a kit made from scratch is drawn as before. What a concept drew is the icon it recorded (`LogoConcept.symbol`),
whatever its words say; a kit saved before concepts recorded it is read from its words."""

from __future__ import annotations

import asyncio
import itertools
import json
import re

import pytest

from bench.corpus import corpus_profiles
from branding import drafts
from branding.chain import ProviderChain
from branding.design.symbols.choose import choose_symbols, symbols_drawn, symbols_named
from branding.models import BrandingRequest, BrandKit, CompanyProfile, LogoConcept, LogoStyle, SectionName
from branding.orchestrator import generate_kit, regenerate_section
from branding.refine.rest import Rest, regenerate_rest
from branding.sections.logos import DrawnBefore, drawn_before, symbol_plan
from branding.settings import Settings
from tests.fonts import INSTALLED_FONTS
from tests.icons import INSTALLED_ICONS, needs_icons

pytestmark = needs_icons

OFFLINE = ProviderChain([], Settings())
PROFILES = {profile.name: profile for profile in corpus_profiles()}
BAKERY = PROFILES['Hearthstone Bakery']
# the bakery, the bank, the perfume house, the kids' app, the Japanese design studio, the security firm
COMPANIES = (
    'Hearthstone Bakery',
    'Granite Trust Bank',
    'Maison Velours',
    'Doodle Dino',
    'さくらデザイン',
    'Sentinel Ridge',
)
VARIATIONS = 6  # six concepts: the pictorial, combination and emblem marks each draw a symbol
SYMBOL = re.compile(r'The symbol is (?P<label>an? [^,]+), (?P<source>[^.]+)\.')
FROM_WORD = re.compile(r"from (?:the value )?'(?P<word>[^']+)'")


def make(profile: CompanyProfile, seed: int = 1) -> tuple[BrandingRequest, BrandKit]:
    request = BrandingRequest(company_profile=profile, num_variations=VARIATIONS, seed=seed)
    return request, asyncio.run(generate_kit(request, chain=OFFLINE, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS))


def regenerated(request: BrandingRequest, kit: BrandKit, seed: int) -> BrandKit:
    fonts, icons = INSTALLED_FONTS, INSTALLED_ICONS
    return asyncio.run(regenerate_section(request, kit, SectionName.LOGOS, fonts=fonts, icons=icons, seed=seed)).kit


def symbols(kit: BrandKit) -> list[tuple[str, str]]:
    """(label, where it came from) of each concept that draws a chosen symbol, as its description says."""
    found = [SYMBOL.search(logo.description) for logo in kit.logos]
    return [(match['label'], match['source']) for match in found if match is not None]


def labels(kit: BrandKit) -> set[str]:
    return {label for label, _ in symbols(kit)}


def relevant(profile: CompanyProfile, source: str) -> bool:
    """A symbol comes from a word the company wrote, from its name, or is a familiar sign of its sector or type."""
    if source.startswith('a familiar sign of ') or source == f'from the name {profile.name}':
        return True
    said = ' '.join(
        [profile.name, profile.industry, profile.description, profile.target_audience, *profile.brand_values]
    )
    word = FROM_WORD.match(source)
    return word is not None and word['word'].casefold() in said.casefold()


def every_label(profile: CompanyProfile) -> set[str]:
    """Every symbol the chooser has for the profile."""
    return {choice.label for choice in choose_symbols(profile, count=60, seed=1, library=INSTALLED_ICONS) or []}


@pytest.mark.parametrize('name', COMPANIES)
def test_regenerated_logos_show_other_relevant_symbols(name: str) -> None:
    profile = PROFILES[name]
    request, kit = make(profile)
    before = labels(kit)
    assert len(before) == 3
    renewed = regenerated(request, kit.model_copy(deep=True), seed=7)

    after = symbols(renewed)
    new = {label for label, _ in after} - before
    fresh = every_label(profile) - before  # what the chooser has besides the kit's symbols
    assert len(new) == min(len(after), len(fresh)), f'{name}: {after} repeats {before} though {fresh} are left'
    assert all(relevant(profile, source) for _, source in after), after
    if len(fresh) >= len(after):  # all but the security firm (four symbols in all) have three new ones to give
        assert not new & before and len(new) == len(after)


def test_three_regenerations_of_a_bakery_show_six_symbols() -> None:
    request, kit = make(BAKERY)
    first = labels(kit)
    seen: list[set[str]] = []
    for seed in (21, 22, 23):
        kit = regenerated(request, kit, seed)
        assert all(relevant(BAKERY, source) for _, source in symbols(kit))
        seen.append(labels(kit))
    assert not seen[0] & first, 'the first regeneration repeats no symbol of the kit'
    assert all(not earlier & later for earlier, later in itertools.pairwise(seen))
    assert len(set().union(*seen)) >= 6, seen


def test_the_rationale_names_the_word_a_new_symbol_came_from() -> None:
    request, kit = make(BAKERY)
    renewed = regenerated(request, kit.model_copy(deep=True), seed=5)
    for logo in renewed.logos:
        match = SYMBOL.search(logo.description)
        if match is not None:
            assert match['label'] in logo.rationale
            assert FROM_WORD.match(match['source']) or match['source'].startswith('a familiar sign of ')


def _symbol_index(kit: BrandKit) -> int:
    return next(index for index, logo in enumerate(kit.logos) if SYMBOL.search(logo.description))


@pytest.mark.parametrize('name', ['Hearthstone Bakery', 'Sentinel Ridge'])
def test_a_locked_concepts_symbol_is_not_drawn_by_a_new_concept(name: str) -> None:
    """Even for the security firm, whose four symbols leave the new concepts little else to draw."""
    profile = PROFILES[name]
    request, kit = make(profile)
    locked = _symbol_index(kit)
    kept = SYMBOL.search(kit.logos[locked].description)
    assert kept is not None
    kit.locks = ['palette', 'typography', 'taglines', 'guidelines', f'logos.{locked}']
    for seed in (31, 32, 33, 34):
        rest = Rest(request=request, seed=seed, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS)
        renewed = asyncio.run(regenerate_rest(kit, rest))
        assert renewed.logos[locked] == kit.logos[locked]
        others = [logo for index, logo in enumerate(renewed.logos) if index != locked]
        drawn = [match['label'] for logo in others if (match := SYMBOL.search(logo.description))]
        assert drawn and kept['label'] not in drawn, drawn
        if len(every_label(profile)) >= 6:
            assert not set(drawn) & labels(kit), 'the concepts made again show other symbols than the old ones'


def test_a_locked_symbol_is_never_drawn_again_even_when_nothing_else_is_left() -> None:
    profile = PROFILES['Sentinel Ridge']  # four symbols: twelve concepts drawing one run out of new ones
    _, kit = make(profile)
    locked = _symbol_index(kit)
    logo = kit.logos[locked]
    kept = symbols_named(profile, [f'{logo.description}\n{logo.rationale}'], library=INSTALLED_ICONS)[0]
    assert kept is not None
    before = drawn_before(profile, kit.logos, {locked}, icons=INSTALLED_ICONS)
    styles = [LogoStyle.PICTORIAL, LogoStyle.COMBINATION, LogoStyle.EMBLEM] * 4
    plan = symbol_plan(profile, styles, 5, icons=INSTALLED_ICONS, taken=before.taken, avoid=before.avoid)
    assert kept.concept not in [symbol.choice.concept for symbol in plan if symbol is not None]
    # only avoided, as the other old concepts' symbols are, it would be drawn again once nothing else is left
    soft = symbol_plan(profile, styles, 5, icons=INSTALLED_ICONS, avoid=before.avoid)
    assert kept.concept in [symbol.choice.concept for symbol in soft if symbol is not None]


def test_a_language_models_concepts_made_again_draw_other_symbols() -> None:
    _, kit = make(BAKERY)
    assert kit.color_palette is not None and kit.typography is not None
    written = [
        {'style': 'pictorial', 'description': 'A warm loaf.', 'rationale': 'Baked daily.'},
        {'style': 'combination', 'description': 'Symbol and name.', 'rationale': 'Learned together.'},
        {'style': 'emblem', 'description': "A baker's seal.", 'rationale': 'Made by hand.'},
    ]
    draft = drafts.LogosDraft.model_validate({'concepts': written})
    palette, typography = kit.color_palette, kit.typography

    def drawn(seed: int, before: DrawnBefore | None) -> list[LogoConcept]:
        logos, _ = drafts.drawn_logos(
            draft,
            profile=BAKERY,
            palette=palette,
            typography=typography,
            fonts=INSTALLED_FONTS,
            icons=INSTALLED_ICONS,
            count=3,
            seed=seed,
            before=before,
        )
        return logos

    first = drawn(1, None)
    again = drawn(2, drawn_before(BAKERY, first, locked=(), icons=INSTALLED_ICONS))
    old, new = (
        [match['label'] for logo in logos if (match := SYMBOL.search(logo.rationale))] for logos in (first, again)
    )
    assert len(old) == len(new) == 3
    assert not set(old) & set(new), f'{new} repeats {old}'
    sources = [match['source'] for logo in again if (match := SYMBOL.search(logo.rationale))]
    assert all(relevant(BAKERY, source) for source in sources), sources


def test_the_symbol_a_concept_draws_is_read_back_from_its_words() -> None:
    _, kit = make(BAKERY, seed=3)
    styles = [logo.style for logo in kit.logos]
    plan = symbol_plan(BAKERY, styles, 3, icons=INSTALLED_ICONS)
    texts = [f'{logo.description}\n{logo.rationale}' for logo in kit.logos]
    named = symbols_named(BAKERY, texts, library=INSTALLED_ICONS)
    assert [symbol and symbol.concept for symbol in named] == [symbol and symbol.choice.concept for symbol in plan]
    for symbol, planned in zip(named, plan, strict=True):
        if symbol is not None and planned is not None:
            assert planned.choice.icon in symbol.likely
    before = drawn_before(BAKERY, kit.logos, locked={_symbol_index(kit)}, icons=INSTALLED_ICONS)
    assert before.taken and before.taken <= before.avoid
    assert {symbol.choice.icon for symbol in plan if symbol is not None} <= before.avoid


def test_avoided_symbols_come_back_only_when_nothing_else_is_left() -> None:
    everything = choose_symbols(BAKERY, count=60, seed=1, library=INSTALLED_ICONS) or []
    first = everything[:3]
    avoided = {choice.icon for choice in first}
    again = choose_symbols(BAKERY, count=3, seed=1, library=INSTALLED_ICONS, avoid=avoided) or []
    assert len(again) == 3 and not {choice.concept for choice in again} & {choice.concept for choice in first}
    # everything the chooser has avoided: it still draws, rather than nothing
    every_icon = {choice.icon for choice in everything}
    fallback = choose_symbols(BAKERY, count=len(everything), seed=1, library=INSTALLED_ICONS, avoid=every_icon)
    assert fallback is not None and len(fallback) == len(everything)
    assert {choice.concept for choice in fallback} <= {choice.concept for choice in everything}


def test_other_icons_of_a_drawn_concept_come_before_the_icons_drawn_before() -> None:
    everything = choose_symbols(BAKERY, count=60, seed=1, library=INSTALLED_ICONS) or []
    avoided = {choice.icon for choice in everything}
    assert 'bread' in avoided and 'baguette' not in avoided, 'the loaf of bread is drawn as a loaf, not a baguette'
    again = choose_symbols(BAKERY, count=len(everything) + 3, seed=2, library=INSTALLED_ICONS, avoid=avoided) or []
    drawn_before = [choice.icon in avoided for choice in again]
    assert drawn_before == sorted(drawn_before), 'an icon of the old kit only after every other one'
    assert 'baguette' in [choice.icon for choice in again][: drawn_before.index(True)]


@pytest.mark.parametrize('name', ['Granite Trust Bank', 'Sentinel Ridge'])
def test_icons_of_earlier_versions_come_back_oldest_first_and_before_the_kits_own(name: str) -> None:
    """Two earlier versions and the kit itself each drew two of the company's icons; asked for more than it has left,
    the chooser draws the icons no version drew, then the oldest version's, then the last one's, then the kit's."""
    profile = PROFILES[name]
    everything = [choice.icon for choice in choose_symbols(profile, count=60, seed=1, library=INSTALLED_ICONS) or []]
    kits, last, oldest = set(everything[0:2]), set(everything[2:4]), set(everything[4:6])
    again = choose_symbols(
        profile, count=len(everything) + 2, seed=2, library=INSTALLED_ICONS, avoid=kits, shown=[last, oldest]
    )
    assert again is not None
    ages = [
        3 if icon in kits else 2 if icon in last else 1 if icon in oldest else 0 for icon in (c.icon for c in again)
    ]
    before_the_kits = ages[: ages.index(3)]
    assert before_the_kits == sorted(before_the_kits) and {1, 2} <= set(before_the_kits), [c.icon for c in again]


def test_the_icons_of_earlier_versions_are_read_version_by_version() -> None:
    request, kit = make(BAKERY)
    newer = regenerated(request, kit.model_copy(deep=True), seed=5)
    now = regenerated(request, newer.model_copy(deep=True), seed=6)
    before = drawn_before(BAKERY, now.logos, locked=(), icons=INSTALLED_ICONS, shown=[newer.logos, kit.logos])
    assert before.avoid == set(icons_drawn(now.logos)) and not before.taken
    assert before.shown == (frozenset(icons_drawn(newer.logos)), frozenset(icons_drawn(kit.logos)))
    assert drawn_before(BAKERY, now.logos, locked=(), icons=INSTALLED_ICONS).shown == ()


def test_a_language_models_concepts_leave_the_earlier_versions_symbols_alone() -> None:
    request, kit = make(BAKERY)
    now = regenerated(request, kit.model_copy(deep=True), seed=5)
    assert now.color_palette is not None and now.typography is not None
    written = [
        {'style': 'pictorial', 'description': 'A warm loaf.', 'rationale': 'Baked daily.'},
        {'style': 'combination', 'description': 'Symbol and name.', 'rationale': 'Learned together.'},
    ]  # the model wrote two of six concepts: the design engine draws the rest through the same plan
    logos, _ = drafts.drawn_logos(
        drafts.LogosDraft.model_validate({'concepts': written}),
        profile=BAKERY,
        palette=now.color_palette,
        typography=now.typography,
        fonts=INSTALLED_FONTS,
        icons=INSTALLED_ICONS,
        count=VARIATIONS,
        seed=6,
        before=drawn_before(BAKERY, now.logos, locked=(), icons=INSTALLED_ICONS, shown=[kit.logos]),
    )
    drawn = icons_drawn(logos)
    assert len(drawn) == len(set(drawn)) == 3
    assert not set(drawn) & {*icons_drawn(now.logos), *icons_drawn(kit.logos)}, (drawn, now.logos, kit.logos)


def test_a_kit_made_from_scratch_avoids_nothing() -> None:
    request, kit = make(BAKERY, seed=2)
    again = asyncio.run(generate_kit(request, chain=OFFLINE, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS))
    assert [logo.svg for logo in again.logos] == [logo.svg for logo in kit.logos]
    plain = choose_symbols(BAKERY, count=6, seed=2, library=INSTALLED_ICONS)
    assert choose_symbols(BAKERY, count=6, seed=2, library=INSTALLED_ICONS, avoid=()) == plain


def icons_drawn(logos: list[LogoConcept]) -> list[str]:
    return [logo.symbol for logo in logos if logo.symbol is not None]


def named(profile: CompanyProfile, logos: list[LogoConcept]) -> list[str | None]:
    """The concept each logo's words name (None: they name none)."""
    texts = [f'{logo.description}\n{logo.rationale}' for logo in logos]
    return [
        None if symbol is None else symbol.concept for symbol in symbols_named(profile, texts, library=INSTALLED_ICONS)
    ]


def silent(kit: BrandKit) -> BrandKit:
    """The kit with words that name no symbol, as a language model may write them, each concept drawing what it did."""
    logos = [
        logo.model_copy(update={'description': f'A {logo.style.value} mark.', 'rationale': 'It suits the brand.'})
        for logo in kit.logos
    ]
    return kit.model_copy(update={'logos': logos}, deep=True)


def unrecorded(kit: BrandKit) -> BrandKit:
    """The kit as one saved before concepts recorded their icon: its JSON without the field."""
    document = json.loads(kit.model_dump_json())
    for logo in document['logos']:
        del logo['symbol']
    return BrandKit.model_validate_json(json.dumps(document))


def test_regenerating_avoids_the_icons_drawn_though_the_concepts_words_do_not_name_them() -> None:
    request, kit = make(BAKERY)
    quiet = silent(kit)
    assert named(BAKERY, quiet.logos) == [None] * VARIATIONS, 'the words name no symbol'
    old = icons_drawn(kit.logos)
    assert len(old) == 3

    renewed = regenerated(request, quiet.model_copy(deep=True), seed=7)
    assert len(icons_drawn(renewed.logos)) == 3 and not set(icons_drawn(renewed.logos)) & set(old), (
        icons_drawn(renewed.logos),
        old,
    )
    assert not labels(renewed) & labels(kit), 'other ideas, not only other icons'
    # the control: the same kit knowing neither words nor icons draws some of them again
    blind = regenerated(request, unrecorded(quiet), seed=7)
    assert set(icons_drawn(blind.logos)) & set(old), 'with nothing to go by the kit would have been drawn again'


@pytest.mark.parametrize('name', ['Hearthstone Bakery', 'Sentinel Ridge'])
def test_a_locked_concept_keeps_its_icon_and_no_new_concept_draws_its_idea_though_its_words_do_not_name_it(
    name: str,
) -> None:
    """The palette is made again too: the locked concept, recoloured, still records its icon."""
    profile = PROFILES[name]
    request, kit = make(profile)
    quiet = silent(kit)
    locked = next(index for index, logo in enumerate(kit.logos) if logo.symbol is not None)
    icon = kit.logos[locked].symbol
    assert icon is not None
    kept = symbols_drawn(profile, [icon], library=INSTALLED_ICONS)[0]
    assert kept is not None and icon in kept.icons
    quiet.locks = ['typography', 'taglines', 'guidelines', f'logos.{locked}']
    for seed in (31, 32, 33):
        renewed = asyncio.run(
            regenerate_rest(quiet, Rest(request=request, seed=seed, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS))
        )
        assert renewed.color_palette != quiet.color_palette
        assert renewed.logos[locked].symbol == icon and renewed.logos[locked].svg != quiet.logos[locked].svg
        others = icons_drawn([logo for index, logo in enumerate(renewed.logos) if index != locked])
        assert others and not set(others) & set(kept.icons), (others, kept)


def test_a_kit_saved_before_concepts_recorded_their_icon_loads_and_regenerates() -> None:
    request, kit = make(BAKERY)
    old = unrecorded(kit)
    assert [logo.symbol for logo in old.logos] == [None] * VARIATIONS
    assert [logo.model_dump(exclude={'symbol'}) for logo in old.logos] == [
        logo.model_dump(exclude={'symbol'}) for logo in kit.logos
    ]
    drawn = icons_drawn(kit.logos)

    renewed = regenerated(request, old.model_copy(deep=True), seed=7)
    assert len(icons_drawn(renewed.logos)) == 3 and not set(icons_drawn(renewed.logos)) & set(drawn), (
        'read from the words'
    )

    locked = _symbol_index(kit)
    kept = symbols_named(
        BAKERY, [f'{old.logos[locked].description}\n{old.logos[locked].rationale}'], library=INSTALLED_ICONS
    )[0]
    assert kept is not None and kit.logos[locked].symbol in kept.icons
    old.locks = ['palette', 'typography', 'taglines', 'guidelines', f'logos.{locked}']
    rest = Rest(request=request, seed=41, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS)
    mixed = asyncio.run(regenerate_rest(old, rest))
    assert mixed.logos[locked] == old.logos[locked] and mixed.logos[locked].symbol is None
    first = icons_drawn([logo for index, logo in enumerate(mixed.logos) if index != locked])
    assert len(first) == 2 and not set(first) & set(kept.icons)
    # made again once more: the locked concept still read from its words, the new ones from the icons they recorded
    again = asyncio.run(
        regenerate_rest(mixed, Rest(request=request, seed=42, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS))
    )
    second = icons_drawn([logo for index, logo in enumerate(again.logos) if index != locked])
    assert len(second) == 2 and not set(second) & (set(first) | set(kept.icons)), (second, first, kept)
