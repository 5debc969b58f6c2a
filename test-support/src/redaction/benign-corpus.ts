/**
 * A benign corpus: payload shapes of HRIS, ATS, CRM, ticketing and webhook APIs as tools
 * send them, with ids of every common shape, e-mails, URLs, hashes, counts, booleans,
 * timestamps, trace and request-id headers and HTML bodies. Nothing in it is a credential,
 * so everything the redactor hides here is a false positive. Deterministic (seeded).
 */

/** mulberry32: a small seeded generator, so the corpus is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEX = '0123456789abcdef';
const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Katherine',
  'Linus',
  'Margaret',
  'Dennis',
  'Barbara',
  'Ken',
  'Frances',
  'José',
  'Zoë',
  'Łukasz',
  'Søren',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Torvalds',
  'Hamilton',
  'Ritchie',
  'Liskov',
  'Thompson',
  'Allen',
  'García',
  'Müller',
  'Kowalski',
];
const DEPARTMENTS = ['Engineering', 'People Operations', 'Finance', 'Customer Success', 'Sales', 'Legal'];
const CITIES = [
  'Berlin, Germany',
  'Calle de Alcalá, Madrid, Spain',
  '13 Market St, Wilmington, NC 28401, USA',
  'Rue de Rivoli, Paris, France',
];

export class Gen {
  readonly r: () => number;
  constructor(seed: number) {
    this.r = rng(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.r() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]!;
  }
  chars(alphabet: string, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.r() * alphabet.length)];
    return s;
  }
  bool(): boolean {
    return this.r() < 0.5;
  }
  // ---- id shapes
  uuid(): string {
    const h = this.chars(HEX, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
  }
  hex(n: number): string {
    return this.chars(HEX, n);
  }
  ulid(): string {
    return '01' + this.chars(CROCKFORD, 24);
  }
  ksuid(): string {
    return '2' + this.chars(B62, 26);
  }
  nanoid(): string {
    return this.chars(B62 + '_-', 21);
  }
  salesforceId(prefix = '001'): string {
    return prefix + '5g' + this.chars(B62, 13);
  }
  objectId(): string {
    return this.hex(24);
  }
  prefixed(prefix: string): string {
    return `${prefix}_${this.chars(B62, 14 + this.int(0, 10))}`;
  }
  /** GraphQL/Relay global ids: base64 of `gid://...`, `Type:123` or GitHub's `04:User123`. */
  graphqlId(): string {
    const forms = [
      `gid://shopify/${this.pick(['Customer', 'Order', 'Product', 'ProductVariant'])}/${this.int(1e12, 9e12)}`,
      `${this.pick(['Organization', 'Candidate', 'Application', 'Employee', 'Ticket'])}:${this.int(1, 1e9)}`,
      `${this.pick(['Organization', 'Employee'])}:${this.uuid()}`,
      `04:User${this.int(1e5, 1e8)}`,
      `012:Repository${this.int(1e5, 1e9)}`,
    ];
    const b = Buffer.from(this.pick(forms));
    return this.bool() ? b.toString('base64') : b.toString('base64url');
  }
  /** Google place ids: short `ChIJ...`, and long ones that carry the address. */
  placeId(): string {
    if (this.bool()) return 'ChIJ' + this.chars(B62 + '_-', 23);
    const text = Buffer.from(this.pick(CITIES));
    const tail = Buffer.from(Array.from({ length: 20 }, () => this.int(0, 255)));
    return Buffer.concat([
      Buffer.from([0x12, text.length]),
      text,
      Buffer.from([0x2e, 0x2a, 0x2c, 0x0a, 0x14]),
      tail,
    ]).toString('base64url');
  }
  amznTraceId(): string {
    const root = `Root=1-${this.hex(8)}-${this.hex(24)}`;
    return this.bool() ? root : `${root};Parent=${this.hex(16)};Sampled=${this.int(0, 1)}`;
  }
  anyId(): string | number {
    switch (this.int(0, 12)) {
      case 0:
        return this.int(1, 2 ** 31);
      case 1:
        return String(this.int(1, 1e12));
      case 2:
        return this.uuid();
      case 3:
        return `evt_${this.uuid()}`;
      case 4:
        return this.ulid();
      case 5:
        return this.ksuid();
      case 6:
        return this.nanoid();
      case 7:
        return this.salesforceId();
      case 8:
        return this.objectId();
      case 9:
        return this.prefixed(this.pick(['cus', 'emp', 'cand', 'org', 'usr']));
      case 10:
        return this.graphqlId();
      case 11:
        return this.hex(40);
      default:
        return this.uuid().replace(/-/g, '');
    }
  }
  // ---- people and places
  name(): [string, string] {
    return [this.pick(FIRST), this.pick(LAST)];
  }
  email(first: string, last: string): string {
    const local = this.pick([
      `${first}.${last}`
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^\p{ASCII}]/gu, ''),
      this.hex(32), // hash-like local parts: reply-to and relay addresses
      this.hex(40),
      `${this.chars('abcdefghijklmnopqrstuvwxyz0123456789', 36)}`,
      `support+${this.hex(24)}`,
      `bounce-${this.int(1e6, 1e9)}-${this.hex(16)}`,
    ]);
    return `${local}@${this.pick(['example.com', 'reply.zendesk.example', 'in.intercom-mail.example', 'acme.co.uk'])}`;
  }
  isoTime(): string {
    return new Date(
      Date.UTC(
        2024,
        this.int(0, 11),
        this.int(1, 28),
        this.int(0, 23),
        this.int(0, 59),
        this.int(0, 59),
        this.int(0, 999)
      )
    ).toISOString();
  }
  date(): string {
    return this.isoTime().slice(0, 10);
  }
  avatar(): string {
    return this.pick([
      `https://www.gravatar.example/avatar/${this.hex(32)}?s=200&d=identicon`,
      `https://cdn.tool.example/avatars/${this.uuid()}/${this.hex(40)}.png`,
      `https://images.hris.example/u/${this.objectId()}/profile-${this.int(1, 9)}.jpg?w=256&h=256`,
    ]);
  }
}

/** An employee of an HRIS (BambooHR, Personio, HiBob, Workday shapes). */
export function employee(g: Gen): unknown {
  const [first, last] = g.name();
  return {
    id: g.anyId(),
    remote_id: String(g.int(1000, 99999)),
    employee_number: `E-${g.int(1000, 9999)}`,
    first_name: first,
    last_name: last,
    display_full_name: `${first} ${last}`,
    work_email: g.email(first, last),
    personal_email: g.email(first, last),
    avatar: g.avatar(),
    department: g.pick(DEPARTMENTS),
    job_title: g.pick(['Software Engineer', 'HR Business Partner', 'Account Executive', 'Controller']),
    employment_status: g.pick(['ACTIVE', 'PENDING', 'INACTIVE']),
    employment_type: g.pick(['FULL_TIME', 'PART_TIME', 'CONTRACTOR']),
    start_date: g.date(),
    termination_date: null,
    manager: { id: g.anyId(), remote_id: String(g.int(1000, 99999)) },
    home_location: { place_id: g.placeId(), city: g.pick(CITIES), country: 'DE' },
    pay_rate: g.int(30000, 150000),
    pay_currency: 'EUR',
    custom_fields: { shirt_size: g.pick(['S', 'M', 'L']), allergies: g.bool() ? 'none' : 'peanuts' },
    account: {
      num_active_sessions: g.int(0, 5),
      session_count: g.int(0, 300),
      last_session_at: g.isoTime(),
      session_timeout_minutes: 30,
      password_set: g.bool(),
      password_changed_at: g.isoTime(),
      mfa_enabled: g.bool(),
      token_type: 'bearer',
      credential_kind: g.pick(['oauth2', 'saml', 'password']),
      is_token_valid: g.bool(),
      sso_provider: 'okta',
    },
    modified_at: g.isoTime(),
    etag: `W/"${g.hex(40)}"`,
  };
}

/** A candidate with applications (Greenhouse, Lever, Ashby shapes). */
export function candidate(g: Gen): unknown {
  const [first, last] = g.name();
  return {
    id: g.anyId(),
    first_name: first,
    last_name: last,
    company: g.pick(['Initech', 'Globex', null]),
    emails: [{ value: g.email(first, last), type: 'personal' }],
    phone_numbers: [{ value: `+49 30 ${g.int(1000000, 9999999)}`, type: 'mobile' }],
    tags: ['referral', g.pick(['senior', 'junior'])],
    applications: Array.from({ length: g.int(1, 3) }, () => ({
      id: g.anyId(),
      job_id: g.int(1e5, 1e7),
      status: g.pick(['active', 'rejected', 'hired']),
      current_stage: { id: g.int(1e5, 1e7), name: g.pick(['Phone Screen', 'Onsite', 'Offer']) },
      source: { id: g.int(1, 999), public_name: 'LinkedIn' },
      applied_at: g.isoTime(),
      interview_session: g.pick(['Morning session', 'Afternoon session, room 4', 'Panel session']),
      session: g.pick(['Spring 2024 intake', 'Fall onboarding session']),
      attachments: [
        { filename: `${last}_CV.pdf`, type: 'resume', url: `https://ats.example/files/${g.uuid()}/${last}_CV.pdf` },
      ],
    })),
    graphql_id: g.graphqlId(),
    created_at: g.isoTime(),
    is_private: false,
  };
}

/** A CRM contact and a deal (HubSpot, Salesforce, Pipedrive shapes). */
export function crmRecords(g: Gen): unknown {
  const [first, last] = g.name();
  const sfId = g.salesforceId('003');
  return {
    results: [
      {
        id: String(g.int(1, 1e9)),
        properties: {
          createdate: g.isoTime(),
          email: g.email(first, last),
          firstname: first,
          lastname: last,
          hs_object_id: String(g.int(1, 1e9)),
          hs_email_hash: g.hex(40),
          lastmodifieddate: g.isoTime(),
          num_associated_deals: g.int(0, 9),
          hs_analytics_num_visits: g.int(0, 400),
        },
        archived: false,
      },
      {
        attributes: { type: 'Contact', url: `/services/data/v58.0/sobjects/Contact/${sfId}` },
        Id: sfId,
        AccountId: g.salesforceId('001'),
        OwnerId: g.salesforceId('005'),
        Name: `${first} ${last}`,
        Email: g.email(first, last),
        SystemModstamp: g.isoTime(),
      },
      {
        id: g.int(1, 1e6),
        title: `${last} deal`,
        value: g.int(100, 1e6),
        currency: 'USD',
        stage_id: g.int(1, 9),
        org_id: { value: g.int(1, 1e6), name: 'Globex' },
      },
    ],
    paging: {
      next: {
        after: String(g.int(1, 1e6)),
        link: `https://api.crm.example/crm/v3/objects/contacts?after=${g.int(1, 1e6)}`,
      },
    },
    nextPageToken: g.chars(B62, 48),
    syncToken: g.chars(B62 + '_-', 40),
  };
}

/** A ticket with comments (Zendesk, Jira, Intercom shapes). */
export function ticket(g: Gen): unknown {
  const [first, last] = g.name();
  const key = `${g.pick(['SUP', 'OPS', 'HR'])}-${g.int(1, 9999)}`;
  return {
    id: g.int(1, 1e7),
    key,
    self: `https://acme.atlassian.example/rest/api/3/issue/${g.int(10000, 99999)}`,
    subject: 'Payroll export failed for March',
    description: `Hi team, the export for ${first} ${last} fails with error code 502. Request ID ${g.uuid()}. Thanks!`,
    status: g.pick(['open', 'pending', 'solved']),
    priority: g.pick(['low', 'normal', 'high']),
    requester: { id: g.int(1, 1e10), accountId: g.objectId(), name: `${first} ${last}`, email: g.email(first, last) },
    via: {
      channel: 'email',
      source: {
        from: { address: g.email(first, last) },
        to: { address: `support+${g.hex(24)}@reply.zendesk.example` },
      },
    },
    tags: ['payroll', 'export'],
    custom_fields: [
      { id: g.int(1e6, 9e6), value: g.pick(['tier_1', 'tier_2']) },
      { id: g.int(1e6, 9e6), value: g.bool() },
    ],
    comments: Array.from({ length: g.int(1, 3) }, () => ({
      id: g.int(1e9, 9e9),
      author_id: g.int(1, 1e10),
      body: `Checked the logs: request ${g.hex(40)} returned 502 at ${g.isoTime()}.`,
      html_body: `<div class="zd-comment"><p>Checked the logs, see <a href="https://status.example.com/incidents/${g.ksuid()}" rel="noreferrer">incident</a>.</p></div>`,
      public: g.bool(),
      created_at: g.isoTime(),
      attachments: [],
    })),
    satisfaction_rating: { score: 'good' },
    conversation_id: g.chars(HEX, 24),
    created_at: g.isoTime(),
  };
}

/** A webhook event envelope (Stripe-like, Merge-like, Svix-like). */
export function webhookEvent(g: Gen): unknown {
  return {
    id: `evt_${g.uuid()}`,
    type: g.pick(['employee.updated', 'candidate.stage_changed', 'ticket.created']),
    api_version: '2024-06-20',
    created: g.int(1.7e9, 1.8e9),
    livemode: g.bool(),
    pending_webhooks: g.int(0, 3),
    request: { id: `req_${g.chars(B62, 14)}`, idempotency_key: g.uuid() },
    data: {
      object: {
        id: g.anyId(),
        object: 'employee',
        linked_account_id: g.uuid(),
        endpoint: `/v1/employees/${g.anyId()}/documents`,
        hash: g.hex(64),
        checksum: `sha256:${g.hex(64)}`,
      },
    },
    delivery: { attempt: g.int(1, 5), trace_id: g.hex(32), span_id: g.hex(16), amzn_trace_id: g.amznTraceId() },
  };
}

/** A GraphQL response with Relay-style ids and cursors. */
export function graphqlPage(g: Gen): unknown {
  return {
    data: {
      organization: {
        id: g.graphqlId(),
        name: 'Acme',
        members: {
          totalCount: g.int(1, 5000),
          nodes: Array.from({ length: 3 }, () => ({
            id: g.graphqlId(),
            login: g.pick(['ada', 'grace', 'linus']),
            databaseId: g.int(1, 1e8),
          })),
          pageInfo: { hasNextPage: g.bool(), endCursor: Buffer.from(`cursor:v2:${g.int(1, 1e6)}`).toString('base64') },
        },
      },
    },
    extensions: {
      cost: {
        requestedQueryCost: g.int(1, 100),
        throttleStatus: { maximumAvailable: 1000, currentlyAvailable: g.int(0, 1000) },
      },
    },
  };
}

/** Response headers as tools send them. */
export function responseHeaders(g: Gen): Record<string, string | string[]> {
  return {
    'content-type': 'application/json; charset=utf-8',
    date: new Date(Date.UTC(2024, 2, g.int(1, 28), 10, 0, 0)).toUTCString(),
    etag: `"${g.hex(40)}"`,
    'x-request-id': g.uuid(),
    'x-amzn-requestid': g.uuid(),
    'x-amzn-trace-id': g.amznTraceId(),
    'x-amz-cf-id': g.chars(B62 + '_-', 56) + '==',
    'cf-ray': `${g.hex(16)}-FRA`,
    traceparent: `00-${g.hex(32)}-${g.hex(16)}-01`,
    'access-control-allow-credentials': 'true',
    'access-control-allow-origin': 'https://app.example.com',
    'access-control-allow-headers': 'Authorization, Content-Type, X-Api-Key',
    'access-control-expose-headers': 'X-Request-Id, X-RateLimit-Remaining',
    'content-security-policy': `default-src 'self'; script-src 'self' 'nonce-${g.chars(B62 + '+/', 24)}' 'sha256-${Buffer.from(g.hex(32), 'hex').toString('base64')}'; report-uri https://o${g.int(1e5, 1e6)}.ingest.sentry.example/api/${g.int(1, 1e6)}/security/?sentry_key=${g.hex(32)}`,
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
    'x-ratelimit-remaining': String(g.int(0, 100)),
    'x-ratelimit-reset': String(g.int(1.7e9, 1.8e9)),
    link: `<https://api.tool.example/v1/employees?page=${g.int(2, 9)}&per_page=100>; rel="next"`,
    'x-runtime': `0.${g.int(10000, 99999)}`,
    'server-timing': `db;dur=${g.int(1, 99)}, app;dur=${g.int(1, 99)}`,
    vary: 'Accept-Encoding, Origin',
  };
}

/** HTML bodies: an error page with hashed assets, integrity digests and nonces. */
export function htmlBody(g: Gen): string {
  const digest = Buffer.from(g.hex(96), 'hex').toString('base64');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>502 Bad Gateway</title>
<link rel="stylesheet" href="/assets/application-${g.hex(64)}.css" integrity="sha384-${digest}" crossorigin="anonymous">
<script nonce="${g.chars(B62, 22)}" src="/packs/js/runtime-${g.hex(20)}.js"></script></head>
<body class="error-page"><div class="container"><h1>Something went wrong</h1>
<p>Request ID: <code>${g.uuid()}</code> &middot; Trace: ${g.amznTraceId()}</p>
<p>Contact <a href="mailto:${g.hex(32)}@reply.zendesk.example">support</a> or see <a href="https://status.example.com/incidents/${g.ksuid()}">status</a>.</p>
<img src="https://www.gravatar.example/avatar/${g.hex(32)}?s=64" alt=""></div></body></html>`;
}

/** Request URLs: relative and absolute, with ids of every shape in paths and queries. */
export function requestUrl(g: Gen): string {
  const id = g.anyId();
  return g.pick([
    `https://api.hris.example/v1/employees/${id}?include=manager&updated_since=${encodeURIComponent(g.isoTime())}`,
    `https://acme.atlassian.example/rest/api/3/search?jql=${encodeURIComponent('project = SUP AND updated > -1d')}&startAt=${g.int(0, 500)}`,
    `https://api.crm.example/crm/v3/objects/contacts/${id}/associations/deals`,
    `/v2/tickets/${g.int(1, 1e7)}/comments.json?sort_order=desc`,
    `https://maps.example/place/details/json?place_id=${g.placeId()}&fields=formatted_address`,
    `https://api.ats.example/v1/candidates?cursor=${g.graphqlId()}&limit=100`,
    `https://api.hris.example/v1/sync/${g.hex(40)}/status`,
  ]);
}
