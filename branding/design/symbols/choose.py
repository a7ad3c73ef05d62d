"""Choose a kit's symbols by what the company is: its words mapped to concepts, each concept drawn by an icon.

The chain, best first: concepts evoked by the profile's words (name, industry, description, audience, values, each
weighed by where it was found; clichés only in their sectors), an icon whose name or tag is a word of the name or
industry, the defaults of the profile's sectors, the defaults of its company type. When nothing is left the chooser
returns None: use the hand-drawn abstract marks (branding/design/marks).

Regenerating asks for other ideas: icons to `avoid` (those the kit drew before) are a soft no. The whole chain is
walked first for concepts that draw none of them, then for other icons of the concepts that drew one, and only then
are the avoided icons drawn again. Icons earlier versions of the kit drew (`shown`) are kept out too, and let back in
oldest first, before the kit's own. `symbols_drawn` finds the symbol a concept's recorded icon belongs to, and
`symbols_named` which symbol a concept's text says it draws (for concepts saved before they recorded their icon).
"""

from __future__ import annotations

import random
from collections.abc import Collection, Iterable, Mapping, Sequence
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


# the passes over the chain when regenerating: concepts never drawn, other icons of those drawn, the icons drawn
_Stage = Literal['fresh', 'other_icon', 'again']
_SOFT_STAGES: tuple[_Stage, ...] = ('fresh', 'other_icon')  # the passes that keep an avoided icon out


def _tiers(avoid: Collection[str], shown: Sequence[Collection[str]]) -> list[frozenset[str]]:
    """The icons kept out, pass after pass, as they are let back in: at first `avoid` and every set of `shown`
    (the icons of earlier versions, the most recent first), then without the oldest version's, and so on down to
    `avoid` alone. A version whose icons are all kept out anyway adds no pass; nothing to avoid, no pass at all."""
    kept = frozenset(avoid)
    tiers = [kept] if kept else []
    for icons in shown:
        more = kept | frozenset(icons)
        if more != kept:
            kept = more
            tiers.append(kept)
    return tiers[::-1]


def _drawn_by_weight(candidates: Iterable[_Candidate], rng: random.Random) -> list[_Candidate]:
    """A seeded order in which a candidate comes early as often as its score says (a weighted shuffle): the ideas a
    kit made again is given vary from one regeneration to the next, the strong ones most often."""
    keyed = [(rng.random() ** (1 / max(candidate.score, 1e-6)), candidate) for candidate in candidates]
    return [candidate for _, candidate in sorted(keyed, key=lambda pair: (-pair[0], pair[1].key))]


@dataclass(kw_only=True, slots=True)
class _Kit:
    """The choices so far: no concept and no icon twice."""

    library: IconLibrary
    rng: random.Random
    count: int
    avoid: frozenset[str] = frozenset()  # the icons this pass keeps out (`_tiers`)
    stage: _Stage = 'fresh'
    choices: list[SymbolChoice] = field(default_factory=list)

    @property
    def full(self) -> bool:
        return len(self.choices) == self.count

    def used(self, key: str) -> bool:
        return any(choice.concept == key for choice in self.choices)

    def wants(self, icons: Iterable[str]) -> bool:
        """Whether this stage draws a concept with these icons: fresh ideas first, then the ones drawn before."""
        seen = not self.avoid.isdisjoint(icons)
        return self.stage == 'again' or seen == (self.stage == 'other_icon')

    def icon_for(self, icons: Iterable[str], interchangeable: int) -> str | None:
        taken = {choice.icon for choice in self.choices}
        if self.stage != 'again':
            taken |= self.avoid
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
        if kit.full:
            return
        concept = table.concepts[key]
        wanted = not kit.used(key) and kit.wants(concept.icons)
        icon = kit.icon_for(concept.icons, concept.interchangeable) if wanted else None
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


@dataclass(kw_only=True, slots=True, frozen=True)
class _Chain:
    """Everything the chooser may draw for one profile, best first within each kind."""

    words: ProfileWords
    vocab: Vocabulary
    sectors: frozenset[str]
    candidates: list[_Candidate]  # concepts evoked by the profile's words, then icons its words name


def _chain(profile: CompanyProfile | ProfileWords, library: IconLibrary, table: ConceptTable | None) -> _Chain:
    vocab = vocabulary(table)
    words = profile if isinstance(profile, ProfileWords) else read_words(profile, vocab.table)
    sectors = profile_sectors(words, vocab)
    concepts = _concept_candidates(words, vocab, sectors)
    # a word the table reads (even as a cliché kept out of this sector) is never read again as an icon's name
    matched = {word.position for word in words.words if vocab.concepts.find(word.forms)}
    direct = _direct_candidates(words, vocab, library, matched)
    return _Chain(words=words, vocab=vocab, sectors=sectors, candidates=[*concepts.values(), *direct.values()])


def _walk(kit: _Kit, chain: _Chain, ranked: list[_Candidate]) -> None:
    """One pass down the chain: the words' candidates, the sectors' defaults, the company type's."""
    table = chain.vocab.table
    for candidate in ranked:
        if kit.full:
            break
        # a concept is drawn once while avoided icons are kept out (a later pass would give it a second icon)
        drawable = kit.stage == 'again' or not kit.used(candidate.key)
        wanted = drawable and kit.wants(candidate.icons)
        icon = kit.icon_for(candidate.icons, candidate.interchangeable) if wanted else None
        if icon is not None:
            kit.choices.append(_word_choice(candidate, icon, chain.words, table))
    for key, sector in table.sectors.items():
        if key in chain.sectors:
            _add_defaults(kit, sector.defaults, 'sector', sector.title, table)
    defaults = table.company_type_defaults[chain.words.company_type]
    _add_defaults(kit, defaults.concepts, 'company_type', defaults.title, table)


def choose_symbols(
    profile: CompanyProfile | ProfileWords,
    *,
    count: int,
    seed: int | None,
    library: IconLibrary,
    table: ConceptTable | None = None,
    avoid: Collection[str] = (),
    shown: Sequence[Collection[str]] = (),
) -> list[SymbolChoice] | None:
    """Up to `count` symbols for the profile, best first, no concept and no icon twice; None when the icon set is not
    installed or nothing fits (use the hand-drawn abstract marks). The same profile and seed give the same choices.

    Icons in `avoid` (drawn before) are a soft no: every concept that draws none of them comes first (the words'
    concepts drawn by weight, so successive regenerations vary, then the defaults), then other icons of the concepts
    that drew one, then the avoided icons themselves. Icons in `shown` (drawn by earlier versions of the kit, the most
    recent first) are a softer no, kept out with `avoid` and let back in oldest first, before any icon of `avoid`
    (`_tiers`). Without either the chain is walked once, best first."""
    if count < 1:
        raise ValueError(f'count must be at least 1, not {count}')
    if not library.is_installed:
        return None
    chain = _chain(profile, library, table)
    words = chain.words
    rng = random.Random(f'{seed or 0}\x1f{words.name}\x1f{words.industry}\x1f{words.company_type}'.encode())
    kit = _Kit(library=library, rng=rng, count=count)
    ranked = _ranked(chain.candidates, rng)
    tiers = _tiers(avoid, shown)
    if not tiers:
        _walk(kit, chain, ranked)
        return kit.choices or None
    order = _drawn_by_weight(ranked, rng)  # fresh ideas, in an order each regeneration draws anew
    for tier in tiers:
        kit.avoid = tier
        for stage in _SOFT_STAGES:
            kit.stage = stage
            _walk(kit, chain, order)
            order = ranked
    kit.stage = 'again'
    _walk(kit, chain, ranked)
    return kit.choices or None


@dataclass(kw_only=True, slots=True, frozen=True)
class NamedSymbol:
    """A symbol a text names by its rationale: its concept and the icons that concept draws."""

    concept: str
    icons: tuple[str, ...]  # every icon of the concept the set has
    likely: tuple[str, ...]  # the ones the chooser picks between (the first `interchangeable`)


def _named(
    key: str, rationale: str, icons: Iterable[str], interchangeable: int, library: IconLibrary
) -> tuple[str, NamedSymbol]:
    present = tuple(icon for icon in icons if icon in library)
    return rationale, NamedSymbol(concept=key, icons=present, likely=present[: max(1, interchangeable)])


def _every_symbol(chain: _Chain, library: IconLibrary) -> dict[str, NamedSymbol]:
    """Every symbol the chooser could give this profile, by the rationale it would be given."""
    table = chain.vocab.table
    every: dict[str, NamedSymbol] = {}
    for candidate in chain.candidates:
        rationale = _word_choice(candidate, '', chain.words, table).rationale
        every.setdefault(*_named(candidate.key, rationale, candidate.icons, candidate.interchangeable, library))
    titled: list[tuple[Origin, str, tuple[str, ...]]] = [
        ('sector', sector.title, sector.defaults) for key, sector in table.sectors.items() if key in chain.sectors
    ]
    defaults = table.company_type_defaults[chain.words.company_type]
    titled.append(('company_type', defaults.title, defaults.concepts))
    for origin, title, keys in titled:
        for key in keys:
            concept = table.concepts[key]
            rationale = _rationale(table, origin, label=concept.label, word=title, name='', sector=title)
            every.setdefault(*_named(key, rationale, concept.icons, concept.interchangeable, library))
    return every


def symbols_named(
    profile: CompanyProfile, texts: Iterable[str], *, library: IconLibrary, table: ConceptTable | None = None
) -> list[NamedSymbol | None]:
    """For each text (a logo concept's description and rationale), the symbol it says it draws: the one whose
    rationale it quotes, the longest when several fit ('a flame, from the name Hearth' before 'a flame'); None when
    it names none of this profile's symbols. For concepts that recorded no icon (saved before they did): the words
    give the concept, not the icon, so the concept's `likely` icons stand for the one drawn."""
    if not library.is_installed:
        return [None for _ in texts]
    every = _every_symbol(_chain(profile, library, table), library)
    by_length = sorted(every, key=len, reverse=True)
    return [next((every[rationale] for rationale in by_length if rationale in text), None) for text in texts]


def _drawn(icon: str, every: Iterable[NamedSymbol]) -> NamedSymbol:
    """The symbol a concept that drew `icon` drew: the first of the profile's concepts that draws it, standing for
    every one that does (their icons are one idea for a locked concept to keep); the icon alone when none does."""
    drawing = [symbol for symbol in every if icon in symbol.icons]
    icons = tuple(dict.fromkeys(each for symbol in drawing for each in symbol.icons)) or (icon,)
    return NamedSymbol(concept=drawing[0].concept if drawing else f'icon:{icon}', icons=icons, likely=(icon,))


def symbols_drawn(
    profile: CompanyProfile, drawn: Iterable[str | None], *, library: IconLibrary, table: ConceptTable | None = None
) -> list[NamedSymbol | None]:
    """For each icon a concept recorded drawing (None: it recorded none), the symbol it drew: the concept of this
    profile's chain that draws that icon, with every icon of it; `likely` is the icon itself, the one drawn."""
    recorded = list(drawn)
    if not any(recorded):
        return [None for _ in recorded]
    every = _every_symbol(_chain(profile, library, table), library) if library.is_installed else {}
    symbols = list(dict.fromkeys(every.values()))
    return [None if icon is None else _drawn(icon, symbols) for icon in recorded]
