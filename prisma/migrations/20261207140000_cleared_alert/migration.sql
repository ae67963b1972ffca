-- To the squad's staff: an athlete was cleared and the held plan waits for a coach.
ALTER TYPE "NotificationKind" ADD VALUE 'CLEARED';
