import Link from "next/link";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { isAthlete, isStaff } from "@/lib/auth/permissions";

export default async function HomePage() {
  const viewer = await getViewer();
  if (viewer) {
    if (isStaff(viewer)) redirect("/coach");
    if (isAthlete(viewer)) redirect("/athlete");
    redirect("/settings");
  }
  return (
    <div className="narrow">
      <h1>Training load and back health, in one place</h1>
      <p>
        Backbone helps running coaches and their athletes see the training patterns that come before back pain:
        sudden long runs, steep weekly increases, monotonous weeks and missing core work. Athletes log sessions and
        report back pain by zone in seconds; coaches see who needs attention, why, and plan around it.
      </p>
      <p>
        Symptoms that may point to something other than training are never turned into training advice: Backbone
        tells the athlete to see a clinician.
      </p>
      <div className="row">
        <Link className="button" href="/signup">
          Sign up as a coach
        </Link>
        <Link className="button button-secondary" href="/login">
          Log in
        </Link>
      </div>
      <p className="muted">Athletes join through an invitation link from their coach.</p>
    </div>
  );
}
