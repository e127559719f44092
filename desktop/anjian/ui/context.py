"""What a section page gets from the window: the language, service calls, the state.

Pages never call the service themselves: :meth:`PageContext.call` runs a call
on the keyring worker (off the UI thread) and the keyring panel shows that it
waits, or why it failed, with Cancel and Try again. :meth:`PageContext.change_state`
saves a change to the latest state; when it is saved, :attr:`PageContext.state_changed`
tells every page, so all of them show the same state.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from anjian.core.state import State
from anjian.service import AnjianService, StorageStatus
from anjian.ui.keyring_panel import KeyringPanel
from anjian.ui.language import InterfaceLanguage
from anjian.ui.worker import KeyringWorker, Request, ServiceCall


class PageContext(QObject):
    """Shared by the window and its pages."""

    state_changed = Signal(object)  # a StorageStatus, after every load and every save
    section_requested = Signal(str)  # a section id: "take me to where this is fixed"

    def __init__(
        self,
        worker: KeyringWorker,
        language: InterfaceLanguage,
        panel: KeyringPanel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.language = language
        self.panel = panel
        self.status: StorageStatus | None = None
        self.state_changed.connect(self._remember)

    @property
    def state(self) -> State | None:
        """The state as last loaded or saved (``None`` before the first load)."""
        return self.status.snapshot.state if self.status else None

    def call(
        self,
        call: ServiceCall,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
    ) -> Request:
        """Run ``call`` on the worker; ``on_done`` gets its result, ``on_failed`` its
        exception, on the UI thread. Try again in the keyring panel repeats the call
        with the same two."""
        request = self.worker.submit(call)
        if on_done is not None:
            request.succeeded.connect(on_done)
        if on_failed is not None:
            request.failed.connect(on_failed)
        self.panel.track(request, retry=lambda: self.call(call, on_done, on_failed))
        return request

    def change_state(
        self, change: Callable[[State], State], on_done: Callable[[Any], None] | None = None
    ) -> Request:
        """Apply ``change`` to the latest saved state and save it; every page is told."""

        def update(service: AnjianService) -> StorageStatus:
            return service.update(change)

        def saved(status: StorageStatus) -> None:
            self.state_changed.emit(status)
            if on_done is not None:
                on_done(status)

        return self.call(update, saved)

    def open_section(self, section_id: str) -> None:
        """Show the page of ``section_id`` (the window switches to it)."""
        self.section_requested.emit(section_id)

    def _remember(self, status: StorageStatus) -> None:
        self.status = status
