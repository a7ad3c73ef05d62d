"""The offline tagline writer: every pattern's candidates, tidied, then chosen with the seeded generator."""

from __future__ import annotations

from branding.design.language import read_profile
from branding.models import CompanyProfile, Tagline
from branding.sections.taglines.candidate import Candidate
from branding.sections.taglines.fallbacks import general_candidates
from branding.sections.taglines.lines import check_count
from branding.sections.taglines.patterns import PATTERNS
from branding.sections.taglines.ranking import choose, usable
from branding.sections.taglines.sector_lines import sector_lines
from branding.seeding import rng_for


def offline_candidates(
    profile: CompanyProfile,
    count: int,
    seed: int,
    *,
    avoid: frozenset[str] = frozenset(),
    current: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """The lines chosen, best first. Lines whose dedupe keys are in `avoid` (what the kit showed, when its taglines
    are made again: its own lines and its earlier versions') only when the profile's words write no others, and of
    those the `current` ones (the kit's own, shown now) last."""
    words = read_profile(profile)
    rng = rng_for(profile, seed, 'taglines')
    written = [candidate for pattern in PATTERNS for candidate in pattern(words, rng)]
    written += sector_lines(words, rng, f'{profile.industry} {profile.description}')
    candidates = usable(written)
    fresh = [candidate for candidate in candidates if candidate.key not in avoid]
    chosen = sorted(choose(fresh, count, words, rng), key=lambda candidate: -candidate.weight)  # best first
    if len(chosen) == count:
        return chosen
    taken = {candidate.key for candidate in chosen}
    general = usable(general_candidates(words))
    chosen += [candidate for candidate in general if candidate.key not in taken | avoid][: count - len(chosen)]
    # a thin profile: lines shown before come back rather than too few, the ones on screen now last
    for kept_out in (current, frozenset()) if avoid else ():
        taken = {candidate.key for candidate in chosen}
        again = [candidate for candidate in candidates + general if candidate.key not in taken | kept_out]
        chosen += again[: count - len(chosen)]
    return chosen


def build_offline_taglines(
    profile: CompanyProfile,
    count: int,
    seed: int,
    *,
    avoid: frozenset[str] = frozenset(),
    current: frozenset[str] = frozenset(),
) -> list[Tagline]:
    """`count` (1-10) distinct taglines of at most ten words, from the profile's own words; the same profile and seed
    always give the same list, another seed (usually) another one. Made again, they leave out the lines whose
    dedupe keys are in `avoid` (what the kit showed) while the profile has others to say, the `current` ones longest."""
    check_count(count)
    voice = read_profile(profile).voice.name  # cached: the same reading the candidates were built from
    chosen = offline_candidates(profile, count, seed, avoid=avoid, current=current)
    return [
        Tagline(id=f'tagline-{index}', text=candidate.text, tone=voice, explanation=candidate.explanation)
        for index, candidate in enumerate(chosen, start=1)
    ]
