"""Arabic-script text made ready for a renderer that neither shapes nor reorders (ReportLab without its optional
uharfbuzz and rlbidi extras): letters become their contextual presentation forms, and right-to-left runs are put in
visual (left-to-right drawing) order.

The joining forms come from Unicode's own presentation-form blocks, read through `unicodedata`, so no table is kept
here: a letter with an initial or medial form joins on both sides, one with only a final form joins to the letter
before it (alef, dal, reh, waw), and anything else does not join. This is what arabic-reshaper and python-bidi do, for
the single-line text of a brand book (names, headings, short paragraphs); it does not attempt the full bidi algorithm.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache

FORMS = ('isolated', 'final', 'initial', 'medial')
_PRESENTATION_BLOCKS = (range(0xFB50, 0xFE00), range(0xFE70, 0xFEFF))
_LAM = '\u0644'
_ALEFS = frozenset('\u0622\u0623\u0625\u0627')  # the alefs lam joins with into one ligature
_JOIN_CAUSING = frozenset({'\u0640', '\u200d'})  # tatweel and zero-width joiner join on both sides
_MIRRORED = dict(zip('()[]{}<>«»‹›', ')(][}{><»«›‹', strict=True))
_CLOSERS = dict(zip(')]}>»›', '([{<«‹', strict=True))  # closing bracket -> its opener
_RTL_CLASSES = frozenset({'R', 'AL'})
_NUMBER_CLASSES = frozenset({'EN', 'AN'})
_NUMBER_JOINERS = frozenset({'CS', 'ES', 'ET'})  # '.', ',', '+', '%' between digits stay inside the number

Forms = dict[str, str]


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, Forms], dict[str, Forms]]:
    """({letter: {form: presentation char}}, {alef variant: {form: lam-alef ligature}}) from the Unicode data."""
    letters: dict[str, Forms] = {}
    lam_alef: dict[str, Forms] = {}
    for block in _PRESENTATION_BLOCKS:
        for code in block:
            parts = unicodedata.decomposition(chr(code)).split()
            if len(parts) < 2 or parts[0].strip('<>') not in FORMS:
                continue
            form, chars = parts[0].strip('<>'), [chr(int(part, 16)) for part in parts[1:]]
            if len(chars) == 1:
                letters.setdefault(chars[0], {}).setdefault(form, chr(code))
            elif len(chars) == 2 and chars[0] == _LAM and chars[1] in _ALEFS:
                lam_alef.setdefault(chars[1], {}).setdefault(form, chr(code))
    return letters, lam_alef


def joins_both_sides(char: str) -> bool:
    forms = _tables()[0].get(char, {})
    return char in _JOIN_CAUSING or 'initial' in forms or 'medial' in forms


def joins_before(char: str) -> bool:
    """Whether `char` connects to the letter before it (every joining letter does)."""
    forms = _tables()[0].get(char, {})
    return char in _JOIN_CAUSING or 'final' in forms or 'medial' in forms


def is_transparent(char: str) -> bool:
    """Harakat and other marks sit on a letter without breaking its joins."""
    return unicodedata.category(char) in {'Mn', 'Me', 'Cf'} and char not in _JOIN_CAUSING


def _neighbour(text: str, index: int, step: int) -> str | None:
    index += step
    while 0 <= index < len(text) and is_transparent(text[index]):
        index += step
    return text[index] if 0 <= index < len(text) else None


def _form(joined_before: bool, joins_next: bool) -> str:
    return FORMS[(2 if joins_next else 0) + (1 if joined_before else 0)]


def shape_arabic(text: str, has_glyph: Callable[[str], bool] = lambda _: True) -> str:
    """`text` with each Arabic letter in the presentation form its neighbours call for, and lam + alef as their
    ligature; a form the font (`has_glyph`) lacks stays the plain letter. Text in other scripts is unchanged."""
    letters, lam_alef = _tables()
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        before = _neighbour(text, index, -1)
        joined_before = before is not None and joins_both_sides(before) and joins_before(char)
        after_index = index + 1
        while after_index < len(text) and is_transparent(text[after_index]):
            after_index += 1
        after = text[after_index] if after_index < len(text) else None
        if char == _LAM and after in lam_alef and after_index == index + 1:
            ligature = lam_alef[after].get(_form(joined_before, False))
            if ligature and has_glyph(ligature):
                out.append(ligature)
                index += 2
                continue
        joins_next = after is not None and joins_both_sides(char) and joins_before(after)
        shaped = letters.get(char, {}).get(_form(joined_before, joins_next))
        out.append(shaped if shaped and has_glyph(shaped) else char)
        index += 1
    return ''.join(out)


def is_rtl(char: str) -> bool:
    return unicodedata.bidirectional(char) in _RTL_CLASSES


def _units(run: str) -> list[str]:
    """A right-to-left run cut into what keeps its inner order: numbers, and each letter with its marks."""
    units: list[str] = []
    for index, char in enumerate(run):
        kind = unicodedata.bidirectional(char)
        previous = units[-1] if units else ''
        in_number = bool(previous) and unicodedata.bidirectional(previous[-1]) in _NUMBER_CLASSES | _NUMBER_JOINERS
        continues_number = in_number and (kind in _NUMBER_CLASSES or (kind in _NUMBER_JOINERS and index + 1 < len(run)))
        if continues_number or (is_transparent(char) and units):
            units[-1] += char
        else:
            units.append(char)
    # a joiner that ended up last in a number ('12,' before a letter) is punctuation, not part of the number
    return [unit for piece in units for unit in _split_trailing_joiner(piece)]


def _split_trailing_joiner(unit: str) -> list[str]:
    if len(unit) > 1 and unicodedata.bidirectional(unit[-1]) in _NUMBER_JOINERS:
        return [unit[:-1], unit[-1]]
    return [unit]


def _reversed_run(run: str) -> str:
    return ''.join(_MIRRORED.get(unit, unit) for unit in reversed(_units(run)))


def _run_end(text: str, start: int, last_rtl: int, stop: int) -> int:
    """Where a right-to-left run ends: after its last right-to-left letter, or after a closing bracket among the
    neutrals that follow when its opener is inside the run ('(عالم)' is mirrored as one piece)."""
    openers = [char for char in text[start : last_rtl + 1] if char in _CLOSERS.values()]
    end = last_rtl + 1
    for index in range(last_rtl + 1, stop):
        opener = _CLOSERS.get(text[index])
        if opener is None or opener not in openers:
            continue
        openers.remove(opener)
        end = index + 1
    return end


def visual_order(text: str) -> str:
    """`text` (in a left-to-right paragraph) with each right-to-left run reversed for drawing left to right: a run
    goes from one strong right-to-left letter to the last one before the next left-to-right letter, and takes the
    spaces, punctuation and numbers between them; numbers keep their digit order and brackets are mirrored."""
    out: list[str] = []
    start: int | None = None  # where the current right-to-left run began
    last_rtl = -1
    for index, char in enumerate(text + '\n'):  # the sentinel closes a run that reaches the end
        kind = 'L' if index == len(text) else unicodedata.bidirectional(char)
        if kind in _RTL_CLASSES:
            start = index if start is None else start
            last_rtl = index
            continue
        if kind == 'L' and start is not None:
            end = _run_end(text, start, last_rtl, index)
            out += [_reversed_run(text[start:end]), text[end:index]]
            start = None
        if start is None and index < len(text):
            out.append(char)
    return ''.join(out)


def has_rtl(text: str) -> bool:
    return any(is_rtl(char) for char in text)
