"""What a mark is drawn from: the profile's tone and motif, read into a Brief with its name, face, weight and inks."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from branding.design.font_files import FontLibrary
from branding.design.marks.inks import Inks
from branding.design.marks.text import display_name, initials
from branding.design.marks.typesetting import Face
from branding.design.symbols.choose import KitSymbol
from branding.models import ColorPalette, CompanyProfile, CompanyType, Typography


def tone_has(tone: str, *words: str) -> bool:
    folded = tone.casefold()
    return any(word in folded for word in words)


def tone_weight(tone: str) -> int:
    if tone_has(tone, 'bold', 'confident', 'loud', 'strong'):
        return 800
    if tone_has(tone, 'playful', 'friendly', 'fun', 'innovative', 'energetic'):
        return 700
    if tone_has(tone, 'elegant', 'luxur', 'refined', 'calm'):
        return 400
    if tone_has(tone, 'minimal', 'technical', 'precise'):
        return 500
    return 600


# Word starts, checked in order; a motif from the industry wins over the company type, so a fintech for farmers can
# still get a leaf, and the description is the last resort.
MOTIF_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ('shield', ('secur', 'privacy', 'protect', 'safety', 'identity', 'fraud', 'compliance', 'threat')),
    ('leaf', ('sustainab', 'climate', 'green', r'eco\b', 'eco-', 'ecolog', 'carbon', 'renewable', 'solar', 'farm')),
    ('leaf', ('agri', 'plant', 'garden', 'organic', 'forest')),
    ('heart', ('health', 'medic', 'clinic', 'wellness', 'therap', 'fitness', 'patient', 'pharma')),
    ('book', ('education', 'learn', 'school', 'course', 'tutor', 'teach', 'student', 'librar')),
    ('bars', ('financ', 'fintech', 'bank', 'payment', 'invest', 'accounting', 'money', 'insur', 'lending', 'wealth')),
    ('brackets', ('developer', 'devtool', 'coding', 'source code', r'apis?\b', 'programming', 'open source', 'devops')),
    ('nodes', ('artificial intelligence', 'machine learning', r'ai\b', 'neural', r'llms?\b', 'data scien', 'robot')),
    ('cube', ('blockchain', 'crypto', 'web3', r'tokens?\b', 'ledger', 'defi', r'nfts?\b')),
    ('bag', ('commerce', 'retail', 'shop', r'stores?\b', 'fashion', 'marketplace', 'boutique')),
    ('layers', ('saas', 'platform', 'cloud', 'workflow', 'productivity', 'collaborat')),
)
_MOTIF_PATTERNS = tuple(
    (motif, regex.compile(r'\b(?:' + '|'.join(keywords) + ')', regex.IGNORECASE)) for motif, keywords in MOTIF_KEYWORDS
)


TYPE_MOTIFS: dict[CompanyType, str] = {
    CompanyType.CYBERSECURITY: 'shield',
    CompanyType.FINTECH: 'bars',
    CompanyType.HEALTHTECH: 'heart',
    CompanyType.DEVTOOLS: 'brackets',
    CompanyType.AI_ML: 'nodes',
    CompanyType.BLOCKCHAIN: 'cube',
    CompanyType.ECOMMERCE: 'bag',
    CompanyType.SAAS: 'layers',
    CompanyType.OTHER: 'spark',
}


@lru_cache(maxsize=1024)  # a dozen word-start searches over a description of up to 2000 characters, once per logo
def _motif_in(text: str) -> str | None:
    return next((motif for motif, pattern in _MOTIF_PATTERNS if pattern.search(text)), None)


def icon_motif(profile: CompanyProfile) -> str:
    from_type = TYPE_MOTIFS[profile.company_type] if profile.company_type is not CompanyType.OTHER else None
    return _motif_in(profile.industry) or from_type or _motif_in(profile.description) or 'spark'


@dataclass(kw_only=True, slots=True, frozen=True)
class Brief:
    name: str
    letters: str
    tone: str
    industry: str
    motif: str
    face: Face
    detail_face: Face  # the body font, for small descriptor lines a display or script face would spoil
    weight: int  # the tone's weight; strong and light are the only others, so a kit loads at most three files
    inks: Inks
    symbol: KitSymbol | None = None  # the icon chosen for this concept; None: the hand-drawn symbols of `motif`

    @property
    def strong(self) -> int:
        return min(self.weight + 100, 900)

    @property
    def light(self) -> int:
        return 400 if self.weight >= 600 else 300


def make_brief(
    profile: CompanyProfile,
    palette: ColorPalette,
    typography: Typography,
    fonts: FontLibrary,
    symbol: KitSymbol | None = None,
) -> Brief:
    name = display_name(profile.name)
    return Brief(
        name=name,
        letters=initials(name),
        tone=profile.tone,
        industry=profile.industry,
        motif=icon_motif(profile),
        face=Face.for_role(typography, 'heading', fonts=fonts),
        detail_face=Face.for_role(typography, 'body', fonts=fonts),
        weight=tone_weight(profile.tone),
        inks=Inks.from_palette(palette),
        symbol=symbol,
    )
