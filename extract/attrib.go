package extract

// findAttributions fills d.Attributions. (Placeholder body replaced by the rule
// engine in attrib_rules.go.)
func findAttributions(d *Document) {}
