package ingest

import (
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// sentenceText returns the text of a span of the bundle's article.
func (r *reasoner) sentenceText(s graph.Span) string {
	rs := []rune(r.g.Article.Text)
	if s.Start < 0 || s.End > len(rs) || s.Start >= s.End {
		return ""
	}
	return string(rs[s.Start:s.End])
}

func (r *reasoner) agentName(id string) (string, error) {
	if id == "" {
		return "", nil
	}
	if n, ok := r.agentNames[id]; ok {
		return n, nil
	}
	a, err := r.st.Agent(r.ctx, id)
	if graph.ErrorCode(err) == graph.ENOTFOUND {
		r.agentNames[id] = ""
		return "", nil
	}
	if err != nil {
		return "", err
	}
	r.agentNames[id] = a.Name
	return a.Name, nil
}

// linkDisputes links the bundle's disputes that target an agent but no claim, or only
// a reference claim (isReference), to that agent's stored claims of other articles
// (disputes.go, by speaker). A dispute of a reference claim keeps it and gains a
// dispute of each claim found.
func (r *reasoner) linkDisputes() error {
	var out []graph.Dispute
	changed := false
	for _, d := range r.g.Disputes {
		ref := d.ClaimID != "" && r.isReference(d.ClaimID)
		if d.ClaimID != "" && !ref || d.TargetAgentID == "" {
			out = append(out, d)
			continue
		}
		// the target's claims, most reported first; only counts when the dispute
		// speaks of figures
		q := graph.ClaimQuery{SpeakerID: d.TargetAgentID, Sort: graph.SortByStatements, Page: graph.PageRequest{Limit: r.max}}
		if mentionsFigures(r.sentenceText(d.Sentence)) {
			yes := true
			q.HasQuantity = &yes
		}
		page, err := r.st.SearchClaims(r.ctx, q)
		if err != nil {
			return err
		}
		var cands []Candidate
		for _, s := range page.Items {
			if onlyThis(s.ArticleIDs, r.g.Article.ID) {
				continue
			}
			cands = append(cands, Candidate{Claim: s.Claim, Speakers: s.SpeakerIDs})
		}
		dn, _ := r.agentName(d.DisputerID)
		tn, _ := r.agentName(d.TargetAgentID)
		ids := PickDisputedClaims(DisputeRef{Sentence: r.sentenceText(d.Sentence), Names: []string{dn, tn}, BySpeaker: true}, d.DisputerID, cands)
		if len(ids) == 0 {
			out = append(out, d)
			continue
		}
		changed = true
		if ref {
			out = append(out, d)
		}
		for _, id := range ids {
			x := d
			x.ClaimID = id
			x.ID = graph.DisputeID(x.ArticleID, x.Cue, x.DisputerID, x.ClaimID, x.TargetAgentID)
			out = append(out, x)
			r.res.LinkedDisputes++
			for _, c := range cands {
				if c.Claim.ID == id {
					r.addClaim(c.Claim)
				}
			}
		}
	}
	if changed {
		r.g.Disputes = out
	}
	return nil
}

// referenceNouns name someone's claims rather than state one.
var referenceNouns = map[string]bool{
	"claims": true, "claim": true, "report": true, "reports": true, "account": true, "accounts": true,
	"allegations": true, "allegation": true, "statement": true, "statements": true, "assertion": true,
	"assertions": true, "version": true, "narrative": true,
}

// isReference reports whether a claim of the bundle only refers to someone's claims
// ("the Health Ministry's figures"): at most MaxReferenceWords words, no quantity, and
// a figure or reference noun among them. The extractor makes such a claim the object of
// a dispute; ingest then also links the dispute to the claims it refers to.
func (r *reasoner) isReference(claimID string) bool {
	for _, c := range r.g.Claims {
		if c.ID == claimID {
			return referenceClaim(c)
		}
	}
	return false
}

// referenceClaim reports whether a claim only refers to someone's claims (see
// isReference).
func referenceClaim(c graph.Claim) bool {
	ws := graph.Words(c.Text)
	if len(c.Quantities) > 0 || len(ws) > MaxReferenceWords {
		return false
	}
	for _, w := range ws {
		if figureWords[w] || referenceNouns[w] {
			return true
		}
	}
	return false
}

func onlyThis(articleIDs []string, id string) bool {
	for _, a := range articleIDs {
		if a != id {
			return false
		}
	}
	return true
}

// linkUnlinked links disputes that name neither a claim nor an agent to stored claims
// by their subject (disputes.go); the ones that match nothing are dropped.
func (r *reasoner) linkUnlinked(unlinked []UnlinkedDispute) error {
	agents := map[string]bool{}
	for _, a := range r.g.Agents {
		agents[a.ID] = true
	}
	for _, u := range unlinked {
		if !agents[u.DisputerID] {
			continue
		}
		sentence := r.sentenceText(u.Sentence)
		dn, _ := r.agentName(u.DisputerID)
		byID := map[string]Candidate{}
		skip := map[string]bool{}
		for _, w := range graph.Words(dn) {
			skip[w] = true
		}
		var terms []string
		for _, t := range CandidateTerms(sentence, 6) {
			if !skip[t] && !disputeWords[t] && !figureWords[t] {
				terms = append(terms, t)
			}
		}
		if len(terms) > 3 {
			terms = terms[:3]
		}
		for _, t := range terms {
			page, err := r.st.SearchClaims(r.ctx, graph.ClaimQuery{Text: t, Page: graph.PageRequest{Limit: r.max}})
			if err != nil {
				return err
			}
			for _, s := range page.Items {
				if !onlyThis(s.ArticleIDs, r.g.Article.ID) {
					byID[s.Claim.ID] = Candidate{Claim: s.Claim, Speakers: s.SpeakerIDs}
				}
			}
		}
		cands := make([]Candidate, 0, len(byID))
		for _, c := range byID {
			cands = append(cands, c)
		}
		for _, id := range PickDisputedClaims(DisputeRef{Sentence: sentence, Names: []string{dn}}, u.DisputerID, cands) {
			r.addClaim(byID[id].Claim)
			r.g.Disputes = append(r.g.Disputes, graph.Dispute{
				ID:         graph.DisputeID(r.g.Article.ID, u.Cue, u.DisputerID, id, ""),
				ArticleID:  r.g.Article.ID,
				DisputerID: u.DisputerID,
				ClaimID:    id,
				Kind:       u.Kind,
				Cue:        u.Cue,
				Sentence:   u.Sentence,
				Confidence: u.Confidence,
			})
			r.res.LinkedDisputes++
		}
	}
	return nil
}

// claimSide is what a link reason, the time-overlap test and the independence test
// need of one claim.
type claimSide struct {
	claim     graph.Claim
	speakerID string       // its first speaker in this article (bundle claims only)
	speaker   string       // name of its first speaker, "" when the article asserts it
	dates     []graph.Date // published dates of its articles
	origins   []string     // the origins of its statements (statementOrigin)
}

// statementOrigin is the independent origin of a statement as corroboration counts
// it (graph.Origin): its first agency, else its speaker, else the outlet of its
// article (outletID), else its article. A claim that two articles of different
// outlets assert themselves has two origins, unless origin.go found them to be copies
// of one wire story and gave them its agency; two articles of one outlet that assert
// the same figure are that outlet repeating itself (an editor's note printed under
// every article of a site, a figure a paper gave yesterday), one origin.
func statementOrigin(s graph.Statement, outletID string) string {
	switch {
	case len(s.Via) > 0:
		return "via:" + s.Via[0]
	case s.SpeakerID != "":
		return "speaker:" + s.SpeakerID
	case outletID != "":
		return "outlet:" + outletID
	}
	return "article:" + s.ArticleID
}

// shareOrigin reports whether two claims have a statement of the same origin: the
// same figure repeated by one source is no corroboration of it.
func shareOrigin(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// storedSide describes a stored claim of other articles; ok is false when it has no
// statement in another article. The dates and the speaker come from one Provenance
// read (every statement with its article and speaker), however many articles state
// the claim.
func (r *reasoner) storedSide(id string) (claimSide, bool, error) {
	d, err := r.storedClaim(id)
	if err != nil || d == nil || !r.foreign(d) {
		return claimSide{}, false, err
	}
	p, err := r.st.Provenance(r.ctx, id)
	if err != nil {
		return claimSide{}, false, err
	}
	side := claimSide{claim: d.Claim}
	for _, ch := range p.Chains {
		s := ch.Statement
		if s.ArticleID == r.g.Article.ID {
			continue
		}
		outlet := ""
		if ch.Article.Outlet != nil {
			outlet = ch.Article.Outlet.ID
		}
		side.origins = append(side.origins, statementOrigin(s, outlet))
		if side.speaker == "" && s.SpeakerID != "" {
			n, ok := r.agentNames[s.SpeakerID]
			if !ok && ch.Speaker != nil {
				n = ch.Speaker.Name
				r.agentNames[s.SpeakerID] = n
			}
			side.speaker = n
		}
		side.dates = append(side.dates, ch.Article.Published)
	}
	return side, true, nil
}

// anyWithin reports whether a date of a and one of b lie within days of each other.
func anyWithin(a, b []graph.Date, days int) bool {
	for _, x := range a {
		for _, y := range b {
			if withinDays(x, y, days) {
				return true
			}
		}
	}
	return false
}

func anyOverlap(a, b []graph.Date) bool {
	for _, x := range a {
		for _, y := range b {
			if TimesOverlap(x, y) {
				return true
			}
		}
	}
	return false
}

// linkQuantities links the bundle's counting claims to each other and to stored
// counting claims of other articles (links.go).
func (r *reasoner) linkQuantities() error {
	own := map[string]bool{}
	first := r.firstSpeakers()
	origins := map[string][]string{}
	for _, st := range r.g.Statements {
		origins[st.ClaimID] = append(origins[st.ClaimID], statementOrigin(st, r.g.Article.OutletID))
	}
	var mine []claimSide
	for _, c := range r.g.Claims {
		if sp, ok := first[c.ID]; ok && len(c.Quantities) > 0 {
			side := claimSide{claim: c, dates: []graph.Date{r.g.Article.Published}, origins: origins[c.ID]}
			side.speakerID, side.speaker = sp, r.agentNames[sp]
			mine = append(mine, side)
			own[c.ID] = true
		}
	}
	linked := map[string]bool{}
	for _, l := range r.g.Links {
		linked[l.ID] = true
	}
	add := func(a, b claimSide, within bool) {
		if r.res.LinksMade >= MaxArticleLinks || !anyOverlap(a.dates, b.dates) {
			return
		}
		link := QuantityLink
		if within {
			link = QuantityLinkWithin
		}
		kind, reason, ok := link(a.claim, b.claim, a.speaker, b.speaker)
		if !ok || kind == graph.LinkCorroborates && shareOrigin(a.origins, b.origins) {
			return
		}
		if kind == graph.LinkConflicts && !within && !anyWithin(a.dates, b.dates, MaxConflictGapDays) {
			return
		}
		id := graph.LinkID(a.claim.ID, b.claim.ID, kind)
		if linked[id] {
			return
		}
		linked[id] = true
		r.addClaim(b.claim)
		r.g.Links = append(r.g.Links, graph.ClaimLink{
			ID: id, From: a.claim.ID, To: b.claim.ID, Kind: kind, Reason: reason, ArticleID: r.g.Article.ID,
		})
		r.res.LinksMade++
	}
	// Within the article: only counts of two different speakers, and only claims that
	// count the same thing (graph.Comparable needs the same canonical counted thing and
	// unit), so pairs are formed inside those groups. Each claim is compared with at most
	// MaxPairsPerCount earlier claims of its group, which keeps an article full of
	// counts of one thing linear instead of quadratic.
	groups := map[string][]int{}
	var keys []string
	for i, m := range mine {
		if m.speakerID == "" {
			continue
		}
		for _, key := range countKeys(m.claim) {
			if _, ok := groups[key]; !ok {
				keys = append(keys, key)
			}
			groups[key] = append(groups[key], i)
		}
	}
	pairs := map[[2]int]bool{}
	for _, key := range keys {
		g := groups[key]
		for x := range g {
			for y := max(0, x-MaxPairsPerCount); y < x; y++ {
				i, j := g[y], g[x]
				if pairs[[2]int{i, j}] || mine[i].speakerID == mine[j].speakerID {
					continue
				}
				pairs[[2]int{i, j}] = true
				add(mine[i], mine[j], true)
			}
		}
	}
	var counted []graph.CountedKey
	for _, m := range mine {
		for _, q := range countedQuantities(m.claim) {
			for _, v := range graph.CountedVariants(q.Counted) {
				counted = append(counted, graph.CountedKey{Counted: v, Unit: q.Unit})
			}
		}
	}
	if err := r.prefetchCounted(counted); err != nil {
		return err
	}
	for _, m := range mine {
		for _, q := range countedQuantities(m.claim) {
			var cs []graph.Claim
			for _, v := range graph.CountedVariants(q.Counted) {
				found, err := r.claimsByCounted(v, q.Unit)
				if err != nil {
					return err
				}
				cs = append(cs, found...)
			}
			for _, c := range cs {
				if own[c.ID] {
					continue
				}
				if _, _, link := QuantityLink(m.claim, c, "", ""); !link {
					continue // decided on the numbers alone, before reading who said it when
				}
				side, ok, err := r.storedSide(c.ID)
				if err != nil {
					return err
				}
				if ok {
					add(m, side, false)
				}
			}
		}
	}
	// A percentage with no counted thing (a poll's figure) has no count key: its
	// candidates are the stored claims found by two of its three rarest words (samePercent), and only
	// those of articles published within MaxConflictGapDays are compared.
	for _, m := range mine {
		if !barePercent(m.claim) {
			continue
		}
		terms := CandidateTerms(m.claim.Text, 3)
		queries := [][]string{terms}
		if len(terms) == 3 { // any two of its three rarest words: a restatement adds words
			queries = [][]string{{terms[0], terms[1]}, {terms[0], terms[2]}, {terms[1], terms[2]}}
		}
		seen := map[string]bool{}
		var cands []graph.Claim
		for _, q := range queries {
			if len(q) == 0 {
				continue
			}
			page, err := r.st.SearchClaims(r.ctx, graph.ClaimQuery{Text: strings.Join(q, " "), Page: graph.PageRequest{Limit: MaxPairsPerCount}})
			if err != nil {
				return err
			}
			for _, c := range pageClaims(page) {
				if !seen[c.ID] {
					seen[c.ID] = true
					cands = append(cands, c)
				}
			}
		}
		for _, c := range cands {
			if own[c.ID] || !barePercent(c) {
				continue
			}
			if _, _, link := QuantityLink(m.claim, c, "", ""); !link {
				continue
			}
			side, ok, err := r.storedSide(c.ID)
			if err != nil {
				return err
			}
			if ok && slices.ContainsFunc(side.dates, func(d graph.Date) bool { return withinDays(r.g.Article.Published, d, MaxConflictGapDays) }) {
				add(m, side, false) // a poll's figure weeks later is another poll's
			}
		}
	}
	return nil // IngestGraph makes the bundle canonical before writing
}

// barePercent reports whether a claim gives a percentage with no counted thing.
func barePercent(c graph.Claim) bool {
	for _, q := range c.Quantities {
		if q.Counted == "" && q.Unit == "percent" {
			return true
		}
	}
	return false
}

// countedQuantities returns a claim's quantities that count something, the first of
// each counted thing and unit (graph.Comparable's key).
func countedQuantities(c graph.Claim) []graph.Quantity {
	seen := map[string]bool{}
	var out []graph.Quantity
	for _, q := range c.Quantities {
		if q.Counted == "" {
			continue
		}
		key := countKey(q)
		if !seen[key] {
			seen[key] = true
			out = append(out, q)
		}
	}
	return out
}

// countKey is the key under which two quantities may be compared: canonical counted
// thing and unit.
func countKey(q graph.Quantity) string { return graph.CanonicalCounted(q.Counted) + "\x00" + q.Unit }

// countKeys returns the distinct count keys of a claim's quantities.
func countKeys(c graph.Claim) []string {
	var out []string
	for _, q := range countedQuantities(c) {
		out = append(out, countKey(q))
	}
	return out
}

// firstSpeakers maps every claim that has a statement in the bundle to the speaker of
// its first statement with one ("" when the article asserts it), in one pass.
func (r *reasoner) firstSpeakers() map[string]string {
	out := map[string]string{}
	for _, s := range r.g.Statements {
		if sp, ok := out[s.ClaimID]; !ok || sp == "" {
			out[s.ClaimID] = s.SpeakerID
		}
	}
	return out
}
