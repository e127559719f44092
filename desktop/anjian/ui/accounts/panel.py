"""One account on the Accounts page: its name and kind, bound contacts, official channels.

Every change is a pure change from :mod:`anjian.core.accounts.changes` sent through
``PageContext.change_state``; what the user typed is validated here first, and
a problem is shown next to the field in words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from anjian.core.accounts import changes
from anjian.core.accounts.channels import (
    CHANNEL_KIND_NAMES,
    CHANNEL_SOURCE_NAMES,
    ChannelKind,
    ChannelSource,
    OfficialChannel,
    Preset,
    checked_in_official_app,
    from_preset,
    new_channel,
)
from anjian.core.accounts.contacts import (
    ContactKind,
    ContactStatus,
    RecoveryContact,
    confirm_still_mine,
    mark_no_longer_mine,
    new_contact,
    record_code_received,
)
from anjian.core.accounts.findings import PRIORITY_NAMES, Finding, Priority
from anjian.core.accounts.phones import PHONE_TYPE_NAMES
from anjian.core.accounts.problems import InputProblem
from anjian.core.state import Account, AccountKind, State, new_id
from anjian.i18n import N_, Text
from anjian.ui import messages
from anjian.ui.accounts.common import Translate, day, icon, label
from anjian.ui.accounts.help_dialogs import CodeDrillDialog, TroubleshootingDialog

Change = Callable[[State], State]

KIND_NAMES: dict[AccountKind, str] = {
    AccountKind.WALLET: N_("Wallet (self-custody)"),
    AccountKind.EXCHANGE: N_("Exchange"),
    AccountKind.PAYMENT: N_("Payment app"),
    AccountKind.CHAT: N_("Chat app"),
    AccountKind.EMAIL: N_("E-mail"),
    AccountKind.OTHER: N_("Other"),
}
CONTACT_KIND_NAMES = {ContactKind.PHONE: N_("Phone"), ContactKind.EMAIL: N_("E-mail")}
# Where official apps come from (the user may type another); translated store names.
APP_STORES = (N_("App Store"), N_("Google Play"), N_("Huawei AppGallery"),
              N_("Xiaomi GetApps"), N_("OPPO App Market"), N_("vivo App Store"),
              N_("Tencent MyApp"), N_("The service's own website"))
_P = QStyle.StandardPixmap


class AccountPanel(QWidget):
    """The selected account (or a new one) and everything recorded about it."""

    save = Signal(object)  # a Change to save
    created = Signal(str)  # the id of an account about to be created

    def __init__(self, tr: Callable[[], Translate], region: Callable[[], str],
                 clock: Callable[[], datetime], parent: QWidget) -> None:
        super().__init__(parent)
        self._tr = tr
        self._region = region
        self._clock = clock
        self.state: State | None = None
        self.account: Account | None = None
        self.findings: list[Finding] = []
        self.presets: Sequence[Preset] | None = None  # None: the shipped ones (tests set it)
        self.preset_dialog: QDialog | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)

        self.account_box = QGroupBox(self)
        form = QFormLayout(self.account_box)
        self.name = QLineEdit(self.account_box)
        self.name.setMaxLength(changes.MAX_NAME)
        self.kind = QComboBox(self.account_box)
        for kind in AccountKind:
            self.kind.addItem("", kind.value)
        self.notes = QPlainTextEdit(self.account_box)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 14)
        self.name_label, self.kind_label, self.notes_label = (QLabel(self.account_box)
                                                               for _ in range(3))
        form.addRow(self.name_label, self.name)
        form.addRow(self.kind_label, self.kind)
        form.addRow(self.notes_label, self.notes)
        self.account_error = label(self.account_box)
        self.save_button = QPushButton(self.account_box)
        self.save_button.clicked.connect(self._save_account)
        self.name.returnPressed.connect(self._save_account)
        row = QHBoxLayout()
        row.addWidget(self.account_error, 1)
        row.addWidget(self.save_button)
        form.addRow(row)
        column.addWidget(self.account_box)

        self.contacts_box = QGroupBox(self)
        contacts = QVBoxLayout(self.contacts_box)
        self.contacts_hint = label(self.contacts_box)
        self.contact_rows = QVBoxLayout()
        add = QHBoxLayout()
        self.contact_kind = QComboBox(self.contacts_box)
        for kind in ContactKind:
            self.contact_kind.addItem("", kind.value)
        self.contact_input = QLineEdit(self.contacts_box)
        self.contact_input.returnPressed.connect(self._add_contact)
        self.add_contact_button = QPushButton(self.contacts_box)
        self.add_contact_button.clicked.connect(self._add_contact)
        add.addWidget(self.contact_kind)
        add.addWidget(self.contact_input, 1)
        add.addWidget(self.add_contact_button)
        self.contact_message = label(self.contacts_box)
        self.use_suggestion = QPushButton(self.contacts_box)
        self.use_suggestion.hide()
        self.use_suggestion.clicked.connect(self._use_suggestion)
        self._suggestion = ""
        self.troubleshoot_button = QPushButton(self.contacts_box)
        self.troubleshoot_button.clicked.connect(
            lambda: TroubleshootingDialog(self._tr(), self).open())
        contacts.addWidget(self.contacts_hint)
        contacts.addLayout(self.contact_rows)
        contacts.addLayout(add)
        message_row = QHBoxLayout()
        message_row.addWidget(self.contact_message, 1)
        message_row.addWidget(self.use_suggestion)
        contacts.addLayout(message_row)
        help_row = QHBoxLayout()
        help_row.addWidget(self.troubleshoot_button)
        help_row.addStretch(1)
        contacts.addLayout(help_row)
        column.addWidget(self.contacts_box)

        self.channels_box = QGroupBox(self)
        channels = QVBoxLayout(self.channels_box)
        self.channels_hint = label(self.channels_box)
        self.channel_rows = QVBoxLayout()
        add = QHBoxLayout()
        self.channel_kind = QComboBox(self.channels_box)
        for kind in ChannelKind:
            self.channel_kind.addItem("", kind.value)
        self.channel_kind.currentIndexChanged.connect(self._kind_chosen)
        self.channel_input = QLineEdit(self.channels_box)
        self.channel_input.returnPressed.connect(self._add_channel)
        self.channel_store = QComboBox(self.channels_box)
        self.channel_store.setEditable(True)
        self.channel_store.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for _store in APP_STORES:
            self.channel_store.addItem("")
        self.channel_store.hide()
        self.channel_source = QComboBox(self.channels_box)
        for source in ChannelSource:
            if source is not ChannelSource.PRESET:
                self.channel_source.addItem("", source.value)
        self.add_channel_button = QPushButton(self.channels_box)
        self.add_channel_button.clicked.connect(self._add_channel)
        add.addWidget(self.channel_kind)
        add.addWidget(self.channel_input, 1)
        add.addWidget(self.channel_store)
        # Where it came from gets its own row: the names are long, and they matter.
        origin = QHBoxLayout()
        self.channel_source_label = QLabel(self.channels_box)
        self.channel_source_label.setBuddy(self.channel_source)
        origin.addWidget(self.channel_source_label)
        origin.addWidget(self.channel_source, 1)
        origin.addWidget(self.add_channel_button)
        self.channel_error = label(self.channels_box)
        self.preset_button = QPushButton(self.channels_box)
        self.preset_button.clicked.connect(self._use_preset)
        channels.addWidget(self.channels_hint)
        channels.addLayout(self.channel_rows)
        channels.addLayout(add)
        channels.addLayout(origin)
        channels.addWidget(self.channel_error)
        preset_row = QHBoxLayout()
        preset_row.addWidget(self.preset_button)
        preset_row.addStretch(1)
        channels.addLayout(preset_row)
        column.addWidget(self.channels_box)

        self.findings_box = QGroupBox(self)
        self.finding_rows = QVBoxLayout(self.findings_box)
        column.addWidget(self.findings_box)
        column.addStretch(1)

    # -- showing ------------------------------------------------------------------------

    def show_account(self, state: State | None, account: Account | None,
                     findings: list[Finding], refill: bool) -> None:
        """Show ``account`` (``None``: a new one); ``refill`` resets the form fields."""
        self.state, self.account, self.findings = state, account, findings
        if refill:
            self.name.setText(account.name if account else "")
            self.kind.setCurrentIndex(list(AccountKind).index(account.kind if account
                                                              else AccountKind.EXCHANGE))
            self.notes.setPlainText(account.notes if account else "")
            self.account_error.clear()
            self.contact_message.clear()
            self.channel_error.clear()
            self.use_suggestion.hide()
        for box in (self.contacts_box, self.channels_box, self.findings_box):
            box.setVisible(account is not None)
        self.render()

    def render(self) -> None:
        """Render the rows and every text in the current language."""
        tr = self._tr()
        _clear(self.contact_rows)
        _clear(self.channel_rows)
        _clear(self.finding_rows)
        details = self.state.account_details if self.state else None
        if self.account is not None and details is not None:
            contacts = details.contacts_of(self.account.id)
            for contact in contacts:
                self.contact_rows.addWidget(self._contact_row(contact, tr))
            if not contacts:
                self.contact_rows.addWidget(_note(self.contacts_box, tr(N_(
                    "No phone number or e-mail recorded for this account yet."))))
            channels = details.channels_of(self.account.id)
            for channel in channels:
                self.channel_rows.addWidget(self._channel_row(channel, tr))
            if not channels:
                self.channel_rows.addWidget(_note(self.channels_box, tr(N_(
                    "No official channel recorded yet."))))
        mine = [f for f in self.findings if f.priority is not Priority.HIGH]
        for finding in mine:
            row = QHBoxLayout()
            row.setContentsMargins(0, 2, 0, 2)
            text = label(self.findings_box)
            lines = [f"{tr(PRIORITY_NAMES[finding.priority])}: {tr(finding.text)}"]
            lines += [f"  {index}. {tr(step)}" for index, step in enumerate(finding.steps, 1)]
            text.setText("\n".join(lines))
            row.addWidget(icon(self.findings_box, _P.SP_MessageBoxWarning, 16), 0,
                          Qt.AlignmentFlag.AlignTop)
            row.addWidget(text, 1)
            holder = QWidget(self.findings_box)
            holder.setLayout(row)
            self.finding_rows.addWidget(holder)
        if not mine:
            self.finding_rows.addWidget(_note(self.findings_box, tr(N_("Nothing to do here."))))
        self.retranslate()

    def _contact_row(self, contact: RecoveryContact, tr: Translate) -> QWidget:
        assert self.account is not None and self.state is not None
        now = self._clock()
        row = QFrame(self.contacts_box)
        row.setObjectName("lost" if contact.no_longer_mine else "result")
        row.setProperty("contact_id", contact.id)
        column = QVBoxLayout(row)
        column.setContentsMargins(10, 8, 10, 8)
        what = (tr(PHONE_TYPE_NAMES[contact.phone_type]) if contact.phone_type
                else tr(N_("e-mail")))
        title = label(row, bold=True)
        title.setText(f"{contact.masked()}  ·  {what}" + (f"  ·  {contact.label}"
                                                         if contact.label else ""))
        status = contact.status(now)
        state_text = label(row)
        binding = contact.binding(self.account.id)
        drill = (tr(Text(N_("A code last arrived on {date}."),
                         {"date": day(binding.code_received)}))
                 if binding and binding.code_received else tr(N_("No code drill yet.")))
        if status is ContactStatus.NO_LONGER_MINE:
            state_icon = _P.SP_MessageBoxCritical
            state_text.setText(tr(Text(N_(
                "Warning: you marked this as no longer yours on {date}. This account still "
                "sends its reset codes there: rebind it now."), {"date": day(
                    contact.no_longer_mine)})))
        elif status is ContactStatus.DUE:
            state_icon = _P.SP_MessageBoxWarning
            state_text.setText(tr(Text(N_(
                "Due: confirm it is still yours (last confirmed {date}). {drill}"),
                {"date": day(contact.confirmed), "drill": drill})))
        else:
            state_icon = _P.SP_DialogApplyButton
            state_text.setText(tr(Text(N_(
                "Still yours, confirmed {date}; next check by {due}. {drill}"),
                {"date": day(contact.confirmed), "due": day(contact.next_due()),
                 "drill": drill})))
        top = QHBoxLayout()
        top.addWidget(icon(row, state_icon, 20))
        top.addWidget(title, 1)
        column.addLayout(top)
        column.addWidget(state_text)
        if contact.kind is ContactKind.EMAIL:
            column.addLayout(self._mailbox_choice(row, contact, tr))
        buttons = QHBoxLayout()
        for text, slot in (
            (N_("Still mine"), lambda: self.save.emit(changes.change_contact(
                contact.id, lambda c: confirm_still_mine(c, self._clock())))),
            (N_("Receive a code now…"), lambda: self._drill(contact)),
            (N_("No longer mine…"), lambda: self._mark_lost(contact)),
            (N_("Unbind"), lambda: self.save.emit(changes.unbind_contact(
                contact.id, self.account.id if self.account else ""))),
        ):
            button = QPushButton(tr(text), row)
            button.setAccessibleName(f"{tr(text)} {contact.masked()}")
            button.clicked.connect(slot)
            if text == N_("No longer mine…") and contact.no_longer_mine:
                button.hide()
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        row.setAccessibleName(title.text())
        row.setAccessibleDescription(state_text.text())
        return row

    def _mailbox_choice(self, row: QWidget, contact: RecoveryContact, tr: Translate) -> QHBoxLayout:
        """Which account in the list is this mailbox itself (so its own 2FA can be checked)."""
        assert self.state is not None
        layout = QHBoxLayout()
        caption = label(row)
        caption.setWordWrap(False)
        caption.setText(tr(N_("This mailbox is the account:")))
        choice = QComboBox(row)
        choice.setAccessibleName(tr(N_("Which account is this mailbox")))
        choice.addItem(tr(N_("not in my list")), None)
        for account in self.state.accounts:
            choice.addItem(account.name, account.id)
        choice.setCurrentIndex(max(choice.findData(contact.mailbox_account), 0))

        def chosen(index: int) -> None:
            mailbox = choice.itemData(index)
            self.save.emit(changes.change_contact(
                contact.id, lambda c: replace(c, mailbox_account=mailbox)))

        choice.activated.connect(chosen)
        layout.addWidget(caption)
        layout.addWidget(choice)
        layout.addStretch(1)
        return layout

    def _channel_row(self, channel: OfficialChannel, tr: Translate) -> QWidget:
        row = QWidget(self.channels_box)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(icon(row, _P.SP_DialogApplyButton if channel.trusted
                              else _P.SP_MessageBoxWarning, 16))
        text = label(row)
        source = tr(CHANNEL_SOURCE_NAMES[channel.source])
        warning = "" if channel.trusted else " — " + tr(N_("check it in the official app"))
        text.setText(f"{tr(CHANNEL_KIND_NAMES[channel.kind])}: {channel.shown()}"
                     f"{'  (' + channel.store + ')' if channel.store else ''} · {source}{warning}")
        layout.addWidget(text, 1)
        if not channel.trusted:
            found = tr(N_("Found it in the official app"))
            checked = QPushButton(found, row)
            checked.setAccessibleName(f"{found} {channel.shown()}")
            checked.clicked.connect(lambda: self.save.emit(changes.change_channel(
                channel.id, checked_in_official_app)))
            layout.addWidget(checked)
        remove = QPushButton(tr(N_("Remove")), row)
        remove.setAccessibleName(f"{tr(N_('Remove'))} {channel.shown()}")
        remove.clicked.connect(lambda: self.save.emit(changes.remove_channel(channel.id)))
        layout.addWidget(remove)
        return row

    # -- actions --------------------------------------------------------------------------

    def _save_account(self) -> None:
        tr = self._tr()
        try:
            name = changes.account_name(self.name.text())
            notes = changes.account_notes(self.notes.toPlainText())
        except InputProblem as problem:
            self.account_error.setText(tr(problem.text))
            return
        self.account_error.clear()
        kind = AccountKind(self.kind.currentData())
        if self.account is None:
            account_id = new_id()
            self.created.emit(account_id)
            self.save.emit(changes.add_account(account_id, name, kind, notes, self._clock()))
        else:
            self.save.emit(changes.edit_account(self.account.id, name, kind, notes))

    def _add_contact(self) -> None:
        if self.account is None:
            return
        tr = self._tr()
        kind = ContactKind(self.contact_kind.currentData())
        try:
            contact = new_contact(new_id(), kind, self.contact_input.text(), self._clock(),
                                  self._region())
        except InputProblem as problem:
            self.contact_message.setText(tr(problem.text))
            self.use_suggestion.hide()
            return
        self.contact_input.clear()
        self.contact_message.clear()
        self.use_suggestion.hide()
        if kind is ContactKind.EMAIL:
            from anjian.core.accounts.emails import parse_email, typo_hint

            hint = typo_hint(parse_email(contact.value))
            if hint is not None:
                self._suggestion = str(hint.params["suggestion"])
                self.contact_message.setText(tr(hint))
                self.use_suggestion.show()
        self.save.emit(changes.add_contact(self.account.id, contact))

    def _use_suggestion(self) -> None:
        self.contact_kind.setCurrentIndex(list(ContactKind).index(ContactKind.EMAIL))
        self.contact_input.setText(self._suggestion)
        self.use_suggestion.hide()
        self.contact_message.setText(self._tr()(N_(
            "Add the corrected address, then unbind the mistyped one.")))

    def _add_channel(self) -> None:
        if self.account is None:
            return
        kind = ChannelKind(self.channel_kind.currentData())
        store = self.channel_store.currentText() if kind is ChannelKind.APP else ""
        try:
            channel = new_channel(new_id(), self.account.id, kind, self.channel_input.text(),
                                  ChannelSource(self.channel_source.currentData()),
                                  self._clock(), self._region(), store=store)
        except InputProblem as problem:
            self.channel_error.setText(self._tr()(problem.text))
            return
        self.channel_input.clear()
        self.channel_error.clear()
        self.save.emit(changes.add_channel(channel))

    def _kind_chosen(self, _index: int) -> None:
        self.channel_store.setVisible(
            ChannelKind(self.channel_kind.currentData()) is ChannelKind.APP)

    def _use_preset(self) -> None:
        """Offer the shipped presets; record only what the user confirmed against its source."""
        if self.account is None or self.state is None:
            return
        from anjian import content
        from anjian.core.document import DocumentError
        from anjian.ui.accounts.preset_dialog import PresetDialog

        try:
            presets = self.presets if self.presets is not None else content.channel_presets()
        except DocumentError:
            presets = ()  # a broken content file offers nothing rather than a wrong entry
        account_id = self.account.id
        recorded = {(c.kind.value, c.value)
                    for c in self.state.account_details.channels_of(account_id)}
        dialog = PresetDialog(self._tr(), presets, recorded, self._region(), self)

        def confirmed() -> None:
            preset, chosen = dialog.chosen_preset, dialog.chosen()
            if preset is None or not chosen:
                return
            try:
                found = from_preset(preset, chosen, account_id, [new_id() for _ in chosen],
                                    self._clock(), self._region())
            except InputProblem as problem:
                self.channel_error.setText(self._tr()(problem.text))
                return
            self.save.emit(_all(changes.add_channel(c) for c in found))

        dialog.accepted.connect(confirmed)
        self.preset_dialog = dialog
        dialog.open()

    def _mark_lost(self, contact: RecoveryContact) -> None:
        tr = self._tr()
        count = len(contact.account_ids)
        if messages.confirm(self, tr(N_("No longer yours?")), tr(Text(N_(
                "Mark {contact} as no longer yours?\n\n{count} account(s) still send their "
                "reset codes to it. Once a number is cancelled or a mailbox closed, you cannot "
                "recover those accounts by yourself. Anjian will warn you until each one is "
                "rebound to a contact you use now."), {"contact": contact.masked(),
                                                        "count": count})),
                tr(N_("It is no longer mine"))):
            self.save.emit(changes.change_contact(
                contact.id, lambda c: mark_no_longer_mine(c, self._clock())))

    def _drill(self, contact: RecoveryContact) -> None:
        if self.account is None:
            return
        account_id, name = self.account.id, self.account.name
        dialog = CodeDrillDialog(self._tr(), contact.masked(), name, self)

        def arrived() -> None:
            self.save.emit(changes.change_contact(
                contact.id, lambda c: record_code_received(c, account_id, self._clock())))

        dialog.accepted.connect(arrived)
        dialog.open()

    # -- texts ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Render the fixed texts in the current language."""
        tr = self._tr()
        self.account_box.setTitle(tr(N_("New account") if self.account is None
                                     else N_("Account")))
        self.name_label.setText(tr(N_("Name")))
        self.kind_label.setText(tr(N_("Kind")))
        self.notes_label.setText(tr(N_("Notes")))
        self.name.setAccessibleName(tr(N_("Account name")))
        self.name.setPlaceholderText(tr(N_("for example OKX, WeChat, Alipay")))
        self.kind.setAccessibleName(tr(N_("Kind of account")))
        for index, kind in enumerate(AccountKind):
            self.kind.setItemText(index, tr(KIND_NAMES[kind]))
        self.notes.setAccessibleName(tr(N_("Notes about the account")))
        self.notes.setPlaceholderText(tr(N_("Optional. Never write a password or recovery "
                                            "phrase here.")))
        self.save_button.setText(tr(N_("Add account") if self.account is None
                                    else N_("Save changes")))
        self.save_button.setAccessibleName(self.save_button.text())
        self.contacts_box.setTitle(tr(N_("Bound phone and e-mail")))
        self.contacts_hint.setText(tr(N_(
            "Where this account sends reset codes. Confirm every six months that each is still "
            "yours, and practise receiving a code.")))
        for index, kind in enumerate(ContactKind):
            self.contact_kind.setItemText(index, tr(CONTACT_KIND_NAMES[kind]))
        self.contact_kind.setAccessibleName(tr(N_("Phone or e-mail")))
        self.contact_input.setAccessibleName(tr(N_("Phone number or e-mail address to bind")))
        self.contact_input.setPlaceholderText(tr(N_("138 0013 8000 or name@qq.com")))
        self.add_contact_button.setText(tr(N_("Bind")))
        self.add_contact_button.setAccessibleName(tr(N_("Bind phone or e-mail")))
        self.use_suggestion.setText(tr(N_("Use the suggestion")))
        self.use_suggestion.setAccessibleName(tr(N_("Use the suggested address")))
        self.troubleshoot_button.setText(tr(N_("Can't receive the code?")))
        self.troubleshoot_button.setAccessibleName(tr(N_("Can't receive the code?")))
        self.channels_box.setTitle(tr(N_("Official channels")))
        self.channels_hint.setText(tr(N_(
            "The official website, app and support channels, taken from the official app or "
            "site. Links and numbers are checked against these on the Links & numbers page.")))
        for index, kind in enumerate(ChannelKind):
            self.channel_kind.setItemText(index, tr(CHANNEL_KIND_NAMES[kind]))
        for index in range(self.channel_source.count()):
            self.channel_source.setItemText(
                index, tr(CHANNEL_SOURCE_NAMES[ChannelSource(self.channel_source.itemData(index))]))
        self.channel_kind.setAccessibleName(tr(N_("Kind of channel")))
        self.channel_input.setAccessibleName(tr(N_("Official channel")))
        self.channel_input.setPlaceholderText(tr(N_("okx.com, 95188, or where to find it")))
        self.channel_source.setAccessibleName(tr(N_("Where you got it")))
        self.channel_source_label.setText(tr(N_("Where you got it:")))
        self.add_channel_button.setText(tr(N_("Add channel")))
        self.add_channel_button.setAccessibleName(tr(N_("Add channel")))
        for index, store in enumerate(APP_STORES):
            self.channel_store.setItemText(index, tr(store))
        self.channel_store.setAccessibleName(tr(N_("Which app store")))
        line = self.channel_store.lineEdit()
        if line is not None:
            line.setAccessibleName(self.channel_store.accessibleName())
        self.channel_store.setToolTip(tr(N_("Which app store the official app comes from")))
        self.preset_button.setText(tr(N_("Use a preset for a well-known service…")))
        self.preset_button.setAccessibleName(self.preset_button.text())
        self.findings_box.setTitle(tr(N_("Needs attention")))


def _all(steps: Iterable[Change]) -> Change:
    """One change made of several, saved at once."""
    steps = list(steps)

    def change(state: State) -> State:
        for step in steps:
            state = step(state)
        return state

    return change


def _note(parent: QWidget, text: str) -> QLabel:
    note = label(parent)
    note.setText(text)
    return note


def _clear(layout: Any) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.deleteLater()
