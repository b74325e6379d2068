/** Fixed values of the test fixtures. */
export const TEST_PASSWORD = 'demo-password';
/** Members in the `demo` test template (the product's own demo has 5,000). */
export const TEST_DEMO_MEMBERS = 200;
/** The controllable clock starts here: a Tuesday morning. */
export const TEST_EPOCH = '2026-03-03T09:00:00Z';
/** A campaign send window open every hour of every day (UTC), for tests that are not about windows. */
export const OPEN_WINDOW = {
  days: [1, 2, 3, 4, 5, 6, 7],
  startHour: 0,
  startMinute: 0,
  endHour: 24,
  endMinute: 0,
  holidays: [],
  timeZone: 'UTC',
};
