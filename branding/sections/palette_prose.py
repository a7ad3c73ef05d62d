"""The palette's words: why each colour was chosen, how to use the palette, and the reasoning behind it.

Claims are cited from the colour psychology table, and only where they explain the colour actually in the palette (a
language model's colours may ignore the associations, and then citing them would be false).
"""

from __future__ import annotations

from branding.design.color import to_oklch
from branding.design.color_names import color_name
from branding.design.palette import BASE_ROLES, ENFORCED_DEFICIENCIES
from branding.design.psychology import ColorIntent, Match, cite, hue_family, hue_family_note, source
from branding.models import ColorPalette
from branding.sections.palette_phrases import palette_phrases


def _family(hex_color: str) -> str:
    return hue_family(*to_oklch(hex_color))


def _hue_distance(first: float, second: float) -> float:
    return abs((first - second + 180) % 360 - 180)


def _explaining(match: Match | None, hex_color: str, hues: tuple[float, ...]) -> Match | None:
    """`match` if it explains `hex_color` (its hue lies near one the association proposes), else None: an LLM's
    colours may ignore the associations, and then citing them would be false."""
    if match is None or _family(hex_color) == 'neutral':
        return None
    hue = to_oklch(hex_color)[2]
    return match if any(_hue_distance(hue, proposed) <= 35 for proposed in hues) else None


def psychology_notes(palette: ColorPalette, intent: ColorIntent, harmony: str | None) -> dict[str, str]:
    explained = {
        'primary': _explaining(intent.hue_match, palette.primary, intent.hue_options),
        'accent': _explaining(intent.accent_match, palette.accent, intent.accent_hue_options),
    }
    texts = {}
    for role in BASE_ROLES:
        hex_color = getattr(palette, role)
        family = _family(hex_color)
        match = explained.get(role)
        reason = (
            f"chosen for the profile's {match.evidence()}: {match.association.cited()}"
            if match
            else hue_family_note(family).cited()
        )
        texts[role] = f'{color_name(hex_color)} ({family}): {reason}.'
    phrases = palette_phrases()
    if harmony:
        described = phrases.harmonies[harmony]
        texts['secondary'] += f' It partners the primary in {_with_article(harmony)} harmony ({described}).'
    for role, closing in phrases.role_notes.items():
        texts[role] += f' {closing}'
    return texts


def usage_guidelines(palette: ColorPalette) -> str:
    names = {role.role: role.name for role in palette.roles}
    return palette_phrases().usage_guidelines.format_map(names)


def rationale(palette: ColorPalette, intent: ColorIntent, harmony: str | None) -> str:
    """Offline palettes (with a `harmony`) explain their choices; given colours are read against the profile."""
    lightness, chroma, hue = to_oklch(palette.primary)
    family = _family(palette.primary)
    opening = (
        f'The primary is {_with_article(family)} ({palette.primary}, OKLCH {lightness:.2f} {chroma:.3f} {hue:.0f}°)'
    )
    match = _explaining(intent.hue_match, palette.primary, intent.hue_options)
    if match:
        opening += f", chosen for the profile's {match.evidence()}: {match.association.cited()}."
    elif harmony and not intent.hue_options:
        opening += (
            ': no industry, tone or value word matched the association table, so the seed picked the hue and it '
            'carries no claim.'
        )
    else:
        opening += f': {hue_family_note(family).cited()}.'
    sentences = [opening, _character_sentence(lightness, chroma, intent, offline=harmony is not None)]
    if harmony:
        described = palette_phrases().harmonies[harmony]
        sentences.append(
            f'Secondary and accent follow {_with_article(harmony)} harmony ({described}), one '
            f'option among several rather than an optimum: people rate similar hues as more harmonious yet prefer '
            f'figures that contrast with their ground ({source("schloss-palmer-2011").short}); another seed picks '
            f'another.'
        )
    accent_match = _explaining(intent.accent_match, palette.accent, intent.accent_hue_options)
    if accent_match:
        sentences.append(
            f"The accent follows the profile's {accent_match.evidence()}: {accent_match.association.association}."
        )
    sentences.append(_accessibility_sentence(palette))
    sentences.append(
        'Colour associations are averages that shift with culture and context '
        f'({cite((source("jonauskaite-2020"), source("elliot-maier-2014")))}): a starting point to test with the '
        'audience, not a prediction.'
    )
    return ' '.join(sentences)


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
    return f'{contrast} WCAG 2.x AA for their use in light and dark mode and {vision}; {fixes}.'


def _with_article(word: str) -> str:
    return f'{"an" if word[0] in "aeiou" else "a"} {word}'
