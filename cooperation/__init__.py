"""The strategic cooperation agreement as data: load → check → model → outputs (see pipeline.py)."""
from pathlib import Path

# the checkout: schemas, templates and the MkDocs configuration live beside the package
PROJECT = Path(__file__).resolve().parent.parent
