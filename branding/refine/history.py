"""A kit's history: every change is a revision kept by the store; restoring an old revision makes a new one."""

from __future__ import annotations

from dataclasses import dataclass

from branding.models import BrandKit
from branding.stores.base import KitStore, Lever, RevisionSummary


@dataclass(kw_only=True, slots=True, frozen=True)
class Revised:
    """A kit as a change left it, with the revision that change made."""

    kit: BrandKit
    revision: RevisionSummary


async def revise(
    store: KitStore,
    kit: BrandKit,
    *,
    owner: str | None,
    lever: Lever,
    summary: str,
    based_on: int | None = None,
) -> Revised | None:
    """Save `kit` as the next revision of the saved kit with its id (None when there is none; NotOwnerError when it
    is another owner's, `owner=None` acting for the admin; RevisionConflictError when the kit gained a revision
    since `based_on`)."""
    revision = await store.save_revision(kit, owner=owner, lever=lever, summary=summary, based_on=based_on)
    return None if revision is None else Revised(kit=kit, revision=revision)


async def restore_revision(store: KitStore, kit_id: str, number: int, *, owner: str | None) -> Revised | None:
    """Make revision `number` the kit again, as a new revision (history is never rewritten); None when the kit or
    that revision does not exist."""
    old = await store.get_revision(kit_id, number)
    if old is None:
        return None
    return await revise(store, old, owner=owner, lever=Lever.RESTORE, summary=f'Restored revision {number}')


async def latest_revision(store: KitStore, kit_id: str) -> RevisionSummary | None:
    revisions = await store.list_revisions(kit_id)
    return revisions[-1] if revisions else None
