"""The benchmark's result: stable JSON keys for comparisons over time, and a readable table."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table


@dataclass(frozen=True)
class Budget:
    """A cost budget: the named stages together may cost ``limit`` × spaCy's CPU time."""

    name: str
    stages: tuple[str, ...]
    limit: float


def load_budgets() -> list[Budget]:
    """The budgets of ``eventwire/data/bench/budgets.toml``."""
    text = (resources.files("eventwire") / "data" / "bench" / "budgets.toml").read_text("utf-8")
    budgets = []
    for name, entry in tomllib.loads(text).items():
        stages, limit = entry.get("stages"), entry.get("limit")
        if not isinstance(stages, list) or not isinstance(limit, int | float):
            raise ValueError(f"budgets.toml: [{name}] needs stages (list) and limit (number)")
        budgets.append(Budget(name, tuple(str(s) for s in stages), float(limit)))
    return budgets


def _r(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


@dataclass
class BenchReport:
    """Everything one ``eventwire bench`` run measured.

    Throughputs are articles per wall-clock second; cost ratios and stage fractions use
    process CPU seconds, which a machine shared with other work disturbs much less.
    """

    input: str
    articles: int
    spacy_wall_s: float
    spacy_cpu_s: float
    pipeline_wall_s: float
    pipeline_cpu_s: float
    stage_cpu_s: dict[str, float]
    peak_rss_mb: float
    prepare_cpu_s: float = 0.0
    language_cpu_s: float = 0.0
    workers: int | None = None
    workers_wall_s: float | None = None
    worker_peak_rss_mb: float | None = None
    spacy_workers_wall_s: float | None = None
    dask_workers: int | None = None
    dask_wall_s: float | None = None
    dask_worker_peak_rss_mb: float | None = None
    dask_identical: bool | None = None
    workers_identical: bool | None = None
    load_avg_1m: float | None = None
    cpu_count: int | None = None
    budgets: list[Budget] = field(default_factory=load_budgets)

    def _per_s(self, wall: float | None) -> float | None:
        return self.articles / wall if wall else None

    def stage_fractions(self) -> dict[str, float]:
        """Each stage's CPU time as a fraction of spaCy's."""
        return {k: v / self.spacy_cpu_s for k, v in self.stage_cpu_s.items()}

    def budget_fractions(self) -> dict[str, float]:
        fr = self.stage_fractions()
        return {b.name: sum(fr.get(s, 0.0) for s in b.stages) for b in self.budgets}

    def to_json(self) -> dict[str, Any]:
        """The ``--json`` line (key names are stable: add keys, never rename them)."""
        pipeline_ps = self._per_s(self.pipeline_wall_s)
        workers_ps = self._per_s(self.workers_wall_s)
        spacy_ps = self._per_s(self.spacy_wall_s)
        spacy_workers_ps = self._per_s(self.spacy_workers_wall_s)
        n = self.workers or 2
        fractions = self.budget_fractions()
        out: dict[str, Any] = {
            "input": self.input,
            "articles": self.articles,
            "spacy_articles_per_s": _r(self._per_s(self.spacy_wall_s)),
            "pipeline_articles_per_s": _r(pipeline_ps),
            "ratio_pipeline_vs_spacy": _r(self.pipeline_cpu_s / self.spacy_cpu_s),
            "ratio_wall_pipeline_vs_spacy": _r(self.pipeline_wall_s / self.spacy_wall_s),
            "spacy_cpu_s": _r(self.spacy_cpu_s),
            "pipeline_cpu_s": _r(self.pipeline_cpu_s),
            "cpu_s_per_1000": _r(1000 * self.pipeline_cpu_s / self.articles),
            "spacy_cpu_s_per_1000": _r(1000 * self.spacy_cpu_s / self.articles),
            "peak_rss_mb": _r(self.peak_rss_mb, 1),
            "workers": self.workers,
            f"workers_{n}_articles_per_s": _r(workers_ps),
            f"speedup_{n}_workers": _r(workers_ps / pipeline_ps)
            if workers_ps and pipeline_ps
            else None,
            # spaCy alone on the same N processes: the speedup the machine itself allows.
            f"spacy_speedup_{n}_workers": _r(spacy_workers_ps / spacy_ps)
            if spacy_workers_ps and spacy_ps
            else None,
            "worker_peak_rss_mb": _r(self.worker_peak_rss_mb, 1),
            "workers_identical": self.workers_identical,
            "dask_workers": self.dask_workers,
            "dask_articles_per_s": _r(self._per_s(self.dask_wall_s)),
            "dask_worker_peak_rss_mb": _r(self.dask_worker_peak_rss_mb, 1),
            "dask_identical": self.dask_identical,
            "stage_fractions": {k: _r(v, 4) for k, v in self.stage_fractions().items()},
            "prepare_fraction": _r(self.prepare_cpu_s / self.spacy_cpu_s, 4),
            "language_fraction": _r(self.language_cpu_s / self.spacy_cpu_s, 4),
            "budget_fractions": {k: _r(v, 4) for k, v in fractions.items()},
            "budgets_ok": all(fractions[b.name] <= b.limit for b in self.budgets),
            "load_avg_1m": _r(self.load_avg_1m, 2),
            "cpu_count": self.cpu_count,
        }
        return out

    def print_table(self, out: TextIO) -> None:
        """A readable summary."""
        data = self.to_json()
        console = Console(file=out, width=100, highlight=False)
        console.print(
            f"[bold]eventwire bench[/bold]: {self.articles} articles from {self.input}"
            f" (load average {data['load_avg_1m']} on {self.cpu_count} cores)"
        )
        t = Table(title="Throughput", title_justify="left")
        for col in ("run", "articles/s", "wall s", "CPU s", "peak RSS MiB"):
            t.add_column(col, justify="right" if col != "run" else "left")
        t.add_row(
            "spaCy alone",
            f"{data['spacy_articles_per_s']:.2f}",
            f"{self.spacy_wall_s:.1f}",
            f"{self.spacy_cpu_s:.1f}",
            "",
        )
        t.add_row(
            "pipeline, 1 process",
            f"{data['pipeline_articles_per_s']:.2f}",
            f"{self.pipeline_wall_s:.1f}",
            f"{self.pipeline_cpu_s:.1f}",
            f"{self.peak_rss_mb:.0f}",
        )
        if self.workers_wall_s:
            n = self.workers
            t.add_row(
                f"pipeline, {n} workers",
                f"{data[f'workers_{n}_articles_per_s']:.2f}",
                f"{self.workers_wall_s:.1f}",
                "",
                f"{self.worker_peak_rss_mb or 0:.0f}/worker",
            )
        if self.dask_wall_s:
            t.add_row(
                f"Dask, {self.dask_workers} workers",
                f"{data['dask_articles_per_s']:.2f}",
                f"{self.dask_wall_s:.1f}",
                "",
                f"{self.dask_worker_peak_rss_mb or 0:.0f}/worker",
            )
        console.print(t)
        console.print(
            f"pipeline / spaCy time ratio: {data['ratio_pipeline_vs_spacy']:.3f} (CPU), "
            f"{data['ratio_wall_pipeline_vs_spacy']:.3f} (wall); "
            f"CPU s per 1,000 articles: {data['cpu_s_per_1000']:.0f}"
        )
        n = self.workers or 2
        if data[f"speedup_{n}_workers"] is not None:
            ceiling = data[f"spacy_speedup_{n}_workers"]
            console.print(
                f"speedup with {n} workers: {data[f'speedup_{n}_workers']:.2f}x"
                + (f" (spaCy alone on {n} processes: {ceiling:.2f}x)" if ceiling else "")
            )
        t = Table(title="Stage cost (fraction of spaCy's CPU time)", title_justify="left")
        for col in ("budget", "stages", "fraction", "limit", ""):
            t.add_column(col)
        fr = self.stage_fractions()
        for b in self.budgets:
            got = sum(fr.get(s, 0.0) for s in b.stages)
            parts = ", ".join(f"{s} {fr.get(s, 0.0):.3f}" for s in b.stages)
            t.add_row(
                b.name, parts, f"{got:.3f}", f"{b.limit:.2f}", "ok" if got <= b.limit else "OVER"
            )
        console.print(t)
        console.print(
            f"outside the stages: working copy {data['prepare_fraction']:.3f}, "
            f"language check {data['language_fraction']:.3f} of spaCy's CPU time"
        )
