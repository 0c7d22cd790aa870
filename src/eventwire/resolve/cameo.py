"""The CAMEO codebook: names, Goldstein values, quad classes and the PLOVER mapping of every code.

Loaded from ``data/events/cameo.tsv`` (built by ``scripts/build_cameo_codebook.py``; format in
``data/events/README.md``).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from importlib import resources

from ..errors import ResourceError

DATA_PACKAGE = "eventwire.data"
CODEBOOK_FILE = "events/cameo.tsv"


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO code with its attributes."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...]

    @property
    def root(self) -> str:
        return self.code[:2]


def quad_class(code: str) -> int:
    """GDELT quad class of a CAMEO code: 01-05 -> 1, 06-08 -> 2, 09-13 -> 3, 14-20 -> 4."""
    root = int(code[:2])
    if not 1 <= root <= 20:
        raise ValueError(f"not a CAMEO code: {code!r}")
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


@dataclass(frozen=True)
class Codebook:
    """All CAMEO codes by code string."""

    codes: dict[str, CameoCode] = field(default_factory=dict)

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def __len__(self) -> int:
        return len(self.codes)

    def get(self, code: str) -> CameoCode:
        """The entry of ``code``; raises KeyError for a code the codebook does not know."""
        return self.codes[code]

    def lookup(self, code: str) -> CameoCode | None:
        """The entry of ``code``, else of its three-digit parent, else of its root."""
        for key in (code, code[:3], code[:2]):
            if key in self.codes:
                return self.codes[key]
        return None


def parse_codebook(text: str) -> Codebook:
    """Parse the TSV text of the codebook (``#`` comment lines allowed); validates every row."""
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    codes: dict[str, CameoCode] = {}
    for n, row in enumerate(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"), 2):
        code = (row.get("code") or "").strip()
        if not code.isdigit() or len(code) not in (2, 3, 4):
            raise ResourceError(f"cameo.tsv line {n}: bad code {code!r}")
        try:
            goldstein = float(row["goldstein"])
            quad = int(row["quad_class"])
        except (TypeError, ValueError) as exc:
            raise ResourceError(f"cameo.tsv line {n}: bad number ({exc})") from exc
        if quad != quad_class(code):
            raise ResourceError(f"cameo.tsv line {n}: quad_class {quad} does not fit {code}")
        context = tuple(c for c in (row.get("plover_context") or "").split(",") if c)
        codes[code] = CameoCode(
            code=code,
            name=row["name"].strip(),
            goldstein=goldstein,
            quad_class=quad,
            plover_type=(row.get("plover_type") or "").strip() or None,
            plover_mode=(row.get("plover_mode") or "").strip() or None,
            plover_context=context,
        )
    return Codebook(codes)


def load_codebook() -> Codebook:
    """The codebook shipped with eventwire."""
    text = resources.files(DATA_PACKAGE).joinpath(CODEBOOK_FILE).read_text(encoding="utf-8")
    return parse_codebook(text)
