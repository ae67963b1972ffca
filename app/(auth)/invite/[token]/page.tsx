import Link from "next/link";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getInvitationByToken } from "@/lib/squads/queries";
import { getViewer } from "@/lib/auth/viewer";
import { AcceptInvitationForm, JoinAsViewerForm } from "./accept-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("invitationTitle"), referrer: "no-referrer" };
}

const REASONS = {
  used: "invitationUsed",
  expired: "invitationExpired",
  revoked: "invitationRevoked",
  unknown: "invitationUnknown",
} as const;

const ROLES = { COACH: "roleCoach", CLINICIAN: "roleClinician", ATHLETE: "roleAthlete" } as const;

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, viewer, t] = await Promise.all([getInvitationByToken(token), getViewer(), getTranslations("auth")]);
  if (invitation.status === "claim") redirect(`/claim/${encodeURIComponent(token)}`);
  if (invitation.status !== "pending") {
    return (
      <div className="narrow card">
        <h1>{t("invitationUnusable")}</h1>
        <p>{t(REASONS[invitation.status])}</p>
        <Link href="/">{t("goToBackbone")}</Link>
      </div>
    );
  }
  const role = t(ROLES[invitation.role as keyof typeof ROLES] ?? "roleAthlete");
  return (
    <div className="narrow">
      <h1>{t("joinSquadHeading", { squad: invitation.squadName })}</h1>
      <p>{t.rich("invitedAs", { squad: invitation.squadName, role, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <div className="card">
        {viewer ? (
          <>
            <p>{t("loggedInAs", { email: viewer.email })}</p>
            <JoinAsViewerForm token={token} name={viewer.name} />
          </>
        ) : (
          <>
            <AcceptInvitationForm token={token} />
            <p className="muted">
              {t.rich("inviteHaveAccount", {
                link: (chunks) => <Link href={`/login?callbackUrl=/invite/${encodeURIComponent(token)}`}>{chunks}</Link>,
              })}
            </p>
          </>
        )}
      </div>
    </div>
  );
}
