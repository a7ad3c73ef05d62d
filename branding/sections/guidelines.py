"""Brand guidelines: the offline writer, a Markdown document built from the profile and whatever the kit already has.

Everything the person (or a language model) wrote goes through `escape_markdown`, so it can only ever be text: a
name like '<script>' or '[a](javascript:...)' renders as those characters, never as markup or a link. Our own template
text (here, and the phrase banks of data/guideline_phrases.json, whose loader checks it) uses no Markdown-significant
characters, and only lists, bold and headings (no tables), so the document renders the same in CommonMark
(markdown-it) and in markdown2.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from branding.design.color import relative_luminance
from branding.design.language import (
    BrandWords,
    ValueWords,
    capitalise_first,
    collapse_spaces,
    company_types,
    end_sentence,
    fill,
    has_word_chars,
    join_naturally,
    plain_text,
    quoted,
    read_profile,
    tidy_sentence,
    to_third_person,
    trim_to_words,
    voice_examples,
    voice_facts,
    with_article,
)
from branding.models import ColorPalette, CompanyProfile, FontSpec, Tagline, Typography
from branding.sections.guideline_phrases import guideline_phrases
from branding.seeding import rng_for

GUIDELINE_HEADINGS = (
    'Mission and values',
    'Personality',
    'Voice and tone',
    'Visual identity',
    'Logo usage',
    "Do's and don'ts",
    'Applications',
)

MIN_LOGO_PX = 24
MIN_SYMBOL_PX = 16
MIN_LOGO_MM = 10
SYMBOL_CLEAR_SPACE = '25%'
MAX_WHAT_WE_DO_WORDS = 60
NAMELESS = 'the company'  # for a name with nothing to show, such as '.'

# --- escaping ---------------------------------------------------------------------------------------------------------

# Backslash escapes only for the characters both CommonMark and original Markdown (markdown2) accept; entities for the
# rest, which both decode as text. '<' and '&' as entities also keep a renderer with raw HTML enabled safe.
_INLINE_ESCAPES = str.maketrans(
    {
        '\\': '\\\\',
        '`': '\\`',
        '*': '\\*',
        '_': '\\_',
        '[': '\\[',
        ']': '\\]',
        '<': '&lt;',
        '>': '&gt;',
        '&': '&amp;',
        '|': '&#124;',
        '~': '&#126;',
    }
)
_LINE_START_ORDERED = regex.compile(r'^(\d+)([.)])')


def escape_markdown(text: str) -> str:
    """`text` as literal Markdown text: no emphasis, code, links, images, HTML, entities, tables or block markers.

    Whitespace (including newlines) collapses to single spaces, so user text can never start a heading, list or
    quote of its own; a leading '#', '-', '+', '=' or '1.' is escaped for the case where our template puts it at the
    start of a line.
    """
    escaped = ' '.join(text.split()).translate(_INLINE_ESCAPES)
    if escaped[:1] in {'#', '-', '+', '='}:
        return f'\\{escaped}'
    return _LINE_START_ORDERED.sub(r'\1\\\2', escaped) if escaped[:1].isdigit() else escaped


def _e(text: str) -> str:
    return escape_markdown(text)


def _code(hex_colour: str) -> str:
    return f'`{hex_colour}`'  # hexes are validated '#rrggbb', safe inside a code span


# --- what the document is built from ----------------------------------------------------------------------------------


@dataclass(kw_only=True, slots=True)
class _Kit:
    brand: str  # the name as written (plain text, escaped on output)
    audience: str
    words: BrandWords
    facts: dict[str, str]
    palette: ColorPalette | None
    typography: Typography | None
    tagline: str | None
    rng: random.Random

    @property
    def brand_start(self) -> str:
        """The name as the first word of a sentence: as written, or 'The company' when there is none to show."""
        return capitalise_first(self.brand) if self.brand == NAMELESS else self.brand

    @property
    def heading_font(self) -> str | None:
        return self.typography.heading_font if self.typography else None

    @property
    def body_font(self) -> str | None:
        return self.typography.body_font if self.typography else None


_DISPLAYABLE = regex.compile(r'[^\p{P}\p{Z}\p{C}]')  # letters, digits or symbols: '🚀' is a name, '.' is not


def _brand_name(profile: CompanyProfile) -> str:
    name = collapse_spaces(profile.name)
    return name if _DISPLAYABLE.search(name) else NAMELESS


def _first_tagline(taglines: Sequence[Tagline] | None) -> str | None:
    for tagline in taglines or ():
        text = plain_text(tagline.text)
        if text:
            return text
    return None


# --- mission and values -----------------------------------------------------------------------------------------------


def _category(words: BrandWords) -> str:
    """What the company is, for a positioning statement: 'personal finance service', 'developer toolkit'."""
    phrases = guideline_phrases()
    noun = phrases.type_categories[words.company_type]
    subject = words.industry or words.type_word
    if not subject:
        return noun
    last = subject.split(' ')[-1].casefold()
    if last in phrases.category_words:
        return subject
    return f'{subject} company' if last in phrases.plural_category_words else f'{subject} {noun}'


def _value_nouns(words: BrandWords) -> list[str]:
    return [value.noun for value in words.values if value.noun]


def _mission(kit: _Kit) -> str:
    words = kit.words
    nouns = _value_nouns(words)[:2]
    if words.actions:
        actions = join_naturally(to_third_person(action) for action in words.actions[:3])
        tail = f', with {join_naturally(nouns)} in everything we do.' if nouns else '.'
        return f'To help {kit.audience} {actions}{tail}'
    where = f' to {words.industry}' if words.industry else ''
    if nouns:
        return f'To bring {join_naturally(nouns)}{where} for {kit.audience}.'
    return f'To be the {_category(words)} {kit.audience} can rely on.'


def _positioning(kit: _Kit) -> str:
    words = kit.words
    opening = f'For {kit.audience}, {kit.brand} is the {_category(words)}'
    if words.actions:
        return f'{opening} that helps them {join_naturally(to_third_person(a) for a in words.actions[:2])}.'
    nouns = _value_nouns(words)[:2]
    if nouns:
        return f'{opening} built on {join_naturally(nouns)}.'
    return f'{opening} made for them.'


def _value_contexts(kit: _Kit) -> list[str]:
    actions = [to_third_person(action) for action in kit.words.actions[:2]]
    contexts = [f', in every conversation with {kit.audience}', ', in the product and in every message we send', '']
    if len(actions) == 2:
        contexts.insert(0, f', whether someone wants to {actions[0]} or {actions[1]}')
    elif actions:
        contexts.insert(0, f', especially when someone wants to {actions[0]}')
    return contexts


def _value_sentence(value: ValueWords, kit: _Kit, context: str) -> str:
    if value.sense:
        return f'For {kit.brand}, {value.sense.noun} means we {value.sense.practice}{context}.'
    return (
        f'{value.title} is a standard {kit.brand} holds itself to: every product decision and every message to '
        f'{kit.audience} should show it.'
    )


def _mission_section(kit: _Kit, profile: CompanyProfile) -> list[str]:
    what_we_do = trim_to_words(kit.words.first_sentence or plain_text(profile.description), MAX_WHAT_WE_DO_WORDS)
    lines = ['## Mission and values', '']
    if has_word_chars(what_we_do):
        lines += [f'**What we do.** {_e(end_sentence(what_we_do))}', '']
    lines += [
        f'**Mission.** {_e(_mission(kit))}',
        '',
        f'**Positioning.** {_e(_positioning(kit))}',
        '',
        '### Values',
        '',
    ]
    contexts = _value_contexts(kit)
    offset = kit.rng.randrange(len(contexts))
    for index, value in enumerate(kit.words.values):
        sentence = _value_sentence(value, kit, contexts[(offset + index) % len(contexts)])
        lines.append(f'- **{_e(end_sentence(value.title))}** {_e(tidy_sentence(sentence))}')
    if not kit.words.values:  # e.g. only emoji or markup: nothing to explain, so say what to add instead
        lines.append(f'- {guideline_phrases().interim.no_values}')
    return [*lines, '']


# --- personality ------------------------------------------------------------------------------------------------------


def _traits(kit: _Kit) -> list[tuple[str, str]]:
    """Three to five traits: the voice's own, one from a secondary voice in the tone, and one from the first value."""
    words = kit.words
    traits = [(trait, fill(text, kit.facts)) for trait, text in words.voice.traits]
    if len(words.voices) > 1:
        trait, text = words.voices[1].traits[0]
        traits.append((trait, fill(text, kit.facts)))
    for value in words.values:
        if value.sense and ' ' not in value.sense.adjective:
            traits.append((capitalise_first(value.sense.adjective), f'We {value.sense.practice}.'))
            break
    distinct: dict[str, tuple[str, str]] = {}
    for trait, text in traits:
        distinct.setdefault(trait.casefold(), (trait, text))
    return list(distinct.values())[:5]


def _personality_section(kit: _Kit) -> list[str]:
    traits = _traits(kit)
    summary = f'{kit.brand_start} comes across as {join_naturally(trait.lower() for trait, _ in traits[:3])}.'
    lines = ['## Personality', '', _e(summary), '']
    lines += [f'- **{_e(trait)}.** {_e(text)}' for trait, text in traits]
    return [*lines, '']


# --- voice and tone ---------------------------------------------------------------------------------------------------


def _tone_note(profile: CompanyProfile, kit: _Kit) -> str | None:
    voices = kit.words.voices
    tone = plain_text(profile.tone)
    if tone.casefold() == voices[0].name:
        return None
    if voices[0].name not in {word.casefold() for word in regex.findall(r'\w+', tone)} and tone:
        touch = f', with a touch of {voices[1].name}' if len(voices) > 1 else ''
        return f'Your tone, {quoted(tone)}, is closest to the {voices[0].name} voice{touch}.'
    return None


def _voice_section(profile: CompanyProfile, kit: _Kit) -> list[str]:
    voice = kit.words.voice
    facts = kit.facts
    summary = voice.summary[0].lower() + voice.summary[1:]
    lines = ['## Voice and tone', '', _e(f'{kit.brand_start} speaks in a {voice.name} voice: {summary}')]
    if note := _tone_note(profile, kit):
        lines.append(_e(note))
    moment_facts = {'audience': kit.audience, 'action': quoted(capitalise_first(facts['action']))}
    lines += ['', '### The voice in different moments', '']
    lines += [
        f'- **{moment.label}.** {_e(moment.text.format_map(moment_facts))}' for moment in guideline_phrases().moments
    ]
    lines.append('')
    do_examples, dont_examples = voice_examples(voice, facts)
    lines += ['### Do', '']
    lines += [f'- {_e(rule)}' for rule in voice.rules_do]
    lines += [f'- Write like this: {_e(quoted(example))}' for example in do_examples]
    lines += ['', "### Don't", '']
    lines += [f'- {_e(rule)}' for rule in voice.rules_dont]
    lines += [f'- Not like this: {_e(quoted(example))}' for example in dont_examples]
    lines.append(f'- Avoid words like {_e(join_naturally(quoted(word) for word in voice.words_to_avoid))}.')
    reach_for = _words_to_reach_for(kit.words)
    if reach_for:
        lines += ['', f'**Words to reach for:** {_e(", ".join(reach_for))}.']
    return [*lines, '']


def _words_to_reach_for(words: BrandWords) -> list[str]:
    """The profile's own vocabulary: its values, audience, what it handles and its key words."""
    found: list[str] = []
    for word in (*(value.inline for value in words.values), words.audience, *words.objects, *words.keywords):
        said = {part for phrase in found for part in phrase.casefold().split(' ')}
        if word and not set(word.casefold().split(' ')) <= said:
            found.append(word)
    return found[:10]


# --- visual identity --------------------------------------------------------------------------------------------------


def _palette_lines(palette: ColorPalette) -> list[str]:
    lines = ['### Colour palette', '']
    if palette.roles:
        for role in palette.roles:
            usage = f': {_e(role.usage)}' if role.usage.strip() else ''
            lines.append(f'- **{_e(capitalise_first(role.role))}, {_e(role.name)}** {_code(role.hex)}{usage}')
    else:
        for role_name, hex_colour in (
            ('primary', palette.primary),
            ('secondary', palette.secondary),
            ('accent', palette.accent),
            ('neutral', palette.neutral),
        ):
            meaning = palette.psychology.get(role_name, '').strip()
            usage = guideline_phrases().role_uses[role_name] + (f'. {meaning}' if meaning else '')
            lines.append(f'- **{role_name.capitalize()}** {_code(hex_colour)}: {_e(end_sentence(usage))}')
    lines += [
        '',
        f'Balance them roughly 60-30-10: neutral {_code(palette.neutral)} for most of the surface, primary '
        f'{_code(palette.primary)} for structure and emphasis, accent {_code(palette.accent)} for the one thing '
        'to notice.',
    ]
    body_checks = [check for check in palette.contrast if check.use == 'body']
    if body_checks:
        lines += ['', 'Contrast for body text (WCAG 2):', '']
        for check in body_checks[:4]:
            verdict = check.level if check.level != 'Fail' else 'fails, so use it for large text or decoration only'
            lines.append(
                f'- {_code(check.foreground)} on {_code(check.background)} ({check.mode} mode): '
                f'{check.ratio:.2f}:1, {verdict}'
            )
    if palette.color_vision:
        confused = [check.deficiency for check in palette.color_vision if not check.distinguishable]
        if confused:
            lines += [
                '',
                f'Primary and accent can look alike with {join_naturally(confused)}: never rely on colour '
                'alone; pair it with a label, an icon or a pattern.',
            ]
        else:
            lines += ['', 'Primary and accent stay distinguishable with protanopia, deuteranopia and tritanopia.']
    if palette.usage_guidelines.strip():
        lines += ['', _e(palette.usage_guidelines)]
    return [*lines, '']


def _font_detail(spec: FontSpec | None) -> str:
    if not spec:
        return ''
    weights = join_naturally(str(weight) for weight in spec.weights)
    parts = [_e(spec.category)] if spec.category.strip() else []
    if weights:
        parts.append(f'weights {weights}')
    if spec.license.strip():
        parts.append(_e(spec.license))
    return f' ({", ".join(parts)})' if parts else ''


def _typography_lines(typography: Typography) -> list[str]:
    specs = {spec.role: spec for spec in typography.fonts}
    lines = [
        '### Typography',
        '',
        f'- **Headings:** {_e(typography.heading_font)}{_font_detail(specs.get("heading"))}',
        f'- **Body:** {_e(typography.body_font)}{_font_detail(specs.get("body"))}',
        f'- **Accent:** {_e(typography.accent_font)}{_font_detail(specs.get("accent"))}',
    ]
    if typography.type_scale:
        lines += ['', f'Type scale: {_e(typography.scale_name)}, ratio {typography.scale_ratio:g}.', '']
        for step in typography.type_scale:
            lines.append(
                f'- {step.name}: {step.size_px:g} px ({step.size_rem:g} rem), line height {step.line_height:g}, '
                f'weight {step.weight}'
            )
    if typography.rationale.strip():
        lines += ['', _e(typography.rationale)]
    return [*lines, '']


def _visual_section(kit: _Kit) -> list[str]:
    interim = guideline_phrases().interim
    lines = ['## Visual identity', '']
    if kit.palette:
        lines += _palette_lines(kit.palette)
    else:
        lines += ['### Colour palette', '', interim.no_palette, '']
    if kit.typography:
        lines += _typography_lines(kit.typography)
    else:
        lines += ['### Typography', '', interim.no_typography, '']
    return lines


# --- logo usage -------------------------------------------------------------------------------------------------------


def _dark_background(palette: ColorPalette) -> str | None:
    """The kit's dark surface, or its darkest colour when that is dark enough to carry a white logo."""
    if palette.dark:
        return palette.dark.background
    darkest = min((palette.primary, palette.secondary, palette.accent, palette.neutral), key=relative_luminance)
    return darkest if relative_luminance(darkest) < 0.18 else None


def _logo_section(kit: _Kit) -> list[str]:
    palette = kit.palette
    if palette:
        dark = _dark_background(palette)
        example = f' such as {_code(dark)}' if dark and dark != palette.primary else ''
        colour_rule = (
            f'on light backgrounds use the primary {_code(palette.primary)} version; on dark backgrounds{example}, '
            'or on the primary colour itself, use the all-white version.'
        )
        palette_list = ', '.join(
            _code(h) for h in (palette.primary, palette.secondary, palette.accent, palette.neutral)
        )
        recolour = f'Recolour it outside the palette ({palette_list}, black and white).'
    else:
        colour_rule = 'use the full-colour version on light backgrounds and an all-white version on dark ones.'
        recolour = 'Recolour it in colours outside the brand palette.'
    font = (
        f' The wordmark is set in {_e(kit.heading_font)}; never retype it in another font.' if kit.heading_font else ''
    )
    phrases = guideline_phrases()
    rule_facts = {
        'symbol_clear_space': SYMBOL_CLEAR_SPACE,
        'min_logo_px': MIN_LOGO_PX,
        'min_logo_mm': MIN_LOGO_MM,
        'min_symbol_px': MIN_SYMBOL_PX,
        'colour_rule': colour_rule,
        'font': font,
    }
    misuse_facts = {'recolour': f'{recolour[0].lower()}{recolour[1:]}'}
    lines = ['## Logo usage', '']
    lines += [f'- **{rule.label}:** {rule.text.format_map(rule_facts)}' for rule in phrases.logo_rules]
    lines += ['', '### Misuse', '']
    lines += [f'- {line.format_map(misuse_facts)}' for line in phrases.logo_misuse]
    return [*lines, '']


# --- do's and don'ts --------------------------------------------------------------------------------------------------


def _dos_and_donts_section(kit: _Kit) -> list[str]:
    words = kit.words
    dos = []
    if words.values:
        first = words.values[0]
        dos.append(f'Make {_e(quoted(first.inline))} visible in every piece: it is the first value the brand lists.')
    dos.append(f'Write to {_e(kit.audience)} as “you”, in the {words.voice.name} voice described above.')
    if kit.palette:
        dos.append(f'Use {_code(kit.palette.accent)} for the single most important action on a screen or page.')
    if kit.typography:
        dos.append(
            f'Set headings in {_e(kit.typography.heading_font)} and body text in {_e(kit.typography.body_font)}.'
        )
    phrases = guideline_phrases()
    dos += phrases.dos
    donts = [line.format(voice_rule=words.voice.rules_dont[0]) for line in phrases.donts]
    lines = ["## Do's and don'ts", '', '### Do', '']
    lines += [f'- {line}' for line in dos]
    lines += ['', "### Don't", '']
    lines += [f'- {_e(line)}' for line in donts]
    return [*lines, '']


# --- applications -----------------------------------------------------------------------------------------------------


def _application_facts(kit: _Kit) -> dict[str, str | int]:
    """What the application templates are filled with, in Markdown: user and model words escaped, palette hexes in
    code spans."""
    palette, heading, body = kit.palette, kit.heading_font, kit.body_font
    return {
        'in_heading': f' in {_e(heading)}' if heading else '',
        'in_body': f' in {_e(body)}' if body else '',
        'primary': f' {_code(palette.primary)}' if palette else '',
        'accent': f' {_code(palette.accent)}' if palette else '',
        'tagline': f'the tagline {_e(quoted(kit.tagline))}' if kit.tagline else 'the tagline',
        'action': _e(to_third_person(kit.facts['action'])),
        'audience': _e(kit.audience),
        'brand': _e(kit.brand),
        'min_logo_px': MIN_LOGO_PX,
    }


def _applications_section(kit: _Kit) -> list[str]:
    type_word = kit.words.type_word
    company = f' for {with_article(type_word)} company' if type_word else ''
    intro = f'Where the brand shows up most{company}, and how to handle each.'
    lines = ['## Applications', '', intro, '']
    phrases, facts = guideline_phrases(), _application_facts(kit)
    for key in phrases.type_applications[kit.words.company_type]:
        application = phrases.applications[key]
        lines.append(f'- **{application.title}:** {application.text.format_map(facts)}')
    return [*lines, '']


# --- the document -----------------------------------------------------------------------------------------------------


def build_offline_guidelines(
    profile: CompanyProfile,
    palette: ColorPalette | None,
    typography: Typography | None,
    taglines: list[Tagline] | None,
    seed: int,
) -> str:
    """Brand guidelines in Markdown, with a section for each of GUIDELINE_HEADINGS, written about this company.

    The palette, typography and taglines of the kit are quoted where given (their hexes, names, fonts and scale) and
    replaced by short interim advice where None. The same inputs and seed always give the same document.
    """
    words = read_profile(profile)
    facts = voice_facts(words)
    kit = _Kit(
        brand=_brand_name(profile),
        audience=words.audience or company_types()[words.company_type].audience,
        words=words,
        facts=facts,
        palette=palette,
        typography=typography,
        tagline=_first_tagline(taglines),
        rng=rng_for(profile, seed, 'guidelines'),
    )
    intro = f'How {kit.brand} looks, sounds and behaves: a guide for everyone who writes, designs or builds for it.'
    title = 'Brand guidelines' if kit.brand == NAMELESS else f'{_e(kit.brand)} brand guidelines'
    lines = [f'# {title}', '', _e(intro), '']
    if kit.tagline:
        lines += [f'**Tagline:** {_e(quoted(kit.tagline))}', '']
    lines += _mission_section(kit, profile)
    lines += _personality_section(kit)
    lines += _voice_section(profile, kit)
    lines += _visual_section(kit)
    lines += _logo_section(kit)
    lines += _dos_and_donts_section(kit)
    lines += _applications_section(kit)
    return '\n'.join(lines).rstrip() + '\n'


def visual_identity_markdown(palette: ColorPalette | None, typography: Typography | None) -> str:
    """The 'Visual identity' section alone, from the kit's own palette and type (used to correct model-written text)."""
    lines = ['## Visual identity', '']
    if palette:
        lines += _palette_lines(palette)
    if typography:
        lines += _typography_lines(typography)
    if not palette and not typography:
        lines += [guideline_phrases().interim.no_palette_or_typography, '']
    return '\n'.join(lines).rstrip() + '\n'
