"""Worker processes end when their parent ends, even when it is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"

# A parent with a pool of two `extract` workers (a pipeline name that fails to load keeps them light),
# which prints its workers' pids and waits to be killed.
_PARENT = f"""
import os, sys, time
sys.path.insert(0, {str(SRC)!r})
from saidwhat.batch import _new_pool
from saidwhat.settings import load_settings
pool = _new_pool(2, load_settings(overrides={{"spacy_model": "no_such_pipeline"}}), False)
for future in [pool.submit(time.sleep, 0.5) for _ in range(4)]:
    future.result()
print(" ".join(str(pid) for pid in pool._processes), flush=True)
time.sleep(120)
"""


def _is_running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")  # a zombie has ended; only its parent's reaping is left


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states from /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_end_when_their_parent_is_killed(sig: signal.Signals) -> None:
    parent = subprocess.Popen([sys.executable, "-c", _PARENT], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None
        workers = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(workers) == 2 and all(_is_running(pid) for pid in workers)
        os.kill(parent.pid, sig)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 15
        while any(_is_running(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_is_running(pid) for pid in workers)
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
