"""Which place a name means: the containing place named next to it first, then the
article's own countries and regions and the places named with it, then size.

Each candidate gets a score:

- the containing place the text names ("London, Kentucky", "Jackson County,
  Missouri", "Maidan Shahr in Maidan Wardak province") outweighs everything: a
  candidate inside it wins, one outside it loses;
- the article's countries (country names and demonyms) count for candidates inside
  them, and so do its first-level regions, the one named most the most (a story
  about Indiana's counties that compares them with Kentucky's);
- the other places named in the article count for candidates near them (within
  150 km, or in the same region), a name with many namesakes counting less: the
  towns of a local story lie together;
- a country, a populous state or province, a national capital or a curated entry is
  likelier than a town of the same name, and a state's name alone is never a small town
  of its country however its neighbours are named ("Oregon" beside Ohio); a populous town than a small one or than a
  district named like it; a place's own name than an alternate spelling; a dateline
  names a town.

States and big towns named inside the names of bodies ("Georgia Bureau of
Investigation") are not listed, but count as context like the others. Where the text
once writes a name with its type word ("DeKalb County"), the bare name is that region.

Scores are computed twice: the second time the regions chosen the first time
("Georgia" the US state, beside Gainesville and Duluth) count as context too.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..geo import Gazetteer, Hit, Place, km, norm
from ..geo.sources import without_prefix
from .place_mentions import MIN_BIG_REGION, Mention, states_named, typed_base

NEAR_KM = 150
NEIGHBOUR_WEIGHT = 3.0      #: per other name whose chosen place lies near
REGION_WEIGHT = 4.0         #: a place in the first-level region the article names most
HELD_WEIGHT = 5.0           #: a town in a county the article names, and that county
MAX_CANDIDATES = 25
FAR_FETCHED_POPULATION = 50_000     #: a town smaller than this, in a country never named, is no pin
REGION_NAMESAKE_POPULATION = 100_000   #: a town smaller than this is not meant by a state's name
ALTERNATE_PENALTY = 1.5     #: an old or foreign name ("Twickenham" of Huntsville) is read last
FEATURE_PRIOR = {"PCLI": 9.0, "CONT": 6.0, "ADM1": 4.5, "PPLC": 5.0, "RGN": 3.0, "ADM2": 1.5}


@dataclass
class Choice:
    mention: Mention
    place: Place | None        #: None: a place the gazetteer does not know (shown as unresolved)


def resolve(mentions: list[Mention], gaz: Gazetteer, demonym_countries: Counter,
            in_names: list[Mention] = ()) -> list[Choice]:
    """A place for each mention; `in_names`, places named inside the names of bodies
    ("Vancouver Coastal Health Authority"), are context only: they are not listed, but
    their readings count like the others' ("Richmond" is then the one by Vancouver)."""
    shown = mentions
    mentions = [*mentions, *(m for m in in_names if m.hits)]
    candidates = {id(m): _candidates(m) for m in mentions}
    support = _support(mentions, candidates)
    held = _held(mentions, candidates)
    chosen: dict[int, Place | None] = {}
    context = Context(Counter(), Counter(), demonym_countries)
    neighbours: dict[tuple[int, int], float] = {}
    for _ in range(3):
        for m in mentions:
            chosen[id(m)] = _best(m, candidates[id(m)], support, context.without(m, chosen), chosen, neighbours,
                                  held)
        context = Context.of(mentions, chosen, demonym_countries, candidates)
        neighbours = _neighbours(mentions, candidates, chosen)
    # One name, one place in an article, unless the text places its mentions apart; where
    # the text once says what the name is ("DeKalb County"), the bare name is that too
    # ("in north DeKalb").
    by_form: dict[str, Counter] = {}
    typed: dict[str, Place] = {}
    for m in mentions:
        if m.container is None and chosen[id(m)] is not None:
            by_form.setdefault(norm(m.form), Counter())[chosen[id(m)].id] += 1
            if chosen[id(m)].is_admin and (m.regions_only or typed_base(m.form)):
                typed.setdefault(typed_base(m.form) or norm(m.form), chosen[id(m)])
    # "Orient, Ohio" with no Orient in Ohio known: every "Orient" is that one, unresolved.
    unknown_there = {norm(m.form) for m in mentions if m.container is not None and chosen[id(m)] is None
                     and m.hits}
    places = {p.id: p for p in chosen.values() if p is not None}
    for m in mentions:
        if m.container is None and norm(m.form) in unknown_there:
            chosen[id(m)] = None
            continue
        votes = by_form.get(norm(m.form))
        if m.container is None and votes and chosen[id(m)] is not None:
            region = typed.get(norm(m.form))
            if region is not None and "dateline" not in m.evidence:
                chosen[id(m)] = region
            else:
                chosen[id(m)] = places[votes.most_common(1)[0][0]]
    return [Choice(m, chosen[id(m)]) for m in shown]


def _own_name(form: str) -> str:
    """What makes two mentions one name, whose readings give each other no support:
    "City of Richmond" is Richmond again (but "DeKalb County" is not the town DeKalb)."""
    return norm(without_prefix(form))


def _neighbours(mentions: list[Mention], candidates: dict, chosen: dict) -> dict[tuple[int, int], float]:
    """For each (mention, candidate): how many other names' current places lie near it.
    Places are looked up by grid cell and by first-level region, not compared pairwise, so
    that a long article with thousands of names takes linear time."""
    places, certainty = {}, {}
    for m in mentions:
        p = chosen.get(id(m))
        if p is not None and p.lat is not None and p.feature not in ("PCLI", "CONT"):
            places.setdefault(_own_name(m.form), p)
            # A name with many namesakes is a weak neighbour: its own choice may be wrong.
            certainty.setdefault(_own_name(m.form), min(1.0, 2.0 / math.sqrt(len(candidates[id(m)]) or 1)))
    grid: dict[tuple[int, int], list] = {}
    regions: dict[tuple[str, str], list] = {}
    for form, q in places.items():
        grid.setdefault(_cell(q), []).append((form, q))
        if q.admin1:
            regions.setdefault((q.country, q.admin1), []).append((form, q))
    counted: dict[tuple[str, int], float] = {}
    out = {}
    for m in mentions:
        form = _own_name(m.form)
        for h in candidates[id(m)]:
            p = h.place
            if p.lat is None or p.feature in ("PCLI", "CONT"):
                continue
            key = (form, p.id)
            if key not in counted:
                near = {(f, q.id): q for f, q in _around(p, grid)}
                if p.admin1:
                    near.update({(f, q.id): q for f, q in regions.get((p.country, p.admin1), ())})
                counted[key] = min(2.0, sum(certainty[f] for (f, qid), q in near.items()
                                            if f != form and qid != p.id and _near(p, q)))
            out[(id(m), p.id)] = counted[key]
    return out


def _around(p: Place, grid: dict) -> list:
    """The places in the grid cells within NEAR_KM of `p` (more cells east and west near the poles)."""
    cy, cx = _cell(p)
    span = max(1, math.ceil(NEAR_KM / (111 * max(0.05, math.cos(math.radians(p.lat)))) / 1.5))
    return [item for dy in (-1, 0, 1) for dx in range(-span, span + 1)
            for item in grid.get((cy + dy, cx + dx), ())]


@dataclass
class Context:
    """The countries and first-level regions of the places chosen for the other names."""
    countries: Counter          #: country → how many names lie in it
    regions: Counter            #: (country, region) → how many mentions lie in it
    demonyms: Counter
    own: dict = field(default_factory=dict)   #: name → what its own mentions added

    @classmethod
    def of(cls, mentions: list[Mention], chosen: dict, demonyms: Counter,
           candidates: dict[int, list[Hit]]) -> "Context":
        """Countries from every chosen place; regions only from names that leave no doubt
        about their region (a state named, a town with no namesake elsewhere), so that
        one wrong guess does not pull its neighbours after it."""
        countries, regions = Counter(), Counter()
        own: dict[str, tuple[Counter, Counter]] = {}
        for m in mentions:
            p = chosen.get(id(m))
            if p is None:
                continue
            form = _own_name(m.form)
            mine_countries, mine_regions = own.setdefault(form, (Counter(), Counter()))
            held = {(h.place.country, h.place.admin1) for h in candidates[id(m)]}
            if p.feature == "ADM1" or p.admin1 and p.feature != "PCLI" and len(held) == 1:
                mine_regions[(p.country, p.admin1)] += 1    # each mention: the story's own state leads
            if p.country:
                mine_countries[p.country] = 1               # each name once
        for mine_countries, mine_regions in own.values():
            countries.update(mine_countries)
            regions.update(mine_regions)
        return cls(countries, regions, demonyms, own)

    def without(self, m: Mention, chosen: dict) -> "Context":
        """The context less the name itself (a name is no evidence for its own reading)."""
        mine = self.own.get(_own_name(m.form))
        if mine is None:
            return self
        return Context(self.countries - mine[0], self.regions - mine[1], self.demonyms)

    def region_share(self, iso: str, admin1: str) -> float:
        """How often the region is named, against the region named most (1.0 for it)."""
        top = max(self.regions.values(), default=0)
        return self.regions[(iso, admin1)] / top if top else 0.0

    def country_share(self, iso: str) -> float:
        total = sum(self.countries.values()) + sum(self.demonyms.values()) * 0.5
        return (self.countries[iso] + self.demonyms[iso] * 0.5) / total if total else 0.0


def _candidates(m: Mention) -> list[Hit]:
    hits = list(m.hits)
    if m.form.isascii():
        # A small place reached only by dropping accents ("God" → Göd) is an alternate reading.
        hits = [Hit(h.place, 1) if h.how == 0 and not h.place.name.isascii() and h.place.population < 100_000
                and norm(h.place.name) == norm(m.form) else h for h in hits]
    if m.kind_hint == "city" or "dateline" in m.evidence:      # a dateline names a town
        hits = [h for h in hits if h.place.kind == "city"] or hits
    else:
        # A city-state's name is the state, which holds its capital ("Hong Kong", "Singapore").
        states = {h.place.country for h in hits if h.place.feature == "PCLI" and h.how == 0}
        hits = [h for h in hits if not (h.place.feature == "PPLC" and h.place.country in states)]
    if not m.regions_only:
        # A district named after its main town ("Srinagar"): the bare name is the town.
        towns = {(h.place.country, h.place.admin2) for h in hits if h.place.kind == "city"}
        hits = [h for h in hits if not (h.place.feature == "ADM2" and (h.place.country, h.place.name) in towns)]
        return hits[:MAX_CANDIDATES]
    # "Douglas County": the base name is the region's own name here; every namesake counts.
    return [Hit(h.place, 0) if h.how == 2 else h for h in hits if h.place.is_admin or h.place.feature == "RGN"]


def _best(m: Mention, hits: list[Hit], support, context: Context, chosen: dict,
          neighbours: dict, held: dict) -> Place | None:
    if not hits:
        return None
    container = chosen.get(id(m.container)) if m.container is not None else None
    if m.container is not None and container is None and m.container.hits:
        container = m.container.hits[0].place

    def score(h: Hit) -> float:
        p = h.place
        s = _prior(p, m) + (3.0 if p.curated else 0.0)
        s += math.log10(p.population + 1)
        s -= ALTERNATE_PENALTY if h.how else 0.0
        if container is not None and container is not p:
            s += 40.0 if _within(p, container) else -30.0
        if p.country:
            s += 6.0 * context.country_share(p.country)
        if p.feature not in ("PCLI", "CONT"):
            s += REGION_WEIGHT * context.region_share(p.country, p.admin1)
        s += 2.5 * support.get((id(m), p.id), 0.0) + NEIGHBOUR_WEIGHT * neighbours.get((id(m), p.id), 0.0)
        s += HELD_WEIGHT * held.get((id(m), p.id), 0.0)
        return s

    best = max(_region_over_namesakes(m, hits), key=score)
    if container is not None and container is not best.place and not _within(best.place, container):
        return None         # none of the name's places lies in the place the text puts it in
    if _far_fetched(m, best, context, container):
        # A city in a country the article names, if any ("Medina" beside Mecca is the Saudi
        # city, not a small namesake in Ohio that other names' towns support)
        named = [h for h in hits if h.place.country and context.country_share(h.place.country) > 0
                 and h.place.population >= FAR_FETCHED_POPULATION]
        return max(named, key=score).place if named else None
    return best.place


def _region_over_namesakes(m: Mention, hits: list[Hit]) -> list[Hit]:
    """A state's or province's name alone is the region, not a small town of its country
    named after it ("Oregon" is no town in Ohio unless the text says "Oregon, Ohio"), however
    many other states the text lists. (The towns stay candidates: the name's certainty, and
    so the support it lends others, is unchanged.)"""
    if m.container is not None or m.kind_hint == "city" or "dateline" in m.evidence:
        return hits
    regions = states_named(hits)
    return [h for h in hits if not (h.place.kind == "city" and h.place.country in regions
                                    and h.place.population < REGION_NAMESAKE_POPULATION)] or hits


def _prior(p: Place, m: Mention) -> float:
    """How likely the kind of place is before any context. A bare name (no type word) is a
    town before a district named like it, whose people the region table may sum over a
    whole metro ("Cambridge", a council in Perth), and a small province is no likelier
    than a town ("Portland", Jamaica)."""
    if not m.regions_only and p.feature == "ADM2":
        return -2.0
    if not m.regions_only and p.feature == "ADM1" and p.population < MIN_BIG_REGION:
        return 0.0
    return FEATURE_PRIOR.get(p.feature, 0.0)


def _far_fetched(m: Mention, h: Hit, context: Context, container: Place | None) -> bool:
    """A small town in a country the article never names, when it names others: a pin on
    the wrong continent ("Piccadilly" in a London story is no village in Australia). The
    name is kept, unresolved."""
    p = h.place
    if container is not None or p.feature in ("PCLI", "CONT", "ADM1") or p.curated or not p.country:
        return False
    named = sum(context.countries.values()) + sum(context.demonyms.values())
    return named >= 2 and context.country_share(p.country) == 0 and p.population < FAR_FETCHED_POPULATION \
        and not m.evidence & {"type", "dateline", "container"}


def _within(p: Place, container: Place) -> bool:
    if container.feature == "PCLI":
        return p.country == container.country
    if container.feature == "ADM1":
        return p.country == container.country and p.admin1 == container.admin1 and p.id != container.id
    if container.feature == "ADM2":
        return p.country == container.country and p.admin2 == container.admin2 and p.id != container.id
    return p.lat is not None and container.lat is not None and _km(p, container) <= 300


def _support(mentions: list[Mention], candidates: dict[int, list[Hit]]) -> dict[tuple[int, int], float]:
    """For each (mention, candidate): how many other names of the article have a
    candidate near it, each weighted by how few namesakes it has."""
    grid: dict[tuple[int, int], list[tuple[int, Place, float]]] = defaultdict(list)
    names = {}
    for m in mentions:
        key = _own_name(m.form)
        names.setdefault(key, m)
    for key, m in names.items():
        hits = candidates[id(m)]
        weight = 1.0 / math.sqrt(len(hits)) if hits else 0.0
        for h in hits:
            p = h.place
            if p.lat is not None and p.feature not in ("PCLI", "CONT"):
                grid[_cell(p)].append((id(m), p, weight))
    out: dict[tuple[int, int], float] = {}
    for m in mentions:
        for h in candidates[id(m)]:
            p = h.place
            if p.lat is None or p.feature in ("PCLI", "CONT"):
                continue
            best: dict[int, float] = {}
            cx, cy = _cell(p)
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    for other, q, w in grid.get((cx + dx, cy + dy), ()):
                        if other != id(names[_own_name(m.form)]) and other != id(m) and _near(p, q):
                            best[other] = max(best.get(other, 0.0), w)
            out[(id(m), p.id)] = min(sum(best.values()), 2.0)
    return out


def _held(mentions: list[Mention], candidates: dict[int, list[Hit]]) -> dict[tuple[int, int], float]:
    """A town and a county the article names where one reading of the town lies in one
    reading of the county ("Paris" and "Henry County": Paris, Tennessee, in Henry County,
    Tennessee): both readings gain, shared out when several pairs fit, so that names
    with many namesakes pair by chance only weakly."""
    counties: dict[tuple[str, str, str], list[tuple[str, Place]]] = defaultdict(list)
    for m in mentions:
        for h in candidates[id(m)]:
            p = h.place
            if p.feature == "ADM2" and p.admin2:
                counties[(p.country, p.admin1, p.admin2)].append((_own_name(m.form), p))
    if not counties:
        return {}
    pairs: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    forms = {}
    for m in mentions:
        form = _own_name(m.form)
        forms.setdefault(form, []).append(m)
        for h in candidates[id(m)]:
            p = h.place
            if p.kind != "city" or not p.admin2:
                continue
            for county_form, q in counties.get((p.country, p.admin1, p.admin2), ()):
                if county_form != form:
                    pairs[(form, county_form)].append((p.id, q.id))
    out: dict[tuple[int, int], float] = {}
    for (town, county), found in pairs.items():
        share = 1.0 / len(found)
        for town_id, county_id in found:
            for m in forms[town]:
                out[(id(m), town_id)] = max(out.get((id(m), town_id), 0.0), share)
            for m in forms[county]:
                out[(id(m), county_id)] = max(out.get((id(m), county_id), 0.0), share)
    return out


def _cell(p: Place) -> tuple[int, int]:
    return int(p.lat // 1.5), int(p.lon // 1.5)


def _near(a: Place, b: Place) -> bool:
    if a.country and a.country == b.country and a.admin1 and a.admin1 == b.admin1 \
            and ("ADM1" in (a.feature, b.feature)):
        return True
    return _km(a, b) <= NEAR_KM


def _km(a: Place, b: Place) -> float:
    return km(a.lat, a.lon, b.lat, b.lon)
