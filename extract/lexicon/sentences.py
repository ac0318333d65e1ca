"""Words that decide where a sentence ends: abbreviations that end with a full stop without ending the
sentence, and words that typically start one.
"""

# Words that end with a full stop without ending the sentence (compared lower-case, no dot).
TITLE_ABBREVIATIONS = frozenset(
    """
mr mrs ms dr prof gen lt col maj capt cpt sgt cpl pte pvt adm cmdr cdr brig sen rep gov pres
st mt ft rev hon fr sr jr messrs mme mlle gen lieut supt insp det amb
""".split()
)


OTHER_ABBREVIATIONS = frozenset(
    """
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
no nos vs v approx est dept univ inc ltd co corp bros fig vol pp para art sect ch op cf al
""".split()
)


# Abbreviations that may also end a sentence: split after them only before a word that typically
# starts one ("at 10 a.m. The attack ...").
FINAL_ABBREVIATIONS = frozenset(
    """
a.m p.m u.s u.k u.n e.u etc e.g i.e u.s.a
""".split()
)


SENTENCE_STARTERS = frozenset(
    """
the a an he she it they we i you this that these those there his her its their our in on at
after before but and so however meanwhile earlier later while when if as according officials
one two three four five six seven eight nine ten some many most several both all no none
""".split()
)
