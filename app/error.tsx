"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="narrow card" role="alert">
      <h1>Something went wrong</h1>
      <p>We could not show this page. Nothing you entered was lost; please try again.</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
