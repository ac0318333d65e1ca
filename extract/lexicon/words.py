"""Titles, roles, speech verbs, demonyms, group nouns and words that are never names."""

# Titles that stand before a name; longest first when matching. Lower-case, single spaces.
PERSON_TITLES = tuple(
    sorted(
        set(
            [
                "president",
                "vice president",
                "prime minister",
                "deputy prime minister",
                "minister",
                "foreign minister",
                "defence minister",
                "defense minister",
                "interior minister",
                "finance minister",
                "health minister",
                "energy minister",
                "deputy minister",
                "secretary of state",
                "secretary-general",
                "secretary general",
                "defense secretary",
                "defence secretary",
                "foreign secretary",
                "home secretary",
                "secretary",
                "chancellor",
                "king",
                "queen",
                "prince",
                "crown prince",
                "sheikh",
                "sheikha",
                "emir",
                "sultan",
                "pope",
                "ayatollah",
                "supreme leader",
                "general",
                "gen.",
                "gen",
                "senior general",
                "lieutenant general",
                "lt. gen.",
                "lt gen",
                "major general",
                "maj. gen.",
                "maj gen",
                "brigadier general",
                "brig. gen.",
                "brigadier",
                "colonel",
                "col.",
                "lieutenant colonel",
                "lt. col.",
                "major",
                "maj.",
                "captain",
                "capt.",
                "lieutenant",
                "lt.",
                "sergeant",
                "sgt.",
                "admiral",
                "adm.",
                "vice admiral",
                "rear admiral",
                "commander",
                "cmdr.",
                "field marshal",
                "marshal",
                "senator",
                "sen.",
                "representative",
                "rep.",
                "governor",
                "gov.",
                "mayor",
                "ambassador",
                "envoy",
                "special envoy",
                "spokesman",
                "spokeswoman",
                "spokesperson",
                "mr.",
                "mr",
                "mrs.",
                "mrs",
                "ms.",
                "ms",
                "dr.",
                "dr",
                "prof.",
                "professor",
                "judge",
                "justice",
                "speaker",
                "chairman",
                "chairwoman",
                "chief executive",
                "ceo",
                "director",
                "commissioner",
                "chief of staff",
                "army chief",
                "commander-in-chief",
                "commander in chief",
                "lawmaker",
                "mp",
                "premier",
                "president-elect",
                "sir",
                "dame",
                "lord",
                "lady",
                "rabbi",
                "imam",
                "bishop",
                "patriarch",
                "metropolitan",
                "pastor",
                "sheik",
                "governor-general",
                "head",
                "leader",
                "opposition leader",
                "militia leader",
                "warlord",
                "analyst",
                "correspondent",
                "reporter",
                "journalist",
                "photographer",
                "blogger",
                "military blogger",
                "war blogger",
                "activist",
                "official",
                "director general",
                "director-general",
                "deputy director",
                "chief prosecutor",
                "prosecutor general",
                "ombudsman",
                "human rights commissioner",
                "foreign policy chief",
                "top diplomat",
                "national security adviser",
                "adviser",
                "advisor",
                "aide",
                "counterpart",
                "chief",
                "police chief",
                "gang leader",
                "rebel leader",
                "rebel commander",
                "militant leader",
                "warlord",
                "chef",
                "writer",
                "poet",
                "artist",
                "businessman",
                "businesswoman",
                "oligarch",
                "billionaire",
                "lawyer",
                "doctor",
                "nurse",
                "commentator",
                "researcher",
                "scholar",
                "historian",
                "economist",
                "mp",
                "deputy",
                "presidential adviser",
                "head of state",
                "state secretary",
                "taoiseach",
                "tánaiste",
                "magistrate",
                "magistrate judge",
                "district judge",
                "federal judge",
                "attorney general",
                "attorney-general",
                "chief justice",
                "solicitor general",
                "inspector general",
                "first lady",
                "archbishop",
                "cardinal",
                "mufti",
                "grand mufti",
                "under secretary",
                "undersecretary",
                "assistant secretary",
                "deputy secretary",
                "press secretary",
                "vice-president",
                "acting president",
                "deputy mayor",
                "deputy governor",
                "deputy head",
                "deputy chief",
                "deputy commander",
                "defense chief",
                "defence chief",
                "intelligence chief",
                "spy chief",
            ]
        ),
        key=lambda t: (-len(t), t),
    )
)

# Role nouns that, after a name and a comma ("Ivan Petrov, a spokesman"), mark a person.
PERSON_ROLES = frozenset(
    """
spokesman spokeswoman spokesperson minister president commander general colonel official
analyst correspondent reporter journalist resident residents mayor governor head chief director
adviser advisor aide envoy ambassador leader lawmaker senator officer soldier fighter researcher
professor expert secretary deputy chairman founder author editor blogger witness doctor
surgeon nurse medic volunteer father mother son daughter wife husband brother sister farmer
teacher student pastor priest imam rabbi negotiator diplomat prosecutor judge lawyer
coordinator commissioner representative rapporteur chancellor premier ombudsman administrator
owner manager activist worker driver pilot engineer
""".split()
)

# Lower-case role nouns that, right before a capitalised name, say it is a person: "radical preacher
# Anjem Choudary", "pilot Bernardo Badell", "suspected bomber Dzhokhar Tsarnaev".
ROLES_BEFORE_NAME = frozenset(
    """
preacher pilot bomber playwright actress actor singer writer poet novelist priest imam cleric rabbi
pastor activist lawyer attorney prosecutor judge businessman businesswoman owner student teacher
driver engineer scientist artist photographer footballer player coach suspect gunman attacker killer
victim survivor refugee defendant prisoner detainee hostage militant rapper filmmaker producer banker
economist historian dissident politician candidate diplomat tycoon oligarch billionaire
entrepreneur investor composer musician dancer athlete boxer cosmonaut astronaut blogger journalist
reporter correspondent photojournalist spokesman spokeswoman spokesperson commander colonel general
analyst researcher professor lawmaker senator congressman congresswoman envoy ambassador
negotiator chairman chairwoman ceo founder director mayor governor minister premier chancellor
soldier sergeant lieutenant captain major private officer volunteer medic doctor nurse surgeon
resident farmer worker witness neighbour neighbor brother sister son daughter wife husband father
mother uncle aunt cousin friend colleague
""".split()
)

SPEECH_VERBS = frozenset(
    """
said says told tells added adds stated states wrote writes announced announces claimed claims
confirmed confirms denied denies warned warns noted notes explained explains insisted insists
tweeted posted declared declares argued argues acknowledged acknowledges admitted admits
reported reports estimated estimates asked asks replied replies urged urges alleged alleges
recalled recalls suggested suggests stressed stresses believes believed thinks thought
described describes called calls vowed vows pledged pledges accused accuses praised praises
""".split()
)

MONTHS = frozenset(
    """
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
""".split()
)
WEEKDAYS = frozenset(
    """
monday tuesday wednesday thursday friday saturday sunday
mon tue tues wed thu thur thurs fri sat sun
""".split()
)

# Capitalised words that are never a person's or place's name on their own.
NOT_NAMES = frozenset(
    """
a an the this that these those there here it its he she they we i you his her their our my your
i’m i'm i’d i'd i’ll i'll i’ve i've it’s it's he’s he's she’s she's that’s that's there’s there's
let’s let's we’re we're they’re they're you’re you're
annex appendix article chapter paragraph clause
milbloggers milblogger bloggers blogger
him them us me who whom whose which what when where why how while if as at by for from in into
of on onto to with without within about above after against along among around before behind
below beneath beside besides between beyond but despite down during except inside near off out
outside over past since than through throughout till toward towards under unlike until up upon
via and or nor so yet both either neither not no yes all any each every few many most much
several some such one two three four five six seven eight nine ten first second third last next
other another same own only also just even still already again ago now then today tonight
yesterday tomorrow morning afternoon evening night week weekend month year years day days
however meanwhile moreover furthermore therefore thus although though because unless whether
according reports report reported reportedly officials official sources source statement
update updates live breaking news exclusive analysis opinion editorial photo video watch read
more related advertisement subscribe share follow click sign image images getty reuters afp
ap caption file breaking developing latest key front line frontline war conflict crisis attack
attacks strike strikes offensive battle fighting army military forces troops soldiers police
government ministry minister president prime general colonel commander spokesman spokeswoman
mr mrs ms dr sir madam republic federation kingdom state states union united north south east
west northern southern eastern western central upper lower greater new old great
international national regional local global world
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december christmas easter ramadan eid
god allah lord
strategic significance presence involvement heavy significant despite overall many
""".split()
)

# Words that open a sentence before a name ("Later Zelensky flew ..."); never part of the name.
SENTENCE_OPENERS = frozenset(
    """
later earlier also meanwhile separately elsewhere instead overall still since despite during
amid following after before when while although though once then thereafter afterwards
yesterday today tonight tomorrow last next this that there here where why how what whether
previously recently currently now soon already again but and or so yet nor for because
local regional senior top former acting new veteran outgoing incoming interim deputy
both neither either every each several many some most other another such only even just
according speaking writing asked asked responding reacting commenting
however moreover nevertheless nonetheless indeed thus therefore hence furthermore additionally
""".split()
)

# Capitalised sentence openers that are no one's surname, before "said" ("Medics said").
NOT_SPEAKER_NAMES = frozenset(
    """
officials medics witnesses residents police sources analysts experts doctors rescuers authorities
observers critics others both diplomats activists prosecutors investigators paramedics
volunteers villagers survivors locals neighbours neighbors relatives families soldiers troops
militants rebels protesters demonstrators organisers organizers spokespeople lawmakers
ministers leaders commanders bloggers journalists reporters correspondents monitors researchers
scientists agencies hospitals hospital ministry army military government staff everyone someone
nobody people men women children many several some most few all none each one two three
it he she they we i you this that these those there here what which who
videos video images photos photographs footage pictures posts reports documents statements figures records
duke duchess king queen prince princess emperor empress sheikh emir sultan pope archbishop bishop
cardinal patriarch lord lady baron baroness countess warden
""".split()
)

# Nationality or side adjectives -> ISO country code ("" for sides with no single country).
DEMONYMS: dict[str, str] = {
    "russian": "RU",
    "ukrainian": "UA",
    "north korean": "KP",
    "south korean": "KR",
    "korean": "",
    "israeli": "IL",
    "palestinian": "PS",
    "iranian": "IR",
    "iraqi": "IQ",
    "syrian": "SY",
    "lebanese": "LB",
    "jordanian": "JO",
    "egyptian": "EG",
    "saudi": "SA",
    "yemeni": "YE",
    "turkish": "TR",
    "kurdish": "",
    "american": "US",
    "us": "US",
    "u.s.": "US",
    "british": "GB",
    "french": "FR",
    "german": "DE",
    "polish": "PL",
    "belarusian": "BY",
    "belarussian": "BY",
    "chinese": "CN",
    "japanese": "JP",
    "indian": "IN",
    "pakistani": "PK",
    "afghan": "AF",
    "sudanese": "SD",
    "south sudanese": "SS",
    "ethiopian": "ET",
    "eritrean": "ER",
    "somali": "SO",
    "kenyan": "KE",
    "nigerian": "NG",
    "malian": "ML",
    "burkinabe": "BF",
    "nigerien": "NE",
    "chadian": "TD",
    "libyan": "LY",
    "tunisian": "TN",
    "algerian": "DZ",
    "moroccan": "MA",
    "congolese": "CD",
    "rwandan": "RW",
    "ugandan": "UG",
    "burundian": "BI",
    "cameroonian": "CM",
    "mozambican": "MZ",
    "central african": "CF",
    "georgian": "GE",
    "armenian": "AM",
    "azerbaijani": "AZ",
    "azeri": "AZ",
    "moldovan": "MD",
    "romanian": "RO",
    "hungarian": "HU",
    "serbian": "RS",
    "kosovar": "XK",
    "bosnian": "BA",
    "croatian": "HR",
    "lithuanian": "LT",
    "latvian": "LV",
    "estonian": "EE",
    "finnish": "FI",
    "swedish": "SE",
    "norwegian": "NO",
    "danish": "DK",
    "dutch": "NL",
    "belgian": "BE",
    "italian": "IT",
    "spanish": "ES",
    "portuguese": "PT",
    "greek": "GR",
    "czech": "CZ",
    "slovak": "SK",
    "bulgarian": "BG",
    "canadian": "CA",
    "australian": "AU",
    "mexican": "MX",
    "colombian": "CO",
    "venezuelan": "VE",
    "brazilian": "BR",
    "haitian": "HT",
    "burmese": "MM",
    "myanmar": "MM",
    "thai": "TH",
    "filipino": "PH",
    "philippine": "PH",
    "indonesian": "ID",
    "taiwanese": "TW",
    "emirati": "AE",
    "qatari": "QA",
    "omani": "OM",
    "bahraini": "BH",
    "kuwaiti": "KW",
    "houthi": "YE",
    "chechen": "RU",
    "tajik": "TJ",
    "uzbek": "UZ",
    "kazakh": "KZ",
    "kyrgyz": "KG",
    "turkmen": "TM",
    "albanian": "AL",
    "angolan": "AO",
    "argentine": "AR",
    "argentinian": "AR",
    "austrian": "AT",
    "bangladeshi": "BD",
    "bolivian": "BO",
    "cambodian": "KH",
    "chilean": "CL",
    "cuban": "CU",
    "cypriot": "CY",
    "ecuadorian": "EC",
    "ghanaian": "GH",
    "guatemalan": "GT",
    "honduran": "HN",
    "irish": "IE",
    "ivorian": "CI",
    "togolese": "TG",
    "beninese": "BJ",
    "gabonese": "GA",
    "guinean": "GN",
    "gambian": "GM",
    "malawian": "MW",
    "djiboutian": "DJ",
    "sahrawi": "EH",
    "sierra leonean": "SL",
    "sri lankan": "LK",
    "jamaican": "JM",
    "laotian": "LA",
    "liberian": "LR",
    "malaysian": "MY",
    "mauritanian": "MR",
    "mongolian": "MN",
    "montenegrin": "ME",
    "namibian": "NA",
    "nepalese": "NP",
    "nepali": "NP",
    "nicaraguan": "NI",
    "panamanian": "PA",
    "paraguayan": "PY",
    "peruvian": "PE",
    "salvadoran": "SV",
    "senegalese": "SN",
    "swiss": "CH",
    "tanzanian": "TZ",
    "uruguayan": "UY",
    "vietnamese": "VN",
    "north vietnamese": "",
    "south vietnamese": "",
    "zambian": "ZM",
    "zimbabwean": "ZW",
    "western": "",
    "nato": "",
    "allied": "",
    "pro-russian": "",
    "pro-ukrainian": "",
    "pro-government": "",
    "government": "",
    "separatist": "",
    "rebel": "",
    "islamist": "",
    "jihadist": "",
    "militia": "",
    "paramilitary": "",
    "rsf": "SD",
    "sudanese army": "SD",
    "hamas": "PS",
    "hezbollah": "LB",
    "taliban": "AF",
    "wagner": "RU",
    "druze": "",
    "alawite": "",
    "sunni": "",
    "shia": "",
    "shiite": "",
    "arab": "",
    "african": "",
    "north african": "",
    "west african": "",
    "east african": "",
    "south african": "ZA",
    "european": "",
    "eastern european": "",
    "asian": "",
    "middle eastern": "",
    "latin american": "",
    "tuareg": "",
    "tigrayan": "ET",
    "fano": "ET",
    "al-shabaab": "SO",
    "jnim": "",
    "isis": "",
    "islamic state": "",
    "ukraine's": "UA",
    "russia's": "RU",
    "israel's": "IL",
    "iran's": "IR",
    "foreign": "",
    "enemy": "",
    "opposition": "",
    "coalition": "",
    "regime": "",
    "junta": "",
    "federal": "",
    "national": "",
    "security": "",
}

# Nouns for groups of fighters or people, after a demonym ("Russian forces").
GROUP_NOUNS = frozenset(
    """
forces force troops soldiers servicemen servicemembers military army units fighters rebels
militants militias militiamen gunmen insurgents jihadists mercenaries paratroopers marines
commandos infantry sailors pilots reservists conscripts recruits volunteers guards police
officers personnel civilians residents refugees prisoners
detainees hostages protesters demonstrators settlers students workers journalists
reinforcements units troop contingent battalions brigades artillery separatists paramilitaries
loyalists extremists terrorists bandits pirates gangs gangsters partisans guerrillas
""".split()
)

# Group nouns that name a group even alone ("civilians were killed").
GROUP_WORDS_ALONE = frozenset(
    """
civilians militants protesters demonstrators rebels insurgents gunmen jihadists refugees
hostages settlers mercenaries paramilitaries separatists bandits pirates guerrillas
""".split()
)

# Languages: "in English" is no place (English, Indiana).
LANGUAGES = frozenset(
    """
english arabic hebrew french german spanish russian ukrainian persian farsi urdu hindi swahili
hausa amharic turkish kurdish pashto dari somali tigrinya chinese mandarin japanese korean
portuguese italian polish latin yiddish armenian georgian azerbaijani belarusian
""".split()
)

# Continents and large regions: places with no country (folded: lower case, no hyphens).
CONTINENTS = frozenset(
    name.strip()
    for name in """
europe|africa|asia|americas|oceania|antarctica|arctic|middle east|near east|far east|
latin america|south america|north america|central america|central asia|southeast asia|
south asia|east asia|east africa|west africa|north africa|southern africa|central africa|
horn of africa|sub saharan africa|caucasus|south caucasus|north caucasus|balkans|
western balkans|baltics|levant|maghreb|scandinavia|caribbean|mediterranean|indo pacific|
eastern europe|western europe|central europe|persian gulf
""".replace("\n", "").split("|")
)

# Regions told by an adjective and a plural of countries ("the Baltic states", "Nordic countries",
# "Gulf nations"): the region's name, a place with no country (a town called Baltic is in the US)
GROUPS_OF_COUNTRIES = {
    "baltic": "Baltic states",
    "nordic": "Nordic countries",
    "balkan": "Balkans",
    "gulf": "Gulf states",
    "scandinavian": "Scandinavia",
}
COUNTRIES_PLURAL = frozenset("states countries nations republics".split())

# Words after a capitalised name that make it a place ("Kursk region", "Donetsk Oblast").
PLACE_HEADS = frozenset(
    """
region oblast province governorate district state county raion municipality prefecture
territory krai republic city town village township commune
""".split()
)
