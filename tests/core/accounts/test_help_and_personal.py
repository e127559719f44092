"""The code drill and troubleshooting content; contacts as the scorer's personal inputs."""

from __future__ import annotations

import json

from anjian.core.accounts.contacts import ContactKind
from anjian.core.accounts.help import read_code_help
from anjian.core.accounts.personal import contact_values
from anjian.paths import resources_dir

from .helpers import bound, with_accounts


def shipped():
    return read_code_help(json.loads(
        (resources_dir() / "content" / "code_help.json").read_text("utf-8")))


def test_the_troubleshooting_page_covers_every_cause_the_advice_names():
    tips = {t.id for t in shipped().troubleshooting.entries}
    assert {"signal", "airplane-mode", "blocked", "wrong-number", "spam-folder", "expiry",
            "resend"} <= tips


def test_the_drill_ends_with_what_to_do_when_nothing_arrives():
    assert shipped().drill.entries[-1].id == "failed"


def test_every_help_text_is_extracted_for_translation():
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    spec = importlib.util.spec_from_file_location("i18n_tools", root / "scripts" / "i18n_tools.py")
    tools = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tools)
    extracted = {text for _, text in tools.content_messages()}
    help_ = shipped()
    for page in (help_.drill, help_.troubleshooting):
        assert {page.title, page.intro} <= extracted
        assert {e.body for e in page.entries} <= extracted


def test_bound_phones_and_emails_are_personal_inputs():
    state = bound(with_accounts("OKX"), "p1", ContactKind.PHONE, "13800138000", "a0")
    state = bound(state, "e1", ContactKind.EMAIL, "zhangwei88@qq.com", "a0")
    assert contact_values(state) == ["13800138000", "8613800138000", "zhangwei88@qq.com",
                                     "zhangwei88"]
