"""The shape of src/saidwhat, read with `ast` (nothing is imported): module and function sizes, import cycles
and the layers that must not import each other (STYLE.md sections 1 and 4)."""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = "saidwhat"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60

# Over the limits today, each being split by its own change (issue 20). This list only shrinks: an entry
# that no longer breaks its limit fails `test_allowlists_hold_only_what_still_breaks_a_limit`, so it is
# removed as soon as the split lands. Paths are relative to src/saidwhat.
MODULES_OVER_400_LINES_TO_SPLIT: frozenset[str] = frozenset()
FUNCTIONS_OVER_60_LINES_TO_SPLIT: frozenset[str] = frozenset()


def _python_files() -> list[Path]:
    return sorted((SRC / PACKAGE).rglob("*.py"))


def _relative(path: Path) -> str:
    return path.relative_to(SRC / PACKAGE).as_posix()


@cache
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def module_name(path: Path) -> str:
    """'saidwhat.cli' for src/saidwhat/cli/__init__.py, 'saidwhat.cli.outputs' for cli/outputs.py."""
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def long_functions(path: Path, limit: int) -> Iterator[tuple[str, int]]:
    """(name, lines from `def` to the last line) of each function or method in the file longer than `limit`."""
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            lines = (node.end_lineno or node.lineno) - node.lineno + 1
            if lines > limit:
                yield node.name, lines


def _resolve(target: str, modules: set[str]) -> str | None:
    """The module an import of `target` loads last: `target` itself, else its nearest enclosing package."""
    while target and target not in modules:
        target = target.rpartition(".")[0]
    return target or None


def imported_modules(path: Path, modules: set[str]) -> set[str]:
    """The saidwhat modules the file imports, at module level or inside functions, relative imports resolved.

    `from . import x` counts as importing the submodule x when there is one, else the package itself.
    """
    name = module_name(path)
    package = name if _is_package(path) else name.rpartition(".")[0]
    found: set[str | None] = set()
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import):
            found.update(_resolve(alias.name, modules) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            target = ".".join([*base, *([node.module] if node.module else [])])
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                found.add(submodule if submodule in modules else _resolve(target, modules))
    return {module for module in found if module is not None and module != name}


def import_graph() -> dict[str, set[str]]:
    paths = _python_files()
    modules = {module_name(path) for path in paths}
    return {module_name(path): imported_modules(path, modules) for path in paths}


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            child = next(edges, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    cycles.append(sorted(group))
    return cycles


def test_no_module_over_400_lines() -> None:
    too_long = {
        _relative(path): lines
        for path in _python_files()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert {name: n for name, n in too_long.items() if name not in MODULES_OVER_400_LINES_TO_SPLIT} == {}


def test_no_function_over_60_lines() -> None:
    too_long = {
        f"{_relative(path)}:{name}": lines
        for path in _python_files()
        for name, lines in long_functions(path, MAX_FUNCTION_LINES)
    }
    assert {key: n for key, n in too_long.items() if key not in FUNCTIONS_OVER_60_LINES_TO_SPLIT} == {}


def test_allowlists_hold_only_what_still_breaks_a_limit() -> None:
    over_400 = {
        _relative(path)
        for path in _python_files()
        if len(path.read_text(encoding="utf-8").splitlines()) > MAX_MODULE_LINES
    }
    over_60 = {
        f"{_relative(path)}:{name}" for path in _python_files() for name, _ in long_functions(path, MAX_FUNCTION_LINES)
    }
    assert sorted(MODULES_OVER_400_LINES_TO_SPLIT - over_400) == []
    assert sorted(FUNCTIONS_OVER_60_LINES_TO_SPLIT - over_60) == []


def test_no_import_cycle() -> None:
    assert import_cycles(import_graph()) == []


@pytest.mark.parametrize(
    ("importer", "forbidden"),
    [
        # The core never reaches up into its adapters.
        (lambda module: not module.startswith(("saidwhat.cli", "saidwhat.__main__")), "saidwhat.cli"),
        (lambda module: not module.startswith(("saidwhat.cli", "saidwhat.server")), "saidwhat.server"),
        # Training the attribution model reads gold through saidwhat.annotations, not the evaluation.
        (lambda module: module == "saidwhat.learn.train", "saidwhat.evaluation"),
    ],
    ids=["only-main-imports-cli", "only-cli-imports-server", "learn-train-skips-evaluation"],
)
def test_layers_do_not_import_upwards(importer: Callable[[str], bool], forbidden: str) -> None:
    graph = import_graph()
    wrong = sorted(
        f"{module} -> {target}"
        for module, targets in graph.items()
        if importer(module)
        for target in targets
        if target == forbidden or target.startswith(f"{forbidden}.")
    )
    assert wrong == []


def test_learn_has_no_command_line() -> None:
    learn = [path for path in _python_files() if _relative(path).startswith("learn/")]
    with_cli = [
        _relative(path)
        for path in learn
        if "saidwhat.cli" in imported_modules(path, set(import_graph()))
        or any(
            isinstance(node, ast.Import) and any(alias.name == "argparse" for alias in node.names)
            for node in ast.walk(_tree(path))
        )
    ]
    assert with_cli == []


# The checks themselves, on tiny invented packages.


def _write_package(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / PACKAGE / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _graph_of(root: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, set[str]]:
    monkeypatch.setattr(sys.modules[__name__], "SRC", root)
    return import_graph()


def test_import_graph_resolves_relative_and_function_level_imports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write_package(
        tmp_path,
        {
            "__init__.py": "from .a import run\n",
            "a.py": "def run():\n    from .sub import b\n",
            "sub/__init__.py": "",
            "sub/b.py": "from .. import a\nfrom ..a import run\n",
        },
    )
    graph = _graph_of(tmp_path, monkeypatch)
    assert graph["saidwhat"] == {"saidwhat.a"}
    assert graph["saidwhat.a"] == {"saidwhat.sub.b"}
    assert graph["saidwhat.sub.b"] == {"saidwhat.a"}
    assert import_cycles(graph) == [["saidwhat.a", "saidwhat.sub.b"]]


def test_a_package_importing_its_own_submodules_is_no_cycle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write_package(tmp_path, {"__init__.py": "from . import a\n", "a.py": "import json\n"})
    assert import_cycles(_graph_of(tmp_path, monkeypatch)) == []


def test_a_submodule_importing_its_package_init_back_is_a_cycle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write_package(tmp_path, {"__init__.py": "from . import a\nERROR = 1\n", "a.py": "from . import ERROR\n"})
    assert import_cycles(_graph_of(tmp_path, monkeypatch)) == [["saidwhat", "saidwhat.a"]]


def test_long_functions_counts_from_def_to_last_line(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text("def f():\n" + "    x = 1\n" * 4 + "\ndef g():\n    pass\n", encoding="utf-8")
    assert list(long_functions(path, 4)) == [("f", 5)]
