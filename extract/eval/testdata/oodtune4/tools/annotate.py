"""Builds facts.jsonl of the fourth out-of-domain tuning set (same format as ../ood,
../oodtune, ../oodtune2 and ../oodtune3, see README.md).

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
    "International Association of Machinists": ["IAM"],
    "National Election Commission": ["electoral commission", "electoral body"],
    "World Anti-Doping Agency": ["WADA"],
    "International Olympic Committee": ["IOC"],
    "World Meteorological Organization": ["WMO"],
    "United Auto Workers": ["UAW"],
    "Mack Trucks": ["Mack Truck"],
    "Electoral Commission of Ghana": ["EC"],
}

FACTS = spans.Facts(OUT, ALIASES)
F = FACTS.F

# ---- korea-doctors-walkout-thenews-2024 (labour strike; a ministry, a president and "he", a patient)
d = "korea-doctors-walkout-thenews-2024"
YS = "Yoon Suk Yeol"
F(d, "More than 1,600 trainee doctors in South Korea’s major hospitals staged a walkout on Tuesday", "", None, None, 1600, "doctors", "more than", "trainee doctors on walkout")
F(d, "boost medical school admissions by 2,000 from the 2025 academic year", "", None, None, 2000, "students", None, "added yearly admissions")
F(d, "about 6,400 of the 13,000 doctors and interns at large hospitals handed in resignations", "health ministry", "the health ministry", "said", 6400, "doctors", "about", "doctors who resigned")
F(d, "some 1,630 of them had left by 11 pm on Monday", "health ministry", "the health ministry", "said", 1630, "doctors", None, "doctors who had left")
F(d, "Adding medical school places is key to improving access to basic healthcare in remote areas", YS, "President Yoon Suk Yeol", "told")
F(d, "It is a task of the times that can no longer be delayed", YS, "he", "added", mention_after=True)
F(d, "they were altering surgery schedules and patient appointments", "major hospitals", "major hospitals", "said")
F(d, "the walkout forced him to stay overnight in Seoul", "Park Ki-joo", "Park Ki-joo", "said")

# ---- boeing-machinists-offer-aviationnews-2024 (labour strike; "the union", acronym after the full name, a company's video)
d = "boeing-machinists-offer-aviationnews-2024"
IAM = "International Association of Machinists"
F(d, "will not be voting\" on the newly offered contract from Boeing", IAM, "The union", "said")
F(d, "the offer was \"thrown at us without any discussion\"", IAM, "The International Association of Machinists (IAM) District 751 & W24", "said")
F(d, "The new offer bumped up general wage increases from 25% up to 30%", "", None, None, 30, "percent", None, "general wage increase of the new offer")
F(d, "The new offer also offered an immediate 12% increase", "", None, None, 12, "percent", None, "immediate increase")
F(d, "Around 33,000 workers had rejected the offer", "", None, None, 33000, "workers", "about", "workers who rejected the offer")
F(d, "\"mediation broke down\" on September 18, 2024", IAM, "The union", "added")
F(d, "Boeing doubled its ratification bonus from $3,000 to $6,000", "", None, None, 6000, "dollars", None, "ratification bonus")
F(d, "the short notice prevents ample time being applied", IAM, "the union", "said")
F(d, "Boeing's 401(k) plan now matches dollar-for-dollar the first 8% [workers] contribute", "Boeing", "Boeing", "said", 8, "percent", None, "contribution matched", mention_after=True)
F(d, "Plus, you still get the company's automatic 4% contribution.", "Boeing", None, None, 4, "percent", None, "automatic contribution")
F(d, "the better healthcare and work-life balance elements of the original tentative agreement remain in place", "Boeing", "The company", "said")

# ---- ghana-election-newsghana-2024 (election abroad; a commission by acronym, its chairperson, "she")
d = "ghana-election-newsghana-2024"
JM = "Jean Mensa"
F(d, "officially declared John Dramani Mahama", "")
F(d, "Mahama secured 56.55% of the total valid votes", JM, "EC Chairperson Jean Mensa", "confirmed", 56.55, "percent", None, "Mahama's share of valid votes")
F(d, "who garnered 41.61%", JM, "EC Chairperson Jean Mensa", "confirmed", 41.61, "percent", None, "Bawumia's share of valid votes")
F(d, "The results were based on 267 of the 276 constituencies", "", None, None, 267, "constituencies", None, "constituencies counted")
F(d, "even if all the outstanding votes were included, they would not alter the final outcome", JM, "Mensa", "clarified")
F(d, "I hereby declare His Excellency John Dramani Mahama", JM, "she", "stated")

# ---- mozambique-election-boxshow-2019 (election abroad; "the electoral commission", its chairman, parties)
d = "mozambique-election-boxshow-2019"
NEC = "National Election Commission"
F(d, "Incumbent leader wins 73 percent of vote", "", None, None, 73, "percent", None, "Nyusi's share of the vote")
F(d, "Filipe Nyusi has won 73 percent of the votes in this month’s presidential poll", NEC, "the electoral commission", "said", 73, "percent", None, "Nyusi's share of the vote")
F(d, "trailed behind with 21.88 percent of the vote", "Abdul Carimo", "National Election Commission Chairman Abdul Carimo", "said", 21.88, "percent", None, "Momade's share of the vote")
F(d, "marred by fraud and violence", "opposition parties", "opposition parties", "say", anchor="a contest opposition parties say was marred by fraud and violence")
F(d, "the elections were free and fair", "Frelimo", "Frelimo", "said")
F(d, "secured just over four percent of the vote", NEC, "the electoral body", "according to", 4, "percent", "more than", "Simango's share of the vote")
F(d, "with less than one percent going to Mario Albino", NEC, "the electoral body", "according to", 1, "percent", None, "Albino's share of the vote")
F(d, "MDM sees the election outcome as “null and void”", "Daviz Simango", "Simango", "said")

# ---- wada-chinese-swimmers-nordot-2024 (sports governance; an agency by acronym, broadcasters, its director)
d = "wada-chinese-swimmers-nordot-2024"
W = "World Anti-Doping Agency"
F(d, "positive doping tests of 23 Chinese swimmers", "", None, None, 23, "swimmers", None, "swimmers who tested positive")
F(d, "it conducted a thorough review process", W, "WADA", "said")
F(d, "reserves its right to take legal action as appropriate", W, "WADA", "said")
F(d, "WADA were satisfied with the Chinese explanation that contaminated food had led to the positive tests", "ARD", "German broadcasters ARD", "reported")
F(d, "the swimmers tested positive for the banned heart medication trimetazidine", "ARD Sportschau", "ARD Sportschau", "said")
F(d, "China's anti-doping agency CHINADA reported the cases to FINA and WADA", "reports", "The reports", "said")
F(d, "its investigators found traces of TMZ in various areas of the kitchen", "China", "China", "said")
F(d, "including 13 of the 23 with positive tests", "", None, None, 13, "swimmers", None, "swimmers with positive tests in the Tokyo team")
F(d, "went on to win six medals in Tokyo", "", None, None, 6, "medals", None, "medals won in Tokyo")
F(d, "it was unable to investigate in China due to coronavirus restrictions at the time", W, "WADA", "said")
F(d, "The WADA Science Department reviewed this case thoroughly in June and July 2021", "Olivier Rabin", "WADA science director Olivier Rabin", "said")

# ---- ioc-russian-neutrals-apnewsng-2023 (sports governance; a committee by acronym, a president's tweet)
d = "ioc-russian-neutrals-apnewsng-2023"
IOC = "International Olympic Committee"
F(d, "Olympic chiefs have rejected pleas by Ukrainian President Volodymyr Zelenskyy to ban Russian athletes", "")
F(d, "it is exploring Russians being allowed to compete as neutrals", IOC, "The International Olympic Committee", "said")
F(d, "athletes from RF (Russia) should have no place at Paris 2024", "Volodymyr Zelenskyy", "Zelenskyy", "tweeted")
F(d, "Governments must not decide which athletes can participate in which competition", IOC, "The IOC", "said")
F(d, "no athlete should be prevented from competing just because of their passport", IOC, "The IOC", "said")
F(d, "in no way represent their state or any other organisation in their country", IOC, "The IOC", "said")
F(d, "only athletes who fully comply with the World Anti-Doping Code", IOC, "The IOC", "added")

# ---- wmo-warmest-year-barlamantoday-2024 (climate agency; "the organization", its head and "she", the UN chief and "He")
d = "wmo-warmest-year-barlamantoday-2024"
WMO = "World Meteorological Organization"
CS = "Celeste Saulo"
AG = "António Guterres"
F(d, "2024 is projected to be the warmest on record", WMO, "The United Nations’ World Meteorological Organization (WMO)", "announced")
F(d, "climate change has driven extreme weather events and record-breaking temperatures this year", WMO, "The United Nations’ World Meteorological Organization (WMO)", "announced")
F(d, "Unprecedented levels of greenhouse gas (GHG) emissions have contributed significantly to global warming", WMO, "the organization", "according to")
F(d, "Climate change is unfolding before our eyes on an almost daily basis", CS, "she", "said")
F(d, "there had been record rainfall, devastating floods, and tragic losses of human lives", CS, "Saulo", "noted")
F(d, "The top ten hottest years on record have happened in the last ten years, including 2024", AG, "Guterres", "said", 10, "years", None, "hottest years on record in the last decade")
F(d, "climate breakdown in real time", AG, "He", "described")
F(d, "it plans to release its consolidated global temperature data for 2024 in January", WMO, "The WMO", "said")
F(d, "Every fraction of a degree of warming matters", CS, "Saulo", "said")
F(d, "Even slight temperature increases exacerbate climate extremes and associated risks", CS, "she", "added")

# ---- samsung-q1-guidance-shillong-2024 (company earnings; a regulatory filing, a survey, market watchers)
d = "samsung-q1-guidance-shillong-2024"
SE = "Samsung Electronics"
F(d, "its operating profit for the first quarter is estimated to have shot up more than 10-fold", SE, "Samsung Electronics", "said", 10, "times", "more than", "growth of operating profit")
F(d, "expected a first-quarter operating profit of 6.6 trillion won", SE, "Samsung Electronics", "said", 6600000000000, "won", None, "first-quarter operating profit")
F(d, "up 931.3 per cent from a year earlier", SE, "Samsung Electronics", "said", 931.3, "percent", None, "operating profit growth on a year")
F(d, "The operating profit was 20.5 percent higher than the average estimate", "Yonhap Infomax", "a survey by Yonhap Infomax", "according to", 20.5, "percent", None, "profit above the estimate")
F(d, "Sales increased 11.4 per cent", "", None, None, 11.4, "percent", None, "sales growth")
F(d, "to 71 trillion won for the January-March period", "", None, None, 71000000000000, "won", None, "first-quarter sales")
F(d, "Samsung Electronics posted 258.93 trillion won in sales", "", None, None, 258930000000000, "won", None, "sales in 2023")
F(d, "Its annual operating profit dived 84.9 per cent on-year to 6.56 trillion won", "", None, None, 84.9, "percent", None, "fall of 2023 operating profit")
F(d, "net profit tumbled 72.2 per cent to 15.48 trillion won", "", None, None, 72.2, "percent", None, "fall of 2023 net profit")
F(d, "will swing to a profit for the first time in five quarters", "market watchers", "market watchers", "expect")

# ---- pakistan-review-act-okpakistan-2023 (court ruling; a court, a bench, a ruling by its author, attorneys)
d = "pakistan-review-act-okpakistan-2023"
SC = "Supreme Court of Pakistan"
F(d, "a piece of legislation expanding the extent of review authority was unconstitutional", SC, "the Supreme Court", "ruled")
F(d, "was “ultra vires” of the Constitution since it went beyond parliament’s authority to pass laws", "three-judge bench", "A three-judge bench", "concluded")
F(d, "it has been “struck down as null and void and of no legal effect.”", "Ijazul Ahsan", "The 51-page ruling written by Justice Ijazul Ahsan", "states")
F(d, "Top attorneys have expressed concern about the verdict’s timeliness", "Top attorneys", "Top attorneys", "expressed concern")
F(d, "the issue at hand is whether the legislature can, through ordinary legislation, override the rules", SC, "the court", "According to")
F(d, "is contrary to and beyond parliament’s authority under the Constitution of the Islamic Republic of Pakistan", "")

# ---- exercise-depression-quicknews-2024 (study results; an unnamed review, its lead author, a quote across paragraphs)
d = "exercise-depression-quicknews-2024"
LS = "Lee Smith"
F(d, "physical activity reduced the risk of depression by 23%", "", None, None, 23, "percent", None, "reduction of depression risk")
F(d, "anxiety by 26%", "", None, None, 26, "percent", None, "reduction of anxiety risk")
F(d, "a reduction in psychosis/schizophrenia by 27%", "", None, None, 27, "percent", None, "reduction of psychosis risk")
F(d, "The results were consistent in both men and women", "")
F(d, "Preventing mental health complications effectively has emerged as a major challenge", LS, "Lead author Lee Smith", "said")
F(d, "These conditions can be complex and necessitate a multi-pronged approach to treatment", LS, "Lead author Lee Smith", "said")
F(d, "These effects of physical activity intensity on depression highlight the need for precise exercise guidelines", LS)
F(d, "high-intensity exercise may worsen stress-related responses in some individuals", LS)

# ---- met-office-thunderstorms-2023 (weather agency; "the forecaster", its meteorologist, a quote across paragraphs)
d = "met-office-thunderstorms-2023"
MO = "Met Office"
DS = "Dan Stroud"
F(d, "month's worth of rain to fall in the next 12 hours", MO, "Met Office", "predicts", 12, "hours", None, "hours for a month's rain")
F(d, "Almost a month’s worth of rain could fall over parts of the UK in the next 12 hours", "", None, None, 12, "hours", None, "hours for a month's rain")
F(d, "Temperatures have already hit 30C in West Suffolk on Sunday but could reach 32C", MO, "the forecaster", "said", 32, "degrees Celsius", None, "temperature expected")
F(d, "Saturday was the hottest day of the year with highs of 32.3C in Surrey", "", None, None, 32.3, "degrees Celsius", None, "highest temperature of the year")
F(d, "thunderstorms and rain could result in flood and difficult driving conditions", MO, "the Met Office", "says")
F(d, "10 to 20mm of rain is quite likely in a large area", DS, "Met Office meteorologist Dan Stroud", "said", 10, "millimetres", None, "rain likely")
F(d, "some could see 40 to 60mm in three to six hours", DS, "Met Office meteorologist Dan Stroud", "said", 40, "millimetres", None, "rain in some places")
F(d, "Some spots could see 30 to 40mm within an hour", DS, None, None, 30, "millimetres", None, "rain within an hour")

# ---- mack-trucks-uaw-strike-upi-2023 (labour strike; a union by acronym, "the truck maker", its president's letter)
d = "mack-trucks-uaw-strike-upi-2023"
UAW = "United Auto Workers"
SF = "Shawn Fain"
F(d, "Thousands of United Auto Workers walked off the job in three states Monday", "")
F(d, "the strike would begin at 7 a.m. EDT", UAW, "The UAW", "saying")
F(d, "with 73% of the 4,000-member union body voting against a tentative agreement", "", None, None, 73, "percent", None, "members voting against")
F(d, "would deliver significantly increased wages and continue first-class benefits", "Mack Trucks", "the North Carolina-based truck maker", "said")
F(d, "the company’s offer failed to address a host of demands", SF, "Fain", "said")
F(d, "The members have spoken", SF, "Fain", "said")
F(d, "I’m inspired to see UAW members at Mack holding out for a better deal", SF, "Fain", "said")

# ---- rcn-nurses-letter-uknip-2023 (labour strike; a union leader's letter, "she", a quote across paragraphs)
d = "rcn-nurses-letter-uknip-2023"
PC = "Pat Cullen"
F(d, "a “meaningful” pay offer from the government could still avert a strike", PC, "The Royal College of Nursing (RCN) general secretary Pat Cullen", "said")
F(d, "big decisions in the interests of good government can be made by you at any point in the week", PC, "she", "wrote")
F(d, "I am urging you to use this weekend to reset your government", PC)
F(d, "There could be no easier way to demonstrate this commitment than to end the nurse strike as soon as possible", PC)
F(d, "in what is expected to be the largest strike in NHS history", "")

FACTS.write()
