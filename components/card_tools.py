"""What a card asks of the page that shows it for the owner's controls: the studio hands the cards its refine
controls, the share page hands them nothing (a read-only card)."""

from __future__ import annotations

from typing import Protocol


class CardTools(Protocol):
    def section(self, section: str) -> None:
        """Draw the controls of the whole section (under the card's title): its lock, pickers, an instruction."""

    def element(self, section: str, key: str) -> None:
        """Draw the controls of one element of the section: a colour or font role ('primary', 'heading'), a logo
        concept by index ('1') or a tagline by id."""
