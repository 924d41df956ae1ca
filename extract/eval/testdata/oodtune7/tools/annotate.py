"""Builds facts.jsonl of the seventh out-of-domain tuning set (same format as ../ood and
../oodtune to ../oodtune6, see README.md).

Every span is found by searching the article body (code point offsets, end exclusive),
never typed by hand. The facts were annotated before the extractor was run on these
articles. Run: python3 annotate.py   (from any directory)
"""
import os, sys

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "ood", "tools"))
import spans  # noqa: E402  (the span helpers the out-of-domain sets share)

# Other names an article itself uses for a speaker (kept only when the article uses them).
ALIASES = {
    "Adam London": ["London", "county administrative health officer", "county health officer"],
    "Michigan Department of Health and Human Services": ["department"],
    "county public health department": ["health department"],
    "Penny Borenstin": ["county health officer"],
    "US Centers for Disease Control and Prevention": ["CDC", "Centers for Disease Control and Prevention"],
    "South Carolina Department of Public Health": [],
    "Linda Bell": ["state epidemiologist"],
    "Wilcox": ["Dr. Wilcox"],
    "India Meteorological Department": ["IMD"],
    "2025 State of the Cryosphere Report": ["State of the Cryosphere Report", "report", "assessment"],
    "James Kirkham": ["Kirkham"],
    "Brett Addison": ["Addison"],
    "Jonty Horner": ["Horner", "Dr Horner"],
    "Association of Professional Flight Attendants": ["union"],
    "Joe Biden": ["President Biden", "Biden"],
    "American Airlines": ["American", "company"],
    "International Association of Machinists and Aerospace Workers": ["IAM", "union"],
    "Jon Holden": ["Holden"],
    "Kelly Ortberg": ["Ortberg"],
    "Boeing": ["planemaker"],
    "Association of Flight Attendants": ["Alaska Airlines‘ flight attendants union"],
    "Alaska Airlines": ["airline"],
    "Damian Williams": ["Williams"],
    "Mark Cohen": ["Cohen"],
    "Jeb Bush": ["Bush"],
    "Ben Stokes": ["Stokes"],
    "Rohit Sharma": ["Rohit"],
}

FACTS = spans.Facts(OUT, ALIASES)
F = FACTS.F

# ======== the tune half (may be read, misses too) ========

# ---- kent-county-measles-cbsnews-2025 (health; a county officer named then by surname)
d = "kent-county-measles-cbsnews-2025"
AL = "Adam London"
F(d, "two more measles cases were detected", "Health officials in Kent County", "Health officials in Kent County", "announced", 2, "cases", None, "new measles cases")
F(d, "bringing the total to four in the county", "Health officials in Kent County", "Health officials in Kent County", "announced", 4, "cases", None, "county measles cases")
F(d, "the cases were confirmed late last week", AL, "Dr. Adam London", "said")
F(d, "they did not immediately issue a public notice", AL, "London", "said")
F(d, "The Kent County Health Department will notify the media and public about measles cases only when they involve public exposure sites", AL, "Dr. Adam London", "said", mention_after=True)
F(d, "the child and their family had a recent history of traveling internationally", "Officials", "Officials", "say")
F(d, "a total of 18 cases have been detected in 2025 as of July 17", "Michigan Department of Health and Human Services", "Michigan Department of Health and Human Services", "According to", 18, "cases", None, "Michigan measles cases")
F(d, "measles is highly contagious", "Health officials", "Health officials", "say", anchor="Health officials say measles is highly contagious")
F(d, "more than 1,300 cases were confirmed in 39 states", "", None, None, 1300, "cases", "more than", "US measles cases")

# ---- scott-county-measles-citizenportal-2025 (local government meeting; a doctor by surname)
d = "scott-county-measles-citizenportal-2025"
W = "Wilcox"
F(d, "a recent travel-related case was confirmed in Scott County", "Scott County public-health officials", "Scott County public-health officials", "told")
F(d, "the infection can produce severe complications including pneumonia and encephalitis", W, "He", "said")
F(d, "In our country, there are 1,648 cases documented", W, "Wilcox", "said", 1648, "cases", None, "US measles cases 2025")
F(d, "Scott County, within the last few days, had its first case of measles in our county", W, "Wilcox", "said")
F(d, "nationally 92% of cases were unvaccinated or of uncertain vaccination status", W, "He", "told", 92, "percent", None, "share of US cases unvaccinated or unknown")
F(d, "in Minnesota 95% of cases were unvaccinated or unknown as of Oct. 31", W, "He", "told", 95, "percent", None, "share of Minnesota cases unvaccinated or unknown")
F(d, "will achieve 97% immunity to this virus", W, "he", "said", 97, "percent", None, "immunity after two MMR doses")
F(d, "Scott County's MMR immunization rate is about 84.8%", W, "Wilcox", "said", 84.8, "percent", "about", "county MMR immunization rate")
F(d, "young children, pregnant people and immune-compromised patients are at the highest risk of severe outcomes", W, "He", "added")
F(d, "school vaccination rules exist but that parents can decline vaccination under current exemptions", W, "Wilcox", "said")

# ---- india-heatwave-tribune-2024 (climate; an agency named, then its acronym and "it")
d = "india-heatwave-tribune-2024"
IMD = "India Meteorological Department"
F(d, "many parts of the country appear to be headed for early heatwave conditions", "weather data", "the weather data", "According to")
F(d, "heat wave conditions are very likely in isolated pockets over Saurashtra and Kutch", IMD, "The India Meteorological Department", "posted")
F(d, "Maximum or day temperatures will remain “above normal by 6-8°C”", IMD, "IMD", "as per", 6, "degrees", None, "temperature above normal")
F(d, "the day temperature remained “markedly above normal” (5.1°C or more)", IMD, "it", "said", 5.1, "degrees", "at least", "temperature above normal yesterday")
F(d, "The highest maximum temperature of 40.3°C was recorded at Rajkot", "", None, None, 40.3, "degrees", None, "highest maximum temperature")
F(d, "hot weather conditions will be witnessed over parts of Rajasthan, Gujarat and Maharashtra this week", "meteorologists", "meteorologists", "According to")
F(d, "Many parts of Gujarat and Maharashtra will remain in the grips of heatwave conditions", "meteorologists", "they", "add")

# ---- american-airlines-deal-tpr-2024 (company, union, president; "the company", "the statement")
d = "american-airlines-deal-tpr-2024"
APFA = "Association of Professional Flight Attendants"
F(d, "a proposed new contract for around 28,000 workers", "", None, None, 28000, "workers", "about", "workers covered")
F(d, "The union had previously turned down an offer that would have seen pay increase 18%", "", None, None, 18, "percent", None, "rejected pay rise")
F(d, "the union was demanding 33% upfront raises", "", None, None, 33, "percent", None, "demanded raise")
F(d, "addresses our concerns on critical areas of compensation, retroactive pay", APFA, "The union", "said")
F(d, "Picket lines had proved effective in negotiations", APFA, "the statement", "continued")
F(d, "members of his cabinet including the secretaries for Labor and Transport, Julie Su and Pete Buttigieg, had helped solidify the deal", "Joe Biden", "President Biden", "said")
F(d, "would have been devastating for the industry and consumers", "Joe Biden", "he", "said")
F(d, "immediate financial and quality-of-life improvements", "American Airlines", "American", "said")
F(d, "earned the increased salaries", "American Airlines", "the company", "said")

# ---- ftx-verdict-vuink-2023 (courts; prosecutor, defence lawyer, judge)
d = "ftx-verdict-vuink-2023"
F(d, "Sam Bankman-Fried defrauded his customers and lenders", "New York jury", "a New York jury", "found")
F(d, "theoretically up to 115 years", "", None, None, 115, "years", "up to", "maximum prison term")
F(d, "Sam Bankman-Fried perpetrated one of the biggest financial frauds in American history", "Damian Williams", "U.S. Attorney Damian Williams", "said")
F(d, "We have no patience for it", "Damian Williams", "U.S. Attorney Damian Williams", "said")
F(d, "Bankman-Fried respects the jury's decision but maintains his innocence", "Mark Cohen", "defense attorney Mark Cohen", "said")
F(d, "they had reached a verdict", "judge", "the judge", "said")

# ---- trials-briefs-law360-2025 (courts; a court, a company's motion, an allegation, a filing)
d = "trials-briefs-law360-2025"
F(d, "$100 million in penalties requested by the state", "", None, None, 100000000, "dollars", None, "penalties requested")
F(d, "being too soft on crime", "Jeb Bush", "Jeb Bush", "accused")
F(d, "had signed almost 10 times as many death warrants as Chiles had", "Jeb Bush", "Bush", "pointed out", 10, "times", "about", "death warrants ratio")
F(d, "a new trial is warranted because the jury was given erroneous instructions", "Pennsylvania appeals court", "A Pennsylvania appeals court", "saying")
F(d, "no reasonable jury could have reached the verdict", "Apple", "Apple", "arguing")
F(d, "secured a $1.15 million jury verdict", "Texas federal court filing", "a Texas federal court filing", "according to", 1150000, "dollars", None, "age bias verdict")
F(d, "the company fired him after he complained that his boss made an ageist comment about a colleague", "former Smashburger vice president", "A former Smashburger vice president", "alleging")

# ---- stokes-series-loss-wionews-2024 (sport; a captain by surname and "He")
d = "stokes-series-loss-wionews-2024"
BS = "Ben Stokes"
F(d, "they failed to turn it around for the better", BS, "Stokes", "said")
F(d, "his team was outplayed by a better side in away conditions", BS, "Stokes", "admitted")
F(d, "they look forward to what awaits them later this year", BS, "He", "added")
F(d, "we've been outplayed by the better team in the series", BS, "Stokes", "said")
F(d, "Taking the positives that we've got from the series is something that I'm really looking forward to", BS, "Stokes", "added")
F(d, "we ain't gonna let the last two years go to waste over this series in isolation", BS, "Stokes", "said")

# ======== the unseen half (totals only: never read its misses) ========

# ---- slo-county-measles-kprl-2025
d = "slo-county-measles-kprl-2025"
CPHD = "county public health department"
F(d, "they have confirmed the first case of measles in the county since 2018", CPHD, "The county public health department", "announced")
F(d, "this case is confirmed on a local child", CPHD, "The health department", "says")
F(d, "the risk of local transmission is considered low", CPHD, "The health department", "says")
F(d, "lingering in the air for up to an hour", CPHD, "The health department", "saying", 1, "hours", "up to", "time measles lingers in the air")
F(d, "measles, though declared eliminated in the U.S. in 2000, can still reappear when vaccination rates decline", "Penny Borenstin", "Dr. Penny Borenstin", "says")

# ---- us-measles-record-cidrap-2025
d = "us-measles-record-cidrap-2025"
CDC = "US Centers for Disease Control and Prevention"
F(d, "reported 21 more measles cases from the past week", CDC, "The US Centers for Disease Control and Prevention", "reported", 21, "cases", None, "new US measles cases")
F(d, "1,288 cases have been reported from 39 states", "", None, None, 1288, "cases", None, "US measles cases this year")
F(d, "92% occurred in people who are unvaccinated or have unknown vaccination status", "", None, None, 92, "percent", None, "share unvaccinated or unknown")
F(d, "Canada has reported 3,703 measles cases this year", "Canada", "Canada", "has reported", 3703, "cases", None, "Canada measles cases")
F(d, "announced the state’s first case of 2025", "South Carolina Department of Public Health", "The South Carolina Department of Public Health", "announced")
F(d, "the patient wasn’t infectious while traveling and is isolating at home", "Officials", "Officials", "said")
F(d, "Measles is highly contagious, and a serious disease caused by a virus that affects the respiratory tract", "Linda Bell", "Linda Bell", "said")

# ---- cryosphere-report-himalayantimes-2025
d = "cryosphere-report-himalayantimes-2025"
SCR = "2025 State of the Cryosphere Report"
F(d, "there is still a narrow window to prevent the worst impacts", "scientists", "scientists", "say")
F(d, "even current climate commitments leading to over 2°C of warming could trigger irreversible losses", SCR, "the 2025 State of the Cryosphere Report", "According to", 2, "degrees", "more than", "warming of current commitments")
F(d, "ice stability thresholds may already have been crossed at just 1°C of global warming", SCR, "The assessment", "warns")
F(d, "Even current temperatures are too high to maintain the long-term stability of glaciers and ice sheets", "James Kirkham", "Dr. James Kirkham", "said")
F(d, "ice loss has accelerated sharply since the 2015 Paris Agreement", SCR, "The report", "finds")
F(d, "could bring \"much colder temperatures\" to northern Europe", "Scientists", "Scientists", "warn")
F(d, "glaciers in the Alps, Scandinavia, North America, and Iceland would lose at least half their ice at 1°C", SCR, "The report", "notes")

# ---- toi257b-planet-theaustralian-2020
d = "toi257b-planet-theaustralian-2020"
F(d, "is about 250 light years away", "", None, None, 250, "light years", "about", "distance")
F(d, "a mass 40 times that of Earth", "", None, None, 40, "times", None, "mass in Earth masses")
F(d, "it transits a bright white star every 18 days", "", None, None, 18, "days", None, "orbital period")
F(d, "the discovery marked the first Australia-led confirmation of a planet detected through NASA’s Transiting Exoplanet Survey Satellite", "Brett Addison", "USQ astrophysicist Brett Addison", "said")
F(d, "TOI-257b was an example of what astronomers called sub-Saturns", "Brett Addison", "He", "said")
F(d, "no one has yet seen a clear image of the distant world", "Jonty Horner", "Jonty Horner", "said")
F(d, "We aren’t seeing the planet itself", "Jonty Horner", "Dr Horner", "said")

# ---- boeing-strike-ends-skift-2024
d = "boeing-strike-ends-skift-2024"
IAM = "International Association of Machinists and Aerospace Workers"
F(d, "a hugely damaging 53-day walkout", "", None, None, 53, "days", None, "strike length")
F(d, "staff will receive a 38% pay rise over the next four years", "", None, None, 38, "percent", None, "pay rise")
F(d, "59% of union members ultimately voted in favor", "", None, None, 59, "percent", None, "vote in favour")
F(d, "we achieved something that we hadn’t achieved in the last 22 years", "Jon Holden", "IAM leader Jon Holden", "said")
F(d, "striking employees have a seven-day window to return to work", IAM, "The union", "confirmed", 7, "days", None, "return window")
F(d, "rebuilding Boeing’s reputation and profitability had just begun", "Kelly Ortberg", "Boeing chief executive Kelly Ortberg", "warned")
F(d, "There is much work ahead to return to the excellence that made Boeing an iconic company", "Kelly Ortberg", "Ortberg", "said")
F(d, "it could take weeks for factories and supply chains to regain momentum", "Boeing", "The planemaker", "warned")

# ---- alaska-airlines-deal-aim986-2024
d = "alaska-airlines-deal-aim986-2024"
AFA = "Association of Flight Attendants"
F(d, "it reached a “record” tentative labor deal with the carrier", AFA, "Alaska Airlines‘ flight attendants union", "said")
F(d, "It will be reviewed by union leadership and then voted on by rank and file members", AFA, "the Association of Flight Attendants", "said")
F(d, "we’ve been able to reach an agreement that provides quality of life and continued career growth at Alaska", "Alaska Airlines", "the airline", "said")
F(d, "talks had broken down for a new contract", "American Airlines‘ flight attendants union", "American Airlines‘ flight attendants union", "said")
F(d, "good progress in negotiations this week", "company spokeswoman", "a company spokeswoman", "said")

# ---- rohit-series-loss-timesofbengal-2024
d = "rohit-series-loss-timesofbengal-2024"
RS = "Rohit Sharma"
F(d, "Yeah, absolutely", RS, "he", "said")
F(d, "India crashed and burned to 121 all out", "", None, None, 121, "runs", None, "India's total")
F(d, "Losing a series, losing a Test match is never easy", RS, "Rohit", "said")
F(d, "New Zealand played better than us throughout the series", RS, "Rohit", "said")
F(d, "we didn’t put enough runs on the board in the first innings", RS)
F(d, "That target was chaseable", RS)

FACTS.write()
