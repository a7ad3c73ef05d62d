"""The brand book's sections as ReportLab flowables: about, palette, typography, logos, taglines and guidelines.

Kit text only ever reaches a Paragraph through `markup` (escaped); cell text is capped so that no table row can grow
taller than a page, which ReportLab cannot split.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Sequence

from reportlab.platypus import Flowable, HRFlowable, Image, KeepTogether, Spacer, Table, TableStyle

from branding.exports.common import (
    APP_NAME,
    KitFont,
    brand_colors,
    color_names,
    css_number,
    font_for_step,
    generated_on,
    kit_texts,
    missing_sections,
    one_line,
    palette_scales,
    theme_roles,
)
from branding.exports.paintings import painting_flowables
from branding.exports.pdf_fonts import pdf_face
from branding.exports.pdf_markdown import markdown_flowables, markup, split_title
from branding.exports.pdf_scripts import ScriptParagraph, is_installed, script_face
from branding.exports.pdf_style import FAIL_RED, FRAME_WIDTH, NEUTRAL_RULE, PX_TO_PT, Book, color, readable_on
from branding.exports.png import RENDER_ERRORS, png_size, render_png
from branding.exports.script_fonts import SCRIPT_FONTS, ScriptFont, script_fonts_for
from branding.models import (
    ColorPalette,
    ContrastCheck,
    LogoConcept,
    LogoLegibility,
    TypeScaleStep,
    Typography,
)
from branding.registry import SECTIONS

log = logging.getLogger(__name__)

CELL_TEXT_LIMIT = 700
LOGO_WIDTH = 200.0
LOGO_MAX_HEIGHT = 320.0
SAMPLE_MAX_HEIGHT = 160.0  # a type-scale sample taller than this is set smaller (a table row cannot split)
SAMPLE_TEXT_LIMIT = 60
SCALE_LABEL_WIDTH = 120.0
CELL_PADDING = 6.0  # ReportLab's default left and right cell padding
BOTTOM_ALIGNED: list[tuple[object, ...]] = [('VALIGN', (0, 0), (-1, -1), 'BOTTOM')]
PREVIEW_HEIGHT = 150.0  # the light and dark previews of a concept's files, each half the frame wide
LIGHT_BACKGROUND = '#ffffff'
DARK_BACKGROUND = '#111827'  # for a concept without a dark background of its own (as the studio's dark tile)
LOGO_FILES_NOTE = (
    'Files: full colour, reversed, one colour black and white, and the icon, as SVG and as PNG (512, 1024 and 2048 '
    'px), with favicons and app icons, are in the logo pack (the logo-pack export, and the logo-pack folder of the '
    'full archive).'
)
LOGO_RENDER_PX = 640  # ~230 dpi at the width shown; 1024 px would double the time spent embedding
PANGRAM = 'The quick brown fox jumps over the lazy dog.'
ALPHABET = ['ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz', '0123456789 & ! ? % @ # ( ) “ ” €']
WEIGHT_LABELS = {
    100: 'Thin',
    200: 'Extra light',
    300: 'Light',
    400: 'Regular',
    500: 'Medium',
    600: 'Semibold',
    700: 'Bold',
    800: 'Extra bold',
    900: 'Black',
}


def capped(text: str, limit: int = CELL_TEXT_LIMIT) -> str:
    text = one_line(text)
    return text if len(text) <= limit else f'{text[: limit - 1].rstrip()}…'


def para(book: Book, text: str, style: str = 'body') -> ScriptParagraph:
    """A paragraph of untrusted plain text."""
    return ScriptParagraph(markup(text), book.styles[style], fonts=book.library)


def section_title(book: Book, title: str) -> ScriptParagraph:
    return ScriptParagraph(markup(title), book.styles['h1'], fonts=book.library)


def _grid(
    rows: list[list[object]],
    widths: Sequence[float],
    book: Book,
    extra: list[tuple[object, ...]],
    *,
    header: bool = True,
) -> Table:
    """A ruled table; its first row is a `header` repeated above each part that goes onto another page."""
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0, hAlign='LEFT')
    table.setStyle(
        TableStyle(
            [
                ('VALIGN', (0, 0), (-1, -1), 'MIDDLE'),
                ('TOPPADDING', (0, 0), (-1, -1), 4),
                ('BOTTOMPADDING', (0, 0), (-1, -1), 4),
                ('LINEBELOW', (0, 0), (-1, -1), 0.4, color(book.colors.rule)),
                *extra,
            ]
        )
    )
    return table


def _head(book: Book, *labels: str) -> list[object]:
    return [ScriptParagraph(markup(label.upper()), book.styles['cell-head'], fonts=book.library) for label in labels]


def _swatch_label(book: Book, hex_color: str, text: str) -> ScriptParagraph:
    style = book.styles['swatch'].clone('swatch-on', textColor=color(readable_on(hex_color)))
    return ScriptParagraph(markup(text), style, fonts=book.library)


# --- about ------------------------------------------------------------------------------------------------------------


def about_section(book: Book) -> list[Flowable]:
    kit = book.kit
    included = [spec.title for spec in SECTIONS.values() if spec.present(kit)]
    flowables: list[Flowable] = [
        section_title(book, 'About this kit'),
        para(
            book,
            f'This brand book collects the identity {APP_NAME} generated for {book.title} on {generated_on(kit)}: '
            f"{', '.join(included).lower() or 'no sections'}. Colours, fonts and measurements are the kit's own; "
            'the same kit is available as design tokens, CSS and Tailwind themes.',
            'lead',
        ),
    ]
    if missing := missing_sections(kit):
        flowables.append(para(book, 'Not in this kit', 'h2'))
        flowables += [para(book, f'• {item.sentence}', 'body') for item in missing]
    flowables += script_notes(book)
    facts = [
        ('Kit', capped(kit.id, 120)),
        ('Generated', f'{generated_on(kit)} in {kit.generation_time_seconds:.1f} s'),
        ('Focus', kit.focus.value),
        ('Seed', str(kit.seed)),
        ('Variations', str(kit.num_variations)),
    ]
    flowables.append(para(book, 'Details', 'h2'))
    rows: list[list[object]] = [[para(book, label, 'cell-head'), para(book, value, 'cell')] for label, value in facts]
    flowables.append(_grid(rows, [90, FRAME_WIDTH - 90], book, [], header=False))
    if kit.sections:
        flowables.append(para(book, 'How each section was made', 'h2'))
        rows = [_head(book, 'Section', 'Source', 'Status', 'Time', 'Note')]
        for section, provenance in kit.sections.items():
            rows.append(
                [
                    para(book, SECTIONS[section].title if section in SECTIONS else section, 'cell'),
                    para(book, capped(f'{provenance.provider} / {provenance.model}', 120), 'cell'),
                    para(book, provenance.status.value, 'cell'),
                    para(book, f'{provenance.latency_ms} ms', 'cell'),
                    para(book, capped(provenance.note, 300), 'cell'),
                ]
            )
        flowables.append(_grid(rows, [90, 120, 55, 50, FRAME_WIDTH - 315], book, []))
    return flowables


def _listed(fonts: list[ScriptFont]) -> str:
    named = [f'{font.family} ({font.covers})' for font in fonts]
    return named[0] if len(named) == 1 else f'{", ".join(named[:-1])} and {named[-1]}'


def script_notes(book: Book) -> list[Flowable]:
    """Which fonts set the text the kit's own fonts cannot, and which of those this server lacks."""
    needed = script_fonts_for(kit_texts(book.kit))
    installed = [font for font in needed if is_installed(book.library, font)]
    absent = [font for font in needed if font not in installed]
    notes: list[Flowable] = []
    if installed:
        text = f"Text in scripts the kit's fonts do not cover is set in {_listed(installed)}."
        notes.append(para(book, text, 'small'))
    if absent:
        packages = ', '.join(font.package for font in absent)
        text = (
            f'The font files for {_listed(absent)} are not installed on this server (npm packages {packages}, '
            "installed by 'make fonts'), so those characters show as empty boxes."
        )
        notes.append(para(book, text, 'note'))
    return notes


# --- palette ----------------------------------------------------------------------------------------------------------


def _role_rows(book: Book, palette: ColorPalette) -> Table:
    names = color_names(palette)
    usage = {role.role: role.usage for role in palette.roles}
    details = {role.role: role for role in palette.roles}
    rows: list[list[object]] = []
    styles: list[tuple[object, ...]] = []
    for index, (role, hex_color) in enumerate(brand_colors(palette)):
        info = details.get(role)
        rgb = ' '.join(str(channel) for channel in info.rgb) if info else ''
        oklch = ' '.join(css_number(value) for value in info.oklch) + '°' if info else ''
        values = f'HEX {hex_color}' + (f' · RGB {rgb} · OKLCH {oklch}' if info else '')
        text: list[Flowable] = [
            para(book, capped(f'{role.capitalize()}{f" · {names[role]}" if role in names else ""}', 120), 'h3'),
            ScriptParagraph(
                markup(values), book.styles['swatch'].clone('values', fontSize=8, leading=11), fonts=book.library
            ),
        ]
        if usage.get(role, '').strip():
            text.append(para(book, capped(usage[role]), 'small'))
        rows.append([_swatch_label(book, hex_color, capped(names.get(role, role), 40)), text])
        styles.append(('BACKGROUND', (0, index), (0, index), color(hex_color)))
    return _grid(
        rows,
        [110, FRAME_WIDTH - 110],
        book,
        [
            *styles,
            ('VALIGN', (0, 0), (0, -1), 'BOTTOM'),
            ('LEFTPADDING', (1, 0), (1, -1), 14),
            ('LINEBELOW', (0, 0), (-1, -1), 6, color('#ffffff')),
        ],
        header=False,
    )


def _scales_table(book: Book, palette: ColorPalette) -> Table | None:
    scales = palette_scales(palette)
    if not scales:
        return None
    steps = [step for step, _ in scales[0][1]]
    label_width = 62.0
    rows: list[list[object]] = [['', *(para(book, step, 'cell-head') for step in steps)]]
    styles: list[tuple[object, ...]] = []
    for row, (role, values) in enumerate(scales, start=1):
        cells: list[object] = [para(book, role.capitalize(), 'cell')]
        for column, (_, hex_color) in enumerate(values, start=1):
            cells.append(_swatch_label(book, hex_color, hex_color))
            styles.append(('BACKGROUND', (column, row), (column, row), color(hex_color)))
        rows.append(cells)
    columns = max(len(row) for row in rows) - 1
    widths = [label_width, *[(FRAME_WIDTH - label_width) / columns] * columns]
    rows = [row + [''] * (columns + 1 - len(row)) for row in rows]
    return _grid(
        rows, widths, book, [*styles, ('TOPPADDING', (1, 1), (-1, -1), 12), ('LEFTPADDING', (1, 0), (-1, -1), 3)]
    )


def _themes_table(book: Book, palette: ColorPalette) -> Table | None:
    themes = [(mode, theme) for mode, theme in (('Light', palette.light), ('Dark', palette.dark)) if theme]
    if not themes:
        return None
    roles = {mode: dict(theme_roles(theme)) for mode, theme in themes}
    names = list(roles[themes[0][0]])
    rows: list[list[object]] = [_head(book, 'Role', *(mode for mode, _ in themes))]
    styles: list[tuple[object, ...]] = []
    for row, name in enumerate(names, start=1):
        cells: list[object] = [para(book, name.replace('-', ' '), 'cell')]
        for column, (mode, _) in enumerate(themes, start=1):
            hex_color = roles[mode].get(name, '#ffffff')
            cells.append(_swatch_label(book, hex_color, hex_color))
            styles.append(('BACKGROUND', (column, row), (column, row), color(hex_color)))
        rows.append(cells)
    width = (FRAME_WIDTH - 110) / len(themes)
    return _grid(rows, [110, *[width] * len(themes)], book, styles)


def _contrast_table(book: Book, checks: list[ContrastCheck]) -> Table:
    # the ratio cell carries APCA Lc as an advisory readout beside the WCAG 2 ratio, which decides the level
    rows: list[list[object]] = [_head(book, 'Mode', 'Use', 'Text on background', 'Sample', 'Ratio · APCA', 'Level')]
    styles: list[tuple[object, ...]] = []
    for row, check in enumerate(checks, start=1):
        sample = book.styles['cell'].clone('sample', textColor=color(check.foreground), fontName=book.fonts.body.bold)
        level = book.styles['cell'].clone(
            'level', textColor=color(FAIL_RED if check.level == 'Fail' else book.colors.ink)
        )
        rows.append(
            [
                para(book, check.mode, 'cell'),
                para(book, check.use, 'cell'),
                para(
                    book,
                    capped(
                        f'{check.foreground_role} {check.foreground} on {check.background_role} {check.background}', 200
                    ),
                    'cell',
                ),
                ScriptParagraph('Aa Sample', sample, fonts=book.library),
                para(
                    book, f'{check.ratio:.2f}:1' + ('' if check.apca_lc is None else f' Lc {check.apca_lc:.0f}'), 'cell'
                ),
                ScriptParagraph(markup(check.level), level, fonts=book.library),
            ]
        )
        styles.append(('BACKGROUND', (3, row), (3, row), color(check.background)))
    return _grid(rows, [42, 38, FRAME_WIDTH - 262, 72, 50, 60], book, [*styles, ('LEFTPADDING', (3, 1), (3, -1), 8)])


def _color_vision_table(book: Book, palette: ColorPalette) -> Table:
    rows: list[list[object]] = [_head(book, 'Simulated', 'Primary', 'Accent', 'OKLab distance', 'Distinguishable')]
    styles: list[tuple[object, ...]] = []
    for row, check in enumerate(palette.color_vision, start=1):
        rows.append(
            [
                para(book, check.deficiency, 'cell'),
                _swatch_label(book, check.primary, check.primary),
                _swatch_label(book, check.accent, check.accent),
                para(book, f'{check.delta_e_ok:.3f}', 'cell'),
                para(book, 'yes' if check.distinguishable else 'no: pair colour with a label or icon', 'cell'),
            ]
        )
        styles += [
            ('BACKGROUND', (1, row), (1, row), color(check.primary)),
            ('BACKGROUND', (2, row), (2, row), color(check.accent)),
        ]
    return _grid(rows, [80, 70, 70, 70, FRAME_WIDTH - 290], book, styles)


def palette_section(book: Book, palette: ColorPalette) -> list[Flowable]:
    flowables: list[Flowable] = [section_title(book, 'Colour palette')]
    if palette.rationale.strip():
        flowables.append(para(book, palette.rationale, 'lead'))
    flowables += [_role_rows(book, palette), Spacer(1, 8)]
    if palette.usage_guidelines.strip():
        flowables += [para(book, 'Using the colours', 'h2'), para(book, palette.usage_guidelines)]
    if (scales := _scales_table(book, palette)) is not None:
        note = para(book, 'Tints and shades, 50 lightest to 950 darkest.', 'small')
        flowables.append(KeepTogether([para(book, 'Scales', 'h2'), note, scales]))
    if (themes := _themes_table(book, palette)) is not None:
        flowables.append(KeepTogether([para(book, 'Light and dark themes', 'h2'), themes]))
    if palette.contrast:
        flowables += [
            para(book, 'Contrast (WCAG 2.x)', 'h2'),
            para(book, 'Body text needs 4.5:1 (AA) or 7:1 (AAA); large text and interface parts need 3:1.', 'small'),
            _contrast_table(book, palette.contrast),
        ]
    if palette.color_vision:
        flowables.append(
            KeepTogether([para(book, 'Colour-vision deficiency', 'h2'), _color_vision_table(book, palette)])
        )
    if palette.adjustments:
        flowables.append(para(book, 'Adjustments made for accessibility', 'h2'))
        flowables += [para(book, f'• {item}') for item in palette.adjustments]
    if palette.psychology:
        flowables.append(para(book, 'Why these colours', 'h2'))
        flowables += [para(book, f'{role.capitalize()}: {text}') for role, text in palette.psychology.items()]
    return flowables


# --- typography -------------------------------------------------------------------------------------------------------


def _script_specimen(book: Book, font: KitFont, script: ScriptFont) -> list[Flowable]:
    """The kit's face for another writing system: the name in it at each weight, or a note where it is missing (the
    name is then set by the fallback chain, as everywhere else in the book)."""
    flowables: list[Flowable] = [
        para(book, f'Script: {font.family}', 'h2'),
        para(book, f'{script.covers} · weights {", ".join(map(str, font.weights))} · licence {font.license}', 'small'),
    ]
    for weight in font.weights:
        face = script_face(book.library, script, weight) or book.fonts.body.regular
        style = book.styles['body'].clone(f'script-{weight}', fontName=face, fontSize=24, leading=34, spaceAfter=2)
        flowables += [
            para(book, f'{WEIGHT_LABELS.get(weight, "Weight")} {weight}', 'small'),
            ScriptParagraph(markup(book.title), style, fonts=book.library),
        ]
    if not is_installed(book.library, script):
        flowables.append(para(book, f'The {script.package} files are not installed on this server.', 'note'))
    return flowables


def _specimen(book: Book, font: KitFont) -> list[Flowable]:
    script = next((item for item in SCRIPT_FONTS if item.family == font.family), None)
    if font.role == 'script' and script is not None:
        return _script_specimen(book, font, script)
    first = pdf_face(font, book.library, font.weights[0])
    flowables: list[Flowable] = [
        para(book, f'{font.role.capitalize()}: {font.family}', 'h2'),
        para(
            book,
            f'{font.category} · weights {", ".join(map(str, font.weights))} · licence {font.license or "unknown"}',
            'small',
        ),
    ]
    large = book.styles['body'].clone('specimen-large', fontName=first.regular, fontSize=30, leading=38, spaceAfter=4)
    alphabet = book.styles['body'].clone(
        'specimen-alphabet', fontName=first.regular, fontSize=13, leading=18, spaceAfter=0
    )
    flowables += [ScriptParagraph(markup(book.title), large, fonts=book.library)]
    flowables += [ScriptParagraph(markup(line), alphabet, fonts=book.library) for line in ALPHABET]
    flowables.append(Spacer(1, 6))
    missing: list[str] = [] if first.embedded else [first.label]
    for weight in font.weights:
        face = pdf_face(font, book.library, weight)
        if not face.embedded and face.label not in missing:
            missing.append(face.label)
        label = f'{WEIGHT_LABELS.get(weight, "Weight")} {weight}'
        style = book.styles['body'].clone(f'weight-{weight}', fontName=face.regular, fontSize=12, leading=16)
        flowables += [para(book, label, 'small'), ScriptParagraph(markup(PANGRAM), style, fonts=book.library)]
    if missing:
        note = (
            f'The {font.family} font files are not installed on this server, so this specimen is set in a built-in '
            f'face instead: {"; ".join(missing)}.'
        )
        flowables.append(para(book, note, 'note'))
    return flowables


def fitted_size(make: Callable[[float], Flowable], size: float, width: float, max_height: float) -> float:
    """The largest size up to `size` at which the flowable `make(size)` builds is at most `max_height` tall when it is
    `width` wide: long words are split and lines wrap, so a smaller size always ends up fitting."""
    for _ in range(12):
        height = make(size).wrap(width, max_height * 100)[1]
        if height <= max_height or size <= 1:
            return size
        size = max(1.0, size * min(0.95, (max_height / height) ** 0.5))
    return size


def _scale_sample(book: Book, step: TypeScaleStep, face: str, width: float) -> tuple[ScriptParagraph, float]:
    """The step's sample (the name for headings) at its own size, or smaller so that its row fits on a page."""
    heading = font_for_step(step.name) == 'heading'
    text = capped(book.title, SAMPLE_TEXT_LIMIT) if heading else f'Body text set at {css_number(step.size_px)} px.'

    def make(size: float) -> ScriptParagraph:
        style = book.styles['body'].clone(
            f'scale-{step.name}', fontName=face, fontSize=size, leading=size * step.line_height, spaceAfter=0
        )
        return ScriptParagraph(markup(text), style, fonts=book.library)

    full = step.size_px * PX_TO_PT
    size = fitted_size(make, full, width, SAMPLE_MAX_HEIGHT)
    return make(size), size / full


def _type_scale(book: Book, typography: Typography) -> list[Flowable]:
    if not typography.type_scale:
        return []
    sample_width = FRAME_WIDTH - SCALE_LABEL_WIDTH - 2 * CELL_PADDING
    rows: list[list[object]] = []
    for step in typography.type_scale:
        face = pdf_face(book.fonts.by_role.get(font_for_step(step.name)), book.library, step.weight)
        sample, shown = _scale_sample(book, step, face.regular, sample_width)
        size_text = f'{css_number(step.size_px)} px / {css_number(step.size_rem)} rem'
        label = f'{step.name} · {size_text} · line {css_number(step.line_height)} · weight {step.weight}'
        if shown < 0.995:
            label += f' · shown at {shown:.0%} to fit the page'
        rows.append([para(book, label, 'small'), sample])
    return [
        para(book, f'Type scale: {typography.scale_name} ({css_number(typography.scale_ratio)})', 'h2'),
        _grid(rows, [SCALE_LABEL_WIDTH, FRAME_WIDTH - SCALE_LABEL_WIDTH], book, BOTTOM_ALIGNED, header=False),
    ]


def typography_section(book: Book, typography: Typography) -> list[Flowable]:
    flowables: list[Flowable] = [section_title(book, 'Typography')]
    for font in book.fonts.by_role.values():
        flowables += _specimen(book, font)
    flowables += _type_scale(book, typography)
    if typography.pairings:
        rows: list[list[object]] = [_head(book, 'Context', 'Recommendation')]
        rows += [
            [para(book, capped(p.context, 120), 'cell'), para(book, capped(p.recommendation), 'cell')]
            for p in typography.pairings
        ]
        flowables += [
            para(book, 'Using the fonts together', 'h2'),
            _grid(rows, [110, FRAME_WIDTH - 110], book, [('VALIGN', (0, 0), (-1, -1), 'TOP')]),
        ]
    if typography.rationale.strip():
        flowables.append(para(book, 'Why these fonts', 'h2'))
        flowables += [para(book, line) for line in typography.rationale.splitlines() if line.strip()]
    if typography.adjustments:
        flowables.append(para(book, 'Adjustments', 'h2'))
        flowables += [para(book, f'• {item}') for item in typography.adjustments]
    return flowables


# --- logos ------------------------------------------------------------------------------------------------------------


def logo_image(svg: str, width: float, max_height: float = LOGO_MAX_HEIGHT) -> Image | None:
    """The logo rendered `width` wide, or narrower if that would make it taller than `max_height` (a row holding it
    cannot split across pages)."""
    try:
        png = render_png(svg, LOGO_RENDER_PX)
    except RENDER_ERRORS as error:
        log.warning('logo could not be rendered for the PDF: %s', error)
        return None
    pixel_width, pixel_height = png_size(png)
    scale = min(width / pixel_width, max_height / pixel_height)
    return Image(io.BytesIO(png), width=pixel_width * scale, height=pixel_height * scale)


def _chips(book: Book, colors: list[str]) -> Table | None:
    if not colors:
        return None
    chips = Table([[''] * len(colors)], colWidths=[16] * len(colors), rowHeights=[16], hAlign='LEFT')
    chips.setStyle(
        TableStyle(
            [('BACKGROUND', (i, 0), (i, 0), color(c)) for i, c in enumerate(colors)]
            + [('BOX', (0, 0), (-1, -1), 0.4, color(book.colors.rule))]
        )
    )
    return chips


def _framed(book: Book, image: Image) -> Table:
    framed = Table([[image]], hAlign='LEFT')
    framed.setStyle(
        TableStyle(
            [
                ('BOX', (0, 0), (-1, -1), 0.5, color(book.colors.rule)),
                *(
                    (side, (0, 0), (-1, -1), 0)
                    for side in ('LEFTPADDING', 'RIGHTPADDING', 'TOPPADDING', 'BOTTOMPADDING')
                ),
            ]
        )
    )
    return framed


def _logo_previews(logo: LogoConcept) -> Table | None:
    """The full-colour file on white and the reversed file on its dark background, side by side across the page
    (each half of it: over 320 px at 96 dpi)."""
    variants = logo.variants
    if variants is None:
        return None
    half = FRAME_WIDTH / 2
    inset = 22.0
    light = logo_image(variants.primary, half - 2 * inset, PREVIEW_HEIGHT - 2 * inset)
    dark = logo_image(variants.reversed, half - 2 * inset, PREVIEW_HEIGHT - 2 * inset)
    if light is None or dark is None:
        return None
    previews = Table([[light, dark]], colWidths=[half, half], rowHeights=[PREVIEW_HEIGHT], hAlign='LEFT')
    previews.setStyle(
        TableStyle(
            [
                ('BACKGROUND', (0, 0), (0, 0), color(LIGHT_BACKGROUND)),
                ('BACKGROUND', (1, 0), (1, 0), color(logo.dark_background or DARK_BACKGROUND)),
                ('ALIGN', (0, 0), (-1, -1), 'CENTER'),
                ('VALIGN', (0, 0), (-1, -1), 'MIDDLE'),
                ('BOX', (0, 0), (-1, -1), 0.5, color(NEUTRAL_RULE)),
            ]
        )
    )
    return previews


def _icon_row(book: Book, logo: LogoConcept) -> Table | None:
    """The icon at 32 px, in a browser tab at 16 px, and how it measured."""
    variants = logo.variants
    if variants is None:
        return None
    icon = logo_image(variants.icon, 32 * PX_TO_PT, 32 * PX_TO_PT)
    favicon = logo_image(variants.icon, 16 * PX_TO_PT, 16 * PX_TO_PT)
    if icon is None or favicon is None:
        return None
    name = capped(book.kit.company_name or 'Brand', 24)
    tab = Table([[favicon, para(book, name, 'small'), para(book, '×', 'small')]], colWidths=[18, 112, 14])
    tab.setStyle(
        TableStyle(
            [
                ('BACKGROUND', (0, 0), (-1, -1), color('#ffffff')),
                ('BOX', (0, 0), (-1, -1), 6, color('#d1d5db')),
                ('VALIGN', (0, 0), (-1, -1), 'MIDDLE'),
                *((side, (0, 0), (-1, -1), 3) for side in ('TOPPADDING', 'BOTTOMPADDING')),
            ]
        )
    )
    check = logo.legibility
    measured = _legibility_text(check) if check is not None else ''
    row = Table(
        [[icon, tab, para(book, measured, 'small')]],
        colWidths=[36, 160, FRAME_WIDTH - 196],
        hAlign='LEFT',
    )
    row.setStyle(
        TableStyle(
            [
                ('VALIGN', (0, 0), (-1, -1), 'MIDDLE'),
                ('ALIGN', (0, 0), (0, 0), 'CENTER'),
            ]
        )
    )
    return row


def _legibility_text(check: LogoLegibility) -> str:
    smallest = min((size.smallest_feature_px for size in check.icon), default=0.0)
    sizes = ' and '.join(f'{size.size_px}' for size in check.icon)
    verdict = (
        f'Holds up at {sizes} px: its finest detail is {smallest:g} px or wider.'
        if check.passes
        else f'At its limit at {sizes} px: details down to {smallest:g} px may blur.'
    )
    return f'{verdict} Icon: {check.icon_source}.'


def _logo_with_files(book: Book, number: int, logo: LogoConcept) -> list[Flowable]:
    """The concept large on light and dark, its icon small, what it is and why, and its files."""
    previews = _logo_previews(logo)
    icons = _icon_row(book, logo)
    title = para(book, f'Concept {number} · {logo.style.value.capitalize()}', 'h2')
    shown: list[Flowable] = [title]
    shown += [previews, Spacer(1, 8)] if previews else [para(book, 'This logo’s files could not be rendered.', 'note')]
    if icons is not None:
        shown += [icons, Spacer(1, 6)]
    flowables: list[Flowable] = [KeepTogether(shown), para(book, logo.description)]
    if logo.rationale.strip():
        flowables.append(para(book, logo.rationale, 'small'))
    if (chips := _chips(book, logo.color_scheme)) is not None:
        flowables += [chips, Spacer(1, 4)]
    flowables.append(para(book, LOGO_FILES_NOTE, 'small'))
    if logo.prompt_used.strip():
        flowables.append(para(book, f'Image-model prompt: {logo.prompt_used}', 'small'))
    return flowables


def _logo(book: Book, number: int, logo: LogoConcept) -> list[Flowable]:
    """The render and its colours beside the description and rationale (capped: a table row cannot split), then the
    image-model prompt at full length below."""
    if logo.variants is not None:
        return _logo_with_files(book, number, logo)
    image = logo_image(logo.svg, LOGO_WIDTH)
    visual: list[Flowable] = [
        _framed(book, image) if image else para(book, 'This logo’s SVG could not be rendered.', 'note')
    ]
    if (chips := _chips(book, logo.color_scheme)) is not None:
        visual += [Spacer(1, 6), chips]
    text: list[Flowable] = [para(book, capped(logo.description))]
    if logo.rationale.strip():
        text.append(para(book, capped(logo.rationale), 'small'))
    row = Table([[visual, text]], colWidths=[LOGO_WIDTH + 16, FRAME_WIDTH - LOGO_WIDTH - 16], hAlign='LEFT')
    row.setStyle(TableStyle([('VALIGN', (0, 0), (-1, -1), 'TOP'), ('LEFTPADDING', (0, 0), (0, 0), 0)]))
    title = para(book, f'Concept {number} · {logo.style.value.capitalize()}', 'h2')
    flowables: list[Flowable] = [KeepTogether([title, row])]
    if logo.prompt_used.strip():
        flowables.append(para(book, f'Image-model prompt: {logo.prompt_used}', 'small'))
    return flowables


def logos_section(book: Book, logos: list[LogoConcept]) -> list[Flowable]:
    flowables: list[Flowable] = [section_title(book, 'Logo concepts')]
    for number, logo in enumerate(logos, start=1):
        flowables += _logo(book, number, logo) + painting_flowables(book, number - 1, logo, book.paintings)
    return flowables


# --- taglines and guidelines ------------------------------------------------------------------------------------------


def taglines_section(book: Book) -> list[Flowable]:
    flowables: list[Flowable] = [section_title(book, 'Taglines')]
    for tagline in book.kit.taglines:
        flowables += [para(book, f'“{tagline.text}”', 'tagline'), para(book, f'Tone: {tagline.tone}', 'small')]
        if tagline.explanation.strip():
            flowables.append(para(book, tagline.explanation))
        flowables.append(HRFlowable(width='100%', thickness=0.4, color=color(book.colors.rule), spaceBefore=6))
    return flowables


def guidelines_section(book: Book, guidelines: str) -> list[Flowable]:
    title, body = split_title(guidelines)
    return [section_title(book, title or 'Brand guidelines'), *markdown_flowables(body, book.markdown_styles())]
