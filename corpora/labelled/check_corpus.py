#!/usr/bin/env python3
"""Validate corpora/labelled/{corpus,dev_b…dev_y,holdout}.jsonl and print the counts table.

Stdlib only.  Usage:  python corpora/labelled/check_corpus.py [--quiet]
Exit status 0 = all checks pass, 1 = at least one error.
"""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = {"dev": os.path.join(HERE, "corpus.jsonl"),
         "dev_b": os.path.join(HERE, "dev_b.jsonl"),      # first held-out set, now released
         "dev_c": os.path.join(HERE, "dev_c.jsonl"),      # second held-out set, now released
         "dev_d": os.path.join(HERE, "dev_d.jsonl"),      # third held-out set, now released
         "dev_e": os.path.join(HERE, "dev_e.jsonl"),      # fourth held-out set, now released
         "dev_f": os.path.join(HERE, "dev_f.jsonl"),      # fifth held-out set, now released
         "dev_g": os.path.join(HERE, "dev_g.jsonl"),      # sixth held-out set, now released
         "dev_h": os.path.join(HERE, "dev_h.jsonl"),      # seventh held-out set, now released
         "dev_i": os.path.join(HERE, "dev_i.jsonl"),      # eighth held-out set, now released
         "dev_j": os.path.join(HERE, "dev_j.jsonl"),      # ninth held-out set, now released
         "dev_k": os.path.join(HERE, "dev_k.jsonl"),      # tenth held-out set, now released
         "dev_l": os.path.join(HERE, "dev_l.jsonl"),      # eleventh held-out set, now released
         "dev_m": os.path.join(HERE, "dev_m.jsonl"),      # twelfth held-out set, now released
         "dev_n": os.path.join(HERE, "dev_n.jsonl"),      # thirteenth held-out set, now released
         "dev_o": os.path.join(HERE, "dev_o.jsonl"),      # fourteenth held-out set, now released
         "dev_p": os.path.join(HERE, "dev_p.jsonl"),      # fifteenth held-out set, now released
         "dev_q": os.path.join(HERE, "dev_q.jsonl"),      # sixteenth held-out set, now released
         "dev_r": os.path.join(HERE, "dev_r.jsonl"),      # seventeenth held-out set, now released
         "dev_s": os.path.join(HERE, "dev_s.jsonl"),      # eighteenth held-out set, now released
         "dev_t": os.path.join(HERE, "dev_t.jsonl"),      # nineteenth held-out set, now released
         "dev_u": os.path.join(HERE, "dev_u.jsonl"),      # twentieth held-out set, now released
         "dev_v": os.path.join(HERE, "dev_v.jsonl"),      # twenty-first held-out set, now released
         "dev_w": os.path.join(HERE, "dev_w.jsonl"),      # twenty-second held-out set, now released
         "dev_x": os.path.join(HERE, "dev_x.jsonl"),      # twenty-third held-out set, now released
         "dev_y": os.path.join(HERE, "dev_y.jsonl"),      # twenty-fourth held-out set, now released
         "holdout": os.path.join(HERE, "holdout.jsonl")}  # current held-out set

CATEGORIES = ["threat", "insult", "third_party", "privacy", "impersonation",
              "false_consequence", "harassment", "unlawful_debt", "respect"]
TAGS = ["asr", "traditional", "evasion", "guidance", "negation", "idiom",
        "lawful_consequence", "third_party_ok", "sms", "seed"]
COMPLIANT_ONLY_TAGS = {"lawful_consequence", "third_party_ok", "idiom"}
KEYS = {"id", "text", "label", "categories", "tags", "provenance"}
LABELS = {"violating", "compliant"}

PROV_RE = re.compile(r"^(team|qa_systems\.md|seed:[0-9]{3}_[0-9a-f]{16}\.txt|"
                     r"regulations\.md CN-[A-Z0-9]+-[0-9]+ \(illustrative\))$")
ID_RE = {"dev": re.compile(r"^(?!h-)[a-z]+-[0-9]{4}$"),
         "dev_b": re.compile(r"^h-[a-z]+-[0-9]{4}$"),
         "dev_c": re.compile(r"^h2-[a-z]+-[0-9]{4}$"),
         "dev_d": re.compile(r"^h3-[a-z]+-[0-9]{4}$"),
         "dev_e": re.compile(r"^h4-[a-z]+-[0-9]{4}$"),
         "dev_f": re.compile(r"^h5-[a-z]+-[0-9]{4}$"),
         "dev_g": re.compile(r"^h6-[a-z]+-[0-9]{4}$"),
         "dev_h": re.compile(r"^h7-[a-z]+-[0-9]{4}$"),
         "dev_i": re.compile(r"^h8-[a-z]+-[0-9]{4}$"),
         "dev_j": re.compile(r"^h9-[a-z]+-[0-9]{4}$"),
         "dev_k": re.compile(r"^h10-[a-z]+-[0-9]{4}$"),
         "dev_l": re.compile(r"^h11-[a-z]+-[0-9]{4}$"),
         "dev_m": re.compile(r"^h12-[a-z]+-[0-9]{4}$"),
         "dev_n": re.compile(r"^h13-[a-z]+-[0-9]{4}$"),
         "dev_o": re.compile(r"^h14-[a-z]+-[0-9]{4}$"),
         "dev_p": re.compile(r"^h15-[a-z]+-[0-9]{4}$"),
         "dev_q": re.compile(r"^h16-[a-z]+-[0-9]{4}$"),
         "dev_r": re.compile(r"^h17-[a-z]+-[0-9]{4}$"),
         "dev_s": re.compile(r"^h18-[a-z]+-[0-9]{4}$"),
         "dev_t": re.compile(r"^h19-[a-z]+-[0-9]{4}$"),
         "dev_u": re.compile(r"^h20-[a-z]+-[0-9]{4}$"),
         "dev_v": re.compile(r"^h21-[a-z]+-[0-9]{4}$"),
         "dev_w": re.compile(r"^h22-[a-z]+-[0-9]{4}$"),
         "dev_x": re.compile(r"^h23-[a-z]+-[0-9]{4}$"),
         "dev_y": re.compile(r"^h24-[a-z]+-[0-9]{4}$"),
         "holdout": re.compile(r"^h25-[a-z]+-[0-9]{4}$")}
SENT_PUNCT = re.compile(r"[，。？！；,?!;]")
NORM_RE = re.compile(r"[\s\u200b\u200c\u200d\ufeff，。、；：？！,.;:?!“”\"‘’'（）()【】《》「」『』~…—\-]+")

# minimums: hard requirements from the corpus brief
MIN = {
    "dev": {"per_category": 60, "compliant": 420, "total": 950, "asr_frac": 0.10,
            "trad_frac": 0.05, "evasion": 40, "comp_guidance_or_negation": 80,
            "comp_idiom": 40, "comp_lawful_consequence": 40, "comp_third_party_ok": 20},
    "dev_b": {"per_category": 15, "compliant": 110, "total": 0, "asr_frac": 0.10,
              "trad_frac": 0.05, "evasion": 10, "comp_guidance_or_negation": 20,
              "comp_idiom": 10, "comp_lawful_consequence": 10, "comp_third_party_ok": 5},
    "dev_c": {"per_category": 15, "compliant": 110, "total": 420, "asr_frac": 0.10,
              "trad_frac": 0.05, "evasion": 20, "comp_guidance_or_negation": 20,
              "comp_idiom": 10, "comp_lawful_consequence": 10, "comp_third_party_ok": 5},
    "dev_d": {"per_category": 20, "compliant": 150, "total": 330, "asr_frac": 0.10,
              "trad_frac": 0.05, "evasion": 15, "comp_guidance_or_negation": 20,
              "comp_idiom": 10, "comp_lawful_consequence": 10, "comp_third_party_ok": 5},
    "dev_e": {"per_category": 22, "compliant": 190, "total": 400, "asr_frac": 0.10,
              "trad_frac": 0.05, "evasion": 20, "comp_guidance_or_negation": 20,
              "comp_idiom": 10, "comp_lawful_consequence": 10, "comp_third_party_ok": 5},
    "dev_g": {"per_category": 22, "compliant": 190, "total": 400, "asr_frac": 0.10,
              "trad_frac": 0.05, "evasion": 20, "comp_guidance_or_negation": 20,
              "comp_idiom": 10, "comp_lawful_consequence": 10, "comp_third_party_ok": 5},
    "dev_f": {"per_category": 22, "compliant": 190, "total": 400, "asr_frac": 0.10,
              "trad_frac": 0.05, "evasion": 20, "comp_guidance_or_negation": 20,
              "comp_idiom": 10, "comp_lawful_consequence": 10, "comp_third_party_ok": 5},
    "dev_h": {"per_category": 22, "compliant": 190, "total": 400, "asr_frac": 0.10,
              "trad_frac": 0.05, "evasion": 20, "comp_guidance_or_negation": 20,
              "comp_idiom": 10, "comp_lawful_consequence": 10, "comp_third_party_ok": 5},
    "dev_i": {"per_category": 22, "compliant": 190, "total": 400, "asr_frac": 0.10,
              "trad_frac": 0.05, "evasion": 20, "comp_guidance_or_negation": 20,
              "comp_idiom": 10, "comp_lawful_consequence": 10, "comp_third_party_ok": 5},
    "dev_j": {"per_category": 22, "compliant": 190, "total": 400, "asr_frac": 0.10,
              "trad_frac": 0.05, "evasion": 20, "comp_guidance_or_negation": 20,
              "comp_idiom": 10, "comp_lawful_consequence": 10, "comp_third_party_ok": 5},
    "dev_k": {"per_category": 22, "compliant": 190, "total": 400, "asr_frac": 0.10,
              "trad_frac": 0.05, "evasion": 20, "comp_guidance_or_negation": 20,
              "comp_idiom": 10, "comp_lawful_consequence": 10, "comp_third_party_ok": 5},
    "dev_l": {"per_category": 22, "compliant": 190, "total": 400, "asr_frac": 0.10,
              "trad_frac": 0.05, "evasion": 20, "comp_guidance_or_negation": 20,
              "comp_idiom": 10, "comp_lawful_consequence": 10, "comp_third_party_ok": 5},
    "dev_m": {"per_category": 22, "compliant": 190, "total": 400, "asr_frac": 0.10,
                "trad_frac": 0.05, "evasion": 20, "comp_guidance_or_negation": 20,
                "comp_idiom": 10, "comp_lawful_consequence": 10, "comp_third_party_ok": 5},
    "dev_n": {"per_category": 22, "compliant": 190, "total": 400, "asr_frac": 0.10,
                "trad_frac": 0.05, "evasion": 20, "comp_guidance_or_negation": 20,
                "comp_idiom": 10, "comp_lawful_consequence": 10, "comp_third_party_ok": 5},
    "dev_o": {"per_category": 22, "compliant": 190, "total": 400, "asr_frac": 0.10,
                "trad_frac": 0.05, "evasion": 20, "comp_guidance_or_negation": 20,
                "comp_idiom": 10, "comp_lawful_consequence": 10, "comp_third_party_ok": 5},
    "dev_p": {"per_category": 22, "compliant": 190, "total": 400, "asr_frac": 0.10,
                "trad_frac": 0.05, "evasion": 20, "comp_guidance_or_negation": 20,
                "comp_idiom": 10, "comp_lawful_consequence": 10, "comp_third_party_ok": 5},
    "dev_q": {"per_category": 22, "compliant": 190, "total": 400, "asr_frac": 0.10,
                "trad_frac": 0.05, "evasion": 20, "comp_guidance_or_negation": 20,
                "comp_idiom": 10, "comp_lawful_consequence": 10, "comp_third_party_ok": 5},
    "dev_r": {"per_category": 22, "compliant": 190, "total": 400, "asr_frac": 0.10,
                "trad_frac": 0.05, "evasion": 20, "comp_guidance_or_negation": 20,
                "comp_idiom": 10, "comp_lawful_consequence": 10, "comp_third_party_ok": 5},
    "dev_s": {"per_category": 22, "compliant": 190, "total": 400, "asr_frac": 0.10,
                "trad_frac": 0.05, "evasion": 20, "comp_guidance_or_negation": 20,
                "comp_idiom": 10, "comp_lawful_consequence": 10, "comp_third_party_ok": 5},
    "dev_t": {"per_category": 22, "compliant": 190, "total": 400, "asr_frac": 0.10,
                "trad_frac": 0.05, "evasion": 20, "comp_guidance_or_negation": 20,
                "comp_idiom": 10, "comp_lawful_consequence": 10, "comp_third_party_ok": 5},
    "dev_u": {"per_category": 22, "compliant": 190, "total": 400, "asr_frac": 0.10,
                "trad_frac": 0.05, "evasion": 20, "comp_guidance_or_negation": 20,
                "comp_idiom": 10, "comp_lawful_consequence": 10, "comp_third_party_ok": 5},
    "dev_v": {"per_category": 22, "compliant": 190, "total": 400, "asr_frac": 0.10,
                "trad_frac": 0.05, "evasion": 20, "comp_guidance_or_negation": 20,
                "comp_idiom": 10, "comp_lawful_consequence": 10, "comp_third_party_ok": 5},
    "dev_w": {"per_category": 22, "compliant": 190, "total": 400, "asr_frac": 0.10,
                "trad_frac": 0.05, "evasion": 20, "comp_guidance_or_negation": 20,
                "comp_idiom": 10, "comp_lawful_consequence": 10, "comp_third_party_ok": 5},
    "dev_x": {"per_category": 22, "compliant": 190, "total": 400, "asr_frac": 0.10,
                "trad_frac": 0.05, "evasion": 20, "comp_guidance_or_negation": 20,
                "comp_idiom": 10, "comp_lawful_consequence": 10, "comp_third_party_ok": 5},
    "dev_y": {"per_category": 22, "compliant": 190, "total": 400, "asr_frac": 0.10,
                "trad_frac": 0.05, "evasion": 20, "comp_guidance_or_negation": 20,
                "comp_idiom": 10, "comp_lawful_consequence": 10, "comp_third_party_ok": 5},
    "holdout": {"per_category": 22, "compliant": 190, "total": 400, "asr_frac": 0.10,
                "trad_frac": 0.05, "evasion": 20, "comp_guidance_or_negation": 20,
                "comp_idiom": 10, "comp_lawful_consequence": 10, "comp_third_party_ok": 5},
}
MAX_SEED_LINES = 45  # "no more than ~40 seed lines in total"
DEV_B_RATIO = (0.10, 0.35)  # dev_b size relative to dev; the dev set grows as rule writers add lines, dev_b does not
# A held-out line must not paraphrase a line the rule writers have seen: maximum
# character-bigram Jaccard similarity between a holdout line and any line of a dev file.
MAX_HOLDOUT_SIMILARITY = 0.40
# every file the rule writers may read
DEV_FILES = ("dev", "dev_b", "dev_c", "dev_d", "dev_e", "dev_f", "dev_g", "dev_h", "dev_i", "dev_j", "dev_k", "dev_l",
             "dev_m", "dev_n", "dev_o", "dev_p", "dev_q", "dev_r", "dev_s", "dev_t", "dev_u", "dev_v", "dev_w", "dev_x",
             "dev_y")

ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_checksum_ok(s):
    return "10X98765432"[sum(int(c) * w for c, w in zip(s[:17], ID_WEIGHTS, strict=True)) % 11] == s[17].upper()


def luhn_ok(s):
    total = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


RAW_ID = re.compile(r"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])")
RAW_CARD = re.compile(r"(?<![0-9])6[0-9]{15,18}(?![0-9])")
RAW_MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")


def raw_personal_numbers(text):
    found = []
    for m in RAW_ID.finditer(text):
        if id_checksum_ok(m.group()):
            found.append(("id", m.group()))
    for m in RAW_CARD.finditer(text):
        if luhn_ok(m.group()):
            found.append(("card", m.group()))
    for m in RAW_MOBILE.finditer(text):
        found.append(("mobile", m.group()))
    return found


def load(name, path, errors):
    recs = []
    if not os.path.exists(path):
        errors.append(f"{name}: missing file {path}")
        return recs
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            where = f"{name}:{n}"
            if not line.strip():
                errors.append(f"{where}: blank line")
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: bad JSON ({e})")
                continue
            if not isinstance(r, dict) or set(r) != KEYS:
                errors.append(f"{where}: keys must be exactly {sorted(KEYS)}")
                continue
            r["_where"] = where
            recs.append(r)
    return recs


def validate_record(name, r, errors):
    w = r["_where"]
    rid, text, label = r["id"], r["text"], r["label"]
    cats, tags, prov = r["categories"], r["tags"], r["provenance"]
    if not isinstance(rid, str) or not ID_RE[name].match(rid):
        errors.append(f"{w}: bad id {rid!r}")
    if not isinstance(text, str) or not text.strip() or text != text.strip():
        errors.append(f"{w}: text empty or has surrounding whitespace")
        return
    if label not in LABELS:
        errors.append(f"{w}: bad label {label!r}")
    if not isinstance(cats, list) or not isinstance(tags, list):
        errors.append(f"{w}: categories/tags must be lists")
        return
    if len(set(cats)) != len(cats) or any(c not in CATEGORIES for c in cats):
        errors.append(f"{w}: bad/duplicate categories {cats}")
    if len(set(tags)) != len(tags) or any(t not in TAGS for t in tags):
        errors.append(f"{w}: bad/duplicate tags {tags}")
    if label == "violating" and not cats:
        errors.append(f"{w}: violating line without categories")
    if label == "compliant" and cats:
        errors.append(f"{w}: compliant line must have categories []")
    if label == "violating" and COMPLIANT_ONLY_TAGS & set(tags):
        errors.append(f"{w}: tags {sorted(COMPLIANT_ONLY_TAGS & set(tags))} are for compliant lines only")
    if not isinstance(prov, str) or not PROV_RE.match(prov):
        errors.append(f"{w}: bad provenance {prov!r}")
    elif prov.startswith("seed:"):
        if "seed" not in tags:
            errors.append(f"{w}: seed provenance but no 'seed' tag")
    elif "seed" in tags:
        errors.append(f"{w}: 'seed' tag without seed provenance")
    if "asr" in tags and SENT_PUNCT.search(text):
        errors.append(f"{w}: asr line contains sentence punctuation")
    for kind, num in raw_personal_numbers(text):
        if "privacy" not in cats:
            errors.append(f"{w}: raw {kind} number {num} in a line not labelled privacy")


def counts(recs):
    c = {"n": len(recs), "violating": 0, "compliant": 0, "cat": Counter(),
         "tag": Counter(), "tag_comp": Counter(), "tag_viol": Counter(), "gn": 0,
         "multi": 0}
    for r in recs:
        c[r["label"]] += 1
        for cat in r["categories"]:
            c["cat"][cat] += 1
        if len(r["categories"]) > 1:
            c["multi"] += 1
        for t in r["tags"]:
            c["tag"][t] += 1
            c["tag_comp" if r["label"] == "compliant" else "tag_viol"][t] += 1
        if r["label"] == "compliant" and {"guidance", "negation"} & set(r["tags"]):
            c["gn"] += 1
    return c


def check_minimums(name, c, errors):
    m = MIN[name]
    for cat in CATEGORIES:
        if c["cat"][cat] < m["per_category"]:
            errors.append(f"{name}: category {cat} has {c['cat'][cat]} < {m['per_category']}")
    if c["compliant"] < m["compliant"]:
        errors.append(f"{name}: compliant {c['compliant']} < {m['compliant']}")
    if c["n"] < m["total"]:
        errors.append(f"{name}: total {c['n']} < {m['total']}")
    if c["n"] and c["tag"]["asr"] / c["n"] < m["asr_frac"]:
        errors.append(f"{name}: asr share {c['tag']['asr'] / c['n']:.1%} < {m['asr_frac']:.0%}")
    if c["n"] and c["tag"]["traditional"] / c["n"] < m["trad_frac"]:
        errors.append(f"{name}: traditional share {c['tag']['traditional'] / c['n']:.1%} < {m['trad_frac']:.0%}")
    if c["tag"]["evasion"] < m["evasion"]:
        errors.append(f"{name}: evasion {c['tag']['evasion']} < {m['evasion']}")
    if c["gn"] < m["comp_guidance_or_negation"]:
        errors.append(f"{name}: compliant guidance/negation {c['gn']} < {m['comp_guidance_or_negation']}")
    for tag in ("idiom", "lawful_consequence", "third_party_ok"):
        if c["tag_comp"][tag] < m["comp_" + tag]:
            errors.append(f"{name}: compliant {tag} {c['tag_comp'][tag]} < {m['comp_' + tag]}")


def print_table(stats):
    names = list(stats)
    line = "-" * (34 + 22 * len(names))
    print(line)
    print(f"{'':34}" + "".join(f"{n:>22}" for n in names))
    print(line)
    for key in ("n", "violating", "compliant", "multi"):
        label = {"n": "lines", "multi": "violating, >1 category"}.get(key, key)
        print(f"{label:34}" + "".join(f"{stats[n][key]:>22}" for n in names))
    print(line)
    print("category (violating lines incl. it)")
    for cat in CATEGORIES:
        print(f"  {cat:32}" + "".join(f"{stats[n]['cat'][cat]:>22}" for n in names))
    print(line)
    print("tag: total (violating / compliant)")
    for t in TAGS:
        cells = []
        for n in names:
            s = stats[n]
            pct = f" {100 * s['tag'][t] / s['n']:.1f}%" if t in ("asr", "traditional") and s["n"] else ""
            cells.append(f"{s['tag'][t]} ({s['tag_viol'][t]}/{s['tag_comp'][t]}){pct}")
        print(f"  {t:32}" + "".join(f"{x:>22}" for x in cells))
    print(f"  {'compliant guidance|negation':32}" + "".join(f"{stats[n]['gn']:>22}" for n in names))
    print(line)


def bigrams(text):
    t = NORM_RE.sub("", text).lower()
    return {t[i:i + 2] for i in range(len(t) - 1)}


def check_holdout_similarity(data, errors):
    """Return the highest bigram Jaccard between a holdout line and a line of any dev file."""
    seen = [bigrams(r["text"]) for name in DEV_FILES for r in data[name]
            if isinstance(r["text"], str)]
    top = 0.0
    for r in data["holdout"]:
        if not isinstance(r["text"], str):
            continue
        b = bigrams(r["text"])
        best = max((len(b & s) / len(b | s) for s in seen if b and s), default=0.0)
        top = max(top, best)
        if best > MAX_HOLDOUT_SIMILARITY:
            errors.append(f"{r['_where']}: too similar to a dev file line (bigram Jaccard {best:.2f})")
    return top


def main():
    quiet = "--quiet" in sys.argv
    errors = []
    # Between rounds the last held-out set has been released as a dev set and its successor is still
    # being written: the file is absent, and only then are its checks skipped (loudly).
    between_rounds = not os.path.exists(FILES["holdout"])
    if between_rounds:
        print("NOTE: no current held-out set (holdout.jsonl absent: released, successor not yet written)")
    data = {name: [] if name == "holdout" and between_rounds else load(name, path, errors)
            for name, path in FILES.items()}
    for name, recs in data.items():
        for r in recs:
            validate_record(name, r, errors)
    # uniqueness across all files
    seen_id, seen_text = {}, {}
    for recs in data.values():
        for r in recs:
            if r["id"] in seen_id:
                errors.append(f"{r['_where']}: duplicate id {r['id']} (first at {seen_id[r['id']]})")
            seen_id.setdefault(r["id"], r["_where"])
            if isinstance(r["text"], str):
                key = NORM_RE.sub("", r["text"]).lower()
                if key in seen_text:
                    errors.append(f"{r['_where']}: duplicate text (first at {seen_text[key]})")
                seen_text.setdefault(key, r["_where"])
    stats = {name: counts(recs) for name, recs in data.items()}
    for name in data:
        if not (name == "holdout" and between_rounds):
            check_minimums(name, stats[name], errors)
    seed_total = sum(s["tag"]["seed"] for s in stats.values())
    if seed_total > MAX_SEED_LINES:
        errors.append(f"too many seed lines: {seed_total} > {MAX_SEED_LINES}")
    if stats["dev"]["n"]:
        ratio = stats["dev_b"]["n"] / stats["dev"]["n"]
        if not DEV_B_RATIO[0] <= ratio <= DEV_B_RATIO[1]:
            errors.append(f"dev_b/dev size ratio {ratio:.2f} outside {DEV_B_RATIO}")
    for name in (*DEV_FILES[1:], "holdout"):
        if any(r["provenance"] != "team" for r in data[name]):
            errors.append(f"{name}: held-out sets must contain only provenance 'team'")
    top_sim = check_holdout_similarity(data, errors)
    if not quiet:
        print_table(stats)
        if stats["dev"]["n"]:
            print(f"dev_b/dev size ratio: {stats['dev_b']['n'] / stats['dev']['n']:.2f}; "
                  f"seed lines (all files): {seed_total}; "
                  f"max holdout-to-dev-files bigram Jaccard: {top_sim:.2f}")
    if errors:
        print(f"\nFAIL: {len(errors)} error(s)")
        for e in errors[:200]:
            print("  " + e)
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
