"""The image providers this instance can use, in order: a table like the export formats, one row per backend."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from redis.asyncio import Redis

from branding.images.base import ImageProvider
from branding.images.openai_images import OpenAICompatibleImages
from branding.images.painter import Painter, PaintingObserver, breaker_name
from branding.images.together_images import TogetherImages
from branding.redis_state import RedisBreakers
from branding.settings import Settings

logger = logging.getLogger(__name__)


@dataclass(kw_only=True, slots=True, frozen=True)
class ImageBackend:
    name: str
    needs: str  # the setting that turns it on, for the start-up log
    configured: Callable[[Settings], bool]
    build: Callable[[Settings], ImageProvider]


def _together_ready(settings: Settings) -> bool:
    return bool(settings.together_api_key and settings.together_api_key.get_secret_value())


def _together(settings: Settings) -> ImageProvider:
    assert settings.together_api_key is not None
    return TogetherImages(
        api_key=settings.together_api_key,
        model=settings.together_image_model,
        base_url=settings.together_base_url,
        timeout_s=settings.image_timeout_s,
    )


def _openai_ready(settings: Settings) -> bool:
    return bool(settings.openai_compat_base_url and settings.openai_compat_image_model)


def _openai(settings: Settings) -> ImageProvider:
    assert settings.openai_compat_base_url is not None and settings.openai_compat_image_model is not None
    return OpenAICompatibleImages(
        base_url=settings.openai_compat_base_url,
        api_key=settings.openai_compat_api_key,
        model=settings.openai_compat_image_model,
        timeout_s=settings.image_timeout_s,
    )


IMAGE_BACKENDS: dict[str, ImageBackend] = {
    'together': ImageBackend(name='together', needs='TOGETHER_API_KEY', configured=_together_ready, build=_together),
    'openai_compatible': ImageBackend(
        name='openai_compatible',
        needs='OPENAI_COMPAT_BASE_URL and OPENAI_COMPAT_IMAGE_MODEL',
        configured=_openai_ready,
        build=_openai,
    ),
}


def build_image_providers(settings: Settings) -> list[ImageProvider]:
    """The image providers to try, in table order; none with BRANDSMITH_IMAGES=off or when none is configured."""
    if settings.images == 'off':
        logger.info('Image providers: off (BRANDSMITH_IMAGES=off)')
        return []
    providers = [backend.build(settings) for backend in IMAGE_BACKENDS.values() if backend.configured(settings)]
    skipped = [
        f'{backend.name} (no {backend.needs})'
        for backend in IMAGE_BACKENDS.values()
        if not backend.configured(settings)
    ]
    active = ', '.join(f'{provider.name} ({provider.model})' for provider in providers) or 'none'
    logger.info('Image providers: %s%s', active, f'; skipped: {"; ".join(skipped)}' if skipped else '')
    return providers


def build_painter(
    settings: Settings, *, redis: Redis | None = None, observer: PaintingObserver | None = None
) -> Painter | None:
    """The painter the settings describe, or None when no image provider is on. With `redis` (REDIS_URL) its circuit
    breakers are shared by every instance, as the chat providers' are."""
    providers = build_image_providers(settings)
    if not providers:
        return None
    shared = (
        RedisBreakers(
            redis=redis,
            providers=[breaker_name(provider) for provider in providers],
            threshold=settings.breaker_threshold,
            cooldown_s=settings.breaker_cooldown_s,
            trial_lease_s=2 * settings.image_timeout_s + settings.retry_after_cap_s,  # a call, its retry and the wait
        )
        if redis is not None
        else None
    )
    return Painter(
        providers=providers,
        size=settings.image_size,
        timeout_s=settings.image_timeout_s,
        retry_after_cap_s=settings.retry_after_cap_s,
        budget_s=settings.section_budget_s,
        breaker_threshold=settings.breaker_threshold,
        breaker_cooldown_s=settings.breaker_cooldown_s,
        breakers=shared,
        price_per_mp=settings.image_price,
        observer=observer,
    )
