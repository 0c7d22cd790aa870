"""Unit tests for actor knowledge, coding, clustering and the public interface.

Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from eventwire.resolve.coref import initials
from eventwire.resolve.knowledge import load_knowledge, plural


@pytest.fixture(scope="module")
def actors_pipeline(nlp):
    """A pipeline running only the actors stage (other stages cannot break these tests)."""
    from eventwire.extract import actors
    from eventwire.nlp import Pipeline
    from eventwire.settings import Settings

    return Pipeline(Settings(), nlp=nlp, stages=[actors.run])


@pytest.fixture()
def extract(actors_pipeline):
    """Extract actors from one text -> DocumentRecord."""
    from eventwire.ingest import RawDocument
    from eventwire.schema import DocumentRecord

    def _extract(text: str):
        result = actors_pipeline.process_one(RawDocument(id="t", text=text, origin="t"))
        assert isinstance(result, DocumentRecord), result
        return result

    return _extract


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def _actor(record, needle):
    for a in record.actors:
        if needle in a.name:
            return a
    raise AssertionError(f"no actor {needle!r} in {[a.name for a in record.actors]}")


def _texts(actor):
    return [m.text for m in actor.mentions]


# -- knowledge --------------------------------------------------------------------------------------
def test_country_aliases_short_forms_and_demonyms(kb):
    for text in ("US", "U.S.", "United States", "America", "American"):
        assert kb.lookup(text)[0].country == "USA", text
    assert kb.lookup("us") == []  # the pronoun is not the country
    assert kb.lookup("Pakistani")[0].country == "PAK"
    assert kb.lookup("Palestinians")[0].kind == "people"


def test_capitals_are_government_metonyms(kb):
    entry = kb.lookup("Tehran")[0]
    assert (entry.kind, entry.country, entry.sector) == ("capital", "IRN", "GOV")


def test_organizations_and_abbreviations(kb):
    assert kb.lookup("ISPR")[0].name == "Inter-Services Public Relations"
    assert kb.lookup("Pentagon")[0].sector == "MIL"
    assert kb.lookup("fo") == []  # abbreviations only in their exact spelling
    assert kb.lookup("FO")[0].role == "foreign ministry"


def test_role_plurals(kb):
    assert plural("soldier") == "soldiers"
    assert plural("policeman") == "policemen"
    assert plural("militia") == "militias"
    assert kb.lookup("rebels")[0].sector == "REB"


def test_initials():
    assert initials("Inter-Services Public Relations") == "ISPR"


# -- coding and clustering ---------------------------------------------------------------------------
def test_title_and_nationality_from_compounds(extract):
    rec = extract("Iranian Foreign Minister Hassan Rouhani met reporters in Geneva on Monday.")
    a = _actor(rec, "Rouhani")
    assert (a.country, a.sector, a.code) == ("IRN", "GOV", "IRNGOV")
    assert a.title == "Foreign Minister"


def test_possessive_country_and_military_title(extract):
    rec = extract("Egypt's army chief General Omar Farouk visited the troops on Sunday.")
    a = _actor(rec, "Farouk")
    assert (a.country, a.sector) == ("EGY", "MIL")


def test_apposition_teaches_title(extract):
    rec = extract("Maria Lopez, the Spanish defence minister, arrived in Madrid on Tuesday.")
    a = _actor(rec, "Lopez")
    assert a.country == "ESP"
    assert a.sector == "GOV"


def test_surname_and_title_reference_join_the_person(extract):
    rec = extract(
        "Kenyan police chief commander John Mwangi met the press. "
        "Mwangi said the situation was calm. The commander later left Nairobi."
    )
    a = _actor(rec, "Mwangi")
    texts = _texts(a)
    assert "Mwangi" in texts
    assert any(t.lower() == "the commander" for t in texts)


def test_country_aliases_merge(extract):
    rec = extract(
        "The US sent aid. The United States also urged calm, and U.S. diplomats "
        "met America's allies."
    )
    usa = [a for a in rec.actors if a.type == "GPE" and a.country == "USA"]
    assert len(usa) == 1
    assert {"US", "United States", "U.S.", "America"} <= set(_texts(usa[0]))


def test_common_noun_actors(extract):
    rec = extract(
        "Police fired tear gas at protesters in Lagos, and rebels attacked a convoy "
        "while Nigerian soldiers watched."
    )
    sectors = {a.sector for a in rec.actors}
    assert {"COP", "OPP", "REB", "MIL"} <= sectors
    soldiers = _actor(rec, "soldiers")
    assert soldiers.code == "NGAMIL"


def test_affiliation_is_not_nationality(extract):
    rec = extract("A pro-Russia crowd gathered outside the parliament.")
    crowd = _actor(rec, "crowd")
    assert crowd.country is None
    assert crowd.sector == "CVL"


def test_known_organization_and_in_text_abbreviation(extract):
    rec = extract(
        "The Inter-Services Public Relations (ISPR) issued a statement. "
        "Later, ISPR denied the report."
    )
    a = _actor(rec, "Inter-Services")
    assert (a.country, a.sector) == ("PAK", "MIL")
    assert _texts(a).count("ISPR") == 2


def test_generic_ministry_takes_country_from_context(extract):
    rec = extract(
        "Turkey reacted sharply to the vote. The foreign ministry said it regretted the decision."
    )
    a = _actor(rec, "foreign ministry")
    assert (a.country, a.sector) == ("TUR", "GOV")
    assert a.rule and "context" in a.rule
    assert "it" in _texts(a)


def test_a_people_named_by_its_demonym_are_civilians(extract):
    rec = extract("Bolivians marched in La Paz, and ethnic Hungarians rallied in Romania.")
    bolivians = _actor(rec, "Bolivians")
    assert (bolivians.country, bolivians.sector) == ("BOL", "CVL")
    assert _actor(rec, "Hungarians").sector == "CVL"


def test_a_role_word_beats_the_people_default(extract):
    rec = extract("Bolivian soldiers marched in La Paz. Bolivian nationals left Chile.")
    assert _actor(rec, "soldiers").sector == "MIL"
    assert _actor(rec, "nationals").sector == "CVL"


def test_known_armed_groups_are_rebels_of_their_country(extract):
    rec = extract("LTTE fighters clashed with troops, and FARC commanders met Colombian envoys.")
    for needle, country in (("Tamil Eelam", "LKA"), ("Revolutionary Armed Forces", "COL")):
        group = _actor(rec, needle)
        assert (group.country, group.sector) == (country, "REB")


def test_regional_bodies_and_spelling_variants(extract):
    rec = extract("APEC ministers met in Lima while Afghan guerillas attacked a convoy.")
    assert _actor(rec, "Asia-Pacific").sector == "IGO"
    assert (_actor(rec, "guerillas").country, _actor(rec, "guerillas").sector) == ("AFG", "REB")


def test_surname_tagged_as_a_place_joins_the_person(extract):
    rec = extract(
        "Experts say the change is legal, according to Carney. Jay Carney chalks up these "
        "concerns to partisan sniping. Jordan disagrees."
    )
    person = _actor(rec, "Jay Carney")
    assert "Carney" in _texts(person)
    assert _actor(rec, "Jordan").type == "GPE"


def test_a_famous_surname_alone_names_the_leader(extract):
    rec = extract("Putin met reporters in the morning. Johnson and Assad said nothing.")
    assert (_actor(rec, "Putin").type, _actor(rec, "Putin").country) == ("PERSON", "RUS")
    assert _actor(rec, "Assad").country == "SYR"  # "Bashar al-Assad" without its article
    assert _actor(rec, "Johnson").country is None  # too common a surname to stand alone


def test_surnames_alone_are_leader_surnames(kb):
    assert kb.alone_surnames <= set(kb.leader_surnames)
    assert kb.known_person("Erdogan") == ("TUR", "GOV")
    assert kb.known_person("Bush") is None  # two presidents: still needs a title


def test_plural_person_roles_are_groups_without_a_borrowed_country(extract):
    rec = extract("Kenyan President William Ruto told reporters in Nairobi that talks went well.")
    reporters = _actor(rec, "reporters")
    assert (reporters.type, reporters.country, reporters.sector) == ("GROUP", None, "JRN")
    assert reporters.title is None


def test_an_ethnic_group_gives_no_state_its_country(extract):
    rec = extract("Ethnic Hungarians protested against the government in Bucharest.")
    assert _actor(rec, "government").country == "ROU"


def test_opposition_leader_takes_the_country_of_the_story(extract):
    rec = extract(
        "Zambian police arrested dozens of protesters in Lusaka. "
        "Opposition leader Mary Banda condemned the arrests."
    )
    a = _actor(rec, "Banda")
    assert (a.country, a.sector) == ("ZMB", "OPP")
    assert "context:previous" in (a.rule or "")


def test_untitled_person_takes_no_country_from_the_story(extract):
    rec = extract(
        "Zambian police arrested dozens of protesters in Lusaka. Mary Banda condemned it."
    )
    assert _actor(rec, "Banda").country is None


def test_pronouns_refer_to_previous_subject(extract):
    rec = extract("Chancellor Olaf Weber arrived in Rome. He met the Italian premier.")
    a = _actor(rec, "Weber")
    assert any(m.kind == "pronoun" and m.text == "He" for m in a.mentions)


def test_pleonastic_it_refers_to_nothing(extract):
    rec = extract("The Kremlin said it is important to avoid escalation.")
    kremlin = _actor(rec, "Kremlin")
    assert (kremlin.country, kremlin.sector) == ("RUS", "GOV")
    assert all(m.kind != "pronoun" for a in rec.actors for m in a.mentions)


def test_capital_metonym_only_as_subject(extract):
    rec = extract("Washington warned Tehran. Talks were later held in Vienna.")
    washington = _actor(rec, "Washington")
    assert (washington.country, washington.sector) == ("USA", "GOV")


def test_mention_spans_index_the_original_text(extract):
    text = "Iraqi  Prime Minister Adel Hamid\u2019s office said police arrested 12 people."
    rec = extract(text)
    for a in rec.actors:
        for m in a.mentions:
            assert text[m.span[0] : m.span[1]] == m.text


# -- public interface ---------------------------------------------------------------------------------
@pytest.fixture()
def ctx_of(actors_pipeline):
    """Run the actors stage only and return the document context."""
    from eventwire.extract import actors
    from eventwire.ingest import RawDocument
    from eventwire.nlp.context import DocContext

    def _ctx(text: str) -> DocContext:
        raw = RawDocument(id="t", text=text, origin="t")
        work, omap, tweets = actors_pipeline._working_copy(raw)
        doc = actors_pipeline.nlp(work)
        ctx = DocContext(
            raw=raw,
            work=work,
            omap=omap,
            doc=doc,
            resources=actors_pipeline.resources,
            tweets=tweets,
        )
        actors.run(ctx)
        return ctx

    return _ctx


def test_actor_at_and_code_phrase(ctx_of):
    from eventwire.extract.actors import actor_at, code_phrase

    ctx = ctx_of("Libyan troops clashed with rebels after a US strike near Tripoli.")
    doc = ctx.doc
    troops = next(t for t in doc if t.text == "troops")
    assert actor_at(ctx, troops.i).code == "LBYMIL"
    strike = next(t for t in doc if t.text == "strike")
    ref = code_phrase(ctx, doc[strike.i - 2 : strike.i + 1])  # "a US strike"
    assert ref is not None and ref.country == "USA"
    clashed = next(t for t in doc if t.text == "clashed")
    assert code_phrase(ctx, doc[clashed.i : clashed.i + 1]) is None


def test_code_phrase_without_document_actor(ctx_of):
    from eventwire.extract.actors import code_phrase

    ctx = ctx_of("The weather was fine.")
    phrase = ctx.doc[0:3]
    assert code_phrase(ctx, phrase) is None
    ctx = ctx_of("Iranian commanders spoke.")
    ref = code_phrase(ctx, ctx.doc[0:2])
    assert (ref.country, ref.sector) == ("IRN", "MIL")


def test_handle_only_actor_does_not_break_the_stage(extract):
    rec = extract("Markets rallied on the news. — Acme Widgets (@acmewidgets) March 2, 2021")
    owner = [a for a in rec.actors if a.handle == "@acmewidgets"]
    assert owner and owner[0].name == "Acme Widgets"


def test_known_office_holder_gets_a_country(extract):
    rec = extract("President Clinton signed the budget bill on Friday.")
    clinton = next(a for a in rec.actors if a.name.endswith("Clinton"))
    assert clinton.country == "USA"


def test_ambiguous_surname_of_office_holders_gives_no_country(kb):
    assert kb.known_person("Hussein", titled=True) is None
    assert kb.known_person("Blair", titled=False) is None  # a first name too: needs a title
    assert kb.known_person("Vladimir Putin") == ("RUS", "GOV")


def test_ethnic_group_is_not_coded_with_the_nationality(extract):
    rec = extract("Ethnic Russians rallied outside the town hall.")
    group = next(a for a in rec.actors if "Russians" in a.name)
    assert group.country is None


def test_nationality_before_a_named_group(extract):
    rec = extract("Syrian Kurds held a rally on Sunday.")
    kurds = next(a for a in rec.actors if a.name.endswith("Kurds"))
    assert kurds.country == "SYR"


def test_other_actors_nationality_is_not_context(extract):
    rec = extract("Security forces beat Somali refugees near the border.")
    forces = next(a for a in rec.actors if "Security forces" in a.name)
    assert forces.country != "SOM"


def test_titled_person_does_not_take_the_country_acted_upon(extract):
    rec = extract("Minister Ana Silva imposed sanctions on Venezuela.")
    silva = next(a for a in rec.actors if a.name.endswith("Silva"))
    assert silva.country != "VEN"
