"""Known organisations: surface form -> (canonical name, kind).

kind is one of government, military, intelligence, media, international, other (part 2 types
sources by it). Surface forms are matched case-sensitively on token boundaries.
"""

_GOVERNMENT = """
National Unity Government=National Unity Government
NUG=National Unity Government
State Administration Council=State Administration Council
Kremlin=Kremlin
Pentagon=Pentagon
White House=White House
State Department=State Department
Foreign Office=Foreign Office
Downing Street=Downing Street
Elysee=Elysee
Élysée=Elysee
Elysee Palace=Elysee
Élysée Palace=Elysee
Buckingham Palace=Buckingham Palace
Kensington Palace=Kensington Palace
Verkhovna Rada=Verkhovna Rada
Rada=Verkhovna Rada
State Duma=State Duma
Duma=State Duma
Knesset=Knesset
Congress=Congress
Senate=Senate
Bundestag=Bundestag
Security Council of Ukraine=National Security and Defense Council of Ukraine
Hamas-run health ministry=Gaza health ministry
Gaza health ministry=Gaza health ministry
Gaza Health Ministry=Gaza health ministry
Health Ministry=Health Ministry
Ministry of Health=Ministry of Health
Israeli Prime Minister's Office=Israeli Prime Minister's Office
Prime Minister's Office=Prime Minister's Office
Sovereign Council=Sovereign Council
Taliban government=Taliban government
Houthi government=Houthi government
"""

_MILITARY = """
United Kingdom Maritime Trade Operations=UKMTO
UK Maritime Trade Operations=UKMTO
UKMTO=UKMTO
Jama'at Nusrat al-Islam wal-Muslimin=JNIM
Jama’at Nusrat al-Islam wal-Muslimin=JNIM
Jamaat Nusrat al-Islam wal-Muslimin=JNIM
Islamic State Sahel Province=Islamic State Sahel Province
ISSP=Islamic State Sahel Province
Islamic State West Africa Province=ISWAP
ISWAP=ISWAP
Islamic State Khorasan Province=ISKP
Islamic State Khorasan=ISKP
Islamic State-Khorasan=ISKP
ISKP=ISKP
ISIS-K=ISKP
IS-K=ISKP
Islamic State Central Africa Province=ISCAP
ISCAP=ISCAP
Islamic State Mozambique Province=Islamic State Mozambique Province
ISMP=Islamic State Mozambique Province
Islamic State Somalia Province=Islamic State Somalia Province
FAMa=Malian Armed Forces
Malian Armed Forces=Malian Armed Forces
VDP=Volunteers for the Defence of the Homeland
Volunteers for the Defence of the Homeland=Volunteers for the Defence of the Homeland
FARDC=FARDC
Wazalendo=Wazalendo
Allied Democratic Forces=Allied Democratic Forces
ADF=Allied Democratic Forces
CODECO=CODECO
Tatmadaw=Tatmadaw
Arakan Army=Arakan Army
Kachin Independence Army=Kachin Independence Army
Ta'ang National Liberation Army=Ta'ang National Liberation Army
Ta’ang National Liberation Army=Ta'ang National Liberation Army
TNLA=Ta'ang National Liberation Army
Myanmar National Democratic Alliance Army=MNDAA
MNDAA=MNDAA
Karenni Nationalities Defence Force=Karenni Nationalities Defence Force
KNDF=Karenni Nationalities Defence Force
Karen National Union=Karen National Union
KNU=Karen National Union
People's Defence Force=People's Defence Force
People’s Defence Force=People's Defence Force
IDF=Israel Defense Forces
Israel Defense Forces=Israel Defense Forces
Israel Defence Forces=Israel Defense Forces
Israeli army=Israeli army
Israeli military=Israeli military
Wagner Group=Wagner Group
Wagner=Wagner Group
Hamas=Hamas
Hezbollah=Hezbollah
Hizbollah=Hezbollah
Islamic Jihad=Palestinian Islamic Jihad
Palestinian Islamic Jihad=Palestinian Islamic Jihad
Qassam Brigades=Qassam Brigades
al-Qassam Brigades=Qassam Brigades
Al-Qassam Brigades=Qassam Brigades
Ezzedine al-Qassam Brigades=Qassam Brigades
Houthis=Houthis
Ansar Allah=Houthis
Rapid Support Forces=Rapid Support Forces
RSF=Rapid Support Forces
Sudanese Armed Forces=Sudanese Armed Forces
SAF=Sudanese Armed Forces
Sudanese army=Sudanese army
Taliban=Taliban
Islamic State=Islamic State
ISIS=Islamic State
ISIL=Islamic State
IS=Islamic State
al-Qaeda=al-Qaeda
Al-Qaeda=al-Qaeda
al-Shabaab=al-Shabaab
Al-Shabaab=al-Shabaab
Al Shabaab=al-Shabaab
al Shabaab=al-Shabaab
Al Shabab=al-Shabaab
Somali National Army=Somali National Army
SNA=Somali National Army
al-Shabab=al-Shabaab
Al-Shabab=al-Shabaab
Boko Haram=Boko Haram
JNIM=JNIM
HTS=Hayat Tahrir al-Sham
Hayat Tahrir al-Sham=Hayat Tahrir al-Sham
SDF=Syrian Democratic Forces
Syrian Democratic Forces=Syrian Democratic Forces
PKK=PKK
YPG=YPG
M23=M23
Fano=Fano
TPLF=TPLF
Azov=Azov
Azov Brigade=Azov Brigade
Akhmat=Akhmat
Armed Forces of Ukraine=Armed Forces of Ukraine
Ukrainian Armed Forces=Armed Forces of Ukraine
ZSU=Armed Forces of Ukraine
General Staff=General Staff
Ukraine's General Staff=General Staff of the Armed Forces of Ukraine
Ukrainian General Staff=General Staff of the Armed Forces of Ukraine
Russian Defence Ministry=Russian Defence Ministry
Russian Defense Ministry=Russian Defence Ministry
Russian defence ministry=Russian Defence Ministry
Russian defense ministry=Russian Defence Ministry
Russia's defence ministry=Russian Defence Ministry
Russia's defense ministry=Russian Defence Ministry
Russia's Defence Ministry=Russian Defence Ministry
Russia's Defense Ministry=Russian Defence Ministry
Ukraine's defence ministry=Ukrainian Defence Ministry
Ukraine's defense ministry=Ukrainian Defence Ministry
Ukraine's Defence Ministry=Ukrainian Defence Ministry
Ukrainian defence ministry=Ukrainian Defence Ministry
Ukrainian Defence Ministry=Ukrainian Defence Ministry
Ministry of Defence=Ministry of Defence
Ministry of Defense=Ministry of Defense
Defence Ministry=Defence Ministry
Defense Ministry=Defense Ministry
defence ministry=defence ministry
defense ministry=defense ministry
Pentagon=Pentagon
Red Army=Red Army
National Guard=National Guard
Air Force=Air Force
Navy=Navy
Black Sea Fleet=Black Sea Fleet
CENTCOM=US Central Command
Central Command=US Central Command
"""

_INTELLIGENCE = """
HUR=Ukraine's military intelligence
GUR=Ukraine's military intelligence
Ukraine's military intelligence=Ukraine's military intelligence
Ukrainian military intelligence=Ukraine's military intelligence
Ukraine's Military Intelligence=Ukraine's military intelligence
Ukrainian Military Intelligence=Ukraine's military intelligence
Ukraine's Defence Intelligence=Ukraine's military intelligence
Ukraine's defence intelligence=Ukraine's military intelligence
Ukrainian Intelligence=Ukrainian intelligence
Ukrainian intelligence=Ukrainian intelligence
Ukraine's intelligence=Ukrainian intelligence
SBU=SBU
Security Service of Ukraine=SBU
Ukraine's Security Service=SBU
FSB=FSB
Federal Security Service=FSB
GRU=GRU
SVR=SVR
CIA=CIA
FBI=FBI
NSA=NSA
MI6=MI6
MI5=MI5
Mossad=Mossad
Shin Bet=Shin Bet
NIS=NIS
South Korea's National Intelligence Service=NIS
National Intelligence Service=NIS
British military intelligence=British military intelligence
British Defence Intelligence=British Defence Intelligence
UK Defence Intelligence=British Defence Intelligence
ISW=Institute for the Study of War
Institute for the Study of War=Institute for the Study of War
"""

_INTERNATIONAL = """
Interpol=Interpol
INTERPOL=Interpol
Europol=Europol
Frontex=Frontex
MONUSCO=MONUSCO
UNIFIL=UNIFIL
MINUSMA=MINUSMA
UNMISS=UNMISS
UN=United Nations
U.N.=United Nations
United Nations=United Nations
UN Security Council=UN Security Council
U.N. Security Council=UN Security Council
United Nations Security Council=UN Security Council
Security Council=UN Security Council
NATO=NATO
Nato=NATO
OSCE=OSCE
IAEA=IAEA
International Atomic Energy Agency=IAEA
ICRC=ICRC
International Committee of the Red Cross=ICRC
Red Cross=Red Cross
Red Crescent=Red Crescent
Palestinian Red Crescent=Palestinian Red Crescent
WHO=World Health Organization
World Health Organization=World Health Organization
World Health Organisation=World Health Organization
UNHCR=UNHCR
UNICEF=UNICEF
UNRWA=UNRWA
OCHA=OCHA
UN Office for the Coordination of Humanitarian Affairs=OCHA
Office for the Coordination of Humanitarian Affairs=OCHA
WFP=World Food Programme
World Food Programme=World Food Programme
OHCHR=OHCHR
UN Human Rights Office=OHCHR
UN human rights office=OHCHR
Office of the High Commissioner for Human Rights=OHCHR
Office of the UN High Commissioner for Human Rights=OHCHR
UN High Commissioner for Human Rights=UN High Commissioner for Human Rights
UN refugee agency=UNHCR
UN High Commissioner for Refugees=UNHCR
Council of Europe=Council of Europe
UN Human Rights Council=UN Human Rights Council
Human Rights Council=UN Human Rights Council
EU=European Union
E.U.=European Union
European Union=European Union
European Commission=European Commission
European Parliament=European Parliament
African Union=African Union
AU=African Union
ECOWAS=ECOWAS
Arab League=Arab League
G7=G7
G20=G20
ICC=International Criminal Court
International Criminal Court=International Criminal Court
ICJ=International Court of Justice
International Court of Justice=International Court of Justice
IMF=IMF
World Bank=World Bank
MSF=Doctors Without Borders
Doctors Without Borders=Doctors Without Borders
Medecins Sans Frontieres=Doctors Without Borders
Médecins Sans Frontières=Doctors Without Borders
Amnesty International=Amnesty International
Committee to Protect Journalists=Committee to Protect Journalists
CPJ=Committee to Protect Journalists
Reporters Without Borders=Reporters Without Borders
RSF (Reporters Without Borders)=Reporters Without Borders
Human Rights Watch=Human Rights Watch
HRW=Human Rights Watch
ACLED=ACLED
IOM=IOM
International Organization for Migration=IOM
Syrian Observatory for Human Rights=Syrian Observatory for Human Rights
Syrian Observatory=Syrian Observatory for Human Rights
"""

_MEDIA = """
Al-Monitor=Al-Monitor
Al Monitor=Al-Monitor
NPR=NPR
CBS News=CBS News
CBS=CBS News
NBC News=NBC News
NBC=NBC News
The Economist=The Economist
Le Monde=Le Monde
Der Spiegel=Der Spiegel
Spiegel=Der Spiegel
Die Welt=Die Welt
Welt am Sonntag=Welt am Sonntag
Die Zeit=Die Zeit
Frankfurter Allgemeine Zeitung=Frankfurter Allgemeine Zeitung
Frankfurter Allgemeine=Frankfurter Allgemeine Zeitung
Süddeutsche Zeitung=Süddeutsche Zeitung
Le Figaro=Le Figaro
Libération=Libération
El Pais=El País
La Repubblica=La Repubblica
Corriere della Sera=Corriere della Sera
Gazeta Wyborcza=Gazeta Wyborcza
Rzeczpospolita=Rzeczpospolita
Ria Novosti=RIA Novosti
RIA Nowosti=RIA Novosti
Ria Nowosti=RIA Novosti
Janes=Janes
Newsweek=Newsweek
The Telegraph=The Telegraph
Daily Telegraph=The Telegraph
The Independent=The Independent
Daily Mail=Daily Mail
The Times=The Times
Vedomosti=Vedomosti
Nikkei=Nikkei
Kyodo=Kyodo
NHK=NHK
Bild=Bild
El País=El País
Voice of America=VOA
VOA=VOA
UNIAN=UNIAN
Polish Press Agency=PAP
PAP=PAP
Al-Masirah=Al-Masirah
Al Masirah=Al-Masirah
National News Agency=National News Agency
Myanmar Now=Myanmar Now
The Irrawaddy=The Irrawaddy
MRTV=MRTV
ORTM=ORTM
Radio Okapi=Radio Okapi
AFP=AFP
Agence France-Presse=AFP
Agence France Presse=AFP
Reuters=Reuters
AP=AP
Associated Press=AP
The Associated Press=AP
CNN=CNN
BBC=BBC
Kyiv Post=Kyiv Post
Kyiv Independent=Kyiv Independent
The Kyiv Independent=Kyiv Independent
TASS=TASS
Tass=TASS
RIA Novosti=RIA Novosti
RIA=RIA Novosti
Interfax=Interfax
Interfax-Ukraine=Interfax-Ukraine
Ukrinform=Ukrinform
Ukrainska Pravda=Ukrainska Pravda
Suspilne=Suspilne
Al Jazeera=Al Jazeera
Al-Jazeera=Al Jazeera
Al Arabiya=Al Arabiya
Times of Israel=Times of Israel
Haaretz=Haaretz
Jerusalem Post=Jerusalem Post
New York Times=New York Times
The New York Times=New York Times
Washington Post=Washington Post
The Washington Post=Washington Post
Wall Street Journal=Wall Street Journal
The Wall Street Journal=Wall Street Journal
Financial Times=Financial Times
The Guardian=The Guardian
Guardian=The Guardian
The Economist=The Economist
Bloomberg=Bloomberg
Politico=Politico
Axios=Axios
NBC News=NBC News
CBS News=CBS News
ABC News=ABC News
Fox News=Fox News
Sky News=Sky News
Deutsche Welle=Deutsche Welle
DW=Deutsche Welle
France 24=France 24
Euronews=Euronews
RFE/RL=RFE/RL
Radio Free Europe/Radio Liberty=RFE/RL
Radio Free Europe=RFE/RL
Radio Liberty=RFE/RL
Meduza=Meduza
Mediazona=Mediazona
Novaya Gazeta=Novaya Gazeta
RT=RT
Sputnik=Sputnik
RBC=RBC
Kommersant=Kommersant
Izvestia=Izvestia
Xinhua=Xinhua
KCNA=KCNA
Yonhap=Yonhap
Anadolu=Anadolu Agency
Anadolu Agency=Anadolu Agency
IRNA=IRNA
Tasnim=Tasnim
Fars=Fars
SANA=SANA
WAFA=WAFA
Sudan Tribune=Sudan Tribune
Radio Dabanga=Radio Dabanga
Telegram=Telegram
Hromadske=Hromadske
RBC-Ukraine=RBC-Ukraine
Zvezda=Zvezda
Rossiya 24=Rossiya 24
Channel One=Channel One
Rybar=Rybar
WarGonzo=WarGonzo
Deep State=DeepState
DeepState=DeepState
DeepStateMap=DeepState
Oryx=Oryx
Bellingcat=Bellingcat
Airwars=Airwars
Militarnyi=Militarnyi
Ynet=Ynet
Channel 12=Channel 12
Kan=Kan
Al Mayadeen=Al Mayadeen
Al-Manar=Al-Manar
Al Manar=Al-Manar
Shehab=Shehab
Sudan Tribune=Sudan Tribune
The Kyiv Post=Kyiv Post
New Voice of Ukraine=New Voice of Ukraine
"""

_OTHER = """
Law and Justice=Law and Justice
Magen David Adom=Magen David Adom
Save the Children=Save the Children
Oxfam=Oxfam
Mercy Corps=Mercy Corps
CARE=CARE
World Central Kitchen=World Central Kitchen
Carter Center=Carter Center
Chatham House=Chatham House
RUSI=RUSI
CSIS=CSIS
Crisis Group=International Crisis Group
International Crisis Group=International Crisis Group
Gazprom=Gazprom
Rosatom=Rosatom
Energoatom=Energoatom
Ukrenergo=Ukrenergo
Naftogaz=Naftogaz
Rosneft=Rosneft
Lukoil=Lukoil
Transneft=Transneft
Novatek=Novatek
Sberbank=Sberbank
ExxonMobil=ExxonMobil
Exxon Mobil=ExxonMobil
Chevron=Chevron
TotalEnergies=TotalEnergies
Equinor=Equinor
Saab=Saab
Lockheed Martin=Lockheed Martin
Raytheon=Raytheon
Boeing=Boeing
Airbus=Airbus
BAE Systems=BAE Systems
Rheinmetall=Rheinmetall
Thales=Thales
General Dynamics=General Dynamics
Northrop Grumman=Northrop Grumman
Dassault=Dassault
MBDA=MBDA
Elbit Systems=Elbit Systems
Baykar=Baykar
Hanwha=Hanwha
Rostec=Rostec
Almaz-Antey=Almaz-Antey
Uralvagonzavod=Uralvagonzavod
SpaceX=SpaceX
Starlink=Starlink
Google=Google
Microsoft=Microsoft
Facebook=Facebook
Twitter=Twitter
YouTube=YouTube
Instagram=Instagram
TikTok=TikTok
WhatsApp=WhatsApp
"""


def _parse(block: str, kind: str) -> dict[str, tuple[str, str]]:
    table = {}
    for line in block.strip().splitlines():
        surface, _, canonical = line.partition("=")
        table[surface.strip()] = (canonical.strip(), kind)
    return table


ORGANIZATIONS: dict[str, tuple[str, str]] = {}
for _block, _kind in (
    (_OTHER, "other"),
    (_MEDIA, "media"),
    (_INTERNATIONAL, "international"),
    (_GOVERNMENT, "government"),
    (_MILITARY, "military"),
    (_INTELLIGENCE, "intelligence"),
):
    ORGANIZATIONS.update(_parse(_block, _kind))

# The last word of a capitalised name that makes it an organisation, and its kind.
ORG_HEADS: dict[str, str] = {
    "ministry": "government",
    "affairs": "government",
    "government": "government",
    "cabinet": "government",
    "parliament": "government",
    "council": "government",
    "office": "government",
    "administration": "government",
    "committee": "government",
    "commission": "government",
    "department": "government",
    "agency": "government",
    "authority": "government",
    "authorities": "government",
    "assembly": "government",
    "court": "government",
    "service": "government",
    "prosecutor's office": "government",
    "police": "government",
    "army": "military",
    "forces": "military",
    "force": "military",
    "brigade": "military",
    "brigades": "military",
    "battalion": "military",
    "regiment": "military",
    "division": "military",
    "corps": "military",
    "command": "military",
    "guard": "military",
    "guards": "military",
    "navy": "military",
    "fleet": "military",
    "militia": "military",
    "front": "military",
    "movement": "other",
    "group": "other",
    "legion": "military",
    "intelligence": "intelligence",
    "directorate": "intelligence",
    "news": "media",
    "times": "media",
    "post": "media",
    "press": "media",
    "agency's": "media",
    "tribune": "media",
    "herald": "media",
    "journal": "media",
    "gazette": "media",
    "television": "media",
    "tv": "media",
    "radio": "media",
    "broadcaster": "media",
    "network": "other",  # ("Sudan Doctors Network"; broadcasters name themselves "... News Network", "... Media Network")
    "independent": "media",
    "organization": "international",
    "organisation": "international",
    "nations": "international",
    "union": "international",
    "alliance": "other",
    "party": "other",
    "company": "other",
    "corporation": "other",
    "bank": "other",
    "university": "other",
    "college": "other",
    "school": "other",
    "academy": "other",
    "society": "other",
    "bureau": "government",
    "institute": "other",
    "foundation": "other",
    "watch": "other",
    "observatory": "other",
    "center": "other",
    "centre": "other",
    "hospital": "other",
    "association": "other",
    "federation": "other",
    "treasury": "government",
    "senate": "government",
    "duma": "government",
    "rada": "government",
    "embassy": "government",
    "consulate": "government",
    "secretariat": "government",
    "tribunal": "government",
    "platform": "other",
    "coalition": "other",
}

# Branches of a country's state named by demonym or possessive ("Russian army", "Ukraine's navy").
STATE_BRANCHES = {
    "army": "military",
    "military": "military",
    "navy": "military",
    "air force": "military",
    "armed forces": "military",
    "general staff": "military",
    "air defence": "military",
    "air defense": "military",
    "border guard": "military",
    "border service": "military",
    "national guard": "military",
    "defence ministry": "military",
    "defense ministry": "military",
    "ministry of defence": "military",
    "ministry of defense": "military",
    "military intelligence": "intelligence",
    "intelligence": "intelligence",
    "intelligence service": "intelligence",
    "security service": "intelligence",
    "intelligence services": "intelligence",
    "security services": "intelligence",
    "special services": "intelligence",
    "counterintelligence": "intelligence",
    "defence intelligence": "intelligence",
    "defense intelligence": "intelligence",
    "foreign ministry": "government",
    "interior ministry": "government",
    "health ministry": "government",
    "energy ministry": "government",
    "emergencies ministry": "government",
    "emergency service": "government",
    "emergency services": "government",
    "justice ministry": "government",
    "government": "government",
    "authorities": "government",
    "parliament": "government",
    "prosecutor general's office": "government",
    "prosecutor's office": "government",
    "embassy": "government",
    "police": "government",
    "presidential office": "government",
    "president's office": "government",
    "cabinet": "government",
    "navy's": "military",
}

# Every unit name ends in one of these words (``_UNIT``'s last group); an article without any has
# none, and the regex, which tries every digit in the text, is not run.
UNIT_NOUNS = (
    "Brigade",
    "Division",
    "Regiment",
    "Battalion",
    "Corps",
    "Army",
    "Fleet",
    "Squadron",
    "Company",
    "Detachment",
    "Group",
)

NOT_QUALIFIERS = frozenset("the a an this that these those its their his her our and or but".split())

PEOPLE_AFTER = frozenset(
    """
bloggers officials sources analysts experts journalists correspondents commanders officers
personnel veterans chiefs leaders
""".split()
)

PERSON_AFTER = frozenset(
    """
blogger official source analyst expert journalist correspondent commander officer spokesman
spokeswoman spokesperson chief leader leadership
""".split()
)
