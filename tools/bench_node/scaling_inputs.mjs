// The inputs of the scaling benchmark (tools/bench scaling): for each size N, three documents
// whose cost once grew with the square of N.
//   lines-N.txt        N lines, a sentence and a figure each: `claims` and `figures` list N rows
//   repeat-N.txt       one sentence repeated N times (a pull quote): one claim with N spans,
//                      which `show` locates one by one
//   authors-N.txt      a short text whose .meta.json names N distinct authors: ingest registers
//                      N actors
// Usage: node scaling_inputs.mjs --out DIR --sizes N1,N2,...

import fs from 'node:fs';
import path from 'node:path';

import { parseArgs } from './args.mjs';

const args = parseArgs(process.argv.slice(2), { out: null, sizes: null });
fs.mkdirSync(args.out, { recursive: true });

// A small deterministic generator: the same names for the same N on every run.
// xorshift32 on 32-bit integers (a product of doubles would lose its low bits and cycle).
let seed = 1;
const random = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
};
const syllables = ['ka', 'ri', 'mo', 'ten', 'su', 'lov', 'an', 'dre', 'vi', 'ko', 'na', 'ber',
                   'gu', 'pa', 'ste', 'ine', 'ol', 'ma', 'zu', 'rel'];
const word = (n) => {
  let w = '';
  for (let i = 0; i < n; ++i) w += syllables[Math.floor(random() * syllables.length)];
  return w[0].toUpperCase() + w.slice(1);
};

for (const n of args.sizes.split(',').map(Number)) {
  const lines = [];
  for (let i = 0; i < n; ++i) {
    lines.push(`Report number ${i} says that ${(i % 97) + 3} workers arrived in the town.`);
  }
  fs.writeFileSync(path.join(args.out, `lines-${n}.txt`), lines.join('\n') + '\n');

  const quote = 'The same pull quote is repeated here.\n\n';
  fs.writeFileSync(path.join(args.out, `repeat-${n}.txt`),
                   'Introduction to the matter at hand.\n\n' + quote.repeat(n));

  seed = 1;
  const names = new Set();
  while (names.size < n) names.add(`${word(2)} ${word(3)}`);
  fs.writeFileSync(path.join(args.out, `authors-${n}.txt`),
                   'A first sentence is here. A second one follows it.\n');
  fs.writeFileSync(path.join(args.out, `authors-${n}.meta.json`),
                   JSON.stringify({ title: 'Many authors', authors: [...names] }));
}
