package extract

import (
	"fmt"
	"os"
	"testing"
)

func TestZZDebugRules(t *testing.T) {
	text, err := os.ReadFile(os.Getenv("ZZFILE"))
	if err != nil {
		t.Skip()
	}
	all := contentRules
	defer func() { contentRules = all }()
	for n := 0; n <= len(all); n++ {
		contentRules = all[:n]
		d := NewDocument(string(text))
		findAttributions(d)
		name := "(tagger)"
		if n > 0 {
			name = all[n-1].name
		}
		fmt.Println("== after", name)
		for _, a := range d.Attributions {
			src := ""
			if a.Source != nil {
				src = string(d.Runes[a.Source.Start:a.Source.End])
			}
			fmt.Printf("  %q | %q | %q\n", string(d.Runes[a.Cue.Start:a.Cue.End]), src, string(d.Runes[a.Content.Start:a.Content.End]))
		}
	}
}
