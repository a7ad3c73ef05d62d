"""Offline taglines and the LLM-line cleaner: word limits, distinctness, no template residue, determinism, variety."""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from branding.design.language import (
    count_words,
    plain_text,
    rank_voices,
    read_description,
    read_value,
    resolve_voice,
    trim_to_words,
)
from branding.models import TONES, CompanyProfile, CompanyType, Tagline, has_text
from branding.sections.taglines import MAX_TAGLINE_WORDS, build_offline_taglines, clean_taglines

PROPERTY_SETTINGS = settings(
    deadline=None, max_examples=120, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

LUMEN = CompanyProfile(
    name='Lumen Ledger',
    company_type=CompanyType.FINTECH,
    industry='Personal finance',
    description=(
        'Lumen Ledger helps freelancers track invoices, plan taxes and get paid faster. It connects to your bank '
        'and turns messy receipts into clear monthly reports, so you can focus on the work you love.'
    ),
    target_audience='Freelancers and independent creatives who hate spreadsheets',
    brand_values=['clarity', 'trust', 'calm'],
    tone='warm but witty, not corporate',
)
FORGE = CompanyProfile(
    name='Forgeline',
    company_type=CompanyType.DEVTOOLS,
    industry='Developer tools',
    description=(
        'Forgeline lets platform teams ship infrastructure changes safely. It previews every change, catches '
        'drift before it reaches production and keeps an audit trail your security team will actually read.'
    ),
    target_audience='Platform engineers at growing startups',
    brand_values=['precision', 'speed', 'openness', 'craft'],
    tone='technical',
)
SPROUT = CompanyProfile(
    name='Sprout & Co',
    company_type=CompanyType.ECOMMERCE,
    industry='Organic baby food',
    description='We deliver fresh organic meals for babies and toddlers. Busy parents can order in two taps.',
    target_audience='Busy parents',
    brand_values=['Care', 'Honesty', 'Joy'],
    tone='playful',
)
REALISTIC = (LUMEN, FORGE, SPROUT)

HOSTILE = (
    '<script>alert(1)</script>',
    '**bold** _it_ `code`',
    '[click](javascript:alert(1))',
    '{name}',
    'None',
    'TODO: fill in',
    'Lorem ipsum dolor',
    '   spaced    out   ',
    '🚀🔥✨',
    'さくら会計',
    'フリーランスの請求書管理をかんたんにするクラウド会計サービスです。',
    'نور تساعد المرضى على حجز المواعيد بسهولة',
    'x',
    '.',
    '—',
    '&lt;b&gt;hi&lt;/b&gt;',
    '# heading',
    '1. item',
    '> quote',
    '| a | b |',
    'C++ & Rust',
    'iPhone repairs',
    'Acme, Inc.',
)
WORDS = [
    'clarity',
    'trust',
    'speed',
    'invoices',
    'freelancers',
    'teams',
    'track',
    'plan',
    'ship',
    'helps',
    'and',
    'the',
    'for',
    'with',
    'money',
    'health',
    'data',
    'secure',
    'simple',
    'bold',
    'care',
    'builders',
    'patients',
    'orders',
    'lets',
    'you',
    'can',
    'it',
    'turns',
    'reports',
]


def _text(max_size: int) -> st.SearchStrategy[str]:
    return (
        st.one_of(
            st.sampled_from(HOSTILE),
            st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(' '.join),
            st.text(st.characters(exclude_categories=['Cs']), min_size=1, max_size=max_size),
        )
        .map(lambda text: text[:max_size])
        .filter(has_text)
    )


long_descriptions = st.sampled_from([*HOSTILE, LUMEN.description]).map(lambda text: ((text + ' ') * 2000)[:2000])

profiles = st.builds(
    CompanyProfile,
    name=_text(120),
    company_type=st.sampled_from(CompanyType),
    industry=_text(120),
    description=st.one_of(_text(2000), long_descriptions),
    target_audience=_text(300),
    brand_values=st.lists(_text(40), min_size=1, max_size=10),
    tone=st.one_of(st.sampled_from(list(TONES)), _text(60)),
)
seeds = st.integers(min_value=0, max_value=2**63 - 1)

RESIDUE = {
    'brace': r'[{}]',
    'None': r'\bNone\b',
    'TODO': r'TODO',
    'lorem': r'(?i)lorem',
    'bracketed placeholder': r'\[[A-Za-z][A-Za-z _-]{0,30}\]',  # [value], [Company Name]
    'double space': r'  ',
    'space before punctuation': r' [.,;:!?]',
    'doubled punctuation': r'(?<![.])\.\.(?![.])|[,;:]\.|\.,',
}


def _source(profile: CompanyProfile) -> str:
    fields = [profile.name, profile.industry, profile.description, profile.target_audience, *profile.brand_values]
    fields.append(profile.tone)
    # control characters read as spaces; a leading space because a field such as '?0' may follow one in a sentence
    return ' ' + regex.sub(r'\p{Cc}', ' ', ' '.join(fields))


def residue(text: str, profile: CompanyProfile) -> list[str]:
    """Template leftovers in `text` that the profile itself did not put there."""
    for name in sorted({profile.name, plain_text(profile.name)}, key=len, reverse=True):
        if name.strip():
            text = text.replace(name.strip(), 'Name')  # 'For Acme, Inc., clarity' is right: the stop is the name's
    found = ['edge whitespace'] if text != text.strip() else []
    found += [label for label, pattern in RESIDUE.items() if regex.search(pattern, text)]
    source = _source(profile)  # the person's own 'none' may rightly become a heading 'None'
    found = [
        label
        for label in found
        if label == 'edge whitespace' or not regex.search(RESIDUE[label], source, flags=regex.IGNORECASE)
    ]
    if regex.search(r'[,;:\-–—]$', text):
        found.append('dangling punctuation')
    return found


def badly_capitalised(text: str, profile: CompanyProfile) -> list[str]:
    """Sentence starts in lower case, except the company's own stylised name, words like 'iPhone', and breaks the
    profile wrote itself ('e.g. things')."""
    fields = [profile.name, profile.industry, profile.description, profile.target_audience, *profile.brand_values]
    source = ' '.join(' '.join(plain_text(field) for field in fields).casefold().split())  # as the writer reads it
    bad = []
    for match in regex.finditer(r'(?:^|(\S*[.!?])\s+)(\S+)', text):
        word = regex.sub(r'^\p{P}+|\p{P}+$', '', match.group(2))
        first = word[:1]
        before = match.group(1) or ''
        quoted_break = before and f'{before} {word}'.casefold() in source
        name_stop = before and profile.name.casefold().rstrip().endswith(before.casefold())  # 'Acme Inc. means'
        quoted_break = quoted_break or name_stop
        can_capitalise = first.islower() and first.upper() != first
        own_name = word.casefold() in profile.name.casefold() or word.casefold() in plain_text(profile.name).casefold()
        if can_capitalise and word[1:] == word[1:].lower() and not own_name:
            bad += [] if quoted_break else [word]
    return bad


def key(text: str) -> str:
    return ' '.join(regex.sub(r'[\p{P}\p{S}]+', ' ', text.casefold()).split())


def profile_vocabulary(profile: CompanyProfile) -> set[str]:
    """The profile's words, plus its values' noun and adjective forms ('precision' also counts as 'precise')."""
    words = {word for word in regex.findall(r'\w+', _source(profile).casefold()) if len(word) > 2}
    for value in filter(None, map(read_value, profile.brand_values)):
        words |= {form.casefold() for form in (value.noun, value.adjective) if form}
    return words


# --- the offline writer -----------------------------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(profile=profiles, count=st.integers(min_value=1, max_value=10), seed=seeds)
def test_any_profile_gets_exactly_count_distinct_short_clean_taglines(
    profile: CompanyProfile, count: int, seed: int
) -> None:
    taglines = build_offline_taglines(profile, count, seed)

    assert len(taglines) == count
    assert [tagline.id for tagline in taglines] == [f'tagline-{index}' for index in range(1, count + 1)]
    assert len({key(tagline.text) for tagline in taglines}) == count
    for tagline in taglines:
        assert 1 <= count_words(tagline.text) <= MAX_TAGLINE_WORDS, tagline.text
        assert len(tagline.text.split()) <= MAX_TAGLINE_WORDS, tagline.text  # also for a reader counting tokens
        assert tagline.tone in TONES
        assert tagline.explanation
        assert residue(tagline.text, profile) == [], tagline.text
        assert residue(tagline.explanation, profile) == [], tagline.explanation
        assert badly_capitalised(tagline.text, profile) == [], tagline.text


@PROPERTY_SETTINGS
@given(profile=profiles, count=st.integers(min_value=1, max_value=10), seed=seeds)
def test_the_same_seed_gives_the_same_taglines(profile: CompanyProfile, count: int, seed: int) -> None:
    assert build_offline_taglines(profile, count, seed) == build_offline_taglines(profile.model_copy(), count, seed)


def test_different_seeds_give_different_sets_for_most_seeds() -> None:
    for profile in REALISTIC:
        pairs = [(seed, seed + 1_000) for seed in range(30)]
        differing = sum(
            {t.text for t in build_offline_taglines(profile, 3, a)}
            != {t.text for t in build_offline_taglines(profile, 3, b)}
            for a, b in pairs
        )
        assert differing >= 24, (profile.name, differing)


def test_most_taglines_reuse_the_profiles_own_words() -> None:
    for profile in REALISTIC:
        vocabulary = profile_vocabulary(profile)
        taglines = [tagline for seed in range(10) for tagline in build_offline_taglines(profile, 10, seed)]
        grounded = [t for t in taglines if {w for w in regex.findall(r'\w+', t.text.casefold())} & vocabulary]
        assert len(grounded) / len(taglines) >= 0.9, profile.name


def test_a_set_mixes_rhetorical_patterns() -> None:
    for profile in REALISTIC:
        for seed in range(10):
            rationales = {tagline.explanation.split(':')[0] for tagline in build_offline_taglines(profile, 6, seed)}
            assert len(rationales) >= 4, (profile.name, seed, rationales)


def test_the_expected_patterns_all_appear_for_a_realistic_profile() -> None:
    texts = [tagline.text for seed in range(10) for tagline in build_offline_taglines(LUMEN, 10, seed)]

    assert any(regex.fullmatch(r'(?:\w+\. ){2}\w+\.', text) for text in texts), 'value triad'
    assert any(' without ' in text or text.startswith('More ') for text in texts), 'contrast'
    assert any('Lumen Ledger' in text for text in texts), 'name-led'
    assert any('freelancers' in text.casefold() for text in texts), 'audience'
    assert any(text.startswith(('Track invoices', 'Get paid faster', 'Plan taxes')) for text in texts), 'imperative'


def test_explanations_say_which_profile_words_a_line_draws_on() -> None:
    for tagline in build_offline_taglines(LUMEN, 10, 3):
        words_in_line = set(regex.findall(r'\w+', tagline.text.casefold()))
        if words_in_line & {'clarity', 'clear', 'trust', 'trusted', 'calm'}:
            assert 'value' in tagline.explanation, tagline


def test_tone_is_the_voice_nearest_to_the_free_text_tone() -> None:
    assert {tagline.tone for tagline in build_offline_taglines(LUMEN, 5, 0)} == {'friendly'}
    assert {tagline.tone for tagline in build_offline_taglines(FORGE, 5, 0)} == {'technical'}


def test_count_outside_one_to_ten_is_refused() -> None:
    for count in (0, 11):
        try:
            build_offline_taglines(LUMEN, count, 0)
        except ValueError:
            continue
        raise AssertionError(f'count {count} was accepted')


def test_a_profile_with_nothing_usable_still_gets_clean_lines() -> None:
    emoji_only = CompanyProfile(
        name='🚀',
        company_type=CompanyType.SAAS,
        industry='💸',
        description='🔥🔥',
        target_audience='👀',
        brand_values=['✨'],
    )
    taglines = build_offline_taglines(emoji_only, 10, 1)
    assert len({key(tagline.text) for tagline in taglines}) == 10
    assert all(regex.search(r'\p{L}', tagline.text) for tagline in taglines)


def test_company_actions_are_not_turned_into_imperatives() -> None:
    tents = CompanyProfile(
        name='Acme',
        company_type=CompanyType.ECOMMERCE,
        industry='Outdoor gear',
        description='Acme sells tents. We build them to last.',
        target_audience='Hikers',
        brand_values=['durability'],
    )
    texts = [tagline.text for seed in range(5) for tagline in build_offline_taglines(tents, 10, seed)]
    assert not any('sell tents' in text.casefold() or text.startswith('Build') for text in texts)


# --- words and voices -------------------------------------------------------------------------------------------------


def test_word_count_treats_unspaced_scripts_by_characters() -> None:
    assert count_words('Clear. Fast. Yours.') == 3
    assert count_words('Fast & fair — always') == 3
    assert count_words('AI-first, $5 plans') == 3
    assert count_words('すべての人にお金の安心を届ける') == 8  # 15 characters, two per word
    assert count_words('AI搭載の家計簿') == 1 + 3
    assert count_words('مرحبا بكم في نور') == 4


def test_trimming_ends_at_a_phrase_boundary() -> None:
    line = 'Track every invoice, plan your taxes and get paid faster with a calm, clear ledger that works for you'
    assert trim_to_words(line, 10) == 'Track every invoice, plan your taxes and get paid faster'
    assert trim_to_words('Get paid faster. Track every invoice and plan every tax return with confidence.', 10) == (
        'Get paid faster.'
    )
    assert trim_to_words('Short and sweet.', 10) == 'Short and sweet.'


@settings(deadline=None, max_examples=200)
@given(text=_text(400), limit=st.integers(min_value=1, max_value=10))
def test_trimming_always_fits_and_never_dangles(text: str, limit: int) -> None:
    trimmed = trim_to_words(text, limit)
    assert count_words(trimmed) <= limit
    if count_words(text) > limit and ' ' in trimmed:
        assert trimmed.rsplit(' ', 1)[1].casefold() not in {'and', 'the', 'with', 'of', 'to', 'a'}


def test_free_text_tones_map_to_the_nearest_voice() -> None:
    ranked = [voice.name for voice in rank_voices('Warm but witty, not corporate')]
    assert ranked[:2] == ['friendly', 'playful']
    assert 'professional' not in ranked
    assert resolve_voice('Luxurious and understated').name == 'elegant'
    assert resolve_voice('no-nonsense, geeky').name == 'technical'
    assert resolve_voice('calm').name == 'trustworthy'
    assert resolve_voice('親しみやすい').name == 'professional'
    assert all(resolve_voice(tone).name == tone for tone in TONES)


def test_reading_a_description_finds_what_the_reader_can_do() -> None:
    reading = read_description(LUMEN.description, 'Lumen Ledger')
    assert reading.actions[:3] == ('track invoices', 'plan taxes', 'get paid faster')
    assert 'turn messy receipts into clear monthly reports' in reading.actions
    assert reading.helped == 'freelancers'
    assert 'invoices' in reading.objects


# --- cleaning a language model's lines --------------------------------------------------------------------------------


def test_cleaning_trims_a_long_line_to_ten_words_at_a_phrase_boundary() -> None:
    long_line = (
        'Track every invoice, plan your taxes and get paid faster with a calm ledger built for independent creatives'
    )
    assert count_words(long_line) == 18
    cleaned = clean_taglines([long_line], 1, profile=LUMEN, seed=0)
    assert [tagline.text for tagline in cleaned.taglines] == [
        'Track every invoice, plan your taxes and get paid faster'
    ]
    assert any('Trimmed' in note for note in cleaned.notes)


def test_cleaning_strips_numbering_markdown_quotes_and_html() -> None:
    cleaned = clean_taglines(
        [
            '"1. **Bold**"',
            '<b>Clear</b> money <script>alert(1)</script>',
            '- Tagline 3: “Calm, *counted*.” — because calm is a value',
            '### [Get paid](https://example.com) faster',
        ],
        4,
        profile=LUMEN,
        seed=0,
    )
    assert [tagline.text for tagline in cleaned.taglines] == [
        'Bold',
        'Clear money',
        'Calm, counted.',
        'Get paid faster',
    ]


def test_cleaning_removes_duplicates_and_tops_up_with_offline_lines() -> None:
    cleaned = clean_taglines(
        ['Clarity you can count on', 'clarity, you can count on!', '   ', '🚀'], 5, profile=LUMEN, seed=2
    )
    texts = [tagline.text for tagline in cleaned.taglines]

    assert texts[0] == 'Clarity you can count on'
    assert len(texts) == 5
    assert len({key(text) for text in texts}) == 5
    assert [tagline.id for tagline in cleaned.taglines] == [f'tagline-{i}' for i in range(1, 6)]
    assert any('duplicate' in note for note in cleaned.notes)
    assert any('Added 4 offline taglines' in note for note in cleaned.notes)


def test_cleaning_keeps_a_models_explanation_and_splits_multi_line_answers() -> None:
    given_line = Tagline(
        id='x', text='**Money, made calm.**', tone='friendly', explanation='Uses the value <i>calm</i>.'
    )
    cleaned = clean_taglines([given_line, '1. Clear money\n2. Calm money'], 3, profile=LUMEN, seed=0)

    assert [tagline.text for tagline in cleaned.taglines] == ['Money, made calm.', 'Clear money', 'Calm money']
    assert cleaned.taglines[0].explanation == 'Uses the value calm.'
    assert cleaned.notes == []


def test_cleaning_keeps_only_count_lines() -> None:
    cleaned = clean_taglines([f'Line number {word}' for word in ('one', 'two', 'three')], 2, profile=LUMEN, seed=0)
    assert [tagline.text for tagline in cleaned.taglines] == ['Line number one', 'Line number two']
    assert cleaned.notes == ['Kept the first 2 of 3 taglines.']


@PROPERTY_SETTINGS
@given(candidates=st.lists(_text(300), max_size=14), count=st.integers(min_value=1, max_value=10), seed=seeds)
def test_cleaning_any_model_output_gives_count_clean_distinct_lines(
    candidates: list[str], count: int, seed: int
) -> None:
    taglines = clean_taglines(candidates, count, profile=LUMEN, seed=seed).taglines

    assert len(taglines) == count
    assert len({key(tagline.text) for tagline in taglines}) == count
    for tagline in taglines:
        assert 1 <= count_words(tagline.text) <= MAX_TAGLINE_WORDS
        assert len(tagline.text.split()) <= MAX_TAGLINE_WORDS
        assert not regex.search(r'<[A-Za-z/!]|\*\*|^\s*(?:\d+[.)]|[-*#>])\s', tagline.text), tagline.text
        assert tagline.text == tagline.text.strip()
        assert '  ' not in tagline.text


def test_cleaning_trims_a_long_unspaced_japanese_line() -> None:
    line = 'すべての人にお金の安心を届けるためのアプリ、それがルーメンです'  # one token, 16 words by count_words
    text = clean_taglines([line], 1, profile=LUMEN, seed=0).taglines[0].text

    assert count_words(text) <= MAX_TAGLINE_WORDS
    assert line.startswith(text)
