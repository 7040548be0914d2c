// Seeds for tools/fuzz: every line of corpus/*.txt and every input of the test suites in
// <external> (Recognizers-Text "Input", Duckling and Natasha "input", news "text"), one file
// each in <out>. Usage: node tools/fuzz-seeds.mjs CORPUS_DIR EXTERNAL_DIR OUT_DIR
import fs from 'node:fs';
import path from 'node:path';

const [corpusDir, externalDir, outDir] = process.argv.slice(2);
let n = 0;
const seed = (text) => {
  if (typeof text !== 'string' || text.length === 0) return;
  fs.writeFileSync(path.join(outDir, String(n++).padStart(6, '0')), text.slice(0, 1024));
};

for (const name of fs.readdirSync(corpusDir)) {
  if (!name.endsWith('.txt')) continue;
  for (const line of fs.readFileSync(path.join(corpusDir, name), 'utf8').split('\n')) seed(line);
}

const walk = (dir) => {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith('.jsonl')) {
      for (const line of fs.readFileSync(full, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const item = JSON.parse(line);
        seed(item.text);
      }
    } else if (entry.name.endsWith('.json')) {
      let doc;
      try {
        doc = JSON.parse(fs.readFileSync(full, 'utf8'));
      } catch {
        continue;
      }
      const cases = Array.isArray(doc) ? doc : Array.isArray(doc.cases) ? doc.cases : [];
      for (const c of cases) seed(c.Input ?? c.input);
    }
  }
};
for (const suite of ['recognizers-text', 'duckling', 'natasha', 'klue-ner', 'gum-wikinews',
                     'ud-russian-pud']) {
  walk(path.join(externalDir, suite));
}
console.error(`fuzz seeds: ${n} written to ${outDir}`);
