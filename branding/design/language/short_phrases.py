"""Short, mid-sentence phrases from profile fields such as the audience or industry, and whether they are plural."""

from __future__ import annotations

from collections.abc import Iterable

from branding.design.language.cleaning import has_word_chars, inline_case, plain_text, strip_list_marker
from branding.design.language.counting import count_words
from branding.design.language.lexicon import lexicon
from branding.design.language.tokens import Token, tokenise


def short_phrase(
    text: str, *, max_words: int = 4, proper_nouns: Iterable[str] = (), stop_at: Iterable[str] = ()
) -> str:
    """The head of a field such as the audience or industry, short enough for a tagline, in mid-sentence case.

    Stops at the first punctuation, relative clause ('who ...') or `stop_at` word; when still too long, cuts before
    the first preposition, then before the first 'and'/'or'. Returns '' when nothing short and readable is left.
    """
    lex = lexicon()
    cuts = lex.phrase_cuts | {word.casefold() for word in stop_at}
    words: list[Token] = []
    for token in tokenise(strip_list_marker(plain_text(text))):
        if not token.is_word:
            if words:
                break
            continue
        if words and token.folded in cuts:
            break
        if not words and token.folded in lex.phrase_leads:
            continue
        words.append(token)
    for stoppers in (lex.prepositions, {'and', 'or', '&'}):
        if count_words(' '.join(t.text for t in words)) > max_words:
            cut = next((i for i, t in enumerate(words) if i > 0 and t.folded in stoppers), None)
            words = words[:cut] if cut else words
    while words and words[-1].folded in lex.dangling_words:
        words.pop()
    phrase = ' '.join(t.text for t in words)
    if not words or count_words(phrase) > max_words or not has_word_chars(phrase) or phrase == '&':
        return ''
    return inline_case(phrase, proper_nouns)


def is_plural_phrase(phrase: str) -> bool:
    last = phrase.rsplit(' ', maxsplit=1)[-1].casefold() if phrase else ''
    return last in lexicon().plural_words or (
        last.endswith('s') and not last.endswith(('ss', 'us', 'is', "'s", '’s')) and len(last) > 2
    )
