"""``lwsite import``'s core: the export and the mapping file read, the cycle's scripts written.

``importer.plan_import`` decides, from the rows, what to write or what is wrong; this module
reads the files a user names (a CSV export in any of the separators spreadsheets use, a YAML
mapping) and writes every script or none.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import importer
from .create import school_files
from .errors import InputError
from .load.cycle import locate_cycle
from .writing import shown, write_all


@dataclass(frozen=True)
class Imported:
    plan: importer.ImportPlan
    folder: Path  # the cycle folder (written into only when the plan has no error)


def import_export(
    content: Path,
    cycle_given: str,
    source: Path,
    *,
    mapping_file: str | None = None,
    rows: str | None = None,
    columns: Mapping[str, str] | None = None,
    ratings: Sequence[str] = (),
    replace: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Imported:
    """Plan the import of an export into a cycle and, when nothing is refused, write it. The columns
    are the mapping file's with ``columns`` and ``ratings`` over them (see ``column_map``); without a
    mapping file, columns named like the fields (visit, evidence, ...) are read unless named.
    ``progress`` hears (rows checked, rows in all)."""
    located = locate_cycle(content, cycle_given)
    if located is None:
        raise InputError(
            f"--cycle {cycle_given}: not a cycle folder of {shown(content)} (give "
            "content/schools/SCHOOL/cycles/CYCLE-ID or SCHOOL/CYCLE-ID)"
        )
    school = school_files(content, located[0])
    cycle = school.cycle(located[1])
    if cycle is None:
        raise InputError(f"--cycle {cycle_given}: the folder name is not a cycle id YYYY-MM-DD-slug")
    mapping = column_map(mapping_file, rows, columns or {}, ratings)
    header, records = read_export(source)
    if mapping_file is None:
        named = {**importer.default_columns(header), **mapping.columns}
        mapping = importer.ColumnMap(mapping.rows, named, mapping.ratings, mapping.independent)
    total = len(records)
    plan = importer.plan_import(
        header,
        records,
        mapping,
        cycle,
        school.roster,
        source=source.name,
        replace=replace,
        progress=(lambda done: progress(done, total)) if progress else None,
    )
    if not plan.errors:
        write_all(cycle.folder, plan.files, plan.remove)
    return Imported(plan, cycle.folder)


def column_map(
    mapping_file: str | None, rows: str | None, columns: Mapping[str, str], ratings: Sequence[str]
) -> importer.ColumnMap:
    """The mapping file's columns (if one is given), with those named on the command line over them:
    ``columns`` by field name, ``ratings`` as CHARACTERISTIC=COLUMN."""
    mapping = importer.ColumnMap()
    if mapping_file is not None:
        try:
            text = Path(mapping_file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{mapping_file}:1: cannot read the mapping file: {exc}") from None
        parsed, problems = importer.parse_mapping(text, mapping_file)
        if parsed is None:
            raise InputError("\n".join(problems))
        mapping = parsed
    merged = {**mapping.columns, **{name: given for name, given in columns.items() if given}}
    rated = dict(mapping.ratings)
    for item in ratings:
        cid, _, column = item.partition("=")
        rated[cid.strip()] = column.strip()
    return importer.ColumnMap(rows or mapping.rows, merged, tuple(rated.items()), mapping.independent)


def read_export(path: Path) -> tuple[list[str], list[list[str]]]:
    """The header and the rows of a CSV export (comma, semicolon or tab separated, UTF-8)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"{path}: cannot read it: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise InputError(
            f'{path.name}:row 1: the file is not UTF-8 text: export it as "CSV UTF-8" (byte {exc.start})'
        ) from None
    header_line = text.split("\n", 1)[0]  # spreadsheets export ",", ";" or tab separated
    try:
        delimiter = csv.Sniffer().sniff(header_line, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), csv.excel, delimiter=delimiter))
    except csv.Error as exc:
        raise InputError(f"{path.name}:row 1: cannot read it as CSV: {exc}") from None
    if not records or not any(cell.strip() for cell in records[0]):
        raise InputError(f"{path.name}:row 1: the file is empty: the first row must name the columns")
    return records[0], records[1:]
