"""How the offline engine's words read across very different companies: `python -m bench.language`.

Over bench/corpus.json it prints: the shared-sentence rate between every two companies' guidelines (each company's
name replaced by a placeholder; sentences of four words or more), average and worst pair; the tagline skeletons (every
word the profile itself supplies replaced by a slot) and the writer's own pattern ids, with the most frequent one's
share of all lines; and counts of HTML entities, emoji and sentences from the banned cross-sector list in any kit.
Then the palette figures over the same corpus, from bench.palettes (role distances in OKLab against their thresholds,
disliked hues, near-identical triples across sectors, accent hues per sector).
"""

from __future__ import annotations

import argparse
import itertools
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from bench import palettes
from bench.corpus import corpus_profiles
from branding.design.font_files import FontLibrary
from branding.design.language import lexicon
from branding.models import CompanyProfile, Tagline
from branding.sections.guidelines import build_offline_guidelines
from branding.sections.palette import build_offline_palette
from branding.sections.taglines import build_offline_taglines
from branding.sections.typography import build_offline_typography
from branding.settings import Settings

TAGLINES_PER_KIT = 8
MIN_SENTENCE_WORDS = 4
NAME_PLACEHOLDER = '{name}'

# Phrases that belong to some sectors only: (phrase, the sectors it may appear in). Matched case-insensitively as
# whole words in the guidelines and taglines of every kit whose expected sector is not listed.
SOFTWARE = frozenset({'developer_tools', 'b2b_software', 'consumer_apps', 'security', 'crypto'})
BANNED_ELSEWHERE: tuple[tuple[str, frozenset[str]], ...] = (
    ('show real product screens', SOFTWARE),
    ('product screens', SOFTWARE),
    ('buttons say what happens', SOFTWARE | {'finance', 'insurance', 'health'}),
    ('get things done', SOFTWARE),
    ('ready to get things done', frozenset()),
    ('your workspace', SOFTWARE),
    ('well-earned coffee', frozenset()),
    ('context switching', frozenset({'developer_tools', 'b2b_software'})),
    ('empty states', SOFTWARE | {'finance', 'insurance', 'health', 'kids_education'}),
    ('onboarding email', SOFTWARE | {'finance', 'insurance'}),
    ('product ui', SOFTWARE | {'finance', 'insurance', 'health'}),
    ('release notes', frozenset({'developer_tools', 'b2b_software', 'consumer_apps', 'security', 'crypto'})),
    ('pull request', frozenset({'developer_tools'})),
    ('dashboard', SOFTWARE | {'finance', 'health', 'industry'}),
    ('free trial', SOFTWARE),
    ('sign up', SOFTWARE | {'finance', 'consumer_apps', 'kids_education', 'nonprofit'}),
    ('users', SOFTWARE | {'finance', 'health', 'kids_education'}),
    ('tech stack', frozenset({'developer_tools', 'b2b_software', 'security'})),
    ('on-chain', frozenset({'crypto'})),
    ('wallet', frozenset({'crypto', 'finance', 'retail'})),
    ('bargain', frozenset({'retail', 'food'})),
    ('cheap', frozenset()),
)

# The sector each corpus company belongs to, as a reader would file it (names as in bench/corpus.json).
EXPECTED_SECTORS: dict[str, str] = {
    'Hearthstone Bakery': 'food',
    'Granite Trust Bank': 'finance',
    'Doodle Dino': 'kids_education',
    'Sentinel Ridge': 'security',
    'Maison Velours': 'luxury',
    'さくらデザイン': 'creative',
    'بيت التمويل': 'finance',
    'Q': 'b2b_software',
    (
        'The Northern Coastal Federation of Independent Fishing Cooperatives, Seafood Processors and Harbour '
        'Associations'
    ): 'industry',
    'Tidewater Credit Union': 'finance',
    'Arbor & Ash Capital': 'finance',
    'Nimbus Forge': 'developer_tools',
    'Bloom & Root': 'retail',
    'Pulsepoint Health': 'health',
    'Ironclad Freight': 'industry',
    'Lumen Ledger': 'finance',
    'Cinderhouse Coffee': 'food',
    'Verdant Grid': 'industry',
    'Atlas Legal': 'professional_services',
    'Kestrel AI': 'b2b_software',
    'Chainlink Mutual': 'crypto',
    'Little Lanterns': 'kids_education',
    'Harbour Lights Foundation': 'nonprofit',
    'Stitch & Thread': 'retail',
    'שלום טק': 'b2b_software',
    'गंगा आयुर्वेद': 'health',
    'Hearthside Mutual': 'insurance',
    'Strider': 'consumer_apps',
    (
        'European Consortium for the Development of Sustainable Offshore Wind, Wave and Tidal Energy Research, '
        'Testing, Demonstration and Certification Infrastructure'
    ): 'nonprofit',
    'Paws & Suds': 'general',
}

_ENTITY = regex.compile(r'&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});')
_EMOJI = regex.compile(r'(?![©®™‼⁉])[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F\u20E3]')
_SENTENCE_END = regex.compile(r'(?<=[.!?…])\s+')
_MARKUP = regex.compile(r'\*\*|`|^\s*(?:[-*+]|\d+[.)])\s+', regex.MULTILINE)
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’-]*")


@dataclass(kw_only=True, slots=True)
class Kit:
    profile: CompanyProfile
    guidelines: str
    taglines: list[Tagline]


def make_kits(profiles: Sequence[CompanyProfile], seed: int, fonts: FontLibrary) -> list[Kit]:
    """Each profile's palette, typography, taglines and guidelines from the offline engine (no logos: not read)."""
    kits = []
    for profile in profiles:
        palette = build_offline_palette(profile, seed)
        typography = build_offline_typography(profile, seed, fonts=fonts)
        taglines = build_offline_taglines(profile, TAGLINES_PER_KIT, seed)
        guidelines = build_offline_guidelines(profile, palette, typography, taglines, seed)
        kits.append(Kit(profile=profile, guidelines=guidelines, taglines=taglines))
    return kits


# --- shared sentences -------------------------------------------------------------------------------------------------


def sentences(markdown: str, name: str) -> set[str]:
    """The document's sentences of MIN_SENTENCE_WORDS words or more, markup and the company's name taken out,
    case-folded; headings are structure, not sentences, and are left out."""
    found: set[str] = set()
    for line in markdown.splitlines():
        if line.lstrip().startswith('#') or not line.strip():
            continue
        text = _MARKUP.sub('', line).replace('\\', '')
        if name.strip():
            text = text.replace(name, NAME_PLACEHOLDER)
        for sentence in _SENTENCE_END.split(text):
            normal = ' '.join(sentence.casefold().split())
            if len(_WORD.findall(normal)) >= MIN_SENTENCE_WORDS:
                found.add(normal)
    return found


def shared_rate(first: set[str], second: set[str]) -> float:
    """The share of sentences two documents have in common: the mean of each one's share found in the other."""
    if not first or not second:
        return 0.0
    common = len(first & second)
    return (common / len(first) + common / len(second)) / 2


@dataclass(kw_only=True, slots=True)
class SharedSentences:
    average: float
    worst: float
    worst_pair: tuple[str, str]
    everywhere: list[str]  # sentences every kit has


def shared_sentences(kits: Sequence[Kit]) -> SharedSentences:
    sets = [sentences(kit.guidelines, kit.profile.name) for kit in kits]
    rates = []
    worst, worst_pair = -1.0, ('', '')
    for (a, first), (b, second) in itertools.combinations(enumerate(sets), 2):
        rate = shared_rate(first, second)
        rates.append(rate)
        if rate > worst:
            worst, worst_pair = rate, (kits[a].profile.name, kits[b].profile.name)
    everywhere = sorted(set.intersection(*sets)) if sets else []
    return SharedSentences(average=statistics.fmean(rates), worst=worst, worst_pair=worst_pair, everywhere=everywhere)


# --- tagline patterns -------------------------------------------------------------------------------------------------


def _profile_words(profile: CompanyProfile) -> set[str]:
    texts = [profile.name, profile.industry, profile.description, profile.target_audience, *profile.brand_values]
    return {word.casefold() for text in texts for word in _WORD.findall(text)}


def _from_profile(word: str, own: set[str]) -> bool:
    """A word the profile supplies, or a form of one ('warm' for 'warmth', 'swap' for 'swaps')."""
    folded = word.casefold()
    if folded in own:
        return True
    stem = folded[:5]
    return len(folded) >= 5 and any(len(mine) >= 5 and mine[:5] == stem for mine in own)


def skeleton(text: str, profile: CompanyProfile) -> str:
    """The line with every word the profile supplies replaced by X (runs of them by one X), case-folded."""
    own = _profile_words(profile)
    out: list[str] = []
    position = 0
    for match in _WORD.finditer(text):
        out.append(text[position : match.start()].casefold())
        word = match.group()
        if _from_profile(word, own):
            if not (out and out[-1] == '' and len(out) > 1 and out[-2] == 'X'):
                out.append('X')
        else:
            out.append(word.casefold())
        position = match.end()
    out.append(text[position:].casefold())
    return regex.sub(r'X(?:\s+X)+', 'X', ''.join(out)).strip()


def frame(text: str) -> str:
    """The line's frame: only its function words and punctuation kept, every other word run an X ('Made for X.')."""
    stopwords = lexicon().stopwords
    out = _WORD.sub(lambda match: match.group().casefold() if match.group().casefold() in stopwords else 'X', text)
    return regex.sub(r'X(?:\s+X)+', 'X', out.casefold().replace('x', 'x')).strip()


def top_share(labels: Sequence[str]) -> tuple[float, str, int]:
    """The most frequent label's share of all labels, the label and its count."""
    if not labels:
        return 0.0, '', 0
    label, count = Counter(labels).most_common(1)[0]
    return count / len(labels), label, count


def tagline_patterns(kits: Sequence[Kit], seed: int) -> list[str]:
    """The template each offline tagline was written from, as the writer names it ('promise.way_to')."""
    from branding.sections.taglines.offline import offline_candidates  # noqa: PLC0415 - pattern ids are new

    return [candidate.pattern for kit in kits for candidate in offline_candidates(kit.profile, TAGLINES_PER_KIT, seed)]


# --- what must never appear -------------------------------------------------------------------------------------------


def kit_texts(kit: Kit) -> list[str]:
    return [kit.guidelines, *(tagline.text for tagline in kit.taglines), *(t.explanation for t in kit.taglines)]


def entities(kits: Sequence[Kit]) -> list[str]:
    return [match for kit in kits for text in kit_texts(kit) for match in _ENTITY.findall(text)]


def emoji(kits: Sequence[Kit]) -> list[str]:
    return [match for kit in kits for text in kit_texts(kit) for match in _EMOJI.findall(text)]


def banned_phrases(kits: Sequence[Kit]) -> list[tuple[str, str]]:
    """(company, phrase) for every banned phrase found in a kit of a sector it does not belong to."""
    found = []
    for kit in kits:
        sector = EXPECTED_SECTORS.get(kit.profile.name, 'unknown')
        text = ' '.join(kit_texts(kit)).casefold()
        for phrase, allowed in BANNED_ELSEWHERE:
            if sector not in allowed and regex.search(rf'(?<!\w){regex.escape(phrase)}(?!\w)', text):
                found.append((kit.profile.name, phrase))
    return found


# --- the report -------------------------------------------------------------------------------------------------------


def _print_shared(kits: Sequence[Kit]) -> None:
    shared = shared_sentences(kits)
    pairs = len(kits) * (len(kits) - 1) // 2
    print(f'guidelines, shared sentences over {pairs} pairs (target: average < 12%, every pair < 20%)')
    print(f'  average {shared.average:.1%}   worst {shared.worst:.1%} ({" / ".join(shared.worst_pair)})')
    print(f'  sentences in every kit: {len(shared.everywhere)}')
    for sentence in shared.everywhere[:5]:
        print(f'    {sentence}')


def _print_taglines(kits: Sequence[Kit], seed: int) -> None:
    lines = [(tagline.text, kit.profile) for kit in kits for tagline in kit.taglines]
    skeletons = [skeleton(text, profile) for text, profile in lines]
    share, label, count = top_share(skeletons)
    print(f'taglines: {len(lines)} lines (target: most frequent pattern < 10% of lines)')
    print(f'  distinct skeletons {len(set(skeletons))}; most frequent {share:.1%} ({count}x {label!r})')
    for label, count in Counter(skeletons).most_common(6)[1:]:
        print(f'    {count}x {label!r}')
    frames = [frame(text) for text, _ in lines]
    share, label, count = top_share(frames)
    print(f'  distinct frames (function words kept) {len(set(frames))}; most frequent {share:.1%} ({count}x {label!r})')
    for label, count in Counter(frames).most_common(6)[1:]:
        print(f'    {count}x {label!r}')
    try:
        patterns = tagline_patterns(kits, seed)
    except (ImportError, AttributeError):
        print('  pattern ids: not reported by this version')
        return
    share, label, count = top_share(patterns)
    print(f'  distinct pattern ids {len(set(patterns))}; most frequent {share:.1%} ({count}x {label!r})')
    for label, count in Counter(patterns).most_common(6)[1:]:
        print(f'    {count}x {label!r}')


def report(kits: Sequence[Kit], seed: int) -> None:
    print(f'{len(kits)} companies, offline engine, seed {seed}')
    _print_shared(kits)
    _print_taglines(kits, seed)
    found_entities, found_emoji, banned = entities(kits), emoji(kits), banned_phrases(kits)
    print(f'HTML entities: {len(found_entities)} {sorted(set(found_entities))[:6]}')
    print(f'emoji: {len(found_emoji)} {sorted(set(found_emoji))[:6]}')
    print(f'banned cross-sector phrases: {len(banned)}')
    for company, phrase in banned[:12]:
        print(f'    {company[:40]}: {phrase!r}')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--seed', type=int, default=7)
    parser.add_argument('--show', help='print the guidelines and taglines of the companies whose names contain this')
    args = parser.parse_args()
    fonts = FontLibrary(root=Settings().fonts_dir)
    kits = make_kits(corpus_profiles(), args.seed, fonts)
    if args.show:
        for kit in kits:
            if args.show.casefold() in kit.profile.name.casefold():
                print('\n'.join(f'TAGLINE: {tagline.text}' for tagline in kit.taglines))
                print(kit.guidelines)
        return
    report(kits, args.seed)
    print()
    print('palettes (as `python -m bench.palettes` prints them):')
    palettes.report(palettes.corpus_kits(palettes.SEEDS), len(palettes.SEEDS))


if __name__ == '__main__':
    main()
