"""Development tools, outside the shipped package: the benchmark (`scripts/bench`), the evaluation
on the public sets (`scripts/evaluate`) and the synthetic corpora both use. Run from the project
root (`python -m tools.bench`); the package they measure is imported as `digest`."""
