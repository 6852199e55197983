#!/usr/bin/python3
"""Compare warta's time expressions with Debian's python3-dateparser on the
golden files (tests/golden/timex-*.tsv; the news files carry a language
per row and NONE rows, right when nothing is found).

For each row dateparser gets the expected expression text (an easier task
than warta's, which must find it in the sentence) with the row's reference
as RELATIVE_BASE and the language given; its answer counts as right when
its date (and time when the value has one) equals the golden value.
dateparser returns one datetime, so durations, sets, weeks, halves and
quarters are beyond it: its coverage is the share of rows it answers at all.
warta's answers come from `bench_time --golden FILE LANG`.

    apt-get install -y python3-dateparser
    /usr/bin/python3 bench/dateparser_compare.py BUILD_DIR/bench_time
"""
import os, subprocess, sys, time, datetime as dt, warnings
warnings.filterwarnings("ignore")
import dateparser

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.join(HERE, "..", "tests", "golden")


def rows(path):
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        if len(f) >= 5:
            yield f


def dp_value(text, ref, lang, want):
    base = dt.datetime.fromisoformat(ref if "T" in ref else ref + "T12:00")
    got = dateparser.parse(text, languages=[lang], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    if got is None:
        return None
    if len(want) == 4 and want.isdigit():
        return got.strftime("%Y")
    if len(want) == 7 and want[4] == "-" and want[5:].isdigit():
        return got.strftime("%Y-%m")
    if "T" in want and want[-3] == ":":
        return got.strftime("%Y-%m-%dT%H:%M")
    return got.strftime("%Y-%m-%d")


def main():
    bench = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "build", "bench_time")
    print(f"{'file':28} {'rows':>5} {'dateparser cov':>15} {'dp exact':>9} {'warta exact':>12}")
    w_time, d_time = [0.0, 0], [0.0, 0]
    for name, lang in (("timex-id", "id"), ("timex-en", "en"),
                       ("timex-id-holdout", "id"), ("timex-en-holdout", "en"),
                       ("timex-news", "-"), ("timex-news-holdout", "-")):
        path = os.path.join(GOLD, name + ".tsv")
        if not os.path.exists(path):
            continue
        R = list(rows(path))
        t0 = time.perf_counter()
        out = subprocess.run([bench, "--golden", path, lang], capture_output=True,
                             text=True, check=True).stdout.splitlines()
        w_time[0] += time.perf_counter() - t0
        w_time[1] += len(R)
        wv = [l.split("\t") for l in out]
        cov = dp_ok = w_ok = 0
        for k, f in enumerate(R):
            ref, _sent, expr, typ, val = f[:5]
            rl = f[5] if len(f) > 5 else lang
            if typ == "NONE":  # nothing may be found: dateparser on the text
                v = dp_value(expr, ref, rl, "0000-00-00")
                cov += 1
                dp_ok += v is None
                w_ok += k < len(wv) and wv[k][1] == "-"
                continue
            t0 = time.perf_counter()
            v = dp_value(expr, ref, rl, val)
            d_time[0] += time.perf_counter() - t0
            d_time[1] += 1
            cov += v is not None
            dp_ok += v == val
            w_ok += k < len(wv) and wv[k][1] == val and wv[k][2] == typ
        n = len(R)
        print(f"{name:28} {n:5d} {100*cov/n:14.1f}% {100*dp_ok/n:8.1f}% {100*w_ok/n:11.1f}%")
    # Speed in the same run.  warta's time includes starting bench_time and
    # loading its word lists once per file, and it scans whole sentences;
    # dateparser is handed only the expression.  Both favour dateparser.
    if w_time[1] and d_time[1]:
        wr, dr = w_time[1] / w_time[0], d_time[1] / d_time[0]
        print(f"speed: warta {wr:,.0f} sentences/s, dateparser {dr:,.0f} "
              f"expressions/s: warta {wr / dr:.0f}x")


if __name__ == "__main__":
    main()
