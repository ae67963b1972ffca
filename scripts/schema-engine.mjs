#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, built on the WebAssembly schema engine
// that ships with the `prisma` package, driven through @prisma/adapter-pg.
//
// The Prisma CLI downloads the native engine on first use; this machine cannot, so the CLI is
// pointed here through PRISMA_SCHEMA_ENGINE_BINARY (see scripts/prisma.mjs). The CLI talks to the
// engine in two ways, both reproduced here:
//
//   schema-engine [--datamodels <file>]... [--datasource <json>] [...]
//       JSON-RPC 2.0 over stdio, one message per line. Requests come from the CLI on stdin and
//       responses go to stdout; the engine may itself ask the CLI to `print` something (used by
//       `migrate diff`). stderr carries JSON log lines that the CLI collects for error messages.
//
//   schema-engine --datasource <json> cli <can-connect-to-database|create-database|drop-database>
//       One-shot commands. Exit code 0 is success; on failure the CLI skips the first stderr line
//       and parses every following line as a JSON log record carrying `error_code`/`message`.
//
//   schema-engine --version
//
// Things the wasm engine does not do on its own, handled here:
//   - connection handling, shadow databases (temporary or SHADOW_DATABASE_URL), database
//     creation and `db execute`, with plain `pg`;
//   - adapter-pg cannot map pg_catalog's "char" type (OID 18), which the engine reads while
//     describing a database (e.g. pg_constraint.contype), so such columns are typed here;
//   - the engine keeps createMigration/evaluateDataLoss away from the shadow database and relies
//     on a cache filled by diagnoseMigrationHistory; see withReplayedHistory;
//   - adapter-pg runs scripts by splitting on ";", which breaks on semicolons inside strings or
//     function bodies; scripts are sent as one simple query instead, as the native engine does.
//
// Set PRISMA_SCHEMA_ENGINE_TRACE=1 to echo every request and response on stderr
// (visible with DEBUG="prisma:schemaEngine*").

import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";

// stdout is the JSON-RPC channel: anything a library logs must not end up there.
for (const level of ["log", "info", "debug", "warn"]) console[level] = console.error.bind(console);

const require = createRequire(import.meta.url);
const trace = Boolean(process.env.PRISMA_SCHEMA_ENGINE_TRACE);

// ------------------------------------------------------------------------ arguments

function parseArgs(argv) {
  const args = { datamodels: [], datasource: null, cliCommand: null, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case "--datamodels":
        args.datamodels.push(argv[++i]);
        break;
      case "--datasource":
        args.datasource = JSON.parse(argv[++i]);
        break;
      case "--enabled-preview-features":
      case "--extension-types":
        // Accepted for compatibility; nothing in this project relies on them.
        i++;
        break;
      case "--version":
      case "-V":
        args.version = true;
        break;
      case "cli":
        args.cliCommand = argv[++i];
        break;
      default:
        throw new Error(`schema-engine stand-in: unknown argument ${JSON.stringify(arg)}`);
    }
  }
  return args;
}

// ------------------------------------------------------------------------ postgres connections

const pg = require("pg");
// Resolved through pg so the version is the one pg itself uses.
const { parse: parseConnectionString } = createRequire(require.resolve("pg"))("pg-connection-string");

const CHAR_OID = 18;
const TEXT_OID = 25;
const WAS_CHAR = Symbol("pg \"char\" column");

function relabelCharColumns(result) {
  for (const res of Array.isArray(result) ? result : [result]) {
    for (const field of res?.fields ?? []) {
      if (field.dataTypeID === CHAR_OID) {
        field.dataTypeID = TEXT_OID;
        field[WAS_CHAR] = true;
      }
    }
  }
  return result;
}

// adapter-pg turns every result column's type OID into a Prisma column type and throws on OIDs it
// does not know, "char" (pg_class.relkind, pg_constraint.contype, ...) among them. The engine
// reads such columns while describing a database and wants them typed as characters. Their text
// form is already the right string, so the column passes through adapter-pg as text and its type
// is corrected afterwards (see withCharColumns).
class CatalogClient extends pg.Client {
  query(config, values, callback) {
    if (config && typeof config.submit === "function") return super.query(config, values, callback);
    if (typeof values === "function") {
      callback = values;
      values = undefined;
    }
    if (typeof callback === "function") {
      return super.query(config, values, (err, res) => callback(err, err ? res : relabelCharColumns(res)));
    }
    return super.query(config, values).then(relabelCharColumns);
  }
}

// Reports the columns CatalogClient relabelled with the Character column type. The result's field
// list is only visible to adapter-pg's performIO, so each call gets its own view of the adapter
// that captures it.
function withCharColumns(adapter, characterColumnType) {
  const queryRaw = adapter.queryRaw;
  adapter.queryRaw = async function (query) {
    let fields = [];
    const view = Object.create(this, {
      performIO: {
        value: async (q) => {
          const result = await this.performIO(q);
          fields = result?.fields ?? [];
          return result;
        },
      },
    });
    const result = await queryRaw.call(view, query);
    fields.forEach((field, index) => {
      if (field[WAS_CHAR]) result.columnTypes[index] = characterColumnType;
    });
    return result;
  };
  return adapter;
}

// pg gives a connection string precedence over every other option, which is why adapter-pg's own
// shadow-database support (`{ ...config, database }`) ends up on the main database. Connection
// settings are therefore always passed as discrete options.
function pgConfig(url) {
  const parsed = parseConnectionString(url);
  const config = {
    host: parsed.host || undefined,
    port: parsed.port ? Number(parsed.port) : undefined,
    user: parsed.user || undefined,
    password: parsed.password || undefined,
    database: parsed.database || undefined,
    ssl: parsed.ssl,
    options: parsed.options,
    application_name: parsed.application_name ?? "prisma-schema-engine",
  };
  for (const key of Object.keys(config)) if (config[key] === undefined) delete config[key];
  return config;
}

function schemaOf(url) {
  try {
    return new URL(url).searchParams.get("schema") || "public";
  } catch {
    return "public";
  }
}

function describeServer(config) {
  const host = config.host ?? "localhost";
  return host.startsWith("/") ? host : `${host}:${config.port ?? 5432}`;
}

const quoteIdent = (name) => `"${String(name).replaceAll('"', '""')}"`;

async function withClient(config, fn) {
  const client = new pg.Client(config);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

// Databases to create or drop are handled from the server's maintenance database, as the native
// engine does (postgres, then template1 when postgres is missing).
async function withMaintenanceClient(url, fn) {
  const config = pgConfig(url);
  try {
    return await withClient({ ...config, database: "postgres" }, fn);
  } catch (error) {
    if (error?.code !== "3D000") throw error;
    return await withClient({ ...config, database: "template1" }, fn);
  }
}

// The error codes and wording the CLI knows from the native engine (user-facing-errors crate).
function knownDatabaseError(error, url) {
  const config = pgConfig(url ?? "postgresql://localhost");
  const server = describeServer(config);
  if (error?.code === "3D000") {
    return {
      error_code: "P1003",
      message: `Database \`${config.database}\` does not exist on the database server at \`${server}\`.`,
    };
  }
  if (error?.code === "28P01" || error?.code === "28000") {
    return {
      error_code: "P1000",
      message:
        `Authentication failed against database server at \`${config.host ?? "localhost"}\`, the provided database credentials for \`${config.user}\` are not valid.\n\n` +
        `Please make sure to provide valid database credentials for the database server at \`${config.host ?? "localhost"}\`.`,
    };
  }
  if (error?.code === "42501") {
    return { error_code: "P1010", message: `User \`${config.user}\` was denied access on the database \`${config.database}\`` };
  }
  if (["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ETIMEDOUT", "ENOENT", "EAI_AGAIN"].includes(error?.code)) {
    return {
      error_code: "P1001",
      message: `Can't reach database server at \`${server}\`\n\nPlease make sure your database server is running at \`${server}\`.`,
    };
  }
  if (error?.code === "42P04") {
    return { error_code: "P1009", message: `Database \`${config.database}\` already exists on the database server at \`${server}\`` };
  }
  return null;
}

// ------------------------------------------------------------------------ the wasm engine

// The panic hook inside the wasm module reports the panic message here before it aborts.
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  message: "",
  set_message(message) {
    this.message = `RuntimeError: ${message}`;
  },
  get() {
    return this.message;
  },
};

let wasmGlue = null;

// The glue is generated by wasm-bindgen for the bundler target (it imports the .wasm file as an
// ES module, which node cannot do), so the module is instantiated by hand. The wasm built into the
// prisma CLI is preferred: it is the engine version the CLI was released with. The glue package's
// own build is the fallback; either is only used when it imports nothing the glue lacks.
async function loadWasmEngine() {
  if (wasmGlue) return wasmGlue;
  const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const candidates = [
    path.join(path.dirname(require.resolve("prisma/package.json")), "build", "schema_engine_bg.wasm"),
    path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm"),
  ];
  const problems = [];
  for (const file of candidates) {
    if (!fs.existsSync(file)) {
      problems.push(`${file}: missing`);
      continue;
    }
    const compiled = await WebAssembly.compile(fs.readFileSync(file));
    const missing = WebAssembly.Module.imports(compiled).filter((entry) => typeof glue[entry.name] !== "function");
    if (missing.length > 0) {
      problems.push(`${file}: needs ${missing.map((entry) => entry.name).join(", ")}`);
      continue;
    }
    const instance = await WebAssembly.instantiate(compiled, { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start?.();
    wasmGlue = glue;
    return glue;
  }
  throw new Error(`No usable schema engine wasm module:\n  ${problems.join("\n  ")}`);
}

// Temporary shadow databases still present when the process ends are dropped then, after closing
// the connections to them (the engine does not always dispose of a shadow database it gave up on).
const temporaryDatabases = new Map();

async function dropTemporaryDatabase(mainUrl, name) {
  const pool = temporaryDatabases.get(name);
  temporaryDatabases.delete(name);
  if (pool && !pool.ended) await pool.end().catch(() => {});
  await withMaintenanceClient(mainUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`));
}

class AdapterFactory {
  constructor({ url, shadowDatabaseUrl }) {
    this.url = url;
    this.shadowDatabaseUrl = shadowDatabaseUrl;
    this.provider = "postgres";
    this.adapterName = "@prisma/adapter-pg";
  }

  async open(config, schema, onDispose) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    // One connection, never closed while idle, as the native engine has: the engine takes
    // Prisma's advisory lock with a plain query and relies on the session keeping it, so a pool
    // would take it again from another connection and wait on its own idle one.
    const poolConfig = { ...config, Client: CatalogClient, max: 1, idleTimeoutMillis: 0, connectionTimeoutMillis: 60_000 };
    const { ColumnTypeEnum } = await import("@prisma/driver-adapter-utils");
    const adapter = withCharColumns(await new PrismaPg(poolConfig, { schema }).connect(), ColumnTypeEnum.Character);
    adapter.executeScript = async (script) => {
      try {
        // No parameters: pg sends this as one simple query, statements and all.
        await adapter.client.query(script);
      } catch (error) {
        adapter.onError(error);
      }
    };
    if (onDispose) {
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        try {
          await dispose();
        } finally {
          await onDispose();
        }
      };
    }
    return adapter;
  }

  async connect() {
    if (!this.url) throw new Error("No database URL is configured (datasource.url in prisma.config.ts)");
    return this.open(pgConfig(this.url), schemaOf(this.url));
  }

  async connectToShadowDb() {
    if (!this.url) throw new Error("No database URL is configured (datasource.url in prisma.config.ts)");
    if (this.shadowDatabaseUrl) return this.connectToConfiguredShadowDb();

    // Same naming and lifetime as the native engine: a throwaway database on the main server.
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    await withMaintenanceClient(this.url, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
    temporaryDatabases.set(name, null);
    const adapter = await this.open({ ...pgConfig(this.url), database: name }, schemaOf(this.url), () =>
      dropTemporaryDatabase(this.url, name),
    );
    temporaryDatabases.set(name, adapter.client);
    return adapter;
  }

  // A configured shadow database is disposable by definition: it is wiped before use, like the
  // native engine does, after making sure it is not the main database.
  async connectToConfiguredShadowDb() {
    const main = pgConfig(this.url);
    const shadow = pgConfig(this.shadowDatabaseUrl);
    const schema = schemaOf(this.shadowDatabaseUrl);
    if (
      describeServer(main) === describeServer(shadow) &&
      main.database === shadow.database &&
      schemaOf(this.url) === schema
    ) {
      throw new Error(
        "The shadow database you configured appears to be the same as the main database. Please specify another shadow database.",
      );
    }
    await withClient(shadow, (client) =>
      client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE; CREATE SCHEMA ${quoteIdent(schema)};`),
    );
    return this.open(shadow, schema);
  }
}

// Used when the database cannot be reached at start-up. The engine probes the server once when
// it is created; answering that probe lets commands that never touch a database (`migrate diff`
// between schema files) work without one, as they do with the native engine. Everything else
// fails with the original connection error.
class OfflineAdapterFactory {
  // `shadow` still provides shadow databases: a temporary one is created from the server's
  // maintenance database, so `migrate diff --from-migrations` works when only the main database is
  // missing.
  constructor(reason, shadow = null) {
    this.reason = reason;
    this.shadow = shadow;
    this.provider = "postgres";
    this.adapterName = "@prisma/adapter-pg";
  }

  async connect() {
    const { ColumnTypeEnum } = await import("@prisma/driver-adapter-utils");
    const reason = this.reason;
    let probed = false;
    const fail = async () => {
      throw reason;
    };
    return {
      provider: "postgres",
      adapterName: this.adapterName,
      getConnectionInfo: () => ({ schemaName: "public", supportsRelationJoins: true }),
      async queryRaw(query) {
        if (!probed && /\bversion\(\)/.test(query.sql)) {
          probed = true;
          return {
            columnNames: ["exists", "version", "numeric_version"],
            columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
            rows: [[true, "PostgreSQL 15.0 (no connection)", 150000]],
          };
        }
        return fail();
      },
      executeRaw: fail,
      executeScript: fail,
      startTransaction: fail,
      dispose: async () => {},
    };
  }

  async connectToShadowDb() {
    if (this.shadow) return this.shadow.connectToShadowDb();
    throw this.reason;
  }
}

// ------------------------------------------------------------------------ JSON-RPC server

class EngineError extends Error {
  constructor(data) {
    super(data.message);
    this.data = data;
  }
}

async function runServer(args) {
  const datasource = args.datasource ?? {};
  // The wasm engine refuses to start without a schema, but the CLI sends none for commands whose
  // schemas travel with the request (`migrate diff`); the datasource block is all it needs then.
  const datamodels =
    args.datamodels.length > 0
      ? args.datamodels.map((file) => [file, fs.readFileSync(file, "utf8")])
      : [["schema.prisma", 'datasource db {\n  provider = "postgresql"\n}\n']];
  let enginePromise = null;
  let factory = null;

  const log = (level, message, extra = {}) =>
    process.stderr.write(
      JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target: "schema_engine::stand_in" }) + "\n",
    );

  // Messages from the engine's tracing layer are JSON log records already.
  const forwardEngineLog = (line) => {
    const text = String(line).trimEnd();
    if (text) process.stderr.write(text + "\n");
  };

  // The engine queries the database as soon as it is created. When the database cannot be reached,
  // it is created over a stand-in connection instead, so that commands which need no database still
  // work; the CLI itself checks the connection first for those that do.
  async function createEngine() {
    const glue = await loadWasmEngine();
    const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
    let unreachable = null;
    if (!datasource.url) {
      unreachable = new Error("No database URL is configured (datasource.url in prisma.config.ts)");
    } else {
      try {
        await withClient(pgConfig(datasource.url), (client) => client.query("SELECT 1"));
      } catch (error) {
        const known = knownDatabaseError(error, datasource.url);
        unreachable = new Error(known?.message ?? String(error?.message ?? error));
        log("WARN", `Continuing without a database connection: ${unreachable.message}`);
      }
    }
    factory = bindMigrationAwareSqlAdapterFactory(
      unreachable
        ? new OfflineAdapterFactory(unreachable, datasource.url ? new AdapterFactory(datasource) : null)
        : new AdapterFactory(datasource),
    );
    return glue.SchemaEngine.new({ datamodels }, forwardEngineLog, factory);
  }

  const engine = () => (enginePromise ??= createEngine());

  // Requests this process sends to the CLI (only `print`), keyed by id.
  let nextOutgoingId = 1;
  const pendingOutgoing = new Map();
  const send = (message) => {
    const line = JSON.stringify(message) + "\n";
    if (trace) process.stderr.write(`[stand-in] -> ${line}`);
    process.stdout.write(line);
  };
  const printOnCli = (content) =>
    new Promise((resolve) => {
      const id = `stand-in-${nextOutgoingId++}`;
      pendingOutgoing.set(id, resolve);
      send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });

  // The engine reports adapter failures as "External error id#N", N indexing the registry of the
  // bound factory. The CLI only sees the message, so the underlying error is spelled out.
  const expandExternalErrors = (message) =>
    String(message).replace(/External error id#(\d+)/g, (match, id) => {
      const entry = factory?.errorRegistry?.consumeError(Number(id));
      const cause = entry?.error;
      if (!cause) return match;
      const original = cause.cause?.originalMessage;
      return original && original !== cause.message ? `${cause.message}: ${original}` : String(cause.message ?? cause);
    });

  // createMigration and evaluateDataLoss replay the migrations directory on a shadow database,
  // but the wasm engine only gives them its cache of replayed histories, not the adapter's shadow
  // database: on a cache miss they fail with "shadow DB must be provided through an external
  // factory". diagnoseMigrationHistory (opted in to the shadow database) does use the adapter and
  // fills that cache, keyed by the migrations applied to the main database. `migrate dev` applies
  // every pending migration before calling these two, so that key is the whole directory.
  const replayedHistories = new Set();
  async function withReplayedHistory(method, params) {
    const wasm = await engine();
    const { migrationsList, filters } = params;
    const key = JSON.stringify(migrationsList?.migrationDirectories ?? []);
    if (!replayedHistories.has(key)) {
      await wasm.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: true, filters });
      replayedHistories.add(key);
    }
    try {
      return await wasm[method](params);
    } catch (error) {
      if (!/must be provided through an external factory/.test(String(error?.message))) throw error;
      // The history could not be cached: replay it through the adapter to report why.
      await wasm.diff({
        from: { tag: "migrations", ...migrationsList },
        to: { tag: "empty" },
        script: false,
        exitCode: null,
        filters,
      });
      throw new EngineError({
        message:
          "Could not replay the migrations directory on the shadow database. This happens when some migrations " +
          "are not applied to the database yet; apply them first (`prisma migrate deploy`).",
      });
    }
  }

  const handlers = {
    createMigration: (params) => withReplayedHistory("createMigration", params),
    evaluateDataLoss: (params) => withReplayedHistory("evaluateDataLoss", params),

    async diff(params) {
      const result = await (await engine()).diff(params);
      // The native engine prints the script through the CLI (which may redirect it to --output)
      // and returns no stdout of its own.
      if (result.stdout != null) await printOnCli(result.stdout);
      return { exitCode: result.exitCode, stdout: null };
    },

    async dbExecute({ datasourceType, script }) {
      const url = datasourceType?.tag === "url" ? datasourceType.url : datasource.url;
      if (!url) throw new EngineError({ message: "No database URL is configured (datasource.url in prisma.config.ts)" });
      await withClient(pgConfig(url), (client) => client.query(script));
      return {};
    },

    async createDatabase(params) {
      const url = params?.datasource?.tag === "ConnectionString" ? params.datasource.url : datasource.url;
      const name = pgConfig(url).database;
      await withMaintenanceClient(url, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
      return { databaseName: name };
    },

    async getDatabaseVersion(params) {
      return (await engine()).version(params ?? null);
    },

    async getDatabaseDescription() {
      throw new EngineError({ message: "getDatabaseDescription is not supported by the schema engine stand-in" });
    },
  };

  const passthrough = new Set([
    "applyMigrations",
    "debugPanic",
    "devDiagnostic",
    "diagnoseMigrationHistory",
    "ensureConnectionValidity",
    "introspect",
    "introspectSql",
    "markMigrationApplied",
    "markMigrationRolledBack",
    "reset",
    "schemaPush",
  ]);

  async function dispatch(method, params) {
    if (handlers[method]) return handlers[method](params);
    if (!passthrough.has(method)) {
      throw Object.assign(new Error(`Method not found: ${method}`), { rpcCode: -32601 });
    }
    const result = await (await engine())[method](params);
    // JSON-RPC needs a result member; the engine resolves some calls with undefined.
    return result ?? {};
  }

  function errorResponse(id, error) {
    if (error?.rpcCode) return { jsonrpc: "2.0", id, error: { code: error.rpcCode, message: error.message } };
    const panicMessage = globalThis.PRISMA_WASM_PANIC_REGISTRY.get();
    if (error instanceof WebAssembly.RuntimeError || panicMessage) {
      const message = panicMessage || String(error?.message ?? error);
      return {
        jsonrpc: "2.0",
        id,
        error: { code: 4466, message: "An error happened. Check the data field for details.", data: { is_panic: true, message, error: { message } } },
      };
    }
    let data;
    if (error instanceof EngineError) {
      data = { ...error.data };
    } else if (typeof error?.code === "string" && /^P\d{4}$/.test(error.code)) {
      // Engine errors with a Prisma error code; the CLI shows the code and reacts to some of them.
      data = { message: error.message, error_code: error.code, meta: error.meta ?? {} };
    } else {
      data = knownDatabaseError(error, datasource.url) ?? { message: String(error?.message ?? error) };
    }
    data.is_panic = false;
    data.message = expandExternalErrors(data.message);
    return { jsonrpc: "2.0", id, error: { code: 4466, message: "An error happened. Check the data field for details.", data } };
  }

  // Requests are handled one at a time, in arrival order, like the native engine's single connection.
  let queue = Promise.resolve();
  let inFlight = null;
  let panicked = false;

  async function reportFailure(id, error) {
    const response = errorResponse(id, error);
    const data = response.error.data;
    log("ERROR", data?.message ?? response.error.message, data?.error_code ? { error_code: data.error_code } : {});
    if (id !== undefined) send(response);
    // A panicked wasm instance cannot be trusted with another call; exit like the native engine.
    if (data?.is_panic && !panicked) {
      panicked = true;
      await cleanup();
      process.stdout.write("", () => process.exit(101));
    }
  }

  // wasm panics surface as a RuntimeError thrown from a microtask rather than as a rejection of
  // the pending call, so they are caught here and answered on behalf of that call.
  const onCrash = (error) => {
    reportFailure(inFlight ?? null, error).finally(() => {
      if (!panicked) process.exit(1);
    });
  };
  process.on("uncaughtException", onCrash);
  process.on("unhandledRejection", onCrash);

  const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  input.on("line", (line) => {
    if (!line.trim()) return;
    if (trace) process.stderr.write(`[stand-in] <- ${line}\n`);
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method === undefined) {
      // Answer to a request of ours.
      pendingOutgoing.get(message.id)?.(message.result);
      pendingOutgoing.delete(message.id);
      return;
    }
    queue = queue.then(async () => {
      if (panicked) return;
      inFlight = message.id;
      try {
        const result = await dispatch(message.method, message.params);
        if (message.id !== undefined) send({ jsonrpc: "2.0", id: message.id, result });
      } catch (error) {
        await reportFailure(message.id, error);
      } finally {
        inFlight = null;
      }
    });
  });

  async function cleanup() {
    for (const name of [...temporaryDatabases.keys()]) {
      await dropTemporaryDatabase(datasource.url, name).catch((error) =>
        log("WARN", `Could not drop temporary shadow database ${name}: ${error?.message ?? error}`),
      );
    }
  }

  // The CLI closes stdin when it is done with the engine, and on Linux sends SIGTERM right after;
  // either way temporary shadow databases are dropped before leaving.
  input.on("close", () => {
    queue.then(cleanup).finally(() => process.exit(panicked ? 101 : 0));
  });
  process.on("SIGTERM", () => {
    cleanup().finally(() => process.exit(panicked ? 101 : 0));
  });
  // Once the CLI is gone its pipes are too; failing to report to it is not worth crashing over.
  process.stdout.on("error", () => {});
  process.stderr.on("error", () => {});
}

// ------------------------------------------------------------------------ one-shot commands

async function runCliCommand(args) {
  const url = args.datasource?.url;
  // The CLI ignores the first stderr line and reads the rest as JSON log records.
  const fail = (fields) => {
    process.stderr.write(
      JSON.stringify({ level: "INFO", fields: { message: "Starting schema engine CLI" }, target: "schema_engine" }) +
        "\n" +
        JSON.stringify({ timestamp: new Date().toISOString(), level: "ERROR", fields, target: "schema_engine::logger" }) +
        "\n",
    );
    process.exit(1);
  };
  const failWith = (error) =>
    fail(knownDatabaseError(error, url) ?? { message: String(error?.message ?? error).replaceAll("\n", " ") });

  if (!url) fail({ message: "No database URL was given (--datasource)" });
  const config = pgConfig(url);
  try {
    switch (args.cliCommand) {
      case "can-connect-to-database":
        await withClient(config, (client) => client.query("SELECT 1"));
        break;
      case "create-database":
        await withMaintenanceClient(url, (client) => client.query(`CREATE DATABASE ${quoteIdent(config.database)}`));
        process.stdout.write(`Database '${config.database}' was successfully created.\n`);
        break;
      case "drop-database":
        await withMaintenanceClient(url, (client) => client.query(`DROP DATABASE ${quoteIdent(config.database)}`));
        process.stdout.write(`The database was successfully dropped.\n`);
        break;
      default:
        fail({ message: `Unknown command: ${args.cliCommand}` });
    }
  } catch (error) {
    failWith(error);
  }
  process.exit(0);
}

// ------------------------------------------------------------------------ main

try {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    const glue = await loadWasmEngine();
    process.stdout.write(`schema-engine-cli ${glue.version()}\n`);
  } else if (args.cliCommand) {
    await runCliCommand(args);
  } else {
    await runServer(args);
  }
} catch (error) {
  process.stderr.write(
    JSON.stringify({ level: "ERROR", fields: { message: String(error?.stack ?? error) }, target: "schema_engine::stand_in" }) + "\n",
  );
  process.exit(1);
}
