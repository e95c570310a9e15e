"""Site build time for the large synthetic region, as ratios of paired runs (see paired.py).

    python benchmarks/bench_site.py [--repeat N]

- One-language site / bare MkDocs: both one-language MkDocs builds with the same theme, run in this
  process: ours loads and checks the data, renders the downloads (Word, and PDF where LibreOffice is
  installed; in a process of their own, beside the pages) and generates the pages in the plugin; the baseline builds
  the same number of plain Markdown pages of the same sizes from disk. With the PDF left out, as on a machine
  without LibreOffice: goal ≤ 1.3x. With it, the cache warm (cooperation/cache.py: the same Word text is not
  converted again), for comparison.
- A cold conversion / a bare `soffice --headless --convert-to pdf` of the same .docx: what the tool adds to
  LibreOffice's own conversion (keywords, reproducible stamps). Goal ≤ 1.1x.
- `build.py site` with a warm cache / `build.py validate`: whole processes (both languages, the Word documents, the
  PDFs from the cache). Goal ≤ 10x. The peak memory of `build.py site` is reported from the same runs.

The benchmark's cache is a folder of its own (YHTEISTYOSOPIMUS_CACHE), filled by a first build.
"""
from __future__ import annotations

import argparse
import logging
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))
os.environ["NO_MKDOCS_2_WARNING"] = "1"

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from paired import build_py, paired  # noqa: E402
from synthetic import FI_WORDS, generate, region_folder  # noqa: E402

from cooperation import libreoffice  # noqa: E402
from cooperation.outputs import pdf  # noqa: E402
from cooperation.outputs.site.pages import Site  # noqa: E402
from cooperation.pipeline import load  # noqa: E402

BARE_CONFIG = """site_name: Vertailu
theme:
  name: material
  language: fi
  font: false
plugins:
  - search:
      lang: fi
"""


def bare_docs(sizes: list[int], target: Path) -> Path:
    rng = random.Random(1)
    docs = target / "docs"
    for index, size in enumerate(sizes):
        folder = docs / f"osa{index // 50}"
        folder.mkdir(parents=True, exist_ok=True)
        words, length = [], 0
        while length < size:
            word = rng.choice(FI_WORDS)
            words.append(word)
            length += len(word) + 1
        paragraphs = [" ".join(words[i:i + 60]) for i in range(0, len(words), 60)]
        (folder / f"sivu{index}.md").write_text(f"# Sivu {index}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    (docs / "index.md").write_text("# Etusivu\n", encoding="utf-8")
    (target / "mkdocs.yml").write_text(BARE_CONFIG, encoding="utf-8")
    return target / "mkdocs.yml"


def without_libreoffice():
    """As on a machine without LibreOffice (YHTEISTYOSOPIMUS_LIBREOFFICE=off): the site leaves the PDF out."""
    return mock.patch.dict(os.environ, {libreoffice.SWITCH: "off"})


def timed_build(config_file: Path, site_dir: Path) -> float:
    # a cold build: a new configuration is a new plugin with a new workspace, as on a fresh run
    start = time.perf_counter()
    build(load_config(str(config_file), site_dir=str(site_dir)))
    return time.perf_counter() - start


def bare_conversion(program: str, docx: Path, out: Path) -> float:
    """LibreOffice's own conversion of one .docx, as a person would run it (a profile of its own, as ours), in the
    environment the tool gives it (its allocator settings): the ratio is what the tool adds."""
    start = time.perf_counter()
    subprocess.run([program, f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(out), str(docx)], check=True, capture_output=True,
                   env=libreoffice.environment())
    return time.perf_counter() - start


def our_conversion(model, docx: bytes) -> float:
    """The tool's conversion of the same .docx, the cache off: keywords set, the stamps made reproducible."""
    previous = os.environ.get("YHTEISTYOSOPIMUS_CACHE")
    os.environ["YHTEISTYOSOPIMUS_CACHE"] = "off"
    try:
        start = time.perf_counter()
        pdf.render_languages(model, ["fi"], lambda: {"fi": docx})
        return time.perf_counter() - start
    finally:
        if previous is None:
            os.environ.pop("YHTEISTYOSOPIMUS_CACHE")
        else:
            os.environ["YHTEISTYOSOPIMUS_CACHE"] = previous


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3, help="pairs per ratio")
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    root = generate(region_folder())
    os.environ["AGREEMENT_ROOT"] = str(root)
    model, _ = load(root)
    pages = Site(model, "fi").build()
    sizes = [len(p.markdown_text()) for p in pages.values()]
    print(f"pages per language: {len(sizes)} (+ format reference), average {sum(sizes) / len(sizes) / 1000:.1f} kB of Markdown")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        os.environ["YHTEISTYOSOPIMUS_CACHE"] = str(tmp / "cache")  # the benchmark's own, filled below
        bare_config = bare_docs(sizes, tmp / "bare")
        with without_libreoffice():
            bare = paired(lambda: timed_build(bare_config, tmp / "bare-site"),
                          lambda: timed_build(REPO / "mkdocs.yml", tmp / "our-site"), args.repeat)
        print(bare.line(f"one-language site without the PDF (load + check + downloads + generate + build) / bare mkdocs "
                        f"of {len(sizes)} plain pages", goal=1.3))
        program = libreoffice.program()
        if program is not None:
            timed_build(REPO / "mkdocs.yml", tmp / "our-site")  # fills the cache: the PDFs of these Word texts
            warm = paired(lambda: timed_build(bare_config, tmp / "bare-site"),
                          lambda: timed_build(REPO / "mkdocs.yml", tmp / "our-site"), args.repeat)
            print(warm.line("the same with the PDF, the cache warm"))
            from cooperation.outputs import docx as word
            document = tmp / f"{model.id}-fi.docx"
            document.write_bytes(word.render(model, "fi"))
            conversion = paired(lambda: bare_conversion(program, document, tmp / "bare-pdf"),
                                lambda: our_conversion(model, document.read_bytes()), args.repeat)
            print(conversion.line("a cold PDF conversion of the Finnish .docx / bare soffice --convert-to pdf of it",
                                  goal=1.1))
        peaks: list[float] = []

        def site() -> float:
            run = build_py("site", "--root", root, "--out", tmp / "full")
            peaks.append(run.peak_mib)
            return run.seconds
        site()  # the cache warm for build.py's own Word texts too
        whole = paired(lambda: build_py("validate", "--root", root).seconds, site, args.repeat)
    print(whole.line("build.py site (fi + sv + Word + PDF from a warm cache) / build.py validate, whole processes",
                     goal=10))
    print(f"peak memory of build.py site: median {statistics.median(peaks):.0f} MiB "
          f"[{', '.join(f'{p:.0f}' for p in peaks)}]")


if __name__ == "__main__":
    main()
