import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireViewer } from "@/lib/auth/viewer";
import { isAthlete } from "@/lib/auth/permissions";

export default async function AthleteLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  if (!isAthlete(viewer)) notFound();
  return children;
}
