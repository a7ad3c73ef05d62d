"""What the brand-in-use drawings read from a kit: its name, a tagline, a line of copy, each theme's colours, the
heading and body faces and the logo files, with a sober default for each section a focused kit lacks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from branding.design.color import contrast_ratio, ensure_contrast, most_readable, relative_luminance
from branding.design.font_files import FontLibrary
from branding.design.marks.text import clean_text, display_name, without_pictographs
from branding.design.marks.typesetting import Face
from branding.models import BrandKit, ColorPalette, LogoVariants, ThemeColors

FALLBACK_FAMILY = 'Inter'  # installed with the app: text is outlined even when a kit has no typography
LOGO_CONTRAST = 3.0  # a logo's every ink against its ground (WCAG non-text contrast)
_PAINT = re.compile(r'\b(?:fill|stroke)="(#[0-9a-fA-F]{6})"')
_WHAT_WE_DO = re.compile(r'\*\*What we do\.\*\*\s*(.+)')
_MASK = re.compile(r'<mask\b.*?</mask>', re.DOTALL)
NEAR_WHITE = 0.8
_MARKUP = re.compile(r'[*_`#>]+')

DEFAULT_LIGHT = ThemeColors(
    background='#f7f7f8',
    surface='#ffffff',
    text='#18181b',
    muted_text='#52525b',
    border='#a1a1aa',
    primary='#1f3a5f',
    on_primary='#ffffff',
    secondary='#3f5f4a',
    on_secondary='#ffffff',
    accent='#c2410c',
    on_accent='#ffffff',
)
DEFAULT_DARK = ThemeColors(
    background='#111114',
    surface='#1c1c21',
    text='#f4f4f5',
    muted_text='#a1a1aa',
    border='#52525b',
    primary='#3b6ea5',
    on_primary='#ffffff',
    secondary='#5f8a6d',
    on_secondary='#111114',
    accent='#fb923c',
    on_accent='#111114',
)


@dataclass(kw_only=True, slots=True, frozen=True)
class Swatch:
    role: str
    name: str
    hex: str


@dataclass(kw_only=True, slots=True, frozen=True)
class InUse:
    """Everything a mockup draws, read once from the kit."""

    name: str
    tagline: str
    copy: str
    light: ThemeColors
    dark: ThemeColors
    swatches: tuple[Swatch, ...]
    heading: Face
    body: Face
    variants: LogoVariants | None
    fonts: FontLibrary

    @property
    def has_logo(self) -> bool:
        return self.variants is not None

    def logo_for(self, ground: str) -> str | None:
        """The logo file that reads on `ground`: full colour on near-white grounds (what it is drawn for), else the
        full-colour or reversed file where all its inks keep 3:1 on it, else the one-colour file (white or black) with
        more contrast; None when the kit has no logo."""
        if self.variants is None:
            return None
        if relative_luminance(ground) >= NEAR_WHITE:
            return self.variants.primary
        dark_ground = not prefers_dark_text(ground)
        svg = self.variants.reversed if dark_ground else self.variants.primary
        if all(contrast_ratio(ink, ground) >= LOGO_CONTRAST for ink in logo_inks(svg)):
            return svg
        return self.variants.mono_light if dark_ground else self.variants.mono_dark


def logo_inks(svg: str) -> set[str]:
    """The colours a logo file paints (its masks' stencils left out)."""
    return {colour.lower() for colour in _PAINT.findall(_MASK.sub('', svg))}


def readable(background: str, preferred: str, *, large: bool = False) -> str:
    """`preferred` where it reads on `background` at AA (3:1 for large text, else 4.5:1), else the nearest colour of
    its hue that does, else black or white."""
    minimum = 3.0 if large else 4.5
    if contrast_ratio(preferred, background) >= minimum:
        return preferred
    adjusted, ok = ensure_contrast(preferred, background, minimum)
    return adjusted if ok else most_readable(background, ['#000000', '#ffffff'])


def prefers_dark_text(ground: str) -> bool:
    """Whether black reads better than white on `ground`."""
    return contrast_ratio('#000000', ground) >= contrast_ratio('#ffffff', ground)


def _tagline(kit: BrandKit) -> str:
    """The first starred tagline (kits refined with choices), else the first."""
    starred = set(getattr(kit, 'starred_taglines', None) or [])
    for tagline in sorted(kit.taglines, key=lambda tagline: tagline.id not in starred):
        if text := without_pictographs(tagline.text):
            return text
    return ''


def _copy(kit: BrandKit) -> str:
    """A sentence or two about the company for body copy: the guidelines' 'What we do', else their first paragraph."""
    text = kit.brand_guidelines or ''
    found = _WHAT_WE_DO.search(text)
    if found:
        return clean_text(_MARKUP.sub('', found.group(1)))
    for paragraph in text.split('\n\n'):
        stripped = paragraph.strip()
        if stripped and not stripped.startswith(('#', '-', '|', '>')):
            return clean_text(_MARKUP.sub('', stripped))
    return ''


def _swatches(palette: ColorPalette | None) -> tuple[Swatch, ...]:
    if palette is None:
        return tuple(
            Swatch(role=role, name=role.title(), hex=getattr(DEFAULT_LIGHT, role))
            for role in ('primary', 'secondary', 'accent')
        )
    if palette.roles:
        return tuple(Swatch(role=role.role, name=clean_text(role.name), hex=role.hex) for role in palette.roles)
    return tuple(
        Swatch(role=role, name=role.title(), hex=getattr(palette, role))
        for role in ('primary', 'secondary', 'accent', 'neutral')
    )


def in_use(kit: BrandKit, fonts: FontLibrary) -> InUse:
    palette = kit.color_palette
    typography = kit.typography
    if typography is not None:
        heading = Face.for_role(typography, 'heading', fonts=fonts)
        body = Face.for_role(typography, 'body', fonts=fonts)
    else:
        heading = body = Face(
            family=FALLBACK_FAMILY, category='sans-serif', css_stack=f"'{FALLBACK_FAMILY}', sans-serif", fonts=fonts
        )
    if heading.file(700) is None:  # a family this server has not installed: its lettering would be live text
        heading = Face(family=FALLBACK_FAMILY, category='sans-serif', css_stack=heading.css_stack, fonts=fonts)
    if body.file(400) is None:
        body = Face(family=FALLBACK_FAMILY, category='sans-serif', css_stack=body.css_stack, fonts=fonts)
    chosen = getattr(kit, 'chosen_logo', None)  # the concept the owner chose as the logo, else the first
    logo = kit.logos[chosen if isinstance(chosen, int) and 0 <= chosen < len(kit.logos) else 0] if kit.logos else None
    return InUse(
        name=display_name(kit.company_name or 'Brand'),
        tagline=_tagline(kit),
        copy=_copy(kit),
        light=palette.light if palette and palette.light else DEFAULT_LIGHT,
        dark=palette.dark if palette and palette.dark else DEFAULT_DARK,
        swatches=_swatches(palette),
        heading=heading,
        body=body,
        variants=logo.variants if logo is not None else None,
        fonts=fonts,
    )
