// The integration's customers and their connections to the (simulated) tools. Each
// connection is one `integration.id`; several customers use the same tool.
import { credentialFor, findAccount, type Credential } from '../shared/accounts.js';

export interface Connection {
  integrationId: string;
  customerId: string;
  tool: string;
  accountId: string;
  credential: Credential;
}

function connection(integrationId: string, customerId: string, accountId: string): Connection {
  const account = findAccount(accountId);
  if (!account) throw new Error(`unknown account ${accountId}`);
  return { integrationId, customerId, tool: account.tool, accountId, credential: credentialFor(accountId) };
}

export const CONNECTIONS: readonly Connection[] = [
  connection('int_acme_personio', 'cus_acme', 'acc_acme'),
  connection('int_globex_bamboohr', 'cus_globex', 'acc_globex'),
  // Connected with a token that lacks absences:read: its syncs end `partial`.
  connection('int_initech_hibob', 'cus_initech', 'acc_initech'),
  connection('int_umbrella_personio', 'cus_umbrella', 'acc_umbrella'),
  connection('int_wayne_hibob', 'cus_wayne', 'acc_wayne'),
];

export function connectionForAccount(accountId: string | undefined): Connection | undefined {
  return CONNECTIONS.find((c) => c.accountId === accountId);
}
