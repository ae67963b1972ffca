"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

/** Refreshes the page's server data every few seconds while something (a backfill) is under way. */
export function AutoRefresh({ everyMs }: { everyMs: number }) {
  const router = useRouter();
  useEffect(() => {
    const id = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(id);
  }, [router, everyMs]);
  return null;
}
