"""Words around place names: cues before a place (strong and weak), heads of facilities and geographic
features, settlement nouns, and the words after a name that make it an organisation.
"""

# Words before a name that make it a place even when no gazetteer knows it.
STRONG_CUES = (
    ("near",),
    ("outside",),
    ("village", "of"),
    ("villages", "of"),
    ("town", "of"),
    ("towns", "of"),
    ("city", "of"),
    ("cities", "of"),
    ("settlement", "of"),
    ("settlements", "of"),
    ("hamlet", "of"),
    ("suburb", "of"),
    ("district", "of"),
    ("province", "of"),
    ("region", "of"),
    ("outskirts", "of"),
    ("capital",),
    ("port", "of"),
    ("neighbourhood", "of"),
    ("neighborhood", "of"),
    ("areas", "of"),
    ("area", "of"),
    ("direction", "of"),
    ("camp", "of"),
    ("strip", "of"),
    ("island", "of"),
    ("village",),
    ("town",),
    ("city",),
    ("towards",),
    ("toward",),
    ("liberated",),
    ("captured",),
    ("recaptured",),
    ("retook",),
    ("seized",),
    ("shelled",),
    ("struck",),
    ("airfield",),
    ("seizing",),
    ("capturing",),
    ("retaking",),
    ("recapturing",),
    ("liberating",),
    ("shelling",),
    ("airbase",),
    ("air", "base"),
    ("airport",),
    ("port",),
    ("suburbs", "of"),
    ("residents", "of"),
    ("coast", "of"),
    ("shores", "of"),
    ("streets", "of"),
    ("centre", "of"),
    ("center", "of"),
    ("commune", "of"),
    ("township", "of"),
)

# Words before a name that make it a place when a gazetteer also knows it.
WEAK_CUES = frozenset(
    """
raided attacked bombed hit entered reached visited targeted besieged surrounded stormed
occupied invaded evacuated left fled encircled bombarded pounded nearby attacking hitting entering
striking targeting raiding besieging storming bombing
including in at from to into around across over of via through between within throughout toward towards
on along and or off inside north south east west northeast northwest southeast southwest
northern southern eastern western central
""".split()
)

FACILITY_HEADS = (
    ("nuclear", "power", "plant"),
    ("power", "plant"),
    ("power", "station"),
    ("airport",),
    ("air", "base"),
    ("airbase",),
    ("airfield",),
    ("refinery",),
    ("seaport",),
    ("railway", "station"),
    ("train", "station"),
    ("refugee", "camp"),
    ("training", "ground"),
    ("training", "range"),
    ("border", "crossing"),
    ("military", "base"),
    ("naval", "base"),
    ("army", "base"),
    ("dam",),
    ("crossing",),
    ("hospital",),
    ("port",),
    ("bridge",),
    ("camp",),
    ("station",),
    ("prison",),
    ("checkpoint",),
    ("mosque",),
    ("cathedral",),
)

SETTLEMENT_HEADS = frozenset({"city", "town", "village"})

# Generic facility words: "Kyiv hospital" is a mention of Kyiv, "Okhmatdyt hospital" a facility.
GENERIC_FACILITIES = frozenset(
    "crossing hospital port bridge camp station prison checkpoint mosque cathedral dam".split()
)

# A place's name before a word that makes it a thing's: "Molotov cocktails" (Molotov, once the name
# of Perm), "Bermuda shorts", "Brussels sprouts", "Stockholm syndrome"
NOT_PLACE_BEFORE = {
    "molotov": frozenset({"cocktail", "cocktails"}),
    "bermuda": frozenset({"shorts"}),
    "panama": frozenset({"hat", "hats", "papers"}),
    "brussels": frozenset({"sprouts"}),
    "stockholm": frozenset({"syndrome"}),
    "havana": frozenset({"syndrome", "cigar", "cigars"}),
    "lyme": frozenset({"disease"}),
    "ebola": frozenset({"virus", "outbreak"}),
}

# Words for an institution, a building or a site that name no place alone, whatever tiny namesake a
# gazetteer holds ("the University of Zurich", "the Hospital", "at the Station"): a run of just one of
# them is no place.
NOT_A_PLACE_ALONE = frozenset(
    """
university college academy institute school church cathedral mosque synagogue temple market hospital
clinic airport station port harbor harbour bridge camp prison base center centre museum stadium embassy
parliament library palace theatre theater hotel park plant factory cemetery hall tower building office
court square street avenue boulevard valley crossing checkpoint dam road cafe restaurant bar pub
""".split()
)

# Natural features and streets: "Bekaa valley", "Red Sea", "Dnipro river", "Rustaveli Avenue".
FEATURE_HEADS = frozenset(
    """
valley sea river lake mountains mountain hills desert coast peninsula gulf bay strait island
islands plain plateau corridor forest reservoir avenue street square boulevard heights shoal
reef atoll
""".split()
)

# The last word of a road's name, capitalised in it: "Cavehill Road", "Khreshchatyk Embankment".
ROAD_HEADS = frozenset("road lane highway motorway embankment prospekt".split())

# The last word of a venue's name, a place where people gather: "the Rolando Cafe", "Crocus City Hall"
# (not after a first name: "Michael Hall").
VENUE_HEADS = frozenset(
    "cafe café restaurant bar pub bakery hotel market mall supermarket stadium arena museum theatre theater "
    "cinema hall palace".split()
)

# Lower-case words after a name that make it an organisation: "the Sever group of forces".
ORG_AFTER = {
    "group": "other",
    "brigade": "military",
    "battalion": "military",
    "regiment": "military",
    "militia": "military",
    "movement": "other",
}

# States that are no more, named as places (no country code, no pin): "the fall of the Soviet Union"
HISTORICAL_STATES = frozenset(
    """
soviet union|ussr|czechoslovakia|ottoman empire|russian empire|austria-hungary|austro-hungarian empire|
third reich|kievan rus|kyivan rus|polish-lithuanian commonwealth
""".replace("\n", "").split("|")
)
