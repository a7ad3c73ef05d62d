"""How long the brand in use takes to draw: `python -m bench.mockups`.

Over very different corpus companies (bench/corpus.py), offline kits of 3 variations: the brand board drawn and
rendered cold (a fresh kit revision) and again (cached), every mockup as PNG and SVG (the mockups archive, cold), its
size, and the slowest drawing. `--out DIR` also writes each company's board and a contact sheet of its mockups, to
judge by eye.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import statistics
import time
from pathlib import Path

from PIL import Image

from bench.corpus import corpus_profiles
from branding.design.font_files import FontLibrary
from branding.design.inuse import in_use
from branding.design.symbols.icon_set import IconLibrary
from branding.exports.inuse import IN_USE, board_png, mockups_zip, render
from branding.models import BrandingRequest, BrandKit
from branding.orchestrator import generate_kit
from branding.settings import Settings

DEFAULT_COMPANIES = (2, 4, 5, 6, 8, 11)  # a toy brand, a luxury house, Japanese, Arabic, a 100-character name, devtools
SHEET_WIDTH = 1600
CELL = 520


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def contact_sheet(kit: BrandKit, fonts: FontLibrary) -> Image.Image:
    """Every mockup scaled into a cell of a grid, three to a row."""
    ctx = in_use(kit, fonts)
    cells = []
    for mockup in IN_USE.values():
        png = render(mockup.draw(ctx).svg(printed=False), mockup, width=CELL)
        image = Image.open(io.BytesIO(png)).convert('RGB')
        image.thumbnail((CELL, CELL))
        cells.append(image)
    rows = [cells[index : index + 3] for index in range(0, len(cells), 3)]
    sheet = Image.new('RGB', (3 * (CELL + 10), sum(max(c.height for c in row) + 10 for row in rows)), '#9ca3af')
    y = 0
    for row in rows:
        for column, cell in enumerate(row):
            sheet.paste(cell, (column * (CELL + 10), y))
        y += max(cell.height for cell in row) + 10
    return sheet


async def _kits(companies: tuple[int, ...], fonts: FontLibrary, icons: IconLibrary) -> list[BrandKit]:
    profiles = corpus_profiles()
    return [
        await generate_kit(
            BrandingRequest(company_profile=profiles[number], num_variations=3, seed=1), fonts=fonts, icons=icons
        )
        for number in companies
    ]


def measure(companies: tuple[int, ...], out: Path | None) -> None:
    settings = Settings()
    fonts, icons = FontLibrary(root=settings.fonts_dir), IconLibrary(root=settings.icons_dir)
    kits = asyncio.run(_kits(companies, fonts, icons))
    boards, cached, sets, sizes = [], [], [], []
    for number, kit in zip(companies, kits, strict=True):
        started = time.perf_counter()
        board = board_png(kit, fonts)
        boards.append(_ms(started))
        started = time.perf_counter()
        board_png(kit, fonts)
        cached.append(_ms(started))
        started = time.perf_counter()
        archive = mockups_zip(kit, fonts)
        sets.append(_ms(started))
        sizes.append(len(archive))
        print(
            f'{kit.company_name[:40]:40}  board {boards[-1]:6.0f} ms (cached {cached[-1]:.2f} ms)  '
            f'all {len(IN_USE)} drawings PNG+SVG {sets[-1]:6.0f} ms  zip {len(archive) / 1e6:.2f} MB'
        )
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            (out / f'{number:02d}-board.png').write_bytes(board)
            contact_sheet(kit, fonts).save(out / f'{number:02d}-mockups.png')
    print(
        f'median: board {statistics.median(boards):.0f} ms cold, {statistics.median(cached):.2f} ms cached; '
        f'the whole set {statistics.median(sets):.0f} ms; zip {statistics.median(sizes) / 1e6:.2f} MB'
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--companies', type=int, nargs='*', default=list(DEFAULT_COMPANIES), help='corpus indices')
    parser.add_argument('--out', type=Path, default=None, help='write boards and contact sheets here')
    arguments = parser.parse_args()
    measure(tuple(arguments.companies), arguments.out)


if __name__ == '__main__':
    main()
