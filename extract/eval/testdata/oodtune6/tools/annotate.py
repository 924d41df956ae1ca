"""Builds facts.jsonl of the sixth out-of-domain tuning set (same format as ../ood and
../oodtune to ../oodtune4, see README.md).

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
    "Veena George": ["health minister", "minister"],
    "National Disaster Response Force": ["NDRF"],
    "S B Singh": ["Singh"],
    "Federal Reserve": ["Fed", "Federal Reserve System", "central bank"],
    "Directorate General of Health Services": ["DGHS"],
    "Henry Rotich": ["Rotich"],
    "William Ruto": ["Ruto", "President Ruto"],
    "Copernicus Climate Change Service": ["Copernicus"],
    "National Interagency Fire Centre": ["National Interagency Fire Center"],
}

FACTS = spans.Facts(OUT, ALIASES)
F = FACTS.F

# ---- wayanad-landslide-aussiedlerbote-2024 (landslide toll; a minister and a newspaper give two tolls)
d = "wayanad-landslide-aussiedlerbote-2024"
F(d, "At least 24 dead in landslide in India", "", None, None, 24, "people", "at least", "landslide deaths")
F(d, "triggered landslides with at least 24 deaths", "official reports", "official reports", "according to", 24, "deaths", "at least", "landslide deaths")
F(d, "reports 36 fatalities", "The Hindu", "The Hindu newspaper", "reports", 36, "fatalities", None, "landslide deaths")
F(d, "Initially, eight deaths were reported", "", None, None, 8, "deaths", None, "first reported deaths")
F(d, "At least 70 people from the affected Wayanad district were admitted to hospitals with injuries", "Veena George", "the health minister", "said", 70, "people", "at least", "injured in hospital")
F(d, "Hundreds may still be buried under the debris in the hilly region", "The Hindu", "The Hindu", "reported")
F(d, "Rain hindered rescue teams", "Veena George", "the minister", "added")
F(d, "Among the dead was a child", "The Hindu", "The Hindu", "reported")

# ---- sichuan-landslide-newsusatoday-2024 (landslide; a broadcaster, a commission, a rescuer)
d = "sichuan-landslide-newsusatoday-2024"
F(d, "Death Toll Rises to 25", "", None, None, 25, "deaths", None, "landslide deaths")
F(d, "at least 47 people from 18 households were reported missing", "CCTV", "CCTV", "said", 47, "people", "at least", "people missing")
F(d, "20 of those people were now confirmed dead", "CCTV", "CCTV", "adding", 20, "people", None, "confirmed dead")
F(d, "Two people were hospitalized for head and body injuries", "national health commission", "the national health commission", "said", 2, "people", None, "hospitalized")
F(d, "large machines cannot be used due to the unstable soil", "One rescuer", "One rescuer", "said")
F(d, "More than 500 people were evacuated from their homes", "CCTV", "CCTV", "said", 500, "people", "more than", "evacuated", anchor="More than 500 people were evacuated from their homes, CCTV said.")
F(d, "the landslide was triggered at a steep cliff area at the top of a mountain slope", "Officials", "Officials", "told")

# ---- irshalwadi-landslide-geotv-2023 (landslide toll; officials, a rescue official, a newspaper)
d = "irshalwadi-landslide-geotv-2023"
SBS = "S B Singh"
F(d, "The death toll of the deadly landslide in the mountain hamlet of Irshalwadi in India's Maharashtra state has risen to 26 Saturday", "officials", "officials", "said", 26, "deaths", None, "landslide deaths")
F(d, "more than 80 residents have been able to escape the catastrophe", "authorities", "authorities", "According to", 80, "residents", "more than", "residents who escaped")
F(d, "around 80 people were still missing", "Times of India", "Times of India", "suggested", 80, "people", "about", "people missing")
F(d, "We cannot judge as of now how many people are still stuck", SBS, "Singh", "said")
F(d, "four more bodies were pulled out from underneath the mud on Saturday", SBS, "Singh", "adding", 4, "bodies", None, "bodies recovered")
F(d, "There were about 16-17 houses affected by the landslide", SBS, "the official", "added", 16, "houses", "about", "houses affected")
F(d, "The debris at some of the places is 10 to 29 feet deep", SBS, "Singh", "told", 29, "feet", None, "debris depth")
F(d, "the village of 225 people", "", None, None, 225, "people", None, "village population")

# ---- fed-holds-rates-pledgetimes-2024 (interest rates, inflation; a committee's statement, the article's figures)
d = "fed-holds-rates-pledgetimes-2024"
F(d, "The key interest rate remains unchanged in the range of 5.25–5.50 percent", "", None, None, 5.25, "percent", None, "policy rate range")
F(d, "it is waiting for more evidence that inflation will reliably slow down towards two percent", "Open Market Committee", "it", "states", 2, "percent", None, "inflation target")
F(d, "In December, inflation accelerated to 3.4 percent in the United States", "", None, None, 3.4, "percent", None, "US inflation, December")
F(d, "while it was 3.1 percent in November", "", None, None, 3.1, "percent", None, "US inflation, November")
F(d, "the central bank has tightened monetary policy 11 times in less than two years", "", None, None, 11, "times", None, "rate rises")
F(d, "an exceptionally large interest rate increase of 0.75 percentage points", "", None, None, 0.75, "percentage points", None, "largest rise of 2022")
F(d, "consumer prices rose by 9.1 percent from a year ago", "", None, None, 9.1, "percent", None, "inflation, June 2022")

# ---- fed-march-lusa-24newsreporter-2024 (interest rates; the Fed's statement, forecasts)
d = "fed-march-lusa-24newsreporter-2024"
FED = "Federal Reserve"
F(d, "it had decided to leave its benchmark interest rate unchanged at a range of 5.25% to 5.50% for the fifth time in a row", "", None, None, 5.25, "percent", None, "policy rate range")
F(d, "the forecast of three rate cuts through 2024 remains in place", "Fed members", "Fed members", "noted", 3, "rate cuts", None, "forecast cuts in 2024")
F(d, "The CPI inflation index showed a rise in inflation in February to 3.2% compared to 3.1% in the previous month", "", None, None, 3.2, "percent", None, "inflation, February")
F(d, "Employment growth remains strong and the unemployment rate remains low", FED, "it", "said")
F(d, "The Fed remains “firmly committed” to bringing inflation to its 2% target", "", None, None, 2, "percent", None, "inflation target")
F(d, "The gross domestic product (GDP) growth forecast for this year has been revised upward to 2.1% from 1.4%", "", None, None, 2.1, "percent", None, "GDP growth forecast")
F(d, "The inflation forecast for 2024 remains at 2.4%", "", None, None, 2.4, "percent", None, "inflation forecast 2024")

# ---- uzbek-rate-tashkenttimes-2023 (central bank rate, inflation)
d = "uzbek-rate-tashkenttimes-2023"
F(d, "the Board of the Central Bank decided to keep the interest rate at 14 percent", "Central Bank", "the Bank", "said", 14, "percent", None, "policy rate")
F(d, "increasing pressure remains on the prices of some groups of goods", "", None, None)
F(d, "there will be no primary impact on inflation from this group", "", None, None)
F(d, "Annual inflation was 9 percent in August", "", None, None, 9, "percent", None, "annual inflation, August")
F(d, "the acceleration of price growth in the service sector from 8.2 percent to 8.5 percent", "", None, None, 8.5, "percent", None, "service price growth")

# ---- bangladesh-dengue-dailystar-2024 (dengue statistics; a directorate and its data)
d = "bangladesh-dengue-dailystar-2024"
DG = "Directorate General of Health Services"
F(d, "No fresh deaths due to dengue were reported in the country in the last 24 hours till yesterday morning", DG, "the Directorate General of Health Services", "according to")
F(d, "85 more patients, including 26 in the capital, were hospitalised with the viral fever across the country", "", None, None, 85, "patients", None, "patients hospitalised in 24 hours")
F(d, "A total of 3,21,179 dengue cases and 3,18,749 recoveries were recorded last year by DGHS", DG, "DGHS", "recorded", 321179, "cases", None, "dengue cases 2023")
F(d, "September was the deadliest month for the dengue outbreak, with 396 fatalities and 79,598 cases", "DGHS data", "the DGHS data", "according to", 396, "fatalities", None, "dengue deaths in September")
F(d, "The country witnessed 1,705 dengue-related deaths", "", None, None, 1705, "deaths", None, "dengue deaths 2023")

# ---- srilanka-dengue-newswave-2019 (dengue statistics; an epidemiology unit)
d = "srilanka-dengue-newswave-2019"
EU = "Health Ministry’s Epidemiology Unit"
F(d, "Dengue alarm: 55,894 cases, 74 deaths so far", "", None, None, 55894, "cases", None, "dengue cases 2019")
F(d, "A total of 55,894 dengue cases and 74 confirmed dengue deaths had been reported", EU, "experts at the Health Ministry’s Epidemiology Unit", "said", 55894, "cases", None, "dengue cases 2019")
F(d, "only 58 dengue deaths reported for the whole of 2018", EU, "experts at the Health Ministry’s Epidemiology Unit", "said", 58, "deaths", None, "dengue deaths 2018")
F(d, "the sharp increase in the impact of Dengue this year over 2018", EU, "The Epidemiology experts", "described")
F(d, "Last whole year, only 58 dengue deaths were reported", EU, None, None, 58, "deaths", None, "dengue deaths 2018")
F(d, "74 dengue deaths is an alarming rate when it comes to a period of only 10 months", EU, None, None, 74, "deaths", None, "dengue deaths 2019")

# ---- kenya-budget-thestar-2019 (budget; a notice, a principal secretary)
d = "kenya-budget-thestar-2019"
F(d, "Treasury CS Henry Rotich will present the 2019/20 Sh3.08 trillion budget statement estimated in Parliament on June 13", "ministry", "a notice from the ministry", "according to", 3080000000000, "shillings", None, "2019/20 budget")
F(d, "the Budget Statement for the Fiscal year 2019/20 will be delivered by the Cabinet Secretary", "Kamau Thugge", "Treasury PS Kamau Thugge", "said")
F(d, "The next financial year's budget is expected to be 2.3 per cent lower compared to the 2018/19 budget", "", None, None, 2.3, "percent", None, "budget reduction")
F(d, "reduced allocation to consolidated funds which is expected to be Sh805.8 billion down from Sh870.6 billion", "", None, None, 805800000000, "shillings", None, "consolidated funds allocation")
F(d, "the overall budget has reduced from 32.4 per cent to 28.6 per cent in nominal terms", "", None, None, 28.6, "percent", None, "budget share of GDP")
F(d, "The government is expected to spend Sh2.7 trillion", "", None, None, 2700000000000, "shillings", None, "government spending")
F(d, "The Big Four agenda will take at least 14.6 per cent of the total budget", "", None, None, 14.6, "percent", "at least", "Big Four share")
F(d, "the bulk of Sh374.1 billion is for implementation of the enablers", "estimates presented to the Parliament", "estimates presented to the Parliament", "According to", 374100000000, "shillings", None, "enablers allocation")

# ---- kenya-deficit-khusoko-2019 (budget deficit; the Treasury, its cabinet secretary)
d = "kenya-deficit-khusoko-2019"
HR = "Henry Rotich"
F(d, "the country will cut its 2019/20 budget deficit beginning July-June to 5.6% of GDP from 7.4 % in the fiscal year", "National Treasury", "Kenya’s National Treasury", "says", 5.6, "percent", None, "2019/20 deficit")
F(d, "In relation to GDP this deficit represents 5.6% a decline from 6.8% in this financial year", HR, None, None, 5.6, "percent", None, "2019/20 deficit")
F(d, "7.4% in the last financial year", HR, None, None, 7.4, "percent", None, "deficit of the last financial year")
F(d, "this will be financed by net external financing of Ksh 324 billion", HR, "Rotich", "According to", 324000000000, "shillings", None, "net external financing")
F(d, "net domestic financing of Ksh 283.5 billion", HR, "Rotich", "According to", 283500000000, "shillings", None, "net domestic financing")

# ---- kenya-budget-cut-dreambiz-2024 (budget cut; a president's quotes)
d = "kenya-budget-cut-dreambiz-2024"
WR = "William Ruto"
F(d, "The government has proposed a reduction of Sh177 billion in this year’s budget", "", None, None, 177000000000, "shillings", None, "proposed budget cut")
F(d, "The consequence of withdrawing the Finance Bill is the reduction of our revenue targets to Sh346 billion", WR, "President Ruto", "said", 346000000000, "shillings", None, "revenue shortfall")
F(d, "the Treasury had been evaluating the impact of either reducing the budget by Sh346 billion in full or borrowing the entire amount", WR, "He", "revealed", 346000000000, "shillings", None, "revenue shortfall")
F(d, "We will be proposing to the National Assembly a budget cut of Sh177 billion and borrowing the difference", WR, "Ruto", "stated", 177000000000, "shillings", None, "proposed budget cut")
F(d, "This proposal would increase the fiscal deficit from 3.3 percent to 4.6 percent of GDP", "", None, None, 4.6, "percent", None, "fiscal deficit after proposal")

# ---- butte-wildfire-timesofoman-2017 (wildfire; fire officials, local media, a weather service, a fire centre)
d = "butte-wildfire-timesofoman-2017"
F(d, "A fast-moving wildfire destroyed several homes and forced the evacuation of residents in Northern California on Tuesday", "local media and fire officials", "local media and fire officials", "said")
F(d, "burned 1,000 acres (405 hectares) in Butte County", "Cal Fire website", "the Cal Fire website", "according to", 1000, "acres", None, "area burned")
F(d, "At least nine houses were destroyed", "local media", "local media", "reported", 9, "houses", "at least", "houses destroyed")
F(d, "Two shelters were opened for displaced residents", "local media", "local media", "reported", 2, "shelters", None, "shelters opened")
F(d, "temperatures expected to top 105 degrees Fahrenheit", "National Weather Service", "the National Weather Service", "said", 105, "degrees Fahrenheit", "more than", "forecast temperature")
F(d, "wildfires in the U.S. West have burned more than 6.8 million acres", "", None, None, 6800000, "acres", "more than", "area burned this year")
F(d, "More than 45,000 fires have burned so far this year across the region", "National Interagency Fire Centre", "the National Interagency Fire Centre", "according to", 45000, "fires", "more than", "fires this year")

# ---- copernicus-sea-ice-xinhua-2025 (climate data; a climate service, its report, its climate lead)
d = "copernicus-sea-ice-xinhua-2025"
C3S = "Copernicus Climate Change Service"
SB = "Samantha Burgess"
F(d, "Daily global sea ice cover dropped to an unprecedented low in early February", C3S, "the EU-funded Copernicus Climate Change Service", "reported")
F(d, "reached a new all-time minimum in early February and remained below the previous record of February 2023", "report", "the report", "said")
F(d, "The Arctic sea ice extent was 8 percent below average", "", None, None, 8, "percent", None, "Arctic sea ice below average")
F(d, "the Antarctic sea ice extent was 26 percent below average", "", None, None, 26, "percent", None, "Antarctic sea ice below average")
F(d, "February 2025 was the third-warmest February globally, with an average surface air temperature of 13.36 degrees Celsius", "report", "The report", "said", 13.36, "degrees Celsius", None, "February surface air temperature")
F(d, "The number was 1.59 degrees Celsius above the pre-industrial levels", "", None, None, 1.59, "degrees Celsius", None, "warming above pre-industrial")
F(d, "the record-low sea ice cover at both poles has pushed global sea ice cover to an all-time minimum", SB, "Samantha Burgess", "said")

# ---- us-jobs-september-axios-2019 (jobs report; the government, economists)
d = "us-jobs-september-axios-2019"
F(d, "The U.S. economy added 136,000 jobs in September", "government", "the government", "said", 136000, "jobs", None, "jobs added in September")
F(d, "the unemployment rate fell even lower from 3.7% to 3.5%", "government", "the government", "said", 3.5, "percent", None, "unemployment rate")
F(d, "it's fewer than the 145,000 economists expected", "economists", "economists", "expected", 145000, "jobs", None, "expected jobs")
F(d, "July numbers were revised higher to 166,000 from 159,000", "", None, None, 166000, "jobs", None, "July jobs revised")
F(d, "August's job gains were revised to 168,000 from 130,000", "", None, None, 168000, "jobs", None, "August jobs revised")
F(d, "wages rose only 2.9% on an annual basis", "", None, None, 2.9, "percent", None, "annual wage growth")

FACTS.write()
