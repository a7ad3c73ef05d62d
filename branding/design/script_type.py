"""Type for the writing systems a brand uses beyond Latin: which installed face sets each one, how it joins the kit's
CSS stacks as the Latin faces' companion, and the words that say why (data/script_type.json).

The catalogue's faces are Latin; a name in Japanese, Arabic or Thai needs a face with those glyphs, and the Latin face
stays as its companion for Latin words, figures and interface text. Browsers pick per character down a stack, so the
script face goes right after the Latin family: Latin letters come from the catalogue face, the rest from the script
face.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel

from branding.design.data_files import TABLE_CONFIG, DataSource, Text, packaged, read_table
from branding.design.font_files import FontLibrary
from branding.design.scripts import LATIN, SERIF_COMPANIONS, Script, ScriptFont, detect_scripts, is_rtl_text

SCRIPT_WEIGHTS = (400, 700)


class ScriptNote(BaseModel):
    model_config = TABLE_CONFIG
    note: Text
    serif_note: Text | None = None  # said of its serif face, where the script has one


class ScriptTypeTable(BaseModel):
    model_config = TABLE_CONFIG
    scripts: dict[str, ScriptNote]


@cache
def script_notes(source: DataSource | None = None) -> ScriptTypeTable:
    return read_table(source or packaged('script_type.json'), ScriptTypeTable)


@dataclass(kw_only=True, slots=True, frozen=True)
class ScriptFace:
    """One installed face and the writing systems it sets for this brand."""

    font: ScriptFont
    scripts: tuple[Script, ...]
    in_name: bool  # the name uses it (else only the description does)

    @property
    def labels(self) -> list[str]:
        return [script.label for script in self.scripts]

    @property
    def rtl(self) -> bool:
        return any(script.rtl for script in self.scripts)


def script_faces(name: str, description: str = '', *, serif: bool = False) -> list[ScriptFace]:
    """The faces the name's and the description's writing systems beyond Latin need, the name's first; scripts one
    face sets (Greek and Cyrillic in Noto Sans) are grouped. Beside a `serif` heading, a script with a serif face
    (Japanese, Chinese, Korean) gets that one."""
    in_name = {script.key for script in detect_scripts(name)}
    grouped: dict[str, list[Script]] = {}
    fonts: dict[str, ScriptFont] = {}
    for script in detect_scripts(name, description):
        if script is LATIN or script.font is None:
            continue
        font = SERIF_COMPANIONS.get(script.font.key, script.font) if serif else script.font
        grouped.setdefault(font.key, []).append(script)
        fonts[font.key] = font
    return [
        ScriptFace(
            font=fonts[key],
            scripts=tuple(scripts),
            in_name=any(script.key in in_name for script in scripts),
        )
        for key, scripts in grouped.items()
    ]


def _css_name(family: str) -> str:
    return f"'{family}'"


def with_script_faces(stack: str, faces: Sequence[ScriptFace]) -> str:
    """`stack` with the script faces right after its first (Latin) family, so browsers set Latin letters in the kit's
    face and the other scripts in theirs. A script face the stack names further down (a sans stack's 'Noto Sans' after
    the system faces) moves up, or the system faces would set those scripts first."""
    if not faces:
        return stack
    first, *rest = stack.split(', ')
    names = [name for name in dict.fromkeys(_css_name(face.font.family) for face in faces) if name != first]
    return ', '.join([first, *names, *(family for family in rest if family not in names)])


def is_served(face: ScriptFace, fonts: FontLibrary) -> bool:
    """Whether this instance serves the face's web files (its @fontsource package) for the studio's specimen."""
    return face.font.web and fonts.is_installed(face.font.family)


def script_direction(name: str) -> Literal['rtl', 'ltr']:
    """How `name` is set: right to left when it is written in right-to-left letters alone."""
    return 'rtl' if is_rtl_text(name) else 'ltr'


def _note(note: ScriptNote, font: ScriptFont) -> str:
    return note.serif_note if font.category == 'serif' and note.serif_note else note.note


def _join(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else f'{", ".join(parts[:-1])} and {parts[-1]}'


def script_rationale(name: str, faces: Sequence[ScriptFace], *, heading: str, body: str) -> str:
    """Why the script faces: which writing systems the brand uses, that the Latin faces lack them, which face sets
    each and how it pairs with the Latin companion; how a right-to-left name is set."""
    if not faces:
        return ''
    notes = script_notes().scripts
    latin = heading if heading == body else f'{heading} and {body}'
    sentences = []
    for face in faces:
        where = f'{name} is written in' if face.in_name else 'The description also uses'
        labels = _join(face.labels)
        note = ' '.join(dict.fromkeys(_note(notes[s.key], face.font) for s in face.scripts if s.key in notes))
        sentences.append(
            f'{where} {labels}, which {latin} cannot set (the catalogue files hold Latin letters only); '
            f'{face.font.family} sets it, with {heading} as its Latin companion for Latin words and figures. {note}'
        )
    if script_direction(name) == 'rtl':
        sentences.append(
            'The name reads right to left: the specimen and the brand book set it so, and logo lockups put the symbol '
            'on its right.'
        )
    return 'Scripts: ' + ' '.join(sentences)
