"""Each extractor on small real sentences, hard cases included (real model, no mocks)."""
from __future__ import annotations

import pytest

from generator.article import Article
from generator.extract.quotes import find_quote_spans


def brief(extractor, body: str, title: str = "Headline"):
    text = f"{title}\n\n{body}\n"
    article = Article(path="seeds/t.txt", slug="t", title=title, text=text, body=text,
                      sha256="0" * 64, headline=(0, len(title)))
    return extractor.extract(article)


def actor(b, name):
    return next((a for a in b.actors if a.name == name), None)


# --- actors -------------------------------------------------------------------------

def test_person_aliases_merge_and_role_is_kept(extractor):
    b = brief(extractor, "Russian President Vladimir Putin met officials in Moscow on Monday. "
                         "Putin said the talks were useful.")
    putin = actor(b, "Vladimir Putin")
    assert putin is not None and putin.type == "person"
    assert putin.mentions == 2
    assert "President" in putin.role
    assert not [a for a in b.actors if a.name == "Putin"]


def test_acronym_and_misspelt_long_form_are_one_known_actor(extractor):
    b = brief(extractor, "An Iranian Islamic Republican Guards Corp force entered Syria. "
                         "The IRGC sent hundreds of soldiers.")
    irgc = actor(b, "Islamic Revolutionary Guard Corps")
    assert irgc is not None and irgc.mentions == 2
    assert {"IRGC", "Islamic Republican Guards Corp"} <= set(irgc.aliases)


def test_demonyms_and_dates_are_not_actors(extractor):
    b = brief(extractor, "Syrian officials said on Thursday that Iranian advisers had arrived.")
    names = {a.name for a in b.actors}
    assert not names & {"Syrian", "Iranian", "Thursday"}


def test_a_country_that_acts_is_a_state_actor_and_a_place_where_named_as_one(extractor):
    b = brief(extractor, "Turkey launched a military offensive into Syria on Wednesday.")
    turkey = actor(b, "Turkey")
    assert turkey is not None and turkey.type == "state"
    assert any(loc.name == "Syria" and loc.country == "SY" for loc in b.locations)


# --- locations ----------------------------------------------------------------------

def test_damascus_is_resolved_in_syria_not_oregon(extractor):
    b = brief(extractor, "Rebels advanced towards Damascus, the Syrian capital, as fighting "
                         "spread across Syria.")
    damascus = next(loc for loc in b.locations if loc.name == "Damascus")
    assert damascus.country == "SY"
    assert abs(damascus.lat - 33.5) < 0.3 and abs(damascus.lon - 36.3) < 0.3


def test_a_place_after_a_preposition_is_found_even_when_the_model_misses_it(extractor):
    b = brief(extractor, "Hezbollah is struggling to make gains in Zabadani, the source said.")
    assert any(loc.name == "Zabadani" and loc.country == "SY" for loc in b.locations)


# --- quotes -------------------------------------------------------------------------

def test_quotation_marks_straight_curly_and_over_a_paragraph_break():
    text = ('He said "one two three four" and then: “five six\n'
            'seven eight,” he added. She called it a “new development”.')
    quotes = [text[q.start:q.end] for q in find_quote_spans(text)]
    assert quotes == ["one two three four", "five six\nseven eight,", "new development"]


def test_speaker_through_pronoun_and_description(extractor):
    b = brief(extractor, "A senior security source said on Thursday that forces had arrived. "
                         "He described the deployment as a “new development,” the source said.\n"
                         "“The Russian interest is to save the regime,” he said.")
    assert [q.text for q in b.quotes] == ["new development", "The Russian interest is to save the regime"]
    assert all(q.speaker == "senior security source" for q in b.quotes)


def test_inverted_attribution_resolves_a_surname(extractor):
    b = brief(extractor, "Sharif Hotak, of the provincial council, visited the hospital. "
                         "\"The explosion was very powerful,\" said Hotak.")
    assert b.quotes and b.quotes[0].speaker == "Sharif Hotak"
    assert b.quotes[0].cue == "said"


def test_a_single_scare_quoted_word_is_not_a_quote(extractor):
    b = brief(extractor, "The so-called \"experts\" met in the capital on Monday to discuss trade.")
    assert b.quotes == []


# --- threats ------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, category, severity", [
    ("ISIS is threatening to take Damascus.", "threat or warning", "high"),
    ("Rebels launched a new offensive and seized the key northwestern city of Idlib.", "armed assault", "high"),
    ("A car bomb killed twelve soldiers at a base in Ghazni.", "bombing", "high"),
    ("Russian military forces began to enter Syria to set up air strike capabilities.",
     "air/drone strike", "medium"),
    ("ISIS elements have already infiltrated Damascus itself.", "infiltration", "medium"),
    ("The minister warned that the fighting would continue.", "armed assault", "low"),
])
def test_threat_category_and_severity_rule(extractor, sentence, category, severity):
    b = brief(extractor, sentence)
    threats = [t for t in b.threats if t.evidence[0].text.startswith(sentence[:20])]
    assert threats, b.threats
    assert (threats[0].category, threats[0].severity) == (category, severity)


def test_threat_actor_and_target(extractor):
    b = brief(extractor, "ISIS is making gains in Palmyra and is now better positioned to "
                         "mount an assault on Damascus, according to the source.")
    t = b.threats[0]
    assert t.actor == "ISIS"
    assert t.target in ("Palmyra", "Damascus")


def only_threat(b, start: str):
    found = [t for t in b.threats if t.evidence[0].text.startswith(start)]
    assert len(found) == 1, b.threats
    return found[0]


def test_the_one_killed_is_the_target_and_the_one_after_by_the_actor(extractor):
    b = brief(extractor, "Provincial police chief Abdul Raziq was killed by the Taliban in Kandahar.")
    t = only_threat(b, "Provincial police chief")
    assert (t.actor, t.target) == ("Taliban", "Abdul Raziq")


def test_a_victim_named_as_agent_of_a_non_violent_verb_is_still_no_actor(extractor):
    b = brief(extractor, "The United States launched an airstrike on Baghdad airport. Soleimani was met "
                         "there by Abu Mahdi al-Muhandis, who was also killed in the strike.")
    t = only_threat(b, "Soleimani was met")
    assert t.target == "Abu Mahdi al-Muhandis"
    assert t.actor == "United States"          # the story's aggressor, not the man killed


def test_the_one_blamed_is_the_actor(extractor):
    t = only_threat(brief(extractor, "Israel blamed Hezbollah for the rocket attack on Haifa."), "Israel blamed")
    assert (t.actor, t.target) == ("Hezbollah", "Haifa")


def test_unnamed_forces_are_tied_to_the_body_the_article_names(extractor):
    b = brief(extractor, "The Metropolitan Police said a man had stabbed two people in Leeds. "
                         "Officers fired at the man after he stabbed two people in Leeds.")
    assert only_threat(b, "Officers fired").actor == "Metropolitan Police"
    b = brief(extractor, "Syrian government forces began deploying into areas held by the Syrian Democratic "
                         "Forces. The Syrian Army said the move would protect Manbij.")
    assert only_threat(b, "Syrian government forces").actor == "Syrian Army"


def test_those_who_suffer_losses_are_the_target(extractor):
    t = only_threat(brief(extractor, "Ukrainian troops suffered heavy casualties near Bakhmut."), "Ukrainian")
    assert t.target == "Ukraine" and t.actor != "Ukraine"


def test_statements_joined_by_a_semicolon_are_separate_threats(extractor):
    b = brief(extractor, "Iran sent troops to Syria; ISIS is threatening to take Damascus.")
    assert [(t.actor, t.target) for t in b.threats] == [("Iran", "Syria"), ("ISIS", "Damascus")]


def test_a_headline_is_one_sentence(extractor):
    b = brief(extractor, "The strike was approved by the president.",
              title="United States military kills Qasem Soleimani")
    assert only_threat(b, "United States military kills").target == "Qasem Soleimani"


def test_a_capital_is_a_place_wherever_it_stands_but_not_in_a_persons_name(extractor):
    b = brief(extractor, "Al-Shabaab claimed the attack. Mogadishu was the target of a car bomb that killed "
                         "20 people.")
    assert only_threat(b, "Mogadishu was").target == "Mogadishu"
    b = brief(extractor, "The attacker, Sudesh Amman, was shot by police. Amman had been released from prison.")
    assert [loc.name for loc in b.locations] == []


def test_later_mentions_of_a_place_count(extractor):
    b = brief(extractor, "A bomb exploded in Ghazni on Monday. The Ghazni car bombing killed five people.")
    assert next(loc for loc in b.locations if loc.name == "Ghazni").mentions == 2


def test_sentences_without_violence_are_not_threats(extractor):
    b = brief(extractor, "The minister opened a new school in Kabul on Monday.")
    assert b.threats == []


def test_summary_has_three_to_five_points_from_the_text(extractor):
    body = " ".join(f"Sentence number {i} tells that Turkish troops entered the town of Afrin today." for i in range(8))
    b = brief(extractor, body)
    assert 3 <= len(b.summary) <= 5
    assert all(point in body for point in b.summary)


# --- long articles ------------------------------------------------------------------

def test_a_long_article_is_parsed_in_pieces_that_give_back_its_text_and_offsets(extractor):
    from generator.extract.nlp import PIECE_CHARS, _pieces, parse
    paragraph = "Turkish troops entered the town of Afrin on Sunday, the ministry said.\n\n"
    text = "Headline\n\n" + paragraph * (3 * PIECE_CHARS // len(paragraph)) + "The Taliban attacked Ghazni.\n"
    pieces = _pieces(text)
    assert len(pieces) >= 3 and "".join(pieces) == text
    assert all(len(p) <= PIECE_CHARS for p in pieces)
    doc = next(parse(extractor.nlp, [text]))
    assert doc.text == text
    taliban = [e for e in doc.ents if e.text == "Taliban"]
    assert taliban and text[taliban[-1].start_char:taliban[-1].end_char] == "Taliban"
    assert all("\n\n" not in s.text.strip() for s in doc.sents)
