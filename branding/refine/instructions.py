"""Refine a section by a free-text instruction, offline: common instructions ('warmer', 'less saturated', 'more
playful type') found in the text and mapped to concrete parameter changes by a data table (refine_instructions.json).

Palette rules move every base colour in OKLCH (hue toward a target, lightness by a step, chroma by a factor); the moved
colours go through the palette's own completion, so every contrast and colour-vision guarantee holds as for any palette.
Typography rules choose a face for the named roles from the catalogue (a category, tags to prefer, heavier or lighter
weights), and the system is completed around it with its pairing rationale rewritten."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, Field

from branding.design.color import from_oklch, to_oklch
from branding.design.data_files import TABLE_CONFIG, DataSource, Text, Texts, packaged, read_table
from branding.design.font_files import FontLibrary
from branding.design.typography import Category, FontEntry, Role, catalogue
from branding.models import BrandKit, ColorPalette, CompanyProfile, SectionName, Typography
from branding.refine.choices import PALETTE_ROLES
from branding.refine.recolour import logos_in_palette
from branding.sections.palette import complete_palette
from branding.sections.typography import complete_typography, fit, read_brief

MAX_INSTRUCTION_LENGTH = 300
LIGHTNESS_RANGE = (0.08, 0.97)
MAX_CHROMA = 0.37
TAG_WEIGHT = 3.0


class PaletteRule(BaseModel):
    model_config = TABLE_CONFIG

    name: Text
    phrases: Texts
    hue_toward: Annotated[float, Field(ge=0, lt=360)] | None = None
    hue_step: Annotated[float, Field(gt=0, le=180)] = 30.0
    lightness: Annotated[float, Field(ge=-0.5, le=0.5)] = 0.0
    chroma_factor: Annotated[float, Field(gt=0, le=3)] = 1.0


class TypographyRule(BaseModel):
    model_config = TABLE_CONFIG

    name: Text
    phrases: Texts
    roles: Annotated[tuple[Literal['heading', 'body', 'accent'], ...], Field(min_length=1)]
    category: Category | None = None
    tags: tuple[Text, ...] = ()
    heavier: bool | None = None


class InstructionTable(BaseModel):
    model_config = TABLE_CONFIG

    palette: Annotated[tuple[PaletteRule, ...], Field(min_length=1)]
    typography: Annotated[tuple[TypographyRule, ...], Field(min_length=1)]


def load_instruction_table(source: DataSource | None = None) -> InstructionTable:
    return read_table(source or packaged('refine_instructions.json'), InstructionTable)


@cache
def instruction_table() -> InstructionTable:
    return load_instruction_table()


R = TypeVar('R', PaletteRule, TypographyRule)


class NotUnderstood(ValueError):
    """No rule of the section's table matches the instruction."""


def _words(text: str) -> str:
    return ' '.join(re.findall(r'[^\W_]+(?:-[^\W_]+)*', text.casefold()))


def matched_rules(instruction: str, rules: Sequence[R]) -> list[R]:
    """The rules whose phrases the instruction says, longest phrase first, each word read once ('less warm' is not
    'warm'); in the order the instruction says them."""
    text = f' {_words(instruction)} '
    phrases = sorted(
        ((f' {_words(phrase)} ', rule) for rule in rules for phrase in rule.phrases), key=lambda item: -len(item[0])
    )
    found: list[tuple[int, R]] = []
    for phrase, rule in phrases:
        start = text.find(phrase)
        while start != -1:
            found.append((start, rule))
            end = start + len(phrase) - 1
            text = text[:start] + ' ' + '#' * (end - start - 1) + text[end:]
            start = text.find(phrase)
    ordered: list[R] = []
    for _, rule in sorted(found, key=lambda item: item[0]):
        if rule not in ordered:
            ordered.append(rule)
    return ordered


# --- palette ---------------------------------------------------------------------------------------------------------


def hue_toward(hue: float, target: float, step: float) -> float:
    """`hue` moved by at most `step` degrees along the shorter arc toward `target`."""
    difference = (target - hue + 540.0) % 360.0 - 180.0
    return (hue + math.copysign(min(abs(difference), step), difference)) % 360.0


def moved_color(hex_color: str, rule: PaletteRule) -> str:
    lightness, chroma, hue = to_oklch(hex_color)
    if rule.hue_toward is not None:
        hue = hue_toward(hue, rule.hue_toward, rule.hue_step)
    lightness = min(max(lightness + rule.lightness, LIGHTNESS_RANGE[0]), LIGHTNESS_RANGE[1])
    chroma = min(chroma * rule.chroma_factor, MAX_CHROMA)
    return from_oklch(lightness, chroma, hue)


def refined_palette(
    palette: ColorPalette,
    rules: Sequence[PaletteRule],
    profile: CompanyProfile,
    *,
    locked: frozenset[str] = frozenset(),
) -> ColorPalette:
    """The palette with each rule's move applied to its base colours (but the `locked` roles), completed with the
    usual fixes."""
    bases = {role: str(getattr(palette, role)) for role in PALETTE_ROLES}
    for rule in rules:
        bases = {role: color if role in locked else moved_color(color, rule) for role, color in bases.items()}
    return complete_palette(bases['primary'], bases['secondary'], bases['accent'], bases['neutral'], profile=profile)


# --- typography ------------------------------------------------------------------------------------------------------


def _score(entry: FontEntry, rule: TypographyRule, role: Role, profile: CompanyProfile) -> float:
    score = TAG_WEIGHT * len(set(rule.tags) & entry.traits) + fit(entry, read_brief(profile), role)
    if rule.heavier is not None:
        score += (max(entry.weights) if rule.heavier else -min(entry.weights)) / 300.0
    return score


def face_for(rule: TypographyRule, role: Role, current: str, profile: CompanyProfile) -> FontEntry | None:
    """The catalogue face that best answers the rule in `role`, other than the current one (None when none does)."""
    candidates = [
        entry
        for entry in catalogue().families
        if role in entry.roles
        and entry.family != current
        and (rule.category is None or entry.category == rule.category)
        and not (role == 'body' and not entry.text_face)
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda entry: (_score(entry, rule, role, profile), entry.family))


def refined_typography(
    typography: Typography,
    rules: Sequence[TypographyRule],
    profile: CompanyProfile,
    fonts: FontLibrary,
    *,
    locked: frozenset[str] = frozenset(),
) -> Typography:
    """The type with each rule's roles (but the `locked` ones) set in the face that best answers it, the system
    completed around them."""
    families: dict[Role, str] = {
        'heading': typography.heading_font,
        'body': typography.body_font,
        'accent': typography.accent_font,
    }
    for rule in rules:
        for role in (role for role in rule.roles if role not in locked):
            entry = face_for(rule, role, families[role], profile)
            if entry is not None:
                families[role] = entry.family
    return complete_typography(families['heading'], families['body'], families['accent'], profile=profile, fonts=fonts)


# --- a kit -----------------------------------------------------------------------------------------------------------


@dataclass(kw_only=True, slots=True, frozen=True)
class Refined:
    kit: BrandKit
    rules: list[str]  # the names of the rules applied, in the instruction's order


@dataclass(kw_only=True, slots=True, frozen=True)
class Asked:
    """An instruction for one section of a kit, with what it must leave alone."""

    instruction: str
    profile: CompanyProfile
    fonts: FontLibrary
    locked: frozenset[str] = frozenset()  # the section's locked elements ('primary', 'heading')


def _refine_palette(kit: BrandKit, asked: Asked) -> Refined:
    rules = matched_rules(asked.instruction, instruction_table().palette)
    if not rules or kit.color_palette is None:
        raise NotUnderstood(_not_understood(instruction_table().palette))
    palette = refined_palette(kit.color_palette, rules, asked.profile, locked=asked.locked)
    return Refined(kit=kit.model_copy(update={'color_palette': palette}), rules=[rule.name for rule in rules])


def _refine_typography(kit: BrandKit, asked: Asked) -> Refined:
    rules = matched_rules(asked.instruction, instruction_table().typography)
    if not rules or kit.typography is None:
        raise NotUnderstood(_not_understood(instruction_table().typography))
    typography = refined_typography(kit.typography, rules, asked.profile, asked.fonts, locked=asked.locked)
    return Refined(kit=kit.model_copy(update={'typography': typography}), rules=[rule.name for rule in rules])


def _not_understood(rules: Sequence[PaletteRule | TypographyRule]) -> str:
    return f'No change the offline engine understands; try {", ".join(rule.name for rule in rules)}'


REFINERS: dict[str, Callable[[BrandKit, Asked], Refined]] = {
    SectionName.PALETTE: _refine_palette,
    SectionName.TYPOGRAPHY: _refine_typography,
}


OFFLINE_SECTIONS = tuple(REFINERS)


def refine_offline(kit: BrandKit, section: str, asked: Asked) -> Refined:
    """The kit with `section` changed as the instruction asks (NotUnderstood when no rule matches, KeyError for a
    section the offline engine does not refine by instruction)."""
    refined = REFINERS[section](kit.model_copy(deep=True), asked)
    return Refined(kit=logos_in_palette(kit, refined.kit), rules=refined.rules)  # marks follow a new palette
