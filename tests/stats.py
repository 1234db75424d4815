"""Counts the long-running tests report at the end of the run (fuzz inputs tried, builds killed)."""
from collections import Counter

RUN_STATS: Counter = Counter()
