import Link from "next/link";
import { getViewer } from "@/lib/auth/viewer";
import { isAthlete, isStaff } from "@/lib/auth/permissions";
import { logoutAction } from "@/lib/accounts/actions";
import { NavLinks } from "@/lib/ui/nav-links";
import { countUnreadNotifications, UNREAD_COUNT_CAP } from "@/lib/notifications/queries";

export async function SiteHeader() {
  const viewer = await getViewer();
  const links: { href: string; label: string }[] = [];
  if (viewer) {
    if (isStaff(viewer)) links.push({ href: "/coach", label: "Squads" });
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
    // The count is written out, so it reads the same without colour and to a screen reader.
    const unread = await countUnreadNotifications(viewer);
    const count = unread > UNREAD_COUNT_CAP ? `${UNREAD_COUNT_CAP}+` : String(unread);
    links.push({ href: "/inbox", label: unread > 0 ? `Inbox (${count})` : "Inbox" });
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
