// WhatsApp: list templates, send an APPROVED template (422 `template_not_approved` otherwise).
import type { Response } from "express";
import type { SimContext } from "../context.js";
import { sendError } from "../errors.js";
import type { HandlerTable } from "./types.js";

export interface WhatsappSendBody { recipient: string; template: { name: string } }

export function listTemplates(ctx: SimContext) {
  return { data: ctx.state.whatsappTemplates.map((t) => ({ ...t })) };
}

/** Records the send; answers the error itself and returns false when the template can't be sent. */
export function sendTemplate(ctx: SimContext, res: Response, body: WhatsappSendBody): boolean {
  const t = ctx.state.whatsappTemplates.find((x) => x.name === body.template.name);
  if (!t || t.status !== "APPROVED") {
    sendError(res, ctx.faults, 422, {
      error: { code: "template_not_approved", message: `Template ${body.template.name} is not approved`,
        details: { field: "template.name" } },
    });
    return false;
  }
  ctx.state.whatsappMessages.push({
    id: ctx.state.whatsappMessages.length + 1, recipient: body.recipient, template: t.name,
    at: new Date(ctx.now()).toISOString(),
  });
  return true;
}

export const whatsappHandlers: HandlerTable = {
  listWhatsappTemplates(_req, res, ctx) {
    res.status(200).json(listTemplates(ctx));
  },

  sendWhatsappTemplate(req, res, ctx) {
    if (sendTemplate(ctx, res, req.body as WhatsappSendBody)) res.status(200).json({ success: true });
  },
};
