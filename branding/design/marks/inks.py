"""The palette's colours assigned to the jobs they do in a mark: paper, ink, brand, accent and the rest."""

from __future__ import annotations

from dataclasses import dataclass

from branding.design.color import contrast_ratio, most_readable, relative_luminance
from branding.models import ColorPalette


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

    def wordmark_color(self) -> str:
        return self.brand if contrast_ratio(self.brand, self.paper) >= 3 else self.ink


def color_name(palette: ColorPalette, hex_color: str) -> str:
    for role in palette.roles:
        if role.hex == hex_color and role.name:
            return f'{role.name} ({hex_color})'
    return hex_color
