"""Dispatch inputs (files, directories, ``-``, URLs) to the right reader.

Every reader yields :class:`RawDocument` or :class:`Rejection`; nothing here raises for a bad
document, so one bad input never stops a batch.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import logging
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import httpx

from ..errors import InputError
from ..schema import Rejection
from ..settings import Settings
from .cleanup import drop_promo_lines
from .decode import decode_bytes, gunzip
from .document import RawDocument
from .feeds import looks_like_feed, parse_feed
from .fetch import fetch_url, make_client
from .html import extract_article, parse_date

log = logging.getLogger(__name__)

Item = RawDocument | Rejection

_SUFFIX_KIND = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}


def _kind_of(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return _SUFFIX_KIND.get(suffixes[-1]) if suffixes else None


def _sniff(text: str) -> str:
    head = text.lstrip()[:2000].lower()
    if looks_like_feed(head):
        return "feed"
    if head.startswith(("<!doctype html", "<html", "<head", "<body")) or "<html" in head[:500]:
        return "html"
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("[") or head.startswith("<"):
        return "json" if head.startswith("[") else "html"
    return "text"


def _reject(origin: str, err: InputError) -> Rejection:
    stage = err.stage if err.stage in ("read", "decode", "parse") else "read"
    return Rejection(document=origin, reason=str(err), code=err.code, stage=stage)


class Reader:
    """Reads inputs into raw documents. Services (HTTP client, stdin) are injected."""

    def __init__(
        self,
        settings: Settings,
        *,
        published: dt.date | None = None,
        client: httpx.Client | None = None,
        stdin: BinaryIO | None = None,
    ) -> None:
        self.settings = settings
        self.published = published
        self._client = client
        self._stdin = stdin

    # -- documents ---------------------------------------------------------------------------
    def _doc(self, origin: str, ident: str, text: str, *, extracted: bool, **meta: object) -> Item:
        if extracted and self.settings.drop_promo_lines:
            text = drop_promo_lines(text)
        if not text.strip():
            return _reject(origin, InputError("E101"))
        if len(text) > self.settings.max_chars:
            return _reject(
                origin,
                InputError(
                    "E104", f"{len(text):,} characters > max_chars {self.settings.max_chars:,}"
                ),
            )
        published = meta.pop("published", None) or self.published
        clean = {k: (str(v) if v is not None and k != "language" else v) for k, v in meta.items()}
        return RawDocument(id=str(ident), text=text, origin=origin, published=published, **clean)  # type: ignore[arg-type]

    def _text(
        self, origin: str, ident: str, data: bytes, declared: str | None = None
    ) -> Iterator[Item]:
        try:
            text = decode_bytes(data, declared)
        except InputError as err:
            yield _reject(origin, err)
            return
        yield self._doc(origin, ident, text, extracted=False)

    def _html(
        self,
        origin: str,
        ident: str,
        data: bytes | str,
        url: str | None = None,
        declared: str | None = None,
        **meta: object,
    ) -> Iterator[Item]:
        try:
            html = data if isinstance(data, str) else decode_bytes(data, declared)
            art = extract_article(html, url=url)
        except InputError as err:
            yield _reject(origin, err)
            return
        fields = {
            "url": art.url,
            "title": art.title,
            "author": art.author,
            "published": art.published,
            "source": art.source,
        }
        fields.update({k: v for k, v in meta.items() if v is not None})
        yield self._doc(origin, ident, art.text, extracted=True, **fields)

    def _feed(self, origin: str, data: bytes) -> Iterator[Item]:
        try:
            _, items = parse_feed(data, origin)
        except InputError as err:
            yield _reject(origin, err)
            return
        except Exception as exc:  # feedparser can raise odd errors on hostile input
            log.debug("feed parser failure on %s", origin, exc_info=True)
            yield _reject(origin, InputError("E106", f"{type(exc).__name__}: {exc}", "parse"))
            return
        if not items:
            yield _reject(origin, InputError("E114", "nothing to extract"))
        for item in items:
            item_origin = f"{origin}#{item['n']}"
            # A headline-only item is still an article: its title is its text.
            text = item["text"] if item["text"].strip() else (item["title"] or "")
            yield self._doc(
                item_origin,
                item["id"],
                text,
                extracted=True,
                url=item["url"],
                title=item["title"],
                author=item["author"],
                published=item["published"],
                source=item["source"],
            )

    def _json_object(self, origin: str, obj: object, default_id: str) -> Iterator[Item]:
        if not isinstance(obj, dict):
            yield _reject(origin, InputError("E111", f"got {type(obj).__name__}"))
            return
        text, html = obj.get("text"), obj.get("html")
        meta = {
            "url": obj.get("url"),
            "source": obj.get("source"),
            "title": obj.get("title"),
            "author": obj.get("author"),
            "published": parse_date(str(obj["published"])) if obj.get("published") else None,
        }
        ident = obj.get("id", default_id)
        if isinstance(text, str) and text.strip():
            yield self._doc(origin, ident, text, extracted=False, **meta)
        elif isinstance(html, str) and html.strip():
            url = meta.pop("url")
            yield from self._html(origin, str(ident), html, url=url, **meta)
        elif isinstance(text, str) or isinstance(html, str):
            yield _reject(origin, InputError("E101"))
        else:
            yield _reject(origin, InputError("E111", f"keys: {', '.join(list(obj)[:8])}"))

    def _jsonl_lines(self, origin: str, stem: str, lines: Iterable[bytes]) -> Iterator[Item]:
        seen = False
        for n, raw in enumerate(lines, start=1):
            line_origin = f"{origin}:{n}"
            if not raw.strip():
                continue
            seen = True
            if len(raw) > self.settings.max_bytes:
                yield _reject(line_origin, InputError("E104", f"line of {len(raw):,} bytes"))
                continue
            try:
                obj = json.loads(decode_bytes(raw))
            except InputError as err:
                yield _reject(line_origin, err)
                continue
            except ValueError as exc:
                yield _reject(line_origin, InputError("E105", str(exc), "parse"))
                continue
            yield from self._json_object(line_origin, obj, f"{stem}:{n}")
        if not seen:
            yield _reject(origin, InputError("E101"))

    def _json(self, origin: str, stem: str, data: bytes) -> Iterator[Item]:
        try:
            text = decode_bytes(data)
        except InputError as err:
            yield _reject(origin, err)
            return
        if looks_like_feed(text):
            yield from self._feed(origin, data)
            return
        try:
            obj = json.loads(text)
        except ValueError:
            # Perhaps JSON lines saved as .json.
            yield from self._jsonl_lines(origin, stem, data.splitlines())
            return
        objs = obj if isinstance(obj, list) else [obj]
        for n, item in enumerate(objs, start=1):
            yield from self._json_object(
                f"{origin}[{n}]" if isinstance(obj, list) else origin, item, f"{stem}:{n}"
            )

    def _dispatch(
        self,
        origin: str,
        ident: str,
        kind: str,
        data: bytes,
        declared: str | None = None,
        url: str | None = None,
    ) -> Iterator[Item]:
        if kind == "sniff":
            try:
                kind = _sniff(decode_bytes(data[:4000] if len(data) > 4000 else data, declared))
            except InputError as err:
                if err.code == "E103" and len(data) > 4000:
                    kind = "text"  # a cut multi-byte char; let the full decode decide
                else:
                    yield _reject(origin, err)
                    return
        readers: dict[str, Callable[[], Iterator[Item]]] = {
            "text": lambda: self._text(origin, ident, data, declared),
            "html": lambda: self._html(origin, ident, data, url=url, declared=declared),
            "feed": lambda: self._feed(origin, data),
            "jsonl": lambda: self._jsonl_lines(origin, ident, data.splitlines()),
            "json": lambda: self._json(origin, ident, data),
        }
        yield from readers[kind]()

    def read_object(self, obj: object, origin: str, ident: str) -> Iterator[Item]:
        """Documents from one JSON object with ``text`` or ``html`` and metadata (a JSONL line)."""
        return self._json_object(origin, obj, ident)

    def read_feed(self, data: bytes | str, origin: str) -> Iterator[Item]:
        """One raw document (or rejection) per item of an RSS, Atom or JSON feed."""
        return self._feed(origin, data.encode("utf-8") if isinstance(data, str) else data)

    # -- sources -----------------------------------------------------------------------------
    def read_path(self, path: Path, ident: str, kind: str | None = None) -> Iterator[Item]:
        origin = str(path)
        kind = kind or _kind_of(path) or "sniff"
        gz = path.suffix.lower() == ".gz"
        if kind == "jsonl":
            yield from self._read_jsonl_file(path, ident, gz)
            return
        try:
            size = path.stat().st_size
            if size > self.settings.max_bytes and not gz:
                yield _reject(
                    origin,
                    InputError("E104", f"{size:,} bytes > max_bytes {self.settings.max_bytes:,}"),
                )
                return
            data = path.read_bytes()
            if gz:
                data = gunzip(data, self.settings.max_bytes)
        except InputError as err:
            yield _reject(origin, err)
            return
        except OSError as exc:
            yield _reject(
                origin, InputError("E108", f"{type(exc).__name__}: {exc.strerror or exc}")
            )
            return
        yield from self._dispatch(origin, ident, kind, data)

    def _read_jsonl_file(self, path: Path, ident: str, gz: bool) -> Iterator[Item]:
        origin = str(path)
        try:
            fh = gzip.open(path, "rb") if gz else path.open("rb")  # noqa: SIM115
        except OSError as exc:
            yield _reject(
                origin, InputError("E108", f"{type(exc).__name__}: {exc.strerror or exc}")
            )
            return
        with fh:
            try:
                yield from self._jsonl_lines(origin, ident, fh)
            except (OSError, EOFError, zlib.error) as exc:
                yield _reject(
                    origin, InputError("E108", f"stopped reading: {type(exc).__name__}: {exc}")
                )

    def read_dir(self, root: Path) -> Iterator[Item]:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            if _kind_of(path) is None:
                log.debug("skipping %s: not a known document type", path)
                continue
            rel = path.relative_to(root)
            stem = str(rel).removesuffix(".gz")
            stem = stem[: -len(Path(stem).suffix)] if Path(stem).suffix else stem
            yield from self.read_path(path, stem)

    def read_url(self, url: str) -> Iterator[Item]:
        client = self._client or make_client(
            self.settings.user_agent, self.settings.fetch_timeout_s
        )
        try:
            got = fetch_url(
                url,
                client=client,
                max_bytes=self.settings.fetch_max_bytes,
                allow_private=self.settings.allow_private_urls,
            )
        except InputError as err:
            yield _reject(url, err)
            return
        finally:
            if self._client is None:
                client.close()
        ctype = got.content_type
        if "html" in ctype:
            kind = "html"
        elif any(t in ctype for t in ("rss", "atom", "xml")) or ctype == "application/feed+json":
            kind = "feed"
        elif "json" in ctype:
            kind = "json"
        elif ctype.startswith("text/plain"):
            kind = "text"
        else:
            kind = "sniff"
        yield from self._dispatch(url, url, kind, got.content, declared=got.charset, url=got.url)

    def read(self, inputs: Iterable[str]) -> Iterator[Item]:
        for inp in inputs:
            if inp == "-":
                stream = self._stdin
                data = stream.read() if stream is not None else b""
                yield from self._dispatch("<stdin>", "stdin", "sniff", data)
            elif inp.startswith(("http://", "https://")):
                yield from self.read_url(inp)
            else:
                path = Path(inp)
                if path.is_dir():
                    yield from self.read_dir(path)
                elif path.exists():
                    stem = path.name.removesuffix(".gz")
                    yield from self.read_path(path, Path(stem).stem)
                else:
                    yield _reject(inp, InputError("E112", inp))


def read_inputs(inputs: Iterable[str], settings: Settings, **kwargs: object) -> Iterator[Item]:
    """Raw documents and rejections for every input (see :class:`Reader`)."""
    return Reader(settings, **kwargs).read(inputs)  # type: ignore[arg-type]
