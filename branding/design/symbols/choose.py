"""Choose a kit's symbols by what the company is: its words mapped to concepts, each concept drawn by an icon.

The chain, best first: concepts evoked by the profile's words (name, industry, description, audience, values, each
weighed by where it was found; clichés only in their sectors), an icon whose name or tag is a word of the name or
industry, the defaults of the profile's sectors, the defaults of its company type. When nothing is left the chooser
returns None: use the hand-drawn abstract marks (branding/design/marks).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from branding.design.symbols.concepts import ConceptTable, fold
from branding.design.symbols.icon_set import IconLibrary
from branding.design.symbols.vocabulary import Vocabulary, vocabulary
from branding.design.symbols.words import ProfileWord, ProfileWords, Source, read_words
from branding.models import CompanyProfile

Origin = Source | Literal['icon', 'sector', 'company_type']

CLICHE = 0.6  # a cliché allowed in its sector still ranks below a symbol from the company's own words
MORE_WORDS = 0.25  # each further word of one source for a concept adds a quarter of its weight: corroboration
NEAR_EQUAL = 0.9  # candidates within 10% of each other are a tie the seed breaks
DIRECT = 0.5  # a word that names an icon outright, outside the curated table, counts for half
DIRECT_SOURCES = frozenset({'name', 'industry'})  # descriptions mention too much to take icon names from them
MIN_DIRECT = 4  # short words name icons in passing


@dataclass(kw_only=True, slots=True, frozen=True)
class SymbolChoice:
    concept: str  # the concept's id ('wave'); 'icon:<name>' for an icon a word named directly
    label: str  # 'a wave'
    icon: str  # the Tabler icon that draws it
    word: str  # the profile's word it came from, as written ('Tide'); the sector or type for a default
    origin: Origin  # where that word was found
    score: float
    rationale: str  # 'a wave, from 'Tide' in Tidewater'


@dataclass(kw_only=True, slots=True, frozen=True)
class KitSymbol:
    """The symbol chosen for one concept of a kit, with the icon set that draws it: what a mark is handed to draw."""

    choice: SymbolChoice
    library: IconLibrary


@dataclass(kw_only=True, slots=True)
class _Candidate:
    key: str
    label: str
    icons: tuple[str, ...]
    interchangeable: int
    strength: float
    best: dict[Source, tuple[float, ProfileWord]] = field(default_factory=dict)
    more: dict[Source, dict[str, float]] = field(default_factory=dict)

    def add(self, word: ProfileWord, weight: float) -> None:
        bucket = word.counts_as
        held = self.best.get(bucket)
        if held is None or weight > held[0]:
            if held is not None:
                self.more.setdefault(bucket, {})[held[1].forms[-1]] = held[0]
            self.best[bucket] = (weight, word)
        elif held[1].forms[-1] != word.forms[-1]:
            self.more.setdefault(bucket, {})[word.forms[-1]] = weight

    @property
    def score(self) -> float:
        total = sum(weight for weight, _ in self.best.values())
        total += MORE_WORDS * sum(sum(others.values()) for others in self.more.values())
        return round(total * self.strength, 6)

    @property
    def word(self) -> ProfileWord:
        """The word that counts most (the earlier one on a tie)."""
        return max(self.best.values(), key=lambda held: (held[0], -held[1].position))[1]


@lru_cache(maxsize=8)
def _icons_by_name(root: Path) -> Mapping[str, str]:
    """Every usable icon by its name as words: 'ice cream' -> 'ice-cream'."""
    return MappingProxyType({fold(name.replace('-', ' ')): name for name in IconLibrary(root=root).icons})


def profile_sectors(words: ProfileWords, vocab: Vocabulary) -> frozenset[str]:
    """The sectors the company is in: by its type, or by a word of its name or industry. Never by its description: a
    bakery that promises safe ordering is no security firm, and a children's app with progress reports no analyst."""
    found = {key for key, sector in vocab.table.sectors.items() if words.company_type in sector.company_types}
    for word in words.words:
        if word.source in ('name', 'industry'):
            found.update(match.key for match in vocab.sectors.find(word.forms))
    return frozenset(found)


def _allowed(key: str, sectors: frozenset[str], word: ProfileWord, vocab: Vocabulary) -> bool:
    """A cliché is kept to its sectors, unless the company named itself after the thing: 'Keystone', 'Aegis'."""
    only = set(vocab.table.concepts[key].only_for)
    if not only or only & sectors:
        return True
    return word.source == 'name' and any(match.key == key for match in vocab.literals.find(word.forms))


def _concept_candidates(words: ProfileWords, vocab: Vocabulary, sectors: frozenset[str]) -> dict[str, _Candidate]:
    candidates: dict[str, _Candidate] = {}
    for word in words.words:
        if word.generic:
            continue
        for match in vocab.concepts.find(word.forms):
            if not _allowed(match.key, sectors, word, vocab):
                continue
            concept = vocab.table.concepts[match.key]
            candidate = candidates.get(match.key) or _Candidate(
                key=match.key,
                label=concept.label,
                icons=concept.icons,
                interchangeable=concept.interchangeable,
                strength=concept.strength * (CLICHE if concept.only_for else 1.0),
            )
            candidates[match.key] = candidate
            candidate.add(word, word.weight * match.quality)
    return candidates


def _article(noun: str) -> str:
    return f'{"an" if noun[:1] in "aeiou" else "a"} {noun}'


def _direct_candidates(
    words: ProfileWords, vocab: Vocabulary, library: IconLibrary, matched: set[int]
) -> dict[str, _Candidate]:
    """Icons a word of the name or industry names outright ('Zeppelin', 'Ladle') when the table does not know it."""
    by_name = _icons_by_name(library.root)
    candidates: dict[str, _Candidate] = {}
    for word in words.words:
        if word.source not in DIRECT_SOURCES or word.generic or word.position in matched:
            continue
        if any(form in vocab.known_words for form in word.forms):
            continue  # a filler or company word the table knows to mean nothing ('line', 'labs')
        icon = next((by_name[form] for form in word.forms if len(form) >= MIN_DIRECT and form in by_name), None)
        if icon is not None:
            candidate = candidates.get(f'icon:{icon}') or _Candidate(
                key=f'icon:{icon}', label=_article(icon.replace('-', ' ')), icons=(icon,), interchangeable=1, strength=1
            )
            candidates[candidate.key] = candidate
            candidate.add(word, word.weight * DIRECT)
    return candidates


def _ranked(candidates: Iterable[_Candidate], rng: random.Random) -> list[_Candidate]:
    """Best first; candidates within NEAR_EQUAL of the best of their run are shuffled by the seed."""
    ordered = sorted(candidates, key=lambda candidate: (-candidate.score, candidate.word.position, candidate.key))
    ranked: list[_Candidate] = []
    while ordered:
        top = ordered[0].score
        tied = [candidate for candidate in ordered if candidate.score >= top * NEAR_EQUAL]
        ordered = ordered[len(tied) :]
        rng.shuffle(tied)
        ranked += tied
    return ranked


@dataclass(kw_only=True, slots=True)
class _Kit:
    """The choices so far: no concept and no icon twice."""

    library: IconLibrary
    rng: random.Random
    count: int
    choices: list[SymbolChoice] = field(default_factory=list)

    def used(self, key: str) -> bool:
        return any(choice.concept == key for choice in self.choices)

    def icon_for(self, icons: Iterable[str], interchangeable: int) -> str | None:
        taken = {choice.icon for choice in self.choices}
        free = [icon for icon in icons if icon in self.library and icon not in taken]
        options = free[: max(1, interchangeable)]
        return options[self.rng.randrange(len(options))] if options else None


def _rationale(table: ConceptTable, kind: str, *, label: str, word: str, name: str, sector: str = '') -> str:
    template = table.rationales[kind]  # type: ignore[index]
    return template.format(label=label, word=word, name=name, sector=sector)


def _word_choice(candidate: _Candidate, icon: str, words: ProfileWords, table: ConceptTable) -> SymbolChoice:
    word = candidate.word
    if candidate.key.startswith('icon:'):
        kind, name = 'icon', word.whole or words.name
    elif word.source != 'name':
        kind, name = word.source, words.name
    elif fold(word.text) == fold(words.name):
        kind, name = 'name_whole', words.name
    else:
        kind, name = 'name_part', word.whole or words.name
    return SymbolChoice(
        concept=candidate.key,
        label=candidate.label,
        icon=icon,
        word=word.text,
        origin='icon' if kind == 'icon' else word.source,
        score=candidate.score,
        rationale=_rationale(table, kind, label=candidate.label, word=word.text, name=name),
    )


def _add_defaults(
    kit: _Kit, keys: Iterable[str], origin: Literal['sector', 'company_type'], title: str, table: ConceptTable
) -> None:
    shuffled = list(keys)
    kit.rng.shuffle(shuffled)  # defaults are equally good: the seed and the name vary them between companies
    for key in shuffled:
        if len(kit.choices) == kit.count:
            return
        concept = table.concepts[key]
        icon = None if kit.used(key) else kit.icon_for(concept.icons, concept.interchangeable)
        if icon is not None:
            kit.choices.append(
                SymbolChoice(
                    concept=key,
                    label=concept.label,
                    icon=icon,
                    word=title,
                    origin=origin,
                    score=0.0,
                    rationale=_rationale(table, origin, label=concept.label, word=title, name='', sector=title),
                )
            )


def choose_symbols(
    profile: CompanyProfile | ProfileWords,
    *,
    count: int,
    seed: int | None,
    library: IconLibrary,
    table: ConceptTable | None = None,
) -> list[SymbolChoice] | None:
    """Up to `count` symbols for the profile, best first, no concept and no icon twice; None when the icon set is not
    installed or nothing fits (use the hand-drawn abstract marks). The same profile and seed give the same choices."""
    if count < 1:
        raise ValueError(f'count must be at least 1, not {count}')
    if not library.is_installed:
        return None
    vocab = vocabulary(table)
    words = profile if isinstance(profile, ProfileWords) else read_words(profile, vocab.table)
    rng = random.Random(f'{seed or 0}\x1f{words.name}\x1f{words.industry}\x1f{words.company_type}'.encode())
    sectors = profile_sectors(words, vocab)
    concepts = _concept_candidates(words, vocab, sectors)
    # a word the table reads (even as a cliché kept out of this sector) is never read again as an icon's name
    matched = {word.position for word in words.words if vocab.concepts.find(word.forms)}
    direct = _direct_candidates(words, vocab, library, matched)
    kit = _Kit(library=library, rng=rng, count=count)
    for candidate in _ranked([*concepts.values(), *direct.values()], rng):
        if len(kit.choices) == count:
            break
        icon = kit.icon_for(candidate.icons, candidate.interchangeable)
        if icon is not None:
            kit.choices.append(_word_choice(candidate, icon, words, vocab.table))
    for key, sector in vocab.table.sectors.items():
        if key in sectors:
            _add_defaults(kit, sector.defaults, 'sector', sector.title, vocab.table)
    defaults = vocab.table.company_type_defaults[words.company_type]
    _add_defaults(kit, defaults.concepts, 'company_type', defaults.title, vocab.table)
    return kit.choices or None
