"""Country and region names the news uses that ISO 3166 and GeoNames spell otherwise (part of the
gazetteer index: bump gazetteer.FORMAT when they change).
"""

# Names the news uses for countries that ISO spells otherwise.
EXTRA_COUNTRY_NAMES = {
    "Russia": "RU", "Syria": "SY", "Iran": "IR", "North Korea": "KP", "South Korea": "KR",
    "Palestine": "PS", "Gaza": "PS", "Gaza Strip": "PS", "West Bank": "PS", "Moldova": "MD",
    "Venezuela": "VE", "Bolivia": "BO", "Tanzania": "TZ", "Vietnam": "VN", "Laos": "LA",
    "Taiwan": "TW", "Congo": "CG", "DR Congo": "CD", "DRC": "CD", "Democratic Republic of Congo": "CD",
    "Democratic Republic of the Congo": "CD", "Ivory Coast": "CI", "Britain": "GB",
    "Great Britain": "GB", "UK": "GB", "United Kingdom": "GB", "US": "US", "U.S.": "US", "USA": "US",
    "United States": "US", "America": "US", "Czech Republic": "CZ", "Turkey": "TR", "Turkiye": "TR",
    "Türkiye": "TR", "Burma": "MM", "Myanmar": "MM", "Kosovo": "XK", "East Timor": "TL",
    "Macedonia": "MK", "North Macedonia": "MK", "Cape Verde": "CV", "Eswatini": "SZ",
    "Swaziland": "SZ", "Vatican": "VA", "Holland": "NL", "Micronesia": "FM", "Brunei": "BN",
    "Somaliland": "SO", "Western Sahara": "EH", "South Sudan": "SS", "Sudan": "SD",
    "Central African Republic": "CF", "UAE": "AE", "Emirates": "AE", "Crimea": "UA",
}

# Regions the news names that no first-level subdivision list spells this way.
CONFLICT_REGIONS = {
    "Donbas": "UA", "Donbass": "UA", "Darfur": "SD", "North Darfur": "SD", "South Darfur": "SD",
    "West Darfur": "SD", "Central Darfur": "SD", "East Darfur": "SD", "Kordofan": "SD",
    "North Kordofan": "SD", "South Kordofan": "SD", "West Kordofan": "SD", "Gezira": "SD",
    "Al Jazirah": "SD", "Blue Nile": "SD", "Tigray": "ET", "Amhara": "ET", "Oromia": "ET",
    "Afar": "ET", "Transnistria": "MD", "Nagorno-Karabakh": "AZ", "Karabakh": "AZ",
    "Sinai": "EG", "North Sinai": "EG", "Galilee": "IL", "Negev": "IL", "Golan Heights": "SY",
    "Golan": "SY", "Rakhine": "MM", "Kachin": "MM", "Shan": "MM", "Karen": "", "Borno": "NG",
    "Cabo Delgado": "MZ", "Ituri": "CD", "North Kivu": "CD", "South Kivu": "CD",
    "Balochistan": "PK", "Khyber Pakhtunkhwa": "PK", "Waziristan": "PK", "North Waziristan": "PK",
    "Kashmir": "", "Jammu and Kashmir": "IN", "Azad Kashmir": "PK", "Sahel": "", "Kurdistan": "", "Iraqi Kurdistan": "IQ", "Rojava": "SY",
    "Idlib": "SY", "Deir ez-Zor": "SY", "Deir el-Zour": "SY", "Daraa": "SY", "Sweida": "SY",
    "Latakia": "SY", "Hadramout": "YE", "Marib": "YE", "Hodeidah": "YE", "Taiz": "YE",
    "South Lebanon": "LB", "Bekaa": "LB", "Zaporizhzhia Oblast": "UA", "Kherson Oblast": "UA",
    "Abkhazia": "GE", "South Ossetia": "GE", "Chechnya": "RU", "Dagestan": "RU", "Tuva": "RU",
    "Jubaland": "SO", "Puntland": "SO", "Anglophone regions": "CM", "Cyrenaica": "LY",
    "Tripolitania": "LY", "Fezzan": "LY", "Papua": "ID", "Mindanao": "PH", "Xinjiang": "CN",
    "Tibet": "CN", "Gaza Strip": "PS", "West Bank": "PS",
}
