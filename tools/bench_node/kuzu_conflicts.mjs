// The conflict semantics of claimgraph in Kùzu (npm package `kuzu`), over the figures that
// claimgraph-bench-conflicts wrote as CSV: Figure nodes, Bucket nodes (one measure, unit and
// place) and InBucket relations, loaded with COPY FROM; then one Cypher query counts the pairs of
// figures of one bucket, from other sources, whose times overlap (0 = unknown overlaps all)
// and whose intervals do not. Prints JSON: per size, load seconds, best query ms of 3, pairs.
//
// Usage: node kuzu_conflicts.mjs --dir DIR --sizes 10000,100000

import fs from 'node:fs';
import path from 'node:path';

import kuzu from 'kuzu';

import { fail, parseArgs } from './args.mjs';

const args = parseArgs(process.argv.slice(2), { dir: null, sizes: null });
if (!args.dir || !args.sizes) fail('usage: kuzu_conflicts.mjs --dir DIR --sizes N,N');

const query = `
MATCH (a:Figure)-[:InBucket]->(:Bucket)<-[:InBucket]-(b:Figure)
WHERE a.id < b.id AND a.source <> b.source
  AND (a.tfrom = 0 OR b.tfrom = 0 OR (a.tfrom <= b.tto AND b.tfrom <= a.tto))
  AND (a.hi <= b.lo OR b.hi <= a.lo)
RETURN count(*) AS pairs`;

const runs = [];
for (const size of args.sizes.split(',')) {
  const dbPath = path.join(args.dir, `kuzu-${size}`);
  for (const leftover of [dbPath, `${dbPath}.wal`, `${dbPath}.shadow`]) {
    fs.rmSync(leftover, { recursive: true, force: true });
  }
  const db = new kuzu.Database(dbPath);
  const conn = new kuzu.Connection(db);
  const csv = (name) => path.resolve(args.dir, `${name}-${size}.csv`);
  const start = process.hrtime.bigint();
  await conn.query('CREATE NODE TABLE Figure(id INT64, lo DOUBLE, hi DOUBLE, tfrom INT64, ' +
                   'tto INT64, source INT64, PRIMARY KEY(id))');
  await conn.query('CREATE NODE TABLE Bucket(id INT64, PRIMARY KEY(id))');
  await conn.query('CREATE REL TABLE InBucket(FROM Figure TO Bucket)');
  await conn.query(`COPY Figure FROM '${csv('figures')}' (HEADER=false)`);
  await conn.query(`COPY Bucket FROM '${csv('buckets')}' (HEADER=false)`);
  await conn.query(`COPY InBucket FROM '${csv('in')}' (HEADER=false)`);
  const loadS = Number(process.hrtime.bigint() - start) / 1e9;
  let best = Infinity;
  let pairs = null;
  for (let rep = 0; rep < 3; rep++) {
    const t = process.hrtime.bigint();
    const result = await conn.query(query);
    const rows = await result.getAll();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
    pairs = Number(rows[0].pairs);
  }
  runs.push({ figures: Number(size), load_s: loadS, query_ms: best, pairs });
  process.stderr.write(`kuzu: ${size} figures done\n`);
}
console.log(JSON.stringify({ tool: `kuzu ${kuzu.VERSION ?? ''}`.trim(), runs }));
