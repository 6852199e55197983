#!/usr/bin/env python3
"""gazetteer_check.py - validate the entity finder's gazetteer data.

Checks data/extract/gazetteer/*.tsv (entities: id, type, name, aliases,
tags), data/extract/gazetteer/demonyms.tsv (demonym, country id) and
data/extract/roles.tsv (role phrase, holder id, from, to).

Lines are read the way wt_data_lines() reads them: '#' lines and blank
lines skipped, trailing whitespace (including TABs) removed.  So an entity
line must keep five non-empty-ended fields (tags may not be empty), and a
role line whose holder is incumbent has three fields after trimming.

Errors (exit status 1): wrong column count, unknown type or tag, malformed
or duplicate id, tag or role referring to an unknown id, bad date, empty
name, stray whitespace, short all-caps alias without the casesensitive tag.
Warnings (printed, exit 0): the same alias on two different entities
(a few are legitimate, e.g. "Georgia"), alias repeated inside one line.

Usage: scripts/gazetteer_check.py [DATA_DIR]   (default: data/ next to
this script's parent).  --quiet prints only the summary and errors.
"""
import collections
import os
import re
import sys

TYPES = {"person", "org", "place", "misc"}
PLAIN_TAGS = {
    "country", "capital", "city", "province", "regency", "region",
    "continent", "io", "agency", "broadcaster", "outlet", "party",
    "ministry", "government", "military", "company", "head-of-state",
    "head-of-government", "minister", "leader", "casesensitive",
}
REF_TAGS = {"in", "capital-of", "metonym", "demonym"}
ID_RE = re.compile(r"^(Q[1-9][0-9]*|x:[a-z0-9]+(-[a-z0-9]+)*)$")
DATE_RE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")


def read_lines(path):
    """Yield (lineno, fields) the way wt_data_lines + wt_split_tabs see them."""
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\r\n \t")
            if not line or line.startswith("#"):
                continue
            yield n, line.split("\t")


def is_short_caps(alias):
    letters = [c for c in alias if c.isalpha()]
    return 0 < len(letters) <= 3 and all(c.isupper() for c in letters)


def main(argv):
    quiet = "--quiet" in argv
    args = [a for a in argv[1:] if not a.startswith("--")]
    root = args[0] if args else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "data")
    gdir = os.path.join(root, "extract", "gazetteer")
    errors, warnings = [], []
    ents = {}            # id -> (file, line, type, name, tags)
    refs = []            # (file, line, tag, id)
    aliases = collections.defaultdict(set)   # folded alias -> ids
    by_file = collections.Counter()
    by_type = collections.Counter()
    by_file_type = collections.Counter()

    files = sorted(f for f in os.listdir(gdir) if f.endswith(".tsv"))
    for fn in files:
        if fn == "demonyms.tsv":
            continue
        path = os.path.join(gdir, fn)
        for n, f in read_lines(path):
            where = "%s:%d" % (fn, n)
            if len(f) != 5:
                errors.append("%s: %d fields, want 5 (tags may not be empty)"
                              % (where, len(f)))
                continue
            eid, typ, name, al, tags = f
            for col in f:
                if col != col.strip():
                    errors.append("%s: stray whitespace in %r" % (where, col))
            if not ID_RE.match(eid):
                errors.append("%s: bad id %r" % (where, eid))
            if eid in ents:
                errors.append("%s: duplicate id %s (first at %s:%d)"
                              % (where, eid, ents[eid][0], ents[eid][1]))
                continue
            if typ not in TYPES:
                errors.append("%s: bad type %r" % (where, typ))
            if not name:
                errors.append("%s: empty name" % where)
            taglist = tags.split(",")
            for t in taglist:
                if t in PLAIN_TAGS:
                    continue
                k, _, v = t.partition(":")
                if k in REF_TAGS and v:
                    if k != "demonym":
                        refs.append((where, t, v))
                    continue
                errors.append("%s: unknown tag %r" % (where, t))
            cs = "casesensitive" in taglist
            names = [name] + ([a for a in al.split("|")] if al else [])
            seen = set()
            for a in names:
                if not a or a != a.strip():
                    errors.append("%s: empty or padded alias in %r"
                                  % (where, al))
                    continue
                if is_short_caps(a) and not cs:
                    errors.append("%s: short all-caps alias %r needs "
                                  "casesensitive" % (where, a))
                if a.casefold() in seen:
                    warnings.append("%s: alias %r repeated" % (where, a))
                seen.add(a.casefold())
                aliases[a.casefold()].add((eid, a, cs))
            ents[eid] = (fn, n, typ, name, taglist)
            by_file[fn] += 1
            by_type[typ] += 1
            by_file_type[(fn, typ)] += 1

    for where, tag, v in refs:
        if v not in ents:
            errors.append("%s: tag %s refers to unknown id" % (where, tag))

    # Demonyms.
    dpath = os.path.join(gdir, "demonyms.tsv")
    n_dem = 0
    dem_seen = {}
    if os.path.exists(dpath):
        for n, f in read_lines(dpath):
            where = "demonyms.tsv:%d" % n
            if len(f) != 2:
                errors.append("%s: %d fields, want 2" % (where, len(f)))
                continue
            d, cid = f
            if cid not in ents:
                errors.append("%s: unknown id %s" % (where, cid))
            if d.casefold() in dem_seen and dem_seen[d.casefold()] != cid:
                warnings.append("%s: demonym %r also maps to %s"
                                % (where, d, dem_seen[d.casefold()]))
            dem_seen[d.casefold()] = cid
            n_dem += 1

    # Roles.
    rpath = os.path.join(root, "extract", "roles.tsv")
    n_roles = 0
    phrases = set()
    if os.path.exists(rpath):
        for n, f in read_lines(rpath):
            where = "roles.tsv:%d" % n
            if len(f) not in (3, 4):
                errors.append("%s: %d fields, want 3 or 4" % (where, len(f)))
                continue
            phrase, hid, frm = f[0], f[1], f[2]
            to = f[3] if len(f) == 4 else ""
            if not phrase:
                errors.append("%s: empty role phrase" % where)
            if hid not in ents:
                errors.append("%s: unknown holder %s" % (where, hid))
            elif ents[hid][2] != "person":
                errors.append("%s: holder %s is not a person" % (where, hid))
            if not DATE_RE.match(frm):
                errors.append("%s: bad from date %r" % (where, frm))
            if to and not DATE_RE.match(to):
                errors.append("%s: bad to date %r" % (where, to))
            if to and frm > to:
                errors.append("%s: from %s after to %s" % (where, frm, to))
            phrases.add(phrase.casefold())
            n_roles += 1
    else:
        errors.append("missing %s" % rpath)

    # Alias collisions between different entities.
    coll = []
    for key, s in sorted(aliases.items()):
        ids = {e for e, _, _ in s}
        if len(ids) < 2:
            continue
        # Two case-sensitive aliases with different exact forms do not
        # collide ("AS" vs "as"); anything else that folds equal does.
        lst = sorted(s)
        clash = any(x[0] != y[0] and (not (x[2] and y[2]) or x[1] == y[1])
                    for i, x in enumerate(lst) for y in lst[i + 1:])
        if clash:
            coll.append("%r: %s" % (key, ", ".join(
                "%s (%s)" % (e, ents[e][3]) for e in sorted(ids))))
    for c in coll:
        warnings.append("alias collision " + c)

    if not quiet:
        for w in warnings:
            print("warning:", w)
    for e in errors:
        print("error:", e)

    print("== gazetteer summary ==")
    for fn in files:
        if fn == "demonyms.tsv":
            continue
        parts = ", ".join("%s %d" % (t, by_file_type[(fn, t)])
                          for t in sorted(TYPES) if by_file_type[(fn, t)])
        print("%-16s %5d  (%s)" % (fn, by_file[fn], parts))
    print("%-16s %5d" % ("entities", sum(by_file.values())))
    print("by type: " + ", ".join("%s %d" % (t, by_type[t])
                                  for t in sorted(TYPES)))
    print("Q-ids %d, slugs %d" % (
        sum(1 for e in ents if e.startswith("Q")),
        sum(1 for e in ents if e.startswith("x:"))))
    print("aliases (distinct, folded) %d" % len(aliases))
    print("demonyms %d, roles %d (distinct phrases %d)" % (
        n_dem, n_roles, len(phrases)))
    print("alias collisions %d, warnings %d, errors %d" % (
        len(coll), len(warnings), len(errors)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
