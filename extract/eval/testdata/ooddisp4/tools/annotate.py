"""Builds disputes.jsonl of the fourth out-of-domain dispute set (ooddisp4) (format of
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
TUNE = ["kamal-adwan-hospital-2024", "sudan-famine-declaration-2024", "afghanistan-floods-toll-2024",
        "letitia-james-plea-2025", "microsoft-layoffs-rumour-2023", "kayunga-cholera-toll-2023"]
UNSEEN = ["al-shifa-hospital-denial-2023", "sudan-minister-famine-2024", "nigeria-mokwa-flood-toll-2025",
          "mohali-cholera-deaths-2024", "beijing-ukraine-accusation-2025", "bankman-fried-plea-2023"]

# ======== tune half ========

# ---- kamal-adwan-hospital-2024 (war: an army denying reports that it struck a hospital)
d = "kamal-adwan-hospital-2024"
STRUCK = "it had struck or entered the Kamal Adwan Hospital in northern Gaza"
STRUCK_S = "The Israeli military on Friday denied reports " + STRUCK
D(d, "inline", "Israel military", "nominal", "denies", "striking Kamal Adwan Hospital in north Gaza",
  "Israel military denies striking Kamal Adwan Hospital in north Gaza", note="headline")
D(d, "inline", "The Israeli military", "nominal", "denied", STRUCK, STRUCK_S,
  note="'saying it was operating \"adjacent\" to the facility' gives the army's account in the same sentence")
D(d, "anaphoric", "it", "pronoun", "Contrary to the reports", STRUCK,
  "\"Contrary to the reports made over the past day, the (military) did not strike the Kamal Adwan hospital or operate within it\", it said in a statement.",
  claim_in=STRUCK_S, ref="The Israeli military", disputer_in="it said in a statement",
  note="quoted; 'did not strike ... or operate within it' negates the reports in the same sentence")

# ---- sudan-famine-declaration-2024 (famine: a government rejecting a UN-backed report)
d = "sudan-famine-declaration-2024"
FAM = "famine had spread to five areas of the country"
FAM_S = "The Sudanese government on Sunday in a strong term rejected a report backed by the United Nations which stated that " + FAM
D(d, "inline", "The Sudanese government", "nominal", "rejected", FAM, FAM_S,
  note="the claim is the relative clause of the report rejected")
D(d, "anaphoric", "The country’s foreign ministry", "nominal", "categorically rejects", FAM,
  "The country’s foreign ministry, in a statement, said it categorically rejects the IPC’s description of the situation in Sudan as a famine.",
  claim_in=FAM_S)
D(d, "rebuttal", "The statement", "metonym", "essentially speculative", FAM,
  "The statement described the report as essentially speculative, accusing the IPC of procedural and transparency failings.",
  claim_in=FAM_S,
  note="'accusing the IPC of procedural and transparency failings' is an accusation, no second dispute; the next sentence ('the team did not have access to updated field data') gives reasons and is left out")

# ---- afghanistan-floods-toll-2024 (floods: two death tolls)
d = "afghanistan-floods-toll-2024"
TOLL_S = "The official death toll from devastating flash floods in northern Afghanistan has risen to 153 people across three provinces"
D(d, "figures", "the World Food Progamme", "name", "actually double that", "153 people",
  "the Taliban's interior ministry said on Saturday, while the World Food Progamme said it was actually double that.",
  claim_in=TOLL_S, other="it was actually double that")
D(d, "figures", "The WFP", "name", "said", "153 people",
  "The WFP, which operates throughout Afghanistan, said on X that floods had killed more than 300 people.",
  claim_in=TOLL_S, other="floods had killed more than 300 people",
  note="'It did not give a source for its figure' (the article's own voice) is reporting, not a judgement: left out")
D(d, "figures", "a ministry spokesperson", "nominal", "said", "floods had killed more than 300 people",
  "When asked about the WFP figure, a ministry spokesperson said its figure was still 153",
  claim_in="said on X that floods had killed more than 300 people", other="its figure was still 153",
  ref="the Taliban's interior ministry", note="the ministry keeps its figure against the WFP's")

# ---- letitia-james-plea-2025 (courts: a plea of not guilty and denials)
d = "letitia-james-plea-2025"
MORT = "she misrepresented how she would use a house she bought in 2020 in Norfolk, southeast Virginia, so she could obtain a lower interest rate on her mortgage"
MORT_S = "alleging that " + MORT
D(d, "anaphoric", "James", "name", "pleads not guilty", MORT,
  "New York AG James pleads not guilty to both federal bank fraud charges", claim_in=MORT_S,
  note="headline; a plea of not guilty is a formal denial of the charge (as in ../ooddisp); cataphoric")
D(d, "anaphoric", "Letitia James", "name", "pleaded not guilty", MORT,
  "New York Attorney General Letitia James reportedly pleaded not guilty Friday in a Virginia court to two charges of federal bank fraud.",
  claim_in=MORT_S, note="cataphoric: the charges are stated two sentences later")
D(d, "anaphoric", "James", "name", "Not guilty", MORT,
  "\"Not guilty judge to both counts,\" James reportedly said in the hearing", claim_in=MORT_S,
  note="the plea as quoted")
D(d, "rebuttal", "James", "name", "baseless", MORT, "James has called the charges \"baseless.\"", claim_in=MORT_S)
D(d, "rebuttal", "she", "pronoun", "nothing more than a continuation of the president's desperate weaponization of our justice system", MORT,
  "\"This is nothing more than a continuation of the president's desperate weaponization of our justice system,\" she said before the hearing.",
  claim_in=MORT_S, ref="James", note="borderline: the charges judged political persecution")
D(d, "anaphoric", "Abbe Lowell", "name", "flatly and forcefully denies", MORT,
  "James' attorney, Abbe Lowell, said before the hearing that his client \"flatly and forcefully denies these charges,\"",
  claim_in=MORT_S, note="'driven by President Trump's desire for revenge' is a second cue of the same sentence")

# ---- microsoft-layoffs-rumour-2023 (business: a company denying a layoff report)
d = "microsoft-layoffs-rumour-2023"
LAY = "it plans to lay off thousands of staff in its engineering and human resources departments"
LAY_S = "Microsoft Corporation MSFT has reportedly denied that " + LAY
D(d, "inline", "Microsoft Corporation", "name", "denied", LAY, LAY_S)
D(d, "rebuttal", "a Microsoft spokesperson", "nominal", "rumor", LAY,
  "The denial was made in an email to Gizmodo, with a Microsoft spokesperson calling reports of the impending layoffs a “rumor.”",
  claim_in=LAY_S, note="'The denial' refers to the first sentence's; one case. The spokesperson's quotation ('we evaluate our business priorities') contradicts nothing: left out")

# ---- kayunga-cholera-toll-2023 (health: two cholera death counts)
d = "kayunga-cholera-toll-2023"
D(d, "figures", "the Ministry of Health", "name", "However", "at least seven people have succumbed to cholera",
  "However, according to the Ministry of Health, only two suspected cholera deaths have been registered.",
  claim_in="District Health officials in Kayunga say at least seven people have succumbed to cholera.",
  other="only two suspected cholera deaths have been registered")

# ======== unseen half (scored only; its misses are never read) ========

# ---- al-shifa-hospital-denial-2023 (war: an army denying reports about a hospital)
d = "al-shifa-hospital-denial-2023"
TARG_S = "The Israeli military has denied this evening that it has targeted al-Shifa hospital, Gaza’s largest, calling as “false” reports that its forces have “surrounded it and are hitting it”."
ACCUSE = "being responsible for the attack on Al Shifa Hospital"
D(d, "rebuttal", "Daniel Hagari", "name", "lying", None,
  "“Hamas is lying about what is happening in the hospitals,” said army spokesman Rear Admiral Daniel Hagari",
  claim_text="Hamas's account of what is happening in the hospitals (not stated in the text)", note="headline")
D(d, "inline", "The Israeli military", "nominal", "denied", "it has targeted al-Shifa hospital", TARG_S)
D(d, "rebuttal", "The Israeli military", "nominal", "false", "its forces have “surrounded it and are hitting it”", TARG_S,
  note="a second claim in the same sentence, with its own cue")
D(d, "rebuttal", "Daniel Haggari", "name", "False information", "we are encircling and hitting Al Shifa hospital",
  "“False information has been circulating in the last few hours that we are encircling and hitting Al Shifa hospital,” said army spokesman Rear Admiral Daniel Haggari.")
D(d, "rebuttal", "Hagari", "name", "lying", None,
  "“Hamas is lying about what is happening in the hospitals,” Hagari said.",
  claim_text="Hamas's account of what is happening in the hospitals (not stated in the text)")
D(d, "counterclaim", "he", "pronoun", "continued", ACCUSE,
  "We checked our systems and found that it was a rocket that was mistakenly fired and belonged to the terrorist organizations of the Gaza Strip,” he continued",
  claim_in="Yesterday, he was quick to accuse us of " + ACCUSE,
  other="it was a rocket that was mistakenly fired and belonged to the terrorist organizations of the Gaza Strip",
  ref="Hagari", disputer_in="” he continued", note="answers Hamas's accusation with another cause of the blast")

# ---- sudan-minister-famine-2024 (famine: a minister denying a famine)
d = "sudan-minister-famine-2024"
HUNGER = "755,000 people are facing severe hunger"
DEN_S = "Sudan's Agriculture Minister, Abubakr al-Bushra, denied that there is a famine in the country, challenging U.N. reports that " + HUNGER
D(d, "inline", "Abubakr al-Bushra", "name", "denied", "there is a famine in the country", DEN_S)
D(d, "inline", "Abubakr al-Bushra", "name", "challenging", HUNGER, DEN_S,
  note="a second claim in the same sentence, with its own cue. 'He also rejected the idea of allowing aid agencies ...' rejects a proposal: no dispute")
D(d, "anaphoric", "al-Bushra", "name", "cast doubt on the accuracy", HUNGER,
  "Speaking in Port Sudan, al-Bushra argued that 755,000 people are a small fraction of Sudan's 50 million population and cast doubt on the accuracy of the hunger data in RSF-controlled areas.",
  claim_in=DEN_S)

# ---- nigeria-mokwa-flood-toll-2025 (floods: two death tolls)
d = "nigeria-mokwa-flood-toll-2025"
HEAD = "Authorities put the death toll from the rains in Nigeria at 153, but a local leader speaks of 203"
T203_S = "However, a community leader from Mokwa, Lawal Abubakar, put the death toll at 203."
D(d, "figures", "a local leader", "nominal", "but", "the death toll from the rains in Nigeria at 153", HEAD,
  other="speaks of 203", note="headline")
D(d, "figures", "Lawal Abubakar", "name", "However", "the death toll from the rains in Nigeria at 153", T203_S,
  claim_in=HEAD, other="put the death toll at 203",
  note="'So far, we have recovered 203' restates his figure: left out")
D(d, "rebuttal", "the NSEMA spokesperson", "nominal", "exaggerated", "the death toll at 203",
  "But the NSEMA spokesperson claimed that the figure provided by the community leader was exaggerated.", claim_in=T203_S)
D(d, "anaphoric", "he", "pronoun", "We do not agree with that figure", "the death toll at 203",
  "\"We do not agree with that figure (...). We still have less than 200. Right now I am in Mokwa. We have no record of 203 corpses,\" he explained to EFE.",
  claim_in=T203_S, ref="the NSEMA spokesperson",
  note="'We still have less than 200' and 'We have no record of 203 corpses' are further cues of the same quotation")

# ---- mohali-cholera-deaths-2024 (health: doctors denying deaths in an outbreak)
d = "mohali-cholera-deaths-2024"
DIED = "a five-year-old girl and a 45-year-old man residing next door to the girl died due to stomach infection and vomits"
DIED_S = "Even when the families and neighbours claimed that " + DIED
D(d, "inline", "doctors at the civil hospital", "group", "denied", DIED,
  "doctors at the civil hospital denied any death due to the outbreak", claim_in=DIED_S,
  note="'citing that no such patients came for the treatment' gives their reason")
D(d, "counterclaim", "Dr Harmandeep Kaur", "name", "said", DIED,
  "We, so far, have no death due to the outbreak and the situation is under control,” district epidemiologist Dr Harmandeep Kaur said.",
  claim_in=DIED_S, other="We, so far, have no death due to the outbreak",
  note="'there is a possibility that it aspirated into her lungs' (another cause of the girl's death) is part of the same quotation")
D(d, "anaphoric", "the health department", "nominal", "denied", "died due to stomach infection too",
  "However, Sripal, 45, a carpenter, according to his neighbours, died due to stomach infection too but the health department denied the same.")

# ---- beijing-ukraine-accusation-2025 (diplomacy: a government dismissing an allegation)
d = "beijing-ukraine-accusation-2025"
ASSIST = "Chinese fighters and companies were directly assisting Russia’s military"
ASSIST_S = "Beijing on Wednesday dismissed as “groundless” Ukraine’s allegation that " + ASSIST
D(d, "inline", "Beijing", "metonym", "dismissed as “groundless”", ASSIST, ASSIST_S)
D(d, "rebuttal", "Guo Jiakun", "name", "groundless accusations", ASSIST,
  "“China firmly opposes groundless accusations and political manipulation,” foreign ministry spokesman Guo Jiakun said",
  claim_in=ASSIST_S)

# ---- bankman-fried-plea-2023 (courts: a plea of not guilty and a denial)
d = "bankman-fried-plea-2023"
STOLE = "Bankman-Fried stole billions of dollars in FTX customer funds"
D(d, "anaphoric", "Sam Bankman-Fried", "name", "pleaded not guilty", "a new indictment alleging fraud and conspiracy charges",
  "Sam Bankman-Fried, founder of the now-bankrupt cryptocurrency exchange FTX, pleaded not guilty on Tuesday to a new indictment alleging fraud and conspiracy charges.",
  note="a plea of not guilty is a formal denial of the charge (as in ../ooddisp); the charges are stated only by name")
D(d, "anaphoric", "Bankman-Fried", "name", "entered his plea", "a new indictment alleging fraud and conspiracy charges",
  "Bankman-Fried entered his plea in Manhattan federal court",
  claim_in="pleaded not guilty on Tuesday to a new indictment alleging fraud and conspiracy charges",
  note="borderline: the same plea named again")
D(d, "inline", "Bankman-Fried", "name", "denied", STOLE,
  "Bankman-Fried has acknowledged risk management failures at FTX but denied stealing funds.",
  claim_in="Prosecutors say " + STOLE, note="'denied stealing funds' answers the prosecutors' claim of the previous sentence")

_SET.write_halves(OUT, TUNE, UNSEEN)
