"""Where the installed open-licence font files are (the @fontsource packages from npm, see fonts/package.json).

The design engine never looks the folder up itself: whoever composes the app builds one `FontLibrary` from its settings
and hands it down, so a test can point the engine at any folder (an empty one is a server without fonts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


def fontsource_id(family: str) -> str:
    return re.sub(r'[^a-z0-9]+', '-', family.lower()).strip('-')


@lru_cache(maxsize=1024)
def _installed_file(root: Path, family: str, weight: int, style: str, fmt: str) -> Path | None:
    # A mark asks again for every line it sets (hundreds a kit), and installed files only change when the server is
    # set up again; keyed by the folder as well, so a library elsewhere never gets another one's answer.
    font_id = fontsource_id(family)
    path = root / font_id / 'files' / f'{font_id}-latin-{weight}-{style}.{fmt}'
    return path if path.is_file() else None


@dataclass(kw_only=True, slots=True, frozen=True)
class FontLibrary:
    """The font files installed in `root`: one @fontsource package per family (`<root>/<id>/files/...`), and beside
    the @fontsource folder the other npm scopes installed with it (the brand book's script fonts)."""

    root: Path

    def package(self, family: str) -> Path:
        """The folder of `family`'s package, whether or not it is installed."""
        return self.root / fontsource_id(family)

    def file(self, family: str, weight: int = 400, style: str = 'normal', fmt: str = 'woff2') -> Path | None:
        """The latin-subset file of `family` at `weight`, or None when it is not installed."""
        return _installed_file(self.root, family, weight, style, fmt)

    def is_installed(self, family: str) -> bool:
        return (self.package(family) / 'metadata.json').is_file()

    def scope(self, name: str) -> Path:
        """The folder of the npm scope `name` (e.g. '@expo-google-fonts') installed beside the @fontsource one."""
        return self.root.parent / name
