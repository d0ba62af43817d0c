"""Compiled Jinja templates kept for the life of the process.

Every build makes new Jinja environments (MkDocs its theme's, lwsite its own), and compiling a
template is most of the time a page takes to render. ``mkdocs serve`` builds again at every
change, in the same process: with ``shared_cache`` its environments compile each template once,
and again only when the template's text changes (Jinja keys a compiled template by its name,
its file and a checksum of its source). Environments with different options (which change the
compiled code) never share a cache.
"""

from __future__ import annotations

from typing import Any

import jinja2

_CACHES: dict[tuple[Any, ...], MemoryBytecodeCache] = {}


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Jinja's compiled templates in memory."""

    def __init__(self) -> None:
        self._data: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self._data.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._data[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._data.clear()


def shared_cache(env: jinja2.Environment) -> MemoryBytecodeCache:
    """The cache of every environment with ``env``'s options (all that the compiled code depends on);
    an environment with a function of its own for autoescape or finalize gets a cache of its own."""
    if not isinstance(env.autoescape, bool) or env.finalize is not None:
        return MemoryBytecodeCache()
    key = (
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.autoescape,
        env.optimized,
        env.is_async,
        env.undefined,
        tuple(sorted(env.extensions)),
    )
    cache = _CACHES.get(key)
    if cache is None:
        cache = _CACHES[key] = MemoryBytecodeCache()
    return cache
