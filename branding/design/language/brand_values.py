"""Read a brand value: its noun and adjective forms and, for well-known values, what living it looks like."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from branding.design.language.cleaning import (
    capitalise_first,
    has_word_chars,
    inline_case,
    plain_text,
    strip_list_marker,
    trim_edge_punctuation,
)
from branding.design.language.counting import _CJK_RUN
from branding.design.language.lexicon import _ADJECTIVE_SUFFIXES, _NOUN_SUFFIXES, _Y_ADJECTIVES


@dataclass(frozen=True, kw_only=True, slots=True)
class ValueSense:
    noun: str
    adjective: str
    practice: str  # what living the value looks like, as a clause after 'we': 'say the important thing first'


def _sense(noun: str, adjective: str, practice: str) -> ValueSense:
    return ValueSense(noun=noun, adjective=adjective, practice=practice)


_VALUE_SENSES: tuple[tuple[tuple[str, ...], ValueSense], ...] = (
    (('clarity', 'clear'), _sense('clarity', 'clear', 'say the important thing first and make the next step obvious')),
    (
        ('simplicity', 'simple'),
        _sense('simplicity', 'simple', 'remove steps, options and jargon until only what matters is left'),
    ),
    (
        ('trust', 'trusted', 'trustworthy', 'trustworthiness'),
        _sense('trust', 'trusted', 'keep our promises, show our working and own our mistakes'),
    ),
    (
        ('transparency', 'transparent'),
        _sense('transparency', 'transparent', 'show how things work, including prices, limits and our reasons'),
    ),
    (
        ('honesty', 'honest'),
        _sense('honesty', 'honest', 'tell the truth plainly, even when it is not the answer people hoped for'),
    ),
    (('integrity', 'principled'), _sense('integrity', 'principled', 'do the right thing when nobody is checking')),
    (('security', 'secure'), _sense('security', 'secure', 'protect data by default and explain plainly how we do it')),
    (
        ('privacy', 'private'),
        _sense('privacy', 'private', 'collect only what we need and never surprise anyone with how it is used'),
    ),
    (('safety', 'safe'), _sense('safety', 'safe', 'design risk out first and never trade safety for speed')),
    (
        ('reliability', 'reliable', 'dependability', 'dependable'),
        _sense('reliability', 'reliable', 'work the same way every time, and say so early when something breaks'),
    ),
    (
        ('speed', 'fast', 'quick', 'velocity'),
        _sense('speed', 'fast', 'respect people’s time: quick to load, quick to learn and quick to act'),
    ),
    (
        ('efficiency', 'efficient'),
        _sense('efficiency', 'efficient', 'cut waste from every workflow so effort goes where it counts'),
    ),
    (('precision', 'precise'), _sense('precision', 'precise', 'get the details and the numbers exactly right')),
    (('accuracy', 'accurate'), _sense('accuracy', 'accurate', 'check the numbers twice and show where they come from')),
    (
        ('quality', 'well-made'),
        _sense('quality', 'well-made', 'sweat the details people notice and the ones they never will'),
    ),
    (
        ('craft', 'craftsmanship', 'crafted'),
        _sense('craft', 'crafted', 'treat every detail as part of the product, down to the last word'),
    ),
    (('excellence', 'excellent'), _sense('excellence', 'excellent', 'hold our work to a high bar and keep raising it')),
    (
        ('innovation', 'inventive', 'innovative'),
        _sense('innovation', 'inventive', 'look for a better way instead of copying the familiar one'),
    ),
    (
        ('creativity', 'creative'),
        _sense('creativity', 'creative', 'try unexpected ideas and keep the ones that serve people best'),
    ),
    (
        ('curiosity', 'curious'),
        _sense('curiosity', 'curious', 'ask why, listen closely and keep learning from the people we serve'),
    ),
    (('boldness', 'bold'), _sense('boldness', 'bold', 'make clear choices and stand behind them')),
    (
        ('courage', 'brave', 'courageous'),
        _sense('courage', 'brave', 'say the difficult thing and take the better path'),
    ),
    (
        ('empathy', 'empathetic', 'empathic'),
        _sense('empathy', 'empathetic', 'start from the other person’s situation, not from our features'),
    ),
    (('care', 'caring'), _sense('care', 'caring', 'treat every question as if it came from someone we know')),
    (
        ('kindness', 'kind'),
        _sense('kindness', 'kind', 'be generous with patience, help and the benefit of the doubt'),
    ),
    (('respect', 'respectful'), _sense('respect', 'respectful', 'value people’s time, intelligence and choices')),
    (
        ('inclusion', 'inclusive', 'inclusivity', 'belonging'),
        _sense('inclusion', 'inclusive', 'write and design so that everyone feels the product was made for them'),
    ),
    (
        ('diversity', 'diverse'),
        _sense('diversity', 'diverse', 'seek out different perspectives and let them change our minds'),
    ),
    (
        ('accessibility', 'accessible'),
        _sense('accessibility', 'accessible', 'make sure everyone can use what we make, whatever their abilities'),
    ),
    (
        ('community', 'community-minded'),
        _sense('community', 'community-minded', 'build with the people who use our work and share what we learn'),
    ),
    (
        ('collaboration', 'collaborative', 'teamwork'),
        _sense('collaboration', 'collaborative', 'work in the open, with customers and with each other'),
    ),
    (
        ('sustainability', 'sustainable'),
        _sense('sustainability', 'sustainable', 'choose the option that will still be right in ten years'),
    ),
    (
        ('responsibility', 'responsible', 'accountability', 'accountable', 'ownership'),
        _sense('responsibility', 'responsible', 'own the impact of what we build, including the parts nobody sees'),
    ),
    (('openness', 'open'), _sense('openness', 'open', 'share what we know and make it easy to look inside')),
    (('freedom', 'free'), _sense('freedom', 'free', 'give people control and never lock them in')),
    (
        ('independence', 'independent'),
        _sense('independence', 'independent', 'keep people in charge of their own work and data'),
    ),
    (
        ('empowerment', 'empowering'),
        _sense('empowerment', 'empowering', 'give people the tools and knowledge to do it themselves'),
    ),
    (('growth', 'growing'), _sense('growth', 'growing', 'help people get better at what they do, and keep improving')),
    (('focus', 'focused'), _sense('focus', 'focused', 'do fewer things and do them properly')),
    (('calm', 'calmness'), _sense('calm', 'calm', 'remove noise and never invent urgency')),
    (
        ('joy', 'joyful', 'delight', 'delightful'),
        _sense('joy', 'joyful', 'add small moments of delight where they help, never where they get in the way'),
    ),
    (
        ('fun', 'playfulness', 'playful'),
        _sense('fun', 'playful', 'keep things light where it helps, and never at anyone’s expense'),
    ),
    (
        ('authenticity', 'authentic'),
        _sense('authenticity', 'authentic', 'sound like ourselves and never pretend to be something we are not'),
    ),
    (('humanity', 'human'), _sense('humanity', 'human', 'write and design for people, not for metrics')),
    (('expertise', 'expert'), _sense('expertise', 'expert', 'share deep knowledge generously and in plain words')),
    (('impact', 'impactful'), _sense('impact', 'impactful', 'measure success by the difference we make for people')),
    (
        ('affordability', 'affordable'),
        _sense('affordability', 'affordable', 'keep prices fair and easy to understand'),
    ),
    (('fairness', 'fair'), _sense('fairness', 'fair', 'treat everyone by the same rules and explain those rules')),
    (('convenience', 'convenient'), _sense('convenience', 'convenient', 'remove friction wherever people meet us')),
    (('flexibility', 'flexible'), _sense('flexibility', 'flexible', 'fit into the way people already work')),
    (
        ('resilience', 'resilient'),
        _sense('resilience', 'resilient', 'keep working when things go wrong, and recover fast'),
    ),
    (
        ('passion', 'passionate'),
        _sense('passion', 'passionate', 'care visibly about the work and the people it serves'),
    ),
    (('optimism', 'optimistic'), _sense('optimism', 'optimistic', 'look for what can go right and build towards it')),
    (('elegance', 'elegant'), _sense('elegance', 'elegant', 'choose the simplest form that does the job beautifully')),
    (('warmth', 'warm'), _sense('warmth', 'warm', 'sound like a person who is glad to help')),
    (('confidence', 'confident'), _sense('confidence', 'confident', 'state things plainly and stand behind them')),
    (
        ('agility', 'agile'),
        _sense('agility', 'agile', 'ship small, learn fast and change course when evidence says so'),
    ),
    (
        ('wellbeing', 'well-being', 'wellness'),
        _sense('wellbeing', 'healthy', 'put people’s long-term health ahead of short-term engagement'),
    ),
)
VALUE_SENSES: dict[str, ValueSense] = {alias: sense for aliases, sense in _VALUE_SENSES for alias in aliases}


@dataclass(frozen=True, kw_only=True, slots=True)
class ValueWords:
    text: str  # as the person wrote it, edge punctuation trimmed: 'Radical transparency'
    inline: str  # as it reads mid-sentence: 'radical transparency'
    noun: str | None  # 'clarity' for 'clear'; None when no noun form is known
    adjective: str | None  # 'clear' for 'clarity'; None when no adjective form is known
    sense: ValueSense | None

    @property
    def title(self) -> str:
        return capitalise_first(self.text)


def _word_class(word: str) -> str:
    folded = word.casefold()
    if folded.endswith(_NOUN_SUFFIXES):
        return 'noun'
    if folded.endswith(_ADJECTIVE_SUFFIXES) or folded in _Y_ADJECTIVES:
        return 'adjective'
    return 'noun'


def read_value(value: str, proper_nouns: Iterable[str] = ()) -> ValueWords | None:
    """A brand value with its noun and adjective forms; None when it has no letters or digits to say."""
    text = trim_edge_punctuation(strip_list_marker(plain_text(value)))
    if not has_word_chars(text):
        return None
    inline = inline_case(text, proper_nouns)
    sense = VALUE_SENSES.get(text.casefold())
    if sense:
        return ValueWords(text=text, inline=inline, noun=sense.noun, adjective=sense.adjective, sense=sense)
    if ' ' in text or _CJK_RUN.search(text) or not text.isalpha():
        return ValueWords(text=text, inline=inline, noun=inline, adjective=None, sense=None)
    if _word_class(text) == 'adjective':
        return ValueWords(text=text, inline=inline, noun=None, adjective=inline, sense=None)
    return ValueWords(text=text, inline=inline, noun=inline, adjective=None, sense=None)
