// The conflict benchmark's summary: reads build/bench/conflicts/runs.json, written by
// claimgraph-bench-conflicts, and returns {result, table} for report.mjs.

import fs from 'node:fs';
import path from 'node:path';

export function summarize(dir) {
  const runs = JSON.parse(fs.readFileSync(path.join(dir, 'runs.json'), 'utf8')).runs;
  const result = {
    about: 'The conflicts query over stores of synthetic figures (100 a document, one claim ' +
           'each, about 25 figures a topic, a tenth of the topics with a planted conflict): ' +
           'writing the store, loading it into the KnowledgeGraph, the query after load (best ' +
           'of 5), resident memory per node of the loaded graph, precision and recall of the ' +
           'planted conflicts.',
    runs,
  };
  const k = (n) => (n >= 1e6 ? `${n / 1e6} M` : n >= 1e3 ? `${n / 1e3} k` : `${n}`);
  const table = {
    title: 'conflicts: query latency, load time and memory by store size',
    columns: ['figures', 'nodes', 'write s', 'load s', 'conflicts ms', 'bytes/node',
              'conflicts', 'precision', 'recall'],
    rows: runs.map((r) => [k(r.figures), k(r.nodes), r.write_s.toFixed(1), r.load_s.toFixed(2),
                           r.conflicts_ms.toFixed(1), r.rss_bytes_per_node.toFixed(0),
                           r.conflicts, r.precision.toFixed(3), r.recall.toFixed(3)]),
    notes: ['Targets (issue 6): conflicts over 1 M figures <= 100 ms after load; a 1 M-figure ' +
            'store opens and answers in < 2 s; <= 200 bytes per node.'],
  };
  return { result, table };
}
