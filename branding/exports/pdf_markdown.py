"""Markdown (the kit's guidelines) as ReportLab flowables: headings, paragraphs, nested lists, quotes, code and tables.

markdown-it parses with raw HTML off, so tags in the text stay text; every piece of text is then escaped for
ReportLab's paragraph mini-markup, and only the tags written here (<b>, <i>, <strike>, <font>, <br/>) reach it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from markdown_it import MarkdownIt
from markdown_it.token import Token
from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, HRFlowable, KeepInFrame, Preformatted, Table, TableStyle
from reportlab.platypus.flowables import Spacer

from branding.design.font_files import FontLibrary
from branding.exports.common import clean_text
from branding.exports.pdf_scripts import ScriptParagraph

_PARSER = MarkdownIt('commonmark', {'html': False}).enable(['table', 'strikethrough'])
_INLINE_TAGS = {
    'strong_open': '<b>',
    'strong_close': '</b>',
    'em_open': '<i>',
    'em_close': '</i>',
    's_open': '<strike>',
    's_close': '</strike>',
    'softbreak': ' ',
    'hardbreak': '<br/>',
}
LIST_INDENT = 14.0
CODE_LINE_LIMIT = 90  # characters of the code face at 8 pt that fit the frame; longer lines wrap
TABLE_CELL_LIMIT = 700  # characters: a table row cannot split across pages, so no cell may outgrow one
TABLE_CELL_MAX_HEIGHT = 240.0  # points; a cell still taller (narrow columns, wide scripts) is scaled down to fit


def markup(text: str) -> str:
    """Plain text as ReportLab paragraph markup that shows exactly that text."""
    return escape(clean_text(text))


@dataclass(kw_only=True, slots=True)
class MarkdownStyles:
    headings: Sequence[ParagraphStyle]  # for #, ##, ### and deeper (the last one repeats)
    body: ParagraphStyle
    quote: ParagraphStyle
    code: ParagraphStyle  # a monospaced block style
    code_font: str
    table_header: ParagraphStyle
    table_cell: ParagraphStyle
    rule_color: Color
    width: float  # of the frame: tables share it out equally between their columns
    fonts: FontLibrary  # where text in scripts the styles' fonts lack finds its fonts


def _fitted_cell(paragraph: Flowable) -> Flowable:
    """A cell that can never make its row taller than a page: with many columns even capped text could."""
    return KeepInFrame(0, TABLE_CELL_MAX_HEIGHT, [paragraph], mode='shrink')


def inline_markup(children: Sequence[Token], code_font: str) -> str:
    parts = []
    for child in children:
        if child.type in {'text', 'html_inline'}:
            parts.append(markup(child.content))
        elif child.type == 'code_inline':
            parts.append(f'<font name="{code_font}">{markup(child.content)}</font>')
        elif child.type == 'image':
            parts.append(markup(child.content))  # the alt text; the image itself could be anywhere
        else:
            parts.append(_INLINE_TAGS.get(child.type, ''))  # links keep their text, not their target
    return ''.join(parts)


def plain_text(children: Sequence[Token]) -> str:
    return ''.join(child.content if child.type != 'softbreak' else ' ' for child in children).strip()


def split_title(text: str) -> tuple[str | None, str]:
    """The text of a leading '# Title' and the Markdown after it, so that a document's own title can head its
    section instead of repeating under it."""
    text = clean_text(text)
    tokens = _PARSER.parse(text)
    if len(tokens) < 2 or tokens[0].type != 'heading_open' or tokens[0].tag != 'h1' or tokens[0].map is None:
        return None, text
    title = plain_text(tokens[1].children or [])
    return (title or None), '\n'.join(text.splitlines()[tokens[0].map[1] :])


@dataclass(kw_only=True, slots=True)
class _ListLevel:
    ordered: bool
    next_number: int


@dataclass(kw_only=True, slots=True)
class _Walker:
    styles: MarkdownStyles
    flowables: list[Flowable] = field(default_factory=list)
    lists: list[_ListLevel] = field(default_factory=list)
    quote_depth: int = 0
    bullet: str | None = None  # set by a list item until its first paragraph takes it

    def text(self, token: Token) -> str:
        return inline_markup(token.children or [], self.styles.code_font)

    def paragraph(self, inline: Token) -> None:
        base = self.styles.quote if self.quote_depth else self.styles.body
        indent = LIST_INDENT * len(self.lists) + (LIST_INDENT if self.quote_depth else 0)
        style = ParagraphStyle(f'{base.name}-{indent:g}', parent=base, leftIndent=indent, bulletIndent=indent - 10)
        if self.lists:
            style.spaceAfter = 2
        self.flowables.append(
            ScriptParagraph(self.text(inline), style, bulletText=self.bullet, fonts=self.styles.fonts)
        )
        self.bullet = None

    def list_item(self) -> None:
        level = self.lists[-1]
        if level.ordered:
            self.bullet = f'{level.next_number}.'
            level.next_number += 1
        else:
            self.bullet = '•' if len(self.lists) % 2 else '–'

    def capped(self, inline: Token) -> str:
        return markup(f'{plain_text(inline.children or [])[: TABLE_CELL_LIMIT - 1]}…')

    def heading(self, tag: str, inline: Token) -> None:
        depth = int(tag[1:]) - 1 if tag[1:].isdigit() else 0
        style = self.styles.headings[min(depth, len(self.styles.headings) - 1)]
        self.flowables.append(ScriptParagraph(self.text(inline), style, fonts=self.styles.fonts))

    def code(self, content: str) -> None:
        text = clean_text(content).rstrip('\n')
        self.flowables.append(Preformatted(text, self.styles.code, maxLineLength=CODE_LINE_LIMIT, newLineChars=''))

    def table(self, tokens: Sequence[Token], start: int) -> int:
        rows: list[list[Flowable]] = []
        index = start
        while tokens[index].type != 'table_close':
            token = tokens[index]
            if token.type == 'tr_open':
                rows.append([])
            elif token.type == 'inline' and rows:
                header = tokens[index - 1].type == 'th_open'
                style = self.styles.table_header if header else self.styles.table_cell
                text = self.text(token) if len(token.content) <= TABLE_CELL_LIMIT else self.capped(token)
                rows[-1].append(_fitted_cell(ScriptParagraph(text, style, fonts=self.styles.fonts)))
            index += 1
        width = max((len(row) for row in rows), default=0)
        if width:
            fonts = self.styles.fonts
            padded = [
                row + [ScriptParagraph('', self.styles.table_cell, fonts=fonts)] * (width - len(row)) for row in rows
            ]
            table = Table(padded, colWidths=[self.styles.width / width] * width, repeatRows=1, hAlign='LEFT')
            table.setStyle(
                TableStyle(
                    [
                        ('LINEBELOW', (0, 0), (-1, -1), 0.4, self.styles.rule_color),
                        ('VALIGN', (0, 0), (-1, -1), 'TOP'),
                        ('TOPPADDING', (0, 0), (-1, -1), 3),
                        ('BOTTOMPADDING', (0, 0), (-1, -1), 3),
                    ]
                )
            )
            self.flowables += [table, Spacer(1, 6)]
        return index

    def walk(self, tokens: Sequence[Token]) -> list[Flowable]:
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if kind == 'heading_open':
                self.heading(token.tag, tokens[index + 1])
                index += 1
            elif kind == 'paragraph_open':
                self.paragraph(tokens[index + 1])
                index += 1
            elif kind in {'bullet_list_open', 'ordered_list_open'}:
                start = int(token.attrGet('start') or 1) if kind == 'ordered_list_open' else 1
                self.lists.append(_ListLevel(ordered=kind == 'ordered_list_open', next_number=start))
            elif kind in {'bullet_list_close', 'ordered_list_close'}:
                self.lists.pop()
            elif kind == 'list_item_open':
                self.list_item()
            elif kind == 'blockquote_open':
                self.quote_depth += 1
            elif kind == 'blockquote_close':
                self.quote_depth -= 1
            elif kind in {'fence', 'code_block'}:
                self.code(token.content)
            elif kind == 'hr':
                self.flowables.append(HRFlowable(width='100%', thickness=0.5, color=self.styles.rule_color))
            elif kind == 'table_open':
                index = self.table(tokens, index)
            index += 1
        return self.flowables


def markdown_flowables(text: str, styles: MarkdownStyles) -> list[Flowable]:
    return _Walker(styles=styles).walk(_PARSER.parse(clean_text(text)))
