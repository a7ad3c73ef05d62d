"""The owner's choices on a kit, as pure functions: the chosen logo, starred taglines, a tagline's text edited in place
(cleaned and checked like a model's line), and locks on sections and elements that regenerating keeps.

A lock is a section name ('logos', 'taglines', 'palette', 'typography', 'guidelines') or one element of a section:
a colour role ('palette.primary'), a font role ('typography.heading'), a logo concept by index ('logos.1') or a tagline
by id ('taglines.<id>')."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from branding.design.language import has_word_chars
from branding.images.trace_mark import traceable, with_trace_as_mark
from branding.models import BrandKit, SectionName
from branding.refine.picks import (
    FontRole,
    PaletteRole,
    PickContext,
    colour_problem,
    family_problem,
    picked_palette,
    picked_typography,
)
from branding.refine.recolour import logos_in_palette
from branding.sections.taglines.cleaning import clean_line
from branding.sections.taglines.lines import MAX_TAGLINE_WORDS, dedupe_key, fits
from branding.stores.base import Lever

PALETTE_ROLES = ('primary', 'secondary', 'accent', 'neutral')
FONT_ROLES = ('heading', 'body', 'accent')
LOCKABLE_SECTIONS = tuple(str(name) for name in SectionName)
MAX_LOCKS = 64

ShortText = Annotated[str, StringConstraints(min_length=1, max_length=64)]
LockName = Annotated[str, StringConstraints(min_length=1, max_length=80)]
TaglineText = Annotated[str, StringConstraints(max_length=200)]
ColourText = Annotated[str, StringConstraints(min_length=1, max_length=64)]


class PrimaryMark(BaseModel):
    """Make a logo concept's painting, traced to vectors, its mark: its files (and the board, mockups, favicons
    and logo pack drawn from them) become the trace's, and it becomes the chosen logo."""

    model_config = ConfigDict(extra='forbid')

    logo: int = Field(ge=0, le=99, description='The logo concept, by index')
    source: Literal['trace'] = Field(default='trace', description="The painting's trace to vectors")


class KitChoices(BaseModel):
    """A PATCH of a kit: each part optional; a part sent replaces that choice (`chosen_logo: null` clears it)."""

    model_config = ConfigDict(extra='forbid')

    chosen_logo: int | None = Field(default=None, ge=0, le=99, description='The logo concept that is the logo')
    starred_taglines: list[ShortText] | None = Field(default=None, max_length=10, description='Tagline ids starred')
    taglines: dict[ShortText, TaglineText] | None = Field(
        default=None, max_length=10, description="New text for taglines, by tagline id (cleaned like a model's line)"
    )
    locks: list[LockName] | None = Field(default=None, max_length=MAX_LOCKS, description='What regenerating keeps')
    palette: dict[PaletteRole, ColourText] | None = Field(
        default=None, description='Base colours picked by role (hex or CSS colour); the palette is re-derived from them'
    )
    typography: dict[FontRole, ShortText] | None = Field(
        default=None, description='Catalogue families picked by role; the type system is completed around them'
    )
    primary_mark: PrimaryMark | None = Field(default=None, description="A painting's trace as a concept's mark")


@dataclass(kw_only=True, slots=True, frozen=True)
class FieldProblem:
    field: str
    message: str


class ChoiceError(ValueError):
    """Choices that do not fit the kit, each problem by field."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__('; '.join(f'{problem.field}: {problem.message}' for problem in problems))
        self.problems = problems


@dataclass(kw_only=True, slots=True, frozen=True)
class Chosen:
    kit: BrandKit
    lever: Lever
    summary: str


def _element_checks(kit: BrandKit) -> dict[str, Callable[[str], bool]]:
    return {
        'palette': lambda element: element in PALETTE_ROLES and kit.color_palette is not None,
        'typography': lambda element: element in FONT_ROLES and kit.typography is not None,
        'logos': lambda element: element.isdigit() and int(element) < len(kit.logos),
        'taglines': lambda element: any(tagline.id == element for tagline in kit.taglines),
    }


def lock_problem(kit: BrandKit, lock: str) -> str | None:
    """Why `lock` names nothing in the kit, or None when it is a valid lock."""
    section, dot, element = lock.partition('.')
    if section not in LOCKABLE_SECTIONS:
        return f'Unknown section {section!r}: lock one of {", ".join(LOCKABLE_SECTIONS)}, or an element of one'
    if not dot:
        return None
    check = _element_checks(kit).get(section)
    if check is None or not check(element):
        return f'{lock!r} names no element of this kit'
    return None


def edited_tagline(kit: BrandKit, tagline_id: str, raw: str) -> str:
    """The tagline's new text, cleaned as a model's line is; ValueError saying why it cannot be a tagline."""
    text = clean_line(raw)
    if not text or not has_word_chars(text):
        raise ValueError('Write the tagline in words')
    if not fits(text):
        raise ValueError(f'At most {MAX_TAGLINE_WORDS} words')
    if any(other.id != tagline_id and dedupe_key(other.text) == dedupe_key(text) for other in kit.taglines):
        raise ValueError('Another tagline says the same')
    return text


def _problems(kit: BrandKit, choices: KitChoices, fields: set[str]) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    ids = {tagline.id for tagline in kit.taglines}
    if 'chosen_logo' in fields and choices.chosen_logo is not None and choices.chosen_logo >= len(kit.logos):
        problems.append(FieldProblem(field='chosen_logo', message=f'This kit has {len(kit.logos)} logo concepts'))
    for position, tagline_id in enumerate(choices.starred_taglines or []):
        if tagline_id not in ids:
            problems.append(FieldProblem(field=f'starred_taglines.{position}', message='No tagline with this id'))
    for tagline_id, text in (choices.taglines or {}).items():
        if tagline_id not in ids:
            problems.append(FieldProblem(field=f'taglines.{tagline_id}', message='No tagline with this id'))
            continue
        try:
            edited_tagline(kit, tagline_id, text)
        except ValueError as error:
            problems.append(FieldProblem(field=f'taglines.{tagline_id}', message=str(error)))
    for position, lock in enumerate(choices.locks or []):
        if (problem := lock_problem(kit, lock)) is not None:
            problems.append(FieldProblem(field=f'locks.{position}', message=problem))
    return problems + _pick_problems(kit, choices) + _mark_problems(kit, choices)


def _mark_problems(kit: BrandKit, choices: KitChoices) -> list[FieldProblem]:
    mark = choices.primary_mark
    if mark is None:
        return []
    if mark.logo >= len(kit.logos):
        return [FieldProblem(field='primary_mark.logo', message=f'This kit has {len(kit.logos)} logo concepts')]
    if not traceable(kit.logos[mark.logo]):
        return [FieldProblem(field='primary_mark.logo', message='This logo concept has no traced painting')]
    if choices.chosen_logo not in (None, mark.logo):
        return [FieldProblem(field='primary_mark.logo', message='It becomes the chosen logo: choose no other')]
    return []


def _pick_problems(kit: BrandKit, choices: KitChoices) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    for section, picks, check, present in (
        ('palette', choices.palette, colour_problem, kit.color_palette is not None),
        ('typography', choices.typography, family_problem, kit.typography is not None),
    ):
        if picks and not present:
            problems.append(FieldProblem(field=section, message=f'This kit has no {section}'))
            continue
        for role, value in (picks or {}).items():
            if (problem := check(value)) is not None:
                problems.append(FieldProblem(field=f'{section}.{role}', message=problem))
    return problems


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _picks(kit: BrandKit, choices: KitChoices, context: PickContext | None) -> tuple[dict[str, Any], list[str]]:
    """The sections re-derived from picked colours and fonts, and what to say about them."""
    update: dict[str, Any] = {}
    said: list[str] = []
    if (choices.palette or choices.typography) and context is None:
        raise ValueError('picking colours or fonts needs the kit profile and the fonts (a PickContext)')
    if choices.palette and kit.color_palette is not None and context is not None:
        update['color_palette'] = picked_palette(kit.color_palette, choices.palette, context)
        said.append('picked ' + ', '.join(f'{role} {value}' for role, value in choices.palette.items()))
    if choices.typography and kit.typography is not None and context is not None:
        update['typography'] = picked_typography(kit.typography, choices.typography, context)
        said.append('picked ' + ', '.join(f'{role} font {value}' for role, value in choices.typography.items()))
    return update, said


def apply_choices(kit: BrandKit, choices: KitChoices, context: PickContext | None = None) -> Chosen:
    """The kit with `choices` applied, the lever that names the change and a summary of it; ChoiceError when a choice
    does not fit the kit (nothing is applied then). Picked colours and fonts need `context`."""
    fields = set(choices.model_fields_set)
    problems = _problems(kit, choices, fields)
    if problems:
        raise ChoiceError(problems)
    update, said = _picks(kit, choices, context)
    if (mark := choices.primary_mark) is not None:  # the concept whose trace is its mark is the chosen logo
        fields.add('chosen_logo')
        choices = choices.model_copy(update={'chosen_logo': mark.logo})
        traced = with_trace_as_mark(kit, mark.logo).model_copy(update={'symbol': None})  # a trace, drawn from no icon
        update['logos'] = [traced if index == mark.logo else logo for index, logo in enumerate(kit.logos)]
        said.append(f'made the traced painting of logo {mark.logo + 1} its mark')
    lever = Lever.CHOOSE if update else Lever.LOCK
    if choices.locks is not None:
        update['locks'] = _unique(choices.locks)
        said.append(f'locked {", ".join(update["locks"])}' if update['locks'] else 'unlocked everything')
    if 'chosen_logo' in fields:
        update['chosen_logo'] = choices.chosen_logo
        chosen = choices.chosen_logo
        said.append('cleared the logo choice' if chosen is None else f'chose logo {chosen + 1}')
        lever = Lever.CHOOSE
    if choices.starred_taglines is not None:
        update['starred_taglines'] = _unique(choices.starred_taglines)
        said.append(f'starred {len(update["starred_taglines"])} taglines')
        lever = Lever.CHOOSE
    if choices.taglines:
        texts = choices.taglines
        update['taglines'] = [
            tagline.model_copy(update={'text': edited_tagline(kit, tagline.id, texts[tagline.id])})
            if tagline.id in texts
            else tagline
            for tagline in kit.taglines
        ]
        said.append(f'edited {len(texts)} tagline' + ('s' if len(texts) > 1 else ''))
        lever = Lever.EDIT
    summary = '; '.join(said) or 'no change'
    changed = logos_in_palette(kit, kit.model_copy(update=update, deep=True))  # marks follow a picked colour
    return Chosen(kit=changed, lever=lever, summary=summary[:1].upper() + summary[1:])
