"""What the export formats share: safe names, escaping for each target language, and the kit's fonts and colours.

Everything in a kit is treated as untrusted text (company names and model-written prose can contain anything), so
every format writes it through one of the escapers here rather than by hand.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from branding.design.typography import FontEntry, catalogue, find_font
from branding.models import (
    BrandKit,
    ColorPalette,
    SectionStatus,
    ThemeColors,
    Typography,
)
from branding.registry import SECTIONS, sections_for

APP_NAME = 'Brandsmith'
UNTITLED = 'Untitled brand'
BRAND_ROLES = ('primary', 'secondary', 'accent', 'neutral')
HEX_PATTERN = re.compile(r'#[0-9a-f]{6}')
# C0/C1 control characters other than tab and newline: invisible, and some targets (XML, PDF markup) reject them
_CONTROL = re.compile(r'[\x00-\x08\x0b-\x1f\x7f-\x9f]')
_GENERIC_FAMILIES = {'serif': 'serif', 'monospace': 'monospace', 'handwriting': 'cursive'}
_CSS_KEYWORDS = frozenset(
    {'serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui', 'ui-serif', 'ui-sans-serif'}
    | {'ui-monospace', 'ui-rounded', 'math', 'emoji', 'fangsong', '-apple-system'}
)
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_PNG_SIGNATURE = b'\x89PNG\r\n\x1a\n'


# --- text -------------------------------------------------------------------------------------------------------------


def clean_text(text: str) -> str:
    return _CONTROL.sub('', text)


def one_line(text: str) -> str:
    return ' '.join(clean_text(text).split())


def _strings(value: object, skip: frozenset[str]) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for key, item in value.items() if key not in skip for text in _strings(item, skip)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item, skip)]
    return []


def kit_texts(kit: BrandKit) -> list[str]:
    """Every piece of text in the kit that an export may show (the SVG markup and the logo files aside), for deciding
    which scripts it needs fonts for."""
    return _strings(kit.model_dump(mode='json'), frozenset({'svg', 'css', 'variants'}))


def kit_title(kit: BrandKit) -> str:
    return one_line(kit.company_name) or UNTITLED


def generated_on(kit: BrandKit) -> str:
    """'25 November 2026': unambiguous in every locale, unlike 11/25/2026."""
    return f'{kit.generated_at.day} {kit.generated_at:%B %Y}'


def slug(text: str, fallback: str = 'untitled', max_length: int = 60) -> str:
    """An ASCII file-name and identifier part: 'Zoë & Co.' -> 'zoe-co'."""
    ascii_text = unicodedata.normalize('NFKD', text).encode('ascii', 'ignore').decode('ascii')
    words = re.sub(r'[^a-z0-9]+', '-', ascii_text.lower()).strip('-')
    return words[:max_length].rstrip('-') or fallback


def token_name(key: str) -> str:
    """A kit key (scale role, step) as a name that is safe in CSS custom properties, JS keys and DTCG paths."""
    return slug(key, fallback='x', max_length=40)


def checked_hex(value: str) -> str:
    """The models validate hexes, but a kit built with model_construct is not; nothing else may reach CSS or JS."""
    if not HEX_PATTERN.fullmatch(value):
        raise ValueError(f'not a #rrggbb colour: {value!r}')
    return value


# --- CSS and JS -------------------------------------------------------------------------------------------------------


def css_comment(text: str) -> str:
    """A /* … */ comment (valid in CSS and JS) that no text can close early, and that cannot end the <style> or
    <script> element the file may be pasted into: comments process no escapes, so '<' becomes the look-alike '‹'."""
    return f'/* {one_line(text).replace("*/", "* /").replace("<", "‹")} */'


def script_safe_json(text: str) -> str:
    """JSON text with every '<' written as the escape \\u003c, which JSON and JavaScript read back as '<' but which
    cannot end a <script> element the file is pasted into. '<' occurs only inside strings in JSON, so this is exact."""
    return text.replace('<', '\\u003c')


def css_string(text: str) -> str:
    # '<' escaped too, so the value stays inert if someone pastes the file into a <style> element
    escaped = one_line(text).replace('\\', '\\\\').replace("'", "\\'").replace('<', '\\3c ')
    return f"'{escaped}'"


def css_font_name(name: str) -> str:
    return name if name in _CSS_KEYWORDS else css_string(name)


def css_font_stack(stack: tuple[str, ...]) -> str:
    return ', '.join(css_font_name(name) for name in stack)


def css_number(value: float) -> str:
    return f'{round(value, 4):g}'


# --- fonts ------------------------------------------------------------------------------------------------------------


@dataclass(kw_only=True, slots=True, frozen=True)
class KitFont:
    role: str
    family: str
    category: str
    weights: tuple[int, ...]
    license: str
    stack: tuple[str, ...]  # family names, most preferred first, ending in a generic family
    entry: FontEntry | None  # the catalogue entry, when the family is one this instance knows


def _stack(family: str, category: str, entry: FontEntry | None) -> tuple[str, ...]:
    if entry is None:
        return (family, _GENERIC_FAMILIES.get(category, 'sans-serif'))
    fallbacks = catalogue().fallback_stacks[entry.fallback]
    return (entry.family, *(name for name in fallbacks if name != entry.family))


def _kit_font(role: str, family: str, category: str, weights: list[int], license_id: str) -> KitFont:
    entry = find_font(family)
    name = entry.family if entry else one_line(family)
    category = entry.category if entry else category
    return KitFont(
        role=role,
        family=name,
        category=category,
        weights=tuple(sorted(set(weights))) or (400,),
        license=entry.license if entry else one_line(license_id),
        stack=_stack(name, category, entry),
        entry=entry,
    )


def kit_fonts(typography: Typography | None) -> list[KitFont]:
    """Heading, body and accent faces; kits saved before `fonts` existed only name the families."""
    if typography is None:
        return []
    if typography.fonts:
        fonts = [
            _kit_font(spec.role, spec.family, spec.category, spec.weights, spec.license) for spec in typography.fonts
        ]
        scripts = tuple(font.family for font in fonts if font.role == 'script')
        # heading and body text fall back to the script faces for the writing systems their Latin files lack
        return [
            replace(font, stack=(font.stack[0], *scripts, *font.stack[1:]))
            if font.role in {'heading', 'body'}
            else font
            for font in fonts
        ]
    named = {'heading': typography.heading_font, 'body': typography.body_font, 'accent': typography.accent_font}
    return [_kit_font(role, family, 'sans-serif', [400, 700], '') for role, family in named.items() if family.strip()]


def font_for_step(step_name: str) -> str:
    """Which font role sets a type-scale step: headings in the heading face, the rest in the body face."""
    return 'heading' if step_name.startswith('h') else 'body'


# --- colours ----------------------------------------------------------------------------------------------------------


def brand_colors(palette: ColorPalette) -> list[tuple[str, str]]:
    return [(role, checked_hex(getattr(palette, role))) for role in BRAND_ROLES]


def color_names(palette: ColorPalette) -> dict[str, str]:
    return {role.role: one_line(role.name) for role in palette.roles}


def _step_order(step: str) -> tuple[int, str]:
    return (int(step), step) if step.isdigit() else (10**6, step)


def palette_scales(palette: ColorPalette) -> list[tuple[str, list[tuple[str, str]]]]:
    """[(role, [(step, hex), …]), …] with safe names, steps in numeric order (50, 100, … 950)."""
    return [
        (
            token_name(role),
            [(token_name(step), checked_hex(steps[step])) for step in sorted(steps, key=_step_order)],
        )
        for role, steps in palette.scales.items()
        if steps
    ]


def theme_roles(theme: ThemeColors) -> list[tuple[str, str]]:
    """[('background', hex), ('muted-text', hex), …] in the model's order."""
    return [(name.replace('_', '-'), checked_hex(value)) for name, value in theme.model_dump().items()]


# --- what the kit lacks -----------------------------------------------------------------------------------------------


@dataclass(kw_only=True, slots=True, frozen=True)
class MissingSection:
    section: str
    title: str
    reason: str

    @property
    def sentence(self) -> str:
        return f'{self.title}: {self.reason}.'


def section_present(kit: BrandKit, section: str) -> bool:
    return SECTIONS[section].present(kit)


def missing_sections(kit: BrandKit) -> list[MissingSection]:
    """Each section the kit has no content for, and why: not asked for, failed, or simply empty."""
    missing = []
    for section, spec in SECTIONS.items():
        if spec.present(kit):
            continue
        provenance = kit.sections.get(section)
        if section not in sections_for(kit.focus):
            reason = f'not part of this kit (it was generated with focus "{kit.focus.value}")'
        elif provenance is not None and provenance.status is SectionStatus.ERROR:
            note = one_line(provenance.note)
            reason = f'generation failed{f" ({note})" if note else ""}'
        else:
            reason = 'not generated'
        missing.append(MissingSection(section=section, title=spec.title, reason=reason))
    return missing


# --- archives ---------------------------------------------------------------------------------------------------------


def zip_archive(files: Mapping[str, bytes], when: datetime) -> bytes:
    """A ZIP of `files` (path -> content) in order, every entry dated `when`: equal kits give equal bytes. PNGs are
    stored as they are: deflated already, deflating them again takes time and saves nothing."""
    date_time = max(_ZIP_EPOCH, when.timetuple()[:6])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, 'w', compression=zipfile.ZIP_DEFLATED) as archive:
        for path, content in files.items():
            info = zipfile.ZipInfo(path, date_time=date_time)
            info.compress_type = zipfile.ZIP_STORED if content.startswith(_PNG_SIGNATURE) else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return buffer.getvalue()
