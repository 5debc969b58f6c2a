// In-memory HRIS data for one account: employees, departments, absences. Deletions are
// soft (`deleted_at`) so delta syncs can see them.
import { createRandom, deriveSeed, type Random } from '../shared/random.js';

export interface Employee {
  id: number;
  first_name: string;
  last_name: string;
  /** Null for some employees: the integration warns about them. */
  email: string | null;
  department_id: number | null;
  job_title: string;
  employment_status: 'active' | 'terminated';
  start_date: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface Department {
  id: number;
  name: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface Absence {
  id: number;
  employee_id: number;
  type: 'vacation' | 'sick_leave' | 'parental_leave' | 'training';
  start_date: string;
  end_date: string;
  status: 'approved' | 'pending' | 'rejected';
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export type Model = 'employees' | 'departments' | 'absences';
export type Row = Employee | Department | Absence;

export interface ChangeEvent {
  type: 'employee.created' | 'employee.updated' | 'employee.deleted';
  accountId: string;
  employee: Employee;
}

export interface FieldError {
  field: string;
  message: string;
}

export class ValidationError extends Error {
  readonly details: FieldError[];
  constructor(details: FieldError[]) {
    super(details.map((d) => `${d.field}: ${d.message}`).join('; '));
    this.name = 'ValidationError';
    this.details = details;
  }
}

const FIRST_NAMES = [
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
  'Edsger',
  'Radia',
  'Tim',
  'Hedy',
  'John',
  'Joan',
  'Niklaus',
  'Sophie',
  'Donald',
  'Mary',
];
const LAST_NAMES = [
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
  'Dijkstra',
  'Perlman',
  'Berners-Lee',
  'Lamarr',
  'Backus',
  'Clarke',
  'Wirth',
  'Wilson',
  'Knuth',
  'Keller',
];
const DEPARTMENTS = ['Engineering', 'Sales', 'Marketing', 'People', 'Finance', 'Support', 'Legal', 'Operations'];
const TITLES = [
  'Engineer',
  'Senior Engineer',
  'Account Executive',
  'Designer',
  'Recruiter',
  'Controller',
  'Support Agent',
  'Manager',
];
const ABSENCE_TYPES: Absence['type'][] = ['vacation', 'sick_leave', 'parental_leave', 'training'];
const DAY_MS = 86_400_000;

const iso = (ms: number): string => new Date(ms).toISOString();
const day = (ms: number): string => iso(ms).slice(0, 10);

export interface StoreOptions {
  accountId: string;
  seed: number;
  employees: number;
  now?: () => number;
  /** Deleted rows kept per model for delta syncs (default 500). */
  keepDeleted?: number;
}

export class AccountStore {
  readonly accountId: string;
  private readonly random: Random;
  private readonly now: () => number;
  private readonly employees = new Map<number, Employee>();
  private readonly departments = new Map<number, Department>();
  private readonly absences = new Map<number, Absence>();
  private nextEmployeeId = 1001;
  private nextAbsenceId = 5001;
  private readonly initialHeadcount: number;

  private readonly keepDeleted: number;

  constructor({ accountId, seed, employees, now = Date.now, keepDeleted = 500 }: StoreOptions) {
    this.keepDeleted = keepDeleted;
    this.accountId = accountId;
    this.random = createRandom(deriveSeed(seed, accountId));
    this.now = now;
    this.initialHeadcount = employees;
    const created = now();
    DEPARTMENTS.forEach((name, i) => {
      const at = iso(created - this.random.int(30, 400) * DAY_MS);
      this.departments.set(101 + i, { id: 101 + i, name, created_at: at, updated_at: at, deleted_at: null });
    });
    for (let i = 0; i < employees; i++)
      this.insertEmployee(this.randomEmployeeFields(), created - this.random.int(1, 700) * DAY_MS);
    for (const employee of this.employees.values()) {
      if (this.random.chance(0.4)) this.insertAbsence(employee.id, created - this.random.int(0, 90) * DAY_MS);
    }
  }

  list(model: Model): Row[] {
    const map: Map<number, Row> =
      model === 'employees' ? this.employees : model === 'departments' ? this.departments : this.absences;
    return [...map.values()].sort((a, b) => a.id - b.id);
  }

  getEmployee(id: number): Employee | undefined {
    const employee = this.employees.get(id);
    return employee && !employee.deleted_at ? employee : undefined;
  }

  createEmployee(input: unknown): ChangeEvent {
    const fields = this.validateEmployee(input, { partial: false });
    const employee = this.insertEmployee(fields as Parameters<AccountStore['insertEmployee']>[0], this.now());
    return { type: 'employee.created', accountId: this.accountId, employee };
  }

  updateEmployee(id: number, input: unknown): ChangeEvent | undefined {
    const employee = this.getEmployee(id);
    if (!employee) return undefined;
    const fields = this.validateEmployee(input, { partial: true, ignoreEmailOf: id });
    Object.assign(employee, fields, { updated_at: iso(this.now()) });
    return { type: 'employee.updated', accountId: this.accountId, employee };
  }

  deleteEmployee(id: number): ChangeEvent | undefined {
    const employee = this.getEmployee(id);
    if (!employee) return undefined;
    const at = iso(this.now());
    Object.assign(employee, { deleted_at: at, updated_at: at, employment_status: 'terminated' });
    return { type: 'employee.deleted', accountId: this.accountId, employee };
  }

  /** One random change made "by the customer's HR team": a hire, an edit, a leave or a departure. */
  simulateChange(random: Random): ChangeEvent[] {
    this.forgetOldDeletions();
    const active = this.list('employees').filter((e) => !e.deleted_at) as Employee[];
    // Headcount drifts but stays near where it started, so a long demo run stays small.
    const roll = active.length > this.initialHeadcount * 1.5 ? 0.95 : random.next();
    if (roll < 0.25 || active.length < 5) {
      const employee = this.insertEmployee(this.randomEmployeeFields(random), this.now());
      return [{ type: 'employee.created', accountId: this.accountId, employee }];
    }
    const target = random.pick(active);
    if (roll < 0.7) {
      const change = this.updateEmployee(target.id, { job_title: random.pick(TITLES) });
      return change ? [change] : [];
    }
    if (roll < 0.9) {
      this.insertAbsence(target.id, this.now());
      // Cancel the oldest absence when there are many: absences do not pile up forever.
      const live = [...this.absences.values()].filter((a) => !a.deleted_at);
      if (live.length > this.initialHeadcount) {
        const oldest = live.reduce((a, b) => (a.updated_at <= b.updated_at ? a : b));
        const at = iso(this.now());
        Object.assign(oldest, { deleted_at: at, updated_at: at });
      }
      return [];
    }
    const change = this.deleteEmployee(target.id);
    return change ? [change] : [];
  }

  /** Deleted rows are kept for delta syncs, but not forever: only the latest few hundred. */
  private forgetOldDeletions(keep = this.keepDeleted): void {
    for (const map of [this.employees, this.absences] as Map<number, Row>[]) {
      const deleted = [...map.values()].filter((row) => row.deleted_at !== null);
      if (deleted.length <= keep) continue;
      deleted.sort((a, b) => Date.parse(a.updated_at) - Date.parse(b.updated_at));
      for (const row of deleted.slice(0, deleted.length - keep)) map.delete(row.id);
    }
  }

  private randomEmployeeFields(
    random: Random = this.random
  ): Omit<Employee, 'id' | 'created_at' | 'updated_at' | 'deleted_at'> {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const n = this.nextEmployeeId;
    return {
      first_name: first,
      last_name: last,
      // About one in twenty has no work email yet.
      email: random.chance(0.05) ? null : `${first}.${last}.${n}@example.com`.toLowerCase(),
      department_id: 101 + random.int(0, DEPARTMENTS.length - 1),
      job_title: random.pick(TITLES),
      employment_status: 'active',
      start_date: day(this.now() - random.int(0, 2000) * DAY_MS),
    };
  }

  private insertEmployee(
    fields: Omit<Employee, 'id' | 'created_at' | 'updated_at' | 'deleted_at'>,
    atMs: number
  ): Employee {
    const id = this.nextEmployeeId++;
    const at = iso(atMs);
    const employee: Employee = { id, ...fields, created_at: at, updated_at: at, deleted_at: null };
    this.employees.set(id, employee);
    return employee;
  }

  private insertAbsence(employeeId: number, atMs: number): Absence {
    const id = this.nextAbsenceId++;
    const start = atMs + this.random.int(1, 60) * DAY_MS;
    const at = iso(atMs);
    const absence: Absence = {
      id,
      employee_id: employeeId,
      type: this.random.pick(ABSENCE_TYPES),
      start_date: day(start),
      end_date: day(start + this.random.int(0, 14) * DAY_MS),
      status: this.random.pick(['approved', 'approved', 'pending', 'rejected'] as const),
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
    this.absences.set(id, absence);
    return absence;
  }

  private validateEmployee(
    input: unknown,
    { partial, ignoreEmailOf }: { partial: boolean; ignoreEmailOf?: number }
  ): Partial<Employee> {
    const errors: FieldError[] = [];
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw new ValidationError([{ field: '(body)', message: 'must be a JSON object' }]);
    }
    const body = input as Record<string, unknown>;
    const out: Partial<Employee> = {};
    const requireString = (field: 'first_name' | 'last_name' | 'job_title', max = 100): void => {
      const value = body[field];
      if (value === undefined) {
        if (!partial && field !== 'job_title') errors.push({ field, message: 'is required' });
        return;
      }
      if (typeof value !== 'string' || value.trim() === '')
        errors.push({ field, message: 'must be a non-empty string' });
      else if (value.length > max) errors.push({ field, message: `must be at most ${max} characters` });
      else out[field] = value.trim();
    };
    requireString('first_name');
    requireString('last_name');
    requireString('job_title');
    if (body.email === undefined) {
      if (!partial) errors.push({ field: 'email', message: 'is required' });
    } else if (typeof body.email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.email)) {
      errors.push({ field: 'email', message: 'must be a valid email address' });
    } else {
      const email = body.email.toLowerCase();
      const taken = [...this.employees.values()].some(
        (e) => e.email === email && !e.deleted_at && e.id !== ignoreEmailOf
      );
      if (taken) errors.push({ field: 'email', message: 'is already used by another employee' });
      else out.email = email;
    }
    if (body.department_id !== undefined && body.department_id !== null) {
      if (typeof body.department_id !== 'number' || !this.departments.has(body.department_id)) {
        errors.push({ field: 'department_id', message: 'does not match a department' });
      } else out.department_id = body.department_id;
    }
    if (body.start_date !== undefined) {
      if (
        typeof body.start_date !== 'string' ||
        !/^\d{4}-\d{2}-\d{2}$/.test(body.start_date) ||
        Number.isNaN(Date.parse(body.start_date))
      ) {
        errors.push({ field: 'start_date', message: 'must be a date (YYYY-MM-DD)' });
      } else out.start_date = body.start_date;
    }
    if (errors.length > 0) throw new ValidationError(errors);
    if (!partial) {
      out.job_title ??= 'Employee';
      out.department_id ??= null;
      out.start_date ??= day(this.now());
      out.employment_status = 'active';
    }
    return out;
  }
}
