"""Page structure: headings of every shape, the real title, plain lists, noise, FAQ answers."""

from __future__ import annotations

from questions.document import Document, build_document
from questions.lines import classify
from questions.normalise import canonical_text, hinted_lines
from questions.pipeline import analyse


def read(raw: str, fmt: str = "txt") -> Document:
    hinted = hinted_lines(raw, fmt)
    return build_document(canonical_text(hinted), classify(hinted))


def kinds(doc: Document) -> list[tuple[str, int, str]]:
    return [(line.kind, line.level, line.text) for line in doc.lines]


def outline(doc: Document) -> list[tuple[str, int, str]]:
    """Each section: its name, level and its parent's name."""
    return [
        (s.name, s.level, doc.sections[s.parent].name if s.parent is not None else "")
        for s in doc.sections
    ]


FAQ_PAGE = """SLEEP BASICS

What is sleep?

Sleep is a state of rest that the body needs every night to recover.

Dreams

Most dreams happen in the stage of sleep with rapid eye movements.

STAGES OF SLEEP

Sleep has four stages that repeat through the night in cycles.

How much sleep do adults need?

How much sleep do adults need? Adults need seven to nine hours of sleep each night.
"""


def test_short_upper_case_and_question_headings_nest_by_style() -> None:
    doc = read(FAQ_PAGE)
    assert doc.title == "Sleep Basics"  # a title in capitals takes the case of its words
    assert [k for k in kinds(doc) if k[0] != "paragraph"] == [
        ("title", 0, "SLEEP BASICS"),
        ("heading", 3, "What is sleep?"),
        ("heading", 4, "Dreams"),
        ("heading", 2, "STAGES OF SLEEP"),
        ("heading", 3, "How much sleep do adults need?"),
    ]
    assert outline(doc) == [
        ("Introduction", 0, ""),
        ("What is sleep?", 3, "Introduction"),
        ("Dreams", 4, "What is sleep?"),
        ("STAGES OF SLEEP", 2, "Introduction"),
        ("How much sleep do adults need?", 3, "STAGES OF SLEEP"),
    ]


def test_a_faq_answer_that_repeats_its_question_starts_after_the_repeat() -> None:
    analysis = analyse(FAQ_PAGE, "txt")
    last = analysis.doc.sections[-1].index
    texts = [u.sentence.text for u in analysis.doc.units if u.section == last]
    assert texts == [
        "How much sleep do adults need?",  # the heading itself
        "Adults need seven to nine hours of sleep each night.",
    ]
    qa = [(f.subject, f.answer) for f in analysis.facts if f.kind == "qa"]
    assert qa == [
        ("What is sleep?", "Sleep is a state of rest that the body needs every night to recover"),
        ("How much sleep do adults need?", "Adults need seven to nine hours of sleep each night"),
    ]


LEAD_MD = """CHLOROPHYLL (also CHLOROPHYL) is a green pigment found in plants.[1] \
Chlorophyll absorbs blue light.


History

Chlorophyll was first isolated in 1817.[2][edit]

Structure

atrophy of type II fibers]] Each molecule holds one magnesium atom at its centre (Figure 3).


Uses

Chlorophyll colours food.

Figure 4. Chlorophyll in a leaf.


References

[1] Smith J. Pigments. Retrieved on 2012-04-15.

Category:Pigments
"""


def test_markdown_without_hash_headings_reads_like_plain_text_with_the_lead_as_title() -> None:
    doc = read(LEAD_MD, "md")
    assert doc.title == "Chlorophyll"  # the lead names its topic: "Chlorophyll (…) is a …"
    assert outline(doc) == [
        ("Introduction", 0, ""),
        ("History", 2, "Introduction"),  # after two blank lines: top level
        ("Structure", 3, "History"),
        ("Uses", 2, "Introduction"),
    ]


def test_citations_captions_and_references_never_reach_the_prose() -> None:
    doc = read(LEAD_MD, "md")
    prose = [text for kind, _, text in kinds(doc) if kind == "paragraph"]
    assert prose == [
        # the lead's capitals take the case the article writes the word in elsewhere
        "Chlorophyll (also CHLOROPHYL) is a green pigment found in plants. "
        "Chlorophyll absorbs blue light.",
        "Chlorophyll was first isolated in 1817.",
        "Each molecule holds one magnesium atom at its centre.",
        "Chlorophyll colours food.",
    ]
    noise = [text for kind, _, text in kinds(doc) if kind == "noise"]
    assert noise == [
        "Figure 4. Chlorophyll in a leaf.",
        "References",
        "Smith J. Pigments. Retrieved on 2012-04-15.",
        "Category:Pigments",
    ]


def test_a_run_of_capitals_in_prose_is_recased_but_acronyms_and_headings_stay() -> None:
    raw = (
        "MOTOR NEURON DISEASES (MNDS) affect motor neurons.\n\nSTAGES\n\n"
        "Some MNDs are inherited. Motor neurons die in NONFLUORESCENT CATABOLITE DISEASE.\n\n"
        "Motor neurons and MNDs are studied by the WHO.\n"
    )
    assert [line.text for line in hinted_lines(raw, "txt") if line.text] == [
        "Motor neuron diseases (MNDs) affect motor neurons.",
        "STAGES",
        "Some MNDs are inherited. Motor neurons die in nonfluorescent catabolite disease.",
        "Motor neurons and MNDs are studied by the WHO.",
    ]


def test_a_textbook_section_number_is_not_part_of_the_title() -> None:
    assert read("26.3 Electrolyte Balance\n\nThe body keeps its ions in balance.\n").title == (
        "Electrolyte Balance"
    )


def test_the_markdown_title_is_the_first_hash_heading_not_a_later_one() -> None:
    doc = read(
        "Intro words here.\n\n# Hypoglycemia\n\n## History\n\nLow sugar was named in 1924.\n", "md"
    )
    assert doc.title == "Hypoglycemia"
    doc = read("# Hypoglycemia\n\n## History\n\nLow sugar was described long ago.\n", "md")
    assert doc.title == "Hypoglycemia"
    assert outline(doc)[1:] == [("History", 2, "Introduction")]


PLAIN_LIST = """Restless legs

Typical movements are:

Pacing and walking

Jiggling the legs

Rubbing the legs

Unpleasant Feelings

People with the condition describe the feelings as creeping, crawling or pulling in the legs.

Certain medicines may trigger it. These include some:

Antidepressants (used to treat depression)

Antipsychotics (used to treat mental health disorders)

Symptoms usually get better if the medicine is stopped.
"""


def test_plain_lines_after_a_colon_are_list_items_until_the_list_ends() -> None:
    assert kinds(read(PLAIN_LIST))[1:] == [
        ("lead_in", 0, "Typical movements are:"),
        ("list_item", 0, "Pacing and walking"),
        ("list_item", 0, "Jiggling the legs"),
        ("list_item", 0, "Rubbing the legs"),
        ("heading", 2, "Unpleasant Feelings"),  # capitalised and followed by prose
        (
            "paragraph",
            0,
            "People with the condition describe the feelings as creeping, crawling or pulling "
            "in the legs.",
        ),
        ("lead_in", 0, "Certain medicines may trigger it. These include some:"),
        ("list_item", 0, "Antidepressants (used to treat depression)"),
        ("list_item", 0, "Antipsychotics (used to treat mental health disorders)"),
        # a full sentence after items without a full stop: the list has ended
        ("paragraph", 0, "Symptoms usually get better if the medicine is stopped."),
    ]


def test_a_related_heading_followed_by_prose_is_a_heading_not_a_noise_tail() -> None:
    raw = (
        "Sleep\n\nSleep restores the body and the mind every night.\n\nRelated Sleep Problems\n\n"
        "Many people who sleep badly also feel tired and irritable during the following day.\n"
    )
    assert ("heading", 2, "Related Sleep Problems") in kinds(read(raw))


def test_lone_bullets_share_lines_and_html_pages_keep_their_structure() -> None:
    doc = read("Lice\n\nMedicines:\n\n-\nPermethrin lotion, 1%;\nIt kills live lice.\n")
    assert kinds(doc)[2:] == [
        ("noise", 0, "-"),
        ("list_item", 0, "Permethrin lotion, 1%;"),
        ("paragraph", 0, "It kills live lice."),
    ]
    html = (
        "<html><head><title>Coffee | Site</title></head><body><nav><a>Home</a></nav>"
        "<h1>Coffee</h1><p>Coffee is a drink made from roasted beans.</p>"
        "<figure><img src=x><figcaption>A cup of coffee.</figcaption></figure>"
        "<h2>Growing</h2><p>Coffee grows in the tropics.</p>"
        "<h3>Arabica</h3><p>Arabica grows high up.</p></body></html>"
    )
    doc = read(html, "html")
    assert doc.title == "Coffee"
    assert ("noise", 0, "A cup of coffee.") in kinds(doc)
    assert outline(doc)[1:] == [("Growing", 2, "Introduction"), ("Arabica", 3, "Growing")]


def test_every_unit_points_at_its_text_in_the_canonical_text() -> None:
    for raw, fmt in ((FAQ_PAGE, "txt"), (LEAD_MD, "md"), (PLAIN_LIST, "txt")):
        doc = analyse(raw, fmt).doc
        assert doc.units
        for unit in doc.units:
            assert doc.text[unit.sentence.start : unit.sentence.end] == unit.sentence.text
            assert doc.text[unit.line.start : unit.line.end] == unit.line.text


IONS = """Electrolytes

Roles of Electrolytes

These six ions aid nerve excitability and the movement of fluids.

Sodium

Sodium is the major cation of the extracellular fluid.

Potassium

Potassium is the major intracellular cation.

Chloride

Chloride is the predominant extracellular anion.
"""


def test_sibling_headings_that_their_sections_name_are_one_entity_group() -> None:
    doc = read(IONS)
    named = sorted((e.name, e.group) for e in doc.entities.values())
    # "Roles of Electrolytes" is a topic: its section never names it
    assert named == [
        ("Chloride", "0:Introduction"),
        ("Potassium", "0:Introduction"),
        ("Sodium", "0:Introduction"),
    ]


def test_items_of_a_see_list_are_references_and_nested_bullets_lose_every_bullet() -> None:
    raw = (
        "# Chlorophyll\n\nChlorophyll was first isolated in 1817. See:\n\n"
        "-   -   Pelletier and Caventou (1817) Notice sur la matière verte.\n\n"
        "Its magnesium was found in 1906.\n\nIt has uses:\n\n-   -   Food colouring\n"
    )
    assert kinds(read(raw, "md"))[1:] == [
        ("lead_in", 0, "Chlorophyll was first isolated in 1817. See:"),
        ("noise", 0, "Pelletier and Caventou (1817) Notice sur la matière verte."),
        ("paragraph", 0, "Its magnesium was found in 1906."),
        ("lead_in", 0, "It has uses:"),
        ("list_item", 0, "Food colouring"),
    ]


def test_a_faq_answer_that_only_announces_a_list_is_no_answer() -> None:
    raw = (
        "Sleep\n\nWhat is (are) insomnia ?\n\nInsomnia is trouble falling or staying asleep.\n\n"
        "What are the signs of insomnia?\n\nThe three key signs of insomnia are:\n\n"
        "- Waking up too early\n- Feeling tired during the day\n- Lying awake at night\n"
    )
    analysis = analyse(raw, "txt")
    assert [(f.subject, f.answer) for f in analysis.facts if f.kind == "qa"] == [
        ("What is insomnia?", "Insomnia is trouble falling or staying asleep"),
    ]


BYLINES_AND_NAVIGATION = [
    "By Jane Smith, MD",
    "Medically reviewed by Dr. Anna Lee, MD",
    "Home > Health > Sleep",
    "Home » Conditions » Sleep",
    "Facebook Twitter LinkedIn",
    "Print this page",
    "Was this page helpful?",
    "Last reviewed: March 2024",
    "Image credit: NASA",
    "^ a b Smith 2010",
    "*Use of trade names is for identification purposes only and does not imply endorsement.",
]


def test_bylines_navigation_share_and_page_furniture_are_noise() -> None:
    raw = "Sleep\n\n" + "\n\n".join(BYLINES_AND_NAVIGATION) + "\n\nSleep restores the body.\n"
    assert [(k, t) for k, _, t in kinds(read(raw)) if k != "noise"] == [
        ("title", "Sleep"),
        ("paragraph", "Sleep restores the body."),
    ]
    prose = ["By contrast, the test is usually normal.", "Home remedies ease a mild cold."]
    assert [kind for kind, _, _ in kinds(read("Colds\n\n" + "\n\n".join(prose)))][1:] == [
        "paragraph",
        "paragraph",
    ]


def test_footnote_marks_of_plain_text_are_dropped_but_arithmetic_stays() -> None:
    doc = read("Lice\n\nProducts include Rid*, Nix* and A–200*.\n\nNote that 2*3 is six.\n")
    assert [t for k, _, t in kinds(doc) if k == "paragraph"] == [
        "Products include Rid, Nix and A–200.",
        "Note that 2*3 is six.",
    ]


def test_a_question_alone_in_a_markdown_or_html_paragraph_heads_its_answer() -> None:
    md = (
        "# Sleep\n\n## Common questions\n\nHow much sleep do adults need?\n\n"
        "Adults need seven to nine hours.\n\nWhat is REM sleep?\n\n"
        "REM sleep is the stage with rapid eye movements.\n"
    )
    html = (
        "<h1>Sleep</h1><h2>Common questions</h2><p><strong>How much sleep do adults need?"
        "</strong></p><p>Adults need seven to nine hours.</p><p>What is REM sleep?</p>"
        "<p>REM sleep is the stage with rapid eye movements.</p>"
    )
    for raw, fmt in ((md, "md"), (html, "html")):
        assert outline(read(raw, fmt))[1:] == [
            ("Common questions", 2, "Introduction"),
            ("How much sleep do adults need?", 6, "Common questions"),
            ("What is REM sleep?", 6, "Common questions"),
        ]


def test_q_and_a_labels_are_dropped_and_the_pair_becomes_a_faq_section() -> None:
    raw = (
        "Sleep questions\n\nQ: How much sleep do adults need?\n\n"
        "A: Seven to nine hours a night.\n\n"
        "Q: Is napping bad?\n\nA: Short naps help most adults.\n\nA: grade means excellent.\n"
    )
    assert kinds(read(raw))[1:] == [
        ("heading", 2, "How much sleep do adults need?"),
        ("paragraph", 0, "Seven to nine hours a night."),
        ("heading", 2, "Is napping bad?"),
        ("paragraph", 0, "Short naps help most adults."),
        ("paragraph", 0, "A: grade means excellent."),  # no question before it: not a label
    ]


def test_pandoc_superscripts_become_unicode_superscripts() -> None:
    doc = read("Leaves\n\nLeaves hold 41 mg m^(−2) of chlorophyll and 2^(10) cells.\n")
    assert doc.lines[1].text == "Leaves hold 41 mg m⁻² of chlorophyll and 2¹⁰ cells."
