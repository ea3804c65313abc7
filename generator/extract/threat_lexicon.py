"""The threat lexicon (data/threat_lexicon.yaml), loaded and compiled once."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Kind:
    category: str
    event_type: str
    sub_event_type: str
    trigger: re.Pattern
    severity: str           #: how serious by default
    variants: dict          #: other sub-event types: suicide, shelling, clash, government
    ceiling: str = "high"   #: the most serious it can be ("medium": a protest is never high)
    rhetoric: re.Pattern | None = None   #: triggers that only name danger: low when no other is told


@dataclass(frozen=True)
class Lexicon:
    kinds: tuple[Kind, ...]
    acts_on: frozenset[str]           #: verb forms whose subject acts on their object
    act_nouns: frozenset[str]         #: nouns naming an act ("attack", "offensive")
    act_noun_patient: str             #: words before the one acted on ("on", "against")
    act_noun_agent: str               #: words before the one who acts ("by")
    suffering: frozenset[str]
    blame: frozenset[str]
    reporting: frozenset[str]
    state_acts: frozenset[str]        #: what a capital standing for its state does ("dispatched")
    qualified_nouns: frozenset[str]   #: nouns a trigger only qualifies ("air strike capabilities")
    threatened: re.Pattern            #: the act that follows is only threatened
    threatened_anywhere: re.Pattern   #: the sentence's act is only threatened
    grave: re.Pattern                 #: violence that is high whatever its toll
    not_violence: re.Pattern          #: causes of death that are no attack (disease, disaster, accident)
    armed: re.Pattern                 #: arms or armed people: violence after all
    disaster_kinds: frozenset[str]    #: kinds a disease, disaster or accident does not make
    territory_verbs: re.Pattern       #: seizing, capturing, retaking
    territory_object: re.Pattern      #: what follows them when ground is taken
    killing: re.Pattern               #: words of killing, an act only with a killer
    killers: re.Pattern               #: people who kill, when arms are not named
    background: re.Pattern
    perpetrators: frozenset[str]      #: nouns for those who did it ("the gunmen", "the suspects")
    identified_as: str                #: words tying them to a name ("were linked to")
    held: frozenset[str]              #: verbs of holding a suspect ("detained the man, later identified as")
    victims: frozenset[str]           #: people acted on when described, not named ("aid workers")

    def kind(self, category: str) -> Kind:
        return next(k for k in self.kinds if k.category == category)

    def kind_of(self, text: str, disaster_story: bool = False) -> Kind | None:
        """The first kind whose trigger the text holds as an act: not a trigger that only
        qualifies a noun ("air strike capabilities"); a violent act the text only threatens
        ("under threat from ISIS", "threatening to attack") is a threat. In a story of a
        disease, a disaster or an accident (`disaster_story`, see `disaster`), deaths and
        dangers are that story's unless arms are named."""
        for kind in self.kinds:
            for m in kind.trigger.finditer(text):
                after = text[m.end():m.end() + 30].split(maxsplit=1)
                if after and after[0].lower().strip(".,;:") in self.qualified_nouns:
                    continue
                if kind.category in self.disaster_kinds and (disaster_story or self.not_violence.search(text)) \
                        and not self.armed.search(text):
                    continue           # "killed in the floods": a toll, not an attack
                if self.territory_verbs.match(m.group(0)) and not self.territory_object.match(text, m.end()):
                    continue           # "police seized the substance"
                if self.killing.match(m.group(0)) and not (self.armed.search(text) or self.killers.search(text)):
                    continue           # "the crash killed seven": a toll, not an attack
                threatened = self.threatened.search(text, 0, m.start()) or self.threatened_anywhere.search(text)
                if threatened and kind.category != "threat or warning":
                    return self.kind("threat or warning")
                return kind
        return None


    def disaster(self, lead: str) -> bool:
        """A story whose headline and lead tell of a disease, a disaster or an accident,
        and of no arms or armed people."""
        return bool(self.not_violence.search(lead)) and not self.armed.search(lead)


@functools.cache
def lexicon() -> Lexicon:
    data = yaml.safe_load((DATA / "threat_lexicon.yaml").read_text(encoding="utf-8"))
    kinds = tuple(
        Kind(k["category"], k["event_type"], k["sub_event_type"],
             re.compile(rf"\b(?:{k['triggers']})\b", re.I), k["severity"],
             {key.removesuffix("_sub_event_type"): value for key, value in k.items()
              if key.endswith("_sub_event_type") and key != "sub_event_type"}, k.get("ceiling", "high"),
             re.compile(rf"\b(?:{k['rhetoric']})\b", re.I) if k.get("rhetoric") else None)
        for k in data["kinds"])
    words = lambda value: frozenset(" ".join(value if isinstance(value, list) else [value]).split())
    return Lexicon(kinds, words(data["acts_on"]), words(data["act_nouns"]), data["act_noun_patient"],
                   data["act_noun_agent"], words(data["suffering"]), words(data["blame"]),
                   words(data["reporting"]), words(data["state_acts"]),
                   words(data["qualified_nouns"]), re.compile(rf"\b(?:{data['threatened']})\b", re.I),
                   re.compile(rf"\b(?:{data['threatened_anywhere']})\b", re.I),
                   re.compile(rf"\b(?:{data['grave']})\b", re.I),
                   re.compile(rf"\b(?:{data['not_violence']})\b", re.I),
                   re.compile(rf"\b(?:{data['armed']})\b", re.I), frozenset(data["disaster_kinds"]),
                   re.compile(rf"^(?:{data['territory_verbs']})$", re.I), re.compile(data["territory_object"]),
                   re.compile(rf"^(?:{data['killing']})$", re.I), re.compile(rf"\b(?:{data['killers']})\b", re.I),
                   re.compile(data["background"], re.I), words(data["perpetrators"]), data["identified_as"],
                   words(data["held"]), words(data["victims"]))
