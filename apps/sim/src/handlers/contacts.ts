// Contacts: upsert (email, then phone, else create), get by email, partial update by id, soft
// delete. Soft-deleted contacts answer 404 to reads and come back on upsert or update.
import { sendError, notFound } from "../errors.js";
import type { ContactRecord, SimState } from "../state.js";
import type { HandlerTable } from "./types.js";

export interface ContactBody {
  email?: string;
  phone?: string;
  firstName?: string;
  lastName?: string;
  customFields?: Record<string, unknown>;
  marketingConsent?: { email?: boolean; whatsapp?: boolean };
  tags?: string[];
}

/** Applies the fields sent: custom fields deep-merged, omitted consent channels unchanged. */
export function applyContact(c: ContactRecord, body: ContactBody): void {
  if (body.email !== undefined) c.email = body.email;
  if (body.phone !== undefined) c.phone = body.phone;
  if (body.firstName !== undefined) c.firstName = body.firstName;
  if (body.lastName !== undefined) c.lastName = body.lastName;
  if (body.customFields) c.custom_fields = deepMerge(c.custom_fields, body.customFields);
  if (body.marketingConsent) c.marketingConsent = { ...c.marketingConsent, ...body.marketingConsent };
  if (body.tags) c.tags = [...new Set([...c.tags, ...body.tags])];
  c.deleted = false;
}

function deepMerge(into: Record<string, unknown>, from: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...into };
  for (const [k, v] of Object.entries(from)) {
    const prev = out[k];
    out[k] = isPlain(prev) && isPlain(v) ? deepMerge(prev, v) : v;
  }
  return out;
}
function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The contact as the API shows it (snake_case, no sandbox-only fields). */
export function contactView(c: ContactRecord) {
  return {
    id: c.id,
    email: c.email,
    phone: c.phone,
    status: c.status,
    source: c.source,
    custom_fields: c.custom_fields,
    company: c.company,
    deleted: c.deleted,
    external_id: c.external_id,
    external_connection_id: c.external_connection_id,
  };
}

/** Upsert; `byPhone` false is the legacy behaviour (match by email only). */
export function upsert(state: SimState, body: ContactBody, byPhone: boolean): ContactRecord {
  const match = (body.email ? state.findByEmail(body.email) : undefined) ?? (byPhone && body.phone ? state.findByPhone(body.phone) : undefined);
  const c = match ?? state.newContact();
  applyContact(c, body);
  return c;
}

const missingKey = {
  error: { code: "validation_error", message: "email or phone is required", details: { field: "email" } },
};

export const contactHandlers: HandlerTable = {
  upsertContact(req, res, ctx) {
    const body = req.body as ContactBody;
    if (!body.email && !body.phone) {
      sendError(res, ctx.faults, 422, missingKey);
      return;
    }
    res.status(200).json([{ contactId: String(upsert(ctx.state, body, true).id) }]);
  },

  getContactByEmail(req, res, ctx) {
    const c = ctx.state.findByEmail(String(req.params.email));
    if (!c || c.deleted) {
      sendError(res, ctx.faults, 404, notFound("Contact not found"));
      return;
    }
    res.status(200).json({ data: contactView(c) });
  },

  updateContact(req, res, ctx) {
    const c = ctx.state.contacts.get(Number(req.params.id));
    if (!c) {
      sendError(res, ctx.faults, 404, notFound("Contact not found"));
      return;
    }
    const body = req.body as ContactBody;
    const other = body.email ? ctx.state.findByEmail(body.email) : undefined;
    if (other && other.id !== c.id) {
      sendError(res, ctx.faults, 409, {
        error: { code: "duplicate_resource", message: "Another contact already has this email", details: { field: "email" } },
      });
      return;
    }
    applyContact(c, body);
    const view = contactView(c);
    res.status(200).json({ id: view.id, email: view.email, phone: view.phone, data: view });
  },

  deleteContact(req, res, ctx) {
    const c = ctx.state.contacts.get(Number(req.params.id));
    if (!c || c.deleted) {
      sendError(res, ctx.faults, 404, notFound("Contact not found"));
      return;
    }
    c.deleted = true;
    res.status(204).end();
  },
};

/** `/public/v1/contacts/upsert` (the contact-sync guide): the same upsert. */
contactHandlers.upsertContactUpsertPath = contactHandlers.upsertContact!;
