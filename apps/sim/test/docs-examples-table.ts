// The docs-examples table's shape (spec/examples/docs-examples.yaml), checked when it is loaded
// so a malformed row fails with its id and field instead of a confusing test failure later.

export interface DocsExample {
  id: string;
  page: string;
  sample: "curl" | "javascript" | "python" | "json" | "table";
  request: { method: "GET" | "POST" | "PUT" | "DELETE"; url: string; body?: unknown };
  answer: { status: number; body?: unknown; code?: string; empty?: boolean };
  key?: "full" | "readonly" | "revoked";
  setup?: { contacts?: number; email?: string };
  /** The docs show the request as wrong and the client's types reject it too. */
  type_error?: boolean;
  note?: string;
}

export interface DocsExampleTable {
  examples: DocsExample[];
  unsupported: { page: string; request: string; reason: string }[];
}

const SAMPLES = ["curl", "javascript", "python", "json", "table"];
const METHODS = ["GET", "POST", "PUT", "DELETE"];

export function loadDocsExamples(doc: unknown): DocsExampleTable {
  const t = doc as Partial<DocsExampleTable> | null;
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const [i, e] of (t?.examples ?? []).entries()) {
    const at = `examples[${i}]${e?.id ? ` (${e.id})` : ""}`;
    if (typeof e?.id !== "string" || !/^[a-z0-9-]+$/.test(e.id)) problems.push(`${at}.id: must be kebab-case`);
    else if (ids.has(e.id)) problems.push(`${at}.id: duplicate`);
    else ids.add(e.id);
    if (typeof e?.page !== "string" || !e.page.startsWith("https://docs.minimo.it/")) problems.push(`${at}.page: must be a docs.minimo.it URL`);
    if (!SAMPLES.includes(e?.sample)) problems.push(`${at}.sample: must be one of ${SAMPLES.join(", ")}`);
    if (!METHODS.includes(e?.request?.method)) problems.push(`${at}.request.method: must be one of ${METHODS.join(", ")}`);
    if (typeof e?.request?.url !== "string" || !/^https:\/\//.test(e.request.url)) problems.push(`${at}.request.url: must be an https URL`);
    if (typeof e?.answer?.status !== "number") problems.push(`${at}.answer.status: must be a number`);
  }
  for (const [i, u] of (t?.unsupported ?? []).entries()) {
    if (typeof u?.reason !== "string" || u.reason.length < 20) problems.push(`unsupported[${i}].reason: say why`);
  }
  if (!t?.examples?.length) problems.push("examples: the table is empty");
  if (problems.length) throw new Error(`spec/examples/docs-examples.yaml:\n  ${problems.join("\n  ")}`);
  return { examples: t!.examples!, unsupported: t!.unsupported ?? [] };
}
