// The export benchmark's summary: reads build/bench/export/runs.json (written by tools/bench)
// and returns {result, table} for report.mjs.

import fs from 'node:fs';
import path from 'node:path';

export function summarize(dir) {
  const runs = JSON.parse(fs.readFileSync(path.join(dir, 'runs.json'), 'utf8')).runs;
  const rows = [];
  for (const r of runs) {
    for (const format of ['graphml', 'jsonld', 'csv']) {
      const x = r[format];
      const mb = x.bytes / 1e6;
      rows.push([r.figures >= 1e6 ? `${r.figures / 1e6} M` : `${r.figures / 1e3} k`, format, x.seconds.toFixed(2), mb.toFixed(1),
                 (mb / x.seconds).toFixed(1), `${Math.round(x.peak_rss_kb / 1024)} MB`,
                 `${Math.round(r.open_only.peak_rss_kb / 1024)} MB`,
                 `${Math.round((x.peak_rss_kb - r.open_only.peak_rss_kb) / 1024)} MB`]);
    }
  }
  return {
    result: {
      about: 'claimgraph export of generated stores (the conflicts benchmark\'s: 100 figures a ' +
             'document, one claim each), every format to a file or folder, timed whole (open the ' +
             'store, walk the graph, write).',
      runs,
    },
    table: {
      title: 'export: MB/s and memory by format and store size',
      columns: ['figures', 'format', 'seconds', 'MB written', 'MB/s', 'peak RSS',
                'graph opened alone', 'export adds'],
      rows,
      notes: ['MB/s: bytes written over the whole command\'s time, opening the store included.',
              'graph opened alone: `claimgraph figures` of a measure no figure has (the store ' +
              'loaded, nothing printed); what the export adds to it is its buffers, the same at ' +
              'both sizes when it streams.'],
    },
  };
}
