"""Throughput and cost benchmark: spaCy alone vs. the full pipeline, on 1, N and Dask workers."""

from .corpus import bundled_set, default_input, load_articles
from .report import BenchReport, Budget, load_budgets
from .runner import BenchConfig, run_bench

__all__ = [
    "BenchConfig",
    "BenchReport",
    "Budget",
    "bundled_set",
    "default_input",
    "load_articles",
    "load_budgets",
    "run_bench",
]
