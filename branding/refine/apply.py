"""A change saved onto a saved kit, the same for the API's routes and the studio: the kit read for its owner with its
latest revision (read first, so a change landing after it shows as a conflict), and the change saved as the next
revision only onto that one. Choices and locks are cheap to apply again to a kit changed meanwhile, so
`change_saved_kit` applies them again on a conflict, up to ATTEMPTS times; a regeneration or a refinement (slow, and a
new draw each time) is saved once (`save_change`) and its caller reports the conflict.

The errors are the callers' to word: KitNotSaved (no saved kit with the id), NotOwnerError (another owner's kit),
ChoiceError (a choice that does not fit the kit, from `apply_choices`) and RevisionConflictError (another change
landed between the read and the save, on every attempt)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from branding.design.font_files import FontLibrary
from branding.models import BrandKit
from branding.refine.choices import Chosen, KitChoices, apply_choices
from branding.refine.history import Revised, latest_revision, revise
from branding.refine.picks import PickContext
from branding.stores.base import KitStore, NotOwnerError, RevisionConflictError, StoredKit

ATTEMPTS = 5  # choices are cheap to apply again to a kit changed meanwhile

# how the choices are applied to the kit as read: in a worker thread (`applied_in_thread`), or a caller's way
Applier = Callable[[BrandKit, KitChoices, PickContext], Awaitable[Chosen]]


class KitNotSaved(LookupError):
    """There is no saved kit with this id (never was, or deleted meanwhile)."""

    def __init__(self, kit_id: str) -> None:
        super().__init__(f'No saved kit with id {kit_id}')
        self.kit_id = kit_id


@dataclass(kw_only=True, slots=True, frozen=True)
class Owned:
    stored: StoredKit
    revision: int | None  # the latest revision when it was read: a change made from it is saved only onto it


async def owned_kit(store: KitStore, kit_id: str, *, owner: str | None) -> Owned:
    """The saved kit when `owner` may change it (`owner=None` acting for the admin), with its latest revision;
    KitNotSaved when there is none, NotOwnerError when it is another owner's."""
    latest = await latest_revision(store, kit_id)  # first: a change landing after it shows as a conflict
    stored = await store.get(kit_id)
    if stored is None:
        raise KitNotSaved(kit_id)
    if owner is not None and stored.owner != owner:
        raise NotOwnerError(f'kit {kit_id} belongs to another owner')
    return Owned(stored=stored, revision=None if latest is None else latest.number)


async def save_change(store: KitStore, chosen: Chosen, *, owner: str | None, based_on: int | None) -> Revised:
    """The change saved as the kit's next revision; KitNotSaved when the kit is gone, NotOwnerError when it is
    another owner's, RevisionConflictError when another revision landed since `based_on`."""
    revised = await revise(
        store, chosen.kit, owner=owner, lever=chosen.lever, summary=chosen.summary, based_on=based_on
    )
    if revised is None:
        raise KitNotSaved(chosen.kit.id)
    return revised


async def applied_in_thread(kit: BrandKit, choices: KitChoices, context: PickContext) -> Chosen:
    """In a worker thread: a picked colour or font redraws every logo file, too much work for the event loop."""
    return await asyncio.to_thread(apply_choices, kit, choices, context)


async def change_saved_kit(
    store: KitStore,
    kit_id: str,
    choices: KitChoices,
    *,
    owner: str | None,
    fonts: FontLibrary,
    apply: Applier = applied_in_thread,
    attempts: int = ATTEMPTS,
) -> Revised:
    """Choices and locks applied to the kit as saved, as its next revision: read, applied and saved again when another
    change landed meanwhile, so concurrent changes all land, one revision each. RevisionConflictError when each of
    `attempts` tries met another change; KitNotSaved, NotOwnerError or ChoiceError (the kit unchanged) as above."""
    conflict: RevisionConflictError | None = None
    for _ in range(attempts):
        owned = await owned_kit(store, kit_id, owner=owner)
        context = PickContext(profile=owned.stored.request.company_profile, fonts=fonts)
        chosen = await apply(owned.stored.kit, choices, context)
        try:
            return await save_change(store, chosen, owner=owner, based_on=owned.revision)
        except RevisionConflictError as error:
            conflict = error
    raise RevisionConflictError(f'kit {kit_id} changed meanwhile on each of {attempts} attempts') from conflict
