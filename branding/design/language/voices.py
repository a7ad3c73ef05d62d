"""The brand voices: how each one sounds, the tone words that point to it, its rules and its example templates."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from branding.design.language.lexicon import word_set
from branding.models import TONES

TAGLINE_FAMILIES = ('triad', 'contrast', 'promise', 'imperative', 'audience', 'name')


@dataclass(frozen=True, kw_only=True, slots=True)
class Voice:
    """How a brand sounds. Example templates take the fields of `VoiceFacts`."""

    name: str
    summary: str
    cues: frozenset[str]  # words in a free-text tone that point to this voice
    cue_stems: tuple[str, ...]  # prefixes for families of such words ('sophisticat' -> sophisticated, sophistication)
    traits: tuple[tuple[str, str], ...]  # (trait, what it means for the brand)
    adjectives: tuple[str, ...]  # fallbacks for 'X, made <adjective>'
    closers: tuple[str, ...]  # last beat of a value triad
    pains: tuple[str, ...]  # what the voice likes to promise away, mass nouns ('without the fuss', 'less fuss')
    family_weights: Mapping[str, float]
    rules_do: tuple[str, ...]
    rules_dont: tuple[str, ...]
    do_examples: tuple[str, ...]
    dont_examples: tuple[str, ...]
    words_to_avoid: tuple[str, ...]


def _weights(**weights: float) -> dict[str, float]:
    return {family: weights.get(family, 1.0) for family in TAGLINE_FAMILIES}


VOICES: dict[str, Voice] = {
    'professional': Voice(
        name='professional',
        summary=TONES['professional'],
        cues=word_set(
            'professional formal corporate serious business businesslike authoritative competent measured credible '
            'polished official executive sober neutral'
        ),
        cue_stems=('profession', 'authorit', 'competen'),
        traits=(
            ('Competent', 'We know {industry} well and show it through accuracy, not adjectives.'),
            ('Clear', 'We explain things so {audience} can act on them the first time they read.'),
            ('Composed', 'We stay calm and factual, especially when something has gone wrong.'),
        ),
        adjectives=('simple', 'clear'),
        closers=('Delivered.', 'Always.'),
        pains=('busywork', 'guesswork'),
        family_weights=_weights(promise=1.5, audience=1.3, triad=0.8),
        rules_do=('Lead with the point, then the detail.', 'Use precise numbers and plain words.'),
        rules_dont=('Overclaim or stack superlatives.', 'Hide behind jargon or passive voice.'),
        do_examples=(
            '{name} helps {audience} {action}. Here is how it works, step by step.',
            'We have updated how {name} handles {topic}. Here is what changes for you, and when.',
        ),
        dont_examples=(
            '{name} is a revolutionary, game-changing {industry} solution that will blow your mind!',
            'Leverage synergistic, best-in-class capabilities to holistically optimise your {topic} workflows.',
        ),
        words_to_avoid=('synergy', 'leverage', 'revolutionary', 'best-in-class'),
    ),
    'friendly': Voice(
        name='friendly',
        summary=TONES['friendly'],
        cues=word_set(
            'friendly friend warm warmth approachable welcoming casual conversational helpful neighbourly neighborly '
            'relaxed easygoing cheerful inviting chatty personable sociable down-to-earth open'
        ),
        cue_stems=('friend', 'approachab', 'welcom', 'conversation', 'neighbo'),
        traits=(
            ('Warm', 'We sound like a helpful colleague, not a call centre.'),
            ('Approachable', 'Plain words, no jargon, and always an easy way to ask for help.'),
            ('Encouraging', 'We notice progress and celebrate it, however small.'),
        ),
        adjectives=('easy', 'simple'),
        closers=('Yours.', 'Together.'),
        pains=('hassle', 'stress'),
        family_weights=_weights(audience=1.5, name=1.3, imperative=1.2, triad=0.8),
        rules_do=('Write the way you would explain it to a friend.', 'Use contractions and say “you”.'),
        rules_dont=('Sound like a legal notice.', 'Force enthusiasm with exclamation marks.'),
        do_examples=(
            'Hi there! Ready to {action}? {name} walks you through it in a few minutes.',
            'Stuck? Reply to this email and a real person at {name} will help you out.',
        ),
        dont_examples=(
            'Users are required to complete all mandatory fields prior to the submission of {topic}.',
            'OMG!!! {name} is literally the BEST thing ever for {audience}!!!',
        ),
        words_to_avoid=('prior to', 'utilise', 'hereby', 'kindly be advised'),
    ),
    'playful': Voice(
        name='playful',
        summary=TONES['playful'],
        cues=word_set(
            'playful play fun funny witty wit quirky cheeky whimsical humorous humourous silly irreverent '
            'lighthearted light-hearted joyful joy zany goofy energetic youthful upbeat lively spirited cheery'
        ),
        cue_stems=('playful', 'whimsic', 'humor', 'humour', 'irreveren'),
        traits=(
            ('Witty', 'A well-placed joke, never at the expense of {audience}.'),
            ('Energetic', 'Short sentences, lively verbs, a sense of momentum.'),
            ('Surprising', 'We find the unexpected angle on ordinary moments.'),
        ),
        adjectives=('fun', 'easy'),
        closers=('Yours.', 'Done.'),
        pains=('drama', 'faff'),
        family_weights=_weights(name=1.5, contrast=1.4, triad=1.1, promise=0.8),
        rules_do=('Have fun with small moments: empty states, confirmations, loading.', 'Keep jokes short and kind.'),
        rules_dont=('Joke when someone has lost money, data or time.', 'Let wordplay hide what a button does.'),
        do_examples=(
            '{topic_cap} sorted. Time for a well-earned coffee.',
            'Good news: {name} just made it easier to {action}. Go on, try it.',
        ),
        dont_examples=(
            'Per our policy, {topic} functionality is now available to authorised users.',
            'Oops, we may have lost your {topic}. Happens to the best of us!',
        ),
        words_to_avoid=('per our policy', 'functionality', 'as per'),
    ),
    'bold': Voice(
        name='bold',
        summary=TONES['bold'],
        cues=word_set(
            'bold confident direct daring edgy punchy assertive fearless strong loud rebellious rebel disruptive '
            'provocative brave ambitious gutsy intense powerful unapologetic dynamic'
        ),
        cue_stems=('confiden', 'assertiv', 'fearless', 'rebel', 'provocat', 'unapologet'),
        traits=(
            ('Confident', 'We make clear claims and back them up.'),
            ('Direct', 'Short sentences. Active verbs. No hedging.'),
            ('Decisive', 'We recommend one way, not five options.'),
        ),
        adjectives=('fearless', 'sharp'),
        closers=('Done.', 'Now.'),
        pains=('hedging', 'fluff'),
        family_weights=_weights(imperative=1.5, triad=1.4, contrast=1.3, promise=0.9, audience=0.8),
        rules_do=('Make one strong claim and prove it.', 'Use short sentences and active verbs.'),
        rules_dont=('Hedge with “might”, “perhaps” or “hopefully”.', 'Claim what you cannot show.'),
        do_examples=(
            '{action_cap}. Today.',
            '{name} does one thing: it helps {audience} {action}. And it does it well.',
        ),
        dont_examples=(
            'We think {name} might possibly help some {audience} to {action}, hopefully.',
            '{name} is the only {industry} tool anyone will ever need.',
        ),
        words_to_avoid=('might', 'perhaps', 'hopefully', 'sort of'),
    ),
    'elegant': Voice(
        name='elegant',
        summary=TONES['elegant'],
        cues=word_set(
            'elegant refined luxury luxurious sophisticated premium classy graceful understated timeless upscale '
            'exclusive chic stylish poised tasteful high-end sleek'
        ),
        cue_stems=('elegan', 'luxur', 'sophistic', 'refine', 'grace'),
        traits=(
            ('Refined', 'Every word is chosen; nothing is there to fill space.'),
            ('Understated', 'We let the work speak and never shout.'),
            ('Considered', 'Fewer, better things, explained with care.'),
        ),
        adjectives=('effortless', 'beautiful'),
        closers=('Always.', 'Yours.'),
        pains=('fuss', 'noise'),
        family_weights=_weights(triad=1.4, promise=1.4, name=1.1, contrast=0.9, audience=0.8, imperative=0.7),
        rules_do=('Choose fewer, finer words.', 'Leave space: on the page and in the sentence.'),
        rules_dont=('Shout with capitals, exclamation marks or discounts.', 'Use slang or filler.'),
        do_examples=('{name}. {value_cap}, considered in every detail.', 'A quieter way to {action}.'),
        dont_examples=(
            'HUGE SALE!!! {name} deals you will not believe!!!',
            '{name} is super cool and totally awesome for {audience}.',
        ),
        words_to_avoid=('awesome', 'super', 'cheap', 'deal'),
    ),
    'innovative': Voice(
        name='innovative',
        summary=TONES['innovative'],
        cues=word_set(
            'innovative visionary futuristic forward-looking forward cutting-edge curious pioneering creative '
            'inventive experimental modern progressive imaginative next-gen bleeding-edge'
        ),
        cue_stems=('innovat', 'visionar', 'futur', 'pioneer', 'inventi', 'experiment', 'imaginat'),
        traits=(
            ('Curious', 'We ask what {industry} could be, not only what it is.'),
            ('Forward-looking', 'We talk about what is next and how we will get there.'),
            ('Inventive', 'We try new ideas in the open and share what we learn.'),
        ),
        adjectives=('smarter', 'new'),
        closers=('Next.', 'Now.'),
        pains=('guesswork', 'legacy'),
        family_weights=_weights(promise=1.4, imperative=1.2, contrast=1.1, triad=0.9),
        rules_do=('Show the new idea in action, with a concrete example.', 'Invite people to try it and tell you.'),
        rules_dont=('Stack buzzwords instead of explaining.', 'Promise the future without saying what works today.'),
        do_examples=(
            'We are building {name} for what comes next in {industry}, starting with how you {action}.',
            'New in {name}: a better way to {action}. Try it and tell us what to build next.',
        ),
        dont_examples=(
            '{name} leverages disruptive AI blockchain synergy to revolutionise {industry}.',
            '{name} does things the way {industry} has always done them.',
        ),
        words_to_avoid=('disruptive', 'synergy', 'paradigm', 'game-changer'),
    ),
    'trustworthy': Voice(
        name='trustworthy',
        summary=TONES['trustworthy'],
        cues=word_set(
            'trustworthy trust trusted reliable dependable calm transparent honest steady safe secure credible stable '
            'grounded sincere authentic consistent reassuring'
        ),
        cue_stems=('trustworth', 'reliab', 'dependab', 'transparen', 'credib'),
        traits=(
            ('Reliable', 'We say what we will do, then do it.'),
            ('Transparent', 'We show how things work, including limits and mistakes.'),
            ('Calm', 'No hype and no false urgency, even in a crisis.'),
        ),
        adjectives=('safe', 'clear'),
        closers=('Always.', 'Every time.'),
        pains=('fine print', 'guesswork'),
        family_weights=_weights(promise=1.5, audience=1.2, contrast=1.1, name=0.9, imperative=0.9),
        rules_do=('Explain what happens next and why.', 'Own mistakes quickly and specifically.'),
        rules_dont=('Use fake urgency or scarcity.', 'Promise guarantees you cannot keep.'),
        do_examples=(
            'No surprises: here is exactly what {name} does with your data, and what it never does.',
            'We made a mistake on Tuesday. Here is what happened and what we have changed.',
        ),
        dont_examples=(
            'Trust us, {name} is 100% guaranteed to be perfect forever!',
            'Act now! Only a few spots left to {action} with {name}!',
        ),
        words_to_avoid=('guaranteed', 'act now', 'risk-free', 'trust us'),
    ),
    'minimalist': Voice(
        name='minimalist',
        summary=TONES['minimalist'],
        cues=word_set(
            'minimalist minimal simple spare clean concise quiet restrained sparse crisp brief succinct plain '
            'essential zen lean'
        ),
        cue_stems=('minimal', 'concis', 'succinct', 'restrain'),
        traits=(
            ('Concise', 'Every word earns its place.'),
            ('Precise', 'The exact word, once.'),
            ('Focused', 'One idea per sentence, one action per screen.'),
        ),
        adjectives=('simple', 'quiet'),
        closers=('Done.', 'Yours.'),
        pains=('clutter', 'noise'),
        family_weights=_weights(triad=1.6, promise=1.3, imperative=1.1, contrast=0.9, name=0.9, audience=0.7),
        rules_do=('Cut every word that does not change the meaning.', 'Prefer one short sentence to two long ones.'),
        rules_dont=('Pile up adjectives or feature lists.', 'Explain what the design already shows.'),
        do_examples=('{action_cap}. That is it.', '{name}. {value_cap}. Nothing extra.'),
        dont_examples=(
            '{name} offers a comprehensive, all-in-one, feature-rich suite of tools, integrations and dashboards.',
            'Click here to learn more about how you can start to begin {action_ing} today!',
        ),
        words_to_avoid=('comprehensive', 'feature-rich', 'all-in-one', 'click here'),
    ),
    'technical': Voice(
        name='technical',
        summary=TONES['technical'],
        cues=word_set(
            'technical precise expert engineering engineer nerdy geeky developer scientific rigorous analytical '
            'data-driven exact detailed factual academic specialist'
        ),
        cue_stems=('technic', 'engineer', 'scientif', 'analytic', 'rigor', 'rigour'),
        traits=(
            ('Exact', 'Numbers, names and steps are always specific.'),
            ('Expert', 'We speak to {audience} as peers who know their craft.'),
            ('Practical', 'Every explanation ends in something you can do.'),
        ),
        adjectives=('precise', 'predictable'),
        closers=('Shipped.', 'Done.'),
        pains=('guesswork', 'boilerplate'),
        family_weights=_weights(imperative=1.4, promise=1.3, contrast=1.2, triad=0.8, name=0.8),
        rules_do=('Name the exact thing: the setting, the limit, the version.', 'Show an example before the theory.'),
        rules_dont=('Hand-wave with “magic” or “just works”.', 'Dumb things down or hide the details.'),
        do_examples=(
            'Here is exactly what {name} does when you {action}, step by step, with the numbers.',
            'Changelog: improved how {name} handles {topic}. Full details and migration notes below.',
        ),
        dont_examples=(
            '{name} uses magic to make {topic} just work.',
            'Our amazing tech is super powerful and really fast!',
        ),
        words_to_avoid=('magic', 'just works', 'super powerful', 'seamless'),
    ),
    'caring': Voice(
        name='caring',
        summary=TONES['caring'],
        cues=word_set(
            'caring care empathetic empathic compassionate gentle supportive nurturing kind kindly reassuring '
            'thoughtful human patient sensitive soothing comforting heartfelt understanding inclusive'
        ),
        cue_stems=('empath', 'compassion', 'supportiv', 'nurtur', 'reassur', 'comfort'),
        traits=(
            ('Empathetic', 'We start from how {audience} feel, not from what the product does.'),
            ('Reassuring', 'We say what happens next so nobody is left wondering.'),
            ('Patient', 'We never rush people or make them feel behind.'),
        ),
        adjectives=('gentle', 'kinder'),
        closers=('Together.', 'Always.'),
        pains=('worry', 'stress'),
        family_weights=_weights(audience=1.5, promise=1.3, imperative=0.9, triad=0.8),
        rules_do=('Acknowledge how people feel before telling them what to do.', 'Offer a next step and a person.'),
        rules_dont=('Blame the reader or use fear to sell.', 'Use cold system language.'),
        do_examples=(
            'We know {action_ing} can feel overwhelming. {name} takes it one step at a time, with you.',
            'Take your time. Your progress is saved, and we are here if you need us.',
        ),
        dont_examples=(
            'Error 403: request denied. Contact administrator.',
            '{audience_cap} who ignore this are falling behind. Do not be one of them.',
        ),
        words_to_avoid=('denied', 'invalid', 'failure', 'falling behind'),
    ),
}
DEFAULT_VOICE = 'professional'
