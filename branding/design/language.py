"""The words of the offline design engine: clean text, count words, read the profile, and speak in a brand voice.

Everything here is dictionary-based and deterministic (no model, no network), so it runs in well under a millisecond.
The copy frames are English; words in other scripts are carried through verbatim, never translated or respelled.
"""

from __future__ import annotations

import html
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from branding.models import TONES, CompanyProfile, CompanyType

# --- cleaning ---------------------------------------------------------------------------------------------------------

_SCRIPT_BLOCK = regex.compile(r'<(script|style)\b[^>]*>.*?</\1\s*>', regex.IGNORECASE | regex.DOTALL)
_TAG = regex.compile(r'</?[A-Za-z!][^<>]*>')
_MARKDOWN_LINK = regex.compile(r'!?\[([^\]]*)\]\([^)]*\)')
_URL = regex.compile(r'\b(?:https?|ftp|javascript|data|vbscript|mailto):\S*|\bwww\.\S+', regex.IGNORECASE)
_MARKDOWN_MARKS = regex.compile(r'\*+|__+|~~|`+')
_UNDERSCORE_EMPHASIS = regex.compile(r'(?<![\p{L}\p{N}])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}])')
_CONTROL = regex.compile(r'\p{Cc}')
_EDGE_PUNCTUATION = regex.compile(r'^[\p{P}\s]+|[\p{P}\s]+$')
_HAS_WORD_CHAR = regex.compile(r'[\p{L}\p{N}]')
_SPACE_BEFORE_PUNCTUATION = regex.compile(r'\s+([,.;:!?…])')


def collapse_spaces(text: str) -> str:
    return ' '.join(text.split())


def has_word_chars(text: str) -> bool:
    return bool(_HAS_WORD_CHAR.search(text))


@lru_cache(maxsize=1024)
def plain_text(text: str) -> str:
    """The readable words of user or model text: no HTML tags, Markdown marks, links or URLs, one space between words.

    Entities are decoded first so that '&lt;b&gt;' is treated like the tag it spells.
    """
    text = html.unescape(_CONTROL.sub(' ', text))
    text = _SCRIPT_BLOCK.sub(' ', text)
    text = _TAG.sub(' ', text)
    text = _MARKDOWN_LINK.sub(r'\1', text)
    text = _URL.sub(' ', text)
    text = _UNDERSCORE_EMPHASIS.sub(r'\1', _MARKDOWN_MARKS.sub('', text))
    return _SPACE_BEFORE_PUNCTUATION.sub(r'\1', collapse_spaces(text))


_LIST_MARKER = regex.compile(r'^\s*(?:[-*+•·▪◦‣>]+|\(?\d{1,2}\s*[.):\]]|#{1,6})\s+')


def strip_list_marker(text: str) -> str:
    """'1. Clarity', '- Clarity', '## Clarity' -> 'Clarity': numbering and bullets are formatting, not words."""
    return _LIST_MARKER.sub('', text, count=1)


def trim_edge_punctuation(text: str) -> str:
    return _EDGE_PUNCTUATION.sub('', text)


def _is_title_word(word: str) -> bool:
    return len(word) >= 2 and word[0].isupper() and word[1:].islower()


def _has_inner_capital(word: str) -> bool:
    return word[1:] != word[1:].lower()


def capitalise_first(text: str) -> str:
    """Upper-case the first letter, leaving stylised words such as 'iPhone' or 'eBay' alone."""
    first = text[:1]
    if first.isupper() or first.isdigit():
        return text
    for index, char in enumerate(text):
        if char.isalpha():
            first_word = text[index:].split(' ', 1)[0]
            if char.islower() and not _has_inner_capital(first_word):
                return f'{text[:index]}{char.upper()}{text[index + 1 :]}'
            return text
        if char.isdigit():
            return text
    return text


def inline_case(phrase: str, proper_nouns: Iterable[str] = ()) -> str:
    """A phrase as it should read mid-sentence: 'Personal Finance' -> 'personal finance', but 'AI', 'GitHub' and
    known proper nouns keep their capitals.

    A capitalised first word is assumed to be capitalised only because it started the field; a phrase where every
    word is capitalised is assumed to be title-styled.
    """
    proper = {word.casefold() for word in proper_nouns}
    words = phrase.split(' ')
    lettered = [word for word in words if any(char.isalpha() for char in word)]
    title_styled = len(lettered) > 1 and all(
        _is_title_word(word) or word.casefold() in _SMALL_WORDS for word in lettered
    )
    cased = []
    for index, word in enumerate(words):
        if _is_title_word(word) and (index == 0 or title_styled) and word.casefold() not in proper:
            cased.append(word.lower())
        else:
            cased.append(word)
    return ' '.join(cased)


def end_sentence(text: str) -> str:
    """Close a sentence with a full stop unless it already ends in terminal punctuation ('Acme:' -> 'Acme.')."""
    text = text.rstrip().rstrip(',;:-–—').rstrip() or text.strip()
    return text if text.endswith(('.', '!', '?', '…', '。', '！', '？')) else f'{text}.'


def join_naturally(items: Iterable[str]) -> str:
    """'a', 'a and b', 'a, b and c' (house style: no serial comma)."""
    listed = list(items)
    if len(listed) <= 1:
        return ''.join(listed)
    return f'{", ".join(listed[:-1])} and {listed[-1]}'


def quoted(text: str) -> str:
    return f'“{text}”'


def with_article(phrase: str) -> str:
    """'a fintech', 'an e-commerce', 'an AI' (by the sound of the first letter, which is right for these words)."""
    article = 'an' if phrase[:1].casefold() in {'a', 'e', 'i', 'o'} or phrase.startswith(('AI', 'ML')) else 'a'
    return f'{article} {phrase}'


# --- counting words ---------------------------------------------------------------------------------------------------

# Chinese and Japanese are written without spaces, so a whole sentence would otherwise count as one word. Their
# average word is about two characters long, hence two characters make a word. Thai, Lao, Khmer and Myanmar are also
# unspaced, with longer words (about four letters).
CJK_CHARACTERS_PER_WORD = 2
SPACELESS_LETTERS_PER_WORD = 4
_CJK_RUN = regex.compile(r'[\p{Han}\p{Hiragana}\p{Katakana}\u30fc\u3005\u3006]+')
_SPACELESS_RUN = regex.compile(r'[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]+')
_LETTER = regex.compile(r'\p{L}')
_COUNTABLE = regex.compile(r'[^\p{P}\p{Z}\p{C}]')
_ASCII_PUNCTUATION = ''.join(chr(code) for code in range(128) if regex.match(r'[\p{P}\p{C}]', chr(code)))


def count_words(text: str) -> int:
    """Words as a reader would count them.

    A whitespace-separated token counts as one word when it holds at least one letter, digit or symbol (so 'AI-first'
    and '$5' are one word each, while a lone '—' or '&' is not a word). Runs of Chinese or Japanese characters count one
    word per two characters (rounded up), Thai-family runs one word per four letters; the rest of a mixed token such as
    'AI搭載' counts as one more word.
    """
    if text.isascii():  # the common case, without the Unicode machinery
        return sum(1 for token in text.split() if token.strip(_ASCII_PUNCTUATION))
    total = 0
    for token in text.split():
        for run in _CJK_RUN.findall(token):
            total += math.ceil(len(run) / CJK_CHARACTERS_PER_WORD)
        for run in _SPACELESS_RUN.findall(token):
            total += math.ceil(len(_LETTER.findall(run)) / SPACELESS_LETTERS_PER_WORD)
        rest = _SPACELESS_RUN.sub(' ', _CJK_RUN.sub(' ', token))
        total += sum(1 for piece in rest.split() if _COUNTABLE.search(piece))
    return total


_STRONG_BREAK = ('.', '!', '?', ';', ':', '…', '。', '！', '？')
_WEAK_BREAK = (',', '、')
_DASHES = ('-', '–', '—')
_TRAILING_JUNK = regex.compile(r'[\s,;:、\-–—/&+]+$')
_CJK_BREAK = regex.compile(r'[、。！？]')


def _trim_unspaced_token(token: str, limit: int) -> str:
    """Cut one long run of Chinese or Japanese text to `limit` words, at its last comma or stop when there is one."""
    kept = ''
    for char in token:
        if count_words(kept + char) > limit:
            break
        kept += char
    breaks = [match.end() for match in _CJK_BREAK.finditer(kept)]
    return kept[: breaks[-1]].rstrip('、') if breaks and breaks[-1] > len(kept) // 2 else kept


def _bare(token: str) -> str:
    return trim_edge_punctuation(token).casefold()


def _phrase_boundary(kept: list[str], dropped: str) -> list[str]:
    """Back off a hard cut to where a phrase ends: 'with a calm' loses all three words, 'every invoice' before 'and'
    keeps both, since a conjunction or preposition after the cut means the phrase before it was complete."""
    boundary_words = DANGLING_WORDS | _PREPOSITIONS | _CLAUSE_WORDS
    if not dropped or _bare(dropped) in boundary_words or _bare(kept[-1]) in boundary_words:
        return kept
    for index in range(len(kept) - 1, max(len(kept) - 4, 2), -1):
        if _bare(kept[index]) in boundary_words:
            return kept[:index]
    return kept


def trim_to_words(text: str, limit: int) -> str:
    """Shorten `text` to at most `limit` words (see count_words), preferring to end where a phrase ends.

    The cut lands, in order of preference, after the last sentence or clause stop (. ! ? ; :) or dash that keeps at
    least three words; after the last comma that keeps most of the limit; otherwise at the limit, backed off to the
    nearest phrase boundary in the last few words, never ending on 'and', 'the', 'with' and the like. A line that ended
    with terminal punctuation still does.
    """
    text = collapse_spaces(text)
    if count_words(text) <= limit:
        return text
    tokens = text.split(' ')
    kept: list[str] = []
    used = 0
    for token in tokens:
        weight = count_words(token)
        if used + weight > limit:
            if not kept:
                kept.append(_trim_unspaced_token(token, limit))
            break
        kept.append(token)
        used += weight
    dropped = tokens[len(kept)] if len(kept) < len(tokens) else ''
    strong, weak = 0, 0
    for index, token in enumerate(kept):
        words_so_far = count_words(' '.join(kept[: index + 1]))
        next_is_dash = index + 1 < len(kept) and kept[index + 1] in _DASHES
        if words_so_far >= 3 and (token.endswith(_STRONG_BREAK + _DASHES) or next_is_dash):
            strong = index + 1
        elif words_so_far >= max(3, math.ceil(limit * 0.6)) and token.endswith(_WEAK_BREAK):
            weak = index + 1
    kept = kept[: strong or weak] if strong or weak else _phrase_boundary(kept, dropped)
    while len(kept) > 1 and _bare(kept[-1]) in DANGLING_WORDS:
        kept.pop()
    trimmed = _TRAILING_JUNK.sub('', ' '.join(kept))
    if text.endswith(('.', '!', '?')):
        trimmed = end_sentence(trimmed)
    return trimmed


# --- word lists -------------------------------------------------------------------------------------------------------


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string, which keeps long word lists readable."""
    return frozenset(words.split())


_SMALL_WORDS = frozenset({'a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with', '&'})

STOPWORDS = word_set("""
    a about above across after again against all almost along also although always am among an and another any anyone
    anything are around as at be because been before being below between both but by can cannot could did do does
    doing done down during each either else enough etc even ever every everyone everything few for from further had
    has have having he her here hers herself him himself his how however i if in into is it its itself just least less
    like lot lots many may me might more most much must my myself never no nor not now of off often on once one only
    onto or other others our ours ourselves out over own per perhaps quite rather really same several she should since
    so some something such than that the their theirs them themselves then there these they this those though through
    thus to too toward towards under until up upon us very via was we well were what whatever when where whether which
    while who whom whose why will with within without would yet you your yours yourself yourselves
    """)

# Words every company uses about itself; they say nothing about this one.
GENERIC_WORDS = word_set("""
    company companies business platform platforms solution solutions product products service services app apps
    application applications tool tools software system systems way ways thing things new best better easy easier
    simple simpler great good leading innovative powerful modern world people users user customers customer clients
    client everyday today based first make makes making made let lets allow allows enable enables offer offers
    provide provides providing help helps helping use uses using used get gets getting want wants need needs able
    all-in-one end-to-end seamless seamlessly cutting-edge next-generation state-of-the-art world-class
    """)

DANGLING_WORDS = word_set("""
    a an the and or but nor of to for with without in on at by from into onto as than that which who whose your our
    their its his her my every each so because while when if whether is are be was were not no very more most &
    """)

# Base forms of verbs that descriptions use for what a product lets people do.
VERBS = word_set("""
    accept access achieve act adapt add adopt advertise analyse analyze annotate answer apply approve archive arrange
    ask assess audit automate avoid back bake balance bank begin bill book boost borrow bring browse budget build buy
    calculate capture care catch celebrate change chat check choose claim clean close coach code collaborate collect
    combine communicate compare compete complete comply compose compute configure connect consolidate contact control
    convert cook coordinate craft create cultivate curate customise customize cut debug decide defend deliver deploy
    design detect develop diagnose discover display do donate draft drive earn edit educate eliminate empower encrypt
    engage enjoy ensure enter estimate evaluate exchange execute expand explore export feed file fill finance find
    finish fix focus forecast fund gain generate get give go govern grow guard guide handle hear heal hire host
    identify import improve increase install insure integrate invest invite invoice join keep label land launch lead
    learn lend level live locate lock log look lower maintain manage map market master match measure meet mentor
    migrate mint model monitor motivate move negotiate notify nurture obtain onboard open operate optimise optimize
    order organise organize own package pay personalise personalize pick plan play post practise practice predict
    prepare present prevent price print prioritise prioritize process produce promote protect prototype prove publish
    purchase put raise rank reach read recognise recognize recommend reconcile record recover recruit recycle reduce
    refactor refine register release remember remove rent repair replace report request research reserve resolve
    respond rest retain return review reward run save scale scan schedule screen search secure see sell send serve set
    settle share ship shop sign simplify sleep solve sort source spend spot stand start stay stop store stream
    streamline study submit subscribe summarise summarize supply support sync take talk teach test thrive trace track
    trade train transfer transform translate travel treat trust turn understand unlock update upgrade upload validate
    verify visualise visualize volunteer watch win work write
    """)

_AUXILIARIES = word_set(
    'is are was were be been being am has have had do does did can could will would shall should may might must'
)
_SUBJECT_WORDS = frozenset({'it', 'we', 'that', 'which', 'who'})
# What a company does to run itself rather than what its customers do with it: 'we build', 'Acme sells'.
_COMPANY_VERBS = word_set(
    'build make sell offer provide develop design manufacture produce supply host run operate craft source'
)
_HELP_WORDS = frozenset({'help', 'helps', 'helping', 'helped'})
_ENABLE_WORDS = frozenset(
    {'let', 'lets', 'enable', 'enables', 'allow', 'allows', 'empower', 'empowers', 'equip', 'equips'}
)
_TO_AFTER = word_set("""
    way easy easier simple simpler place tool app platform need needs want wants designed built made able ready free
    fastest simplest quickest best better time
    """)
_CLAUSE_WORDS = word_set(
    'so while because whether which who whom whose that where when but although though unless until if'
)
_PREPOSITIONS = word_set(
    'into with for in on at from by across through over under to of about around between without via like'
)
_DETERMINERS = word_set('the a an your their our his her its my every each all any more less some this these')
_MASS_NOUNS = word_set("""
    money time data code work health care security software content energy food music travel insurance payroll
    inventory research feedback knowledge infrastructure compliance storage equipment cash spending savings
    wellbeing fitness sleep nutrition revenue traffic design hiring learning support privacy risk
    """)
_PLURAL_WORDS = word_set('people children men women staff folk folks teams crews')
_NOUN_SUFFIXES = ('ity', 'ness', 'ion', 'ment', 'ance', 'ence', 'cy', 'ship', 'dom', 'ism', 'th', 'ure', 'ty', 'ry')
_ADJECTIVE_SUFFIXES = ('ful', 'ous', 'ive', 'able', 'ible', 'al', 'ic', 'less', 'ent', 'ant', 'ish', 'ed', 'ary', 'ly')
_Y_ADJECTIVES = word_set(
    'happy witty tasty healthy easy cosy cozy trendy handy lucky ready steady sturdy tidy worthy savvy sunny'
)


def is_base_verb(word: str) -> bool:
    return word.casefold() in VERBS


def third_person_lemma(word: str) -> str | None:
    """'tracks' -> 'track', 'fixes' -> 'fix', 'simplifies' -> 'simplify'; None when `word` is not such a verb form."""
    lowered = word.casefold()
    if not lowered.endswith('s') or lowered.endswith('ss') or len(lowered) < 3:
        return None
    candidates = [lowered[:-1]]
    if lowered.endswith('ies'):
        candidates.insert(0, f'{lowered[:-3]}y')
    if lowered.endswith('es'):
        candidates.append(lowered[:-2])
    return next((candidate for candidate in candidates if candidate in VERBS), None)


def gerund(verb: str) -> str:
    """'plan' -> 'planning', 'manage' -> 'managing', 'track' -> 'tracking' (regular English spelling rules)."""
    lowered = verb.casefold()
    if lowered.endswith('ie'):
        return f'{verb[:-2]}ying'
    if lowered.endswith('e') and not lowered.endswith(('ee', 'ye', 'oe')) and len(lowered) > 2:
        return f'{verb[:-1]}ing'
    vowels = 'aeiou'
    single_syllable = sum(1 for char in lowered if char in vowels) == 1
    if (
        single_syllable
        and len(lowered) >= 3
        and lowered[-1] not in vowels + 'wxy'
        and lowered[-2] in vowels
        and lowered[-3] not in vowels
    ):
        return f'{verb}{verb[-1]}ing'
    return f'{verb}ing'


_SECOND_PERSON = {'their': 'your', 'theirs': 'yours', 'themselves': 'yourself', 'them': 'you', 'our': 'your'}
_THIRD_PERSON = {'your': 'their', 'yours': 'theirs', 'yourself': 'themselves', 'yourselves': 'themselves'}


def _swap_words(phrase: str, table: Mapping[str, str]) -> str:
    return ' '.join(table.get(word, word) for word in phrase.split(' '))


def to_second_person(phrase: str) -> str:
    """An action as said to the reader: 'manage their money' -> 'manage your money'."""
    return _swap_words(phrase, _SECOND_PERSON)


def to_third_person(phrase: str) -> str:
    """An action as said about the audience: 'connect your bank' -> 'connect their bank'."""
    return _swap_words(phrase, _THIRD_PERSON)


# --- tokens -----------------------------------------------------------------------------------------------------------

_TOKEN = regex.compile(
    r"(?P<word>[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’.\-/&+][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*\+*|&)"
    r'|(?P<comma>[,、])'
    r'|(?P<stop>[.;:!?()\[\]{}"“”«»|。！？…]|\s[-–—]\s|[–—])'
)
_POSSESSIVE = regex.compile(r"['’]s$", regex.IGNORECASE)
_KANJI_OR_KATAKANA = regex.compile(r'[\p{Han}\p{Katakana}\u30fc]{2,}')


@dataclass(frozen=True, kw_only=True, slots=True)
class Token:
    kind: str  # 'word', 'comma' or 'stop'
    text: str
    starts_sentence: bool = False

    @property
    def folded(self) -> str:
        return self.text.casefold()

    @property
    def is_word(self) -> bool:
        return self.kind == 'word'


@lru_cache(maxsize=512)
def tokenise(text: str) -> tuple[Token, ...]:
    """Words, commas and clause stops of plain text, each word marked when it starts a sentence (cached: the reader
    looks at the same description several times)."""
    tokens: list[Token] = []
    sentence_start = True
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or 'stop'
        if kind == 'word':
            tokens.append(Token(kind=kind, text=match.group(), starts_sentence=sentence_start))
            sentence_start = False
        else:
            tokens.append(Token(kind=kind, text=match.group().strip()))
            sentence_start = sentence_start or match.group().strip() in {'.', '!', '?', '。', '！', '？', '…'}
    return tuple(tokens)


def proper_nouns_in(texts: Iterable[str]) -> set[str]:
    """Words written with a capital where no sentence starts: names of things ('Stripe', 'Berlin'), case-folded."""
    found: set[str] = set()
    for text in texts:
        for token in tokenise(plain_text(text)):
            if token.is_word and not token.starts_sentence and _is_title_word(token.text):
                found.add(token.folded)
    return found


def _word_form(token: Token, proper: set[str]) -> str:
    if _is_title_word(token.text) and token.starts_sentence and token.folded not in proper:
        return token.text.lower()
    return token.text


def _is_keyword_candidate(word: str) -> bool:
    folded = word.casefold()
    if folded in STOPWORDS or folded in GENERIC_WORDS or not has_word_chars(word):
        return False
    if word.isupper() and len(word) >= 2:  # acronyms: AI, UX, B2B
        return True
    return len(word) >= 3 and not folded.endswith('ly') and not folded.isdigit()


def _looks_like_noun(word: str) -> bool:
    folded = word.casefold()
    plural = folded.endswith('s') and not folded.endswith(('ss', 'us', 'is')) and len(folded) > 3
    return plural or folded in _MASS_NOUNS or folded.endswith(_NOUN_SUFFIXES) or (word.isupper() and len(word) >= 2)


def keywords(
    *texts: str, exclude: Iterable[str] = (), proper_nouns: Iterable[str] | None = None, limit: int = 12
) -> list[str]:
    """The meaningful words of `text` in the person's own spelling: noun-like words first (plurals, mass nouns, -ity,
    -ment, ..., acronyms), then by frequency, then by first appearance.

    Stopwords, generic business words ('platform', 'solution'), adverbs in -ly and the `exclude` words (also in their
    '-s' verb form) are dropped. Unspaced Japanese or Chinese text yields its runs of kanji or katakana (mostly content
    words) of two to six characters.
    """
    excluded = {word.casefold() for word in exclude}
    proper = set(proper_nouns) if proper_nouns is not None else proper_nouns_in(texts)
    counts: Counter[str] = Counter()
    forms: dict[str, str] = {}
    tokens = [token for part in texts for token in tokenise(plain_text(part))]
    for token in tokens:
        if not token.is_word:
            continue
        pieces = _KANJI_OR_KATAKANA.findall(token.text) if _CJK_RUN.search(token.text) else [token.text]
        for piece in pieces:
            word = _POSSESSIVE.sub('', piece)
            if _CJK_RUN.search(word) and len(word) > 6:
                continue
            key = word.casefold()
            if not _is_keyword_candidate(word) or key in excluded or third_person_lemma(key) in excluded:
                continue
            counts[key] += 1
            forms.setdefault(
                key, _word_form(Token(kind='word', text=word, starts_sentence=token.starts_sentence), proper)
            )
    order = {key: index for index, key in enumerate(forms)}
    ranked = sorted(counts, key=lambda key: (not _looks_like_noun(forms[key]), -counts[key], order[key]))
    return [forms[key] for key in ranked[:limit]]


# --- phrases from the description -------------------------------------------------------------------------------------

MAX_ACTION_WORDS = 7


@dataclass(frozen=True, kw_only=True, slots=True)
class DescriptionReading:
    actions: tuple[str, ...]  # what the product lets people do, base-form verb phrases: 'track invoices'
    objects: tuple[str, ...]  # what those actions act on: 'invoices', 'messy receipts'
    helped: str  # who the description says it helps ('freelancers'), '' when it does not say
    first_sentence: str


def _verb_at(tokens: Sequence[Token], index: int, mode: str) -> str | None:
    """The base form of the verb at `index` when it is one in `mode` ('base', 'third' or 'either')."""
    if index >= len(tokens) or not tokens[index].is_word:
        return None
    word = tokens[index].folded
    if word in _AUXILIARIES or word in _HELP_WORDS:
        return None
    if mode in {'base', 'either'} and is_base_verb(word):
        return word
    if mode in {'third', 'either'}:
        return third_person_lemma(word)
    return None


def _verb_mode(tokens: Sequence[Token], index: int) -> str:
    return 'third' if third_person_lemma(tokens[index].text) and not is_base_verb(tokens[index].text) else 'base'


def _tidy_action(words: list[str]) -> str | None:
    if len(words) > MAX_ACTION_WORDS:
        cut = next((i for i, word in enumerate(words) if i >= 3 and word.casefold() in _PREPOSITIONS), None)
        words = words[:cut] if cut else []
    while words and words[-1].casefold() in DANGLING_WORDS:
        words = words[:-1]
    if len(words) < 2 or len(words) > MAX_ACTION_WORDS:
        return None
    return ' '.join(words)


def _collect_actions(tokens: Sequence[Token], start: int, mode: str, proper: set[str]) -> tuple[list[str], int]:
    """Verb phrases from the verb at `start`: 'track invoices, plan taxes and get paid' gives three."""
    phrases: list[list[str]] = []
    current = [_verb_at(tokens, start, mode) or tokens[start].folded]
    index = start + 1
    while index < len(tokens):
        token = tokens[index]
        if token.kind == 'stop':
            break
        if token.kind == 'comma':
            after = index + 2 if index + 1 < len(tokens) and tokens[index + 1].folded in {'and', 'or'} else index + 1
            verb = _verb_at(tokens, after, mode)
            if verb and len(current) >= 2:
                phrases.append(current)
                current, index = [verb], after + 1
                continue
            break
        if token.folded in {'and', 'or'} and len(current) >= 2 and (verb := _verb_at(tokens, index + 1, mode)):
            phrases.append(current)
            current, index = [verb], index + 2
            continue
        if token.folded in _CLAUSE_WORDS:
            break
        current.append(_word_form(token, proper))
        index += 1
    phrases.append(current)
    actions = [action for words in phrases if (action := _tidy_action(words))]
    return actions, index


def _object_of(action: str) -> str | None:
    """The thing an action acts on, when it is a plain noun phrase: 'track invoices' -> 'invoices'."""
    words = action.split(' ')[1:]
    noun_phrase: list[str] = []
    for word in words:
        folded = word.casefold()
        if folded in _PREPOSITIONS or folded in _CLAUSE_WORDS or folded in {'and', 'or'}:
            break
        if folded in _DETERMINERS:
            if noun_phrase:
                break
            continue
        noun_phrase.append(word)
    if not 1 <= len(noun_phrase) <= 2:
        return None
    head = noun_phrase[-1].casefold()
    plural = head.endswith('s') and not head.endswith(('ss', 'us', 'is')) and len(head) > 3
    if not (plural or head in _MASS_NOUNS) or any(word.casefold() in STOPWORDS for word in noun_phrase):
        return None
    if any(word.casefold().endswith('ly') for word in noun_phrase):
        return None
    return ' '.join(noun_phrase)


_SENTENCE = regex.compile(r'.*?[.!?。！？](?=\s|$)|.+$')


def _first_sentence(text: str) -> str:
    """The first sentence worth quoting: at least three words, so a leading '1.' or 'Hi!' is skipped."""
    sentences = [match.group().strip() for match in _SENTENCE.finditer(text) if match.group().strip()]
    return next((sentence for sentence in sentences if count_words(sentence) >= 3), text.strip())


def read_description(description: str, name: str = '', proper_nouns: Iterable[str] | None = None) -> DescriptionReading:
    """Find what the product does and for whom, from patterns copywriters rely on.

    'helps <who> (to) <verb> ...', 'lets/enables/allows <who> (to) <verb> ...', '<way/easy/...> to <verb> ...',
    '<who> can <verb> ...' and '<it/that/which/who> <verb(s)> ...'; a list such as 'track invoices, plan taxes and get
    paid' is read as three actions. What the company itself does ('we build', '<Name> sells', 'a studio that makes') is
    skipped: it is not something the reader does. Verbs come from a fixed list, so an unknown verb is simply not found.
    """
    text = plain_text(description)
    tokens = tokenise(text)
    proper = set(proper_nouns) if proper_nouns is not None else proper_nouns_in([text])
    name_words = {token.folded for token in tokenise(name) if token.is_word and len(token.text) > 1}
    actions: list[str] = []
    helped = ''
    index = 0
    while index < len(tokens):
        token = tokens[index]
        start, mode, company_side = None, 'base', False
        if token.folded in _HELP_WORDS or token.folded in _ENABLE_WORDS:
            for probe in range(index + 1, min(index + 8, len(tokens))):
                if not tokens[probe].is_word:
                    break
                if tokens[probe].folded == 'to' and _verb_at(tokens, probe + 1, 'base'):
                    start = probe + 1
                elif probe > index + 1 and _verb_at(tokens, probe, 'base'):
                    start = probe
                if start is not None:
                    who = [_word_form(t, proper) for t in tokens[index + 1 : probe]]
                    if who and who[0].casefold() not in {'you', 'us', 'to'} and not helped:
                        helped = ' '.join(who)
                    break
        elif token.folded == 'to' and index > 0 and tokens[index - 1].folded in _TO_AFTER:
            start = index + 1 if _verb_at(tokens, index + 1, 'base') else None
        elif token.folded == 'can' and _verb_at(tokens, index + 1, 'base'):
            start = index + 1
        elif token.folded in _SUBJECT_WORDS or token.folded in name_words:
            mode = 'base' if token.folded == 'we' else 'either'
            if verb := _verb_at(tokens, index + 1, mode):
                start = index + 1
                mode = _verb_mode(tokens, start) if mode == 'either' else mode
                company_side = token.folded == 'we' or token.folded in name_words or verb in _COMPANY_VERBS
        if start is None:
            index += 1
            continue
        found, index = _collect_actions(tokens, start, mode, proper)
        if company_side:  # 'We build tools' is not something the reader does; read on for what the tools do
            index = start + 1
            continue
        actions.extend(action for action in found if action.casefold() not in {a.casefold() for a in actions})
    objects: list[str] = []
    for action in actions:
        thing = _object_of(action)
        if thing and thing.casefold() not in {o.casefold() for o in objects}:
            objects.append(thing)
    return DescriptionReading(
        actions=tuple(actions), objects=tuple(objects), helped=helped, first_sentence=_first_sentence(text)
    )


_AUDIENCE_CUTS = ('who', 'that', 'which', 'whose', 'looking', 'seeking', 'wanting', 'needing', 'trying')
_PHRASE_LEADS = frozenset({'the', 'a', 'an'})


def short_phrase(
    text: str, *, max_words: int = 4, proper_nouns: Iterable[str] = (), stop_at: Iterable[str] = ()
) -> str:
    """The head of a field such as the audience or industry, short enough for a tagline, in mid-sentence case.

    Stops at the first punctuation, relative clause ('who ...') or `stop_at` word; when still too long, cuts before
    the first preposition, then before the first 'and'/'or'. Returns '' when nothing short and readable is left.
    """
    cuts = set(_AUDIENCE_CUTS) | {word.casefold() for word in stop_at}
    words: list[Token] = []
    for token in tokenise(strip_list_marker(plain_text(text))):
        if not token.is_word:
            if words:
                break
            continue
        if words and token.folded in cuts:
            break
        if not words and token.folded in _PHRASE_LEADS:
            continue
        words.append(token)
    for stoppers in (_PREPOSITIONS, {'and', 'or', '&'}):
        if count_words(' '.join(t.text for t in words)) > max_words:
            cut = next((i for i, t in enumerate(words) if i > 0 and t.folded in stoppers), None)
            words = words[:cut] if cut else words
    while words and words[-1].folded in DANGLING_WORDS:
        words.pop()
    phrase = ' '.join(t.text for t in words)
    if not words or count_words(phrase) > max_words or not has_word_chars(phrase) or phrase == '&':
        return ''
    return inline_case(phrase, proper_nouns)


def is_plural_phrase(phrase: str) -> bool:
    last = phrase.rsplit(' ', maxsplit=1)[-1].casefold() if phrase else ''
    return last in _PLURAL_WORDS or (
        last.endswith('s') and not last.endswith(('ss', 'us', 'is', "'s", '’s')) and len(last) > 2
    )


# --- brand values -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class ValueSense:
    noun: str
    adjective: str
    practice: str  # what living the value looks like, as a clause after 'we': 'say the important thing first'


def _sense(noun: str, adjective: str, practice: str) -> ValueSense:
    return ValueSense(noun=noun, adjective=adjective, practice=practice)


_VALUE_SENSES: tuple[tuple[tuple[str, ...], ValueSense], ...] = (
    (('clarity', 'clear'), _sense('clarity', 'clear', 'say the important thing first and make the next step obvious')),
    (
        ('simplicity', 'simple'),
        _sense('simplicity', 'simple', 'remove steps, options and jargon until only what matters is left'),
    ),
    (
        ('trust', 'trusted', 'trustworthy', 'trustworthiness'),
        _sense('trust', 'trusted', 'keep our promises, show our working and own our mistakes'),
    ),
    (
        ('transparency', 'transparent'),
        _sense('transparency', 'transparent', 'show how things work, including prices, limits and our reasons'),
    ),
    (
        ('honesty', 'honest'),
        _sense('honesty', 'honest', 'tell the truth plainly, even when it is not the answer people hoped for'),
    ),
    (('integrity', 'principled'), _sense('integrity', 'principled', 'do the right thing when nobody is checking')),
    (('security', 'secure'), _sense('security', 'secure', 'protect data by default and explain plainly how we do it')),
    (
        ('privacy', 'private'),
        _sense('privacy', 'private', 'collect only what we need and never surprise anyone with how it is used'),
    ),
    (('safety', 'safe'), _sense('safety', 'safe', 'design risk out first and never trade safety for speed')),
    (
        ('reliability', 'reliable', 'dependability', 'dependable'),
        _sense('reliability', 'reliable', 'work the same way every time, and say so early when something breaks'),
    ),
    (
        ('speed', 'fast', 'quick', 'velocity'),
        _sense('speed', 'fast', 'respect people’s time: quick to load, quick to learn and quick to act'),
    ),
    (
        ('efficiency', 'efficient'),
        _sense('efficiency', 'efficient', 'cut waste from every workflow so effort goes where it counts'),
    ),
    (('precision', 'precise'), _sense('precision', 'precise', 'get the details and the numbers exactly right')),
    (('accuracy', 'accurate'), _sense('accuracy', 'accurate', 'check the numbers twice and show where they come from')),
    (
        ('quality', 'well-made'),
        _sense('quality', 'well-made', 'sweat the details people notice and the ones they never will'),
    ),
    (
        ('craft', 'craftsmanship', 'crafted'),
        _sense('craft', 'crafted', 'treat every detail as part of the product, down to the last word'),
    ),
    (('excellence', 'excellent'), _sense('excellence', 'excellent', 'hold our work to a high bar and keep raising it')),
    (
        ('innovation', 'inventive', 'innovative'),
        _sense('innovation', 'inventive', 'look for a better way instead of copying the familiar one'),
    ),
    (
        ('creativity', 'creative'),
        _sense('creativity', 'creative', 'try unexpected ideas and keep the ones that serve people best'),
    ),
    (
        ('curiosity', 'curious'),
        _sense('curiosity', 'curious', 'ask why, listen closely and keep learning from the people we serve'),
    ),
    (('boldness', 'bold'), _sense('boldness', 'bold', 'make clear choices and stand behind them')),
    (
        ('courage', 'brave', 'courageous'),
        _sense('courage', 'brave', 'say the difficult thing and take the better path'),
    ),
    (
        ('empathy', 'empathetic', 'empathic'),
        _sense('empathy', 'empathetic', 'start from the other person’s situation, not from our features'),
    ),
    (('care', 'caring'), _sense('care', 'caring', 'treat every question as if it came from someone we know')),
    (
        ('kindness', 'kind'),
        _sense('kindness', 'kind', 'be generous with patience, help and the benefit of the doubt'),
    ),
    (('respect', 'respectful'), _sense('respect', 'respectful', 'value people’s time, intelligence and choices')),
    (
        ('inclusion', 'inclusive', 'inclusivity', 'belonging'),
        _sense('inclusion', 'inclusive', 'write and design so that everyone feels the product was made for them'),
    ),
    (
        ('diversity', 'diverse'),
        _sense('diversity', 'diverse', 'seek out different perspectives and let them change our minds'),
    ),
    (
        ('accessibility', 'accessible'),
        _sense('accessibility', 'accessible', 'make sure everyone can use what we make, whatever their abilities'),
    ),
    (
        ('community', 'community-minded'),
        _sense('community', 'community-minded', 'build with the people who use our work and share what we learn'),
    ),
    (
        ('collaboration', 'collaborative', 'teamwork'),
        _sense('collaboration', 'collaborative', 'work in the open, with customers and with each other'),
    ),
    (
        ('sustainability', 'sustainable'),
        _sense('sustainability', 'sustainable', 'choose the option that will still be right in ten years'),
    ),
    (
        ('responsibility', 'responsible', 'accountability', 'accountable', 'ownership'),
        _sense('responsibility', 'responsible', 'own the impact of what we build, including the parts nobody sees'),
    ),
    (('openness', 'open'), _sense('openness', 'open', 'share what we know and make it easy to look inside')),
    (('freedom', 'free'), _sense('freedom', 'free', 'give people control and never lock them in')),
    (
        ('independence', 'independent'),
        _sense('independence', 'independent', 'keep people in charge of their own work and data'),
    ),
    (
        ('empowerment', 'empowering'),
        _sense('empowerment', 'empowering', 'give people the tools and knowledge to do it themselves'),
    ),
    (('growth', 'growing'), _sense('growth', 'growing', 'help people get better at what they do, and keep improving')),
    (('focus', 'focused'), _sense('focus', 'focused', 'do fewer things and do them properly')),
    (('calm', 'calmness'), _sense('calm', 'calm', 'remove noise and never invent urgency')),
    (
        ('joy', 'joyful', 'delight', 'delightful'),
        _sense('joy', 'joyful', 'add small moments of delight where they help, never where they get in the way'),
    ),
    (
        ('fun', 'playfulness', 'playful'),
        _sense('fun', 'playful', 'keep things light where it helps, and never at anyone’s expense'),
    ),
    (
        ('authenticity', 'authentic'),
        _sense('authenticity', 'authentic', 'sound like ourselves and never pretend to be something we are not'),
    ),
    (('humanity', 'human'), _sense('humanity', 'human', 'write and design for people, not for metrics')),
    (('expertise', 'expert'), _sense('expertise', 'expert', 'share deep knowledge generously and in plain words')),
    (('impact', 'impactful'), _sense('impact', 'impactful', 'measure success by the difference we make for people')),
    (
        ('affordability', 'affordable'),
        _sense('affordability', 'affordable', 'keep prices fair and easy to understand'),
    ),
    (('fairness', 'fair'), _sense('fairness', 'fair', 'treat everyone by the same rules and explain those rules')),
    (('convenience', 'convenient'), _sense('convenience', 'convenient', 'remove friction wherever people meet us')),
    (('flexibility', 'flexible'), _sense('flexibility', 'flexible', 'fit into the way people already work')),
    (
        ('resilience', 'resilient'),
        _sense('resilience', 'resilient', 'keep working when things go wrong, and recover fast'),
    ),
    (
        ('passion', 'passionate'),
        _sense('passion', 'passionate', 'care visibly about the work and the people it serves'),
    ),
    (('optimism', 'optimistic'), _sense('optimism', 'optimistic', 'look for what can go right and build towards it')),
    (('elegance', 'elegant'), _sense('elegance', 'elegant', 'choose the simplest form that does the job beautifully')),
    (('warmth', 'warm'), _sense('warmth', 'warm', 'sound like a person who is glad to help')),
    (('confidence', 'confident'), _sense('confidence', 'confident', 'state things plainly and stand behind them')),
    (
        ('agility', 'agile'),
        _sense('agility', 'agile', 'ship small, learn fast and change course when evidence says so'),
    ),
    (
        ('wellbeing', 'well-being', 'wellness'),
        _sense('wellbeing', 'healthy', 'put people’s long-term health ahead of short-term engagement'),
    ),
)
VALUE_SENSES: dict[str, ValueSense] = {alias: sense for aliases, sense in _VALUE_SENSES for alias in aliases}


@dataclass(frozen=True, kw_only=True, slots=True)
class ValueWords:
    text: str  # as the person wrote it, edge punctuation trimmed: 'Radical transparency'
    inline: str  # as it reads mid-sentence: 'radical transparency'
    noun: str | None  # 'clarity' for 'clear'; None when no noun form is known
    adjective: str | None  # 'clear' for 'clarity'; None when no adjective form is known
    sense: ValueSense | None

    @property
    def title(self) -> str:
        return capitalise_first(self.text)


def _word_class(word: str) -> str:
    folded = word.casefold()
    if folded.endswith(_NOUN_SUFFIXES):
        return 'noun'
    if folded.endswith(_ADJECTIVE_SUFFIXES) or folded in _Y_ADJECTIVES:
        return 'adjective'
    return 'noun'


def read_value(value: str, proper_nouns: Iterable[str] = ()) -> ValueWords | None:
    """A brand value with its noun and adjective forms; None when it has no letters or digits to say."""
    text = trim_edge_punctuation(strip_list_marker(plain_text(value)))
    if not has_word_chars(text):
        return None
    inline = inline_case(text, proper_nouns)
    sense = VALUE_SENSES.get(text.casefold())
    if sense:
        return ValueWords(text=text, inline=inline, noun=sense.noun, adjective=sense.adjective, sense=sense)
    if ' ' in text or _CJK_RUN.search(text) or not text.isalpha():
        return ValueWords(text=text, inline=inline, noun=inline, adjective=None, sense=None)
    if _word_class(text) == 'adjective':
        return ValueWords(text=text, inline=inline, noun=None, adjective=inline, sense=None)
    return ValueWords(text=text, inline=inline, noun=inline, adjective=None, sense=None)


# --- voices -----------------------------------------------------------------------------------------------------------

TAGLINE_FAMILIES = ('triad', 'contrast', 'promise', 'imperative', 'audience', 'name')


@dataclass(frozen=True, kw_only=True, slots=True)
class Voice:
    """How a brand sounds. Example templates take the fields of `VoiceFacts`."""

    name: str
    summary: str
    cues: frozenset[str]  # words in a free-text tone that point to this voice
    cue_stems: tuple[str, ...]  # prefixes for families of such words ('sophisticat' -> sophisticated, sophistication)
    traits: tuple[tuple[str, str], ...]  # (trait, what it means for the brand)
    adjectives: tuple[str, ...]  # fallbacks for 'X, made <adjective>'
    closers: tuple[str, ...]  # last beat of a value triad
    pains: tuple[str, ...]  # what the voice likes to promise away, mass nouns ('without the fuss', 'less fuss')
    family_weights: Mapping[str, float]
    rules_do: tuple[str, ...]
    rules_dont: tuple[str, ...]
    do_examples: tuple[str, ...]
    dont_examples: tuple[str, ...]
    words_to_avoid: tuple[str, ...]


def _weights(**weights: float) -> dict[str, float]:
    return {family: weights.get(family, 1.0) for family in TAGLINE_FAMILIES}


VOICES: dict[str, Voice] = {
    'professional': Voice(
        name='professional',
        summary=TONES['professional'],
        cues=word_set(
            'professional formal corporate serious business businesslike authoritative competent measured credible '
            'polished official executive sober neutral'
        ),
        cue_stems=('profession', 'authorit', 'competen'),
        traits=(
            ('Competent', 'We know {industry} well and show it through accuracy, not adjectives.'),
            ('Clear', 'We explain things so {audience} can act on them the first time they read.'),
            ('Composed', 'We stay calm and factual, especially when something has gone wrong.'),
        ),
        adjectives=('simple', 'clear'),
        closers=('Delivered.', 'Always.'),
        pains=('busywork', 'guesswork'),
        family_weights=_weights(promise=1.5, audience=1.3, triad=0.8),
        rules_do=('Lead with the point, then the detail.', 'Use precise numbers and plain words.'),
        rules_dont=('Overclaim or stack superlatives.', 'Hide behind jargon or passive voice.'),
        do_examples=(
            '{name} helps {audience} {action}. Here is how it works, step by step.',
            'We have updated how {name} handles {topic}. Here is what changes for you, and when.',
        ),
        dont_examples=(
            '{name} is a revolutionary, game-changing {industry} solution that will blow your mind!',
            'Leverage synergistic, best-in-class capabilities to holistically optimise your {topic} workflows.',
        ),
        words_to_avoid=('synergy', 'leverage', 'revolutionary', 'best-in-class'),
    ),
    'friendly': Voice(
        name='friendly',
        summary=TONES['friendly'],
        cues=word_set(
            'friendly friend warm warmth approachable welcoming casual conversational helpful neighbourly neighborly '
            'relaxed easygoing cheerful inviting chatty personable sociable down-to-earth open'
        ),
        cue_stems=('friend', 'approachab', 'welcom', 'conversation', 'neighbo'),
        traits=(
            ('Warm', 'We sound like a helpful colleague, not a call centre.'),
            ('Approachable', 'Plain words, no jargon, and always an easy way to ask for help.'),
            ('Encouraging', 'We notice progress and celebrate it, however small.'),
        ),
        adjectives=('easy', 'simple'),
        closers=('Yours.', 'Together.'),
        pains=('hassle', 'stress'),
        family_weights=_weights(audience=1.5, name=1.3, imperative=1.2, triad=0.8),
        rules_do=('Write the way you would explain it to a friend.', 'Use contractions and say “you”.'),
        rules_dont=('Sound like a legal notice.', 'Force enthusiasm with exclamation marks.'),
        do_examples=(
            'Hi there! Ready to {action}? {name} walks you through it in a few minutes.',
            'Stuck? Reply to this email and a real person at {name} will help you out.',
        ),
        dont_examples=(
            'Users are required to complete all mandatory fields prior to the submission of {topic}.',
            'OMG!!! {name} is literally the BEST thing ever for {audience}!!!',
        ),
        words_to_avoid=('prior to', 'utilise', 'hereby', 'kindly be advised'),
    ),
    'playful': Voice(
        name='playful',
        summary=TONES['playful'],
        cues=word_set(
            'playful play fun funny witty wit quirky cheeky whimsical humorous humourous silly irreverent '
            'lighthearted light-hearted joyful joy zany goofy energetic youthful upbeat lively spirited cheery'
        ),
        cue_stems=('playful', 'whimsic', 'humor', 'humour', 'irreveren'),
        traits=(
            ('Witty', 'A well-placed joke, never at the expense of {audience}.'),
            ('Energetic', 'Short sentences, lively verbs, a sense of momentum.'),
            ('Surprising', 'We find the unexpected angle on ordinary moments.'),
        ),
        adjectives=('fun', 'easy'),
        closers=('Yours.', 'Done.'),
        pains=('drama', 'faff'),
        family_weights=_weights(name=1.5, contrast=1.4, triad=1.1, promise=0.8),
        rules_do=('Have fun with small moments: empty states, confirmations, loading.', 'Keep jokes short and kind.'),
        rules_dont=('Joke when someone has lost money, data or time.', 'Let wordplay hide what a button does.'),
        do_examples=(
            '{topic_cap} sorted. Time for a well-earned coffee.',
            'Good news: {name} just made it easier to {action}. Go on, try it.',
        ),
        dont_examples=(
            'Per our policy, {topic} functionality is now available to authorised users.',
            'Oops, we may have lost your {topic}. Happens to the best of us!',
        ),
        words_to_avoid=('per our policy', 'functionality', 'as per'),
    ),
    'bold': Voice(
        name='bold',
        summary=TONES['bold'],
        cues=word_set(
            'bold confident direct daring edgy punchy assertive fearless strong loud rebellious rebel disruptive '
            'provocative brave ambitious gutsy intense powerful unapologetic dynamic'
        ),
        cue_stems=('confiden', 'assertiv', 'fearless', 'rebel', 'provocat', 'unapologet'),
        traits=(
            ('Confident', 'We make clear claims and back them up.'),
            ('Direct', 'Short sentences. Active verbs. No hedging.'),
            ('Decisive', 'We recommend one way, not five options.'),
        ),
        adjectives=('fearless', 'sharp'),
        closers=('Done.', 'Now.'),
        pains=('hedging', 'fluff'),
        family_weights=_weights(imperative=1.5, triad=1.4, contrast=1.3, promise=0.9, audience=0.8),
        rules_do=('Make one strong claim and prove it.', 'Use short sentences and active verbs.'),
        rules_dont=('Hedge with “might”, “perhaps” or “hopefully”.', 'Claim what you cannot show.'),
        do_examples=(
            '{action_cap}. Today.',
            '{name} does one thing: it helps {audience} {action}. And it does it well.',
        ),
        dont_examples=(
            'We think {name} might possibly help some {audience} to {action}, hopefully.',
            '{name} is the only {industry} tool anyone will ever need.',
        ),
        words_to_avoid=('might', 'perhaps', 'hopefully', 'sort of'),
    ),
    'elegant': Voice(
        name='elegant',
        summary=TONES['elegant'],
        cues=word_set(
            'elegant refined luxury luxurious sophisticated premium classy graceful understated timeless upscale '
            'exclusive chic stylish poised tasteful high-end sleek'
        ),
        cue_stems=('elegan', 'luxur', 'sophistic', 'refine', 'grace'),
        traits=(
            ('Refined', 'Every word is chosen; nothing is there to fill space.'),
            ('Understated', 'We let the work speak and never shout.'),
            ('Considered', 'Fewer, better things, explained with care.'),
        ),
        adjectives=('effortless', 'beautiful'),
        closers=('Always.', 'Yours.'),
        pains=('fuss', 'noise'),
        family_weights=_weights(triad=1.4, promise=1.4, name=1.1, contrast=0.9, audience=0.8, imperative=0.7),
        rules_do=('Choose fewer, finer words.', 'Leave space: on the page and in the sentence.'),
        rules_dont=('Shout with capitals, exclamation marks or discounts.', 'Use slang or filler.'),
        do_examples=('{name}. {value_cap}, considered in every detail.', 'A quieter way to {action}.'),
        dont_examples=(
            'HUGE SALE!!! {name} deals you will not believe!!!',
            '{name} is super cool and totally awesome for {audience}.',
        ),
        words_to_avoid=('awesome', 'super', 'cheap', 'deal'),
    ),
    'innovative': Voice(
        name='innovative',
        summary=TONES['innovative'],
        cues=word_set(
            'innovative visionary futuristic forward-looking forward cutting-edge curious pioneering creative '
            'inventive experimental modern progressive imaginative next-gen bleeding-edge'
        ),
        cue_stems=('innovat', 'visionar', 'futur', 'pioneer', 'inventi', 'experiment', 'imaginat'),
        traits=(
            ('Curious', 'We ask what {industry} could be, not only what it is.'),
            ('Forward-looking', 'We talk about what is next and how we will get there.'),
            ('Inventive', 'We try new ideas in the open and share what we learn.'),
        ),
        adjectives=('smarter', 'new'),
        closers=('Next.', 'Now.'),
        pains=('guesswork', 'legacy'),
        family_weights=_weights(promise=1.4, imperative=1.2, contrast=1.1, triad=0.9),
        rules_do=('Show the new idea in action, with a concrete example.', 'Invite people to try it and tell you.'),
        rules_dont=('Stack buzzwords instead of explaining.', 'Promise the future without saying what works today.'),
        do_examples=(
            'We are building {name} for what comes next in {industry}, starting with how you {action}.',
            'New in {name}: a better way to {action}. Try it and tell us what to build next.',
        ),
        dont_examples=(
            '{name} leverages disruptive AI blockchain synergy to revolutionise {industry}.',
            '{name} does things the way {industry} has always done them.',
        ),
        words_to_avoid=('disruptive', 'synergy', 'paradigm', 'game-changer'),
    ),
    'trustworthy': Voice(
        name='trustworthy',
        summary=TONES['trustworthy'],
        cues=word_set(
            'trustworthy trust trusted reliable dependable calm transparent honest steady safe secure credible stable '
            'grounded sincere authentic consistent reassuring'
        ),
        cue_stems=('trustworth', 'reliab', 'dependab', 'transparen', 'credib'),
        traits=(
            ('Reliable', 'We say what we will do, then do it.'),
            ('Transparent', 'We show how things work, including limits and mistakes.'),
            ('Calm', 'No hype and no false urgency, even in a crisis.'),
        ),
        adjectives=('safe', 'clear'),
        closers=('Always.', 'Every time.'),
        pains=('fine print', 'guesswork'),
        family_weights=_weights(promise=1.5, audience=1.2, contrast=1.1, name=0.9, imperative=0.9),
        rules_do=('Explain what happens next and why.', 'Own mistakes quickly and specifically.'),
        rules_dont=('Use fake urgency or scarcity.', 'Promise guarantees you cannot keep.'),
        do_examples=(
            'No surprises: here is exactly what {name} does with your data, and what it never does.',
            'We made a mistake on Tuesday. Here is what happened and what we have changed.',
        ),
        dont_examples=(
            'Trust us, {name} is 100% guaranteed to be perfect forever!',
            'Act now! Only a few spots left to {action} with {name}!',
        ),
        words_to_avoid=('guaranteed', 'act now', 'risk-free', 'trust us'),
    ),
    'minimalist': Voice(
        name='minimalist',
        summary=TONES['minimalist'],
        cues=word_set(
            'minimalist minimal simple spare clean concise quiet restrained sparse crisp brief succinct plain '
            'essential zen lean'
        ),
        cue_stems=('minimal', 'concis', 'succinct', 'restrain'),
        traits=(
            ('Concise', 'Every word earns its place.'),
            ('Precise', 'The exact word, once.'),
            ('Focused', 'One idea per sentence, one action per screen.'),
        ),
        adjectives=('simple', 'quiet'),
        closers=('Done.', 'Yours.'),
        pains=('clutter', 'noise'),
        family_weights=_weights(triad=1.6, promise=1.3, imperative=1.1, contrast=0.9, name=0.9, audience=0.7),
        rules_do=('Cut every word that does not change the meaning.', 'Prefer one short sentence to two long ones.'),
        rules_dont=('Pile up adjectives or feature lists.', 'Explain what the design already shows.'),
        do_examples=('{action_cap}. That is it.', '{name}. {value_cap}. Nothing extra.'),
        dont_examples=(
            '{name} offers a comprehensive, all-in-one, feature-rich suite of tools, integrations and dashboards.',
            'Click here to learn more about how you can start to begin {action_ing} today!',
        ),
        words_to_avoid=('comprehensive', 'feature-rich', 'all-in-one', 'click here'),
    ),
    'technical': Voice(
        name='technical',
        summary=TONES['technical'],
        cues=word_set(
            'technical precise expert engineering engineer nerdy geeky developer scientific rigorous analytical '
            'data-driven exact detailed factual academic specialist'
        ),
        cue_stems=('technic', 'engineer', 'scientif', 'analytic', 'rigor', 'rigour'),
        traits=(
            ('Exact', 'Numbers, names and steps are always specific.'),
            ('Expert', 'We speak to {audience} as peers who know their craft.'),
            ('Practical', 'Every explanation ends in something you can do.'),
        ),
        adjectives=('precise', 'predictable'),
        closers=('Shipped.', 'Done.'),
        pains=('guesswork', 'boilerplate'),
        family_weights=_weights(imperative=1.4, promise=1.3, contrast=1.2, triad=0.8, name=0.8),
        rules_do=('Name the exact thing: the setting, the limit, the version.', 'Show an example before the theory.'),
        rules_dont=('Hand-wave with “magic” or “just works”.', 'Dumb things down or hide the details.'),
        do_examples=(
            'Here is exactly what {name} does when you {action}, step by step, with the numbers.',
            'Changelog: improved how {name} handles {topic}. Full details and migration notes below.',
        ),
        dont_examples=(
            '{name} uses magic to make {topic} just work.',
            'Our amazing tech is super powerful and really fast!',
        ),
        words_to_avoid=('magic', 'just works', 'super powerful', 'seamless'),
    ),
    'caring': Voice(
        name='caring',
        summary=TONES['caring'],
        cues=word_set(
            'caring care empathetic empathic compassionate gentle supportive nurturing kind kindly reassuring '
            'thoughtful human patient sensitive soothing comforting heartfelt understanding inclusive'
        ),
        cue_stems=('empath', 'compassion', 'supportiv', 'nurtur', 'reassur', 'comfort'),
        traits=(
            ('Empathetic', 'We start from how {audience} feel, not from what the product does.'),
            ('Reassuring', 'We say what happens next so nobody is left wondering.'),
            ('Patient', 'We never rush people or make them feel behind.'),
        ),
        adjectives=('gentle', 'kinder'),
        closers=('Together.', 'Always.'),
        pains=('worry', 'stress'),
        family_weights=_weights(audience=1.5, promise=1.3, imperative=0.9, triad=0.8),
        rules_do=('Acknowledge how people feel before telling them what to do.', 'Offer a next step and a person.'),
        rules_dont=('Blame the reader or use fear to sell.', 'Use cold system language.'),
        do_examples=(
            'We know {action_ing} can feel overwhelming. {name} takes it one step at a time, with you.',
            'Take your time. Your progress is saved, and we are here if you need us.',
        ),
        dont_examples=(
            'Error 403: request denied. Contact administrator.',
            '{audience_cap} who ignore this are falling behind. Do not be one of them.',
        ),
        words_to_avoid=('denied', 'invalid', 'failure', 'falling behind'),
    ),
}
DEFAULT_VOICE = 'professional'

_NEGATIONS = frozenset({'not', 'no', 'never', 'without', 'less', 'non', 'anti', 'avoid', 'nor'})
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
    candidates: list[tuple[int, str]] = []
    for index, word in enumerate(words):
        negated = any(previous in _NEGATIONS for previous in words[max(0, index - 2) : index])
        if negated or word in _NEGATIONS:
            continue
        candidates.append((index, word))
        candidates.extend((index, part) for part in word.split('-') if '-' in word and part not in _NEGATIONS)
        if index + 1 < len(words):
            candidates.append((index, f'{word}-{words[index + 1]}'))
    scores: dict[str, int] = {}
    first_seen: dict[str, int] = {}
    for index, word in candidates:
        for voice in VOICES.values():
            if _cue_matches(voice, word):
                scores[voice.name] = scores.get(voice.name, 0) + 1
                first_seen.setdefault(voice.name, index)
    if not scores:
        return (VOICES[DEFAULT_VOICE],)
    ranked = sorted(scores, key=lambda name: (-scores[name], first_seen[name]))
    return tuple(VOICES[name] for name in ranked)


def resolve_voice(tone: str) -> Voice:
    """The single voice nearest to a free-text tone; professional when nothing matches."""
    return rank_voices(tone)[0]


# --- the profile, read once -------------------------------------------------------------------------------------------

COMPANY_TYPE_WORDS: dict[CompanyType, str] = {
    CompanyType.SAAS: 'SaaS',
    CompanyType.FINTECH: 'fintech',
    CompanyType.HEALTHTECH: 'healthtech',
    CompanyType.ECOMMERCE: 'e-commerce',
    CompanyType.AI_ML: 'AI',
    CompanyType.BLOCKCHAIN: 'blockchain',
    CompanyType.CYBERSECURITY: 'cybersecurity',
    CompanyType.DEVTOOLS: 'developer tools',
    CompanyType.OTHER: '',
}

# Things a company of each type promises away; mass nouns so both 'without the X' and 'Less X.' read well.
COMPANY_TYPE_PAINS: dict[CompanyType, tuple[str, ...]] = {
    CompanyType.SAAS: ('busywork', 'setup', 'context switching'),
    CompanyType.FINTECH: ('paperwork', 'guesswork', 'fine print'),
    CompanyType.HEALTHTECH: ('waiting', 'paperwork', 'jargon'),
    CompanyType.ECOMMERCE: ('hassle', 'waiting', 'markup'),
    CompanyType.AI_ML: ('hype', 'guesswork', 'busywork'),
    CompanyType.BLOCKCHAIN: ('jargon', 'hype', 'gatekeeping'),
    CompanyType.CYBERSECURITY: ('alert fatigue', 'guesswork', 'panic'),
    CompanyType.DEVTOOLS: ('boilerplate', 'yak shaving', 'context switching'),
    CompanyType.OTHER: ('hassle', 'guesswork', 'fuss'),
}

# What a company of each type helps with, when the description does not say in a way we can read.
COMPANY_TYPE_ACTIONS: dict[CompanyType, str] = {
    CompanyType.SAAS: 'get more done',
    CompanyType.FINTECH: 'manage money with confidence',
    CompanyType.HEALTHTECH: 'look after their health',
    CompanyType.ECOMMERCE: 'find what they love',
    CompanyType.AI_ML: 'put AI to work',
    CompanyType.BLOCKCHAIN: 'build on open networks',
    CompanyType.CYBERSECURITY: 'stay secure',
    CompanyType.DEVTOOLS: 'ship better software',
    CompanyType.OTHER: 'get things done',
}

COMPANY_TYPE_TOPICS: dict[CompanyType, str] = {
    CompanyType.SAAS: 'your workspace',
    CompanyType.FINTECH: 'payments',
    CompanyType.HEALTHTECH: 'appointments',
    CompanyType.ECOMMERCE: 'orders',
    CompanyType.AI_ML: 'your models',
    CompanyType.BLOCKCHAIN: 'transactions',
    CompanyType.CYBERSECURITY: 'alerts',
    CompanyType.DEVTOOLS: 'builds',
    CompanyType.OTHER: 'your account',
}

COMPANY_TYPE_AUDIENCES: dict[CompanyType, str] = {
    CompanyType.SAAS: 'teams',
    CompanyType.FINTECH: 'customers',
    CompanyType.HEALTHTECH: 'patients',
    CompanyType.ECOMMERCE: 'shoppers',
    CompanyType.AI_ML: 'teams',
    CompanyType.BLOCKCHAIN: 'builders',
    CompanyType.CYBERSECURITY: 'security teams',
    CompanyType.DEVTOOLS: 'developers',
    CompanyType.OTHER: 'customers',
}

MAX_NAME_WORDS_IN_TAGLINE = 4


@dataclass(frozen=True, kw_only=True, slots=True)
class BrandWords:
    """The profile as the copy engine reads it. Empty strings mean 'nothing usable', never a placeholder."""

    name: str  # the company name as written, markup removed; '' when it has no letters or digits
    industry: str  # short, mid-sentence case: 'personal finance'
    audience: str  # short, mid-sentence case: 'freelancers and independent creatives'
    audience_is_plural: bool
    values: tuple[ValueWords, ...]
    actions: tuple[str, ...]  # base-form verb phrases from the description: 'track invoices'
    objects: tuple[str, ...]  # what the actions act on: 'invoices'
    keywords: tuple[str, ...]
    first_sentence: str
    voices: tuple[Voice, ...]  # from the tone, strongest first
    company_type: CompanyType

    @property
    def voice(self) -> Voice:
        return self.voices[0]

    @property
    def name_fits_tagline(self) -> bool:
        return bool(self.name) and count_words(self.name) <= MAX_NAME_WORDS_IN_TAGLINE

    @property
    def type_word(self) -> str:
        return COMPANY_TYPE_WORDS[self.company_type]


def read_profile(profile: CompanyProfile) -> BrandWords:
    """The profile's words, read once per distinct profile (taglines and guidelines of one kit share the reading)."""
    return _read_profile_json(profile.model_dump_json())


@lru_cache(maxsize=256)
def _read_profile_json(profile_json: str) -> BrandWords:
    profile = CompanyProfile.model_validate_json(profile_json)
    name = plain_text(profile.name).rstrip(',;:-–—').rstrip()  # 'Acme:' would leave 'Think Acme:.'
    name = name if has_word_chars(name) else ''
    proper = proper_nouns_in([profile.description, profile.industry, profile.target_audience])
    proper |= {word.casefold() for word in name.split(' ') if word}
    reading = read_description(profile.description, name, proper)
    audience = short_phrase(profile.target_audience, proper_nouns=proper) or short_phrase(
        reading.helped, proper_nouns=proper
    )
    values = tuple(value for raw in profile.brand_values if (value := read_value(raw, proper)))
    name_words = {word.casefold() for word in name.split(' ')}
    action_words = {word.casefold() for action in reading.actions for word in action.split(' ')[:1]}
    found_keywords = keywords(
        profile.description, profile.industry, exclude=name_words | action_words, proper_nouns=proper
    )
    return BrandWords(
        name=name,
        industry=short_phrase(profile.industry, proper_nouns=proper, stop_at=('for',)),  # 'for ...' is the audience
        audience=audience,
        audience_is_plural=is_plural_phrase(audience),
        values=values,
        actions=reading.actions,
        objects=reading.objects,
        keywords=tuple(found_keywords),
        first_sentence=reading.first_sentence,
        voices=tuple(rank_voices(profile.tone)),
        company_type=profile.company_type,
    )


# --- example sentences in the brand's voice ---------------------------------------------------------------------------

NAME_FALLBACK = 'our team'  # stands in for a name with no letters or digits, e.g. one made only of emoji


def voice_facts(words: BrandWords) -> dict[str, str]:
    """Every field the voice templates use, always filled: the profile's words, or sensible defaults for its type."""
    action = to_second_person(words.actions[0] if words.actions else COMPANY_TYPE_ACTIONS[words.company_type])
    audience = words.audience or COMPANY_TYPE_AUDIENCES[words.company_type]
    topic = words.objects[0] if words.objects else COMPANY_TYPE_TOPICS[words.company_type]
    first_value = next((value.noun for value in words.values if value.noun), None)
    value = first_value or 'clarity'
    verb, _, rest = action.partition(' ')
    return {
        'name': words.name or NAME_FALLBACK,
        'audience': audience,
        'audience_cap': capitalise_first(audience),
        'action': action,
        'action_cap': capitalise_first(action),
        'action_ing': f'{gerund(verb)} {rest}'.strip(),
        'topic': topic,
        'topic_cap': capitalise_first(topic),
        'value': value,
        'value_cap': capitalise_first(value),
        'industry': words.industry or words.type_word or 'your field',
    }


_DOUBLED_STOP = regex.compile(r'(?<![.])([.!?])\.(?=\s|$)')
_SENTENCE_START_FALLBACK = regex.compile(rf'(^|[.!?:]\s){NAME_FALLBACK}')


_UNTIDY = regex.compile(r'\s\s|^\s|\s$|[^\S ]|\s[,.;:!?…]|[.!?]\.')


def tidy_sentence(text: str) -> str:
    """One space between words, no space before punctuation, and no 'Inc..' when a name already ends a sentence."""
    if not _UNTIDY.search(text):  # most sentences are already tidy; skip the rewriting
        return text
    return _DOUBLED_STOP.sub(r'\1', _SPACE_BEFORE_PUNCTUATION.sub(r'\1', collapse_spaces(text)))


def fill(template: str, facts: Mapping[str, str]) -> str:
    """A template with the facts in place. Templates are ours; facts are only ever inserted, never formatted."""
    text = tidy_sentence(template.format_map(facts))
    return _SENTENCE_START_FALLBACK.sub(lambda match: f'{match.group(1)}{capitalise_first(NAME_FALLBACK)}', text)


def voice_examples(voice: Voice, facts: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """Sentences to copy ('do') and to avoid ('don't'), written about this company in this voice."""
    return [fill(t, facts) for t in voice.do_examples], [fill(t, facts) for t in voice.dont_examples]
