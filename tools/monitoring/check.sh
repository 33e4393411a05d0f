#!/usr/bin/env bash
# Checks the monitoring kit (docs/monitoring.md): the alert rules parse (promtool check rules),
# their unit tests pass (promtool test rules), the dashboard is valid JSON, and every istihdam
# metric the rules and the dashboard name is one the server declares (infra/metrics.cpp), and
# every alert links to its runbook section in docs/monitoring.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
promtool=$(command -v promtool || echo "$root/tools/.promtool/usr/bin/promtool")
[ -x "$promtool" ] || { echo "monitoring: promtool not found; run tools/install-deps.sh" >&2; exit 1; }
cd "$here"
"$promtool" check rules alerts.yml
"$promtool" test rules alerts_test.yml
python3 - "$root" <<'PY'
import json, re, sys
root = sys.argv[1]
declared = set(re.findall(r'Name\("(istihdam_[a-z_]+)"\)', open(f"{root}/infra/metrics.cpp").read()))
dashboard = json.load(open(f"{root}/tools/monitoring/dashboard.json"))
exprs = [t["expr"] for p in dashboard["panels"] for t in p["targets"]]
text = "\n".join(exprs) + open(f"{root}/tools/monitoring/alerts.yml").read()
named = {re.sub(r"_(bucket|sum|count)$", "", m) for m in re.findall(r"istihdam_[a-z_]+", text)}
unknown = sorted(m for m in named if m not in declared)
if unknown:
    sys.exit("monitoring: metrics the server does not declare: " + ", ".join(unknown))
rules = open(f"{root}/tools/monitoring/alerts.yml").read()
runbook = open(f"{root}/docs/monitoring.md").read()
alerts = re.findall(r"- alert: (\w+)", rules)
missing = [a for a in alerts if f"### {a}\n" not in runbook or f"docs/monitoring.md#{a.lower()}" not in rules]
if missing:
    sys.exit("monitoring: alerts without a runbook section (or link): " + ", ".join(missing))
print(f"monitoring: {len(alerts)} alerts with runbook sections; {len(dashboard['panels'])} panels, {len(named)} metrics named, all declared by the server")
PY
