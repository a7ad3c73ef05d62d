import re
import statistics

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.corpus import corpus_profiles
from bench.palettes import Kit, brand_colors, corpus_kits, near_identical_pairs
from branding.design.color import (
    MINIMUM_RATIO,
    apca_contrast,
    contrast_ratio,
    delta_e_ok,
    from_oklch,
    simulate_cvd,
    to_oklch,
    to_rgb,
    wcag_level,
)
from branding.design.palette import CVD_MIN_DELTA_E
from branding.design.palette.dislike import is_disliked, material_disliked, undisliked
from branding.design.palette.distinct import MIN_ROLE_DISTANCE, role_pairs
from branding.design.psychology import (
    associations,
    foreign_colors,
    hue_family,
    hue_family_note,
    match_associations,
    read_color_intent,
    shift_temperature,
)
from branding.models import MAX_BRAND_VALUES, ColorPalette, CompanyProfile, CompanyType, has_text
from branding.sections.palette import build_offline_palette, complete_palette
from branding.sections.palette_prose import palette_families

HEX = re.compile(r'^#[0-9a-f]{6}$')
SEEDS = range(12)

FINTECH = CompanyProfile(
    name='Lumen Ledger',
    company_type=CompanyType.FINTECH,
    industry='Personal finance',
    description='A budgeting app that shows where money goes.',
    target_audience='Young professionals',
    brand_values=['trust', 'security', 'clarity'],
    tone='trustworthy',
)
CYBERSECURITY = CompanyProfile(
    name='Bastion',
    company_type=CompanyType.CYBERSECURITY,
    industry='Cloud security',
    description='Finds misconfigurations before attackers do.',
    target_audience='Security teams',
    brand_values=['reliability', 'vigilance'],
    tone='trustworthy',
)
KIDS_TOYS = CompanyProfile(
    name='Toybox',
    company_type=CompanyType.ECOMMERCE,
    industry='Kids toys',
    description='An online toy shop.',
    target_audience='Parents of young children',
    brand_values=['fun', 'imagination'],
    tone='playful',
)
LUXURY = CompanyProfile(
    name='Maison Or',
    company_type=CompanyType.OTHER,
    industry='Luxury watches',
    description='Hand-finished mechanical watches.',
    target_audience='Collectors',
    brand_values=['craftsmanship', 'heritage'],
    tone='elegant',
)
UNMATCHED = CompanyProfile(
    name='Zed',
    company_type=CompanyType.OTHER,
    industry='Widgets',
    description='Widgets.',
    target_audience='People',
    brand_values=['xyzzy'],
    tone='plugh',
)

REQUIRED_PAIRS = {
    ('text', 'background', 'body'),
    ('text', 'surface', 'body'),
    ('muted_text', 'background', 'body'),
    ('muted_text', 'surface', 'body'),
    ('on_primary', 'primary', 'body'),
    ('on_secondary', 'secondary', 'body'),
    ('on_accent', 'accent', 'body'),
    ('primary', 'background', 'large'),
    ('accent', 'background', 'ui'),
    ('border', 'background', 'ui'),
}

# free text as people (and attackers) type it: scripts, emoji, markup, plus words the association table knows
words = st.sampled_from(
    ['finance', 'Kids toys', 'luxury', 'eco', 'AI', 'playful', 'trust', 'elegant', 'health', 'bold', 'fair trade']
)
fragments = st.sampled_from(
    ['ab', 'XYZ', '09', ' ', '-', '#', '&amp;', '"', "'", '日本語', 'العربية', '🎨', '🚀', '<script>', '</b>', '\u200b']
)
wild_text = st.one_of(st.lists(fragments, min_size=1, max_size=8).map(''.join), st.text(min_size=1, max_size=30))


def field(max_size: int) -> st.SearchStrategy[str]:
    return st.one_of(words, wild_text).map(lambda text: text[:max_size]).filter(has_text)


profiles = st.builds(
    CompanyProfile,
    name=field(120),
    company_type=st.sampled_from(list(CompanyType)),
    industry=field(120),
    description=field(2000),
    target_audience=field(300),
    brand_values=st.lists(field(40), min_size=1, max_size=MAX_BRAND_VALUES),
    tone=field(60),
)
seeds = st.integers(min_value=0, max_value=2**63 - 1)
any_color = st.integers(min_value=0, max_value=0xFFFFFF).map(lambda value: f'#{value:06x}')
relaxed = settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])


def assert_kit_passes(palette: ColorPalette) -> None:
    """What the kit promises, recomputed from its hex values rather than read from its own fields."""
    ColorPalette.model_validate(palette.model_dump())  # every hex matches the pattern
    assert palette.light is not None
    assert palette.dark is not None
    for mode in ('light', 'dark'):
        theme = getattr(palette, mode)
        checks = [check for check in palette.contrast if check.mode == mode]
        pairs = {(check.foreground_role, check.background_role, check.use) for check in checks}
        assert pairs >= REQUIRED_PAIRS
        for check in checks:
            assert check.foreground == getattr(theme, check.foreground_role)
            assert check.background == getattr(theme, check.background_role)
            ratio = contrast_ratio(check.foreground, check.background)
            assert ratio >= MINIMUM_RATIO[check.use], check
            assert check.ratio == round(ratio, 2)
            assert check.level == wcag_level(ratio, check.use)
            assert check.level != 'Fail'
            assert check.apca_lc == round(apca_contrast(check.foreground, check.background), 1)
    brand = {role: getattr(palette, role) for role in ('primary', 'secondary', 'accent')}
    for pair in role_pairs(brand):
        assert delta_e_ok(brand[pair.first], brand[pair.second]) >= MIN_ROLE_DISTANCE[(pair.first, pair.second)], pair
    for deficiency in ('protanopia', 'deuteranopia'):
        simulated_primary = simulate_cvd(palette.primary, deficiency)
        simulated_accent = simulate_cvd(palette.accent, deficiency)
        assert delta_e_ok(simulated_primary, simulated_accent) >= CVD_MIN_DELTA_E, deficiency
        for mode in ('light', 'dark'):  # also as each theme shows them
            theme = getattr(palette, mode)
            shown = delta_e_ok(simulate_cvd(theme.primary, deficiency), simulate_cvd(theme.accent, deficiency))
            assert shown >= CVD_MIN_DELTA_E, (deficiency, mode)
    reported = {check.deficiency: check for check in palette.color_vision}
    assert set(reported) == {'protanopia', 'deuteranopia', 'tritanopia'}
    assert reported['protanopia'].distinguishable
    assert reported['deuteranopia'].distinguishable
    assert [role.role for role in palette.roles] == ['primary', 'secondary', 'accent', 'neutral']
    for role in palette.roles:
        assert role.hex == getattr(palette, role.role)
        assert role.rgb == to_rgb(role.hex)
        assert role.name
    assert set(palette.scales) == {'primary', 'secondary', 'accent', 'neutral'}
    assert all(len(scale) == 11 for scale in palette.scales.values())
    assert set(palette.psychology) >= {'primary', 'secondary', 'accent', 'neutral'}
    assert palette.usage_guidelines
    assert palette.rationale


# --- properties ------------------------------------------------------------------------------------------------------


@relaxed
@given(profiles, seeds)
def test_offline_palette_passes_for_any_profile_and_seed(profile: CompanyProfile, seed: int) -> None:
    assert_kit_passes(build_offline_palette(profile, seed))


@relaxed
@given(profiles, seeds)
def test_same_profile_and_seed_give_the_same_palette(profile: CompanyProfile, seed: int) -> None:
    assert build_offline_palette(profile, seed) == build_offline_palette(profile, seed)


@pytest.mark.parametrize('profile', [FINTECH, KIDS_TOYS, LUXURY, UNMATCHED])
def test_different_seeds_give_different_palettes(profile: CompanyProfile) -> None:
    primaries = {build_offline_palette(profile, seed).primary for seed in SEEDS}
    accents = {build_offline_palette(profile, seed).accent for seed in SEEDS}
    assert len(primaries) >= len(SEEDS) - 2
    assert len(accents) >= len(SEEDS) - 2


@relaxed
@given(any_color, any_color, any_color, any_color)
def test_any_four_colours_complete_into_a_passing_kit(primary: str, secondary: str, accent: str, neutral: str) -> None:
    assert_kit_passes(complete_palette(primary, secondary, accent, neutral, profile=FINTECH))


@pytest.mark.parametrize(
    'colors',
    [
        ('#ffff00',) * 4,
        ('#ffffff',) * 4,
        ('#fefefe', '#fdfdfd', '#fcfcfc', '#fbfbfb'),
        ('#000000',) * 4,
        ('#777777',) * 4,
        ('red', 'green', 'lime', 'hsl(0 100% 45%)'),
        ('#d62728', '#ff7f0e', '#2ca02c', '#ffff00'),
    ],
)
def test_hostile_colours_still_give_a_passing_kit_and_say_what_changed(colors: tuple[str, ...]) -> None:
    palette = complete_palette(*colors, profile=KIDS_TOYS)
    assert_kit_passes(palette)
    assert palette.adjustments
    assert all(re.search(r'#[0-9a-f]{6} to #[0-9a-f]{6}', note) for note in palette.adjustments)


def test_identical_primary_and_accent_are_pulled_apart_and_noted() -> None:
    palette = complete_palette('#2563eb', '#64748b', '#2563eb', '#64748b', profile=FINTECH)
    assert palette.accent != '#2563eb'
    assert any(note.startswith('accent moved from #2563eb') for note in palette.adjustments)


def test_a_passing_palette_is_left_alone() -> None:
    palette = complete_palette('#1d4ed8', '#0f766e', '#b45309', '#64748b', profile=FINTECH)
    assert (palette.primary, palette.secondary, palette.accent, palette.neutral) == (
        '#1d4ed8',
        '#0f766e',
        '#b45309',
        '#64748b',
    )
    assert palette.light is not None
    assert palette.light.primary == '#1d4ed8'
    assert not [note for note in palette.adjustments if 'light mode' in note and note.startswith('primary')]


def test_complete_palette_reads_any_colour_syntax() -> None:
    palette = complete_palette('rgb(29, 78, 216)', 'teal', '#B45309', 'oklch(0.55 0.02 260)', profile=FINTECH)
    assert palette.primary == '#1d4ed8'
    assert palette.secondary == '#008080'
    assert palette.accent == '#b45309'


def test_complete_palette_rejects_what_is_not_a_colour() -> None:
    with pytest.raises(ValueError, match='not a colour'):
        complete_palette('#1d4ed8', 'sort of bluish', '#b45309', '#64748b', profile=FINTECH)


def test_complete_palette_keeps_given_texts_and_fills_the_rest() -> None:
    palette = complete_palette(
        '#1d4ed8',
        '#0f766e',
        '#b45309',
        '#64748b',
        profile=FINTECH,
        psychology={'primary': 'Our blue.'},
        usage_guidelines='Use sparingly.',
        rationale='Because.',
    )
    assert palette.psychology['primary'] == 'Our blue.'
    assert palette.psychology['accent']
    assert palette.usage_guidelines == 'Use sparingly.'
    assert palette.rationale == 'Because.'


def test_given_colours_that_ignore_the_associations_are_not_credited_to_them() -> None:
    palette = complete_palette('#e11d48', '#f97316', '#facc15', '#78716c', profile=FINTECH)
    assert 'chosen for' not in palette.psychology['primary']
    assert 'chosen for' not in palette.rationale


# --- sensitivity to the brief ----------------------------------------------------------------------------------------


def primaries(profile: CompanyProfile) -> list[tuple[float, float, float]]:
    return [to_oklch(build_offline_palette(profile, seed).primary) for seed in SEEDS]


@pytest.mark.parametrize('profile', [FINTECH, CYBERSECURITY])
def test_finance_and_security_get_a_cool_dark_primary(profile: CompanyProfile) -> None:
    toy_lightness = statistics.mean(lightness for lightness, _, _ in primaries(KIDS_TOYS))
    for lightness, _, hue in primaries(profile):
        assert 165 <= hue <= 285  # teal to blue
        assert lightness < 0.5
        assert lightness < toy_lightness - 0.15


def test_kids_toys_get_a_warm_more_colourful_primary() -> None:
    toys, finance = primaries(KIDS_TOYS), primaries(FINTECH)
    for _, _, hue in toys:
        assert hue_family(0.7, 0.2, hue) in {'red', 'orange', 'yellow'}
    assert min(chroma for _, chroma, _ in toys) > max(chroma for _, chroma, _ in finance)


def test_luxury_gets_a_deep_restrained_primary_and_a_gold_accent() -> None:
    luxury, toys = primaries(LUXURY), primaries(KIDS_TOYS)
    assert max(lightness for lightness, _, _ in luxury) < min(lightness for lightness, _, _ in toys)
    assert statistics.mean(chroma for _, chroma, _ in luxury) < statistics.mean(chroma for _, chroma, _ in toys)
    for seed in SEEDS:
        accent_hue = to_oklch(build_offline_palette(LUXURY, seed).accent)[2]
        assert 60 <= accent_hue <= 100


@pytest.mark.parametrize(
    ('profile', 'association', 'source'),
    [
        (FINTECH, 'competence', 'Labrecque & Milne 2012'),
        (KIDS_TOYS, 'joy', 'Jonauskaite et al. 2020'),
        (LUXURY, 'sophisticated', 'Labrecque & Milne 2012'),
    ],
)
def test_rationale_cites_the_association_it_used(profile: CompanyProfile, association: str, source: str) -> None:
    palette = build_offline_palette(profile, 7)
    for text in (palette.rationale, palette.psychology['primary']):
        assert association in text
        assert source in text
        assert 'confidence' in text


def test_harmony_is_offered_as_an_option_not_an_optimum() -> None:
    rationale = build_offline_palette(FINTECH, 3).rationale
    assert 'harmony' in rationale
    assert 'one option among several' in rationale
    assert 'optimal' not in rationale


def test_a_profile_with_no_known_words_says_so() -> None:
    rationale = build_offline_palette(UNMATCHED, 1).rationale
    assert 'no industry, tone or value word matched' in rationale


def test_palettes_vary_in_harmony_across_seeds() -> None:
    harmonies = {
        match.group(1)
        for seed in SEEDS
        if (match := re.search(r'(?:follow|of) an? ([a-z-]+) harmony', build_offline_palette(FINTECH, seed).rationale))
    }
    assert len(harmonies) >= 3


# --- reading the profile ---------------------------------------------------------------------------------------------


def profile_with(**changes: object) -> CompanyProfile:
    return UNMATCHED.model_copy(update=changes)


@pytest.mark.parametrize(
    ('industry', 'association'),
    [
        ('AI tools', 'ai'),
        ('Toys', 'kids'),
        ('E-COMMERCE', 'commerce'),
        ('open-source infrastructure', 'developer'),
        ('Fine dining', 'luxury'),
    ],
)
def test_industry_keywords_match_whole_words_in_any_case(industry: str, association: str) -> None:
    assert association in {match.association.id for match in match_associations(profile_with(industry=industry))}


@pytest.mark.parametrize('industry', ['Fair trade', 'Maintenance', 'Bankruptcy law'])
def test_keywords_do_not_match_inside_other_words(industry: str) -> None:
    ids = {match.association.id for match in match_associations(profile_with(industry=industry))}
    assert 'ai' not in ids
    assert 'finance' not in ids


def test_industry_outweighs_company_type_for_the_hue() -> None:
    profile = profile_with(company_type=CompanyType.SAAS, industry='Organic farming')
    hue_match = read_color_intent(profile).hue_match
    assert hue_match is not None
    assert hue_match.association.id == 'eco'


def test_playful_tone_raises_chroma_and_elegant_lowers_it() -> None:
    base = read_color_intent(profile_with(company_type=CompanyType.SAAS))
    playful = read_color_intent(profile_with(company_type=CompanyType.SAAS, tone='playful'))
    elegant = read_color_intent(profile_with(company_type=CompanyType.SAAS, tone='elegant'))
    assert playful.chroma > base.chroma > elegant.chroma
    assert playful.temperature_shift > 0


@pytest.mark.parametrize(
    ('hue', 'shift', 'expected'),
    [(250, 10, 260), (250, -10, 240), (40, 10, 45), (100, -10, 110), (350, 10, 0)],
)
def test_shift_temperature_turns_toward_the_pole_by_the_short_way_without_passing_it(
    hue: float, shift: float, expected: float
) -> None:
    assert shift_temperature(hue, shift) == pytest.approx(expected)


# --- roles a designer would keep: the corpus (issue 14's acceptance tests) -------------------------------------------


@pytest.fixture(scope='module')
def corpus() -> list[Kit]:
    return corpus_kits()


def test_corpus_brand_roles_lie_apart_in_oklab(corpus: list[Kit]) -> None:
    for kit in corpus:
        brand = {role: getattr(kit.palette, role) for role in ('primary', 'secondary', 'accent')}
        for pair in role_pairs(brand):
            assert pair.distinct, (kit.name, kit.seed, pair)


def test_corpus_has_no_disliked_dark_yellow_green(corpus: list[Kit]) -> None:
    disliked = [(kit.name, color) for kit in corpus for color in brand_colors(kit.palette) if is_disliked(color)]
    assert disliked == []


def test_corpus_kits_of_different_sectors_never_share_a_near_identical_palette(corpus: list[Kit]) -> None:
    pairs = [(first.name, first.seed, second.name, second.seed) for first, second, _ in near_identical_pairs(corpus)]
    assert pairs == []


def test_a_security_company_and_an_islamic_bank_look_different(corpus: list[Kit]) -> None:
    kits = {(kit.name, kit.seed): kit for kit in corpus}
    for seed in range(3):
        security, bank = kits[('Sentinel Ridge', seed)].palette, kits[('بيت التمويل', seed)].palette
        assert delta_e_ok(security.primary, bank.primary) > 0.1
        assert hue_family(*to_oklch(security.primary)) == 'blue'
        assert hue_family(*to_oklch(bank.primary)) == 'green'  # the Islamic banking convention, cited as such
        assert 'Islamic' in bank.rationale


def test_corpus_accents_are_their_sectors_call_to_action_colours(corpus: list[Kit]) -> None:
    profiles = {profile.name: profile for profile in corpus_profiles()}
    for kit in corpus:
        options = read_color_intent(profiles[kit.name]).accent_options
        if options:
            hue = to_oklch(kit.palette.accent)[2]
            assert any(abs((hue - option.hue + 180) % 360 - 180) <= 25 for option in options), (kit.name, kit.seed)
            assert 'call-to-action colour' in kit.palette.rationale


def test_a_bakerys_call_to_action_is_never_lavender_or_blue(corpus: list[Kit]) -> None:
    for kit in corpus:
        if kit.name in ('Hearthstone Bakery', 'Cinderhouse Coffee'):
            assert hue_family(*to_oklch(kit.palette.accent)) in {'red', 'pink', 'green', 'orange'}, kit.palette.accent


def test_corpus_rationales_name_only_colours_the_palette_holds(corpus: list[Kit]) -> None:
    for kit in corpus:
        palette = kit.palette
        families = palette_families(palette)
        names = tuple(role.name for role in palette.roles)
        for text in (palette.rationale, *palette.psychology.values()):
            assert foreign_colors(text, families, ignore=names) == [], (kit.name, kit.seed, text)


def test_corpus_rationales_never_borrow_another_sectors_convention(corpus: list[Kit]) -> None:
    for kit in corpus:
        texts = ' '.join((kit.palette.rationale, *kit.palette.psychology.values()))
        if kit.sector not in ('finance', 'islamic'):
            assert 'bank' not in texts.lower(), (kit.name, kit.seed)
        if kit.sector != 'health':
            assert 'healthcare' not in texts.lower(), (kit.name, kit.seed)


def test_corpus_rationale_reports_the_role_distances(corpus: list[Kit]) -> None:
    palette = corpus[0].palette
    distance = delta_e_ok(palette.secondary, palette.accent)
    assert f'secondary to accent {distance:.2f} (at least 0.15)' in palette.rationale


# --- the dislike check ---------------------------------------------------------------------------------------------


# Material Color Utilities' dislike_analyzer tests: bile colours disliked, the Monk skin tone scale liked.
BILE = ('#95884b', '#716b40', '#b08e00', '#4c4308', '#464521')
MONK_SKIN_TONES = ('#f6ede4', '#f3e7db', '#f7ead0', '#eadaba', '#d7bd96', '#a07e56', '#825c43', '#604134', '#3a312a')
ISSUE_OLIVES = ('#829502', '#809907', '#9a9500', '#a69800')  # accents the issue found recurring


@pytest.mark.parametrize('color', BILE)
def test_bile_colours_are_disliked_as_material_judges_them(color: str) -> None:
    assert material_disliked(color)
    assert is_disliked(color)


@pytest.mark.parametrize('color', MONK_SKIN_TONES)
def test_skin_tones_are_not_disliked(color: str) -> None:
    assert not is_disliked(color)


def test_tone_67_yellow_green_is_liked() -> None:
    light = from_oklch(0.72, 0.12, 108)  # the band's hue, but light: a lime, not an olive
    assert not is_disliked(light)


@pytest.mark.parametrize('color', ISSUE_OLIVES)
def test_the_issues_olive_accents_are_caught(color: str) -> None:
    assert is_disliked(color)


@pytest.mark.parametrize('color', (*BILE, *ISSUE_OLIVES))
def test_undisliked_turns_the_hue_and_keeps_lightness_and_chroma(color: str) -> None:
    turned = undisliked(color)
    assert not is_disliked(turned)
    before, after = to_oklch(color), to_oklch(turned)
    assert after[0] == pytest.approx(before[0], abs=0.02)
    assert after[1] == pytest.approx(before[1], abs=0.03)


def test_olive_colours_are_turned_and_noted_unless_the_brief_asks_for_them() -> None:
    olive = ('#556b2f', '#2f4f6b', '#9a9500', '#777777')
    palette = complete_palette(*olive, profile=FINTECH)
    assert not any(is_disliked(color) for color in brand_colors(palette))
    assert any('dark yellow-greens are the least liked' in note for note in palette.adjustments)
    asked = FINTECH.model_copy(update={'description': 'Olive and khaki, like the groves our founders farm.'})
    kept = complete_palette(*olive, profile=asked)
    assert kept.primary == '#556b2f'
    assert not any('least liked' in note for note in kept.adjustments)


@given(profile=profiles, seed=seeds)
@relaxed
def test_no_offline_palette_is_a_dark_yellow_green_unless_asked(profile: CompanyProfile, seed: int) -> None:
    palette = build_offline_palette(profile, seed)
    if not read_color_intent(profile).yellow_greens_requested:
        assert not any(is_disliked(color) for color in brand_colors(palette))


@given(profile=profiles, seed=seeds)
@relaxed
def test_any_offline_rationale_names_only_colours_the_palette_holds(profile: CompanyProfile, seed: int) -> None:
    palette = build_offline_palette(profile, seed)
    families = palette_families(palette)
    names = tuple(role.name for role in palette.roles)
    for text in (palette.rationale, *palette.psychology.values()):
        assert foreign_colors(text, families, ignore=names) == [], text


# --- distinct roles and consistent words for given colours ------------------------------------------------------------


def test_near_identical_secondary_and_accent_are_pulled_apart_and_noted() -> None:
    palette = complete_palette('#1d4ed8', '#a27ab9', '#af6fd3', '#64748b', profile=LUXURY)
    assert palette.secondary == '#a27ab9'
    assert delta_e_ok(palette.secondary, palette.accent) >= MIN_ROLE_DISTANCE[('secondary', 'accent')]
    assert any(note.startswith('accent moved from #af6fd3') for note in palette.adjustments)


def test_a_given_rationale_naming_colours_the_palette_lacks_is_replaced() -> None:
    green = ('#166534', '#0f766e', '#f59e0b', '#6b7280')
    wrong = 'Jewel-tone purple and black say luxury.'
    palette = complete_palette(*green, profile=LUXURY, rationale=wrong, psychology={'primary': 'A rich purple.'})
    assert palette.rationale != wrong
    assert palette.psychology['primary'] != 'A rich purple.'
    right = 'A deep green for growth, with an amber accent.'
    kept = complete_palette(*green, profile=LUXURY, rationale=right)
    assert kept.rationale == right


@pytest.mark.parametrize(
    ('text', 'families', 'foreign'),
    [
        ('A deep blue with gold.', {'blue', 'yellow'}, []),
        ('A deep blue with gold.', {'blue', 'orange'}, []),  # gold sits between yellow and orange
        ('Jewel-tone purple and black.', {'green', 'neutral'}, ['purple']),
        ('Green-blues were rated calm.', {'teal'}, []),
        ('Green-blues were rated calm.', {'green', 'blue'}, ['green-blues']),
        ('Most bank logos are blue.', {'violet'}, ['blue']),
    ],
)
def test_foreign_colors_finds_colour_words_the_palette_lacks(text: str, families: set[str], foreign: list[str]) -> None:
    assert foreign_colors(text, families) == foreign


def test_hue_family_notes_carry_no_sector_convention() -> None:
    # a family note explains a colour in any kit, so it may cite findings but not one category's habits
    sector_nouns = ('bank', 'finance', 'healthcare', 'clinical', 'software', 'luxury', 'food', 'security', 'kids')
    for family in ('red', 'orange', 'brown', 'yellow', 'green', 'teal', 'blue', 'violet', 'pink', 'neutral'):
        note = hue_family_note(family)
        assert 'category convention' not in note.cited(), family
        assert not [noun for noun in sector_nouns if noun in note.association.lower()], family


def test_every_call_to_action_reason_names_the_colour_it_gives() -> None:
    for association in associations():
        for option in association.accents:
            lightness = option.lightness or 0.72
            for turn in (-5, 0, 5):
                family = hue_family(*to_oklch(from_oklch(lightness, option.chroma, option.hue + turn)))
                assert foreign_colors(option.why, {family, 'neutral'}) == [], (association.id, option.why, family)
