package extract

import "github.com/claimgraph/claimgraph/graph"

// Unnamed groups are agents of their article only. A group entity (graph.KindGroup) is
// a set of people the text names by a noun and never by their names: "officials",
// "critics", "analysts", "residents", "permanent members of the Security Council", "a
// senior official", and demonym or name-modified groups ("Sudanese officials", "U.S.
// officials", "Clinton supporters"). Two articles' "officials", or two articles' "U.S.
// officials", are not known to be the same people, so each group's id is
// graph.ArticleScopedAgentID(name, the document's text): the same within the article
// (every mention of "officials" in it is one agent, as before), different in every
// other article, and never resolved across articles by ingest. The name and the kind
// stay as the rules wrote them. No named agent has the kind group (the gazetteer lists
// none): a named body is an organization, and keeps the id of its name.

// addGroupEntity adds the group named name to d as an agent of d only (or returns the
// one of that name already added) and returns its id. An entity of the same name that
// is no group was found by another rule first (an unknown single name the text also
// writes as a group's name); it keeps its id, and an unknown kind becomes group, as
// addEntity always did.
func addGroupEntity(d *Document, name string) string {
	id := scopedAgentID(d, name)
	if i := entityIndex(d, id); i >= 0 {
		return id
	}
	if i := entityIndex(d, graph.AgentID(name)); i >= 0 {
		if d.Entities[i].Kind == graph.KindUnknown {
			d.Entities[i].Kind = graph.KindGroup
		}
		return d.Entities[i].ID
	}
	d.Entities = append(d.Entities, Entity{ID: id, Name: name, Kind: graph.KindGroup, Aliases: []string{}, Roles: []string{}})
	return id
}

// groupEntity returns the entity stage's record of the group named name ("Israeli
// security officials"), an agent of this document only (see addGroupEntity), first
// written at the code point at.
func (b *entityBuilder) groupEntity(name string, at int) *entityRecord {
	if e, ok := b.byName[name]; ok {
		if e.Kind == graph.KindUnknown {
			e.Kind = graph.KindGroup
		}
		return e
	}
	id := scopedAgentID(b.d, name)
	if e, ok := b.byID[id]; ok {
		b.byName[name] = e
		return e
	}
	e := &entityRecord{Entity: Entity{ID: id, Name: name, Kind: graph.KindGroup, Aliases: []string{}, Roles: []string{}}, first: at}
	b.byName[name] = e
	b.byID[id] = e
	b.order = append(b.order, e)
	return e
}

// scopedAgentID is graph.ArticleScopedAgentID(name, d.Text), with the digest of the
// text computed once per document (kept with the document's scan) rather than once per
// id: hashing the whole text for every unnamed group made the cost of a document grow
// with its length times its groups.
func scopedAgentID(d *Document, name string) string {
	x := d.sem
	if x == nil {
		return graph.ArticleScopedAgentID(name, d.Text)
	}
	if x.scope == "" || x.scopeOf != d.Text {
		x.scope, x.scopeOf = graph.ArticleScope(d.Text), d.Text
	}
	return graph.ScopedAgentID(name, x.scope)
}
