"""No English-only message can come back: every error raised with a written-out message, and every warning a
parser hands to the import summary, goes through `_()` so that it has its Korean (test_i18n.py checks the
catalogue). The sources are read with `ast`, outside the Qt front (which uses tr()).

A message counts as written out when it is a string literal, an f-string, or a literal joined with `+` or
`.format()`. Internal programmer errors that no user can see stay English; they are listed here, each with why.
"""

from __future__ import annotations

import ast
from pathlib import Path

from esgdesk.core import i18n

SOURCES = Path(i18n.__file__).resolve().parents[1]

#: (module under src/esgdesk, exception class) → why its literal message may stay English
INTERNAL: dict[tuple[str, str], str] = {
    ("core/changes.py", "ValueError"): "a change kind our own code registers or emits is unknown: a programming error",
    ("core/models.py", "ValueError"): "stored_id() on a row never flushed: a programming error, never the user's",
    ("core/files.py", "ValueError"): "callers pass digests esgdesk computed itself; a bad one is a programming error",
    ("core/paths.py", "FileNotFoundError"): "the resources folder is missing, and the Korean catalogue lives in it",
    ("core/migrations/env.py", "SystemExit"): "Alembic's offline mode, which esgdesk never uses",
    ("ingest/parsers/__init__.py", "TypeError"): "a parser class registered without the Parser protocol",
    ("ingest/parsers/hwp.py", "ValueError"): "the AES helper's precondition; its callers always pass whole blocks",
    ("knowledge/evaluation.py", "KeyError"): "the developers' gold-standard evaluation names an unknown entity",
    ("knowledge/gazetteer.py", "KeyError"): "find_region serves the evaluation only; the KeyError carries a dev's typo",
    ("library/browse.py", "ValueError"): "a scope, sort key or status outside the enums our own code passes",
    ("library/originals.py", "ValueError"): "callers pass a viewer extension from VIEWER_EXTENSIONS only",
    ("search/index.py", "TypeError"): "SearchIndex constructed with neither an archive nor a folder by our code",
    ("search/plan.py", "TypeError"): "a query node type the compiler does not know: a programming error",
    ("search/tantivy_index.py", "TypeError"): "TantivyIndex constructed with neither an archive nor a folder",
    ("search/tantivy_query.py", "TypeError"): "a query node the tantivy compiler does not know: a programming error",
    ("selftest.py", "SelfTestFailure"): "the packaged app's smoke test, read in the build log by whoever packages it",
}


def _written_out(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _written_out(node.left) or _written_out(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _written_out(node.func.value)
    return False


def _callee(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _is_warning_list(call: ast.Call) -> bool:
    """`warnings.append(…)` / `self.warnings.append(…)`: a parser's warning, shown in the import summary."""
    func = call.func
    if not (isinstance(func, ast.Attribute) and func.attr == "append"):
        return False
    owner = func.value
    name = owner.id if isinstance(owner, ast.Name) else owner.attr if isinstance(owner, ast.Attribute) else ""
    return name.endswith("warnings")


def unwrapped_messages(source: str) -> list[tuple[int, str, str]]:
    """(line, callee, code) of every written-out message not wrapped in `_()` in one module's source."""
    tree = ast.parse(source)
    raised = {id(node.exc) for node in ast.walk(tree) if isinstance(node, ast.Raise) and node.exc is not None}
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        callee = _callee(node)
        if callee in ("_", "N_"):
            continue
        is_error = id(node) in raised or callee.endswith(("Error", "Exception")) or _is_warning_list(node)
        arguments = [*node.args, *(keyword.value for keyword in node.keywords)]
        if is_error and any(_written_out(argument) for argument in arguments):
            found.append((node.lineno, callee, ast.unparse(node)[:120]))
    return found


def _modules() -> list[tuple[str, str]]:
    modules = []
    for path in sorted(SOURCES.rglob("*.py")):
        relative = path.relative_to(SOURCES).as_posix()
        if relative.split("/")[0] != "ui":
            modules.append((relative, path.read_text(encoding="utf-8")))
    return modules


def test_every_message_a_user_can_read_is_marked_for_translation() -> None:
    offending = [
        f"{module}:{line}: {code}"
        for module, source in _modules()
        for line, callee, code in unwrapped_messages(source)
        if (module, callee) not in INTERNAL
    ]
    assert not offending, (
        "messages a user can read must be wrapped in _() (with their Korean in resources/locale/ko/*.po), "
        "or listed in INTERNAL with the reason no user can see them:\n" + "\n".join(offending)
    )


def test_the_allow_list_names_only_sites_that_exist() -> None:
    """An entry whose raise was wrapped or removed is taken out, so the list stays short and true."""
    present = {(module, callee) for module, source in _modules() for _, callee, _ in unwrapped_messages(source)}
    assert not set(INTERNAL) - present, f"stale INTERNAL entries: {sorted(set(INTERNAL) - present)}"


def test_the_check_sees_each_way_of_writing_a_message() -> None:
    source = """
def f(name, exc, warnings):
    raise ValueError("plain")
    raise NotFoundError(f"There is no tag {name!r}.")
    raise BundleError("Cannot read " + name)
    raise EsgdeskError("no {x}".format(x=name)) from exc
    raise _damaged("too many sections")
    warnings.append(f"{name} could not be read")
    return ParseError("the file is empty")
    raise EsgdeskError(_("There is no tag {name}.", name=name))
    raise EsgdeskError(message)
    raise
    warnings.append(_("objects nested too deeply were skipped"))
    names.append("not a message")
"""
    assert [line for line, _, _ in unwrapped_messages(source)] == [3, 4, 5, 6, 7, 8, 9]
