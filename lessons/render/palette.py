"""Category labels, colours and non-colour cues, read from ``data/categories.yaml``."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..data import data_path


@dataclass(frozen=True)
class Category:
    """How one category is named and drawn: colour plus a line style and symbol for colour-blind readers."""

    id: str
    label: str
    short: str
    symbol: str
    colour: str
    line: str
    description: str


@lru_cache(maxsize=1)
def load_categories() -> dict[str, Category]:
    """All categories in display order, keyed by id."""
    import yaml

    raw = yaml.safe_load(data_path("categories.yaml").read_text(encoding="utf-8"))
    return {cid: Category(id=cid, **{k: str(v) for k, v in spec.items()}) for cid, spec in raw.items()}
