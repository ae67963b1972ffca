/**
 * Input validation: every public function checks its input here and works on the parsed form
 * (epoch days instead of date strings). Optional fields given as null count as "not recorded".
 */
import { parseDay, tryParseDay } from "./dates";
import { EngineInputError } from "./errors";
import { INPUT_LIMITS } from "./thresholds";
import { RED_FLAG_SYMPTOM_IDS } from "./symptoms";
import { OSTRC_Q1_SCORES, OSTRC_Q2_SCORES, OSTRC_Q3_SCORES, OSTRC_Q4_SCORES } from "./ostrc-scores";
import {
  BACK_ZONES,
  FLAG_IDS,
  FOOTPRINT_TYPES,
  PLANNED_ORIGINS,
  POSTURE_LOADS,
  SESSION_TYPES,
  SURFACES,
  type BackZone,
  type EngineSession,
  type FlagId,
  type FootprintType,
  type PostureLoad,
  type SessionType,
  type Surface,
} from "./types";

const SESSION_TYPE_SET: ReadonlySet<string> = new Set(SESSION_TYPES);
const SURFACE_SET: ReadonlySet<string> = new Set(SURFACES);
const ZONE_SET: ReadonlySet<string> = new Set(BACK_ZONES);
const FOOTPRINT_SET: ReadonlySet<string> = new Set(FOOTPRINT_TYPES);
const POSTURE_SET: ReadonlySet<string> = new Set(POSTURE_LOADS);
const ORIGIN_SET: ReadonlySet<string> = new Set(PLANNED_ORIGINS);
const FLAG_SET: ReadonlySet<string> = new Set(FLAG_IDS);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function requireArray(v: unknown, field: string): unknown[] {
  if (!Array.isArray(v)) throw new EngineInputError(field, "expected an array", "invalid-type");
  return v;
}

export function requireObject(v: unknown, field: string): Record<string, unknown> {
  if (!isObject(v)) throw new EngineInputError(field, "expected an object", "invalid-type");
  return v;
}

/** A finite number in [min, max]. */
export function requireNumber(v: unknown, field: string, min: number, max: number): number {
  if (typeof v !== "number" || v !== v) {
    throw new EngineInputError(field, `expected a number, got ${describe(v)}`, "invalid-number");
  }
  if (!Number.isFinite(v)) throw new EngineInputError(field, `expected a finite number, got ${v}`, "invalid-number");
  if (v < min || v > max) throw new EngineInputError(field, `must be between ${min} and ${max}, got ${v}`, "out-of-range");
  return v;
}

function optionalNumber(v: unknown, field: string, min: number, max: number): number | null {
  return v === undefined || v === null ? null : requireNumber(v, field, min, max);
}

function requireString(v: unknown, field: string): string {
  if (typeof v !== "string") throw new EngineInputError(field, `expected a string, got ${describe(v)}`, "invalid-type");
  return v;
}

function requireEnum<T extends string>(v: unknown, field: string, set: ReadonlySet<string>): T {
  if (typeof v !== "string" || !set.has(v)) {
    throw new EngineInputError(field, `unknown value ${describe(v)}; expected one of ${[...set].join(", ")}`, "unknown-value");
  }
  return v as T;
}

function describe(v: unknown): string {
  if (typeof v === "number") return String(v);
  if (v === undefined) return "nothing";
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

export interface ParsedSession {
  /** Position in the input array. */
  index: number;
  id: string;
  day: number;
  type: SessionType;
  durationMin: number;
  distanceKm: number | null;
  rpe: number | null;
  surface: Surface | null;
  shoeId: string | null;
  /** Planned sessions only. */
  planned: boolean;
}

function isPlainNumber(v: unknown, min: number, max: number): v is number {
  return typeof v === "number" && v >= min && v <= max;
}

/**
 * Validates the session at `index` of the list named `field` (errors name e.g. "sessions[3].rpe"). The common valid case is checked
 * inline without building field names, which matters for squads with years of sessions.
 */
export function parseSession(raw: unknown, field: string, index: number, planned = false): ParsedSession {
  const s = raw as Record<string, unknown> | null;
  if (typeof s === "object" && s !== null && !Array.isArray(s) && !planned) {
    const { id, date, type, durationMin, distanceKm, rpe, surface, shoeId } = s;
    const day = tryParseDay(date);
    if (
      typeof id === "string" &&
      day === day &&
      typeof type === "string" &&
      SESSION_TYPE_SET.has(type) &&
      isPlainNumber(durationMin, 0, INPUT_LIMITS.maxSessionMinutes) &&
      (distanceKm === undefined || distanceKm === null || isPlainNumber(distanceKm, 0, INPUT_LIMITS.maxSessionKm)) &&
      (rpe === undefined || rpe === null || isPlainNumber(rpe, 0, 10)) &&
      (surface === undefined || surface === null || (typeof surface === "string" && SURFACE_SET.has(surface))) &&
      (shoeId === undefined || shoeId === null || typeof shoeId === "string")
    ) {
      return {
        index,
        id,
        day,
        type: type as SessionType,
        durationMin,
        distanceKm: distanceKm ?? null,
        rpe: rpe ?? null,
        surface: (surface as Surface | null | undefined) ?? null,
        shoeId: shoeId ?? null,
        planned,
      };
    }
  }
  return parseSessionChecked(raw, `${field}[${index}]`, index, planned);
}

/** Field-by-field validation that names the first offending field. */
function parseSessionChecked(raw: unknown, field: string, index: number, planned: boolean): ParsedSession {
  const s = requireObject(raw, field);
  const id = requireString(s.id, `${field}.id`);
  const day = parseDay(s.date, `${field}.date`);
  const type = requireEnum<SessionType>(s.type, `${field}.type`, SESSION_TYPE_SET);
  const durationMin = requireNumber(s.durationMin, `${field}.durationMin`, 0, INPUT_LIMITS.maxSessionMinutes);
  const distanceKm = optionalNumber(s.distanceKm, `${field}.distanceKm`, 0, INPUT_LIMITS.maxSessionKm);
  const rpe = optionalNumber(s.rpe, `${field}.rpe`, 0, 10);
  const surface =
    s.surface === undefined || s.surface === null ? null : requireEnum<Surface>(s.surface, `${field}.surface`, SURFACE_SET);
  const shoeId = s.shoeId === undefined || s.shoeId === null ? null : requireString(s.shoeId, `${field}.shoeId`);
  if (planned) {
    if (s.origin !== undefined && s.origin !== null) requireEnum(s.origin, `${field}.origin`, ORIGIN_SET);
    if (s.flagId !== undefined && s.flagId !== null) requireEnum(s.flagId, `${field}.flagId`, FLAG_SET);
  }
  return { index, id, day, type, durationMin, distanceKm, rpe, surface, shoeId, planned };
}

export function parseSessions(raw: unknown, field: string, planned = false): ParsedSession[] {
  if (raw === undefined || raw === null) return [];
  const list = requireArray(raw, field);
  const out = new Array<ParsedSession>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = parseSession(list[i], field, i, planned);
  return out;
}

/** A single session given to sessionLoad, validated under the field name "session". */
export function parseOneSession(raw: EngineSession | unknown): ParsedSession {
  return parseSessionChecked(raw, "session", 0, false);
}

export interface ParsedPainReport {
  index: number;
  day: number;
  zone: BackZone;
  subArea: string | null;
  nrs: number;
  /** Red-flag symptom ids, including "non-mechanical" when mechanical is false. */
  redFlags: string[];
}

export function parsePainReports(raw: unknown, field: string): ParsedPainReport[] {
  if (raw === undefined || raw === null) return [];
  const list = requireArray(raw, field);
  const out: ParsedPainReport[] = [];
  for (let i = 0; i < list.length; i++) {
    const f = `${field}[${i}]`;
    const r = requireObject(list[i], f);
    const day = parseDay(r.date, `${f}.date`);
    const zone = requireEnum<BackZone>(r.zone, `${f}.zone`, ZONE_SET);
    const subArea = r.subArea === undefined || r.subArea === null ? null : requireString(r.subArea, `${f}.subArea`);
    const nrs = requireNumber(r.nrs, `${f}.nrs`, 0, 10);
    const redFlags: string[] = [];
    if (r.redFlags !== undefined && r.redFlags !== null) {
      const ids = requireArray(r.redFlags, `${f}.redFlags`);
      for (let j = 0; j < ids.length; j++) {
        const id = requireEnum<string>(ids[j], `${f}.redFlags[${j}]`, RED_FLAG_SYMPTOM_IDS);
        if (!redFlags.includes(id)) redFlags.push(id);
      }
    }
    if (r.mechanical !== undefined && r.mechanical !== null) {
      if (typeof r.mechanical !== "boolean") {
        throw new EngineInputError(`${f}.mechanical`, `expected true or false, got ${describe(r.mechanical)}`, "invalid-type");
      }
      // Pain that does not change with movement or posture is the `non-mechanical` red flag.
      if (!r.mechanical && !redFlags.includes("non-mechanical")) redFlags.push("non-mechanical");
    }
    out.push({ index: i, day, zone, subArea, nrs, redFlags });
  }
  return out;
}

/**
 * Clearance dates as epoch days, ascending (duplicates kept; they change nothing). Errors name
 * e.g. "clearances[2].date".
 */
export function parseClearances(raw: unknown, field: string): number[] {
  if (raw === undefined || raw === null) return [];
  const list = requireArray(raw, field);
  const out = new Array<number>(list.length);
  for (let i = 0; i < list.length; i++) {
    const c = requireObject(list[i], `${field}[${i}]`);
    out[i] = parseDay(c.date, `${field}[${i}].date`);
  }
  return out.sort((x, y) => x - y);
}

export interface OstrcAnswers {
  q1: number;
  q2: number;
  q3: number;
  q4: number;
}

function requireScore(v: unknown, field: string, allowed: readonly number[]): number {
  if (typeof v !== "number" || !allowed.includes(v)) {
    throw new EngineInputError(
      field,
      `expected one of the OSTRC scores ${allowed.join(", ")}, got ${describe(v)}`,
      "unknown-value",
    );
  }
  return v;
}

/** Checks that each answer is one of the questionnaire's scores. */
export function parseOstrcAnswers(raw: unknown, field: string): OstrcAnswers {
  const a = requireObject(raw, field);
  const prefix = field === "" ? "" : `${field}.`;
  return {
    q1: requireScore(a.q1, `${prefix}q1`, OSTRC_Q1_SCORES),
    q2: requireScore(a.q2, `${prefix}q2`, OSTRC_Q2_SCORES),
    q3: requireScore(a.q3, `${prefix}q3`, OSTRC_Q3_SCORES),
    q4: requireScore(a.q4, `${prefix}q4`, OSTRC_Q4_SCORES),
  };
}

export interface ParsedOstrc extends OstrcAnswers {
  index: number;
  day: number;
  zone: BackZone;
}

export function parseOstrcList(raw: unknown, field: string): ParsedOstrc[] {
  if (raw === undefined || raw === null) return [];
  const list = requireArray(raw, field);
  const out: ParsedOstrc[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const r = list[i] as Record<string, unknown> | null;
    // Fast path for a valid entry; the checked path below names the offending field.
    if (typeof r === "object" && r !== null) {
      const day = tryParseDay(r.date);
      const { zone, q1, q2, q3, q4 } = r;
      if (
        day === day &&
        typeof zone === "string" &&
        ZONE_SET.has(zone) &&
        typeof q1 === "number" &&
        OSTRC_Q1_SCORES.includes(q1) &&
        typeof q2 === "number" &&
        OSTRC_Q2_SCORES.includes(q2) &&
        typeof q3 === "number" &&
        OSTRC_Q3_SCORES.includes(q3) &&
        typeof q4 === "number" &&
        OSTRC_Q4_SCORES.includes(q4)
      ) {
        out[i] = { index: i, day, zone: zone as BackZone, q1, q2, q3, q4 };
        continue;
      }
    }
    const f = `${field}[${i}]`;
    const checked = requireObject(r, f);
    const day = parseDay(checked.date, `${f}.date`);
    const zone = requireEnum<BackZone>(checked.zone, `${f}.zone`, ZONE_SET);
    out[i] = { index: i, day, zone, ...parseOstrcAnswers(checked, f) };
  }
  return out;
}

export interface ParsedProfile {
  birthDay: number | null;
  footprintType: FootprintType | null;
  legLengthDiscrepancyMm: number | null;
  postureLoad: PostureLoad[];
  retiredShoeIds: Set<string>;
  shoeKmBefore: Map<string, number>;
}

export function parseProfile(raw: unknown, field = "profile"): ParsedProfile | null {
  if (raw === undefined || raw === null) return null;
  const p = requireObject(raw, field);
  const birthDay = p.birthDate === undefined || p.birthDate === null ? null : parseDay(p.birthDate, `${field}.birthDate`);
  const footprintType =
    p.footprintType === undefined || p.footprintType === null
      ? null
      : requireEnum<FootprintType>(p.footprintType, `${field}.footprintType`, FOOTPRINT_SET);
  const legLengthDiscrepancyMm = optionalNumber(
    p.legLengthDiscrepancyMm,
    `${field}.legLengthDiscrepancyMm`,
    0,
    INPUT_LIMITS.maxLegLengthMm,
  );
  const postureLoad: PostureLoad[] = [];
  if (p.postureLoad !== undefined && p.postureLoad !== null) {
    const list = requireArray(p.postureLoad, `${field}.postureLoad`);
    for (let i = 0; i < list.length; i++) {
      const v = requireEnum<PostureLoad>(list[i], `${field}.postureLoad[${i}]`, POSTURE_SET);
      if (!postureLoad.includes(v)) postureLoad.push(v);
    }
  }
  const retiredShoeIds = new Set<string>();
  if (p.retiredShoeIds !== undefined && p.retiredShoeIds !== null) {
    const list = requireArray(p.retiredShoeIds, `${field}.retiredShoeIds`);
    for (let i = 0; i < list.length; i++) retiredShoeIds.add(requireString(list[i], `${field}.retiredShoeIds[${i}]`));
  }
  const shoeKmBefore = new Map<string, number>();
  if (p.shoeKmBefore !== undefined && p.shoeKmBefore !== null) {
    const km = requireObject(p.shoeKmBefore, `${field}.shoeKmBefore`);
    for (const [id, v] of Object.entries(km)) {
      shoeKmBefore.set(id, requireNumber(v, `${field}.shoeKmBefore.${id}`, 0, INPUT_LIMITS.maxShoeKmBefore));
    }
  }
  return { birthDay, footprintType, legLengthDiscrepancyMm, postureLoad, retiredShoeIds, shoeKmBefore };
}

export function requireFlagId(v: unknown, field: string): FlagId {
  return requireEnum<FlagId>(v, field, FLAG_SET);
}

export interface ParsedWellness {
  index: number;
  day: number;
  /** sleep + fatigue + soreness + stress + mood, 5-25 (lower is better). */
  hooper: number;
  backStiffness: number | null;
}

function requireWhole(v: unknown, field: string, min: number, max: number): number {
  const n = requireNumber(v, field, min, max);
  if (!Number.isInteger(n)) throw new EngineInputError(field, `expected a whole number, got ${n}`, "invalid-number");
  return n;
}

/**
 * Wellness check-ins (each item a whole number 1-5, back stiffness 0-10 or absent), at most one per day.
 * Errors name e.g. "wellness[2].sleep"; a second check-in on a day is named by its date.
 */
export function parseWellnessList(raw: unknown, field: string): ParsedWellness[] {
  if (raw === undefined || raw === null) return [];
  const list = requireArray(raw, field);
  const out: ParsedWellness[] = new Array(list.length);
  const seen = new Set<number>();
  for (let i = 0; i < list.length; i++) {
    const f = `${field}[${i}]`;
    const w = requireObject(list[i], f);
    const day = parseDay(w.date, `${f}.date`);
    if (seen.has(day)) throw new EngineInputError(`${f}.date`, `a second check-in on ${w.date as string}; one per day`, "inconsistent");
    seen.add(day);
    let hooper = 0;
    for (const key of ["sleep", "fatigue", "soreness", "stress", "mood"] as const) hooper += requireWhole(w[key], `${f}.${key}`, 1, 5);
    const backStiffness =
      w.backStiffness === undefined || w.backStiffness === null ? null : requireWhole(w.backStiffness, `${f}.backStiffness`, 0, 10);
    out[i] = { index: i, day, hooper, backStiffness };
  }
  return out;
}
