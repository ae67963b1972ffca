// Template limits, without the form's validation: the template form in the browser reads these.

/** A template spans four weeks: day offsets 0 (a Monday) to 27 (the fourth Sunday). */
export const TEMPLATE_DAYS = 28;
export const MAX_TEMPLATE_SESSIONS = 60;
export const MAX_TEMPLATE_NAME = 80;
