"""Builds facts.jsonl of the first out-of-domain facts measure, oodfacts1 (same format as
../ood and ../oodtune to ../oodtune6, see README.md).

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
    "International Renewable Energy Agency": ["IRENA"],
    "Ember": ["Ember"],
    "the report": ["Ember"],
    "National Association of Realtors": ["NAR"],
    "Lawrence Yun": ["Yun"],
    "Airports Council International": ["ACI"],
    "Council on Criminal Justice": ["CCJ"],
    "Major Cities Chiefs Association": ["MCCA"],
    "Centers for Disease Control and Prevention": ["U.S. Centers for Disease Control and Prevention"],
    "New York City Police Department": ["NYPD"],
    "Mohibul Hassan Chowdhoury": ["minister", "Education Minister"],
    "Joseph Nsengiyumva": ["minister", "Minister of Education"],
    "Kiko Dontchev": ["Dontchev"],
    "agriculture ministry": ["ministry"],
}

FACTS = spans.Facts(OUT, ALIASES)
F = FACTS.F
M = 1_000_000
B = 1_000_000_000

# ---- irena-renewables-getrading-2025 (energy: renewable capacity, a report's figures)
d = "irena-renewables-getrading-2025"
IRENA = "International Renewable Energy Agency"
F(d, "grew by a record 15.1 per cent to 585 gigawatts (GW) in 2024", IRENA, "the International Renewable Energy Agency", "stated", 585, "gigawatts", None, "renewable capacity added in 2024")
F(d, "They accounted for 96.6 percent of the total growth last year", "", None, None, 96.6, "percent", None, "solar and wind share of growth")
F(d, "global solar growth reached 451.9 GW", "", None, None, 451.9, "GW", None, "solar capacity added")
F(d, "The largest increases in installed solar capacity occurred in China (+278.0 GW)", "", None, None, 278, "GW", None, "solar capacity added in China")
F(d, "representing a 54.0% increase from 2023", "", None, None, 54, "percent", None, "US solar growth")
F(d, "Total renewable energy capacity at the end of last year was 4,448 GW", "", None, None, 4448, "GW", None, "total renewable capacity")
F(d, "it is still below the 11.2 terawatts needed to meet the Paris climate agreement", "", None, None, 11.2, "terawatts", None, "capacity needed")
F(d, "capacity now needs to grow at a rate of 16.6 percent per year", "", None, None, 16.6, "percent", None, "growth needed")
F(d, "Nearly 64 percent of new global capacity was built in China", "", None, None, 64, "percent", None, "China's share of new capacity")
F(d, "accounted for 14.3 percent of the overall growth", "", None, None, 14.3, "percent", None, "G7 share of growth")
F(d, "accounting for 3.2 percent of last year's growth", "", None, None, 3.2, "percent", None, "Central America and Caribbean share")

# ---- ember-solar-tanahair-2025 (energy: solar generation, a think tank's report)
d = "ember-solar-tanahair-2025"
F(d, "adding 474 TWh of capacity to a new high of 2,131 TWh", "", None, None, 2131, "TWh", None, "solar generation 2024")
F(d, "The share of solar in the global electricity mix reached 6.9%, up from 5.6% in 2023", "Ember", "Ember", "according to", 6.9, "percent", None, "solar share of electricity")
F(d, "The increase of 474 TWh was 45% higher than in 2023", "", None, None, 45, "percent", None, "growth of the increase")
F(d, "solar generated more than twice as much electricity in 2024 as any other electricity source", "the report", "The report", "said")
F(d, "Solar generation is now more than 20 times larger than in 2012", "", None, None, 20, "times", "more than", "growth since 2012")
F(d, "2024’s growth rate of 29% was the fastest in six years", "the report", "The report", "recorded", 29, "percent", None, "growth rate 2024")
F(d, "China continues to be the country with the largest rise in solar generation, adding 250 TWh", "", None, None, 250, "TWh", None, "China's added solar generation")
F(d, "This pushed up China’s solar generation by an astonishing 43% compared to 2023", "", None, None, 43, "percent", None, "China's solar growth")
F(d, "Its 23 TWh (+45%) increase in solar generation in 2024", "", None, None, 23, "TWh", None, "Brazil's added solar generation")
F(d, "Its total solar generation reached 834 TWh in 2024", "", None, None, 834, "TWh", None, "China's solar generation")
F(d, "39% of the world’s solar generation came from China in 2024", "Ember", "Ember", "said", 39, "percent", None, "China's share of solar generation")

# ---- uk-election-juiceliverpool-2024 (election results: seats, vote shares, turnout)
d = "uk-election-juiceliverpool-2024"
F(d, "a landslide majority of 174", "", None, None, 174, "seats", None, "Labour majority")
F(d, "a projected total of 412 seats", "", None, None, 412, "seats", None, "Labour seats")
F(d, "they won as few as 122", "projections", "projections", "suggesting", 122, "seats", None, "Conservative seats")
F(d, "the Liberal Democrats recorded their highest tally since 1923, with 71 seats", "", None, None, 71, "seats", None, "Liberal Democrat seats")
F(d, "the SNP is projected to finish with 10 seats", "", None, None, 10, "seats", None, "SNP seats")
F(d, "23 seats were won by other parties and independent candidates in Northern Ireland", "", None, None, 23, "seats", None, "other seats")
F(d, "Labour’s vote share only increased by less than two percentage points to 34%", "", None, None, 34, "percent", None, "Labour vote share")
F(d, "plummeting by 20 points to 24%", "", None, None, 24, "percent", None, "Conservative vote share")
F(d, "resulting in the loss of 251 seats", "", None, None, 251, "seats", None, "Conservative seats lost")
F(d, "Reform UK attained third place by share of the vote on 14%", "", None, None, 14, "percent", None, "Reform UK vote share")
F(d, "The Green Party’s seven per cent of the vote", "", None, None, 7, "percent", None, "Green vote share")
F(d, "rising by 17 points as the party took 36 seats from the SNP", "", None, None, 36, "seats", None, "Labour seats taken from the SNP")
F(d, "Labour gained nine seats, taking its total to 27", "", None, None, 27, "seats", None, "Labour seats in Wales")
F(d, "turnout across the UK was 60%", "", None, None, 60, "percent", None, "turnout")
F(d, "with only 56% of the electorate voting", "", None, None, 56, "percent", None, "turnout in Wales")

# ---- elections-journalofdemocracy-2024 (election results: Belgium, Bulgaria)
d = "elections-journalofdemocracy-2024"
F(d, "The nationalist New Flemish Alliance (N-VA) remained the largest party in the Chamber, winning 24 seats", "", None, None, 24, "seats", None, "N-VA seats")
F(d, "The far-right Flemish Interest party secured 20 seats", "", None, None, 20, "seats", None, "Flemish Interest seats")
F(d, "The Reformist Movement also won 20 seats, up from 14 in 2019", "", None, None, 20, "seats", None, "Reformist Movement seats")
F(d, "the Socialist Party secured 16", "", None, None, 16, "seats", None, "Socialist Party seats")
F(d, "Turnout was 87.4 percent", "", None, None, 87.4, "percent", None, "Belgian turnout")
F(d, "party of former prime minister Boyko Borissov won 68 seats", "", None, None, 68, "seats", None, "GERB seats")
F(d, "secured 47 seats", "", None, None, 47, "seats", None, "DPS seats")
F(d, "the pro-West We Continue the Change (PP) party won 39", "", None, None, 39, "seats", None, "PP seats")
F(d, "turnout was low at only 34.4 percent", "", None, None, 34.4, "percent", None, "Bulgarian turnout")

# ---- india-wheat-businessstandard-2024 (agriculture: crop estimates in million tonnes)
d = "india-wheat-businessstandard-2024"
MIN = "agriculture ministry"
F(d, "The government has revised upwards wheat production at record 112.92 million tonne", "", None, None, 112.92 * M, "tonnes", None, "wheat production estimate")
F(d, "The output, which has been revised upwards by 0.91 million tonne from the second estimate", MIN, "the agriculture ministry", "said", 0.91 * M, "tonnes", None, "upward revision")
F(d, "over 26 million tonne has already been procured", "", None, None, 26 * M, "tonnes", "more than", "wheat procured")
F(d, "projected increase in rice output to 136.7 million tonne", MIN, "the agriculture ministry", "projected", 136.7 * M, "tonnes", None, "rice output estimate")
F(d, "the total foodgrain output is estimated slightly lower at 328.85 million tonne", "", None, None, 328.85 * M, "tonnes", None, "foodgrain output estimate")
F(d, "tur output is pegged higher at 3.38 million tonne", "", None, None, 3.38 * M, "tonnes", None, "tur output estimate")
F(d, "Lentil output is estimated at 1.75 million tonne", "", None, None, 1.75 * M, "tonnes", None, "lentil output estimate")
F(d, "soybean production is estimated at 13.05 million tonne", "", None, None, 13.05 * M, "tonnes", None, "soybean output estimate")
F(d, "cotton output is estimated at 32.52 million bales", "", None, None, 32.52 * M, "bales", None, "cotton output estimate")
F(d, "production of sugarcane is pegged at 442.52 million tonne", "", None, None, 442.52 * M, "tonnes", None, "sugarcane output estimate")

# ---- nar-home-prices-businessjournaldaily-2025 (housing: prices by metro area)
d = "nar-home-prices-businessjournaldaily-2025"
NAR = "National Association of Realtors"
F(d, "Almost 90% of metro markets (201 out of 226, or 89%) experienced home price increases", NAR, "National Association of Realtors", "according to", 89, "percent", None, "metro markets with price gains")
F(d, "the 30-year fixed mortgage rate ranged from 6.12% to 6.85%", NAR, "National Association of Realtors", "according to", 6.12, "percent", None, "mortgage rate")
F(d, "Fourteen percent of the 226 tracked metro areas posted double-digit price gains", "", None, None, 14, "percent", None, "metro areas with double-digit gains")
F(d, "Record-high home prices and the accompanying housing wealth gains are definitely good news for property owners", "Lawrence Yun", "Lawrence Yun", "said")
F(d, "the national median single-family existing-home price elevated 4.8% to $410,100", "", None, None, 410100, "dollars", None, "median home price")
F(d, "the median home price rose by 49.9%", "", None, None, 49.9, "percent", None, "five-year price rise")
F(d, "the South registered the largest share of single-family existing-home sales (45.1%)", "", None, None, 45.1, "percent", None, "South's share of sales")
F(d, "Prices also increased 10.6% in the Northeast", "", None, None, 10.6, "percent", None, "Northeast price rise")
F(d, "all experienced gains of at least 14.9%", "", None, None, 14.9, "percent", "at least", "top 10 gains")
F(d, "Eight of the top 10 most expensive markets in the U.S. were in California", "", None, None, 8, "markets", None, "expensive markets in California")
F(d, "Almost 11% of markets (24 of 226) experienced home price declines", "", None, None, 11, "percent", None, "markets with price declines")

# ---- aci-airports-caliber-2025 (transport: airport passenger traffic)
d = "aci-airports-caliber-2025"
ACI = "Airports Council International"
F(d, "Global airport traffic increases by 9%, surpassing 9.5 billion passengers", "", None, None, 9.5 * B, "passengers", "more than", "global passengers 2024")
F(d, "Global airport passenger traffic rose by 9 per cent in 2024, reaching 9.5 billion passengers", ACI, "Airports Council International", "according to", 9.5 * B, "passengers", None, "global passengers 2024")
F(d, "This surge marks a 3.8 per cent increase compared to pre-pandemic figures from 2019", "Caliber.Az", "Caliber.Az", "reports", 3.8, "percent", None, "increase on 2019")
F(d, "which handled 108.1 million passengers", "", None, None, 108.1 * M, "passengers", None, "Atlanta passengers")
F(d, "Dubai International Airport held onto second place with 92.3 million passengers", "", None, None, 92.3 * M, "passengers", None, "Dubai passengers")
F(d, "Dallas/Fort Worth International Airport claimed third place with 87.8 million passengers", "", None, None, 87.8 * M, "passengers", None, "Dallas/Fort Worth passengers")
F(d, "jumping to fourth place with 85.9 million passengers", "", None, None, 85.9 * M, "passengers", None, "Haneda passengers")
F(d, "handling 83.9 million passengers", "", None, None, 83.9 * M, "passengers", None, "Heathrow passengers")
F(d, "10th place with 76.8 million passengers", "", None, None, 76.8 * M, "passengers", None, "Shanghai Pudong passengers")
F(d, "which equates to 855 million passengers", "", None, None, 855 * M, "passengers", None, "top 10 airports' passengers")
F(d, "ACI forecasts that global passenger traffic will grow by 4.8 per cent in 2025", ACI, "ACI", "forecasts", 4.8, "percent", None, "forecast growth 2025")

# ---- homicides-kmox-2025 (crime statistics: homicide counts from two studies and a police department)
d = "homicides-kmox-2025"
MCCA = "Major Cities Chiefs Association"
NYPD = "New York City Police Department"
F(d, "Homicides in major cities decreased last year compared to 2023", "studies", "studies", "according to")
F(d, "in 40 American cities that have consistently reported monthly data", "Council on Criminal Justice", "the group", "said", 40, "cities", None, "cities in the study")
F(d, "was 16% lower than in 2023", "", None, None, 16, "percent", None, "homicide decline")
F(d, "representing 631 fewer homicides", "", None, None, 631, "homicides", None, "fewer homicides")
F(d, "there were nearly 25,000 homicides nationwide that year", "Centers for Disease Control and Prevention", "U.S. Centers for Disease Control and Prevention", "Per", 25000, "homicides", None, "homicides in 2022")
F(d, "It recorded 6,520 homicides across the jurisdictions last year", MCCA, "It", "recorded", 6520, "homicides", None, "homicides 2024 (MCCA)")
F(d, "Chicago reported the most homicides out of the participating agencies at 574", MCCA, "MCCA", "found", 574, "homicides", None, "Chicago homicides")
F(d, "homicides in the nation’s largest city were also down last year", NYPD, "the New York City Police Department", "said")
F(d, "Its data included 377 murders reported in 2024", NYPD, "Its", None, 377, "murders", None, "New York murders")

# ---- china-trade-thestarmy-2025 (trade: exports, imports, surplus)
d = "china-trade-thestarmy-2025"
F(d, "China’s trade surplus in 2024 broke records", "", None, None)
F(d, "particularly an all-time high for shipments of integrated circuits (ICs) and cars", "", None, None)
F(d, "Exports grew 5.9 per cent year on year in 2024 to US$3.58 trillion", "customs data", "customs data", "according to", 3.58e12, "dollars", None, "exports 2024")
F(d, "with a year-on-year rise of 1.1 per cent to US$2.59 trillion", "", None, None, 2.59e12, "dollars", None, "imports 2024")
F(d, "leading to a record trade surplus of US$992.1 billion", "", None, None, 992.1 * B, "dollars", None, "trade surplus 2024")

# ---- us-trade-bea-2025 (trade: a federal statistics release)
d = "us-trade-bea-2025"
BEA = "U.S. Census Bureau and the U.S. Bureau of Economic Analysis"
F(d, "the goods and services deficit was $98.4 billion in December", BEA, BEA, "announced", 98.4 * B, "dollars", None, "December deficit")
F(d, "December exports were $266.5 billion", "", None, None, 266.5 * B, "dollars", None, "December exports")
F(d, "December imports were $364.9 billion", "", None, None, 364.9 * B, "dollars", None, "December imports")
F(d, "an increase in the goods deficit of $18.9 billion to $123.0 billion", "", None, None, 123 * B, "dollars", None, "goods deficit")
F(d, "a decrease in the services surplus of $0.6 billion to $24.5 billion", "", None, None, 24.5 * B, "dollars", None, "services surplus")
F(d, "For 2024, the goods and services deficit increased $133.5 billion, or 17.0 percent, from 2023", "", None, None, 133.5 * B, "dollars", None, "annual deficit increase")
F(d, "Exports increased $119.8 billion or 3.9 percent", "", None, None, 119.8 * B, "dollars", None, "annual export increase")
F(d, "Imports increased $253.3 billion or 6.6 percent", "", None, None, 253.3 * B, "dollars", None, "annual import increase")
F(d, "The average goods and services deficit increased $4.7 billion to $83.8 billion", "", None, None, 83.8 * B, "dollars", None, "three-month average deficit")
F(d, "Average exports decreased $1.2 billion to $268.8 billion in December", "", None, None, 268.8 * B, "dollars", None, "three-month average exports")

# ---- bangladesh-ssc-bdnews24-2024 (education: exam results)
d = "bangladesh-ssc-bdnews24-2024"
F(d, "The number of institutions with a 100 percent pass rate rose by 614 when compared to 2023", "", None, None, 614, "institutions", None, "rise in institutions with full pass")
F(d, "A total of 2,968 educational institutes have had all of their students pass", "", None, None, 2968, "institutes", None, "institutes with full pass")
F(d, "every student in 51 institutes have failed", "", None, None, 51, "institutes", None, "institutes with no pass")
F(d, "This year 2,013,597 students took the exams", "", None, None, 2013597, "students", None, "examinees")
F(d, "Of them, 1,672,153 – or 83.04 percent - passed", "", None, None, 83.04, "percent", None, "pass rate")
F(d, "A total of 182,129 examinees achieved a GPA of 5.0 this year", "", None, None, 182129, "examinees", None, "GPA 5 examinees")
F(d, "we’ll take necessary steps against that institution", "Mohibul Hassan Chowdhoury", "the minister", "said")

# ---- rwanda-exams-newtimes-2024 (education: exam results)
d = "rwanda-exams-newtimes-2024"
JN = "Joseph Nsengiyumva"
F(d, "show an overall pass rate of 78.6 percent", "", None, None, 78.6, "percent", None, "pass rate")
F(d, "While the performance exceeded 78% across the board", "", None, None, 78, "percent", "more than", "performance")
F(d, "91,298 sat for the exams, and 71,746 passed", JN, "The minister", "said", 71746, "candidates", None, "candidates passed")
F(d, "representing a pass rate of 67.5 percent", "", None, None, 67.5, "percent", None, "general education pass rate")
F(d, "Technical Secondary Schools (TSS) saw 29,542 candidates pass", "", None, None, 29542, "candidates", None, "TSS candidates passed")
F(d, "reflecting a strong pass rate of 96.1 percent", "", None, None, 96.1, "percent", None, "TSS pass rate")
F(d, "4,268 candidates sat for the exams and 98.1 percent passed", "", None, None, 98.1, "percent", None, "PE pass rate")
F(d, "the grading system is based on prescribed grade ranges and subject-specific weightings", "Ministry of Education", "the Ministry of Education", "According to")

# ---- spacex-launches-copernical-2024 (space: launches and satellites)
d = "spacex-launches-copernical-2024"
KD = "Kiko Dontchev"
F(d, "delivering 22 Starlink satellites and Astranis's One to Many Mission into orbit", "", None, None, 22, "satellites", None, "satellites delivered")
F(d, "We're now targeting 134 launches -- two shy of our last goal -- to finish 2024 strong", KD, "Kiko Dontchev", "wrote", 134, "launches", None, "launch target 2024")
F(d, "deployed the communications satellites into low-Earth orbit about 65 minutes later", "", None, None, 65, "minutes", "about", "deployment time")
F(d, "in the Pacific Ocean about eight minutes after liftoff", "", None, None, 8, "minutes", "about", "landing time")
F(d, "It was SpaceX's 88th Starlink mission this year, one of which failed because of an upper-stage oxygen leak", "", None, None)
F(d, "The Starlink satellite constellation consists of nearly 6,700 active modules", "Jonathan McDowell", "Jonathan McDowell", "according to", 6700, "modules", None, "active Starlink satellites")
F(d, "Our priority is - and will remain - safety and reliability above all else", KD, "Dontchev", "continued")
F(d, "sent a miniature fleet of 4", "", None, None, 4, "satellites", None, "MicroGEO satellites")
F(d, "it changed some engine components to make the second attempt successful", "SpaceX", "SpaceX", "said")

# ---- paris-medals-bizwatchnigeria-2024 (sport: Olympic medal table)
d = "paris-medals-bizwatchnigeria-2024"
F(d, "10,714 athletes representing 216 nations competed in the Paris Olympics", "", None, None, 10714, "athletes", None, "athletes")
F(d, "winning 1,436 medals overall", "", None, None, 1436, "medals", None, "medals awarded")
F(d, "China comes in second with 91 medals", "", None, None, 91, "medals", None, "China's medals")
F(d, "the United States leads the medal standings with 126", "", None, None, 126, "medals", None, "US medals")
F(d, "40 gold medals were shared by both nations", "", None, None, 40, "gold medals", None, "gold medals each")
F(d, "France, the host country, won 64 medals in all", "", None, None, 64, "medals", None, "France's medals")
F(d, "With four gold, two silver, and five bronze medals, Kenya is the first nation from Africa to appear on the medal table", "", None, None, 4, "gold medals", None, "Kenya's golds")

# Scaled amounts ("112.92 million") are computed in floating point: store them as the
# whole numbers they are, and plain decimals as written.
for r in FACTS.records:
    v = r["value"]
    if isinstance(v, float):
        v = round(v, 6)
        r["value"] = int(v) if v == int(v) else v

FACTS.write()
