"""Bidi levels and drawing order (UAX #9), from python-bidi: the pure-Python implementation of the algorithm, the one
that exposes the resolved levels. Marks and the brand book both put right-to-left runs in order with these."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from functools import lru_cache

import regex
from bidi import algorithm as uba

from branding.design.scripts import has_rtl

_LTR_CHAR = regex.compile(r'\p{Bidi_Class=L}')
_BIDI_CHAR = regex.compile(r'[\p{Bidi_Class=R}\p{Bidi_Class=AL}\p{Bidi_Class=AN}]')  # what makes a level odd
# Embeddings, overrides and isolates are not honoured: a name with an override would read differently from what it is
_EXPLICIT = str.maketrans(dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)], '\u200b'))


def _known(text: str) -> str:
    """`text` with the characters this Python's Unicode tables do not know (they have no bidi class, which
    python-bidi cannot resolve) as U+FFFD, a neutral of the same length."""
    return ''.join(char if unicodedata.bidirectional(char) else '\ufffd' for char in text)


@lru_cache(maxsize=1024)
def bidi_levels(text: str) -> tuple[int, ...]:
    """The resolved embedding level of each character (UAX #9 up to I2): even for left-to-right, odd for right-to-left.

    The paragraph is right-to-left when its strong letters are all right-to-left (a name on its own), left-to-right
    otherwise: the book is written left to right, so an Arabic name inside an English sentence stays a run within it.
    """
    if _BIDI_CHAR.search(text) is None:
        return (0,) * len(text)
    base = 1 if has_rtl(text) and _LTR_CHAR.search(text) is None else 0
    storage = uba.get_empty_storage()
    storage['base_level'], storage['base_dir'] = base, 'LR'[base]
    uba.get_embedding_levels(_known(text).translate(_EXPLICIT), storage)  # the zero-width space is dropped (X9)
    for index, char in enumerate(storage['chars']):
        char['index'] = index
    uba.explicit_embed_and_overrides(storage)  # drops the explicit embeddings and BN characters (rule X9)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    resolved = {char['index']: char['level'] for char in storage['chars']}
    levels: list[int] = []
    for index in range(len(text)):
        levels.append(resolved.get(index, levels[-1] if levels else base))  # a dropped character joins its neighbour
    return tuple(levels)


def visual_order(levels: Sequence[int]) -> list[int]:
    """The indices of items at `levels` in drawing order (rule L2), for the items of one line."""
    if not levels or max(levels) == 0:
        return list(range(len(levels)))
    items = [{'level': level, 'index': index} for index, level in enumerate(levels)]
    odd = [level for level in levels if level % 2]
    uba.reverse_contiguous_sequence(items, 0, len(items) - 1, max(levels), min(odd) if odd else max(levels) + 1)
    return [item['index'] for item in items]


def level_runs(text: str, levels: Sequence[int]) -> Iterator[tuple[str, int]]:
    """`text` cut where its bidi level changes, as (piece, level)."""
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or levels[index] != levels[start]:
            yield text[start:index], levels[start]
            start = index
