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
        "places": [
            "Djibo",
            "Burkina Faso",
            "Barsalogho",
            "Mali",
            "Mopti",
            "Democratic Republic of Congo",
            "Sake",
            "Goma",
            "Kigali",
        ],
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


# Written after the first rules, then used to find their faults (no longer unseen).
ANNOTATED += [
    {
        "text": "Ukrainian drones attacked an oil depot in Russia's Bryansk region overnight, Governor Alexander Bogomaz said, adding that no one was hurt. A separate attack targeted the Novoshakhtinsk refinery in the Rostov region, according to Russian media. Ukraine's SBU security service, which planned the operation, declined to comment.",
        "people": ["Alexander Bogomaz"],
        "places": ["Russia", "Bryansk", "Novoshakhtinsk", "Rostov", "Ukraine"],
    },
    {
        "text": "Two aid workers were killed in an Israeli strike on a vehicle in Deir al-Balah, in central Gaza, the charity World Central Kitchen said on Tuesday. The group's founder, chef José Andrés, said he was heartbroken. Israel's military said it was reviewing the incident. Aid convoys have struggled to reach northern Gaza through the Kerem Shalom crossing.",
        "people": ["José Andrés"],
        "places": ["Deir al-Balah", "Gaza", "Israel", "Kerem Shalom"],
    },
    {
        "text": "MOSCOW, Dec 3 (Reuters) - Russian President Vladimir Putin said on Tuesday that Moscow could deploy the Oreshnik missile in Belarus next year. Speaking in Minsk alongside Belarusian leader Alexander Lukashenko, Putin said targets would be chosen by the Russian military. Lukashenko said Belarus wanted a dozen of the systems.",
        "people": ["Vladimir Putin", "Alexander Lukashenko"],
        "places": ["Moscow", "Belarus", "Minsk"],
    },
    {
        "text": "In Khartoum, residents of the Omdurman district of Karari said shells fell on a crowded market on Sunday, killing at least 15 people. The Emergency Lawyers group blamed the RSF. Sudan's foreign ministry called on the UN to designate the paramilitary force a terrorist organisation. Fighting also continued around Sennar and in El Obeid, North Kordofan.",
        "people": [],
        "places": ["Khartoum", "Omdurman", "Karari", "Sudan", "Sennar", "El Obeid", "North Kordofan"],
    },
    {
        "text": "The head of the Donetsk regional military administration, Vadym Filashkin, said Russian shelling killed three civilians in Kurakhove and one in Selydove. In the neighbouring Zaporizhzhia region, Governor Ivan Fedorov reported 412 attacks on 10 settlements over the past day, including Huliaipole and Orikhiv.",
        "people": ["Vadym Filashkin", "Ivan Fedorov"],
        "places": ["Donetsk", "Kurakhove", "Selydove", "Zaporizhzhia", "Huliaipole", "Orikhiv"],
    },
    {
        "text": "NATO Secretary General Mark Rutte visited Kyiv on Thursday, his first trip since taking office. Rutte met President Volodymyr Zelensky and Defence Minister Rustem Umerov. Later, the alliance said allies would send more air defence systems, including to Ukraine's southern regions around Mykolaiv and Kherson.",
        "people": ["Mark Rutte", "Volodymyr Zelensky", "Rustem Umerov"],
        "places": ["Kyiv", "Ukraine", "Mykolaiv", "Kherson"],
    },
    {
        "text": "Islamist militants killed 12 villagers in an attack on Kodyel, near the border with Niger, the army said. Burkina Faso's junta leader Captain Ibrahim Traore has vowed to retake territory. In Nigeria, gunmen abducted more than 280 pupils from a school in Kuriga, Kaduna State, local officials said.",
        "people": ["Ibrahim Traore"],
        "places": ["Kodyel", "Niger", "Burkina Faso", "Nigeria", "Kuriga", "Kaduna"],
    },
    {
        "text": "A Russian missile hit a children's hospital in Kyiv on Monday.Ukraine's Prime Minister Denys Shmyhal said rescuers were searching the rubble of the Okhmatdyt hospital.Strikes were also reported in Dnipro,Kryvyi Rih and Pokrovsk.",
        "people": ["Denys Shmyhal"],
        "places": ["Kyiv", "Okhmatdyt", "Dnipro", "Kryvyi Rih", "Pokrovsk", "Ukraine"],
    },
    {
        "text": "Syrian rebels led by Hayat Tahrir al-Sham entered Aleppo on Friday, the Syrian Observatory for Human Rights said, in their biggest advance in years. The group's leader Abu Mohammed al-Jolani urged fighters to protect civilians. Russian jets struck rebel positions in Idlib province and near Hama, Syrian state media said.",
        "people": ["Abu Mohammed al-Jolani"],
        "places": ["Aleppo", "Idlib", "Hama"],
    },
    {
        "text": "Heavy fighting continued in the Kursk region, where Ukrainian units are holding positions around Sudzha. Russian military bloggers said North Korean troops took part in assaults near the village of Kruglenkoye. Andriy Kovalenko, head of Ukraine's Centre for Countering Disinformation, said the North Koreans had suffered heavy losses.",
        "people": ["Andriy Kovalenko"],
        "places": ["Kursk", "Sudzha", "Kruglenkoye", "Ukraine"],
    },
    {
        "text": "Tens of thousands of protesters marched through Tbilisi on Sunday against the government's decision to suspend EU accession talks, and police used water cannon outside parliament. Georgian President Salome Zourabichvili joined the crowd on Rustaveli Avenue. Prime Minister Irakli Kobakhidze accused the opposition of planning a revolution.",
        "people": ["Salome Zourabichvili", "Irakli Kobakhidze"],
        "places": ["Tbilisi", "Rustaveli Avenue"],
    },
    {
        "text": "An explosion at a weapons depot near the city of Toropets in Russia's Tver region caused a fire that forced the evacuation of residents, regional governor Igor Rudenya said. Satellite images reviewed by the BBC showed large craters. A Ukrainian security source told AFP the strike used more than 100 drones.",
        "people": ["Igor Rudenya"],
        "places": ["Toropets", "Russia", "Tver"],
    },
    {
        "text": "By Tom Balmforth and Olena Harmash\n\nKYIV (Reuters) - Russia launched its largest air attack in weeks on Ukraine's energy grid early on Sunday, damaging power plants in the Lviv and Ivano-Frankivsk regions, officials said.\n\n(Reporting by Tom Balmforth; Editing by Alex Richardson)",
        "people": ["Tom Balmforth", "Olena Harmash", "Alex Richardson"],
        "places": ["Kyiv", "Russia", "Ukraine", "Lviv", "Ivano-Frankivsk"],
    },
    {
        "text": "Photo: Firefighters work at the site of a drone strike in Zaporizhzhia, Ukraine, November 8, 2024. REUTERS/Stringer\n\nThe city's mayor, Ivan Fedorov, said three people were injured. The attack also damaged a kindergarten in the Shevchenkivskyi district.",
        "people": ["Ivan Fedorov"],
        "places": ["Zaporizhzhia", "Ukraine", "Shevchenkivskyi"],
    },
    {
        "text": "Hamas said on Thursday that it had accepted an Egyptian-Qatari ceasefire proposal. Israeli Defence Minister Yoav Gallant said operations in Rafah would continue. Thousands of displaced Palestinians sheltering in al-Mawasi were told to move again. The ministry of health in Gaza said 34,844 people had been killed since October 7.",
        "people": ["Yoav Gallant"],
        "places": ["Rafah", "al-Mawasi", "Gaza"],
    },
    {
        "text": "UKRAINE WAR: RUSSIA CLAIMS CAPTURE OF VUHLEDAR\n\nRussian forces have taken full control of the coal-mining town of Vuhledar in eastern Ukraine after a two-year battle, Russia's defence ministry said. Ukraine's Khortytsia operational-strategic group said troops had been ordered to withdraw to save lives.",
        "people": [],
        "places": ["Vuhledar", "Ukraine", "Russia"],
    },
    {
        "text": "Armed men on motorcycles killed at least 30 people in the village of Tarkwa in Zamfara state, northwest Nigeria, police spokesman Yazid Abubakar said. The attackers also abducted 15 women. Governor Dauda Lawal condemned the killings and ordered security forces to pursue the gang into the Rugu forest.",
        "people": ["Yazid Abubakar", "Dauda Lawal"],
        "places": ["Tarkwa", "Zamfara", "Nigeria", "Rugu"],
    },
    {
        "text": "The Myanmar junta's air strikes on the village of Let Yet Kone in Sagaing region killed 11 children, the United Nations children's agency UNICEF said. Junta spokesman Major General Zaw Min Tun denied targeting civilians. The Kachin Independence Army said it had captured the jade-mining town of Hpakant.",
        "people": ["Zaw Min Tun"],
        "places": ["Myanmar", "Let Yet Kone", "Sagaing", "Hpakant"],
    },
    {
        "text": "Ukrainian President Volodymyr Zelensky on Wednesday dismissed the commander of the Joint Forces, Lieutenant General Yuriy Sodol, after criticism from Azov's chief of staff Bohdan Krotevych. Sodol was replaced by Brigadier General Andriy Hnatov. The decision came as Russian troops pressed towards Toretsk and New York, a town in Donetsk oblast.",
        "people": ["Volodymyr Zelensky", "Yuriy Sodol", "Bohdan Krotevych", "Andriy Hnatov"],
        "places": ["Toretsk", "New York", "Donetsk"],
    },
    {
        "text": "Hezbollah fired about 100 rockets at northern Israel on Sunday, including at the Ramat David air base near Haifa, the Israeli military said. Sirens sounded in Safed, Nahariya and the Golan Heights. Lebanon's state news agency NNA reported Israeli strikes on the town of Khiam and the outskirts of Marjayoun.",
        "people": [],
        "places": [
            "Israel",
            "Ramat David",
            "Haifa",
            "Safed",
            "Nahariya",
            "Golan Heights",
            "Lebanon",
            "Khiam",
            "Marjayoun",
        ],
    },
    {
        "text": "Gunmen attacked a camp for displaced people near Kalma in South Darfur, killing at least eight, said Adam Rojal, a spokesman for the General Coordination for Displaced Persons and Refugees. Separately, the Sudanese army said it had repelled an RSF attack on the city of El Obeid. Fighting has displaced more than 11 million people, according to the International Organization for Migration.",
        "people": ["Adam Rojal"],
        "places": ["Kalma", "South Darfur", "El Obeid"],
    },
    {
        "text": "Russia's foreign ministry spokeswoman Maria Zakharova said Moscow regarded the decision as escalation. In Washington, State Department spokesman Matthew Miller said the United States would not comment on targets. German Chancellor Olaf Scholz again ruled out supplying Taurus missiles.",
        "people": ["Maria Zakharova", "Matthew Miller", "Olaf Scholz"],
        "places": ["Russia", "Moscow", "Washington", "United States"],
    },
    {
        "text": "PORT-AU-PRINCE, Haiti (AP) — Gang members led by Jimmy Cherizier, known as Barbecue, attacked the town of Mirebalais on Monday, freeing hundreds of inmates from the local prison, police said. Prime Minister Garry Conille called for calm as residents fled toward Hinche.",
        "people": ["Jimmy Cherizier", "Garry Conille"],
        "places": ["Port-au-Prince", "Haiti", "Mirebalais", "Hinche"],
    },
    {
        "text": "A suicide bomber killed at least 12 people at a market in Mogadishu's Hodan district on Friday, Somali police spokesman Abdifatah Aden Hassan said. Al-Shabaab claimed the attack. Separately, government forces backed by African Union troops retook the town of Adan Yabaal in Middle Shabelle region.",
        "people": ["Abdifatah Aden Hassan"],
        "places": ["Mogadishu", "Hodan", "Adan Yabaal", "Middle Shabelle"],
    },
    {
        "text": "Pakistani security forces killed eight militants in a raid in North Waziristan, near the Afghan border, the army's media wing said. In Balochistan, separatists attacked a train near Quetta. Interior Minister Mohsin Naqvi said Kabul must stop militants using Afghan soil.",
        "people": ["Mohsin Naqvi"],
        "places": ["North Waziristan", "Balochistan", "Quetta", "Kabul"],
    },
    {
        "text": "Azerbaijani and Armenian troops exchanged fire along the border near the village of Sotk, Armenia's defence ministry said. Prime Minister Nikol Pashinyan urged restraint, while Azerbaijan's President Ilham Aliyev accused Yerevan of provocation.",
        "people": ["Nikol Pashinyan", "Ilham Aliyev"],
        "places": ["Sotk", "Armenia", "Azerbaijan", "Yerevan"],
    },
    {
        "text": "Insurgents linked to the Islamic State group beheaded 11 people in Macomia district, in Mozambique's Cabo Delgado province, according to the Cabo Ligado monitoring project. Rwandan troops were deployed to Mocimboa da Praia in 2021.",
        "people": [],
        "places": ["Macomia", "Mozambique", "Cabo Delgado", "Mocimboa da Praia"],
    },
    {
        "text": "Cartel gunmen killed six police officers in an ambush in Michoacan state, Mexican authorities said. The attack near the town of Coahuayana came days after clashes in Culiacan, Sinaloa, between factions of the Sinaloa Cartel. President Claudia Sheinbaum condemned the violence.",
        "people": ["Claudia Sheinbaum"],
        "places": ["Michoacan", "Coahuayana", "Culiacan", "Sinaloa"],
    },
    {
        "text": "Indian troops and suspected militants exchanged fire in the Kupwara district of Jammu and Kashmir, an army spokesman said. Police chief R.R. Swain said two militants were killed. Pakistan denied involvement.",
        "people": ["R.R. Swain"],
        "places": ["Kupwara", "Jammu and Kashmir", "Pakistan"],
    },
    {
        "text": "Separatist fighters in Cameroon's Anglophone Northwest region torched a school in Bamenda, local officials said. Governor Adolphe Lele L'Afrique said troops had been sent to the area. Fighting has killed more than 6,000 people since 2017, according to the International Crisis Group.",
        "people": ["Adolphe Lele L'Afrique"],
        "places": ["Cameroon", "Northwest", "Bamenda"],
    },
]
ANNOTATED += [
    {
        "text": "Russian forces continued offensive operations in the Kupyansk, Lyman, Siversk, Toretsk and Pokrovsk directions on December 2. Geolocated footage published on December 1 indicates that Russian forces recently advanced northeast of Velyka Novosilka. A Russian milblogger claimed that elements of the 5th Tank Brigade seized Novyi Komar.",
        "people": [],
        "places": ["Kupyansk", "Lyman", "Siversk", "Toretsk", "Pokrovsk", "Velyka Novosilka", "Novyi Komar"],
    },
    {
        "text": "The UN Office for the Coordination of Humanitarian Affairs said on Wednesday that 1.8 million people in Gaza were facing emergency levels of hunger. OCHA spokesman Jens Laerke told reporters in Geneva that aid trucks had been looted near Kerem Shalom. Philippe Lazzarini, head of UNRWA, called the situation catastrophic.",
        "people": ["Jens Laerke", "Philippe Lazzarini"],
        "places": ["Gaza", "Geneva", "Kerem Shalom"],
    },
    {
        "text": "Analysis: Why Moscow is betting on attrition\n\nThree years into the full-scale invasion, the Kremlin appears convinced that time is on its side. Western sanctions have hurt but not crippled the economy, and Russia's defence spending now exceeds 6% of GDP. For Kyiv, the question is whether Washington and Berlin will keep paying.",
        "people": [],
        "places": ["Moscow", "Russia", "Kyiv", "Washington", "Berlin"],
    },
    {
        "text": "Clashes erupted overnight in Tripoli between rival armed groups, the Libyan capital's emergency services said, killing at least 27 people. The fighting pitted the Radaa force against the 444 Brigade in the Souq al-Juma district. Prime Minister Abdulhamid Dbeibah announced a ceasefire brokered by elders from Zawiya.",
        "people": ["Abdulhamid Dbeibah"],
        "places": ["Tripoli", "Souq al-Juma", "Zawiya"],
    },
    {
        "text": "Thousands of people rallied in Belgrade on Saturday to protest against President Aleksandar Vucic, in the largest demonstration since the roof collapse at the Novi Sad railway station killed 15 people. Students blocked bridges over the Danube. Police said 12 protesters were detained.",
        "people": ["Aleksandar Vucic"],
        "places": ["Belgrade", "Novi Sad", "Danube"],
    },
    {
        "text": "A drone attack on a market in the town of Garsila in Central Darfur killed 17 people, including four children, the Darfur Bar Association said. Witnesses said the drone came from the direction of Zalingei. The Sudanese army has not commented.",
        "people": [],
        "places": ["Garsila", "Central Darfur", "Zalingei"],
    },
    {
        "text": "In a video address, Zelensky said Ukrainian forces had struck an airfield in Russia's Saratov region used by strategic bombers. Saratov governor Roman Busargin said debris fell on residential buildings in Engels. Russia's defence ministry said 37 drones were downed over Saratov, Voronezh and Belgorod.",
        "people": ["Zelensky", "Roman Busargin"],
        "places": ["Russia", "Saratov", "Engels", "Voronezh", "Belgorod"],
    },
    {
        "text": "Syria's new interim authorities said security forces had arrested dozens of former regime loyalists in Latakia and Tartus after attacks on checkpoints. Interim leader Ahmed al-Sharaa vowed to hold accountable anyone who harmed civilians. The Syrian Observatory said more than 1,000 people were killed in the coastal violence.",
        "people": ["Ahmed al-Sharaa"],
        "places": ["Syria", "Latakia", "Tartus"],
    },
]
ANNOTATED += [
    {
        "text": "Here's what we know on day 1,000 of Russia's war on Ukraine.\n\nFighting\n\nRussia fired a record 188 drones at Ukraine overnight, Ukraine's air force said, with damage reported in Ternopil, where the regional administration said critical infrastructure had been hit. The Russian Ministry of Defence said its forces had taken control of the village of Illinka in the Donetsk region.\n\nPolitics and diplomacy\n\nChinese Foreign Minister Wang Yi met his Russian counterpart Sergey Lavrov on the sidelines of the G20 in Rio de Janeiro.",
        "people": ["Wang Yi", "Sergey Lavrov"],
        "places": ["Russia", "Ukraine", "Ternopil", "Illinka", "Donetsk", "Rio de Janeiro"],
    },
    {
        "text": 'Maksym, a 34-year-old soldier from the 93rd Brigade, said his unit had been fighting near Chasiv Yar for months. "The Russians come in small groups, on motorcycles," he said, asking that only his first name be used. His commander, Captain Oleksiy Kovalenko, said drones had changed everything. In nearby Kostiantynivka, resident Halyna Petrenko, 67, said she would not leave.',
        "people": ["Maksym", "Oleksiy Kovalenko", "Halyna Petrenko"],
        "places": ["Chasiv Yar", "Kostiantynivka"],
    },
    {
        "text": "During the day, units of the Battlegroup Zapad improved their tactical position and defeated formations of three mechanised brigades of the AFU near Kupyansk and Kruhlyakivka of Kharkov region. The enemy losses amounted to up to 520 servicemen, a tank and three armoured fighting vehicles. Air defence means shot down 42 Ukrainian unmanned aerial vehicles over Kursk, Bryansk and Oryol regions.",
        "people": [],
        "places": ["Kupyansk", "Kruhlyakivka", "Kharkov", "Kursk", "Bryansk", "Oryol"],
    },
    {
        "text": "Israel's military said on Sunday it had killed a senior Hamas commander, Ahmed Ghandour, in northern Gaza. Residents of Beit Lahia and Beit Hanoun said Israeli tanks had advanced overnight. The Civil Defence agency's spokesman Mahmoud Bassal said 30 people were killed in a strike on a school sheltering displaced families in Gaza City.",
        "people": ["Ahmed Ghandour", "Mahmoud Bassal"],
        "places": ["Israel", "Gaza", "Beit Lahia", "Beit Hanoun", "Gaza City"],
    },
    {
        "text": "Gunmen from the Fulani ethnic group killed 42 farmers in Plateau state on Sunday, a local official said. Bokkos district chairman Monday Kassah said the attackers struck the villages of Mushu and Tamiso at night. Nigeria's President Bola Tinubu ordered security agencies to hunt down the killers.",
        "people": ["Monday Kassah", "Bola Tinubu"],
        "places": ["Plateau", "Bokkos", "Mushu", "Tamiso", "Nigeria"],
    },
]
ANNOTATED += [
    {
        "text": "Ukraine said on Tuesday its forces had pushed Russian troops back from the outskirts of Kupiansk in the Kharkiv region, while fierce fighting continued around Kurakhove. Ukraine's army chief Oleksandr Syrskyi said Moscow had lost more than 1,500 soldiers in a day. Kremlin spokesman Dmitry Peskov dismissed the figures.",
        "people": ["Oleksandr Syrskyi", "Dmitry Peskov"],
        "places": ["Ukraine", "Kupiansk", "Kharkiv", "Kurakhove", "Moscow"],
    },
    {
        "text": "An Israeli air strike on a tent camp in Khan Younis killed at least 19 people, according to Gaza's civil defence agency. The Israeli military said it had targeted Hamas commanders operating from a command centre in the humanitarian zone. UN human rights chief Volker Türk condemned the strike, while Egypt's foreign minister Badr Abdelatty called for restraint.",
        "people": ["Volker Türk", "Badr Abdelatty"],
        "places": ["Khan Younis", "Gaza", "Egypt"],
    },
    {
        "text": "The RSF has been accused of killing hundreds of civilians in the village of Wad al-Nourah in Al Jazirah state. Sudan's army chief Abdel Fattah al-Burhan vowed revenge during a visit to Omdurman. Aid agencies say famine has been confirmed in the Zamzam camp near El Fasher.",
        "people": ["Abdel Fattah al-Burhan"],
        "places": ["Wad al-Nourah", "Al Jazirah", "Sudan", "Omdurman", "Zamzam", "El Fasher"],
    },
    {
        "text": "Russian air defence units destroyed 24 drones over the Bryansk, Kursk and Belgorod regions overnight, the defence ministry in Moscow said. Governor Alexander Bogomaz said a drone struck a fuel depot in Klintsy. In Kursk, acting governor Alexei Smirnov said two civilians were wounded in Rylsk.",
        "people": ["Alexander Bogomaz", "Alexei Smirnov"],
        "places": ["Bryansk", "Kursk", "Belgorod", "Moscow", "Klintsy", "Rylsk"],
    },
    {
        "text": "Protesters clashed with police in Tbilisi for a fourth night as Georgia's ruling Georgian Dream party pressed ahead with its plans. Opposition leader Nika Melia was detained, his party said. The European Union's foreign policy chief Kaja Kallas warned of consequences.",
        "people": ["Nika Melia", "Kaja Kallas"],
        "places": ["Tbilisi", "Georgia"],
    },
    {
        "text": "Gunmen stormed a church in the northern Burkinabe town of Essakane during Sunday mass, killing 15 worshippers, local sources said. A week earlier, jihadists ambushed a convoy between Dori and Seytenga. Captain Ibrahim Traoré's government has not commented.",
        "people": ["Ibrahim Traoré"],
        "places": ["Essakane", "Dori", "Seytenga"],
    },
    {
        "text": "Two Russian guided bombs hit Zaporizhzhia on Wednesday, wounding 13 people, regional governor Ivan Fedorov said. Later, shelling damaged houses in Stepnohirsk and Mala Tokmachka, the regional administration reported on Telegram. Fedorov said rescue work was continuing.",
        "people": ["Ivan Fedorov"],
        "places": ["Zaporizhzhia", "Stepnohirsk", "Mala Tokmachka"],
    },
    {
        "text": "Turkish drones struck Kurdish-held positions near Kobani in northern Syria, the Syrian Democratic Forces said. SDF commander Mazloum Abdi said Ankara was trying to exploit the chaos after the fall of Bashar al-Assad. US officials urged both sides to avoid escalation around the Tishreen dam.",
        "people": ["Mazloum Abdi", "Bashar al-Assad"],
        "places": ["Kobani", "Syria", "Ankara", "Tishreen dam"],
    },
]
ANNOTATED += [
    {
        "text": "The mayor of Kharkiv, Ihor Terekhov, said a guided bomb hit a residential building in the Saltivskyi district on Saturday afternoon. Regional prosecutors opened a war crimes investigation. In neighbouring Sumy region, authorities ordered the evacuation of 11 more villages along the border, including Yunakivka and Khotin.",
        "people": ["Ihor Terekhov"],
        "places": ["Kharkiv", "Saltivskyi", "Sumy", "Yunakivka", "Khotin"],
    },
    {
        "text": "Hezbollah's new leader Naim Qassem said on Wednesday the group would not disarm. Israeli jets struck targets in the Dahiyeh, Beirut's southern suburbs, and in the southern town of Nabatieh. Lebanese army commander Joseph Aoun met US envoy Amos Hochstein at the presidential palace in Baabda.",
        "people": ["Naim Qassem", "Joseph Aoun", "Amos Hochstein"],
        "places": ["Dahiyeh", "Beirut", "Nabatieh", "Baabda"],
    },
    {
        "text": "Al-Shabaab fighters overran a military base in Galgaduud region, killing dozens of soldiers, residents told Reuters. Somalia's defence ministry said the army had repelled the attack. Ethiopian troops have been deployed in Baidoa and Beledweyne as part of the African Union mission.",
        "people": [],
        "places": ["Galgaduud", "Somalia", "Baidoa", "Beledweyne"],
    },
    {
        "text": "Pro-Palestinian protesters blocked traffic in central London on Saturday, the Metropolitan Police said, and 40 people were arrested. In Paris, thousands marched from Place de la République. German police broke up a camp outside the Reichstag in Berlin.",
        "people": [],
        "places": ["London", "Paris", "Place de la République", "Reichstag", "Berlin"],
    },
    {
        "text": "Myanmar's military government said rebels of the Three Brotherhood Alliance had seized Lashio, the largest town in northern Shan State, after weeks of fighting. Junta chief Min Aung Hlaing ordered a counter-offensive. China, which borders Shan State, urged a ceasefire.",
        "people": ["Min Aung Hlaing"],
        "places": ["Myanmar", "Lashio", "Shan", "China"],
    },
    {
        "text": "A Ukrainian drone struck an oil refinery in Tuapse, on Russia's Black Sea coast, causing a fire, local authorities said. Krasnodar governor Veniamin Kondratyev said there were no casualties. Tanker traffic through the Kerch Strait was briefly halted.",
        "people": ["Veniamin Kondratyev"],
        "places": ["Tuapse", "Russia", "Black Sea", "Krasnodar", "Kerch Strait"],
    },
]
ANNOTATED += [
    {
        "text": "KHERSON, Ukraine — A Russian drone dropped explosives on a city bus in Kherson's Dniprovskyi district on Thursday morning, killing one passenger and wounding seven, the regional military administration said. Oleksandr Tolokonnikov, a spokesman for the administration, said drones now hunt civilians daily. Across the Dnipro river, Russian-installed officials in Oleshky reported Ukrainian shelling.",
        "people": ["Oleksandr Tolokonnikov"],
        "places": ["Kherson", "Ukraine", "Dniprovskyi", "Dnipro", "Oleshky"],
    },
    {
        "text": "Israeli settlers set fire to homes and cars in the Palestinian village of Huwara, south of Nablus, the Palestinian health ministry said. The Israeli military said troops had been sent to the area. US Secretary of State Antony Blinken called the violence unacceptable.",
        "people": ["Antony Blinken"],
        "places": ["Huwara", "Nablus"],
    },
    {
        "text": "Clashes between the army and the Arakan Army in Rakhine State have forced thousands to flee toward Bangladesh, the UN refugee agency said. Fighting was reported around Maungdaw and Buthidaung. Bangladesh's foreign adviser Touhid Hossain said his country could not take in more refugees.",
        "people": ["Touhid Hossain"],
        "places": ["Rakhine", "Bangladesh", "Maungdaw", "Buthidaung"],
    },
    {
        "text": "Ukrainian and Russian officials exchanged 95 prisoners of war each in a deal brokered by the United Arab Emirates, Ukraine's coordination headquarters said. Dmytro Lubinets, Ukraine's human rights ombudsman, said the released soldiers included defenders of Mariupol. Russia's Tatiana Moskalkova confirmed the exchange.",
        "people": ["Dmytro Lubinets", "Tatiana Moskalkova"],
        "places": ["United Arab Emirates", "Ukraine", "Mariupol", "Russia"],
    },
    {
        "text": "Unidentified gunmen shot dead a local chief in the town of Kidal in northern Mali, a regional official told AFP by telephone. The Tuareg-led rebels of the Strategic Framework for the Defence of the People of Azawad (CSP-DPA) blamed the army and Russian mercenaries from the Africa Corps.",
        "people": [],
        "places": ["Kidal", "Mali", "Azawad"],
    },
]

# ACLED-style one-line reports with parenthetical locations.
ANNOTATED += [
    {
        "text": "On 14 December 2024, Russian forces shelled Ukrainian positions near Bilohorivka (Sievierodonetsk raion, Luhansk). No casualties reported.",
        "people": [],
        "places": ["Bilohorivka", "Sievierodonetsk", "Luhansk"],
    },
    {
        "text": "On 3 November 2024, unidentified gunmen killed a village chief in Tillia (Tahoua). The victim was shot at his home.",
        "people": [],
        "places": ["Tillia", "Tahoua"],
    },
    {
        "text": "On 21 October 2024, Israeli forces conducted an air strike on a house in Beit Lahia (North Gaza), killing 12 civilians, including five children.",
        "people": [],
        "places": ["Beit Lahia", "North Gaza"],
    },
    {
        "text": "On 9 September 2024, around 300 people demonstrated in Tbilisi (Tbilisi) against the foreign agents law. The protest was peaceful.",
        "people": [],
        "places": ["Tbilisi"],
    },
    {
        "text": "On 2 August 2024, police arrested opposition politician Ivan Petrenko in Chisinau (Chisinau) on charges of treason.",
        "people": ["Ivan Petrenko"],
        "places": ["Chisinau"],
    },
    {
        "text": "On 30 June 2024, RSF fighters looted shops and homes in Sinja town (Sinja, Sennar). Clashes with SAF were also reported in Abu Hujar.",
        "people": [],
        "places": ["Sinja", "Sennar", "Abu Hujar"],
    },
    {
        "text": "On 5 May 2024, a drone strike by Ukrainian forces hit a fuel depot in Novorossiysk (Krasnodar). One worker was injured, according to the regional governor.",
        "people": [],
        "places": ["Novorossiysk", "Krasnodar"],
    },
    {
        "text": "On 18 April 2024, Al Shabaab militants ambushed a convoy of Somali National Army troops near Mahaday (Jowhar, Middle Shabelle), killing four soldiers.",
        "people": [],
        "places": ["Mahaday", "Jowhar", "Middle Shabelle"],
    },
]
ANNOTATED += [
    {
        "text": "Colombian soldiers clashed with dissidents of the former FARC in the Catatumbo region near the Venezuelan border, killing four rebels, the army said. Defence Minister Pedro Sánchez said more than 5,000 troops had been sent to Norte de Santander. Residents fled to Cúcuta and Tibú.",
        "people": ["Pedro Sánchez"],
        "places": ["Catatumbo", "Norte de Santander", "Cúcuta", "Tibú"],
    },
    {
        "text": "M23 rebels entered the centre of Goma on Monday, a week after seizing Minova on the shores of Lake Kivu. Congolese government spokesman Patrick Muyaya accused Rwanda of invading. Thousands of people crossed into Gisenyi, Rwanda.",
        "people": ["Patrick Muyaya"],
        "places": ["Goma", "Minova", "Lake Kivu", "Rwanda", "Gisenyi"],
    },
    {
        "text": "Philippine coast guard spokesman Jay Tarriela said a Chinese vessel fired water cannon at a government ship near Scarborough Shoal. Manila summoned China's ambassador. The incident came days after a collision near Second Thomas Shoal in the Spratly Islands.",
        "people": ["Jay Tarriela"],
        "places": ["Scarborough Shoal", "Manila", "China", "Second Thomas Shoal", "Spratly Islands"],
    },
    {
        "text": "Soldiers detained Niger's President Mohamed Bazoum in the presidential palace in Niamey, and General Abdourahamane Tchiani later declared himself head of a transitional government. ECOWAS threatened military intervention, while protesters in Niamey waved Russian flags.",
        "people": ["Mohamed Bazoum", "Abdourahamane Tchiani"],
        "places": ["Niger", "Niamey"],
    },
    {
        "text": "Russian shelling of Nikopol damaged a gas pipeline and several houses, Dnipropetrovsk regional governor Serhiy Lysak said. In the Kherson region, Prokudin reported that the village of Bilozerka came under drone attack.",
        "people": ["Serhiy Lysak", "Prokudin"],
        "places": ["Nikopol", "Dnipropetrovsk", "Kherson", "Bilozerka"],
    },
]
