"""Quotes stage: direct, indirect and mixed quotes, cues, media and speakers."""

from __future__ import annotations

import pytest

from eventwire.errors import ResourceError
from eventwire.extract.quote_direct import QuoteRegion
from eventwire.extract.quote_frames import Regions, tokens_with
from eventwire.extract.quote_lexicon import load_lexicon, parse_cue_row, parse_nominal_row
from quotes_support import quotes_extract


@pytest.fixture(scope="module")
def extract(nlp):
    """Extract one text with only the stages quotes depend on (actors, quotes)."""
    return quotes_extract(nlp)


def _quote(record, startswith):
    for q in record.quotes:
        if q.text.startswith(startswith):
            return q
    raise AssertionError(f"no quote starting {startswith!r} in {[q.text for q in record.quotes]}")


def _speaker_text(record, quote):
    s, e = quote.speaker_span
    return record.text[s:e]


def _actor_name(record, quote):
    return next(a.name for a in record.actors if a.id == quote.speaker_actor_id)


# -- lexicon ---------------------------------------------------------------------------------------
def test_lexicon_loads_cues_and_media():
    lex = load_lexicon()
    assert lex.cue_for("say", set()).cls == "speech"
    assert lex.cue_for("point", {"out"}).particle == "out"
    assert lex.cue_for("point", set()) is None
    assert lex.media["statement"] == "statement"


def test_cue_row_with_unknown_frame_is_rejected():
    with pytest.raises(ResourceError, match="unknown frame"):
        parse_cue_row(["say", "speech", "ccomp,telepathy"])
    with pytest.raises(ResourceError, match="unknown class"):
        parse_cue_row(["say", "gossip", "ccomp"])
    assert parse_cue_row(["call", "request", "prep:for,xcomp"]).preps == frozenset({"for"})


def test_nominal_row_takes_only_clause_frames():
    cue = parse_nominal_row(["claim", "speech", "that, prep:about"])
    assert (cue.frames, cue.preps) == (frozenset({"that"}), frozenset({"about"}))
    with pytest.raises(ResourceError, match="expected that, to or prep:WORD"):
        parse_nominal_row(["claim", "speech", "ccomp"])
    with pytest.raises(ResourceError, match="3 tab-separated columns"):
        parse_nominal_row(["claim", "speech"])


# -- token and region look-ups ---------------------------------------------------------------------
def test_tokens_with_finds_listed_words_in_text_order():
    import spacy
    from spacy.attrs import LOWER

    doc = spacy.blank("en")("Said he, and she SAID it.")
    assert [t.i for t in tokens_with(doc, LOWER, ["said", "unknownword"])] == [0, 5]
    assert tokens_with(doc, LOWER, []) == []
    assert tokens_with(doc[:0].as_doc(), LOWER, ["said"]) == []


def test_regions_widen_to_every_overlapped_quotation():
    work = "ab “cd ef” gh “ij” kl"
    regs = Regions(work, [QuoteRegion(3, 10), QuoteRegion(14, 18)])
    assert regs.widen(5, 12) == (3, 12)
    assert regs.widen(8, 16) == (3, 18)
    assert regs.widen(11, 13) == (11, 13)


# -- direct quotes ---------------------------------------------------------------------------------
def test_direct_quote_with_trailing_attribution(extract):
    rec = extract("Mayor Anna Berg spoke on Monday.\n\n“The bridge will open in May,” Berg said.")
    q = _quote(rec, "“The bridge")
    assert q.kind == "direct"
    assert q.text == "“The bridge will open in May,”"
    assert q.cue == "said"
    assert rec.text[q.cue_span[0] : q.cue_span[1]] == "said"
    assert _speaker_text(rec, q) == "Berg"
    assert _actor_name(rec, q) == "Anna Berg"


def test_interrupted_quote_is_one_statement(extract):
    rec = extract("“We are ready,” said Tomas Ruiz, the union leader, “and we will not wait.”")
    assert len(rec.quotes) == 1
    q = rec.quotes[0]
    assert q.text.startswith("“We are ready,”") and q.text.endswith("“and we will not wait.”")
    assert "Ruiz" in _speaker_text(rec, q)


def test_quote_continued_after_the_cue_sentence(extract):
    rec = extract("“Prices are too high,” Lena Ortiz said. “Families cannot pay.”")
    (q,) = rec.quotes
    assert q.text.endswith("“Families cannot pay.”")
    assert q.speaker == "Lena Ortiz"


def test_multi_paragraph_quote_left_open(extract):
    text = (
        "Governor Mark Ellison said:\n\n"
        "“The storm destroyed two hundred homes in the valley.\n\n"
        "“We will rebuild every one of them before winter.”"
    )
    rec = extract(text)
    q = _quote(rec, "“The storm")
    assert q.kind == "direct"
    assert q.text.endswith("before winter.”")
    assert q.speaker == "Mark Ellison"


def test_straight_and_guillemet_quotes(extract):
    rec = extract('"Taxes will fall," Premier Jana Novak said. «Nobody will pay more,» she added.')
    texts = [q.text for q in rec.quotes]
    assert any(t.startswith('"Taxes will fall,"') for t in texts)
    assert any(t.startswith("«Nobody will pay more,»") for t in texts)
    assert all(q.speaker == "Jana Novak" for q in rec.quotes)


def test_scare_quote_makes_a_mixed_quote(extract):
    rec = extract("Senator Paul Okafor said that the budget was “a disaster” for farmers.")
    (q,) = rec.quotes
    assert q.kind == "mixed"
    assert q.text == "that the budget was “a disaster” for farmers"


# -- indirect speech -------------------------------------------------------------------------------
def test_said_that(extract):
    rec = extract("The health ministry said that three new cases were found in the north.")
    (q,) = rec.quotes
    assert q.kind == "indirect"
    assert q.text == "that three new cases were found in the north"
    assert _speaker_text(rec, q) == "The health ministry"


def test_told_reporters_keeps_the_audience_out_of_the_content(extract):
    rec = extract("Chancellor Eva Lind told reporters on Tuesday the talks had failed.")
    (q,) = rec.quotes
    assert q.text == "the talks had failed"
    assert q.medium == "press"
    assert q.speaker == "Eva Lind"


def test_according_to(extract):
    rec = extract("According to the interior ministry, forty people were arrested overnight.")
    (q,) = rec.quotes
    assert q.text == "forty people were arrested overnight"
    assert q.cue == "According to"
    assert _speaker_text(rec, q) == "the interior ministry"


def test_trailing_according_to(extract):
    rec = extract("The dam is safe, according to engineers at the site.")
    (q,) = rec.quotes
    assert q.text == "The dam is safe"
    assert "engineers" in _speaker_text(rec, q)


def test_urged_gives_the_request(extract):
    rec = extract("The council urged both sides to return to the negotiating table.")
    (q,) = rec.quotes
    assert q.text == "to return to the negotiating table"
    assert q.cue == "urged"


def test_colon_introduction(extract):
    rec = extract("The ministry said: the border will stay closed until March.")
    (q,) = rec.quotes
    assert q.text == "the border will stay closed until March"
    assert "ministry" in q.speaker


def test_statement_medium(extract):
    rec = extract("In a statement, the defence ministry said its troops had withdrawn.")
    (q,) = rec.quotes
    assert q.medium == "statement"
    assert q.text == "its troops had withdrawn"


def test_dash_attribution(extract):
    rec = extract("Freedom is never more than one generation away from extinction. — Ronald Reagan")
    (q,) = rec.quotes
    assert q.text.startswith("Freedom is never")
    assert q.speaker == "Ronald Reagan"


def test_tweeted_is_a_tweet(extract):
    rec = extract("“The vote was rigged,” Senator Dale Brooks tweeted on Sunday.")
    (q,) = rec.quotes
    assert q.medium == "tweet"
    assert q.cue == "tweeted"
    assert q.kind == "direct"


# -- speakers ---------------------------------------------------------------------------------------
def test_pronoun_speaker_is_resolved_to_the_person(extract):
    rec = extract("Maria Santos visited the flooded town.\n\n“We will help,” she said.")
    q = _quote(rec, "“We will help")
    assert _speaker_text(rec, q) == "she"
    assert q.speaker == "Maria Santos"
    assert _actor_name(rec, q) == "Maria Santos"


def test_it_said_goes_to_the_organization_that_spoke_before(extract):
    text = (
        "The foreign ministry in a statement said that the country was deeply concerned.\n\n"
        "“All parties must show restraint,” it said."
    )
    rec = extract(text)
    q = _quote(rec, "“All parties")
    assert _speaker_text(rec, q) == "it"
    assert "foreign ministry" in q.speaker.lower()


def test_cue_inside_a_quotation_is_not_a_new_statement(extract):
    rec = extract("“I think the plan will work,” Ahmed Karimi said.")
    (q,) = rec.quotes
    assert q.cue == "said"


def test_two_apostrophes_quote_convention(extract):
    rec = extract("''We will not raise taxes,'' Mayor Lisa Chen said. ''Not this year.''")
    (q,) = rec.quotes
    assert q.kind == "direct"
    assert q.text == "''We will not raise taxes,'' Mayor Lisa Chen said. ''Not this year.''"
    assert q.speaker == "Lisa Chen"


def test_single_curly_quotes_in_a_headline(extract):
    rec = extract("Senator Omar Haddad calls the new tariff ‘a tax on families’\n\nMore text here.")
    q = _quote(rec, "the new tariff")
    assert q.kind == "mixed"
    assert "‘a tax on families’" in q.text


def test_apostrophes_are_not_quotes(extract):
    rec = extract("The governor's plan isn't popular, and voters' patience is thin.")
    assert rec.quotes == []


def test_relative_pronoun_speaker_is_its_antecedent(extract):
    rec = extract("He agrees with the economists who have warned that rents will rise.")
    (q,) = rec.quotes
    assert _speaker_text(rec, q) == "who"
    assert q.speaker == "economists"


def test_passive_agent_is_the_speaker(extract):
    rec = extract("The mayor was asked by reporter Dan Fox whether the bridge would close.")
    (q,) = rec.quotes
    assert q.text == "whether the bridge would close"
    assert q.speaker == "Dan Fox"


def test_past_conjunct_of_a_present_reported_clause_is_the_reporters(extract):
    record = extract(
        'The Ugandan foreign ministry said that Kampala "supports the ceasefire" and urged '
        "both sides to respect it."
    )
    urged = next(q for q in record.quotes if q.cue == "urged")
    assert _speaker_text(record, urged) == "The Ugandan foreign ministry"
