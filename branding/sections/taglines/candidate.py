"""A tagline the offline writer might use: its text, its pattern, why it works and how much the choice favours it."""

from __future__ import annotations

from dataclasses import dataclass, field

from branding.design.language import join_naturally


@dataclass(kw_only=True, slots=True)
class Candidate:
    text: str
    family: str
    pattern: str = ''  # the template the line was written from ('promise.way_to'); its family when none is named
    rationale: str
    draws_on: tuple[str, ...] = ()
    weight: float = 1.0
    affinity: frozenset[str] = field(default_factory=frozenset)  # voices that favour this frame
    key: str = ''  # dedupe_key(text), set once the text is final

    def __post_init__(self) -> None:
        self.pattern = self.pattern or self.family

    @property
    def explanation(self) -> str:
        if not self.draws_on:
            return self.rationale
        return f'{self.rationale} Draws on {join_naturally(self.draws_on)}.'
