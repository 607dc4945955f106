// TLS and basic auth for the exporter's listeners, in Prometheus exporter-toolkit terms.
export {
  createBasicAuth,
  dummyHashFor,
  OPEN_PATHS,
  parseBasicAuth,
  protect,
  sendBusy,
  sendUnauthorized,
  type AuthResult,
  type BasicAuth,
  type BasicAuthUsers,
} from "./basic-auth.js";
export { BcryptPool, MAX_PENDING_VERIFICATIONS, type Verdict } from "./bcrypt-pool.js";
export { loadWebConfig, type WebConfig } from "./load.js";
export {
  createWebServer,
  FIRST_REQUEST_SECONDS,
  HEADERS_SECONDS,
  isTlsServer,
  KEEP_ALIVE_SECONDS,
  rawSocket,
  updateTls,
  type ConnectionLimits,
  type RequestHandler,
} from "./server.js";
export { loadTlsMaterial, type TlsFiles, type TlsMaterial } from "../../config/tls-material.js";
export { createListeners, type Listeners } from "./listeners.js";
