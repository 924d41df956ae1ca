"""Builds disputes.jsonl of the second out-of-domain dispute set (ooddisp2) (format of
extract/eval/disputes/testdata/README.md, the shared dispute format, see README.md).

Every span is found by searching the article body (code point offsets, end exclusive),
never typed by hand. Bodies are read from the *.md files next to this script's
directory (the text after the closing "---" line of the front matter).
The disputes were annotated before the extractor was run on these articles.
Run: python3 annotate.py   (from any directory)
"""
import os, sys

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "ood", "tools"))
import spans  # noqa: E402  (the span helpers the out-of-domain sets share)
import disputecases  # noqa: E402  (the dispute-case builder of ooddisp and ooddisp2)

BODY = spans.read_bodies(OUT)
_SET = disputecases.DisputeCases(BODY)
within, before, D, CASES = _SET.within, _SET.before, _SET.add, _SET.cases



# Halves (README.md): TUNE texts may be read for their misses; UNSEEN texts are only scored.
TUNE = ["mea-uk-report-2025", "kramatorsk-strike-claim-2023", "ghana-minister-bribe-denial-2023",
        "afghan-cholera-denial-2024", "tesla-buffalo-layoffs-2023", "pakistan-minister-rebuts-khan-2024"]
UNSEEN = ["india-ec-rigging-2025", "liberia-minister-sanctions-2023", "nigeria-presidency-nwosu-2025",
          "uganda-ebola-minister-2025", "guinea-ebola-rumours-2024", "trump-trial-closing-dawn-2024"]

# ======== tune half ========

# ---- mea-uk-report-2025 (politics: a ministry rejecting a foreign parliament's report)
d = "mea-uk-report-2025"
TNR_S = "a report by a British parliamentary committee that accused India of carrying out transnational repression (TNR) activities in the United Kingdom"
TNR = "carrying out transnational repression (TNR) activities in the United Kingdom"
D(d, "anaphoric", "MEA", "name", "Rejects", TNR, "MEA Rejects ‘Baseless Allegations’ In UK Parliamentary Report", claim_in=TNR_S,
  note="headline; 'Baseless' is a second cue of the same clause")
D(d, "rebuttal", "MEA", "name", "baseless", "transnational repression",
  "MEA criticised the UK report accusing India of transnational repression, terming the allegations baseless")
D(d, "rebuttal", "The Ministry of External Affairs", "name", "baseless", TNR,
  "The Ministry of External Affairs (MEA) on Friday strongly criticised " + TNR_S + ", stating that such allegations are “baseless”",
  note="the claim is in a relative clause of the report; the judging word is the dispute")
D(d, "anaphoric", "the MEA", "name", "Firmly dismissing", TNR,
  "Firmly dismissing the claims, the MEA stated", claim_in=TNR_S,
  note="'the accusations are based on unverifiable and dubious inputs' is a second cue of the same clause")
D(d, "anaphoric", "Randhir Jaiswal", "name", "unequivocally reject", TNR,
  "unequivocally reject these baseless allegations. These accusations arise from unverifiable and questionable sources, mostly linked to banned organisations and individuals with a well-documented record of anti-India bias,” MEA spokesperson Randhir Jaiswal said",
  claim_in=TNR_S, note="quoted; the next quoted sentence (sources questionable) and 'the statement further noted' (doubts about the report's credibility) judge the sources, not the claim: left out as borderline")

# ---- kramatorsk-strike-claim-2023 (war: a strike and its toll denied)
d = "kramatorsk-strike-claim-2023"
STRIKE = "it had carried out a devastating \"retaliatory strike\" in eastern Ukraine"
TOLL = "More than 600 Ukrainian servicemen were killed"
D(d, "relative", "Kyiv", "metonym", "quickly denied", STRIKE,
  "Russia said Sunday it had carried out a devastating \"retaliatory strike\" in eastern Ukraine to avenge a recent deadly attack on its troops, a claim quickly denied by Kyiv.")
D(d, "anaphoric", "Ukraine's armed forces", "name", "rejected", TOLL,
  "Ukraine's armed forces rejected Russia's claim about the Kramatorsk attack.", claim_in="\"" + TOLL + "\" by a missile strike",
  note="the claim about the Kramatorsk attack is the toll the ministry's statement gave")
D(d, "rebuttal", "Sergiy Cherevaty", "name", "as true as the data that they have destroyed all of our HIMARS", TOLL,
  "\"This information is as true as the data that they have destroyed all of our HIMARS,\" Sergiy Cherevaty", claim_in="\"" + TOLL + "\" by a missile strike",
  note="sarcasm: likens the claim to one known false; 'Cherevaty said Russia could not deliver high-precision strikes' is left out (it does not contradict the toll)")

# ---- ghana-minister-bribe-denial-2023 (politics: a minister denying a bribe allegation)
d = "ghana-minister-bribe-denial-2023"
S1 = "Works and Housing Minister Francis Asenso-Boakye has denied allegations of bribery in 2017."
BRIBE = "Asenso-Boakye requested a bribe of $20,000 for access to meet President Akufo-Addo"
D(d, "inline", "Francis Asenso-Boakye", "name", "denied", "bribery in 2017", S1)
D(d, "rebuttal", "He", "pronoun", "false and evil", "bribery in 2017", "He describes the claims as \"false and evil\".", claim_in=S1,
  ref="Francis Asenso-Boakye", note="the allegation is stated only after; the nearest statement before is 'bribery in 2017'")
D(d, "anaphoric", "the Bantama MP", "nominal", "rubbished", BRIBE,
  "the Bantama MP rubbished accusations leveled against him by businessman Claude Convincer Davit", claim_in=BRIBE, ref="Francis Asenso-Boakye",
  note="cataphoric: the allegation is stated in the next sentence")
D(d, "counterclaim", "the Minister", "nominal", "said", BRIBE,
  "However, the Minister said \"he does not know the gentleman in question\" and \"has never met him nor had any interaction whatsoever with him.\"",
  claim_in=BRIBE, other="has never met him nor had any interaction whatsoever with him", ref="Asenso-Boakye")
D(d, "rebuttal", "Paul Yandoh", "name", "It was false then, and it is false today", BRIBE,
  "Asenso-Boakye's media assistant Paul Yandoh who issued the statement noted that \"repetition of a false allegation does not make it true. It was false then, and it is false today.\"",
  claim_in=BRIBE, note="'a false allegation' is a second cue of the same quotation; 'Should he repeat this false allegation' (a threat of action) left out as borderline")

# ---- afghan-cholera-denial-2024 (health: a ministry refuting reports of cholera)
d = "afghan-cholera-denial-2024"
CH_S = "the Ministry of Public Health in Afghanistan has categorically refuted the published reports regarding the presence of cholera cases and deaths within the country"
CH = "the presence of cholera cases and deaths within the country"
D(d, "inline", "The Ministry of Public Health", "name", "denies", "cholera cases", "The Ministry of Public Health denies the report of cholera cases",
  note="headline")
D(d, "inline", "the Ministry of Public Health in Afghanistan", "name", "categorically refuted", CH, CH_S)
D(d, "rebuttal", "The ministry", "nominal", "inaccurate and misleading", CH,
  "The ministry has highlighted that the information shared by certain media outlets is inaccurate and misleading", claim_in=CH_S,
  ref="Ministry of Public Health in Afghanistan")
D(d, "counterclaim", "The Ministry of Public Health", "name", "clarified", CH,
  "The Ministry of Public Health clarified that the data used in the report does not reflect the actual situation of cholera cases in Afghanistan.",
  claim_in=CH_S, other="the data used in the report does not reflect the actual situation of cholera cases in Afghanistan")
D(d, "rebuttal", "the Ministry of Public Health in Afghanistan", "name", "incorrectly attributed", CH,
  "the Ministry of Public Health in Afghanistan asserts that the reported cases within the country have been incorrectly attributed to cholera", claim_in=CH_S,
  note="'mistakenly associated with cholera' in the reporter's account of the statement and 'the spread of false information' (not aimed at one claim) left out")

# ---- tesla-buffalo-layoffs-2023 (business: a company answering a union's complaint)
d = "tesla-buffalo-layoffs-2023"
FIRED = "the company fired dozens of employees from its Autopilot department at its Buffalo, New York, plant a day after workers launched a unionization campaign"
D(d, "anaphoric", "the firm", "nominal", "refuted", FIRED,
  "In an attempt to dissuade unionization, the firm refuted all allegations", claim_in=FIRED, ref="Tesla",
  note="'claiming that the employees were laid off owing to poor performance' is a second cue of the same clause; the union's accusation of retaliation is answered by this denial (one cue, one case)")
D(d, "counterclaim", "it", "pronoun", "stated", FIRED,
  "Furthermore, it stated that the impacted employees were identified on Feb. 3, before the announcement of the union campaign.", claim_in=FIRED,
  other="the impacted employees were identified on Feb. 3, before the announcement of the union campaign", ref="the firm")
D(d, "counterclaim", "the company", "nominal", "said", FIRED,
  "the company said, adding that the layoffs predated any union campaign", claim_in=FIRED, other="the layoffs predated any union campaign", ref="Tesla",
  note="also the quotation before it (aware of organizing ten days later)")

# ---- pakistan-minister-rebuts-khan-2024 (politics: a minister rebutting a former premier)
d = "pakistan-minister-rebuts-khan-2024"
KHAN = "the senior military leadership “implicated” him and his wife Bushra Bibi in the Toshakhana corruption case"
D(d, "anaphoric", "A senior Pakistani minister", "nominal", "rebutted", KHAN,
  "A senior Pakistani minister on Sunday rebutted former prime minister Imran Khan’s allegations", claim_in=KHAN,
  note="cataphoric; 'saying his claims were “false, fabricated and baseless.\"' is a second cue of the same clause")
D(d, "rebuttal", "the minister", "nominal", "Totally false, fabricated and baseless", KHAN,
  "“Totally false, fabricated and baseless allegations without any proof or evidence,” the minister said", claim_in=KHAN, ref="Attaullah Tarar",
  note="the allegations against the military brass; their first statement is the claim. 'they stemmed “from a state of panic and despair”' (a motive, not a falsity) left out")

# ======== unseen half (scored only; its misses are never read) ========

# ---- india-ec-rigging-2025 (politics: an election commission rejecting rigging claims)
d = "india-ec-rigging-2025"
D(d, "inline", "The Election Commission", "name", "firmly rejected", "rigging in last year's Maharashtra Assembly polls",
  "The Election Commission (EC) has firmly rejected claims of rigging in last year's Maharashtra Assembly polls",
  note="Rahul Gandhi's accusation of conspiracy is answered by the same cue (one case)")
D(d, "rebuttal", "the EC", "name", "unfounded", "'match-fixing' and voter fraud",
  "the EC clarified the allegations of 'match-fixing' and voter fraud were unfounded",
  note="'asserting the poll was conducted under ...' is a second cue of the same clause; 'such accusations defame the integrity' (EC sources) left out")

# ---- liberia-minister-sanctions-2023 (politics: a minister denying US corruption findings)
d = "liberia-minister-sanctions-2023"
BR = "offered bribes to manipulate legislative processes and public funding, including legislative reporting and mining sector activity"
D(d, "inline", "Samuel Tweah", "name", "denied", "corruption",
  "Liberia’s Finance and Development Planning Minister Samuel Tweah has denied corruption accusations by the US")
D(d, "rebuttal", "Tweah", "name", "misleading information", BR,
  "US acted on “misleading information,” Tweah told reporters", claim_in=BR)
D(d, "counterclaim", "he", "pronoun", "said", BR, "he said. “I have never abused my position", claim_in=BR,
  other="I have never abused my position through soliciting, accepting and offering bribes to manipulate legislative processes and public funding, including legislative reporting and mining sector activities",
  other_in="“I have never abused my position through soliciting, accepting and offering bribes to manipulate legislative processes and public funding, including legislative reporting and mining sector activities.”",
  ref="Tweah", note="'unjust, unfair' judges the verdict, not its truth: left out")

# ---- nigeria-presidency-nwosu-2025 (politics: a presidency dismissing an opposition figure's claim)
d = "nigeria-presidency-nwosu-2025"
NW = "he was offered three ministerial slots in exchange for abandoning plans to align the ADC with an opposition coalition"
D(d, "inline", "The Presidency", "name", "dismissed as false and implausible", NW,
  "The Presidency on Wednesday night dismissed as false and implausible claim by former National Chairman of the African Democratic Congress (ADC), Ralph Nwosu, that " + NW)
D(d, "anaphoric", "Daniel Bwala", "name", "dismissed", NW,
  "Daniel Bwala, the Special Adviser to President Bola Tinubu on Policy Communication, dismissed Nwosu’s claims as a fabricated tale devoid of credibility.", claim_in=NW)
D(d, "inline", "Bwala", "name", "dismissing", "senior officials in the Tinubu administration offered multiple ministerial positions in exchange for abandoning the ADC’s coalition plans",
  "Bwala, in his post, argued that Nwosu’s account exposed the falsehood, dismissing the claim that senior officials in the Tinubu administration offered multiple ministerial positions in exchange for abandoning the ADC’s coalition plans.",
  note="the unattributed quotation after it ('you know that he lied') has no speaker in its sentence: left out")
D(d, "counterclaim", "he", "pronoun", "said", NW, "but Mr President,” he said", claim_in=NW,
  other="No government official(s) of whatever rank in our government can promise or grant ministerial slots but Mr President",
  other_in="“No government official(s) of whatever rank in our government can promise or grant ministerial slots but Mr President,”", ref="Bwala")
D(d, "anaphoric", "He", "pronoun", "challenged Nwosu’s credibility", NW,
  "He also challenged Nwosu’s credibility, questioning his refusal to name the individuals allegedly behind the purported offer.", claim_in=NW,
  ref="The special adviser")

# ---- uganda-ebola-minister-2025 (health: a minister refuting an allegation)
d = "uganda-ebola-minister-2025"
D(d, "inline", "Jane Ruth Achieng", "name", "refuted", "her ministry is using Ebola Sudan to mint money from donors",
  "Health minister Dr. Jane Ruth Achieng has refuted allegations that her ministry is using Ebola Sudan to mint money from donors.",
  note="'She emphasised that the outbreak is real' answers a claim the text does not state: left out")

# ---- guinea-ebola-rumours-2024 (health: an agency refuting rumours of a case)
d = "guinea-ebola-rumours-2024"
RS = "the recent circulation of unfounded rumors suggesting the presence of an Ebola case within the neighboring country of Guinea"
RUM = "the presence of an Ebola case within the neighboring country of Guinea"
D(d, "anaphoric", "National Public Health Agency", "name", "Refutes", RUM, "National Public Health Agency Refutes Ebola Rumors in Guinea", claim_in=RS,
  note="headline")
D(d, "rebuttal", "The National Public Health Agency", "name", "unfounded", RUM,
  "The National Public Health Agency, in collaboration with the Ministry of Health, has released an official statement in response to " + RS)
D(d, "rebuttal", "The aforementioned agencies", "group", "entirely devoid of truth", RUM,
  "The aforementioned agencies have unequivocally affirmed that these rumors are entirely devoid of truth", claim_in=RS, ref="The National Public Health Agency",
  note="'lack any credible basis' is a second cue of the same clause")
D(d, "counterclaim", "Sory Conde", "name", "emphatically confirmed", RUM,
  "Dr. Sory Conde, a representative of the Guinean health authorities, has emphatically confirmed that, as of the present date of February 8th, 2024, there have been no confirmed cases of Ebola Virus Disease within the nation.",
  claim_in=RS, other="there have been no confirmed cases of Ebola Virus Disease within the nation",
  note="the WHO office's not having received reports is the article's own remark: left out")
D(d, "counterclaim", "the Guinean authorities", "nominal", "Contrary to", RUM,
  "Contrary to the speculative narratives circulating, the Guinean authorities have officially reported the presence of a confirmed case of Lassa fever within the Nzerekore region.",
  claim_in=RS, other="the presence of a confirmed case of Lassa fever within the Nzerekore region")

# ---- trump-trial-closing-dawn-2024 (courts: defence lawyers calling a case lies)
d = "trump-trial-closing-dawn-2024"
ACC = "falsifying business records to reimburse his lawyer, Michael Cohen, for a $130,000 payment to porn star Stormy Daniels"
D(d, "rebuttal", "Trump’s lawyers", "nominal", "lies", ACC, "Trump’s lawyers brand hush money case ‘lies’", claim_in=ACC, note="headline")
D(d, "rebuttal", "Defence lawyers in Donald Trump’s hush money trial", "nominal", "was based on “lies”", ACC,
  "Defence lawyers in Donald Trump’s hush money trial made their final pitch to the jury on Tuesday, insisting the first ever criminal prosecution of a former US president was based on “lies”.",
  claim_in=ACC)
D(d, "rebuttal", None, None, "falsely claimed", "the FBI was authorised to assassinate him during its search of his Florida estate",
  "after his campaign falsely claimed the FBI was authorised to assassinate him during its search of his Florida estate",
  note="the article's own voice")
D(d, "rebuttal", "Trump", "name", "a rigged court case", ACC,
  "Trump told reporters before entering the Manhattan courtroom as three of his five children — Don Jr, Eric and Tiffany — stood behind him. “We have a rigged court case that should have never been brought.”",
  claim_in=ACC)
D(d, "counterclaim", "Todd Blanche", "name", "told", ACC,
  "“President Trump is innocent,” his defense attorney Todd Blanche told the jury", claim_in=ACC, other="President Trump is innocent")

_SET.write_halves(OUT, TUNE, UNSEEN)
