"""Runs a request's sections concurrently and yields each one the moment it is ready."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncGenerator, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from branding.chain import ProviderChain
from branding.design.font_files import FontLibrary
from branding.design.symbols.icon_set import IconLibrary
from branding.images.kit_paintings import ImagePainted, KitPaintings
from branding.images.painter import Painter, Painting
from branding.models import (
    OFFLINE_PROVIDER,
    BrandingRequest,
    BrandKit,
    CompanyProfile,
    SectionProvenance,
    SectionStatus,
)
from branding.prompts import chat_request
from branding.registry import SECTIONS, AnySpec, SectionInputs, SectionSpec, sections_for
from branding.seeding import fresh_seed

V = TypeVar('V')

OFFLINE_MODEL = 'design-engine'


@dataclass(kw_only=True, slots=True)
class SectionStarted:
    section: str


@dataclass(kw_only=True, slots=True)
class SectionText:
    """Text of a streaming section so far (a retry on another provider starts again from the beginning)."""

    section: str
    text: str


@dataclass(kw_only=True, slots=True)
class SectionDone:
    section: str
    provenance: SectionProvenance
    kit: BrandKit


@dataclass(kw_only=True, slots=True)
class KitDone:
    kit: BrandKit
    late: tuple[asyncio.Task[Painting], ...] = ()  # paintings still under way: add each to the saved kit when in


KitEvent = SectionStarted | SectionText | SectionDone | ImagePainted | KitDone


@dataclass(kw_only=True, slots=True)
class KitContext:
    """What every section of one kit shares: sections wait on the values of the sections they are built on."""

    request: BrandingRequest
    seed: int
    fonts: FontLibrary
    icons: IconLibrary
    chain: ProviderChain | None = None
    basis_seed: int = -1  # the kit's own seed: a regenerated section keeps the palette and type it was built on
    before: BrandKit | None = None  # the kit a regenerated section was made for, as it was: not to repeat itself
    shown: tuple[BrandKit, ...] = ()  # that kit's earlier versions, the most recent first: not to bring back either
    made: tuple[str, ...] = ()  # the sections this kit makes
    values: dict[str, asyncio.Future[Any]] = field(default_factory=dict)  # theirs, as each is stored

    def __post_init__(self) -> None:
        self.made = sections_for(self.request.focus)

    def future(self, name: str) -> asyncio.Future[Any]:
        if name not in self.values:
            self.values[name] = asyncio.get_running_loop().create_future()
        return self.values[name]

    def resolve(self, name: str, value: Any) -> None:
        future = self.future(name)
        if not future.done():
            future.set_result(value)

    def inputs(self, spec: AnySpec) -> SectionInputs:
        return Inputs(context=self, spec=spec, seed=self.seed)

    async def value_of(self, spec: SectionSpec[V, Any]) -> V:
        if spec.name in self.made:
            return cast(V, await asyncio.shield(self.future(spec.name)))
        # a section this kit does not make, built the way the kit's own seed builds it (each time: it is cheap and
        # pure, and a shared future could outlive the task that made it)
        basis = Inputs(context=self, spec=spec, seed=self.seed if self.basis_seed < 0 else self.basis_seed)
        return await spec.offline(basis)

    async def value_if_made(self, spec: SectionSpec[V, Any]) -> V | None:
        if spec.name in self.made:
            return cast(V, await asyncio.shield(self.future(spec.name)))
        return None


@dataclass(kw_only=True, slots=True, frozen=True)
class Inputs:
    """One section's view of its kit: what its builders read (SectionInputs); only the sections it `needs`."""

    context: KitContext
    spec: AnySpec
    seed: int

    @property
    def profile(self) -> CompanyProfile:
        return self.context.request.company_profile

    @property
    def count(self) -> int:
        return self.context.request.num_variations

    @property
    def fonts(self) -> FontLibrary:
        return self.context.fonts

    @property
    def icons(self) -> IconLibrary:
        return self.context.icons

    @property
    def before(self) -> BrandKit | None:
        return self.context.before

    @property
    def shown(self) -> Sequence[BrandKit]:
        return self.context.shown

    def _check(self, needed: AnySpec) -> None:
        if needed.name not in self.spec.needs:
            raise LookupError(f'section {self.spec.name!r} reads {needed.name!r} but does not list it in `needs`')

    async def value(self, spec: SectionSpec[V, Any]) -> V:
        self._check(spec)
        return await self.context.value_of(spec)

    async def value_if_made(self, spec: SectionSpec[V, Any]) -> V | None:
        self._check(spec)
        return await self.context.value_if_made(spec)


Emit = Callable[[KitEvent], None]


async def _drafted_section(
    spec: AnySpec, context: KitContext, chain: ProviderChain, emit: Emit
) -> tuple[Any | None, SectionProvenance]:
    """The section as a language model wrote it and the design engine corrected it, or None when every provider
    failed (the provenance note then says why)."""
    inputs = context.inputs(spec)
    shown = spec.said_before(inputs) if spec.said_before is not None else []
    chat = chat_request(spec, inputs.profile, inputs.count, shown=shown)
    show = spec.streams
    on_text = None if show is None else lambda text: emit(SectionText(section=spec.name, text=show(text)))
    outcome = await chain.run(spec.name, chat, spec.parser(inputs), on_text=on_text)
    if outcome.value is None:
        return None, outcome.provenance
    value, notes = await spec.finish(outcome.value, inputs)
    provenance = outcome.provenance
    if notes:
        provenance = provenance.model_copy(update={'note': '; '.join(filter(None, [provenance.note, *notes]))})
    return value, provenance


async def _run_section(spec: AnySpec, context: KitContext, kit: BrandKit, emit: Emit) -> None:
    section = spec.name
    emit(SectionStarted(section=section))
    started = time.perf_counter()
    value: Any | None = None
    provenance: SectionProvenance | None = None
    if context.chain is not None and context.chain.providers:
        value, provenance = await _drafted_section(spec, context, context.chain, emit)
    if value is None:
        value = await spec.offline(context.inputs(spec))
        provenance = SectionProvenance(
            status=SectionStatus.OK if provenance is None else SectionStatus.FALLBACK,
            provider=OFFLINE_PROVIDER,
            model=OFFLINE_MODEL,
            latency_ms=round((time.perf_counter() - started) * 1000),
            attempts=1 if provenance is None else provenance.attempts + 1,
            note='' if provenance is None else provenance.note,
        )
    assert provenance is not None
    if spec.input_notes and (input_notes := spec.input_notes(context.request.company_profile)):
        provenance = provenance.model_copy(update={'note': '; '.join(filter(None, [provenance.note, *input_notes]))})
    spec.put(kit, value)
    context.resolve(section, value)
    kit.sections[section] = provenance
    emit(SectionDone(section=section, provenance=provenance, kit=kit))


async def _until_done(
    events: asyncio.Queue[KitEvent | BaseException], remaining: int, paintings: KitPaintings | None
) -> AsyncGenerator[KitEvent, None]:
    """The kit's events until its `remaining` sections are done and its paintings are in (or out of time)."""
    while remaining:
        event = await events.get()
        if isinstance(event, BaseException):
            raise event
        if isinstance(event, SectionDone):
            remaining -= 1
        if paintings is not None:
            paintings.saw(event)
        yield event
    if paintings is not None:
        async for painted in paintings.settle(events):
            yield painted


async def stream_kit(
    request: BrandingRequest,
    *,
    chain: ProviderChain | None = None,
    fonts: FontLibrary,
    icons: IconLibrary,
    painter: Painter | None = None,
    resume: BrandKit | None = None,
) -> AsyncGenerator[KitEvent, None]:
    """Yield section events in completion order, then KitDone. Closing the iterator cancels the unfinished work.

    Without a `chain` (or with one that has no providers) every section comes from the offline design engine. `fonts`
    is where the engine finds the font files it draws lettering from and says are installed; `icons` the icon set
    logo symbols are drawn from. With a `painter`, each logo concept is painted once the logos are done, beside the
    other sections: ImagePainted events, and KitDone waits at most the painter's budget (the rest come `late`).

    `resume` continues a kit another run began (handed over by a draining instance, branding.handover): its id, seed
    and finished sections are kept and yielded first, as done, and only the missing sections are made."""
    started = time.perf_counter()
    seed = resume.seed if resume is not None else request.seed if request.seed is not None else fresh_seed()
    context = KitContext(request=request, seed=seed, fonts=fonts, icons=icons, chain=chain)
    kit = (
        resume.model_copy(deep=True)
        if resume is not None
        else BrandKit(
            company_id=request.company_id,
            company_name=request.company_profile.name,
            seed=seed,
            focus=request.focus,
            num_variations=request.num_variations,
        )
    )
    events: asyncio.Queue[KitEvent | BaseException] = asyncio.Queue()

    def emit(event: KitEvent) -> None:
        events.put_nowait(event)

    paintings = KitPaintings(painter=painter, kit=kit, kit_seed=seed, emit=emit) if painter else None

    async def run(spec: AnySpec) -> None:
        try:
            await _run_section(spec, context, kit, emit)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # reaches the consumer instead of vanishing in a task
            events.put_nowait(error)

    finished = [name for name in context.made if name in kit.sections and SECTIONS[name].present(kit)]
    for name in finished:  # a resumed kit's sections: the ones still to make read them as they were made
        context.resolve(name, SECTIONS[name].get(kit))
        emit(SectionStarted(section=name))
        emit(SectionDone(section=name, provenance=kit.sections[name], kit=kit))
    missing = [name for name in context.made if name not in finished]
    tasks = [asyncio.create_task(run(SECTIONS[name]), name=f'brandsmith-{name}') for name in missing]
    try:
        async with contextlib.aclosing(_until_done(events, len(context.made), paintings)) as until_done:
            async for event in until_done:
                yield event
        kit.generation_time_seconds = round(time.perf_counter() - started, 3)
        yield KitDone(kit=kit, late=paintings.hand_over() if paintings is not None else ())
    finally:
        if paintings is not None:
            await paintings.cancel()
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task


async def regenerate_section(
    request: BrandingRequest,
    kit: BrandKit,
    section: str,
    *,
    chain: ProviderChain | None = None,
    fonts: FontLibrary,
    icons: IconLibrary,
    seed: int | None = None,
    shown: Sequence[BrandKit] = (),
) -> SectionDone:
    """Make one section again with a fresh seed (or `seed`), on the sections (palette, type, taglines) the kit already
    has, and unlike the kit's version of it (new logo concepts draw other symbols), nor, while there are other ideas,
    like the versions the kit had before (`shown`: earlier revisions, the most recent first). The section is put into
    `kit` itself."""
    seed = fresh_seed() if seed is None else seed
    before = kit.model_copy(deep=True)
    context = KitContext(
        request=request,
        seed=seed,
        fonts=fonts,
        icons=icons,
        basis_seed=kit.seed,
        chain=chain,
        before=before,
        shown=tuple(shown),
    )
    for name in context.made:
        if SECTIONS[name].present(kit):
            context.resolve(name, SECTIONS[name].get(kit))
    done: list[SectionDone] = []

    def keep(event: KitEvent) -> None:
        if isinstance(event, SectionDone):
            done.append(event)

    await _run_section(SECTIONS[section], context, kit, keep)
    return done[0]


async def generate_kit(
    request: BrandingRequest, *, chain: ProviderChain | None = None, fonts: FontLibrary, icons: IconLibrary
) -> BrandKit:
    async for event in stream_kit(request, chain=chain, fonts=fonts, icons=icons):
        if isinstance(event, KitDone):
            return event.kit
    raise RuntimeError('the section stream ended without a kit')
