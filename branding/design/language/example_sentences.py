"""Example sentences in the brand's voice: the facts the templates use, and the templates filled with them."""

from __future__ import annotations

from collections.abc import Mapping

import regex

from branding.design.language.cleaning import capitalise_first, tidy_sentence
from branding.design.language.company_types import company_types
from branding.design.language.lexicon import gerund, to_second_person
from branding.design.language.profile import BrandWords
from branding.design.language.voices import Voice

NAME_FALLBACK = 'our team'  # stands in for a name with no letters or digits, e.g. one made only of emoji


def voice_facts(words: BrandWords) -> dict[str, str]:
    """Every field the voice templates use, always filled: the profile's words, or sensible defaults for its type."""
    defaults = company_types()[words.company_type]
    action = to_second_person(words.actions[0] if words.actions else defaults.action)
    audience = words.audience or defaults.audience
    # what the company handles; a software default ('your workspace') only for a software sector
    fallback_topic = defaults.topic if words.sector.software else words.sector.offer
    topic = next(iter(words.products or words.objects), '') or fallback_topic
    first_value = next((value.noun for value in words.values if value.noun), None)
    value = first_value or 'clarity'
    verb, _, rest = action.partition(' ')
    return {
        'name': words.name or NAME_FALLBACK,
        'audience': audience,
        'audience_cap': capitalise_first(audience),
        'action': action,
        'action_cap': capitalise_first(action),
        'action_ing': f'{gerund(verb)} {rest}'.strip(),
        'topic': topic,
        'topic_cap': capitalise_first(topic),
        'value': value,
        'value_cap': capitalise_first(value),
        'industry': words.industry or words.type_word or 'your field',
    }


_SENTENCE_START_FALLBACK = regex.compile(rf'(^|[.!?:]\s){NAME_FALLBACK}')


def fill(template: str, facts: Mapping[str, str]) -> str:
    """A template with the facts in place. Templates are ours; facts are only ever inserted, never formatted."""
    text = tidy_sentence(template.format_map(facts))
    return _SENTENCE_START_FALLBACK.sub(lambda match: f'{match.group(1)}{capitalise_first(NAME_FALLBACK)}', text)


def voice_examples(voice: Voice, facts: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """Sentences to copy ('do') and to avoid ('don't'), written about this company in this voice."""
    return [fill(t, facts) for t in voice.do_examples], [fill(t, facts) for t in voice.dont_examples]
