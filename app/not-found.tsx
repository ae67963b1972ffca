import Link from "next/link";

export default function NotFound() {
  return (
    <div className="narrow card">
      <h1>Page not found</h1>
      <p>This page does not exist, or you do not have access to it.</p>
      <Link href="/">Go to your home page</Link>
    </div>
  );
}
