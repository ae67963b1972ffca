"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { formObject, runForm, type FormState } from "@/lib/forms";
import { confirmSessionFigures, createSession, createShoe, deleteSession, setShoeRetired, updateSession } from "@/lib/sessions/mutations";

export async function createSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const { id } = await createSession(viewer, { ...formObject(formData), unit: viewer.unitPreference });
    revalidatePath("/athlete", "layout");
    return { status: "ok", message: "Session saved.", data: { savedId: id } };
  });
}

export async function updateSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    const id = String(formData.get("sessionId") ?? "");
    await updateSession(viewer, id, { ...formObject(formData), unit: viewer.unitPreference });
    revalidatePath("/athlete", "layout");
    redirect("/athlete/sessions?saved=1");
  });
}

export async function confirmSessionFiguresAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    await confirmSessionFigures(viewer, String(formData.get("sessionId") ?? ""));
    revalidatePath("/athlete", "layout");
    return { status: "ok", message: "Confirmed: this session now counts for your load." };
  });
}

export async function deleteSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    await deleteSession(viewer, String(formData.get("sessionId") ?? ""));
    revalidatePath("/athlete", "layout");
    redirect("/athlete/sessions?deleted=1");
  });
}

export async function createShoeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    await createShoe(viewer, { ...formObject(formData), unit: viewer.unitPreference });
    revalidatePath("/athlete", "layout");
    return { status: "ok", message: "Shoe added." };
  });
}

export async function setShoeRetiredAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const viewer = await requireViewer();
    await setShoeRetired(viewer, String(formData.get("shoeId") ?? ""), formData.get("retired") === "true");
    revalidatePath("/athlete", "layout");
    return { status: "ok" };
  });
}
