"""Direct quotations: the regions of text between quotation marks.

The working copy has every double quotation mark normalized to ``"`` (curly quotes,
guillemets, low-9 marks), so opening and closing marks are told apart from the original
character where it is typographic (“ opens, ” closes) and from the surrounding characters
otherwise. A quotation left open at the end of a paragraph continues when the next paragraph
opens with a quotation mark (the newspaper convention for multi-paragraph quotes).

Regions are in working-copy offsets and include their quotation marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp.context import DocContext

# Original characters that can only open or only close a double quotation.
_OPENERS = frozenset("“„«")
_CLOSERS = frozenset("”»")
# Characters after which a straight quote mark opens a quotation.
_OPEN_BEFORE = frozenset(" \n([{—–-/:")
#: longest single-quoted region, in characters (longer ones are unbalanced apostrophes)
MAX_SINGLE_QUOTE = 200
# A double quotation mark, or two apostrophes (the NYT archive's '' convention).
_MARKS = re.compile(r"\"|(?<!')''(?!')")
# Markup tags left in the text (``<tweet id="…" author="…">``): their quote marks are not quotes.
_MARKUP = re.compile(r"<[A-Za-z][^<>\n]*>")


@dataclass(frozen=True)
class QuoteRegion:
    """A quotation ``[start, end)`` in working-copy offsets, marks included."""

    start: int
    end: int
    closed: bool = True
    paragraphs: int = 1
    mark: int = 1  # width of the quotation mark: 1, or 2 for the '' convention

    @property
    def inner(self) -> tuple[int, int]:
        """The span without the quotation marks."""
        end = self.end - self.mark if self.closed else self.end
        return self.start + self.mark, max(self.start + self.mark, end)


def starts_quote(work: str, pos: int) -> bool:
    """Whether a quotation mark (``"`` or ``''``) starts at working offset ``pos``."""
    return work[pos : pos + 1] == '"' or work[pos : pos + 2] == "''"


def _is_opening(ctx: DocContext, pos: int, width: int = 1) -> bool | None:
    """True/False when the mark at working offset ``pos`` surely opens/closes, else None."""
    orig = ctx.text[ctx.omap.offset(pos)]
    if orig in _OPENERS:
        return True
    if orig in _CLOSERS:
        return False
    work = ctx.work
    before = work[pos - 1] if pos > 0 else " "
    after = work[pos + width] if pos + width < len(work) else " "
    if before in _OPEN_BEFORE and not after.isspace():
        return True
    if after.isspace() or after in ".,;:!?)]—–-" or not before.isspace():
        return False
    return None


def find_regions(ctx: DocContext) -> list[QuoteRegion]:
    """All double-quoted regions of the working copy, in text order."""
    work = ctx.work
    regions: list[QuoteRegion] = []
    open_at: int | None = None
    segment = 0  # where the current paragraph of an open quotation starts
    paragraphs = 1

    def close_at_paragraph_end() -> None:
        para_end = work.find("\n", segment)
        para_end = len(work) if para_end == -1 else para_end
        end = len(work[:para_end].rstrip())
        regions.append(QuoteRegion(open_at, end, closed=False, paragraphs=paragraphs, mark=mark))

    markup = [m.span() for m in _MARKUP.finditer(work)]
    mark = 1
    for found in _MARKS.finditer(work):
        pos, width = found.start(), found.end() - found.start()
        if markup and any(s < pos < e for s, e in markup):
            continue  # an attribute value inside a <tag …>, not a quote
        if open_at is not None and "\n" in work[segment:pos]:
            # The quotation ran to a paragraph end: it goes on only if this mark re-opens
            # it at the start of the very next paragraph; otherwise it ended there.
            line_start = work.rfind("\n", 0, pos) + 1
            reopens = not work[line_start:pos].strip() and _is_opening(ctx, pos, width) is not False
            if reopens and not work[segment:line_start].strip("\n").count("\n"):
                paragraphs += 1
                segment = pos
                continue
            close_at_paragraph_end()
            open_at = None
        if open_at is None:
            if _is_opening(ctx, pos, width) is not False:
                open_at, segment, paragraphs, mark = pos, pos, 1, width
        elif ctx.text[ctx.omap.offset(pos)] in _OPENERS:
            # Two typographic openers in a row: the first was unbalanced; restart here.
            open_at, segment, paragraphs, mark = pos, pos, 1, width
        else:
            regions.append(QuoteRegion(open_at, pos + width, paragraphs=paragraphs, mark=mark))
            open_at = None
    if open_at is not None:
        close_at_paragraph_end()
    regions = [r for r in regions if r.end - r.start > 2]
    singles = [
        r for r in _single_regions(ctx) if not any(d.start < r.start < d.end for d in regions)
    ]
    return sorted(regions + singles, key=lambda r: r.start)


def _single_regions(ctx: DocContext) -> list[QuoteRegion]:
    """Top-level single-quoted regions (‘…’), as headlines quote: typographic marks only,
    since a straight ' cannot be told from an apostrophe."""
    work, text, omap = ctx.work, ctx.text, ctx.omap
    out = []
    pos = work.find("'")
    while pos != -1:
        if text[omap.offset(pos)] == "\u2018" and (pos == 0 or not work[pos - 1].isalnum()):
            end = pos + 1
            while True:
                end = work.find("'", end)
                if end == -1 or end - pos > MAX_SINGLE_QUOTE or "\n" in work[pos:end]:
                    end = -1
                    break
                after = work[end + 1 : end + 2]
                if text[omap.offset(end)] == "\u2019" and not after.isalnum():
                    break
                end += 1
            if end != -1 and end - pos > 2:
                out.append(QuoteRegion(pos, end + 1))
                pos = end
        pos = work.find("'", pos + 1)
    return out


def region_words(ctx: DocContext, region: QuoteRegion) -> int:
    """Number of words inside a region."""
    s, e = region.inner
    return len(ctx.work[s:e].split())


def is_full_quote(ctx: DocContext, region: QuoteRegion) -> bool:
    """Whether a region quotes whole sentences rather than a phrase inside a sentence.

    A full quotation has several words and either starts its sentence/paragraph or ends with
    sentence punctuation or a comma inside the marks (“…,” she said).
    """
    s, e = region.inner
    inner = ctx.work[s:e].rstrip()
    if len(inner.split()) < 3:
        return False
    if inner[-1:] in ",.?!" or region.paragraphs > 1 or not region.closed:
        return True
    return starts_sentence(ctx, region)


def starts_sentence(ctx: DocContext, region: QuoteRegion) -> bool:
    """Whether a region opens a sentence or paragraph (not a phrase quoted mid-sentence)."""
    before = ctx.work[: region.start].rstrip(" ")
    return not before or before[-1] in '.:!?\n"' or before.endswith("--")
