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


def offline_candidates(profile: CompanyProfile, count: int, seed: int) -> list[Candidate]:
    words = read_profile(profile)
    rng = rng_for(profile, seed, 'taglines')
    written = [candidate for pattern in PATTERNS for candidate in pattern(words, rng)]
    written += sector_lines(words, rng, f'{profile.industry} {profile.description}')
    candidates = usable(written)
    chosen = sorted(choose(candidates, count, words, rng), key=lambda candidate: -candidate.weight)  # best first
    if len(chosen) == count:
        return chosen
    taken = {candidate.key for candidate in chosen}
    fallbacks = [candidate for candidate in usable(general_candidates(words)) if candidate.key not in taken]
    return chosen + fallbacks[: count - len(chosen)]


def build_offline_taglines(profile: CompanyProfile, count: int, seed: int) -> list[Tagline]:
    """`count` (1-10) distinct taglines of at most ten words, from the profile's own words; the same profile and seed
    always give the same list, another seed (usually) another one."""
    check_count(count)
    voice = read_profile(profile).voice.name  # cached: the same reading the candidates were built from
    return [
        Tagline(id=f'tagline-{index}', text=candidate.text, tone=voice, explanation=candidate.explanation)
        for index, candidate in enumerate(offline_candidates(profile, count, seed), start=1)
    ]
