"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLinks({ links }: { links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <>
      {links.map((link) => {
        // The longest matching link is the current one, so /athlete/sessions does not also mark /athlete.
        const matching = links.filter((l) => pathname === l.href || pathname.startsWith(`${l.href}/`));
        const best = matching.sort((a, b) => b.href.length - a.href.length)[0];
        const current = best?.href === link.href;
        return (
          <li key={link.href}>
            <Link href={link.href} aria-current={current ? "page" : undefined}>
              {link.label}
            </Link>
          </li>
        );
      })}
    </>
  );
}
