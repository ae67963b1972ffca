import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireViewer } from "@/lib/auth/viewer";
import { isStaff } from "@/lib/auth/permissions";

export default async function CoachLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  // Coaches and clinicians; pages that change plans, thresholds or membership check the coach role themselves.
  if (!isStaff(viewer)) notFound();
  return children;
}
