"""How a line sounds: length, rhythm, alliteration and parallel beats; clichés and dangling endings ruled out.

A pure score in (0, 1.3] that multiplies a candidate's weight, so the lines that read aloud well are chosen more often
without any one shape crowding out the rest.
"""

from __future__ import annotations

from functools import cache

import regex

from branding.design.language import lexicon
from branding.sections.taglines.phrases import tagline_phrases

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’-]*")
_CONJUNCTIONS = frozenset({'and', 'or', 'but', 'nor'})
_VOWEL_GROUPS = regex.compile(r'[aeiouy]+')
_SENTENCES = regex.compile(r'(?<=[.!?])\s+')
_PICTOGRAPH = r'(?![©®™‼⁉])[\p{Extended_Pictographic}\p{Emoji_Presentation}\p{Regional_Indicator}]'
# a pictograph with its modifiers, variation selector and zero-width-joined partners; a joiner between letters (as
# in Devanagari or Persian) is left alone
_EMOJI = regex.compile(rf'{_PICTOGRAPH}(?:[\uFE0F\u20E3\p{{Emoji_Modifier}}]|\u200D{_PICTOGRAPH})*|[\uFE0F\u20E3]')


def without_emoji(text: str) -> str:
    """`text` with emoji (and their joiners and variation selectors) taken out, spaces collapsed."""
    return ' '.join(_EMOJI.sub(' ', text).split())


@cache
def _cliche_pattern() -> regex.Pattern[str]:
    phrases = sorted(tagline_phrases().cliches, key=len, reverse=True)
    return regex.compile(r'(?<!\w)(?:' + '|'.join(regex.escape(p) for p in phrases) + r')(?!\w)', regex.IGNORECASE)


def is_cliche(text: str) -> bool:
    return _cliche_pattern().search(text) is not None


def _syllables(word: str) -> int:
    folded = word.casefold()
    groups = len(_VOWEL_GROUPS.findall(folded))
    if folded.endswith('e') and not folded.endswith(('le', 'ee')) and groups > 1:
        groups -= 1
    return max(groups, 1)


def _length_score(count: int) -> float:
    if 3 <= count <= 7:
        return 1.0
    return {1: 0.5, 2: 0.85, 8: 0.85, 9: 0.7, 10: 0.6}.get(count, 0.5)


def _rhythm_score(words: list[str]) -> float:
    if not all(word.isascii() for word in words):
        return 1.0  # syllables are counted for English spelling only
    total = sum(_syllables(word) for word in words)
    return 1.0 if 4 <= total <= 13 else 0.85


def _content_words(words: list[str]) -> list[str]:
    stopwords = lexicon().stopwords
    return [word.casefold() for word in words if len(word) > 2 and word.casefold() not in stopwords]


def _alliterates(content: list[str]) -> bool:
    initials = [word[0] for word in content if word[0] not in 'aeiou' and word[0].isascii()]
    return len(initials) != len(set(initials))


def _parallel(text: str) -> bool:
    beats = [len(_WORD.findall(sentence)) for sentence in _SENTENCES.split(text) if sentence]
    return len(beats) >= 2 and len(set(beats)) == 1


def sound_score(text: str) -> float:
    """How well the line reads aloud; 0.0 for a cliché."""
    if is_cliche(text):
        return 0.0
    words = _WORD.findall(text)
    if not words:
        return 0.0
    score = _length_score(len(words)) * _rhythm_score(words)
    content = _content_words(words)
    if _alliterates(content):
        score *= 1.15
    if _parallel(text):
        score *= 1.1
    lex = lexicon()
    if words[-1].casefold() in lex.prepositions | lex.determiners | _CONJUNCTIONS:
        score *= 0.3  # 'Made for the.' ends on nothing
    return score
