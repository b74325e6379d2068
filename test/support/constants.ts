/** Fixed values of the test fixtures. */
export const TEST_PASSWORD = 'demo-password';
/** Members in the `demo` test template (the product's own demo has 5,000). */
export const TEST_DEMO_MEMBERS = 200;
/** The controllable clock starts here: a Tuesday morning. */
export const TEST_EPOCH = '2026-03-03T09:00:00Z';
