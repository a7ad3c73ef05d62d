from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from branding.design import font_files
from branding.design.font_css import font_face_css, missing_families
from branding.design.font_files import FontLibrary
from branding.design.script_type import script_faces
from branding.design.scripts import SCRIPT_FONTS
from branding.design.typography import (
    CATALOGUE_PATH,
    CATEGORIES,
    SCALES,
    FontEntry,
    assess_pairing,
    catalogue,
    css_stack,
    find_font,
    nearest_font,
    scale_name,
    type_scale,
)
from branding.models import CompanyProfile, CompanyType, FontPairing, Typography, has_text
from branding.sections.typography import MISSING_FILES_NOTE, build_offline_typography, complete_typography
from branding.settings import PROJECT_ROOT
from tests.fonts import INSTALLED_FONTS

PACKAGE_JSON = PROJECT_ROOT / 'fonts' / 'package.json'
FONTS_INSTALLED = INSTALLED_FONTS.is_installed('Inter')
needs_fonts = pytest.mark.skipif(not FONTS_INSTALLED, reason='font files not installed (npm ci in fonts/)')

GENERIC_BY_CATEGORY = {'sans-serif': 'sans-serif', 'serif': 'serif', 'monospace': 'monospace', 'handwriting': 'cursive'}
CLAIM = re.compile(r'^(Heading|Body|Accent): (.+?), a ([a-z-]+) face \(([^)]*)\)', re.MULTILINE)


def profile(**overrides: object) -> CompanyProfile:
    fields: dict[str, object] = {
        'name': 'Acme',
        'company_type': CompanyType.OTHER,
        'industry': 'General services',
        'description': 'We do useful things for people.',
        'target_audience': 'Everyone',
        'brand_values': ['quality'],
        'tone': 'professional',
    }
    return CompanyProfile.model_validate(fields | overrides)


def entry(family: str) -> FontEntry:
    found = find_font(family)
    assert found is not None, family
    return found


def roles(typography: Typography) -> dict[str, FontEntry]:
    return {
        'heading': entry(typography.heading_font),
        'body': entry(typography.body_font),
        'accent': entry(typography.accent_font),
    }


def assert_claims_match_catalogue(typography: Typography) -> None:
    """The rationale names each role's face with its category and descriptors; all must be true of that face."""
    claims = CLAIM.findall(typography.rationale)
    assert {role for role, *_ in claims} == {'Heading', 'Body', 'Accent'}, typography.rationale
    assert typography.rationale.count('\nScripts: ') <= 1
    chosen = roles(typography)
    for role, family, category, descriptors in claims:
        face = chosen[role.lower()]
        assert family == face.family
        assert category == face.category
        claimed = {word.strip() for word in descriptors.split(',')}
        assert claimed <= face.traits, f'{family} is not {claimed - face.traits}'


# --- the catalogue ---------------------------------------------------------------------------------------------------


def test_catalogue_has_at_least_40_valid_families() -> None:
    families = catalogue().families
    assert len(families) >= 40
    for face in families:
        assert face.weights, face.family
        assert all(w % 100 == 0 and 100 <= w <= 900 for w in face.weights), face.family
        assert face.license in {'OFL-1.1', 'Apache-2.0'}, face.family
        assert face.attribution, face.family
        assert face.category in CATEGORIES, face.family
        assert face.roles and face.tags, face.family
        assert {face.x_height, face.contrast} <= {'low', 'medium', 'high'}, face.family
        assert face.width in {'condensed', 'normal', 'wide'}, face.family
        assert 'normal' in face.styles, face.family
        assert face.id == font_files.fontsource_id(face.family)
    assert len({face.family for face in families}) == len(families)


def test_catalogue_matches_the_npm_packages_both_ways() -> None:
    dependencies = json.loads(PACKAGE_JSON.read_text())['dependencies']
    packaged = {name.removeprefix('@fontsource/') for name in dependencies if name.startswith('@fontsource/')}
    script_faces = {font.key for font in SCRIPT_FONTS if font.web}  # the specimen's faces for other scripts
    assert {face.id for face in catalogue().families} | script_faces == packaged


@needs_fonts
def test_catalogue_facts_agree_with_installed_metadata() -> None:
    for face in catalogue().families:
        metadata = json.loads((INSTALLED_FONTS.package(face.family) / 'metadata.json').read_text())
        assert metadata['family'] == face.family
        assert metadata['category'] == face.category
        assert sorted(metadata['weights']) == list(face.weights)
        assert metadata['license']['type'] == face.license
        assert bool(metadata.get('variable')) == face.variable


def test_aliases_are_unique_and_never_shadow_a_real_family() -> None:
    raw = json.loads(CATALOGUE_PATH.read_text())['families']
    aliases = [alias.casefold() for face in raw for alias in face.get('stands_in_for', [])]
    assert len(aliases) == len(set(aliases))
    for alias in aliases:
        assert find_font(alias) is None, alias


def test_every_category_has_a_default_of_that_category() -> None:
    for category, face in catalogue().defaults.items():
        assert face.category == category


# --- finding families ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    'spelling', ['Playfair Display', 'playfair-display', 'PLAYFAIR DISPLAY', '"Playfair Display", serif']
)
def test_find_font_ignores_case_spacing_quotes_and_fallbacks(spelling: str) -> None:
    assert entry(spelling).family == 'Playfair Display'


def test_find_font_knows_only_catalogue_families() -> None:
    assert find_font('Helvetica Neue') is None
    assert find_font('') is None


def test_helvetica_neue_becomes_a_neo_grotesque_sans() -> None:
    face = nearest_font('Helvetica Neue')
    assert face.category == 'sans-serif'
    assert face.classification == 'neo-grotesque'


def test_comic_sans_becomes_a_playful_sans() -> None:
    face = nearest_font('Comic Sans')
    assert face.category == 'sans-serif'
    assert 'playful' in face.tags


@pytest.mark.parametrize('name', ['Fira Mono', 'Roboto Mono', 'Ubuntu Mono', 'Courier New', 'Menlo', 'Some Code Font'])
def test_monospace_names_become_monospace(name: str) -> None:
    assert nearest_font(name).category == 'monospace'


@pytest.mark.parametrize('name', ['IBM Plex Serif', 'Times New Roman', 'Georgia Pro', 'Noto Serif Display', 'Didot'])
def test_serif_names_become_serif(name: str) -> None:
    assert nearest_font(name).structure == 'serif'


@pytest.mark.parametrize(
    ('name', 'family'),
    [
        ('Montserat', 'Montserrat'),
        ('Lato Bold', 'Lato'),
        ('Source Sans Pro', 'Source Sans 3'),
        ('Futura', 'Josefin Sans'),
    ],
)
def test_near_misses_and_stand_ins_find_their_family(name: str, family: str) -> None:
    assert nearest_font(name).family == family


def test_name_keywords_pick_the_kind_of_face() -> None:
    assert 'slab' in nearest_font('Fancy Slab').tags
    assert nearest_font('Unknown Script').category == 'handwriting'
    assert 'rounded' in nearest_font('Whatever Rounded').tags


def test_a_name_with_no_clues_falls_back_to_the_category_default() -> None:
    assert nearest_font('Qwzx') is catalogue().defaults['sans-serif']
    assert nearest_font('Qwzx', category_hint='serif') is catalogue().defaults['serif']
    assert nearest_font('', category_hint='monospace') is catalogue().defaults['monospace']


@given(st.text(max_size=80))
def test_nearest_font_always_returns_a_catalogue_family(name: str) -> None:
    assert nearest_font(name) in catalogue().families


# --- CSS stacks ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize('face', catalogue().families, ids=lambda face: face.id)
def test_css_stack_quotes_the_family_then_falls_back_to_its_kind(face: FontEntry) -> None:
    stack = css_stack(face)
    parts = [part.strip() for part in stack.split(',')]
    assert parts[0] == f"'{face.family}'"
    assert f"'{face.family}'" not in parts[1:] and face.family not in parts[1:]
    assert parts[-1] == GENERIC_BY_CATEGORY.get(face.category, parts[-1])
    assert parts[-1] in {'serif', 'sans-serif', 'monospace', 'cursive'}
    # stacks go into style attributes: names, commas, quotes and spaces only
    assert re.fullmatch(r"[A-Za-z0-9 ,'-]+", stack)


# --- type scale ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(('name', 'ratio'), SCALES.items())
def test_type_scale_follows_the_ratio(name: str, ratio: float) -> None:
    steps = {step.name: step for step in type_scale(ratio)}
    assert list(steps) == ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'body', 'small']
    headings = [steps[name] for name in ('h1', 'h2', 'h3', 'h4', 'h5', 'h6')]
    for bigger, smaller in itertools.pairwise(headings):
        assert bigger.size_px > smaller.size_px
        assert bigger.size_px / smaller.size_px == pytest.approx(ratio, rel=1e-3)
        assert bigger.line_height <= smaller.line_height
    assert steps['h6'].size_px == steps['body'].size_px == 16
    assert steps['small'].size_px == pytest.approx(16 / ratio, abs=0.01)
    assert steps['h1'].size_px == pytest.approx(16 * ratio**5, abs=0.01)
    for step in steps.values():
        assert step.size_rem == pytest.approx(step.size_px / 16, abs=1e-3)  # px is rounded to 0.01
        assert 1.1 <= step.line_height <= 1.6
    assert steps['h1'].line_height < steps['body'].line_height
    assert scale_name(ratio) == name


def test_type_scale_uses_base_size_and_weights() -> None:
    steps = {step.name: step for step in type_scale(1.25, 18, heading_weight=800, subheading_weight=500)}
    assert steps['body'].size_px == 18
    assert steps['h5'].size_px == pytest.approx(22.5)
    assert steps['h1'].weight == 800 and steps['h6'].weight == 500 and steps['body'].weight == 400


@pytest.mark.parametrize('ratio', [1.0, 0.8, -2.0])
def test_type_scale_rejects_ratios_that_do_not_grow(ratio: float) -> None:
    with pytest.raises(ValueError):
        type_scale(ratio)


# --- pairing ---------------------------------------------------------------------------------------------------------


def test_contrast_of_structure_beats_two_similar_grotesques() -> None:
    contrast = assess_pairing(entry('Playfair Display'), entry('Source Sans 3'))
    conflict = assess_pairing(entry('Inter'), entry('Roboto'))
    assert contrast.relation == 'contrast' and conflict.relation == 'conflict'
    assert contrast.score > conflict.score
    assert 'contrast of structure' in contrast.explanation()


def test_display_faces_make_poor_body_text() -> None:
    assessment = assess_pairing(entry('Inter'), entry('Pacifico'))
    assert assessment.relation == 'conflict'
    assert assessment.score < assess_pairing(entry('Pacifico'), entry('Inter')).score


def test_one_family_is_concord_and_superfamilies_share_proportions() -> None:
    assert assess_pairing(entry('Inter'), entry('Inter')).relation == 'concord'
    plex = assess_pairing(entry('Source Serif 4'), entry('Source Sans 3'))
    assert plex.relation == 'concord'
    assert 'superfamily' in plex.explanation()


def test_matching_x_heights_are_explained() -> None:
    assessment = assess_pairing(entry('Merriweather'), entry('Inter'))  # 0.555 and 0.546 of the em
    assert 'x-heights' in assessment.explanation()


# --- @font-face ------------------------------------------------------------------------------------------------------


@needs_fonts
def test_font_face_css_points_at_existing_files_for_the_weights_asked() -> None:
    css = font_face_css({'Inter': [400, 700], 'Playfair Display': [700]}, fonts=INSTALLED_FONTS)
    urls = re.findall(r"url\('/fonts/([^']+)'\) format\('woff2'\)", css)
    assert len(urls) == css.count('@font-face') == 3
    for url in urls:
        assert (INSTALLED_FONTS.root / url).is_file(), url
    assert css.count('font-display: swap') == 3
    assert 'latin-700-normal.woff2' in css and 'inter-latin-400-normal.woff2' in css
    assert 'unicode-range' in css


@needs_fonts
def test_font_face_css_skips_families_that_are_not_installed() -> None:
    css = font_face_css(
        ['Inter', 'Not A Real Font', "Evil'; } body { color: red"], fonts=INSTALLED_FONTS, url_prefix='/static/fonts/'
    )
    assert css.count('@font-face') == 2  # Inter regular and bold
    assert "font-family: 'Inter'" in css
    assert 'Real' not in css and 'Evil' not in css
    assert "url('/static/fonts/inter/files/inter-latin-400-normal.woff2')" in css


@needs_fonts
def test_font_face_css_uses_the_weights_a_face_has() -> None:
    css = font_face_css({'Abril Fatface': [700]}, fonts=INSTALLED_FONTS)  # only drawn in 400
    assert 'font-weight: 400' in css and css.count('@font-face') == 1


def test_without_font_files_everything_falls_back_with_a_note(tmp_path: Path) -> None:
    no_fonts = FontLibrary(root=tmp_path)
    assert font_face_css({'Inter': [400]}, fonts=no_fonts) == ''
    assert missing_families(['Inter', 'Lora', 'Inter'], fonts=no_fonts) == ['Inter', 'Lora']
    typography = build_offline_typography(profile(), 1, fonts=no_fonts)
    assert len(typography.fonts) == 3
    for spec in typography.fonts:
        assert spec.available_offline is False
        assert spec.note == MISSING_FILES_NOTE
        assert spec.css_stack.startswith(f"'{spec.family}', ")
    assert '--font-heading:' in typography.css


@needs_fonts
def test_installed_fonts_are_marked_available() -> None:
    typography = build_offline_typography(profile(), 1, fonts=INSTALLED_FONTS)
    assert all(spec.available_offline and spec.note == '' for spec in typography.fonts)
    assert missing_families([typography.heading_font, typography.body_font], fonts=INSTALLED_FONTS) == []


# --- the offline section ---------------------------------------------------------------------------------------------

SAMPLES = [
    '🚀✨ Rocket 🦄',
    '株式会社ブランド工房 — デザイン',
    'شركة العلامة التجارية للتصميم',
    '<script>alert("x")</script><b>bold</b>',
    'Ünïcödé & Co. "quoted" \'single\'',
]


def texts(max_size: int) -> st.SearchStrategy[str]:
    sampled = st.sampled_from([sample[:max_size] for sample in SAMPLES])
    return st.one_of(sampled, st.text(min_size=1, max_size=max_size)).filter(has_text)


profiles = st.builds(
    CompanyProfile,
    name=texts(120),
    company_type=st.sampled_from(list(CompanyType)),
    industry=texts(120),
    description=texts(2000),
    target_audience=texts(300),
    brand_values=st.lists(texts(40), min_size=1, max_size=10),
    tone=st.one_of(st.sampled_from(['playful', 'bold', 'elegant', 'technical', 'trustworthy']), texts(60)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile=profiles, seed=st.integers(min_value=0, max_value=2**63 - 1))
def test_any_profile_gets_a_complete_deterministic_system(profile: CompanyProfile, seed: int) -> None:
    typography = build_offline_typography(profile, seed, fonts=INSTALLED_FONTS)
    assert typography == build_offline_typography(profile, seed, fonts=INSTALLED_FONTS)
    chosen = roles(typography)  # every family is a catalogue family
    latin = [spec for spec in typography.fonts if spec.role != 'script']
    assert [spec.role for spec in latin] == ['heading', 'body', 'accent']
    assert [spec.family for spec in latin] == [face.family for face in chosen.values()]
    scripts = [spec.family for spec in typography.fonts if spec.role == 'script']
    serif = chosen['heading'].structure == 'serif'  # a serif heading gets the serif CJK faces
    assert scripts == [face.font.family for face in script_faces(profile.name, profile.description, serif=serif)]
    assert 'body' in chosen['body'].roles
    assert len(typography.pairings) >= 4
    assert len(typography.type_scale) == 8
    assert scale_name(typography.scale_ratio) == typography.scale_name
    for face in chosen.values():
        assert f"'{face.family}'" in typography.css
    assert_claims_match_catalogue(typography)


LUXURY = [
    profile(industry='Luxury fashion', tone='elegant', brand_values=['craftsmanship', 'exclusivity']),
    profile(industry='Premium skincare', tone='refined', brand_values=['elegance']),
    profile(
        company_type=CompanyType.ECOMMERCE, industry='Fine jewellery', tone='sophisticated', brand_values=['heritage']
    ),
]
PLAYFUL = [
    profile(industry='Educational toys for kids', tone='playful', brand_values=['joy', 'curiosity']),
    profile(company_type=CompanyType.SAAS, industry='Games', tone='fun', brand_values=['play']),
]
TRUST = [
    profile(company_type=CompanyType.FINTECH, industry='Personal finance', tone='trustworthy', brand_values=['trust']),
    profile(company_type=CompanyType.CYBERSECURITY, industry='Security', tone='professional', brand_values=['safety']),
    profile(industry='Retail banking', tone='reliable', brand_values=['security']),
]
TECHNICAL = [
    profile(company_type=CompanyType.DEVTOOLS, industry='Developer tools', tone='friendly', brand_values=['speed']),
    profile(industry='Data infrastructure', tone='technical', brand_values=['precision']),
]
EDITORIAL = [
    profile(industry='News media and magazine publishing', tone='professional', brand_values=['depth']),
    profile(company_type=CompanyType.SAAS, industry='Publishing', tone='editorial', brand_values=['storytelling']),
]
SEEDS = range(12)


@pytest.mark.parametrize('brief', LUXURY)
@pytest.mark.parametrize('seed', SEEDS)
def test_luxury_gets_a_serif_or_high_contrast_heading(brief: CompanyProfile, seed: int) -> None:
    typography = build_offline_typography(brief, seed, fonts=INSTALLED_FONTS)
    heading = roles(typography)['heading']
    assert heading.structure == 'serif' or 'high-contrast' in heading.tags
    assert {'luxury', 'elegant'} & set(heading.tags)
    assert 'luxury brief calls for a serif or high-contrast heading' in typography.rationale
    assert_claims_match_catalogue(typography)


@pytest.mark.parametrize('brief', PLAYFUL)
@pytest.mark.parametrize('seed', SEEDS)
def test_playful_gets_a_rounded_sans_heading(brief: CompanyProfile, seed: int) -> None:
    typography = build_offline_typography(brief, seed, fonts=INSTALLED_FONTS)
    heading = roles(typography)['heading']
    assert 'rounded' in heading.tags and heading.structure == 'sans'
    assert 'rounded sans heading' in typography.rationale
    assert_claims_match_catalogue(typography)


@pytest.mark.parametrize('brief', TRUST)
@pytest.mark.parametrize('seed', SEEDS)
def test_trust_gets_sturdy_neutral_sans(brief: CompanyProfile, seed: int) -> None:
    typography = build_offline_typography(brief, seed, fonts=INSTALLED_FONTS)
    chosen = roles(typography)
    assert chosen['body'].category == 'sans-serif' and 'trustworthy' in chosen['body'].tags
    assert chosen['heading'].category == 'sans-serif'
    assert {'trustworthy', 'sturdy'} & set(chosen['heading'].tags)
    assert_claims_match_catalogue(typography)


@pytest.mark.parametrize('brief', TECHNICAL)
@pytest.mark.parametrize('seed', SEEDS)
def test_technical_gets_a_monospace_accent(brief: CompanyProfile, seed: int) -> None:
    typography = build_offline_typography(brief, seed, fonts=INSTALLED_FONTS)
    assert roles(typography)['accent'].category == 'monospace'
    assert any(pairing.context == 'Code and data' for pairing in typography.pairings)
    assert 'code, kbd, samp, pre { font-family: var(--font-accent); }' in typography.css
    assert_claims_match_catalogue(typography)


@pytest.mark.parametrize('brief', EDITORIAL)
@pytest.mark.parametrize('seed', SEEDS)
def test_editorial_gets_a_serif_body(brief: CompanyProfile, seed: int) -> None:
    typography = build_offline_typography(brief, seed, fonts=INSTALLED_FONTS)
    body = roles(typography)['body']
    assert body.category == 'serif' and 'body' in body.roles
    assert_claims_match_catalogue(typography)


@pytest.mark.parametrize('seed', SEEDS)
def test_mixed_briefs_satisfy_each_rule_in_its_own_role(seed: int) -> None:
    private_bank = profile(company_type=CompanyType.FINTECH, industry='Private banking', tone='elegant')
    chosen = roles(build_offline_typography(private_bank, seed, fonts=INSTALLED_FONTS))
    assert chosen['heading'].structure == 'serif' or 'high-contrast' in chosen['heading'].tags
    assert chosen['body'].category == 'sans-serif' and 'trustworthy' in chosen['body'].tags
    kids_savings = profile(company_type=CompanyType.FINTECH, industry='Pocket money for kids', tone='playful')
    chosen = roles(build_offline_typography(kids_savings, seed, fonts=INSTALLED_FONTS))
    assert 'rounded' in chosen['heading'].tags
    assert chosen['body'].category == 'sans-serif' and 'trustworthy' in chosen['body'].tags


@pytest.mark.parametrize('brief', [LUXURY[0], PLAYFUL[0], TECHNICAL[0], EDITORIAL[0]])
def test_seeds_vary_the_choice_within_the_brief(brief: CompanyProfile) -> None:
    systems = {
        (t.heading_font, t.body_font, t.accent_font)
        for t in (build_offline_typography(brief, s, fonts=INSTALLED_FONTS) for s in range(20))
    }
    assert len(systems) > 1


def test_louder_tones_get_larger_scales() -> None:
    ratios = [
        build_offline_typography(profile(tone=tone), 3, fonts=INSTALLED_FONTS).scale_ratio
        for tone in ('technical', 'professional')
    ]
    ratios += [
        build_offline_typography(profile(tone=tone), 3, fonts=INSTALLED_FONTS).scale_ratio
        for tone in ('friendly', 'playful', 'bold')
    ]
    assert ratios == sorted(ratios) and ratios[0] < ratios[-1]
    assert ratios[0] == SCALES['Minor third']


def test_css_is_ready_to_copy() -> None:
    typography = build_offline_typography(PLAYFUL[0], 0, fonts=INSTALLED_FONTS)
    css = typography.css
    assert css.count('{') == css.count('}')
    for role in ('heading', 'body', 'accent'):
        spec = next(spec for spec in typography.fonts if spec.role == role)
        assert f'--font-{role}: {spec.css_stack};' in css
    for step in typography.type_scale:
        assert f'--font-size-{step.name}: {step.size_rem:g}rem;' in css
    assert f'--type-scale-ratio: {typography.scale_ratio:g};' in css


def test_heading_weights_exist_in_the_chosen_faces() -> None:
    for brief in [*LUXURY, *PLAYFUL, *TRUST]:
        typography = build_offline_typography(brief, 5, fonts=INSTALLED_FONTS)
        chosen = roles(typography)
        for spec in typography.fonts:
            assert set(spec.weights) <= set(chosen[spec.role].weights)
        heading_weights = {step.weight for step in typography.type_scale if step.name.startswith('h')}
        assert heading_weights <= set(chosen['heading'].weights)


# --- the LLM path ----------------------------------------------------------------------------------------------------


def test_known_suggestions_are_kept_with_their_rationale() -> None:
    typography = complete_typography(
        'Playfair Display',
        'inter',
        'JetBrains Mono',
        profile=TRUST[0],
        fonts=INSTALLED_FONTS,
        rationale='Classic meets modern.',
    )
    assert (typography.heading_font, typography.body_font, typography.accent_font) == (
        'Playfair Display',
        'Inter',
        'JetBrains Mono',
    )
    assert typography.adjustments == []
    assert typography.rationale.startswith('Classic meets modern.')
    assert 'Pairing check (contrast)' in typography.rationale
    assert len(typography.pairings) >= 4


def test_unknown_suggestions_become_the_nearest_real_faces_and_are_noted() -> None:
    typography = complete_typography(
        'Helvetica Neue',
        'Georgia Pro',
        'Fira Mono',
        profile=TRUST[0],
        fonts=INSTALLED_FONTS,
        rationale='Helvetica Neue gives a Swiss calm.',
        pairings=[FontPairing(context='Website hero', recommendation='Helvetica Neue at 64px over Georgia Pro.')],
    )
    chosen = roles(typography)
    assert chosen['heading'].classification == 'neo-grotesque'
    assert chosen['body'].structure == 'serif'
    assert chosen['accent'].category == 'monospace'
    assert len(typography.adjustments) == 3
    for original, face in zip(['Helvetica Neue', 'Georgia Pro', 'Fira Mono'], chosen.values(), strict=True):
        assert any(original in note and face.family in note for note in typography.adjustments)
    assert 'Swiss calm' not in typography.rationale  # it described fonts that are not used
    assert_claims_match_catalogue(typography)
    assert typography.pairings[0].recommendation == f'{chosen["heading"].family} at 64px over {chosen["body"].family}.'
    assert len(typography.pairings) >= 4


def test_a_display_face_suggested_for_body_text_is_replaced() -> None:
    typography = complete_typography('Lora', 'Pacifico', 'Caveat', profile=PLAYFUL[0], fonts=INSTALLED_FONTS)
    assert typography.body_font != 'Pacifico'
    assert 'body' in entry(typography.body_font).roles
    assert any('Pacifico' in note for note in typography.adjustments)


def test_missing_suggestions_are_filled_in() -> None:
    typography = complete_typography(None, '  ', None, profile=TECHNICAL[0], fonts=INSTALLED_FONTS)
    assert len(typography.adjustments) == 2
    assert entry(typography.accent_font).category == 'monospace'
    assert_claims_match_catalogue(typography)


@settings(max_examples=60, deadline=None)
@given(
    heading=st.one_of(st.none(), st.text(max_size=60), st.sampled_from(['Inter', 'Gotham', 'Didot'])),
    body=st.one_of(st.none(), st.text(max_size=60), st.sampled_from(['Lora', 'Bebas Neue', 'Arial'])),
    accent=st.one_of(st.none(), st.text(max_size=60), st.sampled_from(['Fira Code', 'Consolas'])),
)
def test_any_suggestion_ends_in_a_complete_catalogue_system(
    heading: str | None, body: str | None, accent: str | None
) -> None:
    typography = complete_typography(
        heading, body, accent, profile=PLAYFUL[1], fonts=INSTALLED_FONTS, rationale='Because.'
    )
    roles(typography)
    assert len(typography.pairings) >= 4 and len(typography.fonts) == 3
    unknown = [name for name in (heading, body, accent) if name and name.strip() and find_font(name) is None]
    assert len(typography.adjustments) >= len(unknown)


# A profile whose best headings tie to the last bit: summing their trait weights in set order picked Lato in some
# processes and Outfit in others, so the same seed made different kits depending on PYTHONHASHSEED.
TIE_PROFILE = {
    'name': 'Acme',
    'company_type': 'other',
    'industry': 'Machine learning',
    'description': 'Something about Machine learning',
    'target_audience': 'people',
    'brand_values': ['care'],
    'tone': 'minimal',
}
PRINT_FONTS = """
import json, sys
from branding.design.font_files import FontLibrary
from branding.models import CompanyProfile
from branding.sections.typography import build_offline_typography
from branding.settings import Settings
profile = CompanyProfile.model_validate(json.loads(sys.argv[1]))
for seed in (1, 3, 7, 42):
    typography = build_offline_typography(profile, seed, fonts=FontLibrary(root=Settings().fonts_dir))
    print(seed, typography.heading_font, typography.body_font, typography.accent_font)
"""


def test_the_same_seed_gives_the_same_fonts_in_every_process() -> None:
    outputs = set()
    for hash_seed in ('0', '3', '5', '11'):
        done = subprocess.run(
            [sys.executable, '-c', PRINT_FONTS, json.dumps(TIE_PROFILE)],
            capture_output=True,
            text=True,
            check=True,
            cwd=PROJECT_ROOT,
            env={**os.environ, 'PYTHONHASHSEED': hash_seed},
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1, outputs
