"""Text that draws nothing is blank: a field of only zero-width, format or combining characters is 'Required'."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from branding.models import NOT_BLANK, CompanyProfile
from branding.validation import profile_field_error
from tests.api.conftest import profile_with

PROFILE: dict[str, Any] = profile_with()
TEXT_FIELDS = ['name', 'industry', 'description', 'target_audience', 'tone']

INVISIBLE = {
    'zero-width space': '\u200b',
    'joiners and word joiner': '\u200c\u200d\u2060',
    'byte-order mark and zero-width space': '\ufeff\u200b\ufeff',
    'combining acute alone': '\u0301',
    'combining marks alone': '\u0301\u0308\u20dd',
    'soft hyphen': '\u00ad',
    'bidi controls': '\u202a\u202e\u2066\u2069\u200e\u200f',
    'Arabic letter mark and harakat': '\u061c\u064b\u064e',
    'Hangul filler': '\u3164',
    'blank Braille cell': '\u2800',
    'variation selector': '\ufe0f',
    'control character': '\u0001\u007f',
    'zero-width between spaces': ' \u200b \u00a0\u200d ',
}
LEGITIMATE = {
    'Devanagari with a virama and ZWJ': 'क्\u200dष',
    'Hindi ending in a vowel sign': 'नमस्ते',
    'Persian name with a ZWNJ': 'می\u200cخواهم',
    'emoji ZWJ sequence': '👩\u200d💻',
    'decomposed accent at the end': 'Cafe\u0301',
    'Hangul': '한글',
    'Arabic with harakat': 'مَرْحَبًا',
    'an emoji alone': '🚀',
    'a single letter': 'Q',
}


@pytest.mark.parametrize('text', INVISIBLE.values(), ids=INVISIBLE.keys())
@pytest.mark.parametrize('field', TEXT_FIELDS)
async def test_a_text_field_of_only_invisible_characters_is_required(
    client: httpx.AsyncClient, field: str, text: str
) -> None:
    body = {'company_profile': {**PROFILE, field: text}, 'focus': 'palette'}
    response = await client.post('/api/v1/generate-branding', json=body)
    assert response.status_code == 422
    problems = response.json()['detail']
    assert [(problem['field'], problem['msg']) for problem in problems] == [(f'company_profile.{field}', 'Required')]


@pytest.mark.parametrize('text', INVISIBLE.values(), ids=INVISIBLE.keys())
def test_a_brand_value_of_only_invisible_characters_is_required(text: str) -> None:
    with pytest.raises(ValidationError) as refused:
        CompanyProfile.model_validate({**PROFILE, 'brand_values': ['trust', text]})
    assert [error['loc'] for error in refused.value.errors()] == [('brand_values', 1)]


@pytest.mark.parametrize('text', INVISIBLE.values(), ids=INVISIBLE.keys())
def test_the_studio_form_says_required_too(text: str) -> None:
    assert profile_field_error('name', text) == 'Required'


@pytest.mark.parametrize('text', LEGITIMATE.values(), ids=LEGITIMATE.keys())
def test_text_with_joiners_and_marks_between_letters_is_kept_whole(text: str) -> None:
    profile = CompanyProfile.model_validate({**PROFILE, 'name': f' {text} ', 'brand_values': [text]})
    assert profile.name == text
    assert profile.brand_values == [text]


async def test_a_name_with_a_zwnj_makes_a_kit(client: httpx.AsyncClient) -> None:
    name = LEGITIMATE['Persian name with a ZWNJ']
    body = {'company_profile': {**PROFILE, 'name': name}, 'focus': 'palette', 'seed': 3}
    response = await client.post('/api/v1/generate-branding', json=body)
    assert response.status_code == 200, response.text[:300]
    assert response.json()['company_name'] == name


def test_the_published_pattern_names_only_characters_every_regex_engine_reads_alike() -> None:
    """JSON Schema patterns are ECMA-262: \\uXXXX escapes in one negated class, nothing Python- or Rust-only."""
    assert re.fullmatch(r'\[\^(?:\\u[0-9a-f]{4}(?:-\\u[0-9a-f]{4})?)+\]', NOT_BLANK)


BLANK_LETTERS = '\u115f\u1160\u2800\u3164\uffa0'  # Hangul fillers and the blank Braille cell
# Every kind of character a value might hold: letters, marks, format and control characters, spaces, astral ones.
characters = st.characters(codec='utf-8', categories=['L', 'M', 'N', 'Cc', 'Cf', 'Zs', 'Zl', 'Zp', 'So', 'P'])


@given(st.text(characters, min_size=1, max_size=8))
def test_pydantic_and_the_published_pattern_agree_on_every_value(text: str) -> None:
    """Pydantic checks the pattern with Rust's regex and the trim with Python's: a value one accepts, both accept."""
    published_ok = re.search(NOT_BLANK, text) is not None
    assert (profile_field_error('industry', text) is None) == published_ok
    if not published_ok:
        assert all(char.isspace() or unicodedata.category(char)[0] in 'CMZ' or char in BLANK_LETTERS for char in text)
