"""Choosing among candidate lines: tidy and distinct first, then one pattern at a time in a voice-weighted order,
each pick steered away from the words already used, so a set reads varied rather than repetitive."""

from __future__ import annotations

import random
from collections.abc import Iterable

from branding.design.language import TAGLINE_FAMILIES, BrandWords, lexicon, tidy_sentence
from branding.sections.taglines.candidate import Candidate
from branding.sections.taglines.lines import dedupe_key, fits


def _content_words(key: str, ignored: frozenset[str]) -> frozenset[str]:
    """The words of a deduplication key that carry meaning, to steer the choice away from repeating them."""
    return frozenset(word for word in key.split(' ') if len(word) > 2 and word not in ignored)


def _weighted_order(names: list[str], weights: dict[str, float], rng: random.Random) -> list[str]:
    """A random order where heavier names tend to come first (Efraimidis-Spirakis keys)."""
    return sorted(names, key=lambda name: rng.random() ** (1.0 / max(weights.get(name, 1.0), 1e-6)), reverse=True)


def usable(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Tidy candidates, keeping the first of each distinct line that fits the word limit."""
    kept, seen = [], set()
    for candidate in candidates:
        candidate.text = tidy_sentence(candidate.text)
        candidate.key = dedupe_key(candidate.text)
        if candidate.key and candidate.key not in seen and fits(candidate.text):
            seen.add(candidate.key)
            kept.append(candidate)
    return kept


def choose(candidates: list[Candidate], count: int, words: BrandWords, rng: random.Random) -> list[Candidate]:
    """One line per pattern per round, patterns in a voice-weighted random order, lines weighted by rank, by how the
    voice likes the frame, and away from words already used, so the set reads varied rather than repetitive."""
    pools: dict[str, list[Candidate]] = {family: [] for family in TAGLINE_FAMILIES}
    for candidate in candidates:
        pools[candidate.family].append(candidate)
    ignored = lexicon().stopwords | {word.casefold() for word in words.name.split(' ')}
    content = {id(candidate): _content_words(candidate.key, ignored) for candidate in candidates}
    chosen: list[Candidate] = []
    used_words: set[str] = set()
    while len(chosen) < count and any(pools.values()):
        for family in _weighted_order([f for f, pool in pools.items() if pool], dict(words.voice.family_weights), rng):
            pool = pools[family]
            weights = [
                candidate.weight
                * (2.0 if words.voice.name in candidate.affinity else 1.0)
                * 0.35 ** len(content[id(candidate)] & used_words)
                for candidate in pool
            ]
            picked = rng.choices(pool, weights=weights)[0]
            pool.remove(picked)
            chosen.append(picked)
            used_words |= content[id(picked)]
            if len(chosen) == count:
                break
    return chosen
