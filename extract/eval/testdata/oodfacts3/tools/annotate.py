"""Builds facts.jsonl of the third out-of-domain facts measure, oodfacts3 (same format
as ../ood, ../oodtune to ../oodtune7, ../oodfacts1 and ../oodfacts2, see README.md).

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
    "Monthly Oil Market Report": ["OPEC", "The report", "Organization of the Petroleum Exporting Countries"],
    "Organization of the Petroleum Exporting Countries": ["OPEC"],
    "OPEC": ["Organization of the Petroleum Exporting Countries"],
    "Quarterly Mobile Phone Tracker report": ["IDC", "Quarterly Mobile Phone Tracker"],
    "Nabila Popal": ["Popal"],
    "Runar Bjørhovde": ["Bjørhovde"],
    "Le Xuan Chiew": ["Chiew"],
    "Centers for Disease Control and Prevention": ["CDC"],
    "U.S. Centers for Disease Control and Prevention": ["Centers for Disease Control and Prevention"],
    "National Disaster Risk Reduction and Management Council": ["NDRRMC", "NDDRMC"],
    "Philippine Institute of Volcanology and Seismology": ["PHIVOLCS"],
    "Abdul Muhari": ["Muhari"],
    "Mike Masco": ["Masco"],
    "Markus Thielen": ["Thielen"],
    "André Dragosch": ["Dragosch"],
    "DynaLiners Millionaires report": ["DynaLiners"],
}

FACTS = spans.Facts(OUT, ALIASES)
F = FACTS.F
K = 1_000
M = 1_000_000
B = 1_000_000_000

# ======== the tuning half ========

# ---- opec-september-aa-2025 (oil output: a monthly OPEC report)
d = "opec-september-aa-2025"
R = "Monthly Oil Market Report"
O = "Organization of the Petroleum Exporting Countries"
F(d, "Crude oil production by the Organization of the Petroleum Exporting Countries (OPEC) rose by 524,000 barrels per day (bpd) in September compared to the previous month, reaching around 28.44 million bpd", R, "Monthly Oil Market Report", "according to", 28.44 * M, "barrels per day", "about", "OPEC crude output September 2025")
F(d, "the largest output increase came from Saudi Arabia, while Nigeria was the only member to post a decline", R, "The report", "showed")
F(d, "Saudi Arabia, the group's top producer, increased its output by 248,000 bpd to about 9.96 million bpd", "", None, None, 9.96 * M, "barrels per day", "about", "Saudi output")
F(d, "Nigeria's production, meanwhile, declined by 21,000 bpd to approximately 1.52 million bpd", "", None, None, 1.52 * M, "barrels per day", "about", "Nigeria's output")
F(d, "Total crude production by the OPEC+ alliance, comprising OPEC members and some major non-OPEC producers, rose by 630,000 bpd to 43.05 million bpd", "", None, None, 43.05 * M, "barrels per day", None, "OPEC+ output")
F(d, "projecting an increase of 1.3 million bpd year-on-year, bringing total demand to 105.1 million bpd", O, "OPEC", "projecting", 105.1 * M, "barrels per day", None, "world oil demand 2025")
F(d, "demand is seen rising by around 1.17 million bpd to 59.17 million bpd", "", None, None, 59.17 * M, "barrels per day", None, "non-OECD demand 2025")
F(d, "Demand in OECD countries is projected to rise by just 130,000 bpd to 45.97 million bpd", "", None, None, 45.97 * M, "barrels per day", None, "OECD demand 2025")
F(d, "demand to grow by around 1.38 million bpd, reaching 106.52 million bpd", O, "OPEC", "expects", 106.52 * M, "barrels per day", None, "world oil demand 2026")

# ---- smartphones-q2-evertiq-2024 (smartphone shipments: a quarterly tracker)
d = "smartphones-q2-evertiq-2024"
QT = "Quarterly Mobile Phone Tracker report"
F(d, "global smartphone shipments increased 6.5% year over year to 285.4 million units in the second quarter of 2024 (2Q24)", QT, "The researcher's new Quarterly Mobile Phone Tracker report", "says", 285.4 * M, "units", None, "smartphone shipments Q2 2024")
F(d, "This marks the fourth consecutive quarter of shipment growth", "", None, None)
F(d, "demand in some markets remains sluggish", "IDC", "IDC", "cautioned")
F(d, "the increasing concentration of sales among the dominant handset OEMs", "IDC", "It", "cited")
F(d, "While recovery is well under way with the top five companies all making year-over-year gains, we are seeing increasing competition amongst the leaders and a polarisation of price bands", "Nabila Popal", "Nabila Popal", "said")
F(d, "the market is optimistic for the future thanks to higher average selling prices (ASPs)", "Nabila Popal", "Popal", "stressed")
F(d, "Gen AI smartphones, which are expected to capture 19% of the market with 234 million shipments this year", "Nabila Popal", "Popal", "stressed", 234 * M, "shipments", None, "Gen AI smartphone shipments 2024")
F(d, "Samsung captured the top position in 2Q24 with 18.9% share of shipments", "", None, None, 18.9, "percent", None, "Samsung share")
F(d, "Apple finished the quarter in second place with 15.8%", "", None, None, 15.8, "percent", None, "Apple share")
F(d, "Xiaomi placed third in 2Q24 with 14.8% share", "", None, None, 14.8, "percent", None, "Xiaomi share")
F(d, "vivo and OPPO tied for the fourth position with 9.1% and 9.0% share respectively", "", None, None, 9.1, "percent", None, "vivo share")

# ---- us-births-semafor-2024 (births: official data on fertility)
d = "us-births-semafor-2024"
CDC = "Centers for Disease Control and Prevention"
F(d, "US fertility rates hit a record low last year, continuing a decades-long decline, with the number of children born falling across almost all racial and ethnic groups", "official data", "official data", "according to")
F(d, "About 3.6 million babies were born in the US in 2023", CDC, CDC, "said", 3.6 * M, "babies", "about", "US births 2023")
F(d, "equating to a fertility rate of about 1.6 kids per woman, the lowest in more than a century", CDC, CDC, "said", 1.6, "children per woman", "about", "US fertility rate 2023")
F(d, "It puts the US well below the “replacement” birthrate of 2.1", "", None, None, 2.1, "children per woman", None, "replacement rate")
F(d, "Women are opting to wait longer to have children", "", None, None)
F(d, "In 2000, the world’s fertility rate stood at 2.7 births per woman", "", None, None, 2.7, "births per woman", None, "world fertility rate 2000")
F(d, "As of 2023, the rate was 2.3 and falling", "", None, None, 2.3, "births per woman", None, "world fertility rate 2023")

# ---- kanlaon-philstar-2024 (volcano: an eruption and evacuations)
d = "kanlaon-philstar-2024"
ND = "National Disaster Risk Reduction and Management Council"
PH = "Philippine Institute of Volcanology and Seismology"
F(d, "Kanlaon eruption displaces nearly 800 people", "", None, None, 800, "people", None, "people displaced")
F(d, "Nearly 800 people were evacuated after Mount Kanlaon on Negros island erupted on Monday evening", ND, ND, "reported", 800, "people", None, "people evacuated")
F(d, "raised Alert Level 2, indicating increasing unrest, over Kanlaon after it sent a five-kilometer plume of ash, gas, and rocks into the sky", "", None, None, 5, "kilometers", None, "plume height")
F(d, "796 individuals fled their homes", ND, "the NDRRMC", "said", 796, "individuals", None, "people who fled")
F(d, "the public to avoid the four-kilometer radius Permanent Danger Zone (PDZ) to minimize risks from sudden explosions, rockfall, and landslides", PH, "PHIVOLCS", "advised", 4, "kilometers", None, "danger zone radius")
F(d, "pilots should avoid flying close to the volcano’s summit as ash from any sudden eruption can be hazardous to aircraft", PH, "It", "said")
F(d, "Kanlaon, which straddles the provinces of Negros Occidental and Negros Oriental, is one of the 24 active volcanoes in the archipelago", "", None, None, 24, "volcanoes", None, "active volcanoes in the Philippines")
F(d, "reported detecting 43 volcanic earthquakes at Kanlaon", PH, "PHIVOLCS", "reported", 43, "earthquakes", None, "volcanic earthquakes")
F(d, "The Philippines lies in the seismically active Pacific Ring of Fire", "", None, None)

# ---- bitcoin-record-discoveryn24-2025 (crypto markets: a record price and ETF inflows)
d = "bitcoin-record-discoveryn24-2025"
F(d, "Bitcoin flies to new all-time highs, topping $118,000", "", None, None, 118 * K, "dollars", "more than", "bitcoin price")
F(d, "The price of the flagship cryptocurrency was last higher by 4% at $118,029.00", "Coin Metrics", "Coin Metrics", "according to", 118029, "dollars", None, "bitcoin price")
F(d, "Earlier, it rose as high as $118,872.85", "", None, None, 118872.85, "dollars", None, "bitcoin high")
F(d, "Ether rose nearly 7% to trade back above the $3,000 level for the first time since February", "", None, None, 7, "percent", None, "ether rise")
F(d, "bitcoin ETFs logged their biggest day of inflows of 2025 at $1.18 billion", "", None, None, 1.18 * B, "dollars", None, "bitcoin ETF inflows in a day")
F(d, "Ether ETFs recorded their second-biggest day of inflows ever at $383.1 million", "SoSoValue", "SoSoValue", "according to", 383.1 * M, "dollars", None, "ether ETF inflows in a day")
F(d, "That's when we started to really take out the top range", "Markus Thielen", "Markus Thielen", "said")
F(d, "It's expected that whoever comes in to lead the Fed next is going to be dovish", "Markus Thielen", "he", "added", mention_after=True)
F(d, "In the past 24 hours, bitcoin has seen more than $650 million in short liquidations", "", None, None, 650 * M, "dollars", "more than", "bitcoin short liquidations")
F(d, "ether more than $215 million", "", None, None, 215 * M, "dollars", "more than", "ether short liquidations")

# ---- container-ports-ajot-2024 (container ports: fleet and throughput)
d = "container-ports-ajot-2024"
F(d, "2024, however, looks to be a stronger year for container ports", "", None, None)
F(d, "there are 6,166 container ships active", "Alphaliner", "Alphaliner", "According to", 6166, "container ships", None, "active container ships")
F(d, "with a carrying capacity of 29,487,484 TEUs", "Alphaliner", "Alphaliner", "According to", 29487484, "TEUs", None, "fleet capacity")
F(d, "the Trans-Atlantic with 159,315 TEUs", "", None, None, 159315, "TEUs", None, "Trans-Atlantic capacity")
F(d, "the Far East-to-Europe with 458,864 TEUs", "", None, None, 458864, "TEUs", None, "Far East-Europe capacity")
F(d, "the largest, Trans-Pacific with 517,472 TEUs", "", None, None, 517472, "TEUs", None, "Trans-Pacific capacity")
F(d, "twelve of the top fifteen container ports lie in Asia", "", None, None, 12, "ports", None, "top-15 ports in Asia")
F(d, "In 2023 Shanghai handled nearly 49.2 million TEUs for the fifth straight year", "", None, None, 49.2 * M, "TEUs", None, "Shanghai throughput 2023")
F(d, "Singapore at 39 million TEUs", "", None, None, 39 * M, "TEUs", None, "Singapore throughput 2023")
F(d, "the neighboring Chinese port of Ningbo-Zhoushan at 35.3 million", "", None, None, 35.3 * M, "TEUs", None, "Ningbo-Zhoushan throughput 2023")

# ---- gold-reserves-majalla-2024 (gold: prices and reserves)
d = "gold-reserves-majalla-2024"
F(d, "interest in gold is rising", "", None, None)
F(d, "Both Moscow and Beijing have doubled their purchases in the past year", "", None, None)
F(d, "A year ago, the spot price was around at $2,000 per ounce", "", None, None, 2000, "dollars per ounce", "about", "gold price a year ago")
F(d, "It is now more than $2,500 per ounce, a rise of 25%", "", None, None, 2500, "dollars per ounce", "more than", "gold price now")
F(d, "The United States still has the highest overall gold reserves, holding 8,133 tonnes", "", None, None, 8133, "tonnes", None, "US gold reserves")
F(d, "Half are stored at the US Bullion Depository, known as Fort Knox", "", None, None)
F(d, "Germany ranks second with 3,351 tonnes", "", None, None, 3351, "tonnes", None, "German gold reserves")
F(d, "followed by Italy with 2,452 tonnes", "", None, None, 2452, "tonnes", None, "Italian gold reserves")

# ======== the unseen half ========

# ---- opec-july-petropulseonline-2025 (oil output: a monthly OPEC report)
d = "opec-july-petropulseonline-2025"
F(d, "OPEC crude oil production rose by 263,000 barrels per day (bpd) in July to reach 27.54 million bpd", R, "Monthly Oil Market Report", "according to", 27.54 * M, "barrels per day", None, "OPEC crude output July 2025")
F(d, "The increase was led by Saudi Arabia, which boosted output by 170,000 bpd to 9.53 million bpd", "", None, None, 9.53 * M, "barrels per day", None, "Saudi output")
F(d, "Iraq registered the largest drop, down 51,000 bpd to 3.90 million bpd", "", None, None, 3.9 * M, "barrels per day", None, "Iraq's output")
F(d, "rose by 335,000 bpd in July, bringing total output to 41.94 million bpd", "", None, None, 41.94 * M, "barrels per day", None, "OPEC+ output")
F(d, "projecting an increase of 1.3 million bpd year-on-year, bringing total demand to 105.14 million bpd", "OPEC", "OPEC", "projecting", 105.14 * M, "barrels per day", None, "world oil demand 2025")
F(d, "the bulk of this growth—about 1.15 million bpd—is expected to come from non-OECD economies", R, "The report", "underlines", 1.15 * M, "barrels per day", "about", "non-OECD demand growth")
F(d, "OECD demand is forecast to grow by a modest 140,000 bpd", "", None, None, 140 * K, "barrels per day", None, "OECD demand growth")
F(d, "capacity utilisation expected to trend higher in Asia and the Middle East", "OPEC", "the group", "noted")

# ---- smartphones-q3-ettelecom-2024 (smartphone shipments: preliminary estimates)
d = "smartphones-q3-ettelecom-2024"
F(d, "Global smartphone shipments grow 5% in 3Q24", "Canalys", "Canalys", None, 5, "percent", None, "shipment growth Q3 2024")
F(d, "Apple achieved its highest third-quarter volume to date and has never been closer to leading the global smartphone market in a Q3 than now", "Runar Bjørhovde", "Runar Bjørhovde", "said", anchor="Apple achieved its highest third-quarter volume to date and has never been closer to leading the global smartphone market in a Q3 than now,” said Runar Bjørhovde, Analyst at Canalys.\nThe July")
F(d, "The July-September quarter marked the fourth consecutive quarter of growth", "Canalys", "the research firm", "according to")
F(d, "Samsung and Apple, at first and second ranks, each had an 18% volume share in Q3 2024", "", None, None, 18, "percent", None, "Samsung and Apple share")
F(d, "the South Korean brand’s share was down from 21% in Q3 2023", "Canalys", "Canalys data", "as per", 21, "percent", None, "Samsung share a year before")
F(d, "the iPhone-maker’s share grew from 17% in Q3 2023", "Canalys", "Canalys data", "as per", 17, "percent", None, "Apple share a year before")
F(d, "The gap between the top five vendors has narrowed, intensifying the competitive landscape", "Le Xuan Chiew", "Le Xuan Chiew", "commented")
F(d, "demand remains fragile as vendors face increasing global challenges in demand generation and regulatory hurdles", "", None, None)
F(d, "Effective supply chain management, maintaining healthy inventory levels, and optimizing sales and marketing fund allocation are becoming even more critical for market leadership", "Le Xuan Chiew", "Chiew", "said")

# ---- us-births-prorevnews-2025 (births: the CDC's birth data)
d = "us-births-prorevnews-2025"
UCDC = "U.S. Centers for Disease Control and Prevention"
F(d, "the number of births across the nation climbed by a modest 1 percent from 2023 to 2024, for a total of 3,628,934 births", UCDC, UCDC, "According to", 3628934, "births", None, "US births 2024")
F(d, "the general fertility rate fell 1 percent to 53.8 births per 1,000 females aged 15 to 44", "", None, None, 53.8, "births per 1,000 females", None, "general fertility rate 2024")
F(d, "Birth rates also dropped among younger women aged 15 to 34, while remaining unchanged for older age groups", "", None, None)
F(d, "historical data shows a much more dire picture", "historical data", "historical data", "shows")
F(d, "Last year, the nation's fertility rate was fewer than 1.6 kids per woman, down from 2.1 in 2006", "", None, None, 1.6, "children per woman", "less than", "US fertility rate 2024")

# ---- ruang-westernstandard-2024 (volcano: an eruption and evacuations)
d = "ruang-westernstandard-2024"
F(d, "A major volcano eruption from Mount Ruang in the North Sulawesi province of Indonesia Wednesday has caused thousands of people to be evacuated from their homes", "", None, None)
F(d, "more than 800 people were evacuated from Ruang to a nearby island, Tagulandang", "", None, None, 800, "people", "more than", "people evacuated first")
F(d, "there is a possibility of a subsequent tsunami if pieces of the volcano collapse into the sea", "Indonesian authorities", "Indonesian authorities", "said")
F(d, "11,000 residents have been told to evacuate a danger zone of a radius of six kilometres", "", None, None, 11 * K, "residents", None, "residents told to evacuate")
F(d, "Authorities also closed the nearest international airport in Manado city on Sulawesi island for 24 hours", "", None, None, 24, "hours", None, "airport closure")
F(d, "At least 11,615 residents who are in the risk area must evacuate to a safe place", "Abdul Muhari", "Abdul Muhari", "said", 11615, "residents", "at least", "residents who must evacuate")
F(d, "The current condition, particularly the road condition, is covered by volcanic material", "Ikram Al Ulah", "Ikram Al Ulah", "said")
F(d, "The eruption reportedly exceeded 4 on the volcanic explosivity index", "Mike Masco", "meteorologist Mike Masco", "per", 4, "VEI", "more than", "volcanic explosivity index")
F(d, "Mount Ruang is a “stratovolcano,” a structure more steep and cone-shaped than other volcanoes", "Mike Masco", "Masco", "noted")

# ---- bitcoin-etf-ainvest-2025 (crypto markets: ETF inflows and price targets)
d = "bitcoin-etf-ainvest-2025"
F(d, "Bitcoin ETFs See $1.5 Billion Inflows Driving 19% Weekly Gain", "", None, None, 1.5 * B, "dollars", None, "ETF inflows in two days")
F(d, "The US-listed spot Bitcoin (BTC) ETFs experienced over $1.5 billion in combined inflows over a two-day period", "", None, None, 1.5 * B, "dollars", "more than", "ETF inflows in two days")
F(d, "$608 million on May 21", "", None, None, 608 * M, "dollars", None, "ETF inflows May 21")
F(d, "$934 million on May 22", "", None, None, 934 * M, "dollars", None, "ETF inflows May 22")
F(d, "the monthly inflows could surge to $6.68 billion", "", None, None, 6.68 * B, "dollars", None, "projected monthly inflows")
F(d, "surpassing the previous monthly record of $6.49 billion set in November 2024", "", None, None, 6.49 * B, "dollars", None, "monthly inflow record")
F(d, "Bitcoin's rise to a new all-time high of $112,000 on May 22", "", None, None, 112 * K, "dollars", None, "bitcoin high")
F(d, "marking an increase of over 19% in the past week", "", None, None, 19, "percent", "more than", "weekly rise")
F(d, "the structural inflows from institutions may help Bitcoin surpass the $200,000 base case before the end of 2025", "André Dragosch", "André Dragosch", "According to", 200 * K, "dollars", None, "bitcoin base case 2025")
F(d, "the price could move closer to $500,000", "André Dragosch", "Dragosch", "noted", 500 * K, "dollars", None, "bitcoin price with US buying")
F(d, "Bitwise’s in-house prediction for 2029 is a $1 million Bitcoin price target", "", None, None, 1 * M, "dollars", None, "Bitwise 2029 target")

# ---- port-growth-containernews-2025 (container ports: growth by port)
d = "port-growth-containernews-2025"
F(d, "Global container port growth 2024 showed mixed results", "DynaLiners Millionaires report", "DynaLiners Millionaires report", "according to")
F(d, "Total throughput rose 8% to 820.6 million TEU", "", None, None, 820.6 * M, "TEU", None, "total throughput 2024")
F(d, "Thirteen achieved 25% or more", "", None, None, 13, "ports", None, "ports with 25% growth or more")
F(d, "Djibouti – 46% growth (1.3 million TEU in 2024", "", None, None, 1.3 * M, "TEU", None, "Djibouti throughput 2024")
F(d, "Qinzhou, China – 45% growth (9.0 million TEU in 2024", "", None, None, 9 * M, "TEU", None, "Qinzhou throughput 2024")
F(d, "Dammam, Saudi Arabia – 43% growth (3.3 million TEU in 2024", "", None, None, 3.3 * M, "TEU", None, "Dammam throughput 2024")
F(d, "Tema, Ghana – 40% growth (1.7 million TEU in 2024", "", None, None, 1.7 * M, "TEU", None, "Tema throughput 2024")
F(d, "Alexandria, Egypt – 36% growth (2.2 million TEU in 2024", "", None, None, 2.2 * M, "TEU", None, "Alexandria throughput 2024")
F(d, "Aliaga, Turkey – 34% growth (2.1 million TEU in 2024", "", None, None, 2.1 * M, "TEU", None, "Aliaga throughput 2024")
F(d, "Buenaventura, Colombia – 32% growth (1.4 million TEU in 2024", "", None, None, 1.4 * M, "TEU", None, "Buenaventura throughput 2024")

# ---- gold-demand-gmteight-2026 (gold: yearly demand)
d = "gold-demand-gmteight-2026"
WGC = "World Gold Council"
F(d, "Global central banks have bought 863 tons of gold in one year", "", None, None, 863, "tons", None, "central bank purchases 2025")
F(d, "causing the total value of global gold demand to soar to $555 billion", "", None, None, 555 * B, "dollars", None, "value of gold demand 2025")
F(d, "global total gold demand is expected to exceed 5,000 tons for the first time in 2025, reaching 5,002 tons", WGC, WGC, "According to", 5002, "tons", None, "gold demand 2025")
F(d, "the total value of global gold demand has soared to 555 billion US dollars, a year-on-year increase of 45%", "", None, None, 555 * B, "dollars", None, "value of gold demand 2025")
F(d, "In 2025, global central bank gold purchases reached 863 tons", "", None, None, 863, "tons", None, "central bank purchases 2025")
F(d, "the pace of central bank gold purchases has slowed compared to the past three years", "", None, None)

# Scaled amounts ("28.44 million") are computed in floating point: store them as the
# whole numbers they are, and plain decimals as written.
for r in FACTS.records:
    v = r["value"]
    if isinstance(v, float):
        v = round(v, 6)
        r["value"] = int(v) if v == int(v) else v

FACTS.write()
