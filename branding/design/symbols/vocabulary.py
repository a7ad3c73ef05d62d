"""The concept table turned into lookups: which concepts and sectors a word (in any of its forms) evokes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from branding.design.symbols.concepts import MIN_STEM, ConceptTable, concept_table

EXACT, STEM = 1.0, 0.9  # a stem ('bak*' for 'bakery') is a slightly weaker reading than the word itself


@dataclass(kw_only=True, slots=True, frozen=True)
class Match:
    key: str  # concept or sector id
    quality: float  # EXACT or STEM


@dataclass(kw_only=True, slots=True, frozen=True)
class _Lookup:
    exact: Mapping[str, tuple[str, ...]]
    stems: Mapping[str, tuple[str, ...]]

    def find(self, forms: Iterable[str]) -> list[Match]:
        """Every key one of `forms` evokes, each once with its best quality, in table order of first sighting."""
        found: dict[str, float] = {}
        for form in forms:
            for key in self.exact.get(form, ()):
                found[key] = EXACT
            for length in range(MIN_STEM, len(form) + 1):
                for key in self.stems.get(form[:length], ()):
                    found.setdefault(key, STEM)
        return [Match(key=key, quality=quality) for key, quality in found.items()]


def _lookup(entries: Iterable[tuple[str, Iterable[str]]]) -> _Lookup:
    exact: defaultdict[str, list[str]] = defaultdict(list)
    stems: defaultdict[str, list[str]] = defaultdict(list)
    for key, words in entries:
        for word in words:
            target = stems[word[:-1]] if word.endswith('*') else exact[word]
            if key not in target:
                target.append(key)
    return _Lookup(
        exact=MappingProxyType({word: tuple(keys) for word, keys in exact.items()}),
        stems=MappingProxyType({stem: tuple(keys) for stem, keys in stems.items()}),
    )


@dataclass(kw_only=True, slots=True, frozen=True, eq=False)  # compared and hashed by identity: one per table
class Vocabulary:
    table: ConceptTable
    concepts: _Lookup
    literals: _Lookup  # the words that name a cliché's object itself: a name may always use them
    sectors: _Lookup
    phrases: frozenset[str]  # every phrase of two or more words the table names, for reading text in runs
    known_words: frozenset[str]  # single words a name may be split into (concept, sector and filler words)

    def forms(self, word: str) -> tuple[str, ...]:
        """`word` (folded) and what it may be the plural or possessive of: 'bakeries' -> bakeries, bakerie, bakery;
        'leaves' -> leaves, leave, leaf. Light on purpose: the table's stems ('bak*') cover derived words."""
        forms = [word]
        if word.endswith(("'s", '’s')):
            forms.append(word[:-2])
        irregular = self.table.plurals.get(word)
        if irregular:
            forms.append(irregular)
        if len(word) > 3 and word.endswith('s') and not word.endswith(('ss', 'us', 'is')):
            forms.append(word[:-1])
            if word.endswith('ies'):
                forms.append(f'{word[:-3]}y')
            elif word.endswith(('ses', 'xes', 'zes', 'ches', 'shes')):
                forms.append(word[:-2])
        return tuple(dict.fromkeys(forms))


_BUILT: dict[int, tuple[ConceptTable, Vocabulary]] = {}


def vocabulary(table: ConceptTable | None = None) -> Vocabulary:
    """The lookups of `table` (the shipped one by default), built once per table."""
    table = table or concept_table()
    built = _BUILT.get(id(table))
    if built is None or built[0] is not table:  # the table is kept in the entry, so its id is never reused meanwhile
        built = (table, _build(table))
        _BUILT[id(table)] = built
    return built[1]


def _build(table: ConceptTable) -> Vocabulary:
    concept_words = [(key, concept.words) for key, concept in table.concepts.items()]
    sector_words = [(key, sector.words) for key, sector in table.sectors.items()]
    every_word = [word for _, words in concept_words + sector_words for word in words]
    singles = {word for word in every_word if ' ' not in word and not word.endswith('*')}
    return Vocabulary(
        table=table,
        concepts=_lookup(concept_words),
        literals=_lookup((key, concept.literal) for key, concept in table.concepts.items()),
        sectors=_lookup(sector_words),
        # ignored phrases too ('around the clock'), so their words are never read one by one
        phrases=frozenset(word for word in [*every_word, *table.ignored_words] if ' ' in word),
        known_words=frozenset(singles | table.name_parts | table.company_words),
    )
