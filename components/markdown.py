"""Markdown from untrusted sources (LLM output, imported kits) turned into HTML that is safe to put on the page."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import cast

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from nicegui import ui


@cache
def _parser() -> MarkdownIt:
    # 'html': False makes markdown-it escape every raw HTML tag instead of passing it through, and its link validator
    # refuses javascript:, vbscript:, file: and data: (except raster images) URLs, so the output cannot run script.
    parser = MarkdownIt('commonmark', {'html': False}).enable(['table', 'strikethrough'])
    # Images would let generated text make the browser fetch arbitrary remote URLs (tracking pixels); the studio makes
    # no external requests, so image syntax stays literal text.
    parser.disable('image')
    parser.add_render_rule('link_open', _render_link_open)
    return parser


def _render_link_open(
    self: RendererHTML, tokens: Sequence[Token], index: int, options: OptionsDict, env: EnvType
) -> str:
    # Generated links point away from the studio: open them in a new tab without handing over window.opener.
    tokens[index].attrSet('target', '_blank')
    tokens[index].attrSet('rel', 'noopener noreferrer nofollow')
    return self.renderToken(tokens, index, options, env)


def render_markdown(text: str, *, heading_offset: int = 0) -> str:
    """Render Markdown to HTML in which raw HTML is escaped and script URLs are not links.

    `heading_offset` demotes headings (1 turns `#` into <h2>, capped at <h6>) so that text embedded under a page's
    own headings keeps the document outline in order for screen readers.
    """
    parser = _parser()
    env: EnvType = {}
    tokens = parser.parse(text, env)
    if heading_offset:
        for token in tokens:
            if token.type in {'heading_open', 'heading_close'}:
                token.tag = f'h{min(int(token.tag[1]) + heading_offset, 6)}'
    return cast(str, parser.renderer.render(tokens, parser.options, env))  # markdown-it types its renderer's output Any


def create(text: str, *, heading_offset: int = 0) -> ui.html:
    """Show `text` as rendered Markdown; update it with `set_content(render_markdown(new_text, heading_offset=...))`."""
    # sanitize=False is safe here and only here: the content is render_markdown's output, which contains no raw HTML
    # from the input and no script URLs (see _parser), so DOMPurify in the browser would have nothing left to remove.
    return ui.html(render_markdown(text, heading_offset=heading_offset), sanitize=False).classes(
        # Link colours with AA contrast on light and dark cards (NiceGUI's own blue-600 is too dark on dark).
        'nicegui-markdown w-full max-w-none break-words [&_a]:text-blue-700 dark:[&_a]:text-blue-300 '
        '[&_h4]:font-semibold [&_h5]:font-semibold [&_h6]:font-semibold '
        '[&_table]:border-collapse [&_td]:border [&_th]:border [&_td]:px-2 [&_th]:px-2 [&_pre]:whitespace-pre-wrap'
    )
