"""Regenerate the rest: new variations of everything a kit has not locked, with a new seed, built on what it has.

Sections are made again in dependency order (palette and type first, so new logo concepts and guidelines are drawn
in a locked palette and fonts). A locked section is kept as it is; a locked element is put back where it was: a logo
concept at its index, a tagline at its place (tagline ids are positional). Locked logo concepts keep their drawing and
are recoloured into a new palette, as a picked colour recolours them. Locked colour roles and font roles are kept
by building the section around them: the new palette's other roles with the locked ones, through the same contrast
fixes; the new type with the locked families. When the fixes would move a locked colour, other seeds are tried, and
if none keeps it the whole palette is kept."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

from branding.chain import ProviderChain
from branding.design.font_files import FontLibrary
from branding.design.symbols.icon_set import IconLibrary
from branding.models import OFFLINE_PROVIDER, BrandingRequest, BrandKit, SectionName, SectionProvenance, SectionStatus
from branding.orchestrator import OFFLINE_MODEL, regenerate_section
from branding.refine.choices import FONT_ROLES, PALETTE_ROLES
from branding.refine.history import shown_before
from branding.refine.recolour import logos_in_palette
from branding.registry import SECTIONS
from branding.sections.palette import build_offline_palette, complete_palette
from branding.sections.typography import build_offline_typography, complete_typography
from branding.stores.base import KitStore

# palette and type before the sections drawn or written on them
REST_ORDER = (
    SectionName.PALETTE,
    SectionName.TYPOGRAPHY,
    SectionName.TAGLINES,
    SectionName.LOGOS,
    SectionName.GUIDELINES,
)
PALETTE_TRIES = 8


@dataclass(kw_only=True, slots=True)
class Rest:
    """What regenerating the rest needs besides the kit: the request it was made from, the seed, the engines."""

    request: BrandingRequest
    seed: int
    fonts: FontLibrary
    icons: IconLibrary
    chain: ProviderChain | None = None
    store: KitStore | None = None  # the kit's, when it is saved: new logos leave its earlier revisions' symbols alone


def elements(locks: list[str], section: str) -> set[str]:
    """The elements of `section` that `locks` names ('palette.primary' -> 'primary')."""
    return {lock.partition('.')[2] for lock in locks if lock.startswith(f'{section}.')}


def _engine_provenance(note: str) -> SectionProvenance:
    return SectionProvenance(
        status=SectionStatus.OK, provider=OFFLINE_PROVIDER, model=OFFLINE_MODEL, latency_ms=0, attempts=1, note=note
    )


def palette_around(kit: BrandKit, locked: set[str], rest: Rest) -> BrandKit:
    """The kit with a new palette whose locked roles keep their colours (the old palette when no seed manages)."""
    old = kit.color_palette
    assert old is not None
    profile = rest.request.company_profile
    for attempt in range(PALETTE_TRIES):
        fresh = build_offline_palette(profile, rest.seed + attempt)
        bases = {role: getattr(old if role in locked else fresh, role) for role in PALETTE_ROLES}
        mixed = complete_palette(**bases, profile=profile)
        if all(getattr(mixed, role) == getattr(old, role) for role in locked):
            note = f'New colours around the locked {", ".join(sorted(locked))}'
            sections = kit.sections | {SectionName.PALETTE: _engine_provenance(note)}
            return kit.model_copy(update={'color_palette': mixed, 'sections': sections})
    return kit


def typography_around(kit: BrandKit, locked: set[str], rest: Rest) -> BrandKit:
    """The kit with new type that keeps the locked roles' families."""
    old = kit.typography
    assert old is not None
    fresh = build_offline_typography(rest.request.company_profile, rest.seed, fonts=rest.fonts)
    families = {role: getattr(old if role in locked else fresh, f'{role}_font') for role in FONT_ROLES}
    mixed = complete_typography(
        families['heading'],
        families['body'],
        families['accent'],
        profile=rest.request.company_profile,
        fonts=rest.fonts,
    )
    note = f'New type around the locked {", ".join(sorted(locked))} font'
    sections = kit.sections | {SectionName.TYPOGRAPHY: _engine_provenance(note)}
    return kit.model_copy(update={'typography': mixed, 'sections': sections})


def _put_back_logos(old: BrandKit, new: BrandKit, locked: set[str]) -> None:
    for element in locked:
        index = int(element)
        if index < len(new.logos):
            new.logos[index] = old.logos[index]


def _put_back_taglines(old: BrandKit, new: BrandKit, locked: set[str]) -> None:
    by_id = {tagline.id: tagline for tagline in old.taglines}
    positions = {tagline.id: position for position, tagline in enumerate(old.taglines)}
    for tagline_id in locked:
        position = positions[tagline_id]
        if position < len(new.taglines):
            new.taglines[position] = by_id[tagline_id]
        else:
            new.taglines.append(by_id[tagline_id])


def _locked_logos_in_palette(old: BrandKit, new: BrandKit, locks: list[str]) -> BrandKit:
    """A locked concept keeps its drawing, and follows a new palette as it does a picked colour (the kit's marks, board
    and mockups in one palette); the concepts made again are drawn in it already."""
    whole = SectionName.LOGOS in locks
    kept = range(len(old.logos)) if whole else {int(index) for index in elements(locks, SectionName.LOGOS)}
    return logos_in_palette(old, new, only=kept)


# what a section keeps of the old kit after the rest was made again, brought into the new palette
FOLLOW_PALETTE: dict[str, Callable[[BrandKit, BrandKit, list[str]], BrandKit]] = {
    SectionName.LOGOS: _locked_logos_in_palette,
}
PUT_BACK: dict[str, Callable[[BrandKit, BrandKit, set[str]], None]] = {
    SectionName.LOGOS: _put_back_logos,
    SectionName.TAGLINES: _put_back_taglines,
}
AROUND: dict[str, Callable[[BrandKit, set[str], Rest], BrandKit]] = {
    SectionName.PALETTE: palette_around,
    SectionName.TYPOGRAPHY: typography_around,
}


async def _remade(kit: BrandKit, section: str, rest: Rest) -> BrandKit:
    shown = () if rest.store is None else await shown_before(rest.store, kit, section)
    done = await regenerate_section(
        rest.request, kit, section, chain=rest.chain, fonts=rest.fonts, icons=rest.icons, seed=rest.seed, shown=shown
    )
    return done.kit


async def _next(kit: BrandKit, section: str, locked: set[str], rest: Rest) -> BrandKit:
    """The kit with `section` made again around its locked elements."""
    if locked and section in AROUND:
        around = AROUND[section]
        return await asyncio.to_thread(around, kit, locked, rest)
    before = kit.model_copy(deep=True)
    remade = await _remade(kit, section, rest)
    if locked and section in PUT_BACK:
        PUT_BACK[section](before, remade, locked)
    return remade


async def regenerate_rest(kit: BrandKit, rest: Rest) -> BrandKit:
    """A new kit (same id) with every section the kit has made again, but for what `kit.locks` keeps."""
    locks = list(kit.locks)
    current = kit.model_copy(deep=True)
    for section in REST_ORDER:
        if section in locks or not SECTIONS[section].present(kit):
            continue
        current = await _next(current, section, elements(locks, section), rest)
    settled = settle_choices(kit, current)
    for follow in FOLLOW_PALETTE.values():
        settled = follow(kit, settled, locks)
    return settled


def settle_choices(old: BrandKit, new: BrandKit) -> BrandKit:
    """`new` (changed in place) keeping only the choices that still hold: the chosen logo while its concept is the
    same, the stars of taglines kept as they were."""
    chosen = new.chosen_logo
    if chosen is not None and (chosen >= len(new.logos) or new.logos[chosen] != old.logos[chosen]):
        new.chosen_logo = None  # its concept was made again: choose again
    new.starred_taglines = [star for star in new.starred_taglines if star in _same_taglines(old, new)]
    return new


def _same_taglines(old: BrandKit, new: BrandKit) -> set[str]:
    """Ids of the taglines the new kit kept exactly as they were."""
    kept = {tagline.id: tagline for tagline in new.taglines}
    return {tagline.id for tagline in old.taglines if kept.get(tagline.id) == tagline}
