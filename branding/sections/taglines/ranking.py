"""Choosing among candidate lines: tidy and distinct first, then one pattern at a time in a voice-weighted order,
each pick steered away from the words already used, so a set reads varied rather than repetitive."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable

from branding.design.language import TAGLINE_FAMILIES, BrandWords, lexicon, tidy_sentence
from branding.sections.taglines.candidate import Candidate
from branding.sections.taglines.lines import dedupe_key, fits
from branding.sections.taglines.sound import sound_score, without_emoji


def _content_words(key: str, ignored: frozenset[str]) -> frozenset[str]:
    """The words of a deduplication key that carry meaning, to steer the choice away from repeating them."""
    return frozenset(word for word in key.split(' ') if len(word) > 2 and word not in ignored)


def usable(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Tidy candidates (emoji taken out), keeping the first of each distinct line that fits the word limit and is no
    cliché, weighted by how it sounds."""
    kept, seen = [], set()
    for candidate in candidates:
        candidate.text = tidy_sentence(without_emoji(candidate.text))
        candidate.key = dedupe_key(candidate.text)
        sound = sound_score(candidate.text)
        if candidate.key and candidate.key not in seen and fits(candidate.text) and sound:
            seen.add(candidate.key)
            candidate.weight *= sound
            kept.append(candidate)
    return kept


# How much each family is favoured before the voice's own weights: value triads ('Warmth. Craft. Community.') are
# the most formulaic shape, a sector's own lines the least. Each use of a family makes it less likely again.
_FAMILY_BIAS = {'triad': 0.45, 'sector': 1.6}
_FAMILY_REUSE = 0.3
_MAX_PER_FAMILY = {'triad': 1}


def _pick_family(pools: dict[str, list[Candidate]], uses: dict[str, int], words: BrandWords, rng: random.Random) -> str:
    families = [family for family, pool in pools.items() if pool]
    weights = [
        words.voice.family_weights.get(family, 1.0) * _FAMILY_BIAS.get(family, 1.0) * _FAMILY_REUSE ** uses[family]
        for family in families
    ]
    return rng.choices(families, weights=weights)[0]


def choose(candidates: list[Candidate], count: int, words: BrandWords, rng: random.Random) -> list[Candidate]:
    """Lines drawn one at a time: a family by the voice's weights (less likely each time it is used), then a line in
    it weighted by rank, sound, how the voice likes the frame and away from words already used; each pattern at most
    once, so the set reads as variations rather than one template repeated."""
    pools: dict[str, list[Candidate]] = {family: [] for family in TAGLINE_FAMILIES}
    for candidate in candidates:
        pools[candidate.family].append(candidate)
    ignored = lexicon().stopwords | {word.casefold() for word in words.name.split(' ')}
    content = {id(candidate): _content_words(candidate.key, ignored) for candidate in candidates}
    # a template that fills in six ways ('Where X meets Y') is still one template: its lines share its weight
    per_pattern = Counter(candidate.pattern for candidate in candidates)
    chosen: list[Candidate] = []
    used_words: set[str] = set()
    uses = dict.fromkeys(pools, 0)
    while len(chosen) < count and any(pools.values()):
        family = _pick_family(pools, uses, words, rng)
        pool = pools[family]
        weights = [
            candidate.weight
            / per_pattern[candidate.pattern]
            * (2.0 if words.voice.name in candidate.affinity else 1.0)
            * 0.35 ** len(content[id(candidate)] & used_words)
            for candidate in pool
        ]
        picked = rng.choices(pool, weights=weights)[0]
        for other in pools.values():
            other[:] = [candidate for candidate in other if candidate.pattern != picked.pattern]
        uses[family] += 1
        if uses[family] >= _MAX_PER_FAMILY.get(family, count):
            pool.clear()
        chosen.append(picked)
        used_words |= content[id(picked)]
    return chosen
