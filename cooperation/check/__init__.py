"""Check: the schema and the cross-checks, every problem collected into one Result (never printed here)."""
from cooperation.check.checker import check

__all__ = ["check"]
