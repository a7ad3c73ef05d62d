"""Count words as a reader would, in spaced and unspaced scripts, and trim text to a word limit at a phrase end."""

from __future__ import annotations

import math

import regex

from branding.design.language.cleaning import collapse_spaces, end_sentence, trim_edge_punctuation
from branding.design.language.lexicon import lexicon

# Chinese and Japanese are written without spaces, so a whole sentence would otherwise count as one word. Their
# average word is about two characters long, hence two characters make a word. Thai, Lao, Khmer and Myanmar are also
# unspaced, with longer words (about four letters).
CJK_CHARACTERS_PER_WORD = 2
SPACELESS_LETTERS_PER_WORD = 4
_CJK_RUN = regex.compile(r'[\p{Han}\p{Hiragana}\p{Katakana}\u30fc\u3005\u3006]+')
_SPACELESS_RUN = regex.compile(r'[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]+')
_LETTER = regex.compile(r'\p{L}')
_COUNTABLE = regex.compile(r'[^\p{P}\p{Z}\p{C}]')
_ASCII_PUNCTUATION = ''.join(chr(code) for code in range(128) if regex.match(r'[\p{P}\p{C}]', chr(code)))


def count_words(text: str) -> int:
    """Words as a reader would count them.

    A whitespace-separated token counts as one word when it holds at least one letter, digit or symbol (so 'AI-first'
    and '$5' are one word each, while a lone '—' or '&' is not a word). Runs of Chinese or Japanese characters count one
    word per two characters (rounded up), Thai-family runs one word per four letters; the rest of a mixed token such as
    'AI搭載' counts as one more word.
    """
    if text.isascii():  # the common case, without the Unicode machinery
        return sum(1 for token in text.split() if token.strip(_ASCII_PUNCTUATION))
    total = 0
    for token in text.split():
        for run in _CJK_RUN.findall(token):
            total += math.ceil(len(run) / CJK_CHARACTERS_PER_WORD)
        for run in _SPACELESS_RUN.findall(token):
            total += math.ceil(len(_LETTER.findall(run)) / SPACELESS_LETTERS_PER_WORD)
        rest = _SPACELESS_RUN.sub(' ', _CJK_RUN.sub(' ', token))
        total += sum(1 for piece in rest.split() if _COUNTABLE.search(piece))
    return total


_STRONG_BREAK = ('.', '!', '?', ';', ':', '…', '。', '！', '？')
_WEAK_BREAK = (',', '、')
_DASHES = ('-', '–', '—')
_TRAILING_JUNK = regex.compile(r'[\s,;:、\-–—/&+]+$')
_CJK_BREAK = regex.compile(r'[、。！？]')


def _trim_unspaced_token(token: str, limit: int) -> str:
    """Cut one long run of Chinese or Japanese text to `limit` words, at its last comma or stop when there is one."""
    kept = ''
    for char in token:
        if count_words(kept + char) > limit:
            break
        kept += char
    breaks = [match.end() for match in _CJK_BREAK.finditer(kept)]
    return kept[: breaks[-1]].rstrip('、') if breaks and breaks[-1] > len(kept) // 2 else kept


def _bare(token: str) -> str:
    return trim_edge_punctuation(token).casefold()


def _phrase_boundary(kept: list[str], dropped: str) -> list[str]:
    """Back off a hard cut to where a phrase ends: 'with a calm' loses all three words, 'every invoice' before 'and'
    keeps both, since a conjunction or preposition after the cut means the phrase before it was complete."""
    lex = lexicon()
    boundary_words = lex.dangling_words | lex.prepositions | lex.clause_words
    if not dropped or _bare(dropped) in boundary_words or _bare(kept[-1]) in boundary_words:
        return kept
    for index in range(len(kept) - 1, max(len(kept) - 4, 2), -1):
        if _bare(kept[index]) in boundary_words:
            return kept[:index]
    return kept


def trim_to_words(text: str, limit: int) -> str:
    """Shorten `text` to at most `limit` words (see count_words), preferring to end where a phrase ends.

    The cut lands, in order of preference, after the last sentence or clause stop (. ! ? ; :) or dash that keeps at
    least three words; after the last comma that keeps most of the limit; otherwise at the limit, backed off to the
    nearest phrase boundary in the last few words, never ending on 'and', 'the', 'with' and the like. A line that ended
    with terminal punctuation still does.
    """
    text = collapse_spaces(text)
    if count_words(text) <= limit:
        return text
    tokens = text.split(' ')
    kept: list[str] = []
    used = 0
    for token in tokens:
        weight = count_words(token)
        if used + weight > limit:
            if not kept:
                kept.append(_trim_unspaced_token(token, limit))
            break
        kept.append(token)
        used += weight
    dropped = tokens[len(kept)] if len(kept) < len(tokens) else ''
    strong, weak = 0, 0
    for index, token in enumerate(kept):
        words_so_far = count_words(' '.join(kept[: index + 1]))
        next_is_dash = index + 1 < len(kept) and kept[index + 1] in _DASHES
        if words_so_far >= 3 and (token.endswith(_STRONG_BREAK + _DASHES) or next_is_dash):
            strong = index + 1
        elif words_so_far >= max(3, math.ceil(limit * 0.6)) and token.endswith(_WEAK_BREAK):
            weak = index + 1
    kept = kept[: strong or weak] if strong or weak else _phrase_boundary(kept, dropped)
    dangling_words = lexicon().dangling_words
    while len(kept) > 1 and _bare(kept[-1]) in dangling_words:
        kept.pop()
    trimmed = _TRAILING_JUNK.sub('', ' '.join(kept))
    if text.endswith(('.', '!', '?')):
        trimmed = end_sentence(trimmed)
    return trimmed
