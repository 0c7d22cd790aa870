"""Working-copy normalization, promotional lines and embedded tweets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eventwire.ingest.cleanup import (
    blank_ranges,
    drop_promo_lines,
    find_tweet_embeds,
    inline_boilerplate_ranges,
    normalize,
    promo_line_ranges,
)


def test_curly_quotes_become_straight_without_moving_offsets():
    text = "“Peace,” he said. It’s «done»."
    work, omap = normalize(text)
    assert work == '"Peace," he said. It\'s "done".'
    assert len(work) == len(text)
    assert omap.span(1, 6) == (1, 6)


def test_zero_width_characters_are_dropped_and_mapped_back():
    text = "Bag\u200bhdad and Te\u00adhran"
    work, omap = normalize(text)
    assert work == "Baghdad and Tehran"
    s = work.index("Tehran")
    start, end = omap.span(s, s + len("Tehran"))
    assert text[start:end] == "Te\u00adhran"
    start, end = omap.span(0, 7)
    assert text[start:end] == "Bag\u200bhdad"


@given(st.text())
def test_offset_map_always_points_into_the_original(text):
    work, omap = normalize(text)
    assert len(omap.to_orig) == len(work) + 1
    for i in range(len(work)):
        s, e = omap.span(i, i + 1)
        assert 0 <= s < e <= len(text)
    assert list(omap.to_orig) == sorted(omap.to_orig)


def test_promotional_lines_are_found_and_blanked():
    text = "Talks resumed in Doha.\n\nFollow Example News on Facebook, Twitter, and Instagram.\n"
    ranges = promo_line_ranges(text)
    assert len(ranges) == 1
    s, e = ranges[0]
    assert text[s:e] == "Follow Example News on Facebook, Twitter, and Instagram."
    blanked = blank_ranges(text, ranges)
    assert len(blanked) == len(text)
    assert "Follow" not in blanked and "Talks resumed" in blanked


def test_video_and_image_caption_lines_are_blanked():
    text = (
        "Media playback is unsupported on your device Media caption The mayor on the flood\n"
        "The river rose overnight.\n"
        "Image copyright Example Photos Image caption Volunteers filled sandbags\n"
        "An image caption is a short text under a picture.\n"
    )
    kept = [line for line in drop_promo_lines(text).splitlines() if line.strip()]
    assert kept == [
        "The river rose overnight.",
        "An image caption is a short text under a picture.",
    ]


def test_a_caption_running_on_into_article_text_is_kept() -> None:
    line = "Image copyright Example Photos Image caption Volunteers filled sandbags. " + (
        "The river rose overnight and the mayor ordered an evacuation of the old town. " * 4
    )
    assert drop_promo_lines(line + "\n").strip() == line.strip()


def test_article_sentences_that_mention_twitter_are_kept():
    text = "The minister said on Twitter that talks would follow.\nShare this article with friends"
    assert drop_promo_lines(text) == "The minister said on Twitter that talks would follow."


def test_embedded_tweet_is_recognized_with_handle_and_date():
    text = (
        "Intro paragraph.\n\nWe spoke about trade today. — Minister Jane Doe (@JaneDoeMP) "
        "March 7, 2024\n\nNext paragraph."
    )
    (tweet,) = find_tweet_embeds(text)
    assert tweet.handle == "@JaneDoeMP"
    assert text[slice(*tweet.handle_span)] == "@JaneDoeMP"
    assert text[slice(*tweet.body_span)] == "We spoke about trade today."
    assert tweet.name == "Minister Jane Doe"
    assert tweet.date_text == "March 7, 2024"


def test_tweet_author_line_on_its_own_line():
    text = "We met the delegation.\n— Jane Doe (@jdoe) Jan 5, 2021"
    (tweet,) = find_tweet_embeds(text)
    assert text[slice(*tweet.body_span)] == "We met the delegation."
    assert tweet.handle == "@jdoe"


def test_no_tweet_without_handle_and_date():
    assert find_tweet_embeds("He left — John Smith said on Monday.") == []


def test_related_links_widget_glued_into_a_sentence_is_blanked() -> None:
    text = (
        "Senator Jane Roe Jane RoeSenate passes farm bill | Storm hits coast Governor signs "
        "budget MORE (D-Ore.) said on Monday that talks would resume."
    )
    ranges = inline_boilerplate_ranges(text)
    assert len(ranges) == 1
    s, e = ranges[0]
    assert text[s:e].startswith("Jane RoeSenate") and text[s:e].endswith("budget MORE")
    blanked = blank_ranges(text, ranges)
    assert len(blanked) == len(text)
    assert (
        " ".join(blanked.split())
        == "Senator Jane Roe (D-Ore.) said on Monday that talks would resume."
    )


def test_repeated_names_and_capital_more_in_prose_are_kept() -> None:
    for text in (
        "Jane Roe, Jane Roe said, was her name twice. We need MORE funding, she wrote.",
        "New York New York is a song. Nothing MORE.",  # the repeat is not glued to a headline
        "Jane Roe Jane RoeSenate news without the closing word.",  # no MORE: not a widget
    ):
        assert inline_boilerplate_ranges(text) == [], text


def test_tweet_body_leaves_out_embed_tags() -> None:
    text = (
        '<tweet id="1" author="ExampleMayor">Roads are closed until noon.</tweet> '
        "— Jane Roe (@ExampleMayor) March 3, 2024\n"
    )
    (tweet,) = find_tweet_embeds(text)
    s, e = tweet.body_span
    assert text[s:e] == "Roads are closed until noon."
