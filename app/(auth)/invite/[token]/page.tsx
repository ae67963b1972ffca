import Link from "next/link";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getInvitationByToken } from "@/lib/squads/queries";
import { getViewer } from "@/lib/auth/viewer";
import { AcceptInvitationForm, JoinAsViewerForm } from "./accept-forms";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

const REASONS = {
  used: "This invitation link has already been used. Each link works once; ask your coach for a new one if you still need to join.",
  expired: "This invitation link has expired (links last 7 days). Ask your coach for a new one.",
  revoked: "This invitation link was withdrawn by the coach. Ask your coach for a new one.",
  unknown: "This invitation link is not valid. Check that you copied the whole link, or ask your coach for a new one.",
} as const;

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, viewer] = await Promise.all([getInvitationByToken(token), getViewer()]);
  if (invitation.status === "claim") redirect(`/claim/${encodeURIComponent(token)}`);
  if (invitation.status !== "pending") {
    return (
      <div className="narrow card">
        <h1>This invitation cannot be used</h1>
        <p>{REASONS[invitation.status]}</p>
        <Link href="/">Go to Backbone</Link>
      </div>
    );
  }
  const roleText =
    invitation.role === "COACH" ? "an assistant coach" : invitation.role === "CLINICIAN" ? "a clinician (physiotherapist or doctor)" : "an athlete";
  return (
    <div className="narrow">
      <h1>Join {invitation.squadName}</h1>
      <p>
        You are invited to join <strong>{invitation.squadName}</strong> as {roleText}.
      </p>
      <div className="card">
        {viewer ? (
          <>
            <p>You are logged in as {viewer.email}.</p>
            <JoinAsViewerForm token={token} name={viewer.name} />
          </>
        ) : (
          <>
            <AcceptInvitationForm token={token} />
            <p className="muted">
              Already have a Backbone account? <Link href={`/login?callbackUrl=/invite/${encodeURIComponent(token)}`}>Log in</Link>{" "}
              first and open this link again.
            </p>
          </>
        )}
      </div>
    </div>
  );
}
