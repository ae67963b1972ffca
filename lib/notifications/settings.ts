import type { Env } from "@/lib/env";

/** How alert emails are sent; null when SMTP_URL is not set, and alerts then reach the inbox only. */
export type MailSettings = {
  smtpUrl: string;
  from: string;
  /** The app's public origin for absolute links, or null when AUTH_URL is not set. */
  appUrl: string | null;
  /** The right-hand side of every Message-ID. */
  messageIdDomain: string;
  /** How often a server process looks for due emails while some are pending. */
  pollMs: number;
};

export function mailSettingsFrom(
  source: Pick<Env, "SMTP_URL" | "SMTP_FROM" | "AUTH_URL" | "OUTBOX_POLL_SECONDS">,
): MailSettings | null {
  if (!source.SMTP_URL) return null;
  const appUrl = source.AUTH_URL ? new URL(source.AUTH_URL).origin : null;
  const host = appUrl ? new URL(appUrl).hostname : "localhost";
  return {
    smtpUrl: source.SMTP_URL,
    from: source.SMTP_FROM ?? `Backbone <no-reply@${host}>`,
    appUrl,
    messageIdDomain: host,
    pollMs: Math.round(source.OUTBOX_POLL_SECONDS * 1000),
  };
}
