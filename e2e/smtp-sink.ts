import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server for tests: it accepts every message (no TLS, no login) and keeps it in memory.
 * The end-to-end server sends to E2E_SMTP_PORT (see playwright.config.ts); a spec starts the sink on
 * that port before the events whose mail it checks, reads `messagesTo(...)` and closes it. Integration
 * tests start it on port 0 (any free port) and point their mail settings at `sink.url`.
 */

/** The port the end-to-end server sends mail to; one spec at a time may listen on it. */
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2525);

export type SunkMessage = {
  /** Envelope sender and recipients, as the SMTP client gave them. */
  from: string;
  to: string[];
  messageId: string | null;
  subject: string;
  /** The decoded plain-text body. */
  text: string;
  raw: string;
};

export type SmtpSink = {
  port: number;
  url: string;
  messages: SunkMessage[];
  /** Messages whose envelope names this recipient (case-insensitive). */
  messagesTo(address: string): SunkMessage[];
  /** Waits until `count` messages match, or fails after `timeoutMs` naming what did arrive. */
  waitFor(match: (message: SunkMessage) => boolean, count?: number, timeoutMs?: number): Promise<SunkMessage[]>;
  close(): Promise<void>;
};

export async function startSmtpSink(options: { port?: number; host?: string } = {}): Promise<SmtpSink> {
  const host = options.host ?? "127.0.0.1";
  const messages: SunkMessage[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 1000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        messages.push({ ...parseMessage(raw), from, to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`The test SMTP server cannot listen on ${host}:${options.port}: the port is in use`) : error);
    server.once("error", onError);
    const listener = server.listen(options.port ?? 0, host, () => {
      server.off("error", onError);
      // Errors of single connections (a client that hangs up) are not the test's concern.
      server.on("error", () => {});
      const address = listener.address();
      resolve(typeof address === "object" && address ? address.port : (options.port ?? 0));
    });
  });

  const messagesTo = (address: string) => messages.filter((m) => m.to.some((t) => t.toLowerCase() === address.toLowerCase()));
  return {
    port,
    url: `smtp://${host}:${port}`,
    messages,
    messagesTo,
    async waitFor(match, count = 1, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.filter(match);
        if (found.length >= count) return found;
        if (Date.now() > deadline) {
          const seen = messages.map((m) => `${m.to.join(",")}: ${m.subject}`).join("; ") || "none";
          throw new Error(`Expected ${count} matching message(s) within ${timeoutMs} ms, got ${found.length}. Received: ${seen}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Headers and plain-text body of a single-part message, as nodemailer writes them. */
export function parseMessage(raw: string): { messageId: string | null; subject: string; text: string } {
  const split = raw.indexOf("\r\n\r\n");
  const head = split >= 0 ? raw.slice(0, split) : raw;
  const body = split >= 0 ? raw.slice(split + 4) : "";
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const text =
    encoding === "quoted-printable"
      ? decodeQuotedPrintable(body)
      : encoding === "base64"
        ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
        : body;
  return {
    messageId: headers.get("message-id") ?? null,
    subject: decodeEncodedWords(headers.get("subject") ?? ""),
    text: text.replace(/\r\n/g, "\n"),
  };
}

function decodeQuotedPrintable(value: string): string {
  const soft = value.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft[i] === "=" ? soft.slice(i + 1, i + 3) : "";
    if (/^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeEncodedWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=\s*/gi, (_m, _charset: string, kind: string, data: string) =>
    kind.toUpperCase() === "B"
      ? Buffer.from(data, "base64").toString("utf8")
      : decodeQuotedPrintable(data.replace(/_/g, " ")),
  );
}
