"""Builds facts.jsonl of the fifth out-of-domain tuning set (same format as ../ood and
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
    "Centers for Disease Control and Prevention": ["CDC"],
    "UC Riverside": ["UCR"],
    "Whisper Mabhaudhi": ["the State"],
}

FACTS = spans.Facts(OUT, ALIASES)
F = FACTS.F

# ---- camarillo-wildfire-afp-magnifypost-2024 (disaster, AFP; "authorities", residents by name and unnamed, "she"/"he", officials)
d = "camarillo-wildfire-afp-magnifypost-2024"
EP = "Erica Preciado"
VC = "Ventura County Fire Department officials"
F(d, "had consumed 20,485 acres", "", None, None, 20485, "acres", None, "area burnt by the Mountain Fire")
F(d, "The fire was only five percent contained as of Thursday evening", "authorities", "authorities", "said", 5, "percent", None, "containment")
F(d, "We’ve been up all night watching this. I haven’t slept", EP, "Erica Preciado", "told")
F(d, "We’re just trying to get a safe place", EP, "she", "said")
F(d, "at least 132 homes had been completely destroyed", "authorities", "Authorities", "said", 132, "homes", "at least", "homes destroyed")
F(d, "with 88 more damaged by the fires", "authorities", "Authorities", "said", 88, "homes", None, "homes damaged")
F(d, "he and his family had fled their home of 27 years", "One man", "One man", "told")
F(d, "It’s all gone", "One man", "he", "said", anchor="“It’s all gone,” he said")
F(d, "We watched the neighbors’ houses burning", "Dawn Deleon", "she", "said")
F(d, "they were throwing resources at the blaze in an area that is home to 30,000 people", VC, "Ventura County Fire Department officials", "said", 30000, "people", None, "people living in the area")
F(d, "changing wind patterns meant there was hope the fire could die down", VC, "Ventura County Fire Department officials", "said")

# ---- google-adtech-claims-reuters-2022 (courts and business, Reuters; a lawyer at a firm, a company, "a spokesperson")
d = "google-adtech-claims-reuters-2022"
DG = "Damien Geradin"
F(d, "Google faces $25.4 billion damages claims", "", None, None, 25400000000, "dollars", None, "damages claimed")
F(d, "will face damages claims for up to 25 billion euros", "", None, None, 25000000000, "euros", "up to", "damages claimed")
F(d, "imposed a 220-million-euro fine on the company last year", "", None, None, 220000000, "euros", None, "French fine on Google")
F(d, "It is time that Google owns up to its responsibilities", DG, "Damien Geradin", "said")
F(d, "today we are announcing these actions across two jurisdictions", DG, "Damien Geradin", "said")
F(d, "it works constructively with publishers across Europe", "Google", "Google", "saying")
F(d, "This lawsuit is speculative and opportunistic", "Google spokesperson", "a spokesperson", "said")

# ---- hongkong-covid-rules-reuters-2022 (local government and health, Reuters; a city leader, "Lee", "he", "He")
d = "hongkong-covid-rules-reuters-2022"
JL = "John Lee"
F(d, "Hong Kong will cancel its stringent COVID-19 rules from Thursday", JL, "John Lee", "said")
F(d, "All measures would be cancelled on Thursday, apart from the wearing of masks", JL, "Lee", "told")
F(d, "The city has reached a relatively high vaccination rate", JL, "Lee", "said")
F(d, "Hong Kong has a sufficient amount of medicine to fight COVID", JL, "he", "added")
F(d, "his government is aiming to reopen the borders with mainland China by Jan. 15", JL, "Lee", "said")
F(d, "the authorities have been preparing for the scrapping of all restrictions", JL, "He", "said")
F(d, "having prepared for six months to do this", JL, "Lee", "said", 6, "months", None, "months of preparation")
F(d, "The whole society is preparing for this", JL, "Lee", "said")
F(d, "a cap on gatherings of more than 12 people", "", None, None, 12, "people", "more than", "gathering cap")

# ---- salesforce-shares-upstox-2024 (markets; analysts of a data firm, "experts", "the company")
d = "salesforce-shares-upstox-2024"
LA = "LSEG analysts"
F(d, "The shares settled 19.74% lower at $218.01 on Nasdaq", "", None, None, 19.74, "percent", None, "share fall")
F(d, "its shares tumbling by 20% during the trading session on Thursday", "", None, None, 20, "percent", None, "share fall")
F(d, "down by $53.61 or 19.74%", "", None, None, 53.61, "dollars", None, "share fall")
F(d, "when the shares had plummeted by 27%", "", None, None, 27, "percent", None, "share fall in 2004")
F(d, "posted a revenue of $9.13 billion in the January-March period", "", None, None, 9130000000, "dollars", None, "first-quarter revenue")
F(d, "fell short of the estimate of $9.17 billion", LA, "LSEG analysts", "as shared by", 9170000000, "dollars", None, "revenue estimate")
F(d, "the investor confidence was dampened more due to the weak projection", "experts", "experts", "According to")
F(d, "The company sees revenue in the range of $9.2 billion to $9.25 billion", "Salesforce", "The company", "sees", 9200000000, "dollars", None, "second-quarter revenue forecast")
F(d, "lower as compared to the estimate of $9.37 billion", LA, "the analysts tracked by LSEG", "shared by", 9370000000, "dollars", None, "analysts' revenue estimate")

# ---- energizer-downgrade-forexrobot-2023 (markets; "the company", a bank's analysts and "they")
d = "energizer-downgrade-forexrobot-2023"
F(d, "the stock plummeted 8.3% to $33.14", "", None, None, 8.3, "percent", None, "share fall")
F(d, "it doesn't anticipate any organic revenue growth in fiscal 2024", "Energizer", "the company", "cautioning")
F(d, "Forecasts predict a decline of 6% to 8% in organic revenue", "", None, None, 8, "percent", None, "first-quarter organic revenue decline")
F(d, "downgrading Energizer's stock to an underweight rating", "")
F(d, "potential further downside risks tied to the company's flat fiscal 2024 volume outlook", "JPMorgan analysts", "they", "expressed concerns")
F(d, "Morgan Stanley and RBC Capital also joined the ranks", "")

# ---- zimbabwe-goats-sentencing-bulawayo24-2025 (court abroad; a defence lawyer, a prosecutor, "he"/"He", quotes over paragraphs)
d = "zimbabwe-goats-sentencing-bulawayo24-2025"
LM = "Lovemore Madhuku"
WM = "Whisper Mabhaudhi"
F(d, "convicted of defrauding the government of US$7 million", "", None, None, 7000000, "dollars", None, "sum defrauded")
F(d, "proceeding without the written judgment would prejudice his clients", LM, "Madhuku", "argued")
F(d, "without sight of the written judgement, they will be unable to do proper mitigation", LM, "he", "told")
F(d, "They did not take down notes when the judgement was delivered", LM)
F(d, "the request was grounded in the defendants' constitutional right to a fair trial", LM, "He", "said")
F(d, "describing it as \"misplaced\" and lacking legal basis", WM, "Whisper Mabhaudhi", "describing")
F(d, "this particular application does not fall under that", WM, "Mabhaudhi", "said")
F(d, "There was no undertaking that a written judgement would be provided before sentencing", WM)
F(d, "the absence of a written judgment should not halt proceedings", WM, "He", "insisted")

# ---- malawi-mussa-review-malawi24-2022 (court abroad; "the state", its lawyer, defence lawyers as a group, a judge)
d = "malawi-mussa-review-malawi24-2022"
ML = "Mussa's lawyers"
F(d, "while it agrees that Mussa John’s 8-year sentence is excessive", "state", "The state", "told", 8, "years", None, "sentence")
F(d, "the magistrate followed right procedure in sentencing Mussa", "Gift Msume", "State Lawyer Gift Msume", "said")
F(d, "Lawyers representing John presented eight grounds for the review", "", None, None, 8, "grounds", None, "grounds for the review")
F(d, "Mussa was given an excessive custodial sentence", ML, "They", "argued")
F(d, "the Magistrate Court erred in law for accepting a plea", ML, "The lawyers", "argued")
F(d, "Mussa was not represented by a lawyer during the proceedings", ML, "Mussa’s lawyers", "argued")
F(d, "Mussa is aged 17 and not 19", ML, "the lawyers", "According to", 17, "years", None, "Mussa's age")
F(d, "Mussa’s lawyers can make an application to be allowed to file evidence on the new age", "Vikochi Chima", "High Court Judge Vikochi Chima", "said")
F(d, "found with 78 plastic bags of Indian Hemp", "", None, None, 78, "bags", None, "bags of hemp found")

# ---- us-measles-cdc-reuters-2019 (health agency, Reuters; authorities, an agency by acronym, a secretary, officials)
d = "us-measles-cdc-reuters-2019"
CDC = "Centers for Disease Control and Prevention"
F(d, "hits 1,022 cases", "", None, None, 1022, "cases", None, "measles cases in 2019")
F(d, "public health authorities on Monday reported 41 new cases", "public health authorities", "public health authorities", "reported", 41, "cases", None, "new measles cases")
F(d, "The U.S. has recorded 1,022 cases of the diseases this year as of June 6", CDC, "the U.S. Centers for Disease Control and Prevention", "said", 1022, "cases", None, "measles cases in 2019")
F(d, "which has reached 28 states", "", None, None, 28, "states", None, "states reached")
F(d, "when 2,126 cases were recorded", "", None, None, 2126, "cases", None, "measles cases in 1992")
F(d, "Federal health officials attribute this year’s outbreak to U.S. parents who refuse to vaccinate their children", "Federal health officials", "Federal health officials", "attribute")
F(d, "Vaccines are a safe and highly effective public health tool", "Alex Azar", "Alex Azar", "said")
F(d, "the country risks losing its measles elimination status", "CDC officials", "CDC officials", "warned")

# ---- austin-budget-kut-2012 (local government; a council, a mayor by title, a council member, a quote over a paragraph)
d = "austin-budget-kut-2012"
LL = "Lee Leffingwell"
BS = "Bill Spelman"
F(d, "has approved a $3.1 billion budget for the next fiscal year", "", None, None, 3100000000, "dollars", None, "budget")
F(d, "My intention is to vote no as a symbol", LL, "Mayor Leffingwell", "said")
F(d, "I’m not going to let this be a unanimous vote", LL, "Mayor Leffingwell", "said")
F(d, "calling for a two percent across the board cut", LL, "Leffingwell", "calling for", 2, "percent", None, "proposed cut")
F(d, "it was too late in the process for revisions like those Leffingwell proposed", BS, "Bill Spelman", "said")
F(d, "Too much water has gone under the bridge", BS)
F(d, "a hike of 2.2 cents", "", None, None, 2.2, "cents", None, "property tax increase")
F(d, "a three percent pay raise for employees", "", None, None, 3, "percent", None, "pay raise")
F(d, "will add about 150 jobs", "", None, None, 150, "jobs", "about", "jobs added")
F(d, "will pay an extra $22 per year", "", None, None, 22, "dollars", None, "extra tax on a 200,000 dollar home")

# ---- att-breach-archyde-2024 (technology; a company's statement, "the company")
d = "att-breach-archyde-2024"
F(d, "a data breach affecting more than 70 million customers", "AT&T", "AT&T", "announced", 70000000, "customers", "more than", "customers affected")
F(d, "7.6 million current account holders", "AT&T", "the company", "According to", 7600000, "customers", None, "current account holders affected")
F(d, "65.4 million former customers are involved in the incident", "AT&T", "the company", "According to", 65400000, "customers", None, "former customers affected")
F(d, "the data appears to come from 2019 or earlier", "AT&T", "AT&T", "revealed")
F(d, "it has no evidence of unauthorized access to its systems", "AT&T", "The company", "said")
F(d, "an incident in March 2023 involving 9 million mobile customers", "", None, None, 9000000, "customers", None, "customers in the 2023 incident")

# ---- tangerine-breach-cybermaterial-2024 (technology; a company's verbs of saying, "the company")
d = "tangerine-breach-cybermaterial-2024"
T = "Tangerine"
F(d, "a significant data breach affecting over 200,000 customers", "", None, None, 200000, "customers", "more than", "customers affected")
F(d, "no credit card or debit card numbers were compromised in the incident", T, "Tangerine", "assures")
F(d, "bank account details, and passwords remained secure", T, "the company", "emphasizes")
F(d, "the breach to a legacy customer database", T, "Tangerine", "attributes")
F(d, "traces it back to the login credentials of a single user engaged by the company on a contract basis", T, "Tangerine", "traces")

# ---- okah-sentencing-pmnews-2013 (court abroad, AFP; a prosecutor, "he", "the prosecutor", a denial)
d = "okah-sentencing-pmnews-2013"
SA = "Shaun Abrahams"
HO = "Henry Okah"
F(d, "convicted of 13 terrorism charges", "", None, None, 13, "charges", None, "terrorism charges")
F(d, "twin car bombings in Abuja that killed 12 people", "", None, None, 12, "people", None, "people killed in Abuja")
F(d, "The High Court was to have handed down the sentence on Thursday when Okah suddenly fired his lawyers", SA, "Shaun Abrahams", "told")
F(d, "This is an elaborate and deliberate plan by the accused to frustrate the adminstration of justice", SA, "Abrahams", "said")
F(d, "this latest postponement would be the final one", SA, "he", "added")
F(d, "the court will not grant him a further adjournment", SA, "the prosecutor", "said")
F(d, "involvement in any of the blasts", HO, "Okah", "denied")
F(d, "the charges against him are politically motivated", HO, "Okah", "claiming")

# ---- bournemouth-oneil-pa-2023 (sport, PA; a manager, "he", a quotation over four paragraphs)
d = "bournemouth-oneil-pa-2023"
GO = "Gary O’Neil"
F(d, "the January transfer window was a good month for the club", GO, "Gary O’Neil", "believes")
F(d, "making six signings overall", "", None, None, 6, "signings", None, "signings in January")
F(d, "their January business can move the club forward", GO, "he", "believes")
F(d, "We had a plan that we set out to achieve in January and everyone did a good job", GO, "O’Neil", "told")
F(d, "it was a good month for us", GO)
F(d, "we needed three senior goalkeepers in the squad", GO, None, None, 3, "goalkeepers", None, "senior goalkeepers needed")
F(d, "there’s a real plan in place to move the club forward", GO)

# ---- ucr-plant-pollution-2023 (science, a university release; research by its university, its lead author)
d = "ucr-plant-pollution-2023"
JG = "James Gomez"
F(d, "harmful plant emissions and dust will also increase by as much as 14 percent", "UC Riverside", "UC Riverside", "according to", 14, "percent", "up to", "increase of plant emissions and dust")
F(d, "We are not looking at human emissions of air pollution", JG, "James Gomez", "said")
F(d, "We can switch to electric cars", JG, "James Gomez", "said")
F(d, "About two-thirds of the future pollution is predicted to come from plants", "")
F(d, "Plants are constantly emitting them", JG, "Gomez", "said")
F(d, "these aerosols can cause infant mortality and childhood asthma", "")

FACTS.write()
