"""Pausing Python's cyclic garbage collector around one article's extraction.

The recognisers allocate thousands of short-lived objects per article (tokens, candidates,
spans) and leave no reference cycles, so the collector's passes during extraction only cost time
(about a tenth of it). It is paused for the call and resumed afterwards, only when it was running:
the caller's setting is kept, and any garbage is collected on its next pass.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
