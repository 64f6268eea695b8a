"""Run a student's file or notebook cell statement by statement, as the student meant it.

Loaded by the worker by path (like ``codec.py``): it imports only the standard library. A
statement that raises does not lose the definitions after it, and a syntax error loses only
the top-level block it sits in. Each failure is reported with the names the statement would
have bound, so that the driver can tell the student whether it cost anything: it did only if
a graded function uses one of those names (directly, or through the student's own helpers).

Example::

    failures = run_source("import matplotlib\\ndef f(x):\\n    return x\\n", "<cell 1>",
                          namespace, describe)
    # f is defined; failures == [{"line": 1, "error": "...", "binds": ["matplotlib"]}]
"""

import ast
import re
import types

_FUTURE = {"annotations": 0x1000000}  # the compiler flag of each __future__ feature we honour
_CONTINUATION = re.compile(r"(else\b|elif\b|except\b|finally\b|case\b|[)\]}])")
_BINDS = re.compile(r"^(?:async\s+)?(?:def|class)\s+(\w+)|^(\w+)\s*(?::[^=]*)?=[^=]")


def bound_names(node):
    """The names a top-level statement binds in the module namespace (not inside the
    functions or classes it defines)."""
    names = []

    def visit(item, top):
        if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(item.name)
            return
        if isinstance(item, ast.Lambda):
            return
        if isinstance(item, ast.Import | ast.ImportFrom):
            names.extend((alias.asname or alias.name).split(".")[0] for alias in item.names
                         if alias.name != "*")
        elif isinstance(item, ast.Name) and isinstance(item.ctx, ast.Store):
            names.append(item.id)
        for child in ast.iter_child_nodes(item):
            visit(child, False)

    visit(node, True)
    return sorted(set(names))


def _blocks(lines):
    """Split source lines into top-level blocks: each starts at an unindented line that does
    not continue the block before it (else, except, a closing bracket, a decorated def)."""
    blocks, start, last = [], 0, ""
    for number, line in enumerate(lines):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        if number and line[0] not in " \t" and not _CONTINUATION.match(text) \
                and not last.startswith("@"):
            blocks.append((start, lines[start:number]))
            start = number
        last = text
    blocks.append((start, lines[start:]))
    return blocks


def _guessed_binds(lines):
    """The names that unparsable top-level lines seem to define (def, class, assignment)."""
    return sorted({name for line in lines for match in [_BINDS.match(line)] if match
                   for name in match.groups() if name})


def _parse(source, filename):
    """[(line, ast statement or None, error or None, names bound)] for ``source`` (text, or
    bytes whose encoding could not be decoded: then the whole of it or nothing)."""
    try:
        tree = ast.parse(source, filename)
    except (SyntaxError, ValueError) as error:
        if isinstance(source, bytes):
            return [(getattr(error, "lineno", None) or 1, None, error,
                     _guessed_binds(source.decode("latin-1").splitlines()))]
    else:
        return [(node.lineno, node, None, bound_names(node)) for node in tree.body]
    found = []
    for start, lines in _blocks(source.splitlines()):
        text = "\n" * start + "\n".join(lines)
        try:
            tree = ast.parse(text, filename)
        except (SyntaxError, ValueError) as error:
            binds = _guessed_binds(lines)
            line = getattr(error, "lineno", None) or start + 1
            found.append((line, None, error, binds))
            continue
        found += [(node.lineno, node, None, bound_names(node)) for node in tree.body]
    return found


def run_source(source, filename, namespace, describe):
    """Execute ``source`` in ``namespace`` one top-level statement at a time; return a list of
    ``{"line", "error", "binds"}`` for the statements that raised or did not parse.
    ``describe(error)`` turns an exception into the one-line text reported."""
    failures, flags = [], 0
    for line, node, error, binds in _parse(source, filename):
        if node is not None:
            if isinstance(node, ast.ImportFrom) and node.module == "__future__":
                for alias in node.names:
                    flags |= _FUTURE.get(alias.name, 0)
            try:
                code = compile(ast.Module([node], []), filename, "exec", flags=flags,
                               dont_inherit=True)
                exec(code, namespace)
                continue
            except BaseException as raised:  # SystemExit too: what follows may define more
                error = raised
        failures.append({"line": line, "error": describe(error), "binds": binds})
    return failures


def _code_names(code):
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _code_names(const)
    return names


def globals_used(function, namespace, limit=200):
    """The global names ``function`` may read, following the namespace's own functions."""
    seen, todo, names = set(), [function], set()
    while todo and len(seen) < limit:
        item = todo.pop()
        code = getattr(item, "__code__", None)
        if code is None or id(item) in seen:
            continue
        seen.add(id(item))
        found = _code_names(code)
        names |= found
        todo += [namespace[name] for name in found
                 if isinstance(namespace.get(name), types.FunctionType)]
    return names
