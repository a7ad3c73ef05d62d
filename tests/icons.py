"""The icon set tests choose symbols from: the one `make icons` installs (icons/node_modules/@tabler/icons).

Built here once, as the fonts are in tests/fonts.py: a test that needs no icon set (or another one) builds its own
`IconLibrary` on a folder of its own instead of changing this one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from branding.design.symbols.icon_set import IconLibrary

PROJECT_ROOT = Path(__file__).resolve().parent.parent
INSTALLED_ICONS = IconLibrary(root=PROJECT_ROOT / 'icons' / 'node_modules' / '@tabler' / 'icons')

needs_icons = pytest.mark.skipif(
    not INSTALLED_ICONS.is_installed, reason=f'{INSTALLED_ICONS.problem} (make icons, or npm ci in icons/)'
)
