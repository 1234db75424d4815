"""The package's layout holds the data flow: stages as folders that do not reach into each other,
speed machinery in its own wing, MkDocs and the network each in one place, small modules, no
import cycles, and documented public functions."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "digest"
STAGES = ("corpus", "restore", "stories", "briefing", "render", "site")
SHARED = {"digest.models", "digest.config", "digest.text", "digest.errors", "digest.registry"}
"""What every stage may import: records, options, the shared language, errors, the registry."""
NETWORK = {"socket", "http.client", "urllib.request", "requests", "httpx", "aiohttp", "ftplib", "smtplib"}
MAX_LINES = 500


def modules() -> dict[str, Path]:
    """Dotted name -> file of every module of the package (a package is its __init__.py)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> list[tuple[str, bool, bool]]:
    """(imported module, at module level, for type checking only) for every import in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    typing_only = {id(node) for block in ast.walk(tree) if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
                   for statement in block.body for node in ast.walk(statement)}
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        for target in targets:
            found.append((target, id(node) in top_level, id(node) in typing_only))
    return found


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "digest" and parts[1] in STAGES else None


def test_no_stage_imports_another_stage_or_the_runtime_wing():
    known = modules()
    wrong = []
    for name, path in known.items():
        stage = stage_of(name)
        if stage is None:
            continue
        for target, _, typing_only in imports(name, path, known):
            if not target.startswith("digest"):
                continue
            other = stage_of(target)
            if other is not None and other != stage:
                wrong.append(f"{name} imports {target} (stage {other})")
            elif target.startswith("digest.runtime") and not typing_only:
                wrong.append(f"{name} imports {target} (the runtime wing; a stage receives its Runtime)")
            elif other is None and not target.startswith("digest.runtime") and target not in SHARED and target != "digest":
                wrong.append(f"{name} imports {target} (not a shared module)")
    assert not wrong, "\n".join(wrong)


def test_the_runtime_wing_imports_no_stage():
    known = modules()
    wrong = [f"{name} imports {target}" for name, path in known.items() if name.startswith("digest.runtime")
             for target, _, _ in imports(name, path, known) if stage_of(target) or target in ("digest.pipeline", "digest.cli", "digest.fetch")]
    assert not wrong, "\n".join(wrong)


def test_only_the_site_engine_imports_mkdocs_and_only_the_fetcher_the_network():
    known = modules()
    mkdocs, network = [], []
    for name, path in known.items():
        for target, _, _ in imports(name, path, known):
            if target.split(".")[0] == "mkdocs" and name not in ("digest.site.mkdocs_engine", "digest.site.mkdocs_hooks"):
                mkdocs.append(f"{name} imports {target}")
            if any(target == n or target.startswith(n + ".") for n in NETWORK) and not name.startswith("digest.fetch"):
                network.append(f"{name} imports {target}")
    assert not mkdocs, "\n".join(mkdocs)
    assert not network, "\n".join(network)


def test_no_module_is_over_500_lines():
    long = {path.relative_to(ROOT).as_posix(): n for path in [*PACKAGE.rglob("*.py"), *(ROOT / "tools").rglob("*.py")]
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, long


def test_no_import_cycles():
    known = modules()
    graph = {name: sorted({t for t, top, typing_only in imports(name, path, known) if top and not typing_only and t in known and t != name})
             for name, path in known.items()}
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, path: list[str]) -> list[str] | None:
        state[name] = 1
        for target in graph[name]:
            if state.get(target) == 1:
                return path + [name, target]
            if target not in state and (cycle := visit(target, path + [name])):
                return cycle
        state[name] = 2
        return None

    for name in sorted(graph):
        if name not in state and (cycle := visit(name, [])):
            pytest.fail("import cycle: " + " -> ".join(cycle[cycle.index(cycle[-1]):]))


def public_definitions() -> list[tuple[str, bool]]:
    """(qualified name, has a docstring) of every public function, class and method of the package."""
    found = []
    for name, path in modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith("_"):
                found.append((f"{name}.{node.name}", ast.get_docstring(node) is not None))
                if isinstance(node, ast.ClassDef):
                    for member in node.body:
                        if isinstance(member, ast.FunctionDef) and not member.name.startswith("_"):
                            found.append((f"{name}.{node.name}.{member.name}", ast.get_docstring(member) is not None))
    return found


def test_nine_in_ten_public_functions_and_classes_are_documented():
    found = public_definitions()
    undocumented = sorted(name for name, documented in found if not documented)
    assert len(undocumented) <= 0.1 * len(found), f"{len(undocumented)} of {len(found)} undocumented: {undocumented}"
