#!/usr/bin/env python3
"""Soak run: a mixed load against `istihdam serve --demo` for a fixed time, sampled every
`--interval` seconds (docs/operations.md "Soak"; figures in bench/README.md "Soak").

Load (one thread per worker, one keep-alive connection each, no think time):
  registrations   a new employer registers, logs in and files its first workforce schedule
  attendance      the demo TYP host records and deletes an absence of a demo participant
  searches        public job-posting searches (keyword and province)
  reads           the demo employer's workplaces, one workplace and its quota status

Every sample row: elapsed seconds, server RSS (MiB), open descriptors, requests and p50/p99
latency (ms) of the last interval, errors so far, the read models' lag (events) and the
position. After the load stops the read models must catch up. The run FAILS (exit 1) on any
5xx, connection error or unexpected answer, when descriptors grow by more than --max-socket-growth
between the first sample after the warm-up and the last, when the descriptors exceed --max-fds
(RocksDB opens table files up to its max_open_files as data grows), when RSS exceeds
--max-rss-mib, or when the read models do not catch up within
30 s. Writes samples.csv, summary.txt and, when gnuplot is installed, soak.png into --out.

usage: soak.py --binary build/istihdam --seconds 180 --out DIR [--workers 6] [--interval 10]
"""
import argparse
import http.client
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

DEMO_ADMIN = ("10000000146", "Demo1234!")  # README "Demo accounts": Anadolu Tekstil A.Ş.


# ---- identifiers (RULES.md §1e) ----

def tckn_from(nine):
    d = [int(c) for c in nine]
    d10 = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    d11 = (sum(d) + d10) % 10
    return nine + str(d10) + str(d11)


def vkn_from(nine):
    s = 0
    for i, c in enumerate(nine):
        t = (int(c) + 9 - i) % 10
        if t:
            p = (t * 2 ** (9 - i)) % 9
            s += 9 if p == 0 else p
    return nine + str((10 - s % 10) % 10)


class Numbers:
    """Fresh nine-digit stems, different per run (pid) and per call."""

    def __init__(self):
        self.lock = threading.Lock()
        self.n = (os.getpid() % 9000) * 10000

    def next(self):
        with self.lock:
            self.n += 1
            return str(200000000 + (self.n * 7919) % 799999999)


# ---- HTTP ----

class Client:
    """One keep-alive connection; reconnects only when the server closed it between requests."""

    def __init__(self, port):
        self.port = port
        self.conn = None

    def call(self, method, path, body=None, token=None):
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + token
        data = json.dumps(body).encode() if body is not None else None
        for attempt in (0, 1):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            try:
                start = time.monotonic()
                self.conn.request(method, path, body=data, headers=headers)
                r = self.conn.getresponse()
                payload = r.read()
                elapsed = time.monotonic() - start
                if r.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return r.status, payload, elapsed
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # A keep-alive connection the server had already closed: retry once on a new one
                # (only a request that never reached the server can land here on attempt 0).
                self.conn.close()
                self.conn = None
                if attempt:
                    raise


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = []
        self.errors = []
        self.counts = {}

    def record(self, kind, status, elapsed, expected, detail=""):
        with self.lock:
            self.latencies.append(elapsed)
            self.counts[kind] = self.counts.get(kind, 0) + 1
            if status not in expected:
                self.errors.append(f"{kind}: {status} {detail[:300]}")

    def failure(self, text):
        with self.lock:
            self.errors.append(text)

    def take(self):
        with self.lock:
            out, self.latencies = self.latencies, []
            return out


def quantile(values, q):
    if not values:
        return 0.0
    v = sorted(values)
    return v[min(len(v) - 1, int(q * len(v)))]


def schedule_body(month, tckn):
    sexes = lambda m=0: {"male": m, "female": 0}
    group = lambda m=0: {k: sexes(m if k == "general" else 0) for k in
                         ("general", "disabled", "exConvict", "terrorAffected", "partTime", "antiTerrorLaw")}
    return {"previousMonthEnd": group(5), "hired": group(1), "left": group(0),
            "undergroundUnderwater": sexes(), "partTimeMonthlyHours": 0,
            "personnelMovements": [{"type": "hired", "tckn": tckn, "firstName": "Ali", "lastName": "Çelik",
                                    "sex": "male", "date": month + "-10", "occupation": "7212",
                                    "category": "general", "contractType": "indefinite",
                                    "undergroundUnderwater": False}],
            "occupationDistribution": [{"occupation": "2512", "count": 6}],
            "employmentPreferences": {"jointCourseRequest": False, "inCompanyTrainingRequest": False,
                                      "expectedWorkforceChangeNextMonth": "noChange",
                                      "apprenticeNeededNextMonth": False},
            "hardToFillOccupations": []}


def previous_month():
    t = time.gmtime()
    y, m = (t.tm_year, t.tm_mon - 1) if t.tm_mon > 1 else (t.tm_year - 1, 12)
    return f"{y:04d}-{m:02d}"


# ---- the workloads: each runs one step per call ----

class Workload:
    def __init__(self, port, stats, numbers, demo):
        self.client = Client(port)
        self.stats = stats
        self.numbers = numbers
        self.demo = demo

    def registration(self):
        tckn, vkn = tckn_from(self.numbers.next()), vkn_from(self.numbers.next())
        body = {"termsAccepted": True,
                "employer": {"kind": "legalEntity", "title": f"Dayanıklılık Deneme {vkn} A.Ş.", "taxNo": vkn,
                             "sector": "private", "province": "06", "district": "Çankaya",
                             "address": "Atatürk Bulvarı No:1", "phone": "0312 555 00 00",
                             "email": "info@example.com.tr"},
                "representative": {"tckn": tckn, "firstName": "Şükrü", "lastName": "Öztürk",
                                   "password": "Gizli-Sifre-123", "secretQuestion": "İlk okulunuz?",
                                   "secretAnswer": "Gazi", "email": "sukru@example.com.tr",
                                   "mobile": "0532 555 00 00", "preferredContact": "email"}}
        status, payload, t = self.client.call("POST", "/api/v1/registrations", body)
        self.stats.record("registration", status, t, {201}, payload.decode(errors="replace"))
        if status != 201:
            return
        hq = json.loads(payload)["headquartersId"]
        status, payload, t = self.client.call("POST", "/api/v1/auth/login",
                                              {"tckn": tckn, "password": "Gizli-Sifre-123"})
        self.stats.record("login", status, t, {200}, payload.decode(errors="replace"))
        if status != 200:
            return
        token = json.loads(payload)["token"]
        month = previous_month()
        status, payload, t = self.client.call("PUT", f"/api/v1/workplaces/{hq}/workforce-schedules/{month}",
                                              schedule_body(month, tckn_from(self.numbers.next())), token)
        self.stats.record("schedule", status, t, {200, 201}, payload.decode(errors="replace"))

    def attendance(self):
        d = self.demo
        day = f"{previous_month()}-{random.randint(1, 28):02d}"
        path = f"/api/v1/typ/programs/{d['typ']}/participants/{random.choice(d['participants'])}/attendance/{day}"
        status, payload, t = self.client.call("PUT", path, {"attendanceType": "excusedAbsence"}, d["token"])
        # Another worker (or the demo data) may hold that day already, or write the same
        # participant-month at once (409 concurrency_conflict after the server's retries).
        self.stats.record("attendance", status, t, {200, 201, 409}, payload.decode(errors="replace"))
        status, payload, t = self.client.call("DELETE", path, None, d["token"])
        self.stats.record("attendance", status, t, {200, 204, 404, 409}, payload.decode(errors="replace"))

    def search(self):
        q = random.choice(["?q=operat%C3%B6r&province=34", "?province=06", "?q=a%C5%9F%C3%A7%C4%B1",
                           "?province=35&page=2", "?q=muhasebe"])
        status, payload, t = self.client.call("GET", "/api/v1/job-postings" + q)
        self.stats.record("search", status, t, {200}, payload.decode(errors="replace"))

    def reads(self):
        d = self.demo
        for path in ("/api/v1/workplaces", f"/api/v1/workplaces/{d['hq']}",
                     f"/api/v1/workplaces/{d['hq']}/quota-status?month={previous_month()}"):
            status, payload, t = self.client.call("GET", path, None, d["token"])
            self.stats.record("read", status, t, {200}, payload.decode(errors="replace"))


def demo_context(port):
    c = Client(port)
    status, payload, _ = c.call("POST", "/api/v1/auth/login", {"tckn": DEMO_ADMIN[0], "password": DEMO_ADMIN[1]})
    if status != 200:
        sys.exit(f"soak: demo login answered {status}: {payload[:300]}")
    token = json.loads(payload)["token"]
    _, payload, _ = c.call("GET", "/api/v1/workplaces", None, token)
    items = json.loads(payload)["items"]
    hq = next(w["id"] for w in items if w.get("headquarters") and w.get("province") == "34")
    _, payload, _ = c.call("GET", "/api/v1/typ/programs", None, token)
    typ = json.loads(payload)["items"][0]["typNo"]
    _, payload, _ = c.call("GET", f"/api/v1/typ/programs/{typ}/participants", None, token)
    participants = [p["participantId"] for p in json.loads(payload)["items"]]
    return {"token": token, "hq": hq, "typ": typ, "participants": participants}


def health(port):
    status, payload, _ = Client(port).call("GET", "/health")
    doc = json.loads(payload)
    lag = max((p.get("lag", 0) for p in doc.get("projections", [])), default=0)
    return status, doc.get("position", 0), lag


MEMORY_COLUMNS = [  # (csv column, metric, label): where the memory is, from /metrics
    ("memtables_mib", "istihdam_memory_bytes", "rocksdb_memtables"),
    ("table_readers_mib", "istihdam_memory_bytes", "rocksdb_table_readers"),
    ("block_cache_mib", "istihdam_memory_bytes", "rocksdb_block_cache"),
    ("malloc_in_use_mib", "istihdam_memory_bytes", "malloc_in_use"),
    ("malloc_free_held_mib", "istihdam_memory_bytes", "malloc_free_held"),
    ("stream_heads", "istihdam_cache_entries", "stream_heads"),
    ("aggregate_states", "istihdam_cache_entries", "aggregate_states"),
]


def memory_figures(port):
    """The memory gauges of /metrics, in MiB (bytes) or entries (caches), in MEMORY_COLUMNS order."""
    _, payload, _ = Client(port).call("GET", "/metrics")
    values = {}
    for line in payload.decode().splitlines():
        if line.startswith("istihdam_memory_bytes{") or line.startswith("istihdam_cache_entries{"):
            name, _, value = line.rpartition(" ")
            values[name] = float(value)
    row = []
    for _, metric, label in MEMORY_COLUMNS:
        v = values.get(f'{metric}{{component="{label}"}}', values.get(f'{metric}{{cache="{label}"}}', 0.0))
        row.append(round(v / 1048576, 1) if metric == "istihdam_memory_bytes" else int(v))
    return row


def proc_figures(pid):
    """RSS in MiB, open descriptors, and how many of them are sockets."""
    rss_kib = 0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss_kib = int(line.split()[1])
    fds, sockets = 0, 0
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:  # closed meanwhile
            continue
        fds += 1
        sockets += target.startswith("socket:")
    return rss_kib / 1024.0, fds, sockets


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--seconds", type=int, default=1800)
    ap.add_argument("--interval", type=int, default=10)
    ap.add_argument("--workers", type=int, default=6)
    ap.add_argument("--warmup", type=int, default=30, help="seconds before the baseline sample")
    ap.add_argument("--max-socket-growth", type=int, default=8)
    ap.add_argument("--max-fds", type=int, default=640,
                    help="RocksDB keeps up to max_open_files (512) table files open; the rest is fixed")
    ap.add_argument("--max-rss-mib", type=float, default=512,
                    help="RSS bound: the block cache, the memtables' total and the aggregate cache are bounded (docs/storage.md)")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="istihdam-soak-")
    log = open(os.path.join(args.out, "server.log"), "w")
    # All the load comes from one loopback address: the per-client rate limits are off.
    with open(f"{work}/config.json", "w") as f:
        json.dump({"authRatePerClientPerMinute": 0, "publicReadRatePerClientPerMinute": 0}, f)
    server = subprocess.Popen([args.binary, "serve", "--demo", "--config", f"{work}/config.json",
                               "--port", "0", "--port-file", f"{work}/port",
                               "--data-dir", f"{work}/data", "--password-cost", "min", "--threads", "2"],
                              stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120  # the demo data is written before the server listens
        while not (os.path.exists(f"{work}/port") and os.path.getsize(f"{work}/port") > 0):
            if server.poll() is not None or time.monotonic() > deadline:
                sys.exit("soak: the server did not start (see server.log)")
            time.sleep(0.1)
        port = int(open(f"{work}/port").read())
        demo = demo_context(port)
        stats, numbers, stop = Stats(), Numbers(), threading.Event()
        kinds = ["registration", "attendance", "search", "reads"]

        def worker(i):
            w = Workload(port, stats, numbers, demo)
            step = getattr(w, kinds[i % len(kinds)])
            while not stop.is_set():
                try:
                    step()
                except Exception as e:  # a connection error is a failure of the run
                    stats.failure(f"{kinds[i % len(kinds)]}: {type(e).__name__}: {e}")

        threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(args.workers)]
        for t in threads:
            t.start()
        samples, begin = [], time.monotonic()
        next_sample = begin + args.interval
        while time.monotonic() - begin < args.seconds:
            time.sleep(max(0.0, next_sample - time.monotonic()))
            next_sample += args.interval
            lat = stats.take()
            rss, fds, sockets = proc_figures(server.pid)
            _, position, lag = health(port)
            row = (round(time.monotonic() - begin), round(rss, 1), fds, len(lat),
                   round(quantile(lat, 0.5) * 1000, 1), round(quantile(lat, 0.99) * 1000, 1),
                   len(stats.errors), lag, position, sockets, *memory_figures(port))
            samples.append(row)
            print("soak: t=%ss rss=%sMiB fds=%s requests=%s p50=%sms p99=%sms errors=%s lag=%s position=%s sockets=%s"
                  % row[:10] + " " + " ".join(f"{c[0]}={v}" for c, v in zip(MEMORY_COLUMNS, row[10:])),
                  flush=True)
        stop.set()
        for t in threads:
            t.join(timeout=60)
        caught_up = False
        drain_deadline = time.monotonic() + 30
        while time.monotonic() < drain_deadline:
            _, _, lag = health(port)
            if lag == 0:
                caught_up = True
                break
            time.sleep(0.2)
        with open(os.path.join(args.out, "samples.csv"), "w") as f:
            f.write("seconds,rss_mib,fds,requests,p50_ms,p99_ms,errors,lag,position,sockets," +
                    ",".join(c[0] for c in MEMORY_COLUMNS) + "\n")
            for row in samples:
                f.write(",".join(str(x) for x in row) + "\n")
        base = next((r for r in samples if r[0] >= args.warmup), samples[0])
        last = samples[-1]
        problems = list(stats.errors[:20])
        if last[9] - base[9] > args.max_socket_growth:
            problems.append(f"sockets grew from {base[9]} to {last[9]}")
        if max(r[2] for r in samples) > args.max_fds:
            problems.append(f"{max(r[2] for r in samples)} descriptors open, above {args.max_fds}")
        if max(r[1] for r in samples) > args.max_rss_mib:
            problems.append(f"RSS reached {max(r[1] for r in samples)} MiB, above {args.max_rss_mib} MiB")
        third = samples[len(samples) * 2 // 3:]

        def third_slope(value):  # MiB per minute over the last third of the run
            return ((value(third[-1]) - value(third[0])) / max(1, third[-1][0] - third[0][0]) * 60) if len(third) > 1 else 0.0

        slope = third_slope(lambda r: r[1])
        # RSS without RocksDB's memtables and block cache: both fill up to a fixed bound over a
        # long run (docs/storage.md "Memory bounds"), so this is what would reveal a leak.
        rest_slope = third_slope(lambda r: r[1] - r[10] - r[12])
        if not caught_up:
            problems.append("the read models did not catch up within 30 s after the load")
        total = sum(r[3] for r in samples)
        summary = [f"seconds {args.seconds}, workers {args.workers}, requests {total} "
                   f"({total / max(1, args.seconds):.0f}/s), counts {json.dumps(stats.counts)}",
                   f"RSS {base[1]} MiB at {base[0]} s -> {last[1]} MiB at {last[0]} s "
                   f"(max {max(r[1] for r in samples)} MiB; last third of the run: {slope:+.1f} MiB/min, "
                   f"without memtables and block cache {rest_slope:+.1f} MiB/min)",
                   f"descriptors {base[2]} -> {last[2]} (max {max(r[2] for r in samples)}), "
                   f"of them sockets {base[9]} -> {last[9]}",
                   f"p99 per interval: max {max(r[5] for r in samples)} ms, median "
                   f"{sorted(r[5] for r in samples)[len(samples) // 2]} ms",
                   f"read-model lag: max {max(r[7] for r in samples)} events, caught up after the load: {caught_up}",
                   "memory at the last sample: " + ", ".join(f"{c[0]} {v}" for c, v in zip(MEMORY_COLUMNS, last[10:])),
                   f"errors {len(stats.errors)}"]
        with open(os.path.join(args.out, "summary.txt"), "w") as f:
            f.write("\n".join(summary + problems) + "\n")
        print("\n".join("soak: " + s for s in summary))
        plot(args.out)
        if problems:
            print("soak: FAILED\n  " + "\n  ".join(problems), file=sys.stderr)
            return 1
        print("soak: passed")
        return 0
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)


def plot(out):
    if not shutil.which("gnuplot"):
        print("soak: gnuplot is not installed; no plot")
        return
    script = f"""
set terminal pngcairo size 1000,700
set output '{out}/soak.png'
set datafile separator ','
set key autotitle columnhead
set multiplot layout 3,1 title 'istihdam soak (samples every 10 s)'
set ylabel 'MiB / fds'
plot '{out}/samples.csv' using 1:2 with lines title 'RSS (MiB)', '' using 1:3 with lines title 'open fds', '' using 1:10 with lines title 'sockets', '' using 1:($11+$12+$13) with lines title 'RocksDB (MiB)', '' using 1:14 with lines title 'malloc in use (MiB)'
set ylabel 'ms'
plot '{out}/samples.csv' using 1:5 with lines title 'p50', '' using 1:6 with lines title 'p99'
set ylabel 'events'
set xlabel 'seconds'
plot '{out}/samples.csv' using 1:8 with lines title 'read-model lag'
unset multiplot
"""
    subprocess.run(["gnuplot"], input=script.encode(), check=False)


if __name__ == "__main__":
    sys.exit(main())
