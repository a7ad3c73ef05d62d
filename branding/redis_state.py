"""State several instances share through Redis (REDIS_URL): the generation and page budgets per client.

Each check is one Lua script, so it is atomic across instances: drop the hits older than the window, count the rest,
and either add this one or answer how long until the oldest expires (the same sliding window as the in-process
`RateLimiter`). Time is Redis' own clock (TIME), so instances whose clocks disagree still share one window; tests pass
a clock instead. Keys expire with their window, so idle clients cost nothing.

When Redis cannot be reached a check lets the request through and logs a warning (at most once a minute): a budget
is a guard against floods, and refusing every visitor while Redis restarts would be the worse failure.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from redis import RedisError
from redis.asyncio import Redis
from redis.commands.core import AsyncScript

from branding.ratelimit import WINDOW_S

logger = logging.getLogger(__name__)

KEY_PREFIX = 'brandsmith'
_WARN_EVERY_S = 60.0

# KEYS[1]: the client's window; ARGV: limit, window (microseconds), now (microseconds, or -1 for Redis' TIME), a
# unique member. Returns -1 when the hit is counted, else the microseconds until the oldest hit leaves the window.
SLIDING_WINDOW_LUA = """
local key = KEYS[1]
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
if now < 0 then
  local clock = redis.call('TIME')
  now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
end
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
if redis.call('ZCARD', key) >= limit then
  local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  return math.max(math.floor(tonumber(oldest[2]) + window - now), 0)
end
redis.call('ZADD', key, now, ARGV[4])
redis.call('PEXPIRE', key, math.ceil(window / 1000))
return -1
"""


def connect(url: str) -> Redis:
    """A client for REDIS_URL (redis://, rediss:// or unix://); connections open on first use, on the loop using
    them."""
    client: Redis = Redis.from_url(url, health_check_interval=30)
    return client


@dataclass(kw_only=True, slots=True)
class RedisRateLimiter:
    """`per_minute` hits per client key, counted in Redis under `name` (one budget per name); 0 means unlimited."""

    redis: Redis
    name: str
    per_minute: int
    clock: Callable[[], float] | None = None  # seconds; None is Redis' own clock
    _last_warning: float = field(default=-_WARN_EVERY_S)
    _script: AsyncScript = field(init=False)

    def __post_init__(self) -> None:
        self._script = self.redis.register_script(SLIDING_WINDOW_LUA)

    async def check(self, key: str) -> float | None:
        if self.per_minute <= 0:
            return None
        now_us = -1 if self.clock is None else round(self.clock() * 1_000_000)
        try:
            # EVALSHA, loading the script once per Redis (again after a Redis restart)
            wait_us = await self._script(
                keys=[f'{KEY_PREFIX}:rate:{self.name}:{key}'],
                args=[self.per_minute, round(WINDOW_S * 1_000_000), now_us, f'{now_us}:{secrets.token_hex(8)}'],
            )
        except (RedisError, OSError) as error:
            self._warn(error)
            return None
        return None if int(wait_us) < 0 else int(wait_us) / 1_000_000

    def _warn(self, error: Exception) -> None:
        now = time.monotonic()
        if now - self._last_warning >= _WARN_EVERY_S:
            self._last_warning = now
            logger.warning('Redis unreachable, %s budget not enforced: %s', self.name, type(error).__name__)
