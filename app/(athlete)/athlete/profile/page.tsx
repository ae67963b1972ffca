import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getAthleteProfile } from "@/lib/profiles/queries";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const viewer = await requireViewer();
  const profile = await getAthleteProfile(viewer, viewer.id);
  return (
    <div className="narrow">
      <h1>Your profile</h1>
      <p className="muted">Your coaches can read this page. Units and time zone are in Settings.</p>
      <div className="card">
        <ProfileForm profile={profile} />
      </div>
    </div>
  );
}
