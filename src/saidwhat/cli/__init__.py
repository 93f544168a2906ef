"""The `saidwhat` command: thin adapters that parse arguments, call the core and report."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from types import ModuleType

from .. import __version__
from ..errors import SaidwhatError, UsageError
from . import archive_cmd, evaluate_cmd, extract_cmd, serve_cmd, spark_cmd, train_cmd

# Each command module has `register(subparsers)`, which adds its parsers with `func` set.
COMMAND_MODULES: tuple[ModuleType, ...] = (extract_cmd, archive_cmd, serve_cmd, evaluate_cmd, train_cmd, spark_cmd)

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="saidwhat", description="Who said what: quotations in news articles.")
    parser.add_argument("--version", action="version", version=f"saidwhat {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output on stderr (-vv for debug)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=(logging.WARNING, logging.INFO, logging.DEBUG)[min(args.verbose, 2)],
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        status: int = args.func(args)
    except UsageError as err:
        print(f"saidwhat {args.command}: {err}", file=sys.stderr)
        return EXIT_USAGE
    except SaidwhatError as err:
        print(f"saidwhat {args.command}: {err}", file=sys.stderr)
        return EXIT_SOME_FAILED
    except KeyboardInterrupt:
        print("saidwhat: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    return status
