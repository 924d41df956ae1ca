"""Builds facts.jsonl of the out-of-domain tuning set (same format as ../ood, see README.md).

Every span is found by searching the article body (code point offsets, end exclusive),
never typed by hand. Bodies are read from the *.md files next to this script's
directory (the text after the closing "---" line of the front matter).
The facts were annotated before the extractor was run on these articles.
Run: python3 annotate.py   (from any directory)
"""
import os, sys

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "ood", "tools"))
import spans  # noqa: E402  (the span helpers both out-of-domain sets share)

# Other names an article itself uses for a speaker (kept only when the article uses them).
ALIASES = {
    "Min Aung Hlaing": ["Hlaing"],
    "International Rescue Committee": ["IRC"],
    "World Health Organization": ["WHO"],
    "National Oceanic and Atmospheric Administration": ["NOAA"],
    "Fifa": ["world soccer’s governing body"],
}

FACTS = spans.Facts(OUT, ALIASES)
F = FACTS.F

# ---- morocco-quake-map-2023 (disaster; news agency copy)
d = "morocco-quake-map-2023"
IM = "Interior ministry"
F(d, "At least 2,012 people were killed", IM, "Interior ministry", "according to", 2012, "people", "at least", "killed")
F(d, "2,059 were wounded", IM, "Interior ministry", "according to", 2059, "people", None, "wounded")
F(d, "including 1,404 in critical condition", IM, "Interior ministry", "according to", 1404, "people", None, "wounded in critical condition")
F(d, "This earthquake caused 1,293 deaths in Al Haouz", IM, "the ministry", "said", 1293, "deaths", None, "deaths in Al Haouz")
F(d, "452 in Taroudant", IM, "the ministry", "said", 452, "deaths", None, "deaths in Taroudant")
F(d, "No new deaths were reported in the provinces and prefectures", IM, "the same source", "added")

# ---- myanmar-quake-livemint-2025 (disaster; a leader's address, UN and NGO sources)
d = "myanmar-quake-livemint-2025"
MAH = "Min Aung Hlaing"
F(d, "has claimed at least 2,719 lives", MAH, "Myanmar Junta Chief Min Aung Hlaing", "said", 2719, "people", "at least", "dead")
F(d, "the death toll may exceed 3,000", MAH, "Hlaing", "added", 3000, "people", "more than", "dead (projection)")
F(d, "has left 4,521 people injured", MAH, "Hlaing", "said", 4521, "people", None, "injured")
F(d, "441 others are still missing", MAH, "Hlaing", "said", 441, "people", None, "missing")
F(d, "the worst-hit areas have urgent need for food and water", "aid groups", "aid groups", "According to")
F(d, "around 50 children and two teachers were killed", "United Nations Office for the Coordination of Humanitarian Affairs",
  "United Nations Office for the Coordination of Humanitarian Affairs", "As per", 50, "children", "about", "children killed in a pre-school")
F(d, "communities struggle to meet their basic needs", "United Nations Office for the Coordination of Humanitarian Affairs", "the statement", "read")
F(d, "Mandalay and its surrounding areas, at the epicentre of the earthquake, have urgent requirement of food",
  "International Rescue Committee", "International Rescue Committee", "According to")
F(d, "people now fear aftershocks and are sleeping outside on roads or in open fields", "IRC worker", "an IRC worker", "said")
F(d, "the junta needed to allow aid to reach areas of the country not under its control", "Joe Freeman",
  "Amnesty International's Myanmar researcher Joe Freeman", "said")

# ---- us-inflation-august-2024 (economy; agency data, officials, an economist)
d = "us-inflation-august-2024"
LD = "Labor Department"
F(d, "The headline rate of US consumer inflation eased more than expected last month", LD, "government data", "according to")
F(d, "The consumer price index (CPI) slowed to 2.5 per cent in August", LD, "the Labor Department", "said", 2.5, "percent", None, "annual CPI inflation, August")
F(d, "down from 2.9 per cent in July", LD, "the Labor Department", "said", 2.9, "percent", None, "annual CPI inflation, July")
F(d, "Monthly inflation picked up by 0.2 per cent", "", None, None, 0.2, "percent", None, "monthly inflation")
F(d, "we are turning the page on inflation", "Lael Brainard", "White House National Economic Advisor Lael Brainard", "said")
F(d, "it is important to focus on sustaining the historic gains", "Lael Brainard", "she", "added")
F(d, "rose by a larger-than-expected 0.3 per cent from a month earlier", "", None, None, 0.3, "percent", None, "monthly core inflation")
F(d, "some of the inflationary pressures are still related to what we would call catch-up inflation", "Bernard Yaros", "Bernard Yaros", "told")

# ---- fifa-transfers-2024 (sport, business; a governing body's report)
d = "fifa-transfers-2024"
F(d, "Clubs worldwide made a record 22,779 international transfers in men’s football in 2024", "Fifa", "world soccer’s governing body Fifa", "said", 22779, "transfers", None, "international transfers, men")
F(d, "for a total spend of $8.59bn", "Fifa", "world soccer’s governing body Fifa", "said", 8590000000, "dollars", None, "total spend 2024")
F(d, "clubs spent $9.63bn on international transfers", "", None, None, 9630000000, "dollars", None, "total spend 2023")
F(d, "a record 78,742 international player transfers were completed in 2024", "Fifa", "Fifa", "said", 78742, "transfers", None, "international transfers, all")
F(d, "English clubs were once again the number one spenders with $1.88bn spent on incoming transfers", "", None, None, 1880000000, "dollars", None, "English clubs' spend")
F(d, "a deal worth about $78.26m", "", None, None, 78260000, "dollars", "about", "Alvarez transfer")
F(d, "Women’s soccer hit a record spend of $15.6m on international transfers in 2024", "", None, None, 15600000, "dollars", None, "women's spend 2024")
F(d, "sign Racheal Kundananji from Real Madrid for a reported $860,000", "", None, None, 860000, "dollars", None, "Kundananji fee")
F(d, "to be in the region of $1.12m", "British media", "British media", "reported by", 1120000, "dollars", "about", "Girma fee")

# ---- atlanta-fraud-sentencing (courts; prosecutors and investigators)
d = "atlanta-fraud-sentencing"
RB = "Ryan K. Buchanan"
F(d, "More than three dozen people were sentenced", "", None, None, 36, "people", "more than", "sentenced")
F(d, "the defendants stole more than $30 million from victims", "Prosecutors", "Prosecutors", "say", 30000000, "dollars", "more than", "stolen")
F(d, "These fraud scams, although not violent, are not victimless", "Keri Fairly", "Special Agent in Charge of FBI Atlanta Keri Fairly", "said")
F(d, "Sentences ranged from three years of probation to more than eight years in prison", "", None, None, 8, "years", "more than", "longest sentence")
F(d, "The Department of Justice has tirelessly worked for more than four years", RB, "U.S. Attorney Ryan K. Buchanan", "said", 4, "years", "more than", "years of work")
F(d, "fraud and money laundering crimes are top priorities for this office", RB, "U.S. Attorney Ryan K. Buchanan", "said")

# ---- cameroon-cholera-reuters (health; ministry, official, WHO)
d = "cameroon-cholera-reuters"
WHO = "World Health Organization"
F(d, "A further 26 people have died in Cameroon’s ongoing cholera outbreak", "health ministry official", "a health ministry official", "said", 26, "people", None, "new deaths")
F(d, "taking the overall death toll to 426", "health ministry official", "a health ministry official", "said", 426, "people", None, "dead")
F(d, "has seen a strong increase in cases since late March", WHO, "World Health Organization", "according to")
F(d, "The number of confirmed cases in Cameroon now stands at 1,868", "Linda Esso", "ministry official Linda Esso", "said", 1868, "cases", None, "confirmed cases")
F(d, "Fourteen African countries have reported cases since the start of 2023", WHO, "the WHO", "said", 14, "countries", None, "countries reporting cases")
F(d, "many countries were reporting higher case fatality ratios than in previous years", WHO, "It", "said")
F(d, "more than 79% of cases reach health facilities in a moderate or severe state", "health ministry", "the health ministry", "said", 79, "percent", "more than", "cases arriving moderate or severe")

# ---- acs-cancer-risk-factors-2024 (science, health; researchers and a study)
d = "acs-cancer-risk-factors-2024"
ACS = "American Cancer Society"
F(d, "Four in 10 cancer cases (40 percent)", ACS, "researchers at the American Cancer Society", "according to", 40, "percent", None, "cancer cases from modifiable risk factors")
F(d, "about one-half of all U.S. cancer deaths in adults aged 30 or older", ACS, "researchers at the American Cancer Society", "according to")
F(d, "contributing to nearly 20 percent of all cancer cases", "", None, None, 20, "percent", None, "cases from smoking")
F(d, "30 percent of all cancer deaths", "", None, None, 30, "percent", None, "deaths from smoking")
F(d, "the number of lung cancer deaths attributable to cigarette smoking in the United States is alarming", "Farhad Islami", "Farhad Islami", "said")
F(d, "This finding underscores the importance of implementing comprehensive tobacco control policies", "Farhad Islami", "Farhad Islami", "said")

# ---- noaa-hottest-year-2023 (science; an agency and a scientist)
d = "noaa-hottest-year-2023"
NOAA = "National Oceanic and Atmospheric Administration"
F(d, "2023 was the hottest year on record", NOAA, "The government agency", "confirmed")
F(d, "average land and ocean surface temperatures in 2023 were 2.12 degrees Fahrenheit above 20th-century averages", NOAA,
  "The National Oceanic and Atmospheric Administration", "said", 2.12, "degrees", None, "anomaly over the 20th-century average")
F(d, "The amount of heat stored in the upper ocean hit record highs", "")
F(d, "The last 10 years are the 10 warmest years in modern history", NOAA, "NOAA", "according to", 10, "years", None, "warmest years")
F(d, "We’re looking at this, and we’re frankly astonished", "Gavin Schmidt", "Gavin Schmidt", "said")
F(d, "this year would be pretty much on trend, with only a small chance of being a record", "Gavin Schmidt", "Gavin Schmidt", "said")
F(d, "The land and ocean temperature was about 0.27 degrees Fahrenheit above the previous record", "", None, None, 0.27, "degrees", "about", "margin over the previous record")

# ---- cdc-backyard-poultry-2024 (health; an agency's own outbreak notice)
d = "cdc-backyard-poultry-2024"
F(d, "contact with backyard poultry is making people sick", "")
F(d, "195 people infected with one of the outbreak strains of Salmonella have been reported", "", None, None, 195, "people", None, "infected")
F(d, "reported from 38 states", "", None, None, 38, "states", None, "states with cases")
F(d, "50 (37%) have been hospitalized", "", None, None, 50, "people", None, "hospitalized")
F(d, "No deaths have been reported.", "")
F(d, "The true number of sick people in an outbreak is likely much higher than the number reported", "")
F(d, "it usually takes 3 to 4 weeks to determine if a sick person is part of an outbreak", "", None, None, 3, "weeks", None, "reporting delay")

if __name__ == "__main__":
    FACTS.write()
