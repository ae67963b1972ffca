import { describe, expect, it } from "vitest";
import { assertToolFitsServer, findPgTool, libpqConnection, PgToolError } from "./pg-tools";

describe("PostgreSQL's client programs", () => {
  it("names the package to install when a program is not on PATH", () => {
    expect(() => findPgTool("pg_dump", "a backup of a server database", { ...process.env, PATH: "/nonexistent" })).toThrow(PgToolError);
    expect(() => findPgTool("pg_dump", "a backup of a server database", { ...process.env, PATH: "/nonexistent" })).toThrow(
      /pg_dump is not on PATH; a backup of a server database needs it\.\n.*apt-get install postgresql-client/,
    );
  });

  it("refuses a pg_dump older than the server, naming the client package of the server's version", () => {
    expect(() => assertToolFitsServer({ name: "pg_dump", major: 15, version: "15.20" }, 17)).toThrow(/postgresql-client-17/);
    expect(() => assertToolFitsServer({ name: "pg_dump", major: 17, version: "17.2" }, 15)).not.toThrow();
  });

  it("hands libpq a URL it accepts and the password out of the process list", () => {
    const { url, env } = libpqConnection(
      "postgresql://app:p%40ss@db.example.org:6543/backbone?sslmode=no-verify&connection_limit=5&pool_timeout=10&application_name=x",
    );
    expect(url).toBe("postgresql://app@db.example.org:6543/backbone?sslmode=require&application_name=x");
    expect(env.PGPASSWORD).toBe("p@ss");
  });
});
