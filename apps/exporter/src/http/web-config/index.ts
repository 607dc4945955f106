// TLS and basic auth for the exporter's listeners, in Prometheus exporter-toolkit terms.
export { createBasicAuth, OPEN_PATHS, parseBasicAuth, protect, sendUnauthorized, type BasicAuth, type BasicAuthUsers } from "./basic-auth.js";
export { loadWebConfig, type WebConfig } from "./load.js";
export { createWebServer, isTlsServer, updateTls, type RequestHandler } from "./server.js";
export { loadTlsMaterial, type TlsFiles, type TlsMaterial } from "./tls.js";
export { createListeners, type Listeners } from "./listeners.js";
