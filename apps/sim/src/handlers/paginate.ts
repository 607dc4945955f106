// The conventions page's pagination: `page` (default 1) and `limit` (default 25, max 100) on
// list endpoints, answered with `page`, `limit`, `total`, `totalPages`, `hasNext` (and
// `hasPrev`) beside `data`. Out-of-range values never get here: the spec's bounds reject them.
import type { Request } from "express";

export const DEFAULT_LIMIT = 25;

export function paginate<T>(req: Request, items: readonly T[]) {
  const page = Math.max(1, Number(req.query.page ?? 1) || 1);
  const limit = Math.max(1, Number(req.query.limit ?? DEFAULT_LIMIT) || DEFAULT_LIMIT);
  const total = items.length;
  const totalPages = Math.max(1, Math.ceil(total / limit));
  return {
    data: items.slice((page - 1) * limit, page * limit),
    page,
    limit,
    total,
    totalPages,
    hasNext: page < totalPages,
    hasPrev: page > 1,
  };
}
