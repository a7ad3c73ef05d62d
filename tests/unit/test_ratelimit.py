"""The budgets per client, in this process and in a real Redis: every test taking `make_limiter` runs on both.

Redis-only tests show what Redis is for: two instances (two clients, two limiters) count against one budget, and a
check is atomic under concurrency."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from redis.asyncio import Redis

from branding.clients import ClientResolver
from branding.page_limit import PageLimitMiddleware
from branding.ratelimit import RateLimit, RateLimiter
from branding.redis_state import RedisRateLimiter, connect
from branding.service import limiter_for
from branding.web import Receive, Scope, Send
from tests.conftest import free_port

MakeLimiter = Callable[..., RateLimit]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(params=['in-process', 'redis'])
def make_limiter(request: pytest.FixtureRequest, clock: FakeClock) -> MakeLimiter:
    if request.param == 'redis':
        clients: Callable[[], Redis] = request.getfixturevalue('redis_clients')
        client = clients()
        return lambda per_minute, name='kits': RedisRateLimiter(
            redis=client, name=name, per_minute=per_minute, clock=clock
        )
    return lambda per_minute, name='kits': RateLimiter(per_minute=per_minute, clock=clock)


async def checks(limiter: RateLimit, key: str, count: int) -> list[float | None]:
    return [await limiter.check(key) for _ in range(count)]


async def test_the_window_slides(make_limiter: MakeLimiter, clock: FakeClock) -> None:
    limiter = make_limiter(2)
    assert await checks(limiter, 'a', 2) == [None, None]
    assert await limiter.check('a') == pytest.approx(60.0)
    clock.now += 20
    assert await limiter.check('a') == pytest.approx(40.0), 'the wait counts down to when the oldest hit leaves'
    assert await limiter.check('b') is None, 'other clients have their own budget'
    clock.now += 40.5
    assert await checks(limiter, 'a', 3) == [None, None, pytest.approx(60.0)]


async def test_hits_leave_the_window_one_by_one(make_limiter: MakeLimiter, clock: FakeClock) -> None:
    limiter = make_limiter(3)
    for _ in range(3):
        assert await limiter.check('a') is None
        clock.now += 10
    clock.now += 31  # 61 s after the first hit, 51 and 41 s after the others: only the first has left
    assert await checks(limiter, 'a', 2) == [None, pytest.approx(9.0)]


async def test_zero_is_unlimited(make_limiter: MakeLimiter) -> None:
    assert await checks(make_limiter(0), 'a', 100) == [None] * 100


async def test_concurrent_checks_admit_exactly_the_budget(make_limiter: MakeLimiter) -> None:
    limiter = make_limiter(10)
    results = await asyncio.gather(*(limiter.check('a') for _ in range(50)))
    assert sum(result is None for result in results) == 10


# --- Redis: one budget for every instance --------------------------------------------------------------------------


async def test_two_instances_share_one_budget_per_name(redis_clients: Callable[[], Redis], clock: FakeClock) -> None:
    first = RedisRateLimiter(redis=redis_clients(), name='kits', per_minute=3, clock=clock)
    second = RedisRateLimiter(redis=redis_clients(), name='kits', per_minute=3, clock=clock)
    pages = RedisRateLimiter(redis=redis_clients(), name='pages', per_minute=3, clock=clock)

    results = await asyncio.gather(*(limiter.check('198.51.100.7') for limiter in (first, second) * 4))

    assert sum(result is None for result in results) == 3
    assert await pages.check('198.51.100.7') is None, 'page loads have a budget of their own'


async def test_without_a_clock_redis_keeps_the_time(redis_clients: Callable[[], Redis]) -> None:
    first = RedisRateLimiter(redis=redis_clients(), name='kits', per_minute=2)
    second = RedisRateLimiter(redis=redis_clients(), name='kits', per_minute=2)
    assert await first.check('a') is None
    assert await second.check('a') is None
    wait = await first.check('a')
    assert wait is not None and 50.0 < wait <= 60.0


async def test_an_unreachable_redis_lets_requests_through_and_warns_once(caplog: pytest.LogCaptureFixture) -> None:
    client = connect(f'redis://127.0.0.1:{free_port()}/0')
    limiter = RedisRateLimiter(redis=client, name='kits', per_minute=1)
    try:
        with caplog.at_level(logging.WARNING, logger='branding.redis_state'):
            assert await checks(limiter, 'a', 3) == [None, None, None]
    finally:
        await client.aclose()
    warnings = [record for record in caplog.records if 'Redis unreachable' in record.getMessage()]
    assert len(warnings) == 1


async def test_the_service_keeps_its_budgets_in_redis_when_there_is_one(redis_clients: Callable[[], Redis]) -> None:
    client = redis_clients()
    assert isinstance(limiter_for('kits', 5, client), RedisRateLimiter)
    assert isinstance(limiter_for('kits', 5, None), RateLimiter)


async def ok(scope: Scope, receive: Receive, send: Send) -> None:
    await send({'type': 'http.response.start', 'status': 200, 'headers': []})
    await send({'type': 'http.response.body', 'body': b'page'})


async def test_the_page_budget_is_shared_by_two_instances(redis_clients: Callable[[], Redis]) -> None:
    instances: list[Any] = [
        PageLimitMiddleware(
            ok,
            limiter=RedisRateLimiter(redis=redis_clients(), name='pages', per_minute=4),
            clients=ClientResolver.from_setting(''),
        )
        for _ in range(2)
    ]

    async def visit(app: Any) -> int:
        transport = httpx.ASGITransport(app=app, client=('198.51.100.9', 50000))
        async with httpx.AsyncClient(transport=transport, base_url='http://bs.test') as http:
            return (await http.get('/')).status_code

    statuses = [await visit(app) for app in instances * 3]

    assert statuses == [200, 200, 200, 200, 429, 429]
