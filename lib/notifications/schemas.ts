import { z } from "zod";

/** One of the viewer's inbox alerts, named by its id as a form posts it. */
export const notificationIdSchema = z.object({
  notificationId: z.string({ error: "Choose an alert" }).trim().min(1, "Choose an alert").max(64),
});
