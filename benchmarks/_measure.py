"""What the benchmarks share: timing loops, statistics, verdicts and the sample state.

A benchmark compares what Anjian does against a baseline measured in the same
run (never against a number written down on another machine), and fails when
the ratio of the medians exceeds its limit. Cases are interleaved, the order
flipping every round, so drift in the machine's load falls on both sides.

Every verdict is printed, and, when ``ANJIAN_BENCH_SUMMARY`` names a file, also
appended to it as one line, which ``run_all.sh`` prints as the summary table
(``python benchmarks/_measure.py table FILE``).

Exit codes of the benchmark scripts: 0 every target met, 1 a target missed,
2 something could not be measured.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

EXIT_PASS = 0
EXIT_MISSED = 1
EXIT_ERROR = 2

SUMMARY_ENV = "ANJIAN_BENCH_SUMMARY"
REPEAT_ENV = "ANJIAN_BENCH_REPEAT"
# Set by with_keyring.sh: the Secret Service on this bus is a throw-away one.
PRIVATE_KEYRING_ENV = "ANJIAN_BENCH_PRIVATE_KEYRING"


# -- statistics ------------------------------------------------------------------------


@dataclass(frozen=True)
class Stats:
    """Samples in seconds, with the figures the reports use."""

    samples: tuple[float, ...]

    @property
    def n(self) -> int:
        return len(self.samples)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p90(self) -> float:
        """90th percentile, nearest rank."""
        ordered = sorted(self.samples)
        return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]

    @property
    def minimum(self) -> float:
        return min(self.samples)

    def line(self, label: str) -> str:
        return (f"  {label:<50} n={self.n:<3} median {ms(self.median):>9}   "
                f"p90 {ms(self.p90):>9}   min {ms(self.minimum):>9}")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


# -- timing ------------------------------------------------------------------------------


def interleaved(
    cases: Mapping[str, Callable[[], object]], repeat: int, warmup: int
) -> dict[str, Stats]:
    """Time each case ``repeat`` times after ``warmup`` untimed rounds, interleaved.

    One round runs every case once; the order is reversed every other round so
    neither side always runs right after the other.
    """
    names = list(cases)
    samples: dict[str, list[float]] = {name: [] for name in names}
    for round_ in range(warmup + repeat):
        order = names if round_ % 2 == 0 else names[::-1]
        for name in order:
            start = time.perf_counter()
            cases[name]()
            elapsed = time.perf_counter() - start
            if round_ >= warmup:
                samples[name].append(elapsed)
    return {name: Stats(tuple(values)) for name, values in samples.items()}


class BenchError(Exception):
    """Something could not be measured (a command failed, a hook is missing)."""


def run_process(
    command: Sequence[str], env: Mapping[str, str] | None = None, timeout: float = 60.0,
    ok_codes: tuple[int, ...] = (0,),
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` to the end; raise :class:`BenchError` if it fails or hangs."""
    try:
        done = subprocess.run(list(command), env=dict(env) if env is not None else None,
                              capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise BenchError(f"{' '.join(command)} did not exit within {timeout:.0f} s") from None
    if done.returncode not in ok_codes:
        tail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        raise BenchError(f"{' '.join(command)} exited with {done.returncode}: "
                         + " | ".join(tail))
    return done


def process_case(
    command: Sequence[str], env: Mapping[str, str] | None = None, timeout: float = 60.0,
    ok_codes: tuple[int, ...] = (0,),
) -> Callable[[], object]:
    """A case for :func:`interleaved`: spawn ``command`` and wait for its exit."""
    return lambda: run_process(command, env, timeout, ok_codes)


def bytecode_env(env: Mapping[str, str], cache_dir: str) -> dict[str, str]:
    """``env`` for child interpreters that keep compiled bytecode in ``cache_dir``.

    With ``PYTHONDONTWRITEBYTECODE`` set (as in some CI and sandboxes) an editable
    checkout has no ``.pyc`` files, so every start of Anjian compiles its modules
    from source, while the site-packages of the baseline (compiled by pip) do
    not: the benchmark would measure the compiler. Installed Anjian always has
    its bytecode, so child interpreters get a private ``PYTHONPYCACHEPREFIX``
    (filled by the warm-up runs, for both sides alike) and nothing is written in
    the source tree.
    """
    child = dict(env)
    child.pop("PYTHONDONTWRITEBYTECODE", None)
    child["PYTHONPYCACHEPREFIX"] = cache_dir
    return child


# -- verdicts ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """One target: our median against the baseline's, within ``limit`` times."""

    name: str
    ours: Stats | None
    baseline: Stats | None
    limit: float
    error: str | None = None

    @property
    def ratio(self) -> float | None:
        if self.ours is None or self.baseline is None:
            return None
        return self.ours.median / self.baseline.median

    @property
    def status(self) -> str:
        if self.error is not None or self.ratio is None:
            return "ERROR"
        return "PASS" if self.ratio <= self.limit else "MISSED"

    def summary_line(self) -> str:
        ours = ms(self.ours.median) if self.ours else "-"
        base = ms(self.baseline.median) if self.baseline else "-"
        ratio = f"{self.ratio:.2f}" if self.ratio is not None else "-"
        line = (f"{self.name:<16} {ours:>11} {base:>11} {ratio:>7} "
                f"{'<= ' + format(self.limit, '.2f'):>8}  {self.status}")
        if self.error:
            line += f"  ({self.error})"
        return line


SUMMARY_HEADER = (f"{'benchmark':<16} {'ours':>11} {'baseline':>11} {'ratio':>7} "
                  f"{'target':>8}  result")


def compare(
    name: str,
    ours_label: str,
    ours: Stats,
    baseline_label: str,
    baseline: Stats,
    limit: float,
) -> Verdict:
    """Print both sides and the ratio of their medians; return the verdict."""
    verdict = Verdict(name, ours, baseline, limit)
    print(f"== {name} ==")
    print(baseline.line(f"baseline: {baseline_label}"))
    print(ours.line(f"ours:     {ours_label}"))
    print(f"  ratio of medians {verdict.ratio:.2f} (target <= {limit:.2f}): {verdict.status}")
    print()
    return verdict


def failed(name: str, limit: float, message: str, baseline: Stats | None = None) -> Verdict:
    """A target that could not be measured."""
    print(f"== {name} ==")
    if baseline is not None:
        print(baseline.line("baseline"))
    print(f"  ERROR: {message}")
    print()
    return Verdict(name, None, baseline, limit, error=message)


def info(label: str, stats: Stats) -> None:
    """A figure reported for information, with no target."""
    print(stats.line(label))


def finish(verdicts: Sequence[Verdict]) -> int:
    """Print the verdicts, append them to the summary file, and return the exit code."""
    lines = [v.summary_line() for v in verdicts]
    print(SUMMARY_HEADER)
    for line in lines:
        print(line)
    summary = os.environ.get(SUMMARY_ENV)
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.writelines(line + "\n" for line in lines)
    if any(v.status == "ERROR" for v in verdicts):
        return EXIT_ERROR
    if any(v.status == "MISSED" for v in verdicts):
        return EXIT_MISSED
    return EXIT_PASS


def parser(description: str, repeat: int = 30, warmup: int = 3) -> argparse.ArgumentParser:
    """The options every benchmark takes."""
    default_repeat = int(os.environ.get(REPEAT_ENV) or repeat)
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--repeat", type=int, default=default_repeat,
                   help=f"timed runs of each side (default {default_repeat}; env {REPEAT_ENV})")
    p.add_argument("--warmup", type=int, default=warmup,
                   help=f"untimed runs of each side first (default {warmup})")
    p.add_argument("--no-bytecode-cache", action="store_true",
                   help="run child interpreters with the environment as is (see bytecode_env)")
    return p


def child_env(args: argparse.Namespace, scratch: str) -> dict[str, str]:
    """The environment for child interpreters: :func:`bytecode_env` unless told not to."""
    if args.no_bytecode_cache:
        print("child interpreters: environment as is"
              + (" (PYTHONDONTWRITEBYTECODE is set: Anjian's modules compile at every start)"
                 if os.environ.get("PYTHONDONTWRITEBYTECODE") else ""))
        return dict(os.environ)
    print("child interpreters: bytecode cached in a private PYTHONPYCACHEPREFIX "
          "(--no-bytecode-cache to keep the environment as is)")
    return bytecode_env(os.environ, os.path.join(scratch, "pycache"))


# -- the keyring ---------------------------------------------------------------------


def require_private_keyring(what: str) -> None:
    """Exit unless running under with_keyring.sh: ``what`` writes Anjian's real entries."""
    if os.environ.get(PRIVATE_KEYRING_ENV) != "1":
        print(f"{what} writes Anjian's state under the default keyring service 'anjian'. "
              "Run it in a private keyring: benchmarks/with_keyring.sh python "
              f"{sys.argv[0]}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)


def seed_default_state(accounts: int = 100) -> int:
    """Save :func:`sample_state` under the default service (private keyring only)."""
    from anjian.service import default_store
    from anjian.storage.errors import StorageError

    require_private_keyring("Seeding a state")
    try:
        store = default_store()
        try:
            snapshot = store.update(lambda _: sample_state(accounts))
        finally:
            store.vault.close()
    except StorageError as exc:
        raise BenchError(f"could not save the sample state: {exc} ({exc.detail})") from None
    return snapshot.generation


def remove_default_state() -> None:
    """Delete the state entries under the default service (private keyring only)."""
    from anjian.service import default_store
    from anjian.storage.codec import HEAD, PREVIOUS
    from anjian.storage.errors import StorageError

    require_private_keyring("Removing the state")
    try:
        store = default_store()
        try:
            for name in (HEAD, PREVIOUS):
                store.vault.delete(name)
        finally:
            store.vault.close()
    except StorageError as exc:
        print(f"warning: could not remove the sample state: {exc}", file=sys.stderr)


# -- a realistic state -------------------------------------------------------------------

_SERVICES: tuple[tuple[str, str, str], ...] = (
    ("微信", "chat", "主号，绑定手机 138****5521；登录设备保护已开启"),
    ("支付宝", "payment", "支付密码与登录密码不同；已开启刷脸"),
    ("MetaMask 主钱包", "wallet", "助记词抄在纸上，放在家里保险箱"),
    ("Binance", "exchange", "Google Authenticator 2FA; anti-phishing code set; API keys off"),
    ("OKX 欧易", "exchange", "提币白名单已开启，资金密码另设"),
    ("Gmail 工作邮箱", "email", "Security key + backup codes printed"),
    ("QQ邮箱", "email", "独立密码已设置"),
    ("招商银行", "payment", "U盾；短信验证"),
    ("Ledger Nano X", "wallet", "PIN 8 digits; passphrase wallet for savings"),
    ("Telegram", "chat", "Two-step verification password; recovery email set"),
    ("LINE", "chat", "換機前記得備份聊天紀錄"),
    ("街口支付", "payment", "綁定玉山銀行帳戶"),
    ("Coinbase", "exchange", "Passkey on phone"),
    ("Proton Mail", "email", "Recovery phrase stored offline"),
    ("TokenPocket 冷钱包", "wallet", "观察钱包，只读"),
    ("Steam", "other", "Steam Guard mobile"),
    ("淘宝", "payment", "收货地址要定期清理"),
    ("GitHub", "other", "TOTP + 2 hardware keys"),
    ("Signal", "chat", "Registration lock PIN"),
    ("Apple ID", "other", "Advanced Data Protection on; recovery key in safe"),
)


def sample_state(accounts: int = 100) -> Any:
    """A state of ``accounts`` accounts with mixed Chinese and English names and notes."""
    from anjian.core.state import Account, AccountKind, State

    start = datetime(2024, 3, 1, 9, 30, tzinfo=timezone.utc)
    records = []
    for i in range(accounts):
        name, kind, notes = _SERVICES[i % len(_SERVICES)]
        round_ = i // len(_SERVICES)
        records.append(Account(
            id=f"{i:08x}{(i * 2654435761) % (1 << 32):08x}{'a' * 16}",
            name=name if round_ == 0 else f"{name} #{round_ + 1}",
            kind=AccountKind(kind),
            notes=f"{notes}（第{round_ + 1}个）" if i % 3 else notes,
            created=start + timedelta(days=i, minutes=7 * i),
        ))
    return State(created=start, accounts=tuple(records))


# -- the summary table -------------------------------------------------------------------


def _print_table(path: str) -> None:
    print(SUMMARY_HEADER)
    try:
        with open(path, encoding="utf-8") as lines:
            sys.stdout.write(lines.read())
    except FileNotFoundError:
        pass


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "table":
        _print_table(sys.argv[2])
    else:
        print("usage: _measure.py table SUMMARY_FILE", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)
