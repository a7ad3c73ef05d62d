"""The company profile form, validated field by field with the same rules the API applies."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import ui
from nicegui.elements.mixins.validation_element import ValidationElement
from pydantic import ValidationError

from branding.models import (
    COMPANY_TYPE_LABELS,
    EXAMPLE_PROFILE,
    MAX_NAME_LENGTH,
    TONES,
    BrandingRequest,
    CompanyProfile,
    Focus,
)
from branding.validation import profile_field_error, request_errors

DESCRIPTION_LIMIT = 2000

FOCUS_LABELS: dict[str, str] = {
    Focus.ALL: 'Whole kit',
    Focus.LOGOS: 'Logos',
    Focus.TAGLINES: 'Taglines',
    Focus.PALETTE: 'Palette',
    Focus.TYPOGRAPHY: 'Typography',
}


def _validator(field_name: str) -> Callable[[Any], str | None]:
    return lambda value: profile_field_error(field_name, value)


class CompanyForm:
    """Builds the form in the current context and turns its values into a validated BrandingRequest."""

    def __init__(self) -> None:
        with ui.column().classes('w-full gap-3').mark('company-form'):
            self.name = (
                ui.input('Company name', validation=_validator('name'))
                .props(f'outlined hint="As it should appear in the logo" maxlength={MAX_NAME_LENGTH} counter')
                .classes('w-full')
                .mark('field-name')
            )
            self.company_type = (
                ui.select(
                    {kind.value: label for kind, label in COMPANY_TYPE_LABELS.items()},
                    label='Company type',
                    value='saas',
                    validation=_validator('company_type'),
                )
                .props('outlined')
                .classes('w-full')
                .mark('field-company-type')
            )
            self.industry = (
                ui.input('Industry', validation=_validator('industry'))
                .props('outlined hint="e.g. Personal finance, Logistics, Kids\' toys" maxlength=120')
                .classes('w-full')
                .mark('field-industry')
            )
            self.description = (
                ui.textarea('Description', validation=_validator('description'))
                .props(f'outlined autogrow counter maxlength={DESCRIPTION_LIMIT} hint="What you do and for whom"')
                .classes('w-full')
                .mark('field-description')
            )
            self.target_audience = (
                ui.input('Target audience', validation=_validator('target_audience'))
                .props('outlined hint="Who the brand speaks to" maxlength=300')
                .classes('w-full')
                .mark('field-audience')
            )
            self.brand_values = (
                ui.input_chips(
                    'Brand values', value=[], new_value_mode='add-unique', validation=_validator('brand_values')
                )
                .props('outlined hint="Type a value and press Enter; up to 10"')
                .classes('w-full')
                .mark('field-values')
            )
            self.tone = (
                ui.select(
                    {tone: f'{tone.capitalize()} — {text}' for tone, text in TONES.items()},
                    label='Tone of voice',
                    value='professional',
                    validation=_validator('tone'),
                )
                .props('outlined options-dense')
                .classes('w-full')
                .mark('field-tone')
            )
            with ui.row().classes('w-full gap-3 items-start no-wrap'):
                self.num_variations = (
                    ui.number('Variations', value=3, min=1, max=10, step=1, precision=0)
                    .props('outlined hint="Logos and taglines, 1–10"')
                    .classes('w-32')
                    .mark('field-variations')
                )
                self.focus = (
                    ui.select(FOCUS_LABELS, label='Focus', value=Focus.ALL.value)
                    .props('outlined')
                    .classes('grow')
                    .mark('field-focus')
                )

    @property
    def profile_fields(self) -> dict[str, ValidationElement[Any]]:  # text, chips and select values
        return {
            'name': self.name,
            'company_type': self.company_type,
            'industry': self.industry,
            'description': self.description,
            'target_audience': self.target_audience,
            'brand_values': self.brand_values,
            'tone': self.tone,
        }

    def data(self) -> dict[str, Any]:
        variations = self.num_variations.value
        return {
            'company_profile': {name: element.value for name, element in self.profile_fields.items()},
            'num_variations': int(variations) if isinstance(variations, int | float) else variations,
            'focus': self.focus.value,
        }

    def fill(self, profile: CompanyProfile) -> None:
        for name, element in self.profile_fields.items():
            element.value = list(profile.brand_values) if name == 'brand_values' else getattr(profile, name)

    def fill_example(self) -> None:
        self.fill(EXAMPLE_PROFILE)

    def request(self) -> BrandingRequest | None:
        """The validated request, or None after showing every field's message."""
        for element in self.profile_fields.values():
            element.validate()
        errors = request_errors(self.data())
        if errors:
            return None
        try:
            return BrandingRequest.model_validate(self.data())
        except ValidationError:  # request_errors found none, so this cannot happen; keep the form safe anyway
            return None

    def first_error(self) -> str | None:
        errors = request_errors(self.data())
        if not errors:
            return None
        path, message = next(iter(errors.items()))
        return f'{path.removeprefix("company_profile.").replace("_", " ").capitalize()}: {message}'
