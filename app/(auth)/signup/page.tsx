import Link from "next/link";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import type { Metadata } from "next";
import { SignUpForm } from "./signup-form";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage() {
  if (await getViewer()) redirect("/");
  return (
    <div className="narrow">
      <h1>Create a coach account</h1>
      <p className="muted">You will start with one squad and can invite your athletes right away.</p>
      <div className="card">
        <SignUpForm />
      </div>
      <p>
        Already have an account? <Link href="/login">Log in</Link>.
      </p>
    </div>
  );
}
