// Builds the large text that the figure benchmark reads, at bench time (never committed).
//
// What it is: one line per paragraph or sentence, drawn from
//   - every paragraph (line) of the corpus articles (corpus/*.txt), and
//   - when the shared external data is present, the `Input` sentence of every English
//     Recognizers-Text spec case (number, number range, percentage, currency), read from
//     shared/external/recognizers-text at bench time and never copied into the repository;
// shuffled with a seeded generator and repeated, one fresh shuffle per round, until the text
// reaches the requested size. The same seed and sources give the same bytes.
//
// It also writes the sample: the text's first `--sample-mb` MB cut at a line end, the part
// that the slow tool is run on so the two tools are compared on the same bytes.
//
// Usage: node make_text.mjs --corpus DIR [--specs DIR] --out FILE --sample-out FILE
//                           [--size-mb 50] [--sample-mb 1] [--seed 1]
// Prints one JSON object describing what it wrote.

import fs from 'node:fs';
import path from 'node:path';

import { parseArgs } from './args.mjs';

const kEnglishSpecs = [
  'Number/English/NumberModel.json',
  'Number/English/NumberRangeModel.json',
  'Number/English/PercentModel.json',
  'NumberWithUnit/English/CurrencyModel.json',
];

const args = parseArgs(process.argv.slice(2), {
  corpus: null, specs: '', out: null, 'sample-out': null, 'size-mb': '50', 'sample-mb': '1',
  seed: '1',
});

// mulberry32: a small seeded generator, so the shuffle is the same on every machine.
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(items, random) {
  for (let i = items.length - 1; i > 0; --i) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

const sources = [];
const lines = [];
for (const name of fs.readdirSync(args.corpus).filter((n) => n.endsWith('.txt')).sort()) {
  const file = path.join(args.corpus, name);
  const own = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  lines.push(...own);
  sources.push({ path: file, lines: own.length });
}
if (args.specs !== '' && fs.existsSync(args.specs)) {
  for (const spec of kEnglishSpecs) {
    const file = path.join(args.specs, spec);
    // A spec input may hold a line break; the benchmark's unit is a line, so fold it.
    const own = JSON.parse(fs.readFileSync(file, 'utf8'))
      .map((c) => c.Input.replace(/[\r\n]+/g, ' '))
      .filter((l) => l.trim() !== '');
    lines.push(...own);
    sources.push({ path: file, lines: own.length });
  }
}

const target = Math.round(Number(args['size-mb']) * 1e6);
const sampleTarget = Math.round(Number(args['sample-mb']) * 1e6);
const random = generator(Number(args.seed));
const out = fs.openSync(args.out, 'w');
let bytes = 0;
let count = 0;
let rounds = 0;
let sample = null;  // byte length of the sample: whole lines, at most sampleTarget
while (bytes < target) {
  ++rounds;
  const chunk = [];
  for (const line of shuffle(lines.slice(), random)) {
    const size = Buffer.byteLength(line) + 1;
    if (sample === null && bytes + size > sampleTarget) sample = bytes;
    chunk.push(line);
    bytes += size;
    ++count;
    if (bytes >= target) break;
  }
  fs.writeSync(out, chunk.join('\n') + '\n');
}
fs.closeSync(out);
if (sample === null || sample === 0) sample = bytes;

// The sample is a prefix of the text; copy its bytes rather than rebuild it.
const sampleBytes = Buffer.alloc(sample);
const input = fs.openSync(args.out, 'r');
fs.readSync(input, sampleBytes, 0, sample, 0);
fs.closeSync(input);
fs.writeFileSync(args['sample-out'], sampleBytes);

console.log(JSON.stringify({
  about: 'Corpus paragraphs and English Recognizers-Text spec inputs, one per line, shuffled ' +
         '(seeded) and repeated to the requested size; the sample is its first lines.',
  path: args.out,
  bytes,
  lines: count,
  rounds,
  distinct_lines: lines.length,
  seed: Number(args.seed),
  sources,
  sample: { path: args['sample-out'], bytes: sample },
}));
