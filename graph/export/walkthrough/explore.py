"""Open a claimgraph GraphML export in networkx, as a researcher would, and draw it.

    python explore.py EXPORT.graphml FIGURE.png

Prints the nodes by type and the edges by type, then each disputed claim with who
said it (Statement -SAID_BY-> Agent) and who disputes it (Dispute -DISPUTED_BY-> Agent),
walking the graph's edges. Draws the graph into FIGURE.png: the claims' chains coloured
by node type, the agents the articles only mention (MENTIONS edges) in grey.
"""
import collections
import json
import sys

import matplotlib

matplotlib.use("Agg")  # no display needed
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402

COLOURS = {"Claim": "#d62728", "Statement": "#ff7f0e", "Dispute": "#9467bd",
           "Agent": "#1f77b4", "Article": "#2ca02c", "Outlet": "#8c564b"}


def main(path, figure):
    g = nx.read_graphml(path)
    print(f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
    print("nodes by type:", dict(sorted(collections.Counter(t for _, t in g.nodes(data="type")).items())))
    print("edges by type:", dict(sorted(collections.Counter(t for _, _, t in g.edges(data="type")).items())))

    def out(n, typ):  # the nodes n points at over edges of type typ
        return [v for _, v, t in g.out_edges(n, data="type") if t == typ]

    def into(n, typ):  # the nodes pointing at n over edges of type typ
        return [u for u, _, t in g.in_edges(n, data="type") if t == typ]

    for c, data in g.nodes(data=True):
        if data["type"] != "Claim" or not into(c, "DISPUTES"):
            continue
        print(f"\nclaim {c}: {data['text']!r} ({data['kind']})")
        if data.get("quantities"):  # lists and maps are JSON text in GraphML
            for q in json.loads(data["quantities"]):
                print(f"  quantity: {q.get('qualifier', '')} {q['value']:g} {q['counted']}")
        for s in into(c, "OF_CLAIM"):
            said = [g.nodes[a]["name"] for a in out(s, "SAID_BY")]
            via = [g.nodes[a]["name"] for a in out(s, "VIA")]
            article = out(s, "IN_ARTICLE")[0]
            print(f"  said by {said or ['(no speaker)']} via {via} in {article} (confidence {g.nodes[s]['confidence']:.2f})")
        for d in into(c, "DISPUTES"):
            who = [g.nodes[a]["name"] for a in out(d, "DISPUTED_BY")]
            print(f"  disputed by {who} ({g.nodes[d]['kind']}), in {out(d, 'DISPUTE_IN')[0]}")

    # The claim's own chain (statements, disputes, their agents and articles) in
    # colour and labelled; the agents the articles merely mention in grey.
    chain = {n for u, v, t in g.edges(data="type") if t != "MENTIONS" for n in (u, v)}
    pos = nx.spring_layout(g, seed=7, k=0.35)
    fig, ax = plt.subplots(figsize=(10, 7))
    mentions = [(u, v) for u, v, t in g.edges(data="type") if t == "MENTIONS"]
    nx.draw_networkx_edges(g, pos, edgelist=mentions, ax=ax, alpha=0.15, arrows=False)
    own = [(u, v) for u, v, t in g.edges(data="type") if t != "MENTIONS"]
    nx.draw_networkx_edges(g, pos, edgelist=own, ax=ax, width=1.5, arrowsize=14)
    nx.draw_networkx_edge_labels(g, pos, ax=ax, font_size=7, edge_labels={(u, v): g.edges[u, v]["type"] for u, v in own})
    for typ, colour in COLOURS.items():
        nodes = [n for n, t in g.nodes(data="type") if t == typ and n in chain]
        nx.draw_networkx_nodes(g, pos, nodelist=nodes, node_color=colour, label=typ, ax=ax, node_size=320)
    named = [n for n in g if n not in chain]
    nx.draw_networkx_nodes(g, pos, nodelist=named, node_color="#cccccc", label="Agent (mentioned)", ax=ax, node_size=60)
    labels = {n: (d.get("name") or d.get("text") or n)[:45] for n, d in g.nodes(data=True) if n in chain and d["type"] in ("Claim", "Agent")}
    nx.draw_networkx_labels(g, pos, labels=labels, font_size=8, ax=ax)
    ax.legend(scatterpoints=1, loc="lower left", fontsize=8)
    ax.set_title("claimgraph export: the disputed claims about Palestinian deaths, opened in networkx")
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(figure, dpi=100)
    print(f"\ndrew {g.number_of_nodes()} nodes ({len(chain)} in the claims' chains) into {figure}")

if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: explore.py EXPORT.graphml FIGURE.png")
    main(sys.argv[1], sys.argv[2])
