"""Loads alaqat's GraphML and GEXF exports with NetworkX and checks nodes,
edges and attributes. Run by tests/cli/test_store_export.sh (not a pytest
module: the name keeps pytest from collecting it).
usage: networkx_exports.py EXPORT.graphml EXPORT.gexf NCLAIMS"""
import sys

import networkx as nx

graphml, gexf, nclaims = sys.argv[1], sys.argv[2], int(sys.argv[3])
EDGE_ATTRS = {"type", "class", "polarity", "modality", "source_kind", "doc", "span_start",
              "span_end", "evidence", "directed"}



def read_gexf13(path):
    """NetworkX >= 2.6 reads GEXF 1.3; older ones (Debian 12 has 2.8.8 without
    it) get the same document under the 1.2draft namespace, whose elements
    and attributes used here are the same."""
    try:
        return nx.read_gexf(path, version="1.3")
    except nx.NetworkXError as e:
        if "version" not in str(e):
            raise
        import io
        text = open(path, encoding="utf-8").read()
        text = text.replace("http://gexf.net/1.3", "http://www.gexf.net/1.2draft").replace(
            'version="1.3"', 'version="1.2"')
        print(f"note: NetworkX {nx.__version__} lacks GEXF 1.3; read as 1.2draft")
        return nx.read_gexf(io.BytesIO(text.encode("utf-8")), version="1.2draft")


for name, g in (("graphml", nx.read_graphml(graphml)), ("gexf", read_gexf13(gexf))):
    for actor in ("isis", "nusra", "al-qaeda"):
        assert actor in g.nodes, f"{name}: {actor} is not a node"
    assert g.number_of_edges() == nclaims, f"{name}: {g.number_of_edges()} edges, {nclaims} claims"
    assert g.nodes["isis"].get("type") == "ORG", f"{name}: isis node attributes {g.nodes['isis']}"
    for u, v, d in g.edges(data=True):
        missing = EDGE_ATTRS - set(d)
        assert not missing, f"{name}: edge {u}-{v} lacks {missing}"
        assert isinstance(d["span_start"], int) and isinstance(d["directed"], bool), f"{name}: types {d}"
    if name == "gexf":
        dated = [d for _, _, d in g.edges(data=True) if "start" in d]
        assert dated and all(d["start"] <= d["end"] for d in dated), "gexf: dynamic edges"
    print(f"ok - {name}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, attributes typed")
