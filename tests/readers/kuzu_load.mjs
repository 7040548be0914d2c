// Loads a claimgraph CSV export into a fresh Kùzu database by its own schema.cypher (run from
// the export's folder, as a user would), then prints as JSON: the rows of every node table,
// the rows of every relationship table, and the path figure -> claim -> source -> cited work of
// the figure given, found by Cypher.
// Usage: node kuzu_load.mjs EXPORT_DIR DB_DIR FIGURE_ID

import fs from 'node:fs';
import kuzu from 'kuzu';

const [dir, dbDir, figureId] = process.argv.slice(2);
process.chdir(dir);
const db = new kuzu.Database(dbDir);
const conn = new kuzu.Connection(db);
const all = async (query, params) => {
  const result = params ? await conn.execute(await conn.prepare(query), params)
                        : await conn.query(query);
  return result.getAll();
};

const statements = fs.readFileSync('schema.cypher', 'utf8').split(';\n')
  .map((s) => s.trim()).filter((s) => s.length > 0);
for (const s of statements) await all(s);

const nodes = {};
const edges = {};
for (const t of await all('CALL show_tables() RETURN *')) {
  const [row] = await all(t.type === 'NODE' ? `MATCH (n:${t.name}) RETURN count(n) AS n`
                                            : `MATCH ()-[r:${t.name}]->() RETURN count(r) AS n`);
  (t.type === 'NODE' ? nodes : edges)[t.name] = Number(row.n);
}
const path = await all(
  'MATCH (f:Figure {id: $id})<-[:STATES]-(c:Claim)<-[:CONTAINS]-(s:Source) ' +
  'OPTIONAL MATCH (c)-[:CITES]->(r:Reference) ' +
  'RETURN f.text AS figure, c.id AS claim, s.id AS source, r.id AS work, r.title AS title ' +
  'ORDER BY work', { id: figureId });
console.log(JSON.stringify({ nodes, edges, path }));
