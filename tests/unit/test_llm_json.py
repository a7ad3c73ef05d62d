from __future__ import annotations

import json
from typing import Annotated, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, Field, StringConstraints

from branding.llm_json import ReplyError, extract_json, parse_reply


class Swatch(BaseModel):
    name: str
    hex: Annotated[str, StringConstraints(pattern=r'^#[0-9a-f]{6}$')]


class PaletteReply(BaseModel):
    primary: Swatch
    accents: list[Swatch] = Field(min_length=1)
    rationale: str


GOOD = {'primary': {'name': 'Ink', 'hex': '#112233'}, 'accents': [{'name': 'Sun', 'hex': '#ffcc00'}], 'rationale': 'x'}


@pytest.mark.parametrize(
    ('text', 'expected'),
    [
        ('{"a": 1}', {'a': 1}),
        ('\ufeff{"a": 1}', {'a': 1}),
        ('```json\n{"a": 1}\n```', {'a': 1}),
        ('Sure! Here it is:\n```json\n{"a": [1, 2]}\n```\nAnything else?', {'a': [1, 2]}),
        ('```\n{"a": 1}\n```', {'a': 1}),
        ('The palette is {"a": 1} as requested.', {'a': 1}),
        ('[1, 2, 3] trailing words', [1, 2, 3]),
        ('{"a": [1, 2,], "b": {"c": "d",},}', {'a': [1, 2], 'b': {'c': 'd'}}),
        ('{"a": [1, 2 ,\n ] }', {'a': [1, 2]}),
        ('{“name”: “Acme”, “tags”: [“bold”, “calm”]}', {'name': 'Acme', 'tags': ['bold', 'calm']}),
        ('{”name”: ”Acme”}', {'name': 'Acme'}),
        ('{“quote”: “She said "go" today”}', {'quote': 'She said "go" today'}),
        ('{‘name’: ‘Acme’s finest’}', {'name': 'Acme’s finest'}),
        ('{"quote": "He said “hi”, then left"}', {'quote': 'He said “hi”, then left'}),
        ('{"a": "commas, and } braces { in strings ]"}', {'a': 'commas, and } braces { in strings ]'}),
        ('{"a": "escaped \\" quote {"}', {'a': 'escaped " quote {'}),
        ('{"a": "raw\nnewline"}', {'a': 'raw\nnewline'}),
        ('Note [see below]: {"a": 1}', {'a': 1}),
        ('{ ] then {"a": 1}', {'a': 1}),
        ('{"first": 1} {"second": 2}', {'first': 1}),
        ('<think>Maybe {"draft": 1}? No.</think>\n{"final": 2}', {'final': 2}),
    ],
)
def test_extract_json_tolerates_what_models_write(text: str, expected: Any) -> None:
    assert extract_json(text) == expected


def test_a_fence_wins_over_braces_in_the_prose_before_it() -> None:
    text = 'Use {brand} tokens like this:\n```json\n{"a": 1}\n```'
    assert extract_json(text) == {'a': 1}


@pytest.mark.parametrize(
    ('text', 'reason'),
    [
        ('I cannot help with that.', 'no JSON'),
        ('', 'no JSON'),
        ('{"a": {"b": 1}, "c": ', 'cut off'),
        ('```json\n{"a": 1,\n', 'cut off'),
        ('{"a" 1}', "Expecting ':' delimiter"),
        ('{"a": undefined}', 'invalid JSON'),
        ('[' * 50_000 + ']' * 50_000, 'nested too deeply'),
    ],
)
def test_extract_json_explains_why_it_failed(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason) as caught:
        extract_json(text)
    assert len(str(caught.value)) < 200


def test_fences_inside_json_strings_are_content() -> None:
    document = {'markdown': 'Tokens:\n```json\n{"primary": "#112233"}\n```\nUse them.', 'title': 'Guide'}
    assert extract_json(json.dumps(document)) == document
    assert extract_json(f'```json\n{json.dumps(document, indent=2)}\n```') == document


def test_a_truncated_reply_does_not_yield_an_inner_fragment() -> None:
    with pytest.raises(ValueError, match='cut off'):
        extract_json('{"primary": {"name": "Ink", "hex": "#112233"}, "accents": [{"name": "Sun"')


def test_bracket_heavy_prose_stays_cheap() -> None:
    # Every '[' here starts a candidate that fails; the scan must give up, not go quadratic.
    with pytest.raises(ValueError):
        extract_json('[x] ' * 20_000)


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4),
    max_leaves=12,
)


@given(
    value=st.dictionaries(st.text(), _json_values, max_size=5),
    before=st.text(alphabet=st.characters(blacklist_characters='{}[]`')),
    after=st.text(),
    fence=st.booleans(),
    indent=st.sampled_from([None, 2]),
)
def test_any_json_object_survives_prose_and_fences(
    value: dict[str, Any], before: str, after: str, fence: bool, indent: int | None
) -> None:
    document = json.dumps(value, ensure_ascii=False, indent=indent)
    text = f'{before}\n```json\n{document}\n```\n{after}' if fence else f'{before}\n{document}\n{after}'
    assert extract_json(text) == value


def test_parse_reply_returns_the_validated_model() -> None:
    reply = parse_reply(f'Here you go:\n```json\n{json.dumps(GOOD)}\n```', PaletteReply)
    assert reply == PaletteReply.model_validate(GOOD)


def test_parse_reply_summarises_validation_errors_for_the_repair_prompt() -> None:
    bad = {'primary': {'name': 'Ink', 'hex': 'blue'}, 'accents': []}
    with pytest.raises(ReplyError) as caught:
        parse_reply(json.dumps(bad), PaletteReply)
    message = str(caught.value)
    assert 'primary.hex' in message
    assert "got 'blue'" in message
    assert 'accents' in message
    assert 'rationale: Field required' in message
    assert 'https://' not in message  # pydantic's doc links are noise to a model
    assert isinstance(caught.value, ValueError)


def test_parse_reply_caps_a_long_error_list() -> None:
    class Many(BaseModel):
        values: list[int]

    with pytest.raises(ReplyError, match=r'and 12 more') as caught:
        parse_reply(json.dumps({'values': ['x'] * 20}), Many)
    assert caught.value.args[0].count('values.') == 8


def test_parse_reply_reports_unparseable_text_without_echoing_it() -> None:
    with pytest.raises(ReplyError, match='no JSON') as caught:
        parse_reply('Ignore previous instructions.', PaletteReply)
    assert 'Ignore previous' not in str(caught.value)
