"""The circuit breakers' state machine, in this process and in a real Redis: every test taking `make_board` runs on
both. Redis-only tests show what sharing buys: what one instance learns, the others know, and one trial call goes
out across all of them."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import pytest
from redis.asyncio import Redis

from branding.breakers import BreakerBoard, LocalBreakers
from branding.redis_state import RedisBreakers, connect
from tests.conftest import free_port

PROVIDERS = ['together', 'cohere']
THRESHOLD = 3
COOLDOWN_S = 60.0
LEASE_S = 45.0
MakeBoard = Callable[[], BreakerBoard]


class FakeClock:
    def __init__(self) -> None:
        self.now = 5_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def redis_board(client: Redis, clock: FakeClock | None) -> RedisBreakers:
    return RedisBreakers(
        redis=client,
        providers=PROVIDERS,
        threshold=THRESHOLD,
        cooldown_s=COOLDOWN_S,
        trial_lease_s=LEASE_S,
        clock=clock,
    )


@pytest.fixture(params=['in-process', 'redis'])
def make_board(request: pytest.FixtureRequest, clock: FakeClock) -> MakeBoard:
    """Boards of one deployment: in process each is the same board (one instance), in Redis each is an instance."""
    if request.param == 'redis':
        clients: Callable[[], Redis] = request.getfixturevalue('redis_clients')
        return lambda: redis_board(clients(), clock)
    board = LocalBreakers.for_providers(PROVIDERS, threshold=THRESHOLD, cooldown_s=COOLDOWN_S, clock=clock)
    return lambda: board


def state(board: BreakerBoard, provider: str = 'together') -> str:
    return dict(board.states())[provider]


async def test_it_opens_after_consecutive_failures_only(make_board: MakeBoard) -> None:
    board = make_board()
    for _ in range(THRESHOLD - 1):
        await board.record_failure('together')
    await board.record_success('together')  # a success in between starts the count again
    for _ in range(THRESHOLD - 1):
        await board.record_failure('together')
    assert await board.allow('together')
    assert state(board) == 'closed'

    await board.record_failure('together')

    assert not await board.allow('together')
    assert state(board) == 'open'
    assert await board.allow('cohere'), 'each provider has a breaker of its own'


async def test_after_the_cooldown_exactly_one_trial_goes_out(make_board: MakeBoard, clock: FakeClock) -> None:
    board = make_board()
    await board.trip('together')
    clock.now += COOLDOWN_S - 1
    assert not await board.allow('together')
    clock.now += 1

    allowed = await asyncio.gather(*(board.allow('together') for _ in range(10)))

    assert sum(allowed) == 1
    assert state(board) == 'half_open'


async def test_a_failed_trial_reopens_and_a_good_one_closes(make_board: MakeBoard, clock: FakeClock) -> None:
    board = make_board()
    await board.trip('together')
    clock.now += COOLDOWN_S
    assert await board.allow('together')
    await board.record_failure('together')  # one failure of the trial is enough
    assert state(board) == 'open'
    assert not await board.allow('together')

    clock.now += COOLDOWN_S
    assert await board.allow('together')
    await board.record_success('together')
    assert state(board) == 'closed'
    assert await board.allow('together') and await board.allow('together')


async def test_a_released_trial_lets_the_next_call_be_the_trial(make_board: MakeBoard, clock: FakeClock) -> None:
    board = make_board()
    await board.trip('together')
    clock.now += COOLDOWN_S
    assert await board.allow('together')
    assert not await board.allow('together')

    await board.release_trial('together')

    assert await board.allow('together')


# --- Redis: one set of breakers for every instance ----------------------------------------------------------------


async def test_what_one_instance_learns_the_others_know(redis_clients: Callable[[], Redis], clock: FakeClock) -> None:
    first, second = redis_board(redis_clients(), clock), redis_board(redis_clients(), clock)
    await first.record_failure('together')
    await second.record_failure('together')
    await first.record_failure('together')

    assert not await second.allow('together')
    assert state(second) == 'open'
    clock.now += COOLDOWN_S
    assert await first.allow('together'), 'the first instance to ask runs the trial'
    assert not await second.allow('together'), 'the other waits for its verdict'
    await first.record_success('together')
    assert await second.allow('together')


async def test_a_trial_whose_instance_died_expires_with_its_lease(
    redis_clients: Callable[[], Redis], clock: FakeClock
) -> None:
    died, survivor = redis_board(redis_clients(), clock), redis_board(redis_clients(), clock)
    await died.trip('together')
    clock.now += COOLDOWN_S
    assert await died.allow('together')  # ...and the instance never reports back
    clock.now += LEASE_S - 1
    assert not await survivor.allow('together')
    clock.now += 1
    assert await survivor.allow('together')


async def test_redis_keeps_the_time_without_a_clock(redis_clients: Callable[[], Redis]) -> None:
    board = redis_board(redis_clients(), None)
    await board.trip('together')
    assert not await board.allow('together')
    assert state(board) == 'open'


async def test_an_unreachable_redis_lets_calls_through_and_warns_once(caplog: pytest.LogCaptureFixture) -> None:
    client = connect(f'redis://127.0.0.1:{free_port()}/0')
    board = redis_board(client, None)
    try:
        with caplog.at_level(logging.WARNING, logger='branding.redis_state'):
            await board.trip('together')
            assert await board.allow('together')
            assert await board.allow('together')
    finally:
        await client.aclose()
    assert len([record for record in caplog.records if 'Redis unreachable' in record.getMessage()]) == 1
