"""The guidelines as a Markdown file, after a short header with the palette, fonts and taglines at a glance.

Kit text in the header goes through the guidelines' own escaper, so a company name cannot open a link, a heading or
raw HTML; the guidelines themselves are Markdown and are kept as written, except that raw HTML in them is turned into
visible text, because a model wrote them and some renderers pass HTML through.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

from branding.exports.common import (
    APP_NAME,
    brand_colors,
    clean_text,
    css_number,
    generated_on,
    kit_fonts,
    kit_title,
    missing_sections,
)
from branding.models import BrandKit, ColorPalette, Typography
from branding.sections.guidelines import escape_markdown, visual_identity_markdown

_PARSER = MarkdownIt('commonmark', {'html': True}).enable(['table', 'strikethrough'])


def neutralise_html(markdown: str) -> str:
    """`markdown` with each raw HTML block and tag starting '&lt;' instead of '<', so it shows as text.

    Tags are found by a parser with HTML on; code blocks and code spans stay as they are, except for a code span on the
    same line as a tag that reads exactly like it (which then shows the entity: a cosmetic flaw, never an injection).
    """
    lines = markdown.splitlines(keepends=True)
    for token in _PARSER.parse(markdown):
        if token.map is None:
            continue
        start, end = token.map
        if token.type == 'html_block':
            for index in range(start, min(end, len(lines))):
                lines[index] = lines[index].replace('<', '&lt;')
        elif token.type == 'inline':
            tags = {child.content for child in token.children or [] if child.type == 'html_inline'}
            for index in range(start, min(end, len(lines))):
                for tag in tags:
                    lines[index] = lines[index].replace(tag, f'&lt;{tag[1:]}')
    return ''.join(lines)


def _palette_table(palette: ColorPalette) -> list[str]:
    lines = ['| Role | Name | Hex | RGB | OKLCH |', '| --- | --- | --- | --- | --- |']
    if palette.roles:
        for role in palette.roles:
            lightness, chroma, hue = role.oklch
            rgb = ', '.join(str(channel) for channel in role.rgb)
            lines.append(
                f'| {escape_markdown(role.role.capitalize())} | {escape_markdown(role.name)} | `{role.hex}` | {rgb} '
                f'| {css_number(lightness)} {css_number(chroma)} {css_number(hue)}° |'
            )
    else:
        lines += [f'| {role.capitalize()} | | `{hex_color}` | | |' for role, hex_color in brand_colors(palette)]
    return lines


def _fonts_table(typography: Typography) -> list[str]:
    lines = ['| Role | Family | Weights | Licence |', '| --- | --- | --- | --- |']
    for font in kit_fonts(typography):
        weights = ', '.join(str(weight) for weight in font.weights)
        lines.append(
            f'| {escape_markdown(font.role.capitalize())} | {escape_markdown(font.family)} | {weights} '
            f'| {escape_markdown(font.license or "unknown")} |'
        )
    return lines


def _header(kit: BrandKit) -> list[str]:
    title = escape_markdown(kit_title(kit))
    lines = [
        f'# {title} brand kit',
        '',
        f'Generated {generated_on(kit)} with {APP_NAME} (kit {escape_markdown(kit.id)}).',
    ]
    if kit.color_palette:
        lines += ['', '## Palette', '', *_palette_table(kit.color_palette)]
    if kit.typography:
        lines += ['', '## Fonts', '', *_fonts_table(kit.typography)]
    if kit.taglines:
        lines += ['', '## Taglines', '']
        for tagline in kit.taglines:
            explanation = f' — {escape_markdown(tagline.explanation)}' if tagline.explanation.strip() else ''
            lines.append(f'- “{escape_markdown(tagline.text)}”{explanation}')
    if missing := missing_sections(kit):
        lines += ['', '## Not in this kit', '']
        lines += [f'- {escape_markdown(item.sentence)}' for item in missing]
    return lines


def _summary(kit: BrandKit) -> list[str]:
    """Stands in for missing guidelines: the visual identity and logo concepts, from the kit's other sections."""
    lines = [
        f'# {escape_markdown(kit_title(kit))} brand summary',
        '',
        'This kit has no written guidelines; this summary was put together from its other sections.',
        '',
        visual_identity_markdown(kit.color_palette, kit.typography).rstrip(),
    ]
    if kit.logos:
        lines += ['', '## Logo concepts', '']
        for number, logo in enumerate(kit.logos, start=1):
            lines.append(f'- **Concept {number}, {logo.style.value}:** {escape_markdown(logo.description)}')
    return lines


def markdown_document(kit: BrandKit) -> str:
    guidelines = clean_text(kit.brand_guidelines or '').strip()
    body = neutralise_html(guidelines) if guidelines else None
    lines = [*_header(kit), '', '---', '', body if body is not None else '\n'.join(_summary(kit))]
    return '\n'.join(lines).rstrip() + '\n'


def markdown_bytes(kit: BrandKit) -> bytes:
    return markdown_document(kit).encode('utf-8')
