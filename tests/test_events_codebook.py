"""The CAMEO codebook (data/events/cameo.tsv) and its loader."""

from __future__ import annotations

import pytest

from eventwire.errors import ResourceError
from eventwire.resolve.cameo import load_codebook, parse_codebook, quad_class


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


def test_all_codes_are_there(codebook):
    assert len(codebook) == 312
    assert {c for c in codebook.codes if len(c) == 2} == {f"{i:02d}" for i in range(1, 21)}


@pytest.mark.parametrize(
    ("code", "quad"),
    [("01", 1), ("057", 1), ("06", 2), ("0874", 2), ("09", 3), ("139", 3), ("14", 4), ("2042", 4)],
)
def test_quad_class_follows_gdelt(codebook, code, quad):
    assert quad_class(code) == quad
    assert codebook.get(code).quad_class == quad


def test_attributes_of_a_code(codebook):
    phone = codebook.get("041")
    assert phone.plover_type == "CONSULT"
    assert phone.plover_mode == "phone"
    assert phone.goldstein == pytest.approx(1.0)
    assert codebook.get("1823").goldstein == pytest.approx(-10.0)


def test_statements_and_appeals_have_no_plover_type(codebook):
    assert codebook.get("010").plover_type is None
    assert codebook.get("0256").plover_type is None


def test_lookup_falls_back_to_parent_then_root(codebook):
    assert codebook.lookup("1839").code == "183"
    assert codebook.lookup("1999").code == "19"
    assert codebook.lookup("99") is None


def test_bad_rows_are_rejected():
    header = "code\tname\tgoldstein\tquad_class\tplover_type\tplover_mode\tplover_context\n"
    with pytest.raises(ResourceError, match="quad_class"):
        parse_codebook(header + "14\tPROTEST\t-6.5\t1\tPROTEST\t\t\n")
    with pytest.raises(ResourceError, match="bad code"):
        parse_codebook(header + "1x\tX\t0\t1\t\t\t\n")
    with pytest.raises(ResourceError, match="bad number"):
        parse_codebook(header + "14\tPROTEST\tlots\t4\t\t\t\n")


def test_quad_class_rejects_non_codes():
    with pytest.raises(ValueError):
        quad_class("21")
