// Demo squad data: a coach and athletes with months of plausible training, back-pain episodes that mostly
// follow overload, weekly OSTRC answers, and a few situations placed on purpose so every screen has
// something to show. Pure and seeded: the same parameters always give the same data, whatever the clock.
import type {
  BackZone,
  CrossTrainingMode,
  CurvatureFinding,
  FootprintType,
  PainSide,
  PainTiming,
  PostureLoad,
  SessionType,
  Sex,
  Surface,
  UnitPreference,
} from "@/lib/generated/prisma/client";

export const DEMO_EMAIL_DOMAIN = "backbone.demo";
export const DEMO_COACH_EMAIL = `coach@${DEMO_EMAIL_DOMAIN}`;
/** The demo squad's physiotherapist (a clinician member): reads health data and records clearances. */
export const DEMO_CLINICIAN_EMAIL = `physio@${DEMO_EMAIL_DOMAIN}`;
export const DEMO_PASSWORD = "backbone-demo";
export const DEMO_SQUAD_NAME = "Demo Harriers";

/** Login of the athlete with 1-based number n. */
export function demoAthleteEmail(n: number): string {
  return `athlete${n}@${DEMO_EMAIL_DOMAIN}`;
}

export const DEMO_DEFAULTS = { seed: 42, athletes: 8, months: 12 } as const;
export const DEMO_LIMITS = { athletes: 500, months: 120 } as const;
/** The club seed (prisma/demo/seed.ts seedClub): athletes across several squads, 100 to a squad. */
export const CLUB_DEFAULTS = { athletes: 1000, months: 36, squadSize: 100 } as const;
export const CLUB_LIMITS = { athletes: 5000 } as const;

// ---------------------------------------------------------------- output types

export interface DemoParams {
  seed?: number;
  athletes?: number;
  months?: number;
  /** Last day of generated history, "YYYY-MM-DD". */
  endDate: string;
}

export interface ResolvedDemoParams {
  seed: number;
  athletes: number;
  months: number;
  endDate: string;
  /** First day of generated history. */
  startDate: string;
}

export interface DemoUser {
  email: string;
  name: string;
  unitPreference: UnitPreference;
  timeZone: string;
}

export interface DemoProfile {
  birthDate: string;
  sex: Sex;
  heightCm: number;
  weightKg: number;
  footprintType: FootprintType;
  legLengthDiscrepancyMm: number | null;
  postureLoad: PostureLoad[];
  curvatureFindings: CurvatureFinding[];
  injuryHistory: string | null;
}

export interface DemoShoe {
  /** Unique within the athlete; sessions and planned sessions point at it. */
  key: string;
  name: string;
  brand: string;
  initialKm: number;
  startedOn: string;
  /** ISO instant, or null while in use. */
  retiredAt: string | null;
}

export interface DemoSession {
  externalId: string;
  localDate: string;
  /** ISO instant of the local start time in the athlete's time zone. */
  startTime: string;
  type: SessionType;
  subType: CrossTrainingMode | null;
  durationMin: number;
  movingMin: number | null;
  distanceKm: number | null;
  elevationGainM: number | null;
  rpe: number | null;
  avgHr: number | null;
  surface: Surface | null;
  shoeKey: string | null;
  source: "DEMO";
  notes: string | null;
}

export interface DemoPainReport {
  localDate: string;
  reportedAt: string;
  zone: BackZone;
  subArea: string;
  side: PainSide;
  nrs: number;
  timing: PainTiming;
  triggerPoint: boolean;
  redFlags: string[];
  mechanical: boolean | null;
  notes: string | null;
}

export interface DemoOstrcResponse {
  weekStart: string;
  localDate: string;
  zone: BackZone;
  q1: number;
  q2: number;
  q3: number;
  q4: number;
  severity: number;
  substantial: boolean;
}

export interface DemoPlannedSession {
  date: string;
  type: SessionType;
  subType: CrossTrainingMode | null;
  title: string;
  durationMin: number;
  distanceKm: number | null;
  targetRpe: number | null;
  surface: Surface | null;
  shoeKey: string | null;
  description: string | null;
}

export interface DemoPlan {
  title: string;
  startDate: string;
  endDate: string;
  sessions: DemoPlannedSession[];
}

/** What the athlete was built to show; tests and the seed's report rely on these. */
export interface DemoAthleteRoles {
  /** Last 7 days carry a long-run spike and a rising pain report. */
  overloaded: boolean;
  /** Holds the squad's only red-flag report. */
  redFlag: boolean;
  /** Last 7 days mostly on a surface barely used before. */
  surfaceChange: boolean;
  /** Does little or no core, strength or mobility work. */
  neglectsSupport: boolean;
}

export interface DemoAthlete {
  /** 0-based position in the squad. */
  index: number;
  user: DemoUser;
  profile: DemoProfile;
  roles: DemoAthleteRoles;
  shoes: DemoShoe[];
  sessions: DemoSession[];
  painReports: DemoPainReport[];
  ostrcResponses: DemoOstrcResponse[];
  plan: DemoPlan | null;
}

export interface DemoData {
  params: ResolvedDemoParams;
  squadName: string;
  coach: DemoUser;
  athletes: DemoAthlete[];
}

// ---------------------------------------------------------------- parameters

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function parseDay(date: string, label: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`${label} must be YYYY-MM-DD, got "${date}"`);
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  if (new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`${label} is not a calendar date: ${date}`);
  }
  return ms / DAY_MS;
}

function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Monday = 0 ... Sunday = 6 (day 0, 1970-01-01, was a Thursday). */
function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

function addMonthsClamped(day: number, months: number): number {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastOfTarget = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), lastOfTarget)) / DAY_MS;
}

function checkInt(value: number, label: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${label} must be an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}

/** `maxAthletes` raises the limit for the club seed, whose athletes are spread over several squads. */
export function resolveDemoParams(params: DemoParams, maxAthletes: number = DEMO_LIMITS.athletes): ResolvedDemoParams {
  const seed = params.seed ?? DEMO_DEFAULTS.seed;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const athletes = checkInt(params.athletes ?? DEMO_DEFAULTS.athletes, "athletes", 1, maxAthletes);
  const months = checkInt(params.months ?? DEMO_DEFAULTS.months, "months", 1, DEMO_LIMITS.months);
  const end = parseDay(params.endDate, "endDate");
  const start = addMonthsClamped(end, -months) + 1;
  return { seed, athletes, months, endDate: params.endDate, startDate: formatDay(start) };
}

// ---------------------------------------------------------------- randomness

function hash32(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p | 0), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
  }
  return h >>> 0;
}

/** mulberry32: small, fast, and good enough for plausible-looking data. */
class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T extends string>(weights: Partial<Record<T, number>>): T {
    const entries = Object.entries(weights) as [T, number][];
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return entries[entries.length - 1][0];
  }
  /** A whole count whose mean is `mean`. */
  count(mean: number): number {
    const base = Math.floor(mean);
    return base + (this.chance(mean - base) ? 1 : 0);
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

// ---------------------------------------------------------------- time zones
// Fixed offsets plus each region's daylight-saving rule keep the generator free of the host's ICU data;
// a start time can be off only within the early-morning hour of a switch, where no session starts.

type DstRule = "EU" | "US" | "AU" | "NONE";
const ZONES: Record<string, { std: number; dst: number; rule: DstRule }> = {
  "Europe/Madrid": { std: 60, dst: 120, rule: "EU" },
  "Europe/London": { std: 0, dst: 60, rule: "EU" },
  "Europe/Berlin": { std: 60, dst: 120, rule: "EU" },
  "America/New_York": { std: -300, dst: -240, rule: "US" },
  "America/Chicago": { std: -360, dst: -300, rule: "US" },
  "America/Los_Angeles": { std: -480, dst: -420, rule: "US" },
  "Australia/Sydney": { std: 600, dst: 660, rule: "AU" },
  "Asia/Tokyo": { std: 540, dst: 540, rule: "NONE" },
};

function nthSunday(year: number, month0: number, n: number): number {
  const first = Date.UTC(year, month0, 1) / DAY_MS;
  return first + ((6 - weekday(first) + 7) % 7) + 7 * (n - 1);
}

function lastSunday(year: number, month0: number): number {
  const last = Date.UTC(year, month0 + 1, 0) / DAY_MS;
  return last - ((weekday(last) + 1) % 7);
}

const dstCache = new Map<string, [number, number]>();
function dstBounds(rule: DstRule, year: number): [number, number] {
  const key = `${rule}${year}`;
  let b = dstCache.get(key);
  if (!b) {
    if (rule === "EU") b = [lastSunday(year, 2), lastSunday(year, 9)];
    else if (rule === "US") b = [nthSunday(year, 2, 2), nthSunday(year, 10, 1)];
    // Southern hemisphere: daylight time runs from October to April, so it is the complement.
    else if (rule === "AU") b = [nthSunday(year, 3, 1), nthSunday(year, 9, 1)];
    else b = [0, 0];
    dstCache.set(key, b);
  }
  return b;
}

/** UTC offset in minutes on a local calendar day, after any early-morning switch. */
function utcOffsetMin(timeZone: string, day: number): number {
  const z = ZONES[timeZone] ?? { std: 0, dst: 0, rule: "NONE" as const };
  if (z.rule === "NONE") return z.std;
  const [a, b] = dstBounds(z.rule, new Date(day * DAY_MS).getUTCFullYear());
  const inside = day >= a && day < b;
  return (z.rule === "AU" ? !inside : inside) ? z.dst : z.std;
}

function localInstant(timeZone: string, day: number, minuteOfDay: number): string {
  return new Date((day * 1440 + minuteOfDay - utcOffsetMin(timeZone, day)) * 60_000).toISOString();
}

// ---------------------------------------------------------------- people

const FEMALE_NAMES = [
  "Lucía", "Amelia", "Sofia", "Grace", "Maya", "Carmen", "Olivia", "Nora",
  "Isla", "Elena", "Hannah", "Aitana", "Chloe", "Inés", "Ruth", "Zoe",
];
const MALE_NAMES = [
  "Javier", "Tom", "Marcus", "Pablo", "Oliver", "Daniel", "Hugo", "James",
  "Mateo", "Ethan", "Sergio", "Liam", "Álvaro", "Noah", "Owen", "Diego",
];
const NEUTRAL_NAMES = ["Alex", "Sam", "Jordan", "Robin", "Kai", "Ariel", "Noa", "Quinn", "Dani", "Charlie"];
const SURNAMES = [
  "García", "Smith", "Okafor", "Fernández", "Walsh", "Romero", "Patel", "Navarro", "Brennan", "Castro",
  "Hughes", "Moreno", "Kowalski", "Ortega", "Reid", "Santos", "Bishop", "Iglesias", "Novak", "Duarte",
];

const INJURY_HISTORIES = [
  "Plantar fasciitis (left) two seasons ago; resolved with calf work.",
  "Lumbar disc protrusion L4-L5 five years ago, managed with physiotherapy; occasional stiffness after long runs.",
  "Stress reaction in the right tibia after a marathon build.",
  "Recurring tightness between the shoulder blades during desk-heavy weeks.",
  "Left hamstring strain; father and brother both had chronic low back pain.",
  "Iliotibial band syndrome (right knee) during track season.",
  "Whiplash from a car accident; neck stiffness when tired.",
  "Achilles tendinopathy, managed with eccentric loading.",
];

interface Archetype {
  sex: Sex;
  age: number;
  footprintType: FootprintType;
  legLengthDiscrepancyMm: number | null;
  postureLoad: PostureLoad[];
  curvatureFindings: CurvatureFinding[];
  injury: number | null;
  unit: UnitPreference;
  timeZone: string;
  weeklyKm: number;
  runsPerWeek: number;
  supportPerWeek: number;
  crossPerWeek: number;
  surfaces: Partial<Record<Surface, number>>;
  trailLongRuns: boolean;
}

// The first athletes are written out so the default squad covers every profile flag and training habit.
const ARCHETYPES: Archetype[] = [
  {
    sex: "MALE", age: 34, footprintType: "NEUTRAL", legLengthDiscrepancyMm: null,
    postureLoad: ["DESK"], curvatureFindings: [], injury: 1, unit: "KM",
    timeZone: "Europe/Madrid",
    weeklyKm: 58, runsPerWeek: 5, supportPerWeek: 1.6, crossPerWeek: 0.3,
    surfaces: { ASPHALT: 5, GRASS: 1, TRAIL: 1 }, trailLongRuns: false,
  },
  {
    sex: "FEMALE", age: 52, footprintType: "PRONATOR", legLengthDiscrepancyMm: 4,
    postureLoad: ["STANDING"], curvatureFindings: ["DORSAL_HYPERKYPHOSIS"], injury: 3, unit: "MI",
    timeZone: "America/New_York",
    weeklyKm: 36, runsPerWeek: 4, supportPerWeek: 2.2, crossPerWeek: 1.2,
    surfaces: { ASPHALT: 4, TREADMILL: 2, GRASS: 1 }, trailLongRuns: false,
  },
  {
    sex: "FEMALE", age: 27, footprintType: "UNASSESSED", legLengthDiscrepancyMm: null,
    postureLoad: [], curvatureFindings: [], injury: null, unit: "KM",
    timeZone: "Europe/London",
    weeklyKm: 46, runsPerWeek: 5, supportPerWeek: 0.2, crossPerWeek: 0.2,
    surfaces: { ASPHALT: 3, GRASS: 2, TRACK: 1 }, trailLongRuns: false,
  },
  {
    sex: "MALE", age: 45, footprintType: "SUPINATOR", legLengthDiscrepancyMm: 12,
    postureLoad: ["LIFTING"], curvatureFindings: ["SCOLIOSIS", "LUMBAR_HYPERLORDOSIS"], injury: 4, unit: "KM",
    timeZone: "Europe/Madrid",
    weeklyKm: 40, runsPerWeek: 4, supportPerWeek: 2.5, crossPerWeek: 0.6,
    surfaces: { ASPHALT: 6, TREADMILL: 1 }, trailLongRuns: false,
  },
  {
    sex: "FEMALE", age: 38, footprintType: "NEUTRAL", legLengthDiscrepancyMm: null,
    postureLoad: ["DESK"], curvatureFindings: ["CERVICAL_HYPERLORDOSIS"], injury: 6, unit: "MI",
    timeZone: "America/New_York",
    weeklyKm: 32, runsPerWeek: 4, supportPerWeek: 0.3, crossPerWeek: 1.5,
    surfaces: { ASPHALT: 3, TREADMILL: 3, TRAIL: 1 }, trailLongRuns: true,
  },
  {
    sex: "OTHER", age: 24, footprintType: "UNASSESSED", legLengthDiscrepancyMm: null,
    postureLoad: [], curvatureFindings: [], injury: 5, unit: "KM",
    timeZone: "Europe/London",
    weeklyKm: 68, runsPerWeek: 6, supportPerWeek: 2.8, crossPerWeek: 0.2,
    surfaces: { ASPHALT: 3, TRACK: 1, GRASS: 1, SAND: 1, TRAIL: 1 }, trailLongRuns: true,
  },
  {
    sex: "MALE", age: 61, footprintType: "PRONATOR", legLengthDiscrepancyMm: 6,
    postureLoad: ["DESK", "STANDING"], curvatureFindings: ["LUMBAR_HYPERLORDOSIS"], injury: 0, unit: "KM",
    timeZone: "Europe/Madrid",
    weeklyKm: 26, runsPerWeek: 3, supportPerWeek: 2, crossPerWeek: 2,
    surfaces: { ASPHALT: 2, TRAIL: 2, GRASS: 1 }, trailLongRuns: true,
  },
  {
    sex: "UNDISCLOSED", age: 41, footprintType: "NEUTRAL", legLengthDiscrepancyMm: null,
    postureLoad: [], curvatureFindings: [], injury: 7, unit: "MI",
    timeZone: "America/New_York",
    weeklyKm: 44, runsPerWeek: 5, supportPerWeek: 0.1, crossPerWeek: 0.4,
    surfaces: { ASPHALT: 5, TRACK: 1, TREADMILL: 1 }, trailLongRuns: false,
  },
];

const RANDOM_ZONES = [
  "Europe/Madrid", "Europe/London", "America/New_York", "Europe/Berlin",
  "America/Chicago", "America/Los_Angeles", "Australia/Sydney",
];

function randomArchetype(rng: Rng): Archetype {
  const sex = rng.weighted<Sex>({ FEMALE: 46, MALE: 46, OTHER: 3, UNDISCLOSED: 5 });
  const weeklyKm = Math.round(rng.range(20, 80));
  const curvature: CurvatureFinding[] = [];
  if (rng.chance(0.12)) curvature.push("LUMBAR_HYPERLORDOSIS");
  if (rng.chance(0.08)) curvature.push("DORSAL_HYPERKYPHOSIS");
  if (rng.chance(0.06)) curvature.push("CERVICAL_HYPERLORDOSIS");
  if (rng.chance(0.05)) curvature.push("SCOLIOSIS");
  const posture: PostureLoad[] = [];
  if (rng.chance(0.45)) posture.push("DESK");
  if (rng.chance(0.15)) posture.push("STANDING");
  if (rng.chance(0.1)) posture.push("LIFTING");
  const neglects = rng.chance(0.3);
  return {
    sex,
    age: rng.int(19, 66),
    footprintType: rng.weighted<FootprintType>({ NEUTRAL: 4, PRONATOR: 2, SUPINATOR: 1, UNASSESSED: 3 }),
    legLengthDiscrepancyMm: rng.chance(0.05) ? rng.int(10, 18) : rng.chance(0.15) ? rng.int(2, 8) : null,
    postureLoad: posture,
    curvatureFindings: curvature,
    injury: rng.chance(0.6) ? rng.int(0, INJURY_HISTORIES.length - 1) : null,
    unit: rng.chance(0.3) ? "MI" : "KM",
    timeZone: rng.pick(RANDOM_ZONES),
    weeklyKm,
    runsPerWeek: clamp(Math.round(weeklyKm / 11 + rng.range(-0.4, 0.8)), 3, 6),
    supportPerWeek: neglects ? rng.range(0, 0.4) : rng.range(1.5, 3.5),
    crossPerWeek: rng.range(0.3, 2.4),
    surfaces: {
      ASPHALT: rng.range(2, 6),
      GRASS: rng.range(0, 2),
      TRAIL: rng.range(0, 2.5),
      TREADMILL: rng.range(0, 2),
      TRACK: rng.range(0, 1),
      SAND: rng.chance(0.2) ? rng.range(0.2, 0.8) : 0,
    },
    trailLongRuns: rng.chance(0.3),
  };
}

function pickName(rng: Rng, sex: Sex, index: number): string {
  const list = sex === "FEMALE" ? FEMALE_NAMES : sex === "MALE" ? MALE_NAMES : NEUTRAL_NAMES;
  // Stepping through the lists by index keeps names in a small squad distinct.
  const first = list[(index * 5 + rng.int(0, list.length - 1)) % list.length];
  const last = SURNAMES[(index * 7 + rng.int(0, 2)) % SURNAMES.length];
  return `${first} ${last}`;
}

export function generateDemoCoach(params: ResolvedDemoParams): DemoUser {
  const rng = new Rng(hash32(params.seed, 0xc0ac));
  const first = rng.pick(["Marta", "Helen", "Carlos", "Ian"]);
  const name = `${first} ${rng.pick(["Ibáñez", "Doyle", "Serrano", "Whitfield"])}`;
  return { email: DEMO_COACH_EMAIL, name, unitPreference: "KM", timeZone: "Europe/Madrid" };
}

// ---------------------------------------------------------------- training model

type RunKind = "easy" | "recovery" | "long" | "tempo" | "interval" | "mono";

interface Traits {
  weeklyKm: number;
  runsPerWeek: number;
  longDow: 5 | 6;
  easyPace: number; // min/km
  hrRest: number;
  hrMax: number;
  supportPerWeek: number;
  crossPerWeek: number;
  crossModes: Partial<Record<CrossTrainingMode, number>>;
  surfaces: Partial<Record<Surface, number>>;
  trailLongRuns: boolean;
  hasTrack: boolean;
  morning: boolean;
  rpeMissing: number;
  painProneness: number;
  randomPainPerYear: number;
  cyclePhase: number;
  seasonPhase: number;
  unit: UnitPreference;
}

interface RawSession {
  day: number;
  minute: number;
  type: SessionType;
  subType: CrossTrainingMode | null;
  durationMin: number;
  movingMin: number | null;
  distanceKm: number | null;
  elevationGainM: number | null;
  rpe: number | null;
  avgHr: number | null;
  surface: Surface | null;
  shoeKey: string | null;
  notes: string | null;
  kind: RunKind | null;
}

type OverloadKind = "long-spike" | "volume-jump" | "monotonous";

interface Episode {
  start: number; // day index
  end: number;
  zone: BackZone;
  subArea: string;
  side: PainSide;
  peak: number;
  rising: boolean;
  timing: PainTiming;
  triggerPoint: boolean;
  followsOverload: boolean;
}

const SUB_AREAS: Record<BackZone, string[]> = {
  CERVICAL: ["nape", "neck-left", "neck-right", "upper-trapezius"],
  DORSAL: ["between-shoulder-blades", "shoulder-blade-left", "shoulder-blade-right", "mid-back"],
  LUMBAR: ["lower-back-centre", "lower-back-left", "lower-back-right", "lumbosacral", "sacrum-buttocks", "flanks"],
};

function sideFor(rng: Rng, subArea: string): PainSide {
  if (subArea.endsWith("-left")) return "LEFT";
  if (subArea.endsWith("-right")) return "RIGHT";
  if (["lower-back-centre", "lumbosacral", "between-shoulder-blades", "nape", "mid-back"].includes(subArea)) {
    return rng.chance(0.8) ? "CENTRAL" : "BOTH";
  }
  return rng.weighted<PainSide>({ LEFT: 2, RIGHT: 2, BOTH: 1 });
}

const SURFACE_PACE: Record<Surface, number> = {
  ASPHALT: 1, TRACK: 0.99, TRAIL: 1.13, GRASS: 1.04, SAND: 1.2, TREADMILL: 0.99, MIXED: 1.05,
};
// Metres climbed per km.
const SURFACE_CLIMB: Record<Surface, [number, number]> = {
  ASPHALT: [3, 12], TRACK: [0, 1], TRAIL: [18, 45], GRASS: [2, 8], SAND: [0, 3], TREADMILL: [0, 6], MIXED: [5, 15],
};

const SHOE_MODELS: [string, string, string][] = [
  ["Brooks", "Ghost 15", "Ghost 16"],
  ["Asics", "Gel-Nimbus 25", "Gel-Nimbus 26"],
  ["Hoka", "Clifton 9", "Clifton 10"],
  ["Saucony", "Ride 16", "Ride 17"],
  ["New Balance", "1080 v12", "1080 v13"],
  ["Nike", "Pegasus 40", "Pegasus 41"],
];
const TRAIL_SHOES: [string, string][] = [
  ["Salomon", "Speedcross 6"],
  ["Hoka", "Speedgoat 5"],
  ["Brooks", "Cascadia 17"],
];
const RACE_SHOES: [string, string][] = [
  ["Nike", "Streakfly"],
  ["Adidas", "Adizero Takumi Sen 9"],
  ["Saucony", "Endorphin Pro 4"],
];

interface Ctx {
  params: ResolvedDemoParams;
  index: number;
  rng: Rng;
  traits: Traits;
  timeZone: string;
  startDay: number; // absolute day number of day index 0
  days: number;
  dates: string[]; // day index -> "YYYY-MM-DD"
  months: Int8Array; // day index -> 0..11
  runKmByDay: Float64Array; // longest run per day, for spike arithmetic
  dayEndMinute: Float64Array; // when the day's last session so far ends; 0 while the day is empty
  sessions: RawSession[];
}

function roundDistance(ctx: Ctx, km: number): number {
  // Athletes who think in miles log round-ish miles; the database stores kilometres either way.
  if (ctx.traits.unit === "MI") return Math.round(round2(km / 1.609344) * 1.609344 * 1000) / 1000;
  return round2(km);
}

function chooseSurface(ctx: Ctx, kind: RunKind, idx: number): Surface {
  const { rng, traits } = ctx;
  const month = ctx.months[idx];
  const southern = ctx.timeZone.startsWith("Australia/");
  const winter = southern ? month >= 5 && month <= 7 : month === 11 || month <= 1;
  const summer = southern ? month === 0 || month === 1 || month === 11 : month >= 6 && month <= 7;
  if (kind === "interval") {
    if (traits.hasTrack && rng.chance(0.8)) return "TRACK";
    return winter && (traits.surfaces.TREADMILL ?? 0) > 0 ? "TREADMILL" : rng.chance(0.5) ? "GRASS" : "ASPHALT";
  }
  if (kind === "tempo") {
    return rng.weighted<Surface>({ ASPHALT: 6, TRACK: traits.hasTrack ? 2 : 0, TREADMILL: winter ? 3 : 0.5 });
  }
  if (kind === "long") {
    if (traits.trailLongRuns && rng.chance(0.65)) return "TRAIL";
    return rng.chance(0.92) ? "ASPHALT" : "MIXED";
  }
  const weights: Partial<Record<Surface, number>> = { ...traits.surfaces };
  if (winter && weights.TREADMILL) weights.TREADMILL *= 2.5;
  if (!summer) delete weights.SAND;
  return rng.weighted(weights);
}

interface RunOptions {
  surface?: Surface;
  rpe?: number | null;
  minute?: number;
}

// Pace relative to easy pace; intervals and tempo include their warm-up and cool-down.
const RUN_PACE: Record<RunKind, number> = { easy: 1, recovery: 1.08, long: 1.03, tempo: 0.88, interval: 0.92, mono: 1 };
// Share of heart-rate reserve.
const RUN_INTENSITY: Record<RunKind, number> = {
  easy: 0.66, recovery: 0.6, long: 0.71, tempo: 0.83, interval: 0.81, mono: 0.66,
};
const RUN_RPE: Record<RunKind, number> = { easy: 3, recovery: 2, long: 5, tempo: 6, interval: 7, mono: 5 };

function makeRun(ctx: Ctx, idx: number, kind: RunKind, km: number, opts: RunOptions = {}): RawSession {
  const { rng, traits } = ctx;
  const surface = opts.surface ?? chooseSurface(ctx, kind, idx);
  const distanceKm = roundDistance(ctx, Math.max(2, km));
  const pace = traits.easyPace * RUN_PACE[kind] * SURFACE_PACE[surface] * rng.range(0.97, 1.04);
  const movingMin = round1(distanceKm * pace);
  const stops = kind === "interval" ? rng.range(1.12, 1.22) : kind === "mono" ? 1.02 : rng.range(1.01, 1.06);
  const [c0, c1] = SURFACE_CLIMB[surface];
  const intensity = RUN_INTENSITY[kind] + (surface === "TRAIL" ? 0.03 : 0);
  const baseRpe = RUN_RPE[kind] + (kind === "long" && distanceKm > 25 ? 1 : 0);
  let rpe = opts.rpe;
  if (rpe === undefined) {
    rpe = rng.chance(traits.rpeMissing) ? null : clamp(baseRpe + (rng.chance(0.35) ? rng.int(-1, 1) : 0), 1, 10);
  }
  const hrShare = clamp(intensity + rng.range(-0.03, 0.03), 0.4, 0.97);
  const minute = opts.minute ?? runStartMinute(ctx, idx, kind);
  return {
    day: idx,
    minute,
    type: "RUN",
    subType: null,
    durationMin: round1(movingMin * stops),
    movingMin,
    distanceKm,
    elevationGainM: Math.round(distanceKm * rng.range(c0, c1)),
    rpe,
    avgHr: rng.chance(0.06) ? null : Math.round(traits.hrRest + (traits.hrMax - traits.hrRest) * hrShare),
    surface,
    shoeKey: null,
    notes: runNote(rng, kind, distanceKm),
    kind,
  };
}

const INTERVAL_NOTES = [
  "6 x 1 km at 10K pace, 2 min jog",
  "10 x 400 m, 200 m jog",
  "5 x 1200 m off 90 s",
  "8 x 3 min hard / 2 min easy",
];
const TEMPO_NOTES = ["20 min tempo in the middle", "3 x 10 min threshold", "Progression run, last 5 km at half-marathon pace"];
const CORE_NOTES = [
  "Planks, dead bugs, bird dogs, glute bridges",
  "Pelvic floor and deep abdominal circuit",
  "Side planks and Pallof press",
];
const MOBILITY_NOTES = ["Hip flexors, hamstrings, piriformis", "Thoracic rotations and foam roller", "Psoas and glute stretches"];

function runNote(rng: Rng, kind: RunKind, km: number): string | null {
  if (kind === "interval" && rng.chance(0.5)) return rng.pick(INTERVAL_NOTES);
  if (kind === "tempo" && rng.chance(0.4)) return rng.pick(TEMPO_NOTES);
  if (kind === "long" && rng.chance(0.15)) {
    return km > 25 ? "Long one, fuelled every 40 min" : "Easy long run with the group";
  }
  return null;
}

function runStartMinute(ctx: Ctx, idx: number, kind: RunKind): number {
  const { rng, traits } = ctx;
  const dow = weekday(ctx.startDay + idx);
  if (kind === "long" || dow >= 5) return rng.int(8 * 60, 9 * 60 + 45);
  if (traits.morning || idx === ctx.days - 1) return rng.int(6 * 60, 7 * 60 + 40);
  return rng.int(18 * 60, 20 * 60);
}

function secondSessionMinute(ctx: Ctx, idx: number): number {
  // Sessions on the last day stay in the morning so little lies in the future of "today".
  const lastDay = idx === ctx.days - 1;
  const latestEnd = ctx.dayEndMinute[idx];
  if (latestEnd === 0) {
    return ctx.traits.morning || lastDay ? ctx.rng.int(6 * 60, 7 * 60 + 30) : ctx.rng.int(18 * 60, 20 * 60);
  }
  return Math.min(22 * 60, Math.round(latestEnd + (lastDay ? ctx.rng.int(10, 30) : ctx.rng.int(30, 150))));
}

function makeSupport(ctx: Ctx, idx: number, type: "CORE" | "STRENGTH" | "MOBILITY"): RawSession {
  const { rng } = ctx;
  const [d0, d1, r0, r1] = type === "CORE" ? [15, 35, 4, 6] : type === "STRENGTH" ? [30, 60, 5, 7] : [10, 30, 2, 3];
  const rpe = rng.chance(ctx.traits.rpeMissing) ? null : rng.int(r0, r1);
  const notes =
    type === "CORE" && rng.chance(0.3)
      ? rng.pick(CORE_NOTES)
      : type === "MOBILITY" && rng.chance(0.3)
        ? rng.pick(MOBILITY_NOTES)
        : null;
  return {
    day: idx,
    minute: secondSessionMinute(ctx, idx),
    type,
    subType: null,
    durationMin: rng.int(d0, d1),
    movingMin: null,
    distanceKm: null,
    elevationGainM: null,
    rpe,
    avgHr: null,
    surface: null,
    shoeKey: null,
    notes,
    kind: null,
  };
}

function makeCross(
  ctx: Ctx,
  idx: number,
  mode: CrossTrainingMode,
  opts: { durationMin?: number; rpe?: number } = {},
): RawSession {
  const { rng, traits } = ctx;
  const typical = mode === "CYCLING" ? rng.range(45, 120) : mode === "OTHER" ? rng.range(60, 180) : rng.range(30, 55);
  const duration = round1(opts.durationMin ?? typical);
  let distanceKm: number | null = null;
  let elevation: number | null = null;
  if (mode === "CYCLING" && rng.chance(0.85)) {
    distanceKm = round2((duration / 60) * rng.range(22, 30));
    elevation = Math.round(distanceKm * rng.range(3, 12));
  } else if (mode === "SWIMMING" && rng.chance(0.8)) {
    distanceKm = round2((duration / 60) * rng.range(2, 3));
  }
  const rpe = opts.rpe ?? (rng.chance(traits.rpeMissing) ? null : rng.int(3, 6));
  return {
    day: idx,
    minute: secondSessionMinute(ctx, idx),
    type: "CROSS_TRAINING",
    subType: mode,
    durationMin: duration,
    movingMin: null,
    distanceKm,
    elevationGainM: elevation,
    rpe,
    avgHr:
      mode === "SWIMMING" && rng.chance(0.5)
        ? null
        : Math.round(traits.hrRest + (traits.hrMax - traits.hrRest) * rng.range(0.55, 0.72)),
    surface: null,
    shoeKey: null,
    notes: mode === "OTHER" ? rng.pick(["Hike", "Ski touring", "Hill walk"]) : null,
    kind: null,
  };
}

function longest30(ctx: Ctx, idx: number): number {
  let best = 0;
  for (let d = Math.max(0, idx - 30); d < idx; d++) if (ctx.runKmByDay[d] > best) best = ctx.runKmByDay[d];
  return best;
}

function push(ctx: Ctx, s: RawSession): void {
  ctx.sessions.push(s);
  ctx.dayEndMinute[s.day] = Math.max(ctx.dayEndMinute[s.day], s.minute + s.durationMin);
  if (s.type === "RUN" && s.distanceKm != null && s.distanceKm > ctx.runKmByDay[s.day]) {
    ctx.runKmByDay[s.day] = s.distanceKm;
  }
}

/** Run slots per weekday (Monday first) for a given number of runs a week and long-run day. */
function weekTemplate(runs: number, longDow: 5 | 6, qualityKind: "tempo" | "interval"): (RunKind | null)[] {
  const t: (RunKind | null)[] = [null, null, null, null, null, null, null];
  const otherWeekend = longDow === 6 ? 5 : 6;
  t[longDow] = "long";
  t[1] = qualityKind;
  t[3] = "easy";
  if (runs >= 4) t[otherWeekend] = "easy";
  if (runs >= 5) {
    t[2] = "easy";
    t[3] = qualityKind === "interval" ? "tempo" : "easy";
  }
  if (runs >= 6) t[0] = "recovery";
  return t;
}

function makeTraits(rng: Rng, a: Archetype): Traits {
  const level = clamp((a.weeklyKm - 20) / 60, 0, 1);
  const modes: Partial<Record<CrossTrainingMode, number>> = {
    CYCLING: rng.range(1, 4),
    SWIMMING: rng.range(0, 3),
    ELLIPTICAL: rng.range(0, 2),
    ROWING: rng.range(0, 1),
    OTHER: 0.3,
  };
  return {
    weeklyKm: a.weeklyKm,
    runsPerWeek: a.runsPerWeek,
    longDow: rng.chance(0.65) ? 6 : 5,
    easyPace: round2(6.6 - level * 1.8 + rng.range(-0.25, 0.25) + Math.max(0, a.age - 45) * 0.02),
    hrRest: rng.int(44, 60),
    hrMax: clamp(Math.round(208 - 0.7 * a.age + rng.range(-6, 6)), 150, 205),
    supportPerWeek: a.supportPerWeek,
    crossPerWeek: a.crossPerWeek,
    crossModes: modes,
    surfaces: a.surfaces,
    trailLongRuns: a.trailLongRuns,
    hasTrack: (a.surfaces.TRACK ?? 0) > 0,
    morning: rng.chance(0.55),
    rpeMissing: rng.range(0.03, 0.15),
    painProneness: rng.range(0.2, 0.65),
    randomPainPerYear: rng.range(0.05, 0.35),
    cyclePhase: rng.int(0, 3),
    seasonPhase: rng.range(0, 26),
    unit: a.unit,
  };
}

// ---------------------------------------------------------------- pain and OSTRC

const OSTRC_Q1 = [0, 8, 17, 25] as const;
const OSTRC_Q23 = [0, 6, 13, 19, 25] as const;
const OSTRC_Q4 = [0, 8, 17, 25] as const;
export const OSTRC_ALLOWED = { q1: OSTRC_Q1, q2: OSTRC_Q23, q3: OSTRC_Q23, q4: OSTRC_Q4 } as const;

function ostrcFor(rng: Rng, worstNrs: number): OstrcAnswers {
  if (worstNrs <= 0) return [0, 0, 0, 0];
  if (worstNrs <= 2) return [8, 0, rng.pick([0, 6]), 8];
  if (worstNrs <= 4) return [rng.pick([8, 17]), 6, rng.pick([6, 13]), rng.pick([8, 17])];
  if (worstNrs <= 6) return [17, 13, rng.pick([13, 19]), 17];
  if (worstNrs <= 8) {
    if (rng.chance(0.3)) return [25, 25, 25, 25];
    return [17, 19, 19, 25];
  }
  return [25, 25, 25, 25];
}

type OstrcAnswers = [number, number, number, number];

function ostrcRow(weekStart: string, localDate: string, zone: BackZone, q: OstrcAnswers): DemoOstrcResponse {
  const [q1, answeredQ2, answeredQ3, q4] = q;
  // Someone who could not take part at all had their volume and performance fully affected too.
  const q2 = q1 === 25 ? 25 : answeredQ2;
  const q3 = q1 === 25 ? 25 : answeredQ3;
  const substantial = q2 >= 13 || q3 >= 13 || q1 === 25;
  return { weekStart, localDate, zone, q1, q2, q3, q4, severity: q1 + q2 + q3 + q4, substantial };
}

function makeEpisode(rng: Rng, start: number, days: number, followsOverload: boolean): Episode {
  const zone = rng.weighted<BackZone>({ LUMBAR: 7, DORSAL: 2, CERVICAL: 1 });
  const subArea = rng.pick(SUB_AREAS[zone]);
  const length = rng.int(7, 26);
  return {
    start,
    end: Math.min(days - 1, start + length - 1),
    zone,
    subArea,
    side: sideFor(rng, subArea),
    peak: rng.pick([3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 6, 6, 7]),
    rising: rng.chance(0.35),
    timing: rng.pick<PainTiming>(
      zone === "CERVICAL" ? ["MORNING", "CONSTANT", "AFTER_RUN"] : ["AFTER_RUN", "AFTER_RUN", "DURING_RUN", "MORNING"],
    ),
    triggerPoint: rng.chance(0.3),
    followsOverload,
  };
}

// ---------------------------------------------------------------- one athlete

// The last weeks stay free of random incidents so the squad's current picture is the one placed on purpose.
const QUIET_WEEKS = 10;
const MONO_WEEK: RunKind[] = ["mono", "mono", "mono", "mono", "mono", "mono", "mono"];
const LONG_SHARE_BY_RUNS = [0, 0, 0, 0.38, 0.33, 0.3, 0.27];
const PAIN_CROSS_MODES: Partial<Record<CrossTrainingMode, number>> = {
  AQUA_JOGGING: 2, CYCLING: 3, ELLIPTICAL: 2, SWIMMING: 1,
};
const OTHER_ACTIVITIES = ["Five-a-side football", "Padel", "Yoga class", "Climbing"];

interface Incidents {
  /** Overload kind by week number. */
  overloads: Map<number, OverloadKind>;
  episodes: Episode[];
  /** Day index -> position in episodes, or -1. */
  episodeOn: Int16Array;
}

/** Monday-aligned weeks covering the history: week w starts on day index firstMonday + 7w (may be < 0). */
function weekGrid(ctx: Ctx): { firstMonday: number; weeks: number } {
  const firstMonday = -weekday(ctx.startDay);
  return { firstMonday, weeks: Math.ceil((ctx.days - firstMonday) / 7) };
}

function planIncidents(ctx: Ctx): Incidents {
  const { rng, traits, days, params } = ctx;
  const { firstMonday, weeks } = weekGrid(ctx);
  const overloads = new Map<number, OverloadKind>();
  const lastWeek = weeks - QUIET_WEEKS - 1;
  const target = Math.round((params.months / 3.5) * rng.range(0.8, 1.2));
  for (let tries = 0; lastWeek >= 6 && overloads.size < target && tries < 60; tries++) {
    const w = rng.int(6, lastWeek);
    if ([...overloads.keys()].every((k) => Math.abs(k - w) >= 6)) {
      overloads.set(w, rng.weighted<OverloadKind>({ "long-spike": 4, "volume-jump": 3, monotonous: 2 }));
    }
  }

  const episodes: Episode[] = [];
  const clearOf = (ep: Episode) =>
    ep.start < days && episodes.every((o) => ep.start > o.end + 14 || ep.end < o.start - 14);
  for (const [w, kind] of [...overloads.entries()].sort((x, y) => x[0] - y[0])) {
    if (!rng.chance(traits.painProneness)) continue;
    const peakDay = firstMonday + 7 * w + (kind === "monotonous" ? 6 : traits.longDow);
    const ep = makeEpisode(rng, peakDay + rng.int(1, 5), days, true);
    if (clearOf(ep)) episodes.push(ep);
  }
  const unexplained = rng.count((params.months / 12) * traits.randomPainPerYear);
  const hi = days - QUIET_WEEKS * 7 - 30;
  for (let k = 0; k < unexplained && hi > 35; k++) {
    const ep = makeEpisode(rng, rng.int(35, hi), days, false);
    if (clearOf(ep)) episodes.push(ep);
  }
  episodes.sort((x, y) => x.start - y.start);
  const episodeOn = new Int16Array(days).fill(-1);
  episodes.forEach((ep, k) => episodeOn.fill(k, ep.start, ep.end + 1));
  return { overloads, episodes, episodeOn };
}

/** Day-by-day training: periodised weeks, the planned overloads, and lighter days while in pain. */
function simulateTraining(ctx: Ctx, roles: DemoAthleteRoles, incidents: Incidents): void {
  const { rng, traits, days } = ctx;
  const { firstMonday, weeks } = weekGrid(ctx);
  // The overloaded athlete's last seven days: every day but one run, each a third longer.
  const surgeFrom = roles.overloaded ? days - 7 : days;
  const surfaceChangeFrom = roles.surfaceChange ? days - 7 : days;

  for (let w = 0; w < weeks; w++) {
    const monday = firstMonday + 7 * w;
    const overload = incidents.overloads.get(w) ?? null;
    const cycle = [0.95, 1.0, 1.07, 0.78][(w + traits.cyclePhase) % 4];
    const season = 1 + 0.12 * Math.sin((2 * Math.PI * (w + traits.seasonPhase)) / 26);
    const holiday = !overload && w > 2 && w < weeks - QUIET_WEEKS && rng.chance(0.025) ? rng.range(0.25, 0.5) : 1;
    const build = overload === "volume-jump" ? rng.range(1.45, 1.65) : cycle;
    const weekKm = traits.weeklyKm * season * rng.range(0.94, 1.06) * build * holiday;
    const quality = w % 2 ? "tempo" : "interval";
    const template = overload === "monotonous" ? MONO_WEEK : weekTemplate(traits.runsPerWeek, traits.longDow, quality);
    const runCount = template.filter(Boolean).length;
    const longKm = clamp(weekKm * (LONG_SHARE_BY_RUNS[runCount] ?? 0.27) * rng.range(0.95, 1.05), 8, 32);
    const qualityKm = weekKm * (runCount <= 3 ? 0.28 : runCount === 4 ? 0.22 : 0.17);
    const nQuality = template.filter((k) => k === "tempo" || k === "interval").length;
    const nEasy = template.filter((k) => k === "easy" || k === "recovery").length;
    // Easy runs stay clearly shorter than the long run, or the weekend run would not be the long one.
    const easyShare = nEasy ? (weekKm - longKm - nQuality * qualityKm) / nEasy : 0;
    const easyKm = clamp(Math.min(easyShare, 0.75 * longKm), 4, 18);
    // A monotonous week repeats one session: same surface, time and effort every day.
    const mono = overload === "monotonous" ? { surface: rng.weighted(traits.surfaces), minute: rng.int(360, 420) } : null;

    const supportDays = new Set<number>();
    const crossDays = new Set<number>();
    if (!mono) {
      const nSupport = rng.count(traits.supportPerWeek * holiday);
      for (let k = 0; k < nSupport; k++) supportDays.add(rng.pick([0, 2, 4, 0, 2, 4, 1, 3]));
      const nCross = rng.count(traits.crossPerWeek);
      for (let k = 0; k < nCross; k++) crossDays.add(rng.pick([0, 4, 2, 0, 4]));
    }

    for (let dow = 0; dow < 7; dow++) {
      const idx = monday + dow;
      if (idx < 0 || idx >= days) continue;
      const ep = incidents.episodeOn[idx] >= 0 ? incidents.episodes[incidents.episodeOn[idx]] : null;
      const inSurge = idx >= surgeFrom;
      let kind = template[dow];
      if (inSurge && kind === null && dow !== 4) kind = "easy";
      if (kind && !mono && !inSurge && rng.chance(holiday < 1 ? 0.45 : 0.06)) kind = null;

      if (kind) {
        let km: number;
        if (kind === "long") km = longKm;
        else if (kind === "tempo" || kind === "interval") km = qualityKm;
        else if (kind === "mono") km = (weekKm / 7) * rng.range(0.985, 1.015);
        else km = easyKm * rng.range(0.9, 1.1) * (kind === "recovery" ? 0.75 : 1);
        const spike = kind === "long" && overload === "long-spike";
        if (spike) {
          const base = longest30(ctx, idx) || longKm;
          km = base * Math.max(1.42, Math.min(rng.range(1.45, 1.95), 46 / base));
        }
        if (inSurge) km *= 1.35;
        const into = ep ? idx - ep.start : -1;
        if (into === 1 || into === 2) {
          kind = null;
        } else if (into > 2 && rng.chance(0.35)) {
          // Pain days swap some runs for low-impact work of about the same duration.
          const durationMin = round1(km * traits.easyPace * 0.9);
          push(ctx, makeCross(ctx, idx, rng.weighted(PAIN_CROSS_MODES), { durationMin, rpe: 4 }));
          kind = null;
        } else if (into > 0) {
          km *= kind === "long" ? 0.55 : 0.65;
        }
        if (kind) {
          const opts: RunOptions = mono
            ? { surface: mono.surface, rpe: 5, minute: mono.minute + rng.int(-10, 10) }
            : spike
              ? { rpe: rng.int(7, 8) }
              : idx >= surfaceChangeFrom
                ? { surface: "TRAIL" }
                : {};
          const run = makeRun(ctx, idx, kind, km, opts);
          if (spike && rng.chance(0.6)) run.notes = "Went much longer than planned with friends";
          push(ctx, run);
        }
      }

      if (!inSurge && supportDays.has(dow)) {
        const type = roles.neglectsSupport
          ? "MOBILITY"
          : rng.weighted<"CORE" | "STRENGTH" | "MOBILITY">({ CORE: 5, STRENGTH: 2, MOBILITY: 3 });
        push(ctx, makeSupport(ctx, idx, type));
      } else if (ep && !roles.neglectsSupport && idx > ep.start && rng.chance(0.35)) {
        push(ctx, makeSupport(ctx, idx, rng.chance(0.6) ? "MOBILITY" : "CORE"));
      }
      if (!inSurge && crossDays.has(dow)) push(ctx, makeCross(ctx, idx, rng.weighted(traits.crossModes)));
      if (!inSurge && rng.chance(0.004)) {
        const other = makeSupport(ctx, idx, "MOBILITY");
        other.type = "OTHER";
        other.durationMin = rng.int(45, 90);
        other.rpe = rng.chance(traits.rpeMissing) ? null : rng.int(4, 7);
        other.notes = rng.pick(OTHER_ACTIVITIES);
        push(ctx, other);
      }
    }
  }
}

/** Pain reports and OSTRC answers of one athlete, one OSTRC row per week and zone. */
class PainLog {
  readonly reports: DemoPainReport[] = [];
  private readonly ostrc = new Map<string, DemoOstrcResponse>();
  constructor(private readonly ctx: Ctx) {}

  mondayOf(idx: number): number {
    return idx - weekday(this.ctx.startDay + idx);
  }

  report(idx: number, minute: number, fields: Omit<DemoPainReport, "localDate" | "reportedAt">): void {
    this.reports.push({
      localDate: this.ctx.dates[idx],
      reportedAt: localInstant(this.ctx.timeZone, this.ctx.startDay + idx, minute),
      ...fields,
    });
  }

  /** Answers for the week holding day idx, given on its Sunday (or the last day, if sooner). */
  weekly(idx: number, zone: BackZone, q: OstrcAnswers): void {
    const monday = this.mondayOf(idx);
    // The first week may start before the history does, so its Monday is formatted rather than looked up.
    const weekStart = formatDay(this.ctx.startDay + monday);
    const row = ostrcRow(weekStart, this.ctx.dates[Math.min(this.ctx.days - 1, monday + 6)], zone, q);
    const key = `${weekStart}|${zone}`;
    const prev = this.ostrc.get(key);
    if (!prev || row.severity >= prev.severity) this.ostrc.set(key, row);
  }

  responses(): DemoOstrcResponse[] {
    const rows = [...this.ostrc.values()];
    return rows.sort((a, b) => a.weekStart.localeCompare(b.weekStart) || a.zone.localeCompare(b.zone));
  }
}

const eveningMinute = (rng: Rng) => rng.int(19 * 60, 22 * 60);

function logEpisode(ctx: Ctx, log: PainLog, ep: Episode): void {
  const { rng, days } = ctx;
  const span = Math.max(1, ep.end - ep.start);
  const nrsAt = (d: number) => Math.max(1, Math.round(ep.peak - ((ep.peak - 1) * (d - ep.start)) / span));
  const reportDays = [ep.start];
  if (ep.rising) reportDays.push(Math.min(ep.end, ep.start + rng.int(1, 3)));
  for (let d = reportDays[reportDays.length - 1] + rng.int(2, 5); d <= ep.end; d += rng.int(2, 5)) reportDays.push(d);
  const worstByWeek = new Map<number, number>();
  reportDays.forEach((d, k) => {
    // A rising episode starts two points lower: the +2 change the pain flag looks for.
    const nrs = ep.rising && k === 0 ? Math.max(1, ep.peak - 2) : nrsAt(d);
    const firstNote = ep.followsOverload ? "Started after a big week" : "Came on without an obvious reason";
    log.report(d, eveningMinute(rng), {
      zone: ep.zone,
      subArea: ep.subArea,
      side: ep.side,
      nrs,
      timing: ep.timing,
      triggerPoint: ep.triggerPoint && k < 2,
      redFlags: [],
      mechanical: rng.chance(0.9) ? true : null,
      notes: k === 0 ? firstNote : null,
    });
    const monday = log.mondayOf(d);
    worstByWeek.set(monday, Math.max(worstByWeek.get(monday) ?? 0, nrs));
  });
  const recoveryWeek = log.mondayOf(ep.end) + 7;
  if (recoveryWeek < days) worstByWeek.set(recoveryWeek, 0);
  for (const [monday, worst] of worstByWeek) log.weekly(monday + 6, ep.zone, ostrcFor(rng, worst));
}

/** A long run well past anything in the previous 30 days inside the last week, then pain that rises. */
function placeCurrentOverload(ctx: Ctx, log: PainLog): void {
  const { days, startDay } = ctx;
  // Six consecutive days always hold a Saturday or a Sunday.
  let spikeDay = Math.max(0, days - 2);
  for (let d = days - 2; d >= Math.max(0, days - 7); d--) {
    if (weekday(startDay + d) >= 5) {
      spikeDay = d;
      break;
    }
  }
  ctx.sessions = ctx.sessions.filter((s) => !(s.day === spikeDay && s.type === "RUN"));
  ctx.runKmByDay[spikeDay] = 0;
  const base = longest30(ctx, spikeDay) || 12;
  const spike = makeRun(ctx, spikeDay, "long", base * 1.72, { rpe: 8, minute: 8 * 60 + 15 });
  spike.notes = "Joined a marathon-pace group for the full loop";
  push(ctx, spike);

  const last = days - 1;
  const lumbar = { zone: "LUMBAR", subArea: "lumbosacral", side: "CENTRAL", mechanical: true } as const;
  if (spikeDay + 1 < last) {
    log.report(spikeDay + 1, eveningMinute(ctx.rng), {
      ...lumbar,
      redFlags: [],
      nrs: 4,
      timing: "AFTER_RUN",
      triggerPoint: false,
      notes: "Stiff low back after the long run",
    });
  }
  log.report(last, 7 * 60 + 50, {
    ...lumbar,
    redFlags: [],
    nrs: 6,
    timing: "MORNING",
    triggerPoint: true,
    notes: "Worse this morning, hard to bend to tie shoes",
  });
  log.weekly(last, "LUMBAR", [17, 13, 13, 17]);
}

function placeRedFlag(ctx: Ctx, log: PainLog): void {
  const d = Math.max(0, ctx.days - 1 - ctx.rng.int(2, 8));
  log.report(d, eveningMinute(ctx.rng), {
    zone: "LUMBAR",
    subArea: "lower-back-centre",
    side: "CENTRAL",
    nrs: 5,
    timing: "NIGHT",
    triggerPoint: false,
    redFlags: ["night-pain", "weight-loss"],
    mechanical: false,
    notes: "Wakes me at night whatever position I try; lost about 4 kg without trying.",
  });
  log.weekly(d, "LUMBAR", [8, 6, 13, 17]);
}

function makeProfile(rng: Rng, a: Archetype, endDate: string): DemoProfile {
  const birthYear = +endDate.slice(0, 4) - a.age - (rng.chance(0.5) ? 1 : 0);
  const birthDay = Date.UTC(birthYear, rng.int(0, 11), rng.int(1, 28)) / DAY_MS;
  const typicalHeight = a.sex === "MALE" ? 178 : a.sex === "FEMALE" ? 165 : 171;
  const heightCm = round1(typicalHeight + rng.range(-8, 9));
  return {
    birthDate: formatDay(birthDay),
    sex: a.sex,
    heightCm,
    weightKg: round1((heightCm / 100) ** 2 * rng.range(19.5, 24)),
    footprintType: a.footprintType,
    legLengthDiscrepancyMm: a.legLengthDiscrepancyMm,
    postureLoad: a.postureLoad,
    curvatureFindings: a.curvatureFindings,
    injuryHistory: a.injury == null ? null : INJURY_HISTORIES[a.injury],
  };
}

/** Everything about athlete `index` (0-based); independent of the other athletes, so it can be streamed. */
export function generateDemoAthlete(params: ResolvedDemoParams, index: number): DemoAthlete {
  checkInt(index, "index", 0, params.athletes - 1);
  const rng = new Rng(hash32(params.seed, 0xa7, index));
  const archetype = index < ARCHETYPES.length ? ARCHETYPES[index] : randomArchetype(rng);
  const traits = makeTraits(rng, archetype);
  const roles: DemoAthleteRoles = {
    overloaded: index === 0,
    redFlag: index === (params.athletes >= 2 ? 1 : 0),
    surfaceChange: index === 3,
    neglectsSupport: traits.supportPerWeek < 0.5,
  };
  const profile = makeProfile(rng, archetype, params.endDate);
  const user: DemoUser = {
    email: demoAthleteEmail(index + 1),
    name: pickName(rng, archetype.sex, index),
    unitPreference: archetype.unit,
    timeZone: archetype.timeZone,
  };

  const startDay = parseDay(params.startDate, "startDate");
  const days = parseDay(params.endDate, "endDate") - startDay + 1;
  const dates: string[] = new Array(days);
  const months = new Int8Array(days);
  for (let i = 0; i < days; i++) {
    dates[i] = formatDay(startDay + i);
    months[i] = +dates[i].slice(5, 7) - 1;
  }
  const ctx: Ctx = {
    params,
    index,
    rng,
    traits,
    timeZone: user.timeZone,
    startDay,
    days,
    dates,
    months,
    runKmByDay: new Float64Array(days),
    dayEndMinute: new Float64Array(days),
    sessions: [],
  };

  const incidents = planIncidents(ctx);
  simulateTraining(ctx, roles, incidents);
  const log = new PainLog(ctx);
  if (roles.overloaded) placeCurrentOverload(ctx, log);
  if (roles.redFlag) placeRedFlag(ctx, log);
  for (const ep of incidents.episodes) logEpisode(ctx, log, ep);
  const shoes = assignShoes(ctx);

  const sessions: DemoSession[] = ctx.sessions
    .sort((a, b) => a.day - b.day || a.minute - b.minute)
    .map((s, n) => ({
      externalId: `demo-${index}-${n}`,
      localDate: dates[s.day],
      startTime: localInstant(user.timeZone, startDay + s.day, s.minute),
      type: s.type,
      subType: s.subType,
      durationMin: s.durationMin,
      movingMin: s.movingMin,
      distanceKm: s.distanceKm,
      elevationGainM: s.elevationGainM,
      rpe: s.rpe,
      avgHr: s.avgHr,
      surface: s.surface,
      shoeKey: s.shoeKey,
      source: "DEMO",
      notes: s.notes,
    }));

  return {
    index,
    user,
    profile,
    roles,
    shoes,
    sessions,
    painReports: log.reports.sort((a, b) => a.reportedAt.localeCompare(b.reportedAt)),
    ostrcResponses: log.responses(),
    plan: makePlan(ctx, roles, shoes),
  };
}

/** Shoes are fitted after the runs exist so each pair's mileage can be steered. */
function assignShoes(ctx: Ctx): DemoShoe[] {
  const { rng, days, dates, index } = ctx;
  const runs = ctx.sessions.filter((s) => s.type === "RUN").sort((a, b) => a.day - b.day || a.minute - b.minute);
  const [brand, oldModel, newModel] = SHOE_MODELS[(index + rng.int(0, 5)) % SHOE_MODELS.length];
  const hasThird = rng.chance(0.6) || index === 0;
  const trailKm = runs.reduce((t, s) => t + (s.surface === "TRAIL" ? (s.distanceKm ?? 0) : 0), 0);
  // A trail pair only for someone who runs trails; otherwise racing flats for the quality sessions.
  const thirdKind = hasThird ? (trailKm > 100 && rng.chance(0.7) ? "trail" : "race") : null;
  const [thirdBrand, thirdModel] = rng.pick(thirdKind === "trail" ? TRAIL_SHOES : RACE_SHOES);
  const thirdStart = Math.floor(days * rng.range(0.2, 0.6));
  const usesThird = (s: RawSession) =>
    thirdKind !== null &&
    s.day >= thirdStart &&
    (thirdKind === "trail" ? s.surface === "TRAIL" : s.kind === "interval" || s.kind === "tempo");
  const forgot = () => rng.chance(0.03);

  // The current trainer is worn past the usual 700 km replacement point for about half the squad.
  const currentTarget = index % 2 === 0 ? rng.range(730, 900) : rng.range(250, 600);
  const daily = runs.filter((s) => !usesThird(s));
  let switchAt = 0;
  for (let k = daily.length - 1, km = 0; k >= 0; k--) {
    km += daily[k].distanceKm ?? 0;
    if (km >= currentTarget) {
      switchAt = k;
      break;
    }
  }
  // The retired pair covers about its own lifetime before the switch; older runs were logged without a shoe.
  const retiredTarget = rng.range(650, 820);
  let retiredFrom = switchAt;
  for (let k = switchAt - 1, km = 0; k >= 0; k--) {
    km += daily[k].distanceKm ?? 0;
    if (km > retiredTarget) break;
    retiredFrom = k;
  }
  let currentKm = 0;
  let retiredKm = 0;
  daily.forEach((s, k) => {
    if (k < retiredFrom || forgot()) return;
    s.shoeKey = k >= switchAt ? "current" : "retired";
    if (k >= switchAt) currentKm += s.distanceKm ?? 0;
    else retiredKm += s.distanceKm ?? 0;
  });
  if (thirdKind) for (const s of runs) if (usesThird(s) && !forgot()) s.shoeKey = thirdKind;

  const switchDay = daily.length ? daily[switchAt].day : 0;
  const retiredStart = retiredFrom < switchAt ? daily[retiredFrom].day : Math.max(0, switchDay - 90);
  // Mileage from before the shoe was logged here, in whole kilometres as people enter it.
  const before = (target: number, logged: number) => (target - logged >= 20 ? Math.round(target - logged) : 0);
  const shoes: DemoShoe[] = [
    {
      key: "retired",
      name: oldModel,
      brand,
      initialKm: before(retiredTarget, retiredKm),
      startedOn: dates[retiredStart],
      retiredAt: localInstant(ctx.timeZone, ctx.startDay + switchDay, 21 * 60),
    },
    {
      key: "current",
      name: newModel,
      brand,
      initialKm: before(currentTarget, currentKm),
      startedOn: dates[switchDay],
      retiredAt: null,
    },
  ];
  if (thirdKind) {
    const startedOn = dates[thirdStart];
    shoes.push({ key: thirdKind, name: thirdModel, brand: thirdBrand, initialKm: 0, startedOn, retiredAt: null });
  }
  return shoes;
}

/** Next week's plan for two athletes: a deload for the overloaded one, a build week with core for another. */
function makePlan(ctx: Ctx, roles: DemoAthleteRoles, shoes: DemoShoe[]): DemoPlan | null {
  if (ctx.index !== 0 && ctx.index !== 2) return null;
  const endDay = ctx.startDay + ctx.days - 1;
  const monday = endDay + (7 - weekday(endDay));
  const shoeKey = shoes.find((s) => s.key === "current") ? "current" : null;
  const weekly = ctx.traits.weeklyKm;
  const base = (dow: number, type: SessionType, title: string, targetRpe: number, description: string | null) => ({
    date: formatDay(monday + dow),
    type,
    title,
    targetRpe,
    description,
  });
  const run = (dow: number, title: string, km: number, targetRpe: number, description: string | null = null) => {
    const distanceKm = roundDistance(ctx, km);
    const pace = ctx.traits.easyPace * (targetRpe >= 6 ? 0.92 : 1.02);
    return {
      ...base(dow, "RUN", title, targetRpe, description),
      subType: null,
      durationMin: Math.round(distanceKm * pace),
      distanceKm,
      surface: "ASPHALT" as const,
      shoeKey,
    };
  };
  const other = (
    dow: number,
    type: SessionType,
    title: string,
    durationMin: number,
    targetRpe: number,
    description: string,
    subType: CrossTrainingMode | null = null,
  ) => ({
    ...base(dow, type, title, targetRpe, description),
    subType,
    durationMin,
    distanceKm: null,
    surface: null,
    shoeKey: null,
  });

  const sessions: DemoPlannedSession[] = roles.overloaded
    ? [
        other(0, "MOBILITY", "Mobility", 25, 2, "Hip flexors, hamstrings, piriformis, thoracic spine"),
        run(1, "Easy run", weekly * 0.12, 3, "Conversational pace; stop if the back pain goes above 3/10"),
        other(2, "CROSS_TRAINING", "Easy spin", 45, 4, "Replaces a run while the back settles", "CYCLING"),
        other(3, "CORE", "Core circuit", 25, 5, "Dead bugs, side planks, glute bridges, bird dogs"),
        run(4, "Easy run", weekly * 0.12, 3),
        other(5, "CORE", "Core circuit", 25, 5, "Same circuit as Thursday"),
        run(6, "Short long run", weekly * 0.22, 4, "No more than 10% over the longest run before the spike"),
      ]
    : [
        run(1, "Intervals", weekly * 0.17, 7, "6 x 1 km at 10K pace, 2 min jog"),
        other(1, "CORE", "Core circuit", 25, 5, "After the run: planks, dead bugs, Pallof press"),
        run(2, "Easy run", weekly * 0.15, 3),
        run(3, "Tempo", weekly * 0.17, 6, "20 min at threshold in the middle"),
        other(4, "STRENGTH", "Strength", 40, 6, "Split squats, deadlifts, calf raises"),
        run(5, "Easy run", weekly * 0.13, 3),
        run(6, "Long run", weekly * 0.3, 5),
      ];
  return {
    title: roles.overloaded ? "Deload week" : "Build week with core",
    startDate: formatDay(monday),
    endDate: formatDay(monday + 6),
    sessions,
  };
}

// ---------------------------------------------------------------- the whole squad

/** The full demo data set in memory; for large squads prefer generateDemoAthlete one athlete at a time. */
export function generateDemo(params: DemoParams): DemoData {
  const resolved = resolveDemoParams(params);
  const athletes: DemoAthlete[] = [];
  for (let i = 0; i < resolved.athletes; i++) athletes.push(generateDemoAthlete(resolved, i));
  return { params: resolved, squadName: DEMO_SQUAD_NAME, coach: generateDemoCoach(resolved), athletes };
}
