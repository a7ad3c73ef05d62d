"""A profile's words as a symbol chooser reads them: the name split into its parts (Tidewater -> Tide, water), then the
industry, description, audience and values, each word weighed by where it was found.

No general-purpose segmenter fits brand names: `wordsegment` (Apache-2.0, 80 MB in memory, 3 s to load) keeps
'tidewater' and 'hearthstone' whole because they are in its corpus. A name is split instead into words the concept
table knows (its concept and sector words and a list of filler parts such as 'bright' and 'view'), which is exactly
the vocabulary that can ever give a symbol.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Literal

import regex

from branding.design.language.cleaning import plain_text
from branding.design.language.lexicon import lexicon
from branding.design.language.tokens import tokenise
from branding.design.symbols.concepts import ConceptTable, fold
from branding.design.symbols.vocabulary import Vocabulary, vocabulary
from branding.models import CompanyProfile, CompanyType

Source = Literal['name', 'industry', 'description', 'audience', 'values']

# The name is what the company chose to be called, so its words weigh most, more than the industry and description
# together (a designer draws the wave of Tidewater before the columns of a credit union); the industry says what the
# company is; the description says much, most of it not about what the company is; audience and values are faint.
WEIGHTS: Mapping[Source, float] = MappingProxyType(
    {'name': 4.0, 'industry': 2.0, 'description': 1.0, 'audience': 0.5, 'values': 0.5}
)
NAMING: frozenset[Source] = frozenset({'name', 'industry'})  # where a figurative word still names the thing
MIN_PART = 3  # a compound part shorter than this is noise: 'Sunday' is not sun + day
MAX_PARTS = 3

_NAME_PIECE = regex.compile(r'[\p{L}\p{M}\p{N}]+')
_CAMEL = regex.compile(r'(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})')
_INNER_MARK = regex.compile(r"['’]s$|['’.\-/&+]", regex.IGNORECASE)


@dataclass(kw_only=True, slots=True, frozen=True)
class ProfileWord:
    text: str  # as written: 'Tide'
    forms: tuple[str, ...]  # folded forms looked up in the table: ('tides', 'tide')
    source: Source  # where it was found, as a rationale says it
    counts_as: Source  # where it counts: a name's 'Bakery' or 'Labs' says what the company is, like the industry
    weight: float
    position: int  # order of appearance across the profile: ties go to the earlier word
    whole: str = ''  # the name word it was split from ('Tidewater'), '' when it was not split
    generic: bool = False  # a word every company uses ('platform'): tells a sector, never a symbol


@dataclass(kw_only=True, slots=True, frozen=True)
class ProfileWords:
    name: str  # as written, markup removed
    industry: str
    company_type: CompanyType
    words: tuple[ProfileWord, ...]


def _split(folded: str, known: frozenset[str], vocab: Vocabulary) -> tuple[int, ...] | None:
    """The ends of the parts of `folded` when it splits into 2-3 known words of MIN_PART+ letters (never all of
    MIN_PART: 'carpet' is no car + pet); the fewest parts win, then the longest last part, the head of an English
    compound ('Sunspark' is sun + spark, not suns + park). None when it does not split."""

    def is_known(part: str) -> bool:
        return any(form in known for form in vocab.forms(part))

    best: tuple[int, ...] | None = None
    stack: list[tuple[int, tuple[int, ...]]] = [(0, ())]
    while stack:
        start, ends = stack.pop()
        if start == len(folded):
            lengths = [end - begin for begin, end in zip((0, *ends), ends, strict=False)]
            if len(ends) > 1 and max(lengths) > MIN_PART and (best is None or _better(ends, best)):
                best = ends
            continue
        if len(ends) < MAX_PARTS:
            stack.extend(
                (end, (*ends, end)) for end in range(start + MIN_PART, len(folded) + 1) if is_known(folded[start:end])
            )
    return best


def _better(ends: tuple[int, ...], best: tuple[int, ...]) -> bool:
    return (len(ends), ends[-2]) < (len(best), best[-2])


def name_parts(name: str, vocab: Vocabulary) -> list[tuple[str, str]]:
    """The name's words as (part, whole): camel case and compounds split into known words, each part as written.
    'NimbusForge' -> [('Nimbus', ''), ('Forge', '')]; 'Tidewater' -> [('Tide', 'Tidewater'), ('water', 'Tidewater')].
    A word that is itself a concept word ('firewall', 'evergreen') or that does not split stays whole."""
    found: list[tuple[str, str]] = []
    for piece in _NAME_PIECE.findall(plain_text(name)):
        for word in (part for part in _CAMEL.split(piece) if part):
            folded = fold(word)
            is_concept = any(form in vocab.concepts.exact for form in vocab.forms(folded))
            ends = None if is_concept else _split(folded, vocab.known_words, vocab)
            if ends is None:
                found.append((word, ''))
            else:
                found.extend((word[begin:end], word) for begin, end in zip((0, *ends[:-1]), ends, strict=True))
    return found


def _text_runs(text: str) -> Iterator[list[str]]:
    """Runs of words between commas and stops, each word split at inner marks ('cloud-based' -> cloud, based)."""
    run: list[str] = []
    for token in tokenise(plain_text(text)):
        if not token.is_word:
            if run:
                yield run
            run = []
            continue
        run.extend(piece for piece in _INNER_MARK.split(token.text) if piece)
    if run:
        yield run


def _phrase_length(folded: list[str], index: int, vocab: Vocabulary) -> int:
    """How many words from `index` make one of the table's phrases ('credit union', 'machine learning'); 1 if none."""
    for length in (3, 2):
        if index + length <= len(folded):
            phrase = ' '.join(folded[index : index + length])
            if any(form in vocab.phrases for form in vocab.forms(phrase)):
                return length
    return 1


def _counts_as(key: str, source: Source, vocab: Vocabulary, *, descriptive: bool) -> Source:
    if source != 'name' or not descriptive:
        return source
    if all(part in vocab.table.company_words for part in key.split(' ')) or vocab.sectors.find(vocab.forms(key)):
        return 'industry'  # 'Capital', 'Labs', 'Logistics', 'Bakery': the kind of company, not its own image
    return source


def _read_run(
    run: list[tuple[str, str]], source: Source, vocab: Vocabulary, first: int, *, descriptive: bool = False
) -> list[ProfileWord]:
    """One run of (word, whole) as profile words; stopwords and ignored words dropped, phrases read as one word.
    `descriptive`: the run is a name of several words, whose unsplit sector and company words describe the company."""
    lex, table = lexicon(), vocab.table
    folded = [fold(text) for text, _ in run]
    words: list[ProfileWord] = []
    index = 0
    while index < len(run):
        length = _phrase_length(folded, index, vocab)
        text, key = ' '.join(t for t, _ in run[index : index + length]), ' '.join(folded[index : index + length])
        whole = run[index][1] if length == 1 else ''
        index += length
        if key in table.ignored_words or len(key) < 2 or key.isdigit() or (source != 'name' and key in lex.stopwords):
            continue
        if source not in NAMING and key in table.figurative_words:
            continue
        counts_as = _counts_as(key, source, vocab, descriptive=descriptive and not whole)
        words.append(
            ProfileWord(
                text=text,
                forms=vocab.forms(key),
                source=source,
                counts_as=counts_as,
                weight=WEIGHTS[counts_as],
                position=first + len(words),
                whole=whole,
                generic=source != 'name' and key in lex.generic_words,
            )
        )
    return words


def read_words(profile: CompanyProfile, table: ConceptTable | None = None) -> ProfileWords:
    """The profile's words for choosing a symbol, read once per profile and table."""
    return _read(profile.model_dump_json(), vocabulary(table))


@lru_cache(maxsize=256)
def _read(profile_json: str, vocab: Vocabulary) -> ProfileWords:
    profile = CompanyProfile.model_validate_json(profile_json)
    parts = name_parts(profile.name, vocab)
    several = len({whole or str(index) for index, (_, whole) in enumerate(parts)}) > 1
    words = _read_run(parts, 'name', vocab, 0, descriptive=several)
    texts: list[tuple[str, Source]] = [
        (profile.industry, 'industry'),
        (profile.description, 'description'),
        (profile.target_audience, 'audience'),
    ]
    texts += [(value, 'values') for value in profile.brand_values]
    for text, source in texts:
        for run in _text_runs(text):
            words += _read_run([(word, '') for word in run], source, vocab, len(words))
    return ProfileWords(
        name=plain_text(profile.name),
        industry=plain_text(profile.industry),
        company_type=profile.company_type,
        words=tuple(words),
    )
