import "server-only";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth";

/**
 * Signs a just-created account in. The account already exists at this point, so a refused sign-in
 * (for instance a throttled shared address) sends the person to the login page instead of reporting
 * that nothing was saved.
 */
export async function signInAfterCreation(email: unknown, password: unknown, redirectTo: string): Promise<void> {
  try {
    await signIn("credentials", { email, password, redirectTo });
  } catch (error) {
    if (error instanceof AuthError) redirect("/login?created=1");
    throw error;
  }
}
