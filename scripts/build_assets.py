"""Builds assets/dist/studio.css (Tailwind CLI) and assets/dist/icons.js (Material Icons as SVG paths), both stamped.

Run by `make assets` (and so by `make run` and `make test`). Without the npm packages (no npm on the machine) it says
so and builds nothing: the app then uses NiceGUI's in-browser Tailwind and icon font, which look the same but paint
later.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import nicegui

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from components.assets import AssetBuild, stamped

BUILD = AssetBuild()
TAILWIND_CLI = BUILD.folder / 'node_modules' / '.bin' / 'tailwindcss'
MATERIAL_ICONS = BUILD.folder / 'node_modules' / '@quasar' / 'extras' / 'exports' / 'material-icons' / 'index.js'
QUASAR_UMD = Path(nicegui.__file__).parent / 'static' / 'quasar.umd.prod.js'

ICON_EXPORT = re.compile(r"^export const mat(?P<name>\w+) = '(?P<path>[^']*)'$", re.MULTILINE)
# Quasar's default icon set: the names its own controls draw (the select's arrow, a chip's remove button, ...)
QUASAR_ICON_SET = re.compile(r'name:"material-icons",(?P<body>.*?)\};')
QUOTED_NAME = re.compile(r"""['"](?P<name>[a-z0-9_]+)['"]""")


def snake_case(export_name: str) -> str:
    """`DarkMode` -> `dark_mode`, `Looks3` -> `looks_3`: the ligature names the icon font uses."""
    return re.sub(r'(?<!^)(?=[A-Z])|(?<=[a-z])(?=[0-9])', '_', export_name).lower()


def material_icon_paths() -> dict[str, str]:
    source = MATERIAL_ICONS.read_text(encoding='utf-8')
    return {snake_case(match['name']): match['path'] for match in ICON_EXPORT.finditer(source)}


def quasar_icon_names() -> set[str]:
    match = QUASAR_ICON_SET.search(QUASAR_UMD.read_text(encoding='utf-8'))
    if match is None:
        raise SystemExit(f"Quasar's material-icons set is not in {QUASAR_UMD}: has NiceGUI changed its Quasar build?")
    return set(re.findall(r':"([a-z0-9_]+)"', match['body']))


def source_icon_names(known: set[str]) -> set[str]:
    """Every quoted word in the UI sources that names an icon, as Tailwind finds classes: dynamic choices included."""
    names: set[str] = set()
    for path in BUILD.source_files():
        names.update(match['name'] for match in QUOTED_NAME.finditer(path.read_text(encoding='utf-8')))
    return names & known


def icons_script(paths: dict[str, str]) -> str:
    return (
        '/* Material Icons by Google (Apache-2.0), as SVG paths from @quasar/extras. Quasar draws these names as\n'
        '   inline SVG, so the icon font is not downloaded; a name missing here still comes from the font. */\n'
        'Quasar.IconSet.iconMapFn = ((paths) => (name) => (name in paths ? { icon: paths[name] } : undefined))(\n'
        f'{json.dumps(paths, indent=0, sort_keys=True)}\n);\n'
    )


def tailwind_css() -> str:
    with tempfile.TemporaryDirectory() as work:
        output = Path(work) / 'studio.css'
        subprocess.run(
            [str(TAILWIND_CLI), '--input', str(BUILD.input_css), '--output', str(output), '--minify'],
            check=True,
            cwd=BUILD.folder,
            capture_output=True,
        )
        return output.read_text(encoding='utf-8')


def write_atomically(path: Path, content: str) -> None:
    """Written beside the target and renamed, so a running server never reads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix('.partial')
    partial.write_text(content, encoding='utf-8')
    partial.replace(path)


def main() -> int:
    if not TAILWIND_CLI.exists() or not MATERIAL_ICONS.exists():
        print(
            "assets/node_modules is not installed: browsers will compile the studio's styles and load the icon font "
            'themselves. Install Node.js (which brings npm) and run `make assets` for the faster prebuilt assets.',
            file=sys.stderr,
        )
        return 0
    digest = BUILD.source_digest()
    available = material_icon_paths()
    wanted = quasar_icon_names() | source_icon_names(set(available))
    paths = {name: available[name] for name in sorted(wanted) if name in available}
    write_atomically(BUILD.icons, stamped(icons_script(paths), digest))
    write_atomically(BUILD.stylesheet, stamped(tailwind_css(), digest))
    for path in (BUILD.stylesheet, BUILD.icons):
        print(f'assets: {path.relative_to(BUILD.folder.parent)} ({path.stat().st_size // 1024} KiB)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
