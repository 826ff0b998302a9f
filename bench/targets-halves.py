#!/usr/bin/env python3
"""targets-halves - the targets scorer's figures on each half of a NewsMTSC set.

    bench/targets-halves.py [--set rw|mt|all] [--pipeline FILE] [--plugin-path DIRS]
                            [--textpipe CMD] SHARED_DIR

Runs textpipe (./textpipe, from the build folder) on the sentences of
SHARED_DIR/eval/sentiment/newsmtsc/devtest_{rw,mt}.jsonl and prints the
3-class macro F1 of the sentiment toward each target, as
SHARED_DIR/eval/score targets computes it (the tagged entity overlapping the
target most gives the prediction, compound >= 0.05 positive, <= -0.05
negative; a target no entity overlaps counts as neutral), for the even rows
(line numbers from 0), the odd rows and all.  Entity rules are tuned on the
even rows only; the odd rows are the check.  It also prints the macro F1 over
the targets that matched an entity, which is what the entity rules decide.
The default pipeline is the scorer's: normalize, sentence-split, entity-tag,
sentiment.

--unmatched sentence asks what coverage is worth: a target no entity overlaps
takes the class of its document's sentence score instead of neutral, as if
entity-tag had found it and it got its sentence's sentiment.  It prints that
figure beside the scorer's, with the unmatched targets counted by kind
(pronoun or name).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

SETS = {"rw": "devtest_rw.jsonl", "mt": "devtest_mt.jsonl"}
POLARITY = {2.0: -1, 4.0: 0, 6.0: 1}


def klass(v):
    return 1 if v >= 0.05 else (-1 if v <= -0.05 else 0)


def macro_f1(gold, pred):
    classes = sorted(set(gold) | set(pred))
    total = 0.0
    for c in classes:
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        total += 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return total / len(classes) if classes else 0.0


def run(cmd, rows, pipeline, plugin_path):
    with tempfile.TemporaryDirectory() as tmp:
        if pipeline is None:
            pipeline = os.path.join(tmp, "pipeline.json")
            with open(pipeline, "w") as f:
                json.dump({"name": "targets-halves", "stages": [{"plugin": p} for p in
                                                                ("normalize", "sentence-split", "entity-tag",
                                                                 "sentiment")]}, f)
        src = os.path.join(tmp, "in.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            for n, r in enumerate(rows):
                f.write(json.dumps({"id": str(n), "text": r["sentence_normalized"]}, ensure_ascii=False) + "\n")
        extra = ["--plugin-path", plugin_path] if plugin_path else []
        proc = subprocess.run(cmd + ["run"] + extra + ["--pipeline", pipeline, "--input-format", "jsonl",
                                                       "--format", "jsonl", src], capture_output=True, text=True)
        if proc.returncode:
            sys.exit("targets-halves: textpipe failed (%d): %s" % (proc.returncode, proc.stderr[-2000:]))
    return {o["id"]: o for o in map(json.loads, proc.stdout.splitlines())}


PRONOUNS = {"he", "she", "his", "her", "him", "hers", "himself", "herself", "they", "them", "their", "i", "me",
            "my", "we", "us", "our", "you", "your"}


def predictions(rows, out, unmatched="neutral"):
    """(row number, gold, predicted class, matched, mention) per target, as the
    scorer pairs them; unmatched="sentence" gives an unmatched target its
    document's class instead of neutral."""
    res = []
    for n, r in enumerate(rows):
        ents = out[str(n)].get("entities") or []
        for t in r["targets"]:
            g = POLARITY.get(float(t["polarity"]))
            if g is None:
                continue
            best, overlap = None, 0
            for e in ents:
                ov = min(e["end"], t["to"]) - max(e["start"], t["from"])
                if ov > overlap:
                    best, overlap = e, ov
            matched = best is not None and isinstance(best.get("sentiment"), dict)
            if matched:
                p = klass(float(best["sentiment"].get("compound", 0.0)))
            elif unmatched == "sentence":
                p = klass(float((out[str(n)].get("sentiment") or {}).get("compound", 0.0)))
            else:
                p = 0
            res.append((n, g, p, matched, t.get("mention", "")))
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("shared")
    ap.add_argument("--set", default="all", choices=list(SETS) + ["all"])
    ap.add_argument("--pipeline", default=None)
    ap.add_argument("--plugin-path", default=None)
    ap.add_argument("--textpipe", default="./textpipe")
    ap.add_argument("--unmatched", default="neutral", choices=["neutral", "sentence"])
    args = ap.parse_args()
    for name in (SETS if args.set == "all" else [args.set]):
        with open(os.path.join(args.shared, "eval", "sentiment", "newsmtsc", SETS[name]), encoding="utf-8") as f:
            rows = [json.loads(line) for line in f if line.strip()]
        res = predictions(rows, run(args.textpipe.split(), rows, args.pipeline, args.plugin_path), args.unmatched)
        parts = []
        for label, keep in (("even", lambda n: n % 2 == 0), ("odd", lambda n: n % 2 == 1), ("all", lambda n: True)):
            sel = [x for x in res if keep(x[0])]
            hit = [x for x in sel if x[3]]
            parts.append("%s %.4f (matched %.4f, n %d/%d)" % (
                label, macro_f1([x[1] for x in sel], [x[2] for x in sel]),
                macro_f1([x[1] for x in hit], [x[2] for x in hit]), len(hit), len(sel)))
        print("%-3s macro F1 %s" % (name, "; ".join(parts)))
        if args.unmatched == "sentence":
            miss = [x[4] for x in res if not x[3]]
            pron = sum(1 for m in miss if m.strip().lower() in PRONOUNS)
            print("    (unmatched targets scored by their sentence: %d, of which %d pronouns and %d other mentions)"
                  % (len(miss), pron, len(miss) - pron))
    return 0


if __name__ == "__main__":
    sys.exit(main())
