import type { NotificationKind } from "@/lib/generated/prisma/enums";

// Every text here is read outside the athlete's pages: in a coach's inbox, on a phone's lock screen, in a
// mailbox a colleague may share. So it says that something needs attention and where, never what: no
// symptom, no pain score, no diagnosis. Emails also leave out the athlete's name; the inbox, which only the
// signed-in recipient reads, names them so a coach of many athletes knows whom to open first.

export type StaffAlertKind = Extract<NotificationKind, "EMERGENCY" | "REFERRAL" | "SEVERE_PAIN" | "CLEARED" | "REPLY">;
export type AthleteAlertKind = Extract<NotificationKind, "COMMENT" | "CLEARANCE">;

export const STAFF_ALERT_KINDS = ["EMERGENCY", "REFERRAL", "SEVERE_PAIN", "CLEARED", "REPLY"] as const satisfies readonly StaffAlertKind[];
export const ATHLETE_ALERT_KINDS = ["COMMENT", "CLEARANCE"] as const satisfies readonly AthleteAlertKind[];

export function staffAlertTitle(kind: StaffAlertKind, athleteName: string): string {
  switch (kind) {
    case "EMERGENCY":
      return `Urgent: ${athleteName} needs your attention now`;
    case "REFERRAL":
      return `${athleteName} needs your attention before their next session`;
    case "SEVERE_PAIN":
      return `${athleteName}'s latest report needs your attention`;
    case "CLEARED":
      return `${athleteName} was cleared by a clinician: their held plan waits for a coach`;
    case "REPLY":
      return `${athleteName} replied to a comment`;
  }
}

export function athleteAlertTitle(kind: AthleteAlertKind): string {
  switch (kind) {
    case "COMMENT":
      return "You have a new comment on your training";
    case "CLEARANCE":
      return "A clearance was recorded for you: see what it means for your plan";
  }
}

const EMAIL_LINES: Record<NotificationKind, { subject: string; lead: string; audience: string }> = {
  EMERGENCY: {
    subject: "Urgent: an athlete needs your attention now",
    lead: "Urgent: an athlete in one of your squads needs your attention now.",
    audience: "You receive these alerts as a coach or clinician of a squad in Backbone.",
  },
  REFERRAL: {
    subject: "An athlete needs your attention",
    lead: "An athlete in one of your squads needs your attention before their next session.",
    audience: "You receive these alerts as a coach or clinician of a squad in Backbone.",
  },
  SEVERE_PAIN: {
    subject: "An athlete needs your attention",
    lead: "An athlete in one of your squads needs your attention.",
    audience: "You receive these alerts as a coach or clinician of a squad in Backbone.",
  },
  CLEARED: {
    subject: "An athlete's plan needs your review",
    lead: "The plan of an athlete in one of your squads needs your review.",
    audience: "You receive these alerts as a coach or clinician of a squad in Backbone.",
  },
  REPLY: {
    subject: "An athlete replied to a comment",
    lead: "An athlete in one of your squads replied to a comment.",
    audience: "You receive these alerts as a coach or clinician of a squad in Backbone.",
  },
  COMMENT: {
    subject: "You have a new comment",
    lead: "You have a new comment on your training.",
    audience: "You receive these alerts as an athlete in a squad in Backbone.",
  },
  CLEARANCE: {
    subject: "There is an update to your training",
    lead: "There is an update to your training that needs your attention.",
    audience: "You receive these alerts as an athlete in a squad in Backbone.",
  },
};

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

/** The plain-text email of an alert: what needs attention, in general words, and the link to it. */
export function renderAlertEmail(kind: NotificationKind, link: string, appUrl: string | null): { subject: string; body: string } {
  const lines = EMAIL_LINES[kind];
  const absolute = absoluteLink(link, appUrl);
  const where = absolute
    ? ["Open it in Backbone:", absolute]
    : [
        "Open it in Backbone at this page:",
        link,
        "(This server does not know its public address, so the link is only the page's path: open Backbone",
        "in your browser and put the path after its address, for example https://your-backbone-address" + link + ".)",
      ];
  const body = [
    lines.lead,
    "",
    ...where,
    "",
    "For privacy this email leaves out names and details; you see them in Backbone after you log in.",
    "The alert also waits in your Backbone inbox.",
    "",
    lines.audience,
    "",
  ].join("\n");
  return { subject: `[Backbone] ${lines.subject}`, body };
}

/** The Message-ID of an outbox row's email: the same on every attempt, so a resent copy can be recognised. */
export function messageIdFor(outboxId: string, domain: string): string {
  return `<${outboxId}.alert@${domain}>`;
}
