// The sandbox's data, in memory. One company (id 7) owns everything: every key sees the same
// contacts, so a read-only dashboard key sees what a write key created. Seeded with a few
// templates so the list and send operations have something to work with.

/** The company every sandbox key belongs to. */
export const COMPANY_ID = 7;

export interface ContactRecord {
  id: number;
  email: string | null;
  phone: string | null;
  firstName?: string;
  lastName?: string;
  status: string;
  source: string;
  custom_fields: Record<string, unknown>;
  marketingConsent: { email?: boolean; whatsapp?: boolean };
  tags: string[];
  company: number;
  deleted: boolean;
  external_id: string | null;
  external_connection_id: number | null;
}

export interface CustomFieldRecord {
  id: number;
  key: string;
  displayName: string;
  type: string;
  category: string | null;
  visibility: boolean;
  source: string;
  options?: string[];
}

export interface EmailTemplateRecord {
  id: number;
  /** Other ids the template answers to: the `tmpl_…` id and the legacy `uid`. */
  aliases: string[];
  name: string;
  subject: string;
  status: "active" | "draft" | "archived";
  category: string;
  variables: string[];
  /** False: sends answer `sender_not_verified` (the template's sender domain is not verified). */
  senderVerified: boolean;
  created: string;
  updated: string;
  stats: { created: string; totalMessagesSent: number; opens: number; clicks: number };
}

export interface EmailRecord {
  id: string;
  status: "pending" | "sent" | "failed";
  to: string;
  subject: string;
  messageId: string | null;
  sentAt: string;
  opened: boolean;
  firstOpenAt: string | null;
  clickCount: number;
  firstClickAt: string | null;
  failureReason: string | null;
}

export interface WhatsappTemplateRecord {
  id: string;
  name: string;
  language: string;
  status: "APPROVED" | "PENDING" | "REJECTED" | "DISABLED";
  category: string;
  namespace: string;
  createdAt: string;
  updatedAt: string;
  qualityScore: { score: string; reasons: string[] | null };
  components: { type: string; text: string }[];
}

export interface WhatsappMessageRecord {
  id: number;
  recipient: string;
  template: string;
  at: string;
}

const SEEDED_AT = "2025-11-13T10:30:00Z";

export class SimState {
  contacts = new Map<number, ContactRecord>();
  customFields = new Map<string, CustomFieldRecord>();
  emailTemplates: EmailTemplateRecord[] = [];
  emails = new Map<string, EmailRecord>();
  whatsappTemplates: WhatsappTemplateRecord[] = [];
  whatsappMessages: WhatsappMessageRecord[] = [];
  #nextContactId = 1;
  #nextFieldId = 1;
  #nextEmail = 1;

  constructor() {
    this.reset();
  }

  /** Back to the seeded data set. */
  reset(): void {
    this.contacts.clear();
    this.customFields.clear();
    this.emails.clear();
    this.whatsappMessages = [];
    this.#nextContactId = 1;
    this.#nextFieldId = 1;
    this.#nextEmail = 1;
    for (const [key, displayName] of [
      ["FIRST_NAME", "First name"],
      ["LAST_NAME", "Last name"],
    ] as const) {
      this.addCustomField({ key, displayName, type: "text", category: null, source: "System" });
    }
    this.emailTemplates = [
      {
        id: 123,
        aliases: ["tmpl_abc123", "welcome-email", "tmpl_welcome"],
        name: "Order confirmation",
        subject: "Your order",
        status: "active",
        category: "transactional",
        variables: ["firstName"],
        senderVerified: true,
        created: SEEDED_AT,
        updated: SEEDED_AT,
        stats: { created: SEEDED_AT, totalMessagesSent: 1500, opens: 1275, clicks: 180 },
      },
      {
        id: 124,
        aliases: ["tmpl_draft01"],
        name: "Spring newsletter",
        subject: "News",
        status: "draft",
        category: "marketing",
        variables: [],
        senderVerified: true,
        created: SEEDED_AT,
        updated: SEEDED_AT,
        stats: { created: SEEDED_AT, totalMessagesSent: 0, opens: 0, clicks: 0 },
      },
      {
        id: 125,
        aliases: ["tmpl_unverified"],
        name: "Unverified sender",
        subject: "Hello",
        status: "active",
        category: "transactional",
        variables: [],
        senderVerified: false,
        created: SEEDED_AT,
        updated: SEEDED_AT,
        stats: { created: SEEDED_AT, totalMessagesSent: 0, opens: 0, clicks: 0 },
      },
      // The stats page's A/B example ids and the send page's order-confirmation example.
      {
        id: 126,
        aliases: ["tmpl_variant_a"],
        name: "Welcome A",
        subject: "Welcome",
        status: "active",
        category: "transactional",
        variables: [],
        senderVerified: true,
        created: SEEDED_AT,
        updated: SEEDED_AT,
        stats: { created: SEEDED_AT, totalMessagesSent: 200, opens: 120, clicks: 20 },
      },
      {
        id: 127,
        aliases: ["tmpl_variant_b"],
        name: "Welcome B",
        subject: "Welcome!",
        status: "active",
        category: "transactional",
        variables: [],
        senderVerified: true,
        created: SEEDED_AT,
        updated: SEEDED_AT,
        stats: { created: SEEDED_AT, totalMessagesSent: 200, opens: 130, clicks: 34 },
      },
      {
        id: 128,
        aliases: ["tmpl_order_confirm"],
        name: "Order placed",
        subject: "Thanks for your order",
        status: "active",
        category: "transactional",
        variables: ["orderNumber"],
        senderVerified: true,
        created: SEEDED_AT,
        updated: SEEDED_AT,
        stats: { created: SEEDED_AT, totalMessagesSent: 0, opens: 0, clicks: 0 },
      },
    ];
    // The html-stats page's example email, so its documented request has its documented answer.
    this.emails.set("DMPNEF8", {
      id: "DMPNEF8",
      status: "sent",
      to: "customer@example.com",
      subject: "Your receipt",
      messageId: "0100019c8b3d4a4f-sim",
      sentAt: "2026-05-19T10:30:00Z",
      opened: true,
      firstOpenAt: "2026-05-19T10:32:14Z",
      clickCount: 2,
      firstClickAt: "2026-05-19T10:33:05Z",
      failureReason: null,
    });
    this.whatsappTemplates = [
      // The send page's example template.
      {
        id: "tmpl_5ordconf0001",
        name: "order_confirmation",
        language: "en_US",
        status: "APPROVED",
        category: "UTILITY",
        namespace: "4a1b_example",
        createdAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
        qualityScore: { score: "GREEN", reasons: null },
        components: [{ type: "BODY", text: "Hi {{1}}, your order {{2}} is confirmed." }],
      },
      {
        id: "tmpl_82jh2asjda",
        name: "order_shipped",
        language: "en_US",
        status: "APPROVED",
        category: "UTILITY",
        namespace: "4a1b_example",
        createdAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
        qualityScore: { score: "GREEN", reasons: null },
        components: [{ type: "BODY", text: "Hi {{1}}, your order {{2}} has shipped." }],
      },
      {
        id: "tmpl_9kq1promo00",
        name: "spring_promo",
        language: "en_US",
        status: "PENDING",
        category: "MARKETING",
        namespace: "4a1b_example",
        createdAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
        qualityScore: { score: "UNKNOWN", reasons: null },
        components: [{ type: "BODY", text: "Spring sale: {{1}} off." }],
      },
    ];
  }

  newContact(): ContactRecord {
    const c: ContactRecord = {
      id: this.#nextContactId++,
      email: null,
      phone: null,
      status: "active",
      source: "API",
      custom_fields: {},
      marketingConsent: {},
      tags: [],
      company: COMPANY_ID,
      deleted: false,
      external_id: null,
      external_connection_id: null,
    };
    this.contacts.set(c.id, c);
    return c;
  }

  /** A live or soft-deleted contact by email (case-insensitive). */
  findByEmail(email: string): ContactRecord | undefined {
    const wanted = email.toLowerCase();
    for (const c of this.contacts.values()) if (c.email?.toLowerCase() === wanted) return c;
    return undefined;
  }

  findByPhone(phone: string): ContactRecord | undefined {
    const wanted = phone.replace(/^\+/, "");
    for (const c of this.contacts.values()) if (c.phone?.replace(/^\+/, "") === wanted) return c;
    return undefined;
  }

  addCustomField(f: Omit<CustomFieldRecord, "id" | "visibility">): CustomFieldRecord {
    const record = { id: this.#nextFieldId++, visibility: true, ...f };
    this.customFields.set(record.key, record);
    return record;
  }

  findEmailTemplate(id: string | number): EmailTemplateRecord | undefined {
    const s = String(id);
    return this.emailTemplates.find((t) => String(t.id) === s || t.aliases.includes(s));
  }

  /** A new one-shot email id, opaque like Minimo's sqids (`E00001A`…). */
  nextEmailId(): string {
    return `E${(this.#nextEmail++).toString(36).toUpperCase().padStart(5, "0")}A`;
  }
}

/** `1275 of 1500` → `"85%"`, as Minimo formats rates. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? "0%" : `${Math.round((part / whole) * 100)}%`;
}
