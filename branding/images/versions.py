"""Every painting a kit has had, so each revision keeps its own: a painting is kept under its concept's index (the one
the kit shows now, served at the concept's image path) and under a version slot of its own, named by what the
revision's concept records of its painting (who painted it, how long it took, what it cost: a new painting has a new
record; a palette change that recolours the trace keeps it). Painting a concept again makes a new
revision whose concept names the new painting; an older revision still names the old one, which its slot keeps.

Slots share the store's image table with the current paintings, past the largest concept index; they go with the kit.
"""

from __future__ import annotations

import hashlib
from typing import Protocol

from branding.images.painter import image_path
from branding.models import BrandKit, LogoConcept

SLOTS_FROM = 1 << 20  # image indexes from here on are version slots (a kit has at most 100 concepts)
CONCEPTS = 100
VERSION_BITS = 20  # a million versions a concept: a clash between two paintings of one concept is out of reach


class ImageStore(Protocol):
    async def save_image(self, kit_id: str, index: int, png: bytes) -> bool: ...

    async def get_image(self, kit_id: str, index: int) -> bytes | None: ...


def painted(kit: BrandKit, index: int) -> bool:
    """Does the kit's concept `index` show a painting kept with the kit?"""
    return index < len(kit.logos) and kit.logos[index].image_url == image_path(kit.id, index)


def version_slot(index: int, concept: LogoConcept) -> int:
    """The image index that keeps the painting `concept` records, whichever revision it is read from."""
    record = concept.painting.model_dump_json() if concept.painting else ''
    version = int.from_bytes(hashlib.sha256(record.encode()).digest()[:4], 'big') >> (32 - VERSION_BITS)
    return SLOTS_FROM + version * CONCEPTS + index


async def keep(store: ImageStore, kit: BrandKit, index: int, png: bytes) -> None:
    """Keep the painting of concept `index` (already applied to `kit`): shown now, and under its version."""
    await store.save_image(kit.id, index, png)
    await store.save_image(kit.id, version_slot(index, kit.logos[index]), png)


async def painting_of(store: ImageStore, kit: BrandKit, index: int, *, current: BrandKit) -> bytes | None:
    """The painting concept `index` of `kit` (the kit now, or any revision of it) shows; None when it shows none.
    `current` is the kit now: a painting kept before version slots existed is found only while it is still shown."""
    if not painted(kit, index):
        return None
    concept = kit.logos[index]
    slot = version_slot(index, concept)
    found = await store.get_image(kit.id, slot)
    if found is None and painted(current, index) and version_slot(index, current.logos[index]) == slot:
        found = await store.get_image(kit.id, index)
    return found


async def paintings_of(store: ImageStore, kit: BrandKit, *, current: BrandKit) -> dict[int, bytes]:
    """Every painting `kit` (the kit now, or a revision of it) shows, by concept index: for its exports."""
    found: dict[int, bytes] = {}
    for index in range(len(kit.logos)):
        if (png := await painting_of(store, kit, index, current=current)) is not None:
            found[index] = png
    return found
