package extract

// Entity rule "name particles after a title" (fixtures in
// testdata/rules/speakers/name-particles-after-a-title.tsv): a person named after a
// title keeps the lowercase particles of the surname ("Studyportals CEO Edwin van
// Rest", "Treasury Secretary Ana de la Cruz", "Mayor Jan van der Berg"), as a name
// read without a title does (nameParticleRun): the title rule read only capitalized
// words, so the name stopped at the particle ("Edwin") and the speaker went unresolved
// or became a person of that first name.

// titledNameParticles returns the number of name particles at toks[k] inside a titled
// name that started at toks[nameStart]: one or two particles of
// lexicon/lowercase_name_particles.txt after at least one name word and before a
// capitalized word; 0 otherwise.
func titledNameParticles(toks []scanToken, nameStart, k int) int {
	if k <= nameStart || k >= len(toks) {
		return 0
	}
	return nameParticleRun(toks, k)
}
