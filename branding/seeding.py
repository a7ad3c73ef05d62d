"""Deterministic randomness: the same profile and seed give the same choices in every section."""

from __future__ import annotations

import hashlib
import random

from branding.models import CompanyProfile


def profile_fingerprint(profile: CompanyProfile) -> str:
    return hashlib.sha256(profile.model_dump_json().encode()).hexdigest()


def rng_for(profile: CompanyProfile, seed: int, section: str) -> random.Random:
    digest = hashlib.sha256(f'{profile_fingerprint(profile)}:{seed}:{section}'.encode()).digest()
    return random.Random(int.from_bytes(digest[:8], 'big'))


def fresh_seed() -> int:
    return random.SystemRandom().randrange(2**31)
