"""Worker processes end when the process that started them ends, however it ended (kill -9 included)."""

from __future__ import annotations

import multiprocessing
import os
import threading

_POLL_SECONDS = 1.0
_EXIT_STATUS = 3


def watch_parent() -> None:
    """Start a daemon thread that ends this process when its parent process ends.

    It waits on multiprocessing's parent sentinel (a pipe the parent holds open: it closes when the parent
    dies, on every platform) and, on POSIX, also notices the parent pid change when the process is re-parented.
    """
    parent = multiprocessing.parent_process()
    first_parent = os.getppid()

    def watch() -> None:
        while True:
            if parent is not None:
                parent.join(_POLL_SECONDS)
                if not parent.is_alive():
                    break
            else:
                threading.Event().wait(_POLL_SECONDS)
            if os.name == "posix" and os.getppid() != first_parent:
                break
        os._exit(_EXIT_STATUS)

    threading.Thread(target=watch, name="saidwhat-parent-watchdog", daemon=True).start()
