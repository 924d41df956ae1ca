package attribml

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/extract/lexicon"
)

// Vocabulary is the part of the lexicons that the attribution features read: the
// general words that keep their identity when capitalized (every other capitalized
// word is read by its name class, names.go) and the words of reporting (Tok.CueWord).
//
// A model is trained with one vocabulary and must be run with the same one, so the
// vocabulary is stored beside the models (extract/models/vocabulary.txt, written by
// extract/internal/train) instead of being read from the lexicons at run time: the
// lexicons serve other stages too (groups.txt is a speaker list) and change for their
// sake, and each change used to alter the features of models trained before it, so that
// a retrain no longer gave the committed models. LexiconVocabulary builds a new one
// from the current lexicons, for a retrain that should see their changes.
type Vocabulary struct {
	keep map[string]bool // lowercased words that keep their identity when capitalized
	cue  map[string]bool // lowercased words of reporting
	// verb maps a lowercased verb form to its WordNet classes (lexicon/verb_classes.txt):
	// the class of its most frequent sense and the set of the reporting classes among
	// all its senses. A vocabulary written before the classes has none.
	verb map[string]VerbClass
}

// VerbClass is a verb form's WordNet classes: First is the class of its most frequent
// sense ("communication", "motion"), Senses the classes of communication, cognition,
// emotion and perception among all its senses, joined by "+".
type VerbClass struct{ First, Senses string }

// keepLists are the lexicons whose words keep their identity when capitalized.
var keepLists = []string{
	"function_words.txt", "cue_words.txt", "sentence_starters.txt", "speech_verbs.txt",
	"present_speech_verbs.txt", "calendar_words.txt", "pronouns.txt", "honorifics.txt",
	"title_abbreviations.txt", "groups.txt", "spokesperson_nouns.txt", "titles.txt",
}

// LexiconVocabulary builds the vocabulary from the current lexicons: the words of
// keepLists (each word of a multi-word title; a word ending in a period also without
// it, since "Sen." is tokenized with its period and "Sen" without) and of
// cue_words.txt, lowercased, with typographic apostrophes made straight.
func LexiconVocabulary() *Vocabulary {
	v := &Vocabulary{keep: map[string]bool{}, cue: map[string]bool{}, verb: lexiconVerbClasses()}
	norm := func(w string) string { return strings.ToLower(strings.ReplaceAll(w, "\u2019", "'")) }
	for _, name := range keepLists {
		for _, row := range lexicon.Rows(name) {
			for _, w := range strings.Fields(row[0]) {
				w = norm(w)
				v.keep[w] = true
				v.keep[strings.TrimSuffix(w, ".")] = true
			}
		}
	}
	for _, row := range lexicon.Rows("cue_words.txt") {
		v.cue[norm(row[0])] = true
	}
	return v
}

// lexiconVerbClasses reads lexicon/verb_classes.txt.
func lexiconVerbClasses() map[string]VerbClass {
	m := map[string]VerbClass{}
	for _, row := range lexicon.Rows("verb_classes.txt") {
		if len(row) == 3 {
			m[row[0]] = VerbClass{First: row[1], Senses: row[2]}
		}
	}
	return m
}

// WithLexiconVerbClasses returns a copy of v whose verb classes are those of the
// current lexicon (lexicon/verb_classes.txt) and whose other words are v's: a retrain
// that should see new verb classes without the other lexicon changes since v was
// written.
func (v *Vocabulary) WithLexiconVerbClasses() *Vocabulary {
	return &Vocabulary{keep: v.keep, cue: v.cue, verb: lexiconVerbClasses()}
}

// VerbClassOf returns the verb classes of a lowercased word, if it is a verb form of a
// reporting class.
func (v *Vocabulary) VerbClassOf(lower string) (VerbClass, bool) {
	c, ok := v.verb[lower]
	return c, ok
}

// VocabularyOf makes a vocabulary of the given keep words and words of reporting
// (lowercased as given).
func VocabularyOf(keep, cue []string) *Vocabulary {
	v := &Vocabulary{keep: map[string]bool{}, cue: map[string]bool{}}
	for _, w := range keep {
		v.keep[w] = true
	}
	for _, w := range cue {
		v.cue[w] = true
	}
	return v
}

// vocabularyHeader opens a written vocabulary file.
const vocabularyHeader = `# The vocabulary the attribution models in this directory were trained with, written
# by extract/internal/train with them: "keep<TAB>word" is a lowercased general word that
# keeps its identity when capitalized (any other capitalized word is read as a name
# class), "cue<TAB>word" a word of reporting. It was built from the lexicons named in
# extract/internal/attribml/vocabulary.go; the models read this copy, so later lexicon
# changes reach them only through a retrain with -vocabulary lexicons.
`

// verbHeader follows vocabularyHeader in a vocabulary with verb classes (a vocabulary
// without them is written as before they existed).
const verbHeader = `# "verb<TAB>form<TAB>class<TAB>classes" is a verb form's WordNet classes
# (lexicon/verb_classes.txt), read by the cue tagger.
`

// Write writes the vocabulary as sorted "keep<TAB>word" and "cue<TAB>word" lines after
// a header comment: the same vocabulary always gives the same bytes.
func (v *Vocabulary) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(vocabularyHeader)
	if len(v.verb) > 0 {
		bw.WriteString(verbHeader)
	}
	for _, part := range []struct {
		kind string
		set  map[string]bool
	}{{"keep", v.keep}, {"cue", v.cue}} {
		words := make([]string, 0, len(part.set))
		for w := range part.set {
			words = append(words, w)
		}
		sort.Strings(words)
		for _, w := range words {
			fmt.Fprintf(bw, "%s\t%s\n", part.kind, w)
		}
	}
	forms := make([]string, 0, len(v.verb))
	for w := range v.verb {
		forms = append(forms, w)
	}
	sort.Strings(forms)
	for _, w := range forms {
		fmt.Fprintf(bw, "verb\t%s\t%s\t%s\n", w, v.verb[w].First, v.verb[w].Senses)
	}
	return bw.Flush()
}

// ReadVocabulary reads a vocabulary written by Write.
func ReadVocabulary(r io.Reader) (*Vocabulary, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read vocabulary: %w", err)
	}
	v := &Vocabulary{keep: map[string]bool{}, cue: map[string]bool{}, verb: map[string]VerbClass{}}
	for i, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		kind, word, ok := strings.Cut(line, "\t")
		if f := strings.Split(word, "\t"); kind == "verb" && len(f) == 3 {
			v.verb[f[0]] = VerbClass{First: f[1], Senses: f[2]}
			continue
		}
		switch {
		case ok && kind == "keep":
			v.keep[word] = true
		case ok && kind == "cue":
			v.cue[word] = true
		default:
			return nil, fmt.Errorf("vocabulary line %d: want keep<TAB>word, cue<TAB>word or verb<TAB>form<TAB>class<TAB>classes, got %q (rewrite it with extract/internal/train)", i+1, line)
		}
	}
	if len(v.keep) == 0 || len(v.cue) == 0 {
		return nil, fmt.Errorf("vocabulary has %d keep and %d cue words: both must be present (rewrite it with extract/internal/train)", len(v.keep), len(v.cue))
	}
	return v, nil
}

// Equal reports whether two vocabularies hold the same words.
func (v *Vocabulary) Equal(o *Vocabulary) bool {
	eq := func(a, b map[string]bool) bool {
		if len(a) != len(b) {
			return false
		}
		for w := range a {
			if !b[w] {
				return false
			}
		}
		return true
	}
	if len(v.verb) != len(o.verb) {
		return false
	}
	for w, c := range v.verb {
		if o.verb[w] != c {
			return false
		}
	}
	return eq(v.keep, o.keep) && eq(v.cue, o.cue)
}
