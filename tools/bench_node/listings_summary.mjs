// The listings benchmark's summary: reads build/bench/listings/runs.json (written by
// tools/bench) and returns {result, table} for report.mjs.

import fs from 'node:fs';
import path from 'node:path';

export function summarize(dir) {
  const runs = JSON.parse(fs.readFileSync(path.join(dir, 'runs.json'), 'utf8')).runs;
  const rows = [];
  for (const r of runs) {
    const alone = r.open_only.peak_rss_kb;
    rows.push([r.store, '(opened, nothing printed)', r.open_only.seconds.toFixed(2), '0.0',
               `${Math.round(alone / 1024)} MB`, '']);
    for (const c of r.commands) {
      rows.push([r.store, c.command.replace(/^show \S+/, 'show CLAIM'), c.seconds.toFixed(2),
                 (c.bytes / 1e6).toFixed(1), `${Math.round(c.peak_rss_kb / 1024)} MB`,
                 `${Math.round((c.peak_rss_kb - alone) / 1024)} MB`]);
    }
  }
  return {
    result: {
      about: 'claimgraph listings, text and JSON, timed whole (open the store, walk the graph, ' +
             'print) on a generated one-document store of a million claims, its first claim said ' +
             '500,000 times, and on the 1 M-figure store of the conflicts benchmark.',
      runs,
    },
    table: {
      title: 'listings: seconds and memory of claims, figures and show',
      columns: ['store', 'command', 'seconds', 'MB printed', 'peak RSS', 'beyond the store opened'],
      rows,
      notes: ['show CLAIM: the store\'s first claim (in the one-document store, the one said ' +
              '500,000 times: 10 spans listed and the count).',
              'beyond the store opened: what printing adds to the graph loaded alone; a listing ' +
              'that streams adds its buffers whatever it prints.'],
    },
  };
}
