// Generated from spec/minimo.yaml by packages/client/scripts/generate.ts. Do not edit by hand:
// change the spec and run `npm run generate`.
export interface paths {
    "/public/v1/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update a contact (upsert)
         * @description Matches an existing contact of the company by `email`, else by `phone`, else creates one.
         *     `customFields` are deep-merged (only the keys sent change); `marketingConsent` sets opt-in
         *     (true) or opt-out (false) per channel. Changing a contact's email here only avoids a
         *     duplicate when `phone` also matches: use updateContact for that.
         *
         *     Readings chosen: the path is `/public/v1/contacts` (the API reference page); the
         *     AI-prompt guide's `/public/v1/contacts/upsert` is upsertContactUpsertPath. The documented response is a **bare
         *     array** `[{"contactId": "…"}]`, not a `{data}` envelope — kept as documented. Minimo does
         *     not show the success status; we read 200. Which fields are required is not visible in the
         *     docs (at least one of `email`/`phone` is needed in practice), so none is marked required.
         */
        post: operations["upsertContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/contacts/upsert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update a contact (the guide's upsert path)
         * @description upsertContact at the path the contact-sync guide lists ("`POST /public/v1/contacts/upsert`").
         *     Same body, behaviour and bare-array answer as upsertContact (`POST /public/v1/contacts`,
         *     the API reference page's path, which clients should prefer).
         */
        post: operations["upsertContactUpsertPath"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/contacts/by-email/{email}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a contact by email address
         * @description Returns the contact of the company with this email. Soft-deleted contacts answer 404.
         *     On the wire the address is percent-encoded in the path (the page's sample builds the URL
         *     with `encodeURIComponent`); a typed client (openapi-fetch, @minimo/client) does that
         *     itself, so pass it the raw address — encoding it first makes the client encode it twice
         *     (`%40` becomes `%2540`) and the request answers 400.
         *
         *     Readings chosen: the prose shows the contact inside a `{data}` envelope while the
         *     playground schema shows it bare — the prose wins. Response fields are snake_case
         *     (`custom_fields`, `external_id`) as documented, unlike the camelCase request bodies.
         */
        get: operations["getContactByEmail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Contact id (an integer; `cnt_…` strings in the conventions page are illustrative only),
                 *     in decimal digits. Our bound: at most 2^53 − 1, the largest id a JSON number carries
                 *     exactly; anything else (`1e3`, a fraction, a larger number) answers 400 `bad_request`.
                 * @example 42
                 */
                id: components["parameters"]["ContactId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Update a contact by id
         * @description Partial update by id: only the fields sent change, `customFields` are deep-merged, an
         *     omitted `marketingConsent` channel is left unchanged. Restores a soft-deleted contact.
         *     Never creates: an unknown id answers 404. Field-change automations fire as for upsert.
         *     Our reading: an email already used by another contact answers 409 `duplicate_resource`.
         *
         *     Readings chosen: the method is PUT although the semantics are PATCH-like (as documented).
         *     Contact ids are **integers** (every contact endpoint uses 42/123; the `cnt_abc123` of the
         *     conventions page is illustrative only). The documented 200 body (`{id, phone}`) is clearly
         *     partial, so the response schema is tolerant.
         */
        put: operations["updateContact"];
        post?: never;
        /**
         * Soft-delete a contact
         * @description Soft delete: the contact disappears from getContactByEmail (404) and is restored by
         *     upsertContact or updateContact.
         *
         *     Readings chosen: Minimo does not show the success status or body; we read 204 No Content.
         *     Clients should treat any 2xx as success.
         */
        delete: operations["deleteContact"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/custom-fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List custom fields
         * @description Lists the company's custom fields, flat or grouped by category (`groupBy=category`;
         *     fields without a category go to the group `uncategorized`). Any other `groupBy` value
         *     answers 400 `invalid_group_by`.
         *
         *     Readings chosen: the path is `/public/v1/custom-fields`; the intermediate doc version's
         *     `/v1/custom-fields` is listCustomFieldsV1 (deprecated). The field label is `displayName`
         *     in answers. The grouped form is inside `{data}` as on the reference page (the guide
         *     shows it bare).
         */
        get: operations["listCustomFields"];
        put?: never;
        /**
         * Create a custom field
         * @description Creates a custom field. `key` is upper-cased by Minimo (SNAKE_CASE recommended). A key
         *     that already exists answers 409; missing `key`/`displayName`/`type` answers 422
         *     `validation_error`.
         *
         *     Readings chosen: `displayName` (newer pages) and `display_name` (older pages) are both
         *     accepted, one of them is needed; path `/public/v1/custom-fields` (the older
         *     `/v1/custom-fields` is createCustomFieldV1). The success status is not shown; we
         *     read 201 (conventions page). The property holding select values is cut off in the docs;
         *     we read `options`. A second property is cut off after "Addi…", so unknown properties
         *     are accepted on this body.
         */
        post: operations["createCustomField"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/custom-fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List custom fields (older /v1 path)
         * @deprecated
         * @description listCustomFields at the path an older version of the custom-fields pages gives
         *     (`https://api.minimo.it/v1/custom-fields`). Same behaviour; deprecated in favour of
         *     `/public/v1/custom-fields`, which the newer pages use.
         */
        get: operations["listCustomFieldsV1"];
        put?: never;
        /**
         * Create a custom field (older /v1 path)
         * @deprecated
         * @description createCustomField at the path of the older custom-fields create page, whose cURL sample
         *     posts `{"key": …, "display_name": "Company Size", "type": …}` to
         *     `https://api.minimo.it/v1/custom-fields`. Same behaviour; deprecated in favour of
         *     `/public/v1/custom-fields`.
         */
        post: operations["createCustomFieldV1"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/emails": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a one-shot HTML email
         * @description Sends one HTML email through the company's configured provider (SMTP or SES). Minimo
         *     rewrites links for click tracking, appends an open pixel and fills `{{UNSUBSCRIBE_URL}}`,
         *     `{{PREFERENCES_URL}}`. Once authenticated it always answers 200: a provider failure shows
         *     as `data.status = failed` with `failureReason`, not as an HTTP error. Needs the key
         *     permission `TRANSACTIONAL` (the only permission Minimo names).
         *
         *     The page's 400 is its own flat form, kept: `{"error": "to must be an email"}` ("Invalid
         *     or missing required field"). Its error table leaves the 401 and 403 bodies blank; the
         *     authentication page gives every 401 and 403 its envelope, so those are the documented
         *     bodies here too (`unauthorized`, `forbidden`). Only `to` is documented as required;
         *     `text` is the recommended plain-text fallback.
         */
        post: operations["sendEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/emails/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the statistics of a one-shot email
         * @description Delivery, open and click statistics of one email sent with sendEmail. Company-scoped:
         *     another company's id answers 404. `sentAt` is the queue-in time; opens are inflated by
         *     image proxies (Gmail, Apple MPP).
         *
         *     Readings chosen: the id is the opaque **string** (sqid) returned by sendEmail, unlike the
         *     integer ids elsewhere.
         */
        get: operations["getEmailStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/transactionals/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the statistics of an email template
         * @description Totals for one dashboard email template (transactional): messages sent, open and click
         *     rates. Rates are percentage **strings** such as `"85%"` — parse them.
         *
         *     Readings chosen: this is the newer page's path on the API host (the older page's
         *     `/api/templates/email/{id}/stats` is getEmailTemplateStatsLegacy); the 4-field shape
         *     inside `{data}` is kept and the older richer `metrics`/`rates` example dropped, as the
         *     newer page did. The id is an integer (the page's schema) or a `tmpl_…` string (the
         *     page's own use-case code calls `getTemplateStats('tmpl_variant_a')`).
         */
        get: operations["getTransactionalStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/templates/whatsapp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List WhatsApp templates
         * @description Lists the company's WhatsApp templates (needs a connected WhatsApp Business Account).
         *     Only `APPROVED` templates can be sent.
         *
         *     Readings chosen: the path is `/public/v1/templates/whatsapp` on the API host (conventions
         *     page, newest version); the list page's own `app.minimo.it/api/templates/whatsapp` is
         *     listWhatsappTemplatesApp. The prose (camelCase) and playground
         *     (snake_case) field names disagree; both are declared optional and extra fields are
         *     allowed.
         */
        get: operations["listWhatsappTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/templates/whatsapp/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a WhatsApp template message
         * @description Sends an `APPROVED` template to one phone number; `parameters` fill the `{{1}}`, `{{2}}`…
         *     placeholders in order. A template not approved by Meta answers 422
         *     `template_not_approved`, a bad number 422 `invalid_phone_number`.
         *
         *     Readings chosen: the path is `/public/v1/templates/whatsapp/send` on the API host (Minimo's
         *     own status prober uses it in production); the send page's own
         *     `app.minimo.it/api/templates/whatsapp/send` is sendWhatsappTemplateApp. A header
         *     component's parameter may be text, image, document or video ("Header (Optional) – Text,
         *     image, document, or video"), in Meta's shape (`{"type": "image", "image": {"link": …}}`).
         *     `template.languageCode` is read from the
         *     prober (not visible in the docs). The phone is E.164; the `+` is optional because the
         *     docs' own sample omits it. The response is tolerant: the page shows `{status}`, the
         *     prober reads a `success` boolean top-level or under `data`, with HTTP 200 or 201. A
         *     number that is not E.164 answers 422 `invalid_phone_number` (conventions).
         */
        post: operations["sendWhatsappTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/whatsapp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List WhatsApp templates (app host path)
         * @description listWhatsappTemplates at the path the WhatsApp list page and the migration guide give:
         *     `GET https://app.minimo.it/api/templates/whatsapp` ("`/api/transactionals/whatsapp/templates`
         *     → `/api/templates/whatsapp`"). Same behaviour and shapes as listWhatsappTemplates; not
         *     deprecated, since the migration guide names it as the replacement.
         */
        get: operations["listWhatsappTemplatesApp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/whatsapp/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a WhatsApp template message (app host path)
         * @description sendWhatsappTemplate at the path the WhatsApp send page and the migration guide give:
         *     `POST https://app.minimo.it/api/templates/whatsapp/send` ("`/api/transactionals/whatsapp/send`
         *     → `/api/templates/whatsapp/send`"). Same body, behaviour and answers as
         *     sendWhatsappTemplate; not deprecated, since the migration guide names it as the replacement.
         */
        post: operations["sendWhatsappTemplateApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List email templates
         * @description Lists the dashboard email templates ("List All Transactionals"). Only `active`
         *     templates can be sent.
         *
         *     Readings chosen: still on the legacy app host, as every page says. The playground schema
         *     (`id` integer, `name`, `created`, `updated`) is the base; the prose's richer fields
         *     (`subject`, `status`, `category`, `variables`, camelCase timestamps) are optional. Ids are
         *     integers per the schema, but `tmpl_…` strings (prose, migration guide) are accepted too.
         */
        get: operations["listEmailTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/email/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a dashboard email template
         * @description Sends an `active` dashboard email template to one recipient; `customFields` fill the
         *     template's `{{variableName}}` placeholders. Server-side only (client-side calls are
         *     blocked). Needs the `TRANSACTIONAL` permission. Documented error codes:
         *     `template_not_found` (404), `invalid_recipient` (422, a recipient that is not an email),
         *     `missing_custom_field` (422), `sender_not_verified` (422), `rate_limit_exceeded`. A
         *     template that is not `active` ("Only active templates can be sent") answers 422
         *     `validation_error`: the docs name no code for it. The statuses are our reading.
         *
         *     Readings chosen: the page's header (`/api/templates/email/send` with `templateId`) wins
         *     over its stale generated sample (`/api/transactionals` with `uid`, which is
         *     sendTransactionalLegacy). `templateId` is a string (`tmpl_abc123`); an integer id is
         *     accepted too since the template list uses integers.
         */
        post: operations["sendEmailTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update a contact by email (legacy)
         * @deprecated
         * @description Old upsert on the app host: matches by `email` only. Superseded by upsertContact
         *     (`POST /public/v1/contacts`); not listed on the deprecation timeline, so no sunset date.
         *     Same bare-array response as upsertContact.
         */
        post: operations["upsertContactLegacy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/email/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the statistics of an email template (legacy)
         * @deprecated
         * @description Older path of getTransactionalStats on the app host. Superseded (the newer stats page
         *     moved to `GET /public/v1/transactionals/{id}/stats`) but not announced for removal.
         *     Readings chosen: the older page's schema returns the four fields bare, without `{data}`.
         */
        get: operations["getEmailTemplateStatsLegacy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/transactionals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an email template by uid (removed 2026-06-01)
         * @deprecated
         * @description Deprecated November 2025 and removed on 2026-06-01: since then it answers 410 Gone.
         *     Replaced by sendEmailTemplate (`uid` → `templateId`). Before removal it could take over
         *     30 s while the send completed server-side, so a client-side timeout did not mean failure
         *     and a blind retry risked a duplicate send.
         */
        post: operations["sendTransactionalLegacy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/transactionals/whatsapp/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a WhatsApp template (removed 2026-06-01)
         * @deprecated
         * @description Deprecated November 2025 and removed on 2026-06-01: since then it answers 410 Gone.
         *     Replaced, per the migration guide, by `POST /api/templates/whatsapp/send`
         *     (sendWhatsappTemplateApp; sendWhatsappTemplate on the API host). No dedicated page exists;
         *     the body is read as the same as its replacement's.
         */
        post: operations["sendWhatsappLegacy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/transactionals/whatsapp/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List WhatsApp templates (removed 2026-06-01)
         * @deprecated
         * @description Deprecated November 2025 and removed on 2026-06-01: since then it answers 410 Gone.
         *     Replaced, per the migration guide, by `GET /api/templates/whatsapp`
         *     (listWhatsappTemplatesApp; listWhatsappTemplates on the API host). No dedicated page
         *     exists; the response is read as the same as its replacement's.
         */
        get: operations["listWhatsappTemplatesLegacy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description The documented error body `{"error": {code, message, details?}}` (429 adds
         *     `retry_after`). The send-html page documents its own flat 400 instead (FlatError), on
         *     sendEmail only.
         */
        ErrorEnvelope: {
            error: components["schemas"]["ErrorObject"];
        };
        /** @description The send-html page's 400 body, a flat message (`{"error": "to must be an email"}`). */
        FlatError: {
            /** @example to must be an email */
            error: string;
        };
        ErrorObject: {
            /**
             * @description Machine-readable code. Documented by Minimo: `unauthorized` 401, `forbidden` 403,
             *     `not_found` 404, `validation_error` 422, `rate_limit_exceeded` 429,
             *     `template_not_approved` 422, `invalid_phone_number` 422, `duplicate_resource` 409
             *     (conventions); `bad_request` (get-by-email), `invalid_group_by` (custom-fields list);
             *     `template_not_found`, `invalid_recipient`, `missing_custom_field`,
             *     `sender_not_verified` (email send-template). Added by this project, for cases the
             *     docs give no code for: `gone` (410 after a legacy sunset), `internal_error` (500),
             *     `service_unavailable` (503), `method_not_allowed` (405).
             * @example unauthorized
             * @enum {string}
             */
            code: "unauthorized" | "forbidden" | "not_found" | "validation_error" | "rate_limit_exceeded" | "template_not_approved" | "invalid_phone_number" | "duplicate_resource" | "bad_request" | "invalid_group_by" | "template_not_found" | "invalid_recipient" | "missing_custom_field" | "sender_not_verified" | "gone" | "internal_error" | "service_unavailable" | "method_not_allowed";
            /** @description Human-readable message. */
            message: string;
            /** @description Optional context, e.g. `{"field": "email", "value": "invalid-email"}`. */
            details?: {
                [key: string]: unknown;
            };
            /** @description Seconds to wait before retrying (429 only). */
            retry_after?: number;
        };
        /**
         * @description Phone number in E.164 (`+<country code><number>`, no spaces, dashes or parentheses). The
         *     docs insist on the `+` but their own samples omit it, so it is optional here.
         * @example +393471234567
         */
        Phone: string;
        /**
         * @description Custom-field values by key; deep-merged on update (only the keys sent change). Our bound
         *     (the docs give none): objects and arrays nest at most 32 levels deep, counting this
         *     object as level 1 (`x-minimo-max-depth`), and numbers are finite. Deeper values answer
         *     422 `validation_error` naming `customFields`, before anything is stored.
         * @example {
         *       "COMPANY_SIZE": "50"
         *     }
         */
        CustomFieldValues: {
            [key: string]: unknown;
        };
        /** @description Per-channel marketing consent; true = opt-in, false = opt-out, omitted = unchanged. */
        MarketingConsent: {
            email?: boolean;
            whatsapp?: boolean;
        };
        /** @description A contact as returned by the API (snake_case, as documented). */
        Contact: {
            /** Format: int64 */
            id: number;
            email?: string | null;
            phone?: string | null;
            /** @description e.g. `active`. */
            status?: string;
            /** @description e.g. `API`. */
            source?: string;
            custom_fields?: {
                [key: string]: unknown;
            };
            /** @description Id of the company that owns the contact. */
            company?: number;
            deleted?: boolean;
            external_id?: string | null;
            external_connection_id?: number | null;
        };
        ContactResponse: {
            data: components["schemas"]["Contact"];
        };
        /**
         * @description Upsert body (camelCase, as documented). Match order: `email`, then `phone`, else create.
         *     `tags` is documented on the legacy contacts page only.
         */
        ContactInput: {
            /** Format: email */
            email?: string;
            phone?: components["schemas"]["Phone"];
            firstName?: string;
            lastName?: string;
            customFields?: components["schemas"]["CustomFieldValues"];
            marketingConsent?: components["schemas"]["MarketingConsent"];
            tags?: string[];
        };
        /** @description Partial update by id; only the fields sent change. */
        ContactUpdate: {
            /** Format: email */
            email?: string;
            phone?: components["schemas"]["Phone"];
            firstName?: string;
            lastName?: string;
            customFields?: components["schemas"]["CustomFieldValues"];
            marketingConsent?: components["schemas"]["MarketingConsent"];
        };
        /** @description Bare array, as documented (no `{data}` envelope). */
        UpsertContactResult: {
            contactId: string;
        }[];
        /**
         * @description The documented example (`{id, phone}`) is partial; the contact may also come inside
         *     `data`. Tolerant.
         */
        UpdatedContact: {
            /** Format: int64 */
            id?: number;
            email?: string | null;
            phone?: string | null;
            data?: components["schemas"]["Contact"];
        };
        /** @enum {string} */
        CustomFieldType: "text" | "number" | "boolean" | "date" | "datetime" | "select" | "json";
        CustomField: {
            id: number;
            /** @description Upper-cased key, e.g. `COMPANY_SIZE`. */
            key: string;
            displayName?: string;
            type: components["schemas"]["CustomFieldType"];
            category?: string | null;
            visibility?: boolean;
            /** @description e.g. `Manual`, `System`. */
            source?: string;
        };
        /**
         * @description `displayName` (newer pages) or `display_name` (the older page's cURL sample): send one.
         *     The docs' property table is cut off after "Addi…", so unknown properties are accepted.
         */
        CustomFieldInput: {
            /** @description Upper-cased by Minimo; SNAKE_CASE recommended. */
            key: string;
            displayName?: string;
            /** @description The older pages' name for `displayName`. */
            display_name?: string;
            type: components["schemas"]["CustomFieldType"];
            category?: string;
            /** @description Acceptable values for `select` fields (property name is our reading). */
            options?: string[];
        } & {
            [key: string]: unknown;
        };
        CustomFieldResponse: {
            data: components["schemas"]["CustomField"];
        };
        CustomFieldGroups: {
            groups: {
                /** @description Category name; `uncategorized` for fields without one. */
                category: string;
                fields: components["schemas"]["CustomField"][];
            }[];
            total?: number;
        };
        /** @description Pagination fields come with the flat form only. */
        CustomFieldList: {
            data: components["schemas"]["CustomField"][] | components["schemas"]["CustomFieldGroups"];
        } & components["schemas"]["Pagination"];
        EmailTemplate: {
            /** @description Integer per the schema; `tmpl_…` strings per the prose. */
            id: number | string;
            name: string;
            subject?: string;
            /** @description `active`, `draft` or `archived`; only `active` templates can be sent. */
            status?: string;
            /** @description `transactional`, `marketing` or `automated`. */
            category?: string;
            variables?: string[];
            /** Format: date-time */
            created?: string;
            /** Format: date-time */
            updated?: string;
            /** Format: date-time */
            createdAt?: string;
            /** Format: date-time */
            updatedAt?: string;
        };
        /**
         * @description The conventions page's pagination fields, beside `data`: "page … limit … total …
         *     totalPages … hasNext …" (the list is cut off there; `hasPrev` is our reading). Optional,
         *     since no endpoint page shows them.
         */
        Pagination: {
            page?: number;
            limit?: number;
            total?: number;
            totalPages?: number;
            hasNext?: boolean;
            hasPrev?: boolean;
        };
        EmailTemplateList: {
            data: components["schemas"]["EmailTemplate"][];
        } & components["schemas"]["Pagination"];
        SendEmailTemplateInput: {
            /** @description Template id, e.g. `tmpl_abc123`. */
            templateId: string | number;
            /**
             * Format: email
             * @description The recipient's email; a bad one answers 422 `invalid_recipient`.
             */
            recipient: string;
            /** @description Values for the template's `{{variableName}}` placeholders. */
            customFields?: {
                [key: string]: unknown;
            };
        };
        LegacyTransactionalInput: {
            /** @description Template uid (became `templateId` in sendEmailTemplate). */
            uid: string;
            /** Format: email */
            recipient: string;
            customFields?: {
                [key: string]: unknown;
            };
        };
        /** @description Legacy send result; Minimo's prober also reads a `sent` boolean. */
        LegacyStatus: {
            status?: number;
            sent?: boolean;
        };
        /** @description Only `to` is documented as required ("to must be an email"). */
        OneShotEmailInput: {
            /** Format: email */
            to: string;
            subject?: string;
            /** @description HTML body; `{{UNSUBSCRIBE_URL}}`, `{{PREFERENCES_URL}}` are filled per recipient. */
            html?: string;
            /** @description Plain-text fallback (recommended). */
            text?: string;
        };
        /** @enum {string} */
        OneShotEmailStatus: "pending" | "sent" | "failed";
        OneShotEmail: {
            /** @description Opaque sqid, e.g. `DMPNEF8`. */
            id: string;
            status: components["schemas"]["OneShotEmailStatus"];
            /** @description Provider message id. */
            messageId?: string | null;
            /** @description Path of getEmailStats for this email. */
            statsUrl?: string;
            failureReason?: string | null;
        };
        OneShotEmailResponse: {
            data: components["schemas"]["OneShotEmail"];
        };
        EmailStats: {
            id: string;
            status: components["schemas"]["OneShotEmailStatus"];
            to?: string;
            subject?: string;
            /**
             * Format: date-time
             * @description Queue-in time, not provider acceptance.
             */
            sentAt?: string;
            opened?: boolean;
            /** Format: date-time */
            firstOpenAt?: string | null;
            clickCount?: number;
            /** Format: date-time */
            firstClickAt?: string | null;
            failureReason?: string | null;
        };
        EmailStatsResponse: {
            data: components["schemas"]["EmailStats"];
        };
        TransactionalStats: {
            /** Format: date-time */
            created?: string;
            /**
             * @description Percentage string, e.g. `85%`.
             * @example 85%
             */
            openRate?: string;
            /**
             * @description Percentage string, e.g. `12%`.
             * @example 12%
             */
            clickRate?: string;
            totalMessagesSent?: number;
        };
        TransactionalStatsResponse: {
            data: components["schemas"]["TransactionalStats"];
        };
        /**
         * @description The prose documents camelCase fields, the playground snake_case ones
         *     (`created_at`, `quality_score`, `waba_account_id`, …); extra properties are allowed.
         */
        WhatsappTemplate: {
            /** @example tmpl_82jh2asjda */
            id: string;
            name: string;
            /** @example en_US */
            language?: string;
            /** @description `APPROVED` (sendable), `PENDING`, `REJECTED` or `DISABLED`. */
            status?: string;
            /** @description `UTILITY`, `AUTHENTICATION` or `MARKETING`. */
            category?: string;
            namespace?: string;
            /** Format: date-time */
            createdAt?: string;
            /** Format: date-time */
            updatedAt?: string;
            qualityScore?: {
                /** @description `GREEN`, `YELLOW`, `RED` or `UNKNOWN`. */
                score?: string;
                reasons?: string[] | null;
            };
            components?: {
                /** @description `HEADER`, `BODY`, `FOOTER`, `BUTTONS`. */
                type?: string;
                format?: string;
                text?: string;
                example?: Record<string, never>;
            }[];
        };
        WhatsappTemplateList: {
            data: components["schemas"]["WhatsappTemplate"][];
        } & components["schemas"]["Pagination"];
        WhatsappSendInput: {
            recipient: components["schemas"]["Phone"];
            /** @enum {string} */
            type: "template";
            template: {
                /** @description Name of an APPROVED template. */
                name: string;
                /** @description e.g. `en_US` (sent by Minimo's own prober). */
                languageCode?: string;
                components?: {
                    /** @enum {string} */
                    type: "HEADER" | "BODY" | "BUTTON";
                    /**
                     * @description Placeholder values in order (`{{1}}`, `{{2}}`, …). A HEADER's one variable
                     *     may also be an image, document or video (Meta's media object).
                     */
                    parameters?: components["schemas"]["WhatsappParameter"][];
                }[];
            };
        };
        WhatsappParameter: {
            /** @constant */
            type: "text";
            text: string;
        } | {
            /** @constant */
            type: "image";
            image: components["schemas"]["WhatsappMedia"];
        } | {
            /** @constant */
            type: "document";
            document: components["schemas"]["WhatsappMedia"];
        } | {
            /** @constant */
            type: "video";
            video: components["schemas"]["WhatsappMedia"];
        };
        /**
         * @description A header media value in Meta's shape (our reading; Minimo's page only says "Text, image,
         *     document, or video"): a public `link` or an uploaded media `id`.
         */
        WhatsappMedia: {
            /** Format: uri */
            link?: string;
            id?: string;
            caption?: string;
            /** @description Documents only. */
            filename?: string;
        };
        /** @description Tolerant; `success` may be top-level or under `data`, the page shows `{status}`. */
        WhatsappSendResult: {
            success?: boolean;
            status?: number;
            data?: {
                success?: boolean;
            };
        };
    };
    responses: {
        /**
         * @description Malformed request or parameters (`bad_request`, `invalid_group_by`): bad JSON, an
         *     unsupported `Content-Encoding` or charset, a body over 1 MB, a bad query or path value
         *     (conventions: "400 | Bad Request | Invalid request format or parameters", on any endpoint).
         */
        BadRequest: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description The send-html page's own 400: a flat string, "Invalid or missing required field", e.g.
         *     `{"error": "to must be an email"}`.
         */
        SendEmailBadRequest: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "to must be an email"
                 *     }
                 */
                "application/json": components["schemas"]["FlatError"];
            };
        };
        /** @description Missing, malformed, expired or revoked API key. */
        Unauthorized: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "unauthorized",
                 *         "message": "Invalid or missing API key"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The key lacks the permission the operation needs (`x-minimo-permission`). */
        Forbidden: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "forbidden",
                 *         "message": "This API key does not have permission to access this resource"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description No such resource in the key's company (also soft-deleted contacts, and other companies'
         *     ids).
         */
        NotFound: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "not_found",
                 *         "message": "Contact not found"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The resource already exists (`duplicate_resource`, e.g. a custom-field key). */
        Conflict: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "duplicate_resource",
                 *         "message": "A custom field with key COMPANY_SIZE already exists"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The endpoint was removed on 2026-06-01 (legacy sunset). */
        Gone: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "gone",
                 *         "message": "This endpoint was removed on 2026-06-01. See the migration guide."
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description Validation failed (`validation_error`, `invalid_phone_number`, `invalid_recipient`,
         *     `template_not_approved`, `missing_custom_field`, `sender_not_verified`); `details` may
         *     name the field.
         */
        UnprocessableEntity: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "validation_error",
                 *         "message": "Invalid email address",
                 *         "details": {
                 *           "field": "email",
                 *           "value": "invalid-email"
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description Rate limit exceeded. Wait `Retry-After` / `error.retry_after` seconds (the same number as
         *     in the message), then retry with exponential backoff.
         */
        TooManyRequests: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "rate_limit_exceeded",
                 *         "message": "Rate limit exceeded. Please retry after 60 seconds.",
                 *         "retry_after": 60
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description Server error ("contact support"). The error code is not documented; `internal_error` is
         *     our example.
         */
        InternalServerError: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "internal_error",
                 *         "message": "Internal server error"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description Temporary service disruption; retry after `Retry-After` seconds when sent. The error code
         *     is not documented; `service_unavailable` is our example.
         */
        ServiceUnavailable: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "service_unavailable",
                 *         "message": "Service temporarily unavailable"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
    };
    parameters: {
        /**
         * @description Contact id (an integer; `cnt_…` strings in the conventions page are illustrative only),
         *     in decimal digits. Our bound: at most 2^53 − 1, the largest id a JSON number carries
         *     exactly; anything else (`1e3`, a fraction, a larger number) answers 400 `bad_request`.
         * @example 42
         */
        ContactId: number;
        /**
         * @description Id of the email template (transactional message): an integer (the page's schema) or a
         *     `tmpl_…` string (the page's own use-case code, the migration guide).
         * @example 123
         */
        TransactionalId: number | string;
        /**
         * @description Page number (conventions page), from 1, in decimal digits. Default 1. Our bound: at most
         *     2147483647 (the docs give none); a value out of range or not a whole decimal number
         *     (`1e309`, `Infinity`, `1.5`, `0x10`) answers 400 `bad_request` naming `page`.
         */
        Page: number;
        /**
         * @description Items per page (conventions page), in decimal digits. Default 25, at most 100; anything
         *     else answers 400 `bad_request` naming `limit`.
         */
        Limit: number;
    };
    requestBodies: never;
    headers: {
        /**
         * @description Requests allowed in the current rate-limit window. Not documented by Minimo (its docs only
         *     say "check the `X-RateLimit-*` headers"): optional, may be absent.
         * @example 100
         */
        "X-RateLimit-Limit": number;
        /**
         * @description Requests left in the current rate-limit window. Not documented by Minimo: optional, may be
         *     absent.
         * @example 42
         */
        "X-RateLimit-Remaining": number;
        /**
         * @description When the current window resets. Our reading: Unix epoch seconds (as GitHub sends). Minimo
         *     does not document the header or its encoding, so clients should also accept delta-seconds
         *     (seconds until reset; a value below ~10^9 is a delta). Optional, may be absent.
         * @example 1795795200
         */
        "X-RateLimit-Reset": number;
        /**
         * @description Seconds to wait before retrying (integer delta-seconds), sent with 429 and 503; the 429
         *     body repeats it as `error.retry_after`. Not documented by Minimo as a header: optional,
         *     may be absent.
         * @example 60
         */
        "Retry-After": number;
    };
    pathItems: never;
}
export type SchemaErrorEnvelope = components['schemas']['ErrorEnvelope'];
export type SchemaFlatError = components['schemas']['FlatError'];
export type SchemaErrorObject = components['schemas']['ErrorObject'];
export type SchemaPhone = components['schemas']['Phone'];
export type SchemaCustomFieldValues = components['schemas']['CustomFieldValues'];
export type SchemaMarketingConsent = components['schemas']['MarketingConsent'];
export type SchemaContact = components['schemas']['Contact'];
export type SchemaContactResponse = components['schemas']['ContactResponse'];
export type SchemaContactInput = components['schemas']['ContactInput'];
export type SchemaContactUpdate = components['schemas']['ContactUpdate'];
export type SchemaUpsertContactResult = components['schemas']['UpsertContactResult'];
export type SchemaUpdatedContact = components['schemas']['UpdatedContact'];
export type SchemaCustomFieldType = components['schemas']['CustomFieldType'];
export type SchemaCustomField = components['schemas']['CustomField'];
export type SchemaCustomFieldInput = components['schemas']['CustomFieldInput'];
export type SchemaCustomFieldResponse = components['schemas']['CustomFieldResponse'];
export type SchemaCustomFieldGroups = components['schemas']['CustomFieldGroups'];
export type SchemaCustomFieldList = components['schemas']['CustomFieldList'];
export type SchemaEmailTemplate = components['schemas']['EmailTemplate'];
export type SchemaPagination = components['schemas']['Pagination'];
export type SchemaEmailTemplateList = components['schemas']['EmailTemplateList'];
export type SchemaSendEmailTemplateInput = components['schemas']['SendEmailTemplateInput'];
export type SchemaLegacyTransactionalInput = components['schemas']['LegacyTransactionalInput'];
export type SchemaLegacyStatus = components['schemas']['LegacyStatus'];
export type SchemaOneShotEmailInput = components['schemas']['OneShotEmailInput'];
export type SchemaOneShotEmailStatus = components['schemas']['OneShotEmailStatus'];
export type SchemaOneShotEmail = components['schemas']['OneShotEmail'];
export type SchemaOneShotEmailResponse = components['schemas']['OneShotEmailResponse'];
export type SchemaEmailStats = components['schemas']['EmailStats'];
export type SchemaEmailStatsResponse = components['schemas']['EmailStatsResponse'];
export type SchemaTransactionalStats = components['schemas']['TransactionalStats'];
export type SchemaTransactionalStatsResponse = components['schemas']['TransactionalStatsResponse'];
export type SchemaWhatsappTemplate = components['schemas']['WhatsappTemplate'];
export type SchemaWhatsappTemplateList = components['schemas']['WhatsappTemplateList'];
export type SchemaWhatsappSendInput = components['schemas']['WhatsappSendInput'];
export type SchemaWhatsappParameter = components['schemas']['WhatsappParameter'];
export type SchemaWhatsappMedia = components['schemas']['WhatsappMedia'];
export type SchemaWhatsappSendResult = components['schemas']['WhatsappSendResult'];
export type ResponseBadRequest = components['responses']['BadRequest'];
export type ResponseSendEmailBadRequest = components['responses']['SendEmailBadRequest'];
export type ResponseUnauthorized = components['responses']['Unauthorized'];
export type ResponseForbidden = components['responses']['Forbidden'];
export type ResponseNotFound = components['responses']['NotFound'];
export type ResponseConflict = components['responses']['Conflict'];
export type ResponseGone = components['responses']['Gone'];
export type ResponseUnprocessableEntity = components['responses']['UnprocessableEntity'];
export type ResponseTooManyRequests = components['responses']['TooManyRequests'];
export type ResponseInternalServerError = components['responses']['InternalServerError'];
export type ResponseServiceUnavailable = components['responses']['ServiceUnavailable'];
export type ParameterContactId = components['parameters']['ContactId'];
export type ParameterTransactionalId = components['parameters']['TransactionalId'];
export type ParameterPage = components['parameters']['Page'];
export type ParameterLimit = components['parameters']['Limit'];
export type HeaderXRateLimitLimit = components['headers']['X-RateLimit-Limit'];
export type HeaderXRateLimitRemaining = components['headers']['X-RateLimit-Remaining'];
export type HeaderXRateLimitReset = components['headers']['X-RateLimit-Reset'];
export type HeaderRetryAfter = components['headers']['Retry-After'];
export type $defs = Record<string, never>;
export interface operations {
    upsertContact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ada@example.com",
                 *       "firstName": "Ada",
                 *       "lastName": "Lovelace",
                 *       "phone": "+393471234567",
                 *       "customFields": {
                 *         "COMPANY_SIZE": "50"
                 *       },
                 *       "marketingConsent": {
                 *         "email": true,
                 *         "whatsapp": false
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ContactInput"];
            };
        };
        responses: {
            /** @description Contact created or updated. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "contactId": "42"
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["UpsertContactResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    upsertContactUpsertPath: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ada@example.com",
                 *       "firstName": "Ada",
                 *       "lastName": "Lovelace",
                 *       "phone": "+393471234567",
                 *       "customFields": {
                 *         "COMPANY_SIZE": "50"
                 *       },
                 *       "marketingConsent": {
                 *         "email": true,
                 *         "whatsapp": false
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ContactInput"];
            };
        };
        responses: {
            /** @description Contact created or updated. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "contactId": "42"
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["UpsertContactResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getContactByEmail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The contact's email address, raw (`ada+news@example.com`): clients percent-encode path
                 *     parameters themselves. Only a hand-built URL encodes it (`encodeURIComponent`).
                 * @example ada@example.com
                 */
                email: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contact. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "id": 42,
                     *         "email": "ada@example.com",
                     *         "phone": "+393471234567",
                     *         "status": "active",
                     *         "source": "API",
                     *         "custom_fields": {
                     *           "COMPANY_SIZE": "50"
                     *         },
                     *         "company": 7,
                     *         "deleted": false,
                     *         "external_id": null,
                     *         "external_connection_id": null
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ContactResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Contact id (an integer; `cnt_…` strings in the conventions page are illustrative only),
                 *     in decimal digits. Our bound: at most 2^53 − 1, the largest id a JSON number carries
                 *     exactly; anything else (`1e3`, a fraction, a larger number) answers 400 `bad_request`.
                 * @example 42
                 */
                id: components["parameters"]["ContactId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ada.lovelace@example.com",
                 *       "marketingConsent": {
                 *         "whatsapp": true
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ContactUpdate"];
            };
        };
        responses: {
            /** @description The contact was updated. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 123,
                     *       "phone": "+393471234567"
                     *     }
                     */
                    "application/json": components["schemas"]["UpdatedContact"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Contact id (an integer; `cnt_…` strings in the conventions page are illustrative only),
                 *     in decimal digits. Our bound: at most 2^53 − 1, the largest id a JSON number carries
                 *     exactly; anything else (`1e3`, a fraction, a larger number) answers 400 `bad_request`.
                 * @example 42
                 */
                id: components["parameters"]["ContactId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contact was soft-deleted. */
            204: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCustomFields: {
        parameters: {
            query?: {
                /**
                 * @description Page number (conventions page), from 1, in decimal digits. Default 1. Our bound: at most
                 *     2147483647 (the docs give none); a value out of range or not a whole decimal number
                 *     (`1e309`, `Infinity`, `1.5`, `0x10`) answers 400 `bad_request` naming `page`.
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description Items per page (conventions page), in decimal digits. Default 25, at most 100; anything
                 *     else answers 400 `bad_request` naming `limit`.
                 */
                limit?: components["parameters"]["Limit"];
                /** @description Group the fields by category. Only `category` is accepted. */
                groupBy?: "category";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The custom fields, flat (`data` is an array) or grouped (`data.groups`). */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomFieldList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createCustomField: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "key": "COMPANY_SIZE",
                 *       "displayName": "Company size",
                 *       "type": "number",
                 *       "category": "Company Info"
                 *     }
                 */
                "application/json": components["schemas"]["CustomFieldInput"];
            };
        };
        responses: {
            /** @description The custom field was created. */
            201: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "id": 1,
                     *         "key": "COMPANY_SIZE",
                     *         "displayName": "Company size",
                     *         "type": "number",
                     *         "category": "Company Info",
                     *         "visibility": true,
                     *         "source": "Manual"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CustomFieldResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCustomFieldsV1: {
        parameters: {
            query?: {
                /**
                 * @description Page number (conventions page), from 1, in decimal digits. Default 1. Our bound: at most
                 *     2147483647 (the docs give none); a value out of range or not a whole decimal number
                 *     (`1e309`, `Infinity`, `1.5`, `0x10`) answers 400 `bad_request` naming `page`.
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description Items per page (conventions page), in decimal digits. Default 25, at most 100; anything
                 *     else answers 400 `bad_request` naming `limit`.
                 */
                limit?: components["parameters"]["Limit"];
                /** @description Group the fields by category. Only `category` is accepted. */
                groupBy?: "category";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The custom fields, flat (`data` is an array) or grouped (`data.groups`). */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomFieldList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createCustomFieldV1: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "key": "COMPANY_SIZE",
                 *       "displayName": "Company size",
                 *       "type": "number",
                 *       "category": "Company Info"
                 *     }
                 */
                "application/json": components["schemas"]["CustomFieldInput"];
            };
        };
        responses: {
            /** @description The custom field was created. */
            201: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "id": 1,
                     *         "key": "COMPANY_SIZE",
                     *         "displayName": "Company size",
                     *         "type": "number",
                     *         "category": "Company Info",
                     *         "visibility": true,
                     *         "source": "Manual"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CustomFieldResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    sendEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "to": "ada@example.com",
                 *       "subject": "Your invoice",
                 *       "html": "<html><body><p>Hello Ada</p></body></html>",
                 *       "text": "Hello Ada"
                 *     }
                 */
                "application/json": components["schemas"]["OneShotEmailInput"];
            };
        };
        responses: {
            /** @description Accepted; check `data.status`. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "id": "DMPNEF8",
                     *         "status": "sent",
                     *         "messageId": "0100019c8b3d4a4f-example",
                     *         "statsUrl": "/public/v1/emails/DMPNEF8/stats"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["OneShotEmailResponse"];
                };
            };
            400: components["responses"]["SendEmailBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getEmailStats: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The email id returned by sendEmail (opaque sqid string).
                 * @example DMPNEF8
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The email's statistics. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "id": "DMPNEF8",
                     *         "status": "sent",
                     *         "to": "ada@example.com",
                     *         "subject": "Your invoice",
                     *         "sentAt": "2026-06-11T09:50:39.760Z",
                     *         "opened": true,
                     *         "firstOpenAt": "2026-06-11T10:02:11.000Z",
                     *         "clickCount": 2,
                     *         "firstClickAt": "2026-06-11T10:03:45.000Z",
                     *         "failureReason": null
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["EmailStatsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getTransactionalStats: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Id of the email template (transactional message): an integer (the page's schema) or a
                 *     `tmpl_…` string (the page's own use-case code, the migration guide).
                 * @example 123
                 */
                id: components["parameters"]["TransactionalId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template's statistics. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "created": "2026-06-11T09:50:39.760Z",
                     *         "openRate": "85%",
                     *         "clickRate": "12%",
                     *         "totalMessagesSent": 1500
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["TransactionalStatsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listWhatsappTemplates: {
        parameters: {
            query?: {
                /**
                 * @description Page number (conventions page), from 1, in decimal digits. Default 1. Our bound: at most
                 *     2147483647 (the docs give none); a value out of range or not a whole decimal number
                 *     (`1e309`, `Infinity`, `1.5`, `0x10`) answers 400 `bad_request` naming `page`.
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description Items per page (conventions page), in decimal digits. Default 25, at most 100; anything
                 *     else answers 400 `bad_request` naming `limit`.
                 */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The templates. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "tmpl_82jh2asjda",
                     *           "name": "order_shipped",
                     *           "language": "en_US",
                     *           "status": "APPROVED",
                     *           "category": "UTILITY",
                     *           "namespace": "4a1b_example",
                     *           "createdAt": "2025-11-13T10:30:00Z",
                     *           "updatedAt": "2025-11-13T10:30:00Z",
                     *           "qualityScore": {
                     *             "score": "GREEN",
                     *             "reasons": null
                     *           },
                     *           "components": [
                     *             {
                     *               "type": "BODY",
                     *               "text": "Hi {{1}}, your order {{2}} has shipped.",
                     *               "example": {
                     *                 "bodyText": [
                     *                   [
                     *                     "Ada",
                     *                     "1042"
                     *                   ]
                     *                 ]
                     *               }
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["WhatsappTemplateList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    sendWhatsappTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "recipient": "+393471234567",
                 *       "type": "template",
                 *       "template": {
                 *         "name": "order_shipped",
                 *         "languageCode": "en_US",
                 *         "components": [
                 *           {
                 *             "type": "BODY",
                 *             "parameters": [
                 *               {
                 *                 "type": "text",
                 *                 "text": "Ada"
                 *               },
                 *               {
                 *                 "type": "text",
                 *                 "text": "1042"
                 *               }
                 *             ]
                 *           }
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["WhatsappSendInput"];
            };
        };
        responses: {
            /** @description The message was accepted. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["WhatsappSendResult"];
                };
            };
            /** @description The message was accepted (seen in production instead of 200). */
            201: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "success": true
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["WhatsappSendResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listWhatsappTemplatesApp: {
        parameters: {
            query?: {
                /**
                 * @description Page number (conventions page), from 1, in decimal digits. Default 1. Our bound: at most
                 *     2147483647 (the docs give none); a value out of range or not a whole decimal number
                 *     (`1e309`, `Infinity`, `1.5`, `0x10`) answers 400 `bad_request` naming `page`.
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description Items per page (conventions page), in decimal digits. Default 25, at most 100; anything
                 *     else answers 400 `bad_request` naming `limit`.
                 */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The templates. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "tmpl_82jh2asjda",
                     *           "name": "order_shipped",
                     *           "language": "en_US",
                     *           "status": "APPROVED",
                     *           "category": "UTILITY",
                     *           "namespace": "4a1b_example",
                     *           "createdAt": "2025-11-13T10:30:00Z",
                     *           "updatedAt": "2025-11-13T10:30:00Z",
                     *           "qualityScore": {
                     *             "score": "GREEN",
                     *             "reasons": null
                     *           },
                     *           "components": [
                     *             {
                     *               "type": "BODY",
                     *               "text": "Hi {{1}}, your order {{2}} has shipped.",
                     *               "example": {
                     *                 "bodyText": [
                     *                   [
                     *                     "Ada",
                     *                     "1042"
                     *                   ]
                     *                 ]
                     *               }
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["WhatsappTemplateList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    sendWhatsappTemplateApp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "recipient": "+393471234567",
                 *       "type": "template",
                 *       "template": {
                 *         "name": "order_shipped",
                 *         "languageCode": "en_US",
                 *         "components": [
                 *           {
                 *             "type": "BODY",
                 *             "parameters": [
                 *               {
                 *                 "type": "text",
                 *                 "text": "Ada"
                 *               },
                 *               {
                 *                 "type": "text",
                 *                 "text": "1042"
                 *               }
                 *             ]
                 *           }
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["WhatsappSendInput"];
            };
        };
        responses: {
            /** @description The message was accepted. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["WhatsappSendResult"];
                };
            };
            /** @description The message was accepted (seen in production instead of 200). */
            201: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": {
                     *         "success": true
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["WhatsappSendResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listEmailTemplates: {
        parameters: {
            query?: {
                /**
                 * @description Page number (conventions page), from 1, in decimal digits. Default 1. Our bound: at most
                 *     2147483647 (the docs give none); a value out of range or not a whole decimal number
                 *     (`1e309`, `Infinity`, `1.5`, `0x10`) answers 400 `bad_request` naming `page`.
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description Items per page (conventions page), in decimal digits. Default 25, at most 100; anything
                 *     else answers 400 `bad_request` naming `limit`.
                 */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The email templates. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": 123,
                     *           "name": "Order confirmation",
                     *           "created": "2025-11-13T10:30:00Z",
                     *           "updated": "2025-11-13T10:30:00Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["EmailTemplateList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    sendEmailTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "templateId": "tmpl_abc123",
                 *       "recipient": "ada@example.com",
                 *       "customFields": {
                 *         "firstName": "Ada"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["SendEmailTemplateInput"];
            };
        };
        responses: {
            /** @description The email was accepted. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": 200
                     *     }
                     */
                    "application/json": components["schemas"]["LegacyStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    upsertContactLegacy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ada@example.com",
                 *       "firstName": "Ada",
                 *       "tags": [
                 *         "newsletter"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ContactInput"];
            };
        };
        responses: {
            /** @description Contact created or updated. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "contactId": "42"
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["UpsertContactResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getEmailTemplateStatsLegacy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Id of the email template (transactional message): an integer (the page's schema) or a
                 *     `tmpl_…` string (the page's own use-case code, the migration guide).
                 * @example 123
                 */
                id: components["parameters"]["TransactionalId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template's statistics. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "created": "2025-11-13T10:30:00Z",
                     *       "openRate": "85%",
                     *       "clickRate": "12%",
                     *       "totalMessagesSent": 1500
                     *     }
                     */
                    "application/json": components["schemas"]["TransactionalStats"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    sendTransactionalLegacy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "uid": "welcome-email",
                 *       "recipient": "ada@example.com",
                 *       "customFields": {
                 *         "firstName": "Ada"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["LegacyTransactionalInput"];
            };
        };
        responses: {
            /** @description The email was accepted (before the sunset). */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": 200,
                     *       "sent": true
                     *     }
                     */
                    "application/json": components["schemas"]["LegacyStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            410: components["responses"]["Gone"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    sendWhatsappLegacy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "recipient": "+393471234567",
                 *       "type": "template",
                 *       "template": {
                 *         "name": "order_shipped",
                 *         "languageCode": "en_US"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["WhatsappSendInput"];
            };
        };
        responses: {
            /** @description The message was accepted (before the sunset). */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": 200
                     *     }
                     */
                    "application/json": components["schemas"]["LegacyStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            410: components["responses"]["Gone"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listWhatsappTemplatesLegacy: {
        parameters: {
            query?: {
                /**
                 * @description Page number (conventions page), from 1, in decimal digits. Default 1. Our bound: at most
                 *     2147483647 (the docs give none); a value out of range or not a whole decimal number
                 *     (`1e309`, `Infinity`, `1.5`, `0x10`) answers 400 `bad_request` naming `page`.
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description Items per page (conventions page), in decimal digits. Default 25, at most 100; anything
                 *     else answers 400 `bad_request` naming `limit`.
                 */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The templates (before the sunset). */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "tmpl_82jh2asjda",
                     *           "name": "order_shipped",
                     *           "status": "APPROVED"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["WhatsappTemplateList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            410: components["responses"]["Gone"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
