"""The profiles benchmarks judge the engine's output over: very different companies, from a bakery to an Islamic bank,
with Japanese, Arabic, Hebrew and Devanagari names, a one-letter and a very long name (bench/corpus.json)."""

from __future__ import annotations

import json
from pathlib import Path

from branding.models import CompanyProfile

CORPUS_FILE = Path(__file__).with_name('corpus.json')


def corpus_profiles() -> list[CompanyProfile]:
    """Every profile of the corpus, validated as the API would."""
    raw = json.loads(CORPUS_FILE.read_text(encoding='utf-8'))
    return [CompanyProfile.model_validate(entry) for entry in raw]
