"""Brand roles a designer would keep: no disliked dark yellow-green unless the brief asks for one, a secondary that
reads as another colour than the primary, and an accent that stands apart from both, preferably in one of the
sector's call-to-action hues. Every colour moved here is noted in the adjustments, as the contrast fixes are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from branding.design.color import Oklch, delta_e_ok, from_oklch, to_oklch
from branding.design.palette.bases import Bases
from branding.design.palette.dislike import in_disliked_band, is_disliked, undisliked
from branding.design.palette.distinct import MIN_ROLE_DISTANCE

SECTOR_ACCENT_LIGHTNESS = 0.72  # light enough to stand out on dark grounds, dark enough to need little darkening
# a sector's call-to-action colour as given, then lighter and darker, for when the given shade crowds another role
SECTOR_LIGHTNESS_STEPS = (0.0, 0.1, -0.1)
HELD_ROLES = ('primary', 'accent')  # held to 3:1 on the light ground, so a light yellow-green would darken into olive
DISLIKE_NOTE = 'dark yellow-greens are the least liked colours (Palmer & Schloss 2010)'


def disliked_role(color: str, role: str) -> bool:
    """A brand colour that is, or once darkened for contrast would be, a disliked dark yellow-green."""
    return in_disliked_band(color) if role in HELD_ROLES else is_disliked(color)


def settle_roles(
    bases: Bases, *, sector_accents: tuple[Oklch, ...], allow_yellow_greens: bool, adjustments: list[str]
) -> Bases:
    """`bases` with the disliked colours turned and the secondary and accent moved apart where they crowd."""
    if not allow_yellow_greens:
        for role in ('primary', 'secondary', 'accent'):
            color = getattr(bases, role)
            turned = undisliked(color, any_tone=role in HELD_ROLES)
            if turned != color:
                adjustments.append(f'{role} turned from {color} to {turned}: {DISLIKE_NOTE}')
                bases = replace(bases, **{role: turned})
    acceptable = role_filter(bases, allow_yellow_greens=allow_yellow_greens)
    minimum = MIN_ROLE_DISTANCE[('primary', 'secondary')]
    if delta_e_ok(bases.primary, bases.secondary) < minimum:
        moved = _first(_nearby(bases.secondary, away_from=bases.primary), acceptable('secondary'), bases.secondary)
        adjustments.append(_moved_note('secondary', bases.secondary, moved, {'primary': bases.primary}))
        bases = replace(bases, secondary=moved)
        acceptable = role_filter(bases, allow_yellow_greens=allow_yellow_greens)
    if not acceptable('accent')(bases.accent):
        candidates = (
            *(from_oklch(*color) for color in sector_accents),
            *_nearby(bases.accent, away_from=bases.primary),
        )
        moved = _first(candidates, acceptable('accent'), bases.accent)
        adjustments.append(
            _moved_note('accent', bases.accent, moved, {'primary': bases.primary, 'secondary': bases.secondary})
        )
        bases = replace(bases, accent=moved)
    return bases


def role_filter(bases: Bases, *, allow_yellow_greens: bool) -> Callable[[str], Callable[[str], bool]]:
    """For a role, whether a candidate colour for it is apart from the other brand roles and not disliked."""

    def for_role(role: str) -> Callable[[str], bool]:
        others = ('primary',) if role == 'secondary' else ('primary', 'secondary')

        def acceptable(color: str) -> bool:
            if not allow_yellow_greens and disliked_role(color, role):
                return False
            return all(delta_e_ok(color, getattr(bases, other)) >= MIN_ROLE_DISTANCE[(other, role)] for other in others)

        return acceptable

    return for_role


def sector_shades(sector_accents: tuple[Oklch, ...]) -> list[str]:
    """The sector's call-to-action colours, each as given, then lighter, then darker."""
    return [
        from_oklch(lightness + step, chroma, hue)
        for step in SECTOR_LIGHTNESS_STEPS
        for lightness, chroma, hue in sector_accents
    ]


def _first(candidates: Iterator[str] | tuple[str, ...], acceptable: Callable[[str], bool], fallback: str) -> str:
    return next((candidate for candidate in candidates if acceptable(candidate)), fallback)


def _nearby(color: str, *, away_from: str) -> Iterator[str]:
    """Colours near `color`, the least visible changes first: lightness away from `away_from`, then hue turns at a
    chroma high enough for hue to count, then both; last a coarse sweep of the whole range, so that even a black
    secondary on a black primary finds a colour of its own."""
    lightness, chroma, hue = to_oklch(color)
    away = 1 if lightness >= to_oklch(away_from)[0] else -1
    colourful = max(chroma, 0.1)
    proposals = [
        (lightness + direction * step, chroma, hue) for step in (0.08, 0.14, 0.2) for direction in (away, -away)
    ]
    turns = (30, -30, 60, -60, 90, -90, 150, -150)
    proposals += [(lightness, colourful, hue + turn) for turn in turns]
    proposals += [(lightness + away * 0.14, colourful, hue + turn) for turn in turns]
    proposals += [(target, colourful, hue + turn) for target in (0.75, 0.4, 0.6) for turn in (0, *turns)]
    seen = {color}
    for candidate_lightness, candidate_chroma, candidate_hue in proposals:
        candidate = from_oklch(min(max(candidate_lightness, 0.25), 0.9), candidate_chroma, candidate_hue)
        if candidate not in seen:
            seen.add(candidate)
            yield candidate


def _moved_note(role: str, before: str, after: str, others: dict[str, str]) -> str:
    if before == after:
        return f'{role} {before} stays close to the {" and ".join(others)}: no nearby colour was clearly apart'
    distances = ', '.join(f'ΔE_OK {delta_e_ok(after, color):.2f} from the {other}' for other, color in others.items())
    return f'{role} moved from {before} to {after} so it reads as a colour of its own ({distances})'
