"""pandoc's runs kept in the cache (pandoc_doc._pandoc): the same run again gives the same bytes without pandoc, and
each thing its output depends on makes it run again. The real pandoc, in this process."""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pypandoc
import pytest
from helpers import MINIMAL

from cooperation import cache
from cooperation.outputs import docx
from cooperation.outputs.docx import pandoc_doc
from cooperation.pipeline import load

PARSE = ["-f", pandoc_doc.MARKDOWN_FORMAT, "-t", "json"]


@pytest.fixture
def runs(tmp_path, monkeypatch):
    """The arguments of each pandoc run, the cache a folder of this test's own."""
    monkeypatch.setenv("YHTEISTYOSOPIMUS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    started: list[list[str]] = []
    real = pandoc_doc.run_program

    def run_program(command, *args, **kwargs):
        started.append(command)
        return real(command, *args, **kwargs)
    monkeypatch.setattr(pandoc_doc, "run_program", run_program)
    return started


def test_the_same_word_document_again_runs_no_pandoc_and_has_the_same_bytes(runs):
    model, _ = load(MINIMAL)
    first = docx.render(model, "fi")
    assert len(runs) >= 1
    runs.clear()
    assert docx.render(model, "fi") == first
    assert runs == []


def test_a_changed_text_runs_pandoc_again(runs):
    pandoc_doc._pandoc(PARSE, b"*Tavoite* 1")
    pandoc_doc._pandoc(PARSE, b"*Tavoite* 2")
    assert len(runs) == 2


def test_another_date_stamp_runs_pandoc_again(runs, monkeypatch):
    pandoc_doc._pandoc(PARSE, b"*Tavoite*")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083201")
    pandoc_doc._pandoc(PARSE, b"*Tavoite*")
    assert len(runs) == 2


@pytest.mark.parametrize("folder", ["data-home/pandoc", "home/.local/share/pandoc", "home/.pandoc"])
def test_a_file_in_pandoc_s_user_data_folder_runs_pandoc_again(runs, tmp_path, folder):
    """pandoc reads its user data folder (templates, translations): a file added there can change what it writes."""
    pandoc_doc._pandoc(PARSE, b"*Tavoite*")
    (tmp_path / folder / "translations").mkdir(parents=True)
    (tmp_path / folder / "translations" / "fi.yaml").write_text("Figure: Kuvio\n", encoding="utf-8")
    pandoc_doc._pandoc(PARSE, b"*Tavoite*")
    assert len(runs) == 2


def wrapper(path: Path, real: str, note: str = "") -> Path:
    """A program that runs the real pandoc: another program to the cache."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'#!/bin/sh\n# {note}\nexec "{real}" "$@"\n', encoding="utf-8")
    path.chmod(0o755)
    return path


def test_another_pandoc_program_runs(runs, tmp_path, monkeypatch):
    real = pypandoc.get_pandoc_path()
    pandoc_doc._pandoc(PARSE, b"*Tavoite*")
    other = wrapper(tmp_path / "bin" / "pandoc", real)
    monkeypatch.setattr(pandoc_doc.pypandoc, "get_pandoc_path", lambda: str(other))
    pandoc_doc._pandoc(PARSE, b"*Tavoite*")
    assert [command[0] for command in runs] == [real, str(other)]


def test_pandoc_replaced_at_the_same_path_runs(runs, tmp_path, monkeypatch):
    real = pypandoc.get_pandoc_path()
    program = wrapper(tmp_path / "bin" / "pandoc", real, "3.9.0")
    monkeypatch.setattr(pandoc_doc.pypandoc, "get_pandoc_path", lambda: str(program))
    pandoc_doc._pandoc(PARSE, b"*Tavoite*")
    # another program moved into its place, of the same size and time
    replaced = wrapper(tmp_path / "new-pandoc", real, "3.9.1")
    os.utime(replaced, ns=(program.stat().st_atime_ns, program.stat().st_mtime_ns))
    replaced.replace(program)
    pandoc_doc._pandoc(PARSE, b"*Tavoite*")
    assert len(runs) == 2


def test_another_pandoc_version_runs(runs, monkeypatch):
    """A wrapper script (a distribution's, Nix's) stays the same file when the pandoc it starts is upgraded."""
    pandoc_doc._pandoc(PARSE, b"*Tavoite*")
    monkeypatch.setattr(pandoc_doc.pypandoc, "get_pandoc_version", lambda: "99.1")
    pandoc_doc._pandoc(PARSE, b"*Tavoite*")
    assert len(runs) == 2


def test_a_file_of_the_user_data_folder_edited_in_place_runs_pandoc_again(runs, tmp_path):
    translations = tmp_path / "linked-translations"  # a linked folder's files count too
    translations.mkdir()
    (tmp_path / "data-home" / "pandoc").mkdir(parents=True)
    (tmp_path / "data-home" / "pandoc" / "translations").symlink_to(translations)
    (translations / "fi.yaml").write_text("Figure: Kuvio\n", encoding="utf-8")
    pandoc_doc._pandoc(PARSE, b"*Tavoite*")
    (translations / "fi.yaml").write_text("Figure: Kuva\n", encoding="utf-8")
    pandoc_doc._pandoc(PARSE, b"*Tavoite*")
    assert len(runs) == 2


def test_the_output_s_suffix_is_part_of_the_run(runs, tmp_path):
    """Without -t, pandoc writes the format the output's name ends with."""
    html = pandoc_doc._pandoc(["-f", "markdown"], b"*Tavoite*", output=tmp_path / "a.html")
    latex = pandoc_doc._pandoc(["-f", "markdown"], b"*Tavoite*", output=tmp_path / "a.tex")
    assert b"<em>" in html and b"\\emph" in latex and len(runs) == 2


def test_another_reference_document_runs_pandoc_again(runs, tmp_path):
    """The Word template's bytes are part of the key, not its name: the same file changed in place writes anew."""
    reference = tmp_path / "reference.docx"
    reference.write_bytes(docx.TEMPLATE.read_bytes())
    blocks = [{"t": "Para", "c": pandoc_doc.inlines("Tavoite")}]
    pandoc_doc.write_docx(blocks, reference, tmp_path / "a.docx", toc=False)
    pandoc_doc.write_docx(blocks, reference, tmp_path / "b.docx", toc=False)
    assert len(runs) == 1
    with zipfile.ZipFile(reference, "a") as package:  # the same styles, other bytes
        package.comment = b"toinen pohja"
    pandoc_doc.write_docx(blocks, reference, tmp_path / "c.docx", toc=False)
    assert len(runs) == 2


def test_a_failed_run_is_not_kept(runs, tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a Word document")
    for _ in range(2):
        with pytest.raises(RuntimeError, match="pandoc"):
            pandoc_doc.write_docx([], broken, tmp_path / "out.docx", toc=False)
    assert len(runs) == 2
    assert not list((tmp_path / "cache").rglob("*.bin"))


@pytest.mark.parametrize("how", ["writable by others", "another user's"])
def test_an_entry_another_user_could_have_written_is_not_put_into_a_document(runs, tmp_path, how):
    """What the cache gives goes into the agreement to be signed as it is: an entry in a shared or planted cache
    folder is not used (cache.get_code), pandoc runs."""
    pandoc_doc._pandoc(PARSE, b"*Tavoite*")
    [entry] = (tmp_path / "cache" / "pandoc").rglob("*.bin")
    planted = b'{"pandoc-api-version":[1,23,1,1],"meta":{},"blocks":[]}'
    entry.write_bytes(planted)
    if how == "writable by others":
        entry.chmod(0o666)
    else:
        if os.geteuid() != 0:
            pytest.skip("only root can give a file to another user")
        os.chown(entry, 65534, 65534)
    assert pandoc_doc._pandoc(PARSE, b"*Tavoite*") != planted
    assert len(runs) == 2


def test_with_the_cache_off_pandoc_runs_every_time(runs, monkeypatch):
    monkeypatch.setenv("YHTEISTYOSOPIMUS_CACHE", "off")
    assert cache.folder() is None
    for _ in range(2):
        pandoc_doc._pandoc(PARSE, b"*Tavoite*")
    assert len(runs) == 2


def test_the_kept_output_is_what_pandoc_wrote(runs, tmp_path):
    out = tmp_path / "out.json"
    written = pandoc_doc._pandoc(PARSE, b"*Tavoite*", output=out)
    assert written == out.read_bytes() and b'"Emph"' in written
    again = tmp_path / "again.json"
    assert pandoc_doc._pandoc(PARSE, b"*Tavoite*", output=again) == written == again.read_bytes()
    assert len(runs) == 1
    assert Path(runs[0][-1]) == out  # pandoc wrote the file itself (-o), as before
