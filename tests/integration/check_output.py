#!/usr/bin/env python3
"""Check textpipe output against its input: the schema the scorer reads.

  check_output.py OUTPUT [--text FILE] [--jsonl INPUT] [--expect-layers a,b]

Every span must satisfy text[start:end] == span["text"] (code points,
half-open) and lie inside the text; "text" must equal the input exactly.
"""
import argparse
import json
import sys


def fail(msg):
    print("check_output: " + msg, file=sys.stderr)
    sys.exit(1)


def check_doc(obj, want_text, layers, where):
    if not isinstance(obj, dict):
        fail("%s: not a JSON object" % where)
    for key in ("id", "text"):
        if key not in obj:
            fail("%s: no %r" % (where, key))
    text = obj["text"]
    if want_text is not None and text != want_text:
        fail("%s: 'text' differs from the input" % where)
    n = 0
    for key, val in obj.items():
        if not isinstance(val, list):
            continue
        prev = -1
        for i, s in enumerate(val):
            for k in ("start", "end", "text"):
                if k not in s:
                    fail("%s: %s[%d] has no %r" % (where, key, i, k))
            if not (0 <= s["start"] <= s["end"] <= len(text)):
                fail("%s: %s[%d] %d..%d outside the text (%d)" % (where, key, i, s["start"], s["end"], len(text)))
            if text[s["start"]:s["end"]] != s["text"]:
                fail("%s: %s[%d]: text[%d:%d] is %r, span says %r" % (
                    where, key, i, s["start"], s["end"], text[s["start"]:s["end"]], s["text"]))
            if s["start"] < prev:
                fail("%s: %s is not in text order at %d" % (where, key, i))
            prev = s["start"]
            n += 1
    for layer in layers:
        if layer not in obj:
            fail("%s: layer %r missing" % (where, layer))
    return n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("output")
    ap.add_argument("--text")
    ap.add_argument("--jsonl")
    ap.add_argument("--expect-layers", default="")
    a = ap.parse_args()
    layers = [x for x in a.expect_layers.split(",") if x]
    with open(a.output, encoding="utf-8") as f:
        raw = f.read()
    spans = 0
    if a.jsonl:
        with open(a.jsonl, encoding="utf-8") as f:
            inputs = [json.loads(l) for l in f if l.strip()]
        outs = [json.loads(l) for l in raw.splitlines() if l.strip()]
        if len(outs) != len(inputs):
            fail("%d documents in, %d out" % (len(inputs), len(outs)))
        for n, (i, o) in enumerate(zip(inputs, outs), 1):
            if "id" in i and o["id"] != i["id"]:
                fail("line %d: id %r came back as %r" % (n, i["id"], o["id"]))
            spans += check_doc(o, i["text"], layers, "line %d" % n)
    else:
        obj = json.loads(raw)
        want = None
        if a.text:
            with open(a.text, encoding="utf-8", newline="") as f:
                want = f.read()
        spans += check_doc(obj, want, layers, a.output)
    print("check_output: ok (%d spans)" % spans)


if __name__ == "__main__":
    main()
