// WhatsApp: list templates, send an APPROVED template (422 `template_not_approved` otherwise).
import type { Request, Response } from "express";
import type { SimContext } from "../context.js";
import { sendError } from "../errors.js";
import { paginate } from "./paginate.js";
import type { HandlerTable } from "./types.js";

export interface WhatsappSendBody {
  recipient: string;
  template: { name: string };
}

export function listTemplates(req: Request, ctx: SimContext) {
  return paginate(
    req,
    ctx.state.whatsappTemplates.map((t) => ({ ...t })),
  );
}

/** Records the send; answers the error itself and returns false when the template can't be sent. */
export function sendTemplate(ctx: SimContext, res: Response, body: WhatsappSendBody): boolean {
  const t = ctx.state.whatsappTemplates.find((x) => x.name === body.template.name);
  if (t?.status !== "APPROVED") {
    sendError(res, ctx.faults, 422, {
      error: { code: "template_not_approved", message: `Template ${body.template.name} is not approved`, details: { field: "template.name" } },
    });
    return false;
  }
  ctx.state.whatsappMessages.push({
    id: ctx.state.whatsappMessages.length + 1,
    recipient: body.recipient,
    template: t.name,
    at: new Date(ctx.now()).toISOString(),
  });
  return true;
}

// The send answers both documented forms at once: the page's `{"status": 200}` and the
// `success` boolean Minimo's own prober reads.
export const whatsappHandlers: HandlerTable = {
  listWhatsappTemplates(req, res, ctx) {
    res.status(200).json(listTemplates(req, ctx));
  },

  sendWhatsappTemplate(req, res, ctx) {
    if (sendTemplate(ctx, res, req.body as WhatsappSendBody)) res.status(200).json({ status: 200, success: true });
  },
};

/** The app-host paths of the WhatsApp pages and the migration guide: the same behaviour. */
whatsappHandlers.listWhatsappTemplatesApp = whatsappHandlers.listWhatsappTemplates!;
whatsappHandlers.sendWhatsappTemplateApp = whatsappHandlers.sendWhatsappTemplate!;
