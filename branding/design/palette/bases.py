"""A palette's four base colours, the roles every palette has."""

from __future__ import annotations

from dataclasses import dataclass

BASE_ROLES = ('primary', 'secondary', 'accent', 'neutral')


@dataclass(kw_only=True, slots=True)
class Bases:
    primary: str
    secondary: str
    accent: str
    neutral: str
