import type { ReactNode } from "react";
import { requireViewer } from "@/lib/auth/viewer";

export default async function AccountLayout({ children }: { children: ReactNode }) {
  await requireViewer();
  return children;
}
