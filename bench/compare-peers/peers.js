// peers.js - time the JavaScript peers on one input (JSON Lines of
// {"id", "text"}), the way bench/compare-peers/run calls it:
//   node peers.js INPUT.jsonl MAX_MB
// Each peer gets the same documents (the first MAX_MB of text); slow peers
// are given less and their MB/s scaled by what they really processed.
'use strict';
const fs = require('fs');

const [input, maxMbArg] = process.argv.slice(2);
const maxBytes = Number(maxMbArg || 2) * 1e6;
const docs = [];
let total = 0;
for (const line of fs.readFileSync(input, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const t = JSON.parse(line).text;
  docs.push(t);
  total += Buffer.byteLength(t);
  if (total >= maxBytes) break;
}

function measure(name, what, fn, budgetSeconds) {
  // Run fn on documents until they run out or the time budget is spent.
  let bytes = 0, n = 0;
  const t0 = process.hrtime.bigint();
  for (const d of docs) {
    fn(d);
    bytes += Buffer.byteLength(d);
    n++;
    if (Number(process.hrtime.bigint() - t0) / 1e9 > budgetSeconds) break;
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(JSON.stringify({peer: name, what, mb: bytes / 1e6, docs: n, seconds: secs,
                              mb_per_s: bytes / 1e6 / secs}));
}

const budget = 60;
{
  const sbd = require('sbd');
  measure('sbd', 'sentences', d => sbd.sentences(d, {newline_boundaries: true}), budget);
}
{
  const vader = require('vader-sentiment');
  // VADER scores one unit at a time: each paragraph, as its README shows.
  measure('vader-sentiment', 'sentiment',
    d => { for (const p of d.split(/\n\s*\n/)) vader.SentimentIntensityAnalyzer.polarity_scores(p); }, budget);
}
{
  const winkNLP = require('wink-nlp');
  const model = require('wink-eng-lite-web-model');
  const nlp = winkNLP(model);
  const its = nlp.its;
  measure('wink-nlp', 'sentences+tokens', d => { const doc = nlp.readDoc(d); doc.sentences().length(); }, budget);
  measure('wink-nlp', 'entities', d => { nlp.readDoc(d).entities().out(its.detail); }, budget);
  measure('wink-nlp', 'sentiment', d => { nlp.readDoc(d).out(its.sentiment); }, budget);
  measure('wink-nlp', 'full pipeline', d => {
    const doc = nlp.readDoc(d);
    doc.sentences().out(its.sentiment); doc.entities().out(its.detail); doc.tokens().out(its.type);
  }, budget);
}
{
  const nlp = require('compromise');
  measure('compromise', 'entities', d => {
    const doc = nlp(d); doc.people().out('array'); doc.places().out('array'); doc.organizations().out('array');
  }, budget);
}
