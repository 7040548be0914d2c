// The HTML ingest benchmark's summary: reads build/bench/html/runs.json (written by
// tools/bench) and returns {result, table} for report.mjs.

import fs from 'node:fs';
import path from 'node:path';

export function summarize(dir) {
  const r = JSON.parse(fs.readFileSync(path.join(dir, 'runs.json'), 'utf8'));
  const runs = [1, r.cores].filter((j, i, a) => a.indexOf(j) === i && r[`jobs_${j}`]);
  const result = {
    about: 'claimgraph ingest of the saved pages of ../shared/external (article-extraction-' +
           'benchmark and trafilatura-eval), everything included: charset, gumbo, main text and ' +
           'metadata, segmentation, extraction, graph, SQLite store (which keeps each page).',
    pages: r.pages, bytes: r.bytes, stored: r.stored, cores: r.cores,
    runs: runs.map((j) => ({ jobs: j, ...r[`jobs_${j}`],
                             pages_per_s: r.pages / r[`jobs_${j}`].seconds,
                             mb_per_s: r.bytes / 1e6 / r[`jobs_${j}`].seconds })),
  };
  const rows = result.runs.map((x) => [`--jobs ${x.jobs}`, String(r.pages),
                                       (r.bytes / 1e6).toFixed(1), x.seconds.toFixed(2),
                                       x.pages_per_s.toFixed(1), x.mb_per_s.toFixed(2),
                                       `${Math.round(x.peak_rss_kb / 1024)} MB`]);
  const table = {
    title: 'html: ingest of real saved web pages',
    columns: ['run', 'pages', 'MB of HTML', 'seconds', 'pages/s', 'MB/s', 'peak RSS'],
    rows,
    notes: [`${r.stored} of ${r.pages} pages stored (the others are refused or duplicates).`],
  };
  return { result, table };
}
