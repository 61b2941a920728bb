"""Each pass: what it removes, and the prose next to it that must survive."""

from __future__ import annotations

import pytest

import newsclean
from invariants import check_invariants
from newsclean import Pipeline
from newsclean.lexicon import Lexicon
from newsclean.passes import extract_headline, strip_cruft_lines, strip_injected_phrases

BODY = "The council met on Tuesday evening to discuss the budget."


def only(*names: str) -> Pipeline:
    pipeline = Pipeline.default()
    for name in pipeline.names:
        if name not in names:
            pipeline = pipeline.disable(name)
    return pipeline


# normalize_whitespace -------------------------------------------------------


def test_whitespace_lines_go_and_paragraphs_get_one_blank_line() -> None:
    text = (
        "\ufeff\u00a0 First line\u00a0\n\u00a0\n\t\n\u200b\n"
        "Second\u00a0\u00a0line\r\nThird  line \n\n\n"
    )
    article = only("normalize_whitespace").run(text)
    assert article.paragraphs == ("First line", "Second line", "Third line")


def test_zero_width_space_inside_a_word_is_deleted_but_joiners_stay() -> None:
    text = "over\u200bwhelming and \u2060joined; कि\u200dसी and می\u200cخواهم stay"
    assert only("normalize_whitespace").run(text).text == (
        "overwhelming and joined; कि\u200dसी and می\u200cخواهم stay"
    )


def test_clean_text_gives_no_whitespace_change() -> None:
    text = "One paragraph.\n\nAnother one, with  \u00a0 spaces fixed already."
    fixed = only("normalize_whitespace").run(text).text
    assert only("normalize_whitespace").run(fixed).changes == ()


# extract_headline -------------------------------------------------------------


def test_headline_moves_to_title_and_repeats_go() -> None:
    text = (
        "Floods close 40 schools in the north\n\n"
        "FLOODS CLOSE 40 SCHOOLS IN THE NORTH | The Daily Star\n\n"
        "Floods close 40 schools in the north - The Daily Star\n\n"
        + "\n\n".join(f"{BODY} Part {n}." for n in range(6))
        + "\n\nfloods close 40 schools in the north"
    )
    article = only("extract_headline").run(text)
    assert article.title == "Floods close 40 schools in the north"
    assert article.paragraphs == tuple(f"{BODY} Part {n}." for n in range(6))
    assert [c.reason for c in article.changes] == [
        "the headline, moved to title",
        "repeat of the headline",
        "repeat of the headline",
        "repeat of the headline at the end",
    ]


def test_text_starting_with_a_sentence_gets_no_title() -> None:
    text = f"{BODY}\n\nThe mayor said the plan was fair."
    article = only("extract_headline").run(text)
    assert article.title is None
    assert article.paragraphs == (BODY, "The mayor said the plan was fair.")


@pytest.mark.parametrize(
    "first",
    [
        "Key points:",  # ends like a label
        "Yes",  # one word
        "He said the vote would go ahead as planned on Friday, despite strong objections "
        "from several councillors and residents of the eastern wards",  # too long
    ],
)
def test_first_lines_that_are_not_headlines_stay(first: str) -> None:
    article = only("extract_headline").run(f"{first}\n\n{BODY}")
    assert (article.title, article.paragraphs) == (None, (first, BODY))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Hong Kong (CNN Business)", BODY),  # a dateline
        ("WASHINGTON (Reuters)", BODY),
        ("Markets were mixed in early trading on Tuesday after", "CNBC reported"),  # half
        ("The price of the new console fell to the level of", "Black Friday deals."),
        ("Wireless controller in Crystal for $39.99", BODY),  # a deal in a list
        ("Running speed can be raised with console codes", "- player.setav speedmult 100"),
        ("Was tun bei Hitze", "• Viel trinken"),  # over a list
    ],
)
def test_first_lines_that_stand_apart_from_a_headline_stay(first: str, second: str) -> None:
    article = only("extract_headline").run(f"{first}\n\n{second}\n\n{BODY}")
    assert (article.title, article.paragraphs) == (None, (first, second, BODY))


@pytest.mark.parametrize(
    "headline",
    [
        "Hong Kong chaos: China deploys troops (and warns the city)",
        "Markets rally after the Fed holds rates",
        "Console prices fall by 20% before Black Friday",
        "Apple cuts the price of the iPad to $299 in Europe",
    ],
)
def test_headlines_close_to_those_shapes_are_still_taken(headline: str) -> None:
    article = only("extract_headline").run(f"{headline}\n\n{BODY}")
    assert (article.title, article.paragraphs) == (headline, (BODY,))


def test_given_title_is_used_and_its_repeat_removed() -> None:
    text = f"Budget approved after long debate\n\n{BODY}"
    article = newsclean.clean(text, title="Budget approved after long debate")
    assert (article.title, article.paragraphs) == ("Budget approved after long debate", (BODY,))
    assert article.changes[0].reason == "repeat of the headline"


def test_given_title_not_in_text_keeps_a_headline_like_first_line() -> None:
    article = newsclean.clean(f"Council meets tonight\n\n{BODY}", title="Budget approved")
    assert article.paragraphs == ("Council meets tonight", BODY)


def test_a_sentence_repeating_the_headline_words_deep_in_the_text_stays() -> None:
    paragraphs = [f"Paragraph {n} of the story goes on." for n in range(12)]
    text = "\n\n".join(["Budget approved", *paragraphs[:8], "Budget approved.", *paragraphs[8:]])
    article = only("extract_headline").run(text)
    assert "Budget approved." in article.paragraphs


LABEL = "Ride for 45 minutes at an easy pace"
SESSIONS = [
    "Flat route, cadence around 90 and heart rate in zone 2.",
    "Hill repeats: six climbs of three minutes, recovering on the way down.",
    "Group ride with two sprints, then a long cool-down.",
]


@pytest.mark.parametrize("notes", [0, 6])
def test_a_label_that_heads_each_section_is_not_the_headline(notes: int) -> None:
    # A training plan cut mid-page: it starts with a label that heads every day.
    # Short sections bring a copy within look_ahead, long ones put all copies further down.
    sections = [
        [LABEL, session, *(f"Note {n} for day {day}." for n in range(notes)), f"Day {day + 2}"]
        for day, session in enumerate(SESSIONS)
    ]
    paragraphs = (*[line for section in sections for line in section], "Rest.", "Stretch.")
    text = "\n\n".join(paragraphs)
    article = newsclean.clean(text)
    assert (article.title, article.paragraphs, article.changes) == (None, paragraphs, ())
    assert newsclean.clean(article.text).text == article.text


def test_one_of_a_series_of_parallel_labels_is_not_the_headline() -> None:
    # A meal plan cut mid-page: its labels end alike and start otherwise.
    paragraphs = (
        "Drink within 30 minutes after your workout",
        "Protein shake, 1 cup blueberries, 2 rice cakes, 1 tsp. nut butter",
        "Eat 1–2 hours after your workout",
        "Chicken, zucchini noodles, 1 tsp. sesame oil",
    )
    article = newsclean.clean("\n\n".join(paragraphs))
    assert (article.title, article.paragraphs) == (None, paragraphs)


@pytest.mark.parametrize(
    "below",
    [
        "Ferry trips to the islands cut for the winter",  # starts alike: a near repeat
        "Trains and buses to the islands are also cut for the winter.",  # a sentence
        "cut for the winter",  # a piece of the headline
    ],
)
def test_a_headline_whose_ending_recurs_in_other_lines_is_still_the_headline(below: str) -> None:
    text = "\n\n".join([HEADLINE, BODY, below, *STORY[:3]])
    assert only("extract_headline").run(text).title == HEADLINE


HEADLINE = "Ferry service to the islands cut for the winter"
STORY = [f"{BODY} Part {n}." for n in range(12)]


@pytest.mark.parametrize(
    "paragraphs",
    [
        [HEADLINE, HEADLINE, *STORY, HEADLINE],  # right below and at the end
        [HEADLINE, *STORY[:8], HEADLINE, *STORY[8:], HEADLINE],  # once in the middle, at the end
        [HEADLINE, *STORY[:8], HEADLINE, HEADLINE, *STORY[8:]],  # side by side: page data
    ],
)
def test_a_headline_repeated_below_or_at_the_end_is_still_the_headline(
    paragraphs: list[str],
) -> None:
    article = only("extract_headline").run("\n\n".join(paragraphs))
    assert article.title == HEADLINE
    assert article.changes[0].reason == "the headline, moved to title"
    assert set(STORY) <= set(article.paragraphs)


def test_headline_settings_are_checked() -> None:
    with pytest.raises(TypeError):
        extract_headline(look_ahead="6")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        extract_headline(look_behind=-1)


# strip_cruft_lines ------------------------------------------------------------

CRUFT = [
    ("Read More", "cruft: navigation label"),
    ("Read more »", "cruft: navigation label"),
    ("READ MORE...", "cruft: navigation label"),
    ("Latest news", "cruft: navigation label"),
    ("Related news", "cruft: navigation label"),
    ("ADVERTISEMENT", "cruft: navigation label"),
    ("Comments (12)", "cruft: navigation label"),
    ("• Share this article", "cruft: navigation label"),
    ("Story continues below advertisement", "cruft: navigation label"),
    ("Also Read: Gov’t ready to help firms working on vaccines", "cruft: link to another article"),
    ("ALSO READ | Rates rise again as inflation bites", "cruft: link to another article"),
    ("Related: What the new budget means for you?", "cruft: link to another article"),
    ("Watch – Floodwater sweeps through the town centre", "cruft: link to another article"),
    ("Follow us on Twitter and Facebook", "cruft: call to action"),
    ("Sign up for our newsletter to get the news first", "cruft: call to action"),
    ("Click here to read the full report", "cruft: call to action"),
    ("Privacy Policy", "cruft: navigation label"),
    ("* Terms of Use", "cruft: navigation label"),
    ("Published 11:11 PM EST Nov 19, 2019", "cruft: time stamp"),
    ("Posted on Monday, November 18, 2019 at 3:05 p.m.", "cruft: time stamp"),
    (
        "This website uses cookies to improve your experience. By continuing to browse the "
        "site you agree to our use of cookies.",
        "cruft: cookie notice",
    ),
]
PROSE = [
    "Read more carefully, the report says the council overspent.",
    "Read more: the report runs to 300 pages and the council has not published it.",
    "Latest news from the front suggests the army is retreating.",
    "Related news outlets carried the same figures on Monday.",
    "Advertisement revenue fell by 12 percent last year, the company said.",
    "Comments from the mayor drew criticism on Tuesday.",
    "Share this article's concerns? Many economists do.",
    "Also read with care: the small print says the offer ends on Friday.",
    "Follow us on this, the minister said: the plan has worked before, and it will work again "
    "if the council gives it the time and the money that it needs to succeed next year.",
    "Watch out for the new rules, which start in May.",
    "About 300 people attended the meeting on Tuesday.",
    "Privacy policy experts say the rules are too weak.",
    "Published on Nov 19, 2019, the report found that rents rose by a third.",
    "Updated 14:52",
    "We use cookies less than we did, the regulator said of the privacy settings.",
]


@pytest.mark.parametrize(("line", "reason"), CRUFT)
def test_cruft_line_goes_and_prose_beside_it_stays(line: str, reason: str) -> None:
    text = "\n\n".join([BODY, PROSE[0], line, PROSE[3]])
    article = only("normalize_whitespace", "strip_cruft_lines").run(text)
    assert article.paragraphs == (BODY, PROSE[0], PROSE[3])
    assert [(c.reason, c.removed.strip()) for c in article.changes] == [(reason, line)]


@pytest.mark.parametrize("line", PROSE)
def test_prose_that_starts_like_cruft_stays(line: str) -> None:
    text = f"{BODY}\n\n{line}\n\nRead More"
    assert only("strip_cruft_lines").run(text).paragraphs == (BODY, line)


def test_every_line_cruft_gives_an_empty_article() -> None:
    article = newsclean.clean("Read More\n\nLatest news\n\nRelated news\n\nAdvertisement")
    assert (article.title, article.text, article.paragraphs) == (None, "", ())
    assert len(article.changes) == 4


def test_site_lexicon_adds_its_own_labels() -> None:
    site = Lexicon("daily-sun", label=["Follow Daily Sun on Google News"])
    pipeline = Pipeline.default().replace("strip_cruft_lines", strip_cruft_lines(lexicons=[site]))
    text = f"{BODY}\n\nFollow Daily Sun on Google News\n\nRead More"
    assert pipeline.run(text).paragraphs == (BODY,)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"languages": "en"}, TypeError, "not the string 'en'"),
        ({"languages": ["zz"]}, ValueError, "No lexicon for language 'zz'. Available languages"),
        ({"languages": []}, ValueError, "needs at least one language or lexicon"),
        ({"max_call_words": 0}, ValueError, "max_call_words must be a positive int"),
    ],
)
def test_cruft_settings_are_checked_when_built(kwargs: dict, error: type, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(error, match=message):
        strip_cruft_lines(**kwargs)


# strip_injected_phrases ---------------------------------------------------------

TITLE = "Iran: The MEK’ Resilience Could be an Existential Threat to the Clerical Regime"


def test_title_fragment_after_final_punctuation_goes() -> None:
    text = f"They tried to destroy it in one fell swoop. Clerical Regime\n\n{BODY}"
    article = newsclean.clean(text, title=TITLE)
    assert article.paragraphs == ("They tried to destroy it in one fell swoop.", BODY)


def test_recurring_tail_goes_even_when_not_in_the_title() -> None:
    text = (
        "Prices rose in March. Markets Desk\n\nRates held in April. Markets Desk\n\n"
        "The bank said so. Thank you"
    )
    article = only("strip_injected_phrases").run(text)
    assert article.paragraphs == (
        "Prices rose in March.",
        "Rates held in April.",
        "The bank said so. Thank you",
    )
    assert {c.reason for c in article.changes} == {
        "injected phrase: the same tail ends 2 paragraphs"
    }


@pytest.mark.parametrize(
    "paragraph",
    [
        "The regime fell. Iran",  # a one-word title fragment is not enough
        "The regime fell. Clerical Regime leaders were arrested within days",  # too long
        "The regime fell. Construction starts in autumn",  # not in the title, once
        "The Clerical Regime has fallen",  # no sentence before it
    ],
)
def test_real_final_sentences_without_a_full_stop_stay(paragraph: str) -> None:
    article = newsclean.clean(f"{paragraph}\n\n{BODY}", title=TITLE)
    assert article.paragraphs == (paragraph, BODY)


def test_injected_settings_are_checked() -> None:
    with pytest.raises(ValueError):
        strip_injected_phrases(min_repeats=0)


def test_cruft_above_the_headline_goes_before_the_headline_is_chosen() -> None:
    text = f"Advertisement\n\nShare this article\n\nFloods close schools\n\n{BODY}"
    article = newsclean.clean(text)
    assert (article.title, article.paragraphs) == ("Floods close schools", (BODY,))


def test_a_link_shaped_first_line_is_taken_as_the_headline() -> None:
    text = f"Watch: Floodwater sweeps through the town centre\n\n{BODY}\n\nWatch: Storm damage"
    article = newsclean.clean(text)
    assert (article.title, article.paragraphs) == (
        "Watch: Floodwater sweeps through the town centre",
        (BODY,),
    )


@pytest.mark.parametrize(
    "text",
    [
        "Mix 2 tsp. water\n\nAdd 1 tbsp. water\n\nStir it all well.",  # abbreviations, lowercase
        "1. Define early retirement\n\n2. Define early retirement",  # list numbers
        "Add the flour (about 2 cups. Sift it) now\n\nThen more (1 oz. Sift it) too",
        "They met on Tuesday. and so on\n\nThey left on Friday. and so on",  # not label-shaped
    ],
)
def test_recurring_tails_that_are_not_glued_labels_stay(text: str) -> None:
    article = only("strip_injected_phrases").run(text)
    assert article.changes == ()


def test_title_fragment_after_a_list_number_stays() -> None:
    article = newsclean.clean(
        "1. Define early retirement\n\n" + BODY, title="How to define early retirement"
    )
    assert article.paragraphs == ("1. Define early retirement", BODY)


def test_a_glued_tail_does_not_change_which_line_is_the_headline() -> None:
    # Found by hypothesis: with " &" glued after two sentences, the lines below the
    # headline looked like a list of headlines until the tails were removed.
    line = "The council approved the budget on Tuesday after a long debate."
    page = f"Floods close schools in the north\n{line} &amp;\n{line} &amp;"
    article = newsclean.clean(page)
    assert (article.title, article.paragraphs) == (
        "Floods close schools in the north",
        (line, line),
    )


def test_a_paragraph_that_starts_with_the_headline_and_goes_on_stays() -> None:
    text = f"Markets rally\n\n{BODY}\n\nMarkets rally - but for how long?"
    assert newsclean.clean(text).paragraphs == (BODY, "Markets rally - but for how long?")


def test_a_tail_with_a_comma_is_not_an_injected_phrase() -> None:
    text = f"{BODY} Paris, France\n\nRates held in April as expected. Paris, France"
    assert only("strip_injected_phrases").run(text).changes == ()


@pytest.mark.parametrize(
    "text",
    [
        " Latest news \n \n  \n Latest news ",
        " Follow us on Twitter  \n \n  Latest news \n \nAlso Read: Rates rise  \n \n\tRead More ",
    ],
)
def test_cruft_lines_in_text_not_normalized_are_dropped_without_overlapping_edits(
    text: str,
) -> None:
    # Without normalize_whitespace, a dropped line's padding used to be taken twice.
    article = only("strip_cruft_lines").run(text)
    assert article.text == ""
    check_invariants(article)
