"""Benchmarks for actorgraph: `python -m benchmarks` (see BENCHMARKS.md)."""
