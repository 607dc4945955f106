// Generated from spec/minimo.yaml by packages/client/scripts/generate.ts. Do not edit by hand:
// change the spec and run `npm run generate`.

/** Every status code a response of the spec documents, ascending: the `code` label's own values. */
export const DOCUMENTED_STATUSES: readonly number[] = [200,201,204,400,401,403,404,409,410,422,429,500,503];
