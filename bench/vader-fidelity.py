#!/usr/bin/env python3
"""vader-fidelity - how closely the sentiment stage reproduces VADER.

    bench/vader-fidelity.py [-v] [--textpipe CMD] SHARED_DIR

Scores every text of SHARED_DIR/eval/sentiment/*_GroundTruth.txt as one
whole unit with VADER's rules (sentiment options document=whole,
rules=vader) and compares the compound with the reference scores in
SHARED_DIR/eval/sentiment/vader_reference_scores.tsv.  Prints, per corpus
and overall, the share of texts whose compound is within 0.0005 of the
reference, and how many match neg/neu/pos within 0.0005 too; -v lists every
text that differs.  Run it from the build folder (it runs ./textpipe).
A benchmark that prints figures, not a test: the data stays outside the
project and is read at run time.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

CORPORA = ["tweets", "nytEditorialSnippets", "movieReviewSnippets", "amazonReviewSnippets"]
TOLERANCE = 0.0005


def read_ground_truth(path):
    """(id, text) of each record; records are id<TAB>rating<TAB>text, CRLF."""
    with open(path, encoding="utf-8", newline="") as f:
        data = f.read()
    out = []
    for line in data.split("\n"):
        line = line[:-1] if line.endswith("\r") else line
        if not line.strip():
            continue
        parts = line.split("\t", 2)
        if len(parts) == 3:
            out.append((parts[0], parts[2]))
    return out


def read_reference(path):
    ref = {}
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            ref[(row["corpus"], row["id"])] = {k: float(row[k]) for k in ("neg", "neu", "pos", "compound")}
    return ref


def run_textpipe(cmd, docs):
    with tempfile.TemporaryDirectory() as tmp:
        pipeline = os.path.join(tmp, "vader.json")
        with open(pipeline, "w") as f:
            json.dump({"name": "vader-fidelity",
                       "stages": [{"plugin": "sentiment", "options": {"document": "whole", "rules": "vader"}}]}, f)
        src = os.path.join(tmp, "input.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            for key, text in docs:
                f.write(json.dumps({"id": key, "text": text}, ensure_ascii=False) + "\n")
        proc = subprocess.run(cmd + ["run", "--pipeline", pipeline, "--format", "jsonl", src],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit("vader-fidelity: textpipe failed (%d): %s" % (proc.returncode, proc.stderr[-2000:]))
    return {o["id"]: o["sentiment"] for o in map(json.loads, proc.stdout.splitlines()) if o}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("shared", help="the shared data folder (holds eval/sentiment)")
    ap.add_argument("--textpipe", default="./textpipe", help="command that runs textpipe (default ./textpipe)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every text that differs")
    args = ap.parse_args()
    base = os.path.join(args.shared, "eval", "sentiment")
    ref = read_reference(os.path.join(base, "vader_reference_scores.tsv"))
    docs, texts = [], {}
    for corpus in CORPORA:
        for i, text in read_ground_truth(os.path.join(base, corpus + "_GroundTruth.txt")):
            key = "%s\t%s" % (corpus, i)
            docs.append((key, text))
            texts[key] = text
    got = run_textpipe(args.textpipe.split(), docs)
    total = close_all = close_c = 0
    rows = []
    for corpus in CORPORA:
        n = ok_c = ok_all = 0
        for key, _ in docs:
            c, i = key.split("\t")
            if c != corpus:
                continue
            r = ref.get((c, i))
            s = got.get(key)
            if r is None or s is None:
                sys.exit("vader-fidelity: no %s for %s %s" % ("reference" if r is None else "output", c, i))
            n += 1
            mine = {"compound": s["compound"], "neg": s["negative"], "neu": s["neutral"], "pos": s["positive"]}
            dc = abs(mine["compound"] - r["compound"])
            if dc <= TOLERANCE + 1e-12:
                ok_c += 1
            else:
                rows.append((dc, c, i, mine["compound"], r["compound"]))
            if all(abs(mine[k] - r[k]) <= TOLERANCE + 1e-12 for k in r):
                ok_all += 1
        print("%-22s %5d texts: compound within %.4f: %5d (%.2f%%); all four: %5d (%.2f%%)"
              % (corpus, n, TOLERANCE, ok_c, 100.0 * ok_c / n, ok_all, 100.0 * ok_all / n))
        total += n
        close_c += ok_c
        close_all += ok_all
    print("%-22s %5d texts: compound within %.4f: %5d (%.2f%%); all four: %5d (%.2f%%)"
          % ("all", total, TOLERANCE, close_c, 100.0 * close_c / total, close_all, 100.0 * close_all / total))
    if args.verbose:
        for dc, c, i, mine, theirs in sorted(rows, reverse=True):
            print("DIFF %s %s: got %.4f, reference %.4f: %s" % (c, i, mine, theirs, texts[c + "\t" + i]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
