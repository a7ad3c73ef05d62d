"""The profile's words in the shapes the patterns fill: value nouns and adjectives, actions, pains, rank weights."""

from __future__ import annotations

import itertools

from branding.design.language import (
    BrandWords,
    ValueWords,
    company_types,
    is_base_verb,
    lexicon,
    to_second_person,
)
from branding.sections.taglines.phrases import tagline_phrases


def nouns(words: BrandWords) -> list[tuple[str, ValueWords]]:
    return [(value.noun, value) for value in words.values if value.noun]


def adjectives(words: BrandWords) -> list[tuple[str, ValueWords | None]]:
    """Value adjectives first ('clear' from 'clarity'), then the voice's own as a fallback."""
    found: list[tuple[str, ValueWords | None]] = [(value.adjective, value) for value in words.values if value.adjective]
    found += [(adjective, None) for adjective in words.voice.adjectives if adjective not in {a for a, _ in found}]
    return found


def made_adjectives(words: BrandWords) -> list[tuple[str, ValueWords | None]]:
    """Adjectives for '<thing>, made <adjective>', always at least one (the voice's fallbacks fit by construction)."""
    not_after_made = tagline_phrases().not_after_made
    fitting = [(adjective, value) for adjective, value in adjectives(words) if adjective not in not_after_made]
    return fitting or [(words.voice.adjectives[0], None)]


def complete_action(action: str) -> bool:
    """Whether an action read from the description stands on its own as a line: it starts with a verb and ends on a
    word that closes a phrase, not on 'and', 'the' or a participle ('Order and shipped flat' does not)."""
    parts = action.split(' ')
    lex = lexicon()
    if not parts or not is_base_verb(parts[0]):
        return False
    last = parts[-1].casefold()
    if last in lex.stopwords or last in lex.dangling_words or last in lex.prepositions:
        return False
    return not any(
        word.casefold() in {'and', 'or'} and (nxt.endswith('ed') or nxt in lex.stopwords)
        for word, nxt in itertools.pairwise(parts)
    )


def actions(words: BrandWords, max_words: int = 6) -> list[str]:
    return [
        to_second_person(action)
        for action in words.actions
        if len(action.split(' ')) <= max_words and complete_action(action)
    ]


def pains(words: BrandWords) -> list[str]:
    """What the line may promise away: software pains ('context switching') only for a software sector."""
    found = list(dict.fromkeys(company_types()[words.company_type].pains + words.voice.pains))
    if words.sector.software:
        return found
    phrases = tagline_phrases()
    return [pain for pain in found if pain not in phrases.software_pains] or [phrases.fallback_pain]


def rank_weight(index: int) -> float:
    """The person listed their first values and the description's first actions first for a reason."""
    return 1.0 / (1.0 + 0.35 * index)
