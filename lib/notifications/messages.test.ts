import { describe, expect, it } from "vitest";
import {
  absoluteLink,
  ATHLETE_ALERT_KINDS,
  athleteAlertTitle,
  isAppPath,
  messageIdFor,
  recipientLocale,
  renderAlertEmail,
  STAFF_ALERT_KINDS,
  staffAlertTitle,
} from "@/lib/notifications/messages";
import { mailSettingsFrom } from "@/lib/notifications/settings";
import { symptomWordsIn } from "@/lib/notifications/privacy.test-data";

const LINK = "/coach/squads/sq1/athletes/at1";
const ALL_KINDS = [...STAFF_ALERT_KINDS, ...ATHLETE_ALERT_KINDS];

describe("alert texts", () => {
  it("name the athlete in the inbox and say what needs attention, never why", () => {
    expect(staffAlertTitle("EMERGENCY", "Ana Ruiz")).toBe("Urgent: Ana Ruiz needs your attention now");
    expect(staffAlertTitle("REFERRAL", "Ana Ruiz")).toBe("Ana Ruiz needs your attention before their next session");
    expect(staffAlertTitle("SEVERE_PAIN", "Ana Ruiz")).toBe("Ana Ruiz's latest report needs your attention");
    expect(staffAlertTitle("REPLY", "Ana Ruiz")).toBe("Ana Ruiz replied to a comment");
    for (const kind of STAFF_ALERT_KINDS) expect(symptomWordsIn(staffAlertTitle(kind, "Ana Ruiz"))).toEqual([]);
    for (const kind of ATHLETE_ALERT_KINDS) expect(symptomWordsIn(athleteAlertTitle(kind))).toEqual([]);
  });

  it("emails say only that something needs attention, with a link, and leave out the name", () => {
    for (const kind of ALL_KINDS) {
      const email = renderAlertEmail(kind, LINK, "https://backbone.example.org");
      expect(symptomWordsIn(`${email.subject}\n${email.body}`), kind).toEqual([]);
      expect(email.subject.startsWith("[Backbone] ")).toBe(true);
      expect(email.body).toContain("https://backbone.example.org/coach/squads/sq1/athletes/at1");
      expect(email.body).not.toContain("Ana");
    }
    expect(renderAlertEmail("EMERGENCY", LINK, null).subject).toBe("[Backbone] Urgent: an athlete needs your attention now");
    expect(renderAlertEmail("EMERGENCY", LINK, null).body).toMatch(/^Urgent: an athlete in one of your squads needs your attention now\./);
    expect(renderAlertEmail("REFERRAL", LINK, null).subject).not.toMatch(/urgent/i);
  });

  it("explain a relative link when the app's address is not known", () => {
    const { body } = renderAlertEmail("COMMENT", "/athlete", null);
    expect(body).toContain("\n/athlete\n");
    expect(body).toContain("only the page's path");
    expect(body).not.toContain("http://localhost");
  });

  it("build absolute links under the public origin", () => {
    expect(absoluteLink(LINK, "https://backbone.example.org")).toBe("https://backbone.example.org/coach/squads/sq1/athletes/at1");
    expect(absoluteLink("/athlete", null)).toBeNull();
  });

  it("accept only paths inside the app as links", () => {
    for (const ok of ["/athlete", LINK, "/inbox?x=1#top"]) expect(isAppPath(ok), ok).toBe(true);
    for (const bad of ["https://evil.example", "//evil.example/x", "/\\evil.example", "athlete", "", "/a b", "javascript:alert(1)"]) {
      expect(isAppPath(bad), bad).toBe(false);
    }
  });

  it("give every outbox row one Message-ID, the same on every attempt", () => {
    expect(messageIdFor("cm1abc", "backbone.example.org")).toBe("<cm1abc.alert@backbone.example.org>");
    expect(messageIdFor("cm1abc", "backbone.example.org")).toBe(messageIdFor("cm1abc", "backbone.example.org"));
  });
});

describe("mail settings", () => {
  const base = { SMTP_URL: undefined, SMTP_FROM: undefined, AUTH_URL: undefined, OUTBOX_POLL_SECONDS: 5 };

  it("are off without SMTP_URL", () => {
    expect(mailSettingsFrom(base)).toBeNull();
    expect(mailSettingsFrom({ ...base, AUTH_URL: "https://backbone.example.org" })).toBeNull();
  });

  it("take the public origin from AUTH_URL, and a sender and Message-ID domain from its host", () => {
    expect(mailSettingsFrom({ ...base, SMTP_URL: "smtp://mail:25", AUTH_URL: "https://backbone.example.org/api/auth", OUTBOX_POLL_SECONDS: 0.5 })).toEqual({
      smtpUrl: "smtp://mail:25",
      from: "Backbone <no-reply@backbone.example.org>",
      appUrl: "https://backbone.example.org",
      messageIdDomain: "backbone.example.org",
      pollMs: 500,
    });
    expect(mailSettingsFrom({ ...base, SMTP_URL: "smtp://mail:25", SMTP_FROM: "Squad alerts <alerts@club.example>" })).toMatchObject({
      from: "Squad alerts <alerts@club.example>",
      appUrl: null,
      messageIdDomain: "localhost",
    });
  });
});

describe("alerts in the recipient's language", () => {
  it("writes titles in Spanish for a Spanish reader and in English otherwise", () => {
    expect(staffAlertTitle("REPLY", "Ana Ruiz", "es")).toBe("Ana Ruiz ha respondido a un comentario");
    expect(athleteAlertTitle("COMMENT", "es")).toBe("Tienes un comentario nuevo sobre tu entrenamiento");
    expect(recipientLocale("es")).toBe("es");
    expect(recipientLocale(null)).toBe("en");
    expect(recipientLocale("fr")).toBe("en");
  });

  it("writes the email in Spanish with the time in the reader's zone", () => {
    const at = new Date("2026-12-07T18:42:00Z");
    const email = renderAlertEmail("COMMENT", "/athlete", "https://backbone.example.org", { locale: "es", timeZone: "Europe/Madrid" }, { at });
    expect(email.subject).toBe("[Backbone] Tienes un comentario nuevo");
    expect(email.body).toContain("Tienes un comentario nuevo sobre tu entrenamiento.");
    expect(email.body).toContain("Aviso del 7 dic 2026, 19:42 (Europe/Madrid).");
    expect(email.body).toContain("Ábrelo en Backbone:\nhttps://backbone.example.org/athlete");
    const english = renderAlertEmail("COMMENT", "/athlete", null, { locale: "en", timeZone: "Europe/London" }, { at });
    expect(english.body).toContain("Alert of 7 Dec 2026, 18:42 (Europe/London).");
  });
});
