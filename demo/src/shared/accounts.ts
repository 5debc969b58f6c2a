// The demo tool's customer accounts and the credentials that open them. The one demo tool
// plays several HRIS products (by slug), so each account says which product it stands for.
// These are fake, public demo credentials: the integration sends them so the SDK's
// redaction has real secrets to hide.

export type Scope = 'employees:read' | 'employees:write' | 'departments:read' | 'absences:read';

export const ALL_SCOPES: readonly Scope[] = ['employees:read', 'employees:write', 'departments:read', 'absences:read'];

export interface Credential {
  /** `bearer` goes in `Authorization: Bearer`, `api_key` in `X-API-Key`. */
  kind: 'bearer' | 'api_key';
  secret: string;
  accountId: string;
  scopes: readonly Scope[];
}

export interface Account {
  id: string;
  /** The product this account simulates. */
  tool: string;
  /** Employees the account starts with. */
  employees: number;
}

export const ACCOUNTS: readonly Account[] = [
  { id: 'acc_acme', tool: 'personio', employees: 140 },
  { id: 'acc_globex', tool: 'bamboohr', employees: 90 },
  { id: 'acc_initech', tool: 'hibob', employees: 60 },
  { id: 'acc_umbrella', tool: 'personio', employees: 45 },
  { id: 'acc_wayne', tool: 'hibob', employees: 30 },
  // Prospects: they appear in connection flows before they have a connection.
  { id: 'acc_hooli', tool: 'bamboohr', employees: 25 },
  { id: 'acc_soylent', tool: 'personio', employees: 35 },
];

const READ_WRITE: readonly Scope[] = ALL_SCOPES;
const NO_ABSENCES: readonly Scope[] = ['employees:read', 'employees:write', 'departments:read'];
const READ_ONLY_EMPLOYEES: readonly Scope[] = ['employees:read'];

export const CREDENTIALS: readonly Credential[] = [
  { kind: 'bearer', secret: 'demo_tok_acme_9f8e7d6c5b4a39281706', accountId: 'acc_acme', scopes: READ_WRITE },
  { kind: 'api_key', secret: 'demo_key_globex_1a2b3c4d5e6f70819a', accountId: 'acc_globex', scopes: READ_WRITE },
  // Granted without absences: its syncs end `partial` with a 403 on absences.
  { kind: 'bearer', secret: 'demo_tok_initech_77aa88bb99cc00dd11', accountId: 'acc_initech', scopes: NO_ABSENCES },
  { kind: 'bearer', secret: 'demo_tok_umbrella_5e5e6f6f7a7a8b8b9c', accountId: 'acc_umbrella', scopes: READ_WRITE },
  { kind: 'bearer', secret: 'demo_tok_wayne_c0ffee00c0ffee11c0ff', accountId: 'acc_wayne', scopes: READ_WRITE },
  { kind: 'api_key', secret: 'demo_key_hooli_e1e2e3e4e5e6e7e8e9', accountId: 'acc_hooli', scopes: READ_WRITE },
  { kind: 'bearer', secret: 'demo_tok_soylent_a9b8c7d6e5f4a3b2c1', accountId: 'acc_soylent', scopes: READ_WRITE },
  // What end users paste into connection flows when they grant too little.
  { kind: 'bearer', secret: 'demo_tok_wayne_readonly_4242424242', accountId: 'acc_wayne', scopes: READ_ONLY_EMPLOYEES },
  {
    kind: 'api_key',
    secret: 'demo_key_umbrella_readonly_31337',
    accountId: 'acc_umbrella',
    scopes: READ_ONLY_EMPLOYEES,
  },
  {
    kind: 'api_key',
    secret: 'demo_key_hooli_readonly_5150515051',
    accountId: 'acc_hooli',
    scopes: READ_ONLY_EMPLOYEES,
  },
  { kind: 'bearer', secret: 'demo_tok_soylent_readonly_green00', accountId: 'acc_soylent', scopes: NO_ABSENCES },
];

/** A credential the tool has never issued (or has revoked): always 401. */
export const REVOKED_SECRET = 'demo_tok_revoked_0000deadbeef0000';

export function findAccount(id: string): Account | undefined {
  return ACCOUNTS.find((account) => account.id === id);
}

export function credentialFor(accountId: string, scopes: 'full' | 'limited' = 'full'): Credential {
  const candidates = CREDENTIALS.filter((c) => c.accountId === accountId);
  const found =
    scopes === 'full'
      ? (candidates.find((c) => c.scopes.length === ALL_SCOPES.length) ?? candidates[0])
      : candidates.find((c) => c.scopes.length < ALL_SCOPES.length);
  if (!found) throw new Error(`no ${scopes} credential for account ${accountId}`);
  return found;
}
