"""Sparing Python's cyclic garbage collector work it need not do.

Around one article's extraction (``gc_paused``): the recognisers allocate thousands of short-lived
objects per article (tokens, candidates, spans) and leave no reference cycles, so the collector's
passes during extraction only cost time (about a tenth of it). It is paused for the call and resumed
afterwards, only when it was running: the caller's setting is kept, and any garbage is collected on
its next pass.

Across a long write (``gc_settled``): the writer of an ingest keeps what it builds for the whole run
(ids of entities, names, incidents' profiles), hundreds of thousands of objects, and the collector's
full passes walk all of them again and again (about a tenth of the writer's time at 10,000 articles).
``settle()``, called after each chunk, moves every object then alive into the collector's permanent
generation, so that later passes look only at newer ones; at the end they are handed back, so any
cycle among them is still collected.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
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


@contextmanager
def gc_settled() -> Iterator[Callable[[], None]]:
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()
