"""How fast, not what: workers, the cache between builds, progress and memory policy.

No stage imports this wing, and this wing imports no stage: a stage receives a `Runtime` and
calls it to map work over its items, read and store results, report progress and diagnostics.
"""
