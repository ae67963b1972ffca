import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireViewer } from "@/lib/auth/viewer";
import { isCoach } from "@/lib/auth/permissions";

export default async function CoachLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  if (!isCoach(viewer)) notFound();
  return children;
}
