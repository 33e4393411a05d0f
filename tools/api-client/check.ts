// Uses the TypeScript client that openapi-typescript generates from /openapi.json (api.d.ts,
// written next to this file by tools/api-contract.sh), as a frontend would. `tsc --strict`
// must accept it; each @ts-expect-error line must really be an error, so the generated types
// are precise, not `any`.
import type { components, operations, paths } from "./api";

type Json<T> = T extends { content: { "application/json": infer B } } ? B : never;

type LoginRequest = Json<NonNullable<paths["/api/v1/auth/login"]["post"]["requestBody"]>>;
type LoginAnswer = Json<paths["/api/v1/auth/login"]["post"]["responses"][200]>;
type WorkplaceList = Json<operations["listWorkplaces"]["responses"][200]>;
type Workplace = Json<operations["getWorkplace"]["responses"][200]>;
type UserList = Json<operations["listUsers"]["responses"][200]>;
type Problem = components["schemas"]["Problem"];

const login: LoginRequest = { tckn: "10000000146", password: "Demo1234!" };
// @ts-expect-error tckn is a string
const badLogin: LoginRequest = { tckn: 10000000146, password: "Demo1234!" };
// @ts-expect-error password is required
const noPassword: LoginRequest = { tckn: "10000000146" };

// Every operation has a usable identifier.
type OperationId = keyof operations;
const ids: OperationId[] = ["getWorkplace", "listWorkplaces", "createWorkplace", "putWorkplace",
  "putWorkplaceWorkforceSchedulePersonnel", "listUsers", "getHealth"];
// @ts-expect-error not an operation
const unknownId: OperationId = "GET /api/v1/workplaces";

async function call<T>(path: string, init: RequestInit, token?: string): Promise<T> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(path, { ...init, headers });
  if (!res.ok) {
    const problem = (await res.json()) as Problem;
    throw new Error(`${problem.code ?? res.status}: ${problem.title ?? ""}`);
  }
  return (await res.json()) as T;
}

export async function firstWorkplaceTitle(): Promise<string | undefined> {
  const answer = await call<LoginAnswer>("/api/v1/auth/login", { method: "POST", body: JSON.stringify(login) });
  const token: string | undefined = answer.token;
  const list = await call<WorkplaceList>("/api/v1/workplaces", { method: "GET" }, token);
  const id: string | undefined = list.items?.[0]?.id;
  if (id === undefined) return undefined;
  const workplace = await call<Workplace>(`/api/v1/workplaces/${encodeURIComponent(id)}`, { method: "GET" }, token);
  const version: number | undefined = workplace.version;
  // @ts-expect-error the version is a number
  const wrong: string | undefined = workplace.version;
  void version, wrong;
  return workplace.title;
}

// accountClosingDate is absent-or-null when the user has no closing date.
export function closingDates(users: UserList): (string | null)[] {
  return (users.items ?? []).map((u) => u.accountClosingDate ?? null);
}

void badLogin, noPassword, ids, unknownId;
