"""The message of a YAML syntax error: where it is, and what to do, for someone writing YAML by hand."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml


class _Start:
    """A mark at the start of the parsed text."""

    line = 0
    index = 0


def syntax_error(exc: yaml.MarkedYAMLError, line_of: Callable[[Any], int]) -> tuple[int, str]:
    """The line (1-based, in the whole file) and a message saying what to do."""
    problem = exc.problem or "invalid YAML"
    context = exc.context or ""
    pmark = exc.problem_mark or exc.context_mark
    pline = line_of(pmark) if pmark else line_of(_Start())
    cline = line_of(exc.context_mark) if exc.context_mark else pline
    if "'\\t'" in problem:
        return pline, "a tab character is used for indentation: indent with spaces"
    if context in ("while parsing a flow sequence", "while parsing a flow mapping"):
        opener, closer = ("[", "]") if "sequence" in context else ("{", "}")
        later = f" ({problem}, line {pline})" if pline != cline else f" ({problem})"
        return cline, (
            f"the '{opener}' on this line is not closed{later}: close it with '{closer}', "
            "or quote a value that contains , : # [ ] { }"
        )
    if context.startswith("while scanning a quoted scalar"):
        return cline, "the quote that opens a value on this line is never closed: close it"
    if context.startswith("while scanning a double-quoted scalar") and "escape" in problem:
        return pline, f"{problem} (a backslash in double quotes starts an escape): use single quotes"
    if context.startswith("while scanning a simple key"):
        return cline, "this line is not 'key: value': add the ':', or indent it under the key it continues"
    if problem == "mapping values are not allowed here":
        return pline, (
            "a ': ' inside a value, or a line indented too far: quote the value (\"...\") or fix the indentation"
        )
    if problem.startswith("expected <block end>") and "<scalar>" in problem:
        return pline, (
            "text follows a quoted or bracketed value: quote the whole value (inside '...' write '' "
            'for an apostrophe, inside "..." write \\")'
        )
    if problem.startswith("expected <block end>") and problem[-2:] in ("}'", "]'"):
        return pline, f"a closing {problem[-2]} without an opening one: remove it"
    if problem.startswith("expected <block end>"):
        return pline, (
            "this line's indentation does not match the lines above it: indent the keys of one "
            "mapping (and the items of one list) equally, with spaces"
        )
    if problem == "sequence entries are not allowed here":
        return pline, "'- ' starts a list item here: quote a value that starts with '- ', or fix the indentation"
    if problem.startswith("found undefined alias"):
        return pline, "a value that starts with '*' must be quoted"
    if "cannot start any token" in problem:
        char = re.search(r"character (.+?) that", problem)
        return pline, f"a value cannot start with {char.group(1) if char else 'this character'}: quote it"
    if context.startswith("expected a single document"):
        return pline, "a YAML file holds one document: remove this '---' line (and any after it)"
    if problem.startswith("could not determine a constructor"):
        return pline, "a value that starts with '!' must be quoted"
    return pline, f"{problem}: check the indentation (spaces only), quotes and brackets here and above"
