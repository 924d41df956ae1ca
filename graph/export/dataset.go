package export

import (
	"context"
	"encoding/csv"
	"encoding/json"

	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// The dataset bundle (FormatDataset): one CSV table per record kind, a Frictionless
// data package (datapackage.json, with typed fields, primary keys and foreign keys)
// and an RO-Crate 1.1 (ro-crate-metadata.json) that says how the data was made.

// datasetTable is one CSV table: its name, its label or edge type, and its fields.
type datasetTable struct {
	Name   string
	Label  string // node label, or "" for an edge table
	Fields []dsField
	FKs    []dsFK
}

type dsField struct{ Name, Type, About string }

type dsFK struct{ Field, Resource string }

func nodeTable(name, label string, fks ...dsFK) datasetTable {
	t := datasetTable{Name: name, Label: label, Fields: []dsField{{"id", "string", "claimgraph id"}}, FKs: fks}
	for _, f := range nodeFields[label] {
		typ := map[valueKind]string{kindString: "string", kindDouble: "number", kindList: "array", kindJSON: "object"}[f.Kind]
		if f.Name == "quantities" {
			typ = "array"
		}
		t.Fields = append(t.Fields, dsField{f.Name, typ, ""})
	}
	return t
}

var datasetTables = []datasetTable{
	nodeTable("articles", graph.LabelArticle, dsFK{"outlet_id", "outlets"}),
	nodeTable("outlets", graph.LabelOutlet),
	nodeTable("agents", graph.LabelAgent),
	nodeTable("claims", graph.LabelClaim),
	nodeTable("statements", graph.LabelStatement, dsFK{"claim_id", "claims"}, dsFK{"article_id", "articles"}, dsFK{"speaker_id", "agents"}),
	nodeTable("disputes", graph.LabelDispute, dsFK{"article_id", "articles"}, dsFK{"disputer_id", "agents"}, dsFK{"claim_id", "claims"}, dsFK{"target_agent_id", "agents"}),
	{Name: "links", Fields: []dsField{{"id", "string", "link id"}, {"from", "string", "claim of the article that found the link"}, {"to", "string", "the other claim"},
		{"kind", "string", "conflicts or corroborates"}, {"reason", "string", "why, for people"}, {"article_id", "string", "article that first wrote the link"}},
		FKs: []dsFK{{"from", "claims"}, {"to", "claims"}}},
	{Name: "mentions", Fields: []dsField{{"article_id", "string", "article"}, {"agent_id", "string", "agent it names"}},
		FKs: []dsFK{{"article_id", "articles"}, {"agent_id", "agents"}}},
}

func datasetFiles() []string {
	var out []string
	for _, t := range datasetTables {
		out = append(out, t.Name+".csv")
	}
	return append(out, "datapackage.json", "ro-crate-metadata.json")
}

// dataset writes the dataset bundle into a Dir.
type dataset struct {
	t    *tempFiles
	dir  Dir
	w    map[string]*csv.Writer
	meta Meta
	f    Filter
}

func newDataset(dir Dir, meta Meta, f Filter) (*dataset, error) {
	t, err := newTempFiles()
	if err != nil {
		return nil, err
	}
	d := &dataset{t: t, dir: dir, w: map[string]*csv.Writer{}, meta: meta, f: f}
	for _, tb := range datasetTables { // every table, with its header, even when empty
		b, err := t.get(tb.Name+".csv", nil)
		if err != nil {
			t.remove()
			return nil, err
		}
		w := csv.NewWriter(b)
		h := make([]string, len(tb.Fields))
		for i, f := range tb.Fields {
			h[i] = f.Name
		}
		if err := w.Write(h); err != nil {
			t.remove()
			return nil, err
		}
		d.w[tb.Name] = w
	}
	return d, nil
}

var tableOfLabel = map[string]string{graph.LabelArticle: "articles", graph.LabelOutlet: "outlets", graph.LabelAgent: "agents",
	graph.LabelClaim: "claims", graph.LabelStatement: "statements", graph.LabelDispute: "disputes"}

// Node implements Writer.
func (d *dataset) Node(_ context.Context, n Node) error {
	row := []string{n.ID()}
	for _, v := range values(n) {
		row = append(row, flat(v))
	}
	return d.w[tableOfLabel[n.Label]].Write(row)
}

// Edge implements Writer.
func (d *dataset) Edge(_ context.Context, e Edge) error {
	switch {
	case e.Type == graph.EdgeMentions:
		return d.w["mentions"].Write([]string{e.From, e.To})
	case e.Link != nil:
		l := e.Link
		return d.w["links"].Write([]string{l.ID, e.From, e.To, string(l.Kind), l.Reason, l.ArticleID})
	}
	return nil
}

// Close implements Writer.
func (d *dataset) Close(context.Context) error {
	for _, w := range d.w {
		w.Flush()
		if err := w.Error(); err != nil {
			d.t.remove()
			return err
		}
	}
	sizes := map[string]int64{}
	for name, b := range d.t.bufs {
		if err := b.Flush(); err != nil {
			d.t.remove()
			return err
		}
		if st, err := d.t.files[name].Stat(); err == nil {
			sizes[name] = st.Size()
		}
	}
	for name, v := range map[string]any{"datapackage.json": d.dataPackage(), "ro-crate-metadata.json": d.roCrate(sizes)} {
		b, err := d.t.get(name, nil)
		if err != nil {
			d.t.remove()
			return err
		}
		enc := json.NewEncoder(b)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			d.t.remove()
			return err
		}
	}
	return d.t.copyTo(d.dir, datasetFiles())
}

// dataPackage is the Frictionless descriptor. Foreign keys are declared unless the
// export is a neighbourhood, whose node limit can cut a reference.
func (d *dataset) dataPackage() map[string]any {
	var res []map[string]any
	for _, t := range datasetTables {
		var fields []map[string]any
		for _, f := range t.Fields {
			m := map[string]any{"name": f.Name, "type": f.Type}
			if f.About != "" {
				m["description"] = f.About
			}
			fields = append(fields, m)
		}
		schema := map[string]any{"fields": fields}
		if t.Label != "" || t.Name == "links" {
			schema["primaryKey"] = []string{"id"}
		}
		if d.f.Root == "" {
			var fks []map[string]any
			for _, fk := range t.FKs {
				fks = append(fks, map[string]any{"fields": []string{fk.Field}, "reference": map[string]any{"resource": fk.Resource, "fields": []string{"id"}}})
			}
			if len(fks) > 0 {
				schema["foreignKeys"] = fks
			}
		}
		res = append(res, map[string]any{"name": t.Name, "path": t.Name + ".csv", "profile": "tabular-data-resource",
			"format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "schema": schema})
	}
	return map[string]any{
		"profile":     "tabular-data-package",
		"name":        "claimgraph-export",
		"title":       "claimgraph export: " + d.f.describe(),
		"description": "Claims, their statements in news articles, speakers, agencies, outlets, disputes and claim links, extracted by claimgraph. Made by claimgraph " + d.meta.Version + " (" + d.meta.Extractor + ") from the " + d.meta.Store + " store.",
		"created":     d.meta.Created.UTC().Format(time.RFC3339),
		"version":     d.meta.Version,
		"sources":     []map[string]string{{"title": "news articles ingested into claimgraph; each article's url column names it"}},
		"resources":   res,
	}
}

// roCrate is the RO-Crate 1.1 metadata: the dataset, its files, the software and the
// action that made it. It meets roc-validator's required and recommended checks of the
// ro-crate-1.1 profile (pycheck), so the root names an Organization as author and
// publisher: the makers of the software that wrote the records.
func (d *dataset) roCrate(sizes map[string]int64) map[string]any {
	created := d.meta.Created.UTC().Format(time.RFC3339)
	graphItems := []any{
		map[string]any{"@id": "ro-crate-metadata.json", "@type": "CreativeWork", "conformsTo": ref("https://w3id.org/ro/crate/1.1"), "about": ref("./")},
	}
	var parts []map[string]string
	var files []any
	for _, name := range datasetFiles() {
		if name == "ro-crate-metadata.json" {
			continue
		}
		parts = append(parts, ref(name))
		f := map[string]any{"@id": name, "@type": "File", "name": name}
		if name == "datapackage.json" {
			f["encodingFormat"] = "application/json"
			f["description"] = "Frictionless data package descriptor: the tables' fields, types and keys"
			f["conformsTo"] = ref("https://specs.frictionlessdata.io/tabular-data-package/")
		} else {
			f["encodingFormat"] = "text/csv"
			f["description"] = "table " + name
		}
		if n, ok := sizes[name]; ok {
			f["contentSize"] = n
		}
		files = append(files, f)
	}
	graphItems = append(graphItems, map[string]any{
		"@id": "./", "@type": "Dataset",
		"name":          "claimgraph export",
		"description":   "Claims and their provenance extracted from news articles by claimgraph; selection: " + d.f.describe() + ".",
		"datePublished": created,
		"license":       ref("#source-terms"),
		"author":        ref("#claimgraph-project"),
		"publisher":     ref("#claimgraph-project"),
		"hasPart":       parts,
	})
	graphItems = append(graphItems, files...)
	graphItems = append(graphItems,
		map[string]any{"@id": "#source-terms", "@type": "CreativeWork", "name": "Terms of the source articles",
			"description": "Quotations and article texts remain under their publishers' terms; claimgraph adds no license of its own."},
		map[string]any{"@id": "#claimgraph-project", "@type": "Organization", "name": "claimgraph project", "url": "https://claimgraph.dev/",
			"description": "Makers of the claimgraph software, whose extractor wrote these records; the person who ran the export is not recorded."},
		map[string]any{"@id": "#claimgraph", "@type": "SoftwareApplication", "name": "claimgraph", "version": d.meta.Version,
			"description": d.meta.Extractor, "url": "https://claimgraph.dev/", "author": ref("#claimgraph-project")},
		map[string]any{"@id": "#export", "@type": "CreateAction", "name": "claimgraph export", "endTime": created,
			"instrument": ref("#claimgraph"), "result": ref("./"), "description": "read the " + d.meta.Store + " store: " + d.f.describe()},
	)
	return map[string]any{"@context": "https://w3id.org/ro/crate/1.1/context", "@graph": graphItems}
}

// Abort implements Writer.
func (d *dataset) Abort() { d.t.remove() }
