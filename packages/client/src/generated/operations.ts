// Generated from spec/minimo.yaml by packages/client/scripts/generate.ts. Do not edit by hand:
// change the spec and run `npm run generate`.

import type { Operation } from "../derive-operations.js";

export type { Operation };

export const OPERATIONS: readonly Operation[] = [
  {"operationId":"upsertContact","method":"POST","path":"/public/v1/contacts","server":"api","permission":"contacts:write","deprecated":false,"tag":"Contacts"},
  {"operationId":"upsertContactUpsertPath","method":"POST","path":"/public/v1/contacts/upsert","server":"api","permission":"contacts:write","deprecated":false,"tag":"Contacts"},
  {"operationId":"getContactByEmail","method":"GET","path":"/public/v1/contacts/by-email/{email}","server":"api","permission":"contacts:read","deprecated":false,"tag":"Contacts"},
  {"operationId":"updateContact","method":"PUT","path":"/public/v1/contacts/{id}","server":"api","permission":"contacts:write","deprecated":false,"tag":"Contacts"},
  {"operationId":"deleteContact","method":"DELETE","path":"/public/v1/contacts/{id}","server":"api","permission":"contacts:write","deprecated":false,"tag":"Contacts"},
  {"operationId":"listCustomFields","method":"GET","path":"/public/v1/custom-fields","server":"api","permission":"custom_fields:read","deprecated":false,"tag":"Custom fields"},
  {"operationId":"createCustomField","method":"POST","path":"/public/v1/custom-fields","server":"api","permission":"custom_fields:write","deprecated":false,"tag":"Custom fields"},
  {"operationId":"listCustomFieldsV1","method":"GET","path":"/v1/custom-fields","server":"api","permission":"custom_fields:read","deprecated":true,"tag":"Custom fields"},
  {"operationId":"createCustomFieldV1","method":"POST","path":"/v1/custom-fields","server":"api","permission":"custom_fields:write","deprecated":true,"tag":"Custom fields"},
  {"operationId":"sendEmail","method":"POST","path":"/public/v1/emails","server":"api","permission":"transactional","deprecated":false,"tag":"Email"},
  {"operationId":"getEmailStats","method":"GET","path":"/public/v1/emails/{id}/stats","server":"api","permission":"stats:read","deprecated":false,"tag":"Email"},
  {"operationId":"getTransactionalStats","method":"GET","path":"/public/v1/transactionals/{id}/stats","server":"api","permission":"stats:read","deprecated":false,"tag":"Email"},
  {"operationId":"listWhatsappTemplates","method":"GET","path":"/public/v1/templates/whatsapp","server":"api","permission":"whatsapp:read","deprecated":false,"tag":"WhatsApp"},
  {"operationId":"sendWhatsappTemplate","method":"POST","path":"/public/v1/templates/whatsapp/send","server":"api","permission":"whatsapp:send","deprecated":false,"tag":"WhatsApp"},
  {"operationId":"listWhatsappTemplatesApp","method":"GET","path":"/api/templates/whatsapp","server":"app","permission":"whatsapp:read","deprecated":false,"tag":"WhatsApp"},
  {"operationId":"sendWhatsappTemplateApp","method":"POST","path":"/api/templates/whatsapp/send","server":"app","permission":"whatsapp:send","deprecated":false,"tag":"WhatsApp"},
  {"operationId":"listEmailTemplates","method":"GET","path":"/api/templates/email","server":"app","permission":"templates:read","deprecated":false,"tag":"Email"},
  {"operationId":"sendEmailTemplate","method":"POST","path":"/api/templates/email/send","server":"app","permission":"transactional","deprecated":false,"tag":"Email"},
  {"operationId":"upsertContactLegacy","method":"POST","path":"/api/contacts","server":"app","permission":"contacts:write","deprecated":true,"tag":"Legacy"},
  {"operationId":"getEmailTemplateStatsLegacy","method":"GET","path":"/api/templates/email/{id}/stats","server":"app","permission":"stats:read","deprecated":true,"tag":"Legacy"},
  {"operationId":"sendTransactionalLegacy","method":"POST","path":"/api/transactionals","server":"app","permission":"transactional","deprecated":true,"tag":"Legacy","sunset":"2026-06-01"},
  {"operationId":"sendWhatsappLegacy","method":"POST","path":"/api/transactionals/whatsapp/send","server":"app","permission":"whatsapp:send","deprecated":true,"tag":"Legacy","sunset":"2026-06-01"},
  {"operationId":"listWhatsappTemplatesLegacy","method":"GET","path":"/api/transactionals/whatsapp/templates","server":"app","permission":"whatsapp:read","deprecated":true,"tag":"Legacy","sunset":"2026-06-01"},
];
