import { z } from "zod";
import { idSchema, multiLineText } from "@/lib/input-schemas";

export const COMMENT_MAX_LENGTH = 2000;

const optionalId = z.preprocess((v) => (v === "" || v == null ? undefined : v), idSchema.optional());

/** A coach's comment on one of an athlete's sessions or pain reports: exactly one of the two. */
export const createCommentSchema = z
  .object({
    squadId: idSchema,
    athleteId: idSchema,
    sessionId: optionalId,
    painReportId: optionalId,
    body: multiLineText({ error: "Write a comment" })
      .min(1, "Write a comment")
      .max(COMMENT_MAX_LENGTH, `Use at most ${COMMENT_MAX_LENGTH} characters`),
  })
  .refine((v) => (v.sessionId ? 1 : 0) + (v.painReportId ? 1 : 0) === 1, {
    path: ["form"],
    message: "Comment on one session or one pain report",
  });

export type CreateCommentInput = z.output<typeof createCommentSchema>;

/** A reply in a comment's thread: the athlete answering their coach, or the staff answering back. */
export const replyToCommentSchema = z.object({
  commentId: idSchema,
  body: multiLineText({ error: "Write a reply" })
    .min(1, "Write a reply")
    .max(COMMENT_MAX_LENGTH, `Use at most ${COMMENT_MAX_LENGTH} characters`),
});

export type ReplyToCommentInput = z.output<typeof replyToCommentSchema>;
