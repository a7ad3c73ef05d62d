import re
import statistics

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from branding.design.color import MINIMUM_RATIO, contrast_ratio, delta_e_ok, simulate_cvd, to_oklch, to_rgb, wcag_level
from branding.design.palette import CVD_MIN_DELTA_E
from branding.design.psychology import hue_family, match_associations, read_color_intent, shift_temperature
from branding.models import MAX_BRAND_VALUES, ColorPalette, CompanyProfile, CompanyType, has_text
from branding.sections.palette import build_offline_palette, complete_palette

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
        (LUXURY, 'sophistication', 'Labrecque & Milne 2012'),
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
        if (match := re.search(r'follow an? ([a-z-]+) harmony', build_offline_palette(FINTECH, seed).rationale))
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
