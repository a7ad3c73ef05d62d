"""Draws a kit's sections as cards: the studio uses it one section at a time, the share page all at once; and adds to
the page what its cards need from the server (the @font-face rules of the kit's installed fonts)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, Protocol

from branding import registry
from branding.design.font_files import FontLibrary
from branding.models import BrandKit, SectionName, SectionProvenance
from components.card_tools import CardTools
from components.cards import (
    CARD_HEADING_LEVEL,
    RegenerateHandler,
    guidelines_card,
    logos_card,
    palette_card,
    taglines_card,
    typography_card,
)


class CardBuilder(Protocol):
    """Draws one section of a kit as a card."""

    def __call__(
        self,
        kit: BrandKit,
        *,
        provenance: SectionProvenance | None,
        on_regenerate: RegenerateHandler | None,
        heading_level: int,
        tools: CardTools | None,
    ) -> None: ...


def _logos(kit: BrandKit, **options: Any) -> None:
    logos_card.create(kit.logos, company_name=kit.company_name, kit_id=kit.id, **options)


def _palette(kit: BrandKit, **options: Any) -> None:
    palette_card.create(kit.color_palette, company_name=kit.company_name, **options)


def _typography(kit: BrandKit, **options: Any) -> None:
    typography_card.create(kit.typography, company_name=kit.company_name, **options)


def _taglines(kit: BrandKit, **options: Any) -> None:
    taglines_card.create(kit.taglines, **options)


def _guidelines(kit: BrandKit, **options: Any) -> None:
    guidelines_card.create(kit.brand_guidelines, company_name=kit.company_name, **options)


# each registered section's card (branding.registry.SECTIONS names the sections and their order)
CARDS: dict[str, CardBuilder] = {
    SectionName.LOGOS: _logos,
    SectionName.PALETTE: _palette,
    SectionName.TYPOGRAPHY: _typography,
    SectionName.TAGLINES: _taglines,
    SectionName.GUIDELINES: _guidelines,
}


def draw_section(
    section: str,
    kit: BrandKit,
    *,
    provenance: SectionProvenance | None,
    on_regenerate: RegenerateHandler | None = None,
    heading_level: int = CARD_HEADING_LEVEL,
    tools: CardTools | None = None,
) -> None:
    """The card of `section`; `tools`, the owner's controls (the studio's, on a finished kit), drawn in it."""
    CARDS[section](kit, provenance=provenance, on_regenerate=on_regenerate, heading_level=heading_level, tools=tools)


def load_font_faces(kit: BrandKit, fonts: FontLibrary) -> None:
    """@font-face rules for the fonts of `kit` installed in `fonts`, added to the current page once: the cards name
    the families, the page that shows them serves the files."""
    if kit.typography is not None:
        typography_card.load_font_faces(kit.typography, fonts)


def in_reading_order(sections: Collection[str]) -> list[str]:
    return registry.in_reading_order(sections)


def kit_sections(kit: BrandKit) -> list[str]:
    return in_reading_order(kit.sections)
