// Legacy operations on the app host. The three with `x-minimo-sunset` answer 410 from their
// sunset date on (the pipeline does that); these handlers serve them before it, e.g. with an
// injected clock, and serve the two superseded-but-live ones always.
import { notFound, sendError } from "../errors.js";
import { upsert, type ContactBody } from "./contacts.js";
import { sendableTemplate, templateStats } from "./email.js";
import type { HandlerTable } from "./types.js";
import { listTemplates, sendTemplate, type WhatsappSendBody } from "./whatsapp.js";

export const legacyHandlers: HandlerTable = {
  upsertContactLegacy(req, res, ctx) {
    const body = req.body as ContactBody;
    if (!body.email) {
      sendError(res, ctx.faults, 422, { error: { code: "validation_error", message: "email is required", details: { field: "email" } } });
      return;
    }
    res.status(200).json([{ contactId: String(upsert(ctx.state, body, false).id) }]);
  },

  getEmailTemplateStatsLegacy(req, res, ctx) {
    const t = ctx.state.findEmailTemplate(String(req.params.id));
    if (!t) {
      sendError(res, ctx.faults, 404, notFound("Template not found"));
      return;
    }
    res.status(200).json(templateStats(t));
  },

  sendTransactionalLegacy(req, res, ctx) {
    const body = req.body as { uid: string; customFields?: Record<string, unknown> };
    if (sendableTemplate(ctx, res, body.uid, body.customFields)) res.status(200).json({ status: 200, sent: true });
  },

  sendWhatsappLegacy(req, res, ctx) {
    if (sendTemplate(ctx, res, req.body as WhatsappSendBody)) res.status(200).json({ status: 200 });
  },

  listWhatsappTemplatesLegacy(req, res, ctx) {
    res.status(200).json(listTemplates(req, ctx));
  },
};
