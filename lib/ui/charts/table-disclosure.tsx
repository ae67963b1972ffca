"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";

/**
 * "Show the numbers as a table": a chart's data behind a disclosure. The table is drawn when the reader
 * first opens it, and kept after that; a closed one costs the page nothing but its data, which the plot
 * has anyway. Long periods make tables of hundreds of rows, and most visits never open them.
 */
export function TableDisclosure({ children }: { children: React.ReactNode }) {
  const t = useTranslations("charts");
  const [opened, setOpened] = useState(false);
  const ref = useRef<HTMLDetailsElement>(null);
  // Opened before the page's script ran: no toggle event reached React, so look once it has.
  useEffect(() => {
    if (ref.current?.open) setOpened(true);
  }, []);
  return (
    <details ref={ref} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{t("showTable")}</summary>
      {opened ? <div className="table-wrap">{children}</div> : null}
    </details>
  );
}
