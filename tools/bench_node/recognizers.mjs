// Runs Microsoft Recognizers-Text (npm @microsoft/recognizers-text-suite, English) over a
// text file, line by line, the way tools/bench_figures runs claimgraph's FigureFinder.
//
// The models: number, percentage, currency and dimension, the ones whose results are figures.
// The JavaScript port has no number-range model (upstream marks its range specs "not
// supported: javascript"), so "between 15,000 and 20,000" comes out as two numbers.
// Each model is built once, as the suite's README shows; the suite's recognizeNumber() and
// friends would build a new recognizer on every call.
//
// Usage: node recognizers.mjs FILE            -> one JSON object:
//          {tool, bytes, lines, seconds, figures, mb_per_s, startup_seconds, total_seconds,
//           models: {name: {seconds, entities}}}
//        node recognizers.mjs --spans FILE    -> one JSON line per figure:
//          {begin, end, lo, hi, point, unit, text, type}
// `seconds` covers extraction only (every model over every line), timed with the monotonic
// clock; `startup_seconds` is loading the packages and building the models; MB = 10^6 bytes.
// Spans are UTF-8 byte offsets into FILE, end exclusive (Recognizers gives UTF-16 indexes,
// end inclusive). lo/hi are the figure's interval, [v, v] for a number; null means unbounded.

import fs from 'node:fs';
import { createRequire } from 'node:module';

import { fail, parseArgs } from './args.mjs';
import { splitLines } from './lines.mjs';

const args = parseArgs(process.argv.slice(2), { spans: false });
if (args._.length !== 1) fail('usage: recognizers.mjs [--spans] FILE');

const startupBegin = process.hrtime.bigint();
const require = createRequire(import.meta.url);
const suite = require('@microsoft/recognizers-text-suite');
// The recognizer classes live in the suite's own dependencies; the suite re-exports only the
// one-call helpers.
const { NumberRecognizer } = require('@microsoft/recognizers-text-number');
const { NumberWithUnitRecognizer } = require('@microsoft/recognizers-text-number-with-unit');
const numbers = new NumberRecognizer(suite.Culture.English);
const units = new NumberWithUnitRecognizer(suite.Culture.English);
const models = {
  number: numbers.getNumberModel(),
  percentage: numbers.getPercentageModel(),
  currency: units.getCurrencyModel(),
  dimension: units.getDimensionModel(),
};
const startupSeconds = seconds(process.hrtime.bigint() - startupBegin);
const suiteVersion = require('@microsoft/recognizers-text-suite/package.json').version;

const file = fs.readFileSync(args._[0]);
const lines = splitLines(file);

function seconds(nanoseconds) {
  return Number(nanoseconds) / 1e9;
}

function printSpeed() {
  const perModel = {};
  let total = 0n;
  let entities = 0;
  // Model by model, so the summary can say where the time goes; the work is the same as
  // running all four on each line.
  for (const [name, model] of Object.entries(models)) {
    let found = 0;
    const begin = process.hrtime.bigint();
    for (const line of lines) found += model.parse(line.text).length;
    const spent = process.hrtime.bigint() - begin;
    total += spent;
    entities += found;
    perModel[name] = { seconds: seconds(spent), entities: found };
  }
  const extraction = seconds(total);
  console.log(JSON.stringify({
    tool: `recognizers-text-suite ${suiteVersion}`,
    bytes: file.length,
    lines: lines.length,
    seconds: extraction,
    figures: entities,
    mb_per_s: file.length / 1e6 / extraction,
    startup_seconds: startupSeconds,
    total_seconds: process.uptime(),
    models: perModel,
  }));
}

// Which result wins where two overlap: the more specific model, then the longer span. So
// "$500" wins over the number "500" inside it, and "$6,000" over the dimension "6,000 in".
const kPriority = { currency: 0, percentage: 0, dimension: 1, number: 2 };

// The figures of one line: every model's results with a numeric value, overlaps resolved.
function figuresOf(text) {
  const found = [];
  for (const [type, model] of Object.entries(models)) {
    for (const result of model.parse(text)) {
      const figure = toFigure(type, result);
      if (figure !== null) found.push(figure);
    }
  }
  found.sort((a, b) => kPriority[a.type] - kPriority[b.type] ||
                       (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept = [];
  for (const f of found) {
    if (kept.every((k) => f.end <= k.start || k.end <= f.start)) kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

// A result as a figure, or null when it states no amount ("dollars" alone).
function toFigure(type, result) {
  const resolution = result.resolution || {};
  let raw = resolution.value;
  if (raw === undefined || raw === null || raw === 'null') return null;
  let unit = '';
  if (type === 'percentage') {
    raw = String(raw).replace(/%$/, '');
    unit = 'percent';
  } else if (type === 'currency') {
    unit = resolution.isoCurrency || resolution.unit || '';
  } else if (type === 'dimension') {
    unit = resolution.unit || '';
  }
  // "NAN" (for "2371 in 1997") stays a reported figure, one with no value.
  const value = String(raw).trim() === '' ? NaN : Number(raw);
  return {
    start: result.start,
    end: result.end + 1,  // exclusive
    value: Number.isFinite(value) ? value : null,
    unit,
    text: result.text,
    type,
  };
}

function printSpans() {
  const out = [];
  for (const line of lines) {
    const toByte = utf16ToUtf8Offsets(line.text);
    for (const f of figuresOf(line.text)) {
      out.push(JSON.stringify({
        begin: line.begin + toByte[f.start],
        end: line.begin + toByte[f.end],
        lo: f.value,
        hi: f.value,
        point: f.value,
        unit: f.unit,
        text: f.text,
        type: f.type,
      }));
    }
  }
  if (out.length > 0) console.log(out.join('\n'));
}

// offsets[i] = UTF-8 byte offset of UTF-16 index i in `text` (i = 0..length).
function utf16ToUtf8Offsets(text) {
  const offsets = new Array(text.length + 1);
  let bytes = 0;
  for (let i = 0; i < text.length; ++i) {
    offsets[i] = bytes;
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      bytes += 4;  // a surrogate pair: one code point, four bytes
      offsets[++i] = bytes;
    } else bytes += 3;
  }
  offsets[text.length] = bytes;
  return offsets;
}

if (args.spans) {
  printSpans();
} else {
  printSpeed();
}
