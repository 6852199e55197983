#!/usr/bin/env python3
"""extraction_f1.py - score extracted article bodies against ground truth
the way the article-extraction benchmark does: \\w+ tokens, shingles of 4
consecutive tokens (the whole text when shorter), multiset overlap per
page, precision and recall averaged over pages, F1 of the two averages.

  bench_clean DIR out.jsonl && bench/extraction_f1.py ground-truth.json out.jsonl [-v]
  bench/extraction_f1.py --run BENCH_DIR [--warta BUILD/bench_clean]
                         [--node-modules DIR]

out.jsonl holds one {"id": ..., "body": ...} per line (missing pages
count as empty extractions).

--run scores warta and its peers in the same run, on BENCH_DIR/html/*.gz
against BENCH_DIR/ground-truth.json, printing F1 and pages/s for each
(extraction only: reading and gunzip are outside the timed part):
  warta            bench_clean (default build/bench_clean)
  readability-lxml Debian python3-readability, run by /usr/bin/python3
  Readability.js   npm @mozilla/readability + linkedom from --node-modules
                   (default /tmp/rd/node_modules)
A peer that is not installed is skipped with a note."""
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

LXML_PEER = r"""
import glob, gzip, json, os, sys, time
from readability import Document
import lxml.html
pages = [(os.path.basename(f).split('.')[0], gzip.open(f).read())
         for f in sorted(glob.glob(os.path.join(sys.argv[1], '*.gz')))]
out, t = open(sys.argv[2], 'w'), 0.0
for pid, raw in pages:
    t0 = time.perf_counter()
    try:
        html = Document(raw).summary(html_partial=True)
        body = lxml.html.fromstring(html).text_content()
    except Exception:
        body = ''
    t += time.perf_counter() - t0
    out.write(json.dumps({'id': pid, 'body': body}) + '\n')
print(json.dumps({'pages': len(pages), 'seconds': t}))
"""

JS_PEER = r"""
const fs = require('fs'), path = require('path'), zlib = require('zlib');
const { Readability } = require('@mozilla/readability');
const { parseHTML } = require('linkedom');
const dir = process.argv[1], out = [];
const files = fs.readdirSync(dir).filter(f => f.endsWith('.gz')).sort();
const pages = files.map(f => [f.split('.')[0],
  zlib.gunzipSync(fs.readFileSync(path.join(dir, f))).toString('utf8')]);
let t = 0n;
for (const [id, html] of pages) {
  const t0 = process.hrtime.bigint();
  let body = '';
  try {
    const { document } = parseHTML(html);
    const a = new Readability(document).parse();
    body = a && a.textContent ? a.textContent : '';
  } catch (e) { body = ''; }
  t += process.hrtime.bigint() - t0;
  out.push(JSON.stringify({ id, body }));
}
fs.writeFileSync(process.argv[2], out.join('\n') + '\n');
console.log(JSON.stringify({ pages: pages.length, seconds: Number(t) / 1e9 }));
"""


def shingles(text, n=4):
    toks = re.findall(r"\w+", text.lower())
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def score(truth_path, out_path, verbose=False):
    """(F1, precision, recall, pages) of out_path against truth_path."""
    truth = json.load(open(truth_path))
    got = {}
    for line in open(out_path):
        if not line.strip():
            continue
        rec = json.loads(line)
        got[rec["id"]] = rec.get("body", "") or ""
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
    return F, P, R, len(ps)


def arg(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def run_all():
    bench = arg("--run", None)
    html, truth = os.path.join(bench, "html"), os.path.join(bench, "ground-truth.json")
    warta = arg("--warta", "build/bench_clean")
    nm = arg("--node-modules", "/tmp/rd/node_modules")
    tmp = tempfile.mkdtemp(prefix="xbench")
    rows = []
    out = os.path.join(tmp, "warta.jsonl")
    r = subprocess.run([warta, html, out], capture_output=True, text=True, check=True)
    m = re.search(r"pages (\d+).*seconds ([\d.]+).*peak RSS (\d+)", r.stdout)
    rows.append(("warta", out, int(m.group(1)) / float(m.group(2)),
                 f"peak RSS {m.group(3)} KiB"))
    out = os.path.join(tmp, "lxml.jsonl")
    r = subprocess.run(["/usr/bin/python3", "-c", LXML_PEER, html, out],
                       capture_output=True, text=True)
    if r.returncode == 0:
        j = json.loads(r.stdout.strip().splitlines()[-1])
        rows.append(("readability-lxml", out, j["pages"] / j["seconds"], ""))
    else:
        print("skipped readability-lxml (apt-get install python3-readability):",
              r.stderr.strip().splitlines()[-1:] or "")
    out = os.path.join(tmp, "readability-js.jsonl")
    env = dict(os.environ, NODE_PATH=nm)
    try:
        r = subprocess.run(["node", "-e", JS_PEER, html, out], env=env,
                           capture_output=True, text=True)
        ok = r.returncode == 0
    except FileNotFoundError:
        ok, r = False, None
    if ok:
        j = json.loads(r.stdout.strip().splitlines()[-1])
        rows.append(("Readability.js", out, j["pages"] / j["seconds"], ""))
    else:
        print("skipped Readability.js (npm install @mozilla/readability linkedom"
              f" into {os.path.dirname(nm)}):",
              (r.stderr.strip().splitlines()[-1:] if r else "node not found"))
    fastest_peer = max((pps for name, _, pps, _ in rows[1:]), default=0)
    for name, path, pps, note in rows:
        F, P, R, n = score(truth, path)
        print(f"{name:17s} pages {n}  F1 {F:.3f}  P {P:.3f}  R {R:.3f}  "
              f"pages/s {pps:8.1f}  {note}")
    if fastest_peer:
        print(f"warta speed / fastest peer: {rows[0][2] / fastest_peer:.1f}x")


def main():
    if "--run" in sys.argv:
        run_all()
        return
    F, P, R, n = score(sys.argv[1], sys.argv[2], "-v" in sys.argv)
    print(f"pages {n}  F1 {F:.3f}  precision {P:.3f}  recall {R:.3f}")


if __name__ == "__main__":
    main()
