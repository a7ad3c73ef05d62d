"""The typography section: read the brief, choose heading, body and accent faces from the catalogue, and explain why."""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from branding.design.font_css import typography_css
from branding.design.font_files import FontLibrary
from branding.design.script_type import (
    SCRIPT_WEIGHTS,
    ScriptFace,
    is_served,
    script_faces,
    script_rationale,
    with_script_faces,
)
from branding.design.typography import (
    SCALES,
    FontEntry,
    PairingAssessment,
    Role,
    assess_pairing,
    catalogue,
    css_stack,
    find_font,
    nearest_weight,
    resolve_font,
    type_scale,
)
from branding.models import COMPANY_TYPE_LABELS, CompanyProfile, CompanyType, FontPairing, FontSpec, Typography
from branding.seeding import rng_for

MISSING_FILES_NOTE = 'Font files not installed on this server; previews use the system fallback stack'
STRONG = 3.0  # a tone word, the company type, or a brand value plus a mention elsewhere

# --- reading the brief -----------------------------------------------------------------------------------------------


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


SIGNAL_WORDS: dict[str, frozenset[str]] = {
    'luxury': _wordset(
        'luxury luxurious elegant elegance premium refined refinement exclusive exclusivity sophisticated opulent '
        'fashion couture jewellery jewelry boutique bespoke haute prestige prestigious upscale timeless '
        'craftsmanship artisanal heritage wine champagne perfume fragrance cosmetics beauty hospitality'
    ),
    'playful': _wordset(
        'playful play fun funny kids kid children child childrens toy toys game games gaming joy joyful whimsical '
        'cheerful silly cute party candy imaginative imagination adventure adventurous'
    ),
    'trust': _wordset(
        'trust trusted trustworthy reliable reliability dependable secure security safe safety finance financial '
        'fintech bank banking banks insurance insurtech compliance compliant legal accounting payments payment '
        'payroll wealth investing investment investments privacy stable stability integrity transparency '
        'transparent audit risk cybersecurity lending credit professional'
    ),
    'technical': _wordset(
        'technical developer developers devtools api apis code coding engineering engineer engineers '
        'infrastructure cli sdk sdks database databases devops terminal programming programmers kubernetes backend '
        'precision precise observability'
    ),
    'editorial': _wordset(
        'editorial media news newsroom magazine magazines publishing publisher publishers journal journalism blog '
        'blogging books book literature literary stories storytelling writing writers newsletter newsletters press '
        'reading readers library'
    ),
    'warm': _wordset(
        'caring care warm warmth empathy empathetic compassion compassionate health healthcare wellness wellbeing '
        'community human humane kind kindness family families nurturing supportive comfort'
    ),
    'bold': _wordset(
        'bold daring disruptive confident confidence energetic energy loud dramatic expressive powerful strong '
        'fearless rebellious ambitious'
    ),
    'minimal': _wordset(
        'minimalist minimal minimalism simple simplicity clean clarity clear calm focus focused essential understated'
    ),
    'innovative': _wordset(
        'innovative innovation future futuristic ai ml crypto web3 blockchain pioneering frontier visionary'
    ),
    'friendly': _wordset('friendly approachable welcoming helpful accessible inclusive open neighbourly'),
}
# 'professional' leans towards trust but is too common a word to decide a face on its own
_WORD_WEIGHT = {'professional': 0.5}
_WORD_SIGNALS: dict[str, tuple[str, ...]] = {}
for _signal, _words in SIGNAL_WORDS.items():
    for _word in _words:
        _WORD_SIGNALS[_word] = (*_WORD_SIGNALS.get(_word, ()), _signal)

COMPANY_TYPE_SIGNALS: dict[CompanyType, dict[str, float]] = {
    CompanyType.SAAS: {'minimal': 1.0, 'friendly': 1.0},
    CompanyType.FINTECH: {'trust': 3.0},
    CompanyType.HEALTHTECH: {'warm': 2.0, 'trust': 1.0},
    CompanyType.ECOMMERCE: {'friendly': 2.0},
    CompanyType.AI_ML: {'innovative': 2.0, 'technical': 1.0},
    CompanyType.BLOCKCHAIN: {'innovative': 2.0, 'technical': 1.0, 'trust': 1.0},
    CompanyType.CYBERSECURITY: {'trust': 3.0, 'technical': 1.0},
    CompanyType.DEVTOOLS: {'technical': 3.0},
    CompanyType.OTHER: {},
}
# How much each field of the profile counts: the tone is a direct instruction, the description only circumstantial.
_FIELD_WEIGHTS = {'tone': 3.0, 'brand_values': 2.0, 'industry': 2.0, 'description': 1.0, 'target_audience': 1.0}

# Which font tags each signal favours (or, negative, avoids).
SIGNAL_TAGS: dict[str, dict[str, float]] = {
    'luxury': {
        'luxury': 2,
        'elegant': 2,
        'high-contrast': 1.5,
        'classic': 1,
        'refined': 1,
        'fashion': 1,
        'playful': -1,
        'rounded': -1,
    },
    'playful': {'playful': 2, 'rounded': 2, 'friendly': 1, 'soft': 1, 'kids': 1, 'corporate': -1},
    'trust': {'trustworthy': 2, 'neutral': 1, 'sturdy': 1, 'readable': 0.5, 'quirky': -1, 'playful': -1},
    'technical': {'technical': 2, 'developer': 1, 'monospace': 1, 'neutral': 0.5, 'handwriting': -1},
    'editorial': {'editorial': 2, 'literary': 1, 'readable': 1, 'classic': 0.5},
    'warm': {'warm': 2, 'humanist': 1, 'friendly': 1, 'soft': 0.5},
    'bold': {'bold': 2, 'impactful': 1, 'confident': 1, 'heavy': 1, 'light': -1},
    'minimal': {'clean': 2, 'minimal': 1.5, 'neutral': 1, 'geometric': 0.5, 'quirky': -0.5},
    'innovative': {'modern': 1.5, 'futuristic': 1.5, 'geometric': 0.5, 'vintage': -1},
    'friendly': {'friendly': 2, 'rounded': 0.5, 'warm': 0.5},
}
SIGNAL_LABELS = {
    'luxury': 'luxury and elegance',
    'playful': 'play',
    'trust': 'trust',
    'technical': 'technical precision',
    'editorial': 'editorial reading',
    'warm': 'warmth and care',
    'bold': 'boldness',
    'minimal': 'minimalism',
    'innovative': 'innovation',
    'friendly': 'friendliness',
}


@dataclass(kw_only=True, slots=True, frozen=True)
class TypeBrief:
    signals: dict[str, float]
    cues: dict[str, tuple[str, ...]]
    tag_weights: dict[str, float]
    tone_words: frozenset[str]
    product_ui: bool

    def strong(self, signal: str) -> bool:
        return self.signals.get(signal, 0.0) >= STRONG


def _tokens(text: str) -> frozenset[str]:
    return frozenset(re.findall(r'[^\W_]+', text.casefold()))


def read_brief(profile: CompanyProfile) -> TypeBrief:
    signals: dict[str, float] = {}
    cues: dict[str, list[str]] = {}

    def add(signal: str, strength: float, cue: str) -> None:
        signals[signal] = signals.get(signal, 0.0) + strength
        if cue not in cues.setdefault(signal, []):
            cues[signal].append(cue)

    fields = {
        'tone': profile.tone,
        'brand_values': ' '.join(profile.brand_values),
        'industry': profile.industry,
        'description': profile.description,
        'target_audience': profile.target_audience,
    }
    for field, text in fields.items():
        for word in sorted(_tokens(text) & _WORD_SIGNALS.keys()):
            for signal in _WORD_SIGNALS[word]:
                add(signal, _FIELD_WEIGHTS[field] * _WORD_WEIGHT.get(word, 1.0), word)
    for signal, strength in COMPANY_TYPE_SIGNALS[profile.company_type].items():
        add(signal, strength, COMPANY_TYPE_LABELS[profile.company_type])
    # weak cues stay weak: only a brief with a strong signal gets tag weights at full strength
    scale = max([STRONG, *signals.values()])
    tag_weights: dict[str, float] = {}
    for signal, strength in signals.items():
        for tag, weight in SIGNAL_TAGS[signal].items():
            tag_weights[tag] = tag_weights.get(tag, 0.0) + weight * strength / scale
    return TypeBrief(
        signals=signals,
        cues={signal: tuple(words) for signal, words in cues.items()},
        tag_weights=tag_weights,
        tone_words=_tokens(profile.tone),
        product_ui=profile.company_type != CompanyType.OTHER and signals.get('editorial', 0.0) < STRONG,
    )


# --- rules the brief imposes -----------------------------------------------------------------------------------------


@dataclass(kw_only=True, slots=True, frozen=True)
class Rule:
    signal: str
    role: Role
    accepts: Callable[[FontEntry], bool]
    claim: str
    primary: bool = True


RULES: tuple[Rule, ...] = (
    Rule(
        signal='luxury',
        role='heading',
        accepts=lambda e: (
            (e.structure == 'serif' or 'high-contrast' in e.tags) and bool({'luxury', 'elegant'} & e.traits)
        ),
        claim='a luxury brief calls for a serif or high-contrast heading',
    ),
    Rule(
        signal='playful',
        role='heading',
        accepts=lambda e: e.structure == 'sans' and 'rounded' in e.tags,
        claim='a playful brief calls for a rounded sans heading',
    ),
    Rule(
        signal='editorial',
        role='body',
        accepts=lambda e: e.category == 'serif',
        claim='an editorial brief calls for a serif built for long reading',
    ),
    Rule(
        signal='trust',
        role='body',
        accepts=lambda e: e.category == 'sans-serif' and 'trustworthy' in e.tags,
        claim='a brief about trust calls for a sturdy, neutral sans',
    ),
    Rule(
        signal='technical',
        role='accent',
        accepts=lambda e: e.category == 'monospace',
        claim='a technical brief calls for a monospace accent for code and data',
    ),
    Rule(
        signal='trust',
        role='heading',
        accepts=lambda e: e.category == 'sans-serif' and bool({'trustworthy', 'sturdy'} & e.traits),
        claim='a brief about trust calls for a sturdy, neutral sans',
        primary=False,
    ),
)


def active_rules(brief: TypeBrief) -> dict[Role, Rule]:
    """One rule per role at most: the strongest signal claims a role first (ties in the order of RULES); secondary
    rules only fill roles left free."""
    strong = [(index, rule) for index, rule in enumerate(RULES) if brief.strong(rule.signal)]
    strong.sort(key=lambda item: (not item[1].primary, -brief.signals[item[1].signal], item[0]))
    chosen: dict[Role, Rule] = {}
    for _, rule in strong:
        chosen.setdefault(rule.role, rule)
    return chosen


# --- choosing --------------------------------------------------------------------------------------------------------

_SHORTLIST = 6
_PER_STRUCTURE = 2
_PAIR_MARGIN = 0.1  # pairings within 10% of the best score are equally on-brief; the seed picks among them
_PAIR_OPTIONS = 4


def fit(entry: FontEntry, brief: TypeBrief, role: Role) -> float:
    """How well a face answers the brief in a role; personality counts most in headings, legibility in text."""
    # fsum: traits are a set, and a plain float sum in set order could break a tie differently in another process
    personality = math.fsum(brief.tag_weights.get(trait, 0.0) for trait in entry.traits)
    if role != 'body':
        return personality
    legibility = (0.75 if 'readable' in entry.tags else 0.0) + (0.25 if entry.x_height == 'high' else 0.0)
    # a product lives in its interface, where sans text faces hold up best at small sizes
    interface = 2.5 if brief.product_ui and entry.category == 'sans-serif' else 0.0
    return 0.6 * personality + legibility + interface


def _pool(role: Role, rule: Rule | None) -> list[FontEntry]:
    fitting = [e for e in catalogue().families if role in e.roles]
    if rule is None:
        return fitting
    return [e for e in fitting if rule.accepts(e)] or fitting


def _shortlist(entries: Sequence[FontEntry], brief: TypeBrief, role: Role) -> list[tuple[FontEntry, float]]:
    """The best fits, plus the best of each structure so a contrasting partner is always on the table."""
    ranked = sorted(((e, fit(e, brief, role)) for e in entries), key=lambda item: (-item[1], item[0].family))
    picked = ranked[:_SHORTLIST]
    for structure in ('serif', 'sans'):
        picked += [item for item in ranked if item[0].structure == structure and item not in picked][:_PER_STRUCTURE]
    return picked


def _choose_pair(
    brief: TypeBrief, rules: dict[Role, Rule], rng: random.Random | None
) -> tuple[FontEntry, FontEntry, PairingAssessment]:
    headings = _shortlist(_pool('heading', rules.get('heading')), brief, 'heading')
    bodies = _shortlist(_pool('body', rules.get('body')), brief, 'body')
    scored = []
    for heading, heading_fit in headings:
        for body, body_fit in bodies:
            assessment = assess_pairing(heading, body)
            scored.append((heading_fit + body_fit + assessment.score, heading, body, assessment))
    scored.sort(key=lambda item: (-item[0], item[1].family, item[2].family))
    # the best pair for each heading, so that the seed varies the face people notice first
    per_heading = list(
        {heading.family: (total, heading, body, a) for total, heading, body, a in reversed(scored)}.values()
    )
    per_heading.sort(key=lambda item: (-item[0], item[1].family))
    best = per_heading[0][0]
    options = [item for item in per_heading if item[0] >= best - _PAIR_MARGIN * abs(best)][:_PAIR_OPTIONS]
    _, heading, body, assessment = options[rng.randrange(len(options))] if rng else options[0]
    return heading, body, assessment


def _accent_kind_bonus(entry: FontEntry, brief: TypeBrief) -> float:
    def level(signal: str) -> float:
        return min(brief.signals.get(signal, 0.0) / STRONG, 2.0)

    if entry.category == 'monospace':
        return 0.5 + level('technical') + 0.5 * level('innovative') + 0.3 * level('trust')
    if entry.category == 'handwriting':
        return level('playful') + 0.7 * level('warm') + 0.5 * level('friendly') - level('trust') - level('technical')
    return level('luxury') + 0.7 * level('editorial') + 0.5 * level('bold')


def _choose_accent(
    brief: TypeBrief, rule: Rule | None, heading: FontEntry, body: FontEntry, rng: random.Random | None
) -> FontEntry:
    def score(entry: FontEntry) -> float:
        kin = entry.superfamily is not None and entry.superfamily in {heading.superfamily, body.superfamily}
        repeats = entry.family in {heading.family, body.family}
        return fit(entry, brief, 'accent') + _accent_kind_bonus(entry, brief) + 1.5 * kin - 5 * repeats

    ranked = sorted(((e, score(e)) for e in _pool('accent', rule)), key=lambda item: (-item[1], item[0].family))
    best = ranked[0][1]
    options = [e for e, points in ranked[:3] if points >= best - max(1.0, _PAIR_MARGIN * abs(best))]
    return options[rng.randrange(len(options))] if rng else options[0]


def _best_body_for(heading: FontEntry, brief: TypeBrief) -> FontEntry:
    bodies = _pool('body', active_rules(brief).get('body'))
    return max(bodies, key=lambda b: (fit(b, brief, 'body') + assess_pairing(heading, b).score, b.family))


def _best_heading_for(body: FontEntry, brief: TypeBrief) -> FontEntry:
    headings = _pool('heading', active_rules(brief).get('heading'))
    return max(headings, key=lambda h: (fit(h, brief, 'heading') + assess_pairing(h, body).score, h.family))


# --- scale -----------------------------------------------------------------------------------------------------------

_SCALE_NAMES = list(SCALES)
# Index into SCALES: quiet, precise voices get a gentle ratio, loud and playful ones a dramatic one.
TONE_SCALE_STEPS = {
    'technical': 0,
    'minimalist': 0,
    'minimal': 0,
    'precise': 0,
    'professional': 1,
    'trustworthy': 1,
    'caring': 1,
    'calm': 1,
    'friendly': 2,
    'innovative': 2,
    'elegant': 2,
    'playful': 3,
    'fun': 3,
    'bold': 4,
    'confident': 4,
    'dramatic': 5,
    'expressive': 5,
}


def choose_scale(brief: TypeBrief) -> tuple[str, float]:
    steps = [TONE_SCALE_STEPS[word] for word in brief.tone_words if word in TONE_SCALE_STEPS]
    if not steps:
        steps = [4 if brief.strong('bold') else 3 if brief.strong('playful') else 0 if brief.strong('technical') else 1]
    name = _SCALE_NAMES[round(sum(steps) / len(steps) + 1e-9)]
    return name, SCALES[name]


def _heading_weight(brief: TypeBrief) -> int:
    if brief.strong('bold'):
        return 800
    if brief.strong('luxury') or brief.strong('minimal'):
        return 500  # refined voices and high-contrast faces read better light at display sizes
    return 700


# --- words -----------------------------------------------------------------------------------------------------------


def _role_use(role: Role, entry: FontEntry) -> str:
    if role == 'heading':
        return 'for headlines'
    if role == 'body':
        return 'for running text and interface copy'
    if entry.category == 'monospace':
        return 'an accent for code, figures and labels'
    if entry.category == 'handwriting':
        return 'an accent for short personal notes and callouts'
    return 'an accent for pull quotes, callouts and special moments'


def _descriptors(entry: FontEntry, brief: TypeBrief) -> list[str]:
    """What the rationale claims about a face: its classification and the tags that answer the brief."""
    tags = [t for t in entry.tags if brief.tag_weights.get(t, 0.0) > 0]
    tags.sort(key=lambda t: -brief.tag_weights[t])
    picked = [entry.classification, *tags[:3]] if entry.classification != entry.category else tags[:3]
    return list(dict.fromkeys(picked or entry.tags[:2]))


def _claim(role: Role, entry: FontEntry, brief: TypeBrief, rule: Rule | None) -> str:
    why = rule.claim if rule else _role_use(role, entry)
    notes = entry.notes[0].lower() + entry.notes[1:]
    descriptors = ', '.join(_descriptors(entry, brief))
    return f'{role.capitalize()}: {entry.family}, a {entry.category} face ({descriptors}); {why}; {notes}.'


def brief_summary(profile: CompanyProfile, brief: TypeBrief) -> str:
    ranked = sorted((s for s in brief.signals.items() if s[1] >= 1.0), key=lambda s: (-s[1], s[0]))[:3]
    if not ranked:
        return (
            f'The brief for {profile.name} gives no strong typographic cues, so the faces aim for versatile neutrality.'
        )
    parts = [f'{SIGNAL_LABELS[signal]} ({", ".join(brief.cues[signal][:3])})' for signal, _ in ranked]
    return f'The brief for {profile.name} reads as {_join(parts)}.'


def _join(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else f'{", ".join(parts[:-1])} and {parts[-1]}'


def compose_rationale(
    profile: CompanyProfile,
    brief: TypeBrief,
    roles: dict[Role, FontEntry],
    assessment: PairingAssessment,
    rules: dict[Role, Rule],
) -> str:
    claims = [_claim(role, entry, brief, rules.get(role)) for role, entry in roles.items()]
    pairing = f'Pairing ({assessment.relation}): {assessment.explanation()}'
    return '\n'.join([brief_summary(profile, brief), *claims, pairing])


def engine_pairings(heading: FontEntry, body: FontEntry, accent: FontEntry, ratio: float) -> list[FontPairing]:
    h1 = round(16 * ratio**5)
    lead = round(16 * ratio)
    heading_small = '' if heading.text_face else f'; {heading.family} is a display face, so keep it above 20px'
    pairings = [
        FontPairing(
            context='Website hero',
            recommendation=f'{heading.family} at h1 size ({h1}px) with tight leading; {body.family} for the subhead '
            f'at {lead}px and {accent.family} for the eyebrow label above the headline.',
        ),
        FontPairing(
            context='Product UI',
            recommendation=f'{body.family} for all interface text at 14-16px: regular for content, semibold for '
            f'labels and buttons; {heading.family} only for page titles{heading_small}.',
        ),
        FontPairing(
            context='Long-form and docs',
            recommendation=f'{body.family} at 17-18px, line-height 1.6, 60-75 characters a line; {heading.family} '
            'for h2 and h3 on the type scale.',
        ),
        FontPairing(
            context='Marketing and social',
            recommendation=f'{heading.family} set large for the message; {accent.family} for tags, prices and '
            f'callouts; {body.family} for captions.',
        ),
        FontPairing(
            context='Print',
            recommendation=f'{heading.family} for covers and titles, {body.family} at 9.5-11pt for text; the '
            'open licence allows embedding the fonts in PDFs.',
        ),
    ]
    if accent.category == 'monospace':
        pairings.append(
            FontPairing(
                context='Code and data',
                recommendation=f'{accent.family} for code blocks, API keys, terminal output and tables of figures, '
                'at 0.9em of the surrounding text.',
            )
        )
    pairings.append(
        FontPairing(
            context='Email',
            recommendation=f'Many email clients block web fonts: declare the full stack ({css_stack(body)}) so '
            'the fallback is deliberate.',
        )
    )
    return pairings


# --- assembly --------------------------------------------------------------------------------------------------------


def _font_spec(role: Role, entry: FontEntry, weights: set[int], fonts: FontLibrary) -> FontSpec:
    installed = fonts.is_installed(entry.family)
    return FontSpec(
        role=role,
        family=entry.family,
        category=entry.category,
        weights=sorted(weights),
        css_stack=css_stack(entry),
        license=entry.license,
        available_offline=installed,
        note='' if installed else MISSING_FILES_NOTE,
    )


def _script_spec(face: ScriptFace, fonts: FontLibrary) -> FontSpec:
    served = is_served(face, fonts)
    return FontSpec(
        role='script',
        family=face.font.family,
        category=face.font.category,
        weights=list(SCRIPT_WEIGHTS),
        css_stack=f"'{face.font.family}', {face.font.category}",
        license='OFL-1.1',
        available_offline=served,
        note='' if served else MISSING_FILES_NOTE,
        scripts=face.labels,
    )


def _with_scripts(specs: list[FontSpec], scripts: Sequence[ScriptFace], fonts: FontLibrary) -> list[FontSpec]:
    """Heading and body stacks that fall back to the script faces, then the script faces' own specs."""
    texts = [
        spec.model_copy(update={'css_stack': with_script_faces(spec.css_stack, scripts)})
        if spec.role in {'heading', 'body'}
        else spec
        for spec in specs
    ]
    return texts + [_script_spec(face, fonts) for face in scripts]


def _assemble(
    *,
    brief: TypeBrief,
    roles: dict[Role, FontEntry],
    rationale: str,
    pairings: list[FontPairing],
    adjustments: list[str],
    fonts: FontLibrary,
    scripts: Sequence[ScriptFace] = (),
) -> Typography:
    heading, body, accent = roles['heading'], roles['body'], roles['accent']
    name, ratio = choose_scale(brief)
    desired = _heading_weight(brief)
    scale = type_scale(
        ratio,
        heading_weight=nearest_weight(heading, desired),
        subheading_weight=nearest_weight(heading, desired - 100),
        body_weight=nearest_weight(body, 400),
    )
    weights: dict[Role, set[int]] = {
        'heading': {step.weight for step in scale if step.name.startswith('h')},
        'body': {nearest_weight(body, 400), nearest_weight(body, 700)},
        'accent': {nearest_weight(accent, 400), nearest_weight(accent, 600)},
    }
    specs = [_font_spec(role, entry, weights[role], fonts) for role, entry in roles.items()]
    specs = _with_scripts(specs, scripts, fonts)
    css = typography_css(
        stacks={spec.role: spec.css_stack for spec in specs if spec.role != 'script'},
        scale=scale,
        ratio=ratio,
        scale_label=name,
        font_ids=[entry.id for entry in roles.values()] + [face.font.key for face in scripts if face.font.web],
        code_in_accent=accent.category == 'monospace',
    )
    return Typography(
        heading_font=heading.family,
        body_font=body.family,
        accent_font=accent.family,
        rationale=rationale,
        pairings=pairings,
        fonts=specs,
        scale_ratio=ratio,
        scale_name=name,
        type_scale=scale,
        css=css,
        adjustments=adjustments,
    )


def build_offline_typography(profile: CompanyProfile, seed: int, *, fonts: FontLibrary) -> Typography:
    """A heading/body/accent system chosen from the catalogue for the brief; the seed varies it among on-brief picks.
    Each font says whether its files are installed in `fonts` (previews use the fallback stack where they are not)."""
    rng = rng_for(profile, seed, 'typography')
    brief = read_brief(profile)
    rules = active_rules(brief)
    heading, body, assessment = _choose_pair(brief, rules, rng)
    accent = _choose_accent(brief, rules.get('accent'), heading, body, rng)
    roles: dict[Role, FontEntry] = {'heading': heading, 'body': body, 'accent': accent}
    _, ratio = choose_scale(brief)
    scripts = _script_faces(profile, roles)
    return _assemble(
        brief=brief,
        roles=roles,
        rationale=_with_script_reasons(compose_rationale(profile, brief, roles, assessment, rules), profile, roles),
        pairings=engine_pairings(heading, body, accent, ratio),
        adjustments=[],
        fonts=fonts,
        scripts=scripts,
    )


def _script_faces(profile: CompanyProfile, roles: dict[Role, FontEntry]) -> list[ScriptFace]:
    """The script faces the name and description need, serif ones beside a serif heading where the script has one."""
    return script_faces(profile.name, profile.description, serif=roles['heading'].structure == 'serif')


def _with_script_reasons(rationale: str, profile: CompanyProfile, roles: dict[Role, FontEntry]) -> str:
    scripts = _script_faces(profile, roles)
    reasons = script_rationale(profile.name, scripts, heading=roles['heading'].family, body=roles['body'].family)
    return f'{rationale}\n{reasons}' if reasons else rationale


# --- the LLM path ----------------------------------------------------------------------------------------------------

_MATCH_WORDS = {
    'alias': 'its closest open-licence stand-in',
    'similar name': 'the catalogue family with the nearest name',
    'keywords': 'the nearest catalogue face of the kind the name describes',
    'default': 'the default {category} face',
}


def _quoted(text: str) -> str:
    clean = re.sub(r'\s+', ' ', text).strip()
    return f"'{clean[:60]}…'" if len(clean) > 60 else f"'{clean}'"


def _resolve_suggestion(role: Role, suggested: str | None, adjustments: list[str]) -> FontEntry | None:
    if suggested is None or not suggested.strip():
        return None
    match = resolve_font(suggested)
    if match.kind != 'exact':
        how = _MATCH_WORDS[match.kind].format(category=match.entry.category)
        adjustments.append(
            f'{role.capitalize()} font {_quoted(suggested)} is not in the open-licence font catalogue; '
            f'using {match.entry.family}, {how}.'
        )
    return match.entry


def _retarget(text: str, renames: dict[str, str]) -> str:
    for old, new in renames.items():
        text = text.replace(old, new)
    return text


def complete_typography(
    heading: str | None,
    body: str | None,
    accent: str | None,
    *,
    profile: CompanyProfile,
    fonts: FontLibrary,
    rationale: str | None = None,
    pairings: Sequence[FontPairing] | None = None,
) -> Typography:
    """Suggested families made real: an unknown one becomes the nearest catalogue face, each change noted (and
    whether its files are installed in `fonts`)."""
    brief = read_brief(profile)
    rules = active_rules(brief)
    adjustments: list[str] = []
    suggested: dict[Role, str | None] = {'heading': heading, 'body': body, 'accent': accent}
    heading_entry = _resolve_suggestion('heading', heading, adjustments)
    body_entry = _resolve_suggestion('body', body, adjustments)
    accent_entry = _resolve_suggestion('accent', accent, adjustments)

    if body_entry is not None and not body_entry.text_face:
        replacement = _best_body_for(heading_entry or body_entry, brief)
        adjustments.append(
            f'{body_entry.family} is a headline face and tires the eye in paragraphs; using {replacement.family} '
            'for body text.'
        )
        body_entry = replacement
    if body_entry is None:
        if heading_entry is None:
            heading_entry, body_entry, _ = _choose_pair(brief, rules, None)
            adjustments.append(
                f'No heading or body font suggested; chose {heading_entry.family} and {body_entry.family}.'
            )
        else:
            body_entry = _best_body_for(heading_entry, brief)
            adjustments.append(
                f'No body font suggested; chose {body_entry.family} to pair with {heading_entry.family}.'
            )
    elif heading_entry is None:
        heading_entry = _best_heading_for(body_entry, brief)
        adjustments.append(f'No heading font suggested; chose {heading_entry.family} to pair with {body_entry.family}.')
    if accent_entry is None:
        accent_entry = _choose_accent(brief, rules.get('accent'), heading_entry, body_entry, None)
        adjustments.append(f'No accent font suggested; chose {accent_entry.family}.')

    roles: dict[Role, FontEntry] = {'heading': heading_entry, 'body': body_entry, 'accent': accent_entry}
    # names the engine changed, so that text written about them can follow the change
    renames = {
        name.strip(): roles[role].family
        for role, name in suggested.items()
        if name and name.strip() and find_font(name) is not roles[role]
    }
    assessment = assess_pairing(heading_entry, body_entry)
    pairing_check = f'Pairing check ({assessment.relation}): {assessment.explanation()}'
    if rationale and rationale.strip() and not renames:
        final_rationale = f'{rationale.strip()}\n{pairing_check}'
    else:
        final_rationale = compose_rationale(profile, brief, roles, assessment, {})

    merged = [
        FontPairing(context=p.context.strip(), recommendation=_retarget(p.recommendation.strip(), renames))
        for p in pairings or ()
        if p.context.strip() and p.recommendation.strip()
    ]
    covered = {p.context.casefold() for p in merged}
    _, ratio = choose_scale(brief)
    for pairing in engine_pairings(heading_entry, body_entry, accent_entry, ratio):
        if len(merged) >= 6:
            break
        if pairing.context.casefold() not in covered:
            merged.append(pairing)
    return _assemble(
        brief=brief,
        roles=roles,
        rationale=_with_script_reasons(final_rationale, profile, roles),
        pairings=merged,
        adjustments=adjustments,
        fonts=fonts,
        scripts=_script_faces(profile, roles),
    )
