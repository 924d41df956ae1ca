"""Builds disputes.jsonl of the third out-of-domain dispute set (ooddisp3) (format of
extract/eval/disputes/testdata/README.md, the shared dispute format, see README.md).

Every span is found by searching the article body (code point offsets, end exclusive),
never typed by hand. Bodies are read from the *.md files next to this script's
directory (the text after the closing "---" line of the front matter).
The halves were fixed and committed before annotation, and the disputes were annotated
and committed before the extractor was run on these articles.
Run: python3 annotate.py   (from any directory)
"""
import os, sys

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "ood", "tools"))
import spans  # noqa: E402  (the span helpers the out-of-domain sets share)
import disputecases  # noqa: E402  (the dispute-case builder of the dispute sets)

BODY = spans.read_bodies(OUT)
_SET = disputecases.DisputeCases(BODY)
D, CASES = _SET.add, _SET.cases

# Halves (README.md), fixed before annotation: TUNE texts may be read for their misses;
# UNSEEN texts are only scored.
TUNE = ["adani-swiss-freeze-2024", "colorado-springs-mayor-fbi-2024", "sri-lanka-cricket-party-2024",
        "kenya-govt-bishops-2024", "doe-climate-report-scientists-2025"]
UNSEEN = ["oman-virus-rumours-2025", "kenya-spokesperson-budget-2025", "bcb-icc-ultimatum-2026",
          "kenya-education-factcheck-2024", "queensland-tv-couple-court-2024"]

# ======== tune half ========

# ---- adani-swiss-freeze-2024 (business: a conglomerate answering a short-seller)
d = "adani-swiss-freeze-2024"
FROZEN = "Swiss authorities have frozen its funds"
FROZEN_S = "regarding claims by US short-seller Hindenburg Research that Swiss authorities have frozen its funds"
D(d, "rebuttal", "Adani Group", "name", "preposterous, irrational and absurd", FROZEN,
  "Allegations preposterous, irrational and absurd: Adani Group", claim_in=FROZEN_S,
  note="headline; the allegation is stated in the first sentence after it")
D(d, "inline", "The Adani Group", "name", "unequivocally rejected and denied", FROZEN,
  "The Adani Group on Thursday unequivocally rejected and denied baseless allegations " + FROZEN_S,
  note="'baseless' is a second cue of the same clause")
D(d, "anaphoric", "an Adani Group spokesperson", "nominal", "denied", FROZEN,
  "Dismissing the latest allegations, an Adani Group spokesperson denied the baseless claims.", claim_in=FROZEN_S,
  ref="The Adani Group", note="'Dismissing' and 'baseless' are further cues of the same clause")
D(d, "anaphoric", "the company spokesperson", "nominal", "unequivocally reject and deny", FROZEN,
  "“We unequivocally reject and deny the baseless allegations presented. The Adani Group has no involvement in any Swiss court proceedings, nor have any of our company accounts been subject to sequestration by any authority,” said the company spokesperson.",
  claim_in=FROZEN_S, ref="The Adani Group", note="quoted, first person")
D(d, "counterclaim", "the company spokesperson", "nominal", "said", FROZEN,
  "nor have any of our company accounts been subject to sequestration by any authority,” said the company spokesperson.",
  claim_in=FROZEN_S, ref="The Adani Group", other="nor have any of our company accounts been subject to sequestration by any authority",
  note="the second sentence of the quotation states the contrary of the claim without a dispute word")
D(d, "counterclaim", "the spokesperson", "nominal", "added", FROZEN,
  "the Swiss court has neither mentioned our group companies, nor have we received any requests for clarification or information from any such authority or regulatory body. We reiterate that our overseas holding structure is transparent, fully disclosed, and compliant with all relevant laws,” the spokesperson added.",
  claim_in=FROZEN_S, ref="The Adani Group", other="the Swiss court has neither mentioned our group companies",
  note="borderline: the order not naming the group is the contrary of an order freezing its funds")
D(d, "rebuttal", "The spokesperson", "nominal", "clearly preposterous, irrational, and absurd", FROZEN,
  "The spokesperson further said that these allegations are “clearly preposterous, irrational, and absurd”.", claim_in=FROZEN_S,
  ref="The Adani Group")
D(d, "rebuttal", "the spokesperson", "nominal", "orchestrated and egregious attempt", FROZEN,
  "“We have no hesitation in stating that this is yet another orchestrated and egregious attempt by the same cohorts acting in unison to inflict irreversible damage on our group's reputation and market value,” said the spokesperson.",
  claim_in=FROZEN_S, ref="The Adani Group", note="borderline: the claim judged a concerted attack (a smear campaign)")
D(d, "rebuttal", "industry experts", "group", "not merely frivolous but cheap antics", None,
  "Last month, industry experts had slammed earlier Hindenburg allegations as not merely frivolous but cheap antics",
  claim_text="earlier Hindenburg allegations (not stated in the text)",
  note="'saying the US short-seller has nothing substantial to talk about' is a second cue of the same clause")

# ---- colorado-springs-mayor-fbi-2024 (local politics: a mayor answering a media report)
d = "colorado-springs-mayor-fbi-2024"
LIED_S = "Last month, a report emerged from a media outlet alleging he lied to the FBI after an alleged hate crime hoax."
D(d, "anaphoric", "Yemi Mobolade", "name", "denounce", "he lied to the FBI after an alleged hate crime hoax",
  "Mayor Yemi Mobolade took to Facebook to denounce recent allegations against him.", claim_in=LIED_S,
  note="cataphoric: the allegation is stated in the next sentence")
D(d, "counterclaim", "Mobolade", "name", "saying", "the mayor lied to agents investigating the alleged hoax",
  "Now, Mayor Mobolade has addressed those allegations directly saying, point blank, \"I did not lie to the FBI.\"",
  claim_in="claiming that the mayor lied to agents investigating the alleged hoax", other="I did not lie to the FBI",
  note="'addressed those allegations' is no dispute word; the quotation negates the claim. '\"I had no knowledge, warning, or involvement in this crime\"' answers no claim the text states: left out")

# ---- sri-lanka-cricket-party-2024 (sport: a board refuting a newspaper report)
d = "sri-lanka-cricket-party-2024"
PARTY = "numerous players and members of the coaching staff were involved in a drinking party prior to their pivotal match against South Africa in the T20 World Cup 2024"
SESSION = "at least five of the team’s top players—three of the top-order batsmen, an experienced fast bowler, and a legendary all-round player—participated in a late-night drinking session"
D(d, "anaphoric", "Sri Lanka Cricket", "name", "refute", PARTY,
  "In response to reports that " + PARTY + ", Sri Lanka Cricket (SLC) has come forward to refute these claims.")
D(d, "anaphoric", "the SLC", "name", "swiftly refuted", PARTY,
  "The claims, however, were swiftly refuted by the SLC, which saw them as an attempt to damage the board’s reputation.",
  claim_in="In response to reports that " + PARTY, note="'an attempt to damage the board's reputation' is a second cue of the same clause")
D(d, "rebuttal", "Sri Lanka Cricket", "name", "there is no truth to the claims", SESSION,
  "Sri Lanka Cricket said on social media that there is no truth to the claims and that they have not been verified.",
  claim_in=SESSION, note="the nearest statement of the claim is the report's detail")
D(d, "anaphoric", "SLC", "name", "explicitly and firmly refuted", SESSION,
  "The article’s contents are explicitly and firmly refuted by SLC, which also affirms that no such incidents—as described—have ever happened.",
  claim_in=SESSION, note="'no such incidents ... have ever happened' is a second cue of the same sentence")
D(d, "rebuttal", "SLC", "name", "wholly untrue, contrived, and unfounded", SESSION,
  "As a result, SLC categorically declares that the news article is wholly untrue, contrived, and unfounded,” the SLC tweeted.",
  claim_in=SESSION, disputer_in="As a result, SLC categorically declares")
D(d, "anaphoric", "SLC", "name", "categorically and strongly refutes", SESSION,
  "SLC categorically and strongly refutes the contents of the article and confirms that no such incidents, as described, have occurred.",
  claim_in=SESSION, note="the board's post as embedded; 'no such incidents ... have occurred' is a second cue")
D(d, "rebuttal", "SLC", "name", "entirely false, fabricated, and baseless", SESSION,
  "Therefore, SLC states unequivocally that the news report is entirely false, fabricated, and baseless.", claim_in=SESSION)

# ---- kenya-govt-bishops-2024 (politics: a government answering bishops' criticism)
d = "kenya-govt-bishops-2024"
DEBTS = "her ministry was unwilling to clear debts owed to faith-based hospitals under the defunct National Health Insurance Fund (NHIF)"
D(d, "anaphoric", "The Kenyan government", "name", "strongly refuted", None,
  "The Kenyan government, through the Ministries of Health, Education, and the Office of the Inspector General of Police, has strongly refuted claims made by the Kenya Conference of Catholic Bishops (KCCB)",
  claim_text="the bishops' claims (not stated in the text)", note="'describing their statement as inaccurate and misleading' is a second cue of the same sentence")
D(d, "inline", "Deborah Mulongo", "name", "dismissed", DEBTS,
  "Health Cabinet Secretary Deborah Mulongo dismissed allegations that " + DEBTS + ".")
D(d, "counterclaim", "She", "pronoun", "assured", DEBTS,
  "She assured the public that the government remains committed to settling these arrears through the newly established Social Health Authority (SHA).",
  claim_in="Health Cabinet Secretary Deborah Mulongo dismissed allegations that " + DEBTS,
  other="the government remains committed to settling these arrears", ref="Deborah Mulongo",
  note="committed to settling the arrears against unwilling to clear them; 'Mulongo clarified that Ksh.7.58 billion had already been allocated' supports it with figures and is left out")
D(d, "rebuttal", "Migos Ogamba", "name", "unfounded", None,
  "Education CS Migos Ogamba criticized the bishops’ assessment of the Competency-Based Curriculum (CBC) and the new university funding model, describing their claims as unfounded.",
  claim_text="the bishops' assessment of the CBC and the university funding model (not stated in the text)")

# ---- doe-climate-report-scientists-2025 (science: scientists answering a government report)
d = "doe-climate-report-scientists-2025"
D(d, "rebuttal", "Top scientists", "group", "misused", None,
  "Top scientists told AFP Thursday their research cited in a flagship climate report by the U.S. Department of Energy (DoE) was misused to downplay the role of human activity in global warming.",
  claim_text="the report's account of their research (not stated in the text)")
D(d, "rebuttal", "Benjamin Santer", "name", "completely misrepresents my work", None,
  "It “completely misrepresents my work,” Benjamin Santer, atmospheric scientist",
  claim_text="the report's account of Santer's work (not stated in the text)")
D(d, "rebuttal", "Santer", "name", "contradicted his findings", None,
  "Santer said a section of the report on “stratospheric cooling” contradicted his findings",
  claim_text="the report's section on stratospheric cooling (not stated in the text)")
D(d, "rebuttal", "AFP", "name", "inaccurate citations, flawed analysis and editorial errors", None,
  "AFP and other media, including NOTUS, a US digital news website affiliated with the nonprofit Allbritton Journalism Institute, found inaccurate citations, flawed analysis and editorial errors across the document.",
  claim_text="the DoE report's citations and analysis (not stated in the text)",
  note="'scientists have told AFP a government agency has misrepresented academic work' sums up this and earlier cases: left out")

# ======== unseen half (scored only; its misses are never read) ========

# ---- oman-virus-rumours-2025 (health: a ministry denying rumours of an outbreak)
d = "oman-virus-rumours-2025"
SPREAD = "the spread of a virus that causes fever and requires hospitalisation in Dhofar"
D(d, "inline", "Oman’s Ministry of Health", "name", "denied", "virus outbreak",
  "Dubai: Oman’s Ministry of Health (MOH) has denied virus outbreak rumours in Dhofar, warning against spreading false information.",
  note="'warning against spreading false information' is a second cue of the same sentence")
D(d, "inline", "The ministry", "nominal", "dismissing", "a virus outbreak requiring hospitalisation",
  "The ministry reassured citizens and residents that the health situation in Dhofar Governorate remains stable, dismissing social media rumours of a virus outbreak requiring hospitalisation.",
  ref="Oman’s Ministry of Health")
D(d, "rebuttal", "The ministry", "nominal", "incorrect information", SPREAD,
  "The ministry said it is monitoring what is being circulated on social media platforms regarding a video clip that includes incorrect information about " + SPREAD + ".",
  ref="Oman’s Ministry of Health")
D(d, "counterclaim", "the ministry", "nominal", "said", SPREAD,
  "“There are no signs of any virus spreading in the governorate”, the ministry said in a statement",
  claim_in="incorrect information about " + SPREAD, other="There are no signs of any virus spreading in the governorate",
  ref="Oman’s Ministry of Health")

# ---- kenya-spokesperson-budget-2025 (politics: a spokesperson denying a budget figure)
d = "kenya-spokesperson-budget-2025"
BUDGET = "the Office of the Government Spokesperson receives Ksh.36 billion annually"
BUDGET_S = "who had claimed that " + BUDGET
D(d, "anaphoric", "Isaac Mwaura", "name", "dismissed", BUDGET,
  "Government Spokesperson Isaac Mwaura has dismissed recent claims regarding the budget allocated to his office", claim_in=BUDGET_S,
  note="cataphoric: the claim is stated in the next sentence")
D(d, "inline", "Mwaura", "name", "refuted", BUDGET,
  "Speaking in Nairobi on Saturday evening, Mwaura refuted allegations made by Diana Gichengo, the National Coordinator at the Institute for Social Accountability (TISA), " + BUDGET_S + ".")
D(d, "anaphoric", "Mwaura", "name", "categorically denied", BUDGET,
  "Mwaura categorically denied the figure, stating that the actual budget of his office does not exceed Ksh.100 million.", claim_in=BUDGET_S)
D(d, "figures", "Mwaura", "name", "stating", BUDGET,
  "Mwaura categorically denied the figure, stating that the actual budget of his office does not exceed Ksh.100 million.", claim_in=BUDGET_S,
  other="the actual budget of his office does not exceed Ksh.100 million")
D(d, "rebuttal", "Mwaura", "name", "not only exaggerated but are meant to mislead the public", BUDGET,
  "“These claims are not only exaggerated but are meant to mislead the public and incite anger against government institutions,” Mwaura said.",
  claim_in=BUDGET_S, note="'weaponizing falsehoods' in the next quoted sentence is a second cue of the same quotation")

# ---- bcb-icc-ultimatum-2026 (sport: a board denying a media report)
d = "bcb-icc-ultimatum-2026"
D(d, "inline", "The Bangladesh Cricket Board", "name", "denied",
  "it was instructed by the International Cricket Council to either play according to the schedule or forfeit its matches in the forthcoming T20 World Cup",
  "The Bangladesh Cricket Board has denied reports that it was instructed by the International Cricket Council to either play according to the schedule or forfeit its matches in the forthcoming T20 World Cup.")
D(d, "rebuttal", "The BCB", "name", "completely false, unfounded", "the Board has been issued an ultimatum in this regard",
  "The BCB categorically states that such claims are completely false, unfounded and do not reflect the nature or content of the communication received from the ICC,",
  claim_in="suggesting that the Board has been issued an ultimatum in this regard",
  note="'do not reflect the nature or content of the communication' is a second cue of the same clause; 'the ICC is willing to work closely' answers no stated claim: left out")

# ---- kenya-education-factcheck-2024 (fact-checking: verdicts on claims about education)
d = "kenya-education-factcheck-2024"
D(d, "rebuttal", None, None, "get key education statistics wrong", None,
  "Bad maths, flawed sources and false claims: Kenya's education minister, others get key education statistics wrong - Africa Check",
  claim_text="the statistics given by the minister and others (not stated in the text)",
  note="the article (a fact-check) in its headline; 'false claims' is a second cue")
D(d, "rebuttal", None, None, "was wrong", None,
  "Sossion was wrong about Kenya’s ranking in a global competitiveness index",
  claim_text="Sossion's claim about Kenya's ranking (not stated in the text)",
  note="the article; 'the country has never ranked first among African countries' is a second cue of the same sentence")
D(d, "rebuttal", None, None, "didn't get the percentage of the budget allocated to education right", None,
  "The education minister also didn't get the percentage of the budget allocated to education right",
  claim_text="the education minister's percentage (not stated in the text)", note="the article")
D(d, "rebuttal", None, None, "misrepresented", None,
  "a former defence minister misrepresented the number of pupils moving from primary to secondary school",
  claim_text="the former defence minister's figure (not stated in the text)", note="the article")
D(d, "rebuttal", None, None, "Incorrect",
  "The government spends over 30% of its total revenue of the entire budget on matters education.",
  "“The government spends over 30% of its total revenue of the entire budget on matters education.”\n\nVerdict\n\nIncorrect",
  note="the article: a fact-check verdict")

# ---- queensland-tv-couple-court-2024 (courts: complainants retracting at a hearing)
d = "queensland-tv-couple-court-2024"
OFF = "42 offences including rape and torture"
D(d, "rebuttal", "one complainant", "group", "lied to police", None,
  "A court heard the strength of the allegations are in doubt, with one complainant admitting she lied to police.",
  claim_text="the complainant's statement to police (not stated in the text)",
  note="a complainant disputing her own statement; 'the strength of the allegations are in doubt' is the court's hearing of it")
D(d, "counterclaim", "two of the complainants", "group", "say", OFF,
  "In a twist, the court was told two of the complainants now say the alleged offending never happened.",
  claim_in="She is charged with " + OFF, other="the alleged offending never happened",
  note="the quotation relayed by the magistrate ('One .. says this never happened … another says ‘everything I told police is a lie’') repeats this dispute: left out")
D(d, "rebuttal", "Stuart Shearer", "name", "false", None,
  "Magistrate Stuart Shearer said one of the statements was ‘false’.",
  claim_text="one complainant's statement to police (not stated in the text)")

_SET.write_halves(OUT, TUNE, UNSEEN)
