#!/usr/bin/env python3
"""The table of make eval: in-sample and cross-validated quote and speaker
scores per corpus set and per language, each scored by the project's
evaluator (quote-eval) on a folder that holds only those articles.

usage: eval-table.py QUOTE-EVAL CORPUS "SET..." IN.jsonl CV.jsonl

Sets that differ only in a -dev/-train ending (de-wikinews-dev and
de-wikinews-train) get a row for their union too.
"""
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

SUMMARY = re.compile(r"quotes P=([\d.]+) R=([\d.]+) F1=([\d.]+) speaker=([\d.]+).*\(gold (\d+), predicted (\d+)\)")


def score(evaluator, golds, pred):
    """P, R, F1, speaker and gold count of pred on the articles golds [(dir, name)]."""
    with tempfile.TemporaryDirectory() as tmp:
        for d, name in golds:
            for ext in (".gold.json", ".txt"):
                os.symlink(os.path.abspath(os.path.join(d, name + ext)), os.path.join(tmp, name + ext))
        out = subprocess.run([evaluator, tmp, pred], capture_output=True, text=True)
        m = SUMMARY.search(out.stdout.splitlines()[-1] if out.stdout else "")
        if not m:
            sys.exit("eval-table: quote-eval failed: " + out.stderr)
        return [float(m.group(i)) for i in range(1, 5)] + [int(m.group(5))]


def articles(corpus, sets):
    """{set: [(dir, name, lang)]}"""
    out = {}
    for s in sets:
        d = os.path.join(corpus, s)
        rows = []
        for f in sorted(os.listdir(d)):
            if f.endswith(".gold.json"):
                with open(os.path.join(d, f), encoding="utf-8") as fh:
                    lang = json.load(fh).get("lang", "?")
                rows.append((d, f[:-len(".gold.json")], lang))
        out[s] = rows
    for s in sets:   # unions of -dev and -train
        m = re.fullmatch(r"(.+)-(dev|train)", s)
        other = m and m.group(1) + ("-train" if m.group(2) == "dev" else "-dev")
        if m and other in sets and m.group(2) == "dev":
            out[m.group(1) + " (dev+train)"] = out[s] + out[other]
    return out


def main():
    evaluator, corpus, sets, inp, cv = sys.argv[1:6]
    groups = articles(corpus, sets.split())
    fmt = "%-30s %5s | %5s %5s %5s %7s | %5s %5s %5s %7s"
    print(fmt % ("set / language", "gold", "P", "R", "F1", "speaker", "P", "R", "F1", "speaker"))
    print(fmt % ("", "", "in-sample", "", "", "", "cross-validated", "", "", ""))
    for name, rows in groups.items():
        langs = collections.defaultdict(list)
        for d, n, lang in rows:
            langs[lang].append((d, n))
        lines = [(name, [(d, n) for d, n, _ in rows])]
        if len(langs) > 1:
            lines += [("  " + lang, langs[lang]) for lang in sorted(langs)]
        for label, golds in lines:
            a = score(evaluator, golds, inp)
            b = score(evaluator, golds, cv)
            print("%-30s %5d | %5.3f %5.3f %5.3f %7.3f | %5.3f %5.3f %5.3f %7.3f" %
                  (label, a[4], a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3]))


if __name__ == "__main__":
    main()
