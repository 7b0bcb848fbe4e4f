"""The casebook's schema, declared once: files, columns and vocabularies.

Validation, the graph, the HTML legend, the exports and the README all read this module;
nothing else lists a column, an actor type, a relation or a certainty level by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from actorgraph.errors import BadValue
from actorgraph.text import closest, name_key


@dataclass(frozen=True)
class ActorType:
    name: str
    label: str
    description: str
    color: str
    shape: str  # a vis-network node shape
    # The shape on pages laid out in Python (thousands of actors), where vis-network would
    # measure the label of every actor drawn in a label-sized shape (box, ellipse): a
    # fixed-size shape instead. None: the same shape.
    large_shape: str | None = None


@dataclass(frozen=True)
class Family:
    name: str
    description: str
    color: str
    # The small shape drawn on each of the family's lines and beside it in the legend, so that
    # families are told apart where their colours are not (colour blindness, a grey print):
    # circle, square, triangle, diamond, cross or bar, one per family. Families whose colours
    # come closest under simulated deuteranopia and protanopia (support and criminal, military
    # and coercion, cooperation and criminal) have glyphs least alike.
    glyph: str


@dataclass(frozen=True)
class Relation:
    name: str
    label: str  # reads between the two actors: "Iran supplies arms to Venezuela"
    description: str
    directed: bool
    family: str


@dataclass(frozen=True)
class Certainty:
    name: str
    description: str
    dashes: bool | tuple[int, ...]  # vis-network edge dashes: False is a solid line


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    required: bool = False


@dataclass(frozen=True)
class Table:
    name: str
    filename: str
    description: str
    columns: tuple[Column, ...]
    aliases: dict[str, str]  # header spellings of other tools (Kumu, Gephi) -> our column

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


ACTOR_TYPES: dict[str, ActorType] = {
    t.name: t
    for t in (
        ActorType("state", "State", "A sovereign state, named or by its capital (Iran, Tehran).",
                  "#1f77b4", "dot"),
        ActorType("territory", "Territory", "A territory, region or area that matters to a claim "
                  "(the Caribbean, Aruba, the tri-border area).", "#8c9dad", "triangle"),
        ActorType("government_body", "Government body", "A ministry, agency, security apparatus or "
                  "group of officials acting for a state.", "#17becf", "square"),
        ActorType("military_unit", "Military unit", "A state's armed force, service or unit "
                  "(IRGC, Quds Force, a carrier strike group).", "#d62728", "diamond"),
        ActorType("armed_group", "Armed group", "A non-state armed or militant group (Hezbollah, "
                  "ELN).", "#ff7f0e", "star"),
        ActorType("criminal_network", "Criminal network", "A network alleged to traffic, smuggle "
                  "or launder (Cartel de los Soles).", "#9467bd", "hexagon"),
        ActorType("organisation", "Organisation", "Any other organisation: NGOs, community "
                  "bodies, companies, groups of people named collectively.", "#2ca02c",
                  "ellipse", large_shape="dot"),
        ActorType("person", "Person", "A named individual.", "#e377c2", "box",
                  large_shape="triangleDown"),
        ActorType("facility", "Facility", "A site: a refinery, port, airport, base, mine or "
                  "bank branch (the El Palito refinery).", "#8c564b", "database",
                  large_shape="square"),
        ActorType("bloc", "Bloc", "A bloc, coalition or camp of several actors named as one "
                  "(the West, the axis of resistance).", "#bcbd22", "circle",
                  large_shape="dot"),
    )
}

FAMILIES: dict[str, Family] = {
    f.name: f
    for f in (
        Family("cooperation", "Alliances, cooperation, meetings and links between equals.",
               "#0072b2", "circle"),
        Family("support", "One actor sustains another: backing, money, goods, shelter, "
               "protection.", "#009e73", "triangle"),
        Family("military", "Arms, deployments, armed presence and violence.", "#d55e00",
               "diamond"),
        Family("criminal", "Trafficking, smuggling and illicit operations.", "#cc79a7",
               "cross"),
        Family("coercion", "Pressure and hostility: threats, sanctions, designations, "
               "condemnation, detention.", "#e69f00", "bar"),
        Family("structure", "Who belongs to, serves or leads whom.", "#555555", "square"),
    )
}

RELATIONS: dict[str, Relation] = {
    r.name: r
    for r in (
        # cooperation (undirected unless a side is named as acting)
        Relation("allied_with", "is allied with", "An alliance, axis or strategic partnership.",
                 False, "cooperation"),
        Relation("cooperates_with", "cooperates with", "Operational, military, economic or "
                 "intelligence cooperation short of an alliance.", False, "cooperation"),
        Relation("met_with", "met with", "A meeting or negotiation between the two.", False,
                 "cooperation"),
        Relation("logistics_link", "has a transport link with", "Flights, shipping or other "
                 "transport routes between the two.", False, "cooperation"),
        Relation("transfers_with", "exchanges material with", "Transfers of arms, people or "
                 "material between the two, direction not stated.", False, "cooperation"),
        Relation("requests_from", "requests from", "The source asks the target for arms, goods "
                 "or help.", True, "cooperation"),
        # support
        Relation("supports", "supports", "Political, material or military backing of the "
                 "target.", True, "support"),
        Relation("economic_support", "gives economic support to", "Goods (fuel), repairs, "
                 "trade or money that keep the target's economy going.", True, "support"),
        Relation("finances", "finances", "The source's activity or money funds the target.",
                 True, "support"),
        Relation("provides_safe_haven", "gives safe haven to", "The source lets the target "
                 "shelter on its territory.", True, "support"),
        Relation("protects", "protects", "The source guards the target (a bodyguard, a "
                 "praetorian guard).", True, "support"),
        # military
        Relation("supplies_arms_to", "supplies arms to", "Weapons, military equipment or arms "
                 "production moved from the source to the target.", True, "military"),
        Relation("military_presence_in", "has a military presence in", "The source's forces, "
                 "operatives, advisers or bases are in the target.", True, "military"),
        Relation("targets", "takes action against", "Military, covert, legal or financial "
                 "operations by the source against the target.", True, "military"),
        Relation("attacks", "attacked", "A violent attack or strike by the source on the "
                 "target.", True, "military"),
        Relation("armed_conflict_with", "is at war with", "Open armed conflict between the "
                 "two.", False, "military"),
        # criminal
        Relation("operates_in", "operates in", "The source runs operations (often illicit) in "
                 "or through the target.", True, "criminal"),
        Relation("traffics_with", "traffics with", "Joint trafficking or smuggling: drug "
                 "corridors, illicit mining, laundering.", False, "criminal"),
        # coercion
        Relation("threatens", "threatens", "The source endangers the target's security.",
                 True, "coercion"),
        Relation("hostile_to", "is hostile to", "Declared hostility or opposition.", True,
                 "coercion"),
        Relation("sanctions", "sanctions", "Economic sanctions imposed by the source on the "
                 "target.", True, "coercion"),
        Relation("designates", "designates", "The source lists the target as a terrorist "
                 "organisation.", True, "coercion"),
        Relation("detains", "detained", "The source detained or seized the target's people or "
                 "property.", True, "coercion"),
        Relation("condemns", "condemns", "The source publicly denounces the target's "
                 "conduct.", True, "coercion"),
        # structure
        Relation("part_of", "is part of", "A unit, body or place within the target.", True,
                 "structure"),
        Relation("member_of", "is a member of", "The source belongs to, or makes up, the "
                 "target network.", True, "structure"),
        Relation("official_of", "is an official of", "A person holding office in the target "
                 "(the role goes in notes).", True, "structure"),
        Relation("leads", "leads", "The source heads the target (a government, a regime, a "
                 "group).", True, "structure"),
        Relation("associated_with", "is associated with", "A link the text draws without "
                 "naming its kind.", False, "structure"),
    )
}

@dataclass(frozen=True)
class Grade:
    name: str
    description: str


# Whether a claim's claimant affirms or denies the relation; blank means affirms.
STANCES: dict[str, Grade] = {
    g.name: g
    for g in (
        Grade("affirms", "The claimant says the relation holds."),
        Grade("denies", "The claimant says it does not (a denial, a rebuttal)."),
    )
}
AFFIRMS, DENIES = "affirms", "denies"

# The Admiralty (NATO) grading of a source's reliability.
RELIABILITY: dict[str, Grade] = {
    g.name: g
    for g in (
        Grade("A", "Completely reliable"),
        Grade("B", "Usually reliable"),
        Grade("C", "Fairly reliable"),
        Grade("D", "Not usually reliable"),
        Grade("E", "Unreliable"),
        Grade("F", "Reliability cannot be judged"),
    )
}

# Strongest first: the order ranks paths by their weakest claim and drives --min-certainty.
CERTAINTIES: dict[str, Certainty] = {
    c.name: c
    for c in (
        Certainty("confirmed", "A matter of record the text reports: an official act, a "
                  "public statement, a documented event.", False),
        Certainty("asserted", "The text states it as fact, without evidence.", (12, 4)),
        Certainty("alleged", "The text attributes it to others (documents, officials, "
                  "analysts).", (6, 6)),
        Certainty("suspected", "Hedged: suspicion, \"possibly\", \"could\", a forecast.",
                  (2, 6)),
        Certainty("implied", "Not said outright: follows from how the text puts things "
                  "side by side.", (1, 10)),
    )
}

CERTAINTY_RANK: dict[str, int] = {name: rank for rank, name in enumerate(CERTAINTIES)}

ALIAS_SEPARATOR = "|"
FRAGMENT_SEPARATORS = ("…", "...")

NODES = Table(
    "nodes", "nodes.csv", "One row per actor.",
    (
        Column("id", "Stable slug used by edges.csv (`iran`, `cartel-de-los-soles`).", True),
        Column("name", "The name shown to people.", True),
        Column("type", "An actor type (see below).", True),
        Column("aliases", "Other names, `|`-separated (`Tehran|Islamic Republic`)."),
        Column("description", "Who this is, in a sentence."),
    ),
    {"label": "name", "aliases": "aliases", "tags": "aliases"},
)

EDGES = Table(
    "edges", "edges.csv", "One row per claim: one allegation of one relation between two "
    "actors.",
    (
        Column("id", "Stable claim id (`c001`).", True),
        Column("source", "The actor id the relation goes from.", True),
        Column("target", "The actor id the relation goes to.", True),
        Column("relation", "A relation type (see below).", True),
        Column("source_text", "The shortest verbatim span of the document that supports the "
               "claim; `…` or `...` joins fragments that appear in that order.", True),
        Column("source_doc", "The id of a document in sources.csv.", True),
        Column("claimed_by", "Who alleges it, as the text says: `the author`, `internal U.S. "
               "documents`, `analysts`, a named official.", True),
        Column("certainty", "How firmly the text puts it (see below).", True),
        Column("date", "When it happened or was said, ISO 8601, partial allowed: `2022-06`, "
               "`2024`, `2025-11-03`."),
        Column("notes", "Anything an analyst should know: roles, figures, caveats."),
        Column("stance", "Whether the claimant affirms the relation (`affirms`, the default "
               "when blank) or denies it (`denies`: \"Maduro denies all this\")."),
    ),
    {"from": "source", "to": "target", "type": "relation", "description": "notes"},
)

SOURCES = Table(
    "sources", "sources.csv", "One row per source document.",
    (
        Column("id", "Stable document id, used by edges.csv `source_doc`.", True),
        Column("title", "The document's title (blank where the text gives none)."),
        Column("path", "The document's UTF-8 text file, relative to the casebook folder "
               "(`sources/x.txt`); it must be inside it.", True),
        Column("url", "Where it was published, if known."),
        Column("published", "Publication date, ISO 8601, partial allowed."),
        Column("publisher", "Publisher, if known. Documents of one publisher count once "
               "when a tie's sources are counted; a document without one counts as its own."),
        Column("reliability", "How reliable the source is, graded as in the Admiralty "
               "system (see below), if assessed."),
    ),
    {},
)

TABLES: tuple[Table, ...] = (NODES, EDGES, SOURCES)


# --- Checking values against the vocabularies ---------------------------------------------

VOCABULARIES = {"type": ACTOR_TYPES, "relation": RELATIONS, "certainty": CERTAINTIES,
                "stance": STANCES, "reliability": RELIABILITY}
_KINDS = {"type": "actor type", "relation": "relation type", "certainty": "certainty level",
          "stance": "stance", "reliability": "reliability grade (Admiralty A-F)"}

# Words people use for a vocabulary's entries: "did you mean" offers the entry.
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "relation": {
        "allied_with": ("ally", "allies", "alliance", "allied", "axis", "partner",
                        "partners", "partnership"),
        "cooperates_with": ("cooperates", "cooperation", "collaborates", "collaboration",
                            "works with", "coordinates"),
        "met_with": ("met", "meets", "meeting", "talks", "negotiates", "visited"),
        "logistics_link": ("flights", "flight", "shipping", "route", "routes", "transport",
                           "logistics"),
        "transfers_with": ("transfers", "exchanges", "swaps"),
        "requests_from": ("requests", "asks", "requested", "asked"),
        "supports": ("backs", "backing", "support", "supported", "sponsors", "sponsor"),
        "economic_support": ("trade", "fuel", "aid", "economic", "economy"),
        "finances": ("funds", "funding", "funded", "financed", "finance", "bankrolls",
                     "pays", "money", "financing"),
        "provides_safe_haven": ("haven", "safe haven", "shelters", "harbours", "harbors",
                                "hosts", "sanctuary"),
        "protects": ("guards", "protection", "bodyguard", "shields"),
        "supplies_arms_to": ("arms", "supplies", "weapons", "equips", "armed", "sells arms",
                             "drones", "arms supply"),
        "military_presence_in": ("deployed", "stationed", "troops", "presence", "bases",
                                 "deployment"),
        "targets": ("target", "operations against", "action against"),
        "attacks": ("attack", "attacked", "strikes", "bombed", "struck", "strike"),
        "armed_conflict_with": ("war", "fights", "fighting", "conflict", "at war"),
        "operates_in": ("operates", "active in", "present in", "operations in"),
        "traffics_with": ("traffics", "smuggles", "smuggling", "trafficking", "launders",
                          "laundering", "drugs", "cocaine"),
        "threatens": ("threat", "threatened", "endangers", "menaces"),
        "hostile_to": ("hostile", "opposes", "enemy", "hostility", "enmity"),
        "sanctions": ("sanctioned", "sanction", "embargo"),
        "designates": ("designated", "designation", "lists", "blacklists", "terrorist list"),
        "detains": ("detained", "arrests", "arrested", "seized", "seizes", "arrest"),
        "condemns": ("condemned", "denounces", "criticises", "criticizes", "condemnation"),
        "part_of": ("part", "belongs to", "within", "unit of", "branch of"),
        "member_of": ("member", "membership", "joins", "joined"),
        "official_of": ("official", "minister of", "serves", "serves in", "minister"),
        "leads": ("leader", "heads", "commands", "chief", "led", "head of"),
        "associated_with": ("associated", "linked", "link", "tied", "connected", "related",
                            "tie", "ties"),
    },
    "stance": {
        "affirms": ("affirm", "affirmed", "yes", "true", "confirms", "asserts", "claims"),
        "denies": ("deny", "denied", "denial", "no", "false", "rejects", "rebuts", "disputes"),
    },
    "certainty": {
        "confirmed": ("certain", "proven", "official", "documented", "on record", "fact"),
        "asserted": ("stated", "claims", "says", "stated as fact", "assertion"),
        "alleged": ("reportedly", "allegedly", "reported", "claimed", "according to",
                    "allegation"),
        "suspected": ("possibly", "possible", "suspicion", "maybe", "probably", "probable",
                      "likely", "could", "might", "perhaps", "suspect"),
        "implied": ("implicit", "inferred", "suggested", "implies", "insinuated"),
    },
    "type": {
        "state": ("country", "nation", "government", "regime"),
        "territory": ("region", "area", "city", "province", "place", "zone"),
        "government_body": ("ministry", "agency", "department", "office", "officials",
                            "intelligence service"),
        "military_unit": ("army", "navy", "air force", "military", "unit", "corps", "force"),
        "armed_group": ("militia", "group", "terrorist group", "insurgents", "guerrilla",
                        "rebels"),
        "criminal_network": ("cartel", "gang", "mafia", "syndicate", "network"),
        "organisation": ("organization", "company", "ngo", "firm", "business", "outlet",
                         "media", "newspaper", "think tank"),
        "person": ("individual", "people", "official", "man", "woman", "human"),
        "facility": ("refinery", "port", "airport", "base", "mine", "plant", "factory",
                     "branch", "site"),
        "bloc": ("coalition", "camp", "axis", "alliance", "the west", "group of states"),
    },
}
# A word that names no entry but says how to record what it means.
ADVICE: dict[str, dict[str, str]] = {
    "relation": {"denies": "record a denial as a claim with `stance` denies",
                 "denied": "record a denial as a claim with `stance` denies",
                 "rejects": "record a denial as a claim with `stance` denies"},
    "certainty": {"denied": "record a denial with `stance` denies and the certainty of the "
                            "denial"},
}


def unknown(kind: str, value: str) -> str:
    """Why `value` is not in the vocabulary `kind` ("type", "relation", "certainty"): the
    closest entry, then every valid one."""
    vocabulary = list(VOCABULARIES[kind])
    advice = ADVICE.get(kind, {}).get(name_key(value).replace("_", " "))
    hint = synonym(kind, value) or (None if advice else next(
        iter(closest(value, vocabulary, limit=1)), None))
    guess = (f"{advice}; " if advice else "") + (f"did you mean {hint!r}? " if hint else "")
    strongest = ", strongest first" if kind == "certainty" else ""
    return f"is not {'an' if kind == 'type' else 'a'} {_KINDS[kind]} ({guess}valid{strongest}: " \
           f"{', '.join(vocabulary)})"


def synonym(kind: str, value: str) -> str | None:
    """The entry of the vocabulary `kind` that `value` is a common word for (`funds` ->
    `finances`), or None."""
    key = name_key(value).replace("_", " ")
    for entry, words in SYNONYMS.get(kind, {}).items():
        if key in words or key == entry.replace("_", " "):
            return entry
    return None


def check(kind: str, values, param: str) -> tuple[str, ...]:
    """The values, if each is in the vocabulary `kind`; BadValue naming `param` and the first
    that is not."""
    values = tuple(values)
    for value in values:
        if value not in VOCABULARIES[kind]:
            raise BadValue(param, value, unknown(kind, value))
    return values


def check_relations(names, param: str = "relations") -> tuple[str, ...]:
    return check("relation", names, param)


def check_certainty(level: str | None, param: str = "min_certainty") -> str | None:
    if level is not None:
        check("certainty", (level,), param)
    return level


# --- Cues for suggestions (actorgraph suggest) ---------------------------------------------
# The words a text uses for each entry of the vocabularies, read by `actorgraph.suggest` to
# propose actors and claims from a new document. Lower case; matched as whole words after
# folding as names are folded (`text.name_key`: no accents, no case, a hyphen read as a
# space, so "drug-smuggling" is written "drug smuggling"); several words match as a phrase.
# Inflected forms are listed: nothing is stemmed.

RELATION_CUES: dict[str, tuple[str, ...]] = {
    "allied_with": ("ally", "allies", "allied", "alliance", "alliances", "axis", "partnership",
                    "partnerships", "strategic partner", "strategic partners", "pact", "sided with",
                    "aligned with", "alignment", "bloc"),
    "cooperates_with": ("cooperation", "cooperate", "cooperates", "cooperated", "cooperating",
                        "co operation", "collaboration", "collaborate", "collaborates",
                        "collaborated", "coordination", "coordinated", "coordinate", "coordinates",
                        "joint", "jointly", "joint operations", "works with", "worked with",
                        "working with", "teamed up", "sharing intelligence", "shared intelligence",
                        "shares intelligence", "intelligence sharing"),
    "met_with": ("met", "meet", "meets", "meeting", "meetings", "talks", "held talks", "visited",
                 "visit", "visits", "hosted", "summit", "negotiated", "negotiations", "negotiating",
                 "received a delegation"),
    "logistics_link": ("flights", "flight", "flies", "fly", "flew", "flown", "airlift",
                       "air bridge", "air link", "shipping route", "shipping routes", "sea route",
                       "route", "routes", "ferried", "ferry", "cargo flights", "air route",
                       "shipping line", "transit route"),
    "transfers_with": ("transfers", "transfer", "transferred", "transferring", "exchanged",
                       "exchange", "exchanges", "swapped", "swap", "swaps", "arms transfers",
                       "transporting", "transported"),
    "requests_from": ("requested", "request", "requests", "asked", "asks", "sought", "seeks",
                      "appealed to", "turned to", "applied for", "requesting"),
    "supports": ("supports", "support", "supported", "supporting", "backs", "backed", "backing",
                 "sponsor", "sponsors", "sponsored", "sponsorship", "aided", "assisted",
                 "assistance", "helped", "helps", "trains", "trained", "training", "provides",
                 "provided", "providing", "patron", "proxy", "stands by"),
    "economic_support": ("economic", "economy", "economies", "fuel", "oil", "gasoline", "diesel",
                         "repair", "repaired", "repairs", "trade", "trading", "investment",
                         "investments", "invested", "loan", "loans", "credit", "credits", "aid",
                         "grain", "food"),
    "finances": ("funds", "fund", "funded", "funding", "finance", "finances", "financed",
                 "financing", "financier", "bankrolls", "bankroll", "bankrolled", "bagman",
                 "moneyman", "pays", "paid", "payments", "payment", "money", "cash", "donations",
                 "donated", "kickbacks", "bribes"),
    "provides_safe_haven": ("safe haven", "safe havens", "haven", "havens", "sanctuary", "shelter",
                            "sheltered", "shelters", "sheltering", "harbors", "harboured",
                            "harbours", "harbored", "harboring", "harbouring", "refuge", "hideout",
                            "hideouts", "hides", "hid"),
    "protects": ("protects", "protect", "protected", "protection", "guard", "guards", "guarded",
                 "bodyguard", "bodyguards", "escort", "escorts", "escorted", "shields", "shielded",
                 "security detail"),
    "supplies_arms_to": ("arms", "weapons", "weaponry", "equipped", "equips", "equip", "armed",
                         "arming", "drones", "drone", "missiles", "missile", "rockets", "rocket",
                         "ammunition", "munitions", "rifles", "military equipment",
                         "armoured vehicles", "arms supplies", "weapons deliveries",
                         "arms deliveries", "arms shipments", "weapons shipments"),
    "military_presence_in": ("presence", "deployed", "deploys", "deployment", "deployments",
                             "stationed", "troops", "base", "bases", "advisers", "advisors",
                             "garrison", "garrisoned", "outpost", "buildup", "build up",
                             "positioned", "military presence"),
    "targets": ("targeting", "targeted", "targets", "target", "operations against", "raids against",
                "operation against", "action against", "covert action", "campaign against",
                "crackdown", "intervention", "intervene", "pressure", "raids on",
                "offensive against"),
    "attacks": ("attack", "attacked", "attacks", "strike", "strikes", "struck", "bombing",
                "bombings", "bombed", "bomb", "raid", "raided", "shelled", "shelling", "killed",
                "killing", "killings", "assassinated", "assassination", "ambushed", "ambush",
                "sabotage", "sabotaged", "shot down", "fired on"),
    "armed_conflict_with": ("war", "wars", "at war", "fighting", "fought", "fights", "clashes",
                            "clashed", "conflict", "hostilities", "battle", "battles", "combat",
                            "insurgency against"),
    "operates_in": ("operates", "operate", "operating", "operated", "operations", "active in",
                    "present in", "extends into", "infiltrated", "foothold"),
    "traffics_with": ("traffic", "trafficking", "traffickers", "trafficked", "smuggling",
                      "smuggled", "smuggle", "smugglers", "launder", "laundering", "laundered",
                      "launders", "narcotics", "drugs", "drug", "cocaine", "drug transit",
                      "illicit mining", "illegal mining", "contraband"),
    "threatens": ("threat", "threats", "threatens", "threaten", "threatened", "threatening",
                  "endangers", "endanger", "endangered", "danger", "dangerous", "menace", "menaces",
                  "risk", "risks", "destabilizing", "destabilising", "destabilize", "destabilise",
                  "challenge", "challenges", "intimidate", "intimidated", "within reach"),
    "hostile_to": ("hostility", "hostile", "enemy", "enemies", "opposes", "opposed", "opposition",
                   "enmity", "adversary", "adversaries", "rival", "rivals", "antagonism",
                   "animosity"),
    "sanctions": ("sanctions", "sanctioned", "sanction", "sanctioning", "embargo", "embargoed",
                  "asset freeze", "froze assets", "frozen assets", "penalties", "tariffs"),
    "designates": ("designated", "designates", "designate", "designation", "labeling", "labelling",
                   "labelled", "labeled", "terrorist organization", "terrorist organisation",
                   "terrorist organizations", "terrorist organisations", "blacklisted", "blacklist",
                   "proscribed", "proscription", "listed as"),
    "detains": ("detained", "detains", "detain", "detention", "arrested", "arrests", "arrest",
                "seized", "seizure", "seizes", "captured", "capture", "impounded", "grounded",
                "intercepted", "extradited", "extradition", "jailed", "imprisoned"),
    "condemns": ("condemned", "condemns", "condemn", "condemnation", "called on", "calls on",
                 "denounced", "denounces", "denounce", "criticised", "criticized", "criticism",
                 "rebuked", "protested", "decried"),
    "part_of": ("part of", "unit of", "branch of", "wing of", "arm of", "division of", "belongs to",
                "subordinate to", "under the command of", "elite unit", "component of"),
    "member_of": ("member", "members", "membership", "joined", "joins", "made up of", "comprises",
                  "recruits", "recruited", "affiliate of", "operative of", "operatives of"),
    "official_of": ("minister", "secretary", "spokesperson", "spokesman", "spokeswoman",
                    "ambassador", "envoy", "deputy", "director", "governor", "diplomat", "official",
                    "undersecretary", "consul", "attache", "adviser to", "advisor to", "serves as"),
    "leads": ("leads", "led", "leader", "leaders", "leadership", "heads", "headed", "head of",
              "commands", "commanded", "commander", "chief", "chairman", "president", "ruler",
              "rules", "ruled", "regime", "founder", "founded", "boss", "kingpin", "run by",
              "runs"),
    "associated_with": ("linked", "link", "links", "tied", "ties", "tie", "connected", "connection",
                        "connections", "associated", "association", "relationship", "affiliated",
                        "close to", "involved", "involvement"),
}

# Hedges and markers of how firmly a text puts a claim (the question mark, an attribution to
# someone else and a denial are found by rule, in `actorgraph.suggest`).
CERTAINTY_CUES: dict[str, tuple[str, ...]] = {
    "confirmed": ("officially", "confirmed", "announced", "court", "convicted", "indicted",
                  "sentenced", "designated", "imposed", "on record", "records show", "documented",
                  "official statement", "formally"),
    "asserted": ("clearly", "in fact", "indeed", "undoubtedly", "evidently"),
    "alleged": ("reportedly", "allegedly", "alleged", "according to", "reported", "claimed",
                "is said to", "are said to", "was said to", "were said to", "accused", "accuses",
                "purported", "purportedly", "sources say", "sources said"),
    "suspected": ("suspected", "suspect", "suspects", "suspicion", "suspicions", "possibly",
                  "possible", "could", "might", "may", "likely", "probably", "perhaps",
                  "potentially", "potential", "feared", "fears", "would", "almost certainly",
                  "very likely", "unlikely", "probable", "presumably", "believed to", "thought to",
                  "unconfirmed", "rumoured", "rumored", "speculation"),
    "implied": ("implies", "implied", "suggests", "hints", "appears to", "seems to", "apparently",
                "insinuates"),
}

# Words inside or just before a name that tell its actor type ("Foreign Ministry",
# "Transport Minister Jane Doe"); a name may hold several, and the suggestions weigh them.
TYPE_CUES: dict[str, tuple[str, ...]] = {
    "state": ("state", "republic", "kingdom", "emirates", "federation", "principality", "sultanate",
              "commonwealth", "country", "nation", "regime", "government"),
    "territory": ("region", "province", "capital", "island", "islands", "coast", "border", "valley",
                  "hemisphere", "sea", "gulf", "strait", "basin", "peninsula", "territory",
                  "territories", "area", "zone", "district", "city", "county", "corridor",
                  "frontier", "delta", "highlands", "lake", "river", "mountains", "desert",
                  "state of"),
    "government_body": ("ministry", "department", "agency", "office", "bureau", "council",
                        "commission", "directorate", "service", "intelligence", "police", "customs",
                        "administration", "cabinet", "parliament", "congress", "senate", "court",
                        "officials", "apparatus", "authority", "authorities", "policymakers",
                        "treasury", "secretariat", "prosecutor's office", "security service",
                        "embassy"),
    "military_unit": ("corps", "force", "forces", "army", "navy", "air force", "brigade",
                      "battalion", "regiment", "division", "fleet", "squadron", "guard", "guards",
                      "military", "marines", "strike group", "ships", "jets", "troops",
                      "special forces", "command", "artillery", "flotilla", "coast guard",
                      "frigate", "carrier", "submarine", "uss", "hms"),
    "armed_group": ("militia", "militias", "rebels", "rebel", "insurgents", "insurgent",
                    "guerrilla", "guerrillas", "liberation", "jihad", "jihadist", "cells",
                    "dissidents", "fighters", "proxies", "front", "mujahideen", "brigades",
                    "resistance", "militants", "militant", "paramilitary", "paramilitaries",
                    "terrorist", "terrorists", "insurgency"),
    "criminal_network": ("cartel", "cartels", "gang", "gangs", "mafia", "syndicate", "syndicates",
                         "clan", "clans", "networks", "traffickers", "smugglers", "criminal",
                         "crime", "narco", "racket", "ring"),
    "organisation": ("company", "companies", "corporation", "corp", "inc", "ltd", "llc", "plc",
                     "holdings", "group", "groups", "bank", "air", "airline", "airlines", "airways",
                     "shipping", "trading", "foundation", "institute", "association", "society",
                     "party", "ngo", "charity", "university", "media", "news", "fund",
                     "enterprises", "industries", "petroleum", "energy", "logistics", "lines",
                     "civilians", "allies", "people", "community", "organization", "organisation",
                     "exchange", "consortium", "mining", "cooperative", "church", "network"),
    "person": ("minister", "president", "spokesperson", "spokesman", "spokeswoman", "secretary",
               "ambassador", "general", "colonel", "major", "captain", "commander", "director",
               "governor", "senator", "mayor", "prime minister", "king", "queen", "prince",
               "princess", "sheikh", "ayatollah", "cleric", "chief", "deputy", "envoy", "adviser",
               "advisor", "businessman", "businesswoman", "tycoon", "financier", "smuggler",
               "dealer", "judge", "prosecutor", "mr", "mrs", "ms", "dr", "sir", "lord",
               "lieutenant", "admiral", "sergeant", "chairman", "chairwoman", "ceo", "founder",
               "leader", "emir", "bishop", "imam", "warlord", "kingpin", "boss", "lawyer",
               "journalist", "mp"),
    "facility": ("refinery", "refineries", "port", "airport", "airbase", "air base", "base",
                 "harbour", "harbor", "terminal", "plant", "factory", "mine", "dam", "pipeline",
                 "depot", "warehouse", "facility", "compound", "camp", "prison", "complex",
                 "shipyard", "dock", "docks", "oilfield", "field", "airstrip", "plantation",
                 "laboratory", "lab", "branch"),
    "bloc": ("union", "alliance", "coalition", "axis", "league", "bloc", "pact", "camp", "the west",
             "community", "organization of", "organisation of", "treaty"),
}
