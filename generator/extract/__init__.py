"""Extraction: one article in, one briefing out.

``Extractor`` holds what is loaded once (the language pipeline, the gazetteer and
the list of known actors) and turns each Article into a Briefing.
"""
from __future__ import annotations

from datetime import datetime, timezone

from .. import TOOL
from ..article import Article
from ..briefing import Briefing, Generated, Source
from .actors import ActorFinder
from .groups import find_groups, merge_into_states
from .spans import doc_text
from .gazetteer import gazetteer, known_actor_forms, known_actors
from .locations import find_locations
from .nlp import load, model_label, parse
from .quotes import QuoteFinder
from .speaking import speaking_people
from .summary import summarise
from .bluf import bluf, lead_end
from .threats import find_threats, state_codes
from .dates import publication_date


class Extractor:
    def __init__(self, model: str = ""):
        self.nlp = load(model)
        self.gaz = gazetteer()
        self.actor_finder = ActorFinder(self.gaz, known_actors())
        self.model = model_label(self.nlp)

    def extract(self, article: Article, now: datetime | None = None) -> Briefing:
        doc = next(parse(self.nlp, [article.body]))
        return self.from_doc(article, doc, now)

    def from_doc(self, article: Article, doc, now: datetime | None = None) -> Briefing:
        headline_end = article.headline[1]
        # spaCy rebuilds doc.text from every token on each call; the article holds it already.
        if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(article.body):
            doc.user_data.setdefault("text", article.body)
        locations = find_locations(doc, self.gaz, headline_end, known_actor_forms())
        places = sorted((e.start, e.end) for loc in locations for e in loc.evidence)
        actors = self.actor_finder.find(doc, headline_end, places)
        taken = [(e.start, e.end) for a in actors for e in a.evidence]
        text = doc_text(doc)
        actors = merge_into_states(actors + find_groups(text, self.gaz, locations, headline_end, taken), self.gaz)
        place_names = {form for loc in locations for form in (loc.name, *loc.aliases)}
        quotes = QuoteFinder(actors, place_names).find(doc)
        actors += speaking_people(text, quotes, actors, place_names, self.gaz)
        published = publication_date(article)
        threats = find_threats(doc, actors, locations, self.gaz, published, headline_end)
        summary = summarise(doc, headline_end, actors, locations, threats)
        at = (now or datetime.now(timezone.utc)).replace(microsecond=0).isoformat()
        lead = lead_end(article.body, headline_end)
        reported = [t for t in threats if any(e.start < lead for e in t.evidence)]
        bottom_line = bluf(reported, _countries(actors, locations, self.gaz), {loc.name: loc.kind for loc in locations},
                           {a.name: a.type for a in actors})
        return Briefing(
            id=article.slug, title=article.title, bluf=bottom_line, summary=summary,
            source=Source(file=article.path, sha256=article.sha256, name=article.source_name,
                          url=article.url, published=published.isoformat() if published else article.published),
            generated=Generated(at=at, by=TOOL, model=self.model),
            actors=sorted(actors, key=lambda a: (-a.key, -a.mentions, a.evidence[0].start)),
            locations=locations, threats=threats, quotes=quotes)


def _countries(actors, locations, gaz) -> dict[str, str]:
    """Name → ISO code for the briefing's places and its state actors."""
    return {loc.name: loc.country for loc in locations if loc.country} | state_codes(actors, gaz)
