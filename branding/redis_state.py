"""State several instances share through Redis (REDIS_URL): the generation and page budgets per client, and the
providers' circuit breakers.

Each operation is one Lua script, so it is atomic across instances. A budget check drops the hits older than the
window, counts the rest, and either adds this one or answers how long until the oldest expires (the same sliding
window as the in-process `RateLimiter`); its keys expire with their window, so idle clients cost nothing. A breaker
is a hash per provider (consecutive failures, when it opened, until when a trial call holds it) run through the same
state machine as `branding.breakers.CircuitBreaker`; the trial is a lease, so an instance that dies mid-trial does
not hold the breaker half-open for ever. Time is Redis' own clock (TIME), so instances whose clocks disagree still
agree; tests pass a clock instead.

When Redis cannot be reached, budgets let requests through, breakers let calls through (and forget what they were
told), and a warning is logged at most once a minute: both are guards, and refusing every visitor or every provider
while Redis restarts would be the worse failure.
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


# KEYS[1]: the provider's breaker; ARGV: operation (allow, success, failure, trip, release), now (microseconds, or -1
# for Redis' TIME), threshold, cool-down and trial lease (microseconds). Returns {allowed (0 or 1), state}.
BREAKER_LUA = """
local key = KEYS[1]
local op = ARGV[1]
local now = tonumber(ARGV[2])
if now < 0 then
  local clock = redis.call('TIME')
  now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
end
local threshold = tonumber(ARGV[3])
local cooldown = tonumber(ARGV[4])
local lease = tonumber(ARGV[5])
local opened = tonumber(redis.call('HGET', key, 'opened_at') or '-1')
local trial = tonumber(redis.call('HGET', key, 'trial_until') or '-1') > now
local allowed = 1
local function trip()
  redis.call('HSET', key, 'opened_at', now)
  redis.call('HDEL', key, 'trial_until')
  opened = now
  trial = false
end
if op == 'allow' then
  if opened >= 0 then
    if trial or now - opened < cooldown then
      allowed = 0
    else
      redis.call('HSET', key, 'trial_until', now + lease)
      trial = true
    end
  end
elseif op == 'success' then
  redis.call('DEL', key)
  opened = -1
  trial = false
elseif op == 'failure' then
  local failures = redis.call('HINCRBY', key, 'failures', 1)
  if trial or failures >= threshold then
    trip()
  end
elseif op == 'trip' then
  trip()
elseif op == 'release' then
  redis.call('HDEL', key, 'trial_until')
  trial = false
end
local state = 'closed'
if opened >= 0 then
  if trial or now - opened >= cooldown then
    state = 'half_open'
  else
    state = 'open'
  end
end
return {allowed, state}
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
    _warning: _Warning = field(init=False)
    _script: AsyncScript = field(init=False)

    def __post_init__(self) -> None:
        self._script = self.redis.register_script(SLIDING_WINDOW_LUA)
        self._warning = _Warning(what=f'{self.name} budget not enforced')

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
            self._warning.log(error)
            return None
        return None if int(wait_us) < 0 else int(wait_us) / 1_000_000


@dataclass(kw_only=True, slots=True)
class RedisBreakers:
    """The providers' circuit breakers in Redis, shared by every instance (a BreakerBoard)."""

    redis: Redis
    providers: list[str]
    threshold: int
    cooldown_s: float
    trial_lease_s: float  # the longest a trial call can take: the section budget
    clock: Callable[[], float] | None = None  # seconds; None is Redis' own clock
    _states: dict[str, str] = field(init=False)
    _warning: _Warning = field(init=False)
    _script: AsyncScript = field(init=False)

    def __post_init__(self) -> None:
        self._states = dict.fromkeys(self.providers, 'closed')
        self._warning = _Warning(what='circuit breakers not shared')
        self._script = self.redis.register_script(BREAKER_LUA)

    async def allow(self, provider: str) -> bool:
        return await self._run(provider, 'allow')

    async def record_success(self, provider: str) -> None:
        await self._run(provider, 'success')

    async def record_failure(self, provider: str) -> None:
        await self._run(provider, 'failure')

    async def trip(self, provider: str) -> None:
        await self._run(provider, 'trip')

    async def release_trial(self, provider: str) -> None:
        await self._run(provider, 'release')

    def states(self) -> list[tuple[str, str]]:
        return list(self._states.items())

    async def _run(self, provider: str, operation: str) -> bool:
        now_us = -1 if self.clock is None else round(self.clock() * 1_000_000)
        try:
            allowed, state = await self._script(
                keys=[f'{KEY_PREFIX}:breaker:{provider}'],
                args=[operation, now_us, self.threshold, _micros(self.cooldown_s), _micros(self.trial_lease_s)],
            )
        except (RedisError, OSError) as error:
            self._warning.log(error)
            return True
        self._states[provider] = state.decode() if isinstance(state, bytes) else str(state)
        return bool(allowed)


def _micros(seconds: float) -> int:
    return round(seconds * 1_000_000)


@dataclass(kw_only=True, slots=True)
class _Warning:
    """A warning about Redis, logged at most once a minute."""

    what: str
    last: float = -_WARN_EVERY_S

    def log(self, error: Exception) -> None:
        now = time.monotonic()
        if now - self.last >= _WARN_EVERY_S:
            self.last = now
            logger.warning('Redis unreachable, %s: %s', self.what, type(error).__name__)
