"""One write path, one mapping of the disk's errors: every writing command writes through cli.write_files (all or none,
each file named on stderr), and a disk error, while writing or in a temporary file while rendering, is said in one
place (files.refused, from cli.main): exit 2, the file named, what the disk said, and that nothing else changed.
Quick and in this process; a really full disk: tests/test_disk_full.py."""
from __future__ import annotations

import errno
import os

from helpers import MINIMAL, copy_root, run_cli


def test_a_disk_error_while_rendering_is_named_once_by_main(tmp_path, monkeypatch):
    """A temporary file of pandoc's on a full disk, under docx (a command that loads the model): the same words as
    any other command's, not a second mapping of its own."""
    from cooperation.outputs import docx
    root = copy_root(MINIMAL, tmp_path / "data")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/tmp/cooperation-x/body-fi.docx")
    monkeypatch.setattr(docx, "render_languages", full)
    done = run_cli("docx", "--root", root, "--out", tmp_path / "out")
    assert done.returncode == 2, done.stderr
    assert done.stderr == ("virhe: tiedostoa /tmp/cooperation-x/body-fi.docx ei voitu kirjoittaa: levy on täynnä "
                           f"({os.strerror(errno.ENOSPC)}); tuloksia ei kirjoitettu\n")
    assert not (tmp_path / "out").exists()


def test_a_disk_error_while_writing_names_the_file_and_keeps_the_earlier(tmp_path, monkeypatch):
    from cooperation import files
    out = tmp_path / "out"
    assert run_cli("reference", "--out", out).returncode == 0
    before = (out / "tietomuoto.md").read_bytes()

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))
    monkeypatch.setattr(files.tempfile, "mkstemp", read_only)
    done = run_cli("reference", "--out", out)
    assert done.returncode == 2, done.stderr
    assert done.stderr == (f"virhe: tiedostoa {out / 'tietomuoto.md'} ei voitu kirjoittaa: levy on vain luettavissa "
                           f"(read-only) ({os.strerror(errno.EROFS)}); aiemmat tiedostot ovat ennallaan\n")
    assert (out / "tietomuoto.md").read_bytes() == before and sorted(p.name for p in out.iterdir()) == ["tietomuoto.md"]


def test_an_error_of_the_program_is_not_taken_for_the_disks(tmp_path, monkeypatch):
    """Only the disk's errors (full, read-only, no permission) are the environment's: a missing file is a bug."""
    from cooperation.outputs import docx
    root = copy_root(MINIMAL, tmp_path / "data")

    def missing(*args, **kwargs):
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), "/nonexistent/template.docx")
    monkeypatch.setattr(docx, "render_languages", missing)
    done = run_cli("docx", "--root", root, "--out", tmp_path / "out")
    assert done.returncode == 70 and done.stderr.startswith("sisäinen virhe: FileNotFoundError"), done.stderr


def test_an_output_that_cannot_be_made_under_amendment_is_said_not_a_crash(tmp_path, monkeypatch):
    """A program stopped at its time limit (pandoc) while the amendment package is made: said, exit 1, nothing
    written; not an internal error (a CI run met one so)."""
    from amending import git

    from cooperation.files import OutputError
    from cooperation.outputs.docx import pandoc_doc
    root = copy_root(MINIMAL, tmp_path / "data")
    for command in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "Versio 1.0"]):
        git(root, *command)
    subarea = root / "subareas" / "hyte.yaml"
    text = subarea.read_text(encoding="utf-8")
    assert "title: Tavoite HYTE-1." in text
    subarea.write_text(text.replace("title: Tavoite HYTE-1.", "title: Muutettu tavoite HYTE-1.", 1), encoding="utf-8")

    def hung(*args, **kwargs):
        raise OutputError("pandoc ei saanut Word-asiakirjaa valmiiksi 300 sekunnissa, joten se pysäytettiin")
    monkeypatch.setattr(pandoc_doc, "_pandoc", hung)
    done = run_cli("amendment", "HEAD", "--root", root, "--out", tmp_path / "out")
    assert done.returncode == 1, done.stderr
    assert done.stderr == ("virhe: pandoc ei saanut Word-asiakirjaa valmiiksi 300 sekunnissa, joten se pysäytettiin; "
                           "mitään ei kirjoitettu\n")
    assert not (tmp_path / "out").exists()
