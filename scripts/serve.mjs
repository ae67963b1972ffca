// The production server: the built app served by WEB_CONCURRENCY Node processes sharing one port.
//
// One Node process renders one page at a time, so a single `next start` uses one core however many the
// machine has. Here a primary process listens and hands each new connection to the worker holding the
// fewest open connections (browsers keep connections open for many requests, so handing them out in turn
// can leave one worker with most of them); each worker runs Next's request handler. Nothing a request
// needs is kept only in one worker: sessions are signed cookies, rate limits live in the database, the
// computed squad statuses are kept in the database for every worker and instance, and what a worker keeps
// in memory (in front of those, and the training views) is keyed by the athlete's data version, so a
// worker never serves another's stale copy.
//
// Usage: node scripts/serve.mjs [-p PORT] [-H HOST]   (defaults: $PORT or 3000, all addresses)
// WEB_CONCURRENCY: number of workers; default the number of cores (at most 8), 1 on the embedded
// database (BACKBONE_EMBEDDED_DB=1), which runs one query at a time.
import cluster from "node:cluster";
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CLIENT_ADDRESS_HEADER, proxyWarning, resolveClientAddress, trustedProxyHops } from "./lib/client-address.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function option(flag, fallback) {
  const i = process.argv.indexOf(flag);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const port = Number(option("-p", process.env.PORT ?? "3000"));
// Only -H: containers set $HOSTNAME to their own name, which is not an address to listen on.
const hostname = option("-H", undefined);

function workerCount() {
  const asked = process.env.WEB_CONCURRENCY;
  if (asked !== undefined && asked !== "") {
    const n = Number(asked);
    if (!Number.isInteger(n) || n < 1 || n > 64) {
      console.error(`WEB_CONCURRENCY must be a whole number from 1 to 64, got "${asked}"`);
      process.exit(1);
    }
    return n;
  }
  if (process.env.BACKBONE_EMBEDDED_DB === "1") return 1;
  return Math.min(availableParallelism(), 8);
}

let hops;
try {
  hops = trustedProxyHops();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

/**
 * What a worker does before it takes connections, so that no visitor's request is the one that pays for a
 * start: it renders the pages anyone may open (in both languages) on a private port of its own, which loads
 * and compiles the rendering code, layouts and catalogues and opens database connections; then it waits
 * (at most WARM_UP_SECONDS, default 120) for the first refresh of squad statuses (instrumentation.ts), which
 * computes what this build has not kept yet: after a release, every athlete's.
 */
async function warmUp(onRequest) {
  const started = Date.now();
  const asked = Number(process.env.WARM_UP_SECONDS || 120);
  const limitMs = (Number.isFinite(asked) && asked >= 0 ? asked : 120) * 1000;
  if (limitMs === 0) return;
  const probe = http.createServer(onRequest);
  try {
    await new Promise((resolve, reject) => {
      probe.once("error", reject);
      probe.listen(0, "127.0.0.1", resolve);
    });
    const base = `http://127.0.0.1:${probe.address().port}`;
    // Several rounds: the code a page runs is compiled with optimizations only after it has run a few times.
    for (const language of ["en", "es", "en", "es", "en", "en"]) {
      for (const page of ["/login", "/signup", "/api/health"]) {
        const left = limitMs - (Date.now() - started);
        if (left <= 0) break;
        await fetch(base + page, { redirect: "manual", headers: { "accept-language": language }, signal: AbortSignal.timeout(Math.min(left, 20_000)) })
          .then((res) => res.arrayBuffer())
          .catch(() => undefined);
      }
    }
  } catch (error) {
    console.warn(`Warm-up skipped: ${error.message}`);
  } finally {
    probe.close();
  }
  const refresh = globalThis.backboneWarmUp;
  const left = limitMs - (Date.now() - started);
  if (refresh && left > 0) {
    let timer;
    await Promise.race([refresh, new Promise((resolve) => (timer = setTimeout(resolve, left)))]);
    clearTimeout(timer);
  }
}

if (cluster.isPrimary) {
  // In the standalone folder (scripts/standalone.mjs) the environment is checked here, as `npm start` does.
  const envCheck = path.join(root, "scripts", "check-env.mjs");
  if (existsSync(envCheck)) {
    const problem = (await import(pathToFileURL(envCheck).href)).checkEnv(process.env);
    if (problem) {
      console.error(problem);
      process.exit(1);
    }
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`The port must be a whole number from 1 to 65535, got "${option("-p", process.env.PORT)}"`);
    process.exit(1);
  }
  const count = workerCount();
  /** Open connections per ready worker. */
  const open = new Map();
  let stopping = false;
  let listening = false;
  let crashes = 0;
  let lastCrash = 0;
  const started = Date.now();

  // Connections wait (paused) in the primary until a worker takes them; the worker resumes them.
  const server = net.createServer({ pauseOnConnect: true, noDelay: true }, (socket) => {
    let target = null;
    for (const [worker, n] of open) if (target === null || n < open.get(target)) target = worker;
    if (!target) return socket.destroy();
    open.set(target, open.get(target) + 1);
    target.send("connection", socket, { keepOpen: false }, (error) => {
      if (!error) return;
      socket.destroy();
      if (open.has(target)) open.set(target, Math.max(0, open.get(target) - 1));
    });
  });

  const fork = () => {
    const worker = cluster.fork();
    worker.on("message", (message) => {
      if (message === "ready") {
        open.set(worker, 0);
        if (!listening && open.size === count) {
          listening = true;
          server.listen(port, hostname, () => {
            console.log(`Backbone serving on http://${hostname ?? "localhost"}:${port} with ${count} worker${count === 1 ? "" : "s"}`);
          });
        }
      } else if (message === "closed" && open.has(worker)) {
        open.set(worker, Math.max(0, open.get(worker) - 1));
      } else if (message === "stopping") {
        // A worker told to stop on its own takes no new connections.
        open.delete(worker);
      }
    });
  };
  for (let i = 0; i < count; i++) fork();

  cluster.on("exit", (worker, code, signal) => {
    open.delete(worker);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    // A worker that dies while starting would die again: stop instead of looping.
    if (!listening && Date.now() - started < 120_000) {
      console.error(`A server worker exited while starting (${signal ?? `code ${code}`}); stopping.`);
      process.exitCode = 1;
      stop();
      return;
    }
    // Restarts back off while workers keep dying (1 s, 2 s, 4 s … at most 30 s), and reset after a quiet minute.
    const now = Date.now();
    crashes = now - lastCrash > 60_000 ? 0 : crashes + 1;
    lastCrash = now;
    const delay = crashes === 0 ? 0 : Math.min(30_000, 1000 * 2 ** (crashes - 1));
    console.error(`A server worker exited (${signal ?? `code ${code}`}); starting another${delay ? ` in ${delay / 1000} s` : ""}.`);
    setTimeout(() => !stopping && fork(), delay);
  });

  server.on("error", (error) => {
    console.error(`Cannot listen on ${hostname ?? "all addresses"}:${port}: ${error.message}`);
    process.exitCode = 1;
    stop();
  });

  function stop() {
    if (stopping) return;
    stopping = true;
    server.close();
    for (const w of Object.values(cluster.workers ?? {})) w?.kill("SIGTERM");
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
    setTimeout(() => process.exit(process.exitCode ?? 0), 10_000).unref();
  }
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  process.env.NODE_ENV = "production";
  // Tells lib/auth/client-ip.ts that the client address header comes from this server, not from the client.
  process.env.BACKBONE_CLIENT_ADDRESS_HEADER = "1";
  // In the standalone folder (scripts/standalone.mjs; Next's own server.js sits at its root) there is no
  // next.config.js to load: the build's configuration is handed to Next as its standalone server.js does.
  if (existsSync(path.join(root, "server.js")) && !process.env.__NEXT_PRIVATE_STANDALONE_CONFIG) {
    const required = JSON.parse(readFileSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "required-server-files.json"), "utf8"));
    // The build froze next.config.js; what it reads from the environment at start is applied here.
    process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify({ ...required.config, compress: process.env.HTTP_COMPRESSION !== "off" });
  }
  // What is computed from athletes' data is kept in Postgres per build (lib/computed-views/store.ts):
  // instances of one build share it, and a new release never reads the values of the one before.
  const buildIdFile = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!process.env.BACKBONE_CODE_VERSION && existsSync(buildIdFile)) process.env.BACKBONE_CODE_VERSION = readFileSync(buildIdFile, "utf8").trim();
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: root, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  let warnedAboutProxy = false;
  const onRequest = (req, res) => {
    // The one place the client's address is decided (TRUSTED_PROXY_HOPS); whatever the client sent in
    // this header is replaced.
    req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], hops);
    if (!warnedAboutProxy) {
      const warning = proxyWarning(req.socket.remoteAddress, req.headers["x-forwarded-for"], hops);
      if (warning) {
        warnedAboutProxy = true;
        console.warn(warning);
      }
    }
    handle(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  };
  const server = http.createServer(onRequest);
  // Longer than a proxy's idle timeout, so that the proxy closes kept-alive connections first.
  server.keepAliveTimeout = 65_000;
  // The worker's server never listens itself (the primary hands it connections), but Node starts the
  // connection bookkeeping behind headersTimeout, requestTimeout and closeIdleConnections() on
  // 'listening': announce it, so slow or silent clients are cut off and stopping closes idle connections.
  server.emit("listening");
  const sockets = new Set();
  let stopping = false;
  process.on("message", (message, socket) => {
    if (message !== "connection" || !socket) return;
    if (stopping) return socket.destroy();
    sockets.add(socket);
    // As http.Server does for connections it accepts itself: no Nagle delay on the small writes of a stream.
    socket.setNoDelay(true);
    socket.once("close", () => {
      sockets.delete(socket);
      if (process.connected) process.send("closed");
      if (stopping && sockets.size === 0) process.exit(0);
    });
    server.emit("connection", socket);
    socket.resume();
  });
  await warmUp(onRequest);
  process.send("ready");
  // Stopping: finish the requests in flight, closing each connection as it falls idle.
  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (process.connected) process.send("stopping");
    if (sockets.size === 0) process.exit(0);
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 100).unref();
    setTimeout(() => process.exit(0), 8_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
