"""Builds facts.jsonl of the third out-of-domain tuning set (same format as ../ood,
../oodtune and ../oodtune2, see README.md).

Every span is found by searching the article body (code point offsets, end exclusive),
never typed by hand. Bodies are read from the *.md files next to this script's
directory (the text after the closing "---" line of the front matter).
The facts were annotated before the extractor was run on these articles.
Run: python3 annotate.py   (from any directory)
"""
import os, sys

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "ood", "tools"))
import spans  # noqa: E402  (the span helpers the out-of-domain sets share)

# Other names an article itself uses for a speaker (kept only when the article uses them).
ALIASES = {
    "Turkish Statistical Institute": ["TurkStat"],
    "Kyodo news agency": ["Kyodo"],
}


FACTS = spans.Facts(OUT, ALIASES)
F = FACTS.F

# ---- india-train-derailment-ap-2023 (transport accident; officials, a news agency, two Kumars)
d = "india-train-derailment-ap-2023"
GO = "government official"
F(d, "killing at least one person", GO, "a government official", "said", 1, "people", "at least", "dead")
F(d, "injuring 30 other passengers", GO, "a government official", "said", 30, "people", None, "injured")
F(d, "six of the 23 coaches of the North-East Express train", "Press Trust of India", "The Press Trust of India news agency", "said", 6, "coaches", None, "coaches derailed")
F(d, "rescue work was in progress though hampered by darkness", "Manish Kumar", "Manish Kumar", "told")
F(d, "hospitals were alerted to receive injured passengers", "Deepak Kumar", "police officer Deepak Kumar", "said")
F(d, "most injuries were reported from one of the derailed coaches", "D.K. Pathak", "D.K. Pathak", "said")
F(d, "which killed more than 280 people", "", None, None, 280, "people", "more than", "dead in the June crash")
F(d, "injured 900 others", "", None, None, 900, "people", None, "injured in the June crash")
F(d, "killing 358 people in one of the worst train accidents in India", "", None, None, 358, "people", None, "dead in 1995")
F(d, "killing 146 people", "", None, None, 146, "people", None, "dead in 2016")
F(d, "More than 12 million people ride 14,000 trains daily across India", "", None, None, 12000000, "people", "more than", "daily riders")

# ---- almora-bus-gorge-ap-2024 (transport accident; officials, a named official, a chief minister)
d = "almora-bus-gorge-ap-2024"
VP = "Vineet Pal"
F(d, "killing at least 24 people and injuring several others", "officials", "officials", "said", 24, "people", "at least", "dead")
F(d, "The bus was carrying 42 people", VP, "Vineet Pal", "said", 42, "people", None, "on board")
F(d, "24 bodies have been recovered", VP, "Vineet Pal", "said", 24, "bodies", None, "bodies recovered")
F(d, "the death toll may rise", "authorities", "authorities", "said")
F(d, "the teams are working to quickly evacuate the injured passengers", "Pushkar Singh Dhami", "Pushkar Singh Dhami", "said")
F(d, "skidded before tumbling down a 60 meter- (200-foot-) -deep gorge", VP, "Pal", "said", 60, "meters", None, "depth of the gorge")
F(d, "at least 18 people died after a double-decker passenger bus collided with a milk truck", "", None, None, 18, "people", "at least", "dead in July")
F(d, "killing at least 21 people", "", None, None, 21, "people", "at least", "dead in May")

# ---- heart-risk-factors-ndtv-2025 (health study; an unnamed study, its senior author)
d = "heart-risk-factors-ndtv-2025"
PG = "Philip Greenland"
F(d, "99% of heart attacks and strokes are linked to four key risk factors", "", None, None, 99, "percent", None, "events linked to four factors")
F(d, "99% of heart attacks, strokes, and major cardiovascular events are linked to four common health risk factors", "", None, None, 99, "percent", None, "events linked to four factors")
F(d, "Researchers examined data from over 9 million adults in the United States and South Korea", "", None, None, 9000000, "adults", "more than", "adults studied")
F(d, "over 95% of cardiovascular events were tied to one or more of these four factors", "", None, None, 95, "percent", "more than", "events among women under 60")
F(d, "present in more than 93% of individuals who experienced a heart attack, stroke, or heart failure", "", None, None, 93, "percent", "more than", "events with high blood pressure")
F(d, "exposure to one or more nonoptimal risk factors before these cardiovascular outcomes is nearly 100%", PG, "Dr Philip Greenland", "said", 100, "percent", None, "exposure before events")
F(d, "The goal now is to work harder on finding ways to control these modifiable risk factors", PG)
F(d, "their findings challenge recent reports suggesting an increase in cardiovascular events occurring without risk factors", PG, "Greenland and his co-authors", "highlight")

# ---- japan-gdp-q1-devdiscourse-2024 (economy outside the US; unnamed government data, a poll, a ministry)
d = "japan-gdp-q1-devdiscourse-2024"
CO = "Cabinet Office"
F(d, "Japan's economy contracted at an annualised clip of 2.0% in January-March", "", None, None, 2.0, "percent", None, "annualised contraction")
F(d, "translated into a quarterly decrease of 0.5%", "", None, None, 0.5, "percent", None, "quarterly contraction")
F(d, "a median estimate of a 0.4% drop in a Reuters poll of 17 economists", "", None, None, 0.4, "percent", None, "forecast contraction")
F(d, "Private consumption, which makes up more than half of the economy, fell 0.7% quarter-on-quarter", CO, "the Cabinet Office", "according to", 0.7, "percent", None, "fall in private consumption")
F(d, "Capital expenditures slumped 0.8%", "", None, None, 0.8, "percent", None, "fall in capital expenditure")
F(d, "exports shrank 5.0%", "", None, None, 5.0, "percent", None, "fall in exports")
F(d, "shaved 0.3% percentage point off GDP growth", "", None, None, 0.3, "percentage points", None, "external demand's contribution")

# ---- turkey-inflation-december-2024 (economy outside the US; a statistics institute, an economist, ministers)
d = "turkey-inflation-december-2024"
TS = "Turkish Statistical Institute"
MS = "Mustafa Sönmez"
F(d, "reaching 44.4 percent, the lowest level in 18 months", TS, "Turkish Statistical Institute", "according to", 44.4, "percent", None, "annual inflation in December")
F(d, "This marks the seventh consecutive monthly decline", "")
F(d, "consumer prices rose by 1.03 percent in December", "", None, None, 1.03, "percent", None, "monthly inflation")
F(d, "Price growth in food and non-alcoholic beverages eased to 43.58 percent", "", None, None, 43.58, "percent", None, "food inflation")
F(d, "cut its key lending rate by a higher-than-expected 250 basis points", "", None, None, 250, "basis points", None, "rate cut")
F(d, "to 47.5 percent on December 26", "", None, None, 47.5, "percent", None, "key rate after the cut")
F(d, "the decision to cut rates was no surprise", MS, "Mustafa Sönmez", "told")
F(d, "commercial banks would move quickly to reduce their own rates on loans", MS, "he", "believe")
F(d, "Turkey is planning additional interest rate cuts in 2025", "Tayyip Erdoğan", "president Tayyip Erdoğan", "said")
F(d, "the decline in inflation will continue with the lagged effect of monetary policy", "Mehmet Şimşek", "finance minister Mehmet Şimşek", "said")

# ---- nvidia-q1-tweaktown-2024 (technology company; results and its chief executive)
d = "nvidia-q1-tweaktown-2024"
JH = "Jensen Huang"
F(d, "NVIDIA has record quarter revenue of $26 billion", "", None, None, 26000000000, "dollars", None, "quarterly revenue")
F(d, "up 262% year-on-year", "", None, None, 262, "percent", None, "revenue growth on a year")
F(d, "destroying analysts' expectations of $24.59 billion", "", None, None, 24590000000, "dollars", None, "expected revenue")
F(d, "$26 billion in revenue for Q1 2024 are up 18% from the previous quarter", "", None, None, 18, "percent", None, "revenue growth on the quarter")
F(d, "with record quarterly data center revenues of $22.6 billion", "", None, None, 22600000000, "dollars", None, "data center revenue")
F(d, "a gigantic 427% year-over-year", "", None, None, 427, "percent", None, "data center growth on a year")
F(d, "The next industrial revolution has begun", JH, "Jensen Huang", "said")
F(d, "AI will bring significant productivity gains to nearly every industry", JH, "Jensen Huang", "said")
F(d, "Our data center growth was fueled by strong and accelerating demand for generative AI training", JH)
F(d, "The Blackwell platform is in full production", JH)

# ---- nepal-floods-devdiscourse-2024 (climate disaster; a ministry and its spokesperson)
d = "nepal-floods-devdiscourse-2024"
RT = "Rishi Ram Tiwari"
F(d, "The death toll from recent floods in Nepal has escalated to 193", "", None, None, 193, "people", None, "dead")
F(d, "Authorities are ramping up rescue operations with 4,500 people already saved", "", None, None, 4500, "people", None, "rescued")
F(d, "The death toll in Nepal's recent flood disaster has risen to 193", "Home Ministry", "the Home Ministry", "according to", 193, "people", None, "dead")
F(d, "31 people are still missing", RT, "Spokesperson Rishi Ram Tiwari", "reported", 31, "people", None, "missing")
F(d, "food and emergency relief have been distributed", RT, "Tiwari", "informed")
F(d, "had issued warnings for 56 out of 77 districts", "", None, None, 56, "districts", None, "districts warned")
F(d, "affecting an estimated 1.8 million people and 412,000 households", "", None, None, 1800000, "people", None, "people expected to be affected")

# ---- japan-quake-khaleej-2024 (disaster; a news agency, a survey, a government spokesperson)
d = "japan-quake-khaleej-2024"
F(d, "Four people have been confirmed dead in the powerful earthquake that rocked Japan", "Kyodo news agency", "the Kyodo news agency", "reported", 4, "people", None, "dead")
F(d, "The 7.5-magnitude quake struck the prefecture", "", None, None, 7.5, "magnitude", None, "magnitude")
F(d, "triggering tsunami waves over a metre high", "", None, None, 1, "metres", "more than", "wave height")
F(d, "killing nearly 20,000 people", "", None, None, 20000, "people", None, "dead in 2011")
F(d, "It was the strongest quake in the region in more than four decades", "U.S. Geological Survey", "the U.S. Geological Survey", "according to", 4, "decades", "more than", "span without a stronger quake")
F(d, "Houses were destroyed, fires broke out and army personnel were dispatched to help with rescue operations", "Yoshimasa Hayashi", "government spokesperson Yoshimasa Hayashi", "told")

# ---- toronto-housing-citynews-2023 (local government; a mayor, a staff report)
d = "toronto-housing-citynews-2023"
OC = "Olivia Chow"
F(d, "Toronto City Council overwhelmingly approved an ambitious affordable housing plan Wednesday", "")
F(d, "she wants to see 65,000 rental homes built over the next seven years", OC, "Mayor Olivia Chow", "said", 65000, "homes", None, "homes planned")
F(d, "at a cost of $36 billion", OC, "Mayor Olivia Chow", "said", 36000000000, "dollars", None, "cost of the plan")
F(d, "Funding has already been secured to deliver 4,455 homes", "", None, None, 4455, "homes", None, "homes funded")
F(d, "pegged at between $28.6 billion and $31.5 billion over the next seven years", "", None, None, 28600000000, "dollars", None, "cost of the remaining homes")
F(d, "between $500 million and $800 million per year", "", None, None, 500000000, "dollars", None, "yearly funding needed from each government")
F(d, "The ball is in the federal government’s court", OC, "Chow", "said")
F(d, "We are hoping to see action", OC, "Chow", "said")
F(d, "Council voted 24-1 in favour of building 65,000 rent-controlled units by 2030", "", None, None, 65000, "units", None, "units approved")
F(d, "the city should be the property developer on at least five sites around the downtown core", "city staff report", "A city staff report", "said", 5, "sites", "at least", "sites the city would develop")

# ---- cape-town-test-lokmat-2024 (sport; a captain's post-match words)
d = "cape-town-test-lokmat-2024"
RS = "Rohit Sharma"
F(d, "secured a remarkable 7-wicket victory against South Africa in Cape Town on Thursday", "", None, None, 7, "wickets", None, "winning margin")
F(d, "setting a record as the shortest Test match in cricket history to yield a result", "")
F(d, "credited the exceptional performance of the fast bowling unit", RS, "Captain Rohit Sharma", "credited")
F(d, "In Centurion, we had to learn from our mistakes", RS, "Sharma", "articulated")
F(d, "we batted well to get a 100-run lead", RS, "Sharma", "articulated", 100, "runs", None, "first-innings lead")
F(d, "very special", RS, "Rohit Sharma", "described")
F(d, "spinners did not deliver a single over in the second Test", "")

# ---- proud-boys-sentencing-cumhuriyet-2023 (courts; a judge, defendants, lawyers, prosecutors)
d = "proud-boys-sentencing-cumhuriyet-2023"
EN = "Ethan Nordean"
DP = "Dominic Pezzola"
F(d, "was sentenced to 18 years", "", None, None, 18, "years", None, "Nordean's sentence")
F(d, "the 27 years sought by prosecutors", "", None, None, 27, "years", None, "sentence sought for Nordean")
F(d, "If we don't have a peaceful transfer of power in this country, we don't have anything", "Timothy Kelly", "U.S. District Judge Timothy Kelly", "remarked")
F(d, "complete and utter tragedy", EN, "Nordean", "characterized")
F(d, "he had gone to the Capitol to provide leadership and maintain order", EN, "Nordean", "stated")
F(d, "argued for a sentence ranging from 15 to 21 months", "Nick Smith", "Nick Smith", "argued", 15, "months", None, "sentence asked by the defence")
F(d, "After being sentenced to 10 years in prison", "", None, None, 10, "years", None, "Pezzola's sentence")
F(d, "Trump won!", DP, "he", "yelled")
F(d, "had requested a sentence of approximately five years in prison", "", None, None, 5, "years", "about", "sentence asked by Pezzola's lawyers")
F(d, "Pezzola acted in the", "Steven Metcalf", "Steven Metcalf", "told")
F(d, "I stand before you with a heart full of regret", DP, "Pezzola", "stating")
F(d, "Prosecutors had sought a 20-year prison term for Pezzola", "", None, None, 20, "years", None, "sentence sought for Pezzola")

# ---- county-lines-week-london-2024 (crime; a police operation's figures, no quoted source in the excerpt)
d = "county-lines-week-london-2024"
F(d, "Class A and B drugs worth £1.2 million", "", None, None, 1200000, "pounds", None, "drugs seized")
F(d, "along with 458 weapons were taken off the streets", "", None, None, 458, "weapons", None, "weapons seized")
F(d, "18 arrests linked to varying drugs and possession of weapons offences", "", None, None, 18, "arrests", None, "arrests in London")
F(d, "the safeguarding of two children", "", None, None, 2, "children", None, "children safeguarded by the organised crime team")
F(d, "charged one individual with two counts of conspiracy to supply heroin and crack", "", None, None, 2, "counts", None, "counts charged")
F(d, "six bags of cannabis", "", None, None, 6, "bags", None, "cannabis seized")
F(d, "£2025 in cash was seized", "", None, None, 2025, "pounds", None, "cash seized")
F(d, "a further three children were safeguarded", "", None, None, 3, "children", None, "children safeguarded by the City of London Police")

# ---- windsor-council-tax-2025 (local government; a council's spokesperson, quoted over four paragraphs)
d = "windsor-council-tax-2025"
CS = "council spokesperson"
F(d, "granting us permission to raise council tax by 8.99% from April 2025", CS, "A council spokesperson", "said", 8.99, "percent", None, "council tax rise allowed")
F(d, "an increase of 4% above the 4.99% cap", CS, "A council spokesperson", "said", 4, "percent", None, "rise above the cap")
F(d, "to raise council tax by 20% above the current cap of 4.99%", CS, None, None, 20, "percent", None, "rise asked above the cap")
F(d, "it is one of only six increases in the country to be agreed", CS, None, None, 6, "increases", None, "increases agreed")
F(d, "our low levels of council tax, and that they are so out of kilter with other areas, is a significant issue for the council", CS)
F(d, "we’ll need to increase council tax over the next few years", CS)

if __name__ == "__main__":
    FACTS.write()
