"""The strategic cooperation agreement as data: load → check → model → outputs (see pipeline.py).

Installed as the distribution ``yhteistyosopimus`` (one command of that name); every file its commands read besides
the region's data is package data under ``resources/``: the JSON Schemas, the Word template, the MkDocs
configuration with the editor guide and the site's assets, and what ``init`` writes into a new region's repository.
"""
from pathlib import Path

__version__ = "0.2.0"

# the package's own files (schema/, templates/, site/, region/): the same in a checkout and in an installed wheel
RESOURCES = Path(__file__).resolve().parent / "resources"
