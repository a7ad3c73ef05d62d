"""Taglines: the offline writer, and the cleaner that makes a language model's lines fit to show.

The offline writer builds every line from the profile's own words (values, audience, industry, what the description
says the product does) in six rhetorical patterns, then lets the seeded generator choose and order them, one pattern
at a time, so a kit gets variety and a different seed gets a different set.

patterns (the six patterns), sector_lines and fallbacks (lines for thin profiles) write candidates from the profile's
words in the shapes of `shapes`; how each line reads, why it works, its weight and the voices that favour it come
from data/tagline_patterns.json (`pattern_table`), phrase banks from data/tagline_phrases.json (`phrases`); ranking
tidies and chooses them; offline puts that together; cleaning turns a model's reply into lines fit to show; lines
says what fits.
"""

from branding.sections.taglines.cleaning import CleanedTaglines, clean_line, clean_taglines
from branding.sections.taglines.lines import MAX_TAGLINE_WORDS, MAX_TAGLINES, dedupe_key
from branding.sections.taglines.offline import build_offline_taglines

__all__ = [
    'MAX_TAGLINES',
    'MAX_TAGLINE_WORDS',
    'CleanedTaglines',
    'build_offline_taglines',
    'clean_line',
    'clean_taglines',
    'dedupe_key',
]
