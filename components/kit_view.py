"""Draws a kit's sections as cards: the studio uses it one section at a time, the share page all at once."""

from __future__ import annotations

from collections.abc import Collection

from nicegui import ui

from branding.models import BrandKit, SectionName, SectionProvenance
from components.cards import (
    CARD_HEADING_LEVEL,
    RegenerateHandler,
    guidelines_card,
    logos_card,
    palette_card,
    taglines_card,
    typography_card,
)

# the order a kit reads best in, which the studio's section places keep while a kit streams in: the logo concepts,
# the heart of a brand kit, on top, then what they are drawn with (palette, type), then the words
READING_ORDER = (
    SectionName.LOGOS,
    SectionName.PALETTE,
    SectionName.TYPOGRAPHY,
    SectionName.TAGLINES,
    SectionName.GUIDELINES,
)


def draw_section(
    section: SectionName,
    kit: BrandKit,
    *,
    provenance: SectionProvenance | None,
    on_regenerate: RegenerateHandler | None = None,
    heading_level: int = CARD_HEADING_LEVEL,
) -> None:
    name = kit.company_name
    level = heading_level
    match section:
        case SectionName.LOGOS:
            logos_card.create(
                kit.logos, provenance=provenance, on_regenerate=on_regenerate, company_name=name, heading_level=level
            )
        case SectionName.TAGLINES:
            taglines_card.create(kit.taglines, provenance=provenance, on_regenerate=on_regenerate, heading_level=level)
        case SectionName.PALETTE:
            palette_card.create(
                kit.color_palette,
                provenance=provenance,
                on_regenerate=on_regenerate,
                company_name=name,
                heading_level=level,
            )
        case SectionName.TYPOGRAPHY:
            typography_card.create(
                kit.typography,
                provenance=provenance,
                on_regenerate=on_regenerate,
                company_name=name,
                heading_level=level,
            )
        case SectionName.GUIDELINES:
            guidelines_card.create(
                kit.brand_guidelines,
                provenance=provenance,
                on_regenerate=on_regenerate,
                company_name=name,
                heading_level=level,
            )


def in_reading_order(sections: Collection[SectionName]) -> list[SectionName]:
    return [section for section in READING_ORDER if section in sections]


def kit_sections(kit: BrandKit) -> list[SectionName]:
    return in_reading_order(kit.sections)


def create_read_only(kit: BrandKit, *, heading_level: int = 2) -> None:
    """Every section of `kit`, without actions that change it; card titles are h2 under the share page's h1."""
    with ui.column().classes('w-full gap-4').mark('kit-view'):
        for section in kit_sections(kit):
            draw_section(section, kit, provenance=kit.sections[section], heading_level=heading_level)
