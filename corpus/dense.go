package corpus

import (
	"fmt"
	"strings"
)

// DenseText builds a synthetic article text of at most limit bytes made of short
// attributed sentences, each a claim of its own by one of 900 named speakers: the
// densest extraction per byte, the worst case that the memory bounds, the Neo4j
// writes in pieces and the statement limits are measured and tested on (cmd/loadcheck
// -text dense, the statement-cap and dense-write tests).
func DenseText(limit int) string {
	first := []string{"Maria", "John", "Ahmed", "Olga", "Kenji", "Fatima", "Peter", "Amara", "Lucas", "Ingrid",
		"Rahul", "Sofia", "Daniel", "Mei", "Omar", "Elena", "Samuel", "Aisha", "Tomas", "Hannah",
		"Carlos", "Yuki", "David", "Leila", "Jonas", "Nadia", "Victor", "Grace", "Ivan", "Clara"}
	last := []string{"Lopez", "Smith", "Haddad", "Petrova", "Tanaka", "Okafor", "Müller", "Diallo", "Silva", "Berg",
		"Sharma", "Rossi", "Cohen", "Chen", "Farouk", "Ionescu", "Mensah", "Rahman", "Novak", "Weber",
		"Garcia", "Sato", "Levi", "Karimi", "Lund", "Aziz", "Moreau", "Kim", "Popov", "Fischer"}
	things := []string{"displaced families", "damaged schools", "new clinics", "missing people", "trucks of aid", "cleared roads"}
	var b strings.Builder
	for i := 0; ; i++ {
		sp := first[i%len(first)] + " " + last[(i/len(first))%len(last)]
		var s string
		if i%2 == 0 {
			s = fmt.Sprintf("\"The district counted %d %s,\" %s said. ", 1000+i, things[i%len(things)], sp)
		} else {
			s = fmt.Sprintf("%s said that %d %s were reported on Monday. ", sp, 2000+i, things[i%len(things)])
		}
		if b.Len()+len(s) > limit {
			return b.String()
		}
		b.WriteString(s)
		if i%20 == 19 {
			b.WriteString("\n\n")
		}
	}
}
