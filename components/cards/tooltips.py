"""Tooltips for mouse users that assistive technology skips."""

from __future__ import annotations

from nicegui import ui


def mouse_tooltip(element: ui.element, text: str) -> None:
    """A tooltip on `element` for mouse users, hidden from assistive technology.

    Every tooltip here repeats what the element's accessible name (or hidden text) already says, and Quasar draws it in
    a portal on <body>, outside every landmark: read out, it would be a stray duplicate after the page's content.
    """
    with element:
        tooltip = ui.tooltip(text)
    tooltip.props['aria-hidden'] = 'true'
