"""Claims and sources: claimant, type, cue, content, quotes and relays."""

import pytest

from extract.attribution import find_claims
from extract.entities import find_entities
from extract.sentences import split_sentences


def claims_of(text):
    sentences = split_sentences(text)
    sources, claims = find_claims(text, sentences, find_entities(text, sentences))
    by_key = {s.key: s for s in sources}
    out = []
    for c in claims:
        for span in (c.cue, c.content):
            assert text[span.start : span.end] == span.text
        source = by_key[c.source_key]
        via = by_key[c.via_source_key].name if c.via_source_key else None
        out.append((source.name, source.type, c.cue.text, c.content.text, c.quote, via))
    return out


def test_a_claim_ends_where_a_sentence_in_another_script_begins():
    text = "Russian troops shelled Kupiansk, the governor said. 俄罗斯军队炮击了该市。 The mayor said two people died."
    sentences = split_sentences(text)
    _, claims = find_claims(text, sentences, find_entities(text, sentences))
    assert sorted(c.content.text for c in claims) == ["Russian troops shelled Kupiansk", "two people died"]


def test_said_that():
    [(name, kind, cue, content, quote, via)] = claims_of(
        "Ukraine's military intelligence said on Monday that 30 soldiers were killed near Kursk."
    )
    assert (name, kind, cue, quote) == ("Ukraine's military intelligence", "intelligence", "said", False)
    assert content == "30 soldiers were killed near Kursk"


def test_said_at_the_end():
    [(name, kind, cue, content, _, _)] = claims_of("Two civilians were killed in Kherson, officials said.")
    assert (name, kind, cue, content) == ("officials", "anonymous", "said", "Two civilians were killed in Kherson")


def test_said_inverted():
    [(name, kind, cue, content, _, _)] = claims_of("Two civilians were killed in Kherson, said the regional governor.")
    assert (name, cue, content) == ("regional governor", "said", "Two civilians were killed in Kherson")
    assert kind == "government"


def test_according_to_before_and_after():
    (first,) = claims_of("According to Ukrainian officials, North Korean troops have been deployed to Kursk.")
    assert first[:3] == ("Ukrainian officials", "anonymous", "According to")
    assert first[3] == "North Korean troops have been deployed to Kursk"
    (second,) = claims_of("Three drones were shot down, according to the Romanian defence ministry.")
    assert second[0] == "Romanian defence ministry" and second[1] == "military"
    assert second[3] == "Three drones were shot down"


def test_according_to_a_name_with_titles_written_short():
    # the dots of "Maj. Gen." cut the claimant at "Maj": a source "Pentagon spokesperson Maj"
    (claim,) = claims_of("The drills were routine, according to Pentagon spokesperson Maj. Gen. Patrick Ryder.")
    assert claim[0] == "Patrick Ryder" and claim[3] == "The drills were routine"


def test_told_afp_keeps_the_medium():
    [(name, kind, cue, content, _, via)] = claims_of(
        "Last month, an army source from Ukraine told AFP that Ukrainian forces hold some 800 square kilometers."
    )
    assert (kind, cue, via) == ("anonymous", "told", "AFP")
    assert name == "army source from Ukraine"
    assert content == "Ukrainian forces hold some 800 square kilometers"


def test_quotation_with_speaker_after_and_surname_resolved():
    text = (
        "Ukraine's President Volodymyr Zelensky spoke on Saturday. "
        "\u201cThe Russians include North Koreans in combined units,\u201d Zelensky said."
    )
    quotes = [c for c in claims_of(text) if c[4]]
    assert quotes == [
        ("Volodymyr Zelensky", "person", "said", "The Russians include North Koreans in combined units", True, None)
    ]


def test_quotation_with_speaker_before_and_straight_quotes():
    [claim] = claims_of('The governor said: "The city was hit by four missiles overnight."')
    assert claim[0] == "governor" and claim[4] is True
    assert claim[3] == "The city was hit by four missiles overnight"  # content without the final full stop


def test_he_said_resolves_to_the_person_named_before():
    text = "Defence Minister Rustem Umerov visited the front. He said the situation near Pokrovsk was difficult."
    claims = claims_of(text)
    assert ("Rustem Umerov", "person") in [(c[0], c[1]) for c in claims]


@pytest.mark.parametrize(
    "sentence, name, kind",
    [
        ("Ukraine reports that 30 soldiers were killed.", "Ukraine", "government"),
        ("The western officials assume that more than 10,000 troops were sent.", "western officials", "anonymous"),
        ("Reuters reported that the bridge was destroyed.", "Reuters", "media"),
        ("The United Nations warned that aid convoys were blocked.", "United Nations", "international"),
        ("A senior official denied that troops had crossed the border.", "senior official", "anonymous"),
        (
            "The Russian Defence Ministry claimed that its forces took the village.",
            "Russian Defence Ministry",
            "military",
        ),
    ],
)
def test_claimant_types(sentence, name, kind):
    claims = claims_of(sentence)
    assert claims, sentence
    assert (claims[0][0], claims[0][1]) == (name, kind)


def test_no_claim_without_a_claimant():
    assert claims_of("The bridge was destroyed in the attack.") == []
    assert claims_of("The reports of heavy fighting continued.") == []


def test_appositive_name_before_the_cue():
    claims = claims_of(
        "The head of the regional military administration, Ivan Fedorov, reported that "
        "Russian forces attacked eight settlements."
    )
    assert [(c[0], c[1], c[3]) for c in claims] == [
        ("Ivan Fedorov", "person", "Russian forces attacked eight settlements")
    ]


def test_which_said_takes_the_group_before_the_comma():
    claims = claims_of(
        "The attack was claimed by the al-Qaida-linked JNIM group, which said its fighters killed 30 soldiers."
    )
    assert claims and claims[0][0] == "JNIM group" and claims[0][3] == "its fighters killed 30 soldiers"


def test_he_said_after_an_unnamed_source():
    text = (
        "The strikes hit the village at noon, a member of the local militia told AFP. "
        "He said two jets dropped bombs on a school."
    )
    claims = claims_of(text)
    assert claims[1][0] == claims[0][0] == "member of the local militia"
    assert claims[1][3] == "two jets dropped bombs on a school"


def test_two_claimants_joined_by_and():
    claims = claims_of("Two gunmen were killed in Tulkarm, the Palestinian health ministry and the Israeli army said.")
    assert [(c[0], c[1]) for c in claims] == [
        ("Palestinian health ministry", "government"),
        ("Israeli army", "military"),
    ]


def test_anonymity_and_time_after_the_cue_keep_the_content_before():
    claims = claims_of(
        "A roadside bomb killed 11 civilians near Bandiagara, a local official told The Associated "
        "Press on condition of anonymity."
    )
    assert claims[0][:3] == ("local official", "anonymous", "told")
    assert claims[0][5] == "Associated Press"
    assert claims[0][3] == "A roadside bomb killed 11 civilians near Bandiagara"
    claims = claims_of(
        "Russian losses amounted to 1,630 personnel, the General Staff said on Telegram on Tuesday morning."
    )
    assert claims[0][3] == "Russian losses amounted to 1,630 personnel"


def test_dateline_is_not_part_of_the_content():
    [claim] = claims_of("KYIV, Nov 18 (Reuters) - A missile struck Sumy, killing 11 people, officials said.")
    assert claim[3] == "A missile struck Sumy, killing 11 people"


@pytest.mark.parametrize(
    "sentence, name, kind, content",
    [
        (
            "According to a statement from the Ministry of Defence, 12 drones were destroyed.",
            "Ministry of Defence",
            "military",
            "12 drones were destroyed",
        ),
        (
            "Kremlin spokesman Dmitry Peskov told reporters that talks were not on the agenda.",
            "Dmitry Peskov",
            "person",
            "talks were not on the agenda",
        ),
        (
            "Officials in Kherson told the BBC that the city was shelled 40 times.",
            "Officials in Kherson",
            "anonymous",
            "the city was shelled 40 times",
        ),
        (
            "The attack in Kherson killed 5, police in the city said.",
            "police in the city",
            "government",
            "The attack in Kherson killed 5",
        ),
    ],
)
def test_claimant_phrases(sentence, name, kind, content):
    claims = claims_of(sentence)
    assert claims and (claims[0][0], claims[0][1], claims[0][3]) == (name, kind, content)


def test_quotation_over_several_sentences():
    text = "Zelensky visited Kharkiv. \u201cWe will rebuild. We will not give up. Officials said so,\u201d he said."
    quotes = [c for c in claims_of(text) if c[4]]
    assert [(c[0], c[3]) for c in quotes] == [
        ("Volodymyr Zelensky", "We will rebuild. We will not give up. Officials said so")
    ]
    assert len(claims_of(text)) == 1  # "Officials said" inside the quotation is not a claim of its own


def test_it_said_is_the_organisation_quoted_before():
    claims = claims_of("The Syrian army said dozens of soldiers were killed. It said it was redeploying troops.")
    assert [c[0] for c in claims] == ["Syrian army", "Syrian army"]
    assert claims[1][3] == "it was redeploying troops"


def test_quoted_as_saying():
    claims = claims_of("Kremlin spokesman Dmitry Peskov was quoted by Interfax as saying that no talks were planned.")
    assert [(c[0], c[2], c[3], c[5]) for c in claims] == [
        ("Dmitry Peskov", "saying", "no talks were planned", "Interfax")
    ]


def test_a_medium_citing_a_source_relays_it():
    claims = claims_of(
        "Russian troops captured Illinka, Russian state news agency TASS reported, citing the defence ministry."
    )
    assert [(c[0], c[1], c[3], c[5]) for c in claims] == [
        ("defence ministry", "military", "Russian troops captured Illinka", "Russian state news agency TASS")
    ]


def test_a_one_word_name_introduced_as_a_company_is_no_person():
    """Even when entity typing took the name for a person, "grid operator X" is no person."""
    from extract.model import Entity, Span

    text = "Later, the grid operator Voltaris announced that power would be cut in three regions."
    at = text.index("Voltaris")
    entities = [Entity("person:1", "person", "Voltaris", [Span.of(text, at, at + len("Voltaris"))])]
    sources, claims = find_claims(text, split_sentences(text), entities)
    [claim] = claims
    [source] = [s for s in sources if s.key == claim.source_key]
    assert source.type == "other"
    named = "Later, Voltaris announced that power would be cut in three regions."
    entities = [Entity("person:1", "person", "Voltaris", [Span.of(named, 7, 15)])]
    sources, _ = find_claims(named, split_sentences(named), entities)
    assert [s.type for s in sources] == ["person"]  # not introduced as a company: the entity's type stands


def test_a_name_in_quotation_marks_before_the_cue_is_the_claimant():
    rows = claims_of('The state grid company "Voltaris" announced that power would be cut in three regions.')
    assert [(name, kind) for name, kind, *_ in rows] == [("Voltaris", "other")]
    assert rows[0][3] == "power would be cut in three regions"


@pytest.mark.parametrize(
    "text",
    [
        "Clashes spread to Zamfara state overnight and dozens were displaced, the governor said.",
        "Gunmen stormed a school in the capital of Borno state, killing four pupils, police said.",
    ],
)
def test_state_after_a_region_name_is_no_cue(text):
    claims = claims_of(text)
    assert claims and all(cue != "state" for _, _, cue, _, _, _ in claims)
    assert not any("state" in name.lower() for name, *_ in claims)


def test_state_that_is_a_cue():
    [(name, _, cue, content, _, _)] = claims_of("UN monitors state that 12 civilians died in the raid.")
    assert (name, cue, content) == ("UN monitors", "state", "12 civilians died in the raid")


def test_the_group_said_is_the_armed_group_named_before():
    claims = claims_of(
        "The Kachin Independence Army said it had overrun a junta outpost near Bhamo. "
        "Forty soldiers were taken prisoner, the group said."
    )
    assert [name for name, *_ in claims] == ["Kachin Independence Army", "Kachin Independence Army"]


def test_an_acronym_in_brackets_between_the_claimant_and_the_cue():
    [(name, kind, cue, content, _, _)] = claims_of(
        "Five health workers were hurt when a drone hit the clinic, the World Health Organization (WHO) said."
    )
    assert (name, kind, cue, content) == (
        "World Health Organization",
        "international",
        "said",
        "Five health workers were hurt when a drone hit the clinic",
    )
    [(name, _, _, content, _, _)] = claims_of(
        "The Office for the Coordination of Humanitarian Affairs (OCHA) said on Tuesday that 40 trucks crossed."
    )
    assert name == "Office for the Coordination of Humanitarian Affairs" and content == "40 trucks crossed"


def test_a_date_of_several_words_between_the_cue_and_that():
    [(name, _, cue, content, _, _)] = claims_of(
        "The regional governor stated on March 3 that a drone damaged two houses in Sumy."
    )
    assert (name, cue, content) == ("regional governor", "stated", "a drone damaged two houses in Sumy")
    [(name, _, cue, content, _, _)] = claims_of(
        "Pro-government military bloggers reported on Thursday that the bridge was hit again."
    )
    assert (name, cue, content) == ("Pro-government military bloggers", "reported", "the bridge was hit again")


@pytest.mark.parametrize(
    "sentence, name",
    [
        # an appositive between the claimant and the cue
        (
            "Kateryna Bondar, a spokeswoman for the regional police, told Reuters that three cars burned.",
            "Kateryna Bondar",
        ),
        ("The World Food Programme's country office, known as WFP Sudan, said convoys were stopped.", "WFP Sudan"),
        ("The UN agency for migrants, IOM, says 40 boats were turned back.", "IOM"),
        # title abbreviations with their dots, after the statement
        ("The convoy was ambushed near the bridge, army spokesman Brig. Gen. Ahmed Khalil said.", "Ahmed Khalil"),
        # a bracketed acronym after the name
        ("The Kachin Independence Army (KIA) accused troops of burning the market.", "Kachin Independence Army"),
        # lower-case and hyphenated modifiers, and nouns for people on the ground
        ("Smoke rose over the port, the state-owned Ukrinform agency reported.", "state-owned Ukrinform agency"),
        ("Five houses burned, according to a local volunteer who asked not to be named.", "local volunteer"),
        # a conjunction is not part of the claimant
        ("The town is calm, although aid workers say food is running out.", "aid workers"),
    ],
)
def test_appositives_titles_acronyms_and_modifiers(sentence, name):
    assert name in [c[0] for c in claims_of(sentence)]


def test_translated_report_forms():
    text = (
        "Two private houses burned in Kozatske. This was reported by the head of the district "
        "military administration Petro Sokil."
    )
    [(name, kind, cue, content, _, _)] = claims_of(text)
    assert (name, kind, cue, content) == ("Petro Sokil", "person", "reported", "Two private houses burned in Kozatske")
    got = claims_of("A tractor driver was injured, - the Sumy OVA reported.")
    assert [(c[0], c[1], c[3]) for c in got] == [("Sumy OVA", "government", "A tractor driver was injured")]
    got = claims_of(
        "The enemy fired 40 shells at the community, informed the head of the military administration Petro Sokil."
    )
    assert [(c[0], c[2]) for c in got] == [("Petro Sokil", "informed")]
    assert [c[:3] for c in claims_of("No one was hurt, Sokil specified.")] == [("Sokil", "person", "specified")]


def test_a_second_verb_joined_by_and_or_but_takes_the_subject_of_the_sentence():
    [(name, kind, cue, content, _, _)] = claims_of(
        "The Sudanese army did not comment on the raid but said its troops had repelled an attack on Babanusa."
    )
    assert (name, kind, cue, content) == (
        "Sudanese army",
        "military",
        "said",
        "its troops had repelled an attack on Babanusa",
    )
    assert claims_of("The shell hit a school and said nothing more.") == []
    # the first verb a cue already: one claim for the sentence
    assert len(claims_of("The RSF denied targeting civilians and said its fighters had clashed with army units.")) == 1


def test_an_acronym_stands_for_a_name_the_claimant_scan_cannot_read():
    got = claims_of("Jama'at Nusrat al-Islam wal-Muslimin (JNIM), an al-Qaeda affiliate, said it killed 20 soldiers.")
    assert [c[:2] for c in got] == [("JNIM", "military")]


def test_they_said_is_the_claimant_quoted_just_before_unless_one_person():
    got = claims_of(
        "Local officials said the shelling lasted two hours. They said at least five houses were destroyed in Nikopol."
    )
    assert [(c[0], c[3]) for c in got] == [
        ("Local officials", "the shelling lasted two hours"),
        ("Local officials", "at least five houses were destroyed in Nikopol"),
    ]
    assert len(claims_of("Governor Ivan Fedorov said the front held. They said the bridge was hit.")) == 1


def test_claimed_to_have():
    got = claims_of(
        "The rebels claimed to have downed a helicopter near Kidal. The militants claim to have killed ten soldiers."
    )
    assert [(c[0], c[2], c[3]) for c in got] == [
        ("rebels", "claimed", "to have downed a helicopter near Kidal"),
        ("militants", "claim", "to have killed ten soldiers"),
    ]


def test_said_then_a_name_with_an_appositive():
    [(name, kind, cue, content, _, _)] = claims_of(
        "The shelling damaged a power line, said Oksana Melnyk, an official with the regional grid operator."
    )
    assert (name, kind, cue, content) == ("Oksana Melnyk", "person", "said", "The shelling damaged a power line")


def test_a_body_named_with_on_or_to_is_claimant_whole_and_the_commission_refers_back_to_it():
    got = claims_of(
        "Four were hurt, according to the Uganda Human Rights Commission on Prisons and Detention. "
        "The commission said 12 people had been held without charge. "
        "The Committee to Protect Journalists said two reporters were detained."
    )
    assert [c[0] for c in got] == ["Uganda Human Rights Commission on Prisons and Detention"] * 2 + [
        "Committee to Protect Journalists"
    ]


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("A surgeon said most of the wounded were children.", "surgeon"),
        ("The minister toured the site on Friday, the presidency said.", "presidency"),
        ("A local teacher told AFP that the school was hit twice.", "local teacher"),
    ],
)
def test_people_on_the_ground_and_the_presidency_as_claimants(sentence, name):
    assert [c[0] for c in claims_of(sentence)] == [name]


def test_the_group_said_is_the_group_that_spoke_just_before():
    text = (
        "The Arakan Army said in a statement that its fighters and allied Kachin Independence Army units took "
        "the base on Sunday. Five fighters died in the battle, the group said."
    )
    assert [c[0] for c in claims_of(text)] == ["Arakan Army", "Arakan Army"]


def test_a_described_group_refers_back_and_an_appositive_after_according_to_is_skipped():
    got = claims_of(
        "The Kachin Independence Army said it had seized a border post. "
        "The ethnic armed group said its fighters captured 30 soldiers. "
        "According to the Syrian Network for Peace, a monitor that counts deaths, 40 people died."
    )
    assert [c[0] for c in got] == ["Kachin Independence Army", "Kachin Independence Army", "Syrian Network for Peace"]
    assert got[2][3] == "40 people died"


def test_a_person_inside_a_participle_appositive_is_not_the_claimant():
    got = claims_of("Chad's army, commanded by Gen. Abakar Abdelkerim Daoud, said its jets struck rebel camps.")
    assert [c[:2] for c in got] == [("Chad's army", "military")]


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Twenty drones were shot down overnight, the air force said.", "air force"),
        ("Two boats were seized in the strait, the navy said.", "navy"),
    ],
)
def test_service_nouns_are_claimants(sentence, name):
    assert [c[0] for c in claims_of(sentence)] == [name]


def test_where_a_claimant_is_based_is_no_part_of_its_name():
    got = claims_of("Two rockets hit the base, according to the Britain-based Syrian Observatory for Human Rights.")
    assert [c[0] for c in got] == ["Syrian Observatory for Human Rights"]


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("The interior ministry condemned the raid and said four officers were hurt.", "interior ministry"),
        (
            "Kenya's foreign minister, Musalia Mudavadi, called the attack cowardly and said the border would close.",
            "Musalia Mudavadi",
        ),
    ],
)
def test_a_verb_after_and_shares_the_sentence_s_subject(sentence, name):
    assert [c[0] for c in claims_of(sentence)] == [name]


def test_the_paramilitary_is_the_armed_group_named_before():
    got = claims_of(
        "Sudan's Rapid Support Forces attacked Tamboul on Friday. The paramilitary has denied targeting civilians."
    )
    assert [(c[0], c[2]) for c in got] == [("Rapid Support Forces", "denied")]


def test_a_video_posted_on_social_media_is_not_part_of_the_content():
    [(_, _, _, content, _, _)] = claims_of(
        "The commander said in a video posted on social media that his men had taken the bridge."
    )
    assert content == "his men had taken the bridge"


def test_an_acronym_then_a_head_noun_and_a_speech_named_before_the_content():
    got = claims_of(
        "The United Kingdom Maritime Trade Operations (UKMTO) agency said a vessel was hit near Aden. "
        "The spokesman said in a televised speech that two ships were targeted."
    )
    assert got[0][0].endswith("United Kingdom Maritime Trade Operations")
    assert got[1][3] == "two ships were targeted"


def test_x_reported_this_claims_the_sentence_before():
    got = claims_of("A drone hit a bus in Nikopol. Head of the regional administration Serhii Lysak reported this.")
    assert [(c[0], c[2], c[3]) for c in got] == [("Serhii Lysak", "reported", "A drone hit a bus in Nikopol")]


def test_where_it_was_said_is_no_content():
    got = claims_of(
        "Some people were trapped under rubble, the president said in a video on Telegram. "
        "The ministry said in its daily update that 40 drones were shot down."
    )
    assert [c[3] for c in got] == ["Some people were trapped under rubble", "40 drones were shot down"]


def test_a_name_with_an_arabic_particle_before_the_cue():
    got = claims_of(
        "Army chief Abdel Fattah al-Burhan said the war would go on. "
        "HTS leader Abu Mohammed al-Golani said in a video that the fighters would advance on Homs."
    )
    assert [(c[0], c[3]) for c in got] == [
        ("Abdel Fattah al-Burhan", "the war would go on"),
        ("Abu Mohammed al-Golani", "the fighters would advance on Homs"),
    ]


@pytest.mark.parametrize(
    "text, outlet, content",
    [
        (
            "A Nato official told the BBC the alliance never comments on alleged leaks.",
            "BBC",
            "the alliance never comments on alleged leaks",
        ),
        (
            "Mr Biden told CNN in an interview on Friday that he had spoken to allies.",
            "CNN",
            "he had spoken to allies",
        ),
        (
            "Liz Truss told Times Radio in May, when she was foreign secretary, that she would back the tribunal.",
            "Times Radio",
            "she would back the tribunal",
        ),
        ("An army source told Voice of America that 12 soldiers died.", "Voice of America", "12 soldiers died"),
    ],
)
def test_told_an_outlet_the_outlet_ends_with_its_name_and_the_content_follows(text, outlet, content):
    # the medium once ran on into the content: "BBC the alliance", "CNN in", "Times Radio in May"
    [claim] = claims_of(text)
    assert (claim[5], claim[3]) == (outlet, content)


def test_the_institute_is_the_institute_named_before():
    text = (
        "The Institute for the Study of War said this in a new assessment. The institute believes "
        "that the attack on a TV tower in Kharkiv is one of the moves."
    )
    assert [c[0] for c in claims_of(text)] == ["Institute for the Study of War"] * 2


def test_a_body_named_with_a_word_of_anonymous_sources_is_no_anonymous_source():
    # "Doctors" makes "Doctors said" anonymous, not the Sudan Doctors Network, a named body
    found = claims_of("The Sudan Doctors Network said 30 people were killed. Doctors said the wounded were many.")
    assert [(c[0], c[1]) for c in found] == [("Sudan Doctors Network", "other"), ("Doctors", "anonymous")]


def test_a_surname_alone_is_the_person_named_in_full_before_who_had_not_spoken():
    text = "Clifford May, founder of a think tank, wrote about the war. May said the sanctions had failed."
    [claim] = claims_of(text)
    assert claim[:2] == ("Clifford May", "person")
