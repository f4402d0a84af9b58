"""Benchmarks: a synthetic news corpus (``bench.corpus``) and the harness (``bench.run``)."""
