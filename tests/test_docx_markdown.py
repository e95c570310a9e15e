"""Texts from the data are Markdown, parsed by pandoc in one batch; a plain paragraph (most texts) is made
without pandoc, and must be exactly what pandoc makes of it."""
from __future__ import annotations

import random

from helpers import REPO

from cooperation.outputs.docx import body_blocks
from cooperation.outputs.docx import pandoc_doc as P
from cooperation.pipeline import load

TRICKY = ["Tavoite on hyvä.", "Sana, toinen: kolmas (neljäs) 5 % / 2026–2027!", "sote-palvelut ja -tuki",
          "a) lista", "i. roomalainen", "Esim. e.g. tämä", "Katso p. 5", "Kaksi  väliä", "Vuonna 2026..",
          "Ajatus -- viiva", "Hän sanoi 'kyllä'", "Mr. Smith", "(e.g. this)", "Loppu.", "Tämä: 1. kohta",
          "A. B. Cee", "Hinta 5 € / m²", "Vastuu: HVA!", "Kysymys? Vastaus.", "Koodi `x`", "Merkki <b>",
          "Tausta\\n", "x-d. loppu", "Kunnan. Seuraava"]


def shortcut_and_pandoc(texts: list[str]) -> list[tuple[str, list, list]]:
    """(text, the shortcut's blocks, pandoc's blocks) for each text the shortcut takes."""
    taken = [t for t in map(P.clean, texts) if P._plain_paragraph(t)]
    return [(t, P._plain_paragraph(t), blocks) for t, blocks in zip(taken, P._parse_markdown(taken))]


def test_a_plain_paragraph_is_what_pandoc_makes_of_it():
    model, _ = load(REPO)
    texts = [text for lang in model.languages for _, text in body_blocks(model, lang)._markdown] + TRICKY
    taken = shortcut_and_pandoc(texts)
    assert len(taken) > len(texts) / 2  # most of the example's texts
    assert [t for t, ours, theirs in taken if ours != theirs] == []


def test_random_texts_are_what_pandoc_makes_of_them():
    rng = random.Random(16)
    alphabet = "aäöbcdeiAÄÖXpgnr0123456789 .,;:?!()%/€–—-'\"*_[]<>#@|`\\\u00a0&=+"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(2000)]
    texts += [rng.choice("aAäiIvx") + "".join(rng.choice("bcdeéfnp .,-()") for _ in range(rng.randint(1, 20)))
              for _ in range(2000)]
    taken = shortcut_and_pandoc(texts)
    assert len(taken) > 300
    assert [t for t, ours, theirs in taken if ours != theirs] == []


def test_texts_pandoc_must_read_are_still_read_by_it():
    blocks = P.markdown_blocks(["Tavoite on hyvä.", "*korostus* ja [linkki](https://example.org)", "a) lista"])
    assert blocks[0] == [{"t": "Para", "c": [{"t": "Str", "c": "Tavoite"}, {"t": "Space"}, {"t": "Str", "c": "on"},
                                              {"t": "Space"}, {"t": "Str", "c": "hyvä."}]}]
    assert blocks[1][0]["c"][0]["t"] == "Emph" and blocks[1][0]["c"][-1]["t"] == "Link"
    assert blocks[2][0]["t"] == "OrderedList"
