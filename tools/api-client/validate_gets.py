#!/usr/bin/env python3
"""Calls the GET routes of a demo server as each demo role and validates every 200 JSON answer
against the schema its operation declares in /openapi.json, with a real JSON Schema validator
(python3-jsonschema). OpenAPI 3.0's `nullable: true` is read as "or null", as the OpenAPI
specification defines it. Run by tools/api-contract.sh; exits 1 listing every mismatch.

usage: validate_gets.py BASE_URL"""
import json
import sys
import urllib.error
import urllib.request

import jsonschema

base = sys.argv[1].rstrip("/")

ROLES = {  # the demo accounts of README.md
    "employer admin": ("10000000146", "Demo1234!"),
    "auditor": ("34567890170", "Denetci1234!"),
    "unit user": ("93930103132", "Birim1234!"),
}


def get(path, token=None):
    headers = {"Authorization": "Bearer " + token} if token else {}
    try:
        with urllib.request.urlopen(urllib.request.Request(base + path, headers=headers), timeout=30) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def login(tckn, password):
    body = json.dumps({"tckn": tckn, "password": password}).encode()
    req = urllib.request.Request(base + "/api/v1/auth/login", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)["token"]


def to_json_schema(s):
    """OpenAPI 3.0 schema object -> JSON Schema (nullable, component refs)."""
    if isinstance(s, list):
        return [to_json_schema(x) for x in s]
    if not isinstance(s, dict):
        return s
    out = {k: to_json_schema(v) for k, v in s.items() if k not in ("nullable", "example")}
    if s.get("nullable") and "type" in out:
        out["type"] = [out["type"], "null"]
    if "$ref" in out:
        out["$ref"] = out["$ref"].replace("#/components/schemas/", "#/definitions/")
    return out


def first(items, key):
    for item in items or []:
        if isinstance(item, dict) and item.get(key):
            return str(item[key])
    return None


status, _, raw = get("/openapi.json")
doc = json.loads(raw)
definitions = to_json_schema(doc.get("components", {}).get("schemas", {}))
failures, validated = [], 0
for role, (tckn, password) in ROLES.items():
    token = login(tckn, password)
    # Path parameters from what this caller can list.
    params = {"code": "34", "streamId": "employer-2000000001"}
    def first_listed(path, key):
        """`key` of the first item `path` lists for this caller, or None."""
        _, _, body = get(path, token)
        try:
            return first(json.loads(body).get("items"), key)
        except (ValueError, AttributeError):
            return None

    params["id"] = first_listed("/api/v1/workplaces", "id")
    params["userId"] = first_listed("/api/v1/users", "userId")
    params["typNo"] = first_listed("/api/v1/typ/programs", "typNo")
    if params.get("typNo"):
        params["participantId"] = first_listed(f"/api/v1/typ/programs/{params['typNo']}/participants", "participantId")
    if params.get("id"):
        params["month"] = first_listed(f"/api/v1/workplaces/{params['id']}/workforce-schedules", "month")
    params = {k: v for k, v in params.items() if v is not None}
    for path, item in doc["paths"].items():
        op = item.get("get")
        if not op or path.startswith("/docs"):
            continue
        url = path
        for name, value in params.items():
            if value:
                url = url.replace("{" + name + "}", value)
        if "{" in url:
            continue
        code, ctype, body = get(url, token)
        schema = op["responses"].get("200", {}).get("content", {}).get("application/json", {}).get("schema")
        if code != 200 or schema is None or not ctype.startswith("application/json"):
            continue
        full = to_json_schema(schema)
        full["definitions"] = definitions
        errors = list(jsonschema.Draft7Validator(full).iter_errors(json.loads(body)))
        validated += 1
        for e in errors[:5]:
            where = "/".join(str(p) for p in e.absolute_path)
            failures.append(f"{role}: GET {url} at /{where}: {e.message[:200]}")

print(f"validate_gets: {validated} answers validated against their schemas, {len(failures)} mismatches")
for f in failures:
    print("  " + f, file=sys.stderr)
if validated < 30:
    print("validate_gets: fewer than 30 answers validated; the demo data or the logins changed", file=sys.stderr)
    sys.exit(1)
sys.exit(1 if failures else 0)
