"""Calls to action told by their shape (newsclean.calls), and prose beside them that stays."""

from __future__ import annotations

import time

import pytest

import newsclean
from invariants import check_invariants
from newsclean.calls import find_calls, is_call_paragraph

PROSE = (
    "The council approved the new bus lanes on Tuesday after a long debate about parking"
    " on the waterfront."
)

CALLS = [
    "Get our weekly California Inc. newsletter",
    "Like us on Facebook to see similar stories",
    "Want more deals? Join our Deals Newsletter.",
    "Subscribe to our newsletter! Follow us on Instagram.",
    "Please sign up for our e-mail alerts",
    "Listen to our podcast on Spotify and Apple.",
    "Find us on Facebook",
]

#: Prose with some of the signals, from a review of the first version of the rule.
PROSE_LIKE = [
    "Follow the migrants across the Channel.",
    "Listen to Channel 4's new podcast.",
    "Tap water in the city is safe, officials wrote on Twitter.",
    "Download speeds on the new app are twice as fast.",
    "Get out and vote, the mayor urged residents on Facebook.",
    "Follow the Money is a Danish thriller now on the Netflix app.",
    "Click the three dots at the top of the Facebook app.",
    "Follow these steps to clear your inbox.",
    "Get rid of spam in your inbox.",
    "Why did he leave? Follow the thread on Twitter.",
    "Follow your council on Facebook.",
    "Join our campaign on Facebook, the senator wrote.",
    "Follow the money: how TikTok makes billions",
    "Subscribers to our newsletter fell by half last year.",
    "Download the app before you travel. The border opens at six.",
    "Download the app before you board, the airline says.",  # a lexicon call phrase
]

#: Paragraphs whose sentences must all stay, though one looks like a call.
SENTENCES_THAT_STAY = [
    "Users were furious. Follow-up posts on Twitter were deleted.",
    "He posted the video. Like us, he had no idea it would go viral on TikTok.",
    "Protesters gathered. Join them, the organizers wrote on Telegram.",
    "The storm is expected Friday. Follow the National Weather Service on Twitter.",
    "How to stay safe: 1. Follow us on Twitter. 2. Stay indoors.",
    "It was late. “Follow us on Twitter,” she said.",
]


@pytest.mark.parametrize("call", CALLS)
def test_calls_in_many_wordings_are_calls(call: str) -> None:
    assert is_call_paragraph(call)


@pytest.mark.parametrize("line", PROSE_LIKE)
def test_prose_with_some_of_the_signals_is_not(line: str) -> None:
    assert not is_call_paragraph(line)
    assert list(find_calls(line)) == []


@pytest.mark.parametrize("paragraph", SENTENCES_THAT_STAY)
def test_no_sentence_is_cut_out_of_these(paragraph: str) -> None:
    assert list(find_calls(paragraph)) == []


def test_find_calls_gives_whole_lines_and_sentences_in_order() -> None:
    text = (
        f"{PROSE}\n\n{CALLS[2]}\n\n  {CALLS[6]}  \n\n"
        f"{PROSE} Follow us on Twitter @courier. Like us on Facebook! The vote was close."
    )
    found = [(text[start:end], whole) for start, end, whole in find_calls(text)]
    assert found == [
        (CALLS[2], True),
        (CALLS[6], True),
        (" Follow us on Twitter @courier.", False),
        (" Like us on Facebook!", False),
    ]


def test_clean_drops_the_calls_and_keeps_the_prose_beside_them() -> None:
    text = "\n\n".join([PROSE, *CALLS, *PROSE_LIKE, *SENTENCES_THAT_STAY])
    article = newsclean.clean(text, title="Bus lanes approved", language="en")
    assert article.paragraphs == (PROSE, *PROSE_LIKE, *SENTENCES_THAT_STAY)
    assert {(c.pass_name, c.reason) for c in article.changes} == {
        ("strip_calls_to_action", "call to action")
    }
    check_invariants(article)


def test_clean_drops_call_sentences_and_keeps_the_rest_of_the_paragraph() -> None:
    text = (
        "The agency said the road was closed. Follow us on Twitter. Subscribe to our"
        " newsletter! Police said the road would reopen.\n\nMore prose follows here."
    )
    article = newsclean.clean(text, title="Road closed", language="en")
    assert article.paragraphs == (
        "The agency said the road was closed. Police said the road would reopen.",
        "More prose follows here.",
    )
    assert [(c.reason, c.removed) for c in article.changes] == [
        ("call to action in a paragraph", " Follow us on Twitter."),
        ("call to action in a paragraph", " Subscribe to our newsletter!"),
    ]
    check_invariants(article)


def test_calls_are_english_only() -> None:
    call = "Subscribe to our YouTube Channel for all of the latest videos!"
    german = (
        "Der Stadtrat hat die neuen Busspuren am Dienstag nach einer langen Debatte über"
        " das Parken am Hafen beschlossen."
    )
    article = newsclean.clean(f"{german}\n\n{call}", title="Busspuren", language="de")
    assert article.paragraphs == (german, call)


@pytest.mark.parametrize(
    "piece", ["x. Follow ", "Done. Follow us on Twitter. ", "Subscribe to our newsletter. "]
)
def test_one_long_line_takes_linear_time(piece: str) -> None:
    def seconds(size: int) -> float:
        text = piece * (size // len(piece))
        start = time.process_time()
        list(find_calls(text))
        return time.process_time() - start

    small, large = seconds(50_000), seconds(500_000)
    assert large < 40 * max(small, 1e-3), (small, large)
