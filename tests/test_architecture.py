"""The house order, read from the source with `ast`: no import circles, pure stages stay pure.

What counts as an edge `a -> b` (a imports b):
- every import statement anywhere in `a`: module level, inside functions (a lazy import
  still ties two modules together; it only moves the moment a circle bites) and under
  `if TYPE_CHECKING:` (it never runs, but a type-only import is still a design
  dependency, and the day someone needs the name at runtime it is a real circle; the
  store/search <-> store/sqlite circle was one), and `__import__("samestory.x")`;
- `import p.q.m` and `from p.q import m` are edges to the module `p.q.m` only, not to
  the packages `p` and `p.q` Python initialises first: otherwise every submodule would
  "import" its own package's `__init__`, and every package that re-exports its modules
  would be a circle. `from p.q import name` (a name, not a module) is an edge to `p.q`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
ROOT_PACKAGE = "samestory"

# Stages that take data in and give data out; they never reach the store, the Spark
# job, the servers or the command line.
PURE = ("ingest", "analyse", "match", "cluster", "report", "lang", "models", "settings", "errors")
FORBIDDEN = ("store", "scale", "serve", "cli")


def module_name(path: Path, src: Path) -> str:
    parts = list(path.relative_to(src).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(tree: ast.AST, module: str, is_package: bool) -> set[str]:
    """Absolute dotted names a module's imports may refer to (modules or attributes)."""
    out: set[str] = set()
    package = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                kept = len(package) - (node.level - 1)
                assert kept > 0, f"{module}: relative import above the top package"
                base = ".".join([*package[:kept], *([node.module] if node.module else [])])
            else:
                base = node.module or ""
            # `resolve` maps `base.name` to the module `base` when the name is no module.
            out.update(f"{base}.{a.name}" if a.name != "*" else base for a in node.names)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "__import__"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            out.add(node.args[0].value)
    return out


def resolve(name: str, modules: Iterable[str]) -> str | None:
    """The module a dotted name lives in: itself if it is one, else its longest module prefix
    (`pkg.mod.Class` is in `pkg.mod`, `pkg.sub` may be a module or a name in `pkg`)."""
    known = set(modules)
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in known:
            return candidate
    return None


def import_graph(src: Path = SRC, package: str = ROOT_PACKAGE) -> dict[str, set[str]]:
    """module -> the modules of the same top package it imports."""
    paths = sorted((src / package).rglob("*.py"))
    names = {module_name(p, src): p for p in paths}
    graph: dict[str, set[str]] = {}
    for module, path in names.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        targets = {resolve(n, names) for n in imported_names(tree, module, path.stem == "__init__")}
        graph[module] = {t for t in targets if t is not None and t != module}
    return graph


def cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def impurities(graph: Mapping[str, Iterable[str]], package: str = ROOT_PACKAGE) -> list[str]:
    """`module -> target` for every pure-stage module that imports a forbidden room."""
    pure = tuple(f"{package}.{p}" for p in PURE)
    forbidden = tuple(f"{package}.{f}" for f in FORBIDDEN)

    def inside(name: str, rooms: tuple[str, ...]) -> bool:
        return any(name == r or name.startswith(r + ".") for r in rooms)

    return sorted(
        f"{module} -> {target}"
        for module, targets in graph.items()
        if inside(module, pure)
        for target in targets
        if inside(target, forbidden)
    )


# ---- the checks on the real tree


def test_graph_sees_the_whole_package() -> None:
    graph = import_graph()
    assert len(graph) > 50
    assert {"samestory.analyse.pipeline", "samestory.match"} <= graph["samestory.engine"]
    for room in (
        "samestory.report",
        "samestory.cli.app",
        "samestory.stream",
        "samestory.serve.api",
    ):
        assert room in graph, room


def test_no_import_circles() -> None:
    assert cycles(import_graph()) == []


def test_pure_stages_never_import_store_scale_serve_or_cli() -> None:
    graph = import_graph()
    for stage in PURE:
        assert any(m == f"samestory.{stage}" or m.startswith(f"samestory.{stage}.") for m in graph)
    assert impurities(graph) == []


def test_only_the_entry_point_imports_the_cli() -> None:
    """The command line is the outermost layer: the API, web UI and stages never need it."""
    graph = import_graph()
    users = {
        module
        for module, targets in graph.items()
        if not module.startswith("samestory.cli")
        and any(t == "samestory.cli" or t.startswith("samestory.cli.") for t in targets)
    }
    assert users == {"samestory.__main__"}


def test_readme_maps_every_top_level_room() -> None:
    """README's "How it works" has one line per package and module of src/samestory."""
    readme = (SRC.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How it works", 1)[1].split("\n## ", 1)[0]
    block = section.split("```", 2)[1]
    listed = {line.split()[0] for line in block.splitlines() if line and not line[0].isspace()}
    rooms = {
        p.name + ("/" if p.is_dir() else "")
        for p in (SRC / ROOT_PACKAGE).iterdir()
        if (p.is_dir() and p.name != "__pycache__") or p.suffix == ".py"
    }
    assert listed == rooms


# ---- the checks can fail: synthetic trees and graphs


def _tree(tmp: Path, files: Mapping[str, str]) -> Path:
    for rel, text in files.items():
        path = tmp / "pkg" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp


def test_cycles_finds_a_circle_and_ignores_a_chain() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_graph_sees_relative_lazy_type_only_and_dunder_imports(tmp_path: Path) -> None:
    src = _tree(
        tmp_path,
        {
            "__init__.py": "",
            "a/__init__.py": "from .x import X\n",
            "a/x.py": "from ..b import y\nX = 1\n",
            "b/__init__.py": "",
            "b/y.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n    from ..a.x import X\n"
                "def f() -> None:\n    from .. import c\n"
            ),
            "c.py": "__import__('pkg.a', fromlist=['X'])\nimport pkg.b.y\n",
        },
    )
    graph = import_graph(src, "pkg")
    assert graph["pkg.a"] == {"pkg.a.x"}
    assert graph["pkg.a.x"] == {"pkg.b.y"}  # `from ..b import y` needs y, not b's __init__
    assert graph["pkg.b.y"] == {"pkg.a.x", "pkg.c"}
    assert graph["pkg.c"] == {"pkg.a", "pkg.b.y"}
    assert cycles(graph) == [["pkg.a", "pkg.a.x", "pkg.b.y", "pkg.c"]]


def test_impurities_flags_a_stage_that_imports_the_store(tmp_path: Path) -> None:
    src = _tree(
        tmp_path,
        {
            "__init__.py": "",
            "store.py": "",
            "cluster/__init__.py": "",
            "cluster/online.py": "def f() -> None:\n    from ..store import x\n",
            "serve/__init__.py": "from ..cluster import online\n",
        },
    )
    graph = import_graph(src, "pkg")
    assert impurities(graph, "pkg") == ["pkg.cluster.online -> pkg.store"]
