"""The configured providers, in BRANDSMITH_PROVIDERS order, minus those that cannot work."""

from __future__ import annotations

import logging

from branding.models import OFFLINE_PROVIDER
from branding.providers.base import Provider
from branding.providers.cohere import CohereProvider
from branding.providers.openai_compatible import OpenAICompatibleProvider
from branding.providers.together import TogetherProvider
from branding.settings import Settings

logger = logging.getLogger(__name__)

KNOWN_PROVIDERS = ('together', 'cohere', 'openai_compatible', OFFLINE_PROVIDER)
_ALIASES = {'openai-compatible': 'openai_compatible', 'openai_compat': 'openai_compatible'}


def build_providers(settings: Settings) -> list[Provider]:
    """The network providers to try, in order. 'offline' is left to the orchestrator, which always has it last."""
    providers: list[Provider] = []
    skipped: list[str] = []
    seen: set[str] = set()
    for configured in settings.provider_order:
        name = _ALIASES.get(configured, configured)
        if name not in KNOWN_PROVIDERS:
            raise ValueError(
                f'Unknown provider {configured!r} in BRANDSMITH_PROVIDERS; known: {", ".join(KNOWN_PROVIDERS)}'
            )
        if name == OFFLINE_PROVIDER or name in seen:
            continue
        seen.add(name)
        provider = _build(name, settings, skipped)
        if provider is not None:
            providers.append(provider)
    active = ', '.join(f'{provider.name} ({provider.model})' for provider in providers) or 'none'
    logger.info('Chat providers: %s%s', active, f'; skipped: {"; ".join(skipped)}' if skipped else '')
    return providers


def _build(name: str, settings: Settings, skipped: list[str]) -> Provider | None:
    timeout_s = settings.call_timeout_s
    if name == 'together':
        if not settings.together_api_key or not settings.together_api_key.get_secret_value():
            skipped.append('together (no TOGETHER_API_KEY)')
            return None
        return TogetherProvider(
            api_key=settings.together_api_key,
            model=settings.together_model,
            base_url=settings.together_base_url,
            timeout_s=timeout_s,
        )
    if name == 'cohere':
        if not settings.cohere_api_key or not settings.cohere_api_key.get_secret_value():
            skipped.append('cohere (no COHERE_API_KEY)')
            return None
        return CohereProvider(
            api_key=settings.cohere_api_key,
            model=settings.cohere_model,
            base_url=settings.cohere_base_url,
            timeout_s=timeout_s,
        )
    if not settings.openai_compat_base_url:
        skipped.append('openai_compatible (no OPENAI_COMPAT_BASE_URL)')
        return None
    return OpenAICompatibleProvider(
        base_url=settings.openai_compat_base_url,
        api_key=settings.openai_compat_api_key,
        model=settings.openai_compat_model,
        timeout_s=timeout_s,
    )
