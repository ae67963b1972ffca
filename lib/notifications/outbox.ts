import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { afterFailure, describeSendError, LEASE_SECONDS, SMTP_TIMEOUTS } from "@/lib/notifications/delivery";
import { messageIdFor } from "@/lib/notifications/messages";
import { mailSettingsFrom, type MailSettings } from "@/lib/notifications/settings";

// Alert emails are written to the outbox in the transaction of the event and sent here, after the commit,
// by whichever app process gets to them first: every process of every instance runs the same loop against
// the one Postgres. A row is claimed with a row lock (SKIP LOCKED, so senders never wait on each other) and a
// lease in "lockedUntil", sent, and marked SENT; a failure schedules a retry. The database's clock decides
// what is due, so instances whose clocks disagree still agree on it. Timestamps are compared as UTC, as
// Prisma stores them.
const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/** The mail settings of this process, from the environment. */
export function mailSettings(): MailSettings | null {
  return mailSettingsFrom(env());
}

export type OutboxMailer = Pick<Transporter, "sendMail">;

export function createMailer(settings: Pick<MailSettings, "smtpUrl">): OutboxMailer {
  // No connection pool: an idle pooled connection would keep a script or a test process alive.
  return nodemailer.createTransport({ url: settings.smtpUrl, ...SMTP_TIMEOUTS });
}

type ClaimedEmail = { id: string; toAddress: string; subject: string; body: string; attempts: number };

/** Takes one due email for this sender: its lease starts and its attempt is counted before it is sent. */
async function claimOne(prisma: PrismaClient): Promise<ClaimedEmail | null> {
  const rows = await prisma.$queryRaw<ClaimedEmail[]>`
    WITH due AS (
      SELECT "id" FROM "OutboxEmail"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${NOW} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${NOW})
      ORDER BY "nextAttemptAt", "id"
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "OutboxEmail" o
    SET "lockedUntil" = ${NOW} + make_interval(secs => ${LEASE_SECONDS}::float8), "attempts" = o."attempts" + 1
    FROM due WHERE o."id" = due."id"
    RETURNING o."id", o."toAddress", o."subject", o."body", o."attempts"`;
  return rows[0] ?? null;
}

async function markSent(prisma: PrismaClient, id: string): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "OutboxEmail" SET "status" = 'SENT', "sentAt" = ${NOW}, "lockedUntil" = NULL, "lastError" = NULL
    WHERE "id" = ${id} AND "status" = 'PENDING'`;
}

/**
 * Records a failed attempt, unless the row has been claimed again since (its lease ran out and another
 * sender counted a further attempt): that sender's outcome is the one that counts.
 */
async function markFailed(prisma: PrismaClient, email: ClaimedEmail, error: unknown): Promise<"PENDING" | "FAILED"> {
  const outcome = afterFailure(email.attempts);
  const message = describeSendError(error);
  if (outcome.status === "FAILED") {
    await prisma.$executeRaw`
      UPDATE "OutboxEmail" SET "status" = 'FAILED', "lockedUntil" = NULL, "lastError" = ${message}
      WHERE "id" = ${email.id} AND "status" = 'PENDING' AND "attempts" = ${email.attempts}::int`;
  } else {
    await prisma.$executeRaw`
      UPDATE "OutboxEmail"
      SET "nextAttemptAt" = ${NOW} + make_interval(secs => ${outcome.retryInSeconds}::float8), "lockedUntil" = NULL, "lastError" = ${message}
      WHERE "id" = ${email.id} AND "status" = 'PENDING' AND "attempts" = ${email.attempts}::int`;
  }
  return outcome.status;
}

export type DrainResult = {
  sent: number;
  /** Attempts that failed and will be tried again. */
  retrying: number;
  /** Emails given up on in this drain. */
  failed: number;
  /** Seconds until the next pending email is due (0 = now), or null when none is pending. */
  nextDueInSeconds: number | null;
  /** The first error of this drain, for the log. */
  firstError: string | null;
};

/**
 * Sends every email that is due, one claim at a time, and answers how it went. Safe to run in any number
 * of processes at once: each row is claimed by one sender, and sent once unless a sender dies between
 * sending and recording it (then the lease runs out and it goes again, with the same Message-ID).
 */
export async function drainOutbox(options: {
  prisma?: PrismaClient;
  mailer: OutboxMailer;
  settings: Pick<MailSettings, "from" | "messageIdDomain">;
  /** At most this many emails in one drain, so one drain cannot run for ever. */
  limit?: number;
}): Promise<DrainResult> {
  const prisma = options.prisma ?? db();
  const limit = options.limit ?? 200;
  const result: DrainResult = { sent: 0, retrying: 0, failed: 0, nextDueInSeconds: null, firstError: null };
  for (let i = 0; i < limit; i++) {
    const email = await claimOne(prisma);
    if (!email) break;
    try {
      await options.mailer.sendMail({
        from: options.settings.from,
        to: email.toAddress,
        subject: email.subject,
        text: email.body,
        messageId: messageIdFor(email.id, options.settings.messageIdDomain),
      });
    } catch (error) {
      result.firstError ??= describeSendError(error);
      if ((await markFailed(prisma, email, error)) === "FAILED") result.failed += 1;
      else result.retrying += 1;
      continue;
    }
    await markSent(prisma, email.id);
    result.sent += 1;
  }
  const [next] = await prisma.$queryRaw<{ seconds: number | null }[]>`
    SELECT EXTRACT(EPOCH FROM (MIN(GREATEST("nextAttemptAt", COALESCE("lockedUntil", "nextAttemptAt"))) - ${NOW}))::float8 AS "seconds"
    FROM "OutboxEmail" WHERE "status" = 'PENDING'`;
  result.nextDueInSeconds = next?.seconds == null ? null : Math.max(0, next.seconds);
  return result;
}

export type OutboxSender = {
  /** Drains now (or right after the drain under way). */
  kick(): void;
  /** Stops polling and waits for a drain under way to end. */
  stop(): Promise<void>;
};

// With nothing pending, a sender still looks once a minute: for the emails of a process that stopped
// between its commit and its kick.
const IDLE_POLL_MS = 60_000;

/**
 * A sender loop: drains when kicked, then again while anything is pending, every few seconds (rows other
 * processes wrote and could not send, leases of senders that died) or when the next retry is due if that
 * is later, but at least once a minute, since retries that other processes schedule may come sooner.
 */
export function createOutboxSender(settings: MailSettings, options: { prisma?: PrismaClient; mailer?: OutboxMailer } = {}): OutboxSender {
  const mailer = options.mailer ?? createMailer(settings);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  function schedule(delayMs: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      run();
    }, delayMs);
    // Never the reason a process stays alive: scripts and tests end when their own work does.
    timer.unref();
  }

  function run(): void {
    if (running) {
      again = true;
      return;
    }
    running = drainOnce().finally(() => {
      running = null;
    });
  }

  async function drainOnce(): Promise<void> {
    let nextDueInSeconds: number | null;
    try {
      const result = await drainOutbox({ prisma: options.prisma, mailer, settings });
      nextDueInSeconds = result.nextDueInSeconds;
      if (result.firstError) {
        console.warn(`Alert emails: ${result.retrying} to retry, ${result.failed} given up (${result.firstError})`);
      }
    } catch (error) {
      // The database itself could not be reached: look again at the next tick, as for a pending email.
      console.error("Alert emails could not be read from the outbox:", error);
      nextDueInSeconds = 0;
    }
    if (again) {
      again = false;
      schedule(0);
    } else {
      schedule(nextDueInSeconds === null ? IDLE_POLL_MS : Math.min(IDLE_POLL_MS, Math.max(settings.pollMs, nextDueInSeconds * 1000)));
    }
  }

  return {
    kick: () => schedule(0),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}

// One sender per server process, kept on globalThis so a development reload does not start a second;
// null when SMTP_URL is not set.
const globalForOutbox = globalThis as unknown as { backboneOutboxSender?: OutboxSender | null };

function processSender(): OutboxSender | null {
  if (globalForOutbox.backboneOutboxSender === undefined) {
    const settings = mailSettings();
    globalForOutbox.backboneOutboxSender = settings ? createOutboxSender(settings) : null;
  }
  return globalForOutbox.backboneOutboxSender;
}

/**
 * Wakes this process's sender, after the transaction that wrote alerts has committed. Returns at once and
 * never throws: an email that cannot go out now stays in the outbox and is retried, and the save that
 * caused it has already succeeded. Without SMTP_URL it does nothing.
 */
export function kickOutbox(): void {
  try {
    processSender()?.kick();
  } catch (error) {
    console.error("Alert emails: the sender could not be started:", error);
  }
}

/**
 * Starts this process's sender on its first call, so emails left pending (by a restart, or by a mail
 * server that was down) go out even when no new alert wakes it. Cheap after the first call.
 */
export function resumeOutbox(): void {
  if (globalForOutbox.backboneOutboxSender !== undefined) return;
  kickOutbox();
}
