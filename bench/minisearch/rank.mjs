// Ranks every question with MiniSearch, default and with diacritic folding, over the same articles.
// Usage: node rank.mjs ARTICLES.json QUESTIONS.json  → one JSON line per question:
//   {"default": [ids…], "folded": [ids…], "defaultMs": n, "foldedMs": n}
import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';

const articles = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const questions = JSON.parse(readFileSync(process.argv[3], 'utf8'));
const docs = articles.map(a => ({
  id: a.id, title: a.title, questions: a.questions.join('\n'), keywords: a.keywords.join(', '), body: a.body,
}));
const fields = ['title', 'questions', 'keywords', 'body'];

// Folding: NFC → lowercase → strip combining marks → đ→d (MiniSearch itself only lowercases).
const fold = term => term.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').toLowerCase();

const plain = new MiniSearch({ fields, storeFields: ['id'] });
const folded = new MiniSearch({ fields, storeFields: ['id'], processTerm: t => fold(t) });
plain.addAll(docs);
folded.addAll(docs);

// Best of five runs, as for the Java engines (the machine is shared with other work).
function top(index, q) {
  let ids, best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    ids = index.search(q).slice(0, 10).map(r => r.id);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return [ids, best];
}
for (const q of questions.slice(0, 50)) { top(plain, q); top(folded, q); } // warm-up
const out = [];
for (const q of questions) {
  const [d, dm] = top(plain, q);
  const [f, fm] = top(folded, q);
  out.push(JSON.stringify({ default: d, folded: f, defaultMs: dm, foldedMs: fm }));
}
process.stdout.write(out.join('\n') + '\n');
