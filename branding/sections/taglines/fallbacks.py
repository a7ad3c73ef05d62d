"""Lines for profiles with too few usable words: ones that need nothing but the company's type, then general ones."""

from __future__ import annotations

from branding.design.language import BrandWords, with_article
from branding.sections.taglines.candidate import Candidate
from branding.sections.taglines.pattern_table import tagline_patterns
from branding.sections.taglines.phrases import tagline_phrases


def general_candidates(words: BrandWords) -> list[Candidate]:
    phrases, table = tagline_phrases(), tagline_patterns().general_lines
    company = (
        table.company.format(type_with_article=with_article(words.type_word))
        if words.type_word
        else table.unknown_company
    )
    typed_rationale = table.typed_rationale.format(company=company, voice=words.voice.name)
    typed = [
        Candidate(text=text, family='general', rationale=typed_rationale)
        for text in phrases.type_lines[words.company_type]
    ]
    rationale = table.rationale.format(company=company, voice=words.voice.name)
    general = [Candidate(text=text, family='general', rationale=rationale) for text in phrases.general_lines]
    return typed + general
