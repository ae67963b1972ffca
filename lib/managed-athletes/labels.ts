// Words about athletes without a login, free of validation code so client components can import them.

/** What staff read where an athlete's email would be, while the athlete has no login. */
export const NO_LOGIN_TEXT = "No login yet";
