"""English word lists (data/lexicon.json) and word forms: '-s' verb forms, gerunds and person swaps."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field

from branding.design.data_files import TABLE_CONFIG, DataSource, packaged, read_table


def _lower_case_word(word: str) -> str:
    # the lists are matched against case-folded single tokens: a capital or a space would never match
    if not word or word != word.casefold() or any(char.isspace() for char in word):
        raise ValueError(f'{word!r} is not one lower-case word')
    return word


Word = Annotated[str, AfterValidator(_lower_case_word)]
Words = Annotated[frozenset[Word], Field(min_length=1)]
Suffixes = Annotated[tuple[Word, ...], Field(min_length=1)]


class Lexicon(BaseModel):
    """The word lists of data/lexicon.json, as sets for membership tests."""

    model_config = TABLE_CONFIG

    about: str
    small_words: Words  # not capitalised inside a title-styled phrase
    stopwords: Words
    generic_words: Words  # words every company uses about itself; they say nothing about this one
    dangling_words: Words  # a phrase cannot end on these
    verbs: Words  # base forms of verbs that descriptions use for what a product lets people do
    auxiliaries: Words
    subject_words: Words
    company_verbs: Words  # what a company does to run itself, not what its customers do: 'we build', 'Acme sells'
    help_words: Words
    enable_words: Words
    to_after: Words  # words after which 'to <verb>' names an action: 'the easy way to ...'
    clause_words: Words
    prepositions: Words
    determiners: Words
    mass_nouns: Words
    plural_words: Words  # plurals without an '-s'
    noun_suffixes: Suffixes
    adjective_suffixes: Suffixes
    y_adjectives: Words  # adjectives in '-y', which no suffix rule tells apart from nouns
    second_person: Mapping[Word, Word]
    third_person: Mapping[Word, Word]
    negations: Words  # a tone word after one of these does not count: 'not corporate'
    phrase_cuts: Words  # a short phrase ends before these: 'freelancers who hate spreadsheets'
    phrase_leads: Words  # dropped from the start of a short phrase


@cache
def lexicon(source: DataSource | None = None) -> Lexicon:
    return read_table(source or packaged('lexicon.json'), Lexicon)


def is_base_verb(word: str) -> bool:
    return word.casefold() in lexicon().verbs


def third_person_lemma(word: str) -> str | None:
    """'tracks' -> 'track', 'fixes' -> 'fix', 'simplifies' -> 'simplify'; None when `word` is not such a verb form."""
    lowered = word.casefold()
    if not lowered.endswith('s') or lowered.endswith('ss') or len(lowered) < 3:
        return None
    candidates = [lowered[:-1]]
    if lowered.endswith('ies'):
        candidates.insert(0, f'{lowered[:-3]}y')
    if lowered.endswith('es'):
        candidates.append(lowered[:-2])
    verbs = lexicon().verbs
    return next((candidate for candidate in candidates if candidate in verbs), None)


def gerund(verb: str) -> str:
    """'plan' -> 'planning', 'manage' -> 'managing', 'track' -> 'tracking' (regular English spelling rules)."""
    lowered = verb.casefold()
    if lowered.endswith('ie'):
        return f'{verb[:-2]}ying'
    if lowered.endswith('e') and not lowered.endswith(('ee', 'ye', 'oe')) and len(lowered) > 2:
        return f'{verb[:-1]}ing'
    vowels = 'aeiou'
    single_syllable = sum(1 for char in lowered if char in vowels) == 1
    if (
        single_syllable
        and len(lowered) >= 3
        and lowered[-1] not in vowels + 'wxy'
        and lowered[-2] in vowels
        and lowered[-3] not in vowels
    ):
        return f'{verb}{verb[-1]}ing'
    return f'{verb}ing'


def _swap_words(phrase: str, table: Mapping[str, str]) -> str:
    return ' '.join(table.get(word, word) for word in phrase.split(' '))


def to_second_person(phrase: str) -> str:
    """An action as said to the reader: 'manage their money' -> 'manage your money'."""
    return _swap_words(phrase, lexicon().second_person)


def to_third_person(phrase: str) -> str:
    """An action as said about the audience: 'connect your bank' -> 'connect their bank'."""
    return _swap_words(phrase, lexicon().third_person)
