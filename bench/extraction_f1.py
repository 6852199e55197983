#!/usr/bin/env python3
"""extraction_f1.py - score extracted article bodies against ground truth
the way the article-extraction benchmark does: \\w+ tokens, shingles of 4
consecutive tokens (the whole text when shorter), multiset overlap per
page, precision and recall averaged over pages, F1 of the two averages.

  bench_clean DIR out.jsonl && bench/extraction_f1.py ground-truth.json out.jsonl [-v]

out.jsonl holds one {"id": ..., "body": ...} per line (missing pages
count as empty extractions)."""
import json
import re
import sys
from collections import Counter


def shingles(text, n=4):
    toks = re.findall(r"\w+", text.lower())
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def main():
    truth = json.load(open(sys.argv[1]))
    got = {}
    for line in open(sys.argv[2]):
        rec = json.loads(line)
        got[rec["id"]] = rec.get("body", "")
    verbose = "-v" in sys.argv
    ps, rs = [], []
    for pid, t in truth.items():
        a, b = shingles(got.get(pid, "")), shingles(t["articleBody"])
        tp = sum((a & b).values())
        fp = sum(a.values()) - tp
        fn = sum(b.values()) - tp
        p = tp / (tp + fp) if tp + fp else (1.0 if not b else 0.0)
        r = tp / (tp + fn) if tp + fn else 1.0
        ps.append(p)
        rs.append(r)
        if verbose:
            print(f"{pid[:12]} P {p:.3f} R {r:.3f} {t['url'][:70]}")
    P, R = sum(ps) / len(ps), sum(rs) / len(rs)
    F = 2 * P * R / (P + R) if P + R else 0
    print(f"pages {len(ps)}  F1 {F:.3f}  precision {P:.3f}  recall {R:.3f}")


if __name__ == "__main__":
    main()
