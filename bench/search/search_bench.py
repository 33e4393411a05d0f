#!/usr/bin/env python3
"""Helpers of search_load.sh (bench/README.md, "Job search").

  export DATA_DIR EVENTS.ndjson OUT.csv   postings of the event dump as CSV for PostgreSQL's COPY
  queries OUT_DIR                         candidate queries: kw_prov.tsv, kw_only.tsv, pairs.tsv
  keep URL IN.tsv OUT.tsv PATHS           keep the queries istihdam answers with 200 (at most 1000
                                          results); write their request targets for wrk
  pct LOG...                              p50/p99 (ms) and count of pgbench -l transaction logs
  pairs URL PSQL... < pairs.tsv           each query's total in istihdam and in PostgreSQL
"""
import csv
import json
import statistics
import subprocess
import sys
import urllib.parse
import urllib.request

# One word per demo occupation that names only it (bench: keyword + province), some inflected or
# typed without Turkish letters, as people type them.
KEYWORDS = [
    "garson", "öğretmenler", "aşçı", "kaynakçı", "hemşire", "kasiyer", "forklift", "cnc", "dikiş",
    "resepsiyonist", "kuaför", "fırıncı", "kasap", "boyacı", "tesisatçı", "kurye", "eczacı", "vinç",
    "bulaşıkçı", "paketleme", "grafik", "muhasebe", "elektrik", "depo", "temizlik", "kasiyerler",
    "garsonlar", "hemsire", "asci", "muhendisleri", "şoförü", "çağrı", "büro", "bilgisayar", "oto",
]
# Mid-size provinces: keyword + province stays within 1000 results at 300k postings.
PROVINCES = ["06", "35", "16", "07", "42", "01"]
# Two words of free text: a job and a place named in the description.
PLACES = ["ankara", "izmir", "bursa", "antalya", "konya", "adana", "İzmir'de", "ankarada", "kadıköy", "çankaya"]
# Query | province | the form the demo postings contain.
PAIRS = [
    ("öğretmenler", "76", "Öğretmen"), ("ogretmen", "76", "Öğretmen"), ("öğretmenlik", "76", "Öğretmen"),
    ("muhendisleri", "76", "Mühendisi"), ("mühendisler", "76", "Mühendisi"), ("yazilim", "76", "Yazılım"),
    ("kaynakçılar", "76", "Kaynakçı"), ("KAYNAKCI", "76", "Kaynakçı"), ("şoförler", "76", "Şoförü"),
    ("sofor", "76", "Şoför"), ("aşçılar", "76", "Aşçı"), ("asci", "76", "Aşçı"), ("garsonlar", "76", "Garson"),
    ("hemşireler", "76", "Hemşire"), ("hemsire", "76", "Hemşire"), ("eczacılar", "76", "Eczacı"),
    ("kasiyerlik", "76", "Kasiyer"), ("garson ığdır", "76", "Garson … Iğdır"),
    ("garson IĞDIR", "76", "Garson … Iğdır"), ("garson İzmir'de", "35", "Garson … İzmir"),
    ("garson izmirde", "35", "Garson … İzmir"), ("çağrı merkezi", "76", "Çağrı Merkezi"),
    ("cagri merkezi", "76", "Çağrı Merkezi"), ("elektrikçi", "76", "Elektrik"), ("tesisatçılar", "76", "Tesisatçı"),
]


def load_names(data_dir):
    names = {}
    with open(f"{data_dir}/provinces.csv", encoding="utf-8") as f:
        names["province"] = {r["code"]: r["name"] for r in csv.DictReader(f)}
    with open(f"{data_dir}/isco08.csv", encoding="utf-8") as f:
        names["occupation"] = {r["code"]: r["title_tr"] for r in csv.DictReader(f)}
    return names


def export(data_dir, events, out):
    names = load_names(data_dir)
    n = 0
    with open(events, encoding="utf-8") as f, open(out, "w", encoding="utf-8", newline="") as o:
        w = csv.writer(o)
        for line in f:
            e = json.loads(line)
            if e["type"] != "LaborDemandCreated":
                continue
            d = e["data"]
            draft = d["draft"]
            if not draft["publish"]:
                continue
            a = draft["workAddress"]
            w.writerow([d["demandNo"], draft["position"], draft["occupation"], names["occupation"][draft["occupation"]],
                        d["workplaceTitle"], draft["description"], a["province"], names["province"][a["province"]],
                        a["district"], draft["workingPattern"], draft["workplaceType"],
                        draft["lastApplicationDate"], e["recordedAt"]])
            n += 1
    print(n)


def queries(out_dir):
    with open(f"{out_dir}/kw_prov.tsv", "w", encoding="utf-8") as f:
        for k in KEYWORDS:
            for p in PROVINCES:
                f.write(f"{k}\t{p}\n")
    with open(f"{out_dir}/kw_only.tsv", "w", encoding="utf-8") as f:
        for k in KEYWORDS:
            for p in PLACES:
                f.write(f"{k} {p}\t\n")
    with open(f"{out_dir}/pairs.tsv", "w", encoding="utf-8") as f:
        for q, p, doc in PAIRS:
            f.write(f"{q}\t{p}\t{doc}\n")


def target(q, province):
    params = [("q", q)] + ([("province", province)] if province else [])
    return "/api/v1/job-postings?" + urllib.parse.urlencode(params)


def ask(url, q, province):
    try:
        with urllib.request.urlopen(url + target(q, province)) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, json.load(e)


def keep(url, src, dst, paths):
    kept, totals, refused = [], [], 0
    with open(src, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    for q, p in rows:
        status, body = ask(url, q, p)
        if status == 200 and body["total"] > 0:
            kept.append((q, p))
            totals.append(body["total"])
        else:
            refused += 1
    with open(dst, "w", encoding="utf-8") as f:
        for i, (q, p) in enumerate(kept, 1):
            f.write(f"{i}\t{q}\t{p}\n")
    with open(paths, "w", encoding="utf-8") as f:
        for q, p in kept:
            f.write(target(q, p) + "\n")
    print(f"{len(kept)} queries kept ({refused} left out: too many results or none); totals "
          f"min {min(totals)} median {int(statistics.median(totals))} max {max(totals)}")


def pct(logs):
    lat = []
    for name in logs:
        with open(name) as f:
            for line in f:
                lat.append(int(line.split()[2]) / 1000.0)
    lat.sort()
    print(f"{lat[len(lat) // 2]:.2f}ms {lat[min(len(lat) - 1, int(len(lat) * 0.99))]:.2f}ms {len(lat)}")


def pairs(url, psql):
    print("| query | province | the postings say | istihdam | PostgreSQL |")
    print("| --- | --- | --- | --- | --- |")
    for line in sys.stdin:
        q, p, doc = line.rstrip("\n").split("\t")
        status, body = ask(url, q, p)
        ours = body["total"] if status == 200 else body.get("code")
        lit = q.replace("'", "''")
        sql = (f"SELECT count(*) FROM postings WHERE province = '{p}' "
               f"AND tsv @@ plainto_tsquery('turkish', '{lit}') AND last_application_date >= CURRENT_DATE")
        pg = subprocess.run(psql + ["-Atc", sql], capture_output=True, text=True, check=True).stdout.strip()
        print(f"| {q} | {p} | {doc} | {ours} | {pg} |")


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "export":
        export(*args)
    elif cmd == "queries":
        queries(*args)
    elif cmd == "keep":
        keep(*args)
    elif cmd == "pct":
        pct(args)
    elif cmd == "pairs":
        pairs(args[0], args[1:])
    else:
        sys.exit(__doc__)
