package graph

import "time"

// DateLayout is the form of the published date range bounds of a ClaimQuery: an RFC
// 3339 full-date ("2025-11-04").
const DateLayout = time.DateOnly

// ValidateDateRange checks the published date range of a claim search: each bound,
// when given, is an RFC 3339 full-date of the calendar ("2025-02-30" is not), and from
// is not after to. Errors are EINVALID and name the bound that is wrong.
func ValidateDateRange(from, to string) error {
	for _, b := range []struct{ name, v string }{{"published_from", from}, {"published_to", to}} {
		if b.v == "" {
			continue
		}
		if _, err := time.Parse(DateLayout, b.v); err != nil {
			return Errorf(EINVALID, "%s %q is not a date: write an RFC 3339 full-date, YYYY-MM-DD", b.name, truncate(b.v, 40))
		}
	}
	if from != "" && to != "" && from > to {
		return Errorf(EINVALID, "published_from %s is after published_to %s: swap them", from, to)
	}
	return nil
}

// First and Last return the first and the last day a date of any precision covers,
// as YYYY-MM-DD strings that compare in date order ("2025-11" covers 2025-11-01 to
// 2025-11-31: day 31 stands for any month's end, which orders the same). Both are ""
// for an unknown date.
func (d Date) First() string { return d.widen("-01-01") }

// Last is the last day d covers; see First.
func (d Date) Last() string { return d.widen("-12-31") }

// widen completes a year or month to a day with the month and day of fill; a day,
// and anything that is not one of the three forms, is returned as it is.
func (d Date) widen(fill string) string {
	switch len(d.Value) {
	case 4, 7:
		return d.Value + fill[len(d.Value)-4:]
	}
	return d.Value
}

// InRange reports whether a publication date overlaps the range [from, to] of
// full-dates, either of which may be "" (no bound): an article published in November
// 2025, known to the month, is in the range from 2025-11-20. An unknown date is in no
// range, but every date is in the range with no bounds.
func (d Date) InRange(from, to string) bool {
	if from == "" && to == "" {
		return true
	}
	if d.Value == "" {
		return false
	}
	return (from == "" || d.Last() >= from) && (to == "" || d.First() <= to)
}
