// Custom fields: list (flat or grouped by category) and create (key upper-cased, 409 on a
// duplicate key).
import { sendError } from "../errors.js";
import type { CustomFieldRecord } from "../state.js";
import { paginate } from "./paginate.js";
import type { HandlerTable } from "./types.js";

function view(f: CustomFieldRecord) {
  return { id: f.id, key: f.key, displayName: f.displayName, type: f.type, category: f.category, visibility: f.visibility, source: f.source };
}

export const customFieldHandlers: HandlerTable = {
  listCustomFields(req, res, ctx) {
    const fields = [...ctx.state.customFields.values()].map(view);
    if (req.query.groupBy !== "category") {
      res.status(200).json(paginate(req, fields));
      return;
    }
    const groups = new Map<string, ReturnType<typeof view>[]>();
    for (const f of fields) {
      const name = f.category ?? "uncategorized";
      groups.set(name, [...(groups.get(name) ?? []), f]);
    }
    res.status(200).json({
      data: { groups: [...groups].map(([category, list]) => ({ category, fields: list })), total: fields.length },
    });
  },

  createCustomField(req, res, ctx) {
    const body = req.body as { key: string; displayName?: string; display_name?: string; type: string; category?: string; options?: string[] };
    const key = body.key.toUpperCase();
    // The older pages' `display_name` is the same label as the newer `displayName`.
    const displayName = body.displayName ?? body.display_name;
    if (displayName === undefined) {
      sendError(res, ctx.faults, 422, {
        error: { code: "validation_error", message: "displayName is required", details: { field: "displayName" } },
      });
      return;
    }
    if (ctx.state.customFields.has(key)) {
      sendError(res, ctx.faults, 409, {
        error: { code: "duplicate_resource", message: `A custom field with key ${key} already exists`, details: { field: "key" } },
      });
      return;
    }
    const f = ctx.state.addCustomField({
      key,
      displayName,
      type: body.type,
      category: body.category ?? null,
      source: "Manual",
      ...(body.options ? { options: body.options } : {}),
    });
    res.status(201).json({ data: view(f) });
  },
};

/** `/v1/custom-fields` (an older page version): the same behaviour. */
customFieldHandlers.listCustomFieldsV1 = customFieldHandlers.listCustomFields!;
customFieldHandlers.createCustomFieldV1 = customFieldHandlers.createCustomField!;
