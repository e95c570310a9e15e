"""Message codes that are about files rather than fields, each produced the way an editor would meet it."""
from __future__ import annotations

import os

from helpers import MINIMAL, copy_example, copy_root

from cooperation.outputs import codeowners
from cooperation.pipeline import validate


def _codes(root) -> list[tuple[str, str]]:
    return sorted((p.file, p.code) for p in validate(root)[1].problems)


def test_a_sub_area_saved_as_yml_is_not_read(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    (root / "subareas" / "hyte.yaml").rename(root / "subareas" / "hyte.yml")
    assert ("subareas/hyte.yml", "file_unexpected") in _codes(root)


def test_links_and_special_files_are_named_by_their_code(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    outside = tmp_path / "outside"
    (root / "measurements").rename(outside)
    (root / "measurements").symlink_to(outside)
    (root / "subareas" / "linked.yaml").symlink_to(root / "subareas" / "hyte.yaml")
    os.mkfifo(root / "agreement" / "annexes.yaml")
    codes = _codes(root)
    assert ("measurements", "folder_symlink") in codes or ("measurements/", "folder_symlink") in codes, codes
    assert ("subareas/linked.yaml", "file_symlink") in codes
    assert ("agreement/annexes.yaml", "file_special") in codes


def test_content_after_the_end_of_the_document_is_a_syntax_error(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    with open(root / "agreement" / "forums.yaml", "a", encoding="utf-8") as handle:
        handle.write("...\nylimääräistä\n")
    assert ("agreement/forums.yaml", "yaml_syntax") in _codes(root)


def test_a_hand_edited_codeowners_is_stale(tmp_path):
    root = copy_example(tmp_path / "root")
    (root / ".github").mkdir()
    assert _codes(root) == [(".github/CODEOWNERS", "codeowners_missing")]
    codeowners.path(root).write_text("* @joku\n", encoding="utf-8")
    assert _codes(root) == [(".github/CODEOWNERS", "codeowners_stale")]
