import { z } from "zod";
import { ID_SHAPE } from "@/lib/input-schemas";

/** One of the viewer's inbox alerts, named by its id as a form posts it. */
export const notificationIdSchema = z.object({
  notificationId: z.string({ error: "Choose an alert" }).trim().min(1, "Choose an alert").regex(ID_SHAPE, "Choose an alert"),
});
