"""Text hygiene: profile text made safe for SVG, the display name and its initials, attribute and number formats."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from xml.sax.saxutils import escape

import regex

_GRAPHEME = regex.compile(r'\X')
_INITIAL = regex.compile(r'[\p{L}\p{N}]')
# Emoji and pictographs: kept in the kit's words, left out of its marks (a logo draws its letters, not a system's
# emoji artwork). The text symbols that belong to a name's typography stay.
_PICTOGRAPHIC = regex.compile(r'[\p{Extended_Pictographic}\p{Regional_Indicator}\u20e3\ufe0f]')
_TEXT_SYMBOLS = frozenset('©®™')
# XML 1.0 forbids these even escaped; bidi overrides could make a name read differently from what it is.
_NOT_XML_OR_BIDI = re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]')


def clean_text(text: str) -> str:
    """NFC, no characters XML cannot hold, whitespace collapsed: what every piece of profile text goes through."""
    text = _NOT_XML_OR_BIDI.sub('', unicodedata.normalize('NFC', text))
    return ' '.join(text.split())


def without_pictographs(text: str) -> str:
    """`text` (cleaned) without its emoji and pictographs: each grapheme that holds one goes whole, so a flag, a
    keycap or a family joined by ZWJs leaves no stray joiner or skin tone behind."""
    text = clean_text(text)
    if not _PICTOGRAPHIC.search(text):
        return text
    kept = [
        grapheme
        for grapheme in _GRAPHEME.findall(text)
        if grapheme in _TEXT_SYMBOLS or not _PICTOGRAPHIC.search(grapheme)
    ]
    return ' '.join(''.join(kept).split())


@lru_cache(maxsize=1024)
def display_name(name: str) -> str:
    """The name as marks draw it: cleaned, without emoji; '?' when nothing else is left."""
    return without_pictographs(name) or '?'


@lru_cache(maxsize=1024)  # every logo of a kit asks again, with the same name
def initials(name: str) -> str:
    """Monogram letters: first grapheme of the first two words when both are cased letters, else the first one.

    Grapheme clusters keep a base letter with its combining marks or a Devanagari syllable whole; emoji are no
    initials (see `display_name`).
    """
    firsts: list[str] = []
    for word in display_name(name).split():
        graphemes: list[str] = _GRAPHEME.findall(word)
        grapheme = next((g for g in graphemes if _INITIAL.match(g)), None)
        if grapheme is not None:
            firsts.append(grapheme)
    if not firsts:
        whole: list[str] = _GRAPHEME.findall(display_name(name))
        return whole[0]
    first = firsts[0]
    if len(firsts) > 1 and _is_cased(first) and _is_cased(firsts[1]):
        return (first + firsts[1]).upper()
    return first.upper() if _is_cased(first) else first


def _is_cased(grapheme: str) -> bool:
    return grapheme.upper() != grapheme.lower()


def _attr(value: str) -> str:
    return escape(value, {'"': '&quot;'})


def _n(value: float) -> str:
    text = f'{value:.2f}'.rstrip('0').rstrip('.')
    return '0' if text in ('-0', '') else text
