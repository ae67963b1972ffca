import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/viewer";
import { isAthlete, isStaff } from "@/lib/auth/permissions";
import { logoutAction } from "@/lib/accounts/actions";
import { NavLinks } from "@/lib/ui/nav-links";
import { countUnreadNotifications, UNREAD_COUNT_CAP } from "@/lib/notifications/queries";

export async function SiteHeader() {
  const viewer = await getViewer();
  const t = await getTranslations("nav");
  const links: { href: string; label: string }[] = [];
  if (viewer) {
    if (isStaff(viewer)) links.push({ href: "/coach", label: t("squads") });
    if (isAthlete(viewer)) {
      links.push({ href: "/athlete", label: t("myTraining") });
      links.push({ href: "/athlete/sessions", label: t("sessions") });
      links.push({ href: "/athlete/import", label: t("import") });
      links.push({ href: "/athlete/calendar", label: t("plan") });
      links.push({ href: "/athlete/shoes", label: t("shoes") });
      links.push({ href: "/athlete/pain", label: t("reportPain") });
      links.push({ href: "/athlete/check-in", label: t("checkIn") });
      links.push({ href: "/athlete/profile", label: t("profile") });
    }
    // The count is written out, so it reads the same without colour and to a screen reader.
    const unread = await countUnreadNotifications(viewer);
    const count = unread > UNREAD_COUNT_CAP ? `${UNREAD_COUNT_CAP}+` : String(unread);
    links.push({ href: "/inbox", label: unread > 0 ? t("inboxUnread", { count }) : t("inbox") });
    links.push({ href: "/settings", label: t("settings") });
  }
  return (
    <header className="site-header">
      <div className="inner">
        <Link href="/" className="brand">
          Backbone
        </Link>
        <nav aria-label={t("main")}>
          <ul className="nav">
            {viewer ? (
              <>
                <NavLinks links={links} />
                <li>
                  <form action={logoutAction}>
                    <button type="submit" className="link-button">
                      {t("logOut")}<span className="visually-hidden"> {viewer.name}</span>
                    </button>
                  </form>
                </li>
              </>
            ) : (
              <NavLinks
                links={[
                  { href: "/login", label: t("logIn") },
                  { href: "/signup", label: t("signUp") },
                ]}
              />
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
