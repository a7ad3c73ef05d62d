"""One place where kits are made for the studio and the API alike: rate limit, reuse, generate, save."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncGenerator, Mapping, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field

from redis.asyncio import Redis

from branding.chain import ProviderChain
from branding.clients import ClientResolver
from branding.design.font_files import FontLibrary
from branding.design.symbols.icon_set import IconLibrary
from branding.exports.logo_pack import render_pool
from branding.handover import Drain, Handover, drafts_for
from branding.images.kit_paintings import ImagePainted, apply_painting, palette_of
from branding.images.painter import Painter, Painting
from branding.images.registry import build_painter
from branding.images.versions import keep
from branding.metrics import Metrics
from branding.models import OFFLINE_PROVIDER, BrandingRequest, BrandKit
from branding.orchestrator import (
    KitDone,
    KitEvent,
    SectionDone,
    SectionStarted,
    regenerate_section,
    stream_kit,
)
from branding.owners import ApiAccess, Unauthenticated
from branding.providers.base import Provider
from branding.providers.registry import build_providers
from branding.ratelimit import RateLimit, RateLimiter
from branding.redis_state import RedisBreakers, RedisRateLimiter, connect
from branding.refine.history import revise, shown_before
from branding.refine.rest import settle_choices
from branding.registry import sections_for
from branding.seeding import fresh_seed
from branding.settings import Settings
from branding.store import KitStore, open_store, request_key
from branding.stores.base import Lever, NotOwnerError

logger = logging.getLogger(__name__)


class ImagesOffError(RuntimeError):
    """A painting was asked for, but no image provider is on."""


class RateLimited(Exception):
    def __init__(self, retry_after_s: float) -> None:
        super().__init__(f'rate limited for {retry_after_s:.0f} s')
        self.retry_after_s = retry_after_s


@dataclass(kw_only=True, slots=True)
class KitService:
    settings: Settings
    store: KitStore
    chain: ProviderChain
    fonts: FontLibrary  # one for the process: the engine, the exports and the /fonts mount read the same folder
    icons: IconLibrary  # the icon set logo symbols are drawn from (hand-drawn symbols when it is not installed)
    limiter: RateLimit  # generations per client
    page_limiter: RateLimit = field(default_factory=lambda: RateLimiter(per_minute=0))  # page loads per client
    redis: Redis | None = None  # the shared state's client (REDIS_URL), closed with the service
    metrics: Metrics = field(default_factory=Metrics)  # this instance's numbers, served at /metrics
    clients: ClientResolver = field(default_factory=ClientResolver)
    access: ApiAccess = field(default_factory=ApiAccess)
    painter: Painter | None = None  # paints each logo concept when an image provider is on (BRANDSMITH_IMAGES)
    # generations handed back when this instance drains, and the drafts others handed back (branding/handover.py)
    handover: Handover | None = None
    renders: Executor | None = None  # worker processes for the logo pack's PNGs, shut down with the service
    _late: dict[asyncio.Task[None], str] = field(default_factory=dict)  # paintings being added to saved kits
    _late_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    _fresh: dict[tuple[str, int], bytes] = field(default_factory=dict)  # paintings of kits not saved yet

    @property
    def chain_names(self) -> list[str]:
        # models are part of it: changing a model must not hand back kits the old one wrote
        return [f'{provider.name}:{provider.model}' for provider in self.chain.providers] + [OFFLINE_PROVIDER]

    def client_key(self, peer: str | None, headers: Mapping[str, str]) -> str:
        """The key a request's generations count against: its client's address, as far as trusted proxies vouch."""
        return self.clients.client(peer, headers)

    def is_admin(self, headers: Mapping[str, str]) -> bool:
        """Do these headers carry the admin token?"""
        try:
            return self.access.caller(headers, {}).admin
        except Unauthenticated:
            return False

    async def admit(self, client_key: str) -> None:
        """Count one generation for the client, or raise RateLimited."""
        wait = await self.limiter.check(client_key)
        if wait is not None:
            self.metrics.rate_limited.labels('kits').inc()
            raise RateLimited(wait)

    async def stream(
        self, request: BrandingRequest, *, owner: str, reuse: bool = True, resume: BrandKit | None = None
    ) -> AsyncGenerator[KitEvent]:
        """The kit's events; the kit is saved for `owner` before KitDone is yielded, so a finished kit is never lost.

        An identical seeded request of the same owner within the reuse TTL gets the saved kit back. `resume` continues
        a kit handed back by a draining instance (its finished sections kept)."""
        key = request_key(request, self.chain_names)
        if reuse and resume is None:
            saved = await self.store.find_reusable(key, self.settings.reuse_ttl_s, owner=owner)
            if saved is not None:
                for section in sections_for(request.focus):
                    yield SectionStarted(section=section)
                    yield SectionDone(section=section, provenance=saved.sections[section], kit=saved)
                self.metrics.kit_done(reused=True)
                yield KitDone(kit=saved)
                return
        paintings: list[tuple[str, int]] = []
        made_before = set(resume.sections) if resume is not None else set()  # counted where they were made
        kit_events = stream_kit(
            request, chain=self.chain, fonts=self.fonts, icons=self.icons, painter=self.painter, resume=resume
        )
        try:
            async with contextlib.aclosing(kit_events):  # a consumer that leaves stops the provider calls, paintings
                async for event in kit_events:
                    if isinstance(event, SectionDone) and event.section not in made_before:
                        self.metrics.section_done(event.section, event.provenance)
                    elif isinstance(event, ImagePainted) and event.png is not None:
                        # served from here until the kit is saved: the studio shows it the moment it is painted
                        paintings.append((event.kit.id, event.index))
                        self._fresh[event.kit.id, event.index] = event.png
                    elif isinstance(event, KitDone):
                        await self.store.save(event.kit, request, request_key=key, owner=owner)
                        for kit_id, index in paintings:  # each kept under its concept and its version
                            await keep(self.store, event.kit, index, self._fresh[kit_id, index])
                        self._keep_late(event, request, request_key=key, owner=owner)
                        self.metrics.kit_done(reused=False)
                    yield event
        finally:
            for painted in paintings:
                self._fresh.pop(painted, None)

    def fresh_painting(self, kit_id: str, index: int) -> bytes | None:
        """The painting of a kit still being made (None once it is saved, or for any other kit)."""
        return self._fresh.get((kit_id, index))

    async def generate(self, request: BrandingRequest, *, owner: str, reuse: bool = True) -> BrandKit:
        async for event in self.stream(request, owner=owner, reuse=reuse):
            if isinstance(event, KitDone):
                return event.kit
        raise RuntimeError('the kit stream ended without a kit')

    async def regenerate(
        self, request: BrandingRequest, kit: BrandKit, section: str, *, owner: str, seed: int | None = None
    ) -> SectionDone:
        """A new version of one section (with a fresh seed, or `seed`), saved over the owner's kit (NotOwnerError for
        anyone else's kit); new logo concepts leave alone the symbols of the kit's earlier revisions too."""
        before = kit.model_copy(deep=True)
        shown = await shown_before(self.store, kit, section)
        done = await regenerate_section(
            request, kit, section, chain=self.chain, fonts=self.fonts, icons=self.icons, seed=seed, shown=shown
        )
        settle_choices(before, done.kit)  # a logo chosen or a tagline starred that was made again is chosen no more
        # a new revision of the saved kit, never handed out for reuse (it is no longer what its request alone makes)
        revised = await revise(self.store, done.kit, owner=owner, lever=Lever.REGENERATE, summary=f'New {section}')
        if revised is None:  # deleted meanwhile: saved again, as a kit of its own
            await self.store.save(done.kit, request, request_key=f'edited-{done.kit.id}', owner=owner)
        self.metrics.section_done(done.section, done.provenance)
        return done

    async def repaint(self, kit_id: str, index: int, *, owner: str | None) -> Painting | None:
        """Paint logo concept `index` of a saved kit again with a new seed, kept as a new revision of the kit when it
        paints; the painting says why when it did not (the kit keeps its old one). None when there is no such kit or
        concept; NotOwnerError for another owner's kit (`owner=None` acts for the admin); ImagesOffError when no
        image provider is on."""
        if self.painter is None:
            raise ImagesOffError('no image provider is configured (BRANDSMITH_IMAGES)')
        stored = await self.store.get(kit_id)
        if stored is None or not 0 <= index < len(stored.kit.logos):
            return None
        if owner is not None and stored.owner != owner:
            raise NotOwnerError(f'kit {kit_id} belongs to someone else')
        concept = stored.kit.logos[index]
        palette = palette_of(stored.kit, concept)
        painting = await self.painter.paint(concept.prompt_used, index=index, kit_seed=fresh_seed(), palette=palette)
        if painting.png is None:
            return painting
        async with self._late_lock:  # the same turn as late paintings: each reads the kit the one before it saved
            latest = await self.store.get(kit_id)
            if latest is None or apply_painting(latest.kit, painting) is None:
                return None  # deleted, or its logos made again, meanwhile
            await keep(self.store, latest.kit, index, painting.png)  # the older revisions keep theirs
            summary = f'New painting of logo concept {index + 1}'
            await revise(self.store, latest.kit, owner=owner, lever=Lever.REGENERATE, summary=summary)
        return painting

    def _keep_late(self, done: KitDone, request: BrandingRequest, *, request_key: str, owner: str) -> None:
        """Add each painting that arrives after the kit was saved to the saved kit."""
        for painting in done.late:
            task = asyncio.create_task(self._add_late(painting, done.kit.id, request, request_key, owner))
            self._late[task] = done.kit.id
            task.add_done_callback(lambda finished: self._late.pop(finished, None))

    async def _add_late(
        self, painting: asyncio.Task[Painting], kit_id: str, request: BrandingRequest, request_key: str, owner: str
    ) -> None:
        try:
            painted = await painting
            async with self._late_lock:  # one at a time: each reads the kit the one before it saved
                stored = await self.store.get(kit_id)
                if stored is None or apply_painting(stored.kit, painted) is None:
                    return  # deleted meanwhile, or its logos were made again
                if painted.png is not None:
                    await keep(self.store, stored.kit, painted.index, painted.png)
                await self.store.save(stored.kit, request, request_key=request_key, owner=owner)
        except asyncio.CancelledError:
            raise
        except Exception:  # a painting that cannot be kept must not take the service down
            logger.exception('keeping a late painting of kit %s failed', kit_id)

    async def settle_late(self, kit_id: str | None = None) -> None:
        """Wait until the paintings still under way are added to their saved kit (`kit_id`'s, or every kit's)."""
        waiting = {task for task, kit in self._late.items() if kit_id is None or kit == kit_id}
        if waiting:
            await asyncio.wait(waiting)

    async def close(self) -> None:
        for task in list(self._late):
            task.cancel()
        await asyncio.gather(*self._late, return_exceptions=True)
        if self.painter is not None:
            await self.painter.aclose()
        await self.store.close()
        await self.chain.aclose()
        if self.redis is not None:
            await self.redis.aclose()
        if self.renders is not None:
            self.renders.shutdown(wait=False, cancel_futures=True)


def build_kit_service(settings: Settings) -> KitService:
    """The service the settings describe: its own store, provider clients, circuit breakers, rate limiter, font
    library and icon set.

    Opens (and migrates) the store synchronously: call it at start-up or from a worker thread. With REDIS_URL the
    budgets per client and the circuit breakers are kept in Redis, shared by every instance; without it, in this
    process."""
    redis = connect(settings.redis_url) if settings.redis_url else None
    metrics = Metrics()
    providers = build_providers(settings)
    chain = ProviderChain(providers, settings, observer=metrics, breakers=shared_breakers(settings, providers, redis))
    metrics.watch_breakers(chain)
    painter = build_painter(settings, redis=redis, observer=metrics)
    if painter is not None:
        metrics.watch_image_breakers(painter)
    return KitService(
        settings=settings,
        store=open_store(settings),
        chain=chain,
        fonts=FontLibrary(root=settings.fonts_dir),
        icons=IconLibrary(root=settings.icons_dir),
        limiter=limiter_for('kits', settings.rate_limit_per_minute, redis),
        page_limiter=limiter_for('pages', settings.page_rate_limit_per_minute, redis),
        redis=redis,
        metrics=metrics,
        painter=painter,
        handover=Handover(drafts=drafts_for(redis, settings.data_dir), drain=Drain(budget_s=settings.drain_s)),
        renders=render_pool(),
        clients=ClientResolver.from_setting(settings.trusted_proxies),
        access=ApiAccess.from_settings(
            tokens=settings.api_tokens.get_secret_value() if settings.api_tokens else '',
            tokens_file=settings.api_tokens_file,
            admin_token=settings.admin_token.get_secret_value() if settings.admin_token else None,
        ),
    )


def limiter_for(name: str, per_minute: int, redis: Redis | None) -> RateLimit:
    """A budget of `per_minute` per client, in Redis under `name` when there is one, else in this process."""
    if redis is None:
        return RateLimiter(per_minute=per_minute)
    return RedisRateLimiter(redis=redis, name=name, per_minute=per_minute)


def shared_breakers(settings: Settings, providers: Sequence[Provider], redis: Redis | None) -> RedisBreakers | None:
    """The providers' circuit breakers in Redis when there is one; None leaves them to the chain, in this process."""
    if redis is None:
        return None
    return RedisBreakers(
        redis=redis,
        providers=[provider.name for provider in providers],
        threshold=settings.breaker_threshold,
        cooldown_s=settings.breaker_cooldown_s,
        trial_lease_s=settings.section_budget_s,
    )
