"""Read claimgraph exports with the researchers' own tools and compare them with the store.

Usage: check.py DIR

DIR holds the exports (the file names are in DIR/expected.json under "files") and
expected.json, written by the Go test from the store:

    {"nodes": {label: count}, "edges": {type: count},
     "attrs": {node id: {attribute: value}},   # a sample of nodes and their values
     "files": {format: path relative to DIR}}

Prints one JSON object {"checks": [{"tool", "format", "ok", "detail"}]} and exits 1
when a check fails. Each check is independent, so one report lists every failure.
"""

import json
import math
import os
import sys
import traceback

DIR = sys.argv[1]
REPORT = sys.stdout
sys.stdout = sys.stderr  # the tools' own printing must not mix with the report
EXP = json.load(open(os.path.join(DIR, "expected.json"), encoding="utf-8"))
N_NODES = sum(EXP["nodes"].values())
N_EDGES = sum(EXP["edges"].values())
CG = "https://claimgraph.dev/ns#"
IDBASE = "https://claimgraph.dev/id/"
SCHEMA = "https://schema.org/"
checks = []


def path(fmt):
    return os.path.join(DIR, EXP["files"][fmt])


def check(tool, fmt):
    """Decorator: run a check, record ok/detail; an exception is a failure."""

    def wrap(fn):
        try:
            detail = fn()
            checks.append({"tool": tool, "format": fmt, "ok": True, "detail": detail or ""})
        except Exception as e:  # noqa: BLE001 - every failure goes into the report
            checks.append({"tool": tool, "format": fmt, "ok": False,
                           "detail": f"{type(e).__name__}: {e}\n{traceback.format_exc(limit=3)}"})
        return fn

    return wrap


def same(a, b):
    if isinstance(a, float) or isinstance(b, float):
        return math.isclose(float(a), float(b), rel_tol=1e-12)
    return a == b


def compare_graph(g, how):
    """Counts by node type and edge type, and the sampled attribute values."""
    assert g.number_of_nodes() == N_NODES, f"{how}: {g.number_of_nodes()} nodes, store has {N_NODES}"
    assert g.number_of_edges() == N_EDGES, f"{how}: {g.number_of_edges()} edges, store has {N_EDGES}"
    by_label = {}
    for _, d in g.nodes(data=True):
        by_label[d.get("type")] = by_label.get(d.get("type"), 0) + 1
    assert by_label == EXP["nodes"], f"{how}: nodes by type {by_label} != {EXP['nodes']}"
    by_type = {}
    for _, _, d in g.edges(data=True):
        by_type[d.get("type")] = by_type.get(d.get("type"), 0) + 1
    assert by_type == EXP["edges"], f"{how}: edges by type {by_type} != {EXP['edges']}"
    for nid, attrs in EXP["attrs"].items():
        assert nid in g, f"{how}: node {nid} missing"
        d = g.nodes[nid]
        for k, v in attrs.items():
            got = d.get(k)
            if isinstance(v, (list, dict)) and isinstance(got, str):
                got = json.loads(got)  # GraphML and GEXF keep lists as JSON text
            assert same(got, v) if not isinstance(v, (list, dict)) else got == v, \
                f"{how}: node {nid} {k} = {got!r}, store has {v!r}"
    return f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges, {len(EXP['attrs'])} nodes' values equal"


ROCRATE_CONTEXT = "https://w3id.org/ro/crate/1.1/context"
JSONLD_ACCEPT = {"Accept": "application/ld+json, application/json"}  # the header roc-validator asks with


def warm_rocrate_context(cache):
    """Put the pinned RO-Crate 1.1 JSON-LD context into roc-validator's HTTP cache at `cache`.

    roc-validator resolves the crate's @context through its HTTP cache; validate_rocrate
    then runs in its offline mode, so every resource comes from this cache and any other
    remote fetch fails the check instead of reaching the network. The context is the one
    ro-crate-py ships (run.sh downloads the wheel, hash-checked; see rocrate-context.txt).
    """
    import glob
    import io
    import zipfile

    import urllib3
    from requests.adapters import HTTPAdapter
    from rocrate_validator.utils.http import HttpRequester

    ctx_dir = os.environ.get("ROCRATE_CONTEXT_DIR", "")
    wheels = glob.glob(os.path.join(ctx_dir, "rocrate-*.whl"))
    assert len(wheels) == 1, f"want one ro-crate-py wheel in ROCRATE_CONTEXT_DIR={ctx_dir!r} (run.sh sets it), found {wheels}"
    body = zipfile.ZipFile(wheels[0]).read("rocrate/data/ro-crate.jsonld")
    assert json.loads(body)["@id"] == ROCRATE_CONTEXT, f"{wheels[0]} carries no RO-Crate 1.1 context"

    class Pinned(HTTPAdapter):
        """Answers the one context URL from the wheel's copy."""

        def send(self, request, **kwargs):
            raw = urllib3.HTTPResponse(body=io.BytesIO(body), headers={"Content-Type": "application/ld+json"},
                                       status=200, reason="OK", preload_content=False, request_url=request.url)
            return self.build_response(request, raw)

    req = HttpRequester.initialize_cache(cache_path=cache, offline=False)
    req.session.mount(ROCRATE_CONTEXT, Pinned())
    r = req.get(ROCRATE_CONTEXT, headers=JSONLD_ACCEPT)
    assert r.status_code == 200 and req.has_cached(ROCRATE_CONTEXT), f"could not cache {ROCRATE_CONTEXT}: HTTP {r.status_code}"


def validate_rocrate(crate, cache):
    """roc-validator's ro-crate-1.1 profile, required and recommended checks, offline; the issues found."""
    from rocrate_validator import services
    res = services.validate({"rocrate_uri": crate, "profile_identifier": "ro-crate-1.1",
                             "requirement_severity": "RECOMMENDED", "cache_path": cache, "offline": True})
    issues = [f"{i.check.identifier}: {i.message}" for i in res.get_issues()]
    assert res.passed() == (not issues), f"roc-validator passed={res.passed()} with issues {issues}"
    return issues


if "graphml" in EXP["files"]:
    @check("networkx", "graphml")
    def _():
        import networkx as nx
        return compare_graph(nx.read_graphml(path("graphml"), force_multigraph=True), "read_graphml")

    @check("igraph", "graphml")
    def _():
        import igraph
        g = igraph.Graph.Read_GraphML(path("graphml"))
        assert g.vcount() == N_NODES, f"igraph: {g.vcount()} vertices, store has {N_NODES}"
        assert g.ecount() == N_EDGES, f"igraph: {g.ecount()} edges, store has {N_EDGES}"
        assert g.is_directed()
        types = {}
        for t in g.vs["type"]:
            types[t] = types.get(t, 0) + 1
        assert types == EXP["nodes"], f"igraph: vertices by type {types}"
        return f"{g.vcount()} vertices, {g.ecount()} edges"

if "gexf" in EXP["files"]:
    @check("networkx", "gexf")
    def _():
        import networkx as nx
        return compare_graph(nx.read_gexf(path("gexf"), relabel=False), "read_gexf")

if "node-link" in EXP["files"]:
    @check("networkx", "node-link")
    def _():
        import networkx as nx
        data = json.load(open(path("node-link"), encoding="utf-8"))
        return compare_graph(nx.node_link_graph(data, edges="links"), "node_link_graph")

if "prov-json" in EXP["files"]:
    @check("prov", "prov-json")
    def _():
        from prov.model import ProvDocument, ProvEntity, ProvAgent
        doc = ProvDocument.deserialize(path("prov-json"), format="json")
        provn = doc.serialize(format="provn")
        assert provn.startswith("document"), "PROV-N output does not start with 'document'"
        ents = sum(1 for r in doc.get_records(ProvEntity))
        agents = sum(1 for r in doc.get_records(ProvAgent))
        n = EXP["nodes"]
        want_ents = n.get("Article", 0) + n.get("Claim", 0) + n.get("Statement", 0) + n.get("Dispute", 0) + EXP.get("links", 0)
        want_agents = n.get("Agent", 0) + n.get("Outlet", 0)
        assert ents == want_ents, f"{ents} entities, store has {want_ents}"
        assert agents == want_agents, f"{agents} agents, store has {want_agents}"
        return f"{ents} entities, {agents} agents, {len(provn.splitlines())} lines of PROV-N"

if "prov-turtle" in EXP["files"]:
    @check("rdflib", "prov-turtle")
    def _():
        import rdflib
        from rdflib.namespace import RDF
        g = rdflib.Graph()
        g.parse(path("prov-turtle"), format="turtle")
        claims = set(g.subjects(RDF.type, rdflib.URIRef(CG + "Claim")))
        assert len(claims) == EXP["nodes"].get("Claim", 0), f"{len(claims)} cg:Claim subjects"
        stmts = set(g.subjects(RDF.type, rdflib.URIRef(CG + "Statement")))
        assert len(stmts) == EXP["nodes"].get("Statement", 0), f"{len(stmts)} cg:Statement subjects"
        for nid, attrs in EXP["attrs"].items():
            if "text" in attrs and attrs.get("type") == "Claim":
                got = g.value(rdflib.URIRef(IDBASE + nid), rdflib.URIRef("http://www.w3.org/ns/prov#value"))
                assert str(got) == attrs["text"], f"claim {nid} prov:value {got!r}"
        return f"{len(g)} triples"

if "jsonld" in EXP["files"]:
    @check("rdflib", "jsonld")
    def _():
        import rdflib
        from rdflib.namespace import RDF
        g = rdflib.Graph()
        g.parse(path("jsonld"), format="json-ld")
        claims = set(g.subjects(RDF.type, rdflib.URIRef(SCHEMA + "Claim")))
        assert len(claims) == EXP["nodes"].get("Claim", 0), f"{len(claims)} schema:Claim subjects"
        for nid, attrs in EXP["attrs"].items():
            if attrs.get("type") == "Claim":
                got = g.value(rdflib.URIRef(IDBASE + nid), rdflib.URIRef(SCHEMA + "text"))
                assert str(got) == attrs["text"], f"claim {nid} text {got!r}"
        return f"{len(g)} triples"

    @check("pyld", "jsonld")
    def _():
        from pyld import jsonld
        doc = json.load(open(path("jsonld"), encoding="utf-8"))
        flat = jsonld.flatten(doc)
        items = flat["@graph"] if isinstance(flat, dict) else flat
        claims = [i for i in items if SCHEMA + "Claim" in i.get("@type", [])]
        assert len(claims) == EXP["nodes"].get("Claim", 0), f"{len(claims)} claims after flattening"
        expanded = jsonld.expand(doc)
        return f"expanded to {len(expanded)} top-level objects; {len(claims)} claims"

if "dataset" in EXP["files"]:
    @check("frictionless", "dataset")
    def _():
        from frictionless import Package
        report = Package(os.path.join(path("dataset"), "datapackage.json")).validate()
        assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
        rows = {t.name: t.stats["rows"] for t in report.tasks}
        return f"valid; rows {rows}"

    @check("roc-validator", "dataset")
    def _():
        import shutil
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            cache = os.path.join(tmp, "http-cache")
            warm_rocrate_context(cache)
            crate = os.path.abspath(path("dataset"))
            issues = validate_rocrate(crate, cache)
            assert not issues, issues[:10]
            # The same crate without its root's datePublished and with one payload file
            # gone must fail, naming both: proof that the validator reads this crate.
            broken = os.path.join(tmp, "broken")
            shutil.copytree(crate, broken)
            meta_path = os.path.join(broken, "ro-crate-metadata.json")
            meta = json.load(open(meta_path, encoding="utf-8"))
            for e in meta["@graph"]:
                if e.get("@id") == "./":
                    del e["datePublished"]
            json.dump(meta, open(meta_path, "w", encoding="utf-8"))
            os.remove(os.path.join(broken, "links.csv"))
            bad = validate_rocrate(broken, cache)
            for want in ("datePublished", "'links.csv'"):
                assert any(want in i for i in bad), f"a crate without {want} passed roc-validator: {bad}"
        return f"valid RO-Crate 1.1 (required and recommended checks); a broken copy fails with {len(bad)} issues"


print(json.dumps({"checks": checks}, indent=1), file=REPORT)
sys.exit(0 if all(c["ok"] for c in checks) else 1)
