"""Match a free-text tone ('warm but witty, not corporate') to the brand voices, strongest first."""

from __future__ import annotations

from functools import lru_cache

import regex

from branding.design.language.lexicon import lexicon
from branding.design.language.voices import DEFAULT_VOICE, Voice, voices

_TONE_WORD = regex.compile(r'[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*')


def _cue_matches(voice: Voice, word: str) -> bool:
    return word in voice.cues or any(word.startswith(stem) for stem in voice.cue_stems)


def rank_voices(tone: str) -> list[Voice]:
    """Voices whose cue words appear in a free-text tone, strongest first (ties: mentioned first); never empty.

    'Warm but witty, not corporate' ranks friendly, then playful; professional is not counted because 'corporate' is
    negated. Text with no known cue (including tones in other languages) gives the professional voice.
    """
    return list(_rank_voices(tone))


@lru_cache(maxsize=256)
def _rank_voices(tone: str) -> tuple[Voice, ...]:
    words = [match.group().casefold() for match in _TONE_WORD.finditer(tone)]
    negations = lexicon().negations
    candidates: list[tuple[int, str]] = []
    for index, word in enumerate(words):
        negated = any(previous in negations for previous in words[max(0, index - 2) : index])
        if negated or word in negations:
            continue
        candidates.append((index, word))
        candidates.extend((index, part) for part in word.split('-') if '-' in word and part not in negations)
        if index + 1 < len(words):
            candidates.append((index, f'{word}-{words[index + 1]}'))
    scores: dict[str, int] = {}
    first_seen: dict[str, int] = {}
    table = voices()
    for index, word in candidates:
        for voice in table.values():
            if _cue_matches(voice, word):
                scores[voice.name] = scores.get(voice.name, 0) + 1
                first_seen.setdefault(voice.name, index)
    if not scores:
        return (table[DEFAULT_VOICE],)
    ranked = sorted(scores, key=lambda name: (-scores[name], first_seen[name]))
    return tuple(table[name] for name in ranked)


def resolve_voice(tone: str) -> Voice:
    """The single voice nearest to a free-text tone; professional when nothing matches."""
    return rank_voices(tone)[0]
