import { contactHandlers } from "./contacts.js";
import { customFieldHandlers } from "./custom-fields.js";
import { emailHandlers } from "./email.js";
import { legacyHandlers } from "./legacy.js";
import type { HandlerTable } from "./types.js";
import { whatsappHandlers } from "./whatsapp.js";

export type { Handler, HandlerTable } from "./types.js";

/** Every handler by operationId. */
export const handlers: HandlerTable = {
  ...contactHandlers,
  ...customFieldHandlers,
  ...emailHandlers,
  ...whatsappHandlers,
  ...legacyHandlers,
};
