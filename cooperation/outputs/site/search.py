"""What the theme's search indexer is given of a page, and what is left of the page after it.

Material's search indexer parses a page's whole HTML with Python's html.parser: on table-dense pages most of a
build. It is given the page without the elements marked data-search-exclude and with only the tags and
attributes it reads (the same index: tests/test_site_speed.py builds both and compares), and the page is put back
after it (hook.py).
"""
from __future__ import annotations

import html
import re

from material.plugins.search.plugin import Parser, void

_EXCLUDED = re.compile(r"<([a-z][a-z0-9]*)\b[^>]*?\sdata-search-exclude[\s/>=]")
# Material takes data-search-* attributes with a value out of the page after indexing it
_SEARCH_ATTRIBUTE = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")
_SEARCH_ATTRIBUTE_NAMED = re.compile(r"data-search-\w+=\"[^\"]+\"")


def searched(html_text: str) -> str:
    """The HTML as the search indexer needs it: without its elements marked data-search-exclude, and without
    the tags and attributes it does not read (`bare`)."""
    return bare(without_excluded(html_text))


def without_excluded(html_text: str) -> str:
    """The HTML without its elements marked data-search-exclude (the generated HTML is well formed, its text
    and attribute values escaped: a tag's name is counted to find its end)."""
    out, pos = [], 0
    while match := _next_excluded(html_text, pos):
        out.append(html_text[pos:match.start()])
        depth = 0
        for tag in re.compile(rf"<(/?){match.group(1)}\b").finditer(html_text, match.start()):  # (no copy of the rest)
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                pos = html_text.index(">", tag.end()) + 1
                break
        else:
            return "".join(out) + html_text[match.start():]  # unclosed: left as it is, for the indexer to skip
    return "".join(out) + html_text[pos:]


def _next_excluded(html_text: str, pos: int) -> re.Match | None:
    """The start tag of the next element marked data-search-exclude: the attribute's name found first (a search
    for a fixed string), then the tag it is in (a search for the pattern from every "<" took long on big pages)."""
    at = pos
    while (at := html_text.find("data-search-exclude", at)) >= 0:
        start = html_text.rfind("<", pos, at)
        if start >= 0 and (match := _EXCLUDED.match(html_text, start)) and match.end() > at:
            return match
        at += 1
    return None


# What Material's indexer (Parser in material/plugins/search/plugin.py) reads of a page: headings with an id,
# which start its sections (the headerlink anchor in them left out of the title); elements marked
# data-search-exclude or class="linenodiv", skipped; the tags it writes into the index (INDEXED_TAGS); the
# whitespace inside <pre>; and text. Every other element only carries text to it (inline tags, table cells,
# divs: most of a generated page's tags): those tags are dropped and their text kept, and so are the attributes
# of the tags it writes. Headings, <pre>, <object> and skipped elements are passed on as they are, and so are
# the tags of the elements around them: a section ends where its heading's parent ends.
INDEXED_TAGS = frozenset(Parser().keep)
_AS_THEY_ARE = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "pre", "object"})
# elements whose content is not parsed as tags (in one Python version or another): a page with one is left whole
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
                       "plaintext"})
# a tag: its name, then its attributes up to ">" (but not one in quotes); a "/" before ">" ends an empty one
TAG_PATTERN = re.compile(r"""(<(/?)([a-zA-Z][a-zA-Z0-9:-]*)(?=[\s/>])([^<>"']*(?:(?:"[^"]*"|'[^']*')[^<>"']*)*)>)""")
# The parser writes text between two tags that is only whitespace as one space (or nothing after such a space),
# other text as it is: where dropped tags would join whitespace to the text beside it, an empty comment (which
# the parser skips) keeps them apart
_APART = "<!---->"
# a character reference cut by a tag ("&amp" + ";") reads differently joined
_OPEN_REFERENCE = re.compile(r"&[#\w]*$")


def bare(html_text: str) -> str:
    """The HTML with only the tags and attributes the search indexer reads, from which it builds the same index.
    A page for which that is not sure (not well formed, a raw-text element) is returned as it is."""
    parts = TAG_PATTERN.split(html_text)  # text, then per tag: the tag, "/" of an end tag, name, attributes
    texts, tags, names = parts[0::5], parts[1::5], parts[3::5]
    if html_text.count("<") != len(tags) or not "".join(names).islower() or not _RAW_TEXT.isdisjoint(names):
        return html_text  # a "<" that starts no tag, a tag in capitals (or none), a raw-text element
    given: list[str | None] = [None] * len(tags)  # what is passed on of each tag: nothing, the bare tag or as it is
    open_elements: list[list] = []  # name, start tag, whether an element within it is passed on
    for index, closing, name, attributes in zip(range(len(tags)), parts[2::5], parts[3::5], parts[4::5]):
        if closing:
            if not open_elements or open_elements[-1][0] != name:
                return html_text
            _, start, holds = open_elements.pop()
        elif name in void:
            continue  # nothing of it is read
        elif attributes.endswith("/"):
            start, holds = index, False
        else:
            open_elements.append([name, index, False])
            continue
        attributes = parts[5 * start + 4]
        if name in _AS_THEY_ARE or "data-search-exclude" in attributes or "linenodiv" in attributes:
            given[start:index + 1] = tags[start:index + 1]
            holds = True
        elif holds or name in INDEXED_TAGS:
            given[start] = f"<{name}/>" if start == index else f"<{name}>"
            if closing:
                given[index] = f"</{name}>"
        if holds and open_elements:
            open_elements[-1][2] = True
    if open_elements:
        return html_text
    # the parser opens a section before the first heading at the first text or tag: no dropped tag may open it
    first_text = next((index for index, text in enumerate(texts) if text), len(texts))
    first_given = next((index for index, tag in enumerate(given) if tag is not None), len(tags))
    if any(not parts[5 * index + 2] and parts[5 * index + 3] not in void for index in range(min(first_text, first_given))):
        return html_text
    out: list[str] = []
    joined: list[str] = []  # the texts since the last tag passed on
    for text, tag in zip(texts, given):
        if text:
            joined.append(text)
        if tag is not None:
            if joined:
                out.append(joined[0] if len(joined) == 1 else _joined(joined))
                joined = []
            out.append(tag)
    if texts[-1]:
        joined.append(texts[-1])
    out.append(_joined(joined))
    return "".join(out)


def _joined(texts: list[str]) -> str:
    """The texts between dropped tags as one text the parser reads as it read them apart."""
    if len(texts) < 2:
        return "".join(texts)
    blank = [(html.unescape(text) if "&" in text else text).isspace() for text in texts]
    joined = "".join(texts)
    if all(blank) or not (True in blank or "&" in joined):
        return joined
    first, last = blank.index(False), len(blank) - 1 - blank[::-1].index(False)
    pieces = ["".join(texts[:first]), _APART] if first else []
    for position in range(first, last + 1):
        if not blank[position]:
            if pieces and "&" in pieces[-1] and _OPEN_REFERENCE.search(pieces[-1]):
                pieces.append(_APART)
            pieces.append(texts[position])
        elif not blank[position - 1]:
            pieces.append(" ")  # whitespace after text: one space, and none for the whitespace after it
    if last < len(texts) - 1:
        pieces += [_APART, " "]
    return "".join(pieces)


def without_search_attributes(content: str) -> str:
    """The page as Material leaves it after indexing: without its data-search-* attributes (looked for first:
    the pattern, starting with an optional space, is tried at every character)."""
    return _SEARCH_ATTRIBUTE.sub("", content) if _SEARCH_ATTRIBUTE_NAMED.search(content) else content
