"""Rules of English that are not vocabularies of the casebook: which words never start a
name, which words refer back to a named actor, which verbs attribute a statement, which
words deny one. The cue words of the vocabularies (relations, certainties, actor types) are
declared with the vocabularies, in `actorgraph.schema`.

Every word here is lower case and folded as `text.name_key` folds names.
"""

from __future__ import annotations

# Words that close a noun phrase on their left: articles, prepositions, conjunctions,
# pronouns, auxiliaries and the commonest verbs. A capitalised one starting a sentence is
# not a name ("The", "While", "Having").
FUNCTION_WORDS = frozenset("""
a about above across after against ago all along also although amid among an and another
any are around as at be because been before being below beneath besides between beyond both
but by can could did do does doing done down during each either even ever every few for
from further had has have having he her here hers herself him himself his how however i if
in inside into is it its itself just last least less many may me meanwhile might more most
much must my near neither never next no nor not now of off often on once one only onto or
other others our ours out outside over own per perhaps rather same several she should since
so some still such than that the their theirs them themselves then there these they this
those though through throughout thus to today too toward towards under unless until up upon
us very via was we were what whatever when where whereas whether which while who whom whose
why will with within without would yet you your yesterday tomorrow
""".split())

# Capitalised words that start sentences and headings without naming anyone.
SENTENCE_STARTERS = FUNCTION_WORDS | frozenset("""
accordingly additionally afterwards again already altogether besides consequently despite
elsewhere finally first firstly following given hence here indeed instead later likewise
meanwhile moreover namely nevertheless nonetheless notably otherwise overall recently
second secondly similarly still subsequently third thirdly together unlike yes
""".split())

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                       "nov", "dec")
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Capitalised words that are never a name on their own: calendar words, words of headings
# and documents, and common nouns often capitalised in titles.
NEVER_NAMES = frozenset((*MONTHS, *DAYS, *"""
introduction conclusion conclusions summary background overview chapter section part
figure table note notes source sources appendix annex update editor editorial opinion
analysis abstract contents references index page map photo image video report
world century north south east west northern southern eastern western central god
christmas easter ramadan eid mr mrs ms dr sir
""".split()))

# Last words of names of events and texts, not of actors ("the Gulf War", "the Oslo Accords").
EVENT_HEADS = frozenset("""
war wars revolution crisis accords accord agreement treaty conference summit olympics act
law era period campaign operation uprising massacre spring election elections protocol
doctrine plan initiative declaration resolution
""".split())

# All-capital words that are abbreviations of things, not of actors.
NOT_ACTOR_ACRONYMS = frozenset("""
gps gdp gnp ceo cfo coo cto dna rna gmt utc am pm tv pdf id it ok faq usd eur gbp km kg mph
uav uavs lng lpg ied ieds ak rpg vip hq ii iii iv vi vii viii ix xi xii ai ip url
""".split())

# Lower-case words that join the capitalised words of one name ("Cartel de los Soles",
# "Bank of America", "Osama bin Laden").
NAME_CONNECTORS = frozenset("""
of de del della di da do dos das du des la las los le el al bin ibn van von der den y
""".split())

# Common abbreviations that end in a full stop without ending the sentence.
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen col lt sgt capt cpl maj adm cmdr gov sen rep rev st mt ft no nos vol
jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp bros dept est approx vs etc
al jr sr
""".split())

# Collective nouns that head the name of a group of people or of a force: "Venezuelan
# officials", "dormant cells", "the security apparatus".
GROUP_HEADS = frozenset("""
officials military army armies forces troops soldiers militia militias police navy
apparatus services agencies authorities government regime leadership networks groups
cells dissidents rebels insurgents militants fighters guerrillas allies proxies
traffickers smugglers cartels gangs clans tribes civilians policymakers diplomats
lawmakers companies firms banks businesses investors refugees migrants settlers advisers
advisors personnel crews guards units brigades battalions squadrons vessels ships boats
jets aircraft fleet elites loyalists officers agents
""".split()) - {"government", "regime", "leadership"}  # "the Calveran government" is the state
# Singular nouns that end the name of an organisation or a site after its proper name
# ("the Marrow cartel", "the Vessa refinery", "the Assad regime").
KIND_WORDS = frozenset("""
cartel militia gang clan syndicate network front army navy party movement group company
bank airline refinery port airport base mine plant factory regime government administration
ministry agency brigade battalion corps council commission foundation institute university
terminal pipeline
""".split())
# Endings of adjectives of places ("Calveran", "Pakistani", "Sudanese"): such a word is not
# given a kind word ("the Calveran government" is Calvera's).
ADJECTIVE_ENDINGS = ("an", "ian", "ean", "ese", "i", "ish")
# Heads that name a part of the group their modifier names ("FARC dissidents"): kept as a
# group of their own, not read as the modifier's name.
SPLINTER_HEADS = frozenset("dissidents splinter factions faction remnants defectors".split())
# Words that may modify a group head even though they end in -s like a verb ("human rights
# groups", "arms dealers").
PLURAL_MODIFIERS = frozenset("rights arms narcotics goods sales services affairs "
                             "operations customs".split())
# Common irregular verb forms: never a modifier of a group's noun ("met dormant cells").
IRREGULAR_VERBS = frozenset("""
met meet said told made took gave sent left led held kept got went came saw found paid sold
bought brought fought won lost ran began became built caught chose drew drove fell felt flew
grew heard hid hit knew laid lent let meant put quit rode rose sat set shot shut sank slept
spoke spent stood stole struck swore taught thought threw understood woke wore wrote seen
gone done given taken known shown become
""".split())
# Determiners kept in a group's name when they are all that precedes its head ("some allies").
QUANTIFIERS = frozenset("some several many other various".split())

# Words standing for an actor named before. Each maps to the actor types it can stand for
# (None: any type but a person).
PRONOUNS: dict[str, tuple[str, ...] | None] = {
    "it": None, "its": None, "itself": None,
    "he": ("person",), "him": ("person",), "his": ("person",), "himself": ("person",),
    "she": ("person",), "her": ("person",), "herself": ("person",),
}
_STATES = ("state",)
_GROUPS = ("armed_group", "criminal_network", "organisation")
# Definite descriptions ("the regime") standing for the last actor of a fitting type.
DESCRIPTIONS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("the", "regime"): _STATES, ("the", "government"): _STATES, ("the", "country"): _STATES,
    ("the", "state"): _STATES, ("the", "administration"): _STATES,
    ("the", "nation"): _STATES, ("the", "republic"): _STATES, ("the", "kingdom"): _STATES,
    ("the", "latter"): None,
    ("the", "group"): _GROUPS, ("the", "organisation"): _GROUPS,
    ("the", "organization"): _GROUPS, ("the", "movement"): ("armed_group", "organisation"),
    ("the", "militia"): ("armed_group",), ("the", "rebels"): ("armed_group",),
    ("the", "cartel"): ("criminal_network",), ("the", "gang"): ("criminal_network",),
    ("the", "network"): ("criminal_network", "organisation"),
    ("the", "company"): ("organisation",), ("the", "firm"): ("organisation",),
    ("the", "bank"): ("organisation",),
    ("the", "ministry"): ("government_body",), ("the", "agency"): ("government_body",),
    ("the", "unit"): ("military_unit",), ("the", "force"): ("military_unit",),
    ("the", "island"): ("territory",), ("the", "region"): ("territory",),
    ("the", "minister"): ("person",), ("the", "president"): ("person",),
}
# Descriptions standing for the last two actors of a type ("both regimes").
PAIR_DESCRIPTIONS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("both", "regimes"): _STATES, ("both", "countries"): _STATES,
    ("both", "governments"): _STATES, ("both", "states"): _STATES,
    ("both", "nations"): _STATES, ("both", "sides"): _STATES + _GROUPS,
    ("both", "groups"): _GROUPS,
}

# Verbs that attribute what follows (or precedes) to someone: "X said", "said X",
# "documents showing that".
# (Forms that are also plural nouns, "states", "reports", "claims", are left out.)
ATTRIBUTION_VERBS = frozenset("""
said says say told tells noted claimed warned warns warn alleged alleges allege reported
stated argued argues revealed reveals revealing announced announces asserted asserts
insisted insists maintained maintains wrote writes testified concluded concludes estimated
believe accused accuses confirmed acknowledged admitted suggested indicated showed showing
indicating suggesting alleging claiming stating according
""".split())
# Words opening a clause set off by commas inside a subject ("An officer, who spoke on
# condition of anonymity, said ...") or a parenthesis ("Norvania, for its part, accuses").
PARENTHESIS_OPENERS = frozenset("who which whose whom for in as like unlike according "
                                "however meanwhile".split())
# Nouns of documents and statements: "the ministry's report".
STATEMENT_NOUNS = frozenset("""
report reports statement statements assessment assessments analysis findings investigation
study documents document records cables memo memos filing filings indictment testimony
dossier briefing
""".split())
# Words that end a claimant's name on its left ("These included internal documents").
CLAIMANT_STOPS = FUNCTION_WORDS - {"of"} | frozenset("""
included includes include also which who whom
""".split())

NEGATIONS = frozenset("not never no nor neither without".split()) | {"n't", "nt"}
# Verbs of denial: the sentence reports that the claim is denied.
DENIALS = frozenset("""
denied denies deny denying rejected rejects reject rejecting dismissed dismisses refuted
refutes disputed disputes repudiated
""".split())

# Words that make the actor after them the doer of a passive verb ("equipped by X").
AGENT_MARKERS = (("by",), ("on", "the", "part", "of"), ("at", "the", "hands", "of"))
# Verbs whose subject receives: "X received arms from Y" reads from Y to X.
RECEIVING_VERBS = frozenset("""
received receives receive receiving obtained obtains obtain acquired acquires acquire bought
buys buy purchased purchases imported imports got gets accepted accepts took
""".split())

# Words that join the members of a list ("Brazil, Paraguay, and Argentina").
COORDINATORS = frozenset(("and", "or", "&"))
