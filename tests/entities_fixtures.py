"""Hand-annotated news paragraphs for people/place precision and recall (tests/test_entities.py).

Written in the styles extraction meets: wire copy with datelines, live blogs, government
statements, machine-translated text with missing spaces, village lists; Ukraine, Russia, Gaza,
Lebanon, Syria, Yemen, Sudan, the Sahel, Congo, Ethiopia, Myanmar. Gold lists every person and
place a reader would mark (countries, regions, towns, villages, facilities), by canonical name or
any spelling the text uses.
"""

ANNOTATED = [
    {
        "text": "KYIV, Ukraine (AP) — Russian missiles struck the city of Kharkiv overnight, killing at least four people and wounding 12 others, regional governor Oleh Syniehubov said on Tuesday. The attack hit a residential area in the Kholodnohirskyi district, Syniehubov wrote on Telegram. Ukraine's air force said it shot down 23 of 31 drones launched by Russia overnight.",
        "people": ["Oleh Syniehubov"],
        "places": ["Kyiv", "Ukraine", "Kharkiv", "Kholodnohirskyi", "Russia"],
    },
    {
        "text": "Israeli air strikes killed at least 25 Palestinians across the Gaza Strip on Saturday, health officials said, as Israeli forces pushed deeper into Rafah. Medics said an air strike on a house in the Nuseirat refugee camp killed eight people, while another strike in Khan Younis killed five. U.N. Secretary-General Antonio Guterres called for an immediate ceasefire, and Prime Minister Benjamin Netanyahu said the war would continue. Egypt and Qatar are mediating.",
        "people": ["Antonio Guterres", "Benjamin Netanyahu"],
        "places": ["Gaza Strip", "Rafah", "Nuseirat refugee camp", "Khan Younis", "Egypt", "Qatar"],
    },
    {
        "text": "Fighting between the Sudanese army and the paramilitary Rapid Support Forces killed at least 40 civilians in El Fasher, the capital of North Darfur state, activists said on Sunday. The RSF, led by Mohamed Hamdan Dagalo, has besieged the city for months. Army chief Abdel Fattah al-Burhan visited Port Sudan on Saturday. Doctors Without Borders said its hospital in the town of Kutum was shelled, and many people fled to Chad.",
        "people": ["Mohamed Hamdan Dagalo", "Abdel Fattah al-Burhan"],
        "places": ["El Fasher", "North Darfur", "Port Sudan", "Kutum", "Chad"],
    },
    {
        "text": "Russian troops have captured the village of Novoselivka in the Zaporizhzhia region,the Russian Defence Ministry said on Wednesday.The claim could not be independently verified.Ukrainian forces repelled 12 attacks near the villages of Robotyne,Verbove and Pyatykhatky, the General Staff said. According to Gen. Oleksandr Syrskyi, the situation near Kupiansk remains difficult.",
        "people": ["Oleksandr Syrskyi"],
        "places": ["Novoselivka", "Zaporizhzhia", "Robotyne", "Verbove", "Pyatykhatky", "Kupiansk"],
    },
    {
        "text": "Live updates: 10:42 GMT – Two people were killed when a Russian missile hit port infrastructure in Odesa, Governor Oleh Kiper said. 09:15 GMT – Ukrainian President Volodymyr Zelenskyy arrived in London for talks with British Prime Minister Keir Starmer. Zelenskyy said he would discuss long-range weapons. Mr Starmer promised support.",
        "people": ["Oleh Kiper", "Volodymyr Zelenskyy", "Keir Starmer"],
        "places": ["Odesa", "London"],
    },
    {
        "text": "BEIRUT (Reuters) - Israeli strikes on southern Lebanon killed 274 people on Monday, Lebanon's health ministry said. The Israeli military said it had hit 1,300 Hezbollah targets in southern Lebanon and the Bekaa valley. Residents of Tyre, Nabatieh and Sidon fled north towards Beirut. Lebanese Prime Minister Najib Mikati called on the UN Security Council to act.",
        "people": ["Najib Mikati"],
        "places": ["Beirut", "Lebanon", "Bekaa", "Tyre", "Nabatieh", "Sidon"],
    },
    {
        "text": "At least 20 soldiers were killed when jihadists attacked a military post near Djibo in northern Burkina Faso, security sources told AFP on Thursday. The attack came days after an ambush near the town of Barsalogho. In neighbouring Mali, the army said it had neutralised dozens of terrorists in the Mopti region. In eastern Democratic Republic of Congo, M23 rebels seized the town of Sake, 25 km from Goma, according to local officials. Congolese President Felix Tshisekedi accused Kigali of aggression.",
        "people": ["Felix Tshisekedi"],
        "places": ["Djibo", "Burkina Faso", "Barsalogho", "Mali", "Mopti", "Democratic Republic of Congo", "Sake", "Goma", "Kigali"],
    },
    {
        "text": "The Russian occupiers shelled Nikopol, Marhanets and Chervonohryhorivka in the Dnipropetrovsk region, head of the regional military administration Serhiy Lysak reported.In the Kharkiv direction the enemy tried five times to advance near Vovchansk and Lyptsi.",
        "people": ["Serhiy Lysak"],
        "places": ["Nikopol", "Marhanets", "Chervonohryhorivka", "Dnipropetrovsk", "Kharkiv", "Vovchansk", "Lyptsi"],
    },
    {
        "text": "DAMASCUS, Syria — An Israeli strike near Damascus killed two members of Iran's Revolutionary Guards, the Syrian Observatory for Human Rights said. Rami Abdel Rahman, who heads the Britain-based monitor, said the strike hit a building in the Sayyida Zeinab area. Iranian Foreign Minister Abbas Araghchi condemned the attack during a visit to Baghdad.",
        "people": ["Rami Abdel Rahman", "Abbas Araghchi"],
        "places": ["Damascus", "Syria", "Iran", "Britain", "Sayyida Zeinab", "Baghdad"],
    },
    {
        "text": "Houthi rebels in Yemen said they had fired a ballistic missile at the port city of Eilat. The U.S. military's Central Command said its forces struck radar sites near Hodeidah. Yahya Saree, a Houthi military spokesman, said the group would continue its attacks on ships in the Red Sea.",
        "people": ["Yahya Saree"],
        "places": ["Yemen", "Eilat", "Hodeidah", "Red Sea"],
    },
    {
        "text": "Fano militiamen clashed with federal troops in the Amhara region of Ethiopia, residents said, with fighting reported in the towns of Gondar and Bahir Dar. Prime Minister Abiy Ahmed told parliament that the government would restore order. Meanwhile in Myanmar, the Arakan Army said it had captured the town of Paletwa in Chin State.",
        "people": ["Abiy Ahmed"],
        "places": ["Amhara", "Ethiopia", "Gondar", "Bahir Dar", "Myanmar", "Paletwa", "Chin"],
    },
    {
        "text": "Statement of the Ministry of Defence of the Russian Federation. Units of the Sever group of forces liberated the settlement of Plekhovo in the Kursk region. The enemy lost up to 300 servicemen. Air defence systems shot down 16 Ukrainian drones over the Belgorod, Bryansk and Kursk regions.",
        "people": [],
        "places": ["Russian Federation", "Plekhovo", "Kursk", "Belgorod", "Bryansk"],
    },
    {
        "text": "Ukrainian Foreign Minister Andrii Sybiha met his Polish counterpart Radoslaw Sikorski in Warsaw on Friday. Sikorski said Poland would keep supporting Kyiv. Earlier, Hungarian Prime Minister Viktor Orban warned the European Union against new sanctions on Moscow.",
        "people": ["Andrii Sybiha", "Radoslaw Sikorski", "Viktor Orban"],
        "places": ["Warsaw", "Poland", "Kyiv", "Moscow"],
    },
    {
        "text": "Pokrovsk, Donetsk region — Volunteers evacuated 40 residents from Myrnohrad on Saturday as Russian forces advanced from the east, said Pavlo Diachenko, a police spokesman. The road to Kostiantynivka is under constant drone attack, he said. Vadym Filashkin, the governor of the Donetsk region, urged families to leave.",
        "people": ["Pavlo Diachenko", "Vadym Filashkin"],
        "places": ["Pokrovsk", "Donetsk", "Myrnohrad", "Kostiantynivka"],
    },
    {
        "text": "JERUSALEM — Israel's security cabinet approved a ceasefire with Hezbollah late on Tuesday, Israeli officials said. U.S. President Joe Biden said the deal was designed to be a permanent cessation of hostilities. French President Emmanuel Macron welcomed the agreement from Paris, while residents of Kiryat Shmona said they did not yet feel safe.",
        "people": ["Joe Biden", "Emmanuel Macron"],
        "places": ["Jerusalem", "Israel", "Paris", "Kiryat Shmona"],
    },
]
