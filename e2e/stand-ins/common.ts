import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

/** Shared plumbing of the provider stand-ins: a node:http server, body reading, request log and injected failures. */

export type RecordedRequest = { method: string; path: string; at: Date };

/** A canned answer that replaces the next matching request's real one (5xx, garbage, oversize, slow). */
export type Injection = {
  status: number;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Only requests whose path (with query) matches; all API requests when absent. */
  match?: RegExp;
  /** Wait this long before answering (to trip client timeouts). */
  delayMs?: number;
  /** How many matching requests get it; 1 by default. */
  times?: number;
};

export const MAX_REQUEST_BODY = 64 * 1024;

export async function readRequestBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    total += (chunk as Buffer).length;
    if (total > MAX_REQUEST_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Form, JSON or query parameters, the ways OAuth endpoints accept them. */
export function parseParams(url: URL, body: string, contentType: string | undefined): URLSearchParams {
  const params = new URLSearchParams(url.search);
  if (!body) return params;
  if ((contentType ?? "").includes("application/json")) {
    try {
      const json = JSON.parse(body) as Record<string, unknown>;
      for (const [k, v] of Object.entries(json)) if (v !== null && v !== undefined) params.set(k, String(v));
    } catch {
      // A malformed body adds nothing; the endpoint then reports the missing fields.
    }
  } else {
    for (const [k, v] of new URLSearchParams(body)) params.set(k, v);
  }
  return params;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function redirect(res: ServerResponse, location: string) {
  res.writeHead(302, { location, "content-length": 0 });
  res.end();
}

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

export function isHttpUrl(value: string | null): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** The injection for a request; ones without `match` apply to API requests only (`api`), never to OAuth pages. */
export function takeInjection(injections: Injection[], path: string, api = true): Injection | null {
  const index = injections.findIndex((i) => (i.match ? i.match.test(path) : api));
  if (index < 0) return null;
  const injection = injections[index];
  const left = (injection.times ?? 1) - 1;
  if (left <= 0) injections.splice(index, 1);
  else injections[index] = { ...injection, times: left };
  return injection;
}

export async function answerInjection(res: ServerResponse, injection: Injection, headers: Record<string, string>) {
  if (injection.delayMs) await new Promise((r) => setTimeout(r, injection.delayMs));
  if (res.destroyed) return;
  const body = injection.body ?? "";
  res.writeHead(injection.status, { "content-type": "application/json; charset=utf-8", ...headers, ...injection.headers });
  res.end(body);
}

export type Listening = { server: Server; url: string; close: () => Promise<void> };

export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>,
  options: { port?: number; host?: string; name: string },
): Promise<Listening> {
  const host = options.host ?? "127.0.0.1";
  const server = createServer((req, res) => {
    handler(req, res).catch((error) => {
      if (!res.headersSent) sendJson(res, 500, { message: "Stand-in error", detail: String(error) });
      else res.destroy();
    });
  });
  const port = await new Promise<number>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`The ${options.name} stand-in cannot listen on ${host}:${options.port}: the port is in use`) : error);
    server.once("error", onError);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", onError);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : (options.port ?? 0));
    });
  });
  return {
    server,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** POSTs JSON to a callback the way a provider delivers a webhook; the status of each attempt. */
export async function deliverJson(
  url: string,
  body: unknown,
  options: { attempts: number; retryDelayMs: number; timeoutMs: number; headers?: Record<string, string> },
): Promise<number[]> {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < options.attempts; attempt++) {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...options.headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      await response.arrayBuffer().catch(() => {});
      statuses.push(response.status);
      if (response.status === 200 || response.status === 201 || response.status === 204) break;
    } catch {
      statuses.push(0);
    }
    if (attempt + 1 < options.attempts) await new Promise((r) => setTimeout(r, options.retryDelayMs));
  }
  return statuses;
}

const formats = new Map<string, Intl.DateTimeFormat | null>();

/** "2026-06-10T00:30:00": the local wall time of a UTC start in a zone (UTC when the zone is unknown). */
export function localDateTime(startUtc: string, zone: string): string {
  if (!formats.has(zone)) {
    try {
      formats.set(zone, new Intl.DateTimeFormat("sv-SE", { timeZone: zone, dateStyle: "short", timeStyle: "medium" }));
    } catch {
      formats.set(zone, null);
    }
  }
  const format = formats.get(zone);
  return format ? format.format(new Date(startUtc)).replace(" ", "T") : startUtc.replace(/Z$/, "");
}
