"""Builds facts.jsonl and disputes.jsonl of the OOD development set.

Every span is found by searching the article body (code point offsets, end exclusive),
never typed by hand. Bodies are read from the *.md files next to this script's
directory (the text after the closing "---" line of the front matter).
Run: python3 annotate.py   (from any directory)
"""
import os, sys

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "ood", "tools"))
import spans  # noqa: E402  (the span helpers both out-of-domain sets share)

DISPUTES = []
ALIASES = {
    "Cristina Fernández de Kirchner": ["CFK", "Fernández de Kirchner", "Cristina"],
    "INDEC": ["Argentina's official statistics agency"],
    "Centers for Disease Control and Prevention": ["CDC"],
    "World Health Organization": ["WHO"],
    "Gaza's health ministry": ["Gaza Ministry of Health"],
    "Gaza Ministry of Health": ["Gaza Health Ministry"],
    "Rapid Support Forces": ["RSF"],
    "Integrated Food Security Phase Classification": ["IPC"],
    "United Nations": ["UN"],
    "U.S. Central Command": ["Centcom"],
}

FACTS = spans.Facts(OUT, ALIASES)
BODY, locate, near = FACTS.body, FACTS.locate, FACTS.near


def F(doc, claim, speaker="", *fact, **named):
    """Declares one fact (spans.Facts.F), after checking that the article uses every alias
    of its speaker (the United Nations' "UN" aside)."""
    for a in ALIASES.get(speaker, []):
        assert a in BODY[doc] or a == "UN", (doc, speaker, a)
    FACTS.F(doc, claim, speaker, *fact, **named)

def D(doc, shape, disputer, form, cue, claim, claim_text=None, claim_anchor=None, other=None, other_anchor=None, cue_anchor=None, note=None):
    cue_span = locate(doc, cue, cue_anchor)
    n = sum(1 for d in DISPUTES if d["doc"] == doc) + 1
    rec = {"doc": doc, "id": "d%d" % n, "shape": shape, "disputer": disputer,
        "disputer_span": near(doc, disputer, cue_span), "disputer_form": form,
        "cue": cue, "cue_span": cue_span, "claim": claim,
        "claim_span": locate(doc, claim_text, claim_anchor) if claim_text else None}
    if other:
        rec["other_claim_span"] = locate(doc, other, other_anchor)
    if note:
        rec["note"] = note
    DISPUTES.append(rec)

# ---- voa-odesa-drone-2024
d = "voa-odesa-drone-2024"
F(d, "killing at least three people", "Ukrainian officials", "Ukrainian officials", "said", 3, "people", "at least", "killed")
F(d, "Russia launched 31 drones at Ukraine overnight", "Ukraine's military", "The military", "said", 31, "drones", None, "drones launched")
F(d, "air defenses destroyed 23 of them", "Ukraine's military", "The military", "said", 23, "drones", None, "drones destroyed")
F(d, "they had intercepted nine drones", "Southern forces", "Southern forces", "said", 9, "drones", None, "drones intercepted")
F(d, "a Russian drone hit an apartment building, injuring eight people", "Sergiy Lysak", "Sergiy Lysak", "said", 8, "people", None, "injured")
F(d, "rescue workers were searching the rubble", "Sergiy Lysak", "He", "said")
F(d, "Ukrainian President Volodymyr Zelenskyy will participate in the talks", "Karine Jean-Pierre", "Karine Jean-Pierre", "told")
F(d, "The new sanctions will be against more than 500 targets", "Wally Adeyemo", "Wally Adeyemo", "told", 500, "targets", "more than", "sanction targets")

# ---- libya-derna-floods-2023
d = "libya-derna-floods-2023"
F(d, "the death toll from Sunday's floods in the city of Derna had risen to 11,300", "Libyan Red Crescent", "The Libyan Red Crescent", "said", 11300, "people", None, "dead")
F(d, "an additional 10,100 people were reported missing", "Libyan Red Crescent", "The Libyan Red Crescent", "said", 10100, "people", None, "missing")
F(d, "3,000 bodies had been buried", "Othman Abduljaleel", "Othman Abduljaleel", "as saying", 3000, "bodies", None, "bodies buried")
F(d, "2,000 more still being processed", "Othman Abduljaleel", "Othman Abduljaleel", "as saying", 2000, "bodies", None, "bodies being processed")
F(d, "the death toll could reach 20,000", "Abdulmenam al-Ghaithi", "Abdulmenam al-Ghaithi", "told", 20000, "people", None, "dead (projection)")
F(d, "The storm also killed about 170 people in other parts of eastern Libya", "Othman Abduljaleel", "the health minister", "said", 170, "people", "about", "killed outside Derna")
F(d, "\"most of the human casualties\" could have been avoided", "Petteri Taalas", "Petteri Taalas", "told")
F(d, "they could have issued warnings", "Petteri Taalas", "he", "said")
F(d, "About 884,000 people live in areas directly affected", "U.N. humanitarian office", "the office", "said", 884000, "people", "about", "people in affected areas")
F(d, "the United States would send money to relief organizations", "Joe Biden", "Joe Biden", "said")

# ---- kherson-khorly-strike-2026
d = "kherson-khorly-strike-2026"
F(d, "has risen to 27", "Russian authorities", "Russian authorities", "said", 27, "people", None, "killed")
F(d, "a drone hit a café and hotel in the village of Khorly", "Svetlana Petrenko", "Svetlana Petrenko", "said")
F(d, "at least 100 people were gathered at the time of the strike", "Svetlana Petrenko", "She", "said", 100, "people", "at least", "people gathered")
F(d, "killed 27 people, including two minors", "Svetlana Petrenko", "she", "claimed", 27, "people", None, "killed")
F(d, "Another 31 people, including five children, were hospitalized", "", None, None, 31, "people", None, "hospitalized")
F(d, "a criminal investigation has been launched", "Svetlana Petrenko", "Petrenko", "said")
F(d, "Ukrainian forces “adhere to international humanitarian law”", "Dmytro Lykhovii", "Dmytro Lykhovii", "told")
F(d, "it did not include any locations in the occupied parts of the Kherson region", "Dmytro Lykhovii", "Lykhovii", "said")
F(d, "Russia has repeatedly used disinformation", "Dmytro Lykhovii", "He", "added")
F(d, "Ukraine carried out a long-range drone attack targeting a residence of Russian President Vladimir Putin", "Moscow", "Moscow", "alleged")

# ---- sudan-wad-al-noura-2024
d = "sudan-wad-al-noura-2024"
F(d, "RSF killed civilians in attack on Sudanese village", "Sudanese army", "army", "says")
F(d, "troops and allied volunteers were targets of attack", "Rapid Support Forces", "Paramilitary group", "says")
F(d, "the targets of the attack were the country's army", "Rapid Support Forces", "The RSF", "said")
F(d, "the fighting took place early on Wednesday morning", "Rapid Support Forces", "The paramilitary", "said")
F(d, "“Our forces will not stand idly by", "Rapid Support Forces", "the RSF", "said")
F(d, "\"up to 100 people were killed\"", "Madani Resistance Committee", "the Madani Resistance Committee", "said", 100, "people", "up to", "killed")
F(d, "civilians were among the dead", "Madani Resistance Committee", "It", "said")
F(d, "more than 100 people were killed", "two senior humanitarian officials", "Two senior humanitarian officials", "told", 100, "people", "more than", "killed")
F(d, "described the incident as a massacre", "Sovereign Council", "Sovereign Council", "described")

# ---- gaza-toll-who-2024
d = "gaza-toll-who-2024"
F(d, "Nothing wrong with Gaza death toll figures", "World Health Organization", "WHO", "says")
F(d, "they were actually getting closer to confirming the scale of losses", "World Health Organization", "The World Health Organization", "saying")
F(d, "the total fatalities of around 35,000", "Gaza's health ministry", "Gaza's health ministry", "updated", 35000, "people", "about", "killed")
F(d, "about 25,000 of those have so far been fully identified", "Gaza's health ministry", "Gaza's health ministry", "saying", 25000, "people", "about", "dead identified")
F(d, "more than 70% of those killed were women and children", "Palestinian authorities", "Palestinian authorities", "estimated", 70, "percent", "more than", "share of dead who were women and children")
F(d, "which have since risen above 35,000 dead", "", None, None, 35000, "people", "more than", "killed")
F(d, "the overall data (more than 35,000) are still the same", "Christian Lindmeier", "Christian Lindmeier", "said", 35000, "people", "more than", "killed")
F(d, "The fact we now have 25,000 identified people is a step forward", "Christian Lindmeier", "he", "added", 25000, "people", None, "dead identified")

# ---- gaza-conflicting-tolls-2023
d = "gaza-conflicting-tolls-2023"
F(d, "over 7,300 people have been killed", "Gaza Ministry of Health", "The Gaza Ministry of Health", "says", 7300, "people", "more than", "killed")
F(d, "the death toll is now over 7,300 people", "Gaza Ministry of Health", "the Gaza Ministry of Health", "According to", 7300, "people", "more than", "killed")
F(d, "I have no notion that the Palestinians are telling the truth about how many people are killed", "Joe Biden", "President Joe Biden", "said")
F(d, "I have no confidence in the number that the Palestinians are using", "Joe Biden", "President Joe Biden", "said")
F(d, "a list of 7,028 people with names", "Gaza Ministry of Health", "the Gaza Ministry of Health", "published", 7028, "people", None, "named dead")
F(d, "of which 2,913 are children", "Gaza Ministry of Health", "the Gaza Ministry of Health", "published", 2913, "children", None, "children among the named dead")
F(d, "its report is based on a “computerized hospital information system”", "Gaza Ministry of Health", "The Gaza Health Ministry", "says")

# ---- sudan-al-fashir-killings-2025
d = "sudan-al-fashir-killings-2025"
F(d, "RSF fighters executed unarmed men after seizing al-Fashir in Darfur", "witnesses", "Witnesses", "say")
F(d, "detainees were taken for interrogation only", "Rapid Support Forces", "RSF", "saying")
F(d, "hundreds dead or missing as civilians flee the city", "aid groups and the UN", "Aid groups and the UN", "report")
F(d, "Men were rounded up and shot after the capture of Sudan’s al-Fashir", "witnesses", "witnesses", "told")
F(d, "he was among a group of around 200 men detained near the city", "Alkheir Ismail", "Alkheir Ismail", "said", 200, "men", "about", "men detained")
F(d, "The men were insulted with racial slurs before being shot", "Alkheir Ismail", "he", "said")
F(d, "men fleeing al-Fashir were separated from women", "four witnesses and six aid workers", "four witnesses and six aid workers", "said")
F(d, "hundreds of civilians and unarmed fighters may have been executed", "UN human rights office", "The UN human rights office", "said")
F(d, "they were fabricated by opponents seeking to obscure their defeat", "Rapid Support Forces", "The RSF", "saying")
F(d, "said those detained were soldiers", "senior RSF commander", "A senior RSF commander", "said")

# ---- houthi-red-sea-missiles-2024
d = "houthi-red-sea-missiles-2024"
F(d, "two ships they said are American and British", "Houthis", "they", "said")
F(d, "the Houthis targeted Star Nasia and Morning Tide", "Yahya Sare’e", "Yahya Sare’e", "announced")
F(d, "The Houthis fired six anti-ship ballistic missiles", "Central Command", "Central Command", "announced", 6, "missiles", None, "anti-ship ballistic missiles fired")
F(d, "the ship had sustained damage from an explosion", "Star Bulk", "The company", "reported")
F(d, "the crew did not sustain any injuries", "Central Command", "the Central Command release", "according to")
F(d, "is owned by British company Furadino Shipping", "Reuters", "Reuters", "according to")
F(d, "The three missiles all landed in the sea", "Central Command", "Central Command", "according to", 3, "missiles", None, "missiles that landed in the sea")
F(d, "she had seen reports of Houthi activity in the Red Sea", "Sabrina Singh", "Sabrina Singh", "told")
F(d, "the Houthis have launched drones and missiles at least 14 times", "USNI News", "USNI News", "according to", 14, "times", "at least", "attacks on ships")

# ---- turkey-syria-quake-2023
d = "turkey-syria-quake-2023"
F(d, "has climbed past 9,400", "", None, None, 9400, "people", "more than", "dead")
F(d, "updated the country’s death toll to 6,957", "Turkish authorities", "Turkish authorities", "updated", 6957, "people", None, "dead in Turkey")
F(d, "the government has reported 1,250 deaths", "Syrian government", "the government", "reported", 1250, "deaths", None, "dead in government-held Syria")
F(d, "have reported 1,280 deaths", "White Helmets", "The White Helmets", "reported", 1280, "deaths", None, "dead in rebel-held Syria")
F(d, "More than 30,000 people have been injured", "", None, None, 30000, "people", "more than", "injured")
F(d, "the death toll to continue to climb", "authorities", "authorities", "expect")

# ---- argentina-inflation-2024
d = "argentina-inflation-2024"
F(d, "Inflation in Argentina exceeded 250% per year", "INDEC", "the latest official data", "according to", 250, "percent", "more than", "annual inflation")
F(d, "prices grew by 20.6% in January", "INDEC", "this source", "According to", 20.6, "percent", None, "monthly inflation, January")
F(d, "there is a downward trend, after December's 25.6%", "government", "the government", "assures", 25.6, "percent", None, "monthly inflation, December")
F(d, "is a horrendous figure, if taken in isolation", "Javier Milei", "president Javier Milei", "said")
F(d, "But we have to look at where we were", "Javier Milei", "he", "remarked")
F(d, "Fernández de Kirchner \"ignores basic economic issues\"", "Javier Milei", "the Head of State", "For")
F(d, "inevitably provoke an increase in unemployment and social despair", "Cristina Fernández de Kirchner", "She", "warned")
F(d, "the deficit is not the only cause of inflation", "Cristina Fernández de Kirchner", "Cristina", "asserts")
F(d, "this is the main reason for inflation", "Javier Milei", "President Milei", "replied")

# ---- boars-head-listeria-2024
d = "boars-head-listeria-2024"
F(d, "bringing the death toll to nine", "Centers for Disease Control and Prevention", "the Centers for Disease Control and Prevention", "according to", 9, "people", None, "dead")
F(d, "bringing the total number of people hospitalized to 57", "Centers for Disease Control and Prevention", "the CDC", "said", 57, "people", None, "hospitalized")
F(d, "The total number of people sickened by the outbreak is likely much higher than the number reported", "Centers for Disease Control and Prevention", "the CDC", "said")
F(d, "147 were infected in 28 states", "a 2013 study", "a 2013 study", "according to", 147, "people", None, "infected in the 2011 outbreak")
F(d, "It also can be serious for pregnant women and people over 65", "Mayo Clinic", "the Mayo Clinic", "according to")
F(d, "We deeply regret the impact this recall has had on affected families", "Boar's Head", "the Boar's Head company website", "reads")
F(d, "expanded the recall in late July to 7 million pounds of meat", "", None, None, 7000000, "pounds", None, "meat recalled")
F(d, "All recalled products have been removed from retail outlets", "Boar's Head", "Boar's Head", "according to")

# ---- cookie-peanut-recall-2024
d = "cookie-peanut-recall-2024"
F(d, "The FDA and Stew Leonard's issued a recall of the Vanilla Florentine Cookies", "")
F(d, "they were made aware of the inclusion of peanuts earlier in the year, but failed to update their label", "")
F(d, "The cookies contain peanuts, which was an ingredient not disclosed to Stew Leonard’s by the manufacturer.", "Stew Leonard's", "Stew Leonard’s", "claimed")
F(d, "Stew Leonard’s was notified by Cookies United in July of 2023 that this product now contains peanuts", "Cookies United", "Cookies United Press Release", "From")
F(d, "The incorrect label was created by, and applied to, their product by Stew Leonard’s.", "Cookies United", "Cookies United Press Release", "From")

# ---- sudan-famine-ipc-2025
d = "sudan-famine-ipc-2025"
F(d, "declared famine in the city", "Integrated Food Security Phase Classification", "a United Nations (UN)-backed hunger watchdog", "declared")
F(d, "declared famine in El-Fasher", "Integrated Food Security Phase Classification", "The UN-backed Integrated Food Security Phase Classification (IPC)", "declared")
F(d, "also declared famine in another city, Kadugli", "Integrated Food Security Phase Classification", "The IPC", "declared")
F(d, "around 24 million Sudanese people were considered to be in acute hunger", "", None, None, 24000000, "people", "about", "people in acute hunger")
F(d, "600,000 were said to be facing famine", "", None, None, 600000, "people", None, "people facing famine")
F(d, "the UN described the Sudanese civil war as the world’s worst humanitarian crisis", "United Nations", "the UN", "described")
F(d, "up to 150,000 people have been killed", "", None, None, 150000, "people", "up to", "killed")
F(d, "14 million displaced", "", None, None, 14000000, "people", None, "displaced")
F(d, "first declared famine in Sudan in August 2024 at the Zamzam displacement camp", "Integrated Food Security Phase Classification", "The IPC", "declared")

# ---- dod-houthi-degraded-2024
d = "dod-houthi-degraded-2024"
F(d, "Houthi Forces Degraded", "Pentagon", "Pentagon", "Says")
F(d, "conducted strikes against military targets in Houthi-controlled areas of Yemen", "Pat Ryder", "Pat Ryder", "said")
F(d, "four anti-ship ballistic missiles yesterday", "Pat Ryder", None, None, 4, "missiles", None, "missiles struck before launch")
F(d, "the strike against the Houthi radar site was conducted by the USS Carney using Tomahawk Land Attack Missiles", "U.S. Central Command", "U.S. Central Command", "According to")
F(d, "the U.S. assessment is that Houthi capabilities have been degraded", "Pat Ryder", "Ryder", "said")
F(d, "we hit what we intended to hit with good effects", "Pat Ryder", "the general", "said")
F(d, "we have degraded their ability to attack", "Pat Ryder", "the general", "said")
F(d, "the Houthis still maintain capability", "Pat Ryder", "Ryder", "said")
F(d, "We’re going to keep working alongside our international partners", "Pat Ryder", "he", "said")
F(d, "have attempted to attack and harass vessels in the Red Sea and the Gulf of Aden 28 times since Nov. 19", "U.S. Central Command", "U.S. Centcom", "According to", 28, "times", None, "attempted attacks on vessels")

# ================= disputes
d = "kherson-khorly-strike-2026"
D(d, "anaphoric", "Kyiv", "metonym", "Denies Claim", "27 Killed in Alleged Ukrainian Drone Strike in Occupied Kherson", "27 Killed in Alleged Ukrainian Drone Strike in Occupied Kherson", note="headline")
D(d, "inline", "Kyiv", "metonym", "denied", "targeting civilians", "targeting civilians", cue_anchor="while Kyiv denied targeting civilians")
D(d, "anaphoric", "Ukraine", "metonym", "rejected the accusations", "Petrenko: the strike killed 27 people; an act of terrorism", "killed 27 people, including two minors")
D(d, "counterclaim", "Lykhovii", "name", "said", "a drone hit a café and hotel in the village of Khorly", "a drone hit a café and hotel in the village of Khorly",
  other="it did not include any locations in the occupied parts of the Kherson region", cue_anchor="Lykhovii said the General Staff", note="Dmytro Lykhovii, General Staff spokesperson")
D(d, "anaphoric", "Kyiv", "metonym", "dismissed the claim", "Ukraine carried out a long-range drone attack targeting a residence of Russian President Vladimir Putin",
  "Ukraine carried out a long-range drone attack targeting a residence of Russian President Vladimir Putin")

d = "sudan-wad-al-noura-2024"
D(d, "accusation", "The RSF", "name", "denied", "killing dozens of civilians, including women and children, in an attack on a village",
  "killing dozens of civilians, including women and children, in an attack on a village", cue_anchor="The RSF denied killing civilians")
D(d, "counterclaim", "Paramilitary group", "nominal", "says", "RSF killed civilians in attack on Sudanese village",
  "RSF killed civilians in attack on Sudanese village", other="troops and allied volunteers were targets of attack", cue_anchor="Paramilitary group says",
  note="headline (army) against standfirst (RSF)")
D(d, "counterclaim", "The RSF", "name", "said", "civilians were among the dead", "civilians were among the dead",
  other="the targets of the attack were the country's army", cue_anchor="civilians and said the targets")

d = "gaza-toll-who-2024"
D(d, "anaphoric", "Israel", "metonym", "questioned", "Gaza's health ministry's updated breakdown of the toll", "updated its breakdown of the total fatalities of around 35,000")
D(d, "anaphoric", "Israel", "metonym", "allegations from Israel of inaccuracy", "Gaza's health ministry's updated breakdown of the toll", "updated its breakdown of the total fatalities of around 35,000",
  note="nominal dispute: the disputer is inside the cue phrase")
D(d, "rebuttal", "WHO", "metonym", "Nothing wrong with", "Israel's allegations of inaccuracy of the Gaza death toll figures", "allegations from Israel of inaccuracy",
  cue_anchor="Nothing wrong with Gaza", note="headline")
D(d, "rebuttal", "Christian Lindmeier", "name", "Nothing wrong with the data", "Israel's allegations of inaccuracy", "allegations from Israel of inaccuracy")

d = "gaza-conflicting-tolls-2023"
D(d, "relative", "Israel, the US and Germany", "group", "questioned", "over 7,300 people have been killed", "over 7,300 people have been killed", cue_anchor="a figure questioned by")
D(d, "anaphoric", "The United States, Israel and Germany", "group", "have questioned", "the Gaza Ministry of Health's death toll", "the death toll is now over 7,300 people")
D(d, "rebuttal", "President Joe Biden", "name", "I have no notion that the Palestinians are telling the truth", "the Palestinian death toll figures", "the death toll is now over 7,300 people")

d = "sudan-al-fashir-killings-2025"
D(d, "anaphoric", "RSF", "name", "denies killings", "RSF fighters executed unarmed men after seizing al-Fashir in Darfur", "RSF fighters executed unarmed men after seizing al-Fashir in Darfur")
D(d, "anaphoric", "The RSF", "name", "denied the allegations", "hundreds of civilians and unarmed fighters may have been executed", "hundreds of civilians and unarmed fighters may have been executed")
D(d, "rebuttal", "A senior RSF commander", "nominal", "described the reports as “media exaggeration”", "witnesses' reports of executions of unarmed men", "Men were rounded up and shot after the capture of Sudan’s al-Fashir")

d = "argentina-inflation-2024"
D(d, "anaphoric", "President Milei", "name", "replied that he had never said this", "the deficit is (not) the only cause of inflation, as attributed to Milei by Fernández de Kirchner",
  "the deficit is not the only cause of inflation")

d = "cookie-peanut-recall-2024"
D(d, "counterclaim", "Cookies United", "name", "we need to point out", "The cookies contain peanuts, which was an ingredient not disclosed to Stew Leonard’s by the manufacturer.",
  "The cookies contain peanuts, which was an ingredient not disclosed to Stew Leonard’s by the manufacturer.",
  other="Stew Leonard’s was notified by Cookies United in July of 2023 that this product now contains peanuts", note="disputer named in 'From Cookies United Press Release'")

if __name__ == "__main__":
    FACTS.write()
    spans.write_jsonl(os.path.join(OUT, "disputes.jsonl"), DISPUTES)
    from collections import Counter
    print(len(DISPUTES), "disputes", Counter(d["shape"] for d in DISPUTES))
