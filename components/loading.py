"""The live progress panel: one row per requested section with its state and the elapsed time."""

from __future__ import annotations

import time

from nicegui import ui

from branding.models import SECTION_TITLES, SectionName, SectionProvenance, SectionStatus

STATE_ICONS: dict[str, tuple[str, str]] = {
    'queued': ('schedule', 'text-grey-7'),
    'writing': ('edit_note', 'text-primary'),
    'done': ('check_circle', 'text-positive'),
    'fallback': ('swap_horiz', 'text-warning'),
    'cancelled': ('block', 'text-grey-7'),
}


class SectionRow:
    def __init__(self, section: SectionName) -> None:
        self.section = section
        with ui.row().classes('w-full items-center gap-3 no-wrap').mark(f'progress-{section}') as self.row:
            self.spinner = ui.spinner('dots', size='md').props('aria-hidden=true')
            self.spinner.visible = False
            self.icon = ui.icon('schedule', size='sm').props('aria-hidden=true')
            ui.label(SECTION_TITLES[section]).classes('grow font-medium')
            self.state = ui.label('queued').classes('text-sm bs-muted')
        self.set_state('queued')

    def set_state(self, state: str, *, detail: str = '') -> None:
        icon, color = STATE_ICONS[state]
        self.icon.props(f'name={icon}').classes(replace=color)
        self.spinner.visible = state == 'writing'
        self.icon.visible = state != 'writing'
        self.state.text = {'fallback': 'fell back', 'writing': 'writing…'}.get(state, state)
        if detail:
            self.row.tooltip(detail)


class LoadingPanel:
    """Rows for the requested sections; `finish` freezes the clock."""

    def __init__(self, sections: tuple[SectionName, ...]) -> None:
        self.started = time.perf_counter()
        with ui.card().classes('w-full').mark('loading-panel').props('role=status aria-live=polite'):
            with ui.row().classes('w-full items-center justify-between'):
                self.title = ui.label('Making your brand kit').classes('text-base font-semibold')
                self.elapsed = ui.label('0.0 s').classes('text-sm tabular-nums bs-muted').mark('elapsed')
            self.progress = ui.linear_progress(value=0, show_value=False).props('rounded')
            self.rows = {section: SectionRow(section) for section in sections}
        self.timer = ui.timer(0.1, self._tick)

    def _tick(self) -> None:
        self.elapsed.text = f'{time.perf_counter() - self.started:.1f} s'

    def writing(self, section: SectionName) -> None:
        self.rows[section].set_state('writing')

    def done(self, section: SectionName, provenance: SectionProvenance) -> None:
        if provenance.status == SectionStatus.OK:
            self.rows[section].set_state('done')
        else:
            self.rows[section].set_state('fallback', detail=provenance.note or 'A backup provider wrote this section')
        finished = sum(row.state.text in {'done', 'fell back'} for row in self.rows.values())
        self.progress.value = finished / len(self.rows)

    def finish(self, *, cancelled: bool = False) -> None:
        self.timer.cancel()
        self._tick()
        self.title.text = 'Cancelled' if cancelled else 'Your brand kit is ready'
        if cancelled:
            for row in self.rows.values():
                if row.state.text in {'queued', 'writing…'}:
                    row.set_state('cancelled')
