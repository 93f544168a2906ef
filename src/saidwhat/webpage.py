"""Stage 1 for web pages: the story's text and page structure (headings, captions, bylines) from HTML.

trafilatura finds the main content and gives it as XML blocks (`head`, `p`, `list`/`item`,
`quote`, `table`/`row`). Each block becomes one paragraph of the text, paragraphs separated by
a blank line. trafilatura's XML does not say which paragraph is an image caption or a byline,
so those are told apart by the page's own markup (`figure`, `figcaption`, `class="…caption…"`,
`class="…byline…"`, `rel="author"`, `class="…pull-quote…"`), by paragraphs and list items that are
wholly one hyperlink (a list of other stories), and by the lines news pages set over or inside a story:
"By <Name>", and a label that points elsewhere ("Read more: …", "WATCH: …").
The ranges go to `Document.regions`, so extraction never reads them as reported speech.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .errors import InputError
from .records import Document, Region, RegionKind

# Blocks of trafilatura's XML that hold one paragraph each; containers (list, quote, table,
# div) are walked into.
_BLOCKS = frozenset({"head", "p", "item", "row", "code"})
_CELLS = frozenset({"cell"})
# Blocks that are a link to another page when their whole text is one hyperlink's text.
_LINKABLE_BLOCKS = frozenset({"li", "p", "h2", "h3", "h4", "dt", "dd"})
# Markup that says "caption" or "byline" is trusted only on short elements: a class such as
# "author-page" on a whole story must not turn the story into a byline.
_MARKED_MAX_CHARS = 600
# "By Jo Bloggs" / "By Jo Bloggs, Health reporter": capitalised words after "By", no sentence end and
# no quotation mark ("By Monday, Ann Lee said the pier was safe." is prose), among the first blocks.
_BYLINE = re.compile(r"""^By\s+(?:[A-Z][\w'’.-]*\s*){1,4}(?:(?:,|and)\s[^.!?"“”]{0,60})?$""")
_BYLINE_BLOCKS = 5
# "Read more: <title>", "WATCH: <video>", "Related: <story>": a label that points to another page, the web's
# convention for links inside a story; the title after it is nobody's words.
_LINK_LINE = re.compile(
    r"^(?:read more|more|related|see also|also read|watch|listen|video|more on this story|recommended)\s*[:|–—-]\s",
    re.IGNORECASE,
)
PARAGRAPH_BREAK = "\n\n"


def read_html(html: str, *, url: str | None = None, doc_id: str | None = None) -> Document:
    """The main text of a web page, its metadata (title, date, URL) and its headings, captions and bylines.

    Raises:
        InputError: no article text was found in the page.
        ImportError: trafilatura is missing; the message names the extra to install.
    """
    trafilatura, etree = _import_trafilatura()
    xml = trafilatura.extract(
        html,
        url=url,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=True,  # keeps captions in the text, where they are marked as such
    )
    if not xml:
        raise InputError(f"{doc_id or url or 'page'}: no article text found in the HTML")
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    marked = marked_texts(html, etree)
    text, regions = join_blocks(list(iter_blocks(main)) if main is not None else [], marked)
    if not text.strip():
        raise InputError(f"{doc_id or url or 'page'}: no article text found in the HTML")
    return Document(
        text=text,
        doc_id=doc_id,
        title=root.get("title") or None,
        url=url or root.get("url") or None,
        published=root.get("date") or None,
        regions=tuple(regions),
    )


def _import_trafilatura() -> tuple[Any, Any]:
    try:
        import trafilatura
        from lxml import etree
    except ImportError as err:
        raise ImportError("reading HTML needs trafilatura: pip install 'saidwhat[html]'") from err
    return trafilatura, etree


def iter_blocks(element: Any) -> Iterator[tuple[str, str]]:
    """(tag, text) for each paragraph-like block under `element`, in reading order."""
    for child in element:
        if not isinstance(child.tag, str) or child.tag == "graphic":
            continue
        if child.tag in _BLOCKS:
            yield child.tag, _block_text(child)
        elif any(isinstance(grandchild.tag, str) for grandchild in child):
            yield from iter_blocks(child)
        elif (child.text or "").strip():
            yield child.tag, _block_text(child)


def _block_text(element: Any) -> str:
    """The text of a block; a line break (`lb`) stays a line break, a table row's cells are joined by ' | '."""
    if element.tag == "row":
        return " | ".join(_flat(_block_text(cell)) for cell in element if cell.tag in _CELLS)
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif isinstance(child.tag, str):
            parts.append(_block_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def join_blocks(blocks: list[tuple[str, str]], marked: dict[str, RegionKind]) -> tuple[str, list[Region]]:
    """The text (one paragraph per block) and the regions of the headings, captions and bylines in it."""
    parts: list[str] = []
    regions: list[Region] = []
    offset = 0
    for tag, raw in blocks:
        block = "\n".join(" ".join(line.split()) for line in raw.split("\n") if line.strip())
        if not block:
            continue
        if parts:
            offset += len(PARAGRAPH_BREAK)
        kind = block_kind(tag, block, marked, near_top=len(parts) < _BYLINE_BLOCKS)
        if kind is not None:
            regions.append(Region(offset, offset + len(block), kind))
        parts.append(block)
        offset += len(block)
    return PARAGRAPH_BREAK.join(parts), regions


def block_kind(tag: str, block: str, marked: dict[str, RegionKind], *, near_top: bool) -> RegionKind | None:
    """'heading', 'caption', 'byline', 'pull quote' or 'link' for page furniture; None for the story's prose."""
    if tag == "head":
        return "heading"
    flat = _flat(block)
    if flat in marked:
        return marked[flat]
    if near_top and _BYLINE.match(flat):
        return "byline"
    if _LINK_LINE.match(flat):
        return "link"
    return next((kind for text, kind in marked.items() if len(flat) >= 20 and flat in text), None)


def marked_texts(html: str, etree: Any) -> dict[str, RegionKind]:
    """Flattened text -> kind for each short element the page marks as a caption, a byline, a pull quote
    or a link."""
    try:
        tree = etree.HTML(html)
    except (etree.ParserError, ValueError):
        return {}
    if tree is None:
        return {}
    marked: dict[str, RegionKind] = {}
    for element in tree.iter():
        kind = _marked_kind(element)
        if kind is None:
            continue
        text = _flat("".join(element.itertext()))
        if text and len(text) <= _MARKED_MAX_CHARS:
            marked.setdefault(text, kind)
            for child in element:  # a caption's own paragraphs, when trafilatura keeps them apart
                child_text = _flat("".join(child.itertext())) if isinstance(child.tag, str) else ""
                if child_text:
                    marked.setdefault(child_text, kind)
    return marked


def _marked_kind(element: Any) -> RegionKind | None:
    if not isinstance(element.tag, str):
        return None
    tag = element.tag.lower()
    if tag in _LINKABLE_BLOCKS and _is_one_link(element):
        return "link"
    names = " ".join(element.get(key, "") for key in ("class", "id", "itemprop", "rel", "data-component")).lower()
    if tag in ("figcaption", "figure") or "caption" in names:
        return "caption"
    if "pull" in names and "quote" in names.replace("-", "").replace("_", ""):
        return "pull quote"
    if tag == "address" or "byline" in names or "author" in names:
        return "byline"
    return None


def _is_one_link(element: Any) -> bool:
    """True when the block's whole text is the text of a single hyperlink: a headline pointing to another
    story ('Most read', 'Related'), not the story's prose, in which a link is part of a sentence."""
    anchors = [child for child in element.iter("a") if child.get("href")]
    if len(anchors) != 1:
        return False
    text = _flat("".join(element.itertext()))
    return bool(text) and _flat("".join(anchors[0].itertext())) == text


def _flat(text: str) -> str:
    return " ".join(text.split())
