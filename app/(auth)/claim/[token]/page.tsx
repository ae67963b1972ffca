import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getClaimByToken } from "@/lib/managed-athletes/queries";
import { SIGNED_IN_CLAIM_MESSAGE } from "@/lib/managed-athletes/schemas";
import { getViewer } from "@/lib/auth/viewer";
import { currentLocale } from "@/lib/i18n/server";
import { localizeServerMessage } from "@/lib/i18n/server-messages";
import { ClaimProfileForm } from "./claim-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("claimTitle"), referrer: "no-referrer" };
}

const REASONS = {
  used: "claimUsed",
  expired: "claimExpired",
  revoked: "claimRevoked",
  unknown: "claimUnknown",
} as const;

export default async function ClaimPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [claim, viewer, t, locale] = await Promise.all([getClaimByToken(token), getViewer(), getTranslations("auth"), currentLocale()]);
  if (claim.status !== "pending") {
    return (
      <div className="narrow card">
        <h1>{t("claimUnusable")}</h1>
        <p>{t(REASONS[claim.status])}</p>
        <Link href="/">{t("goToBackbone")}</Link>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("claimTitle")}</h1>
      <p>{t.rich("claimIntro", { squad: claim.squadName, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <div className="card">
        {viewer ? (
          <>
            <p>{t("loggedInAs", { email: viewer.email })}</p>
            <p>{localizeServerMessage(SIGNED_IN_CLAIM_MESSAGE, locale)}</p>
          </>
        ) : (
          <ClaimProfileForm token={token} name={claim.name} />
        )}
      </div>
    </div>
  );
}
