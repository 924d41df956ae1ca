"""Builds facts.jsonl of the second out-of-domain facts measure, oodfacts2 (same format
as ../ood, ../oodtune to ../oodtune7 and ../oodfacts1, see README.md).

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
    "USDA’s biannual report": ["USDA"],
    "USDA": ["United States Department of Agriculture"],
    "Taiwan Semiconductor Manufacturing Co.": ["TSMC"],
    "C.C. Wei": ["Wei"],
    "Wendell Huang": ["Huang"],
    "Central government": ["Government of India"],
    "Cox Automotive's Kelley Blue Book": ["Cox Automotive", "Kelley Blue Book"],
    "Stephanie Valdez Streaty": ["Streaty"],
    "National Transportation Safety Board": ["NTSB"],
    "Todd Inman": ["Inman"],
    "Doug Huskey": ["Huskey"],
    "Autobuses Regiomontanos": ["transit company"],
    "GEPEX": ["exporters' association GEPEX"],
    "International Energy Agency": ["IEA"],
    "Pennsylvania State Police": ["state police", "troopers"],
    "the report": ["preliminary incident report"],
}

FACTS = spans.Facts(OUT, ALIASES)
F = FACTS.F
K = 1_000
M = 1_000_000
B = 1_000_000_000
T = 1_000_000_000_000
LAKH = 100_000
CRORE = 10_000_000

# ======== the tuning half ========

# ---- coffee-usda-filesadmin-2024 (commodities: a crop forecast in 60 kg bags)
d = "coffee-usda-filesadmin-2024"
F(d, "USDA sees world coffee output rise a tad at 174.9 million bags of 60 kg each", "USDA", "USDA", "sees", 174.9 * M, "bags", None, "world coffee output 2024-25")
F(d, "the ending stocks for the year are set to drop further", "USDA’s biannual report", "USDA’s biannual report", "according to")
F(d, "The world coffee output for 2024-25 is forecast at 174.9 million bags of 60 kg each", "", None, None, 174.9 * M, "bags", None, "world coffee output 2024-25")
F(d, "up 6.9 million bags higher than previous year’s 168 million bags", "", None, None, 168 * M, "bags", None, "world coffee output the year before")
F(d, "Harvest in top producer Brazil is forecast at 66.4 million bags", "", None, None, 66.4 * M, "bags", None, "Brazil's harvest")
F(d, "Brazilian Arabica output is forecast to be 500,000 bags higher at 45.4 million", "", None, None, 45.4 * M, "bags", None, "Brazil's Arabica output")
F(d, "the Robusta harvest is expected to slip 400,000 bags to 21 million", "", None, None, 21 * M, "bags", None, "Brazil's Robusta harvest")
F(d, "Drought and high temperatures during the fruit development and filling period caused Arabica and Robusta yields to fall below initial projections", "USDA", "the USDA", "said")
F(d, "coffee bean exports are forecast to drop 2.6 million bags to 40.5 million", "USDA", "the USDA", "said", 40.5 * M, "bags", None, "Brazil's coffee exports")
F(d, "output is forecast to recover 2.6 million bags to 30.1 million", "", None, None, 30.1 * M, "bags", None, "Vietnam's output")
F(d, "Bean exports are forecast to rebound 1.8 million bags to 24.4 million", "", None, None, 24.4 * M, "bags", None, "Vietnam's exports")
F(d, "prices globally which are hovering around 50 year highs", "", None, None, 50, "years", "about", "coffee prices at a high of how many years")
F(d, "2024-25 coffee output is seen slightly higher at 6.2 million bags", "", None, None, 6.2 * M, "bags", None, "India's output")
F(d, "Production of arabicas is seen tad lower at 1.4 million bags", "", None, None, 1.4 * M, "bags", None, "India's Arabica output")
F(d, "robusta output is seen slightly higher at 4.8 million bags", "", None, None, 4.8 * M, "bags", None, "India's Robusta output")

# ---- tsmc-profit-econotimes-2025 (chip earnings: profit, revenue, guidance)
d = "tsmc-profit-econotimes-2025"
TS = "Taiwan Semiconductor Manufacturing Co."
F(d, "reported a net profit of T$452.3 billion ($14.75 billion) for the three months ending September 30", TS, "The world’s leading contract chipmaker", "reported", 452.3 * B, "New Taiwan dollars", None, "TSMC net profit Q3 2025")
F(d, "beating the Reuters/LSEG estimate of T$417.7 billion", "", None, None, 417.7 * B, "New Taiwan dollars", None, "estimated net profit")
F(d, "Revenue climbed 30% to T$989.92 billion ($32.3 billion)", "", None, None, 989.92 * B, "New Taiwan dollars", None, "TSMC revenue Q3 2025")
F(d, "gross margin stood at 59.5%", "", None, None, 59.5, "percent", None, "gross margin")
F(d, "We continue to observe robust AI-related demand throughout 2025", "C.C. Wei", "Wei", "said")
F(d, "AI growth to remain “very positive,”", "C.C. Wei", "Wei", "expects")
F(d, "forecasting a 40%+ compound annual growth rate for AI-driven demand", "C.C. Wei", "Wei", "forecasting", 40, "percent", "at least", "annual growth of AI demand")
F(d, "projected fourth-quarter revenue between $32.2 billion and $33.4 billion", "Wendell Huang", "TSMC CFO Wendell Huang", "projected", 32.2 * B, "dollars", None, "Q4 revenue guidance")
F(d, "with a gross margin of 59–61%", "Wendell Huang", "TSMC CFO Wendell Huang", "projected", 59, "percent", None, "Q4 gross margin guidance")
F(d, "raised the company’s 2025 capital expenditure outlook to $40–42 billion", "Wendell Huang", "He", "raised", 40 * B, "dollars", None, "2025 capital expenditure outlook")
F(d, "raised their target price for TSMC shares to T$1,688", "", None, None, 1688, "New Taiwan dollars", None, "Morgan Stanley's target price")
F(d, "U.S.-listed TSMC shares rose over 1.9% in premarket trading", "", None, None, 1.9, "percent", "more than", "share price rise")

# ---- wimbledon-final-qualityshottennis-2025 (sport: a tennis final, scores and sets)
d = "wimbledon-final-qualityshottennis-2025"
F(d, "Jannik Sinner defeated defending champion Carlos Alcaraz 4-6, 6-4, 6-4, 6-4 to claim his first-ever Wimbledon title", "", None, None)
F(d, "The final was a rematch of the French Open final just weeks ago, which Alcaraz won", "", None, None)
F(d, "he took the next three sets by identical 6-4 scorelines", "", None, None, 3, "sets", None, "sets Sinner won 6-4")
F(d, "he was two sets down to Grigor Dimitrov before the Bulgarian was forced to retire due to injury", "", None, None, 2, "sets", None, "sets Sinner trailed by")
F(d, "where he defeated Novak Djokovic in straight sets", "", None, None)
F(d, "the 23-year-old Italian has come", "", None, None, 23, "years", None, "Sinner's age")
F(d, "Thank you for the player that you are.", "Jannik Sinner", "Sinner", "saying")

# ---- india-tourists-zeenews-2025 (tourism: arrivals in lakh and crore, Indian digit grouping)
d = "india-tourists-zeenews-2025"
CG = "Central government"
GS = "Gajendra Singh Shekhawat"
F(d, "Over 99 lakh foreign tourists visited India", CG, "the Central government", "informed", 99 * LAKH, "tourists", "more than", "foreign tourists 2024")
F(d, "over 3 crore Indians travelled abroad in 2024", CG, "the Central government", "informed", 3 * CRORE, "people", "more than", "Indians travelling abroad 2024")
F(d, "the number of foreign tourist arrivals stood at 99,51,722", GS, "Union Minister for Tourism and Culture Gajendra Singh Shekhawat", "stated", 9951722, "tourists", None, "foreign tourist arrivals 2024")
F(d, "In 2023, the number stood at 95,20,928", "", None, None, 9520928, "tourists", None, "foreign tourist arrivals 2023")
F(d, "64,37,467 foreign tourists arrived in the country", "", None, None, 6437467, "tourists", None, "foreign tourist arrivals 2022")
F(d, "The highest number of foreign tourists arrived from the United States (18,04,586)", "", None, None, 1804586, "tourists", None, "tourists from the US")
F(d, "This was followed by Bangladesh (17,50,165)", "", None, None, 1750165, "tourists", None, "tourists from Bangladesh")
F(d, "in third place was the United Kingdom (10,22,587)", "", None, None, 1022587, "tourists", None, "tourists from the UK")
F(d, "more than 77 lakh Indian nationals visited the UAE in 2024", CG, "The Central government", "informed", 77 * LAKH, "people", "more than", "Indians visiting the UAE")
F(d, "34,23,711 Indian nationals visited Saudi Arabia", "", None, None, 3423711, "people", None, "Indians visiting Saudi Arabia")
F(d, "21,43,909 Indian nationals visited the US", "", None, None, 2143909, "people", None, "Indians visiting the US")
F(d, "the Government of India acknowledges the potential of international tourism as a contributor to economic growth", "Kirti Vardhan Singh", "MoS Singh", "highlighted")

# ---- us-ev-sales-hot166-2025 (car sales: US electric vehicle sales in 2024)
d = "us-ev-sales-hot166-2025"
KBB = "Cox Automotive's Kelley Blue Book"
SV = "Stephanie Valdez Streaty"
F(d, "Electric vehicle (EV) sales in the U.S. reached an all-time high in 2024, with 1.3 million units sold", KBB, KBB, "according to", 1.3 * M, "units", None, "US EV sales 2024")
F(d, "This marked a 7.3% increase from 2023", "", None, None, 7.3, "percent", None, "growth of US EV sales")
F(d, "EVs now account for 8.1% of the U.S. auto market, up from 7.8% the year prior", "", None, None, 8.1, "percent", None, "EV share of the US market")
F(d, "when sales surged 49%", "", None, None, 49, "percent", None, "growth of US EV sales 2023")
F(d, "over 700,000 EVs were sold", "", None, None, 700 * K, "EVs", "more than", "EVs sold in the second half")
F(d, "representing 8.7% of total vehicle sales", "", None, None, 8.7, "percent", None, "EV share in the second half")
F(d, "attributed the gains to a combination of compelling new models and incentives from automakers and governments", SV, SV, "attributed")
F(d, "Looking back at 2024, I think it was a good year", SV, "she", "said")
F(d, "The automaker’s U.S. sales fell by 5.6%, totaling approximately 634,000 units in 2024", "", None, None, 634 * K, "units", "about", "Tesla's US sales 2024")
F(d, "accounting for nearly 50% of EV sales", "", None, None, 50, "percent", None, "Tesla's share of EV sales")
F(d, "these models accounted for over 40% of all EVs sold in the U.S.", "", None, None, 40, "percent", "more than", "Model Y and Model 3 share")

# ---- mississippi-bus-crash-fastseoul-2024 (road accident: toll, injured, investigators)
d = "mississippi-bus-crash-fastseoul-2024"
MHP = "Mississippi Highway Patrol"
TI = "Todd Inman"
F(d, "that killed 7, injured dozens more", "", None, None, 7, "people", None, "dead (headline)")
F(d, "a bus crash in Mississippi that killed seven people and injured dozens of others", "", None, None, 7, "people", None, "dead")
F(d, "They plan to look at how well the tires were maintained", TI, "NTSB member Todd Inman", "said")
F(d, "the crash was caused by tire failure", "National Transportation Safety Board", "The NTSB", "said")
F(d, "it left the roadway and overturned", MHP, "the Mississippi Highway Patrol", "according to")
F(d, "Six people aboard were pronounced dead at the scene and another died at a hospital", MHP, "a highway patrol news release", "according to", 6, "people", None, "dead at the scene")
F(d, "Thirty-six people were taken by ambulance to hospitals", "", None, None, 36, "people", None, "taken to hospitals")
F(d, "The dead included a 6-year-old boy and his 16-year-old sister", "Doug Huskey", "Warren County Coroner Doug Huskey", "according to", 6, "years", None, "age of the youngest dead")
F(d, "Authorities were working to identify the other victims", "Doug Huskey", "he", "said")
F(d, "The bus was traveling from Atlanta to Dallas with 41 passengers and two drivers", MHP, "the highway patrol", "said", 41, "passengers", None, "passengers aboard")
F(d, "the NTSB will also look at the carrier’s safety record and protections for bus occupants", TI, "Inman", "said")
F(d, "it has 20 years of experience providing cross-border trips between 100 destinations in Mexico and the U.S.", "Autobuses Regiomontanos", "The transit company", "says", 20, "years", None, "the carrier's years of experience")

# ---- box-office-showbuzzdaily-2024 (film box office: a weekend's grosses)
d = "box-office-showbuzzdaily-2024"
F(d, "which grew the weekend box office total to a new record", "", None, None)
F(d, "PUSHPA: THE RULE – PART 2 (AA), with $4.9M at 1245 theaters", "", None, None, 4.9 * M, "dollars", None, "Pushpa 2 weekend gross")
F(d, "($9.3M since its Wednesday opening)", "", None, None, 9.3 * M, "dollars", None, "Pushpa 2 gross since opening")
F(d, "where it reportedly has $70M", "", None, None, 70 * M, "dollars", None, "Pushpa 2 gross in India")
F(d, "launched with $2.4M at 846 theaters", "", None, None, 2.4 * M, "dollars", None, "Solo Leveling weekend gross")
F(d, "fell flat with $2.1M at 2108 theaters", "", None, None, 2.1 * M, "dollars", None, "Y2K weekend gross")
F(d, "earned $2.1M at 1540", "", None, None, 2.1 * M, "dollars", None, "concert movie weekend gross")
F(d, "the $1.1M start for WEREWOLVES (Briarcliff) at 1351 theaters", "", None, None, 1.1 * M, "dollars", None, "Werewolves weekend gross")
F(d, "THE ORDER (Vertical) managed $900K at 603 theaters", "", None, None, 900 * K, "dollars", None, "The Order weekend gross")
F(d, "brought in $600K at 594 theaters", "", None, None, 600 * K, "dollars", None, "RM documentary weekend gross")
F(d, "with $350K at 629 theaters", "", None, None, 350 * K, "dollars", None, "The Return weekend gross")
F(d, "down 63% from the 3-day Thanksgiving weekend to $52M", "", None, None, 52 * M, "dollars", None, "Moana 2 weekend gross")
F(d, "The overseas weekend was a massive $103.7M from 52 markets", "", None, None, 103.7 * M, "dollars", None, "Moana 2 overseas weekend")
F(d, "for a $300M total to date", "", None, None, 300 * M, "dollars", None, "Moana 2 overseas total")
F(d, "WICKED (Universal) dipped 57% to $35M in its 3rd weekend", "", None, None, 35 * M, "dollars", None, "Wicked weekend gross")
F(d, "should top $400M in the US", "", None, None, 400 * M, "dollars", "more than", "Wicked expected US total")

# ======== the unseen half (totals only: never read its misses) ========

# ---- cocoa-grind-maritimeprofessional-2025 (commodities: cocoa grind and arrivals in tons)
d = "cocoa-grind-maritimeprofessional-2025"
SP = "the director of an international grinding company based in San Pedro"
AB = "the director of a grinding company based in Abidjan"
F(d, "Ivory Coast's cocoa grind dropped 31.2% year-on-year in July to 39,301 metric tons", "GEPEX", "exporters' association GEPEX", "showed", 39301, "metric tons", None, "July cocoa grind")
F(d, "stood at 515,055 tons of beans, down 4% from the same period last season", "", None, None, 515055, "tons", None, "season's grind to July")
F(d, "July's grinding has fallen dramatically this year compared to last year, mainly due to the quality of the beans", SP, SP, "told")
F(d, "They are mediocre this year, so we are rejecting a large quantity due to a lack of fat and a high acidity level.", SP)
F(d, "cocoa bean arrivals at Ivory Coast's two main ports of Abidjan and San Pedro reached only 350,000 tons", "exporters", "exporters", "said", 350 * K, "tons", None, "bean arrivals April to August")
F(d, "down 30% from around 500,000 tons during the same period of last year", "exporters", "exporters", "said", 500 * K, "tons", "about", "bean arrivals a year earlier")
F(d, "grinders have no stocks left", "Exporters", "Exporters", "said")
F(d, "return to the grinding level for the period, i.e. just over 58,000 tons per month", AB, AB, "told", 58 * K, "tons", "more than", "normal monthly grind")
F(d, "This will require us to be aggressive in our purchasing from the start of the season.", AB)
F(d, "The GEPEX data covers six of the largest grinding companies", "", None, None, 6, "companies", None, "companies in the GEPEX data")
F(d, "Ivory Coast has a total grinding capacity of around 750,000 tons", "", None, None, 750 * K, "tons", "about", "grinding capacity")

# ---- sony-forecast-channelnewsasia-2025 (electronics earnings: forecast, quarter, units)
d = "sony-forecast-channelnewsasia-2025"
F(d, "Sony raised its operating profit forecast for the year ending March 2026 by 8 per cent to 1.43 trillion yen ($9.48 billion)", "Sony", "Sony", "raised", 1.43 * T, "yen", None, "operating profit forecast")
F(d, "citing a smaller-than-expected impact from U.S. tariffs and the strength of its entertainment and chips businesses", "Sony", "Sony", "citing")
F(d, "Operating profit in the July-September quarter climbed 10 per cent to 429 billion yen", "", None, None, 429 * B, "yen", None, "quarterly operating profit")
F(d, "the success of animated movie \"Demon Slayer: Kimetsu no Yaiba Infinity Castle\" as a key contributor", "Sony", "Sony", "cited")
F(d, "profit at Sony's games business fell in the second quarter", "", None, None)
F(d, "Sony sold 3.9 million units of its PlayStation 5", "", None, None, 3.9 * M, "units", None, "PlayStation 5 units sold")
F(d, "it has delayed the release of \"Grand Theft Auto VI\" for a second time to November next year", "Take-Two Interactive", "Take-Two Interactive", "said")
F(d, "Nintendo last week hiked its annual sales forecast for the Switch 2 to 19 million units", "Nintendo", "Nintendo", "hiked", 19 * M, "units", None, "Switch 2 sales forecast")
F(d, "cited sales of larger sensors as boosting its chips unit during the quarter", "Sony", "Sony", "cited")
F(d, "it would buy back up to 35 million shares for some 100 billion yen", "Sony", "The company", "said", 35 * M, "shares", "up to", "share buyback")
F(d, "Sony's shares climbed 6 per cent following the earnings announcement", "", None, None, 6, "percent", None, "share price rise")

# ---- atp-finals-golden444news-2025 (sport: a tennis final, sentences glued as stored)
d = "atp-finals-golden444news-2025"
JS = "Jannik Sinner"
F(d, "Jannik Sinner defeated Spain’s Carlos Alcaraz 7-6 (7-4), 7-5 at the 2025 ATP Finals championship match in Turin", "", None, None)
F(d, "Sinner has appeared in the last three ATP Finals championships matches, winning the last two back to back", "", None, None, 3, "finals", None, "ATP Finals finals Sinner played")
F(d, "He lost the 2023 edition to Serbia's Novak Djokovic", "", None, None)
F(d, "Their duel today was their six meeting in 2025", "", None, None, 6, "meetings", None, "Sinner-Alcaraz meetings in 2025")
F(d, "He is one of the best returners in the game", JS, "Sinner", "said")
F(d, "It means a lot to me to end the season like this.", JS)
F(d, "Sinner and Alcaraz have split the year’s four Grand Slam titles", "", None, None, 4, "titles", None, "Grand Slam titles of 2025")
F(d, "After three wins in the group stage in Turin, Alcaraz secured the year-end No. 1 ranking", "", None, None, 3, "wins", None, "Alcaraz's group-stage wins")
F(d, "there is no better end to the season", JS, "Sinner", "said", mention_after=True)
F(d, "Sinner claimed a tight first set in an 81-minute back-and-forth battle", "", None, None, 81, "minutes", None, "length of the first set")

# ---- india-arrivals-pib-2025 (tourism: a government release, international arrivals)
d = "india-arrivals-pib-2025"
F(d, "International Tourist Arrivals (ITAs) in India reached 20.57 million in 2024", "", None, None, 20.57 * M, "arrivals", None, "international tourist arrivals 2024")
F(d, "with an 8.9% increase over the previous year", "", None, None, 8.9, "percent", None, "growth of arrivals")
F(d, "International Tourist Arrivals (ITA) in India have shown continuous growth over the last five (5) years and have surpassed the pre-COVID levels", "", None, None, 5, "years", None, "years of growth")
F(d, "the number of e-visa issued has gone up rapidly over the last few years", "", None, None)
F(d, "At present there are fourteen sub-categories of e-visa", "", None, None, 14, "sub-categories", None, "e-visa sub-categories")
F(d, "is now available to the nationals of 175 countries", "", None, None, 175, "countries", None, "countries eligible for e-visa")
F(d, "for entry through 38 designated airports", "", None, None, 38, "airports", None, "e-visa airports")
F(d, "16 designated seaports", "", None, None, 16, "seaports", None, "e-visa seaports")
F(d, "02 land ports", "", None, None, 2, "land ports", None, "e-visa land ports")

# ---- ev-five-facts-semissourian-2024 (car sales: world electric vehicle sales, AP)
d = "ev-five-facts-semissourian-2024"
IEA = "International Energy Agency"
F(d, "EVs hit 50% of new car sales in July", "", None, None, 50, "percent", None, "EV share of new cars in China in July")
F(d, "Road transport accounts for around one-sixth of all global emissions from energy", IEA, "the International Energy Agency", "according to")
F(d, "grew by 25% year-over-year as of November", "", None, None, 25, "percent", None, "growth of the world EV market")
F(d, "Rho Motion estimates 15.2 million EVs had been sold worldwide", "Rho Motion", "Rho Motion", "estimates", 15.2 * M, "EVs", None, "EVs sold worldwide 2024")
F(d, "the International Energy Agency expected electrified vehicle sales to reach one in five cars sold globally", IEA, "the International Energy Agency", "expected")
F(d, "Mexico sold roughly 5 times as many EVs this year than last", "Rho Motion", "Rho Motion", "according to", 5, "times", "about", "growth of Mexico's EV sales")
F(d, "its 40% growth year-to-date", "", None, None, 40, "percent", None, "growth of China's EV sales")

# ---- pennsylvania-bus-crash-fastseoul-2025 (road accident: toll, bus load, police report)
d = "pennsylvania-bus-crash-fastseoul-2025"
PSP = "Pennsylvania State Police"
F(d, "3 dead, dozens injured as tour bus", "", None, None, 3, "people", None, "dead (headline)")
F(d, "tour bus carrying about 50 people crashes on Pennsylvania highway", "", None, None, 50, "people", "about", "people aboard (headline)")
F(d, "Three people are dead and dozens suffered minor to severe injuries during a Sunday night bus crash along a Pennsylvania interstate", PSP, "state police", "said", 3, "people", None, "dead")
F(d, "The wreck involved a 2005 tour bus carrying about 50 people and a 2016 Honda CRV", PSP, "Pennsylvania State Police", "said", 50, "people", "about", "people aboard")
F(d, "The bus exited the north side of the roadway, struck an embankment and flipped", PSP, "troopers", "wrote")
F(d, "Three people were pronounced dead at the scene", "the report", "the report", "according to", 3, "people", None, "dead at the scene")
F(d, "the remaining people on the bus suffered injuries ranging from minor to severe and were taken to hospitals", PSP, "Troopers", "said")
F(d, "The Honda's occupants were taken a hospital to be treated for moderate injuries", "", None, None)

# ---- alien-romulus-rottentomatoes-2024 (film box office: an opening weekend and comparisons)
d = "alien-romulus-rottentomatoes-2024"
F(d, "The last film to lead the box office four weeks in a row was Barbie", "", None, None, 4, "weeks", None, "weeks at the top")
F(d, "just behind xXx ($44.5 million)", "", None, None, 44.5 * M, "dollars", None, "xXx opening")
F(d, "ahead of The Mummy: Tomb of the Dragon Emperor ($40.4 million)", "", None, None, 40.4 * M, "dollars", None, "The Mummy 3 opening")
F(d, "Romulus’ $41.5 million start, even with inflation consideration, was the third-best opening ever for the franchise", "", None, None, 41.5 * M, "dollars", None, "Alien: Romulus opening")
F(d, "behind Prometheus’ $51 million start in June 2012", "", None, None, 51 * M, "dollars", None, "Prometheus opening")
F(d, "which would have amounted to a $43.6 million opening today", "", None, None, 43.6 * M, "dollars", None, "Alien 3 opening adjusted")
F(d, "James Cameron’s Aliens would be about a $28.8 million start", "", None, None, 28.8 * M, "dollars", "about", "Aliens opening adjusted")
F(d, "Ridley Scott’s 1979 original would clock in with a total around $342 million", "", None, None, 342 * M, "dollars", "about", "Alien total adjusted")
F(d, "Aliens about $244 million", "", None, None, 244 * M, "dollars", "about", "Aliens total adjusted")
F(d, "Romulus is hoping to make a run at those totals with $108 million globally to start", "", None, None, 108 * M, "dollars", None, "Alien: Romulus global opening")
F(d, "The film trailed off to conclude with $126.4 million, a mere 2.47 multiple over its opening", "", None, None, 126.4 * M, "dollars", None, "Prometheus total")
F(d, "Alien: Covenant, opened decently to $36 million", "", None, None, 36 * M, "dollars", None, "Alien: Covenant opening")
F(d, "finished with just $74 million", "", None, None, 74 * M, "dollars", None, "Alien: Covenant total")
F(d, "Alien: Resurrection in 1997 is the only film in the series to post noticeable losses", "", None, None)

# Scaled amounts ("174.9 million") are computed in floating point: store them as the
# whole numbers they are, and plain decimals as written.
for r in FACTS.records:
    v = r["value"]
    if isinstance(v, float):
        v = round(v, 6)
        r["value"] = int(v) if v == int(v) else v

FACTS.write()
