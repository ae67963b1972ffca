import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import net from "node:net";
import path from "node:path";

export const root = path.resolve(__dirname, "..", "..");
export const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

export function waitForPort(port: number, host = "127.0.0.1", timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect({ port, host });
      socket.once("connect", () => {
        socket.destroy();
        resolve();
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing answered on ${host}:${port} after ${timeoutMs / 1000} s`));
        else setTimeout(attempt, 250);
      });
    };
    attempt();
  });
}

export function isPortOpen(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    const no = () => {
      socket.destroy();
      resolve(false);
    };
    socket.once("error", no);
    socket.once("timeout", no);
  });
}

/** Runs a command to completion, inheriting stdio; rejects with its exit code. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", cwd: root, ...options });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/** Starts the embedded Postgres as a child process and resolves once it accepts connections. */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number }): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  if (await isPortOpen(options.port)) {
    throw new Error(
      `port ${options.port} is already in use; is another Backbone running? Set EMBEDDED_DB_PORT to use another port.`,
    );
  }
  const child = spawn(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), path.join(root, "scripts", "embedded-db.ts")], {
    cwd: root,
    env: { ...process.env, EMBEDDED_DB_DIR: options.dataDir, EMBEDDED_DB_PORT: String(options.port) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let exited = false;
  const exitedEarly = new Promise<never>((_, reject) =>
    child.once("exit", (code) => {
      exited = true;
      reject(new Error(`the embedded database stopped (exit ${code})`));
    }),
  );
  await Promise.race([waitForPort(options.port), exitedEarly]);
  exitedEarly.catch(() => {});
  const stop = () =>
    new Promise<void>((resolve) => {
      if (exited) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { url: `postgresql://postgres@127.0.0.1:${options.port}/postgres`, child, stop };
}
