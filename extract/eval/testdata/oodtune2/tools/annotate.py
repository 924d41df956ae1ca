"""Builds facts.jsonl of the second out-of-domain tuning set (same format as ../ood and
../oodtune, see README.md).

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
    "State Election Commission": ["SEC", "Commission"],
    "Election Commission": ["EC"],
    "Microsoft Corporation": ["Microsoft"],
    "British Medical Association": ["BMA"],
    "International Renewable Energy Agency": ["IRENA"],
    "National Centre for Vector Borne Disease Control": ["NCVBDC"],
}


FACTS = spans.Facts(OUT, ALIASES)
F = FACTS.F

# ---- macedonia-turnout-mia-2024 (election outside the US; an electoral commission's figures)
d = "macedonia-turnout-mia-2024"
SEC = "State Election Commission"
F(d, "A total of 395,576 people, out of 1,172,912 eligible voters, voted in the runoff of the 2024 presidential elections by 3 pm", "", None, None, 395576, "people", None, "voted in the presidential runoff by 3 pm")
F(d, "which is 33.73%", "", None, None, 33.73, "percent", None, "presidential runoff turnout by 3 pm")
F(d, "Turnout by 3 pm for the 2024 parliamentary elections is 37.44%", SEC, "State Election Commission", "said", 37.44, "percent", None, "parliamentary turnout by 3 pm")
F(d, "after 416,915 people voted out of 1,113,441 eligible voters", SEC, "State Election Commission", "said", 416915, "people", None, "voted in the parliamentary elections by 3 pm")
F(d, "Novaci registered the highest turnout in the presidential elections with 52.32%", SEC, "SEC", "According to", 52.32, "percent", None, "highest presidential turnout")
F(d, "Compared to the second round of the 2019 presidential elections, turnout is up by 3.39%", SEC, "SEC", "said", 3.39, "percent", None, "turnout change against 2019")
F(d, "Compared to the 2020 parliamentary elections, turnout is increased by 5.66%", SEC, "SEC", "said", 5.66, "percent", None, "turnout change against 2020")
F(d, "has received 405 complaints about people's voting rights", SEC, "the SEC", "said", 405, "complaints", None, "complaints received", mention_after=True)
F(d, "176 complaints have been approved", SEC, "the SEC", "said", 176, "complaints", None, "complaints approved", mention_after=True)
F(d, "1,303 local observers and 860 international observers are monitoring the Election Day", SEC, "The Commission", "notes", 1303, "observers", None, "local observers")

# ---- thailand-pao-election-2025 (election outside the US; an electoral commission's figures)
d = "thailand-pao-election-2025"
EC = "Election Commission"
F(d, "58.45% of the 27.9 million eligible voters participated", EC, "The Election Commission", "announced", 58.45, "percent", None, "turnout in 47 provinces")
F(d, "16,362,185 voters exercised their rights", "", None, None, 16362185, "voters", None, "voters in 47 provinces")
F(d, "14,272,694 ballots deemed valid", "", None, None, 14272694, "ballots", None, "valid ballots in 47 provinces")
F(d, "931,290 ballots, or 5.69%, were invalid", EC, "The EC", "reported", 931290, "ballots", None, "invalid ballots in 47 provinces")
F(d, "1,158,201 ballots (7.08%) were marked as “no vote.”", EC, "The EC", "reported", 1158201, "ballots", None, "no-vote ballots in 47 provinces")
F(d, "the total number of eligible voters across the 76 PAOs was 47,124,842", "", None, None, 47124842, "voters", None, "eligible voters in 76 provinces")
F(d, "1,799,344 ballots (6.81%) were marked as “no vote.”", EC, "The EC", "stated", 1799344, "ballots", None, "no-vote ballots in 76 provinces")

# ---- microsoft-profit-punch-2024 (company results; officers quoted)
d = "microsoft-profit-punch-2024"
MS = "Microsoft Corporation"
F(d, "Microsoft Corporation increased its profit by 11 per cent year-on-year to $24.7bn", "", None, None, 24700000000, "dollars", None, "quarterly profit")
F(d, "revenue rose to $65.6bn", MS, "The company’s financial results", "revealed", 65600000000, "dollars", None, "quarterly revenue")
F(d, "Operating income also grew by 14 per cent to $30.6bn", "", None, None, 30600000000, "dollars", None, "operating income")
F(d, "reported diluted earnings per share of $3.30", MS, "Microsoft", "reported", 3.30, "dollars", None, "diluted earnings per share")
F(d, "revenue reached $28.3bn, reflecting a 12 per cent increase", "", None, None, 28300000000, "dollars", None, "segment revenue")
F(d, "AI-driven transformation is reshaping work", "Satya Nadella", "Satya Nadella", "commented")
F(d, "We are expanding our opportunities and gaining new customers", "Satya Nadella", "He", "added")
F(d, "with Microsoft Cloud revenue reaching $38.9bn, up 22 per cent year-over-year", "Amy Hood", "Amy Hood", "stated", 38900000000, "dollars", None, "cloud revenue")

# ---- channel-crossings-2024 (migration; government figures, a spokesperson, the opposition)
d = "channel-crossings-2024"
HO = "Home Office"
HOS = "Home Office spokesperson"
JC = "James Cleverly"
F(d, "More than 19,000 migrants have entered the UK by small boat in 2024 so far", HO, "Home Office", "according to", 19000, "migrants", "more than", "crossings in 2024")
F(d, "nearly 500 people crossed the channel on Saturday", HO, "Home Office", "according to", 500, "people", None, "crossings on Saturday")
F(d, "492 migrants crossed in nine boats", "", None, None, 492, "migrants", None, "crossings on August 17")
F(d, "taking the provisional total for the year so far to 19,066", "", None, None, 19066, "migrants", None, "crossings in 2024")
F(d, "This is a 10% increase on the figure recorded last year", "", None, None, 10, "percent", None, "rise on 2023")
F(d, "703 people were recorded as arriving in the UK last Sunday in 11 boats", "", None, None, 703, "people", None, "crossings last Sunday")
F(d, "We all want to see an end to dangerous small boat crossings", HOS, "A Home Office spokesperson", "said")
F(d, "The new Government is taking steps to boost our border security", HOS)
F(d, "has benefited those capitalising on unsafe crossings", JC, "shadow home secretary James Cleverly", "says")
F(d, "When Labour ditched our deterrent they sent a dangerous signal to the people smugglers", JC, "He", "said")
F(d, "This new government must urgently take action to get a grip on these ever rising crossing numbers", JC)

# ---- india-dengue-etv-2024 (public health; a ministry and an unnamed official)
d = "india-dengue-etv-2024"
HM = "Health Ministry"
OFF = "senior Health Ministry official"
F(d, "India Witnessing Spike In Dengue Cases", HM, "Health Ministry", "Says")
F(d, "there are 32,091 dengue across the country till date", HM, "the Health Ministry", "confirmed", 32091, "cases", None, "dengue cases this year")
F(d, "a total of 32,091 dengue cases have been reported across the country", OFF, "a senior Health Ministry official", "said", 32091, "cases", None, "dengue cases till June")
F(d, "against a total of 18,391 dengue cases reported in the corresponding period of 2023", OFF, "a senior Health Ministry official", "said", 18391, "cases", None, "dengue cases in the same period of 2023")
F(d, "32 deaths have also been reported from across the country due to dengue", OFF, "The official", "said", 32, "deaths", None, "dengue deaths")
F(d, "Kerala bearing the highest casualties of 22", OFF, "The official", "said", 22, "deaths", None, "deaths in Kerala")
F(d, "Karnataka reported five deaths", "", None, None, 5, "deaths", None, "deaths in Karnataka")
F(d, "At least seven review meetings were held till July 10 this year", OFF, "the official", "informed", 7, "meetings", "at least", "review meetings")

# ---- bangladesh-dengue-jago-2024 (public health; a health directorate's release)
d = "bangladesh-dengue-jago-2024"
DG = "Directorate General of Health Services"
F(d, "Five dengue patients died", "", None, None, 5, "people", None, "deaths in 24 hours")
F(d, "534 were hospitalised in the country", "", None, None, 534, "people", None, "hospitalised in 24 hours")
F(d, "a total of 16,819 dengue cases", DG, "Directorate General of Health Services", "said", 16819, "cases", None, "cases this year")
F(d, "102 deaths from the mosquito-borne disease were reported", DG, "Directorate General of Health Services", "said", 102, "deaths", None, "deaths this year")
F(d, "the country recorded 1,705 deaths from the disease", "", None, None, 1705, "deaths", None, "deaths last year")
F(d, "3,21,179 dengue cases were reported in the same year", "", None, None, 321179, "cases", None, "cases last year")

# ---- junior-doctors-strike-2024 (labour; a union's claims)
d = "junior-doctors-strike-2024"
BMA = "British Medical Association"
F(d, "Thousands of medics demanding pay hikes of up to 35 per cent", "", None, None, 35, "percent", "up to", "pay rise demanded")
F(d, "the Government had not made a credible offer", BMA, "British Medical Association (BMA) bosses", "claimed")
F(d, "junior doctors were ‘fed up and out of patience’", BMA, "British Medical Association (BMA) bosses", "claimed")
F(d, "More than a million appointments and operations have been cancelled", "", None, None, 1000000, "appointments", "more than", "appointments cancelled")
F(d, "its demands are for ‘pay restoration’", BMA, "The BMA", "claims")
F(d, "meaning they will cover six days in total", "", None, None, 6, "days", None, "strike length")
F(d, "had been in discussions with the Government for three months", "", None, None, 3, "months", None, "length of talks")

# ---- eurelectric-renewables-2024 (energy; an industry association's figures)
d = "eurelectric-renewables-2024"
EU = "Eurelectric"
F(d, "renewable energy sources accounted for 48% of the EU’s electricity generation in 2024", EU, "Eurelectric", "According to", 48, "percent", None, "renewable share")
F(d, "with nuclear energy contributing 24%", EU, "Eurelectric", "According to", 24, "percent", None, "nuclear share")
F(d, "fossil fuels reaching a record low of 28%", EU, "Eurelectric", "According to", 28, "percent", None, "fossil share")
F(d, "the growth in renewable energy led to a 59% reduction in emissions compared to 1990 levels", EU, "Eurelectric", "noting", 59, "percent", None, "emission reduction since 1990")
F(d, "a record 1,480 instances of negative electricity prices", "", None, None, 1480, "instances", None, "negative price instances")
F(d, "The average day-ahead wholesale electricity price across the EU fell by 16% compared to 2023", "", None, None, 16, "percent", None, "price fall")
F(d, "electricity demand remained subdued, increasing by less than 2% compared to 2023", EU, "Eurelectric", "reported", 2, "percent", None, "demand growth")
F(d, "the Clean Industrial Deal presents a key opportunity to promote electrification", EU, "The association", "emphasizing")

# ---- irena-renewables-cost-2025 (energy; an agency's report and its head)
d = "irena-renewables-cost-2025"
IRENA = "International Renewable Energy Agency"
FLC = "Francesco La Camera"
F(d, "The majority of newly commissioned renewable energy is more cost-effective for electricity generation than most fossil fuels worldwide", IRENA, "International Renewable Energy Agency", "showed")
F(d, "Last year, 582 gigawatts of new renewable energy capacity", "", None, None, 582, "gigawatts", None, "capacity added")
F(d, "This was nearly 20% higher than in 2023", "", None, None, 20, "percent", None, "rise on 2023")
F(d, "Around 91% of the utility-scale projects commissioned were more cost effective than fossil fuel alternatives", IRENA, "the report", "said", 91, "percent", "about", "projects cheaper than fossil")
F(d, "Solar photovoltaic (PV) was 41% cheaper", "", None, None, 41, "percent", None, "solar cost advantage")
F(d, "onshore wind projects were 53% cheaper", "", None, None, 53, "percent", None, "onshore wind cost advantage")
F(d, "The cost of battery energy storage systems has declined by 93% since 2010", IRENA, "the report", "added", 93, "percent", None, "battery cost decline")
F(d, "challenges in the short term have come from issues such as geopolitical tensions", IRENA, "IRENA", "said")
F(d, "the avoided fossil fuel costs in 2024 reached up to $467 billion", FLC, "Francesco La Camera", "said", 467000000000, "dollars", "up to", "avoided fossil fuel costs")
F(d, "this progress is not guaranteed", FLC, "he", "added")

# ---- cyclone-fengal-dawn-2024 (weather; agencies, a minister, another outlet)
d = "cyclone-fengal-dawn-2024"
WO = "India’s weather office"
DMC = "Disaster Management Centre"
F(d, "Cyclone Fengal killed at least 19 people in India and Sri Lanka", "", None, None, 19, "people", "at least", "dead")
F(d, "Puducherry had been hit by the heaviest 24-hour rainfall in 30 years", WO, "India’s weather office", "said", 30, "years", None, "record span")
F(d, "Flights from the city were temporarily suspended on Saturday", "India’s airport authority", "India’s airport authority", "said")
F(d, "In Sri Lanka, 16 people were killed", DMC, "Disaster Management Centre", "showed", 16, "people", None, "dead in Sri Lanka")
F(d, "heavy rains affecting a total of 138,944 families", DMC, "Disaster Management Centre", "showed", 138944, "families", None, "families affected")
F(d, "sustained winds of 70-80 kilometres an hour", "", None, None, 70, "kilometres per hour", None, "wind speed")
F(d, "Three people were electrocuted as a result of the storm in Chennai", "KKSSR Ramachandran", "Tamil Nadu state disaster management minister KKSSR Ramachandran", "said", 3, "people", None, "electrocuted")
F(d, "the death toll was four in India", "Times of India", "The Times of India", "reported", 4, "people", None, "dead in India")
F(d, "warned of heavy rains across parts of India’s south", "India’s weather bureau", "India’s weather bureau", "warned")
F(d, "there was a “moderate to high flash flood risk” in some areas", "India’s weather bureau", "It", "said")

# ---- cyclone-mocha-afp-2023 (weather; a junta, a camp leader, a rescue worker)
d = "cyclone-mocha-afp-2023"
CL = "Rohingya camp leader"
JU = "military junta"
F(d, "carrying winds of up to 195 kilometres (120 miles) per hour", "", None, None, 195, "kilometres per hour", "up to", "wind speed")
F(d, "there had been no deaths", "officials", "officials", "said")
F(d, "Twenty four people were killed in Khaung Doke Kar village tract", CL, "a Rohingya camp leader", "told", 24, "people", None, "dead in the village tract")
F(d, "Several others were feared missing from the low-lying tract", CL, "he", "said")
F(d, "At least five people were killed in Myanmar", JU, "the military junta", "said", 5, "people", "at least", "dead in Myanmar")
F(d, "More than 860 houses and 14 hospitals or clinics had been damaged across the country", JU, "it", "said", 860, "houses", "more than", "houses damaged")
F(d, "home to around 150,000 people", "", None, None, 150000, "people", "about", "population of Sittwe")
F(d, "At least five people had died in the city", "Ko Lin Lin", "local rescue worker Ko Lin Lin", "told", 5, "people", "at least", "dead in Sittwe")
F(d, "around 25 had been injured", "Ko Lin Lin", "local rescue worker Ko Lin Lin", "told", 25, "people", "about", "injured in Sittwe")

# ---- kiptum-marathon-newser-2023 (sport; a record and another outlet's report)
d = "kiptum-marathon-newser-2023"
F(d, "just 35 seconds over 2 hours", "", None, None, 35, "seconds", None, "time over two hours")
F(d, "beat the previous world record for a marathon, set by Eliud Kipchoge, by 34 seconds", "", None, None, 34, "seconds", None, "margin over the old record")
F(d, "it's the first time anyone has run a marathon in less than 2:01:00", "CNN", "CNN", "reports")
F(d, "Kiptum, 23, ran his first marathon just last December", "", None, None, 23, "years", None, "age")
# Added after the first run (the alignment test asks for five facts an article); no figure form agreed for "three minutes and 27 seconds".
F(d, "was three minutes and 27 seconds behind him", "")

if __name__ == "__main__":
    FACTS.write()
