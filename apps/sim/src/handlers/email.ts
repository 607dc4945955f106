// Email: one-shot HTML sends and their stats, dashboard templates (list, send) and template
// stats. A recipient at `fail.test` makes a send fail the way Minimo reports it: HTTP 200 with
// `data.status = "failed"` and a `failureReason`.
import type { Response } from "express";
import type { SimContext } from "../context.js";
import { notFound, sendError } from "../errors.js";
import { percent, type EmailTemplateRecord } from "../state.js";
import { paginate } from "./paginate.js";
import type { HandlerTable } from "./types.js";

const FAILING_DOMAIN = "@fail.test";

export function templateStats(t: EmailTemplateRecord) {
  return {
    created: t.stats.created,
    openRate: percent(t.stats.opens, t.stats.totalMessagesSent),
    clickRate: percent(t.stats.clicks, t.stats.totalMessagesSent),
    totalMessagesSent: t.stats.totalMessagesSent,
  };
}

/** Finds a sendable template and checks its variables; answers the error itself and returns undefined. */
export function sendableTemplate(ctx: SimContext, res: Response, id: string | number, customFields: Record<string, unknown> | undefined): EmailTemplateRecord | undefined {
  const t = ctx.state.findEmailTemplate(id);
  if (!t) {
    sendError(res, ctx.faults, 404, { error: { code: "template_not_found", message: "Template not found" } });
    return undefined;
  }
  // "Only active templates can be sent": the docs name no code for a draft or archived one, so
  // it is the documented generic validation_error, naming the field.
  if (t.status !== "active") {
    sendError(res, ctx.faults, 422, {
      error: { code: "validation_error", message: `Template ${String(id)} is ${t.status}; only active templates can be sent`, details: { field: "templateId" } },
    });
    return undefined;
  }
  if (!t.senderVerified) {
    sendError(res, ctx.faults, 422, {
      error: { code: "sender_not_verified", message: "The template's sender domain is not verified" },
    });
    return undefined;
  }
  const missing = t.variables.find((v) => customFields?.[v] === undefined);
  if (missing) {
    sendError(res, ctx.faults, 422, {
      error: { code: "missing_custom_field", message: `Missing custom field ${missing}`, details: { field: missing } },
    });
    return undefined;
  }
  t.stats.totalMessagesSent += 1;
  return t;
}

export const emailHandlers: HandlerTable = {
  sendEmail(req, res, ctx) {
    const body = req.body as { to: string; subject?: string };
    const id = ctx.state.nextEmailId();
    const failed = body.to.toLowerCase().endsWith(FAILING_DOMAIN);
    ctx.state.emails.set(id, {
      id,
      status: failed ? "failed" : "sent",
      to: body.to,
      subject: body.subject ?? "",
      messageId: failed ? null : `0100sim-${id.toLowerCase()}`,
      sentAt: new Date(ctx.now()).toISOString(),
      opened: false,
      firstOpenAt: null,
      clickCount: 0,
      firstClickAt: null,
      failureReason: failed ? "Recipient mailbox rejected the message (sandbox: fail.test domain)" : null,
    });
    const e = ctx.state.emails.get(id)!;
    res.status(200).json({
      data: { id, status: e.status, messageId: e.messageId, statsUrl: `/public/v1/emails/${id}/stats`, ...(failed ? { failureReason: e.failureReason } : {}) },
    });
  },

  getEmailStats(req, res, ctx) {
    const e = ctx.state.emails.get(String(req.params.id));
    if (!e) {
      sendError(res, ctx.faults, 404, notFound("Email not found"));
      return;
    }
    // The html-stats page's field table, nothing more (the provider's messageId is not in it).
    const { messageId: _messageId, ...stats } = e;
    res.status(200).json({ data: stats });
  },

  getTransactionalStats(req, res, ctx) {
    const t = ctx.state.findEmailTemplate(String(req.params.id));
    if (!t) {
      sendError(res, ctx.faults, 404, notFound("Template not found"));
      return;
    }
    res.status(200).json({ data: templateStats(t) });
  },

  listEmailTemplates(req, res, ctx) {
    res.status(200).json(
      paginate(
        req,
        ctx.state.emailTemplates.map((t) => ({
          id: t.id,
          name: t.name,
          subject: t.subject,
          status: t.status,
          category: t.category,
          variables: t.variables,
          created: t.created,
          updated: t.updated,
        })),
      ),
    );
  },

  sendEmailTemplate(req, res, ctx) {
    const body = req.body as { templateId: string | number; customFields?: Record<string, unknown> };
    if (sendableTemplate(ctx, res, body.templateId, body.customFields)) res.status(200).json({ status: 200 });
  },
};
