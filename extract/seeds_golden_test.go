package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/corpus"
	"github.com/claimgraph/claimgraph/graph"
)

var updateGoldens = flag.Bool("update", false, "rewrite the golden files under testdata/seeds")

// seedDocs extracts the built-in corpus (the three seed articles), by article id.
func seedDocs(t *testing.T) map[string]*Document {
	t.Helper()
	arts, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*Document{}
	for _, a := range arts {
		out[a.ID] = Extract(a.Text)
	}
	for _, id := range []string{"gaza-un-stabilization-force-draft", "waltz-draft-resolution-spencer-interview", "gaza-stabilization-eye-of-the-needle"} {
		if out[id] == nil {
			t.Fatalf("seed article %s missing from the corpus", id)
		}
	}
	return out
}

func outputJSON(t *testing.T, id string, d *Document) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(NewOutput(id, d)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestSeedGoldens compares the whole output on each seed article with
// testdata/seeds/ID.json. After a deliberate change, review the diff of
// `go test ./extract -run TestSeedGoldens -update`.
func TestSeedGoldens(t *testing.T) {
	for id, d := range seedDocs(t) {
		got := outputJSON(t, id, d)
		path := filepath.Join("testdata", "seeds", id+".json")
		if *updateGoldens {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (create it with -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: output differs from %s; review with -update and git diff", id, path)
		}
	}
}

// seedCheck finds things in one seed document for the explicit assertions.
type seedCheck struct {
	t  *testing.T
	id string
	d  *Document
}

func (c seedCheck) entity(name string) *Entity {
	c.t.Helper()
	e := findEntity(c.d, name)
	if e == nil {
		c.t.Errorf("%s: no entity %q", c.id, name)
	}
	return e
}

// attr returns the attributions whose content contains sub.
func (c seedCheck) attrs(sub string) []*Attribution {
	var out []*Attribution
	for i := range c.d.Attributions {
		a := &c.d.Attributions[i]
		if strings.Contains(spanTextOf(c.d.Runes, a.Content), sub) {
			out = append(out, a)
		}
	}
	return out
}

// speaker asserts that some attribution whose content contains sub has the speaker
// named name (and, if via is given, those agencies).
func (c seedCheck) speaker(sub, name string, via ...string) {
	c.t.Helper()
	as := c.attrs(sub)
	if len(as) == 0 {
		c.t.Errorf("%s: no attribution with content %q", c.id, sub)
		return
	}
	for _, a := range as {
		if speakerName(c.d, a) != name {
			continue
		}
		ok := true
		for _, v := range via {
			if !contains(a.Via, graph.AgentID(v)) {
				ok = false
			}
		}
		if ok {
			return
		}
	}
	var got []string
	for _, a := range as {
		got = append(got, speakerName(c.d, a)+" via "+strings.Join(a.Via, ","))
	}
	c.t.Errorf("%s: content %q: speakers %q, want %q via %q", c.id, sub, got, name, via)
}

func (c seedCheck) claim(sub string) *Claim {
	for i := range c.d.Claims {
		if strings.Contains(c.d.Claims[i].Text, sub) {
			return &c.d.Claims[i]
		}
	}
	c.t.Errorf("%s: no claim with %q", c.id, sub)
	return nil
}

func (c seedCheck) dispute(disputer string, kind graph.DisputeKind) *Dispute {
	c.t.Helper()
	for i := range c.d.Disputes {
		x := &c.d.Disputes[i]
		if x.Disputer == graph.AgentID(disputer) && x.Kind == kind {
			return x
		}
	}
	c.t.Errorf("%s: no dispute %s %s in %+v", c.id, disputer, kind, c.d.Disputes)
	return nil
}

func TestSeedUNDraft(t *testing.T) {
	c := seedCheck{t, "gaza-un-stabilization-force-draft", seedDocs(t)["gaza-un-stabilization-force-draft"]}
	if e := c.entity("Hamish Falconer"); e != nil && !contains(e.Roles, "Britain’s minister for the Middle East and North Africa") {
		t.Errorf("Falconer roles %q", e.Roles)
	}
	if e := c.entity("Antonio Guterres"); e != nil && !contains(e.Roles, "U.N. Secretary-General") {
		t.Errorf("Guterres roles %q", e.Roles)
	}
	if e := c.entity("Israel Defense Forces"); e != nil && !contains(e.Aliases, "Israeli Defense Forces") {
		t.Errorf("IDF aliases %q", e.Aliases)
	}
	if e := c.entity("International Security Force"); e != nil && !contains(e.Aliases, "ISF") {
		t.Errorf("ISF aliases %q", e.Aliases)
	}
	c.speaker("It is important for any stabilization force in Gaza", "Hamish Falconer")
	c.speaker("the U.K.’s focus remains", "Hamish Falconer", "Associated Press")
	c.speaker("many questions remain", "Hamish Falconer") // "He also noted"
	c.speaker("What we believe is that whatever entity", "Antonio Guterres")
	c.speaker("an enforcement force rather than a traditional peacekeeping mission", "U.S. officials")
	c.speaker("the draft, which is still in its early stages", "Associated Press", "Associated Press")
	c.speaker("The Board of Peace would also supervise", "Axios", "Axios")
	c.speaker("the proposal reflects lessons learned", "observers")
	c.speaker("more than 68,800 Palestinians dead", "Gaza’s Health Ministry")

	cas := c.claim("more than 68,800 Palestinians dead")
	if cas == nil {
		return
	}
	if cas.Speaker == nil || *cas.Speaker != graph.AgentID("Gaza’s Health Ministry") {
		t.Errorf("casualty claim speaker %v", cas.Speaker)
	}
	var q *Quantity
	for i := range cas.Quantities {
		if cas.Quantities[i].Value == 68800 {
			q = &cas.Quantities[i]
		}
	}
	if q == nil || q.Qualifier != "more_than" || q.Counted != "palestinians dead" || q.Unit != "count" {
		t.Errorf("casualty quantity %+v", cas.Quantities)
	}
	if x := c.dispute("Israel", graph.DisputeDisputes); x != nil && (x.Claim == nil || *x.Claim != cas.ID) {
		t.Errorf("Israel's dispute targets %q, want the casualty claim", claimText(c.d, x.Claim))
	}
	if st := c.claim("killed about 1,200 people"); st != nil {
		if st.Speaker != nil || st.Origin != "article" || len(st.Quantities) != 2 || st.Quantities[0].Counted != "people killed" || st.Quantities[1].Value != 251 {
			t.Errorf("article statistic %+v", st)
		}
	}
}

func TestSeedWaltzSpencer(t *testing.T) {
	id := "waltz-draft-resolution-spencer-interview"
	c := seedCheck{t, id, seedDocs(t)[id]}
	if e := c.entity("Mike Waltz"); e != nil && !contains(e.Roles, "U.S. ambassador") {
		t.Errorf("Waltz roles %q", e.Roles)
	}
	if e := c.entity("John Spencer"); e != nil && !contains(e.Roles, "chairs urban warfare studies at the Modern War Institute") {
		t.Errorf("Spencer roles %q", e.Roles)
	}
	c.speaker("This resolution aims to advance President Donald Trump’s peace initiative", "senior U.S. official")
	c.speaker("the draft would empower the mission", "Reuters", "Reuters", "Associated Press")
	c.speaker("the concept could succeed", "John Spencer", "Digital")
	c.speaker("For Gaza, I personally would like people to think of Kosovo and Bosnia", "John Spencer") // he remarked
	c.speaker("Kosovo gives you the best example", "John Spencer")
	c.speaker("Southern Lebanon was not a success story", "John Spencer") // he declared
	c.speaker("There are people who do not want this to succeed", "John Spencer")
	// every pronoun or surname source in the interview is Spencer
	for i := range c.d.Attributions {
		a := &c.d.Attributions[i]
		if a.Source == nil {
			continue
		}
		switch spanTextOf(c.d.Runes, *a.Source) {
		case "he", "He", "Spencer":
			if speakerName(c.d, a) != "John Spencer" {
				t.Errorf("%s: source %q at %d resolved to %q", id, a.Source.Text, a.Source.Start, speakerName(c.d, a))
			}
		}
	}
	// opposing a condition, refusing to permit troops and criticizing an agent are
	// stances, not disputes of a claim's truth (disputes.go): no dispute
	for _, x := range c.d.Disputes {
		switch x.Kind {
		case graph.DisputeOpposes, graph.DisputeRefuses, graph.DisputeCriticizes:
			t.Errorf("%s: stance taken for a dispute: %+v", id, x)
		}
	}
	for _, want := range []struct {
		value   float64
		counted string
	}{{50000, "troops"}, {60000, "troops"}, {200, "personnel"}} {
		found := false
		for _, cl := range c.d.Claims {
			for _, q := range cl.Quantities {
				if q.Value == want.value && q.Counted == want.counted && q.Qualifier == "about" {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("%s: no claim with about %v %s", id, want.value, want.counted)
		}
	}
}

func TestSeedEyeOfTheNeedle(t *testing.T) {
	id := "gaza-stabilization-eye-of-the-needle"
	c := seedCheck{t, id, seedDocs(t)[id]}
	// an accusation is a claim of the accuser with the accused (disputes.go)
	if cl := c.claim("violating the ceasefire"); cl != nil {
		if cl.Speaker == nil || *cl.Speaker != graph.AgentID("Israel") || cl.Accused == nil || *cl.Accused != graph.AgentID("Hamas") {
			t.Errorf("accusation claim %+v", cl)
		}
	}
	if e := c.entity("Hiba Qasas"); e != nil && len(e.Roles) == 0 {
		t.Errorf("Hiba Qasas has no role")
	}
	if cl := c.claim("more than 500 leaders"); cl != nil && (len(cl.Quantities) != 1 || cl.Quantities[0].Qualifier != "more_than") {
		t.Errorf("leaders claim %+v", cl)
	}
	if cl := c.claim("brought violence down by 90%"); cl != nil && (len(cl.Quantities) != 1 || cl.Quantities[0].Unit != "percent") {
		t.Errorf("percent claim %+v", cl)
	}
}

// TestDeterminism runs the pipeline many times, interleaving documents, and expects
// byte-identical output.
func TestDeterminism(t *testing.T) {
	arts, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	first := map[string][]byte{}
	for round := 0; round < 8; round++ {
		for k := range arts {
			a := arts[(k+round)%len(arts)]
			got := outputJSON(t, a.ID, Extract(a.Text))
			if prev, ok := first[a.ID]; !ok {
				first[a.ID] = got
			} else if !bytes.Equal(prev, got) {
				t.Fatalf("%s: round %d output differs from the first", a.ID, round)
			}
		}
	}
}

// TestConcurrentExtract runs the pipeline on several goroutines at once (run with
// -race): the semantic stages share no mutable state.
func TestConcurrentExtract(t *testing.T) {
	arts, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]byte{}
	for _, a := range arts {
		want[a.ID] = outputJSON(t, a.ID, Extract(a.Text))
	}
	errs := make(chan string, 4*len(arts))
	done := make(chan struct{})
	for g := 0; g < 4; g++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for _, a := range arts {
				var b bytes.Buffer
				enc := json.NewEncoder(&b)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", " ")
				if err := enc.Encode(NewOutput(a.ID, Extract(a.Text))); err != nil || !bytes.Equal(b.Bytes(), want[a.ID]) {
					errs <- a.ID
				}
			}
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
	close(errs)
	for id := range errs {
		t.Errorf("%s: concurrent output differs", id)
	}
}

// BenchmarkSemanticStages measures the semantic stages (entities, speakers, claims,
// disputes and ToGraph) on news text: the seed articles repeated to about 1 MB, with
// the attribution stage run once beforehand. It reports MB/s of input.
func BenchmarkSemanticStages(b *testing.B) {
	arts, err := corpus.Default()
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		for _, a := range arts {
			sb.WriteString(a.Text)
			sb.WriteString("\n\n")
		}
	}
	base := NewDocument(sb.String())
	findAttributions(base)
	b.SetBytes(int64(len(base.Text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := *base
		d.sem = nil // each run scans the text itself, as Extract does
		d.Attributions = append([]Attribution(nil), base.Attributions...)
		findEntities(&d)
		resolveSpeakers(&d)
		findClaims(&d)
		findDisputes(&d)
		ToGraph(ArticleMeta{}, &d)
	}
}
