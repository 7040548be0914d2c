// The scaling benchmark's summary: reads build/bench/scaling/runs.json (written by tools/bench)
// and returns {result, table} for report.mjs. For each case, the time at each size and the
// growth exponent between the two largest sizes: log(t2 / t1) / log(n2 / n1), 1 when the time
// is linear in the size, 2 when it grows with its square.

import fs from 'node:fs';
import path from 'node:path';

export function summarize(dir) {
  const runs = JSON.parse(fs.readFileSync(path.join(dir, 'runs.json'), 'utf8')).runs;
  const cases = [...new Set(runs.map((r) => r.case))];
  const rows = [];
  const result = {
    about: 'Commands on documents made to be large in one way (tools/bench_node/scaling_inputs.mjs): ' +
           'seconds of the whole command (process start included) at each size, and the growth ' +
           'exponent between the two largest sizes (1: linear, 2: the square of the size).',
    cases: cases.map((name) => {
      const points = runs.filter((r) => r.case === name).sort((a, b) => a.n - b.n);
      const [a, b] = points.slice(-2);
      const exponent = a && b ? Math.log(b.seconds / a.seconds) / Math.log(b.n / a.n) : null;
      rows.push([name, ...points.map((p) => `${p.n}: ${p.seconds.toFixed(2)} s`),
                 exponent == null ? '-' : exponent.toFixed(2)]);
      return { case: name, points, growth_exponent: exponent };
    }),
  };
  const sizes = Math.max(...cases.map((c) => runs.filter((r) => r.case === c).length));
  const table = {
    title: 'scaling: seconds per command as a document grows (growth exponent 1 = linear)',
    columns: ['case', ...Array.from({ length: sizes }, (_, i) => `size ${i + 1}`), 'exponent'],
    rows,
    notes: ['Times include starting the process and opening the store (about 0.1 s), which ' +
            'flatters small sizes; the exponent is taken between the two largest.',
            'Target (issue 13): listings, show and ingest of many authors linear in their size.'],
  };
  return { result, table };
}
