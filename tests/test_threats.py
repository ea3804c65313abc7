"""Threats as incidents, on real news sentences: grouping, ACLED types, parties, place,
date, tolls, severity rule and the BLUF (real model, no mocks)."""
from __future__ import annotations

from datetime import date

import pytest

from generator.article import Article
from generator.briefing import Threat
from generator.dates import display
from generator.extract.bluf import bluf
from generator.extract.casualties import arrested, injured, killed
from generator.extract.dates import event_date, publication_date
from generator.extract.incidents import severity
from generator.extract.nlp import parse
from generator.extract.roles import AGENT_BEFORE, is_act

from conftest import SHARED
from test_extract import brief


def actor_names(b) -> set[str]:
    return {a.name for a in b.actors}


def incident(b, sentence: str):
    """The incident whose evidence holds `sentence`."""
    found = [t for t in b.threats if any(sentence in e.text or e.text in sentence for e in t.evidence)]
    assert len(found) == 1, b.threats
    return found[0]


# --- incidents, not sentences -----------------------------------------------------------

def test_the_headline_the_lead_and_the_attack_later_are_one_bombing(extractor):
    b = brief(extractor, "A car bomb was on Monday rammed into a military base in Maidan Shahr. Dozens died in "
                         "the attack, reportedly conducted by the Taliban. The explosion was very powerful.",
              title="Car bomb ramming attack kills dozens at military base in Afghanistan")
    bombing = incident(b, "The explosion was very powerful")
    assert len(bombing.evidence) == 4 and len(b.threats) == 1
    assert bombing.category == "bombing" and bombing.actor == "Taliban"
    assert bombing.location == "Maidan Shahr"


def test_another_time_is_another_incident(extractor):
    b = brief(extractor, "A suicide bomber killed 12 people at a market in Kabul on Sunday. Last week a car "
                         "bombing in Ghazni killed five soldiers.")
    assert len(b.threats) == 2
    assert incident(b, "Last week").location == "Ghazni"


def test_statements_that_are_no_threat_are_not_listed(extractor):
    b = brief(extractor, "The minister opened a new school in Kabul on Monday. Peace talks with the Taliban "
                         "resumed in Doha.")
    assert b.threats == []


@pytest.mark.parametrize("sentence", [
    "Lead poisoning has taken the lives of at least 163 individuals in the northern Nigerian state of Zamfara.",
    "On Saturday, a few hundred people attended a party to fight off COVID-19.",
    "Three people were killed in the floods in Kenya on Monday.",
    "The Royal Canadian Mounted Police confirmed they seized the substance.",
    "Counter-terror police in the UK liaised with the FBI on the case.",
    "Armed plainclothes officers, surveilling him for counter-terrorism purposes, followed him home.",
    "The ministry suggested the driver lost control and left the road.",
    "Have there ever been critical bugs in the releases, or severe security breaches?",
    "Tamalt was convicted of insulting the president, a breach of the national Penal Code.",
    "The pageant presented a special tribute to the fight against AIDS.",
    "Mercury poisoning in humans, which can result from eating contaminated animals, leads to brain damage.",
])
def test_disease_disaster_pollution_seizures_lost_cars_and_breached_laws_are_no_threats(extractor, sentence):
    assert brief(extractor, sentence).threats == []


def test_radicalisation_is_a_danger_named_not_an_infiltration(extractor):
    b = brief(extractor, "It's not clear how Amman became radicalised but it is apparent from his messages that it "
                         "happened quickly.")
    assert [(t.category, t.severity) for t in b.threats] == [("threat or warning", "low")]


def test_ground_taken_is_territorial_and_arms_make_violence_whatever_else_is_named(extractor):
    taken = brief(extractor, "ISIS fighters captured the town of Tal Abyad on Monday.")
    assert [t.category for t in taken.threats] == ["territorial loss"]
    lost = brief(extractor, "The army lost control of the town of Palmyra on Wednesday.")
    assert [t.category for t in lost.threats] == ["territorial loss"]
    breached = brief(extractor, "Militants breached the perimeter of the air base before dawn.")
    assert [t.category for t in breached.threats] == ["infiltration"]
    shot = brief(extractor, "Gunmen shot dead three health workers at a cholera clinic in Kano.")
    assert shot.threats and shot.threats[0].category == "armed assault"


def test_a_trigger_that_only_qualifies_a_noun_is_no_act(extractor):
    b = brief(extractor, "Security source: Moscow setting up air strike capabilities.")
    assert all(t.category != "air/drone strike" for t in b.threats)


def test_an_act_the_text_only_threatens_is_a_threat(extractor):
    b = brief(extractor, "Mounting territorial losses mean that the Syrian capital of Damascus is now under "
                         "threat from ISIS, the source said.")
    t = incident(b, "Mounting territorial losses")
    assert t.category == "threat or warning" and t.severity == "medium" and t.actor == "ISIS"


def test_who_threatens_or_vows_to_act_is_named_as_the_one_who_threatens(extractor):
    b = brief(extractor, "Security source: Moscow setting up air strike capabilities; Iran sent IRGC ground "
                         "force; ISIS is threatening to take Damascus.", title="Russia, Iran sending military forces to save Assad's regime")
    t = incident(b, "ISIS is threatening")
    assert t.category == "threat or warning" and t.actor == "ISIS" and t.target == "Damascus"
    assert b.bluf == "ISIS threatened Damascus."        # named as the one who threatens, not inferred


def test_a_capital_stands_for_its_state_only_when_it_acts_as_one(extractor):
    grieving = brief(extractor, 'The mayor of Paris wrote on Twitter: "Paris is mourning its family this '
                                'afternoon after this appalling attack."')
    assert "France" not in {a.name for a in grieving.actors}
    acting = brief(extractor, "Tehran dispatched its force to Syria, the source said.")
    assert "Iran" in {a.name for a in acting.actors}


def test_a_state_does_not_threaten_its_own_towns(extractor):
    b = brief(extractor, "Russian troops were deployed after a meeting between Russian President Vladimir Putin "
                         "and Qassam Suleimani in Moscow.")
    assert all(t.target not in ("Moscow", "Vladimir Putin") for t in b.threats)


def test_a_warning_told_nowhere_is_in_the_storys_place(extractor):
    b = brief(extractor, "A gas explosion destroyed a block of flats in Magnitogorsk on Monday. Search and rescue "
                         "was suspended on Tuesday, with Zinichev describing the \"real threat of collapse\" of the "
                         "building.", title="Explosion destroys block of flats in Magnitogorsk")
    assert incident(b, "Search and rescue was suspended").location == "Magnitogorsk"


def test_a_name_in_an_aside_is_not_the_actor(extractor):
    b = brief(extractor, "The port city of Tartus, where Russia has naval interests, is under threat as well, "
                         "he said.")
    assert all(t.actor != "Russia" for t in b.threats)


def test_a_party_only_blamed_for_a_claimed_attack_gets_an_item_of_its_own(extractor):
    b = brief(extractor, "Yesterday, oil facilities belonging to Saudi Aramco were hit by multiple drone strikes. "
                         "The Yemen-based Houthi movement claimed responsibility for the attacks. US Secretary of "
                         "State Mike Pompeo posted a message on Twitter blaming Iran for the attacks.",
              title="Oil facilities in Saudi Arabia hit by drone attacks")
    claimed = incident(b, "claimed responsibility")
    assert claimed.actor == "Houthi movement" and claimed.target == "Saudi Aramco"
    blamed = incident(b, "blaming Iran for the attacks")
    assert blamed.actor == "Iran" and blamed.blamed and not claimed.blamed
    assert blamed.evidence[0].text.startswith("US Secretary of State")
    assert (blamed.category, blamed.target, blamed.severity) == (claimed.category, claimed.target, claimed.severity)


def test_the_police_who_shoot_the_attacker_act_on_him_in_an_item_of_their_own(extractor):
    b = brief(extractor, "On Thursday at the headquarters of the Paris Police Prefecture in Paris, France, an "
                         "attacker went on a stabbing spree, killing four. The attacker was shot dead by police. "
                         "Three of the victims were police officers.",
              title="Four stabbed to death at Paris police headquarters")
    attack = incident(b, "an attacker went on a stabbing spree")
    assert attack.actor == "attacker" and attack.target == "Paris Police Prefecture" and attack.severity == "high"
    assert "Three of the victims" in " ".join(e.text for e in attack.evidence)     # back to the attack
    response = incident(b, "The attacker was shot dead")
    assert "police" in response.actor.lower() and response.target == "attacker"
    assert response.severity == "medium"          # only the attacker died


@pytest.mark.parametrize("text", [
    "Police arrived and shot him dead.",                              # the verb's subject is its conjunct's
    "The officers eventually shot him dead, reportedly outside a Boots store.",
    "He was shot in the head by another police officer.",             # the agent of a passive
])
def test_officers_shooting_the_attacker_are_the_actor(extractor, text):
    b = brief(extractor, "Usman Khan stabbed several people at Fishmongers' Hall in London on Friday. Khan was "
                         "wearing a fake suicide vest. " + text,
              title="Attacker stabs two to death in London")
    response = incident(b, text)
    assert response.actor == "police" and response.target == "Usman Khan"


def test_police_who_are_the_story_s_aggressor_shoot_in_the_story_s_own_item(extractor):
    b = brief(extractor, "For the first time in the protests, police fired a live round at a protester in "
                         "Tsuen Wan. The officer shot him in the chest.",
              title="Police shoot teenage protester as Hong Kong demonstrations continue")
    assert len({t.actor for t in b.threats if t.category == "armed assault"}) == 1


def test_a_stated_threat_is_its_own_item(extractor):
    b = brief(extractor, "Iran sent troops to Syria; ISIS is threatening to take Damascus.")
    assert {t.category for t in b.threats} == {"deployment/escalation", "threat or warning"}
    assert incident(b, "ISIS is threatening").actor == "ISIS"


# --- ACLED event types ---------------------------------------------------------------------

@pytest.mark.parametrize("sentence, event_type, sub_event_type", [
    ("A suicide bomber blew himself up at a checkpoint in Mogadishu, killing nine soldiers.",
     "Explosions/Remote violence", "Suicide bomb"),
    ("Russian warplanes carried out air strikes on the town of Maarat al-Numan.",
     "Explosions/Remote violence", "Air/drone strike"),
    ("Rebels shelled the city with mortars and artillery overnight.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Government troops clashed with militants near Marawi for a third day.", "Battles", "Armed clash"),
    ("Police fired tear gas to disperse the protesters in Santiago.", "Protests", "Protest with intervention"),
    ("Gunmen abducted 42 people, including 27 students, from a school in Niger State.",
     "Violence against civilians", "Abduction/forced disappearance"),
])
def test_incidents_carry_acled_types(extractor, sentence, event_type, sub_event_type):
    t = incident(brief(extractor, sentence), sentence[:30])
    assert (t.event_type, t.sub_event_type) == (event_type, sub_event_type)


# --- parties ---------------------------------------------------------------------------------

def test_the_one_killed_is_the_target_and_the_one_after_by_the_actor(extractor):
    t = incident(brief(extractor, "Provincial police chief Abdul Raziq was killed by the Taliban in Kandahar."),
                 "Provincial police chief")
    assert (t.actor, t.target) == ("Taliban", "Abdul Raziq")


def test_the_president_who_reports_a_killing_is_not_its_target(extractor):
    b = brief(extractor, "On Saturday, US President Donald Trump said Hamza bin Laden, son of the late al-Qaeda "
                         "founder Osama bin Laden, was killed in a United States counterterrorism operation.",
              title="US President Trump says Osama bin Laden's son killed")
    assert all(t.target != "Donald Trump" for t in b.threats)


def test_the_incident_is_done_to_whom_its_sentences_most_often_say(extractor):
    b = brief(extractor, "Both nations issued statements speaking of Turkey fighting ISIS militants in an imminent "
                         "incursion into northeast Syria. Turkey began a military offensive into north-eastern Syria "
                         "on Wednesday. On Wednesday, Turkey began a ground invasion of Syria's northeast.",
              title="Turkey begins offensive")
    t = incident(b, "Turkey begins offensive")
    assert (t.actor, t.target, t.location) == ("Turkey", "Northeast Syria", "Northeast Syria")


def test_an_arrest_told_without_its_agent_is_made_by_the_articles_police(extractor):
    b = brief(extractor, "Serbian protesters clashed with Serbian police in Belgrade on Friday. Police director "
                         "Vladimir Rebic said at least 71 people were arrested Friday night.",
              title="Serbian protesters try to storm Parliament")
    assert incident(b, "71 people were arrested").actor == "Serbian police"


def test_police_who_only_speak_of_the_attackers_are_not_them(extractor):
    b = brief(extractor, "Indonesia's security minister Wiranto was stabbed by members of Jamaah Ansharut Daulah "
                         "in Pandeglang. He told the BBC that police suspect the attackers had been \"exposed to "
                         "radicalism\". Dedi Prasetyo, a spokesperson for the Indonesian National Police, said two "
                         "suspects were arrested.", title="Indonesian security minister Wiranto stabbed")
    assert incident(b, "Wiranto was stabbed").actor != "Indonesian National Police"


def test_the_man_detained_and_later_named_is_the_suspect(extractor):
    b = brief(extractor, "On Saturday evening in Forbury Gardens in Reading, a mass stabbing killed three people. "
                         "Thames Valley Police soon arrived and detained the man, later identified as Khairi "
                         "Saadallah. The head of the UK's counter terror police, Neil Basu, on Sunday said the police "
                         "found nothing inconsistent with the attacker acting alone.",
              title="Three killed in stabbing attack in Reading, UK")
    assert incident(b, "a mass stabbing killed").actor == "Khairi Saadallah"


def test_violence_only_in_what_someone_says_before_any_is_told_is_a_warning(extractor):
    b = brief(extractor, "President Hassan Rouhani of Iran said foreign powers should leave the region. \"If they "
                         "really seek security in the region, they must not send weapons, fighter jets, bombs and "
                         "dangerous arms to the region,\" he said. The speech came one week after an attack on oil "
                         "infrastructure in Saudi Arabia which halved Saudi oil output.",
              title="Iran's President Rouhani tells foreign powers to leave Persian Gulf")
    assert (incident(b, "they must not send weapons").category, incident(b, "they must not send weapons").severity) \
        == ("threat or warning", "low")
    assert incident(b, "The speech came one week after an attack").category != "threat or warning"


def test_the_spokesman_who_gives_the_toll_is_not_its_target(extractor):
    b = brief(extractor, "Reuters reported Monday's attack the deadliest since an assault in Ghazni in August 2018, "
                         "with officials reporting at the time 150 security forces, 95 civilians, and hundreds of "
                         "Taliban killed.\n\nAbdurrahman Mangal, spokesperson for the provincial governor, said the "
                         "attack had killed twelve and injured twelve more.", title="Car bomb attack kills dozens")
    assert all(t.target != "Abdurrahman Mangal" for t in b.threats)


def test_who_orders_or_announces_a_move_of_force_makes_it(extractor):
    b = brief(extractor, "Late on Sunday, the United States President Donald Trump, in a statement delivered via the "
                         "press secretary, announced US troops would be leaving Syria.",
              title="US President Trump announces troop withdrawal from Syria")
    assert incident(b, "US President Trump announces").actor == "Donald Trump"
    b = brief(extractor, "Government forces began deploying into SDF-controlled territory yesterday. Also on "
                         "Sunday, the United States announced a complete withdrawal from the region.",
              title="Kurds announce deal with Assad's government")
    assert incident(b, "the United States announced").actor == "United States"


def test_one_who_only_visits_the_wounded_did_not_do_it(extractor):
    b = brief(extractor, "A suspected gas leak led to an explosion, followed by the ten-storey building coming down. "
                         "A total of 39 are confirmed dead. President Vladimir Putin was briefed, and flew to "
                         "Magnitogorsk on Monday, observing the rescue mission and visiting the wounded in hospital.",
              title="Magnitogorsk apartment building collapses after explosion, dozens dead")
    assert incident(b, "A suspected gas leak").actor != "Vladimir Putin"


def test_those_who_condemn_the_attack_are_not_its_target(extractor):
    b = brief(extractor, "Mexican President Felipe Calderon, along with American President Barack Obama, condemned "
                         "the attack on Saturday.")
    assert all(t.target not in ("Felipe Calderon", "Barack Obama") for t in b.threats)


def test_the_police_who_arrest_a_suspect_are_not_the_attackers(extractor):
    t = incident(brief(extractor, "A mass stabbing killed three people in a park in Reading on Saturday. A "
                                  "25-year-old man was arrested by Thames Valley Police on suspicion of murder."),
                 "A mass stabbing")
    assert t.actor != "Thames Valley Police"


def test_the_one_blamed_is_the_actor(extractor):
    t = incident(brief(extractor, "Israel blamed Hezbollah for the rocket attack on Haifa."), "Israel blamed")
    assert (t.actor, t.target) == ("Hezbollah", "Haifa")


def test_the_one_who_claims_the_attack_is_its_actor(extractor):
    b = brief(extractor, "Oil facilities in Saudi Arabia were hit by drone strikes on Saturday. The "
                         "Yemen-based Houthi movement claimed responsibility for the attacks.")
    assert incident(b, "Oil facilities").actor == "Houthi movement"


def test_the_group_the_suspects_are_tied_to_is_the_actor(extractor):
    b = brief(extractor, "A provincial governor was stabbed on Thursday while visiting a market in Sukabumi. "
                         "Police said three suspects were arrested. An intelligence official said the suspects "
                         "were linked to the Jemaah Islamiyah network.",
              title="Governor stabbed in Indonesia")
    assert incident(b, "was stabbed").actor == "Jemaah Islamiyah"


def test_a_name_given_as_the_suspected_perpetrator_is_the_actor(extractor):
    b = brief(extractor, "A bomb exploded in a crowded bus station in Maiduguri on Sunday, killing nine people. "
                         "The army said Boko Haram are the suspected perpetrators.")
    assert incident(b, "A bomb exploded").actor == "Boko Haram"


def test_a_victim_identified_by_name_is_no_perpetrator():
    from generator.extract.roles import names_perpetrator
    text = "The victim was identified as Tom Baker. The gunmen were part of the Zetas cartel."
    assert not names_perpetrator(text, text.index("Tom"), text.index("Tom") + 9)
    assert names_perpetrator(text, text.index("Zetas"), text.index("Zetas") + 5)


def test_claimed_by_the_group_not_by_a_group_named_in_an_aside(extractor):
    b = brief(extractor, "Two bombs exploded at a church in Jolo on Sunday. The Islamic State, which is "
                         "linked to the Abu Sayyaf Group, subsequently claimed responsibility.")
    assert incident(b, "Two bombs").actor == "ISIS"


def test_a_sentence_about_the_attacker_joins_the_attack_and_puts_it_nowhere_else(extractor):
    b = brief(extractor, "A police sergeant was shot dead at a custody centre in Croydon on Friday. "
                         "Officials said two suspects were arrested. The alleged shooter had been detained "
                         "earlier in the day near Norbury.", title="Police sergeant shot dead in Croydon")
    shooting = incident(b, "was shot dead")
    assert any("alleged shooter" in e.text for e in shooting.evidence)
    assert shooting.location == "Croydon"


def test_the_one_told_is_not_the_owner_of_the_police_in_what_was_said(extractor):
    b = brief(extractor, "A bomb exploded at a market in Quetta on Monday, killing four people. A police "
                         "spokesman told Reuters that police suspect the attackers had crossed from Afghanistan.",
              title="Bomb kills four in Quetta")
    assert incident(b, "A bomb exploded").actor != "Reuters"


def test_protesters_who_turn_violent_are_the_actor(extractor):
    b = brief(extractor, "Serbian protesters gathered outside parliament in Belgrade for a third night. "
                         "The protesters clashed with police and threw rocks at officers.",
              title="Serbian protesters clash with police")
    assert incident(b, "The protesters clashed").actor == "Serbian protesters"


def test_those_at_a_pro_or_anti_protest_are_its_actor(extractor):
    b = brief(extractor, "Violence broke out on Saturday at an anti-lockdown rally in Melbourne, and police "
                         "made dozens of arrests.", title="Violence at anti-lockdown rally in Melbourne")
    assert [t.actor for t in b.threats if t.category in ("riot", "protest")][:1] == ["anti-lockdown protesters"]


def test_people_described_as_killed_are_the_target(extractor):
    b = brief(extractor, "The United Nations has confirmed six aid workers in South Sudan were killed on "
                         "Saturday when their convoy was ambushed on the road to Pibor.",
              title="Six aid workers dead in ambush in South Sudan")
    t = incident(b, "six aid workers")
    assert t.target == "aid workers" and t.fatalities == 6


def test_the_place_the_victims_were_in_is_not_who_was_killed(extractor):
    b = brief(extractor, "Four journalists in Mogadishu were shot dead by gunmen on Monday, their union said.")
    assert incident(b, "Four journalists").target == "journalists"


def test_the_victims_a_speaker_recalls_are_not_this_attacks_target(extractor):
    b = brief(extractor, "Drones struck two oil facilities in Abqaiq, Saudi Arabia, on Saturday. A rebel "
                         "spokesman said: \"We have the right to strike back in retaliation for the targeting of "
                         "our civilians.\"", title="Drone attacks hit Saudi oil facilities")
    assert all(t.target != "civilians" for t in b.threats)


def test_a_shooting_of_protesters_targets_the_protesters(extractor):
    b = brief(extractor, "Mark Dunn, the suspect in a shooting of protesters in Portland, Oregon, was released "
                         "on bail on Friday.", title="Suspect in Portland shooting released")
    assert [t.target for t in b.threats][:1] == ["protesters"]


def test_a_two_word_demonym_names_its_own_state(extractor):
    b = brief(extractor, "Gunmen killed six aid workers in South Sudan on Saturday. The South Sudanese "
                         "government condemned the attack.", title="Aid workers killed in South Sudan")
    assert "Sudan" not in {a.name for a in b.actors}
    assert "South Sudan" in {a.name for a in b.actors}


# Who did it, one hard case each: (text, headline, a sentence of the incident, its actor).
ACTOR_CASES = {
    # militias or rebels of a nationality are no state ("Syrian troops" are, below)
    "militias of a nationality": (
        "No organization immediately claimed credit for the attack, but some Iraqi militias associated with Iran "
        "had made threats against U.S. personnel.", "Rockets strike Iraqi air base", "Iraqi militias",
        "Iraqi militias"),
    # "the gunmen" the text ties to a gang are the gang
    "gunmen of a gang": (
        "A two-hour gun battle between the Mexican Army and drug hitmen ended with 18 dead. Four state police were "
        "found in the garage, who claim they had been kidnapped by the gunmen. Local media reported that the gunmen "
        "were a part of the Beltran Leyva drug-trafficking gang.", "Shootout between army and drug hitmen in Acapulco",
        "Local media reported", "Beltran Leyva"),
    # one who says he ordered troops moved made the move
    "ordered troops": (
        "Philippine Defence Secretary Delfin Lorenzana visited Jolo on Monday, where the Philippine army guards the "
        "cathedral. Lorenzana said he had ordered 'heightened alert' from troops, and that the army protect places "
        "of worship.", "Bombs kill at least 20 at cathedral in Mindanao, Philippines", "heightened alert",
        "Delfin Lorenzana"),
}


@pytest.mark.parametrize("case", list(ACTOR_CASES))
def test_the_actor_of_a_hard_case(extractor, case):
    text, title, sentence, actor = ACTOR_CASES[case]
    assert incident(brief(extractor, text, title=title), sentence).actor == actor


LONDON_BRIDGE = SHARED / "corpora" / "wikinews" / "bystanders-foil-knife-weilding-man-on-london-bridge-with-fire-extingui.md"


@pytest.mark.skipif(not LONDON_BRIDGE.is_file(), reason=f"needs the shared Wikinews corpus at {LONDON_BRIDGE.parent}")
def test_the_attacker_whom_bystanders_subdued_is_still_the_attacker(extractor):
    from generator.ingest import read_article
    b = extractor.extract(read_article(LONDON_BRIDGE, LONDON_BRIDGE.parent))
    assert incident(b, "Usman Khan stabbed reportedly several people").actor == "Usman Khan"
    assert b.bluf.startswith("Usman Khan carried out")        # it read "Usman Khan was bombed"


def test_troops_of_a_nationality_are_its_state(extractor):
    b = brief(extractor, "Syrian troops shelled the town of Maarat al-Numan on Monday.", title="Shelling in Idlib")
    assert [t.actor for t in b.threats] == ["Syrian Army"]
    assert next(a for a in b.actors if a.name == "Syrian Army").affiliation == "Syria"


def test_who_released_a_statement_about_the_strike_did_not_strike(extractor):
    b = brief(extractor, "On Friday, the Combined Joint Task Force Operation Inherent Resolve released a statement "
                         "saying an attack that day on an Iraqi air base near Mosul produced no casualties.",
              title="Coalition reports no casualties from missile strike on Iraqi air base")
    assert all("Combined" not in t.actor for t in b.threats)


def test_a_body_that_releases_a_statement_on_an_arrest_did_not_arrest(extractor):
    b = brief(extractor, "Nikoloz Basilashvili, a Georgian tennis player, was arrested on Friday on a charge of "
                         "domestic violence. The Georgian Tennis Federation released a statement addressing "
                         "Basilashvili's arrest.",
              title="Georgian tennis player Nikoloz Basilashvili arrested on domestic violence charge")
    assert all(t.actor != "Georgian Tennis Federation" for t in b.threats)


def test_a_group_s_qualifier_never_reaches_back_over_the_headline(extractor):
    b = brief(extractor, "Syrian rebels attacked the town of Idlib on Monday, killing five civilians.",
              title="Rebels attack Idlib")
    assert not any("Idlib" in a.name for a in b.actors)
    assert [t.target for t in b.threats] == ["Idlib"]         # not the rebels themselves


def test_a_demonym_as_the_last_word_of_the_text_is_read(extractor):
    from generator.extract.actors import _state_phrases
    doc = next(parse(extractor.nlp, ["The new party leader is Russian"]))
    assert list(_state_phrases(doc, extractor.gaz)) == []


def test_falling_to_the_ground_is_no_loss_of_territory():
    from generator.extract.threat_lexicon import lexicon
    kind = lexicon().kind_of
    assert kind("The town of Kafr Nabl fell to the rebels on Sunday.").category == "territorial loss"
    assert kind("Mosul fell to Islamic State in 2014.").category == "territorial loss"
    assert kind("The student fell to the ground as others ran.") is None


def test_firing_a_round_at_someone_is_an_attack():
    from generator.extract.threat_lexicon import lexicon
    kind = lexicon().kind_of
    assert kind("A police officer fired a live round at a protester.").category == "armed assault"
    assert kind("Soldiers fired on the crowd.").category == "armed assault"
    assert kind("The company fired its chief executive.") is None


def test_killings_by_a_suspect_are_violence():
    from generator.extract.threat_lexicon import lexicon
    assert lexicon().kind_of("Suspect in Kenosha protester killings released on bail").category == "armed assault"


def test_the_same_bombing_told_again_after_an_aside_is_one_incident(extractor):
    b = brief(extractor, "Two bombs exploded at a church in Jolo on Sunday, killing 20 people. The defence "
                         "minister ordered troops to protect places of worship. The first bomb went off during Mass.",
              title="Bombs kill 20 at church in Jolo")
    bombing = incident(b, "The first bomb went off")
    assert bombing.fatalities == 20 and any("Two bombs" in e.text for e in bombing.evidence)


def test_another_explosion_is_another_incident(extractor):
    b = brief(extractor, "A gas explosion destroyed an apartment block in Samara on Monday, killing 12 people. "
                         "On Tuesday another explosion hit a minibus in the city, killing three.",
              title="Explosions in Samara")
    assert incident(b, "another explosion").fatalities == 3


def test_one_named_after_by_is_no_target(extractor):
    from generator.extract.roles import AUDIENCE_BEFORE
    assert AUDIENCE_BEFORE.search("who was described as knife-obsessed by the ")


def test_one_who_speaks_of_the_attacker_is_not_the_attacker(extractor):
    b = brief(extractor, "A gunman killed nine people at a mosque in Bradford on Friday. Professor Alan Reid of "
                         "Leeds University said: \"The attacker was using a rifle. He fired at worshippers.\"",
              title="Nine killed in Bradford mosque attack")
    assert "Alan Reid" not in incident(b, "A gunman killed").actor


def test_the_suspect_is_not_the_target_of_his_own_attack(extractor):
    b = brief(extractor, "A gunman killed nine people at a mosque in Bradford on Friday. Professor Alan Reid "
                         "of Leeds University said: \"The attacker was using a rifle.\"",
              title="Mosque attack suspect appears in court in Bradford")
    assert incident(b, "A gunman killed").target not in ("suspect", "Leeds University")


def test_the_one_killed_after_from_the_killing_of_is_the_victim():
    from generator.extract.roles import _agent_cue
    assert not _agent_cue("he is distancing himself from the killing of ")
    assert _agent_cue("the attack was carried out by ")
    assert _agent_cue("struck by the ")


def test_a_locality_the_gazetteer_lacks_is_the_incidents_place(extractor):
    b = brief(extractor, "Cattle rustlers killed eleven people near the town of Isiolo on Sunday. The "
                         "eleven people were killed when rustlers stormed a village in Kisima area early in the "
                         "morning, police said.", title="Rustlers kill eleven in Kenya")
    assert [t.location for t in b.threats] == ["Kisima"]


def test_those_who_suffer_losses_are_the_target(extractor):
    t = incident(brief(extractor, "Ukrainian troops suffered heavy casualties near Bakhmut."), "Ukrainian")
    assert t.target == "Ukrainian troops" and t.actor != "Ukrainian troops"


# --- place, date, tolls --------------------------------------------------------------------------

def test_the_most_specific_place_is_where_it_happened(extractor):
    t = incident(brief(extractor, "Two bombs exploded at the Jolo Cathedral in Jolo, Philippines, "
                                  "killing 20 people."), "Two bombs")
    assert t.location in ("Jolo Cathedral", "Jolo")


def test_claiming_what_others_did_is_speech_not_an_act(extractor):
    def verb(sentence: str):
        doc = next(parse(extractor.nlp, [sentence]))
        return next(t for t in doc if t.lower_.startswith("claim"))
    assert not is_act(verb("Tamim claimed Houthis have attacked journalists previously."))
    assert is_act(verb("The group claimed the attack on Sunday."))


def test_the_one_an_act_is_attributed_to_is_its_agent():
    assert AGENT_BEFORE.search("the general manager attributed the bombing to ")
    assert AGENT_BEFORE.search("officials blamed the attack on ")
    assert not AGENT_BEFORE.search("the bombing killed a photojournalist and his colleague, according to ")


def test_the_one_who_dies_is_the_victim(extractor):
    b = brief(extractor, "Opposition journalist Ivan Petrov dies in a Moscow hospital after a suspected "
                         "poisoning. His family blamed President Vladimir Putin.",
              title="Opposition journalist dies, poisoning suspected")
    assert [(t.target, t.actor != "Ivan Petrov") for t in b.threats] == [("Ivan Petrov", True)]


def test_a_district_is_more_specific_than_the_city_around_it(extractor):
    b = brief(extractor, "A man stabbed two people in Brixton, south London, on Sunday before police shot "
                         "him dead, officials said.", title="Knife attack in London")
    assert [t.location for t in b.threats] == ["Brixton"]


def test_the_town_of_x_is_where_it_happened(extractor):
    t = incident(brief(extractor, "Gunmen ambushed the governor, who was visiting the town of Bama in the "
                                  "province of Borno, and killed four guards."), "Gunmen")
    assert t.location == "Bama"


def test_where_the_text_says_it_happened_before_a_town_in_the_victims_title(extractor):
    t = incident(brief(extractor, "A roadside bomb killed Dubai TV cameraman Ahmed Saleh in the desert town "
                                  "of Marib, Yemen, on Monday, officials said."), "bomb")
    assert t.location == "Marib"


def test_a_country_that_qualifies_a_noun_is_not_where_it_happened(extractor):
    b = brief(extractor, "On Saturday, President Donald Trump said Hamza bin Laden was killed in a US "
                         "counter-terrorism operation in the Afghanistan and Pakistan region.")
    assert b.threats and all(t.location != "United States" for t in b.threats)
    assert "On Saturday" not in {a.name for a in b.actors}       # an opening phrase, no one's name


def test_a_toll_of_disease_or_disaster_joins_no_attack(extractor):
    t = incident(brief(extractor, "Gunmen kidnapped two tourists near the resort on Saturday. A flu outbreak "
                                  "in the region caused 89 deaths and closed schools."), "Gunmen")
    assert t.fatalities is None and len(t.evidence) == 1
    war = incident(brief(extractor, "Gunmen ambushed an aid convoy on Monday, killing six. The dead aid workers "
                                    "were among 79 killed since the outbreak of civil war."), "Gunmen")
    assert len(war.evidence) == 2                       # an outbreak of war is no disease


def test_how_many_were_arrested():
    assert arrested("Police director Vladimir Rebic said at least 71 people were arrested Friday night.") == [71]
    assert arrested("Within a day, Belarusian KGB arrested 33 Russian individuals.") == [33]
    assert arrested("He was arrested in 2018 and released in May.") == []


def test_the_lowest_toll_stated_is_the_incidents_as_acled_codes_it():
    assert killed("Abdurrahman Mangal said the attack had killed twelve and injured twelve more.") == [12]
    assert killed("He bought 500mg, which has the potential to kill about 1,400, but was sent a dummy.") == []
    assert killed("The bomb could have killed 50 people, police said.") == []
    assert killed("Taliban spokesperson Zabiullah Mujahid claimed 190 were dead.")[0] == 190
    assert killed("The death toll rose to 39 on Thursday.") == [39]
    assert killed("The UN has confirmed six aid workers in South Sudan were killed on Saturday.") == [6]
    assert killed("Coalition authorities report no casualties from the strike.") == [0]
    assert injured("A Kabul car bombing killed five and wounded 110.") == [110]
    assert killed("In 2006, Abqaiq was the target of an attack.") == []
    assert killed("Two soldiers and 16 gunmen were killed in the battle.") == [18]     # parts added up
    assert killed("The 176 people on board were all killed.") == [176]


def test_the_one_named_and_the_others_make_the_toll():
    assert killed("A car bomb kills a local reporter and at least four others in Aden") == [5]
    assert killed("Gunmen killed the village chief, three others") == [4]
    assert killed("At least three other passengers reportedly also died in the crash.") == [4]
    assert killed("Three other people were killed.") == [3]               # no one else told of
    assert killed("The ministry said six deaths were of children.") == []   # a part of the toll


def test_an_earlier_month_is_another_incident(extractor):
    b = brief(extractor, "Cattle rustlers killed eleven people near Isiolo on Sunday, the minister said. "
                         "In mid-September, 30 people were killed in a shootout with rustlers in Samburu.")
    assert sorted(t.fatalities for t in b.threats) == [11, 30]


def test_an_incidents_toll_is_the_lowest_of_its_sentences(extractor):
    b = brief(extractor, "A car bomb exploded at a base in Maidan Shahr on Monday. Officials said the attack "
                         "had killed twelve. Taliban spokesperson Zabiullah Mujahid claimed 190 were dead.")
    t = incident(b, "A car bomb exploded")
    assert t.fatalities == 12


def test_dates_are_resolved_against_the_articles_date():
    published = date(2019, 1, 24)                       # a Thursday
    assert event_date("A car bomb was on Monday rammed into a base", published) == "2019-01-21"
    assert event_date("Yesterday, oil facilities were hit", published) == "2019-01-23"
    assert event_date("The attack on January 20 killed five", published) == "2019-01-20"
    assert event_date("The attack killed five", published) == ""
    # a year or a month alone, when the text gives no day; never one still to come
    assert event_date("In 2006, Abqaiq was the target of an Al-Qaeda suicide attack.", published) == "2006"
    assert event_date("The embassy was stormed in September 2015.", published) == "2015-09"
    assert event_date("He will be sworn in in January 2021.", published) == ""
    assert event_date("In 2006, Abqaiq was the target of an attack.", None) == "2006"
    article = Article(path="x.txt", slug="x", title="t", text="Headline\n\nThursday, January 24, 2019\n\nBody.",
                      body="", sha256="0" * 64)
    assert publication_date(article) == published


def test_a_background_incident_carries_its_year_in_the_bluf_and_on_the_page():
    t = Threat(summary="In 2006, Abqaiq was the target of an Al-Qaeda suicide attack.", category="bombing",
               actor="al-Qaeda", location="Abqaiq", date="2006", severity="medium")
    t.named_actor = True
    # a name with its article is no description: "Al-Qaeda", not "The al-Qaeda"
    assert bluf([t], actor_types={"al-Qaeda": "armed_group"}) == "Al-Qaeda carried out a bombing in Abqaiq in 2006."
    t.date = "2015-09"
    assert bluf([t], actor_types={"al-Qaeda": "armed_group"}).endswith("in Abqaiq in September 2015.")
    assert (display("2015-09"), display("2006"), display("2019-10-05")) == ("September 2015", "2006", "5 October 2019")


# --- severity rule ---------------------------------------------------------------------------------

@pytest.mark.parametrize("category, text, fatalities, injured_, attacker_only, expected", [
    ("armed assault", "Gunmen killed eleven villagers.", 11, None, False, "high"),
    ("armed assault", "A man stabbed two people before police shot him dead.", None, None, True, "medium"),
    ("bombing", "A bomb exploded near the embassy; no one was hurt.", 0, 0, False, "medium"),
    ("bombing", "The blast injured 66 people.", None, 66, False, "high"),
    ("threat or warning", "The group warned it would strike again.", None, None, False, "medium"),
    ("threat or warning", "The ministry named both groups as terrorists.", None, None, False, "low"),
    ("threat or warning", "It's not clear how Amman became radicalised.", None, None, False, "low"),
    ("protest", "Thousands protested in the capital.", None, None, False, "medium"),
    ("protest", "Protests continued; the protester death count is in the hundreds.", None, None, False, "medium"),
    ("threat or warning", "The group threatened to kill the hostages.", None, None, False, "medium"),
    ("armed assault", "He was sanctioned over a plot to kill the ambassador.", None, None, False, "medium"),
    ("armed assault", "He sent his girlfriend videos of beheadings and advised her to kill her parents.", None, None,
     False, "medium"),
    ("riot", "Rioters clashed with police and injured fourteen officers.", None, 14, False, "medium"),
    ("deployment/escalation", "The army deployed troops to the border.", None, None, False, "medium"),
    ("arrest", "A man suspected to have supplied the gun was arrested in Norfolk.", None, None, False, "low"),
    ("arrest", "Police director Vladimir Rebic said at least 71 people were arrested Friday night.", None, None,
     False, "medium"),
    ("territorial loss", "Rebels seized the city of Idlib.", None, None, False, "high"),
    ("armed assault", "On Wednesday, Turkey began a military offensive with airstrikes followed by a ground "
                      "invasion.", None, None, False, "high"),
    ("air/drone strike", "Oil facilities belonging to Saudi Aramco were hit by multiple drones.", None, None,
     False, "high"),
])
def test_the_severity_rule(category, text, fatalities, injured_, attacker_only, expected):
    assert severity(category, text, fatalities, injured_, attacker_only) == expected


def test_where_the_claimant_is_based_or_the_blame_falls_is_not_where_it_happened(extractor):
    b = brief(extractor, "Drones struck two oil facilities in Abqaiq, Saudi Arabia, on Saturday. The attack was "
                         "claimed by the Houthi movement in Yemen. The United States was more forceful in blaming "
                         "Iran for the attack.", title="Drones strike Saudi oil facilities")
    assert [(t.category, t.actor, t.location) for t in b.threats] == [
        ("air/drone strike", "Houthi movement", "Abqaiq"), ("air/drone strike", "Iran", "Abqaiq")]


def test_a_move_or_an_arrest_told_nowhere_is_in_the_storys_place_not_the_movers_home(extractor):
    b = brief(extractor, "Late on Sunday, the United States President Donald Trump announced US troops would be "
                         "leaving. The statement said US troops had defeated ISIS.",
              title="US President Trump announces troop withdrawal from Syria")
    assert {t.location for t in b.threats if t.category == "deployment/escalation"} == {"Syria"}
    b = brief(extractor, "Russia is sending military forces to save Assad's regime, a source in Moscow said. "
                         "Russian troops began to arrive on Thursday.", title="Russia sends troops")
    assert all(t.location != "Moscow" for t in b.threats)
    b = brief(extractor, "Security source: Moscow setting up air strike capabilities. Tehran dispatched its force "
                         "in light of Assad's ongoing distress, the source stated.",
              title="Russia, Iran sending military forces to save Assad's regime")
    assert incident(b, "Tehran dispatched").location != "Moscow"
    b = brief(extractor, "Serbian protesters clashed with police outside parliament in Belgrade on Friday. Police "
                         "director Vladimir Rebic said at least 71 people were arrested Friday night.",
              title="Serbian protesters try to storm Parliament")
    assert incident(b, "71 people were arrested").location == "Belgrade"


def test_the_other_side_of_a_clash_is_its_target(extractor):
    b = brief(extractor, "Serbian protesters gathered in Belgrade on Friday. The protesters clashed in front of "
                         "parliament with the police and threw rocks, bottles and flares. Director Rebic said "
                         "fourteen police officers were injured; the police detained 71 people.",
              title="Serbian protesters try to storm Parliament")
    assert incident(b, "The protesters clashed").target == "Serbian police"


def test_police_who_fire_a_round_on_a_protester_shoot_whatever_the_protests_around(extractor):
    t = incident(brief(extractor, "For the first time in the sixteen weeks of protests in Hong Kong, police fired and "
                                  "landed a live round on a protester yesterday."), "For the first time")
    assert t.category == "armed assault"


def test_a_place_written_before_the_act_is_where_it_happened(extractor):
    b = brief(extractor, "A car bomb was on Monday rammed into a military base in Maidan Shahr, killing dozens. "
                         "Last week a Kabul car bombing killed five and wounded 110, another attack ascribed to the "
                         "Taliban.", title="Car bomb attack kills dozens at military base")
    t = incident(b, "Last week a Kabul car bombing")
    assert (t.target, t.location) == ("Kabul", "Kabul")


def test_where_the_spokesman_spoke_is_not_where_it_happened(extractor):
    b = brief(extractor, "Drones struck two oil facilities in Abqaiq, Saudi Arabia, on Saturday. Speaking on "
                         "al-Masirah TV in Yemen, Houthi military spokesperson Yahya Sarea said it had carried out "
                         "the attack using ten drones.", title="Drones strike Saudi oil facilities")
    assert [t.location for t in b.threats] == ["Abqaiq"]


def test_those_killed_are_not_the_ones_acting(extractor):
    from generator.extract.roles import _acting_subject
    doc = next(parse(extractor.nlp, ["Between three and nine soldiers were injured along with three bystanders."]))
    assert not _acting_subject(next(t for t in doc if t.text == "soldiers"), doc[:])
    doc = next(parse(extractor.nlp, ["The gunmen opened fire on the soldiers."]))
    assert _acting_subject(next(t for t in doc if t.text == "gunmen"), doc[:])


def test_a_name_written_before_a_violent_verb_acts_where_the_parse_fails(extractor):
    b = brief(extractor, "Turkish jets struck Kurdish positions near Kobani on Wednesday.",
              title="Kurds announce deal with Assad's government as Turkey invades Syria's northeast")
    assert [(t.category, t.actor) for t in b.threats] == [("air/drone strike", "Turkey")]


def test_police_in_a_headline_the_parser_misreads_act(extractor):
    b = brief(extractor, "A police officer fired a live round at a protester in Tsuen Wan yesterday. The Hong "
                         "Kong police said the officer acted in self-defence. Hong Kong police have used tear gas "
                         "against protesters before.",
              title="Police shoot teenage protester as Hong Kong demonstrations continue")
    assert incident(b, "Police shoot teenage protester").actor == "Hong Kong police"


def test_the_person_named_after_the_role_killed_is_the_target(extractor):
    b = brief(extractor, "A bombing yesterday killed Abu Dhabi TV photojournalist Ziad al-Sharabi in the port "
                         "town of Mokha. At least five other civilians also died.",
              title="Mokha, Yemen bomb kills photojournalist")
    t = incident(b, "A bombing yesterday")
    assert t.target == "Ziad al-Sharabi" and t.actor != "Yemen"


def test_a_protester_shot_is_one_of_the_crowd_the_article_names(extractor):
    b = brief(extractor, "Police shot a teenage protester in Tsuen Wan yesterday. Hong Kong protesters had "
                         "gathered for the sixteenth week; Hong Kong protesters blocked roads.",
              title="Police shoot teenage protester in Hong Kong")
    assert incident(b, "Police shot a teenage protester").target == "Hong Kong protesters"


def test_a_crowd_is_named_by_its_town_before_its_state(extractor):
    b = brief(extractor, "Kyle Rittenhouse, the suspect in a shooting of protesters in Kenosha, Wisconsin, was "
                         "released on bail. Kenosha, Wisconsin protesters had gathered after a police shooting.",
              title="Suspect in Kenosha, Wisconsin protester killings released")
    assert actor_names(b) >= {"Kenosha protesters"} and "Wisconsin protesters" not in actor_names(b)


def test_one_who_admits_the_act_did_it_and_a_demonym_names_whose_thing_was_hit(extractor):
    b = brief(extractor, "On Saturday morning, representatives from Iran acknowledged their government had "
                         "\"unintentionally\" shot down a Ukrainian passenger jet near Tehran. The 176 people on "
                         "board were all killed.", title="Iran admits downing Ukrainian jet, cites 'human error'")
    assert [(t.actor, t.target, t.fatalities) for t in b.threats] == [("Iran", "Ukraine", 176)]


def test_downing_street_downs_nothing():
    from generator.extract.threat_lexicon import lexicon
    assert lexicon().kind_of("A spokesman for 10 Downing Street expressed disappointment.") is None
    assert lexicon().kind_of("Iran admits downing Ukrainian jet").category == "air/drone strike"


def test_two_sites_far_apart_are_told_as_their_country_and_an_origin_is_no_place(extractor):
    b = brief(extractor, "Drone attacks struck the largest processing plant at Abqaiq and the Khurais oil field on "
                         "Saturday. The Saudi government said the missiles could not have originated in Yemen.",
              title="Oil facilities in Saudi Arabia hit by drone attacks")
    assert [t.location for t in b.threats] == ["Saudi Arabia"]


def test_a_count_for_the_year_is_not_this_attacks_toll(extractor):
    b = brief(extractor, "The UN has confirmed six aid workers in South Sudan were killed on Saturday in an "
                         "ambush. At least twelve aid workers have died in South Sudan this year.",
              title="Aid workers dead in ambush in South Sudan")
    assert [t.fatalities for t in b.threats] == [6]


def test_a_state_only_named_around_the_violence_is_not_its_doer(extractor):
    b = brief(extractor, "Gunfire killed six aid workers in South Sudan on Saturday. The UN humanitarian "
                         "coordinator for South Sudan described the attack as reprehensible. The South Sudanese "
                         "government condemned the attack. Aid workers in South Sudan face more danger than "
                         "anywhere else, the UN said after the attack.",
              title="Six aid workers dead in ambush in South Sudan")
    assert all(t.actor != "South Sudan" for t in b.threats)


def test_protesters_who_clash_with_police_riot(extractor):
    b = brief(extractor, "Serbian protesters gathered outside parliament in Belgrade for a third night. The "
                         "protesters clashed with police and threw rocks at officers, injuring fourteen officers.",
              title="Serbian protesters clash with police")
    riot = incident(b, "The protesters clashed")
    assert (riot.category, riot.event_type, riot.severity) == ("riot", "Riots", "medium")


def test_a_warning_a_protest_or_a_deployment_is_not_high(extractor):
    b = brief(extractor, "The group warned it would strike again. Thousands protested in the capital. The army "
                         "deployed troops to the border.")
    assert b.threats and all(t.severity != "high" for t in b.threats)


# --- the bottom line up front ----------------------------------------------------------------------

def test_the_bluf_says_only_what_the_fields_hold(extractor):
    b = brief(extractor, "Gunmen killed eleven people in the village of Kisima on Sunday, the police said.",
              title="Gunmen kill eleven in Kenya")
    assert b.bluf.startswith("Gunmen") and "killing 11" in b.bluf
    quiet = brief(extractor, "A bomb exploded near a market in Kabul. No one was hurt.")
    assert "killing" not in quiet.bluf and "Gunmen" not in quiet.bluf
    stabbing = brief(extractor, "The attacker stabbed four officers to death at the police headquarters "
                                "in Paris on Thursday.")
    assert stabbing.bluf.startswith("The attacker ")          # a description keeps its article


def test_the_bluf_tells_what_the_lead_reports_not_what_the_story_recalls(extractor):
    lead = ("The city council met on Monday to discuss new parking rules for the town centre, and members "
            "voted to extend the pedestrian zone by two streets after a long debate about deliveries, shop "
            "opening hours, bus routes and the cost of new signs, which the mayor said would be met from the "
            "existing budget for road maintenance this year.")
    b = brief(extractor, lead + "\n\nDuring the civil war in 1993, militants bombed the council building, "
                                "killing 40 people.")
    assert b.threats and b.bluf == ""


def test_the_bluf_names_no_air_base_owner_and_no_country_as_the_victim_of_its_own_town(extractor):
    base = brief(extractor, "Rockets struck near an Iraqi air base on Friday, officials said.",
                 title="Coalition authorities report no casualties from missile strike on Iraqi air base")
    assert all(t.actor != "Iraq" for t in base.threats) and "Iraq" not in base.bluf
    t = Threat(summary="Gunmen stormed a shopping mall", category="armed assault", actor="",
               target="Kenya", location="Nairobi", fatalities=17, severity="high")
    assert bluf([t], {"Kenya": "KE", "Nairobi": "KE"}, {"Kenya": "country", "Nairobi": "city"}) \
        == "Nairobi saw an attack, killing 17."
    move = Threat(summary="Troops were sent to the border", category="deployment/escalation", actor="troops",
                  location="Kursk", severity="medium")
    move.named_actor = True
    assert bluf([move], actor_types={"troops": "group"}) == "Troops were deployed in Kursk."


def test_the_bluf_speaks_of_people_described_in_good_grammar():
    t = Threat(summary="Six aid workers dead in ambush", category="armed assault", actor="",
               target="aid workers", location="South Sudan", fatalities=6, severity="high")
    assert bluf([t]) == "Aid workers were attacked in South Sudan, killing 6."
    t.target = "teenage protester"
    assert bluf([t]) == "A teenage protester was attacked in South Sudan, killing 6."


def test_a_battle_in_the_bluf_has_sides_not_a_victim(extractor):
    b = brief(extractor, "A two-hour gun battle between the Mexican Army and drug hitmen ended in 18 fatalities at "
                         "the resort of Acapulco on Saturday. There were grenade and rocket explosions.",
              title="Tourists evacuated following shootout between Mexican army and drug hitmen")
    t = incident(b, "A two-hour gun battle")
    assert (t.category, t.event_type) == ("armed assault", "Battles")
    assert "bombed" not in b.bluf and "was attacked" not in b.bluf
    t = Threat(summary="A gun battle", category="armed assault", sub_event_type="Armed clash", actor="",
               target="Mexican Army", location="Acapulco", fatalities=18, severity="high")
    assert bluf([t]) == "Mexican Army clashed in Acapulco, killing 18."


def test_the_bluf_says_attributed_to_of_a_doer_the_text_only_blames(extractor):
    b = brief(extractor, "A bomb exploded in the port town of Mokha yesterday, killing six people. The general "
                         "manager of the channel attributed the bombing to the Houthis.",
              title="Mokha bomb kills six")
    assert "attributed to" in b.bluf and "carried out" not in b.bluf
    claimed = brief(extractor, "A bomb exploded in the port town of Mokha yesterday, killing six people. The "
                               "Islamic State claimed responsibility for the bombing.", title="Mokha bomb kills six")
    assert "attributed" not in claimed.bluf


def test_the_bluf_joins_no_doer_and_victim_that_no_one_sentence_joins():
    t = Threat(summary="United States military kills Qasem Soleimani", category="air/drone strike",
               actor="United States", target="Qasem Soleimani", location="Baghdad", fatalities=1,
               severity="high")
    t.named_actor, t.named_pair = True, True
    assert bluf([t], actor_types={"United States": "state"}).startswith("United States struck Qasem Soleimani in Baghdad")
    t.named_pair = False            # the victim was told in another sentence than the doer
    assert bluf([t], actor_types={"United States": "state"}) == "United States carried out a strike in Baghdad, killing 1."


def test_the_bluf_names_who_claims_the_act_whatever_words_the_claim_uses(extractor):
    b = brief(extractor, "Yesterday, oil facilities belonging to Saudi Aramco were hit by multiple drone strikes "
                         "in a pre-dawn raid. The Yemen-based Houthi movement claimed responsibility for the attacks.",
              title="Oil facilities in Saudi Arabia hit by drone attacks")
    assert b.bluf.startswith("Houthi movement carried out a strike")


def test_the_bluf_names_a_police_or_army_told_with_its_victim_but_no_other_body():
    t = Threat(summary="Police shoot teenage protester", category="armed assault", actor="Hong Kong police",
               target="protesters", location="Tsuen Wan", severity="medium")
    t.named_actor, t.named_pair = True, True
    assert bluf([t], actor_types={"Hong Kong police": "organization"}) == \
        "Hong Kong police attacked protesters in Tsuen Wan."
    t.named_pair = False            # the victim only in another sentence: the body may be wrong
    assert bluf([t], actor_types={"Hong Kong police": "organization"}) == ""
    t.actor, t.named_pair = "Libertarian Party", True      # a body that bears no arms: only with a toll
    assert bluf([t], actor_types={"Libertarian Party": "organization"}) == ""
