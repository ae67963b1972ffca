import Link from "next/link";
import { getViewer } from "@/lib/auth/viewer";
import { isAthlete, isCoach } from "@/lib/auth/permissions";
import { logoutAction } from "@/lib/accounts/actions";
import { NavLinks } from "@/lib/ui/nav-links";

export async function SiteHeader() {
  const viewer = await getViewer();
  const links: { href: string; label: string }[] = [];
  if (viewer) {
    if (isCoach(viewer)) links.push({ href: "/coach", label: "Squads" });
    if (isAthlete(viewer)) {
      links.push({ href: "/athlete", label: "My training" });
      links.push({ href: "/athlete/sessions", label: "Sessions" });
      links.push({ href: "/athlete/import", label: "Import" });
      links.push({ href: "/athlete/calendar", label: "Plan" });
      links.push({ href: "/athlete/shoes", label: "Shoes" });
      links.push({ href: "/athlete/pain", label: "Report pain" });
      links.push({ href: "/athlete/check-in", label: "Check-in" });
      links.push({ href: "/athlete/profile", label: "Profile" });
    }
    links.push({ href: "/settings", label: "Settings" });
  }
  return (
    <header className="site-header">
      <div className="inner">
        <Link href="/" className="brand">
          Backbone
        </Link>
        <nav aria-label="Main">
          <ul className="nav">
            {viewer ? (
              <>
                <NavLinks links={links} />
                <li>
                  <form action={logoutAction}>
                    <button type="submit" className="link-button">
                      Log out<span className="visually-hidden"> {viewer.name}</span>
                    </button>
                  </form>
                </li>
              </>
            ) : (
              <NavLinks
                links={[
                  { href: "/login", label: "Log in" },
                  { href: "/signup", label: "Sign up as a coach" },
                ]}
              />
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
