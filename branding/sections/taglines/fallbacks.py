"""Lines for profiles with too few usable words: ones that need nothing but the company's type, then general ones."""

from __future__ import annotations

from branding.design.language import BrandWords, with_article
from branding.sections.taglines.candidate import Candidate
from branding.sections.taglines.phrases import tagline_phrases


def general_candidates(words: BrandWords) -> list[Candidate]:
    phrases = tagline_phrases()
    company = f'{with_article(words.type_word)} company' if words.type_word else 'a company'
    typed = [
        Candidate(
            text=text,
            family='general',
            rationale=f'A line for {company} in a {words.voice.name} voice; the profile offered few words of its own '
            'to build on.',
        )
        for text in phrases.type_lines[words.company_type]
    ]
    general = [
        Candidate(
            text=text,
            family='general',
            rationale=f'A general line in a {words.voice.name} voice; the profile offered few words of its own to '
            'build on.',
        )
        for text in phrases.general_lines
    ]
    return typed + general
