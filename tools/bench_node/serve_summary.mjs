// The server benchmark's summary: reads build/bench/serve/runs.json (written by tools/bench)
// and returns {result, table} for report.mjs.

import fs from 'node:fs';
import path from 'node:path';

export function summarize(dir) {
  const r = JSON.parse(fs.readFileSync(path.join(dir, 'runs.json'), 'utf8'));
  const result = {
    about: 'claimgraph serve on a generated store of 100 k figures: clients on keep-alive ' +
           'connections ask /api/conflicts as fast as it answers, 5 s per client count; the ' +
           'engine answers one query at a time; with an answer cache, a request asked before is ' +
           'answered from it (the store does not change under a read-only server).',
    runs: r.runs,
  };
  const rows = [];
  for (const run of r.runs) {
    for (const x of run.result.runs) {
      rows.push([run.cache_mb ? `${run.cache_mb} MB` : 'none', String(x.clients), String(x.requests),
                 x.requests_per_s.toFixed(1), x.p50_ms.toFixed(2), x.p99_ms.toFixed(2), String(x.failures)]);
    }
  }
  return {
    result,
    table: { title: 'serve: /api/conflicts on the 100 k-figure store',
             columns: ['answer cache', 'clients', 'requests', 'requests/s', 'p50 ms', 'p99 ms', 'failures'],
             rows, notes: ['Without the cache every request runs the query and renders its JSON; ' +
                           'one engine answers one query at a time, so more clients queue.'] },
  };
}
