"""The studio's front-end assets, built ahead of time (`make assets`) rather than in every visitor's browser.

Two files come out of `assets/`: `studio.css`, the Tailwind utilities the UI code names, compiled by the Tailwind CLI
(otherwise NiceGUI compiles them in the browser on every page load), and `icons.js`, the Material Icons the UI and
Quasar's own controls use as SVG paths (otherwise the browser downloads a 128 KB icon font before it can draw a form).

Both are stamped with a digest of everything they were made from: the input stylesheet, the npm lock, NiceGUI's version
(Quasar's icon set) and the files the stylesheet's `@source` lines name. A build whose stamp differs from the sources on
disk may lack classes or icons added since, so it is not used: the app then falls back to NiceGUI's in-browser Tailwind
and icon font, slower to first paint but right.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

import nicegui

ASSETS_DIR = Path(__file__).resolve().parent.parent / 'assets'

SOURCE_LINE = re.compile(r'^@source\s+"(?P<path>[^"]+)"\s*;', re.MULTILINE)
STAMP = re.compile(r'\A/\* brandsmith sources (?P<digest>[0-9a-f]{64}) \*/\n')
# Tailwind scans every file under a source directory; the UI code is Python, and caches are not sources
SOURCE_SUFFIXES = ('.py',)


@dataclass(frozen=True, kw_only=True, slots=True)
class AssetBuild:
    folder: Path = ASSETS_DIR

    @property
    def input_css(self) -> Path:
        return self.folder / 'studio.css'

    @property
    def lock(self) -> Path:
        return self.folder / 'package-lock.json'

    @property
    def stylesheet(self) -> Path:
        return self.folder / 'dist' / 'studio.css'

    @property
    def icons(self) -> Path:
        return self.folder / 'dist' / 'icons.js'

    def source_files(self) -> list[Path]:
        files: list[Path] = []
        for match in SOURCE_LINE.finditer(self.input_css.read_text(encoding='utf-8')):
            source = (self.folder / match['path']).resolve()
            if source.is_dir():
                files.extend(sorted(path for path in source.rglob('*') if path.suffix in SOURCE_SUFFIXES))
            elif source.is_file():
                files.append(source)
        return files

    def source_digest(self) -> str:
        digest = hashlib.sha256(f'nicegui {nicegui.__version__}\0'.encode())
        for path in (self.input_css, self.lock, *self.source_files()):
            content = path.read_bytes() if path.is_file() else b''
            digest.update(f'{os.path.relpath(path, self.folder)}\0{len(content)}\0'.encode())
            digest.update(content)
        return digest.hexdigest()

    def current_digest(self) -> str | None:
        """The digest of the built files when both match the sources on disk, else None."""
        stamps = {stamp_of(self.stylesheet), stamp_of(self.icons)}
        if len(stamps) != 1 or None in stamps:
            return None
        (digest,) = stamps
        return digest if digest == self.source_digest() else None


def stamped(content: str, digest: str) -> str:
    return f'/* brandsmith sources {digest} */\n{content}'


def stamp_of(path: Path) -> str | None:
    if not path.is_file():
        return None
    with path.open(encoding='utf-8') as file:
        match = STAMP.match(file.readline())
    return match['digest'] if match else None
