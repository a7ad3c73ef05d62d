"""What makes a tagline fit to show: at most ten words, and distinct from the others by more than case or spacing."""

from __future__ import annotations

import string

import regex

from branding.design.language import count_words, trim_to_words

MAX_TAGLINE_WORDS = 10
MAX_TAGLINES = 10

_PUNCTUATION_OR_SYMBOLS = regex.compile(r'[\p{P}\p{S}]+')
_ASCII_PUNCTUATION_TO_SPACE = str.maketrans({char: ' ' for char in string.punctuation})


def dedupe_key(text: str) -> str:
    """Two taglines are the same when they differ only in case, punctuation, symbols or spacing."""
    if text.isascii():
        return ' '.join(text.casefold().translate(_ASCII_PUNCTUATION_TO_SPACE).split())
    return ' '.join(_PUNCTUATION_OR_SYMBOLS.sub(' ', text.casefold()).split())


def fits(text: str) -> bool:
    """At most ten words by count_words, and by a plain split too, so a lone '&' or '—' cannot tip a line over for
    a reader (or a check) that counts every space-separated token."""
    if text.isascii() and text.count(' ') < MAX_TAGLINE_WORDS:  # at most ten tokens, each at most one word
        return True
    return len(text.split()) <= MAX_TAGLINE_WORDS and count_words(text) <= MAX_TAGLINE_WORDS


def trim(text: str) -> str:
    """trim_to_words, tightened until the line also fits a plain split count."""
    limit = MAX_TAGLINE_WORDS
    trimmed = trim_to_words(text, limit)
    while not fits(trimmed) and limit > 1:
        limit -= 1
        trimmed = trim_to_words(text, limit)
    return trimmed


def check_count(count: int) -> None:
    if not 1 <= count <= MAX_TAGLINES:
        raise ValueError(f'count must be between 1 and {MAX_TAGLINES}, not {count}')
