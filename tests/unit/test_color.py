import itertools
import json
import re
from importlib.resources import files

import pytest
from coloraide import Color
from hypothesis import given, settings
from hypothesis import strategies as st

from branding.design.color import (
    SCALE_STEPS,
    apca_contrast,
    contrast_ratio,
    delta_e_ok,
    ensure_contrast,
    from_oklch,
    hue_cusp,
    normalize_hex,
    relative_luminance,
    simulate_cvd,
    to_hct,
    to_oklch,
    to_rgb,
    tonal_scale,
    wcag_level,
)
from branding.design.color_names import color_name, named_colors
from branding.models import ContrastLevel, ContrastUse

HEX = re.compile(r'^#[0-9a-f]{6}$')
hex_colors = st.integers(min_value=0, max_value=0xFFFFFF).map(lambda value: f'#{value:06x}')
relaxed = settings(deadline=None, max_examples=150)


def hue_gap(first: float, second: float) -> float:
    return abs((first - second + 180) % 360 - 180)


# --- WCAG ------------------------------------------------------------------------------------------------------------


def test_black_on_white_is_21_to_1() -> None:
    assert contrast_ratio('#000000', '#ffffff') == pytest.approx(21.0)


def test_grey_777_on_white_just_misses_body_text() -> None:
    ratio = contrast_ratio('#777777', '#ffffff')
    assert ratio == pytest.approx(4.48, abs=0.005)
    assert wcag_level(ratio, 'body') == 'AA Large'


def test_contrast_is_symmetric_and_at_least_one() -> None:
    assert contrast_ratio('#336699', '#ffcc00') == pytest.approx(contrast_ratio('#ffcc00', '#336699'))
    assert contrast_ratio('#336699', '#336699') == pytest.approx(1.0)


@pytest.mark.parametrize(
    ('hex_color', 'luminance'),
    [('#ffffff', 1.0), ('#000000', 0.0), ('#ff0000', 0.2126), ('#00ff00', 0.7152), ('#0000ff', 0.0722)],
)
def test_relative_luminance_uses_the_wcag_coefficients(hex_color: str, luminance: float) -> None:
    assert relative_luminance(hex_color) == pytest.approx(luminance)


def test_relative_luminance_linearises_with_the_srgb_curve() -> None:
    # 0x80 = 0.50196 lies above the 0.04045 knee: ((0.50196 + 0.055) / 1.055) ** 2.4
    assert relative_luminance('#808080') == pytest.approx(0.2158605, abs=1e-6)
    # 0x0a = 0.03922 lies below it: 0.03922 / 12.92
    assert relative_luminance('#0a0a0a') == pytest.approx(10 / 255 / 12.92)


@pytest.mark.parametrize(
    ('ratio', 'use', 'level'),
    [
        (7.0, 'body', 'AAA'),
        (6.99, 'body', 'AA'),
        (4.5, 'body', 'AA'),
        (4.49, 'body', 'AA Large'),
        (3.0, 'body', 'AA Large'),
        (2.99, 'body', 'Fail'),
        (4.5, 'large', 'AAA'),
        (3.0, 'large', 'AA'),
        (2.99, 'large', 'Fail'),
        (21.0, 'ui', 'AA'),
        (3.0, 'ui', 'AA'),
        (2.99, 'ui', 'Fail'),
    ],
)
def test_wcag_level_names_the_strongest_level_met_for_the_use(
    ratio: float, use: ContrastUse, level: ContrastLevel
) -> None:
    assert wcag_level(ratio, use) == level


# --- parsing ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ('text', 'expected'),
    [
        ('#abc', '#aabbcc'),
        ('#AABBCC', '#aabbcc'),
        ('aabbcc', '#aabbcc'),
        ('ABC', '#aabbcc'),
        ('  #112233  ', '#112233'),
        ('rgb(1, 2, 3)', '#010203'),
        ('RGB(255 0 0)', '#ff0000'),
        ('hsl(120, 100%, 25%)', '#008000'),
        ('hsl(0 0% 100%)', '#ffffff'),
        ('oklch(0.628 0.2577 29.23)', '#ff0000'),
        ('rebeccapurple', '#663399'),
        ('Navy', '#000080'),
        ('Dark Slate Blue', '#483d8b'),
        ('dark-slate-blue', '#483d8b'),
        ('#ffffffff', '#ffffff'),
    ],
)
def test_normalize_hex_accepts_css_colour_syntaxes(text: str, expected: str) -> None:
    assert normalize_hex(text) == expected


@pytest.mark.parametrize(
    'text',
    ['', '   ', 'blue-ish', '#12345', '#ggg', 'rgb(1, 2', 'transparent', 'rgba(0, 0, 0, 0.5)', 'inherit', '#' * 500],
)
def test_normalize_hex_rejects_what_is_not_one_opaque_colour(text: str) -> None:
    with pytest.raises(ValueError, match=r'colour|translucent'):
        normalize_hex(text)


def test_normalize_hex_gamut_maps_colours_beyond_srgb() -> None:
    mapped = normalize_hex('oklch(0.7 0.4 150)')
    lightness, chroma, hue = to_oklch(mapped)
    assert lightness == pytest.approx(0.7, abs=0.01)
    assert hue_gap(hue, 150) < 3
    assert chroma < 0.4


@relaxed
@given(st.text(max_size=40))
def test_normalize_hex_returns_a_hex_or_raises_value_error(text: str) -> None:
    try:
        result = normalize_hex(text)
    except ValueError:
        return
    assert HEX.match(result)
    assert normalize_hex(result) == result


@relaxed
@given(hex_colors)
def test_rgb_and_oklch_round_trip(hex_color: str) -> None:
    red, green, blue = to_rgb(hex_color)
    assert f'#{red:02x}{green:02x}{blue:02x}' == hex_color
    assert from_oklch(*to_oklch(hex_color)) == hex_color


@relaxed
@given(st.floats(0.12, 0.98), st.floats(0.0, 0.5), st.floats(0, 360, exclude_max=True))
def test_from_oklch_keeps_lightness_and_hue_when_it_drops_chroma(lightness: float, chroma: float, hue: float) -> None:
    shown_lightness, shown_chroma, shown_hue = to_oklch(from_oklch(lightness, chroma, hue))
    assert shown_lightness == pytest.approx(lightness, abs=0.02)
    assert shown_chroma <= max(chroma, 0.0) + 0.01
    if shown_chroma > 0.05:
        assert hue_gap(shown_hue, hue) < 4


def test_hue_cusp_finds_the_most_colourful_lightness() -> None:
    yellow_lightness, _ = hue_cusp(110)
    blue_lightness, _ = hue_cusp(264)
    assert yellow_lightness > 0.9  # sRGB's most colourful yellow is nearly as light as white
    assert blue_lightness < 0.55  # and its most colourful blue is dark
    red_hue = to_oklch('#ff0000')[2]
    assert from_oklch(*hue_cusp(red_hue), red_hue) == '#ff0000'


# --- scales ----------------------------------------------------------------------------------------------------------


@relaxed
@given(hex_colors)
def test_tonal_scale_runs_from_light_to_dark_and_keeps_the_seed(hex_color: str) -> None:
    scale = tonal_scale(hex_color)
    assert list(scale) == list(SCALE_STEPS)
    assert all(HEX.match(value) for value in scale.values())
    lightnesses = [to_oklch(scale[step])[0] for step in SCALE_STEPS]
    assert all(lighter > darker for lighter, darker in itertools.pairwise(lightnesses))
    assert hex_color in scale.values()


def test_tonal_scale_keeps_the_hue_of_a_chromatic_seed() -> None:
    seed_hue = to_oklch('#2563eb')[2]
    for step, value in tonal_scale('#2563eb').items():
        _, chroma, hue = to_oklch(value)
        if chroma > 0.03:
            assert hue_gap(hue, seed_hue) < 4, step


def test_tonal_scale_of_a_grey_stays_grey() -> None:
    assert all(to_oklch(value)[1] < 0.005 for value in tonal_scale('#808080').values())


# --- contrast repair -------------------------------------------------------------------------------------------------


@relaxed
@given(hex_colors, hex_colors, st.sampled_from([3.0, 4.5]))
def test_ensure_contrast_reaches_the_minimum(foreground: str, background: str, minimum: float) -> None:
    result, changed = ensure_contrast(foreground, background, minimum)
    assert HEX.match(result)
    assert contrast_ratio(result, background) >= minimum
    assert round(contrast_ratio(result, background), 2) >= minimum
    assert changed == (result != foreground)
    if contrast_ratio(foreground, background) >= minimum:
        assert not changed


def test_ensure_contrast_darkens_a_light_accent_on_white_and_keeps_its_hue() -> None:
    result, changed = ensure_contrast('#f5b301', '#ffffff', 3.0)
    assert changed
    assert to_oklch(result)[0] < to_oklch('#f5b301')[0]
    assert hue_gap(to_oklch(result)[2], to_oklch('#f5b301')[2]) < 5
    assert 3.0 <= contrast_ratio(result, '#ffffff') < 3.2  # moved just far enough


def test_ensure_contrast_turns_around_when_the_first_direction_cannot_reach() -> None:
    # white on #777 tops out at 4.48, so the label has to go dark instead
    result, _ = ensure_contrast('#ffffff', '#777777', 4.5)
    assert relative_luminance(result) < relative_luminance('#777777')
    assert contrast_ratio(result, '#777777') >= 4.5


def test_ensure_contrast_raises_when_no_lightness_reaches() -> None:
    with pytest.raises(ValueError, match='reaches'):
        ensure_contrast('#777777', '#808080', 7.0)


# --- colour vision and distance --------------------------------------------------------------------------------------


def test_red_and_green_become_confusable_under_deuteranopia() -> None:
    red, green = '#d62728', '#2ca02c'
    assert delta_e_ok(red, green) > 0.25
    assert delta_e_ok(simulate_cvd(red, 'deuteranopia'), simulate_cvd(green, 'deuteranopia')) < 0.1


def test_greys_look_the_same_under_every_deficiency() -> None:
    for deficiency in ('protanopia', 'deuteranopia', 'tritanopia'):
        simulated = simulate_cvd('#808080', deficiency)
        assert delta_e_ok(simulated, '#808080') < 0.01


def test_simulate_cvd_rejects_unknown_deficiencies() -> None:
    with pytest.raises(ValueError, match='deficiency'):
        simulate_cvd('#ff0000', 'achromatopsia')


@relaxed
@given(hex_colors, hex_colors)
def test_delta_e_ok_matches_coloraide(first: str, second: str) -> None:
    assert delta_e_ok(first, second) == pytest.approx(Color(first).delta_e(second, method='ok'), abs=1e-9)


# --- names -----------------------------------------------------------------------------------------------------------


def test_name_list_is_large_valid_and_clean() -> None:
    names = named_colors()
    assert len(names) >= 200
    assert all(HEX.match(value) for value in names.values())
    banned = re.compile(r'\b(shit|poo|poop|puke|vomit|barf|snot|booger|piss|ugly|gross|sick)\b', re.IGNORECASE)
    assert not [name for name in names if banned.search(name)]


def test_name_list_states_its_licence() -> None:
    data = json.loads(files('branding.design').joinpath('data', 'color_names.json').read_text(encoding='utf-8'))
    assert 'CC0' in data['license']


def test_color_name_of_a_listed_colour_is_its_own_name() -> None:
    for name, hex_color in list(named_colors().items())[::50]:
        assert color_name(hex_color) in {
            other for other, other_hex in named_colors().items() if other_hex == hex_color
        }, name


@pytest.mark.parametrize(
    ('hex_color', 'word'), [('#000000', 'Black'), ('#ffffff', 'White'), ('#0000fe', 'Blue'), ('#fe0101', 'Red')]
)
def test_color_name_finds_the_nearest_name(hex_color: str, word: str) -> None:
    assert word in color_name(hex_color)


def test_color_name_accepts_any_colour_syntax() -> None:
    assert color_name('rgb(0, 0, 0)') == color_name('#000')


# --- APCA (advisory) and HCT ------------------------------------------------------------------------------------------


# The reference pairs published with APCA W3 0.0.98G-4g / apca-w3 0.1.9 (text, background, Lc).
@pytest.mark.parametrize(
    ('text', 'background', 'expected'),
    [
        ('#888888', '#ffffff', 63.056469930209424),
        ('#ffffff', '#888888', -68.54146436644962),
        ('#000000', '#aaaaaa', 58.146262578561334),
        ('#aaaaaa', '#000000', -56.24113336839742),
        ('#112233', '#ddeeff', 91.66830811481631),
        ('#ddeeff', '#112233', -93.06770049484275),
        ('#112233', '#444444', 8.32326136957393),
    ],
)
def test_apca_matches_the_published_reference_pairs(text: str, background: str, expected: float) -> None:
    assert apca_contrast(text, background) == pytest.approx(expected, abs=1e-9)


def test_apca_is_zero_for_nearly_equal_colours_and_signed_by_polarity() -> None:
    assert apca_contrast('#777777', '#777777') == 0.0
    assert apca_contrast('#000000', '#ffffff') > 100
    assert apca_contrast('#ffffff', '#000000') < -100


def test_hct_matches_material_color_utilities() -> None:
    # Hct.fromInt(0xff305077) in Material Color Utilities: hue 256.804, chroma 31.761, tone 33.345
    hue, chroma, tone = to_hct('#305077')
    assert (hue, chroma, tone) == pytest.approx((256.804, 31.761, 33.345), abs=0.02)
