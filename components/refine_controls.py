"""The studio's controls on a finished kit, drawn in its cards (components.card_tools.CardTools): choose the logo,
star, lock and edit taglines, lock any section or element, pick a colour or a font, change a section by instruction;
and the kit's own: regenerate the rest, undo (a button and Ctrl+Z).

Every control changes the kit through components.refine_actions (the functions the API's routes call); a change is a
new revision handed to `on_revised`, which redraws the cards it touched, the In use board and the versions. A change
that does not fit (a colour that is not one, a tagline that is no tagline) says why at its field, and nothing is
lost: the kit stays as it was and the field keeps what was typed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Literal

from nicegui import ui
from nicegui.events import KeyEventArguments
from pydantic import ValidationError

from branding.design.font_files import FontLibrary
from branding.models import BrandKit, SectionName
from branding.refine.choices import LOCKABLE_SECTIONS, PALETTE_ROLES, ChoiceError, KitChoices
from branding.refine.history import Revised
from branding.refine.instructions import MAX_INSTRUCTION_LENGTH, NotUnderstood
from branding.refine.prompted import NeedsProvider, ProvidersFailed
from branding.registry import title as section_title
from components.cards import MUTED_TEXT, action_button
from components.cards.tooltips import mouse_tooltip
from components.font_picker import FontPicker
from components.refine_actions import KitRefiner, RefineProblem

NotifyType = Literal['positive', 'negative', 'warning', 'info']
Work = Callable[[str], Awaitable[Revised]]
PRESSED = 'bg-indigo-100 dark:bg-indigo-900'
PROBLEMS = (ChoiceError, RefineProblem, NotUnderstood, NeedsProvider, ProvidersFailed, ValidationError)


@dataclass(kw_only=True, slots=True)
class Hooks:
    """What the controls need from the studio around them."""

    kit: Callable[[], BrandKit | None]  # the finished kit on the page (None while one streams in)
    busy: Callable[[], bool]  # a generation or a section's regeneration is under way
    admit: Callable[[], Awaitable[bool]]  # one generation counted against the client's budget
    on_revised: Callable[[Revised], Awaitable[None]]  # the new revision drawn on the page
    notify: Callable[[str, NotifyType], None]
    can_instruct: Callable[[str], bool]  # may a section be changed by instruction (offline or a provider)?


def problem_text(error: Exception) -> str:
    """What went wrong, in one sentence for the field it belongs to."""
    if isinstance(error, ChoiceError):
        return error.problems[0].message
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        limit = first.get('ctx', {}).get('max_length')
        return f'At most {limit} characters' if limit is not None else str(first['msg'])
    return str(error)


def set_field_error(field: ui.element, message: str | None) -> None:
    """An input's error under it (Quasar's error slot, read by screen readers); None clears it."""
    field.props['error'] = message is not None
    field.props['error-message'] = message


class RefineControls:
    """The controls of one studio page; `section` and `element` are called by the cards as they are drawn."""

    def __init__(self, refiner: KitRefiner, hooks: Hooks, *, fonts: FontLibrary) -> None:
        self.refiner = refiner
        self.hooks = hooks
        self.fonts = fonts
        self.working = False
        # Ctrl+Z (Cmd+Z) anywhere but in a text field, where it undoes typing
        ui.keyboard(on_key=self._key, ignore=['input', 'select', 'textarea'])

    # --- running a change -----------------------------------------------------------------------------------------

    async def _run(
        self, work: Work, *, field: ui.element | None = None, said: Callable[[Revised], str] | None = None
    ) -> bool:
        """Make one change; its problem at `field` (or as a message) when it cannot be made."""
        kit = self.hooks.kit()
        if kit is None or self.hooks.busy():
            self.hooks.notify('Wait for the kit to finish, or cancel it.', 'warning')
            return False
        if self.working:
            self.hooks.notify('One change at a time: the last one is still being made.', 'info')
            return False
        self.working = True
        self.toolbar.refresh()
        try:
            revised = await work(kit.id)
        except PROBLEMS as error:
            if field is not None and not field.is_deleted:
                set_field_error(field, problem_text(error))
            else:
                self.hooks.notify(problem_text(error), 'warning')
            return False
        finally:
            self.working = False
            self.toolbar.refresh()
        await self.hooks.on_revised(revised)
        message = said(revised) if said else f'Version {revised.revision.number}: {revised.revision.summary}'
        self.hooks.notify(message, 'positive')
        return True

    async def change(self, choices: Callable[[], KitChoices], *, field: ui.element | None = None) -> bool:
        """Choices made from the kit as saved; `choices` builds them (its ValidationError is the field's problem)."""
        return await self._run(lambda kit_id: self.refiner.change(kit_id, choices()), field=field)

    async def toggle_lock(self, lock: str) -> None:
        kit = self.hooks.kit()
        if kit is None:
            return
        locks = [name for name in kit.locks if name != lock] if lock in kit.locks else [*kit.locks, lock]
        await self.change(lambda: KitChoices(locks=locks))

    async def regenerate_rest(self) -> None:
        if self.hooks.kit() is not None and not self.working and not await self.hooks.admit():
            return
        await self._run(self.refiner.regenerate_rest)

    async def undo(self) -> None:
        restored: list[int] = []

        async def step_back(kit_id: str) -> Revised:
            target, revised = await self.refiner.undo(kit_id)
            restored.append(target)
            return revised

        await self._run(
            step_back,
            said=lambda revised: (
                f'Undone: version {restored[-1]} is the kit again, as version {revised.revision.number}'
            ),
        )

    async def _key(self, event: KeyEventArguments) -> None:
        if (
            event.action.keydown
            and not event.action.repeat
            and event.key.name.lower() == 'z'
            and (event.modifiers.ctrl or event.modifiers.meta)
            and not event.modifiers.shift
            and self.hooks.kit() is not None
        ):
            await self.undo()

    # --- the kit's toolbar (in the studio's actions) --------------------------------------------------------------

    @ui.refreshable_method
    def toolbar(self) -> None:
        kit = self.hooks.kit()
        if kit is None:
            return
        with ui.row(wrap=True).classes('w-full items-center gap-2').mark('refine-toolbar'):
            rest = ui.button('Regenerate the rest', icon='autorenew', on_click=self.regenerate_rest)
            rest.props('outline no-caps' + (' loading' if self.working else '')).mark('regenerate-rest')
            rest.props['aria-label'] = 'Regenerate the rest: everything not locked, with a new seed'
            undo = ui.button('Undo', icon='undo', on_click=self.undo).props('outline no-caps').mark('undo')
            undo.props['aria-keyshortcuts'] = 'Control+Z'
            mouse_tooltip(undo, 'Step back one version (Ctrl+Z)')
            locks = ', '.join(kit.locks)
            ui.label(f'Locked: {locks}' if locks else 'Lock what you like; regenerating keeps it.').classes(
                f'text-sm {MUTED_TEXT}'
            ).mark('locks-summary')

    # --- in the cards (CardTools) ---------------------------------------------------------------------------------

    def section(self, section: str) -> None:
        kit = self.hooks.kit()
        if kit is None or section not in LOCKABLE_SECTIONS:
            return
        what = f'the {section_title(section).lower()}'
        with ui.column().classes('w-full gap-2').mark(f'tools-{section}'):
            self._lock(kit, section, what, label='Lock')
            if section in SECTION_PICKERS:
                SECTION_PICKERS[section](self, kit)
            if self.hooks.can_instruct(section):
                self._instruction(section, what)

    def element(self, section: str, key: str) -> None:
        kit = self.hooks.kit()
        if kit is None or section not in ELEMENT_TOOLS:
            return
        ELEMENT_TOOLS[section](self, kit, key)

    def _lock(self, kit: BrandKit, lock: str, what: str, *, label: str = '') -> ui.button:
        """A toggle: pressed while `lock` is on (a locked section also shows each of its elements locked)."""
        section, dot, _ = lock.partition('.')
        by_section = bool(dot) and section in kit.locks
        locked = lock in kit.locks or by_section
        name = f'Lock {what}'  # a toggle keeps its name; aria-pressed and the icon say whether it is on
        button = action_button(
            label, 'lock' if locked else 'lock_open', lambda: self.toggle_lock(lock), aria_label=name
        )
        button.props['aria-pressed'] = 'true' if locked else 'false'
        if locked:
            button.classes(PRESSED)
        if by_section:
            button.disable()
        return button.mark(f'lock-{lock}')

    def _instruction(self, section: str, what: str) -> None:
        with ui.row(wrap=False).classes('w-full items-start gap-2'):
            field = (
                ui.input(label=f'Change {what} by instruction', placeholder='e.g. warmer, less corporate')
                .classes('grow')
                .props(f'dense outlined maxlength={MAX_INSTRUCTION_LENGTH}')
                .mark(f'instruction-{section}')
            )

            async def apply() -> None:
                text = (field.value or '').strip()
                if not text:
                    set_field_error(field, 'Say how it should change, e.g. "warmer"')
                    return
                set_field_error(field, None)
                # it may call the providers, as a generation does (while a change is made, _run says to wait)
                if not self.working and not await self.hooks.admit():
                    return
                await self._run(lambda kit_id: self.refiner.refine(kit_id, section, text), field=field)

            field.on('keydown.enter', apply)
            action_button('Apply', 'auto_fix_high', apply, aria_label=f'Apply the instruction to {what}').mark(
                f'apply-instruction-{section}'
            )

    # --- the section pickers --------------------------------------------------------------------------------------

    def _colour_picker(self, kit: BrandKit) -> None:
        palette = kit.color_palette
        if palette is None:
            return
        with ui.row(wrap=True).classes('w-full items-start gap-2').mark('colour-picker'):
            role = (
                ui.select({name: name.capitalize() for name in PALETTE_ROLES}, value='primary', label='Colour')
                .props('dense outlined')
                .classes('min-w-32')
                .mark('colour-role')
            )
            field = (
                ui.color_input(label='Hex or CSS colour', value=str(palette.primary), preview=True)
                .props('dense outlined maxlength=64')
                .classes('w-72 max-w-full')
                .mark('colour-input')
            )
            # the icon NiceGUI's colour input draws on its picker button, named here so the asset build (which
            # ships the icons the UI sources name) includes its path and the icon font is never downloaded
            field.button.set_icon('colorize')
            field.button.props['aria-label'] = 'Open the colour picker'
            role.on_value_change(lambda event: field.set_value(str(getattr(palette, event.value))))
            field.on_value_change(lambda: set_field_error(field, None))

            async def apply() -> None:
                picked = {str(role.value): str(field.value or '')}
                await self.change(lambda: KitChoices.model_validate({'palette': picked}), field=field)

            field.on('keydown.enter', apply)
            action_button('Use this colour', 'format_color_fill', apply, aria_label='Use this colour').mark(
                'apply-colour'
            )

    def _font_picker(self, kit: BrandKit) -> None:
        if kit.typography is None:
            return

        async def pick(role: str, family: str) -> None:
            await self.change(lambda: KitChoices.model_validate({'typography': {role: family}}))

        FontPicker(kit.typography, self.fonts, on_pick=pick)

    # --- the element tools ----------------------------------------------------------------------------------------

    def _colour_role_tools(self, kit: BrandKit, key: str) -> None:
        self._lock(kit, f'{SectionName.PALETTE}.{key}', f'the {key} colour')

    def _font_role_tools(self, kit: BrandKit, key: str) -> None:
        self._lock(kit, f'{SectionName.TYPOGRAPHY}.{key}', f'the {key} font')

    def _logo_tools(self, kit: BrandKit, key: str) -> None:
        index = int(key)
        style = kit.logos[index].style.value if index < len(kit.logos) else 'logo'
        what = f'the {style} concept ({index + 1})'
        with ui.row(wrap=True).classes('w-full items-center gap-2').mark(f'logo-tools-{index}'):
            if kit.chosen_logo == index:
                with ui.row(wrap=False).classes('items-center gap-1 rounded bg-green-100 px-2 py-0.5 text-green-900'):
                    ui.icon('verified', size='1.1rem').props('aria-hidden=true')
                    ui.label('The logo').classes('text-sm font-semibold').mark('chosen-logo')
            else:
                action_button(
                    'Use as the logo',
                    'radio_button_unchecked',
                    lambda: self.change(lambda: KitChoices(chosen_logo=index)),
                    aria_label=f'Use as the logo: {what}',
                ).mark(f'choose-logo-{index}')
            self._lock(kit, f'logos.{index}', what)

    def _tagline_tools(self, kit: BrandKit, key: str) -> None:
        tagline = next((tagline for tagline in kit.taglines if tagline.id == key), None)
        if tagline is None:
            return
        starred = key in kit.starred_taglines
        stars = [star for star in kit.starred_taglines if star != key] if starred else [*kit.starred_taglines, key]
        with ui.column().classes('w-full gap-1'):
            with ui.row(wrap=True).classes('items-center gap-1'):
                icon = 'star' if starred else 'star_border'
                star = action_button('', icon, lambda: self._star(stars), aria_label='Star this tagline')
                star.props['aria-pressed'] = 'true' if starred else 'false'
                star.mark(f'star-{key}', 'starred' if starred else 'not-starred')
                if starred:
                    star.classes(PRESSED)
                self._lock(kit, f'taglines.{key}', 'this tagline')
                action_button(
                    'Edit', 'edit', lambda: self._edit(editor, key, tagline.text), aria_label='Edit this tagline'
                ).mark(f'edit-{key}')
            editor = ui.column().classes('w-full gap-1')

    async def _star(self, stars: list[str]) -> None:
        await self.change(lambda: KitChoices(starred_taglines=stars))

    def _edit(self, editor: ui.column, key: str, text: str) -> None:
        """The tagline's text in a field in place, saved as the kit's next version when it is a tagline."""
        editor.clear()
        with editor:
            field = ui.input('Tagline', value=text).classes('w-full').props('outlined autofocus')
            field.mark(f'tagline-editor-{key}')
            field.on_value_change(lambda: set_field_error(field, None))

            async def save() -> None:
                typed = str(field.value or '')
                await self.change(lambda: KitChoices(taglines={key: typed}), field=field)

            field.on('keydown.enter', save)
            with ui.row().classes('gap-2'):
                action_button('Save', 'check', save, aria_label='Save the tagline').mark(f'save-tagline-{key}')
                action_button('Cancel', 'close', editor.clear, aria_label='Cancel editing the tagline')


ElementTools = Callable[[RefineControls, BrandKit, str], None]
SECTION_PICKERS: dict[str, Callable[[RefineControls, BrandKit], Any]] = {
    SectionName.PALETTE: RefineControls._colour_picker,
    SectionName.TYPOGRAPHY: RefineControls._font_picker,
}
ELEMENT_TOOLS: dict[str, ElementTools] = {
    SectionName.LOGOS: RefineControls._logo_tools,
    SectionName.TAGLINES: RefineControls._tagline_tools,
    SectionName.PALETTE: RefineControls._colour_role_tools,
    SectionName.TYPOGRAPHY: RefineControls._font_role_tools,
}
