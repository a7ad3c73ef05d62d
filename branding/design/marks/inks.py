"""The palette's colours assigned to the jobs they do in a mark: paper, ink, brand, accent and the rest."""

from __future__ import annotations

from dataclasses import dataclass

from branding.design.color import contrast_ratio, ensure_contrast, most_readable, relative_luminance
from branding.models import ColorPalette

MIN_REVERSED_CONTRAST = 3.0  # every ink of a reversed mark against the dark background: WCAG's graphics minimum
# what the reversed inks are lifted to: lettering in them reads as text does, well clear of the minimum
REVERSED_CONTRAST = 4.5


@dataclass(kw_only=True, slots=True, frozen=True)
class Inks:
    """The palette's colours by the job they do in a mark."""

    paper: str
    ink: str
    brand: str
    on_brand: str
    support: str
    spark: str
    muted: str

    @classmethod
    def from_palette(cls, palette: ColorPalette) -> Inks:
        core = [palette.primary, palette.secondary, palette.accent, palette.neutral]
        theme = palette.light
        neutrals = palette.scales.get('neutral', {})
        paper = theme.background if theme else neutrals.get('50') or max(core, key=relative_luminance)
        ink = theme.text if theme else neutrals.get('900') or most_readable(paper, core)
        everything = [*core, paper, ink]
        # A primary too pale to see on the paper would make an invisible mark; the text colour stands in.
        brand = palette.primary if contrast_ratio(palette.primary, paper) >= 1.6 else ink
        on_brand = theme.on_primary if theme and brand == palette.primary else most_readable(brand, everything)
        support = palette.secondary if contrast_ratio(palette.secondary, paper) >= 1.4 else brand
        spark = palette.accent if contrast_ratio(palette.accent, paper) >= 1.25 else support
        muted = theme.muted_text if theme else ink
        return cls(paper=paper, ink=ink, brand=brand, on_brand=on_brand, support=support, spark=spark, muted=muted)

    @classmethod
    def reversed_from(cls, palette: ColorPalette, backgrounds: tuple[str, ...]) -> Inks:
        """The inks of the mark on dark `backgrounds` (the first is the one it is drawn for): the dark theme's
        colours, each lifted to 4.5:1 (3:1 at the least) against every background. What sat in the paper colour or
        on the brand colour (the initials in a disc, cut lines) takes the background's colour, which the variant
        knocks out."""
        dark = palette.dark
        paper = backgrounds[0]
        lightest = max(backgrounds, key=relative_luminance)

        def lifted(color: str) -> str:
            try:
                return ensure_contrast(color, lightest, REVERSED_CONTRAST)[0]
            except ValueError:  # no lightness of this hue gets there: white does on any background dark enough
                return '#ffffff'

        ink = lifted(dark.text if dark else '#f5f5f5')
        brand = lifted(dark.primary if dark else palette.primary)
        support = lifted(dark.secondary if dark else palette.secondary)
        spark = lifted(dark.accent if dark else palette.accent)
        muted = lifted(dark.muted_text if dark else ink)
        return cls(paper=paper, ink=ink, brand=brand, on_brand=paper, support=support, spark=spark, muted=muted)

    @classmethod
    def one_colour(cls, color: str, ground: str) -> Inks:
        """Every ink `color`; what is drawn on the brand colour or in the paper colour takes `ground`, which the
        variant knocks out, so a one-colour mark keeps its counters and cut lines."""
        return cls(paper=ground, ink=color, brand=color, on_brand=ground, support=color, spark=color, muted=color)

    def wordmark_color(self) -> str:
        return self.brand if contrast_ratio(self.brand, self.paper) >= 3 else self.ink


def color_name(palette: ColorPalette, hex_color: str) -> str:
    for role in palette.roles:
        if role.hex == hex_color and role.name:
            return f'{role.name} ({hex_color})'
    return hex_color
