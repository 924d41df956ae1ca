package extract

import "testing"

// TestParticipleComplementSource gives the speaker stage sources as the attribution
// stage finds them on news text, starting after the participle ("... representing
// striking Velmor workers said"): the object of a participle that modifies the noun
// before it gets no speaker, while a source with no such participle before it keeps
// its speaker.
func TestParticipleComplementSource(t *testing.T) {
	cases := []struct {
		name, text, source, cue, content, want string
	}{
		{"object of representing", "The union representing striking Velmor machinist workers in Orvik said it would not vote.",
			"Velmor machinist workers in Orvik", "said", "it would not vote", ""},
		{"agent of led by", "A delegation led by Chief Justice Tarin Olso concluded that the act was void.",
			"Chief Justice Tarin Olso", "concluded", "that the act was void", ""},
		{"agent of led by after a bench: the bench speaks (speakers_judicial.go)", "A three-judge bench led by Chief Justice Tarin Olso concluded that the act was void.",
			"Chief Justice Tarin Olso", "concluded", "that the act was void", "three-judge bench"},
		{"no participle before the source", "The union said Tarin Olso concluded that the act was void.",
			"Tarin Olso", "concluded", "that the act was void", "Tarin Olso"},
		{"including names a speaker", "Officials including Tarin Olso concluded that the act was void.",
			"Tarin Olso", "concluded", "that the act was void", "Tarin Olso"},
		{"a document's author after an author participle speaks", "In 2013, research conducted by the Velmor Center for Media Studies found the site rated one party higher.",
			"the Velmor Center for Media Studies", "found", "the site rated one party higher", "Velmor Center for Media Studies"},
		{"a pronoun in -thing is no participle", "He treats his supporters as people who will believe anything Tarin Olso says.",
			"Tarin Olso", "says", "He treats his supporters", "Tarin Olso"},
		{"a passive cue's agent after the cue speaks", "The figures were released by Tarin Olso on Monday.",
			"Tarin Olso", "released", "The figures", "Tarin Olso"},
	}
	for _, c := range cases {
		d := docWithAttributions(t, c.text, attrSpec{c.source, c.cue, c.content, ""})
		if got := speakerName(d, &d.Attributions[0]); got != c.want {
			t.Errorf("%s: speaker %q, want %q", c.name, got, c.want)
		}
	}
}
