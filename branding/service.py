"""One place where kits are made for the studio and the API alike: rate limit, reuse, generate, save."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from dataclasses import dataclass
from functools import lru_cache

from branding.chain import ProviderChain
from branding.models import BrandingRequest, BrandKit, SectionName
from branding.orchestrator import (
    KitDone,
    KitEvent,
    SectionDone,
    SectionStarted,
    configured_chain,
    regenerate_section,
    stream_kit,
)
from branding.ratelimit import RateLimiter
from branding.settings import Settings, get_settings
from branding.store import KitStore, open_store, request_key


class RateLimited(Exception):
    def __init__(self, retry_after_s: float) -> None:
        super().__init__(f'rate limited for {retry_after_s:.0f} s')
        self.retry_after_s = retry_after_s


@dataclass(kw_only=True, slots=True)
class KitService:
    settings: Settings
    store: KitStore
    chain: ProviderChain
    limiter: RateLimiter

    @property
    def chain_names(self) -> list[str]:
        # models are part of it: changing a model must not hand back kits the old one wrote
        return [f'{provider.name}:{provider.model}' for provider in self.chain.providers] + ['offline']

    def admit(self, client_key: str) -> None:
        """Count one generation for the client, or raise RateLimited."""
        wait = self.limiter.check(client_key)
        if wait is not None:
            raise RateLimited(wait)

    async def stream(self, request: BrandingRequest, *, reuse: bool = True) -> AsyncGenerator[KitEvent]:
        """The kit's events; the kit is saved before KitDone is yielded, so a finished kit is never lost."""
        key = request_key(request, self.chain_names)
        if reuse:
            saved = await self.store.find_reusable(key, self.settings.reuse_ttl_s)
            if saved is not None:
                for section in request.sections:
                    yield SectionStarted(section=section)
                    yield SectionDone(section=section, provenance=saved.sections[section], kit=saved)
                yield KitDone(kit=saved)
                return
        async for event in stream_kit(request, chain=self.chain):
            if isinstance(event, KitDone):
                await self.store.save(event.kit, request, request_key=key)
            yield event

    async def generate(self, request: BrandingRequest, *, reuse: bool = True) -> BrandKit:
        async for event in self.stream(request, reuse=reuse):
            if isinstance(event, KitDone):
                return event.kit
        raise RuntimeError('the kit stream ended without a kit')

    async def regenerate(self, request: BrandingRequest, kit: BrandKit, section: SectionName) -> SectionDone:
        done = await regenerate_section(request, kit, section, chain=self.chain)
        # an edited kit is no longer what its request alone would make, so it is never handed out for reuse
        await self.store.save(done.kit, request, request_key=f'edited-{done.kit.id}')
        return done

    async def close(self) -> None:
        await self.store.close()
        await self.chain.aclose()


@lru_cache
def kit_service() -> KitService:
    settings = get_settings()
    return KitService(
        settings=settings,
        store=open_store(settings),
        chain=configured_chain(),
        limiter=RateLimiter(per_minute=settings.rate_limit_per_minute),
    )


async def close_kit_service() -> None:
    """Close the store and provider clients; a later kit_service() call opens fresh ones (tests restart the app)."""
    if kit_service.cache_info().currsize:
        await kit_service().close()
    kit_service.cache_clear()
    configured_chain.cache_clear()
