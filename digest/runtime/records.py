"""Compact pickling for the records (digest.models) that workers send back and the cache keeps.

Pickled by default, a slotted dataclass is rebuilt through its field names on every object; as
its constructor call it unpickles several times quicker, and a cached build reads millions of
them back. Registered in copyreg's dispatch table, so the records themselves stay plain.
"""
from __future__ import annotations

import copyreg
import dataclasses

from .. import models


def _constructor_call(cls: type):
    names = tuple(field.name for field in dataclasses.fields(cls))

    def reduce(record):
        return cls, tuple(getattr(record, name) for name in names)

    return reduce


def register() -> None:
    """Every dataclass of digest.models pickles as its constructor call (idempotent)."""
    for value in vars(models).values():
        if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == models.__name__:
            copyreg.pickle(value, _constructor_call(value))


register()
