// Expands a claimgraph JSON-LD export with the jsonld processor (no network: the export's
// @context is inline) into RDF, and prints as JSON the number of nodes of each rdf:type and
// the number of triples of each predicate.
// Usage: node jsonld_count.mjs FILE

import fs from 'node:fs';
import jsonld from 'jsonld';

const doc = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const refuse = async (url) => { throw new Error(`no network: asked for ${url}`); };
const quads = await jsonld.toRDF(doc, { documentLoader: refuse, safe: true });
const types = {};
const predicates = {};
for (const q of quads) {
  predicates[q.predicate.value] = (predicates[q.predicate.value] ?? 0) + 1;
  if (q.predicate.value === 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type') {
    types[q.object.value] = (types[q.object.value] ?? 0) + 1;
  }
}
console.log(JSON.stringify({ triples: quads.length, types, predicates }));
