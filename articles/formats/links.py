"""Paragraphs that are nothing but a link to another page: the related story set between an
article's paragraphs ("Storm prompts airlines to relax travel policies"), a shop link under a
product photo ("ADD TO CART: <gift card>"). Readers skip them and extractors keep them, since
they sit inside the article's own container; they go from the page before it is read."""

from __future__ import annotations

from typing import Any

_MAX_CHARACTERS = 160  # some twenty words; counted in characters, as CJK text has no spaces
_LINKED_SHARE = 2 / 3
_SENTENCE_END = tuple(".!?\"”'’。！？」")
_NOT_PAGES = ("#", "javascript:", "mailto:", "tel:")


def drop_link_paragraphs(tree: Any) -> None:
    """Remove from `tree` every short paragraph or table cell whose text is mostly a link's."""
    doomed = [block for block in tree.iter("p", "td") if _is_link_paragraph(block)]
    for block in doomed:
        block.drop_tree()


def _is_link_paragraph(block: Any) -> bool:
    text = _letters(block)
    if not text or len(text) > _MAX_CHARACTERS or text.endswith(_SENTENCE_END):
        return False
    linked = sum(len(_letters(link)) for link in block.iter("a") if _to_a_page(link.get("href")))
    return linked >= _LINKED_SHARE * len(text)


def _letters(element: Any) -> str:
    return "".join(element.text_content().split())


def _to_a_page(href: str | None) -> bool:
    target = (href or "").strip().lower()
    return bool(target) and not target.startswith(_NOT_PAGES)
