// The `--web.config.file` format of the Prometheus exporter-toolkit, the subset this exporter
// serves: TLS (certificate, key, optional client certificates, TLS versions) and basic auth with
// bcrypt hashes. Unknown fields are errors, as in the toolkit (its YAML is read strictly).
import { z } from "zod";

const tlsVersion = z.enum(["TLS10", "TLS11", "TLS12", "TLS13"]);

export const tlsServerConfigSchema = z.strictObject({
  cert_file: z.string().min(1),
  key_file: z.string().min(1),
  // The toolkit's other modes (RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven)
  // have no exact Node equivalent; they are rejected rather than approximated.
  client_auth_type: z.enum(["NoClientCert", "RequireAndVerifyClientCert"]).optional(),
  client_ca_file: z.string().min(1).optional(),
  min_version: tlsVersion.optional(),
  max_version: tlsVersion.optional(),
});

/** A bcrypt hash as htpasswd -B / the toolkit's `genpass` write it: `$2a$`, `$2b$` or `$2y$`, cost, 53 characters. */
const BCRYPT = /^\$2[aby]\$(0[4-9]|[12]\d|3[01])\$[./A-Za-z0-9]{53}$/;

export const webConfigSchema = z.strictObject({
  tls_server_config: tlsServerConfigSchema.optional(),
  http_server_config: z.strictObject({ headers: z.record(z.string(), z.string()).optional() }).optional(),
  basic_auth_users: z
    .record(
      z
        .string()
        .min(1)
        .refine((u) => !u.includes(":"), { message: "a user name must not contain ':'" }),
      z.string().regex(BCRYPT, { message: "must be a bcrypt hash ($2y$10$...), not a plain password" }),
    )
    .optional(),
});

export type RawWebConfig = z.infer<typeof webConfigSchema>;
export type RawTlsServerConfig = z.infer<typeof tlsServerConfigSchema>;
