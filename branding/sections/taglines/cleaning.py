"""Cleaning a language model's taglines: plain text, no decoration, at most ten words, distinct, topped up offline."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from branding.design.language import (
    BrandWords,
    capitalise_first,
    has_word_chars,
    join_naturally,
    lexicon,
    plain_text,
    read_profile,
    tidy_sentence,
)
from branding.models import CompanyProfile, Tagline
from branding.sections.taglines.lines import MAX_TAGLINE_WORDS, MAX_TAGLINES, check_count, dedupe_key, fits, trim
from branding.sections.taglines.offline import offline_candidates
from branding.sections.taglines.references import action_ref, audience_ref, industry_ref, name_ref, values_ref

_LIST_MARKER = regex.compile(r'^\s*(?:[-*+•·▪◦‣>]+|\(?\d{1,2}\s*[.):\]]|#{1,6})\s*')  # spaces optional: '1.Foo'
_LABEL = regex.compile(r'^\s*(?:tagline|option|slogan|idea|version|line)\s*#?\s*\d*\s*[:.)\-–—]\s*', regex.IGNORECASE)
_UNCLOSED_TAG = regex.compile(r'<[A-Za-z/!][^<>]*$')  # a reply cut off inside a tag: '... <b'
_TRAILING_ASIDE = regex.compile(r'\s*\([^()]*\)\s*$')
_QUOTE_PAIRS = {'"': '"', '“': '”', '”': '”', '‘': '’', "'": "'", '«': '»', '„': '“', '「': '」', '『': '』', '‹': '›'}
_STRAY_QUOTES = '"“”‘’«»„「」『』‹›'


class CleanedTaglines(NamedTuple):
    taglines: list[Tagline]
    notes: list[str]  # what the cleaner changed, for the section's provenance note; empty when nothing


def _unquote(text: str) -> str:
    """'"Clear money" - a line about trust' -> 'Clear money': a quoted line, and any aside after it, unwrapped."""
    if not text or text[0] not in _QUOTE_PAIRS:
        return text
    end = text.rfind(_QUOTE_PAIRS[text[0]], 1)
    if end == -1:
        return text[1:]
    rest = text[end + 1 :].strip()
    if not rest or rest[0] in '-–—:(,;':
        return text[1:end]
    return text


def clean_line(raw: str) -> str:
    """A model's line as plain tagline text: no HTML, Markdown, numbering, labels, wrapping quotes or trailing aside."""
    text = _UNCLOSED_TAG.sub('', plain_text(raw))
    for _ in range(3):  # decorations nest: '"1. **Bold**"' is a quoted, numbered, emphasised line
        previous = text
        text = _unquote(_LABEL.sub('', _LIST_MARKER.sub('', text)).strip()).strip()
        if text == previous:
            break
    text = _TRAILING_ASIDE.sub('', text).strip(f' {_STRAY_QUOTES}')
    return capitalise_first(tidy_sentence(text))


def _plural(number: int, noun: str) -> str:
    return f'{number} {noun}' if number == 1 else f'{number} {noun}s'


def _draws_on(text: str, words: BrandWords) -> list[str]:
    """Which of the profile's words a line reuses, as references for its explanation."""
    present = set(dedupe_key(text).split(' '))
    stopwords = lexicon().stopwords

    def uses(phrase: str) -> bool:
        parts = [part for part in dedupe_key(phrase).split(' ') if part and part not in stopwords]
        return bool(parts) and all(part in present for part in parts)

    refs = [name_ref(words)] if words.name and dedupe_key(words.name) in dedupe_key(text) else []
    values = [
        value for value in words.values if any(uses(form) for form in (value.text, value.noun, value.adjective) if form)
    ]
    if values:
        refs.append(values_ref(values))
    if words.audience and uses(words.audience):
        refs.append(audience_ref(words))
    if words.industry and uses(words.industry):
        refs.append(industry_ref(words))
    things = [thing for thing in words.objects if uses(thing)]
    if things:
        refs.append(action_ref(things))
    return refs


def _model_explanation(text: str, words: BrandWords) -> str:
    refs = _draws_on(text, words)
    if refs:
        return f'From the language model, kept for its {words.voice.name} voice. Draws on {join_naturally(refs)}.'
    return f'From the language model, in a {words.voice.name} voice; it does not reuse a word from the profile.'


def _candidate_lines(candidate: str | Tagline) -> list[tuple[str, str, str]]:
    """A candidate's lines as (raw text, explanation, tone); text says nothing of the last two."""
    if isinstance(candidate, Tagline):
        return [(candidate.text, plain_text(candidate.explanation), plain_text(candidate.tone))]
    return [(line, '', '') for line in candidate.splitlines() if line.strip()]


@dataclass(slots=True)
class _Kept:
    """The clean, distinct lines kept so far, and how many cleaning changed or dropped."""

    words: BrandWords
    lines: list[tuple[str, str, str]] = field(default_factory=list)  # (text, explanation, tone)
    seen: set[str] = field(default_factory=set)
    trimmed: int = 0
    duplicates: int = 0
    unusable: int = 0

    def add(self, raw: str, explanation: str, tone: str) -> None:
        text = clean_line(raw)
        if not has_word_chars(text):
            self.unusable += 1
            return
        if not fits(text):
            text = trim(text)
            self.trimmed += 1
        key = dedupe_key(text)
        if key in self.seen:
            self.duplicates += 1
            return
        self.seen.add(key)
        self.lines.append((text, explanation or _model_explanation(text, self.words), tone or self.words.voice.name))

    def notes(self) -> list[str]:
        notes = []
        if self.trimmed:
            notes.append(f'Trimmed {_plural(self.trimmed, "tagline")} to {MAX_TAGLINE_WORDS} words.')
        if self.duplicates:
            notes.append(f'Removed {_plural(self.duplicates, "duplicate")}.')
        if self.unusable:
            notes.append(f'Dropped {_plural(self.unusable, "line")} with no usable text.')
        return notes

    def top_up(self, count: int, *, profile: CompanyProfile, seed: int) -> str:
        """Offline lines not already kept, until there are `count`; the note that says so."""
        missing = count - len(self.lines)
        for offline in offline_candidates(profile, MAX_TAGLINES, seed):
            if len(self.lines) == count:
                break
            if offline.key not in self.seen:
                self.seen.add(offline.key)
                self.lines.append((offline.text, offline.explanation, self.words.voice.name))
        return f'Added {_plural(missing, "offline tagline")} to reach {count}.'


def clean_taglines(
    candidates: Sequence[str | Tagline], count: int, *, profile: CompanyProfile, seed: int
) -> CleanedTaglines:
    """Turn a language model's taglines into exactly `count` (1-10) clean, distinct lines of at most ten words.

    Each candidate is a line of text or a Tagline (whose explanation and tone are kept, cleaned); text with several
    lines counts as several candidates. Every line is reduced to plain text (HTML tags and script blocks, Markdown
    emphasis and links, list numbering, 'Tagline 1:' labels, wrapping quotes and a trailing aside are removed), trimmed
    to ten words at a phrase boundary where possible, and dropped when empty or a duplicate (case, punctuation and
    spacing ignored). Missing lines are topped up from the offline writer with the same seed. Ids are renumbered
    'tagline-1', 'tagline-2', ...; `notes` says what changed.
    """
    check_count(count)
    kept = _Kept(read_profile(profile))
    for candidate in candidates:
        for raw, explanation, tone in _candidate_lines(candidate):
            kept.add(raw, explanation, tone)
    notes = kept.notes()
    if len(kept.lines) > count:
        notes.append(f'Kept the first {count} of {len(kept.lines)} taglines.')
        del kept.lines[count:]
    if len(kept.lines) < count:
        notes.append(kept.top_up(count, profile=profile, seed=seed))
    taglines = [
        Tagline(id=f'tagline-{index}', text=text, tone=tone, explanation=explanation)
        for index, (text, explanation, tone) in enumerate(kept.lines, start=1)
    ]
    return CleanedTaglines(taglines=taglines, notes=notes)
