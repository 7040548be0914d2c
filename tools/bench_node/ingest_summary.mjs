// The ingest benchmark's summary: reads build/bench/ingest/runs.json (written by tools/bench)
// and returns {result, table} for report.mjs.

import fs from 'node:fs';
import path from 'node:path';

// The output digest, and beside it whether the baseline's is the same (tools/bench --baseline).
export function sameAsBaseline(r) {
  if (!r?.output_sha256) return '-';
  if (r.identical == null) return r.output_sha256;
  return `${r.output_sha256} ${r.identical ? '=' : '!= ' + r.baseline_sha256}`;
}

export function summarize(dir) {
  const runs = JSON.parse(fs.readFileSync(path.join(dir, 'runs.json'), 'utf8')).runs;
  const mbps = (bytes, seconds) => bytes / 1e6 / seconds;
  const rows = [];
  const result = {
    about: 'claimgraph ingest of generated corpora (tools/gen-corpus, seed 1), everything ' +
           'included (reading, segmentation, extraction, graph, SQLite store), against ICU\'s ' +
           'sentence BreakIterator alone on the same text, one thread.',
    runs: runs.map((r) => {
      const one = mbps(r.bytes, r.jobs_1.seconds);
      const all = r[`jobs_${r.cores}`] ? mbps(r.bytes, r[`jobs_${r.cores}`].seconds) : one;
      const out = { ...r, mb_per_s_jobs_1: one, mb_per_s_all_cores: all,
                    mb_per_s_per_core: all / r.cores, limit_mb_per_s: r.icu.mb_per_s,
                    ratio_to_limit: one / r.icu.mb_per_s };
      const g = r.graph ?? null;
      const p = r.planted ?? null;
      rows.push([`${r.size_mb} MB`, one.toFixed(2), all.toFixed(2), (all / r.cores).toFixed(2),
                 r.icu.mb_per_s.toFixed(1), `${(100 * one / r.icu.mb_per_s).toFixed(2)}%`,
                 `${Math.round(r.jobs_1.peak_rss_kb / 1024)} MB`,
                 g ? `${(g.nodes / 1e6).toFixed(2)} M` : '-',
                 g ? g.rss_bytes_per_node.toFixed(0) : '-',
                 g ? g.load_s.toFixed(1) : '-',
                 g ? g.conflicts_ms.toFixed(1) : '-',
                 r.conflicts_command ? r.conflicts_command.seconds.toFixed(1) : '-',
                 p && p.precision != null
                   ? `${p.precision.toFixed(3)} / ${p.recall.toFixed(3)} (${p.found}/${p.planted})`
                   : 'not measured',
                 sameAsBaseline(r)]);
      return out;
    }),
  };
  const table = {
    title: 'ingest: MB/s against ICU sentence splitting alone (the limit), same text, same run',
    columns: ['corpus', 'MB/s --jobs 1', `MB/s --jobs ${runs[0]?.cores ?? 'N'}`, 'MB/s per core',
              'ICU limit MB/s', 'of the limit', 'ingest peak RSS', 'graph nodes', 'bytes/node',
              'open s', 'conflicts ms', 'command s', 'planted P / R', 'output (= baseline)'],
    rows,
    notes: ['--jobs 1 already runs two threads (one reads and writes the store, one parses).',
            'On the store ingested: bytes/node is the resident memory grown by opening it (after ' +
            'malloc_trim) per KnowledgeGraph node; conflicts ms the figure-conflict query after ' +
            'opening (best of 5); command s `claimgraph conflicts --json` timed whole; planted ' +
            'P / R the planted conflicts against the generator\'s gold (claimgraph eval).',
            'output: SHA-256 (16 hex digits) of sources, claims, figures, references, actors and ' +
            'conflicts --json on the store; with --baseline, "= " or "!= " the same from a store ' +
            'the baseline binary ingested and read.',
            'Target (issue 6): >= 50 MB/s per core, >= 25% of the limit.'],
  };
  return { result, table };
}
