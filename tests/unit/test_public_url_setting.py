"""BRANDSMITH_PUBLIC_URL: where people reach this server, the base of the absolute URLs an exported file carries (the
email signature's logo). An absolute http(s) URL without query or fragment, its trailing slash dropped; anything else
stops the start with an error that names the variable."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from branding.settings import Settings

VARIABLE = 'BRANDSMITH_PUBLIC_URL'


def settings_with(monkeypatch: pytest.MonkeyPatch, value: str) -> Settings:
    monkeypatch.setenv(VARIABLE, value)
    return Settings()


@pytest.mark.parametrize(
    ('value', 'expected'),
    [
        ('https://brand.example', 'https://brand.example'),
        ('https://brand.example/', 'https://brand.example'),
        ('  http://127.0.0.1:8080/brandsmith//  ', 'http://127.0.0.1:8080/brandsmith'),
        ('http://[::1]:8080/', 'http://[::1]:8080'),
    ],
)
def test_a_public_url_is_kept_without_its_trailing_slash(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: str
) -> None:
    assert settings_with(monkeypatch, value).public_url == expected


@pytest.mark.parametrize('value', ['', '   '])
def test_an_empty_public_url_is_none(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    assert settings_with(monkeypatch, value).public_url is None


def test_without_the_variable_there_is_no_public_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(VARIABLE, raising=False)
    assert Settings().public_url is None


@pytest.mark.parametrize(
    ('value', 'complaint'),
    [
        ('ftp://brand.example', 'absolute http:// or https:// URL'),
        ('javascript:alert(1)', 'absolute http:// or https:// URL'),
        ('brand.example', 'absolute http:// or https:// URL'),
        ('https://', 'absolute http:// or https:// URL'),
        ('https://brand.example:0', 'absolute http:// or https:// URL'),
        ('https://brand.example:70000', 'absolute http:// or https:// URL'),
        ('http://[::1', 'absolute http:// or https:// URL'),
        ('https://brand.example/?ref=mail', 'no query'),
        ('https://brand.example/?', 'no query'),
        ('https://brand.example/#top', 'fragment'),
        ('https://user:secret@brand.example', 'no user name, password'),
        ('https://brand example', 'spaces'),
    ],
)
def test_a_bad_public_url_is_an_error_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, value: str, complaint: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        settings_with(monkeypatch, value)
    errors = raised.value.errors()
    assert len(errors) == 1 and errors[0]['loc'] == (VARIABLE,), "the error is the field's, under its variable"
    assert complaint in errors[0]['msg']
    assert VARIABLE in str(raised.value)
