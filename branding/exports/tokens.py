"""W3C Design Tokens (DTCG format, 2025.10 report): colours, theme roles as aliases, fonts and the type scale.

Colours use the report's colour-object form {colorSpace: 'srgb', components: [r, g, b] in 0-1, hex: '#rrggbb'}; the hex
is the report's optional fallback and is exactly the kit's value. Every token carries its own $type so a reader never
has to infer it from a parent group.
"""

from __future__ import annotations

import json

from branding.exports.common import (
    APP_NAME,
    KitFont,
    color_names,
    css_number,
    font_for_step,
    generated_on,
    kit_fonts,
    kit_title,
    missing_sections,
    one_line,
    palette_scales,
    script_safe_json,
    theme_roles,
    token_name,
)
from branding.models import BrandKit, ColorPalette, ThemeColors, Typography

DTCG_SCHEMA = 'https://www.designtokens.org/schemas/2025.10/format.json'
TOKEN_TYPES = frozenset({'color', 'dimension', 'fontFamily', 'fontWeight', 'number', 'typography'})
# The report's names for the standard weights; a token named 'bold' reads better than '700'.
WEIGHT_NAMES = {
    100: 'thin',
    200: 'extra-light',
    300: 'light',
    400: 'regular',
    500: 'medium',
    600: 'semi-bold',
    700: 'bold',
    800: 'extra-bold',
    900: 'black',
    950: 'extra-black',
}
_NEUTRAL_ROLES = frozenset({'background', 'surface', 'text', 'muted-text', 'border'})

Token = dict[str, object]
Group = dict[str, object]
Scales = list[tuple[str, list[tuple[str, str]]]]


def color_value(hex_color: str) -> dict[str, object]:
    channels = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    # four decimals are enough for every 8-bit channel to round-trip exactly (n/255 differ by at least 0.0039)
    return {'colorSpace': 'srgb', 'components': [round(c / 255, 4) for c in channels], 'hex': hex_color}


def _token(token_type: str, value: object, description: str = '') -> Token:
    token: Token = {'$type': token_type, '$value': value}
    if description:
        token['$description'] = description
    return token


def scale_alias(hex_color: str, preferred_scale: str, scales: Scales) -> str | None:
    """'{color.primary.600}' for the first scale step with this exact colour, looking in `preferred_scale` first."""
    ordered = sorted(scales, key=lambda scale: scale[0] != preferred_scale)
    for role, steps in ordered:
        for step, value in steps:
            if value == hex_color:
                return f'{{color.{role}.{step}}}'
    return None


def _color_token(hex_color: str, preferred_scale: str, scales: Scales, description: str) -> Token:
    alias = scale_alias(hex_color, preferred_scale, scales)
    return _token('color', alias or color_value(hex_color), description)


def _scales_group(palette: ColorPalette, scales: Scales) -> Group:
    names = color_names(palette)
    group: Group = {'$description': 'Tints and shades of each brand colour: 50 is the lightest, 950 the darkest.'}
    for role, steps in scales:
        label = f'{names[role]} ({role})' if role in names else role
        group[role] = {
            '$description': f'{label} scale',
            **{step: _token('color', color_value(hex_color)) for step, hex_color in steps},
        }
    return group


def _brand_group(palette: ColorPalette, scales: Scales) -> Group:
    names = color_names(palette)
    usage = {role.role: one_line(role.usage) for role in palette.roles}
    group: Group = {'$description': 'The four brand colours, as chosen; aliases point into the scales.'}
    for role in ('primary', 'secondary', 'accent', 'neutral'):
        description = '. '.join(part for part in (names.get(role, ''), usage.get(role, '')) if part)
        group[role] = _color_token(getattr(palette, role), role, scales, description)
    return group


def _preferred_scale(theme_role: str) -> str:
    return 'neutral' if theme_role in _NEUTRAL_ROLES else theme_role.removeprefix('on-')


def _theme_group(theme: ThemeColors, mode: str, scales: Scales) -> Group:
    group: Group = {'$description': f'Colour roles for {mode} mode (contrast-checked pairs; see the kit).'}
    for role, hex_color in theme_roles(theme):
        group[role] = _color_token(hex_color, _preferred_scale(role), scales, '')
    return group


def _weight_name(weight: int) -> str:
    return WEIGHT_NAMES.get(weight, f'w{weight}')


def _font_group(typography: Typography, fonts: list[KitFont]) -> Group:
    families: Group = {
        token_name(font.role): _token(
            'fontFamily', list(font.stack), f'{font.family} ({font.category}), licence {font.license or "unknown"}'
        )
        for font in fonts
    }
    weights = sorted({weight for font in fonts for weight in font.weights} | {s.weight for s in typography.type_scale})
    group: Group = {
        'family': families,
        'weight': {_weight_name(weight): _token('fontWeight', weight) for weight in weights},
    }
    if typography.type_scale:
        group['size'] = {
            token_name(step.name): _token(
                'dimension', {'value': step.size_rem, 'unit': 'rem'}, f'{css_number(step.size_px)} px at a 16 px root'
            )
            for step in typography.type_scale
        }
        group['line-height'] = {
            token_name(step.name): _token('number', step.line_height, 'A multiple of the font size')
            for step in typography.type_scale
        }
    return group


def _typography_group(typography: Typography, fonts: list[KitFont]) -> Group:
    roles = [token_name(font.role) for font in fonts]
    group: Group = {
        '$description': f'Text styles on a {one_line(typography.scale_name)} scale (ratio {typography.scale_ratio}).'
    }
    for step in typography.type_scale:
        name = token_name(step.name)
        wanted = font_for_step(step.name)
        family: object = f'{{font.family.{wanted if wanted in roles else roles[0]}}}' if roles else ['sans-serif']
        group[name] = _token(
            'typography',
            {
                'fontFamily': family,
                'fontSize': f'{{font.size.{name}}}',
                'fontWeight': f'{{font.weight.{_weight_name(step.weight)}}}',
                'letterSpacing': {'value': 0, 'unit': 'px'},
                'lineHeight': f'{{font.line-height.{name}}}',
            },
        )
    return group


def design_tokens(kit: BrandKit) -> dict[str, object]:
    """The kit as a DTCG token tree (see the module docstring for the colour form)."""
    missing = ' '.join(item.sentence for item in missing_sections(kit))
    description = f'{kit_title(kit)} brand tokens, generated by {APP_NAME} on {generated_on(kit)} (kit {kit.id}).'
    tree: dict[str, object] = {
        '$schema': DTCG_SCHEMA,
        '$description': f'{description} Not in this kit: {missing}' if missing else description,
    }
    if palette := kit.color_palette:
        scales = palette_scales(palette)
        if scales:
            tree['color'] = _scales_group(palette, scales)
        tree['brand'] = _brand_group(palette, scales)
        themes = {mode: theme for mode, theme in (('light', palette.light), ('dark', palette.dark)) if theme}
        if themes:
            tree['theme'] = {mode: _theme_group(theme, mode, scales) for mode, theme in themes.items()}
    if typography := kit.typography:
        fonts = kit_fonts(typography)
        tree['font'] = _font_group(typography, fonts)
        if typography.type_scale:
            tree['typography'] = _typography_group(typography, fonts)
    return tree


def tokens_json(kit: BrandKit) -> bytes:
    return (script_safe_json(json.dumps(design_tokens(kit), indent=2, ensure_ascii=False)) + '\n').encode('utf-8')
