"""Builds facts.jsonl of the fourth out-of-domain facts measure, oodfacts4 (same format
as ../ood, ../oodtune to ../oodtune7 and ../oodfacts1 to ../oodfacts3, see README.md).

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
    "National Vital Statistics System": ["CDC", "Provisional data", "Provisional Data", "provisional data", "the data",
                                         "U.S. Centers for Disease Control & Prevention"],
    "Allison Arwady": ["Arwady"],
    "Centers for Disease Control and Prevention": ["CDC"],
    "U.S. Centers for Disease Control & Prevention": ["CDC", "The CDC"],
    "passenger market performance report": ["IATA"],
    "International Air Transport Association": ["IATA"],
    "Willie Walsh": ["Walsh"],
    "Osama Rabie": ["Rabie"],
    "Osama Rabi": ["Arabi", "Rabi"],
    "Global Enrolment Benchmark Survey": ["Studyportals", "The report", "survey"],
    "Fanta Aw": ["Aw"],
    "Edwin van Rest": ["van Rest"],
    "first advanced foodgrains production estimate": ["Agriculture Ministry", "ministry"],
    "Agriculture Ministry": ["ministry"],
    "survey by Which?": ["Which?"],
    "International Organisation of Vine and Wine": ["OIV"],
    "International Organization of Vine and Wine": ["intergovernmental body"],
    "Open Doors report": ["Institute for International Education", "IIE", "The report"],
    "Mirka Martel": ["Martel"],
    "Shivraj Singh Chouhan": ["Chouhan"],
    "Ofgem": ["energy regulator"],
    "Jonathan Brearley": ["Brearley"],
    "Ed Miliband": ["Miliband"],
    "Greg Jackson": ["Jackson"],
}

FACTS = spans.Facts(OUT, ALIASES)
F = FACTS.F
M = 1_000_000
B = 1_000_000_000

# ======== the tuning half ========

# ---- overdose-cdc-finanznachrichten-2025 (health statistics: overdose deaths)
d = "overdose-cdc-finanznachrichten-2025"
V = "National Vital Statistics System"
F(d, "a nearly 24 percent decline in drug overdose deaths in the United States for the 12 months ending in September 2024", V, "CDC's National Vital Statistics System", "estimates", 24, "percent", None, "decline in overdose deaths")
F(d, "about 87,000 drug overdose deaths from October 2023 to September 2024", V, "Provisional data", "shows", 87000, "deaths", "about", "overdose deaths Oct 2023-Sep 2024")
F(d, "down from around 114,000 the previous year", V, "Provisional data", "shows", 114000, "deaths", "about", "overdose deaths a year earlier")
F(d, "It is unprecedented to see predicted overdose deaths drop by more than 27,000 over a single year", "Allison Arwady", "Allison Arwady", "said", 27000, "deaths", "more than", "drop in overdose deaths")
F(d, "overdose remains the leading cause of death for Americans aged 18-44", "Centers for Disease Control and Prevention", "CDC", "says")
F(d, "45 states showed declines in overdose deaths", "", None, None, 45, "states", None, "states with declines")
F(d, "The five states that recorded increases in overdose deaths are Alaska, Montana, Nevada, South Dakota, and Utah", "", None, None, 5, "states", None, "states with increases")
F(d, "multiple factors for the drop in overdose deaths", "Centers for Disease Control and Prevention", "CDC", "cites")

# ---- iata-2024-ttgasia-2025 (aviation: passenger traffic)
d = "iata-2024-ttgasia-2025"
R = "passenger market performance report"
F(d, "record high demand with total full-year traffic up 10.4 per cent over 2023", R, "passenger market performance report", "shown", 10.4, "percent", None, "passenger traffic growth 2024")
F(d, "3.8 per cent above 2019 levels", R, "passenger market performance report", "shown", 3.8, "percent", None, "traffic above 2019")
F(d, "Total capacity, measured in available seat kilometers (ASK), was up 8.7 per cent in 2024", "", None, None, 8.7, "percent", None, "capacity growth")
F(d, "the overall load factor reached 83.5 per cent, a record high", "", None, None, 83.5, "percent", None, "load factor")
F(d, "International full-year traffic in 2024 rose 13.6 per cent compared to 2023", "", None, None, 13.6, "percent", None, "international traffic growth")
F(d, "capacity rose 12.8 per cent", "", None, None, 12.8, "percent", None, "international capacity growth")
F(d, "Asia-Pacific airlines posted a 26 per cent rise in full year international 2024 traffic compared to 2023", "", None, None, 26, "percent", None, "Asia-Pacific traffic growth")
F(d, "the load factor climbed 0.8 percentage points to 83.8 per cent", "", None, None, 83.8, "percent", None, "Asia-Pacific load factor")
F(d, "international revenue passenger kilometers or RPKs remain 8.7 per cent below 2019 levels", "", None, None, 8.7, "percent", None, "Asia-Pacific gap to 2019")
F(d, "December 2024 traffic rose 17.1 per cent compared to December 2023", "", None, None, 17.1, "percent", None, "Asia-Pacific December growth")
F(d, "China, which increased 12.3 per cent over 2023", "", None, None, 12.3, "percent", None, "China domestic growth")
F(d, "Japan achieved 3.2 per cent growth", "", None, None, 3.2, "percent", None, "Japan domestic growth")
F(d, "still achieved a load factor of 86.4 per cent", "", None, None, 86.4, "percent", None, "India load factor")
F(d, "overall demand rising 8.6 per cent year-on-year", "", None, None, 8.6, "percent", None, "December demand growth")
F(d, "Load factor was 84 per cent, a record for the month", "", None, None, 84, "percent", None, "December load factor")
F(d, "2024 made it absolutely clear that people want to travel.", "Willie Walsh", "Willie Walsh", "said")
F(d, "airlines met that strong demand with record efficiency", "Willie Walsh", "He", "said")

# ---- suez-january-egyptianstreets-2024 (shipping: canal transits)
d = "suez-january-egyptianstreets-2024"
OR = "Osama Rabie"
F(d, "Dollar revenues from Egypt’s Suez Canal have experienced a significant decline of 40 percent compared to the same period in 2023", OR, "Osama Rabie", "according to", 40, "percent", None, "Suez revenue decline")
F(d, "The decrease in revenue is attributed to attacks on ships by Yemen’s Houthis")
F(d, "the United States announced a new international mission to patrol the Red Sea", "United States", "the United States", "announced")
F(d, "Ship traffic has also been affected, with a 30 percent drop between 1 January and 11 January compared to the previous year", "", None, None, 30, "percent", None, "ship traffic drop early January")
F(d, "he met with various international cargo companies to find solutions", OR, "Rabie", "stated")
F(d, "ship traffic in January 2024 decreased by 40 percent", OR, "He", "indicating", 40, "percent", None, "January ship traffic decline")
F(d, "with 793 fewer ships compared to January 2023", OR, "He", "indicating", 793, "ships", None, "fewer ships in January")

# ---- postgrad-enrolment-vnexpress-2024 (education: international students)
d = "postgrad-enrolment-vnexpress-2024"
S = "Global Enrolment Benchmark Survey"
F(d, "41% of institutions saw a decline in international postgraduate enrollments in 2024 compared to 2023", S, "The Global Enrolment Benchmark Survey conducted by Studyportals", "reported", 41, "percent", None, "institutions with fewer postgraduates")
F(d, "31% of institutions experienced an increase", "", None, None, 31, "percent", None, "institutions with more postgraduates")
F(d, "enrollment dropping by 27% in Canada", "", None, None, 27, "percent", None, "Canada enrolment drop")
F(d, "Asian countries saw a 4% decline", "", None, None, 4, "percent", None, "Asia enrolment drop")
F(d, "other European nations experienced a 2% increase", "", None, None, 2, "percent", None, "Europe enrolment rise")
F(d, "The survey collected data from 365 institutions across 66 countries", "", None, None, 365, "institutions", None, "institutions surveyed")
F(d, "For undergraduate enrollments, 31% of institutions reported declines", "", None, None, 31, "percent", None, "institutions with fewer undergraduates")
F(d, "38% saw increases", "", None, None, 38, "percent", None, "institutions with more undergraduates")
F(d, "restrictive visa policies and government regulations as significant issues", S, "The report", "highlighted")
F(d, "93% of Canadian universities, 61% of U.K. institutions, and 58% of U.S. universities cited visa-related challenges", "", None, None, 93, "percent", None, "Canadian universities citing visas")
F(d, "The survey results affirm that government policies factor into student choices", "Fanta Aw", "Fanta Aw", "told")
F(d, "usually, challenges in certain destinations lead to benefits for alternatives", "Edwin van Rest", "Edwin van Rest", "added")
F(d, "the broader drop in postgraduate enrolments, in particular, suggests that many discouraged students are not simply changing destinations", "Edwin van Rest", "he", "was quoted")

# ---- kharif-rice-bharatexpress-2023 (agriculture: crop estimates)
d = "kharif-rice-bharatexpress-2023"
AM = "Agriculture Ministry"
E = "first advanced foodgrains production estimate"
F(d, "the country’s rice production to shrink by 3.79 percent to 106.31 million tonnes in the kharif season", AM, "Agriculture Ministry", "indicate", 106.31 * M, "tonnes", None, "kharif rice 2023-24")
F(d, "Rice production was 110.5 million tonnes in the preceding crop year", "", None, None, 110.5 * M, "tonnes", None, "kharif rice 2022-23")
F(d, "maize production in the kharif season 2023-24 is expected to be 22.48 million tonnes", E, "first advanced foodgrains production estimate", "According to", 22.48 * M, "tonnes", None, "maize 2023-24")
F(d, "Tur output is predicted to be slightly higher this year, at 3.42 million tonnes", "", None, None, 3.42 * M, "tonnes", None, "tur 2023-24")
F(d, "Moong production is expected to reach 1.40 million tonnes", "", None, None, 1.40 * M, "tonnes", None, "moong 2023-24")
F(d, "Oilseed production is expected to fall from 26.15 million tonnes to 21.53 million tonnes", "", None, None, 21.53 * M, "tonnes", None, "oilseeds 2023-24")
F(d, "Groundnut and soybean production are anticipated to be 7.82 million tonnes", "", None, None, 7.82 * M, "tonnes", None, "groundnut 2023-24")
F(d, "Sugarcane production is predicted to fall to 434.7 million tonnes this year", "", None, None, 434.7 * M, "tonnes", None, "sugarcane 2023-24")
F(d, "Cotton production is predicted to fall to 31.65 million bales", "", None, None, 31.65 * M, "bales", None, "cotton 2023-24")
F(d, "total foodgrain production is predicted to be 148.56 million tonnes", "", None, None, 148.56 * M, "tonnes", None, "kharif foodgrains 2023-24")
F(d, "this first production assessment for 2023-24 (Kharif) is largely based on the average yield of the last three years", AM, "the ministry", "said")

# ---- price-cap-january-themanc-2023 (energy prices: a regulated price cap)
d = "price-cap-january-themanc-2023"
F(d, "energy price cap will rise by 5% to £1,928 from January", "Ofgem", "Ofgem", "announces", 1928, "pounds", None, "price cap from January 2024")
F(d, "It means the average household could be spending around £7.83 extra on bills a month", "", None, None, 7.83, "pounds", "about", "extra monthly bill")
F(d, "the energy price cap will rise by 5% from January for the first quarter of 2024", "Ofgem", "Ofgem", "announced", 5, "percent", None, "price cap rise")
F(d, "the average annual household energy bill to below £2,000 for the first time since April 2022", "", None, None, 2000, "pounds", "less than", "annual bill autumn 2023")
F(d, "this equates to £1,928 and a rise of £94 over the course of a year", "", None, None, 1928, "pounds", None, "annual bill January 2024")
F(d, "today’s price cap increase is driven almost-entirely by rising costs in the international wholesale energy market", "Ofgem", "Ofgem", "According to")
F(d, "nearly nine in 10 (85%) British households admitted to trying to cut back on their energy usage", "survey by Which?", "survey by Which?", "found", 85, "percent", None, "households cutting energy use")

# ---- wine-output-drinksint-2023 (agriculture: wine output)
d = "wine-output-drinksint-2023"
OIV = "International Organisation of Vine and Wine"
F(d, "in 2023, world wine production is expected to be the smallest in the last 60 years", OIV, "The International Organisation of Vine and Wine (OIV)", "has found")
F(d, "twenty-nine countries, which account for 94% of global production in 2022", "", None, None, 94, "percent", None, "share of production covered")
F(d, "with a mid-range estimate at 244.1mhl", "", None, None, 244.1 * M, "hectolitres", None, "world wine output 2023")
F(d, "This represents a decrease of 7% compared to the already below-average volume of 2022", "", None, None, 7, "percent", None, "decline from 2022")
F(d, "This would be the smallest production since 1961 (214 mhl)", "", None, None, 214 * M, "hectolitres", None, "wine output 1961")
F(d, "significant declines in major wine-producing countries in both hemispheres", OIV, "The OIV", "attributes")

# ======== the unseen half ========

# ---- overdose-states-recademy-2025
d = "overdose-states-recademy-2025"
CDC = "U.S. Centers for Disease Control & Prevention"
F(d, "Drug Overdose Deaths Declined 24% Between 2023 & 2024", V, "Provisional Data", "Indicates", 24, "percent", None, "decline in overdose deaths")
F(d, "drug overdose deaths in the U.S. are projected to have dropped by nearly 24% for the 12 months that ended September 2024", V, "National Vital Statistics System", "According to", 24, "percent", None, "decline in overdose deaths")
F(d, "Approximately 87,000 overdose deaths occurred from October 2023 to September 2024", V, "the data", "according to", 87000, "deaths", "about", "overdose deaths Oct 2023-Sep 2024")
F(d, "a decrease from approximately 114,000 overdose deaths from October 2022 to September 2023", V, "the data", "according to", 114000, "deaths", "about", "overdose deaths a year earlier")
F(d, "Drug overdose deaths increased in both Nevada (3.5%) and South Dakota (2.3%)", "", None, None, 3.5, "percent", None, "Nevada increase")
F(d, "multiple factors contributed to the drop in overdose deaths", CDC, "The CDC", "noted")
F(d, "funds 90 health departments", "", None, None, 90, "health departments", None, "health departments funded")

# ---- iata-2024-open4business-2025
d = "iata-2024-open4business-2025"
IATA = "International Air Transport Association"
F(d, "Airlines increased passenger traffic by 10.4% in 2024, setting a record", IATA, "International Air Transport Association (IATA)", "according to", 10.4, "percent", None, "passenger traffic growth 2024")
F(d, "the figure increased by 3.8%", "", None, None, 3.8, "percent", None, "traffic above 2019")
F(d, "Aircraft load factor increased to 83.5%", "", None, None, 83.5, "percent", None, "load factor")
F(d, "compared to 82.2% a year earlier", "", None, None, 82.2, "percent", None, "load factor 2023")
F(d, "airlines increased passenger traffic on international flights by 13.6% compared to 2023", "", None, None, 13.6, "percent", None, "international traffic growth")
F(d, "on domestic flights by 5.7%", "", None, None, 5.7, "percent", None, "domestic traffic growth")
F(d, "The number of trips reached record levels on both domestic and international routes", "Willie Walsh", "Willie Walsh", "said")
F(d, "travel demand will continue to grow, albeit at a more moderate pace of 8%", "Willie Walsh", "he", "added", 8, "percent", None, "demand growth 2025")
F(d, "European airlines increased passenger traffic on international flights by 9.7%", "", None, None, 9.7, "percent", None, "European traffic growth")
F(d, "flight load factor rose by 0.4 percentage points to 84.1%", "", None, None, 84.1, "percent", None, "European load factor")
F(d, "the first indicator grew by 6.8%", "", None, None, 6.8, "percent", None, "North American traffic growth")
F(d, "passenger traffic jumped by 26%", "", None, None, 26, "percent", None, "Asia-Pacific traffic growth")
F(d, "Traffic on domestic airlines in China grew by 12.3%", "", None, None, 12.3, "percent", None, "China domestic growth")
F(d, "The cargo turnover of global airlines in 2024 increased by 11.3%", IATA, "IATA", "said", 11.3, "percent", None, "cargo growth")
F(d, "a 3.6% increase in global trade in goods", "", None, None, 3.6, "percent", None, "goods trade growth")
F(d, "IATA represents 340 airlines", "", None, None, 340, "airlines", None, "IATA members")
F(d, "accounting for more than 80% of global air traffic", "", None, None, 80, "percent", "more than", "IATA share of traffic")

# ---- suez-annual-azernews-2024
d = "suez-annual-azernews-2024"
O2 = "Osama Rabi"
F(d, "The Suez Canal's annual revenue fell by almost a quarter last fiscal year", "Azernews", "Azernews", "reports")
F(d, "revenue fell from $9.4 billion in the previous year to $7.2 billion in the 2023/24 financial year", O2, "Osama Rabi", "According to", 7.2 * B, "dollars", None, "Suez revenue 2023/24")
F(d, "the number of vessels using the canal had decreased to 20,148", O2, "Arabi", "reported", 20148, "vessels", None, "vessels 2023/24")
F(d, "compared with 25,911 vessels passing through the canal a year earlier", O2, "Arabi", "reported", 25911, "vessels", None, "vessels 2022/23")
F(d, "Since November 2023, the Houthis have been attacking commercial vessels in the Red Sea and the Indian Ocean")

# ---- open-doors-nytimesnewstoday-2024
d = "open-doors-nytimesnewstoday-2024"
OD = "Open Doors report"
F(d, "International student enrollment grew by 6.6 percent in the 2023–24 academic year", OD, "Open Doors report", "according to", 6.6, "percent", None, "international enrolment growth")
F(d, "the 1,126,690 international students in the U.S. last year were the most since IIE began keeping track", "Mirka Martel", "Mirka Martel", "said", 1126690, "students", None, "international students 2023-24")
F(d, "International students accounted for 5.9 percent of the total U.S. higher education population", "", None, None, 5.9, "percent", None, "international share")
F(d, "the number of first-time international students only grew by 0.1 percent", "", None, None, 0.1, "percent", None, "first-time students growth")
F(d, "the 14 percent increase in first-timers in 2022–23", "", None, None, 14, "percent", None, "first-time students growth 2022-23")
F(d, "the total international student population grew by 17 percent", "", None, None, 17, "percent", None, "total growth 2022-23")
F(d, "India, which saw a 23.3 percent increase", "", None, None, 23.3, "percent", None, "India growth")
F(d, "International enrollment from China fell by 4.3 percent over all", "", None, None, 4.3, "percent", None, "China decline")
F(d, "the shift could be attributed to a combination of long-term consequences from the COVID-19 pandemic", "Mirka Martel", "Martel", "said")
F(d, "pronounced growth in students from several other South Asian and African countries", OD, "The report", "found")
F(d, "Ghanaian student enrollment skyrocketed by 45.2 percent", "", None, None, 45.2, "percent", None, "Ghana growth")
F(d, "the number of students from Bangladesh, Iran and Nigeria increased by 26.1 percent", "", None, None, 26.1, "percent", None, "Bangladesh growth")

# ---- kharif-rice-newsbulletin-2024
d = "kharif-rice-newsbulletin-2024"
SC = "Shivraj Singh Chouhan"
F(d, "The country’s kharif (summer) rice production is expected to surpass last year’s levels", SC, "Shivraj Singh Chouhan", "said")
F(d, "Overall, rice production will be better than the last year", SC, "Chouhan", "told")
F(d, "Kharif rice, harvested around November, accounts for about 70 per cent of India’s total rice production", "", None, None, 70, "percent", "about", "kharif share of rice")
F(d, "kharif rice production stood at 114.36 million tonne", "government’s third estimate", "government’s third estimate", "as per", 114.36 * M, "tonnes", None, "kharif rice 2023-24")
F(d, "total rice acreage has increased by 1.64 million hectares to 41 million hectares", SC, "The minister", "reported", 41 * M, "hectares", None, "rice acreage")
F(d, "improved sowing area for pulses, coarse cereals, and oilseeds compared to the previous year", SC, "He", "noted")

# ---- price-cap-october-like123-2024
d = "price-cap-october-like123-2024"
F(d, "Ofgem’s energy price cap to increase by 10 per cent from October", "", None, None, 10, "percent", None, "price cap rise")
F(d, "The way to bring bills down is to build more cheap British wind and solar power", "Greg Jackson", "Greg Jackson", None)
F(d, "Households will pay £12 a month more for their gas and electricity bills starting in October", "", None, None, 12, "pounds", None, "extra monthly bill")
F(d, "it would lift its price cap", "Ofgem", "Ofgem", "announced")
F(d, "The energy price cap for the final quarter of 2024 will rise 10 per cent to £1,717 for a typical household in the UK", "Ofgem", "the energy regulator", "confirmed", 1717, "pounds", None, "price cap from October 2024")
F(d, "a typical household will pay £149 more per year for electricity and gas", "", None, None, 149, "pounds", None, "extra annual bill")
F(d, "the new cap is six per cent cheaper", "", None, None, 6, "percent", None, "cap below a year earlier")
F(d, "higher wholesale prices were the primary cause for the increase, accounting for 82 per cent of the rise", "Ofgem", "Ofgem", "said", 82, "percent", None, "wholesale share of rise")
F(d, "We know that this rise in the price cap is going to be extremely difficult for many households.", "Jonathan Brearley", "Jonathan Brearley", "said")
F(d, "the increase was a result of the “failed energy policy” left behind by the Conservatives", "Ed Miliband", "Ed Miliband", "said")
F(d, "The only solution to get bills down and greater energy independence is the government’s mission for clean, homegrown power", "Ed Miliband", "he", "said")

# ---- wine-output-koreaherald-2023
d = "wine-output-koreaherald-2023"
OV = "International Organization of Vine and Wine"
F(d, "Global wine production has fallen this year to its lowest level since 1961", OV, "the International Organization of Vine and Wine", "said")
F(d, "Output reached 244.1 million hectoliters", OV, "the intergovernmental body", "said", 244.1 * M, "hectolitres", None, "world wine output 2023")
F(d, "down 7 percent from last year", OV, "the intergovernmental body", "said", 7, "percent", None, "decline from 2022")
F(d, "Australia, Argentina, Chile, South Africa and Brazil all saw output drop between 10 and 30 percent", "", None, None, 10, "percent", None, "southern hemisphere drops")
F(d, "Italy lost the title of top world producer as its output fell 12 percent", "", None, None, 12, "percent", None, "Italy decline")

FACTS.write()
