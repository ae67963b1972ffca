// Shared by server pages and the pain form's client triage panel: no server-only imports here.

/** Who to see and how urgently, as the heading of a triage card. */
export function TriageHeading({ emergency, id, tabIndex, label }: { emergency: boolean; id: string; tabIndex?: number; label?: string }) {
  return (
    <h2 id={id} tabIndex={tabIndex}>
      <span aria-hidden="true" className="triage-icon">
        !
      </span>{" "}
      {label ?? (emergency ? "Seek emergency care now" : "See a clinician")}
    </h2>
  );
}
