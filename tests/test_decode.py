"""Bytes to text: encodings, BOMs, binary refusal."""

from __future__ import annotations

import gzip

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.errors import InputError
from eventwire.ingest.decode import decode_bytes, gunzip


def test_utf8():
    assert decode_bytes("Café talks".encode()) == "Café talks"


def test_utf8_bom_is_removed():
    assert decode_bytes(b"\xef\xbb\xbfHello") == "Hello"


def test_utf16_with_bom():
    assert decode_bytes("Peace talks in Geneva".encode("utf-16")) == "Peace talks in Geneva"


def test_latin1_is_detected():
    text = "Le président a déclaré que les négociations reprendraient à Genève."
    assert decode_bytes(text.encode("latin-1")) == text


def test_declared_charset_is_used():
    assert decode_bytes("naïve".encode("cp1252"), declared="cp1252") == "naïve"


@pytest.mark.parametrize("data", [b"", b"   \n\t "])
def test_empty_is_refused(data):
    with pytest.raises(InputError) as err:
        decode_bytes(data)
    assert err.value.code == "E101"


@pytest.mark.parametrize(
    "data", [b"%PDF-1.4 stuff", b"\x89PNG\r\n\x1a\n....", b"abc\x00\x00\x01\x02def" * 50]
)
def test_binary_is_refused(data):
    with pytest.raises(InputError) as err:
        decode_bytes(data)
    assert err.value.code == "E102"


def test_gzip_bomb_is_refused():
    data = gzip.compress(b"a" * 10_000)
    with pytest.raises(InputError) as err:
        gunzip(data, limit=1000)
    assert err.value.code == "E104"


@given(st.binary(max_size=2000))
def test_random_bytes_decode_or_raise_input_error(data):
    try:
        text = decode_bytes(data)
    except InputError as err:
        assert err.code in {"E101", "E102", "E103"}
    else:
        assert isinstance(text, str) and text.strip()
