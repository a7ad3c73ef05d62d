"""Read a company description: what the product lets people do, to what, for whom, and its first sentence."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from branding.design.language.cleaning import plain_text
from branding.design.language.counting import count_words
from branding.design.language.lexicon import is_base_verb, lexicon, third_person_lemma
from branding.design.language.tokens import Token, _word_form, proper_nouns_in, tokenise

MAX_ACTION_WORDS = 7


@dataclass(frozen=True, kw_only=True, slots=True)
class DescriptionReading:
    actions: tuple[str, ...]  # what the product lets people do, base-form verb phrases: 'track invoices'
    objects: tuple[str, ...]  # what those actions act on: 'invoices', 'messy receipts'
    helped: str  # who the description says it helps ('freelancers'), '' when it does not say
    first_sentence: str


def _verb_at(tokens: Sequence[Token], index: int, mode: str) -> str | None:
    """The base form of the verb at `index` when it is one in `mode` ('base', 'third' or 'either')."""
    if index >= len(tokens) or not tokens[index].is_word:
        return None
    word, lex = tokens[index].folded, lexicon()
    if word in lex.auxiliaries or word in lex.help_words:
        return None
    if mode in {'base', 'either'} and is_base_verb(word):
        return word
    if mode in {'third', 'either'}:
        return third_person_lemma(word)
    return None


def _verb_mode(tokens: Sequence[Token], index: int) -> str:
    return 'third' if third_person_lemma(tokens[index].text) and not is_base_verb(tokens[index].text) else 'base'


def _tidy_action(words: list[str]) -> str | None:
    lex = lexicon()
    if len(words) > MAX_ACTION_WORDS:
        cut = next((i for i, word in enumerate(words) if i >= 3 and word.casefold() in lex.prepositions), None)
        words = words[:cut] if cut else []
    while words and words[-1].casefold() in lex.dangling_words:
        words = words[:-1]
    if len(words) < 2 or len(words) > MAX_ACTION_WORDS:
        return None
    return ' '.join(words)


def _collect_actions(tokens: Sequence[Token], start: int, mode: str, proper: set[str]) -> tuple[list[str], int]:
    """Verb phrases from the verb at `start`: 'track invoices, plan taxes and get paid' gives three."""
    clause_words = lexicon().clause_words
    phrases: list[list[str]] = []
    current = [_verb_at(tokens, start, mode) or tokens[start].folded]
    index = start + 1
    while index < len(tokens):
        token = tokens[index]
        if token.kind == 'stop':
            break
        if token.kind == 'comma':
            after = index + 2 if index + 1 < len(tokens) and tokens[index + 1].folded in {'and', 'or'} else index + 1
            verb = _verb_at(tokens, after, mode)
            if verb and len(current) >= 2:
                phrases.append(current)
                current, index = [verb], after + 1
                continue
            break
        if token.folded in {'and', 'or'} and len(current) >= 2 and (verb := _verb_at(tokens, index + 1, mode)):
            phrases.append(current)
            current, index = [verb], index + 2
            continue
        if token.folded in clause_words:
            break
        current.append(_word_form(token, proper))
        index += 1
    phrases.append(current)
    actions = [action for words in phrases if (action := _tidy_action(words))]
    return actions, index


def _object_of(action: str) -> str | None:
    """The thing an action acts on, when it is a plain noun phrase: 'track invoices' -> 'invoices'."""
    words = action.split(' ')[1:]
    lex = lexicon()
    noun_phrase: list[str] = []
    for word in words:
        folded = word.casefold()
        if folded in lex.prepositions or folded in lex.clause_words or folded in {'and', 'or'}:
            break
        if folded in lex.determiners:
            if noun_phrase:
                break
            continue
        noun_phrase.append(word)
    if not 1 <= len(noun_phrase) <= 2:
        return None
    head = noun_phrase[-1].casefold()
    plural = head.endswith('s') and not head.endswith(('ss', 'us', 'is')) and len(head) > 3
    if not (plural or head in lex.mass_nouns) or any(word.casefold() in lex.stopwords for word in noun_phrase):
        return None
    if any(word.casefold().endswith('ly') for word in noun_phrase):
        return None
    return ' '.join(noun_phrase)


_SENTENCE = regex.compile(r'.*?[.!?。！？](?=\s|$)|.+$')


def _first_sentence(text: str) -> str:
    """The first sentence worth quoting: at least three words, so a leading '1.' or 'Hi!' is skipped."""
    sentences = [match.group().strip() for match in _SENTENCE.finditer(text) if match.group().strip()]
    return next((sentence for sentence in sentences if count_words(sentence) >= 3), text.strip())


@dataclass(frozen=True, slots=True)
class _ActionStart:
    """Where a pattern puts the first verb of what the product does, and what else the pattern tells."""

    index: int
    mode: str  # the verb's form: 'base' or 'third'
    company_side: bool = False  # what the company itself does ('we build'), not the reader
    helped: str = ''  # who 'helps <who> to ...' names ('' when it names nobody worth quoting)


def _after_help_word(tokens: Sequence[Token], index: int, proper: set[str]) -> _ActionStart | None:
    """'helps <who> (to) <verb> ...', 'lets/enables/allows <who> (to) <verb> ...', within a few words."""
    for probe in range(index + 1, min(index + 8, len(tokens))):
        if not tokens[probe].is_word:
            return None
        start = None
        if tokens[probe].folded == 'to' and _verb_at(tokens, probe + 1, 'base'):
            start = probe + 1
        elif probe > index + 1 and _verb_at(tokens, probe, 'base'):
            start = probe
        if start is not None:
            who = [_word_form(t, proper) for t in tokens[index + 1 : probe]]
            helped = ' '.join(who) if who and who[0].casefold() not in {'you', 'us', 'to'} else ''
            return _ActionStart(start, 'base', helped=helped)
    return None


def _action_start(tokens: Sequence[Token], index: int, name_words: set[str], proper: set[str]) -> _ActionStart | None:
    """The verb phrase the word at `index` introduces, by the patterns `read_description` lists; None if none."""
    lex = lexicon()
    word = tokens[index].folded
    if word in lex.help_words or word in lex.enable_words:
        return _after_help_word(tokens, index, proper)
    if word == 'to' and index > 0 and tokens[index - 1].folded in lex.to_after:
        return _ActionStart(index + 1, 'base') if _verb_at(tokens, index + 1, 'base') else None
    if word == 'can' and _verb_at(tokens, index + 1, 'base'):
        return _ActionStart(index + 1, 'base')
    if word in lex.subject_words or word in name_words:
        mode = 'base' if word == 'we' else 'either'
        if verb := _verb_at(tokens, index + 1, mode):
            company_side = word == 'we' or word in name_words or verb in lex.company_verbs
            return _ActionStart(
                index + 1, _verb_mode(tokens, index + 1) if mode == 'either' else mode, company_side=company_side
            )
    return None


def _objects_of(actions: Iterable[str]) -> list[str]:
    objects: list[str] = []
    for action in actions:
        thing = _object_of(action)
        if thing and thing.casefold() not in {o.casefold() for o in objects}:
            objects.append(thing)
    return objects


def read_description(description: str, name: str = '', proper_nouns: Iterable[str] | None = None) -> DescriptionReading:
    """Find what the product does and for whom, from patterns copywriters rely on.

    'helps <who> (to) <verb> ...', 'lets/enables/allows <who> (to) <verb> ...', '<way/easy/...> to <verb> ...',
    '<who> can <verb> ...' and '<it/that/which/who> <verb(s)> ...'; a list such as 'track invoices, plan taxes and get
    paid' is read as three actions. What the company itself does ('we build', '<Name> sells', 'a studio that makes') is
    skipped: it is not something the reader does. Verbs come from a fixed list, so an unknown verb is simply not found.
    """
    text = plain_text(description)
    tokens = tokenise(text)
    proper = set(proper_nouns) if proper_nouns is not None else proper_nouns_in([text])
    name_words = {token.folded for token in tokenise(name) if token.is_word and len(token.text) > 1}
    actions: list[str] = []
    helped = ''
    index = 0
    while index < len(tokens):
        start = _action_start(tokens, index, name_words, proper)
        if start is None:
            index += 1
            continue
        helped = helped or start.helped  # the first one named
        found, index = _collect_actions(tokens, start.index, start.mode, proper)
        if start.company_side:  # 'We build tools' is not something the reader does; read on for what the tools do
            index = start.index + 1
            continue
        actions.extend(action for action in found if action.casefold() not in {a.casefold() for a in actions})
    objects = _objects_of(actions)
    return DescriptionReading(
        actions=tuple(actions), objects=tuple(objects), helped=helped, first_sentence=_first_sentence(text)
    )
