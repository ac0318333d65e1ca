"""Who a casualty figure counts, as a group: civilians, armed forces or armed groups, and the side.

``Casualty.who`` holds the words the figure counts ("civilians", "Russian troops", "Taliban
militants", "Captain Anton Sydorov"). Two sources' figures of one incident contradict each other only
when they may count the same people: "20 insurgents killed" and "23 soldiers killed" are two tolls of
one clash, not a disagreement; "20 people" and "23 soldiers" may be one toll told twice.
"""

from __future__ import annotations

from typing import NamedTuple

# the last word of ``who`` -> its group; a word in none ("people", "men", "victims", a name) says nothing
_GROUP_WORDS = {
    "civilians": (
        "civilian civilians resident residents villager villagers child children kid kids boy boys girl girls "
        "woman women infant infants baby babies passenger passengers worker workers employee employees "
        "student students pupil pupils teacher teachers journalist journalists reporter reporters "
        "medic medics doctor doctors nurse nurses patient patients worshipper worshippers pedestrian "
        "pedestrians shopper shoppers protester protesters demonstrator demonstrators farmer farmers "
        "fisherman fishermen refugee refugees migrant migrants bystander bystanders tourist tourists "
        "volunteer volunteers elderly pensioner pensioners"
    ),
    "forces": (
        "soldier soldiers troop troops serviceman servicemen servicewoman servicewomen personnel "
        "policeman policemen police officer officers guard guards marine marines sailor sailors pilot "
        "pilots airman airmen conscript conscripts recruit recruits paratrooper paratroopers commando "
        "commandos gendarme gendarmes peacekeeper peacekeepers"
    ),
    "armed groups": (
        "militant militants insurgent insurgents rebel rebels terrorist terrorists jihadist jihadists "
        "gunman gunmen attacker attackers assailant assailants separatist separatists mercenary "
        "mercenaries paramilitary paramilitaries fighter fighters"
    ),
}
_GROUP_OF = {word: group for group, words in _GROUP_WORDS.items() for word in words.split()}
# "service members", "crew members": the word before "members" decides
_MEMBERS_OF = {"service": "forces", "military": "forces", "crew": "forces", "militia": "armed groups"}


class Victims(NamedTuple):
    group: str | None  # civilians, forces, armed groups; None when the words do not say
    side: frozenset[str]  # whose they are: the capitalised words before the group ("Russian", "NATO"),
    # each as its first five letters, lower-cased, without "'s" ("Russia's" and "Russian" are one side)


UNKNOWN = Victims(None, frozenset())


def victims_of(who: str | None) -> Victims:
    """The group a figure's ``who`` names, and its side; ``UNKNOWN`` for a person's name or a word
    that names no group ("people", "men")."""
    if not who:
        return UNKNOWN
    words = who.replace("-", " ").split()
    head = words[-1].lower()
    group = _GROUP_OF.get(head)
    if group is None and head == "members" and len(words) > 1:
        group = _MEMBERS_OF.get(words[-2].lower())
    if group is None:
        return UNKNOWN
    return Victims(group, frozenset(_side_word(w) for w in words[:-1] if w[:1].isupper()))


def _side_word(word: str) -> str:
    if word[-2:] in ("'s", "’s"):
        word = word[:-2]
    return word[:5].lower()


def may_be_the_same(a: Victims, b: Victims) -> bool:
    """Whether figures counting ``a`` and ``b`` may count the same people: not when both name their
    group and the groups differ, nor when both name their side and no side word is shared."""
    if a.group and b.group and a.group != b.group:
        return False
    return not (a.side and b.side and not a.side & b.side)


def same_victims(a_who: str | None, b_who: str | None) -> int:
    """``may_be_the_same`` of two ``who`` (as an SQL function: 1 or 0)."""
    return int(may_be_the_same(victims_of(a_who), victims_of(b_who)))
