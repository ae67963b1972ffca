"use client";

import { createContext, useContext, useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { movePlannedSessionAction } from "@/lib/plans/actions";
import { idleState } from "@/lib/forms-state";

// Drag and drop of planned sessions between the days of a coach's week calendar. The date form under
// "Day by day" stays the keyboard way; this is the pointer way to the same server action.

const DRAG_TYPE = "application/x-backbone-planned";

type DragState = {
  pending: boolean;
  drop: (plannedId: string, fromDate: string, toDate: string) => void;
};

const DragContext = createContext<DragState | null>(null);

/** Wraps a week calendar: holds the message of the last move and refreshes the page after one. */
export function PlanDragBoard({ children }: { children: ReactNode }) {
  const t = useTranslations("plan");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const drop = (plannedId: string, fromDate: string, toDate: string) => {
    if (fromDate === toDate) {
      setMessage({ text: t("dragSameDay"), error: false });
      return;
    }
    startTransition(async () => {
      const form = new FormData();
      form.set("plannedId", plannedId);
      form.set("date", toDate);
      const result = await movePlannedSessionAction(idleState, form);
      setMessage({ text: result.message ?? "", error: result.status === "error" });
      // The calendar, the day-by-day list and the projected load all follow the move.
      if (result.status === "ok") router.refresh();
    });
  };

  return (
    <DragContext.Provider value={{ pending, drop }}>
      <p className="muted drag-hint">{t("dragHint")}</p>
      <p role="status" className={message?.error ? "field-error" : "drag-status"} aria-live="polite">
        {pending ? t("dragMoving") : (message?.text ?? "")}
      </p>
      <div aria-busy={pending}>{children}</div>
    </DragContext.Provider>
  );
}

/** A planned session that can be picked up (held sessions cannot: they wait for a clearance). */
export function DraggablePlanned({
  plannedId,
  date,
  enabled,
  className,
  children,
}: {
  plannedId: string;
  date: string;
  enabled: boolean;
  className: string;
  children: ReactNode;
}) {
  const board = useContext(DragContext);
  const draggable = enabled && board !== null;
  return (
    <li
      className={`${className}${draggable ? " cal-draggable" : ""}`}
      draggable={draggable}
      data-planned-id={plannedId}
      onDragStart={
        draggable
          ? (e) => {
              e.dataTransfer.setData(DRAG_TYPE, JSON.stringify({ plannedId, date }));
              e.dataTransfer.setData("text/plain", plannedId);
              e.dataTransfer.effectAllowed = "move";
            }
          : undefined
      }
    >
      {children}
    </li>
  );
}

/** A day cell of the week calendar that takes a dropped session. */
export function DropDay({
  date,
  className,
  ariaCurrent,
  children,
}: {
  date: string;
  className?: string;
  ariaCurrent?: "date";
  children: ReactNode;
}) {
  const board = useContext(DragContext);
  const [over, setOver] = useState(false);
  if (!board) {
    return (
      <td className={className} aria-current={ariaCurrent}>
        {children}
      </td>
    );
  }
  return (
    <td
      className={[className, over ? "cal-drop-over" : null].filter(Boolean).join(" ") || undefined}
      aria-current={ariaCurrent}
      data-date={date}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "move";
        if (!over) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        const raw = e.dataTransfer.getData(DRAG_TYPE);
        if (!raw) return;
        e.preventDefault();
        try {
          const { plannedId, date: from } = JSON.parse(raw) as { plannedId: string; date: string };
          if (typeof plannedId === "string" && typeof from === "string") board.drop(plannedId, from, date);
        } catch {
          // Not one of ours: nothing to move.
        }
      }}
    >
      {children}
    </td>
  );
}
