"""Palette roles told apart at a glance: OKLab distances between primary, secondary and accent, and the thresholds a
palette must clear (checked and reported by the palette section, measured over the corpus by bench.palettes)."""

from __future__ import annotations

from dataclasses import dataclass

from branding.design.color import delta_e_ok

# ΔE_OK thresholds. One just-noticeable difference is about 0.02 in OKLab. The accent marks calls to action, so it
# must stand apart from both brand colours (7.5 JNDs); the secondary may be a quieter relative of the primary, yet
# still read as another colour, not a tint of the same one (6 JNDs).
ROLE_PAIRS: tuple[tuple[str, str], ...] = (('primary', 'secondary'), ('primary', 'accent'), ('secondary', 'accent'))
MIN_ROLE_DISTANCE: dict[tuple[str, str], float] = {
    ('primary', 'secondary'): 0.12,
    ('primary', 'accent'): 0.15,
    ('secondary', 'accent'): 0.15,
}
# Two kits whose primary, secondary and accent each lie within this of the other's look like the same palette.
NEAR_IDENTICAL_DISTANCE = 0.08


@dataclass(kw_only=True, slots=True, frozen=True)
class RolePair:
    first: str
    second: str
    distance: float
    minimum: float

    @property
    def distinct(self) -> bool:
        return self.distance >= self.minimum


def role_pairs(colors: dict[str, str]) -> list[RolePair]:
    """The OKLab distance of each pair of brand roles in `colors` (role -> hex) against its threshold."""
    return [
        RolePair(
            first=first,
            second=second,
            distance=delta_e_ok(colors[first], colors[second]),
            minimum=MIN_ROLE_DISTANCE[(first, second)],
        )
        for first, second in ROLE_PAIRS
    ]


def triple_distance(first: tuple[str, str, str], second: tuple[str, str, str]) -> float:
    """How far apart two (primary, secondary, accent) triples are: the largest of the three role distances, so two
    palettes count as near-identical only when every role is close."""
    return max(delta_e_ok(one, other) for one, other in zip(first, second, strict=True))
