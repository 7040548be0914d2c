// The conflict benchmark's summary: reads build/bench/conflicts/runs.json, written by
// claimgraph-bench-conflicts, and returns {result, table} for report.mjs.

import fs from 'node:fs';
import path from 'node:path';

import { sameAsBaseline } from './ingest_summary.mjs';

export function summarize(dir) {
  const runs = JSON.parse(fs.readFileSync(path.join(dir, 'runs.json'), 'utf8')).runs;
  const kuzuFile = path.join(dir, 'kuzu.json');
  const kuzu = fs.existsSync(kuzuFile) ? JSON.parse(fs.readFileSync(kuzuFile, 'utf8')) : null;
  const kuzuRun = (n) => kuzu?.runs.find((r) => r.figures === n) ?? null;
  const commandFile = path.join(dir, 'command.json');
  const commands = fs.existsSync(commandFile)
    ? JSON.parse(fs.readFileSync(commandFile, 'utf8')).runs : [];
  const command = (n) => commands.find((r) => r.figures === n) ?? null;
  const result = {
    about: 'The conflicts query over stores of synthetic figures (100 a document, one claim ' +
           'each, about 25 figures a topic, a tenth of the topics with a planted conflict): ' +
           'writing the store, loading it into the KnowledgeGraph, the query after load (best ' +
           'of 5), resident memory per node of the loaded graph, precision and recall of the ' +
           'planted conflicts.',
    runs: runs.map((r) => ({ ...r, kuzu: kuzuRun(r.figures), conflicts_command: command(r.figures),
                             ratio: kuzuRun(r.figures) ? kuzuRun(r.figures).query_ms / r.conflicts_ms
                                                       : null })),
    kuzu_tool: kuzu?.tool ?? null,
  };
  const k = (n) => (n >= 1e6 ? `${n / 1e6} M` : n >= 1e3 ? `${n / 1e3} k` : `${n}`);
  const table = {
    title: 'conflicts: query latency, load time and memory by store size',
    columns: ['figures', 'nodes', 'write s', 'load s', 'conflicts ms', 'command s', 'bytes/node',
              'conflicts', 'precision', 'recall', 'Kùzu load s', 'Kùzu query ms', 'Kùzu / ours',
              'pairs (ours = Kùzu)', 'output (= baseline)'],
    rows: runs.map((r) => {
      const z = kuzuRun(r.figures);
      const c = command(r.figures);
      return [k(r.figures), k(r.nodes), r.write_s.toFixed(1), r.load_s.toFixed(2),
              r.conflicts_ms.toFixed(1), c ? c.seconds.toFixed(2) : '-',
              r.rss_bytes_per_node.toFixed(0), r.conflicts,
              r.precision.toFixed(3), r.recall.toFixed(3),
              z ? z.load_s.toFixed(2) : '-', z ? z.query_ms.toFixed(1) : '-',
              z ? (z.query_ms / r.conflicts_ms).toFixed(1) : '-',
              z ? `${r.pairs} ${r.pairs === z.pairs ? '=' : '!='} ${z.pairs}` : `${r.pairs}`,
              sameAsBaseline(c)];
    }),
    notes: ['command s: `claimgraph conflicts --json` on the store, timed whole (start, open, ' +
            'answer, print every conflict as JSON).',
            'bytes/node: resident memory grown by opening the store (after malloc_trim), per node.',
            'Targets (issue 6): conflicts over 1 M figures <= 100 ms after load; a 1 M-figure ' +
            'store opens and answers in < 2 s; <= 200 bytes per node; >= 10x faster than Kùzu.',
            'Kùzu counts the conflicting pairs; ours groups them into sides (the pairs behind ' +
            'the groups are counted to check both engines agree).',
            'output: SHA-256 (16 hex digits) of conflicts and agreements --json on the store; ' +
            'with --baseline, "=" when the baseline binary printed the same bytes.'],
  };
  return { result, table };
}
