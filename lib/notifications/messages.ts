import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { translatorFor } from "@/lib/i18n/catalogue";
import { DEFAULT_LOCALE, intlLocale, isLocale, type Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/dates";

// Every text here is read outside the athlete's pages: in a coach's inbox, on a phone's lock screen, in a
// mailbox a colleague may share. So it says that something needs attention and where, never what: no
// symptom, no pain score, no diagnosis. Emails also leave out the athlete's name; the inbox, which only the
// signed-in recipient reads, names them so a coach of many athletes knows whom to open first.

export type StaffAlertKind = Extract<NotificationKind, "EMERGENCY" | "REFERRAL" | "SEVERE_PAIN" | "CLEARED" | "REPLY">;
export type AthleteAlertKind = Extract<NotificationKind, "COMMENT" | "CLEARANCE">;

export const STAFF_ALERT_KINDS = ["EMERGENCY", "REFERRAL", "SEVERE_PAIN", "CLEARED", "REPLY"] as const satisfies readonly StaffAlertKind[];
export const ATHLETE_ALERT_KINDS = ["COMMENT", "CLEARANCE"] as const satisfies readonly AthleteAlertKind[];

// Every text is written in the recipient's language (their setting, else English): see recipientLocale.

const STAFF_TITLE_KEYS = {
  EMERGENCY: "staffEmergency",
  REFERRAL: "staffReferral",
  SEVERE_PAIN: "staffSeverePain",
  CLEARED: "staffCleared",
  REPLY: "staffReply",
} as const satisfies Record<StaffAlertKind, string>;

const ATHLETE_TITLE_KEYS = { COMMENT: "athleteComment", CLEARANCE: "athleteClearance" } as const satisfies Record<AthleteAlertKind, string>;

/** The language alerts to a person are written in: their own setting, else English. */
export function recipientLocale(setting: string | null | undefined): Locale {
  return isLocale(setting) ? setting : DEFAULT_LOCALE;
}

export function staffAlertTitle(kind: StaffAlertKind, athleteName: string, locale: Locale = DEFAULT_LOCALE): string {
  return translatorFor(locale, "notifications")(STAFF_TITLE_KEYS[kind], { name: athleteName });
}

export function athleteAlertTitle(kind: AthleteAlertKind, locale: Locale = DEFAULT_LOCALE): string {
  return translatorFor(locale, "notifications")(ATHLETE_TITLE_KEYS[kind]);
}

const EMAIL_KEYS = {
  EMERGENCY: { subject: "subjectEmergency", lead: "leadEmergency", audience: "audienceStaff" },
  REFERRAL: { subject: "subjectReferral", lead: "leadReferral", audience: "audienceStaff" },
  SEVERE_PAIN: { subject: "subjectSeverePain", lead: "leadSeverePain", audience: "audienceStaff" },
  CLEARED: { subject: "subjectCleared", lead: "leadCleared", audience: "audienceStaff" },
  REPLY: { subject: "subjectReply", lead: "leadReply", audience: "audienceStaff" },
  COMMENT: { subject: "subjectComment", lead: "leadComment", audience: "audienceAthlete" },
  CLEARANCE: { subject: "subjectClearance", lead: "leadClearance", audience: "audienceAthlete" },
} as const satisfies Record<NotificationKind, { subject: string; lead: string; audience: string }>;

/**
 * A path inside the app ("/coach/…"), never another site: alert links are followed after a click in the
 * inbox, so one that pointed elsewhere would turn the inbox into an open redirect.
 */
export function isAppPath(link: string): boolean {
  return /^\/(?![/\\])[^\s\\]*$/.test(link);
}

/** The alert's page as an absolute URL under the app's public address, or null when that is not known. */
export function absoluteLink(link: string, appUrl: string | null): string | null {
  return appUrl ? new URL(link, appUrl).toString() : null;
}

/** Who an alert email is for: the language it is written in and the zone its times are told in. */
export type EmailReader = { locale: Locale; timeZone: string };

export const DEFAULT_READER: EmailReader = { locale: DEFAULT_LOCALE, timeZone: "UTC" };

/**
 * The plain-text email of an alert, in the reader's language: what needs attention, in general words,
 * when (in the reader's zone, when `at` is given) and the link to it. `lead` replaces the kind's general
 * first line when a caller has a more precise one in the reader's language (it must stay free of names
 * and details, as the rest of the email).
 */
export function renderAlertEmail(
  kind: NotificationKind,
  link: string,
  appUrl: string | null,
  reader: EmailReader = DEFAULT_READER,
  options: { at?: Date; lead?: string } = {},
): { subject: string; body: string } {
  const t = translatorFor(reader.locale, "emails");
  const keys = EMAIL_KEYS[kind];
  const absolute = absoluteLink(link, appUrl);
  const where = absolute ? [t("openIt"), absolute] : [t("openAtPath"), link, t("pathOnly", { path: link })];
  const when = options.at
    ? [t("when", { when: formatDateTime(options.at, reader.timeZone, intlLocale(reader.locale)), timeZone: reader.timeZone })]
    : [];
  const body = [
    options.lead ?? t(keys.lead),
    ...when,
    "",
    ...where,
    "",
    t("privacy"),
    t("inboxToo"),
    "",
    t(keys.audience),
    "",
  ].join("\n");
  return { subject: t("subjectPrefix", { subject: t(keys.subject) }), body };
}

/** The Message-ID of an outbox row's email: the same on every attempt, so a resent copy can be recognised. */
export function messageIdFor(outboxId: string, domain: string): string {
  return `<${outboxId}.alert@${domain}>`;
}
