"""Calls to action told by their shape (newsclean.calls), and prose beside them that stays."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.calls import find_calls, is_call_paragraph

PROSE = (
    "The council approved the new bus lanes on Tuesday after a long debate about parking"
    " on the waterfront."
)

CALLS = [
    "Get the day’s top headlines delivered to your inbox every morning by subscribing to our"
    " newsletter.",
    "Subscribe to the Harbour Post YouTube Channel for all of the latest videos and more!",
    "Want more deals? Join the Courier Deals Newsletter.",
    "Get the latest updates right in your inbox. Subscribe to Courier.com’s newsletters.",
    "Have a tip? Maria Lindqvist may be reached at maria@courier.example. Follow her on Twitter.",
    "CLICK HERE TO GET THE COURIER NEWS APP",
    "Please sign up for email alerts",
    "Like us on Facebook to see similar stories",
]

PROSE_LIKE = [
    "Follow the money, investigators say.",  # no channel
    "Get ready for the new app, the minister said on Tuesday.",  # reported speech
    "Subscribers to the newsletter fell by half last year.",  # not an imperative
    "You can also subscribe to this newsletter here, just tick the box.",  # not first
    "Download the app before you travel. The border opens at 6 a.m. and queues are long.",
    "The app was downloaded a million times. Follow us on Twitter for updates.",  # mixed
    "Join the club: Twitter now has more users in Brazil than in Japan, a new survey found"
    " after asking more than ten thousand people in both countries about their habits online,"
    " their favourite apps and how long they spend on them.",  # too long
]


@pytest.mark.parametrize("call", CALLS)
def test_calls_in_any_wording_are_calls(call: str) -> None:
    assert is_call_paragraph(call)


@pytest.mark.parametrize("line", PROSE_LIKE)
def test_prose_with_some_of_the_signals_is_not(line: str) -> None:
    assert not is_call_paragraph(line)


def test_find_calls_gives_the_spans_of_whole_lines() -> None:
    text = f"{PROSE}\n\n{CALLS[2]}\n\n  {CALLS[6]}  \n\n{PROSE_LIKE[0]}"
    found = [(text[start:end], whole) for start, end, whole in find_calls(text)]
    assert found == [(CALLS[2], True), (CALLS[6], True)]


def test_clean_drops_the_calls_and_keeps_the_prose_beside_them() -> None:
    text = "\n\n".join([PROSE, *CALLS[:4], *PROSE_LIKE, CALLS[4]])
    article = newsclean.clean(text, title="Bus lanes approved", language="en")
    # The mixed paragraph keeps its prose and loses its call.
    kept = [p.replace(" Follow us on Twitter for updates.", "") for p in PROSE_LIKE]
    assert article.paragraphs == (PROSE, *kept)
    assert sorted({(c.pass_name, c.reason) for c in article.changes}) == [
        ("strip_calls_to_action", "call to action"),
        ("strip_calls_to_action", "call to action in a paragraph"),
    ]


def test_calls_are_english_only() -> None:
    call = "Subscribe to the Harbour Post YouTube Channel for all of the latest videos!"
    german = (
        "Der Stadtrat hat die neuen Busspuren am Dienstag nach einer langen Debatte über"
        " das Parken am Hafen beschlossen."
    )
    article = newsclean.clean(f"{german}\n\n{call}", title="Busspuren", language="de")
    assert article.paragraphs == (german, call)


@pytest.mark.parametrize(
    ("text", "calls"),
    [
        (
            f"{PROSE} Follow us on Twitter @courier. The vote was close.",
            [" Follow us on Twitter @courier."],
        ),
        (
            f"Get the latest updates right in your inbox. {PROSE}",
            ["Get the latest updates right in your inbox. "],
        ),
        (
            f"{PROSE} Subscribe to the Morning Review newsletter!",
            [" Subscribe to the Morning Review newsletter!"],
        ),
        # Prose beside the same words: no own channel, a quotation, reported speech.
        (f"{PROSE} Download the app before you travel.", []),
        ("CLICK HERE TO GET THE COURIER APP “Can I give it to James?” she asked.", []),
        (f"{PROSE} Follow us on Twitter, the mayor said.", []),
        (f"{PROSE} Subscribers to our newsletter fell by half.", []),
    ],
)
def test_call_sentences_inside_prose(text: str, calls: list[str]) -> None:
    found = [(text[start:end], whole) for start, end, whole in find_calls(text)]
    assert found == [(call, False) for call in calls]


def test_clean_drops_a_call_sentence_and_keeps_the_rest_of_the_paragraph() -> None:
    text = f"{PROSE} Follow us on Twitter @courier. The vote was close.\n\nMore prose follows here."
    article = newsclean.clean(text, title="Bus lanes approved", language="en")
    assert article.paragraphs == (f"{PROSE} The vote was close.", "More prose follows here.")
    assert [(c.pass_name, c.reason, c.removed) for c in article.changes] == [
        (
            "strip_calls_to_action",
            "call to action in a paragraph",
            " Follow us on Twitter @courier.",
        )
    ]
