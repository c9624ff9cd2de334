"""The app boundaries, read from the imports of every project module.

The apps form layers, lowest first. A module may import its own app and the apps
below it, never one above; inside an app the modules import each other without a
circle; and an import inside a function (the usual way to hold a circle open) is
allowed only with a comment saying why it is not at the top of the module.
"""

import ast
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

import pytest

# Lowest first. `demo` (dev-only content) and `config` (wiring) sit above them all.
LAYERS = [
    "core",
    "community",
    "notifications",
    "conversations",
    "practices",
    "events",
    "projects",
    "exchanges",
    "demo",
    "config",
]
RANK = {app: rank for rank, app in enumerate(LAYERS)}

# Known debt, to shrink and never to grow: circles between the modules of one app,
# and the function-local imports that hold them open. Empty: the tests below fail
# when a new one appears.
KNOWN_CIRCLES: list[list[str]] = []
KNOWN_LOCAL_IMPORTS: set[tuple[str, str]] = set()
ROOT = Path(settings.BASE_DIR)


@dataclass(frozen=True)
class Import:
    source: str  # dotted module name of the importing file
    target: str  # dotted module name imported (resolved to a module file)
    line: int
    local: bool  # inside a function
    explained: bool  # a comment on the line or the line above


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _is_module(dotted: str) -> bool:
    path = ROOT.joinpath(*dotted.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def _project_files():
    for app in LAYERS:
        folder = ROOT / app
        if folder.is_dir():
            yield from (
                p for p in sorted(folder.rglob("*.py")) if "migrations" not in p.parts
            )


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports_of(path: Path) -> list[Import]:
    source_text = path.read_text()
    lines = source_text.splitlines()
    tree = ast.parse(source_text)
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[Import] = []

    def commented(lineno: int) -> bool:
        """A comment on the line, or in the paragraph of lines just above it (one
        comment may explain a block of imports, as in ``AppConfig.ready``)."""
        if "#" in lines[lineno - 1]:
            return True
        for line in reversed(lines[: lineno - 1]):
            text = line.strip()
            if not text or text.endswith(":") or text.endswith('"""'):
                return False
            if text.startswith("#"):
                return True
        return False

    def add(target: str, node: ast.stmt, local: bool) -> None:
        if target.split(".")[0] in RANK:
            found.append(
                Import(module, target, node.lineno, local, commented(node.lineno))
            )

    def visit(node: ast.AST, local: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking_only(child):
                continue
            if isinstance(child, ast.Import):
                for alias in child.names:
                    add(alias.name, child, local)
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")
                    base = base[: len(base) - (child.level - 1)]
                    prefix = ".".join(base + ([child.module] if child.module else []))
                else:
                    prefix = child.module or ""
                for alias in child.names:
                    candidate = f"{prefix}.{alias.name}"
                    add(candidate if _is_module(candidate) else prefix, child, local)
            else:
                inner = local or isinstance(
                    child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
                )
                visit(child, inner)

    visit(tree, local=False)
    return found


@pytest.fixture(scope="module")
def imports() -> list[Import]:
    return [found for path in _project_files() for found in _imports_of(path)]


def test_no_module_imports_an_app_above_its_own(imports):
    upward = [
        f"{i.source}:{i.line} imports {i.target}"
        for i in imports
        if RANK[i.target.split(".")[0]] > RANK[i.source.split(".")[0]]
    ]
    assert upward == []


def test_function_local_imports_say_why(imports):
    unexplained = [
        f"{i.source}:{i.line} imports {i.target}"
        for i in imports
        if i.local and not i.explained
    ]
    assert unexplained == []


def test_only_the_known_circle_is_held_open_by_local_imports(imports):
    """Inside an app a module imports another in a function only to hold a circle
    open (``AppConfig.ready`` aside, which runs once the models exist)."""
    same_app = {
        (i.source, i.target)
        for i in imports
        if i.local
        and not i.source.endswith(".apps")
        and i.source.split(".")[0] == i.target.split(".")[0]
    }
    assert same_app == KNOWN_LOCAL_IMPORTS


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            connect(node)
    return components


def test_no_import_circle_inside_an_app(imports):
    edges: dict[str, set[str]] = {}
    for i in imports:
        if i.source.split(".")[0] == i.target.split(".")[0]:
            edges.setdefault(i.source, set()).add(i.target)
    assert _cycles(edges) == KNOWN_CIRCLES


def test_the_layers_cover_every_project_app():
    project_apps = {
        path.parent.name
        for path in ROOT.glob("*/apps.py")
        if path.parent.name not in {".venv", "node_modules"}
    }
    assert project_apps <= set(LAYERS)
