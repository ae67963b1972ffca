import Link from "next/link";
import type { Metadata } from "next";
import { getClaimByToken } from "@/lib/managed-athletes/queries";
import { SIGNED_IN_CLAIM_MESSAGE } from "@/lib/managed-athletes/schemas";
import { getViewer } from "@/lib/auth/viewer";
import { ClaimProfileForm } from "./claim-form";

export const metadata: Metadata = { title: "Set up your login", referrer: "no-referrer" };

const REASONS = {
  used: "This link has already been used: the login it was for is set up. Log in with it, or ask your coach if that was not you.",
  expired: "This link has expired (links last 7 days). Ask your coach for a new one.",
  revoked: "This link was withdrawn by your coach, or replaced by a newer one. Ask your coach for the latest link.",
  unknown: "This link is not valid. Check that you copied the whole link, or ask your coach for a new one.",
} as const;

export default async function ClaimPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [claim, viewer] = await Promise.all([getClaimByToken(token), getViewer()]);
  if (claim.status !== "pending") {
    return (
      <div className="narrow card">
        <h1>This link cannot be used</h1>
        <p>{REASONS[claim.status]}</p>
        <Link href="/">Go to Backbone</Link>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Set up your login</h1>
      <p>
        Your coach at <strong>{claim.squadName}</strong> has been keeping your training in Backbone. Choose an email and
        a password: the sessions, pain reports and plan recorded for you become your account.
      </p>
      <div className="card">
        {viewer ? (
          <>
            <p>You are logged in as {viewer.email}.</p>
            <p>{SIGNED_IN_CLAIM_MESSAGE}</p>
          </>
        ) : (
          <ClaimProfileForm token={token} name={claim.name} />
        )}
      </div>
    </div>
  );
}
