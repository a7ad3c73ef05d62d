"""Runs a request's sections concurrently and yields each one the moment it is ready."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any, cast

from branding import drafts
from branding.chain import ProviderChain
from branding.models import (
    OFFLINE_PROVIDER,
    BrandingRequest,
    BrandKit,
    ColorPalette,
    LogoConcept,
    SectionName,
    SectionProvenance,
    SectionStatus,
    Tagline,
    Typography,
)
from branding.prompts import chat_request
from branding.sections.guidelines import build_offline_guidelines
from branding.sections.logos import build_offline_logos
from branding.sections.palette import build_offline_palette
from branding.sections.taglines import build_offline_taglines
from branding.sections.typography import build_offline_typography
from branding.seeding import fresh_seed

OFFLINE_MODEL = 'design-engine'


@dataclass(kw_only=True, slots=True)
class SectionStarted:
    section: SectionName


@dataclass(kw_only=True, slots=True)
class SectionText:
    """Text of a streaming section so far (a retry on another provider starts again from the beginning)."""

    section: SectionName
    text: str


@dataclass(kw_only=True, slots=True)
class SectionDone:
    section: SectionName
    provenance: SectionProvenance
    kit: BrandKit


@dataclass(kw_only=True, slots=True)
class KitDone:
    kit: BrandKit


KitEvent = SectionStarted | SectionText | SectionDone | KitDone


@dataclass(kw_only=True, slots=True)
class KitContext:
    """What every section of one kit shares; later sections wait on the palette and type they build on."""

    request: BrandingRequest
    seed: int
    chain: ProviderChain | None = None
    basis_seed: int = -1  # the kit's own seed: a regenerated section keeps the palette and type it was built on
    palette: asyncio.Future[ColorPalette] = field(default_factory=lambda: asyncio.get_running_loop().create_future())
    typography: asyncio.Future[Typography] = field(default_factory=lambda: asyncio.get_running_loop().create_future())
    taglines: asyncio.Future[list[Tagline]] = field(default_factory=lambda: asyncio.get_running_loop().create_future())

    async def design_palette(self) -> ColorPalette:
        if SectionName.PALETTE in self.request.sections:
            return await asyncio.shield(self.palette)
        return await asyncio.to_thread(build_offline_palette, self.request.company_profile, self._basis_seed)

    async def design_typography(self) -> Typography:
        if SectionName.TYPOGRAPHY in self.request.sections:
            return await asyncio.shield(self.typography)
        return await asyncio.to_thread(build_offline_typography, self.request.company_profile, self._basis_seed)

    @property
    def _basis_seed(self) -> int:
        return self.seed if self.basis_seed < 0 else self.basis_seed

    async def kit_taglines(self) -> list[Tagline] | None:
        if SectionName.TAGLINES in self.request.sections:
            return await asyncio.shield(self.taglines)
        return None


SectionResult = ColorPalette | Typography | list[LogoConcept] | list[Tagline] | str
Emit = Callable[[KitEvent], None]


async def _offline_section(section: SectionName, context: KitContext) -> SectionResult:
    request = context.request
    profile = request.company_profile
    match section:
        case SectionName.PALETTE:
            return await asyncio.to_thread(build_offline_palette, profile, context.seed)
        case SectionName.TYPOGRAPHY:
            return await asyncio.to_thread(build_offline_typography, profile, context.seed)
        case SectionName.TAGLINES:
            return await asyncio.to_thread(build_offline_taglines, profile, request.num_variations, context.seed)
        case SectionName.LOGOS:
            palette, typography = await asyncio.gather(context.design_palette(), context.design_typography())
            return await asyncio.to_thread(
                build_offline_logos, profile, palette, typography, request.num_variations, context.seed
            )
        case SectionName.GUIDELINES:
            palette, typography = await asyncio.gather(context.design_palette(), context.design_typography())
            taglines = await context.kit_taglines()
            return await asyncio.to_thread(
                build_offline_guidelines, profile, palette, typography, taglines, context.seed
            )


def _resolve(future: asyncio.Future[Any], value: Any) -> None:
    if not future.done():
        future.set_result(value)


def _store(kit: BrandKit, context: KitContext, section: SectionName, value: SectionResult) -> None:
    match section:
        case SectionName.PALETTE:
            assert isinstance(value, ColorPalette)
            kit.color_palette = value
            _resolve(context.palette, value)
        case SectionName.TYPOGRAPHY:
            assert isinstance(value, Typography)
            kit.typography = value
            _resolve(context.typography, value)
        case SectionName.TAGLINES:
            kit.taglines = cast(list[Tagline], value)
            _resolve(context.taglines, value)
        case SectionName.LOGOS:
            kit.logos = cast(list[LogoConcept], value)
        case SectionName.GUIDELINES:
            assert isinstance(value, str)
            kit.brand_guidelines = value


async def _drafted_section(
    section: SectionName, context: KitContext, chain: ProviderChain, emit: Emit
) -> tuple[SectionResult | None, SectionProvenance]:
    """The section as a language model wrote it and the design engine corrected it, or None when every provider
    failed (the provenance note then says why)."""
    request = context.request
    profile = request.company_profile
    count = request.num_variations
    chat = chat_request(section, profile, count)
    notes: list[str] = []
    value: SectionResult | None = None
    match section:
        case SectionName.PALETTE:
            palette_outcome = await chain.run(section, chat, drafts.palette_parser(profile))
            value, provenance = palette_outcome.value, palette_outcome.provenance
        case SectionName.TYPOGRAPHY:
            type_outcome = await chain.run(section, chat, drafts.typography_parser(profile))
            value, provenance = type_outcome.value, type_outcome.provenance
        case SectionName.TAGLINES:
            tagline_outcome = await chain.run(section, chat, drafts.taglines_parser(profile, count, context.seed))
            provenance = tagline_outcome.provenance
            if tagline_outcome.value is not None:
                taglines, notes = tagline_outcome.value
                value = taglines
        case SectionName.LOGOS:
            logo_outcome = await chain.run(section, chat, drafts.logos_parser())
            provenance = logo_outcome.provenance
            if logo_outcome.value is not None:
                palette, typography = await asyncio.gather(context.design_palette(), context.design_typography())
                logos, notes = await asyncio.to_thread(
                    drafts.drawn_logos,
                    logo_outcome.value,
                    profile=profile,
                    palette=palette,
                    typography=typography,
                    count=count,
                    seed=context.seed,
                )
                value = logos
        case SectionName.GUIDELINES:

            def show(text: str) -> None:
                emit(SectionText(section=section, text=drafts.streamed_markdown(text)))

            guide_outcome = await chain.run(section, chat, drafts.guidelines_parser(), on_text=show)
            provenance = guide_outcome.provenance
            if guide_outcome.value is not None:
                palette, typography = await asyncio.gather(context.design_palette(), context.design_typography())
                value = drafts.true_guidelines(guide_outcome.value.markdown, palette, typography)
    if notes:
        provenance = provenance.model_copy(update={'note': '; '.join(filter(None, [provenance.note, *notes]))})
    return value, provenance


async def _run_section(section: SectionName, context: KitContext, kit: BrandKit, emit: Emit) -> None:
    emit(SectionStarted(section=section))
    started = time.perf_counter()
    value: SectionResult | None = None
    provenance: SectionProvenance | None = None
    if context.chain is not None and context.chain.providers:
        value, provenance = await _drafted_section(section, context, context.chain, emit)
    if value is None:
        value = await _offline_section(section, context)
        provenance = SectionProvenance(
            status=SectionStatus.OK if provenance is None else SectionStatus.FALLBACK,
            provider=OFFLINE_PROVIDER,
            model=OFFLINE_MODEL,
            latency_ms=round((time.perf_counter() - started) * 1000),
            attempts=1 if provenance is None else provenance.attempts + 1,
            note='' if provenance is None else provenance.note,
        )
    assert provenance is not None
    _store(kit, context, section, value)
    kit.sections[section] = provenance
    emit(SectionDone(section=section, provenance=provenance, kit=kit))


async def stream_kit(request: BrandingRequest, *, chain: ProviderChain | None = None) -> AsyncIterator[KitEvent]:
    """Yield section events in completion order, then KitDone. Closing the iterator cancels the unfinished work.

    Without a `chain` (or with one that has no providers) every section comes from the offline design engine."""
    started = time.perf_counter()
    seed = request.seed if request.seed is not None else fresh_seed()
    context = KitContext(request=request, seed=seed, chain=chain)
    kit = BrandKit(
        company_id=request.company_id,
        company_name=request.company_profile.name,
        seed=seed,
        focus=request.focus,
        num_variations=request.num_variations,
    )
    events: asyncio.Queue[KitEvent | BaseException] = asyncio.Queue()

    def emit(event: KitEvent) -> None:
        events.put_nowait(event)

    async def run(section: SectionName) -> None:
        try:
            await _run_section(section, context, kit, emit)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # reaches the consumer instead of vanishing in a task
            events.put_nowait(error)

    tasks = [asyncio.create_task(run(section), name=f'brandsmith-{section}') for section in request.sections]
    try:
        remaining = len(tasks)
        while remaining:
            event = await events.get()
            if isinstance(event, BaseException):
                raise event
            if isinstance(event, SectionDone):
                remaining -= 1
            yield event
        kit.generation_time_seconds = round(time.perf_counter() - started, 3)
        yield KitDone(kit=kit)
    finally:
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task


async def regenerate_section(
    request: BrandingRequest, kit: BrandKit, section: SectionName, *, chain: ProviderChain | None = None
) -> SectionDone:
    """Make one section again with a fresh seed, on the palette, type and taglines the kit already has."""
    context = KitContext(request=request, seed=fresh_seed(), basis_seed=kit.seed, chain=chain)
    if kit.color_palette is not None:
        _resolve(context.palette, kit.color_palette)
    if kit.typography is not None:
        _resolve(context.typography, kit.typography)
    if kit.taglines:
        _resolve(context.taglines, kit.taglines)
    done: list[SectionDone] = []

    def keep(event: KitEvent) -> None:
        if isinstance(event, SectionDone):
            done.append(event)

    await _run_section(section, context, kit, keep)
    return done[0]


async def generate_kit(request: BrandingRequest, *, chain: ProviderChain | None = None) -> BrandKit:
    async for event in stream_kit(request, chain=chain):
        if isinstance(event, KitDone):
            return event.kit
    raise RuntimeError('the section stream ended without a kit')
