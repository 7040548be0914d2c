// The figure benchmark's summary: reads what tools/bench left in build/bench/figures/ and
// returns {result, table} for report.mjs.
//   text.json                 what make_text.mjs built (the large text and its sample)
//   claimgraph-text.json      claimgraph-bench-figures on the large text
//   claimgraph-sample.json    claimgraph-bench-figures on the sample
//   recognizers-sample.json   recognizers.mjs on the sample
//   score.json                score.mjs on the corpus articles (absent without the gold)

import fs from 'node:fs';
import path from 'node:path';

export function summarize(dir) {
  const read = (name) => {
    const file = path.join(dir, name);
    return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
  };
  const text = read('text.json');
  const ours = { text: read('claimgraph-text.json'), sample: read('claimgraph-sample.json') };
  const theirs = { sample: read('recognizers-sample.json') };
  const score = read('score.json');
  const sampleIsText = text.sample.bytes === text.bytes;
  // Null when a tool was left out (tools/bench --tools).
  const ratio = ours.sample && theirs.sample ? ours.sample.mb_per_s / theirs.sample.mb_per_s
                                             : null;

  const result = {
    about: 'Figure extraction: claimgraph FigureFinder against Microsoft Recognizers-Text ' +
           '(number, percentage, currency and dimension models, English), line by line. ' +
           'Speed excludes start-up; the ratio compares both on the same sample bytes.',
    text,
    claimgraph: ours,
    recognizers: theirs,
    ratio,
    gold: score,
  };

  const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
  const speed = (run) => (run === null ? '-' : run.mb_per_s.toFixed(run.mb_per_s < 1 ? 3 : 1));
  const fraction = (value, part, whole) =>
    (value === null || value === undefined ? 'n/a' : `${value.toFixed(3)} (${part}/${whole})`);
  const quality = (tool) => {
    const s = score === null ? undefined : score.tools[tool];
    if (s === undefined) return ['n/a', 'n/a'];
    return [fraction(s.precision, s.matched, s.reported),
            fraction(s.recall, s.required_found, score.gold_required)];
  };
  const columns = ['tool', `MB/s (${mb(text.bytes)} text)`, `MB/s (${mb(text.sample.bytes)} sample)`,
                   'ratio', 'precision', 'recall'];
  const rows = [];
  if (ours.sample) {
    rows.push(['claimgraph FigureFinder', speed(ours.text), speed(ours.sample),
               ratio === null ? '-' : ratio.toFixed(1), ...quality('claimgraph')]);
  }
  if (theirs.sample) {
    rows.push([`Recognizers-Text ${theirs.sample.tool.split(' ').pop()}`,
               sampleIsText ? speed(theirs.sample) : '-', speed(theirs.sample),
               ratio === null ? '-' : '1.0', ...quality('recognizers')]);
  }

  const notes = [
    `text: ${text.path}, ${mb(text.bytes)} in ${text.lines} lines: ${text.distinct_lines} ` +
      'distinct lines (corpus paragraphs + English Recognizers-Text spec inputs) shuffled ' +
      `and repeated (seed ${text.seed}); the sample is its first ${mb(text.sample.bytes)}.`,
    'ratio = claimgraph MB/s / Recognizers-Text MB/s, both on the sample (same bytes, same ' +
      'lines); MB = 10^6 bytes; timing covers extraction only.',
  ];
  if (ours.sample) {
    notes.push(`claimgraph start-up (lexicons, finder), not counted in MB/s: ` +
               `${ours.sample.startup_seconds.toFixed(2)} s.`);
  }
  if (theirs.sample) {
    const byModel = Object.entries(theirs.sample.models)
      .sort((a, b) => b[1].seconds - a[1].seconds)
      .map(([name, m]) => `${name} ${(100 * m.seconds / theirs.sample.seconds).toFixed(0)}%`);
    notes.push(`Recognizers-Text start-up (loading the packages, building 4 models), not ` +
               `counted in MB/s: ${theirs.sample.startup_seconds.toFixed(2)} s; its time by ` +
               `model: ${byModel.join(', ')}.`);
    notes.push('Recognizers-Text for JavaScript has no number-range model: "between 15,000 ' +
               'and 20,000" comes out as two numbers.');
  }
  if (score === null) {
    notes.push('precision / recall: n/a (no shared/gold/seeds.json).');
  } else {
    for (const [tool, s] of Object.entries(score.tools)) {
      const fp = s.false_positives;
      notes.push(`${tool}: false positives on not_figures ${fp.not_figures}, inside gold ` +
                 `quotes ${fp.in_gold_quotes}, elsewhere ${fp.elsewhere}; missed ` +
                 `${s.missed.length === 0 ? 'none' : s.missed.join(' ')}.`);
    }
    notes.push('precision / recall: both corpus articles, line by line, against ' +
               'shared/gold/seeds.json. Gold is the only truth: a reported figure gold does ' +
               'not list counts as a false positive, even a real number gold leaves out.');
  }
  return { result, table: { title: 'Figure extraction', columns, rows, notes } };
}
