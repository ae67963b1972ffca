import { formatDateTime } from "@/lib/dates";
import type { CommentThread } from "@/lib/athletes/comments";
import { ReplyOpener } from "@/lib/ui/reply-form";

/**
 * Comment threads, each about one session or report: the staff's comments and the athlete's replies in
 * time order, replies indented and marked, each with who wrote it and when in the viewer's zone. Every
 * comment from someone else has a reply button while the viewer may answer in the thread.
 */
export function CommentThreads({ threads, timeZone, audience }: { threads: CommentThread[]; timeZone: string; audience: "athlete" | "staff" }) {
  return (
    <ul className="comment-list">
      {threads.map((thread) => (
        <li key={thread.id} id={`thread-${thread.id}`} className="card comment-thread">
          {thread.about ? <p className="muted comment-thread-about">{`Comments on ${audience === "athlete" ? "your" : "the"} ${thread.about}`}</p> : null}
          <ol className="comment-thread-entries" aria-label={thread.about ? `Comments on the ${thread.about}, oldest first` : "Comment and replies, oldest first"}>
            {thread.entries.map((entry) => (
              <li key={entry.id} id={`comment-${entry.id}`} className={entry.isReply ? "comment-entry comment-reply" : "comment-entry"}>
                <p className="comment-body">{entry.body}</p>
                <p className="muted comment-meta">
                  {entry.isReply ? `Reply from ${entry.mine ? "you" : entry.author}` : entry.author}, {formatDateTime(entry.createdAt, timeZone)}
                </p>
                {thread.canReply && !entry.mine ? <ReplyOpener commentId={entry.id} author={entry.author} /> : null}
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ul>
  );
}
