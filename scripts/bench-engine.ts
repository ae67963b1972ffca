/**
 * Throughput of the training-load engine on deterministic synthetic data (seeded PRNG):
 * - computeDailyMetrics in athlete-days per second (target >= 5,000,000 on one core);
 * - evaluateFlags for a 100-athlete squad with 3 years of history each (target < 50 ms);
 * - projectPlan for the same squad with a 4-week plan each.
 * Usage: npm run bench:engine
 */
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import {
  computeDailyMetrics,
  evaluateFlags,
  projectPlan,
  type EngineOstrc,
  type EnginePainReport,
  type EngineProfile,
  type EngineSession,
  type PlannedSession,
  type Surface,
} from "../lib/training-load";
import { addDays } from "../lib/training-load/dates";

const METRIC_TARGET = 5_000_000;
const SQUAD_TARGET_MS = 50;
const YEARS = 3;
const DAYS = 365 * YEARS + 1;
const START = "2022-01-01";
const AS_OF = addDays(START, DAYS - 1);

/** Mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DATES: string[] = Array.from({ length: DAYS + 40 }, (_, i) => addDays(START, i));

function loadEntries(seed: number): { date: string; load: number }[] {
  const rnd = prng(seed);
  const out: { date: string; load: number }[] = [];
  for (let i = 0; i < DAYS; i++) {
    if (rnd() < 0.2) continue; // rest day
    out.push({ date: DATES[i], load: Math.round(200 + rnd() * 500) });
    if (rnd() < 0.15) out.push({ date: DATES[i], load: Math.round(60 + rnd() * 150) }); // second session
  }
  return out;
}

const SURFACE_LIST: Surface[] = ["asphalt", "asphalt", "asphalt", "track", "trail", "grass", "treadmill"];

function athlete(seed: number): {
  sessions: EngineSession[];
  painReports: EnginePainReport[];
  ostrc: EngineOstrc[];
  profile: EngineProfile;
} {
  const rnd = prng(seed);
  const sessions: EngineSession[] = [];
  let id = 0;
  let shoe = 0;
  let shoeKm = 0;
  for (let i = 0; i < DAYS; i++) {
    const r = rnd();
    if (r < 0.6) {
      const km = Math.round((5 + rnd() * 15 + (i % 7 === 6 ? 8 : 0)) * 10) / 10;
      shoeKm += km;
      if (shoeKm > 650) {
        shoe++;
        shoeKm = 0;
      }
      sessions.push({
        id: `s${id++}`,
        date: DATES[i],
        type: "RUN",
        durationMin: Math.round(km * (4.5 + rnd() * 1.5)),
        distanceKm: km,
        rpe: rnd() < 0.1 ? undefined : 3 + Math.floor(rnd() * 6),
        surface: SURFACE_LIST[Math.floor(rnd() * SURFACE_LIST.length)],
        shoeId: `shoe-${shoe}`,
      });
    } else if (r < 0.75) {
      sessions.push({ id: `s${id++}`, date: DATES[i], type: "CORE", durationMin: 25, rpe: 5 });
    } else if (r < 0.85) {
      sessions.push({ id: `s${id++}`, date: DATES[i], type: "CROSS_TRAINING", durationMin: 45, rpe: 4 });
    }
  }
  const painReports: EnginePainReport[] = [];
  const ostrc: EngineOstrc[] = [];
  for (let i = 0; i < DAYS; i += 7) {
    ostrc.push({ date: DATES[i], zone: "lumbar", q1: 0, q2: rnd() < 0.05 ? 13 : 0, q3: 0, q4: rnd() < 0.2 ? 8 : 0 });
    if (rnd() < 0.3) painReports.push({ date: DATES[i + 2], zone: "lumbar", subArea: "lumbosacral", nrs: Math.floor(rnd() * 6) });
  }
  const profile: EngineProfile = {
    birthDate: "1980-05-17",
    footprintType: "neutral",
    postureLoad: ["desk"],
    retiredShoeIds: Array.from({ length: shoe }, (_, k) => `shoe-${k}`),
  };
  return { sessions, painReports, ostrc, profile };
}

function plan(seed: number): PlannedSession[] {
  const rnd = prng(seed);
  const out: PlannedSession[] = [];
  for (let i = 1; i <= 28; i++) {
    if (rnd() < 0.3) continue;
    const km = Math.round((6 + rnd() * 14) * 10) / 10;
    out.push({
      id: `p${i}`,
      date: addDays(AS_OF, i),
      type: "RUN",
      durationMin: Math.round(km * 5.5),
      distanceKm: km,
      rpe: 4 + Math.floor(rnd() * 4),
      surface: "asphalt",
      shoeId: "shoe-new",
      origin: "coach",
    });
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

function main(): void {
  const t0 = performance.now();
  console.log(
    `Backbone engine bench (node ${process.version}, one thread, ${YEARS} years = ${DAYS} days per athlete; ` +
      `load average ${loadavg()[0].toFixed(2)} on ${cpus().length} CPUs)`,
  );

  // computeDailyMetrics
  const METRIC_ATHLETES = 1000;
  const entrySets = Array.from({ length: METRIC_ATHLETES }, (_, k) => loadEntries(1000 + k));
  let sink = 0;
  for (let w = 0; w < 3; w++) for (const e of entrySets) sink += computeDailyMetrics(e).length;
  const rates: number[] = [];
  const cpuRates: number[] = [];
  for (let rep = 0; rep < 7; rep++) {
    let days = 0;
    const cpu0 = process.cpuUsage();
    const s = performance.now();
    for (const e of entrySets) {
      const m = computeDailyMetrics(e);
      days += m.length;
      sink += m[m.length - 1].fitness;
    }
    const secs = (performance.now() - s) / 1000;
    const cpu = process.cpuUsage(cpu0);
    rates.push(days / secs);
    cpuRates.push(days / ((cpu.user + cpu.system) / 1e6));
  }
  const rate = median(rates);
  console.log(
    `computeDailyMetrics: ${fmt(rate)} athlete-days/s wall clock (median of 7 runs over ${METRIC_ATHLETES} athletes x ${DAYS} days; ` +
      `best ${fmt(Math.max(...rates))}; ${fmt(median(cpuRates))} per CPU-second) target >= ${fmt(METRIC_TARGET)}: ` +
      `${rate >= METRIC_TARGET ? "PASS" : "FAIL"}`,
  );

  // evaluateFlags, 100 athletes x 3 years
  const squad = Array.from({ length: 100 }, (_, k) => athlete(5000 + k));
  const sessionsTotal = squad.reduce((m, x) => m + x.sessions.length, 0);
  let flagCount = 0;
  const evalOnce = () => {
    let c = 0;
    for (const x of squad) c += evaluateFlags({ asOf: AS_OF, ...x }).length;
    return c;
  };
  for (let w = 0; w < 5; w++) flagCount = evalOnce();
  const evalTimes: number[] = [];
  for (let rep = 0; rep < 15; rep++) {
    const s = performance.now();
    sink += evalOnce();
    evalTimes.push(performance.now() - s);
  }
  const evalMs = median(evalTimes);
  console.log(
    `evaluateFlags: ${evalMs.toFixed(1)} ms for the squad (100 athletes x ${YEARS} years, ${fmt(sessionsTotal)} sessions, ` +
      `${flagCount} flags; median of 15, best ${Math.min(...evalTimes).toFixed(1)} ms) target < ${SQUAD_TARGET_MS} ms: ` +
      `${evalMs < SQUAD_TARGET_MS ? "PASS" : "FAIL"}`,
  );

  // projectPlan, 100 athletes x 3 years + 4-week plan
  const plans = squad.map((_, k) => plan(9000 + k));
  let projected = 0;
  const projectOnce = () => {
    let c = 0;
    for (let k = 0; k < squad.length; k++) {
      const x = squad[k];
      c += projectPlan({ asOf: AS_OF, sessions: x.sessions, plannedSessions: plans[k], painReports: x.painReports, profile: x.profile }).flags.length;
    }
    return c;
  };
  for (let w = 0; w < 3; w++) projected = projectOnce();
  const projTimes: number[] = [];
  for (let rep = 0; rep < 10; rep++) {
    const s = performance.now();
    sink += projectOnce();
    projTimes.push(performance.now() - s);
  }
  const projMs = median(projTimes);
  console.log(
    `projectPlan: ${projMs.toFixed(1)} ms for the squad (100 athletes x ${YEARS} years + a 28-day plan each, ` +
      `${projected} projected flags; median of 10) = ${(projMs / 100).toFixed(2)} ms per athlete`,
  );

  console.log(`total bench time ${((performance.now() - t0) / 1000).toFixed(1)} s (checksum ${sink.toFixed(0)})`);
  if (loadavg()[0] > cpus().length * 0.75) console.log("note: the machine was busy; wall-clock figures include time waiting for a CPU");
}

main();
