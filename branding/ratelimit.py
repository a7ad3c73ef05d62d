"""Budgets per client: a sliding window, shared by the studio and the API (and, with its own budget, page loads).

`RateLimit` is what the app asks; `RateLimiter` keeps the windows in this process, `branding.redis_state.
RedisRateLimiter` keeps them in Redis so every instance behind a load balancer counts against the same budget
(REDIS_URL). Both answer the same way: None when the hit is counted, else the seconds until the oldest hit in the
window expires.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

WINDOW_S = 60.0


class RateLimit(Protocol):
    per_minute: int  # 0 means unlimited

    async def check(self, key: str) -> float | None:
        """Count one hit for `key`; None when allowed, else the seconds to wait before trying again."""
        ...


@dataclass(kw_only=True, slots=True)
class RateLimiter:
    """`per_minute` hits per client key in this process; 0 means unlimited."""

    per_minute: int
    clock: Callable[[], float] = time.monotonic
    _hits: dict[str, deque[float]] = field(default_factory=dict)

    async def check(self, key: str) -> float | None:
        if self.per_minute <= 0:
            return None
        now = self.clock()
        hits = self._hits.setdefault(key, deque())
        while hits and hits[0] <= now - WINDOW_S:
            hits.popleft()
        if len(hits) >= self.per_minute:
            return max(hits[0] + WINDOW_S - now, 0.0)
        hits.append(now)
        self._forget_idle(now)
        return None

    def _forget_idle(self, now: float) -> None:
        # keeps memory bounded on a public demo with many one-off visitors
        if len(self._hits) > 10_000:
            for key in [key for key, hits in self._hits.items() if not hits or hits[-1] <= now - WINDOW_S]:
                del self._hits[key]


def retry_after_header(seconds: float) -> str:
    return str(max(1, math.ceil(seconds)))
