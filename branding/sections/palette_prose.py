"""The palette's words: why each colour was chosen, how to use the palette, and the reasoning behind it.

Claims are cited from the colour psychology table, and only where they explain the colour actually in the palette (a
language model's colours may ignore the associations, and then citing them would be false).
"""

from __future__ import annotations

from branding.design.color import to_oklch
from branding.design.color_names import color_name
from branding.design.palette import BASE_ROLES, ENFORCED_DEFICIENCIES
from branding.design.palette.distinct import role_pairs
from branding.design.psychology import (
    AccentOption,
    ColorIntent,
    Match,
    cite,
    foreign_colors,
    hue_family,
    hue_family_note,
    source,
)
from branding.models import ColorPalette
from branding.sections.palette_phrases import palette_phrases

ACCENT_HUE_TOLERANCE = 25.0  # degrees from a sector's call-to-action hue within which the accent still is that colour


def _family(hex_color: str) -> str:
    return hue_family(*to_oklch(hex_color))


def palette_families(palette: ColorPalette) -> set[str]:
    """The hue families of the palette's four base colours: the only colours its texts may name."""
    return {_family(getattr(palette, role)) for role in BASE_ROLES}


def _hue_distance(first: float, second: float) -> float:
    return abs((first - second + 180) % 360 - 180)


def _explaining(match: Match | None, hex_color: str, families: set[str]) -> Match | None:
    """`match` if it explains `hex_color` (its hue lies near one the association proposes, and its words name only
    colours the palette holds), else None: a seed or a language model may land elsewhere, and then citing the
    association would be false."""
    if match is None or _family(hex_color) == 'neutral' or foreign_colors(match.association.association, families):
        return None
    hue = to_oklch(hex_color)[2]
    return match if any(_hue_distance(hue, proposed) <= 35 for proposed in match.association.hues) else None


def _accent_option(intent: ColorIntent, hex_color: str, families: set[str]) -> AccentOption | None:
    """The sector's call-to-action colour the accent is, if any: near its hue, and its reason naming only colours
    the palette holds."""
    if _family(hex_color) == 'neutral':
        return None
    hue = to_oklch(hex_color)[2]
    near = [option for option in intent.accent_options if _hue_distance(hue, option.hue) <= ACCENT_HUE_TOLERANCE]
    return next((option for option in near if not foreign_colors(option.why, families)), None)


def psychology_notes(palette: ColorPalette, intent: ColorIntent, harmony: str | None) -> dict[str, str]:
    families = palette_families(palette)
    primary_match = _explaining(intent.hue_match, palette.primary, families)
    accent_option = _accent_option(intent, palette.accent, families)
    texts = {}
    for role in BASE_ROLES:
        hex_color = getattr(palette, role)
        family = _family(hex_color)
        if role == 'primary' and primary_match:
            reason = f"chosen for the profile's {primary_match.evidence()}: {primary_match.association.cited()}"
        elif role == 'accent' and accent_option and intent.accent_match:
            reason = (
                f"the call-to-action colour for the profile's {intent.accent_match.evidence()}: {accent_option.cited()}"
            )
        else:
            reason = hue_family_note(family).cited()
        texts[role] = f'{color_name(hex_color)} ({family}): {reason}.'
    phrases = palette_phrases()
    if harmony and accent_option:
        texts['secondary'] += f' It sits {phrases.secondary_placements[harmony]}.'
    elif harmony:
        described = phrases.harmonies[harmony]
        texts['secondary'] += f' It partners the primary in {_with_article(harmony)} harmony ({described}).'
    for role, closing in phrases.role_notes.items():
        texts[role] += f' {closing}'
    return texts


def usage_guidelines(palette: ColorPalette) -> str:
    names = {role.role: role.name for role in palette.roles}
    return palette_phrases().usage_guidelines.format_map(names)


def rationale(palette: ColorPalette, intent: ColorIntent, harmony: str | None) -> str:
    """Offline palettes (with a `harmony`) explain their choices; given colours are read against the profile. Every
    colour the text names is one the palette holds."""
    lightness, chroma, _hue = to_oklch(palette.primary)
    families = palette_families(palette)
    sentences = [
        _primary_sentence(palette, intent, families, offline=harmony is not None),
        _character_sentence(lightness, chroma, intent, offline=harmony is not None),
    ]
    accent_option = _accent_option(intent, palette.accent, families)
    if harmony:
        phrases = palette_phrases()
        placed = (
            f'The secondary sits {phrases.secondary_placements[harmony]} (the secondary of '
            f'{_with_article(harmony)} harmony)'
            if accent_option
            else f'Secondary and accent follow {_with_article(harmony)} harmony ({phrases.harmonies[harmony]})'
        )
        sentences.append(
            f'{placed}, one option among several rather than an optimum: people rate similar hues as more harmonious '
            f'yet prefer figures that contrast with their ground ({source("schloss-palmer-2011").short}); another '
            'seed picks another.'
        )
    if accent_option and intent.accent_match:
        sentences.append(
            f'The accent, {_with_article(_family(palette.accent))} ({palette.accent}), is the call-to-action colour '
            f"for the profile's {intent.accent_match.evidence()}: {accent_option.cited()}."
        )
    sentences.append(_distinctness_sentence(palette))
    sentences.append(_accessibility_sentence(palette))
    sentences.append(
        'Colour associations are averages that shift with culture and context '
        f'({cite((source("jonauskaite-2020"), source("elliot-maier-2014")))}): a starting point to test with the '
        'audience, not a prediction.'
    )
    return ' '.join(sentences)


def _primary_sentence(palette: ColorPalette, intent: ColorIntent, families: set[str], *, offline: bool) -> str:
    lightness, chroma, hue = to_oklch(palette.primary)
    family = _family(palette.primary)
    opening = (
        f'The primary is {_with_article(family)} ({palette.primary}, OKLCH {lightness:.2f} {chroma:.3f} {hue:.0f}°)'
    )
    match = _explaining(intent.hue_match, palette.primary, families)
    if match:
        return f"{opening}, chosen for the profile's {match.evidence()}: {match.association.cited()}."
    if offline and not intent.hue_options:
        return (
            f'{opening}: no industry, tone or value word matched the association table, so the seed picked the hue '
            'and it carries no claim.'
        )
    return f'{opening}: {hue_family_note(family).cited()}.'


def _distinctness_sentence(palette: ColorPalette) -> str:
    pairs = role_pairs({role: getattr(palette, role) for role in ('primary', 'secondary', 'accent')})
    measured = '; '.join(
        f'{pair.first} to {pair.second} {pair.distance:.2f} (at least {pair.minimum:.2f})' for pair in pairs
    )
    verdict = (
        'each reads as a colour of its own'
        if all(pair.distinct for pair in pairs)
        else 'some stay close, so tell them apart by use as well as by colour'
    )
    return (
        f'Primary, secondary and accent lie apart in OKLab, where 0.02 is about one just-noticeable difference: '
        f'{measured}; {verdict}.'
    )


def _character_sentence(lightness: float, chroma: float, intent: ColorIntent, *, offline: bool) -> str:
    depth, strength = _depth(lightness), _strength(chroma)
    drivers = [
        match.evidence()
        for match in intent.matches
        if match.association.chroma is not None or match.association.lightness is not None
    ][:3]
    if not offline:
        wanted = (_depth(intent.lightness), _strength(intent.chroma))
        verdict = 'match' if (depth, strength) == wanted else 'differ from'
        because = f"{verdict} the {wanted[0]}, {wanted[1]} colour the profile's words suggest"
    else:
        because = (
            f'follow the {"; the ".join(drivers)}' if drivers else 'are a middle course, as no word asked otherwise'
        )
    return (
        f"Its {depth} lightness and {strength} chroma {because}; saturation and lightness shift a brand's "
        f'personality as much as hue ({source("labrecque-milne-2012").short}).'
    )


def _depth(lightness: float) -> str:
    return 'deep' if lightness < 0.47 else 'bright' if lightness > 0.6 else 'mid'


def _strength(chroma: float) -> str:
    return 'muted' if chroma < 0.09 else 'vivid' if chroma > 0.17 else 'moderate'


def _accessibility_sentence(palette: ColorPalette) -> str:
    passing = sum(check.level != 'Fail' for check in palette.contrast)
    contrast = (
        f'All {passing} recommended pairs meet'
        if passing == len(palette.contrast)
        else f'{passing} of {len(palette.contrast)} recommended pairs meet'
    )
    enforced = [check for check in palette.color_vision if check.deficiency in ENFORCED_DEFICIENCIES]
    vision = (
        'primary and accent stay distinguishable under simulated protanopia and deuteranopia'
        if all(check.distinguishable for check in enforced)
        else 'under simulated protanopia or deuteranopia primary and accent come close, so pair them with labels'
    )
    moved = len(palette.adjustments)
    fixes = (
        f'{moved} change{"s were" if moved != 1 else " was"} needed (see adjustments)' if moved else 'no colour moved'
    )
    return (
        f'{contrast} WCAG 2.x AA for their use in light and dark mode (APCA Lc is shown beside each ratio as an '
        f'advisory readout) and {vision}; {fixes}.'
    )


def _with_article(word: str) -> str:
    return f'{"an" if word[0] in "aeiou" else "a"} {word}'
