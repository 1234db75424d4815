"""An ordered registry of named steps, after Python-Markdown's `util.Registry`.

Steps run in descending priority; registering a name again replaces the step,
so a user can swap one normalizer without rebuilding the list.
"""
from __future__ import annotations

from typing import Callable, Generic, Iterator, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    """Named items with priorities; iterating gives the items, highest priority first (ties by name)."""

    def __init__(self) -> None:
        self._items: dict[str, tuple[float, T]] = {}

    def register(self, item: T, name: str, priority: float) -> None:
        """Add an item, or replace the item of that name."""
        self._items[name] = (priority, item)

    def deregister(self, name: str) -> None:
        """Remove an item by name (nothing if absent)."""
        self._items.pop(name, None)

    def __contains__(self, name: str) -> bool:
        return name in self._items

    def __iter__(self) -> Iterator[T]:
        ordered = sorted(self._items.items(), key=lambda kv: (-kv[1][0], kv[0]))
        return (item for _, (_, item) in ordered)

    def names(self) -> list[str]:
        """The names, in the order the items run."""
        return [name for name, _ in sorted(self._items.items(), key=lambda kv: (-kv[1][0], kv[0]))]


TextStep = Callable[[str], str]
