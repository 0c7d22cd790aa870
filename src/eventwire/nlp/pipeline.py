"""The extraction pipeline: raw documents in, document records (or rejections) out.

The spaCy model is loaded once; documents flow through ``nlp.pipe`` in batches; each parsed
document then passes the extraction stages (:data:`eventwire.extract.STAGES`) in order. A
stage failure rejects that one document, never the batch.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence

from spacy.language import Language

from ..errors import message
from ..ingest.cleanup import (
    blank_ranges,
    find_tweet_embeds,
    inline_boilerplate_ranges,
    normalize,
    promo_line_ranges,
)
from ..ingest.document import RawDocument
from ..ingest.language import detect_language
from ..schema import DocumentRecord, Rejection
from ..settings import Settings
from .context import DocContext, Resources
from .model import load_model

log = logging.getLogger(__name__)

Stage = Callable[[DocContext], None]
Result = DocumentRecord | Rejection


def _default_stages() -> tuple[Stage, ...]:
    from ..extract import STAGES

    return STAGES


class Pipeline:
    """Runs documents through spaCy and the extraction stages.

    ``nlp``, ``resources`` and ``stages`` may be injected (tests, benchmarks); by default the
    model named in ``settings`` is loaded and all stages run.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        nlp: Language | None = None,
        resources: Resources | None = None,
        stages: Sequence[Stage] | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self.nlp = nlp if nlp is not None else load_model(self.settings.model)
        self.nlp.max_length = max(self.nlp.max_length, self.settings.max_chars + 1)
        self.resources = resources or Resources(self.settings)
        self.stages = tuple(stages) if stages is not None else _default_stages()
        self.model_name = self.settings.model

    # -- preparation -----------------------------------------------------------------------------
    def _language_rejection(self, raw: RawDocument) -> Rejection | None:
        if len(raw.text) < self.settings.min_chars_for_language:
            return None
        lang, prob = detect_language(raw.text)
        if lang != "en" and prob >= 0.9:
            return Rejection(
                document=raw.origin,
                reason=message("E110", lang),
                code="E110",
                stage="language",
                language=lang,
            )
        raw.language = "en"
        return None

    def _working_copy(self, raw: RawDocument) -> tuple[str, object, list]:
        work, omap = normalize(raw.text)
        if self.settings.drop_promo_lines:
            work = blank_ranges(work, promo_line_ranges(work) + inline_boilerplate_ranges(work))
        tweets = []
        for t in find_tweet_embeds(work):
            tweets.append(
                type(t)(
                    body_span=omap.span(*t.body_span),
                    name=t.name,
                    name_span=omap.span(*t.name_span),
                    handle=t.handle,
                    handle_span=omap.span(*t.handle_span),
                    date_text=t.date_text,
                    date_span=omap.span(*t.date_span),
                )
            )
        return work, omap, tweets

    # -- running ---------------------------------------------------------------------------------
    def _extract(self, raw: RawDocument, prepared: tuple, doc) -> Result:
        work, omap, tweets = prepared
        ctx = DocContext(
            raw=raw, work=work, omap=omap, doc=doc, resources=self.resources, tweets=tweets
        )
        stage_name = "?"
        try:
            for stage in self.stages:
                stage_name = getattr(stage, "__module__", "?").rsplit(".", 1)[-1]
                stage(ctx)
            return ctx.to_record(self.model_name)
        except Exception as exc:  # one bad document must not stop the batch
            log.exception("extraction failed for %s in stage %s", raw.origin, stage_name)
            return Rejection(
                document=raw.origin,
                reason=message("E201", f"{stage_name}: {type(exc).__name__}: {exc}"),
                code="E201",
                stage="extract",
            )

    def _run_batch(self, batch: list[RawDocument]) -> list[Result]:
        prepared = [self._working_copy(raw) for raw in batch]
        works = [p[0] for p in prepared]
        try:
            docs = list(self.nlp.pipe(works, batch_size=self.settings.batch_size))
        except Exception:  # isolate the document that breaks the parser
            log.warning("batch parse failed; retrying documents one by one", exc_info=True)
            docs = []
            for w in works:
                try:
                    docs.append(self.nlp(w))
                except Exception as exc:
                    docs.append(exc)
        out: list[Result] = []
        for raw, prep, doc in zip(batch, prepared, docs, strict=True):
            if isinstance(doc, Exception):
                out.append(
                    Rejection(
                        document=raw.origin,
                        reason=message("E201", f"nlp: {doc}"),
                        code="E201",
                        stage="nlp",
                    )
                )
            else:
                out.append(self._extract(raw, prep, doc))
        return out

    def process(self, items: Iterable[RawDocument | Rejection]) -> Iterator[Result]:
        """Records and rejections, in input order."""
        pending: list[RawDocument | Rejection] = []

        def flush() -> Iterator[Result]:
            raws = [p for p in pending if isinstance(p, RawDocument)]
            results = iter(self._run_batch(raws)) if raws else iter(())
            for p in pending:
                yield next(results) if isinstance(p, RawDocument) else p
            pending.clear()

        n_raw = 0
        for item in items:
            if isinstance(item, RawDocument):
                rejected = self._language_rejection(item)
                if rejected is not None:
                    pending.append(rejected)
                    continue
                n_raw += 1
            pending.append(item)
            if n_raw >= self.settings.batch_size:
                yield from flush()
                n_raw = 0
        yield from flush()

    def process_one(self, raw: RawDocument) -> Result:
        """Extract one document."""
        return next(iter(self.process([raw])))
