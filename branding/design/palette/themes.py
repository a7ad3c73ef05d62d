"""Each mode's colours: a neutral ground, the brand colours held to their contrast, and labels on every fill.

Contrast uses, and why:
- body (4.5:1, SC 1.4.3): text and muted text on background and surface, and the on-primary/on-secondary/on-accent
  labels on their fills, because button and badge labels are set at body size, not large text.
- large (3:1, SC 1.4.3): the primary on background and surface, for brand-coloured headings and large links.
- ui (3:1, SC 1.4.11): the accent (focus rings, icons, indicators) and the border, which is the boundary of inputs
  and controls; purely decorative dividers may be lighter (a neutral scale step) since 1.4.11 does not cover them.
The secondary is a fill colour: it is checked with its label, not as text on the background.

Every colour the engine moves is noted in the adjustments, which the kit shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from branding.design.color import (
    MINIMUM_RATIO,
    apca_contrast,
    contrast_ratio,
    ensure_contrast,
    from_oklch,
    to_oklch,
    wcag_level,
)
from branding.design.palette.bases import Bases
from branding.models import ContrastCheck, ContrastUse, ThemeColors

Mode = Literal['light', 'dark']
MODES: tuple[Mode, ...] = ('light', 'dark')

# (foreground, background, use) for every pair the kit recommends, in both modes
CONTRAST_PAIRS: tuple[tuple[str, str, ContrastUse], ...] = (
    ('text', 'background', 'body'),
    ('text', 'surface', 'body'),
    ('muted_text', 'background', 'body'),
    ('muted_text', 'surface', 'body'),
    ('on_primary', 'primary', 'body'),
    ('on_secondary', 'secondary', 'body'),
    ('on_accent', 'accent', 'body'),
    ('primary', 'background', 'large'),
    ('primary', 'surface', 'large'),
    ('accent', 'background', 'ui'),
    ('accent', 'surface', 'ui'),
    ('border', 'background', 'ui'),
    ('border', 'surface', 'ui'),
)

# Neutral ground of each mode as OKLCH lightness; each passes its pairs for any tint up to MAX_GROUND_TINT, so only a
# hostile neutral makes the engine move them.
GROUND_LIGHTNESS: dict[Mode, dict[str, float]] = {
    'light': {'background': 0.985, 'surface': 1.0, 'text': 0.22, 'muted_text': 0.48, 'border': 0.64},
    'dark': {'background': 0.17, 'surface': 0.22, 'text': 0.96, 'muted_text': 0.76, 'border': 0.55},
}
MAX_GROUND_TINT = 0.02


@dataclass(kw_only=True, slots=True)
class Ground:
    background: str
    surface: str
    text: str
    muted_text: str
    border: str


def mode_ground(neutral: str, mode: Mode, adjustments: list[str]) -> Ground:
    _, chroma, hue = to_oklch(neutral)
    tint = min(chroma, MAX_GROUND_TINT)
    lightness = GROUND_LIGHTNESS[mode]
    background = from_oklch(lightness['background'], tint * 0.4, hue)
    surface = from_oklch(lightness['surface'], tint * 0.4, hue)
    ground = Ground(background=background, surface=surface, text='', muted_text='', border='')
    ground_uses: tuple[tuple[str, ContrastUse], ...] = (('text', 'body'), ('muted_text', 'body'), ('border', 'ui'))
    for role, use in ground_uses:
        proposed = from_oklch(lightness[role], tint, hue)
        held = hold_on_ground(proposed, ground, MINIMUM_RATIO[use])
        note(adjustments, before=proposed, after=held, role=role, mode=mode, use=use)
        setattr(ground, role, held)
    return ground


def mode_theme(
    bases: Bases, ground: Ground, *, primary: str, dark_label: str, mode: Mode, adjustments: list[str]
) -> ThemeColors:
    accent = hold_on_ground(bases.accent, ground)
    note(adjustments, before=bases.accent, after=accent, role='accent', mode=mode, use='ui')
    labels = {
        f'on_{role}': label_for(fill, dark_label, f'on_{role}', mode, adjustments)
        for role, fill in (('primary', primary), ('secondary', bases.secondary), ('accent', accent))
    }
    return ThemeColors(
        background=ground.background,
        surface=ground.surface,
        text=ground.text,
        muted_text=ground.muted_text,
        border=ground.border,
        primary=primary,
        secondary=bases.secondary,
        accent=accent,
        **labels,
    )


def hold_on_ground(color: str, ground: Ground, minimum: float = 3.0) -> str:
    """`color` moved, if it must, to reach `minimum` on both the background and the surface of the mode.

    Both grounds lie on the same side (light in light mode, dark in dark mode), so moving away from the second never
    undoes the first."""
    held = color
    for backdrop in (ground.background, ground.surface):
        held, _ = ensure_contrast(held, backdrop, minimum)
    return held


def label_for(fill: str, dark_label: str, role: str, mode: Mode, adjustments: list[str]) -> str:
    """White or the dark text colour, whichever reads better on `fill`; black when neither reaches 4.5:1 (white or
    black always does, as the larger of their two ratios is at least 4.58)."""
    minimum = MINIMUM_RATIO['body']
    preferred = sorted(('#ffffff', dark_label), key=lambda label: -contrast_ratio(label, fill))
    for label in (*preferred, '#000000'):
        if contrast_ratio(label, fill) >= minimum:
            return label
    held, _ = ensure_contrast(preferred[0], fill, minimum)
    note(
        adjustments,
        before=preferred[0],
        after=held,
        role=role,
        mode=mode,
        use='body',
        backdrop=role.removeprefix('on_'),
    )
    return held


def note(
    adjustments: list[str],
    *,
    before: str,
    after: str,
    role: str,
    mode: Mode,
    use: ContrastUse,
    backdrop: str = 'background and surface',
) -> None:
    if before == after:
        return
    direction = 'darkened' if to_oklch(after)[0] < to_oklch(before)[0] else 'lightened'
    adjustments.append(
        f'{role.replace("_", " ")} {direction} from {before} to {after} in {mode} mode to reach '
        f'{MINIMUM_RATIO[use]:g}:1 ({use}) on the {backdrop}'
    )


def contrast_checks(theme: ThemeColors, mode: Mode) -> list[ContrastCheck]:
    checks = []
    for foreground_role, background_role, use in CONTRAST_PAIRS:
        foreground, background = getattr(theme, foreground_role), getattr(theme, background_role)
        ratio = contrast_ratio(foreground, background)
        checks.append(
            ContrastCheck(
                mode=mode,
                use=use,
                foreground_role=foreground_role,
                background_role=background_role,
                foreground=foreground,
                background=background,
                ratio=round(ratio, 2),
                level=wcag_level(ratio, use),
                apca_lc=round(apca_contrast(foreground, background), 1),
            )
        )
    return checks
