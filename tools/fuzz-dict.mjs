// A libFuzzer dictionary from the lexicons: every word and phrase of corpus/lexicons/*.json
// (their "about" texts left out), each as a quoted entry with bytes outside printable ASCII
// escaped. Usage: node tools/fuzz-dict.mjs LEXICON_DIR OUT_FILE
import fs from 'node:fs';
import path from 'node:path';

const [dir, out] = process.argv.slice(2);
const words = new Set();
const visit = (value, key) => {
  if (key === 'about') return;
  if (typeof value === 'string') {
    const w = value.replace(/\*/g, '');
    if (w.length >= 2 && w.length <= 40) words.add(w);
  } else if (Array.isArray(value)) {
    for (const v of value) visit(v);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) visit(v, k);
  }
};
for (const name of fs.readdirSync(dir).sort()) {
  if (name.endsWith('.json')) visit(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')));
}
const quote = (w) => '"' + [...Buffer.from(w, 'utf8')].map((b) =>
  b >= 0x20 && b < 0x7f && b !== 0x22 && b !== 0x5c ? String.fromCharCode(b)
                                                    : '\\x' + b.toString(16).padStart(2, '0')).join('') + '"';
fs.writeFileSync(out, [...words].sort().map(quote).join('\n') + '\n');
console.error(`fuzz dictionary: ${words.size} entries`);
