"""What a company makes or offers, read from its description: the noun phrases of its lists and the objects of its
verbs ('baking sourdough loaves, croissants and seasonal tarts' -> sourdough loaves, croissants, seasonal tarts).

Only phrases that stand on their own are kept (one to three words, no verb, no dangling function word), so copy that
quotes them reads as a complete phrase; a description with none gives an empty tuple and the writer says something
else instead of lifting a fragment.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from branding.design.language.cleaning import plain_text
from branding.design.language.lexicon import gerund, is_base_verb, lexicon, third_person_lemma

MAX_PRODUCT_WORDS = 3
MAX_PRODUCTS = 4
_SHORT_NAME_WORDS = 4  # a long name ('... Wave and Tidal Energy Research ...') shares words with anything
_SENTENCES = regex.compile(r'[.;:!?()\[\]]+(?:\s|$)|[:;()]')
_ITEM_SPLIT = regex.compile(r'\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*')
_WORD = regex.compile(r"^[\p{L}][\p{L}\p{N}'’-]*$")
_NUMBER_WORDS = frozenset({'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'many'})
_PARTICIPLES = frozenset({'sold', 'made', 'built', 'grown', 'run', 'done', 'known', 'given', 'taken', 'shown', 'paid'})
_BREAKS = frozenset({'than', 'as', 'and/or'})
_AUDIENCE_LEADS = frozenset({'for', 'to'})  # 'for families and foundations' names who, not what
_COLLECTIVES = frozenset(
    {'consortium', 'federation', 'network', 'group', 'association', 'alliance', 'union', 'coalition'}
)
_NOT_NOUN_ENDINGS = frozenset({'aside', 'away', 'back', 'out', 'up', 'down', 'off', 'together', 'alive', 'online'})
_MEASURES = frozenset({'runs', 'range', 'ranges', 'variety', 'selection', 'batches', 'lots', 'kinds', 'types'})
_CATEGORY_WORDS = frozenset({'app', 'platform', 'service', 'tool', 'company', 'firm', 'studio', 'shop', 'business'})
_PRONOUNS = frozenset({'it', 'they', 'we', 'you', 'he', 'she', 'them', 'us', 'who', 'which'})


@lru_cache(maxsize=4096)
def _gerund_of_verb(word: str) -> bool:
    if not word.endswith('ing') or len(word) < 6:
        return False
    stem = word[:-3]
    return any(is_base_verb(base) and gerund(base) == word for base in (stem, f'{stem}e', stem[:-1]))


def _verb_like(word: str) -> bool:
    folded = word.casefold()
    return is_base_verb(folded) or third_person_lemma(folded) is not None or _gerund_of_verb(folded)


def _segments(description: str) -> list[list[str]]:
    """The description cut into runs of words at sentence ends, prepositions and clause words (commas kept); a run
    that follows 'for' or 'to' is left out (it names who the company serves, not what it offers)."""
    lex = lexicon()
    breaks = lex.prepositions | lex.clause_words | _BREAKS
    segments: list[list[str]] = []
    for sentence in _SENTENCES.split(plain_text(description)):
        current: list[str] = []
        lead = ''
        for token in regex.findall(r"[\p{L}\p{N}][\p{L}\p{N}'’/-]*|,|&", sentence):
            if token.casefold() in breaks:
                segments += _kept(current, lead)
                after_collective = token.casefold() == 'of' and bool(current) and current[-1].casefold() in _COLLECTIVES
                current, lead = [], 'for' if after_collective else token.casefold()  # 'a consortium of': members
            else:
                current.append(token)
        segments += _kept(current, lead)
    return segments


def _kept(segment: list[str], lead: str) -> list[list[str]]:
    """The segment as it may name products: after 'for' or 'to' only what follows a verb ('for coastal communities
    offering savings' -> 'savings')."""
    if not segment or lead not in _AUDIENCE_LEADS:
        return [segment] if segment else []
    verbs = [index for index, word in enumerate(segment) if word.endswith('ing') and _verb_like(word)]
    return [segment[verbs[0] :]] if verbs else []


def _object(words: list[str]) -> list[str]:
    """The words after the verb of an item ('bakery baking sourdough loaves' -> 'sourdough loaves'). A verb in -s or
    -ing form governs before a bare one ('shares offshore test berths': 'test' is a noun there); a verb-like word at
    the very end is a noun ('penetration tests'); of two -ing words in a row the first governs ('running reading
    clubs')."""
    inflected = [index for index, word in enumerate(words[:-1]) if _inflected_verb(word)]
    candidates = inflected or [index for index, word in enumerate(words[:-1]) if _verb_like(word)]
    last = -1
    for index in candidates:
        follows_gerund = (
            last >= 0 and index - 1 == last and words[last].endswith('ing') and words[index].endswith('ing')
        )
        if not follows_gerund:
            last = index
    return words[last + 1 :] if last >= 0 else words


def _inflected_verb(word: str) -> bool:
    folded = word.casefold()
    return third_person_lemma(folded) is not None or _gerund_of_verb(folded)


def _phrase(words: list[str]) -> str:
    """An item as a product phrase, or '' when it is not one."""
    lex = lexicon()
    kept = [word for word in words if word.casefold() not in lex.determiners and word.casefold() not in _NUMBER_WORDS]
    kept = kept[-MAX_PRODUCT_WORDS:]
    if not kept or not all(_WORD.match(word) for word in kept):
        return ''
    last = kept[-1].casefold()
    if kept[0].casefold() in lex.stopwords:
        return ''
    if (
        any(word.casefold() in _PRONOUNS for word in kept)
        or last in _NOT_NOUN_ENDINGS | _MEASURES
        or last.endswith('ly')
    ):
        return ''
    if last in lex.stopwords or last in _PARTICIPLES or last.endswith('ed') or last in lex.dangling_words:
        return ''
    if len(kept) == 1 and (is_base_verb(last) or third_person_lemma(last) or last in _CATEGORY_WORDS):
        return ''
    return ' '.join(kept)


def _items(segment: list[str], name_words: set[str]) -> list[str]:
    """The items of a list ('A, B and C'), each as a product phrase; none when any item is not one (then it was a
    list of actions or of qualities) or when the list is two modifiers of one noun ('trucking and warehousing
    company')."""
    text = ' '.join(segment).replace(' ,', ',')
    parts = [part.split(' ') for part in _ITEM_SPLIT.split(text) if part.strip()]
    determiners = lexicon().determiners
    first = [word for word in parts[0] if word.casefold() not in determiners] if parts else []
    if len(parts) < 2 or (len(parts) == 2 and len(first) == 1 and first[0].endswith('ing') and len(parts[1]) > 1):
        return []
    if sum(1 for part in parts[1:] if any(third_person_lemma(word) for word in part[:2])) >= 2:
        return []  # 'builds a plan, cheers every walk and never shames a missed day': what it does, not what it is
    items = [_phrase(_object(part)) for part in parts]
    items = [item for item in items if item and not {word.casefold() for word in item.split(' ')} & name_words]
    return items if len(items) == len(parts) or (len(items) >= 2 and items[0] == _phrase(_object(parts[0]))) else []


def _lone_object(segment: list[str]) -> str:
    """The object of a verb in -ing or -s form ('composing small-batch fragrances'); a base form is too often a noun
    ('live tracking'), and a list that was not one of products gives none."""
    if ',' in segment:  # of a list of actions, only the last one's object: 'builds, tests and deploys X'
        last = _ITEM_SPLIT.split(' '.join(segment).replace(' ,', ','))[-1].split(' ')
        return _phrase(last[1:]) if last and _inflected_verb(last[0]) else ''
    words = [word for word in segment if word != '&']
    after = _object(words)
    if len(after) == len(words):
        return ''
    verb = words[len(words) - len(after) - 1].casefold()
    return _phrase(after) if verb.endswith('ing') or third_person_lemma(verb) else ''


@lru_cache(maxsize=256)
def read_products(description: str, name: str = '') -> tuple[str, ...]:
    """Up to four things the company makes or offers, in the order the description names them (a list of three or
    more first). Phrases with a word of the company's name are left out."""
    name_words = {word.casefold() for word in name.split()} if len(name.split()) <= _SHORT_NAME_WORDS else set()
    long_list: list[str] = []
    short: list[str] = []  # before a long list: two-item lists and objects
    lone: list[str] = []  # objects of a verb before a long list ('composing small-batch fragrances')
    found: list[str] = []
    for segment in _segments(description):
        items = _items(segment, name_words)
        if len(items) >= 3 and not long_list:
            long_list = items
        elif items:
            (found if long_list else short).extend(items)
        elif (thing := _lone_object(segment)) and not {word.casefold() for word in thing.split(' ')} & name_words:
            (found if long_list else lone).append(thing)
    distinct: dict[str, str] = {}
    for item in (*lone[:1], *long_list, *short, *lone[1:], *found):
        distinct.setdefault(item.casefold(), item if item[:2].isupper() else item[0].lower() + item[1:])
    return tuple(distinct.values())[:MAX_PRODUCTS]
