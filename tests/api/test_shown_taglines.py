"""Taglines made again for a saved kit do not bring back the lines its earlier revisions showed, not only the kit's
own: the studio's Regenerate (KitService.regenerate) reads the kit's last revisions that changed its taglines. Before,
the third version of a bakery's taglines could show the first version's lines again."""

from __future__ import annotations

from bench.corpus import corpus_profiles
from branding.models import BrandingRequest, BrandKit, SectionName
from branding.sections.taglines import dedupe_key
from branding.service import KitService

PROFILES = {profile.name: profile for profile in corpus_profiles()}
COMPANIES = ('Hearthstone Bakery', 'Doodle Dino', 'Granite Trust Bank', 'Maison Velours')
COUNT = 3


def lines(kit: BrandKit) -> list[str]:
    return [dedupe_key(tagline.text) for tagline in kit.taglines]


async def test_five_versions_of_taglines_repeat_no_line(service: KitService) -> None:
    for name in COMPANIES:
        request = BrandingRequest(company_profile=PROFILES[name], num_variations=COUNT, seed=1)
        kit = await service.generate(request, owner='alice', reuse=False)
        seen = [lines(kit)]
        for seed in (5, 6, 7, 8):
            kit = (await service.regenerate(request, kit, SectionName.TAGLINES, owner='alice', seed=seed)).kit
            seen.append(lines(kit))
        every = [line for version in seen for line in version]
        assert len(every) == 5 * COUNT
        assert len(set(every)) == len(every), f'{name}: {seen}'
