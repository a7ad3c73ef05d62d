"""HTML pages as a browser splits them, for tests that read server-rendered pages (the share page)."""

from __future__ import annotations

from html.parser import HTMLParser

# elements that flow inside a line: their text joins the text around them, as a browser draws it
INLINE = frozenset(
    {'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'em', 'i', 'kbd', 'mark', 'q', 's', 'small', 'strong', 'sub'}
    | {'sup', 'time', 'u'}
)


class ParsedPage(HTMLParser):
    """Tags, attributes, visible text and the contents of script and style elements, as a browser would split them."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._inline_run = False  # the last text piece may go on: only inline elements came since
        self.title = ''
        self._raw: str | None = None
        self._open: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._inline_run = self._inline_run and tag in INLINE
        self.tags.append(tag)
        self.attributes += [(tag, name, value or '') for name, value in attrs]
        if tag in {'script', 'style'}:
            self._raw = ''
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self._inline_run = self._inline_run and tag in INLINE
        if tag in {'script', 'style'} and self._raw is not None:
            (self.scripts if tag == 'script' else self.styles).append(self._raw)
            self._raw = None
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._raw is not None:
            self._raw += data
        elif self._open and self._open[-1] == 'title':
            self.title += data
        elif self._inline_run and self.text:
            self.text[-1] += data
        else:
            self.text.append(data)
            self._inline_run = True

    @property
    def visible_text(self) -> str:
        return ' '.join(self.text)

    def values(self, attribute: str) -> list[str]:
        return [value for _, name, value in self.attributes if name == attribute]
