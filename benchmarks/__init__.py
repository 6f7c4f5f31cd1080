"""Benchmarks run on demand (`python -m benchmarks`), printing ratios against what a user would use instead."""
