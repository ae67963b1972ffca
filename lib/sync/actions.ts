"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/viewer";
import { isBackfillMonths } from "@/lib/sync/connections";
import { connectIntervalsKey, disconnectFor } from "@/lib/sync/mutations";
import { isProviderId } from "@/lib/sync/provider-ids";

const back = (outcome: string, details: Record<string, string> = {}, anchor = "connected-services") =>
  `/settings?${new URLSearchParams({ sync: outcome, ...details }).toString()}#${anchor}`;

/** Disconnects a provider; the sessions stay unless the athlete ticked "remove them". */
export async function disconnectSyncAction(formData: FormData): Promise<void> {
  const viewer = await requireViewer();
  const provider = String(formData.get("provider") ?? "");
  if (!isProviderId(provider)) redirect(back("bad_state"));
  const result = await disconnectFor(viewer, provider, formData.get("removeSessions") === "on");
  revalidatePath("/settings");
  redirect(result && result.removed > 0 ? back("disconnected_removed", { provider, removed: String(result.removed) }) : back("disconnected", { provider }));
}

/** Connects Intervals.icu with a personal API key and athlete id, checked with one call to Intervals.icu. */
export async function connectIntervalsKeyAction(formData: FormData): Promise<void> {
  const viewer = await requireViewer();
  const athleteId = String(formData.get("athleteId") ?? "").trim().slice(0, 40);
  const apiKey = String(formData.get("apiKey") ?? "").trim().slice(0, 200);
  const months = Number(formData.get("months") ?? 12);
  // A refused or missing key is answered beside the form, with the athlete id kept (the key never is).
  if (!athleteId || !apiKey || !isBackfillMonths(months)) redirect(back("key_missing", { athlete: athleteId }, "intervals-key-form"));
  const outcome = await connectIntervalsKey(viewer, { athleteId, apiKey, months });
  revalidatePath("/settings");
  redirect(outcome === "refused" ? back("key_refused", { athlete: athleteId }, "intervals-key-form") : back(outcome));
}
