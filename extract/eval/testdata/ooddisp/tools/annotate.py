"""Builds disputes.jsonl of the out-of-domain dispute tuning set (format of
extract/eval/disputes/testdata/README.md, the shared dispute format, see README.md).

Every span is found by searching the article body (code point offsets, end exclusive),
never typed by hand. Bodies are read from the *.md files next to this script's
directory (the text after the closing "---" line of the front matter).
The disputes were annotated before the extractor was run on these articles.
Run: python3 annotate.py   (from any directory)
"""
import json, os, sys

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "ood", "tools"))
import spans  # noqa: E402  (the span helpers the out-of-domain sets share)
import disputecases  # noqa: E402  (the dispute-case builder of ooddisp and ooddisp2)

BODY = spans.read_bodies(OUT)
_SET = disputecases.DisputeCases(BODY)
within, before, D, CASES = _SET.within, _SET.before, _SET.add, _SET.cases


# ---- adani-bribery-bloomberg-2024 (a company rejecting an indictment and a short-seller's report)
d = "adani-bribery-bloomberg-2024"
S1 = "The Adani Group denied US prosecutors’ charge that its billionaire founder Gautam Adani and his aides were involved in driving a more than $250 million bribery scheme to win Indian solar energy contracts."
CH = "its billionaire founder Gautam Adani and his aides were involved in driving a more than $250 million bribery scheme to win Indian solar energy contracts"
D(d, "inline", "The Adani Group", "name", "denied", CH, S1)
D(d, "rebuttal", "the group", "nominal", "baseless", CH, "The allegations are baseless, the group said", claim_in=S1, ref="The Adani Group",
  note="\"The allegations are baseless\": the allegations are the charge of the sentence before")
D(d, "anaphoric", "The group", "nominal", "vigorously denied", "the conglomerate manipulated its stock price and committed accounting fraud",
  "The group has vigorously denied the allegations", claim_in="claims by short-seller Hindenburg Research that the conglomerate manipulated its stock price and committed accounting fraud",
  ref="Adani group")

# ---- swim-coach-doping-afp-2024 (sport: a coach disputing a doping conspiracy)
d = "swim-coach-doping-afp-2024"
D(d, "inline", "An Australian coach", "nominal", "rejected", "systemic state-run doping",
  "An Australian coach who works with the Chinese Swimming Association has rejected claims of systemic state-run doping",
  note="the coach is named (Denis Cotterell) only later")
S = "told The Sydney Morning Herald he disputed \"any suggestion of anything orchestrated\""
D(d, "inline", "Denis Cotterell", "name", "disputed", "anything orchestrated",
  "Denis Cotterell, who steered Australian Grant Hackett to multiple Olympic golds and also coached drug-tainted Chinese swimmer Sun Yang, " + S,
  claim_in=S)
S = "\"I am happy to say I'm absolutely in support of my swimmers and dispute any suggestion of anything orchestrated,\" the 74-year-old said."
D(d, "inline", "the 74-year-old", "nominal", "dispute", "anything orchestrated", S, ref="Cotterell")

# ---- wada-swimmers-kyodo-2024 (sport: an agency rejecting a cover-up report)
d = "wada-swimmers-kyodo-2024"
D(d, "inline", "WADA", "name", "disputes", None, "WADA disputes wrongdoing after China swimmers' positive tests",
  claim_text="WADA handled the Chinese swimmers' positive tests wrongly",
  note="headline; \"wrongdoing\" names the claim without stating it")
S = "The World Anti-Doping Agency on Saturday dismissed speculation it did not respond properly to positive doping tests of 23 Chinese swimmers ahead of the Tokyo 2021 Olympics"
D(d, "inline", "The World Anti-Doping Agency", "name", "dismissed",
  "it did not respond properly to positive doping tests of 23 Chinese swimmers ahead of the Tokyo 2021 Olympics", S)
D(d, "rebuttal", "WADA", "name", "misleading information", None,
  "WADA said it conducted a thorough review process and \"reserves its right to take legal action as appropriate ... following the misleading information that has been published this week.\"",
  claim_text="the reports published that week on WADA's handling of the tests",
  note="the reports are named only later in the text, not stated as a claim")

# ---- venezuela-tallies-reuters-2024 (election abroad: official result against the opposition's tallies)
d = "venezuela-tallies-reuters-2024"
WIN = "incumbent President Nicolas Maduro the winner of the vote"
D(d, "counterclaim", "Maria Corina Machado", "name", "said", WIN,
  "Venezuela opposition leader Maria Corina Machado said on Monday", claim_in="The national electoral authority has proclaimed " + WIN,
  other="allowing it to prove election results it says give it a victory", other_in="allowing it to prove election results it says give it a victory",
  note="the opposition's claim of victory against the proclaimed result")
D(d, "rebuttal", "independent pollsters", "group", "implausible", WIN, "But independent pollsters called that result implausible",
  claim_in="The national electoral authority has proclaimed " + WIN)
D(d, "figures", "Machado", "name", "sharply different", "5.15 million votes the electoral authority said Maduro had won",
  "The numbers were sharply different to the 5.15 million votes the electoral authority said Maduro had won",
  other="a total of 2.75 million votes for Maduro", other_in="The tallies in possession of the opposition showed a total of 2.75 million votes for Maduro",
  disputer_in="Edmundo Gonzalez, Machado said.",
  note="the contrast sentence names no one: the disputer is Machado, who gives the opposition's figures in the sentence before")
D(d, "anaphoric", "Governments in Washington and elsewhere", "group", "cast doubt on", "Maduro had won 51 percent of the vote",
  "Governments in Washington and elsewhere cast doubt on the results", claim_in="The electoral authority said just after midnight Maduro had won 51 percent of the vote")

# ---- zimbabwe-fraud-denial-2023 (election abroad: a president rejecting fraud allegations)
d = "zimbabwe-fraud-denial-2023"
D(d, "inline", "Zimbabwe president", "nominal", "rejected", "electoral fraud", "Zimbabwe president has rejected electoral fraud allegations\n",
  note="headline")
S2 = "Zimbabwe’s President, Emmerson Mnangagwa, has rejected electoral fraud allegations by the main opposition party"
D(d, "inline", "Emmerson Mnangagwa", "name", "rejected", "electoral fraud", S2)
D(d, "counterclaim", "Mnangagwa", "name", "insisted", "electoral fraud",
  "Mnangagwa, who was reelected, insisted that the elections were conducted in a free and fair environment", claim_in=S2,
  other="the elections were conducted in a free and fair environment")
D(d, "rebuttal", "CCC", "name", "did not match the party’s own tally",
  "Mnangagwa winning with 52.6% of the votes and opposition candidate Nelson Chamisa receiving 44%",
  "However, the CCC issued a statement claiming that the officially announced results, which showed Mnangagwa winning with 52.6% of the votes and opposition candidate Nelson Chamisa receiving 44%, did not match the party’s own tally.")

# ---- sierra-leone-results-2023 (election abroad: the opposition rejecting the result)
d = "sierra-leone-results-2023"
RES = "Incumbent President Julius Maada Bio was re-elected for a second term with 56% of the vote"
D(d, "anaphoric", "Sierra Leone’s main opposition party", "nominal", "rejects", RES,
  "Sierra Leone’s main opposition party rejects election results, calls for rerun\n", claim_in=RES, note="headline")
D(d, "anaphoric", "All People’s Congress", "name", "officially rejected", RES,
  "the All People’s Congress (APC), has officially rejected the presidential results", claim_in=RES,
  note="also \"alleging 'glaring irregularities'\" in the same clause")
D(d, "anaphoric", "Kamara", "name", "questioned", RES, "However, Kamara has questioned the official tally", claim_in=RES,
  note="the EU observers' \"highlighted statistical irregularities\" in the same sentence is left out (no claim contested in words)")
D(d, "anaphoric", "APC", "name", "rejected", RES, "the opposition APC said it rejected the outcome of the election", claim_in=RES)

# ---- south-africa-results-2024 (election abroad: parties rejecting results, the ruling party answering)
d = "south-africa-results-2024"
FF = "declaring the elections “free and fair”"
IRR = "the election was marred by widespread irregularities, including voter suppression, ballot stuffing, and tampering with election materials"
D(d, "anaphoric", "about 20 political parties", "group", "rejected", FF,
  "about 20 political parties have rejected the recent election results", claim_in=FF)
D(d, "counterclaim", "The opposition parties", "group", "claim", FF,
  "The opposition parties claim that " + IRR, claim_in=FF, other=IRR)
D(d, "rebuttal", "Jacob Zuma", "name", "so blatantly rigged", FF,
  "MK leader Jacob Zuma said; “We cannot accept the results of an election that was so blatantly rigged,”", claim_in=FF)
D(d, "anaphoric", "Ace Magashule", "name", "disputing", FF,
  "Among other prominent leaders who were focused in disputing the results was the leader of ACT, Ace Magashule.", claim_in=FF)
D(d, "anaphoric", "The ruling party", "nominal", "dismissed", IRR,
  "The ruling party, however, has dismissed the allegations, calling them baseless.", claim_in=IRR,
  note="\"calling them baseless\" is a second cue in the same clause")
D(d, "counterclaim", "They", "pronoun", "claim", IRR,
  "They claim that the election was free and fair and that the results reflect the will of the people.", claim_in=IRR,
  ref="The ruling party", other="the election was free and fair and that the results reflect the will of the people")

# ---- gaza-ministry-audit-2025 (war casualty figures: a ministry and its challengers)
d = "gaza-ministry-audit-2025"
TOLL = "over 51,200 Palestinians have perished since the onset of hostilities in the region"
D(d, "inline", "The Gaza health ministry", "name", "disputed", "inflated death toll figures",
  "The Gaza health ministry has disputed claims of inflated death toll figures")
D(d, "inline", "Gaza Health Ministry", "name", "Pushes Back Against", "Death Toll Manipulation",
  "Gaza Health Ministry Pushes Back Against Death Toll Manipulation Claims\n", note="headline")
D(d, "anaphoric", "Israel", "name", "challenge its accuracy", TOLL, "causing Israel to challenge its accuracy", claim_in=TOLL)
D(d, "rebuttal", "Israeli officials", "group", "serve as Hamas propaganda", TOLL,
  "Israeli officials argue that these statistics serve as Hamas propaganda", claim_in=TOLL)
D(d, "counterclaim", "Zaher al-Wahidi", "name", "insists", "manipulations regarding fatalities",
  "However, Gazan health official Zaher al-Wahidi insists that this was part of a meticulous verification process rather than an attempt to manipulate data",
  claim_in="accusations of inaccuracies and manipulations regarding fatalities",
  other="this was part of a meticulous verification process rather than an attempt to manipulate data")

# ---- pakistan-rejects-jet-claim-2025 (war claims: a defence minister rejecting an air force chief's tally)
d = "pakistan-rejects-jet-claim-2025"
SIX = "it shot down six Pakistani aircraft, including five fighter jets"
S1 = "Pakistan on Saturday firmly rejected India’s assertion that " + SIX
D(d, "rebuttal", "Pakistan", "name", "Implausible", "Downing Six Jets", "Pakistan Blasts India’s Claim of Downing Six Jets as “Implausible”",
  note="headline; \"Blasts\" is a second cue")
D(d, "inline", "Pakistan", "name", "firmly rejected", SIX, S1, disputer_in="Pakistan on Saturday")
D(d, "rebuttal", "Khawaja Asif", "name", "implausible", SIX,
  "Pakistani Defense Minister Khawaja Asif labeled the Indian claim as “implausible”", claim_in=S1)
D(d, "counterclaim", "Asif", "name", "declared", SIX,
  "\"Not a single Pakistani aircraft was hit or destroyed by India,\" Asif declared.", claim_in=S1,
  other="Not a single Pakistani aircraft was hit or destroyed by India")
D(d, "rebuttal", "He", "pronoun", "inaccurate", SIX, "He further condemned the late claim as both inaccurate", claim_in=S1, ref="Asif")

# ---- india-rejects-jet-claim-2025 (war claims: a government denying losses)
d = "india-rejects-jet-claim-2025"
FIVE = "it shot down five Indian Air Force jets and a drone"
ISPR = "the downed aircraft included three French-made Rafale jets, one MiG-29, and one Sukhoi Su-30"
D(d, "anaphoric", "India", "name", "Rejects", "Downing 5 Indian Jets",
  "India Rejects Claims as Unsubstantiated", claim_in="Pakistan Claims Downing 5 Indian Jets in Retaliation",
  note="headline; \"as Unsubstantiated\" is a second cue")
D(d, "anaphoric", "India", "name", "categorically denied", FIVE, "India has categorically denied these claims", claim_in=FIVE,
  note="the same clause goes on \"asserting that no aircraft were lost and labeling Pakistan’s assertions as part of a misinformation campaign\": one case")
D(d, "anaphoric", "India’s Ministry of Defense", "name", "dismissed", ISPR,
  "India’s Ministry of Defense has dismissed Pakistan’s claims, stating that all aircraft involved in Operation Sindoor returned safely to their bases.", claim_in=ISPR,
  note="\"stating that all aircraft ... returned safely\" is the counter-account in the same clause")
D(d, "rebuttal", "The Indian government", "nominal", "false narratives", None,
  "The Indian government has accused Pakistan of spreading false narratives",
  claim_text="Pakistan's accounts of the clash", note="no one statement of Pakistan's is named")
D(d, "rebuttal", "Press Information Bureau", "name", "debunking", "a supposed Rafale jet crash near Bahawalpur",
  "with the Press Information Bureau (PIB) debunking viral images of a supposed Rafale jet crash near Bahawalpur as old and unrelated")

# ---- sudan-army-convoy-denial-2025 (war: an army denying an accusation; conflicting tolls)
d = "sudan-army-convoy-denial-2025"
STRIKE = "it carried out an airstrike on a World Food Program (WFP) convoy delivering humanitarian aid in Darfur"
S1 = "The Sudanese army on Thursday denied accusations by the paramilitary Rapid Support Forces (RSF) that " + STRIKE
D(d, "inline", "The Sudanese army", "name", "denied", STRIKE, S1)
D(d, "rebuttal", "the army", "nominal", "fabricated", STRIKE, "the army said the RSF’s claims were “fabricated”", claim_in=S1, ref="Sudanese army")
D(d, "counterclaim", "the army", "nominal", "said", STRIKE,
  "cannot under any circumstances target convoys carrying aid destined for our people,” the army said.", claim_in=S1, ref="Sudanese army",
  other="cannot under any circumstances target convoys carrying aid destined for our people")
D(d, "figures", "Research from US universities", "metonym", "estimates", "killed more than 20,000 victims",
  "Research from US universities, however, estimates the death toll at around 130,000.",
  claim_in="The army and RSF have been fighting a war since April 2023 that has killed more than 20,000 victims",
  other="the death toll at around 130,000")

# ---- sudan-army-uae-residence-2024 (war: an army denying a state's accusation)
d = "sudan-army-uae-residence-2024"
BOMB = "bombing the residence of its ambassador in Khartoum"
S1 = "The Sudanese Armed Forces (SAF) on Monday denied an accusation by the United Arab Emirates (UAE) of " + BOMB
D(d, "inline", "Sudanese Armed Forces", "name", "denied", BOMB, S1)
D(d, "counterclaim", "SAF", "name", "asserts", BOMB, "\"The SAF asserts that it does not target the headquarters of diplomatic missions",
  claim_in=S1, other="it does not target the headquarters of diplomatic missions")
D(d, "counterclaim", "SAF", "name", "held", BOMB,
  "The SAF held the paramilitary Rapid Support Forces (RSF) responsible for carrying out the attacks", claim_in=S1,
  other="the paramilitary Rapid Support Forces (RSF) responsible for carrying out the attacks")

# ---- rsf-denies-violations-2024 (war: a paramilitary denying reports; a state denying a charge)
d = "rsf-denies-violations-2024"
D(d, "anaphoric", "Rapid Support Forces", "name", "denied", "mass atrocities in their 19-month war with the army",
  "Sudan’s paramilitary Rapid Support Forces, accused of mass atrocities in their 19-month war with the army, on Monday, denied responsibility for violations")
UAEW = "receiving weapons from the United Arab Emirates"
D(d, "inline", "Members of an RSF delegation", "group", "refuted", UAEW,
  "Members of an RSF delegation, speaking to journalists in Nairobi, Kenya, also refuted widespread reports of " + UAEW)
D(d, "counterclaim", "Omar Hamdan Ahmed", "name", "said", UAEW,
  "“We don’t get any assistance from any country whatever,” said delegation head, General Omar Hamdan Ahmed", claim_in=UAEW,
  other="We don’t get any assistance from any country whatever")
D(d, "relative", "Cairo", "metonym", "denied", "extensive support for the Sudanese army, including air strikes",
  "he accused Egypt of extensive support for the Sudanese army, including air strikes, a claim Cairo has denied.")

# ---- boeing-whistleblower-afp-2024 (a company rejecting a whistleblower's charges)
d = "boeing-whistleblower-afp-2024"
S = "Boeing, which has been under scrutiny following recent safety problems, released a detailed defense of the aircraft, saying it is \"fully confident\" in the Dreamliner and denying charges it retaliated against the worker."
D(d, "inline", "Boeing", "name", "denying", "it retaliated against the worker", S)
D(d, "counterclaim", "Boeing", "name", "saying", "\"critical defects\" on nearly 1,500 Boeing planes", S,
  claim_in="who pointed to \"critical defects\" on nearly 1,500 Boeing planes", other="it is \"fully confident\" in the Dreamliner",
  note="borderline kept: the company's confidence in the aircraft against the attorneys' defects")

# ---- golan-rocket-hezbollah-ap-2024 (war: a militant group denying a strike, the army rebutting)
d = "golan-rocket-hezbollah-ap-2024"
S1 = "Hezbollah quickly denied any role in the strike, which the Israeli military blamed on the militant group."
D(d, "inline", "Hezbollah", "name", "denied", "any role in the strike", S1)
S3 = "“Our intelligence is clear. Hezbollah is responsible for the killing of innocent children, teens,” said Rear Admiral Daniel Hagari, adding that Hezbollah was lying in its denial of involvement in the incident."
D(d, "counterclaim", "Daniel Hagari", "name", "said", "any role in the strike", S3, claim_in=S1,
  other="Hezbollah is responsible for the killing of innocent children, teens",
  note="the disputed claim is Hezbollah's denial (no role); the army's account contradicts it")
D(d, "rebuttal", "Daniel Hagari", "name", "lying", "any role in the strike", S3, claim_in=S1,
  note="\"Hezbollah was lying in its denial\": the denial is the claim disputed")

# ---- icmr-covaxin-study-2024 (health and science: an agency rejecting a study)
d = "icmr-covaxin-study-2024"
AESI = "long-term “adverse events of special interest (AESI)” in a group of over 926 persons a year after they were administered Bharat Biotech’s Covaxin"
D(d, "rebuttal", "Indian Council of Medical Research", "name", "poorly designed study with critical flaws", AESI,
  "the Indian Council of Medical Research (ICMR) on Monday called it a “poorly designed study with critical flaws”", claim_in=AESI)
D(d, "rebuttal", "ICMR", "name", "had no control group", AESI,
  "The ICMR said the study had no control group of unvaccinated individuals", claim_in=AESI)
D(d, "rebuttal", "ICMR", "name", "four critical flaws",
  "new-onset skin and subcutaneous disorders, general disorders, and nervous system disorders are common AESIs in adolescents",
  "The ICMR listed four critical flaws in the study.",
  claim_in="new-onset skin and subcutaneous disorders, general disorders, and nervous system disorders are common AESIs in adolescents")

# ---- man-city-charges-denial-2024 (sport: a club denying a league's charges)
d = "man-city-charges-denial-2024"
CHG = "illicit financing and un-cooperation in the period between 2009 and 2018"
D(d, "anaphoric", "Manchester City", "name", "denial", CHG,
  "Manchester City have reiterated their insistence that they have “irrefutable evidence” to back up their denial of all 115 financial charges",
  claim_in=CHG, note="the charges are stated in the next paragraph (the nearest statement)")
D(d, "relative", "the club", "nominal", "strongly denies", CHG, "allegations the club strongly denies in full", claim_in=CHG, ref="City")
D(d, "anaphoric", "Manchester City", "name", "complete denial stance", CHG,
  "Manchester City have reiterated their complete denial stance", claim_in=CHG)

# ---- china-treasury-hack-2024 (a government rejecting a hacking accusation)
d = "china-treasury-hack-2024"
HACK = "a cyberattack allegedly orchestrated by “Chinese government-backed hackers.”"
S1 = "On Tuesday, China firmly rejected recent accusations from the U.S. Department of the Treasury regarding " + HACK
ATTR = "attributed the breach to hackers purportedly supported by the Chinese government"
D(d, "inline", "China", "name", "firmly rejected", HACK, S1)
D(d, "rebuttal", "Mao Ning", "name", "groundless", HACK,
  "Mao Ning, addressed the claims during a regular press briefing, denouncing them as groundless", claim_in=S1)
D(d, "rebuttal", "she", "pronoun", "false information", ATTR,
  "condemns the dissemination of false information against China for political purposes,” she stated.", claim_in=ATTR, ref="Mao Ning")
D(d, "rebuttal", "She", "pronoun", "unfounded claims", ATTR,
  "She urged the United States to refrain from making unfounded claims", claim_in=ATTR, ref="Mao Ning")

# ---- tiktok-eu-fine-china-2025 (a government denying data-access allegations)
d = "tiktok-eu-fine-china-2025"
D(d, "inline", "The Chinese government", "name", "firm denial", "it engages in unauthorized access to user data through companies like TikTok",
  "The Chinese government has issued a firm denial of allegations that it engages in unauthorized access to user data through companies like TikTok")
D(d, "inline", "China’s Ministry of Foreign Affairs", "name", "rejected", "state-backed data collection",
  "China’s Ministry of Foreign Affairs rejected any claims of state-backed data collection")

# ---- alison-madueke-trial-uk (courts: a former minister and co-defendants denying charges)
d = "alison-madueke-trial-uk"
ACC = "accepting lavish gifts and financial benefits from businessmen in exchange for using her position to influence oil and gas contracts"
GIFTS = "the former minister received luxury properties, large sums of cash, expensive shopping sprees, private jet flights and other benefits during her time in office"
D(d, "anaphoric", "Alison-Madueke", "name", "Denies", ACC, "Ex-Minister Alison-Madueke Denies Bribery Charges in UK Trial", claim_in=ACC,
  note="headline; the charges are stated in the next paragraph")
D(d, "anaphoric", "Diezani Alison-Madueke", "name", "pleaded not guilty", ACC,
  "Diezani Alison-Madueke, on Monday pleaded not guilty to bribery charges", claim_in=ACC,
  note="a plea of not guilty is a formal denial of the charge")
D(d, "anaphoric", "Alison-Madueke", "name", "firmly denied", GIFTS, "Appearing before the court, Alison-Madueke firmly denied all allegations",
  claim_in=GIFTS, note="\"entering a plea of not guilty\" is a second cue in the same clause")
D(d, "counterclaim", "Her legal team", "nominal", "argues", GIFTS,
  "Her legal team argues that she did not abuse her office", claim_in=GIFTS, other="she did not abuse her office",
  note="also \"the prosecution’s case is based on assumptions rather than direct evidence\" in the same clause")
D(d, "anaphoric", "All co-defendants", "group", "similarly denied", "acting as intermediaries in the alleged bribery scheme",
  "All co-defendants have similarly denied the charges.",
  claim_in="other defendants accused of acting as intermediaries in the alleged bribery scheme")

with open(os.path.join(OUT, "disputes.jsonl"), "w", encoding="utf-8") as f:
    for c in CASES:
        f.write(json.dumps(c, ensure_ascii=False) + "\n")
docs = sorted({c["doc"] for c in CASES})
missing = sorted(set(BODY) - set(docs))
assert not missing, ("articles without a case", missing)
shapes = {}
for c in CASES:
    shapes[c["shape"]] = shapes.get(c["shape"], 0) + 1
print("%d cases in %d articles: %s" % (len(CASES), len(docs), ", ".join("%s %d" % kv for kv in sorted(shapes.items()))))
