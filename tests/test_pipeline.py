"""The pipeline loads and checks once per workspace, and never serves a stale result."""
from __future__ import annotations

import pytest
from helpers import copy_example

from cooperation.load import load_sources
from cooperation.outputs import codeowners
from cooperation.pipeline import ModelError, load_all
from cooperation.workspace import Workspace


def test_a_changed_codeowners_file_is_checked_again(tmp_path):
    root = copy_example(tmp_path / "root")
    (root / ".github").mkdir()
    owners = codeowners.path(root)
    owners.write_text(codeowners.render(load_sources(root)) or "", encoding="utf-8")
    workspace = Workspace()
    model, _, _ = load_all(root, workspace)
    assert load_all(root, workspace)[0] is model  # the same files: the loaded model is reused
    owners.unlink()  # validate's post-check now fails: the cache must not hide it
    with pytest.raises(ModelError) as caught:
        load_all(root, workspace)
    assert [p.code for p in caught.value.result.errors] == ["codeowners_missing"]
