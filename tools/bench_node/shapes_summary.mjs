// The shapes benchmark's summary: reads build/bench/shapes/runs.json (written by tools/bench)
// and returns {result, table} for report.mjs.

import fs from 'node:fs';
import path from 'node:path';

export function summarize(dir) {
  const runs = JSON.parse(fs.readFileSync(path.join(dir, 'runs.json'), 'utf8')).runs;
  const perMb = (r) => r.seconds / (r.bytes / 1e6);
  const rows = runs.map((r) => {
    const small = runs.find((x) => x.shape === r.shape);
    return [r.shape, r.shape === 'one-line' ? `${r.n} MB` : `${r.n.toLocaleString('en')} lines`,
            (r.bytes / 1e6).toFixed(1), r.seconds.toFixed(2), perMb(r).toFixed(3),
            (perMb(r) / perMb(small)).toFixed(2), `${Math.round(r.peak_rss_kb / 1024)} MB`];
  });
  return {
    result: {
      about: 'claimgraph ingest (--jobs 1) of texts of one shape at two sizes: one line of ' +
             'sentences with figures, and short lines of one sentence each; timed whole.',
      runs,
    },
    table: {
      title: 'shapes: ingest seconds per MB, small and large texts of one shape',
      columns: ['shape', 'size', 'MB', 'seconds', 's/MB', 'of the small one', 'peak RSS'],
      rows,
      notes: ['"of the small one": seconds per MB against the smaller text of the same shape; ' +
              '1.00 when time grows in proportion to size (issue 19: no input makes ingest time ' +
              'grow faster than its size).'],
    },
  };
}
