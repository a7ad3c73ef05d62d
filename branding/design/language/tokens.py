"""Plain text as words, commas and stops; the proper nouns and the keywords of a text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex

from branding.design.language.cleaning import _is_title_word, has_word_chars, plain_text
from branding.design.language.counting import _CJK_RUN
from branding.design.language.lexicon import lexicon, third_person_lemma

_TOKEN = regex.compile(
    r"(?P<word>[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’.\-/&+][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*\+*|&)"
    r'|(?P<comma>[,、])'
    r'|(?P<stop>[.;:!?()\[\]{}"“”«»|。！？…]|\s[-–—]\s|[–—])'
)
_POSSESSIVE = regex.compile(r"['’]s$", regex.IGNORECASE)
_KANJI_OR_KATAKANA = regex.compile(r'[\p{Han}\p{Katakana}\u30fc]{2,}')


@dataclass(frozen=True, kw_only=True, slots=True)
class Token:
    kind: str  # 'word', 'comma' or 'stop'
    text: str
    starts_sentence: bool = False

    @property
    def folded(self) -> str:
        return self.text.casefold()

    @property
    def is_word(self) -> bool:
        return self.kind == 'word'


@lru_cache(maxsize=512)
def tokenise(text: str) -> tuple[Token, ...]:
    """Words, commas and clause stops of plain text, each word marked when it starts a sentence (cached: the reader
    looks at the same description several times)."""
    tokens: list[Token] = []
    sentence_start = True
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or 'stop'
        if kind == 'word':
            tokens.append(Token(kind=kind, text=match.group(), starts_sentence=sentence_start))
            sentence_start = False
        else:
            tokens.append(Token(kind=kind, text=match.group().strip()))
            sentence_start = sentence_start or match.group().strip() in {'.', '!', '?', '。', '！', '？', '…'}
    return tuple(tokens)


def proper_nouns_in(texts: Iterable[str]) -> set[str]:
    """Words written with a capital where no sentence starts: names of things ('Stripe', 'Berlin'), case-folded."""
    found: set[str] = set()
    for text in texts:
        for token in tokenise(plain_text(text)):
            if token.is_word and not token.starts_sentence and _is_title_word(token.text):
                found.add(token.folded)
    return found


def _word_form(token: Token, proper: set[str]) -> str:
    if _is_title_word(token.text) and token.starts_sentence and token.folded not in proper:
        return token.text.lower()
    return token.text


def _is_keyword_candidate(word: str) -> bool:
    folded, lex = word.casefold(), lexicon()
    if folded in lex.stopwords or folded in lex.generic_words or not has_word_chars(word):
        return False
    if word.isupper() and len(word) >= 2:  # acronyms: AI, UX, B2B
        return True
    return len(word) >= 3 and not folded.endswith('ly') and not folded.isdigit()


def _looks_like_noun(word: str) -> bool:
    folded, lex = word.casefold(), lexicon()
    plural = folded.endswith('s') and not folded.endswith(('ss', 'us', 'is')) and len(folded) > 3
    return (
        plural or folded in lex.mass_nouns or folded.endswith(lex.noun_suffixes) or (word.isupper() and len(word) >= 2)
    )


def keywords(
    *texts: str, exclude: Iterable[str] = (), proper_nouns: Iterable[str] | None = None, limit: int = 12
) -> list[str]:
    """The meaningful words of `text` in the person's own spelling: noun-like words first (plurals, mass nouns, -ity,
    -ment, ..., acronyms), then by frequency, then by first appearance.

    Stopwords, generic business words ('platform', 'solution'), adverbs in -ly and the `exclude` words (also in their
    '-s' verb form) are dropped. Unspaced Japanese or Chinese text yields its runs of kanji or katakana (mostly content
    words) of two to six characters.
    """
    excluded = {word.casefold() for word in exclude}
    proper = set(proper_nouns) if proper_nouns is not None else proper_nouns_in(texts)
    counts: Counter[str] = Counter()
    forms: dict[str, str] = {}
    tokens = [token for part in texts for token in tokenise(plain_text(part))]
    for token in tokens:
        if not token.is_word:
            continue
        pieces = _KANJI_OR_KATAKANA.findall(token.text) if _CJK_RUN.search(token.text) else [token.text]
        for piece in pieces:
            word = _POSSESSIVE.sub('', piece)
            if _CJK_RUN.search(word) and len(word) > 6:
                continue
            key = word.casefold()
            if not _is_keyword_candidate(word) or key in excluded or third_person_lemma(key) in excluded:
                continue
            counts[key] += 1
            forms.setdefault(
                key, _word_form(Token(kind='word', text=word, starts_sentence=token.starts_sentence), proper)
            )
    order = {key: index for index, key in enumerate(forms)}
    ranked = sorted(counts, key=lambda key: (not _looks_like_noun(forms[key]), -counts[key], order[key]))
    return [forms[key] for key in ranked[:limit]]
