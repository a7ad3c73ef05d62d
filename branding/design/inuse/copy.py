"""The placeholder words the mockups show where a kit has none of its own (a person on the business card, the
website's buttons, the phone's other apps): data/mockup_copy.json, read once."""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel

from branding.design.data_files import TABLE_CONFIG, DataSource, Text, Texts, packaged, read_table

MAX_DOMAIN_STEM = 20


class MockupCopy(BaseModel):
    model_config = TABLE_CONFIG

    person: Text
    role: Text
    phone: Text
    email_user: Text
    address: Text
    nav_links: Texts
    sign_in: Text
    primary_button: Text
    secondary_button: Text
    letter_greeting: Text
    letter_body: Text
    letter_closing: Text
    slide_kicker: Text
    apps: Texts
    time: Text
    sample_text: Text


def load_copy(source: DataSource | None = None) -> MockupCopy:
    return read_table(source or packaged('mockup_copy.json'), MockupCopy)


@lru_cache(maxsize=1)
def mockup_copy() -> MockupCopy:
    return load_copy()


def domain(name: str) -> str:
    """A plausible web domain for the company: its Latin words run together (the first few of a long name), else
    example.com."""
    words = [re.sub(r'[^a-z0-9]', '', word) for word in name.lower().split()]
    stem = ''
    for word in (word for word in words if word):
        if stem and len(stem) + len(word) > MAX_DOMAIN_STEM:
            break
        stem += word
    return f'{stem[:MAX_DOMAIN_STEM]}.com' if len(stem) >= 2 else 'example.com'
