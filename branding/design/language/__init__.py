"""The words of the offline design engine: clean text, count words, read the profile, and speak in a brand voice."""

# Everything here is dictionary-based and deterministic (no model, no network), so it runs in well under a millisecond.
# The copy frames are English; words in other scripts are carried through verbatim, never translated or respelled.

from branding.design.language.brand_values import ValueSense, ValueWords, read_value, value_senses
from branding.design.language.cleaning import (
    capitalise_first,
    collapse_spaces,
    end_sentence,
    has_word_chars,
    inline_case,
    join_naturally,
    plain_text,
    quoted,
    strip_list_marker,
    tidy_sentence,
    trim_edge_punctuation,
    with_article,
)
from branding.design.language.company_types import CompanyTypeWords, company_types
from branding.design.language.counting import (
    CJK_CHARACTERS_PER_WORD,
    SPACELESS_LETTERS_PER_WORD,
    count_words,
    trim_to_words,
)
from branding.design.language.description import MAX_ACTION_WORDS, DescriptionReading, read_description
from branding.design.language.example_sentences import NAME_FALLBACK, fill, voice_examples, voice_facts
from branding.design.language.lexicon import (
    Lexicon,
    gerund,
    is_base_verb,
    lexicon,
    third_person_lemma,
    to_second_person,
    to_third_person,
)
from branding.design.language.profile import (
    MAX_NAME_WORDS_IN_TAGLINE,
    BrandWords,
    inferred_values_notes,
    read_profile,
)
from branding.design.language.short_phrases import is_plural_phrase, short_phrase
from branding.design.language.tokens import Token, keywords, proper_nouns_in, tokenise
from branding.design.language.tone import rank_voices, resolve_voice
from branding.design.language.voices import DEFAULT_VOICE, FACT_FIELDS, TAGLINE_FAMILIES, Voice, voices

__all__ = [
    'CJK_CHARACTERS_PER_WORD',
    'DEFAULT_VOICE',
    'FACT_FIELDS',
    'MAX_ACTION_WORDS',
    'MAX_NAME_WORDS_IN_TAGLINE',
    'NAME_FALLBACK',
    'SPACELESS_LETTERS_PER_WORD',
    'TAGLINE_FAMILIES',
    'BrandWords',
    'CompanyTypeWords',
    'DescriptionReading',
    'Lexicon',
    'Token',
    'ValueSense',
    'ValueWords',
    'Voice',
    'capitalise_first',
    'collapse_spaces',
    'company_types',
    'count_words',
    'end_sentence',
    'fill',
    'gerund',
    'has_word_chars',
    'inferred_values_notes',
    'inline_case',
    'is_base_verb',
    'is_plural_phrase',
    'join_naturally',
    'keywords',
    'lexicon',
    'plain_text',
    'proper_nouns_in',
    'quoted',
    'rank_voices',
    'read_description',
    'read_profile',
    'read_value',
    'resolve_voice',
    'short_phrase',
    'strip_list_marker',
    'third_person_lemma',
    'tidy_sentence',
    'to_second_person',
    'to_third_person',
    'tokenise',
    'trim_edge_punctuation',
    'trim_to_words',
    'value_senses',
    'voice_examples',
    'voice_facts',
    'voices',
    'with_article',
]
