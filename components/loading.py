"""The live progress panel: one row per requested section with its state and the elapsed time, drawn from state."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from nicegui import ui

from branding.models import SectionProvenance, SectionStatus
from branding.registry import title as section_title

from .cards import MUTED_TEXT


class RowState(StrEnum):
    QUEUED = 'queued'
    WRITING = 'writing'
    DONE = 'done'
    FALLBACK = 'fallback'
    CANCELLED = 'cancelled'
    FAILED = 'failed'


class Outcome(StrEnum):
    RUNNING = 'running'
    READY = 'ready'
    CANCELLED = 'cancelled'
    FAILED = 'failed'


STATE_ICONS: dict[RowState, tuple[str, str]] = {
    RowState.QUEUED: ('schedule', 'text-grey-7'),
    RowState.WRITING: ('edit_note', 'text-primary'),
    RowState.DONE: ('check_circle', 'text-positive'),
    RowState.FALLBACK: ('swap_horiz', 'text-warning'),
    RowState.CANCELLED: ('block', 'text-grey-7'),
    RowState.FAILED: ('error', 'text-negative'),
}
STATE_WORDS: dict[RowState, str] = {
    RowState.QUEUED: 'queued',
    RowState.WRITING: 'writing…',
    RowState.DONE: 'done',
    RowState.FALLBACK: 'fell back',
    RowState.CANCELLED: 'cancelled',
    RowState.FAILED: 'not finished',
}
TITLES: dict[Outcome, str] = {
    Outcome.RUNNING: 'Making your brand kit',
    Outcome.READY: 'Your brand kit is ready',
    Outcome.CANCELLED: 'Cancelled',
    Outcome.FAILED: 'The kit could not be finished',
}
FINISHED = frozenset({RowState.DONE, RowState.FALLBACK})


@dataclass(kw_only=True, slots=True)
class SectionProgress:
    state: RowState = RowState.QUEUED
    reason: str = ''  # why a section fell back, in the chain's words


@dataclass(kw_only=True, slots=True)
class Progress:
    """What the panel shows: one entry per requested section, and how the run ended."""

    sections: dict[str, SectionProgress]
    outcome: Outcome = Outcome.RUNNING
    started: float = field(default_factory=time.perf_counter)
    finished: float | None = None

    @classmethod
    def of(cls, sections: Iterable[str]) -> Progress:
        return cls(sections={section: SectionProgress() for section in sections})

    @property
    def elapsed_s(self) -> float:
        return (self.finished or time.perf_counter()) - self.started

    @property
    def fraction_done(self) -> float:
        done = sum(entry.state in FINISHED for entry in self.sections.values())
        return done / max(len(self.sections), 1)

    def writing(self, section: str) -> None:
        self.sections[section].state = RowState.WRITING

    def done(self, section: str, provenance: SectionProvenance) -> None:
        entry = self.sections[section]
        if provenance.status == SectionStatus.OK:
            entry.state, entry.reason = RowState.DONE, ''
        else:
            entry.state, entry.reason = RowState.FALLBACK, provenance.note or 'A backup provider wrote this section.'

    def end(self, outcome: Outcome) -> None:
        """Freeze the clock; only a run in which every section arrived is ready, whatever `outcome` claims."""
        if outcome == Outcome.READY and any(entry.state not in FINISHED for entry in self.sections.values()):
            outcome = Outcome.FAILED
        self.outcome = outcome
        self.finished = time.perf_counter()
        unfinished = RowState.CANCELLED if outcome == Outcome.CANCELLED else RowState.FAILED
        for entry in self.sections.values():
            if entry.state not in FINISHED:
                entry.state = unfinished


class LoadingPanel:
    """The panel for one run: `progress` is the state, `refresh()` draws it again."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        with ui.card().classes('w-full').mark('loading-panel').props('role=status aria-live=polite'):
            self.view()
        self.timer = ui.timer(0.1, self._tick, active=progress.outcome == Outcome.RUNNING)

    def _tick(self) -> None:
        self.elapsed.text = f'{self.progress.elapsed_s:.1f} s'
        if self.progress.outcome != Outcome.RUNNING:
            self.timer.deactivate()

    def refresh(self) -> None:
        self.view.refresh()

    @ui.refreshable_method
    def view(self) -> None:
        progress = self.progress
        with ui.row().classes('w-full items-center justify-between'):
            # the results column's heading while a run is on screen: the cards' titles below it are h3
            ui.label(TITLES[progress.outcome]).classes('text-base font-semibold').props(
                'role=heading aria-level=2'
            ).mark(f'progress-title progress-{progress.outcome.value}')
            self.elapsed = ui.label(f'{progress.elapsed_s:.1f} s').classes(f'text-sm tabular-nums {MUTED_TEXT}')
            self.elapsed.mark('elapsed')
        finished = sum(entry.state in FINISHED for entry in progress.sections.values())
        ui.linear_progress(value=progress.fraction_done, show_value=False).props(
            f'rounded aria-label="Sections finished: {finished} of {len(progress.sections)}"'
        )
        for section, entry in progress.sections.items():
            _row(section, entry)


def _row(section: str, entry: SectionProgress) -> None:
    with ui.column().classes('w-full gap-0').mark(f'progress-{section}'):
        with ui.row().classes('w-full items-center gap-3 no-wrap'):
            if entry.state == RowState.WRITING:
                ui.spinner('dots', size='md').props('aria-hidden=true')
            else:
                icon, color = STATE_ICONS[entry.state]
                ui.icon(icon, size='sm').classes(color).props('aria-hidden=true')
            ui.label(section_title(section)).classes('grow font-medium')
            ui.label(STATE_WORDS[entry.state]).classes(f'text-sm {MUTED_TEXT}').mark(f'state-{section}')
        if entry.reason:
            # said in words under the row, not in a tooltip: a fallback is worth knowing without a mouse
            ui.label(f'Why: {entry.reason}').classes(f'pl-9 text-xs break-words {MUTED_TEXT}').mark(f'reason-{section}')
