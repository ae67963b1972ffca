// Synthetic Strava exports for tests and benchmarks, built on the header of a real activities.csv.
import { readFileSync } from "node:fs";
import path from "node:path";

let cachedHeader: string[] | undefined;

/** The 99 column names of a real Strava activities.csv, duplicates included, in order. */
export function stravaHeader(): string[] {
  cachedHeader ??= readFileSync(path.join(__dirname, "fixtures", "csv", "strava_activities_header.txt"), "utf8")
    .trim()
    .split(",");
  return cachedHeader;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * One CSV line. Keys are column names; "Name@2" addresses the second column of that name (Strava repeats
 * Elapsed Time, Distance, Max Heart Rate, Relative Effort and Commute).
 */
export function stravaRow(values: Record<string, string>): string {
  const seen = new Map<string, number>();
  return stravaHeader()
    .map((name) => {
      const n = (seen.get(name) ?? 0) + 1;
      seen.set(name, n);
      return csvCell(values[n === 1 ? name : `${name}@${n}`] ?? "");
    })
    .join(",");
}

export function stravaCsv(rows: Record<string, string>[]): string {
  return [stravaHeader().join(","), ...rows.map(stravaRow)].join("\n") + "\n";
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Strava's "Oct 5, 2014, 4:15:21 PM" for a UTC instant. */
export function stravaDate(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const hh = h % 12 === 0 ? 12 : h % 12;
  const mm = String(d.getUTCMinutes()).padStart(2, "0");
  const ss = String(d.getUTCSeconds()).padStart(2, "0");
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${hh}:${mm}:${ss} ${h < 12 ? "AM" : "PM"}`;
}

/** Mulberry32: small, fast and the same on every machine. */
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

const SPORTS: [string, number, number][] = [
  // type, share, typical speed m/s
  ["Run", 0.62, 3.1],
  ["Trail Run", 0.08, 2.4],
  ["Ride", 0.12, 7.5],
  ["Virtual Ride", 0.04, 8.5],
  ["Swim", 0.04, 0.8],
  ["Weight Training", 0.04, 0],
  ["Yoga", 0.03, 0],
  ["Walk", 0.03, 1.4],
];

/**
 * A deterministic Strava activities.csv: one activity every 6 to 30 hours from 2014, a realistic mix of
 * sports, commas and quotes in names, now and then a multi-line description, blanks where Strava leaves
 * them (no HR strap, no GPS).
 */
export function makeStravaCsv(rows: number, seed = 1): string {
  const rand = prng(seed);
  const out: Record<string, string>[] = [];
  let t = Date.UTC(2014, 0, 1, 6, 0, 0);
  for (let i = 0; i < rows; i++) {
    t += Math.round((6 + rand() * 24) * 3600) * 1000;
    let pick = rand();
    let sport = SPORTS[0];
    for (const s of SPORTS) {
      if (pick < s[1]) {
        sport = s;
        break;
      }
      pick -= s[1];
    }
    const [type, , speed] = sport;
    const movingS = Math.round(1200 + rand() * 5400);
    const elapsedS = movingS + Math.round(rand() < 0.3 ? rand() * 900 : rand() * 60);
    const metres = speed > 0 ? Math.round(movingS * speed * (0.85 + rand() * 0.3) * 10) / 10 : 0;
    const hasHr = rand() < 0.8;
    const id = String(200_000_000 + i * 7 + Math.floor(rand() * 7));
    const name = rand() < 0.1 ? `Intervals 6x800m, "easy" recoveries` : rand() < 0.5 ? `Morning ${type}` : `Evening ${type}`;
    out.push({
      "Activity ID": id,
      "Activity Date": stravaDate(t),
      "Activity Name": name,
      "Activity Type": type,
      "Activity Description": rand() < 0.05 ? "Legs heavy.\nStopped twice at lights, last km fast." : "",
      "Elapsed Time": String(elapsedS),
      Distance: (metres / 1000).toFixed(2),
      "Max Heart Rate": hasHr ? String(150 + Math.round(rand() * 40)) : "",
      "Relative Effort": hasHr ? String(Math.round(rand() * 200)) : "",
      Commute: "false",
      Filename: `activities/${id}.fit.gz`,
      "Elapsed Time@2": `${elapsedS}.0`,
      "Moving Time": `${movingS}.0`,
      "Distance@2": metres.toFixed(1),
      "Max Speed": (speed * 1.6).toFixed(1),
      "Average Speed": (metres / movingS).toFixed(3),
      "Elevation Gain": speed > 0 ? (rand() * 300).toFixed(1) : "",
      "Elevation Loss": speed > 0 ? (rand() * 300).toFixed(1) : "",
      "Max Heart Rate@2": hasHr ? `${150 + Math.round(rand() * 40)}.0` : "",
      "Average Heart Rate": hasHr ? (120 + rand() * 40).toFixed(1) : "",
      Calories: String(Math.round(movingS / 6)),
      "Relative Effort@2": hasHr ? `${Math.round(rand() * 200)}.0` : "",
      "Start Time": "",
      "Commute@2": "0.0",
      "From Upload": "1.0",
      "Grade Adjusted Distance": metres.toFixed(1),
      Media: "",
    });
  }
  return stravaCsv(out);
}
