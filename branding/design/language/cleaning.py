"""Clean user and model text: no markup, one space between words, mid-sentence casing and tidy punctuation."""

from __future__ import annotations

import html
from collections.abc import Iterable
from functools import lru_cache

import regex

from branding.design.language.lexicon import lexicon

_SCRIPT_BLOCK = regex.compile(r'<(script|style)\b[^>]*>.*?</\1\s*>', regex.IGNORECASE | regex.DOTALL)
_TAG = regex.compile(r'</?[A-Za-z!][^<>]*>')
_MARKDOWN_LINK = regex.compile(r'!?\[([^\]]*)\]\([^)]*\)')
_URL = regex.compile(r'\b(?:https?|ftp|javascript|data|vbscript|mailto):\S*|\bwww\.\S+', regex.IGNORECASE)
_MARKDOWN_MARKS = regex.compile(r'\*+|__+|~~|`+')
_UNDERSCORE_EMPHASIS = regex.compile(r'(?<![\p{L}\p{N}])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}])')
_CONTROL = regex.compile(r'\p{Cc}')
_EDGE_PUNCTUATION = regex.compile(r'^[\p{P}\s]+|[\p{P}\s]+$')
_HAS_WORD_CHAR = regex.compile(r'[\p{L}\p{N}]')
_SPACE_BEFORE_PUNCTUATION = regex.compile(r'\s+([,.;:!?…])')


def collapse_spaces(text: str) -> str:
    return ' '.join(text.split())


def has_word_chars(text: str) -> bool:
    return bool(_HAS_WORD_CHAR.search(text))


@lru_cache(maxsize=1024)
def plain_text(text: str) -> str:
    """The readable words of user or model text: no HTML tags, Markdown marks, links or URLs, one space between words.

    Entities are decoded first so that '&lt;b&gt;' is treated like the tag it spells.
    """
    text = html.unescape(_CONTROL.sub(' ', text))
    text = _SCRIPT_BLOCK.sub(' ', text)
    text = _TAG.sub(' ', text)
    text = _MARKDOWN_LINK.sub(r'\1', text)
    text = _URL.sub(' ', text)
    text = _UNDERSCORE_EMPHASIS.sub(r'\1', _MARKDOWN_MARKS.sub('', text))
    return _SPACE_BEFORE_PUNCTUATION.sub(r'\1', collapse_spaces(text))


_LIST_MARKER = regex.compile(r'^\s*(?:[-*+•·▪◦‣>]+|\(?\d{1,2}\s*[.):\]]|#{1,6})\s+')


def strip_list_marker(text: str) -> str:
    """'1. Clarity', '- Clarity', '## Clarity' -> 'Clarity': numbering and bullets are formatting, not words."""
    return _LIST_MARKER.sub('', text, count=1)


def trim_edge_punctuation(text: str) -> str:
    return _EDGE_PUNCTUATION.sub('', text)


def _is_title_word(word: str) -> bool:
    return len(word) >= 2 and word[0].isupper() and word[1:].islower()


def _has_inner_capital(word: str) -> bool:
    return word[1:] != word[1:].lower()


def capitalise_first(text: str) -> str:
    """Upper-case the first letter, leaving stylised words such as 'iPhone' or 'eBay' alone."""
    first = text[:1]
    if first.isupper() or first.isdigit():
        return text
    for index, char in enumerate(text):
        if char.isalpha():
            first_word = text[index:].split(' ', 1)[0]
            if char.islower() and not _has_inner_capital(first_word):
                return f'{text[:index]}{char.upper()}{text[index + 1 :]}'
            return text
        if char.isdigit():
            return text
    return text


def inline_case(phrase: str, proper_nouns: Iterable[str] = ()) -> str:
    """A phrase as it should read mid-sentence: 'Personal Finance' -> 'personal finance', but 'AI', 'GitHub' and
    known proper nouns keep their capitals.

    A capitalised first word is assumed to be capitalised only because it started the field; a phrase where every
    word is capitalised is assumed to be title-styled.
    """
    proper = {word.casefold() for word in proper_nouns}
    words = phrase.split(' ')
    lettered = [word for word in words if any(char.isalpha() for char in word)]
    small_words = lexicon().small_words
    title_styled = len(lettered) > 1 and all(
        _is_title_word(word) or word.casefold() in small_words for word in lettered
    )
    cased = []
    for index, word in enumerate(words):
        if _is_title_word(word) and (index == 0 or title_styled) and word.casefold() not in proper:
            cased.append(word.lower())
        else:
            cased.append(word)
    return ' '.join(cased)


def end_sentence(text: str) -> str:
    """Close a sentence with a full stop unless it already ends in terminal punctuation ('Acme:' -> 'Acme.')."""
    text = text.rstrip().rstrip(',;:-–—').rstrip() or text.strip()
    return text if text.endswith(('.', '!', '?', '…', '。', '！', '？')) else f'{text}.'


def join_naturally(items: Iterable[str]) -> str:
    """'a', 'a and b', 'a, b and c' (house style: no serial comma)."""
    listed = list(items)
    if len(listed) <= 1:
        return ''.join(listed)
    return f'{", ".join(listed[:-1])} and {listed[-1]}'


def quoted(text: str) -> str:
    return f'“{text}”'


def with_article(phrase: str) -> str:
    """'a fintech', 'an e-commerce', 'an AI' (by the sound of the first letter, which is right for these words)."""
    article = 'an' if phrase[:1].casefold() in {'a', 'e', 'i', 'o'} or phrase.startswith(('AI', 'ML')) else 'a'
    return f'{article} {phrase}'


_DOUBLED_STOP = regex.compile(r'(?<![.])([.!?])\.(?=\s|$)')
_UNTIDY = regex.compile(r'\s\s|^\s|\s$|[^\S ]|\s[,.;:!?…]|[.!?]\.')


def tidy_sentence(text: str) -> str:
    """One space between words, no space before punctuation, and no 'Inc..' when a name already ends a sentence."""
    if not _UNTIDY.search(text):  # most sentences are already tidy; skip the rewriting
        return text
    return _DOUBLED_STOP.sub(r'\1', _SPACE_BEFORE_PUNCTUATION.sub(r'\1', collapse_spaces(text)))
