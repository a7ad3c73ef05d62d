"""A language model's reply, made true: each draft is validated, then passed through the design engine."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, Field, StringConstraints

from branding.design.font_files import FontLibrary
from branding.design.symbols.icon_set import IconLibrary
from branding.llm_json import parse_reply
from branding.models import (
    ColorPalette,
    CompanyProfile,
    FontPairing,
    LogoConcept,
    LogoStyle,
    Tagline,
    Typography,
)
from branding.sections.guidelines import visual_identity_markdown
from branding.sections.logos import DrawnBefore, build_offline_logos, logo_concept_from, symbol_plan
from branding.sections.palette import complete_palette
from branding.sections.taglines import clean_taglines
from branding.sections.typography import complete_typography

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class PaletteDraft(BaseModel):
    primary: ShortText = Field(description='Hex colour, e.g. #1d4ed8')
    secondary: ShortText
    accent: ShortText
    neutral: ShortText
    psychology: dict[str, Text] = Field(description='For each of primary, secondary, accent, neutral: why this colour')
    usage_guidelines: Text
    rationale: Text


class PairingDraft(BaseModel):
    context: ShortText
    recommendation: Text


class TypographyDraft(BaseModel):
    heading_font: ShortText = Field(description='A Google Fonts family name')
    body_font: ShortText
    accent_font: ShortText
    rationale: Text
    pairings: list[PairingDraft] = Field(min_length=1, max_length=8)


class LogoDraft(BaseModel):
    style: LogoStyle
    description: Text
    rationale: Text


class LogosDraft(BaseModel):
    concepts: list[LogoDraft] = Field(min_length=1, max_length=10)


class TaglineDraft(BaseModel):
    text: ShortText
    tone: ShortText
    explanation: Text


class TaglinesDraft(BaseModel):
    taglines: list[TaglineDraft] = Field(min_length=1, max_length=20)


class GuidelinesDraft(BaseModel):
    markdown: Annotated[str, StringConstraints(strip_whitespace=True, min_length=200, max_length=30000)]


def palette_parser(profile: CompanyProfile) -> Callable[[str], ColorPalette]:
    """Colours that cannot be read raise ValueError here, so the chain asks the model to repair its reply."""

    def parse(text: str) -> ColorPalette:
        draft = parse_reply(text, PaletteDraft)
        return complete_palette(
            draft.primary,
            draft.secondary,
            draft.accent,
            draft.neutral,
            profile=profile,
            psychology=draft.psychology,
            usage_guidelines=draft.usage_guidelines,
            rationale=draft.rationale,
        )

    return parse


def typography_parser(profile: CompanyProfile, fonts: FontLibrary) -> Callable[[str], Typography]:
    def parse(text: str) -> Typography:
        draft = parse_reply(text, TypographyDraft)
        return complete_typography(
            draft.heading_font,
            draft.body_font,
            draft.accent_font,
            profile=profile,
            fonts=fonts,
            rationale=draft.rationale,
            pairings=[FontPairing(context=item.context, recommendation=item.recommendation) for item in draft.pairings],
        )

    return parse


def taglines_parser(profile: CompanyProfile, count: int, seed: int) -> Callable[[str], tuple[list[Tagline], list[str]]]:
    def parse(text: str) -> tuple[list[Tagline], list[str]]:
        draft = parse_reply(text, TaglinesDraft)
        candidates = [
            Tagline(id='', text=item.text, tone=item.tone, explanation=item.explanation) for item in draft.taglines
        ]
        cleaned = clean_taglines(candidates, count, profile=profile, seed=seed)
        return cleaned.taglines, cleaned.notes

    return parse


def logos_parser() -> Callable[[str], LogosDraft]:
    return lambda text: parse_reply(text, LogosDraft)


def guidelines_parser() -> Callable[[str], GuidelinesDraft]:
    return lambda text: parse_reply(text, GuidelinesDraft)


# PLR0913: the model's draft, the kit parts its concepts are drawn from, the engines, and the symbols drawn before
def drawn_logos(  # noqa: PLR0913
    draft: LogosDraft,
    *,
    profile: CompanyProfile,
    palette: ColorPalette,
    typography: Typography,
    fonts: FontLibrary,
    icons: IconLibrary,
    count: int,
    seed: int,
    before: DrawnBefore | None = None,
) -> tuple[list[LogoConcept], list[str]]:
    """The model's concepts drawn in the kit's palette and fonts: styles kept distinct, missing ones made offline.
    Made again, their symbols leave a locked concept's alone and draw the old concepts' only when nothing else fits
    (`before`, from `branding.sections.logos.drawn_before`)."""
    before = before or DrawnBefore()
    notes: list[str] = []
    concepts = draft.concepts[:count]
    unused = [style for style in LogoStyle if style not in {concept.style for concept in concepts}]
    seen: set[LogoStyle] = set()
    styles: list[LogoStyle] = []
    for index, concept in enumerate(concepts):
        style = concept.style
        if style in seen and unused:
            style = unused.pop(0)
            notes.append(f'concept {index + 1} repeated the {concept.style.value} style; drawn as {style.value}')
        seen.add(style)
        styles.append(style)
    # the same chooser as the design engine's concepts
    plan = symbol_plan(profile, styles, seed, icons=icons, taken=before.taken, avoid=before.avoid, shown=before.shown)
    logos: list[LogoConcept] = []
    for index, (concept, style, symbol) in enumerate(zip(concepts, styles, plan, strict=True)):
        logos.append(
            logo_concept_from(
                style,
                description=concept.description,
                rationale=concept.rationale,
                profile=profile,
                palette=palette,
                typography=typography,
                fonts=fonts,
                seed=seed,
                index=index,
                symbol=symbol,
            )
        )
    if len(logos) < count:
        drawn = {symbol.choice.icon for symbol in plan if symbol is not None} | before.taken
        extra = build_offline_logos(
            profile,
            palette,
            typography,
            count,
            seed,
            fonts=fonts,
            icons=icons,
            taken=drawn,
            avoid=before.avoid,
            shown=before.shown,
        )
        taken = {logo.style for logo in logos}
        fillers = [logo for logo in extra if logo.style not in taken] + [logo for logo in extra if logo.style in taken]
        for logo in fillers[: count - len(logos)]:
            logos.append(logo.model_copy(update={'id': f'logo-{len(logos) + 1}'}))
        notes.append(f'the model wrote {len(concepts)} of {count} concepts; the design engine drew the rest')
    return logos, notes


_VISUAL_HEADING = re.compile(r'^#{1,3}\s.*(visual|colou?r|typograph)', re.IGNORECASE)
_ANY_TOP_HEADING = re.compile(r'^#{1,2}\s')


def true_guidelines(markdown: str, palette: ColorPalette | None, typography: Typography | None) -> str:
    """The model's guidelines with its visual-identity section replaced by the kit's real palette and type."""
    kept: list[str] = []
    skipping = False
    for line in markdown.strip().splitlines():
        if _VISUAL_HEADING.match(line):
            skipping = True
            continue
        if skipping and _ANY_TOP_HEADING.match(line):
            skipping = False
        if not skipping:
            kept.append(line)
    return '\n'.join(kept).rstrip() + '\n\n' + visual_identity_markdown(palette, typography)


_MARKDOWN_FIELD = re.compile(r'"markdown"\s*:\s*"')


def streamed_markdown(partial_json: str) -> str:
    """The Markdown written so far inside a partial `{"markdown": "..."}` reply, for showing it as it streams."""
    match = _MARKDOWN_FIELD.search(partial_json)
    if match is None:
        return ''
    body = partial_json[match.end() :]
    end = re.search(r'(?<!\\)(?:\\\\)*"', body)
    if end is not None:
        body = body[: end.end() - 1]
    # cut an escape sequence that has not fully arrived yet, then let the JSON decoder do the unescaping
    body = re.sub(r'\\(u[0-9a-fA-F]{0,3})?$', '', body)
    try:
        return str(json.loads(f'"{body}"'))
    except json.JSONDecodeError:
        return body.replace('\\n', '\n')


@cache
def draft_schema(draft: type[BaseModel]) -> dict[str, Any]:
    """Built once per draft model: pydantic takes milliseconds to write a schema, and every call sends one."""
    return draft.model_json_schema()
