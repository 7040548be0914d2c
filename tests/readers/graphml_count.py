"""Reads a claimgraph GraphML export with Python's xml.etree (not our code) and prints as JSON
the number of nodes of each kind, of edges of each kind, and the declared keys with types.
Usage: python3 graphml_count.py FILE"""
import json
import sys
import xml.etree.ElementTree as ET

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ET.parse(sys.argv[1]).getroot()
keys = {k.get("id"): (k.get("for"), k.get("attr.name"), k.get("attr.type"))
        for k in root.findall("g:key", NS)}
ids = set()
nodes, edges, missing = {}, {}, 0
for graph in root.findall("g:graph", NS):
    for n in graph.findall("g:node", NS):
        ids.add(n.get("id"))
        kind = next(d.text for d in n.findall("g:data", NS) if d.get("key") == "kind")
        nodes[kind] = nodes.get(kind, 0) + 1
    for e in graph.findall("g:edge", NS):
        kind = next(d.text for d in e.findall("g:data", NS) if d.get("key") == "edge_kind")
        edges[kind] = edges.get(kind, 0) + 1
        if e.get("source") not in ids or e.get("target") not in ids:
            missing += 1
undeclared = sum(1 for d in root.iter("{%s}data" % NS["g"]) if d.get("key") not in keys)
print(json.dumps({"nodes": nodes, "edges": edges, "keys": len(keys),
                  "dangling_edges": missing, "undeclared_data": undeclared}))
