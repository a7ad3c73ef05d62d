"""The font library tests draw with: the files `make fonts` installs, where the app's settings find them.

Built here once, as app.py builds the app's: a test that needs other fonts (none at all, say) builds its own
`FontLibrary` on a folder of its own instead of changing this one.
"""

from __future__ import annotations

from branding.design.font_files import FontLibrary
from branding.settings import Settings

INSTALLED_FONTS = FontLibrary(root=Settings().fonts_dir)
