"""A region's own look and pages (overrides/ beside its data): the logo, colours after the site's own styles, and
pages of its own at the end of the navigation, sanitised as the data's Markdown is."""
from __future__ import annotations

from helpers import MINIMAL, copy_root, run_cli


def test_a_regions_logo_colours_and_pages(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "region")
    overrides = root / "overrides"
    (overrides / "fi").mkdir(parents=True)
    (overrides / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>', encoding="utf-8")
    (overrides / "extra.css").write_text(":root { --md-primary-fg-color: #00594f; }\n", encoding="utf-8")
    (overrides / "fi" / "yhteystiedot.md").write_text(
        "# Yhteystiedot\n\nKoordinaattori: [sähköposti](mailto:k@example.org)\n\n"
        "<script>alert(1)</script><img src=x onerror=alert(2)> [linkki](javascript:alert(3))\n", encoding="utf-8")
    done = run_cli("site", "--root", root, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    site = tmp_path / "out" / "site"
    page = (site / "yhteystiedot" / "index.html").read_text(encoding="utf-8")
    article = page[page.index("<article"):page.index("</article>")]
    assert "Koordinaattori" in article and 'href="mailto:k@example.org"' in article
    assert "<script" not in article and "onerror" not in article and "javascript:" not in article
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "assets/logo.svg" in home and "assets/overrides.css" in home and "yhteystiedot/" in home
    assert (site / "assets" / "overrides.css").read_text(encoding="utf-8").startswith(":root")


def test_a_page_may_not_take_a_generated_pages_name(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "region")
    (root / "overrides" / "fi").mkdir(parents=True)
    (root / "overrides" / "fi" / "mittarit.md").write_text("# Omat mittarit\n", encoding="utf-8")
    done = run_cli("site", "--root", root, "--out", tmp_path / "out")
    assert done.returncode == 1 and "overrides/fi/mittarit.md: sivun nimi on varattu" in done.stderr
