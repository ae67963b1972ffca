"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";

/** A link shown once (an invitation, a claim link), selectable and copied with one button. */
export function CopyLinkBox({ id, label, link }: { id: string; label: string; link: string }) {
  const t = useTranslations("squad");
  const ref = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-box" style={{ marginTop: "1rem" }}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input id={id} ref={ref} readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      <button
        type="button"
        className="button button-secondary"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(link);
          } catch {
            ref.current?.select();
          }
          setCopied(true);
        }}
      >
        {copied ? t("copied") : t("copyLink")}
      </button>
    </div>
  );
}
