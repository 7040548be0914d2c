// Gathers the benchmarks' results into one JSON file and prints their tables.
//
// Usage: node report.mjs --dir build/bench --out build/bench/results.json NAME...
// Each benchmark NAME left its raw outputs in DIR/NAME/; the module ./NAME_summary.mjs turns
// them into {result, table: {title, columns, rows, notes}} (see figures_summary.mjs). Adding a
// benchmark means adding its bash function to tools/bench and its summary module here.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { fail, parseArgs } from './args.mjs';

const args = parseArgs(process.argv.slice(2), { dir: null, out: null });
if (args._.length === 0) fail('usage: report.mjs --dir DIR --out FILE NAME...');

const results = {
  about: 'claimgraph benchmarks (tools/bench). Speeds in MB/s with MB = 10^6 bytes.',
  generated_at: new Date().toISOString(),
  machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length,
             memory_gib: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  benchmarks: {},
};
const tables = [];
for (const name of args._) {
  const { summarize } = await import(`./${name}_summary.mjs`);
  const { result, table } = summarize(path.join(args.dir, name));
  results.benchmarks[name] = result;
  tables.push(table);
}
fs.writeFileSync(args.out, JSON.stringify(results, null, 2) + '\n');

for (const table of tables) printTable(table);
console.log(`\nresults: ${args.out}`);

function printTable({ title, columns, rows, notes }) {
  const cells = [columns, ...rows].map((row) => row.map((c) => String(c)));
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  // Text in the first column is left-aligned, numbers right-aligned.
  const format = (row) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i])
                                                    : c.padStart(widths[i]))).join('  ');
  console.log(`\n${title}\n`);
  console.log(format(cells[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells.slice(1)) console.log(format(row));
  if (notes.length > 0) console.log('');
  for (const note of notes) console.log(`  ${note}`);
}
