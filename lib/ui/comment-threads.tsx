import { getTranslations } from "next-intl/server";
import { formatDate, formatDateTime } from "@/lib/dates";
import type { CommentThread } from "@/lib/athletes/comments";
import { ReplyOpener } from "@/lib/ui/reply-form";
import { currentIntlLocale } from "@/lib/i18n/server";

const SESSION_TYPES = ["RUN", "CROSS_TRAINING", "CORE", "STRENGTH", "MOBILITY", "OTHER"] as const;
const ZONES = ["CERVICAL", "DORSAL", "LUMBAR"] as const;

/**
 * Comment threads, each about one session or report: the staff's comments and the athlete's replies in
 * time order, replies indented and marked, each with who wrote it and when in the viewer's zone. Every
 * comment from someone else has a reply button while the viewer may answer in the thread.
 */
export async function CommentThreads({ threads, timeZone, audience }: { threads: CommentThread[]; timeZone: string; audience: "athlete" | "staff" }) {
  const [t, intl] = await Promise.all([getTranslations("comments"), currentIntlLocale()]);
  const aboutOf = (thread: CommentThread): string | null => {
    const target = thread.target;
    if (!target) return null;
    const date = formatDate(target.date, intl);
    if (target.kind === "session") {
      const type = (SESSION_TYPES as readonly string[]).includes(target.type) ? target.type : "OTHER";
      return t("aboutSession", { type: t(`types.${type as (typeof SESSION_TYPES)[number]}`), when: target.time ? `${date} ${target.time}` : date });
    }
    const zone = (ZONES as readonly string[]).includes(target.zone) ? target.zone : "LUMBAR";
    return t("aboutReport", { zone: t(`zones.${zone as (typeof ZONES)[number]}`), date });
  };
  return (
    <ul className="comment-list">
      {threads.map((thread) => {
        const about = aboutOf(thread);
        return (
          <li key={thread.id} id={`thread-${thread.id}`} className="card comment-thread">
            {about ? <p className="muted comment-thread-about">{audience === "athlete" ? t("onYour", { about }) : t("onThe", { about })}</p> : null}
            <ol className="comment-thread-entries" aria-label={about ? t("entriesAbout", { about }) : t("entries")}>
              {thread.entries.map((entry) => (
                <li key={entry.id} id={`comment-${entry.id}`} className={entry.isReply ? "comment-entry comment-reply" : "comment-entry"}>
                  <p className="comment-body">{entry.body}</p>
                  <p className="muted comment-meta">
                    {entry.isReply ? (entry.mine ? t("replyFromYou") : t("replyFrom", { name: entry.author })) : entry.author},{" "}
                    {formatDateTime(entry.createdAt, timeZone, intl)}
                  </p>
                  {thread.canReply && !entry.mine ? <ReplyOpener commentId={entry.id} author={entry.author} /> : null}
                </li>
              ))}
            </ol>
          </li>
        );
      })}
    </ul>
  );
}
