"""Cue words and the country table for :mod:`storyline.extract.asks`.

The cue lists hold verb lemmas. A demand, commitment or refusal cue takes what
is asked, promised or refused as its complement ("urged Ankara *to approve the
bid*"); an action cue is the deed itself ("Orlesia *reopened* the crossing").

>>> country_of_word("Turkish"), country_of_word("Ankara"), country_of_word("U.S.")
('Turkey', 'Turkey', 'United States')
"""

from __future__ import annotations

__all__ = [
    "ACTION_VERBS",
    "AGENT_NOUNS",
    "AGREEING_VERBS",
    "AGREEMENT_NOUNS",
    "ANSWERABLE_NOUNS",
    "ANSWERING_VERBS",
    "ANSWER_NOUNS",
    "BARE_VERBS",
    "BODY_NOUNS",
    "CHAMBER_NOUNS",
    "CLAIM_NOUNS",
    "COMMITMENT_VERBS",
    "DECISIONS",
    "DEMAND_VERBS",
    "DIRECTIVE_VERBS",
    "DISMISSING_PHRASALS",
    "DISPOSITION_NOUNS",
    "DOUBT_WORDS",
    "DRAFTING_VERBS",
    "FORCE_WORDS",
    "HOPING_VERBS",
    "INANIMATE_NOUNS",
    "LIGHT_VERBS",
    "MEASURE_NOUNS",
    "MONEY_NOUNS",
    "MONEY_VERBS",
    "NARRATIVE_VERBS",
    "NOT_DEEDS",
    "OBSERVER_NOUNS",
    "OFFICE_NOUNS",
    "OWN_WORD_VERBS",
    "PARTIAL_WORDS",
    "PLANNED_VERBS",
    "PRESENTING_VERBS",
    "PROCLAIMED_NOUNS",
    "PROCLAIM_VERBS",
    "PUBLISHED_RECORDS",
    "PUSHING_VERBS",
    "REFUSAL_VERBS",
    "REQUEST_NOUNS",
    "SELF_DEMANDS",
    "SPEECH_NOUNS",
    "SPOKESPEOPLE",
    "SUPPORT_NOUNS",
    "SUPPORT_VERBS",
    "UNKNOWING_VERBS",
    "VIOLENCE_VERBS",
    "country_of_word",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# "ask", "tell" and "want" only count with an infinitive ("asked Turkey to …"),
# "call" only as "call on/for"; the extractor checks that.
DEMAND_VERBS = _words(
    """
    ask urge press push call want demand request seek insist pressure implore lobby
    tell plead beg exhort invite force convince persuade encourage petition propose
    recommend
    """
)
COMMITMENT_VERBS = _words(
    """
    agree promise pledge vow plan commit undertake intend offer guarantee aim prepare
    consent ready willing determined accept
    """
)
# Verbs of a decision that is itself the deed: "decided to uphold the ban", "voted to …".
DECISIONS = _words("decide vote try attempt move")
# Demand verbs that, with no one asked, state the actor's own aim ("wants to continue").
SELF_DEMANDS = _words("want seek")
PLANNED_VERBS = _words("plan intend aim prepare decide")
REFUSAL_VERBS = _words(
    "refuse reject resist decline rebuff oppose veto spurn dismiss ignore overrule fight"
)
# Phrasals that refuse only an ask ("brushed off the union's call", "pushed back against
# calls to …"); what else is brushed off ("the report's findings") is words, no refusal.
DISMISSING_PHRASALS = frozenset(
    {("brush", "off"), ("shrug", "off"), ("wave", "off"), ("push", "back")}
)
# "rule out", "turn down": the particle makes the refusal.
REFUSAL_PHRASALS = frozenset({("rule", "out"), ("turn", "down")}) | DISMISSING_PHRASALS
ACTION_VERBS = _words(
    """
    order approve appeal shut close cut impose restore reopen open release free lift sign ban
    suspend extend expel sanction arrest launch withdraw deploy send raise lower pass adopt
    introduce halt end resume grant block fire dismiss recall revoke detain seize deliver
    pay transfer ratify enact announce appoint drop waive ease tighten reduce increase
    cancel postpone hand return publish evacuate free unblock authorize authorise veto allow
    permit bomb attack invade annex nationalise nationalize confiscate freeze unfreeze
    issue direct instruct mandate declare require nominate elect oust defeat endorse back
    fund donate let refund reimburse compensate credit
    investigate prosecute indict charge convict sentence sue fine penalize penalise
    uphold overturn repeal strike rule file challenge settle subpoena acquit pardon
    deploy shoot kill raid capture hack breach negotiate campaign court hire
    create establish found form disband abolish replace remove air broadcast
    """
)
# Verbs that pass an ask on to their infinitive: "ordered Facebook *to review* …"
# is an action whose content is the infinitive and whose target is the one ordered.
DIRECTIVE_VERBS = _words(
    "order direct instruct authorize authorise allow permit let task mandate require"
)
# Nouns that make an action announced ("announced an extension") a deed, not speech.
ANSWER_NOUNS = _words(
    """
    extension decision decree measure ban sanction sanctions deal agreement ceasefire
    release closure reopening cut increase plan package
    """
)
# Verbs written bare in a list of demands ("to reopen X, free Y and extend Z")
# that the tagger may read as adjectives or nouns.
BARE_VERBS = _words(
    """
    free open close end stop lift drop release halt cut ease back allow return hand pay
    raise lower set restore extend reopen withdraw publish sign ban fund repeal reduce rebuild
    increase block veto freeze reform review protect defend expand
    """
)
DOUBT_WORDS = _words(
    """
    claim claimed claims allegedly reportedly apparently purportedly unconfirmed unverified
    alleged disputed
    """
)
PARTIAL_WORDS = _words("partly partially partial only some half")

_COUNTRIES = {
    "united states": "United States",
    "u.s.": "United States",
    "us": "United States",
    "usa": "United States",
    "america": "United States",
    "washington": "United States",
    "american": "United States",
    "britain": "United Kingdom",
    "united kingdom": "United Kingdom",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "london": "United Kingdom",
    "british": "United Kingdom",
    "turkey": "Turkey",
    "türkiye": "Turkey",
    "ankara": "Turkey",
    "turkish": "Turkey",
    "russia": "Russia",
    "moscow": "Russia",
    "russian": "Russia",
    "kremlin": "Russia",
    "ukraine": "Ukraine",
    "kyiv": "Ukraine",
    "kiev": "Ukraine",
    "ukrainian": "Ukraine",
    "china": "China",
    "beijing": "China",
    "chinese": "China",
    "france": "France",
    "paris": "France",
    "french": "France",
    "germany": "Germany",
    "berlin": "Germany",
    "german": "Germany",
    "iran": "Iran",
    "tehran": "Iran",
    "iranian": "Iran",
    "israel": "Israel",
    "israeli": "Israel",
    "jerusalem": "Israel",
    "japan": "Japan",
    "tokyo": "Japan",
    "japanese": "Japan",
    "india": "India",
    "new delhi": "India",
    "indian": "India",
    "pakistan": "Pakistan",
    "islamabad": "Pakistan",
    "pakistani": "Pakistan",
    "sweden": "Sweden",
    "stockholm": "Sweden",
    "swedish": "Sweden",
    "finland": "Finland",
    "helsinki": "Finland",
    "finnish": "Finland",
    "poland": "Poland",
    "warsaw": "Poland",
    "polish": "Poland",
    "italy": "Italy",
    "rome": "Italy",
    "italian": "Italy",
    "spain": "Spain",
    "madrid": "Spain",
    "spanish": "Spain",
    "canada": "Canada",
    "ottawa": "Canada",
    "canadian": "Canada",
    "mexico": "Mexico",
    "mexican": "Mexico",
    "brazil": "Brazil",
    "brazilian": "Brazil",
    "saudi arabia": "Saudi Arabia",
    "riyadh": "Saudi Arabia",
    "saudi": "Saudi Arabia",
    "egypt": "Egypt",
    "cairo": "Egypt",
    "egyptian": "Egypt",
    "syria": "Syria",
    "damascus": "Syria",
    "syrian": "Syria",
    "iraq": "Iraq",
    "baghdad": "Iraq",
    "iraqi": "Iraq",
    "afghanistan": "Afghanistan",
    "kabul": "Afghanistan",
    "afghan": "Afghanistan",
    "north korea": "North Korea",
    "pyongyang": "North Korea",
    "south korea": "South Korea",
    "seoul": "South Korea",
    "taiwan": "Taiwan",
    "taipei": "Taiwan",
    "taiwanese": "Taiwan",
    "greece": "Greece",
    "athens": "Greece",
    "greek": "Greece",
    "hungary": "Hungary",
    "budapest": "Hungary",
    "hungarian": "Hungary",
    "belarus": "Belarus",
    "minsk": "Belarus",
    "australia": "Australia",
    "canberra": "Australia",
    "australian": "Australia",
    "venezuela": "Venezuela",
    "caracas": "Venezuela",
    "venezuelan": "Venezuela",
    "cuba": "Cuba",
    "havana": "Cuba",
    "cuban": "Cuba",
    "ireland": "Ireland",
    "dublin": "Ireland",
    "irish": "Ireland",
    "qatar": "Qatar",
    "doha": "Qatar",
    "palestinian": "Palestine",
    "lebanon": "Lebanon",
    "beirut": "Lebanon",
    "lebanese": "Lebanon",
    "nato": "NATO",
    "eu": "European Union",
    "european union": "European Union",
    "brussels": "European Union",
    # The bundled (fictional) sample corpus.
    "estmark": "Estmark",
    "karvas": "Estmark",
    "orlesia": "Orlesia",
    "orlesian": "Orlesia",
    "dunmere": "Orlesia",
}


def country_of_word(word: str) -> str | None:
    """The country a country name, capital or demonym stands for, if the table knows it."""
    key = word.strip().lower()
    if key.startswith("the "):
        key = key[4:]
    for suffix in ("’s", "'s"):
        key = key.removesuffix(suffix)
    return _COUNTRIES.get(key)


# Verbs of perceiving, judging, depicting, moving about or faring, never a deed in
# the open class of actions ("witnessed a moment", "painted a picture", "won the
# debate", "survives the challenge", "entered each debate", "heads the centre").
NARRATIVE_VERBS = _words(
    """
    witness view regard judge recognize recognise realize realise miscalculate misjudge
    underestimate overestimate assume perceive
    paint portray depict describe chronicle liken compare cite quote characterize
    characterise frame exaggerate overstate downplay embody symbolize symbolise highlight
    cast spin distract deflect play mention stress emphasize emphasise document
    head enter exit recede whisk survive win lose experience suffer enjoy steal compile
    leave confront own possess inform notify brief apprise remind assure determine assess
    gauge predict estimate figure condemn denounce decry lambaste assail rebuke chide
    sing dance celebrate eat drink wear sleep marry molest abuse assault rape rob
    hail salute honor honour commend mourn address
    change affect influence shape dominate define invest place
    reflect avoid disappoint project forecast profile board ride obtain
    critique ridicule defend express detail dispute explore exploit scare alienate attract
    clinch crisscross
    """
)
# Documents, laws and ideas as subjects of asking verbs ask nothing themselves
# ("a budget resolution calling for …", "lawsuits seeking information").
INANIMATE_NOUNS = _words(
    """
    law bill resolution rule regulation lawsuit suit culture ideology policy statute
    amendment study survey poll letter email memo document posting tweet guidance
    guideline budget blueprint framework agenda report statement communique proposal plan
    """
)
# What a demand or refusal cannot ask for: knowing, seeing, being named ("want to
# know", "asked to see", "asked not to be named").
UNKNOWING_VERBS = _words(
    "know see hear learn understand find be name identify comment speak talk say"
)

# Verbs that are no deed of an actor, whatever their object ("saw a rise", "has a
# plan", "faces charges"), left out of the open-class actions.
NOT_DEEDS = _words(
    """
    blast slam admonish lash reiterate visit witness commemorate travel walk arrive land
    fly mock
    be have do say tell think know believe see feel hope expect want need like love hate
    find consider remember understand learn hear watch read show include involve become seem
    appear mean get make take use try ask call describe note add write report claim argue
    suggest look lose cost face cause receive hold lead follow represent contain feature
    require reach hit mark see spend owe deserve help tweet post share thank praise
    blame accuse criticize criticise warn insist explain wonder question welcome speak talk
    debate watch enjoy start begin continue keep stay remain discuss
    """
)
# Heads of unnamed subjects that can act: "the board approved …", "officials ordered …".
AGENT_NOUNS = _words(
    """
    government administration ministry minister official officer court judge board committee
    company firm union party leader lawmaker legislator senator congressman president
    governor mayor police agency state country group campaign council parliament congress
    senate house department team spokesman spokeswoman prosecutor republican democrat
    military army troops force forces protester activist regulator authority authorities
    bank company corporation investigator opponent critic ally allies member members nation
    nations coalition legislature assembly commission operator employer employee worker
    workers rival leaders side negotiator diplomat lawyer detective detectives
    media press newspaper prosecutors officers soldiers militants rebels hackers
    legislators lawmakers senators nominee candidate
    mob rioter rioters militia militias insurgent insurgents terrorists
    gang cartel regime junta navy
    operative representative executive aide aides staff staffer attorney attorneys
    chief head secretary envoy ambassador administration agencies sheriff embassy
    panel jury tribunal cabinet caucus delegation justice justices chairman chairwoman
    chair commissioner inspector watchdog premier chancellor king queen monarch dictator
    organization organisation association federation foundation institute bureau
    consulate directorate firm utility airline insurer lender manufacturer automaker
    retailer carrier shareholder investor owner plaintiff defendant commander general
    school district university hospital church landlord community city county town
    municipality province office rebel militant soldier hacker delegate superdelegate
    """
)

# What one rejects when rejecting a claim, not a request: no refusal.
CLAIM_NOUNS = _words(
    """
    argument claim allegation accusation notion suggestion report concern criticism
    characterization assertion charge comparison
    """
)
# Nouns that name an ask: a refused "that request" goes back to the latest demand.
REQUEST_NOUNS = _words(
    "request demand call plea proposal appeal ultimatum application motion petition"
)
# What one accepts or offers as a commitment: an invitation, a deal, terms.
ANSWERABLE_NOUNS = _words(
    """
    invitation offer proposal deal agreement terms plan request demand nomination ceasefire
    compromise settlement
    """
)
# Agreements bind whoever makes them ("established a fundraising pact with the RNC").
AGREEMENT_NOUNS = _words("pact deal agreement treaty accord alliance partnership")
AGREEING_VERBS = _words("establish reach strike forge form seal conclude make")
# Verbs that only deliver an ask noun: its maker is their subject ("the Court made a
# decision to …").
LIGHT_VERBS = _words(
    """
    make issue file submit send reach take lodge extend deliver renew repeat announce unveil
    lay outline present signal show express voice acknowledge
    """
)
# Verbs by which a request is answered: the one answering is the one asked ("denied a
# request from X to …").
ANSWERING_VERBS = _words("deny reject grant approve refuse decline overrule consider hear")
# Verbs that present a plan or proposal: the ask is the noun, not the presenting.
PRESENTING_VERBS = _words(
    "announce unveil lay outline present signal show express voice acknowledge detail"
)
# Verbs that draw up a plan as a document, not a pledge ("designing its own plan to …").
DRAFTING_VERBS = _words("design draft develop write craft devise create prepare")
# Seeking an office is running for it, not asking anything.
OFFICE_NOUNS = _words("office election reelection re-election nomination presidency seat")
# A force leaving a country is a withdrawal ("the last US military planes have left").
FORCE_WORDS = _words("military troop troops force forces army soldier navy marine")
# Verbs of proclaiming: a deed only with an act as object ("declared war").
PROCLAIM_VERBS = _words("announce publish declare")
PROCLAIMED_NOUNS = _words("war emergency independence ceasefire truce martial")
# Records whose publishing makes them public, a deed ("published the inspection
# records"); an article or a statement published is words.
PUBLISHED_RECORDS = _words(
    """
    record log data figure count correspondence letter document file finding transcript
    minute account accounts statistic tape footage email
    """
)
# Violence is labelled for states, forces and armed groups: never agentless.
VIOLENCE_VERBS = _words("kill shoot attack bomb")
# Verbs of pushing that ask something only with what they push for.
PUSHING_VERBS = _words("push press pressure lobby")
# A future with "will" is a body's own pledge unless a chamber or a plural group
# is scheduled to act ("the Senate will vote", "senators will later swap").
CHAMBER_NOUNS = _words("senate house congress parliament assembly legislature chamber")
# Who speaks for a body ("the minister said the government would …"); not analysts,
# lawyers or candidates, whose "would" is a forecast or a plea.
SPOKESPEOPLE = _words(
    """
    spokesman spokeswoman spokesperson official minister secretary chief executive director
    chair chairman chairwoman president mayor governor manager ceo commissioner deputy
    negotiator envoy ambassador premier chancellor
    """
)
# Bodies an official speaks for, as "the government", "the company".
BODY_NOUNS = _words(
    """
    government company ministry council authority board department agency firm operator
    administration union commission regulator bank group
    """
)
# Verbs by which an actor states its own intention ("announced it would end …").
OWN_WORD_VERBS = _words(
    "say announce pledge promise vow tell state confirm insist declare add write tweet indicate"
    " repeat reiterate maintain"
)
# Measures that pass a chamber ("the bill passed 364 to 62").
MEASURE_NOUNS = _words(
    "bill legislation law act measure package resolution budget amendment blueprint framework"
)
# Giving or spending money is a deed ("has spent trillions of dollars").
MONEY_VERBS = _words("spend give raise donate contribute pay")
MONEY_NOUNS = _words("money dollar dollars fund funds cash million billion trillion")
# Nouns of a disposition to act: a commitment only of someone named ("his willingness to …").
DISPOSITION_NOUNS = _words("willingness openness readiness intention")
# Objects that make a deed verb mere speech ("renewed its tough talk", "raised questions").
SPEECH_NOUNS = _words(
    """
    talk rhetoric remark remarks comment comments criticism praise warning warnings credit
    thanks question questions concern concerns doubt doubts alarm eyebrows expectation
    expectations message statement statements
    """
)
# Hoping another party will act is asking it to ("hopes Facebook will do more").
HOPING_VERBS = _words("hope")
# Backing given with a light verb ("showing support for", "threw its support behind").
SUPPORT_VERBS = _words("show express voice throw lend give offer")
SUPPORT_NOUNS = _words("support backing")
# People who study, count or watch rather than act: no deed of theirs is an ask
# ("researchers analyzed records", "pollsters found").
OBSERVER_NOUNS = _words(
    """
    researcher scientist analyst economist pollster expert scholar academic reader viewer
    respondent voter
    """
)
