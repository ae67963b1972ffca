import type { FormState } from "@/lib/forms";

// Kept apart from lib/forms.ts so client components can import it without server code.
export const idleState: FormState = { status: "idle" };
