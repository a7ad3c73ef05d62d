"""Whether a prebuilt stylesheet and icon script may be served: only while they match the sources they came from."""

from __future__ import annotations

from pathlib import Path

from components.assets import AssetBuild, stamp_of, stamped


def make_project(root: Path) -> AssetBuild:
    (root / 'components' / 'cards').mkdir(parents=True)
    (root / 'components' / 'header.py').write_text("ui.label('Brandsmith').classes('text-xl')\n")
    (root / 'components' / 'cards' / 'palette.py').write_text("ui.icon('palette')\n")
    (root / 'app.py').write_text("ui.page('/')\n")
    folder = root / 'assets'
    folder.mkdir()
    (folder / 'studio.css').write_text(
        '@import "tailwindcss" source(none);\n@source "../components";\n@source "../app.py";\n'
    )
    (folder / 'package-lock.json').write_text('{"lockfileVersion": 3}\n')
    return AssetBuild(folder=folder)


def build(assets: AssetBuild) -> str:
    digest = assets.source_digest()
    assets.stylesheet.parent.mkdir(exist_ok=True)
    assets.stylesheet.write_text(stamped('.text-xl{font-size:1.25rem}', digest))
    assets.icons.write_text(stamped('Quasar.IconSet.iconMapFn = () => undefined;', digest))
    return digest


def test_a_fresh_build_is_current(tmp_path: Path) -> None:
    assets = make_project(tmp_path)
    digest = build(assets)
    assert assets.current_digest() == digest
    assert stamp_of(assets.stylesheet) == digest


def test_the_sources_are_the_files_the_source_lines_name(tmp_path: Path) -> None:
    assets = make_project(tmp_path)
    (tmp_path / 'components' / '__pycache__').mkdir()
    (tmp_path / 'components' / '__pycache__' / 'header.cpython-312.pyc').write_bytes(b'\0')
    (tmp_path / 'README.md').write_text('not a source')
    names = sorted(path.relative_to(tmp_path).as_posix() for path in assets.source_files())
    assert names == ['app.py', 'components/cards/palette.py', 'components/header.py']


def test_no_build_is_not_current(tmp_path: Path) -> None:
    assert make_project(tmp_path).current_digest() is None


def test_changing_any_source_makes_the_build_stale(tmp_path: Path) -> None:
    assets = make_project(tmp_path)
    for path in (
        tmp_path / 'components' / 'cards' / 'palette.py',
        tmp_path / 'app.py',
        assets.input_css,
        assets.lock,
    ):
        build(assets)
        path.write_text(path.read_text() + '\n# changed\n')
        assert assets.current_digest() is None, path


def test_a_new_ui_module_makes_the_build_stale(tmp_path: Path) -> None:
    assets = make_project(tmp_path)
    build(assets)
    (tmp_path / 'components' / 'history.py').write_text("ui.label('History').classes('text-sm')\n")
    assert assets.current_digest() is None


def test_moving_a_file_between_folders_makes_the_build_stale(tmp_path: Path) -> None:
    assets = make_project(tmp_path)
    build(assets)
    (tmp_path / 'components' / 'cards' / 'palette.py').rename(tmp_path / 'components' / 'palette.py')
    assert assets.current_digest() is None


def test_both_files_must_come_from_the_same_build(tmp_path: Path) -> None:
    assets = make_project(tmp_path)
    digest = build(assets)
    assets.icons.unlink()
    assert assets.current_digest() is None
    assets.icons.write_text(stamped('', 'f' * 64))
    assert assets.current_digest() is None
    assets.icons.write_text(stamped('', digest))
    assert assets.current_digest() == digest


def test_an_unstamped_file_is_not_a_build(tmp_path: Path) -> None:
    assets = make_project(tmp_path)
    build(assets)
    assets.stylesheet.write_text('.text-xl{font-size:1.25rem}')
    assert stamp_of(assets.stylesheet) is None
    assert assets.current_digest() is None
