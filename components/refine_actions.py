"""The studio's refine levers, made by the same functions the API's routes call (branding.refine): choices and locks
(`apply_choices`, as PATCH), regenerating the rest (`regenerate_rest`), a change by instruction (`refine_section`),
and undo (`restore_revision` of the version before, as the API's restore). Each change is read and saved through
branding.refine.apply as the API's are: as the kit's next revision only onto the revision it was made from, choices
applied again when another change landed meanwhile; nothing here talks HTTP.

Heavy work leaves the event loop: re-deriving a palette or a type system from picks runs in a thread (`run.io_bound`),
regenerating and refining already hand their drawing to threads."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from nicegui import run

from branding.models import BrandKit
from branding.refine.apply import KitNotSaved, change_saved_kit, owned_kit, save_change
from branding.refine.choices import Chosen, KitChoices, apply_choices
from branding.refine.history import Revised, restore_revision
from branding.refine.instructions import Asked
from branding.refine.picks import PickContext
from branding.refine.prompted import Chain, refine_section
from branding.refine.rest import Rest, elements, regenerate_rest
from branding.registry import SECTIONS, in_reading_order
from branding.seeding import fresh_seed
from branding.service import KitService
from branding.stores.base import Lever, NotOwnerError, RevisionConflictError, StoredKit

CONFLICT = 'The kit changed meanwhile (in another tab?): look again and redo the change.'
NOT_OWNER = 'This kit belongs to someone else: only its owner can change it.'
CHOICE_SECTIONS = {'chosen_logo': 'logos', 'starred_taglines': 'taglines'}


class RefineProblem(Exception):
    """A change that could not be made, in words for the owner."""


@contextmanager
def refused() -> Iterator[None]:
    """A change branding.refine.apply refused, told in words for the owner (a ChoiceError passes as it is: the
    controls name its fields)."""
    try:
        yield
    except RevisionConflictError:
        raise RefineProblem(CONFLICT) from None
    except NotOwnerError:
        raise RefineProblem(NOT_OWNER) from None
    except KitNotSaved:
        raise RefineProblem('This kit is no longer saved.') from None


async def _in_thread(kit: BrandKit, choices: KitChoices, context: PickContext) -> Chosen:
    """Choices applied off the event loop: re-deriving a palette or a type system from picks is heavy."""
    chosen = await run.io_bound(apply_choices, kit, choices, context)
    if chosen is None:  # the app is shutting down
        raise RefineProblem('The studio is shutting down.')
    return chosen


@dataclass(kw_only=True, slots=True, frozen=True)
class UndoStep:
    """An undo: the revision it made, and the older revision it made the kit again."""

    made: int
    restored: int


def undo_target(latest: int, last_undo: UndoStep | None) -> int:
    """The revision an undo makes the kit again: the one before the kit now, or, right after an undo, the one before
    the revision that undo restored (so undo keeps stepping back instead of undoing itself). 0: nothing to undo."""
    if last_undo is not None and last_undo.made == latest:
        return last_undo.restored - 1
    return latest - 1


def quoted_instruction(text: str) -> str:
    flat = ' '.join(text.split())
    return f'"{flat[:80]}…"' if len(flat) > 80 else f'"{flat}"'


def changed_sections(old: BrandKit, new: BrandKit) -> list[str]:
    """The sections whose cards show something else in `new`: their content or provenance, a choice on them (the
    chosen logo, starred taglines) or a lock on them or one of their elements; in reading order."""
    changed = {
        name
        for name, spec in SECTIONS.items()
        if spec.get(old) != spec.get(new) or old.sections.get(name) != new.sections.get(name)
    }
    changed.update(
        section for choice, section in CHOICE_SECTIONS.items() if getattr(old, choice) != getattr(new, choice)
    )
    changed.update(lock.partition('.')[0] for lock in set(old.locks) ^ set(new.locks))
    return [name for name in in_reading_order(changed) if name in new.sections]


@dataclass(kw_only=True, slots=True)
class KitRefiner:
    """The levers of one studio page, acting for the browser that owns the kit."""

    service: KitService
    owner: str
    _undone: dict[str, UndoStep] = field(default_factory=dict)

    async def _own(self, kit_id: str) -> tuple[StoredKit, int | None]:
        """The saved kit and its latest revision (read first: a change landing after it shows as a conflict)."""
        with refused():
            owned = await owned_kit(self.service.store, kit_id, owner=self.owner)
        return owned.stored, owned.revision

    async def change(self, kit_id: str, choices: KitChoices) -> Revised:
        """Choices and locks applied to the kit as saved, as a new revision, applied again to a kit changed meanwhile
        (ChoiceError naming each field that does not fit, the kit unchanged then)."""
        with refused():
            return await change_saved_kit(
                self.service.store, kit_id, choices, owner=self.owner, fonts=self.service.fonts, apply=_in_thread
            )

    async def regenerate_rest(self, kit_id: str, *, seed: int | None = None) -> Revised:
        """Everything the kit has not locked made again with a new seed."""
        stored, based_on = await self._own(kit_id)
        kit = stored.kit
        rest = Rest(
            request=stored.request,
            seed=fresh_seed() if seed is None else seed,
            fonts=self.service.fonts,
            icons=self.service.icons,
            chain=self.service.chain,
        )
        renewed = await regenerate_rest(kit, rest)
        summary = f'Regenerated everything but {", ".join(kit.locks)}' if kit.locks else 'Regenerated everything'
        return await self._once(Chosen(kit=renewed, lever=Lever.REGENERATE, summary=summary), based_on)

    async def refine(self, kit_id: str, section: str, instruction: str) -> Revised:
        """`section` changed as `instruction` asks (NotUnderstood, NeedsProvider or ProvidersFailed when it cannot
        be)."""
        stored, based_on = await self._own(kit_id)
        if section in stored.kit.locks:
            raise RefineProblem(f'The {section} is locked: unlock it to change it.')
        asked = Asked(
            instruction=instruction,
            profile=stored.request.company_profile,
            fonts=self.service.fonts,
            locked=frozenset(elements(stored.kit.locks, section)),
        )
        via = Chain(request=stored.request, chain=self.service.chain, icons=self.service.icons)
        refined = await refine_section(stored.kit, section, asked, via)
        summary = f'{section.capitalize()}: {quoted_instruction(instruction)} ({", ".join(refined.rules)})'
        return await self._once(Chosen(kit=refined.kit, lever=Lever.INSTRUCTION, summary=summary), based_on)

    async def _once(self, chosen: Chosen, based_on: int | None) -> Revised:
        with refused():
            return await save_change(self.service.store, chosen, owner=self.owner, based_on=based_on)

    async def undo(self, kit_id: str) -> tuple[int, Revised]:
        """The version before the kit now made the kit again, as a new revision (a restore, as the API's); right
        after an undo, the one before that. The number restored, and the new revision."""
        _, latest = await self._own(kit_id)
        target = undo_target(latest or 0, self._undone.get(kit_id))
        if target < 1:
            raise RefineProblem('Nothing to undo: this is the kit as it was made.')
        with refused():
            restored = await restore_revision(self.service.store, kit_id, target, owner=self.owner)
        if restored is None:
            raise RefineProblem(f'Version {target} is no longer saved.')
        self._undone[kit_id] = UndoStep(made=restored.revision.number, restored=target)
        return target, restored
