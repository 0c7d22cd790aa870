"""HTML pages to article text and metadata (trafilatura), keeping embedded tweets."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree

from ..errors import InputError

log = logging.getLogger(__name__)

_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "tr",
        "section",
        "article",
        "header",
        "footer",
        "pre",
        "ul",
        "ol",
        "table",
    ]
)


@dataclass
class HtmlArticle:
    text: str
    title: str | None = None
    author: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None


def parse_date(value: str | None) -> dt.date | None:
    """An ISO-like date string (``2020-01-04``, ``2020-01-04T10:00:00Z``) to a date, else None."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _tweet_texts(tree: etree._Element) -> list[str]:
    """Text of embedded-tweet blockquotes (``class="twitter-tweet"``), which extractors drop."""
    out = []
    for bq in tree.xpath('//blockquote[contains(@class, "twitter-tweet")]'):
        text = fragment_text(bq)
        text = re.sub(r"\s+", " ", text).strip()
        if text:
            out.append(text)
    return out


def fragment_text(node: etree._Element) -> str:
    """Visible text of an lxml node with block elements on their own lines."""
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("script", "style", "noscript"):
            if el.tail:
                parts.append(el.tail)
            return
        block = tag.lower() in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(node)
    text = "".join(parts)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{2,}", "\n\n", text).strip()


def html_fragment_to_text(html: str) -> str:
    """Text of a small HTML fragment (feed item content)."""
    if "<" not in html:
        return html.strip()
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", html).strip()
    return fragment_text(root)


def extract_article(html: str, url: str | None = None) -> HtmlArticle:
    """Main text and metadata of an article page. Raises :class:`InputError` (E107) if none."""
    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=False,
        )
    except (ValueError, TypeError, etree.LxmlError) as exc:
        raise InputError("E107", f"parser error: {exc}", stage="parse") from exc
    if result is None:
        raise InputError("E107", "no main content", stage="parse")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (data.get("text") or "").strip()
    if not text:
        raise InputError("E107", "no main content", stage="parse")
    try:
        tree = lxml.html.fromstring(html)
        tweets = _tweet_texts(tree)
    except (etree.ParserError, ValueError):
        tweets = []
    for tweet in tweets:
        # trafilatura may drop or flatten embedded tweets; put them back as paragraphs.
        if tweet[:60] not in text:
            text += "\n\n" + tweet
    return HtmlArticle(
        text=text,
        title=data.get("title") or None,
        author=data.get("author") or None,
        published=parse_date(data.get("date")),
        source=data.get("sitename") or data.get("hostname") or None,
        url=data.get("url") or url,
        language=data.get("language") or None,
    )
