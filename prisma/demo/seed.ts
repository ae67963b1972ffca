import { insertJson, newId } from "@/lib/db-bulk";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { aggregateDailyLoads, rebuildAllDailyLoads } from "@/lib/sessions/daily-load";
import { EMERGENCY_SYMPTOM_IDS } from "@/lib/training-load/symptoms";
import {
  DEMO_COACH_EMAIL,
  DEMO_CLINICIAN_EMAIL,
  DEMO_EMAIL_DOMAIN,
  DEMO_PASSWORD,
  DEMO_SQUAD_NAME,
  CLUB_DEFAULTS,
  CLUB_LIMITS,
  generateDemoAthlete,
  generateDemoCoach,
  resolveDemoParams,
  type DemoAthlete,
  type ResolvedDemoParams,
} from "./generator";

export { DEMO_COACH_EMAIL, DEMO_CLINICIAN_EMAIL, DEMO_PASSWORD, DEMO_SQUAD_NAME, DEMO_EMAIL_DOMAIN, demoAthleteEmail } from "./generator";

export interface SeedDemoOptions {
  seed?: number;
  athletes?: number;
  months?: number;
  /** Last day of history, "YYYY-MM-DD"; today's UTC date when omitted. */
  endDate?: string;
  password?: string;
}

export interface SeedDemoCounts {
  users: number;
  squads: number;
  memberships: number;
  profiles: number;
  shoes: number;
  sessions: number;
  dailyLoads: number;
  painReports: number;
  ostrcResponses: number;
  plans: number;
  plannedSessions: number;
}

export interface SeedDemoResult {
  /** True when the demo coach already existed and nothing was written. */
  skipped: boolean;
  coachEmail: string;
  athleteEmails: string[];
  password: string;
  squadId: string | null;
  /** The history that was generated; null when skipped. */
  range: { startDate: string; endDate: string } | null;
  counts: SeedDemoCounts;
}

const emptyCounts = (): SeedDemoCounts => ({
  users: 0,
  squads: 0,
  memberships: 0,
  profiles: 0,
  shoes: 0,
  sessions: 0,
  dailyLoads: 0,
  painReports: 0,
  ostrcResponses: 0,
  plans: 0,
  plannedSessions: 0,
});

// Rows per INSERT. createMany binds one parameter per value, so its chunks stay under PostgreSQL's 65,535.
const ROW_CHUNK = 4000;
// The history tables go through one JSON parameter per chunk instead (see insertJson).
const JSON_CHUNK = 5000;
// A 100-athlete, 36-month seed writes about 200,000 rows in one transaction.
const TRANSACTION_TIMEOUT_MS = 20 * 60_000;

const dbDate = (date: string) => new Date(`${date}T00:00:00Z`);

// Rows for insertJson: the createMany shapes with dates as the strings PostgreSQL parses, and the ids and
// @updatedAt values that Prisma would otherwise fill in on the client.
type JsonDates<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: string };
type SessionRow = JsonDates<
  Prisma.TrainingSessionCreateManyInput,
  "id" | "localDate" | "startTime" | "createdAt" | "updatedAt"
>;
type DailyLoadRow = JsonDates<Omit<Prisma.DailyLoadCreateManyInput, "runKmBySurface">, "localDate"> & {
  runKmBySurface: Record<string, number> | null;
};
type PainReportRow = JsonDates<
  Omit<Prisma.BackPainReportCreateManyInput, "redFlags">,
  "id" | "localDate" | "reportedAt" | "createdAt"
> & { redFlags: string[] };
type OstrcRow = JsonDates<Prisma.OstrcResponseCreateManyInput, "id" | "weekStart" | "localDate" | "createdAt">;

/** Rows waiting to be written, flushed parents first so foreign keys always resolve. */
class Batch {
  users: Prisma.UserCreateManyInput[] = [];
  memberships: Prisma.MembershipCreateManyInput[] = [];
  profiles: Prisma.AthleteProfileCreateManyInput[] = [];
  shoes: Prisma.ShoeCreateManyInput[] = [];
  sessions: SessionRow[] = [];
  dailyLoads: DailyLoadRow[] = [];
  painReports: PainReportRow[] = [];
  ostrcResponses: OstrcRow[] = [];
  plans: Prisma.PlanCreateManyInput[] = [];
  plannedSessions: Prisma.PlannedSessionCreateManyInput[] = [];

  constructor(
    private readonly tx: Prisma.TransactionClient,
    readonly counts: SeedDemoCounts,
  ) {}

  get pending(): number {
    return this.sessions.length;
  }

  async flush(): Promise<void> {
    const { tx, counts } = this;
    counts.users += await write(this.users, ROW_CHUNK, (data) => tx.user.createMany({ data }));
    counts.memberships += await write(this.memberships, ROW_CHUNK, (data) => tx.membership.createMany({ data }));
    counts.profiles += await write(this.profiles, ROW_CHUNK, (data) => tx.athleteProfile.createMany({ data }));
    counts.shoes += await write(this.shoes, ROW_CHUNK, (data) => tx.shoe.createMany({ data }));
    counts.sessions += await write(this.sessions, JSON_CHUNK, (rows) => insertJson(tx, "TrainingSession", rows));
    counts.dailyLoads += await write(this.dailyLoads, JSON_CHUNK, (rows) => insertJson(tx, "DailyLoad", rows));
    counts.painReports += await write(this.painReports, JSON_CHUNK, (rows) => insertJson(tx, "BackPainReport", rows));
    counts.ostrcResponses += await write(this.ostrcResponses, JSON_CHUNK, (rows) =>
      insertJson(tx, "OstrcResponse", rows),
    );
    counts.plans += await write(this.plans, ROW_CHUNK, (data) => tx.plan.createMany({ data }));
    counts.plannedSessions += await write(this.plannedSessions, ROW_CHUNK, (data) =>
      tx.plannedSession.createMany({ data }),
    );
  }
}

/** Writes and empties `rows` in chunks; returns how many rows were inserted. */
async function write<T>(
  rows: T[],
  chunk: number,
  insert: (data: T[]) => Promise<{ count: number } | number>,
): Promise<number> {
  let written = 0;
  for (let i = 0; i < rows.length; i += chunk) {
    const result = await insert(rows.slice(i, i + chunk));
    written += typeof result === "number" ? result : result.count;
  }
  rows.length = 0;
  return written;
}

interface SquadRefs {
  squadId: string;
  coachId: string;
  passwordHash: string;
  createdAt: Date;
  /** False when the caller builds the daily totals in SQL afterwards (the club seed). */
  dailyLoads?: boolean;
}

function queueAthlete(batch: Batch, refs: SquadRefs, a: DemoAthlete): void {
  const userId = newId();
  batch.users.push({
    id: userId,
    email: a.user.email,
    name: a.user.name,
    passwordHash: refs.passwordHash,
    unitPreference: a.user.unitPreference,
    timeZone: a.user.timeZone,
    createdAt: refs.createdAt,
  });
  batch.memberships.push({ userId, squadId: refs.squadId, role: "ATHLETE", createdAt: refs.createdAt });
  batch.profiles.push({ userId, ...a.profile, birthDate: dbDate(a.profile.birthDate) });

  const shoeIds = new Map<string, string>();
  for (const shoe of a.shoes) {
    const id = newId();
    shoeIds.set(shoe.key, id);
    batch.shoes.push({
      id,
      userId,
      name: shoe.name,
      brand: shoe.brand,
      initialKm: shoe.initialKm,
      startedOn: dbDate(shoe.startedOn),
      retiredAt: shoe.retiredAt ? new Date(shoe.retiredAt) : null,
      createdAt: dbDate(shoe.startedOn),
    });
  }
  const shoeId = (key: string | null) => (key ? (shoeIds.get(key) ?? null) : null);

  for (const s of a.sessions) {
    // Logged when it finished, as a watch upload would be.
    const loggedAt = new Date(Date.parse(s.startTime) + s.durationMin * 60_000).toISOString();
    batch.sessions.push({
      id: newId(),
      userId,
      localDate: s.localDate,
      startTime: s.startTime,
      type: s.type,
      subType: s.subType,
      durationMin: s.durationMin,
      movingMin: s.movingMin,
      distanceKm: s.distanceKm,
      elevationGainM: s.elevationGainM,
      rpe: s.rpe,
      avgHr: s.avgHr,
      surface: s.surface,
      shoeId: shoeId(s.shoeKey),
      source: s.source,
      externalId: s.externalId,
      notes: s.notes,
      createdAt: loggedAt,
      updatedAt: loggedAt,
    });
  }
  if (refs.dailyLoads !== false) {
    // Load counts moving minutes where a session has them, as rebuildDailyLoads does.
    const forLoad = a.sessions.map((s) => ({ ...s, durationMin: s.movingMin ?? s.durationMin }));
    for (const row of aggregateDailyLoads(forLoad)) batch.dailyLoads.push({ userId, ...row });
  }

  for (const r of a.painReports) batch.painReports.push({ id: newId(), userId, ...r, createdAt: r.reportedAt });
  for (const o of a.ostrcResponses) {
    batch.ostrcResponses.push({ id: newId(), userId, ...o, createdAt: `${o.localDate}T19:30:00.000Z` });
  }

  if (a.plan) {
    const planId = newId();
    batch.plans.push({
      id: planId,
      squadId: refs.squadId,
      athleteId: userId,
      title: a.plan.title,
      startDate: dbDate(a.plan.startDate),
      endDate: dbDate(a.plan.endDate),
      createdById: refs.coachId,
    });
    for (const p of a.plan.sessions) {
      batch.plannedSessions.push({
        squadId: refs.squadId,
        athleteId: userId,
        planId,
        date: dbDate(p.date),
        type: p.type,
        subType: p.subType,
        title: p.title,
        durationMin: p.durationMin,
        distanceKm: p.distanceKm,
        targetRpe: p.targetRpe,
        surface: p.surface,
        shoeId: shoeId(p.shoeKey),
        description: p.description,
        origin: "COACH",
        createdById: refs.coachId,
      });
    }
  }
}

/**
 * The demo's red-flag reports hold their athlete's plan from their date on, as a report sent through the
 * app does (lib/safety/mutations.ts holdPlanForReport), so the demo shows a held plan awaiting a clearance.
 */
async function holdDemoPlans(tx: Prisma.TransactionClient, squadId: string): Promise<void> {
  await tx.$executeRaw`
    WITH holds AS (
      INSERT INTO "PlanHold" ("id", "athleteId", "reportId", "startDate", "emergency")
      SELECT 'hold' || r."id", r."userId", r."id", r."localDate", r."redFlags" && ${[...EMERGENCY_SYMPTOM_IDS]}::text[]
      FROM "BackPainReport" r JOIN "Membership" m ON m."userId" = r."userId" AND m."squadId" = ${squadId} AND m."role" = 'ATHLETE'
      WHERE cardinality(r."redFlags") > 0 OR r."mechanical" = false
      RETURNING "id", "athleteId", "startDate"
    )
    UPDATE "PlannedSession" p SET "holdId" = h."id"
    FROM holds h WHERE p."athleteId" = h."athleteId" AND p."date" >= h."startDate" AND p."holdId" IS NULL`;
}

async function existingDemo(prisma: PrismaClient, password: string): Promise<SeedDemoResult | null> {
  const coach = await prisma.user.findUnique({ where: { email: DEMO_COACH_EMAIL }, select: { id: true } });
  if (!coach) return null;
  const squad = await prisma.squad.findFirst({
    where: { name: DEMO_SQUAD_NAME, memberships: { some: { userId: coach.id, isOwner: true } } },
    select: { id: true, memberships: { where: { role: "ATHLETE" }, select: { user: { select: { email: true } } } } },
  });
  const athleteEmails = (squad?.memberships ?? [])
    .map((m) => m.user.email)
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  return {
    skipped: true,
    coachEmail: DEMO_COACH_EMAIL,
    athleteEmails,
    password,
    squadId: squad?.id ?? null,
    range: null,
    counts: emptyCounts(),
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Writes the demo squad (a coach, athletes, months of training, pain reports, OSTRC answers, next week's
 * plans and every athlete's DailyLoad rows) in one transaction, so a failed run leaves nothing behind.
 * Does nothing when the demo coach already exists.
 */
export async function seedDemo(prisma: PrismaClient, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const password = options.password ?? DEMO_PASSWORD;
  const params: ResolvedDemoParams = resolveDemoParams({
    seed: options.seed,
    athletes: options.athletes,
    months: options.months,
    endDate: options.endDate ?? new Date().toISOString().slice(0, 10),
  });

  const existing = await existingDemo(prisma, password);
  if (existing) return existing;

  // One hash for every demo account: argon2 is deliberately slow, and these accounts share a password anyway.
  const passwordHash = await hashPassword(password);
  const coach = generateDemoCoach(params);
  const createdAt = new Date(`${params.startDate}T09:00:00Z`);
  const counts = emptyCounts();
  const athleteEmails: string[] = [];

  let squadId: string;
  try {
    squadId = await prisma.$transaction(
      async (tx) => {
        const coachId = newId();
        const squadId = newId();
        await tx.user.create({ data: { id: coachId, ...coach, passwordHash, createdAt } });
        await tx.squad.create({ data: { id: squadId, name: DEMO_SQUAD_NAME, createdById: coachId, createdAt } });
        await tx.membership.create({ data: { userId: coachId, squadId, role: "COACH", isOwner: true, createdAt } });
        const clinicianId = newId();
        await tx.user.create({
          data: { id: clinicianId, email: DEMO_CLINICIAN_EMAIL, name: "Lucía Moreno", timeZone: coach.timeZone, passwordHash, createdAt },
        });
        await tx.membership.create({ data: { userId: clinicianId, squadId, role: "CLINICIAN", createdAt } });
        counts.users += 2;
        counts.squads += 1;
        counts.memberships += 2;

        const refs: SquadRefs = { squadId, coachId, passwordHash, createdAt };
        const batch = new Batch(tx, counts);
        for (let i = 0; i < params.athletes; i++) {
          // One athlete in memory at a time keeps large seeds flat in memory.
          const athlete = generateDemoAthlete(params, i);
          athleteEmails.push(athlete.user.email);
          queueAthlete(batch, refs, athlete);
          if (batch.pending >= JSON_CHUNK) await batch.flush();
        }
        await batch.flush();
        await holdDemoPlans(tx, squadId);
        return squadId;
      },
      { maxWait: 30_000, timeout: TRANSACTION_TIMEOUT_MS },
    );
  } catch (error) {
    // Another process seeded in the meantime.
    if (isUniqueViolation(error)) {
      const raced = await existingDemo(prisma, password);
      if (raced) return raced;
      throw new Error(`Demo seed refused: an account with an @${DEMO_EMAIL_DOMAIN} email already exists.`, {
        cause: error,
      });
    }
    throw error;
  }

  return {
    skipped: false,
    coachEmail: DEMO_COACH_EMAIL,
    athleteEmails,
    password,
    squadId,
    range: { startDate: params.startDate, endDate: params.endDate },
    counts,
  };
}

// ---------------------------------------------------------------- the club

export interface SeedClubOptions {
  seed?: number;
  /** Athletes in the club, 100 to a squad (the last squad takes the rest); 1,000 by default. */
  athletes?: number;
  months?: number;
  endDate?: string;
  password?: string;
}

export interface SeedClubResult extends SeedDemoResult {
  squads: { id: string; name: string; coachEmail: string; athletes: number }[];
}

/** The login of the coach of club squad n (1-based); squad 1 is the demo squad with the demo coach. */
export function clubCoachEmail(n: number): string {
  return n === 1 ? DEMO_COACH_EMAIL : `coach${n}@${DEMO_EMAIL_DOMAIN}`;
}

const CLUB_SQUAD_NAMES = ["Harriers", "Milers", "Trail Group", "Masters", "Juniors", "Road Squad", "Track Group", "Ultra Group", "Cross Country", "Beginners"];

function clubSquadName(n: number): string {
  if (n === 1) return DEMO_SQUAD_NAME;
  const base = CLUB_SQUAD_NAMES[(n - 1) % CLUB_SQUAD_NAMES.length];
  return n <= CLUB_SQUAD_NAMES.length ? `Demo ${base}` : `Demo ${base} ${Math.ceil(n / CLUB_SQUAD_NAMES.length)}`;
}

/**
 * Writes a club: `athletes` demo athletes (1,000 by default) in squads of 100, each squad with a coach of
 * its own; squad 1 is the demo squad with the demo coach and physiotherapist, so the demo logins work.
 * Athletes are generated as the demo squad's are (athlete n of the club is demo athlete n), their daily
 * totals built afterwards in SQL by rebuildAllDailyLoads (the app's full rebuild). One transaction per
 * squad keeps memory and locks bounded; a squad's rows are sent while the next chunk is generated.
 * Does nothing when the demo coach already exists.
 */
export async function seedClub(prisma: PrismaClient, options: SeedClubOptions = {}): Promise<SeedClubResult> {
  const password = options.password ?? DEMO_PASSWORD;
  const params: ResolvedDemoParams = resolveDemoParams(
    {
      seed: options.seed,
      athletes: options.athletes ?? CLUB_DEFAULTS.athletes,
      months: options.months ?? CLUB_DEFAULTS.months,
      endDate: options.endDate ?? new Date().toISOString().slice(0, 10),
    },
    CLUB_LIMITS.athletes,
  );

  const existing = await existingDemo(prisma, password);
  if (existing) return { ...existing, squads: [] };

  const passwordHash = await hashPassword(password);
  const demoCoach = generateDemoCoach(params);
  const createdAt = new Date(`${params.startDate}T09:00:00Z`);
  const counts = emptyCounts();
  const athleteEmails: string[] = [];
  const athleteIds: string[] = [];
  const squads: SeedClubResult["squads"] = [];
  const squadCount = Math.ceil(params.athletes / CLUB_DEFAULTS.squadSize);

  try {
    for (let n = 1; n <= squadCount; n++) {
      const from = (n - 1) * CLUB_DEFAULTS.squadSize;
      const to = Math.min(params.athletes, from + CLUB_DEFAULTS.squadSize);
      const squad = await prisma.$transaction(
        async (tx) => {
          const coachId = newId();
          const squadId = newId();
          const coach = n === 1 ? demoCoach : { ...demoCoach, email: clubCoachEmail(n), name: `${demoCoach.name.split(" ")[0]} ${CLUB_SQUAD_NAMES[(n - 1) % CLUB_SQUAD_NAMES.length]}` };
          await tx.user.create({ data: { id: coachId, ...coach, passwordHash, createdAt } });
          await tx.squad.create({ data: { id: squadId, name: clubSquadName(n), createdById: coachId, createdAt } });
          await tx.membership.create({ data: { userId: coachId, squadId, role: "COACH", isOwner: true, createdAt } });
          counts.users += 1;
          counts.squads += 1;
          counts.memberships += 1;
          if (n === 1) {
            const clinicianId = newId();
            await tx.user.create({
              data: { id: clinicianId, email: DEMO_CLINICIAN_EMAIL, name: "Lucía Moreno", timeZone: coach.timeZone, passwordHash, createdAt },
            });
            await tx.membership.create({ data: { userId: clinicianId, squadId, role: "CLINICIAN", createdAt } });
            counts.users += 1;
            counts.memberships += 1;
          }

          const refs: SquadRefs = { squadId, coachId, passwordHash, createdAt, dailyLoads: false };
          let batch = new Batch(tx, counts);
          let sending: Promise<void> = Promise.resolve();
          for (let i = from; i < to; i++) {
            const athlete = generateDemoAthlete(params, i);
            athleteEmails.push(athlete.user.email);
            queueAthlete(batch, refs, athlete);
            athleteIds.push(batch.users[batch.users.length - 1].id!);
            // Lets the chunk on the wire go on to its next statement between athletes.
            await new Promise<void>((resolve) => setImmediate(resolve));
            if (batch.pending >= JSON_CHUNK) {
              // One chunk on the wire while the next is generated; the transaction sends them in order.
              await sending;
              sending = batch.flush();
              batch = new Batch(tx, counts);
            }
          }
          await sending;
          await batch.flush();
          await holdDemoPlans(tx, squadId);
          return { id: squadId, name: clubSquadName(n), coachEmail: coach.email, athletes: to - from };
        },
        { maxWait: 30_000, timeout: TRANSACTION_TIMEOUT_MS },
      );
      squads.push(squad);
    }
    counts.dailyLoads = await rebuildAllDailyLoads(prisma, athleteIds);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new Error(`Club seed refused: an account with an @${DEMO_EMAIL_DOMAIN} email already exists.`, { cause: error });
    }
    throw error;
  }

  return {
    skipped: false,
    coachEmail: DEMO_COACH_EMAIL,
    athleteEmails,
    password,
    squadId: squads[0]?.id ?? null,
    range: { startDate: params.startDate, endDate: params.endDate },
    counts,
    squads,
  };
}
