"""The provider chain: try each configured chat provider in turn for one brand-kit section.

Policy, per section (`run`):

* SDK retries are off; this module owns retrying. Each call is bounded by `call_timeout_s` (the SDK timeout and an
  `asyncio.timeout` around it) and the whole section by `section_budget_s`: the last call's timeout shrinks to what
  is left, and a retry that would not fit is not made.
* 429 and 5xx are retried once on the same provider, after Retry-After when the server sends one no longer than
  `retry_after_cap_s` (a longer one means "not soon": we move on instead), else after a short backoff. A timeout is
  retried only by the last provider: a second wait of a whole call timeout would leave the next provider almost none
  of the budget (with the defaults, 4.5 s of 45), so it gets the time instead.
* 401/403 skip the provider at once, log a warning once per provider per process, and trip its circuit breaker:
  later sections skip it without a call until the cool-down ends, when one trial call checks the credentials again
  (a rotated key or a settled invoice recovers without a restart).
* A reply that `parse` rejects gets one repair re-ask to the same provider, quoting the problem; a second bad reply
  moves on. A reply over MAX_REPLY_CHARS is `too_large` and moves on.
* Anything else moves on to the next provider. When none succeeds the value is None and the provenance note says
  what each provider did, so the orchestrator can use the offline design engine and show why.
* Provenance status is `ok` only when the first configured provider served the section (after a retry or a repair
  too); any later provider, including one reached because the first was skipped by its breaker, is `fallback`.
  `attempts` counts calls to providers (a provider's internal json_schema -> json_object re-send is part of one).

Circuit breakers track availability: a call that ends in a ProviderError is a failure, any reply is a success (even
an unusable one: the service is up, the model just answered badly).
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from pydantic import ValidationError

from branding.breakers import BreakerBoard, CircuitBreaker, LocalBreakers
from branding.llm_json import summarise_validation_error
from branding.models import OFFLINE_PROVIDER, SectionProvenance, SectionStatus
from branding.providers.base import MAX_REPLY_CHARS, ChatRequest, Provider
from branding.providers.errors import ErrorKind, ProviderError, format_seconds, unexpected_error
from branding.settings import Settings

logger = logging.getLogger(__name__)

T = TypeVar('T')

# Below this, a call cannot finish anyway; better to leave the time to the offline engine.
MIN_CALL_S = 0.1
BACKOFF_S = 0.5
# Calls in flight per provider: the size of the SDKs' httpx pools (Together's and httpx's default). Calls beyond it
# queue inside httpcore, whose scheduler scans every connection for every queued request each time a request starts
# or ends; with 100 kits at once (500 calls) that took about 40% of the server's CPU. Waiting here costs nothing.
MAX_IN_FLIGHT = 100
# Malformed data makes hand-written parse functions fail with these, not only with ValueError.
PARSE_ERRORS: tuple[type[Exception], ...] = (ValueError, TypeError, KeyError, IndexError, AttributeError)
_MAX_PROBLEM_CHARS = 1000
_MAX_NOTE_PROBLEM_CHARS = 160
_KEY_SETTINGS = {
    'together': 'TOGETHER_API_KEY',
    'cohere': 'COHERE_API_KEY',
    'openai_compatible': 'OPENAI_COMPAT_API_KEY',
}
_auth_warned: set[str] = set()  # once per provider per process: every section would repeat the same warning


class ChainObserver(Protocol):
    """Told what the chain does, for metrics: each call to a provider, and each time the chain moves past one."""

    def call_started(self, provider: str) -> None: ...

    def call_ended(self, provider: str, error: ProviderError | None) -> None: ...

    def passed_over(self, provider: str, reason: str) -> None:
        """The section moved on from `provider`: breaker_open, budget_spent, invalid_output or an error kind."""
        ...


class _Unobserved:
    def call_started(self, provider: str) -> None:
        pass

    def call_ended(self, provider: str, error: ProviderError | None) -> None:
        pass

    def passed_over(self, provider: str, reason: str) -> None:
        pass


@dataclass(kw_only=True, slots=True)
class ChainOutcome(Generic[T]):
    value: T | None
    provenance: SectionProvenance


@dataclass(kw_only=True, slots=True)
class _Served(Generic[T]):
    value: T


@dataclass(kw_only=True, slots=True)
class _Run:
    section: str
    deadline: float
    on_text: Callable[[str], None] | None
    attempts: int = 0
    notes: list[str] = field(default_factory=list)
    shown: bool = False

    def remaining(self) -> float:
        return self.deadline - asyncio.get_running_loop().time()

    def show(self, text: str) -> None:
        if self.on_text is None or (not text and not self.shown):
            return
        self.shown = bool(text)
        try:
            self.on_text(text)
        except Exception:
            # The live preview is cosmetic: a broken listener must not cost us the section.
            logger.exception(
                'section %s: on_text callback failed; live preview disabled for this section', self.section
            )
            self.on_text = None


@dataclass(kw_only=True, slots=True)
class _Turn:
    """One provider's go at a section, and what has happened in it so far."""

    provider: Provider
    original: ChatRequest
    request: ChatRequest  # the next one to send: the original, or the repair re-ask
    is_last: bool
    events: list[str] = field(default_factory=list)
    last_error: str = ''
    reason: str = 'error'  # why the chain moved on from this provider, when it did (for metrics)
    retried: bool = False
    repaired: bool = False
    verdict: bool = False  # the breaker has been told how the provider did

    def note_error(self, error: ProviderError) -> None:
        self.reason = error.kind.value
        if error.message != self.last_error:  # a retry that fails the same way says so once
            self.events.append(error.message)
        self.last_error = error.message

    def reask(self, text: str, exc: Exception) -> bool:
        """After a reply `parse` rejected: True with the repair re-ask as the next request, False after the one."""
        problem = _describe_parse_error(exc)
        if self.repaired:
            self.events.append(f'still invalid after a repair re-ask ({_short(problem)})')
            self.reason = 'invalid_output'
            return False
        self.repaired = True
        self.events.append(f'invalid output ({_short(problem)}), re-asked for a repair')
        self.request = self.original.with_repair(text, problem)
        return True


class ProviderChain:
    def __init__(
        self,
        providers: Sequence[Provider],
        settings: Settings,
        *,
        clock: Callable[[], float] = time.monotonic,
        observer: ChainObserver | None = None,
        breakers: BreakerBoard | None = None,
    ) -> None:
        """`clock` drives the in-process circuit breakers' cool-down (injectable for tests); call timing uses the
        event loop. `observer` (the service's metrics) hears of every call and every provider the chain moves past.
        `breakers` may be shared by several instances (Redis); by default they live in this process."""
        self.providers = list(providers)
        self._observer: ChainObserver = observer or _Unobserved()
        self._settings = settings
        self.breakers: BreakerBoard = breakers or LocalBreakers.for_providers(
            [provider.name for provider in self.providers],
            threshold=settings.breaker_threshold,
            cooldown_s=settings.breaker_cooldown_s,
            clock=clock,
        )
        self._slots = {provider.name: asyncio.Semaphore(MAX_IN_FLIGHT) for provider in self.providers}

    def breaker(self, provider_name: str) -> CircuitBreaker:
        """A provider's in-process breaker (for tests and introspection; shared breakers have none)."""
        if not isinstance(self.breakers, LocalBreakers):
            raise TypeError('the circuit breakers are shared: read them with breaker_states()')
        return self.breakers.breakers[provider_name]

    def breaker_states(self) -> list[tuple[str, str]]:
        """(provider, breaker state) for every provider, for the metrics."""
        return self.breakers.states()

    async def run(
        self,
        section: str,
        request: ChatRequest,
        parse: Callable[[str], T],
        *,
        on_text: Callable[[str], None] | None = None,
    ) -> ChainOutcome[T]:
        """The first parsed reply, or value None with a note on every failure. CancelledError propagates."""
        loop = asyncio.get_running_loop()
        started = loop.time()
        run = _Run(section=section, deadline=started + self._settings.section_budget_s, on_text=on_text)
        for position, provider in enumerate(self.providers):
            if run.remaining() < MIN_CALL_S:
                run.notes.append(f'{provider.name}: not tried, section budget spent')
                self._observer.passed_over(provider.name, 'budget_spent')
                continue
            if not await self.breakers.allow(provider.name):
                run.notes.append(f'{provider.name}: skipped, circuit open after repeated failures')
                self._observer.passed_over(provider.name, 'breaker_open')
                continue
            is_last = position == len(self.providers) - 1
            turn = _Turn(provider=provider, original=request, request=request, is_last=is_last)
            served = await self._turn(turn, parse, run)
            if served is None:
                self._observer.passed_over(provider.name, turn.reason)
            else:
                return ChainOutcome(
                    value=served.value,
                    provenance=SectionProvenance(
                        status=SectionStatus.OK if position == 0 else SectionStatus.FALLBACK,
                        provider=provider.name,
                        model=provider.model,
                        latency_ms=round((loop.time() - started) * 1000),
                        attempts=run.attempts,
                        note='; '.join(run.notes),
                    ),
                )
        note = '; '.join(run.notes) or 'no chat providers configured'
        logger.info('section %s: no provider succeeded (%s)', section, note)
        return ChainOutcome(
            value=None,
            provenance=SectionProvenance(
                status=SectionStatus.FALLBACK,
                provider=OFFLINE_PROVIDER,
                model='',
                latency_ms=round((loop.time() - started) * 1000),
                attempts=run.attempts,
                note=note,
            ),
        )

    async def _turn(self, turn: _Turn, parse: Callable[[str], T], run: _Run) -> _Served[T] | None:
        """One provider's go at the section: its calls, one retry, one repair re-ask."""
        provider = turn.provider
        try:
            while True:
                remaining = run.remaining()
                if remaining < MIN_CALL_S:
                    turn.events.append('section budget spent')
                    turn.reason = 'budget_spent'
                    return None
                timeout_s = min(self._settings.call_timeout_s, remaining)
                run.attempts += 1
                try:
                    text = await self._call(provider, turn.request, timeout_s=timeout_s, run=run)
                except ProviderError as error:
                    delay = await self._retry_after_error(turn, error, run)
                    if delay is None:
                        return None
                    await asyncio.sleep(delay)
                    continue
                await self.breakers.record_success(provider.name)
                turn.verdict = True
                try:
                    value = parse(text)
                except PARSE_ERRORS as exc:
                    if turn.reask(text, exc):
                        continue
                    return None
                if turn.repaired:
                    turn.events.append('repaired on re-ask')
                return _Served(value=value)
        finally:
            if not turn.verdict:
                await self.breakers.release_trial(provider.name)
            if turn.events:
                run.notes.append(f'{provider.name}: {", ".join(turn.events)}')
                logger.info('section %s: %s: %s', run.section, provider.name, ', '.join(turn.events))

    async def _retry_after_error(self, turn: _Turn, error: ProviderError, run: _Run) -> float | None:
        """The wait before the one retry `error` allows, or None when the turn ends here (the breaker told)."""
        turn.note_error(error)
        if error.kind is ErrorKind.AUTH:
            _warn_auth_once(turn.provider, error)
            await self.breakers.trip(turn.provider.name)
            turn.verdict = True
            return None
        retry = error.retryable and not turn.retried
        if retry and error.kind is ErrorKind.TIMEOUT and not turn.is_last:
            turn.events.append('not retried: the next provider gets the time')
            retry = False
        delay = self._retry_delay(error, turn.events) if retry else None
        if delay is not None and run.remaining() - delay >= MIN_CALL_S:
            turn.retried = True
            turn.events.append(f'retried once after {format_seconds(delay)}')
            return delay
        if delay is not None:
            turn.events.append('no budget left to retry')
        await self.breakers.record_failure(turn.provider.name)
        turn.verdict = True
        return None

    def _retry_delay(self, error: ProviderError, events: list[str]) -> float | None:
        cap = self._settings.retry_after_cap_s
        if error.retry_after_s is None:
            return min(BACKOFF_S * random.uniform(0.75, 1.0), cap)  # jitter: concurrent sections retry together
        if error.retry_after_s > cap:
            events.append(f'Retry-After {format_seconds(error.retry_after_s)} exceeds the {format_seconds(cap)} cap')
            return None
        return error.retry_after_s

    async def _call(self, provider: Provider, request: ChatRequest, *, timeout_s: float, run: _Run) -> str:
        self._observer.call_started(provider.name)
        error: ProviderError | None = None
        try:
            return await self._call_once(provider, request, timeout_s=timeout_s, run=run)
        except ProviderError as failed:
            error = failed
            raise
        finally:
            self._observer.call_ended(provider.name, error)

    async def _call_once(self, provider: Provider, request: ChatRequest, *, timeout_s: float, run: _Run) -> str:
        try:
            # the SDK timeouts are per read; this bounds the whole call, including any wait for a free slot
            async with asyncio.timeout(timeout_s), self._slots[provider.name]:
                if run.on_text is None:
                    text = await provider.complete(request, timeout_s=timeout_s)
                else:
                    text = await self._stream(provider, request, timeout_s=timeout_s, run=run)
        except TimeoutError:
            raise ProviderError(ErrorKind.TIMEOUT, f'timeout after {format_seconds(timeout_s)}') from None
        except ProviderError:
            raise
        except Exception as exc:
            # Not str(exc): SDK exception texts can carry response bodies. The type name is enough to start from.
            logger.warning('section %s: %s raised %s', run.section, provider.name, type(exc).__name__)
            raise unexpected_error(exc) from None
        if len(text) > MAX_REPLY_CHARS:
            raise _too_large()
        if not text.strip():
            raise ProviderError(ErrorKind.BAD_RESPONSE, 'empty reply')
        return text

    async def _stream(self, provider: Provider, request: ChatRequest, *, timeout_s: float, run: _Run) -> str:
        run.show('')  # a new attempt starts over
        text = ''
        deltas = provider.stream(request, timeout_s=timeout_s)
        try:
            async for delta in deltas:
                text += delta
                if len(text) > MAX_REPLY_CHARS:
                    raise _too_large()
                run.show(text)
        finally:
            close = getattr(deltas, 'aclose', None)
            if close is not None:
                await close()  # releases the HTTP response now, also when cancelled or over the cap
        return text

    async def aclose(self) -> None:
        for provider in self.providers:
            await provider.aclose()


def _too_large() -> ProviderError:
    return ProviderError(ErrorKind.TOO_LARGE, f'reply larger than {MAX_REPLY_CHARS // 1024} KB')


def _describe_parse_error(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        problem = f'the JSON does not match the schema: {summarise_validation_error(exc)}'
    else:
        problem = str(exc) or type(exc).__name__
    return problem[:_MAX_PROBLEM_CHARS]


def _short(problem: str) -> str:
    return problem if len(problem) <= _MAX_NOTE_PROBLEM_CHARS else f'{problem[: _MAX_NOTE_PROBLEM_CHARS - 3]}...'


def _warn_auth_once(provider: Provider, error: ProviderError) -> None:
    if provider.name in _auth_warned:
        return
    _auth_warned.add(provider.name)
    setting = _KEY_SETTINGS.get(provider.name, 'its API key')
    logger.warning(
        '%s rejected our credentials (%s): check %s. Skipping it until its circuit cool-down ends.',
        provider.name,
        error.message,
        setting,
    )
