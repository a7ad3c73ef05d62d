"""Circuit breakers: a provider that keeps failing is skipped until a cool-down ends, then one trial call checks it.

`BreakerBoard` is what the provider chain asks, by provider name. `LocalBreakers` keeps one `CircuitBreaker` per
provider in this process; `branding.redis_state.RedisBreakers` keeps the same state machine in Redis, so every
instance skips a failing provider as soon as any of them has seen it fail `threshold` times, and only one trial call
goes out across all of them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol


class BreakerState(StrEnum):
    CLOSED = 'closed'
    OPEN = 'open'
    HALF_OPEN = 'half_open'


@dataclass(kw_only=True, slots=True)
class CircuitBreaker:
    """Opens after `threshold` consecutive failures; after `cooldown_s` lets exactly one trial call through."""

    threshold: int
    cooldown_s: float
    clock: Callable[[], float] = time.monotonic
    failures: int = 0
    opened_at: float | None = None
    trial_in_flight: bool = False

    @property
    def state(self) -> BreakerState:
        if self.opened_at is None:
            return BreakerState.CLOSED
        if self.trial_in_flight or self.clock() - self.opened_at >= self.cooldown_s:
            return BreakerState.HALF_OPEN
        return BreakerState.OPEN

    def allow(self) -> bool:
        """May a call go out now? In half-open state this claims the single trial call."""
        state = self.state
        if state is BreakerState.CLOSED:
            return True
        if state is BreakerState.OPEN or self.trial_in_flight:
            return False
        self.trial_in_flight = True
        return True

    def record_success(self) -> None:
        self.failures = 0
        self.opened_at = None
        self.trial_in_flight = False

    def record_failure(self) -> None:
        self.failures += 1
        if self.trial_in_flight or self.failures >= self.threshold:
            self.trip()

    def trip(self) -> None:
        self.opened_at = self.clock()
        self.trial_in_flight = False

    def release_trial(self) -> None:
        """The trial ended without a verdict (cancelled, or out of budget): let the next call be the trial."""
        self.trial_in_flight = False


class BreakerBoard(Protocol):
    """The providers' circuit breakers, by provider name. Every call is atomic for the state it changes."""

    async def allow(self, provider: str) -> bool:
        """May a call go out now? In half-open state this claims the single trial call."""
        ...

    async def record_success(self, provider: str) -> None: ...

    async def record_failure(self, provider: str) -> None: ...

    async def trip(self, provider: str) -> None:
        """Open at once (bad credentials): skip the provider until the cool-down ends."""
        ...

    async def release_trial(self, provider: str) -> None:
        """The trial ended without a verdict (cancelled, or out of budget): let the next call be the trial."""
        ...

    def states(self) -> list[tuple[str, str]]:
        """(provider, state) for every provider, as this process last saw them (for the metrics)."""
        ...


@dataclass(kw_only=True, slots=True)
class LocalBreakers:
    """One CircuitBreaker per provider, in this process."""

    breakers: dict[str, CircuitBreaker] = field(default_factory=dict)

    @classmethod
    def for_providers(
        cls, names: Iterable[str], *, threshold: int, cooldown_s: float, clock: Callable[[], float] = time.monotonic
    ) -> LocalBreakers:
        return cls(
            breakers={name: CircuitBreaker(threshold=threshold, cooldown_s=cooldown_s, clock=clock) for name in names}
        )

    async def allow(self, provider: str) -> bool:
        return self.breakers[provider].allow()

    async def record_success(self, provider: str) -> None:
        self.breakers[provider].record_success()

    async def record_failure(self, provider: str) -> None:
        self.breakers[provider].record_failure()

    async def trip(self, provider: str) -> None:
        self.breakers[provider].trip()

    async def release_trial(self, provider: str) -> None:
        self.breakers[provider].release_trial()

    def states(self) -> list[tuple[str, str]]:
        return [(name, breaker.state.value) for name, breaker in self.breakers.items()]
