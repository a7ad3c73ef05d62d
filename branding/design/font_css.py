"""@font-face rules for the font files this instance serves, and the list of those it cannot serve."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from branding.design.font_files import FontLibrary, fontsource_id
from branding.design.scripts import SCRIPT_FONTS, ScriptFont
from branding.design.typography import find_font, nearest_weight
from branding.models import TypeScaleStep

# The @fontsource latin subset; declaring it lets browsers skip the download for text in other scripts and fall back.
LATIN_UNICODE_RANGE = (
    'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, '
    'U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD'
)
_DEFAULT_WEIGHTS = (400, 700)
# One @font-face rule of a Fontsource stylesheet, with the comment naming its slice ('noto-sans-jp-[12]-400-normal')
_FACE_RULE = re.compile(r'/\*\s*([A-Za-z0-9\[\]_-]+)\s*\*/\s*(@font-face\s*\{[^{}]*\})')
_FILE_URL = re.compile(r'url\(\./files/([A-Za-z0-9._-]+)\)')
_ANY_URL = re.compile(r'url\(')
# Slices the kit's Latin faces set: a script face serves only its own script's glyphs
_LATIN_SLICES = re.compile(r'-(latin|latin-ext|cyrillic|cyrillic-ext|greek|greek-ext|vietnamese|math|symbols)-\d{3}-')


def _script_web_font(family: str) -> ScriptFont | None:
    return next((font for font in SCRIPT_FONTS if font.web and font.family == family), None)


def _serves(font: ScriptFont, name: str, rule: str) -> bool:
    """Whether a script face serves the slice `name`: not one the Latin faces set (unless it is the face's own script,
    as Greek and Cyrillic are Noto Sans's), and only from the package's own files."""
    latin = _LATIN_SLICES.search(name)
    if latin and latin.group(1) not in font.web_slices:
        return False
    return len(_ANY_URL.findall(rule)) == len(_FILE_URL.findall(rule))


def script_face_css(font: ScriptFont, weights: Iterable[int], *, fonts: FontLibrary, url_prefix: str = '/fonts') -> str:
    """The @font-face rules of a script face's @fontsource package at `weights`, pointed at the files this instance
    serves: one rule per unicode-range slice, so a browser downloads only the slices the text on the page uses (a
    Japanese name costs a few of Noto Sans JP's 120 slices, not the whole font). Latin slices are left out; the kit's
    Latin faces set those letters (Noto Sans keeps its Greek and Cyrillic ones: it is the face for those scripts)."""
    prefix = url_prefix.rstrip('/')
    folder = fonts.package(font.family)
    rules = []
    for weight in sorted(set(weights)):
        try:
            css = (folder / f'{weight}.css').read_text(encoding='utf-8')
        except OSError:
            continue
        for name, rule in _FACE_RULE.findall(css):
            if _serves(font, name, rule):
                rules.append(_FILE_URL.sub(lambda match: f"url('{prefix}/{font.key}/files/{match.group(1)}')", rule))
    return '\n'.join(rules) + ('\n' if rules else '')


def _requested_weights(families: Mapping[str, Iterable[int]] | Iterable[str]) -> dict[str, set[int]]:
    """Family name -> weights, merging repeats; bare names get regular and bold (or the nearest the face has)."""
    pairs = families.items() if isinstance(families, Mapping) else ((name, _DEFAULT_WEIGHTS) for name in families)
    requested: dict[str, set[int]] = {}
    for family, weights in pairs:
        entry = find_font(family)
        name = entry.family if entry else family
        chosen = {nearest_weight(entry, weight) for weight in weights} if entry else set(weights)
        requested.setdefault(name, set()).update(chosen)
    return requested


def _safe_family(name: str) -> str:
    # only catalogue names are trusted verbatim; anything else must not be able to break out of the CSS string
    return re.sub(r'[^A-Za-z0-9 -]', '', name).strip()


def font_face_css(
    families: Mapping[str, Iterable[int]] | Iterable[str], *, fonts: FontLibrary, url_prefix: str = '/fonts'
) -> str:
    """@font-face rules (latin woff2, font-display: swap) for the families installed in `fonts` at the weights asked
    for, whose files are served at `url_prefix`.

    `families` is either {family: weights} or plain family names; names not installed here are skipped (see
    `missing_families`), so the page falls back to the CSS stack instead of requesting files that 404.
    """
    prefix = url_prefix.rstrip('/')
    rules = []
    for family, weights in _requested_weights(families).items():
        script = _script_web_font(family)
        if script is not None:
            rules.append(script_face_css(script, weights, fonts=fonts, url_prefix=prefix).rstrip('\n'))
            continue
        name = family if find_font(family) else _safe_family(family)
        if not name or not fonts.is_installed(name):
            continue
        font_id = fontsource_id(name)
        for weight in sorted(weights):
            path = fonts.file(name, weight)
            if path is None:
                continue
            rules.append(
                '@font-face {\n'
                f"  font-family: '{name}';\n"
                '  font-style: normal;\n'
                '  font-display: swap;\n'
                f'  font-weight: {weight};\n'
                f"  src: url('{prefix}/{font_id}/files/{path.name}') format('woff2');\n"
                f'  unicode-range: {LATIN_UNICODE_RANGE};\n'
                '}'
            )
    rules = [rule for rule in rules if rule]
    return '\n'.join(rules) + ('\n' if rules else '')


def missing_families(families: Iterable[str], *, fonts: FontLibrary) -> list[str]:
    """The families whose files are not installed in `fonts`, once each, in the order given."""
    missing: list[str] = []
    for family in families:
        if family not in missing and not fonts.is_installed(family):
            missing.append(family)
    return missing


def typography_css(
    *,
    stacks: Mapping[str, str],
    scale: Sequence[TypeScaleStep],
    ratio: float,
    scale_label: str,
    font_ids: Iterable[str],
    code_in_accent: bool,
) -> str:
    """Copy-ready CSS: custom properties for the families (`stacks`: role -> stack) and the scale, and element rules."""
    packages = ' '.join(f'@fontsource/{font_id}' for font_id in dict.fromkeys(font_ids))
    lines = [
        f'/* Type scale: {scale_label} ({ratio:g}). Font files: npm i {packages} (or Google Fonts) */',
        ':root {',
        *(f'  --font-{role}: {stack};' for role, stack in stacks.items()),
        f'  --type-scale-ratio: {ratio:g};',
    ]
    for step in scale:
        lines += [
            f'  --font-size-{step.name}: {step.size_rem:g}rem;',
            f'  --line-height-{step.name}: {step.line_height:g};',
            f'  --font-weight-{step.name}: {step.weight};',
        ]
    lines.append('}')

    def rule(selector: str, name: str, family: str) -> str:
        return (
            f'{selector} {{ font-family: var(--font-{family}); font-size: var(--font-size-{name}); '
            f'line-height: var(--line-height-{name}); font-weight: var(--font-weight-{name}); }}'
        )

    lines.append(rule('body', 'body', 'body'))
    lines += [rule(step.name, step.name, 'heading') for step in scale if step.name.startswith('h')]
    lines.append(rule('small', 'small', 'body'))
    accent_selector = 'code, kbd, samp, pre' if code_in_accent else '.accent, blockquote'
    lines.append(f'{accent_selector} {{ font-family: var(--font-accent); }}')
    return '\n'.join(lines) + '\n'
