"""Sample articles written for saidwhat's demo, docs and tests (fiction, not news)."""

from importlib.resources import files


def demo_text() -> str:
    """The built-in interview piece that `saidwhat demo` runs on."""
    return files(__package__).joinpath("demo.txt").read_text(encoding="utf-8")
