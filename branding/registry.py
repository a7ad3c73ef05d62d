"""One home per section: what each section of a brand kit asks a model for, how it is built and where it lives.

A `SectionSpec` holds everything the rest of the app needs to know about one section: its title, the focus that asks
for it alone, the task its prompt gives a language model, the schema of the reply and how a reply is made true by the
design engine, how the offline engine builds it, the sections it is built on, where the kit keeps it and what the API
sends for it. The orchestrator, the prompts, the API and the studio read this table; none of them names a section.

Adding a section: its module under `branding/sections/`, its card in `components/cards/`, one entry in SECTIONS below
(and one in `components.kit_view.CARDS`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar, cast

from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from branding import drafts
from branding.design.font_files import FontLibrary
from branding.design.language import inferred_values_notes
from branding.design.symbols.icon_set import IconLibrary
from branding.models import (
    BrandKit,
    ColorPalette,
    CompanyProfile,
    Focus,
    LogoConcept,
    LogoStyle,
    SectionName,
    Tagline,
    Typography,
)
from branding.sections.guidelines import build_offline_guidelines
from branding.sections.logos import DrawnBefore, build_offline_logos, drawn_before
from branding.sections.palette import build_offline_palette
from branding.sections.taglines import build_offline_taglines, dedupe_key
from branding.sections.typography import build_offline_typography

T = TypeVar('T')  # a section's value, as the kit keeps it
D = TypeVar('D')  # what a model's reply parses into, before the design engine finishes it
V = TypeVar('V')


class SectionInputs(Protocol):
    """What a section is built from: the request, the seed, the installed font files and icon set, and the values of
    the sections it needs."""

    @property
    def profile(self) -> CompanyProfile: ...

    @property
    def count(self) -> int: ...

    @property
    def seed(self) -> int: ...

    @property
    def fonts(self) -> FontLibrary: ...

    @property
    def icons(self) -> IconLibrary: ...

    @property
    def before(self) -> BrandKit | None:
        """The kit whose section is being made again, as it was (None while a kit is made): what a section that
        should not repeat itself reads."""
        ...

    @property
    def shown(self) -> Sequence[BrandKit]:
        """Earlier versions of that kit, the most recent first (none while a kit is made, nor for a kit never saved):
        what its owner was shown before, which a section made again does not bring back while it has other ideas."""
        ...

    async def value(self, spec: SectionSpec[V, Any]) -> V:
        """The value of a section this one is built on: this kit's own, or made offline on the kit's seed."""
        ...

    async def value_if_made(self, spec: SectionSpec[V, Any]) -> V | None:
        """The value of a section this one reads when the kit has it, else None."""
        ...


@dataclass(kw_only=True, slots=True, frozen=True)
class KitSlot(Generic[T]):
    """Where a kit keeps a section's value: one of the kit's own fields, or its `extensions` by section name."""

    field: str | None = None  # None: kit.extensions[<section name>]

    def get(self, kit: BrandKit, name: str) -> T | None:
        value: T | None = getattr(kit, self.field) if self.field else cast(T | None, kit.extensions.get(name))
        return value

    def put(self, kit: BrandKit, name: str, value: T) -> None:
        if self.field:
            setattr(kit, self.field, value)
        else:
            kit.extensions[name] = to_jsonable_python(value)


@dataclass(kw_only=True, slots=True, frozen=True)
class SectionSpec(Generic[T, D]):
    name: str
    title: str
    task: Callable[[int], str]  # what the prompt asks a model for, given how many variations
    draft: type[BaseModel]  # the JSON schema the reply must match
    parser: Callable[[SectionInputs], Callable[[str], D]]  # a reply the chain may ask to repair raises ValueError
    finish: Callable[[D, SectionInputs], Awaitable[tuple[T, list[str]]]]  # the parsed reply made true, with notes
    offline: Callable[[SectionInputs], Awaitable[T]]  # the design engine's own version
    slot: KitSlot[T]
    focus: Focus | None = None  # the focus that asks for this section alone (every section is in Focus.ALL)
    needs: tuple[str, ...] = ()  # the sections whose values its builders read
    max_tokens: int = 1500
    streams: Callable[[str], str] | None = None  # a reply so far, as text to show while it streams in
    # what the section's provenance says about its inputs, however it was made ('values inferred from ...')
    input_notes: Callable[[CompanyProfile], list[str]] | None = None
    # made again through a model: what its owner was shown before, quoted in the prompt not to be repeated
    said_before: Callable[[SectionInputs], list[str]] | None = None

    def get(self, kit: BrandKit) -> T | None:
        return self.slot.get(kit, self.name)

    def put(self, kit: BrandKit, value: T) -> None:
        self.slot.put(kit, self.name, value)

    def present(self, kit: BrandKit) -> bool:
        """Whether the kit has something to show for this section (an empty list or blank text is nothing)."""
        value = self.get(kit)
        return bool(value.strip()) if isinstance(value, str) else bool(value) if value is not None else False

    def payload(self, kit: BrandKit) -> Any:
        """The section as JSON data, as the API and its event stream send it."""
        return to_jsonable_python(self.get(kit))


async def _as_is(value: T, _inputs: SectionInputs) -> tuple[T, list[str]]:
    return value, []


async def _with_notes(value: tuple[T, list[str]], _inputs: SectionInputs) -> tuple[T, list[str]]:
    return value


# --- the sections, in the order a kit reads best in -------------------------------------------------------------------

PALETTE: SectionSpec[ColorPalette, ColorPalette] = SectionSpec(
    name=SectionName.PALETTE,
    title='Colour palette',
    focus=Focus.PALETTE,
    task=lambda _count: (
        'Propose the brand colour palette: primary, secondary, accent and neutral as hex codes. Choose hues, '
        'saturation and lightness for this industry, tone and values, and explain each colour by the '
        'association it carries for this audience (cite the association, not mysticism). Say how to use them.'
    ),
    draft=drafts.PaletteDraft,
    parser=lambda inputs: drafts.palette_parser(inputs.profile),
    finish=_as_is,
    offline=lambda inputs: asyncio.to_thread(build_offline_palette, inputs.profile, inputs.seed),
    slot=KitSlot(field='color_palette'),
)

TYPOGRAPHY: SectionSpec[Typography, Typography] = SectionSpec(
    name=SectionName.TYPOGRAPHY,
    title='Typography',
    focus=Focus.TYPOGRAPHY,
    task=lambda _count: (
        'Choose a heading, body and accent font, each a real open-licence Google Fonts family. Explain the '
        'pairing (contrast of structure, shared proportions) and give pairing recommendations for at least '
        'four contexts such as website hero, product UI, long-form reading and social posts.'
    ),
    draft=drafts.TypographyDraft,
    parser=lambda inputs: drafts.typography_parser(inputs.profile, inputs.fonts),
    finish=_as_is,
    offline=lambda inputs: asyncio.to_thread(build_offline_typography, inputs.profile, inputs.seed, fonts=inputs.fonts),
    slot=KitSlot(field='typography'),
)


def _lines_shown(inputs: SectionInputs) -> list[str]:
    """The lines the kit and its earlier versions showed, the kit's first (none while a kit is made)."""
    if inputs.before is None:
        return []
    versions = (inputs.before, *inputs.shown)
    lines = {dedupe_key(tagline.text): tagline.text for version in versions for tagline in version.taglines}
    return list(lines.values())


def _said_before(inputs: SectionInputs) -> tuple[frozenset[str], frozenset[str]]:
    """The lines shown before when the kit's taglines are made again, which new ones should not repeat: everything the
    kit and its earlier versions had, and the kit's own (a locked line is kept as it is, and the new ones stay unlike
    it too). Nothing while a kit is made."""
    shown = frozenset(dedupe_key(line) for line in _lines_shown(inputs))
    on_screen = inputs.before.taglines if inputs.before else []
    current = frozenset(dedupe_key(tagline.text) for tagline in on_screen)
    return shown, current


def _offline_taglines(inputs: SectionInputs) -> Awaitable[list[Tagline]]:
    avoid, current = _said_before(inputs)
    return asyncio.to_thread(
        build_offline_taglines, inputs.profile, inputs.count, inputs.seed, avoid=avoid, current=current
    )


TAGLINES: SectionSpec[list[Tagline], tuple[list[Tagline], list[str]]] = SectionSpec(
    name=SectionName.TAGLINES,
    title='Taglines',
    focus=Focus.TAGLINES,
    task=lambda count: (
        f'Write {count} distinct taglines of at most 10 words each, in the brand tone, built from the '
        "company's own words and values, each with its tone and a one-sentence explanation."
    ),
    draft=drafts.TaglinesDraft,
    parser=lambda inputs: drafts.taglines_parser(inputs.profile, inputs.count, inputs.seed),
    finish=_with_notes,
    offline=_offline_taglines,
    said_before=_lines_shown,
    slot=KitSlot(field='taglines'),
    input_notes=inferred_values_notes,
)


def _drawn_before(inputs: SectionInputs) -> DrawnBefore:
    """The symbols the kit's concepts drew when its logos are made again: a locked concept's are taken, the others'
    avoided, so new concepts show other symbols, and those of the kit's earlier versions next (nothing while a kit is
    made)."""
    if inputs.before is None:
        return DrawnBefore()
    prefix = f'{SectionName.LOGOS}.'
    locked = {int(lock.removeprefix(prefix)) for lock in inputs.before.locks if lock.startswith(prefix)}
    shown = [version.logos for version in inputs.shown]
    return drawn_before(inputs.profile, inputs.before.logos, locked, icons=inputs.icons, shown=shown)


def _model_logos(
    draft: drafts.LogosDraft, inputs: SectionInputs, palette: ColorPalette, typography: Typography
) -> tuple[list[LogoConcept], list[str]]:
    return drafts.drawn_logos(
        draft,
        profile=inputs.profile,
        palette=palette,
        typography=typography,
        fonts=inputs.fonts,
        icons=inputs.icons,
        count=inputs.count,
        seed=inputs.seed,
        before=_drawn_before(inputs),
    )


async def _drawn_logos(draft: drafts.LogosDraft, inputs: SectionInputs) -> tuple[list[LogoConcept], list[str]]:
    palette, typography = await asyncio.gather(inputs.value(PALETTE), inputs.value(TYPOGRAPHY))
    return await asyncio.to_thread(_model_logos, draft, inputs, palette, typography)


def _new_logos(inputs: SectionInputs, palette: ColorPalette, typography: Typography) -> list[LogoConcept]:
    """The design engine's concepts; made again, they show other symbols than the kit's, and none of a locked one's."""
    before = _drawn_before(inputs)
    return build_offline_logos(
        inputs.profile,
        palette,
        typography,
        inputs.count,
        inputs.seed,
        fonts=inputs.fonts,
        icons=inputs.icons,
        taken=before.taken,
        avoid=before.avoid,
        shown=before.shown,
    )


async def _offline_logos(inputs: SectionInputs) -> list[LogoConcept]:
    palette, typography = await asyncio.gather(inputs.value(PALETTE), inputs.value(TYPOGRAPHY))
    return await asyncio.to_thread(_new_logos, inputs, palette, typography)


LOGOS: SectionSpec[list[LogoConcept], drafts.LogosDraft] = SectionSpec(
    name=SectionName.LOGOS,
    title='Logo concepts',
    focus=Focus.LOGOS,
    task=lambda count: (
        f'Write {count} distinct logo concepts, each with a different style from: '
        f'{", ".join(style.value for style in LogoStyle)}. For each, '
        'describe the mark a designer should draw (shapes, letterforms, composition) and why it fits.'
    ),
    draft=drafts.LogosDraft,
    parser=lambda _inputs: drafts.logos_parser(),
    finish=_drawn_logos,
    offline=_offline_logos,
    needs=(SectionName.PALETTE, SectionName.TYPOGRAPHY),
    slot=KitSlot(field='logos'),
)


async def _true_guidelines(draft: drafts.GuidelinesDraft, inputs: SectionInputs) -> tuple[str, list[str]]:
    palette, typography = await asyncio.gather(inputs.value(PALETTE), inputs.value(TYPOGRAPHY))
    return drafts.true_guidelines(draft.markdown, palette, typography), []


async def _offline_guidelines(inputs: SectionInputs) -> str:
    palette, typography = await asyncio.gather(inputs.value(PALETTE), inputs.value(TYPOGRAPHY))
    taglines = await inputs.value_if_made(TAGLINES)
    return await asyncio.to_thread(build_offline_guidelines, inputs.profile, palette, typography, taglines, inputs.seed)


GUIDELINES: SectionSpec[str, drafts.GuidelinesDraft] = SectionSpec(
    name=SectionName.GUIDELINES,
    title='Brand guidelines',
    task=lambda _count: (
        'Write the brand guidelines in Markdown (no HTML) with these sections: mission and values, '
        "personality (3-5 traits), voice and tone with Do and Don't example sentences, visual identity, "
        "logo usage (clear space, minimum size, misuse), do's and don'ts, and application examples. Put "
        'the whole Markdown document in the "markdown" field.'
    ),
    draft=drafts.GuidelinesDraft,
    parser=lambda _inputs: drafts.guidelines_parser(),
    finish=_true_guidelines,
    offline=_offline_guidelines,
    needs=(SectionName.PALETTE, SectionName.TYPOGRAPHY, SectionName.TAGLINES),
    max_tokens=3000,
    streams=drafts.streamed_markdown,
    slot=KitSlot(field='brand_guidelines'),
    input_notes=inferred_values_notes,
)

AnySpec = SectionSpec[Any, Any]
SECTIONS: dict[str, AnySpec] = {spec.name: spec for spec in (LOGOS, PALETTE, TYPOGRAPHY, TAGLINES, GUIDELINES)}


def spec(name: str) -> AnySpec:
    return SECTIONS[name]


def sections_for(focus: Focus) -> tuple[str, ...]:
    """The sections a request with `focus` makes, in reading order: all of them for Focus.ALL."""
    return tuple(name for name, spec in SECTIONS.items() if focus in {Focus.ALL, spec.focus})


def in_reading_order(names: Collection[str]) -> list[str]:
    """The registered sections among `names`, in the registry's order."""
    return [name for name in SECTIONS if name in names]


def title(name: str) -> str:
    return spec(name).title
