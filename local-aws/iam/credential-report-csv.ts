import type { Ctx } from "../context";
import { sql } from "../store/db";
import { readPasswordPolicy } from "./password-policy";

const CREDENTIAL_REPORT_COLUMNS = [
  "user",
  "arn",
  "user_creation_time",
  "password_enabled",
  "password_last_used",
  "password_last_changed",
  "password_next_rotation",
  "mfa_active",
  "access_key_1_active",
  "access_key_1_last_rotated",
  "access_key_1_last_used_date",
  "access_key_1_last_used_region",
  "access_key_1_last_used_service",
  "access_key_2_active",
  "access_key_2_last_rotated",
  "access_key_2_last_used_date",
  "access_key_2_last_used_region",
  "access_key_2_last_used_service",
  "cert_1_active",
  "cert_1_last_rotated",
  "cert_2_active",
  "cert_2_last_rotated",
];

type UserCredentials = {
  user_id: string;
  name: string;
  arn: string;
  create_date: string;
  password_last_used: string | null;
  has_password: number;
  password_changed_date: string | null;
};

type KeyRow = {
  user_id: string | null;
  status: string;
  create_date: string;
  last_used_date: string | null;
  last_used_region: string | null;
  last_used_service: string | null;
};

const DAY_MS = 86_400_000;

/** The store's UTC ISO timestamps, as the report writes them: `2015-06-24T12:45:00+00:00`. */
const when = (iso: string) => iso.replace(/(\.\d+)?Z$/, "+00:00");

const field = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function keyColumns(keys: KeyRow[] = []): string[] {
  return [0, 1].flatMap((i) => {
    const k = keys[i];
    if (!k) return ["false", "N/A", "N/A", "N/A", "N/A"];
    const used = k.last_used_date !== null;
    return [
      String(k.status === "Active"),
      when(k.create_date),
      used ? when(k.last_used_date!) : "N/A",
      used ? (k.last_used_region ?? "N/A") : "N/A",
      used ? (k.last_used_service ?? "N/A") : "N/A",
    ];
  });
}

type CertificateRow = { user_id: string | null; status: string; upload_date: string };

/** cert_N_active and cert_N_last_rotated: the owner's signing certificates in upload order. */
const certificateColumns = (certs: CertificateRow[] = []): string[] =>
  [0, 1].flatMap((i) => (certs[i] ? [String(certs[i].status === "Active"), when(certs[i].upload_date)] : ["false", "N/A"]));

const byOwner = <T extends { user_id: string | null }>(rows: T[]) => {
  const m = new Map<string | null, T[]>();
  for (const r of rows) m.set(r.user_id, [...(m.get(r.user_id) ?? []), r]);
  return m;
};

/** The account's credential report as AWS writes it: a header, the root row, then one row per user. */
export function buildCredentialReport(ctx: Ctx): string {
  const keys = byOwner(
    sql(
      ctx.db,
      `SELECT user_id, status, create_date, last_used_date, last_used_region, last_used_service FROM access_keys
       WHERE account_id = ? ORDER BY create_date, rowid`,
    ).all(ctx.accountId) as KeyRow[],
  );
  const certs = byOwner(
    sql(ctx.db, "SELECT user_id, status, upload_date FROM signing_certificates WHERE account_id = ? ORDER BY upload_date, rowid").all(
      ctx.accountId,
    ) as CertificateRow[],
  );
  const mfa = new Set(
    (
      sql(ctx.db, "SELECT DISTINCT user_id FROM mfa_devices WHERE account_id = ? AND enable_date IS NOT NULL").all(ctx.accountId) as {
        user_id: string | null;
      }[]
    ).map((r) => r.user_id),
  );
  const rootKeys = keys.get(null) ?? [];
  const rootCreated = rootKeys[0]?.create_date ?? new Date(0).toISOString();
  const rows = [
    CREDENTIAL_REPORT_COLUMNS,
    [
      "<root_account>",
      `arn:aws:iam::${ctx.accountId}:root`,
      when(rootCreated),
      "not_supported",
      "no_information",
      "not_supported",
      "not_supported",
      String(mfa.has(null)),
      ...keyColumns(rootKeys),
      ...certificateColumns(certs.get(null)),
    ],
  ];
  const maxAge = readPasswordPolicy(ctx.db, ctx.accountId)?.MaxPasswordAge;
  const users = sql(
    ctx.db,
    `SELECT u.user_id, u.name, u.arn, u.create_date, u.password_last_used, lp.user_id IS NOT NULL AS has_password,
       lp.password_changed_date
     FROM users u LEFT JOIN login_profiles lp ON lp.user_id = u.user_id WHERE u.account_id = ? ORDER BY u.name_lc`,
  ).all(ctx.accountId) as UserCredentials[];
  for (const u of users) {
    const changed = u.has_password ? u.password_changed_date : null;
    rows.push([
      u.name,
      u.arn,
      when(u.create_date),
      String(u.has_password === 1),
      u.has_password ? (u.password_last_used ? when(u.password_last_used) : "no_information") : "N/A",
      changed ? when(changed) : "N/A",
      changed && maxAge ? when(new Date(Date.parse(changed) + maxAge * DAY_MS).toISOString()) : "N/A",
      String(mfa.has(u.user_id)),
      ...keyColumns(keys.get(u.user_id)),
      ...certificateColumns(certs.get(u.user_id)),
    ]);
  }
  return rows.map((r) => r.map(field).join(",")).join("\n");
}
