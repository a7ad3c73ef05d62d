"""Draws a kit's sections as cards: the studio uses it one section at a time, the share page all at once."""

from __future__ import annotations

from nicegui import ui

from branding.models import BrandKit, SectionName, SectionProvenance
from components.cards import (
    RegenerateHandler,
    guidelines_card,
    logos_card,
    palette_card,
    taglines_card,
    typography_card,
)

# the order a finished kit reads best in; while generating, cards arrive in completion order instead
READING_ORDER = (
    SectionName.LOGOS,
    SectionName.TAGLINES,
    SectionName.PALETTE,
    SectionName.TYPOGRAPHY,
    SectionName.GUIDELINES,
)


def draw_section(
    section: SectionName,
    kit: BrandKit,
    *,
    provenance: SectionProvenance | None,
    on_regenerate: RegenerateHandler | None = None,
) -> None:
    name = kit.company_name
    match section:
        case SectionName.LOGOS:
            logos_card.create(kit.logos, provenance=provenance, on_regenerate=on_regenerate, company_name=name)
        case SectionName.TAGLINES:
            taglines_card.create(kit.taglines, provenance=provenance, on_regenerate=on_regenerate)
        case SectionName.PALETTE:
            palette_card.create(
                kit.color_palette, provenance=provenance, on_regenerate=on_regenerate, company_name=name
            )
        case SectionName.TYPOGRAPHY:
            typography_card.create(
                kit.typography, provenance=provenance, on_regenerate=on_regenerate, company_name=name
            )
        case SectionName.GUIDELINES:
            guidelines_card.create(
                kit.brand_guidelines, provenance=provenance, on_regenerate=on_regenerate, company_name=name
            )


def kit_sections(kit: BrandKit) -> list[SectionName]:
    return [section for section in READING_ORDER if section in kit.sections]


def create_read_only(kit: BrandKit) -> None:
    with ui.column().classes('w-full gap-4').mark('kit-view'):
        for section in kit_sections(kit):
            draw_section(section, kit, provenance=kit.sections[section])
