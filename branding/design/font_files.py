"""Where the installed open-licence font files are (the @fontsource packages from npm, see fonts/package.json)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from branding.settings import get_settings


def fontsource_id(family: str) -> str:
    return re.sub(r'[^a-z0-9]+', '-', family.lower()).strip('-')


def fonts_root() -> Path:
    return get_settings().fonts_dir


@lru_cache(maxsize=512)
def font_file(family: str, weight: int = 400, style: str = 'normal', fmt: str = 'woff2') -> Path | None:
    """The latin-subset file of `family` at `weight`, or None when it is not installed."""
    font_id = fontsource_id(family)
    path = fonts_root() / font_id / 'files' / f'{font_id}-latin-{weight}-{style}.{fmt}'
    return path if path.is_file() else None


def is_installed(family: str) -> bool:
    return (fonts_root() / fontsource_id(family) / 'metadata.json').is_file()
