"""Every setting, read once from the environment (and `.env`)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def public_base_url(value: str) -> str:
    """`value` as the base of absolute URLs to this server: http(s), a host, a path at most (a trailing slash
    dropped); ValueError saying what is wrong otherwise."""
    url = value.strip().rstrip('/')
    try:
        parts = urlsplit(url)
        absolute = parts.scheme.lower() in {'http', 'https'} and bool(parts.hostname) and parts.port != 0
    except ValueError:  # an unclosed [IPv6] or a port out of range
        absolute = False
    if not absolute:
        raise ValueError('must be an absolute http:// or https:// URL with a host, like https://brand.example')
    if '?' in url or '#' in url:
        raise ValueError('must have no query (?...) or fragment (#...): paths are added to it')
    if '@' in parts.netloc or any(char.isspace() or not char.isprintable() for char in url):
        raise ValueError('must have no user name, password, spaces or control characters')
    return url


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file='.env', env_file_encoding='utf-8', extra='ignore')

    host: str = Field(default='127.0.0.1', validation_alias='HOST')
    port: int = Field(default=8080, ge=1, le=65535, validation_alias='PORT')
    data_dir: Path = Field(default=Path('data'), validation_alias='BRANDSMITH_DATA_DIR')
    dev: bool = Field(default=False, validation_alias='BRANDSMITH_DEV')
    storage_secret: SecretStr | None = Field(default=None, validation_alias='BRANDSMITH_STORAGE_SECRET')
    fonts_dir: Path = Field(
        default=PROJECT_ROOT / 'fonts' / 'node_modules' / '@fontsource', validation_alias='BRANDSMITH_FONTS_DIR'
    )
    icons_dir: Path = Field(
        default=PROJECT_ROOT / 'icons' / 'node_modules' / '@tabler' / 'icons', validation_alias='BRANDSMITH_ICONS_DIR'
    )

    database_url: str | None = Field(default=None, validation_alias='DATABASE_URL')
    database_pool_size: int = Field(default=10, ge=1, validation_alias='BRANDSMITH_DATABASE_POOL_SIZE')
    redis_url: str | None = Field(default=None, validation_alias='REDIS_URL')
    metrics_port: int | None = Field(default=None, ge=1, le=65535, validation_alias='BRANDSMITH_METRICS_PORT')
    log_format: Literal['text', 'json'] = Field(default='text', validation_alias='BRANDSMITH_LOG_FORMAT')
    drain_s: int = Field(default=3, ge=0, le=3600, validation_alias='BRANDSMITH_DRAIN_S')
    reuse_ttl_s: float = Field(default=3600.0, ge=0, validation_alias='BRANDSMITH_REUSE_TTL')
    rate_limit_per_minute: int = Field(default=10, ge=0, validation_alias='BRANDSMITH_RATE_LIMIT')
    page_rate_limit_per_minute: int = Field(default=120, ge=0, validation_alias='BRANDSMITH_PAGE_RATE_LIMIT')
    max_body_bytes: int = Field(default=64 * 1024, ge=1024, validation_alias='BRANDSMITH_MAX_BODY_BYTES')
    cors_origins: str = Field(default='', validation_alias='BRANDSMITH_CORS_ORIGINS')
    trusted_proxies: str = Field(default='', validation_alias='BRANDSMITH_TRUSTED_PROXIES')
    api_tokens: SecretStr | None = Field(default=None, validation_alias='BRANDSMITH_API_TOKENS')
    api_tokens_file: Path | None = Field(default=None, validation_alias='BRANDSMITH_API_TOKENS_FILE')
    admin_token: SecretStr | None = Field(default=None, validation_alias='BRANDSMITH_ADMIN_TOKEN')
    # where people reach this server ('https://brand.example'): the exports' email signature shows its logo from there
    public_url: str | None = Field(default=None, validation_alias='BRANDSMITH_PUBLIC_URL')

    providers: str = Field(default='together,cohere,offline', validation_alias='BRANDSMITH_PROVIDERS')

    together_api_key: SecretStr | None = Field(default=None, validation_alias='TOGETHER_API_KEY')
    together_model: str = Field(default='mistralai/Mixtral-8x7B-Instruct-v0.1', validation_alias='TOGETHER_MODEL')
    together_base_url: str | None = Field(default=None, validation_alias='TOGETHER_BASE_URL')

    cohere_api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices('COHERE_API_KEY', 'CO_API_KEY')
    )
    cohere_model: str = Field(default='command-r-plus-08-2024', validation_alias='COHERE_MODEL')
    cohere_base_url: str | None = Field(default=None, validation_alias='COHERE_BASE_URL')

    openai_compat_base_url: str | None = Field(default=None, validation_alias='OPENAI_COMPAT_BASE_URL')
    openai_compat_api_key: SecretStr | None = Field(default=None, validation_alias='OPENAI_COMPAT_API_KEY')
    openai_compat_model: str = Field(default='llama3.1', validation_alias='OPENAI_COMPAT_MODEL')

    images: Literal['auto', 'off'] = Field(default='auto', validation_alias='BRANDSMITH_IMAGES')
    image_size: int = Field(default=1024, ge=256, le=2048, multiple_of=64, validation_alias='BRANDSMITH_IMAGE_SIZE')
    image_timeout_s: float = Field(default=60.0, gt=0, validation_alias='BRANDSMITH_IMAGE_TIMEOUT')
    together_image_model: str = Field(
        default='black-forest-labs/FLUX.1-schnell', validation_alias='TOGETHER_IMAGE_MODEL'
    )
    openai_compat_image_model: str | None = Field(default=None, validation_alias='OPENAI_COMPAT_IMAGE_MODEL')
    # US dollars a megapixel painted (FLUX.1 [schnell] on Together lists $0.0027); 0 for a server that charges nothing
    image_price: float = Field(default=0.0027, ge=0, le=10, validation_alias='BRANDSMITH_IMAGE_PRICE')

    call_timeout_s: float = Field(default=20.0, gt=0, validation_alias='BRANDSMITH_CALL_TIMEOUT')
    section_budget_s: float = Field(default=45.0, gt=0, validation_alias='BRANDSMITH_SECTION_BUDGET')
    retry_after_cap_s: float = Field(default=5.0, ge=0, validation_alias='BRANDSMITH_RETRY_AFTER_CAP')
    breaker_threshold: int = Field(default=3, ge=1, validation_alias='BRANDSMITH_BREAKER_THRESHOLD')
    breaker_cooldown_s: float = Field(default=60.0, ge=0, validation_alias='BRANDSMITH_BREAKER_COOLDOWN')

    @field_validator('public_url')
    @classmethod
    def _public_url(cls, value: str | None) -> str | None:
        return public_base_url(value) if value and value.strip() else None

    @property
    def cors_origin_list(self) -> list[str]:
        return [origin.strip() for origin in self.cors_origins.split(',') if origin.strip()]

    @property
    def provider_order(self) -> list[str]:
        return [name.strip().lower() for name in self.providers.split(',') if name.strip()]
