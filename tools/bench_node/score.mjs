// Scores the figures that each tool reported on the corpus articles against the gold
// annotation (shared/gold/seeds.json, rules in shared/gold/README.md).
//
// Usage: node score.mjs --gold SEEDS.json --corpus DIR --spans DIR --tools ours,recognizers
// Reads DIR/<tool>/<article>.jsonl (one {begin, end, lo, hi, point} per line, UTF-8 byte
// offsets into corpus/<article>, lo/hi null = unbounded) and prints one JSON object.
//
// A reported figure matches a gold figure when its span overlaps the gold quote (any place the
// quote occurs once every run of Unicode white space is folded to one space) and its value
// agrees:
//   - a bound ("at most" / "at least"): the reported hi / lo equals the annotated bound;
//   - otherwise [lo, hi] contains the annotated [lo, hi], is no wider than twice the
//     annotated range plus the annotated value's magnitude, and, for a single annotated
//     value, the reported point equals it.
// Precision = reported figures that match a gold figure (optional ones included) / reported
// figures. Gold annotates only some numbers of each article and is the only truth here: every
// other reported figure counts as a false positive, even a true number gold leaves out. The
// false positives are split into those on a `not_figures` item, those inside a gold quote
// (wrong value, or a piece of a range) and the rest.
// Recall = required (non-optional) gold figures matched / required gold figures.

import fs from 'node:fs';
import path from 'node:path';

import { parseArgs } from './args.mjs';

const args = parseArgs(process.argv.slice(2), {
  gold: null, corpus: null, spans: null, tools: null,
});

const gold = JSON.parse(fs.readFileSync(args.gold, 'utf8'));
const articles = gold.documents.map((doc) => {
  const bytes = fs.readFileSync(path.join(args.corpus, doc.file));
  const folded = foldWhiteSpace(bytes.toString('utf8'));
  return {
    id: doc.id,
    file: doc.file,
    bytes,
    figures: gold.figures
      .filter((f) => f.doc === doc.id)
      .map((f) => ({ ...f, places: locate(folded, f.quote, f.id) })),
    notFigures: gold.not_figures.items
      .filter((n) => n.doc === doc.id)
      .map((n) => ({ ...n, places: locate(folded, n.text, n.text, n.focus) })),
  };
});

const result = {
  about: 'Figures of both corpus articles (run line by line) scored against shared/gold/' +
         'seeds.json. Gold is the only truth: a reported figure that matches no gold figure ' +
         'is a false positive even when gold merely leaves that number out.',
  gold_figures: gold.figures.length,
  gold_required: gold.figures.filter((f) => !f.optional).length,
  tools: {},
};
for (const tool of args.tools.split(',')) result.tools[tool] = score(tool);
console.log(JSON.stringify(result));

function score(tool) {
  let reported = 0;
  let matched = 0;
  const falsePositives = { not_figures: [], in_gold_quotes: [], elsewhere: [] };
  const found = new Set();
  for (const article of articles) {
    const file = path.join(args.spans, tool, `${article.file}.jsonl`);
    const figures = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l !== '')
      .map((l) => JSON.parse(l));
    for (const figure of figures) {
      ++reported;
      const hits = article.figures.filter((g) => overlapsAny(figure, g.places) &&
                                                  valueAgrees(figure, g));
      if (hits.length > 0) {
        ++matched;
        for (const g of hits) found.add(g.id);
        continue;
      }
      const text = article.bytes.toString('utf8', figure.begin, figure.end);
      const where = `${article.file}@${figure.begin}: ${text}`;
      if (article.notFigures.some((n) => overlapsAny(figure, n.places))) {
        falsePositives.not_figures.push(where);
      } else if (article.figures.some((g) => overlapsAny(figure, g.places))) {
        falsePositives.in_gold_quotes.push(where);
      } else {
        falsePositives.elsewhere.push(where);
      }
    }
  }
  const required = gold.figures.filter((f) => !f.optional);
  const recalled = required.filter((f) => found.has(f.id));
  return {
    reported,
    matched,
    precision: reported === 0 ? null : matched / reported,
    recall: recalled.length / required.length,
    required_found: recalled.length,
    missed: required.filter((f) => !found.has(f.id)).map((f) => f.id),
    optional_found: gold.figures.filter((f) => f.optional && found.has(f.id)).map((f) => f.id),
    false_positives: {
      not_figures: falsePositives.not_figures.length,
      in_gold_quotes: falsePositives.in_gold_quotes.length,
      elsewhere: falsePositives.elsewhere.length,
      list: falsePositives,
    },
  };
}

function close(a, b) {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function valueAgrees(figure, g) {
  const lo = figure.lo ?? -Infinity;
  const hi = figure.hi ?? Infinity;
  const [goldLo, goldHi] = g.value;
  if (g.bound === 'at most') return close(hi, goldHi);
  if (g.bound === 'at least') return close(lo, goldLo);
  const contains = (lo <= goldLo || close(lo, goldLo)) && (hi >= goldHi || close(hi, goldHi));
  const widest = 2 * (goldHi - goldLo) + Math.max(Math.abs(goldLo), Math.abs(goldHi));
  if (!contains || hi - lo > widest * (1 + 1e-9)) return false;
  if (goldLo !== goldHi) return true;
  return figure.point !== null && figure.point !== undefined && close(figure.point, goldLo);
}

function overlapsAny(figure, places) {
  return places.some((p) => figure.begin < p.end && p.begin < figure.end);
}

// The article with every white-space run folded to one space, and for each UTF-16 unit of
// the folded string the UTF-8 byte range it came from in the article.
function foldWhiteSpace(text) {
  let folded = '';
  const begin = [];
  const end = [];
  let byte = 0;
  let inRun = false;
  for (const ch of text) {
    const size = Buffer.byteLength(ch);
    const space = /\p{White_Space}/u.test(ch);
    if (space && inRun) {
      end[end.length - 1] = byte + size;  // the run's one space covers this one too
    } else {
      const out = space ? ' ' : ch;
      for (let i = 0; i < out.length; ++i) {
        begin.push(byte);
        end.push(byte + size);
      }
      folded += out;
    }
    inRun = space;
    byte += size;
  }
  return { text: folded, begin, end };
}

// Every place `quote` occurs in the folded article, as byte ranges of the article; with
// `focus`, only that part of each occurrence.
function locate(folded, quote, name, focus) {
  const places = [];
  const shift = focus === undefined ? 0 : quote.indexOf(focus);
  const length = focus === undefined ? quote.length : focus.length;
  if (shift < 0) throw new Error(`gold item ${name}: focus "${focus}" is not in its text`);
  for (let at = folded.text.indexOf(quote); at >= 0; at = folded.text.indexOf(quote, at + 1)) {
    places.push({ begin: folded.begin[at + shift], end: folded.end[at + shift + length - 1] });
  }
  if (places.length === 0) {
    console.error(`score.mjs: gold item ${name} ("${quote}") is not in its article`);
  }
  return places;
}
