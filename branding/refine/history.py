"""A kit's history: every change is a revision kept by the store; restoring an old revision makes a new one."""

from __future__ import annotations

from dataclasses import dataclass

from branding.models import BrandKit, SectionName
from branding.stores.base import KitStore, Lever, RevisionSummary

SHOWN_VERSIONS = 5  # how many earlier versions of a section made again it does not bring back
# the sections that, made again, leave alone what the kit's earlier versions showed: the kit field they are kept in
REMEMBERED: dict[str, str] = {SectionName.LOGOS: 'logos', SectionName.TAGLINES: 'taglines'}


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


async def earlier_versions(store: KitStore, kit: BrandKit, *, field: str, limit: int) -> tuple[BrandKit, ...]:
    """The saved kit as each of its last `limit` revisions that changed `field` (a content field: 'logos') left it, the
    most recent first, leaving out any whose `field` is what `kit` has now; none for a kit never saved."""
    revisions = await store.list_revisions(kit.id)
    now = getattr(kit, field)
    versions: list[BrandKit] = []
    for revision in reversed(revisions):
        if len(versions) == limit:
            break
        if field not in revision.sections:
            continue
        version = await store.get_revision(kit.id, revision.number)  # one at a time, up to `limit`
        if version is not None and getattr(version, field) != now:
            versions.append(version)
    return tuple(versions)


async def shown_before(store: KitStore, kit: BrandKit, section: str) -> tuple[BrandKit, ...]:
    """The earlier versions of the saved kit whose `section` is made again, the most recent first, when that section
    reads them (REMEMBERED; none for the others, and for a kit never saved)."""
    field = REMEMBERED.get(section)
    return () if field is None else await earlier_versions(store, kit, field=field, limit=SHOWN_VERSIONS)
