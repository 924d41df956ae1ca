package ingest

import (
	"context"
	"sort"
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/graph"
)

// Agents across articles. The extractor gives every agent the id of its canonical name
// (graph.AgentID), and its gazetteer (extract/lexicon/gazetteer.txt) maps the names it
// knows ("AP", "IDF", "Israeli Defense Forces") to one canonical name, so the same
// known agent in two articles is already one Agent. For names the gazetteer does not
// know, ingest resolves an agent of a new article to an agent the store already holds
// when exactly one stored agent of a compatible kind matches it by the first of these
// rules that matches any (ResolveAgent). Stored candidates are found with
// Store.Agents name searches (agentQueries) and, for a name written as an acronym, in
// an index of the acronyms of stored organizations and outlets (acronymIndex).
//
//  1. same name: the new name equals the stored name or one of its aliases, or the
//     stored name equals one of the new aliases, after folding case, "the",
//     possessive "'s" and punctuation, and up to a country adjective ("Israeli
//     Defense Forces" / "Israel Defense Forces": in a name of two or more words, a
//     word that is another word plus "i", "n", "an", "ian" or "ese"; a lone "Israeli"
//     is the extractor's business). Never alias against alias: "Laura Bush" and
//     "George Bush" share the alias "Bush" and are two people. For people, a full name
//     never matches a single-word stored name or alias;
//  2. acronym: the new name is written as an acronym ("IDF", "U.N.") and is the
//     initials of a stored name's capitalized words ("Israel Defense Forces",
//     "Associated Press"), skipping "of", "and", "for", "the" (see Acronym); or a
//     stored acronym of three letters or more is the initials of the new name (two
//     letters collide: "Emory University" is not the EU);
//  3. surname (people only): the new name is a single word and the stored one a full
//     name of two or more words that ends with it ("Spencer" → "John Spencer"). Never
//     the other way: a stored bare "Obama" is not every later "… Obama" ("Michelle
//     Obama" must not become "Barack Obama"), so a new full name does not resolve to a
//     stored surname.
//
// An article-scoped agent (graph.IsArticleScopedAgentID: "the ministry" in an article
// that names no ministry) is never resolved, nor resolved to: it is only its article's.
//
// Compatible kinds: the same kind; organization and outlet (news agencies are both);
// anything and unknown. When two or more stored agents match by the deciding rule
// ("Trump" with "Donald Trump" and "Melania Trump" stored), nothing is resolved: a
// wrong merge is worse than a missing one. The resolved agent keeps the stored id and
// name; the new article's name becomes one of its aliases.

// agentWords splits a name into words for comparison: lowercase, possessive "'s" and
// a leading "the" dropped, punctuation removed ("U.N." → "un").
func agentWords(name string) []string {
	var out []string
	for _, f := range strings.Fields(name) {
		f = strings.TrimSuffix(strings.TrimSuffix(f, "'s"), "’s")
		var b strings.Builder
		for _, r := range f {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(unicode.ToLower(r))
			} else if r == '-' && b.Len() > 0 {
				b.WriteByte('-')
			}
		}
		if w := strings.Trim(b.String(), "-"); w != "" {
			out = append(out, w)
		}
	}
	if len(out) > 1 && out[0] == "the" {
		out = out[1:]
	}
	return out
}

// demonymOf reports whether adj is a country adjective formed from noun ("israeli"
// from "israel", "egyptian" from "egypt", "american" from "america").
func demonymOf(adj, noun string) bool {
	if len(noun) < 4 || !strings.HasPrefix(adj, noun) {
		return false
	}
	switch adj[len(noun):] {
	case "i", "n", "an", "ian", "ese":
		return true
	}
	return false
}

// SameAgentName reports whether two names name the same agent by rule 1's name
// comparison (aliases aside).
func SameAgentName(a, b string) bool {
	wa, wb := agentWords(a), agentWords(b)
	if len(wa) == 0 || len(wa) != len(wb) {
		return false
	}
	for i := range wa {
		if wa[i] != wb[i] && (len(wa) == 1 || !demonymOf(wa[i], wb[i]) && !demonymOf(wb[i], wa[i])) {
			return false
		}
	}
	return true
}

// IsAcronym reports whether a name is written as an acronym: two to six capital
// letters, optionally each followed by a period ("IDF", "AP", "U.N.").
func IsAcronym(name string) bool {
	n := 0
	for _, r := range strings.TrimSpace(name) {
		switch {
		case unicode.IsUpper(r):
			n++
		case r == '.':
		default:
			return false
		}
	}
	return n >= 2 && n <= 6
}

var acronymSkip = map[string]bool{"of": true, "and": true, "for": true, "the": true, "in": true, "on": true}

// Acronym returns the initials of a name's capitalized words, uppercase ("Israel
// Defense Forces" → "IDF"), or "" for a name of fewer than two such words, with a
// lowercase word other than "of", "and", "for", "the", "in", "on", or with a word that
// is itself an acronym or abbreviation ("US Navy", "U.S. News"): initials of initials
// collide too easily.
func Acronym(name string) string {
	var b strings.Builder
	for _, f := range strings.Fields(name) {
		if acronymSkip[strings.ToLower(f)] {
			continue
		}
		r := []rune(f)[0]
		if !unicode.IsUpper(r) || strings.Contains(f, ".") || IsAcronym(f) {
			return ""
		}
		b.WriteRune(r)
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

func acronymLetters(name string) string { return strings.ReplaceAll(strings.TrimSpace(name), ".", "") }

func kindsCompatible(a, b graph.AgentKind) bool {
	if a == b || a == graph.KindUnknown || b == graph.KindUnknown || a == "" || b == "" {
		return true
	}
	org := func(k graph.AgentKind) bool { return k == graph.KindOrganization || k == graph.KindOutlet }
	return org(a) && org(b)
}

// names returns an agent's name and aliases.
func names(a graph.Agent) []string { return append([]string{a.Name}, a.Aliases...) }

// matchRule returns the number (1–3) of the first rule by which in and c name the same
// agent, or 0.
func matchRule(in, c graph.Agent) int {
	if !kindsCompatible(in.Kind, c.Kind) {
		return 0
	}
	isPerson := in.Kind == graph.KindPerson || c.Kind == graph.KindPerson
	nIn, nC := len(agentWords(in.Name)), len(agentWords(c.Name))
	// rule 1: the new name against the stored names, the stored name against the new
	// aliases; never alias against alias (two people who share the alias "Bush" are
	// not one), and for people never a full name against a stored bare surname
	for _, y := range names(c) {
		if isPerson && nIn >= 2 && len(agentWords(y)) < 2 {
			continue
		}
		if SameAgentName(in.Name, y) {
			return 1
		}
	}
	if !isPerson || nC >= 2 {
		for _, x := range in.Aliases {
			if SameAgentName(x, c.Name) {
				return 1
			}
		}
	}
	// rule 2: the new name is an acronym of a stored name; or, from three letters,
	// a stored acronym is the acronym of the new name
	for _, y := range names(c) {
		if IsAcronym(in.Name) && acronymLetters(in.Name) == Acronym(y) ||
			IsAcronym(y) && len(acronymLetters(y)) >= 3 && acronymLetters(y) == Acronym(in.Name) {
			return 2
		}
	}
	// rule 3: a bare surname of a stored full name
	person := (in.Kind == graph.KindPerson || in.Kind == graph.KindUnknown) && (c.Kind == graph.KindPerson || c.Kind == graph.KindUnknown) && isPerson
	if person {
		wi, wc := agentWords(in.Name), agentWords(c.Name)
		if len(wi) == 1 && len(wc) >= 2 && wc[len(wc)-1] == wi[0] {
			return 3
		}
	}
	return 0
}

// ResolveAgent picks the one stored agent among candidates that names the same agent
// as in, by the rules of this file. It returns false when none or several match by
// the deciding rule, and when in itself is among the candidates (same id: nothing to
// resolve).
func ResolveAgent(in graph.Agent, candidates []graph.Agent) (graph.Agent, bool) {
	if graph.IsArticleScopedAgentID(in.ID) {
		return graph.Agent{}, false // "the ministry" of one article is nobody else
	}
	best, bestRule := map[string]graph.Agent{}, 4
	for _, c := range candidates {
		if c.ID == in.ID {
			return graph.Agent{}, false
		}
		if graph.IsArticleScopedAgentID(c.ID) {
			continue
		}
		r := matchRule(in, c)
		if r == 0 || r > bestRule {
			continue
		}
		if r < bestRule {
			best, bestRule = map[string]graph.Agent{}, r
		}
		best[c.ID] = c
	}
	if len(best) != 1 {
		return graph.Agent{}, false
	}
	for _, c := range best {
		return c, true
	}
	return graph.Agent{}, false
}

// agentQueries returns the name searches (graph.AgentQuery.Name) that find every stored
// agent ResolveAgent could match with a: its name and aliases (a bare surname finds the
// full names containing it), the name without its first word when it is not a
// person's (finds "Israel Defense Forces" for "Israeli Defense Forces"), and the
// acronym of a name that is not a person's.
func agentQueries(a graph.Agent) []string {
	seen := map[string]bool{}
	var out []string
	add := func(q string) {
		q = strings.TrimSpace(q)
		key := strings.Join(graph.QueryTerms(q), " ")
		if key == "" || seen[key] {
			return
		}
		seen[key] = true
		out = append(out, q)
	}
	for _, n := range names(a) {
		add(n)
	}
	w := agentWords(a.Name)
	if len(w) >= 2 && a.Kind != graph.KindPerson {
		add(strings.Join(w[1:], " "))
	}
	if ac := Acronym(a.Name); ac != "" && a.Kind != graph.KindPerson {
		add(ac)
	}
	return out
}

// acronymIndex maps the acronyms of stored organizations and outlets ("IDF" for
// "Israel Defense Forces") to those agents, so that an acronym the store knows no alias
// for still finds them: name searches cannot find a name by its initials. It is loaded
// from the store on first need (every organization and outlet, paginated) and kept up
// to date with the bundles this Ingester writes; agents other processes write meanwhile
// are found by name search only.
type acronymIndex struct {
	loaded bool
	m      map[string]map[string]graph.Agent
}

func (x *acronymIndex) add(a graph.Agent) {
	if a.Kind != graph.KindOrganization && a.Kind != graph.KindOutlet || graph.IsArticleScopedAgentID(a.ID) {
		return
	}
	ac := Acronym(a.Name)
	if ac == "" {
		return
	}
	if x.m[ac] == nil {
		x.m[ac] = map[string]graph.Agent{}
	}
	x.m[ac][a.ID] = a
}

func (x *acronymIndex) load(ctx context.Context, st graph.Store) error {
	if x.loaded {
		return nil
	}
	x.m = map[string]map[string]graph.Agent{}
	for _, k := range []graph.AgentKind{graph.KindOrganization, graph.KindOutlet} {
		cursor := ""
		for {
			page, err := st.Agents(ctx, graph.AgentQuery{Kind: k, Page: graph.PageRequest{Cursor: cursor, Limit: graph.MaxPageSize}})
			if err != nil {
				return err
			}
			for _, a := range page.Items {
				x.add(a)
			}
			if page.NextCursor == "" {
				break
			}
			cursor = page.NextCursor
		}
	}
	x.loaded = true
	return nil
}

// lookup returns the stored organizations and outlets whose acronym the name is.
func (x *acronymIndex) lookup(ctx context.Context, st graph.Store, name string) ([]graph.Agent, error) {
	if !IsAcronym(name) {
		return nil, nil
	}
	if err := x.load(ctx, st); err != nil {
		return nil, err
	}
	var out []graph.Agent
	for _, a := range x.m[acronymLetters(name)] {
		out = append(out, a)
	}
	return out, nil
}

// maxAgentCandidates bounds each name search of agent resolution.
const maxAgentCandidates = 50

// storedAgentCandidates looks a bundle agent up in the store by name searches
// (agentQueries). stored is true when the agent is stored under its own id already
// (nothing to resolve). Safe for concurrent use.
func storedAgentCandidates(ctx context.Context, st graph.Store, a graph.Agent) (cands map[string]graph.Agent, stored bool, err error) {
	if _, err := st.Agent(ctx, a.ID); err == nil {
		return nil, true, nil
	} else if graph.ErrorCode(err) != graph.ENOTFOUND {
		return nil, false, err
	}
	c, err := agentNameCandidates(ctx, st, a)
	return c, false, err
}

// agentNameCandidates is the name searches of storedAgentCandidates, for an agent
// known not to be stored under its own id. Safe for concurrent use.
func agentNameCandidates(ctx context.Context, st graph.Store, a graph.Agent) (map[string]graph.Agent, error) {
	byID := map[string]graph.Agent{}
	for _, q := range agentQueries(a) {
		page, err := st.Agents(ctx, graph.AgentQuery{Name: q, Page: graph.PageRequest{Limit: maxAgentCandidates}})
		if err != nil {
			return nil, err
		}
		for _, c := range page.Items {
			byID[c.ID] = c
		}
	}
	return byID, nil
}

// namedCandidates is agentNameCandidates from name searches already made (name →
// agents found).
func namedCandidates(a graph.Agent, named map[string][]graph.Agent) map[string]graph.Agent {
	byID := map[string]graph.Agent{}
	for _, q := range agentQueries(a) {
		for _, c := range named[q] {
			byID[c.ID] = c
		}
	}
	return byID
}

// resolveStored adds the acronym-index candidates of a to byID (the result of
// storedAgentCandidates) and returns the stored agent a resolves to, if any.
func resolveStored(ctx context.Context, st graph.Store, acr *acronymIndex, a graph.Agent, byID map[string]graph.Agent) (graph.Agent, bool, error) {
	for _, n := range names(a) {
		cs, err := acr.lookup(ctx, st, n)
		if err != nil {
			return graph.Agent{}, false, err
		}
		for _, c := range cs {
			byID[c.ID] = c
		}
	}
	cands := make([]graph.Agent, 0, len(byID))
	for _, c := range byID {
		cands = append(cands, c)
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].ID < cands[j].ID })
	got, ok := ResolveAgent(a, cands)
	return got, ok, nil
}
