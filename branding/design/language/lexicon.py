"""English word lists and word forms: stopwords, verbs, '-s' verb forms, gerunds and person swaps."""

from __future__ import annotations

from collections.abc import Mapping


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
