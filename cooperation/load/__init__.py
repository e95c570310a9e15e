"""Load: the data files read strictly, each value with its file, line and column."""
from cooperation.load.sources import Sources, load_sources

__all__ = ["Sources", "load_sources"]
