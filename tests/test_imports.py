"""The package's modules import one another without a circle: read with ast over lint/ and
rules/, as installed (lint/ is rectlint, rules/ is rectlint.rules)."""

from __future__ import annotations

import ast

from conftest import ROOT

PACKAGES = {"lint": "rectlint", "rules": "rectlint.rules"}
# Modules that once imported one another inside functions (the atomic write lived in fixes, the
# Rule type in the registry; the quote's masking in the engine; the compound-file mark in the
# reader): the rest may still break a circle by importing late, these keep out of any circle.
UNTANGLED = {"rectlint." + name for name in (
    "patterns", "fixes", "decode", "text", "atomic", "registry", "wording", "rule", "engine", "place", "privacy",
    "reader", "convert", "docx_reader")}


def _modules() -> dict[str, tuple]:
    found = {}
    for folder, package in PACKAGES.items():
        for path in (ROOT / folder).rglob("*.py"):
            parts = [p for p in path.relative_to(ROOT / folder).with_suffix("").parts if p != "__init__"]
            found[".".join([package, *parts])] = (path, path.name == "__init__.py")
    return found


def _imports(tree: ast.Module, everywhere: bool):
    """The import statements run when the module is imported (or, `everywhere`, also those
    inside functions); never those only a type checker reads (`if TYPE_CHECKING:`)."""
    def walk(body):
        for node in body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                yield node
            elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                yield from walk(node.orelse)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and not everywhere:
                continue
            else:
                for field in ("body", "orelse", "finalbody", "handlers"):
                    yield from walk(getattr(node, field, []))
    yield from walk(tree.body)


def _graph(everywhere: bool) -> dict[str, set[str]]:
    modules = _modules()
    graph = {}
    for name, (path, is_package) in modules.items():
        package = name if is_package else name.rpartition(".")[0]
        edges = set()
        for node in _imports(ast.parse(path.read_text(encoding="utf-8")), everywhere):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([base] if base else []))
                targets = [base, *(f"{base}.{alias.name}" for alias in node.names)]
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    edges.add(target)
        graph[name] = edges
    return graph


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, without recursion)."""
    index, low, on_stack, stack, found, counter = {}, {}, set(), [], [], 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def test_no_circle_among_the_imports_a_module_runs_when_imported():
    assert _circles(_graph(everywhere=False)) == []


def test_the_untangled_modules_are_in_no_circle_even_through_late_imports():
    assert [c for c in _circles(_graph(everywhere=True)) if UNTANGLED & set(c)] == []


def test_a_circle_is_found():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _circles(graph) == [["a", "b", "c"]]
