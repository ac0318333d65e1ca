"""Well-known people of conflict news, by the surname the news calls them by.

Only surnames that are rarely anything else: "Austin" (a city), "Kim" or "Xi" alone are not here.
A one-word mention of one of these ("Shoigu and Gerasimov visited the front") is that person even
with no title or speech verb nearby. The canonical name is the full name.
"""

_FULL_NAMES = """
Vladimir Putin|Volodymyr Zelensky|Benjamin Netanyahu|Joe Biden|Donald Trump|Recep Tayyip Erdogan
Sergei Shoigu|Valery Gerasimov|Yevgeny Prigozhin|Ramzan Kadyrov|Alexander Lukashenko|Oleksandr Syrskyi
Valerii Zaluzhnyi|Kyrylo Budanov|Dmitry Peskov|Sergei Lavrov|Maria Zakharova|Dmitry Medvedev
Antony Blinken|Jake Sullivan|Jens Stoltenberg|Mark Rutte|Antonio Guterres|Rafael Grossi
Josep Borrell|Ursula von der Leyen|Emmanuel Macron|Olaf Scholz|Rishi Sunak|Keir Starmer
Ali Khamenei|Ebrahim Raisi|Masoud Pezeshkian|Hassan Nasrallah|Naim Qassem|Yahya Sinwar
Ismail Haniyeh|Mohammed Deif|Yoav Gallant|Itamar Ben-Gvir|Bezalel Smotrich|Benny Gantz
Yair Lapid|Isaac Herzog|Abdel Fattah el-Sisi|Bashar al-Assad|Abu Mohammed al-Jolani
Abdel Fattah al-Burhan|Mohamed Hamdan Dagalo|Abiy Ahmed|Paul Kagame|Felix Tshisekedi
Narendra Modi|Kim Jong Un|Xi Jinping|Andriy Yermak|Rustem Umerov|Denys Shmyhal|Dmytro Kuleba
Andrii Sybiha|Andrei Belousov|Viktor Orban|Andrzej Duda|Giorgia Meloni|Mohammed bin Salman
Tayyip Erdogan|Hakan Fidan|Abbas Araghchi|Mahmoud Abbas|Mohammad Mustafa|Najib Mikati
Nabih Berri|Ahmed al-Sharaa|Khalifa Haftar|Min Aung Hlaing|Ibrahim Traore|Assimi Goita
Volker Turk|Tedros Adhanom Ghebreyesus|Kaja Kallas|Lloyd Austin|Pete Hegseth|Marco Rubio
Steve Witkoff|Keith Kellogg|JD Vance|Kamala Harris|Vitali Klitschko|Oleh Syniehubov
Vadym Filashkin|Ivan Fedorov|Vyacheslav Gladkov|Alexei Smirnov|Alexander Khinshtein
Alexei Navalny|Yulia Navalnaya|Apti Alaudinov|Yunus-Bek Yevkurov|Igor Strelkov
"""

WELL_KNOWN: dict[str, str] = {}  # surname as written -> full name
for _line in _FULL_NAMES.strip().splitlines():
    for _full in _line.split("|"):
        _full = _full.strip()
        _surname = _full.split()[-1]
        for _form in {
            _surname,
            _surname.split("-", 1)[-1] if _surname.lower().startswith(("al-", "el-")) else _surname,
        }:
            WELL_KNOWN.setdefault(_form, _full)
# Other spellings the news uses.
WELL_KNOWN.update(
    {
        "Zelenskyy": "Volodymyr Zelensky",
        "Zelenskiy": "Volodymyr Zelensky",
        "Zelenskyi": "Volodymyr Zelensky",
        "Erdoğan": "Recep Tayyip Erdogan",
        "Syrsky": "Oleksandr Syrskyi",
        "Zaluzhny": "Valerii Zaluzhnyi",
        "Sisi": "Abdel Fattah el-Sisi",
        "Assad": "Bashar al-Assad",
        "Jolani": "Abu Mohammed al-Jolani",
        "Julani": "Abu Mohammed al-Jolani",
        "Burhan": "Abdel Fattah al-Burhan",
        "Hemedti": "Mohamed Hamdan Dagalo",
        "Hemeti": "Mohamed Hamdan Dagalo",
        "Orbán": "Viktor Orban",
        "Traoré": "Ibrahim Traore",
        "Goïta": "Assimi Goita",
        "Lukashenka": "Alexander Lukashenko",
        "Navalny": "Alexei Navalny",
    }
)
for _ambiguous in (
    "Austin",
    "Harris",
    "Turk",
    "Vance",
    "Mustafa",
    "Abbas",
    "Herzog",
    "Duda",
    "Berri",
    "Fidan",
    "Ahmed",
    "Un",
    "Jinping",
    "Salman",
    "Smirnov",
    "Khan",
):
    WELL_KNOWN.pop(_ambiguous, None)
WELL_KNOWN["Jinping"] = "Xi Jinping"
