"""The offline kit's time beside another commit's, on this machine now: `python -m bench.kit_time --against REV`.

A machine's speed drifts from hour to hour (another process, a throttled host), so a kit's milliseconds mean little
next to a figure measured another day. This times the corpus (bench/corpus.json) x seeds as offline kits of 3
variations, in a fresh process per round, alternating between the working tree and a temporary git worktree of REV
(its fonts and icons are this checkout's), and prints each side's median wall and CPU milliseconds per kit, their
ratios and how many kits the two draw byte for byte the same (ids, times and provenance left out; a field only one
side has is left out too). Without `--against` it times the working tree alone.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / 'bench' / 'corpus.json'
VARIATIONS = 3
TARGET_MS = 100.0  # the offline kit of 3 variations, median (issue 13)
VOLATILE = {'id', 'generated_at', 'generation_time_seconds', 'sections'}
FONTS = ROOT / 'fonts' / 'node_modules' / '@fontsource'  # as Settings has them, for a worktree without node_modules
ICONS = ROOT / 'icons' / 'node_modules' / '@tabler' / 'icons'


@dataclass(kw_only=True, slots=True)
class Side:
    name: str
    wall_ms: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)
    kits: dict[str, dict[str, Any]] = field(default_factory=dict)


def _comparable(document: dict[str, Any], fields: set[str]) -> str:
    """The kit's JSON without what one side has and the other not (a new field), hashed."""
    trimmed = {key: value for key, value in document.items() if key not in fields}
    trimmed['logos'] = [
        {key: value for key, value in logo.items() if key not in fields} for logo in document.get('logos', [])
    ]
    return hashlib.sha256(json.dumps(trimmed, sort_keys=True).encode()).hexdigest()


async def _time_here(seeds: int) -> dict[str, Any]:
    """Run in the measured process, whose tree is first on the path: every kit's wall and CPU time, and its JSON.
    Imported here, so the branding package is the measured tree's (a baseline may predate this script)."""
    from branding.design.font_files import FontLibrary  # noqa: PLC0415
    from branding.design.symbols.icon_set import IconLibrary  # noqa: PLC0415
    from branding.models import BrandingRequest, CompanyProfile  # noqa: PLC0415
    from branding.orchestrator import generate_kit  # noqa: PLC0415
    from branding.settings import Settings  # noqa: PLC0415

    settings = Settings()
    fonts, icons = FontLibrary(root=settings.fonts_dir), IconLibrary(root=settings.icons_dir)
    profiles = [CompanyProfile.model_validate(entry) for entry in json.loads(CORPUS.read_text(encoding='utf-8'))]
    warm = BrandingRequest(company_profile=profiles[0], num_variations=VARIATIONS, seed=0)
    await generate_kit(warm, fonts=fonts, icons=icons)  # the icon index, fonts and colour tables, once
    rows = []
    for seed in range(1, seeds + 1):
        for index, profile in enumerate(profiles):
            request = BrandingRequest(company_profile=profile, num_variations=VARIATIONS, seed=seed)
            wall, cpu = time.perf_counter(), time.process_time()
            kit = await generate_kit(request, fonts=fonts, icons=icons)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            document = kit.model_dump(mode='json', exclude=VOLATILE)
            rows.append({'key': f'{seed}:{index}', 'wall': wall * 1000, 'cpu': cpu * 1000, 'kit': document})
    return {'rows': rows}


def _round(side: Side, root: Path, seeds: int) -> None:
    """One round in a fresh process measuring the tree at `root` (its fonts and icons this checkout's)."""
    env = os.environ | {'BRANDSMITH_FONTS_DIR': str(FONTS), 'BRANDSMITH_ICONS_DIR': str(ICONS)}
    command = [sys.executable, str(Path(__file__).resolve()), '--measure', str(root), '--seeds', str(seeds)]
    finished = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=True)
    for row in json.loads(finished.stdout)['rows']:
        side.wall_ms.append(row['wall'])
        side.cpu_ms.append(row['cpu'])
        side.kits[row['key']] = row['kit']


def _worktree(rev: str, folder: Path) -> Path:
    path = folder / 'baseline'
    subprocess.run(['git', '-C', str(ROOT), 'worktree', 'add', '--detach', '-q', str(path), rev], check=True)
    return path


def _remove_worktree(path: Path) -> None:
    subprocess.run(['git', '-C', str(ROOT), 'worktree', 'remove', '--force', str(path)], check=False)


def _line(label: str, value: str) -> None:
    print(f'{label:<44}{value:>14}')


def report(sides: list[Side]) -> None:
    print(f'offline kits of {VARIATIONS} variations over the corpus, load average {os.getloadavg()[0]:.2f}')
    for side in sides:
        _line(f'{side.name}: median wall ms per kit', f'{statistics.median(side.wall_ms):.1f}')
        _line(f'{side.name}: median CPU ms per kit', f'{statistics.median(side.cpu_ms):.1f}')
        _line(f'{side.name}: p90 wall ms per kit', f'{statistics.quantiles(side.wall_ms, n=10)[-1]:.1f}')
    current = sides[0]
    _line('ratio to the target (median wall)', f'{statistics.median(current.wall_ms) / TARGET_MS:.2f}')
    if len(sides) == 1:
        return
    baseline = sides[1]
    _line(
        'wall, this tree / baseline', f'{statistics.median(current.wall_ms) / statistics.median(baseline.wall_ms):.2f}x'
    )
    _line('CPU, this tree / baseline', f'{statistics.median(current.cpu_ms) / statistics.median(baseline.cpu_ms):.2f}x')
    first = next(iter(current.kits.values()))
    other = next(iter(baseline.kits.values()))
    only_one = (set(first) ^ set(other)) | (
        set(first['logos'][0]) ^ set(other['logos'][0]) if first['logos'] else set()
    )
    same = sum(
        _comparable(kit, only_one) == _comparable(baseline.kits[key], only_one) for key, kit in current.kits.items()
    )
    _line('kits drawn the same (byte for byte)', f'{same}/{len(current.kits)}')
    if only_one:
        print(f'(left out, as one side has them only: {", ".join(sorted(only_one))})')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--against', metavar='REV', help='a commit to time side by side (a temporary worktree)')
    parser.add_argument('--rounds', type=int, default=3, help='rounds per side, alternating (default 3)')
    parser.add_argument('--seeds', type=int, default=3, help='seeds per company in a round (default 3)')
    parser.add_argument('--measure', metavar='TREE', help=argparse.SUPPRESS)  # a round's own process
    args = parser.parse_args()
    if args.measure:
        sys.path.insert(0, args.measure)
        print(json.dumps(asyncio.run(_time_here(args.seeds))))
        return
    current = Side(name='this tree')
    baseline = Side(name=f'baseline {args.against}') if args.against else None
    with tempfile.TemporaryDirectory() as folder:
        tree = _worktree(args.against, Path(folder)) if args.against else None
        try:
            for _ in range(args.rounds):
                _round(current, ROOT, args.seeds)
                if baseline is not None and tree is not None:
                    _round(baseline, tree, args.seeds)
        finally:
            if tree is not None:
                _remove_worktree(tree)
    report([current] if baseline is None else [current, baseline])


if __name__ == '__main__':
    main()
