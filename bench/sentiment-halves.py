#!/usr/bin/env python3
"""sentiment-halves - the sentiment scorer's figures on each half of a set.

    bench/sentiment-halves.py [--set nyt|tweets|movies|amazon|all] [--pipeline FILE]
                           [--plugin-path DIRS] SHARED_DIR

Runs textpipe (./textpipe, from the build folder) on one of VADER's human-rated
sets in SHARED_DIR/eval/sentiment and prints Pearson r with the mean human
rating and the 3-class F1 (weighted, thresholds +-0.05 as in
SHARED_DIR/eval/score) for the even half, the odd half and all of it.  A text's
half is the parity of its id: the number before '_' for the NYT and Amazon
sets (so that the sentences of one article or review stay in one half), the
id itself for tweets and movies.  Rules are tuned on the even half only; the
odd half is the check.  The default pipeline is the scorer's: normalize,
sentence-split, sentiment.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

SETS = {"nyt": "nytEditorialSnippets", "tweets": "tweets", "movies": "movieReviewSnippets",
        "amazon": "amazonReviewSnippets"}


def read_set(path):
    with open(path, encoding="utf-8", newline="") as f:
        data = f.read().replace("\r\n", "\n")
    rows = []
    for line in data.split("\n"):
        parts = line.split("\t", 2)
        if line.strip() and len(parts) == 3:
            rows.append((parts[0], float(parts[1]), parts[2]))
    return rows


def pearson(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sx = math.sqrt(sum((x - mx) ** 2 for x in xs))
    sy = math.sqrt(sum((y - my) ** 2 for y in ys))
    return sxy / (sx * sy) if sx and sy else 0.0


def klass(v):
    return 1 if v >= 0.05 else (-1 if v <= -0.05 else 0)


def weighted_f1(gold, pred):
    total = 0.0
    for c in (-1, 0, 1):
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        total += f * sum(1 for g in gold if g == c)
    return total / len(gold)


def run(cmd, rows, pipeline, plugin_path):
    with tempfile.TemporaryDirectory() as tmp:
        if pipeline is None:
            pipeline = os.path.join(tmp, "pipeline.json")
            with open(pipeline, "w") as f:
                json.dump({"name": "halves", "stages": [{"plugin": p} for p in
                                                        ("normalize", "sentence-split", "sentiment")]}, f)
        src = os.path.join(tmp, "in.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            for i, _, text in rows:
                f.write(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")
        extra = ["--plugin-path", plugin_path] if plugin_path else []
        proc = subprocess.run(cmd + ["run"] + extra + ["--pipeline", pipeline, "--format", "jsonl", src],
                              capture_output=True, text=True)
        if proc.returncode:
            sys.exit("sentiment-halves: textpipe failed (%d): %s" % (proc.returncode, proc.stderr[-2000:]))
    return {o["id"]: float(o["sentiment"]["compound"]) for o in map(json.loads, proc.stdout.splitlines())}


def half(i):
    return int(i.split("_")[0]) % 2


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("shared")
    ap.add_argument("--set", default="all", choices=list(SETS) + ["all"])
    ap.add_argument("--pipeline", default=None)
    ap.add_argument("--plugin-path", default=None)
    ap.add_argument("--textpipe", default="./textpipe")
    args = ap.parse_args()
    for name in (SETS if args.set == "all" else [args.set]):
        rows = read_set(os.path.join(args.shared, "eval", "sentiment", SETS[name] + "_GroundTruth.txt"))
        got = run(args.textpipe.split(), rows, args.pipeline, args.plugin_path)
        parts = []
        for label, keep in (("even", lambda i: half(i) == 0), ("odd", lambda i: half(i) == 1),
                            ("all", lambda i: True)):
            sel = [(g, got[i]) for i, g, _ in rows if keep(i)]
            gold = [g for g, _ in sel]
            pred = [p for _, p in sel]
            parts.append("%s r %.4f F1 %.4f (n %d)" % (label, pearson(pred, gold),
                                                       weighted_f1([klass(g) for g in gold],
                                                                   [klass(p) for p in pred]), len(sel)))
        print("%-7s %s" % (name, "; ".join(parts)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
