"""What paintings cost: image APIs charge by the megapixel (BRANDSMITH_IMAGE_PRICE), so a kit's paintings cost its
concepts times the painted area times the price. Pure arithmetic, shown in the studio before the paintings are made
and after, and written into each painting's provenance."""

from __future__ import annotations

from dataclasses import dataclass

MEGAPIXEL = 1_000_000


@dataclass(kw_only=True, slots=True, frozen=True)
class PaintingPrice:
    size: int  # the side of a square painting, in pixels
    per_megapixel: float  # in US dollars; 0 for a server that charges nothing

    @property
    def megapixels(self) -> float:
        return self.size * self.size / MEGAPIXEL

    @property
    def per_painting(self) -> float:
        return self.megapixels * self.per_megapixel

    def of(self, paintings: int) -> float:
        return paintings * self.per_painting

    @property
    def basis(self) -> str:
        """How one painting is priced, in words: '1.05 MP at $0.0027/MP'."""
        return f'{self.megapixels:.2f} MP at {dollars(self.per_megapixel)}/MP'

    def note(self) -> str:
        """What one painting cost, for its provenance ('' when paintings are free)."""
        return f'cost about {dollars(self.per_painting)} ({self.basis})' if self.per_megapixel else ''


def dollars(amount: float) -> str:
    """US dollars to the precision image prices need: '$0.0028', '$0.12', '$3.50'."""
    if amount == 0:
        return '$0'
    return f'${amount:.4f}' if amount < 0.1 else f'${amount:.2f}'
