"""Brand guidelines: the offline writer, a Markdown document written from the company and what its kit contains.

The profile chooses a sector (data/sectors.json): a bakery's guide talks about the counter, the menu and the delivery
note, a bank's about statements, app notifications and branch signs. Every example quotes the company's own products,
audience and values; the logo and accessibility sections describe only what the kit holds (its colours, fonts, checks
and logo files).

Everything the person (or a language model) wrote goes through `escape_markdown`, so it can only ever be text: a
name like '<script>' or '[a](javascript:...)' renders as those characters, never as markup or a link. The escapes are
CommonMark backslash escapes (every renderer of the app is markdown-it in CommonMark mode), never HTML entities, so
the Markdown source reads as plain text too: 'Arbor & Ash' stays 'Arbor & Ash'. Our own template text (here, and the
phrase banks of data/guideline_phrases.json and data/sectors.json, whose loaders check it) uses no Markdown-significant
characters, and only lists, bold and headings (no tables).
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

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
    voice_facts,
)
from branding.design.language.sectors import Sector, shows_cue
from branding.models import ColorPalette, CompanyProfile, FontSpec, Tagline, Typography
from branding.sections.guideline_phrases import guideline_phrases
from branding.seeding import rng_for

T = TypeVar('T')

GUIDELINE_HEADINGS = (
    'Mission and values',
    'Personality',
    'Voice and tone',
    'Visual identity',
    'Logo usage',
    'Accessibility',
    "Do's and don'ts",
    'Applications',
)

MIN_LOGO_PX = 24
MIN_SYMBOL_PX = 16
MIN_LOGO_MM = 10
SYMBOL_CLEAR_SPACE = '25%'
MAX_WHAT_WE_DO_WORDS = 60
MOMENTS_SHOWN = 4
NAMELESS = 'the company'  # for a name with nothing to show, such as '.'

# --- escaping ---------------------------------------------------------------------------------------------------------

_INLINE_ESCAPES = str.maketrans({char: f'\\{char}' for char in '\\`*_[]<>|~'})
_ENTITY_START = regex.compile(r'&(?=#?[A-Za-z0-9]+;)')  # '&amp;' typed as text: shown as typed, not decoded
_LINE_START_ORDERED = regex.compile(r'^(\d+)([.)])')


def escape_markdown(text: str) -> str:
    """`text` as literal Markdown text: no emphasis, code, links, images, HTML, entities, tables or block markers.

    Whitespace (including newlines) collapses to single spaces, so user text can never start a heading, list or
    quote of its own; a leading '#', '-', '+', '=' or '1.' is escaped for the case where our template puts it at the
    start of a line. Only backslash escapes are used: an '&' stays as it is unless it would start an entity.
    """
    escaped = _ENTITY_START.sub(r'\\&', ' '.join(text.split()).translate(_INLINE_ESCAPES))
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
    facts: dict[str, str]  # the voice templates' facts
    text: dict[str, str]  # the sector templates' facts, plain text
    palette: ColorPalette | None
    typography: Typography | None
    tagline: str | None
    rng: random.Random
    profile_text: str  # the industry and description, for what a sector's application needs the company to show

    @property
    def sector(self) -> Sector:
        return self.words.sector

    @property
    def product(self) -> str:
        return self.text['product']

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

    def say(self, template: str, **extra: str) -> str:
        """A sector template filled with this company's words, as escaped Markdown."""
        return _e(tidy_sentence(capitalise_first(template.format_map({**self.text, **extra}))))

    def pick(self, items: Sequence[T], count: int) -> list[T]:
        """`count` of `items` chosen with the kit's seed, in their own order."""
        if len(items) <= count:
            return list(items)
        chosen = set(self.rng.sample(range(len(items)), count))
        return [item for index, item in enumerate(items) if index in chosen]

    def fill_ours(self, template: str, **markdown: str) -> str:
        """One of our phrase-bank templates with a place, a product, the audience (escaped) and Markdown facts."""
        facts = {'place': _e(self.places(1)), 'product': _e(self.text['product']), 'audience': _e(self.audience)}
        return template.format_map({**facts, **markdown})

    def places(self, count: int = 2) -> str:
        return join_naturally(self.pick(self.sector.places, count))


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


def _products(words: BrandWords) -> str:
    """What the company offers, as a phrase: its first two products, or its sector's word for what it offers."""
    products = words.products or words.objects
    return join_naturally(products[:2]) if products else words.sector.offer


def _text_facts(words: BrandWords, brand: str, audience: str) -> dict[str, str]:
    value = next((value.inline for value in words.values if value.noun), '') or words.sector.values[0]
    return {
        'name': brand,
        'brand': brand,
        'audience': audience,
        'product': _products(words),
        'value': value,
        'Value': capitalise_first(value),
    }


# --- mission and values -----------------------------------------------------------------------------------------------


def _category(words: BrandWords) -> str:
    """What the company is, for a positioning statement: 'personal finance service', 'artisan bakery'."""
    phrases = guideline_phrases()
    noun = phrases.type_categories[words.company_type]
    subject = words.industry or words.type_word
    if not subject:
        return noun
    last = subject.split(' ')[-1].casefold()
    if last in phrases.category_words or noun == 'company':
        return subject
    return f'{subject} company' if last in phrases.plural_category_words else f'{subject} {noun}'


def _value_nouns(words: BrandWords) -> list[str]:
    return [value.noun for value in words.values if value.noun]


def _mission(kit: _Kit) -> str:
    words = kit.words
    if words.actions:
        nouns = _value_nouns(words)[:2]
        actions = join_naturally(to_third_person(action) for action in words.actions[:3])
        tail = f', with {join_naturally(nouns)} in everything we do.' if nouns else '.'
        return _e(f'To help {kit.audience} {actions}{tail}')
    return kit.say(kit.sector.mission)


def _positioning(kit: _Kit) -> str:
    words = kit.words
    opening = f'For {kit.audience}, {kit.brand} is the {_category(words)}'
    if words.actions:
        return f'{opening} that helps them {join_naturally(to_third_person(a) for a in words.actions[:2])}.'
    if words.products:
        nouns = _value_nouns(words)[:2]
        built = f', built on {join_naturally(nouns)}' if nouns else ''
        return f'{opening} for {join_naturally(words.products[:3])}{built}.'
    nouns = _value_nouns(words)[:2]
    return f'{opening} built on {join_naturally(nouns)}.' if nouns else f'{opening} made for them.'


def _value_sentence(value: ValueWords, kit: _Kit, place: str) -> str:
    if value.sense:
        return f'For {kit.brand}, {value.sense.noun} means we {value.sense.practice}, {place}.'
    return (
        f'{value.title} is a standard {kit.brand} holds itself to: {place}, every message to {kit.audience} should '
        'show it.'
    )


def _mission_section(kit: _Kit, profile: CompanyProfile) -> list[str]:
    what_we_do = trim_to_words(kit.words.first_sentence or plain_text(profile.description), MAX_WHAT_WE_DO_WORDS)
    lines = ['## Mission and values', '']
    if has_word_chars(what_we_do):
        lines += [f'**What we do.** {_e(end_sentence(what_we_do))}', '']
    lines += [f'**Mission.** {_mission(kit)}', '', f'**Positioning.** {_e(_positioning(kit))}', '', '### Values', '']
    if kit.words.values_inferred and kit.words.values:
        values = join_naturally(value.inline for value in kit.words.values)
        lines += [_e(guideline_phrases().interim.inferred_values.format(values=values)), '']
    places = list(kit.sector.places)
    offset = kit.rng.randrange(len(places))
    for index, value in enumerate(kit.words.values):
        first, second = places[(offset + index) % len(places)], places[(offset + index + 2) % len(places)]
        sentence = _value_sentence(value, kit, f'from {first} to {second}')
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
            adjective = capitalise_first(value.sense.adjective)
            traits.append((adjective, f'We {value.sense.practice}, for {kit.audience} and for each other.'))
            break
    distinct: dict[str, tuple[str, str]] = {}
    for trait, text in traits:
        distinct.setdefault(trait.casefold(), (trait, text))
    return list(distinct.values())[:5]


def _personality_section(kit: _Kit) -> list[str]:
    traits = _traits(kit)
    summary = (
        f'To {kit.audience}, {kit.brand} comes across as {join_naturally(trait.lower() for trait, _ in traits[:3])}.'
    )
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


def _voice_intro(profile: CompanyProfile, kit: _Kit) -> list[str]:
    voice = kit.words.voice
    summary = voice.summary.split(';')[0].rstrip('.')  # 'like a helpful colleague' is not every sector's way
    summary = summary[0].lower() + summary[1:]
    lines = [
        '## Voice and tone',
        '',
        _e(f'{kit.brand_start} speaks to {kit.audience} in a {voice.name} voice: {summary}, about {kit.product}.'),
    ]
    if note := _tone_note(profile, kit):
        lines.append(_e(note))
    return lines


def _voice_section(profile: CompanyProfile, kit: _Kit) -> list[str]:
    sector, voice = kit.sector, kit.words.voice
    lines = [*_voice_intro(profile, kit), '', f'### Where {_e(kit.brand)} speaks', '']
    moments = kit.pick([moment.label for moment in sector.moments], MOMENTS_SHOWN)
    lines += [f'- **{moment.label}.** {kit.say(moment.text)}' for moment in sector.moments if moment.label in moments]
    lines += ['', '### Do', '']
    lines += [f'- {kit.say(rule)}' for rule in sector.rules_do]
    lines.append(f'- {_e(voice.rules_do[0])}')
    lines += [f'- Write like this: {_e(quoted(kit.say(example)))}' for example in kit.pick(sector.do_examples, 2)]
    lines += ['', "### Don't", '']
    lines += [f'- {kit.say(rule)}' for rule in sector.rules_dont]
    lines.append(f'- {_e(voice.rules_dont[0])}')
    lines += [f'- Not like this: {_e(quoted(kit.say(example)))}' for example in kit.pick(sector.dont_examples, 2)]
    avoid = [*voice.words_to_avoid[:2], *kit.pick(sector.avoid, 2)]
    lines.append(f'- Avoid words like {_e(join_naturally(quoted(word) for word in dict.fromkeys(avoid)))}.')
    reach_for = _words_to_reach_for(kit)
    if reach_for:
        lines += ['', f'**Words to reach for:** {_e(", ".join(reach_for))}.']
    return [*lines, '']


def _words_to_reach_for(kit: _Kit) -> list[str]:
    """The profile's own vocabulary (its values, audience, products and key words), then two of its sector's."""
    words = kit.words
    found: list[str] = []
    for word in (*(value.inline for value in words.values), words.audience, *words.products, *words.keywords):
        said = {part for phrase in found for part in phrase.casefold().split(' ')}
        if word and not set(word.casefold().split(' ')) <= said:
            found.append(word)
    return [*found[:8], *kit.pick(kit.sector.vocabulary, 2)]


# --- visual identity --------------------------------------------------------------------------------------------------


def _palette_lines(palette: ColorPalette, *, software: bool = True) -> list[str]:
    """The palette's roles, hexes and uses; outside software the uses are ours, which name no screens or buttons."""
    lines = ['### Colour palette', '']
    phrases = guideline_phrases()
    if palette.roles:
        for role in palette.roles:
            text = role.usage if software or role.role not in phrases.role_uses else phrases.role_uses[role.role]
            usage = f': {_e(end_sentence(capitalise_first(text)))}' if text.strip() else ''
            lines.append(f'- **{_e(capitalise_first(role.role))}, {_e(role.name)}** {_code(role.hex)}{usage}')
    else:
        for role_name, hex_colour in (
            ('primary', palette.primary),
            ('secondary', palette.secondary),
            ('accent', palette.accent),
            ('neutral', palette.neutral),
        ):
            meaning = palette.psychology.get(role_name, '').strip()
            usage = phrases.role_uses[role_name] + (f'. {meaning}' if meaning else '')
            lines.append(f'- **{role_name.capitalize()}** {_code(hex_colour)}: {_e(end_sentence(usage))}')
    lines += [
        '',
        f'Balance them roughly 60-30-10: neutral {_code(palette.neutral)} for most of the surface, primary '
        f'{_code(palette.primary)} for structure and emphasis, accent {_code(palette.accent)} for the one thing '
        'to notice.',
    ]
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
        steps = '; '.join(
            f'{step.name}: {step.size_px:g} px ({step.size_rem:g} rem), line height {step.line_height:g}, '
            f'weight {step.weight}'
            for step in typography.type_scale
        )
        lines += ['', f'Type scale: {_e(typography.scale_name)}, ratio {typography.scale_ratio:g}: {steps}.']
    return [*lines, '']


def _type_in_use(kit: _Kit, typography: Typography) -> str:
    return (
        f'Headings in {typography.heading_font} carry the {kit.words.voice.name} voice; {typography.body_font} keeps '
        f'everything about {kit.text["product"]} easy to read for {kit.audience}; {typography.accent_font} is for '
        'short notes and figures, never for a whole paragraph.'
    )


def _visual_section(kit: _Kit) -> list[str]:
    interim = guideline_phrases().interim
    lines = ['## Visual identity', '']
    if kit.palette:
        lines += _palette_lines(kit.palette, software=kit.sector.software)
    else:
        lines += ['### Colour palette', '', interim.no_palette, '']
    if kit.typography:
        lines += _typography_lines(kit.typography)
        lines += [_e(_type_in_use(kit, kit.typography)), '']
    else:
        lines += ['### Typography', '', interim.no_typography, '']
    lines += ['### Imagery', '']
    lines += [f'- {kit.say(line)}' for line in kit.sector.imagery]
    return [*lines, '']


# --- logo usage -------------------------------------------------------------------------------------------------------


def _dark_background(palette: ColorPalette) -> str | None:
    """The kit's dark surface, or its darkest colour when that is dark enough to carry a light logo."""
    if palette.dark:
        return palette.dark.background
    darkest = min((palette.primary, palette.secondary, palette.accent, palette.neutral), key=relative_luminance)
    return darkest if relative_luminance(darkest) < 0.18 else None


def _files(kit: _Kit) -> str:
    """The logo files every concept of the kit has (LogoConcept.variants) and what each is for."""
    colours = f' in {_code(kit.palette.primary)} and {_code(kit.palette.accent)}' if kit.palette else ''
    icon_uses = 'favicons, app icons and avatars' if kit.sector.software else 'favicons, profile pictures and stamps'
    return (
        'each logo concept in this kit comes as five SVG files, all with outlined lettering on a transparent '
        f'background: primary (full colour{colours}, for light backgrounds), reversed (for dark backgrounds), mono '
        f'dark (black), mono light (white) and icon (the symbol or monogram in a square, for {icon_uses}); the logos '
        f'export adds PNGs at 512 and 1024 px, for {_e(kit.places(1))}.'
    )


def _colour_rule(kit: _Kit) -> str:
    palette = kit.palette
    if not palette:
        return (
            'use the primary file on light backgrounds and the reversed file on dark ones; where only one colour '
            'prints, the mono dark or mono light file.'
        )
    dark = _dark_background(palette)
    example = f' such as {_code(dark)}' if dark and dark != palette.primary else ''
    light = palette.light.background if palette.light else None
    light_example = f' such as {_code(light)}' if light else ''
    return (
        f'on light backgrounds{light_example}, the primary file in {_code(palette.primary)}; on '
        f'dark backgrounds{example}, or on the primary colour itself, the reversed file; where only one ink prints, '
        f'as on {_e(kit.places(1))}, the mono dark or mono light file.'
    )


def _logo_section(kit: _Kit) -> list[str]:
    palette = kit.palette
    if palette:
        hexes = ', '.join(_code(h) for h in (palette.primary, palette.secondary, palette.accent, palette.neutral))
        recolour = f'recolour it outside the palette ({hexes}, black and white).'
    else:
        recolour = 'recolour it in colours outside the brand palette.'
    font = f', set in {_e(kit.heading_font)}' if kit.heading_font else ''
    phrases = guideline_phrases()
    rule_facts = {
        'symbol_clear_space': SYMBOL_CLEAR_SPACE,
        'min_logo_px': MIN_LOGO_PX,
        'min_logo_mm': MIN_LOGO_MM,
        'min_symbol_px': MIN_SYMBOL_PX,
        'colour_rule': _colour_rule(kit),
        'font': font,
        'places': _e(kit.places(2)),
        'files': _files(kit),
    }
    lines = ['## Logo usage', '']
    lines += [f'- **{rule.label}:** {rule.text.format_map(rule_facts)}' for rule in phrases.logo_rules]
    lines += ['', '### Misuse', '']
    misuse = [line for line in phrases.logo_misuse if '{recolour}' in line]
    misuse += kit.pick([line for line in phrases.logo_misuse if '{recolour}' not in line], 3)
    lines += [f'- {kit.fill_ours(line, recolour=recolour)}' for line in misuse]
    return [*lines, '']


# --- accessibility ----------------------------------------------------------------------------------------------------


def _contrast_lines(palette: ColorPalette) -> list[str]:
    lines = []
    body = [check for check in palette.contrast if check.use == 'body']
    for mode in ('light', 'dark'):
        checks = [check for check in body if check.mode == mode][:4]
        if checks:
            results = '; '.join(
                f'{_code(check.foreground)} on {_code(check.background)} {check.ratio:.2f}:1, '
                f'{check.level if check.level != "Fail" else "fails, so large text or decoration only"}'
                for check in checks
            )
            lines.append(f'- Body text in {mode} mode (WCAG 2, primary {_code(palette.primary)}): {results}')
    if palette.color_vision:
        confused = [check.deficiency for check in palette.color_vision if not check.distinguishable]
        pair = f'{_code(palette.primary)} and {_code(palette.accent)}'
        if confused:
            lines.append(
                f'- Primary and accent ({pair}) can look alike with {join_naturally(confused)}: never rely on '
                'colour alone; pair it with a label, an icon or a pattern.'
            )
        else:
            lines.append(
                f'- Primary and accent ({pair}) stay distinguishable with protanopia, deuteranopia and tritanopia.'
            )
    return lines


def _text_size_line(typography: Typography) -> str | None:
    sizes = {step.name: step for step in typography.type_scale}
    body, small = sizes.get('body'), sizes.get('small')
    if not body:
        return None
    floor = f', and nothing smaller than {small.size_px:g} px' if small else ''
    return f'- Running text in {_e(typography.body_font)} at {body.size_px:g} px or larger{floor}.'


def _accessibility_section(kit: _Kit) -> list[str]:
    lines = ['## Accessibility', '']
    lines += [f'- {kit.say(line)}' for line in kit.sector.accessibility]
    if kit.palette:
        lines += _contrast_lines(kit.palette)
    if kit.typography and (size_line := _text_size_line(kit.typography)):
        lines.append(size_line)
    alt = kit.say(
        'Where the logo is an image, its alt text is “{brand}” and nothing more; pictures of {product} are '
        'described by what they show.'
    )
    lines.append(f'- {alt}')
    return [*lines, '']


# --- do's and don'ts --------------------------------------------------------------------------------------------------


def _dos_and_donts_section(kit: _Kit) -> list[str]:
    words = kit.words
    dos = []
    if words.values:
        first = words.values[0]
        dos.append(
            f'Make {_e(quoted(first.inline))} visible on {_e(kit.places(2))}: it is the first value the brand lists.'
        )
    dos.append(f'Write to {_e(kit.audience)} as “you”, in the {words.voice.name} voice described above.')
    if kit.palette:
        dos.append(f'Keep {_code(kit.palette.accent)} for the one thing to notice on {_e(kit.places(1))}.')
    if kit.typography:
        dos.append(
            f'Set headings in {_e(kit.typography.heading_font)} and body text in {_e(kit.typography.body_font)}.'
        )
    phrases = guideline_phrases()
    dos += [kit.fill_ours(line) for line in kit.pick(phrases.dos, 1)]
    voice_rule = _e(words.voice.rules_dont[-1])
    donts = [kit.fill_ours(line, voice_rule=voice_rule) for line in kit.pick(phrases.donts, 2)]
    lines = ["## Do's and don'ts", '', '### Do', '']
    lines += [f'- {line}' for line in dos]
    lines += ['', "### Don't", '']
    lines += [f'- {line}' for line in donts]
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
        **{key: _e(value) for key, value in kit.text.items()},
        'min_logo_px': MIN_LOGO_PX,
    }


def _digital_applications(kit: _Kit, titles: set[str]) -> list[tuple[str, str]]:
    """For a software sector, one of its company type's digital applications the sector does not already cover."""
    if not kit.sector.software:
        return []
    phrases = guideline_phrases()
    keys = [key for key in phrases.type_applications[kit.words.company_type] if key not in {'social', 'signature'}]
    found = [
        (phrases.applications[key].title, phrases.applications[key].text)
        for key in keys
        if not {phrases.applications[key].title.casefold()} & titles
    ]
    return kit.pick(found, 1)


def _applications_section(kit: _Kit) -> list[str]:
    first, second, last = kit.pick(kit.sector.places, 3)
    intro = f'Where {kit.brand} shows up most, from {first} and {second} to {last}, and how to handle each.'
    lines = ['## Applications', '', _e(intro), '']
    facts: Mapping[str, str | int] = _application_facts(kit)
    applications = [
        (application.title, application.text)
        for application in kit.sector.applications
        if not application.needs or shows_cue(kit.profile_text, application.needs)
    ]
    applications += _digital_applications(kit, {title.casefold() for title, _ in applications})
    for title, text in applications:
        lines.append(f'- **{title}:** {tidy_sentence(text.format_map(facts))}')
    return [*lines, '']


# --- the document -----------------------------------------------------------------------------------------------------


def _kit(
    profile: CompanyProfile,
    palette: ColorPalette | None,
    typography: Typography | None,
    taglines: list[Tagline] | None,
    seed: int,
) -> _Kit:
    words = read_profile(profile)
    brand = _brand_name(profile)
    audience = words.audience or (
        company_types()[words.company_type].audience if words.sector.software else words.sector.customers
    )
    return _Kit(
        brand=brand,
        audience=audience,
        words=words,
        facts=voice_facts(words),
        text=_text_facts(words, brand, audience),
        palette=palette,
        typography=typography,
        tagline=_first_tagline(taglines),
        rng=rng_for(profile, seed, 'guidelines'),
        profile_text=f'{profile.industry} {profile.description}',
    )


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
    kit = _kit(profile, palette, typography, taglines, seed)
    title = 'Brand guidelines' if kit.brand == NAMELESS else f'{_e(kit.brand)} brand guidelines'
    lines = [f'# {title}', '', kit.say(kit.sector.intro), '']
    if kit.tagline:
        lines += [f'**Tagline:** {_e(quoted(kit.tagline))}', '']
    lines += _mission_section(kit, profile)
    lines += _personality_section(kit)
    lines += _voice_section(profile, kit)
    lines += _visual_section(kit)
    lines += _logo_section(kit)
    lines += _accessibility_section(kit)
    lines += _dos_and_donts_section(kit)
    lines += _applications_section(kit)
    return '\n'.join(lines).rstrip() + '\n'


def visual_identity_markdown(palette: ColorPalette | None, typography: Typography | None) -> str:
    """The 'Visual identity' section alone, from the kit's own palette and type (used to correct model-written text)."""
    lines = ['## Visual identity', '']
    if palette:
        lines += _palette_lines(palette)
        if palette.usage_guidelines.strip():
            lines[-1:] = ['', _e(palette.usage_guidelines), '']
        lines += ['### Contrast', '', *_contrast_lines(palette), '']
    if typography:
        lines += _typography_lines(typography)
        if typography.rationale.strip():
            lines[-1:] = ['', _e(typography.rationale), '']
    if not palette and not typography:
        lines += [guideline_phrases().interim.no_palette_or_typography, '']
    return '\n'.join(lines).rstrip() + '\n'
