// The exporter's own metric families (public API, like @minimo/metrics' names): dashboards and
// alert rules are written against these names and help strings.

export const GATEWAY_UNKNOWN_KEY_REQUESTS_TOTAL = "minimo_gateway_unknown_key_requests_total";
export const GATEWAY_UNKNOWN_KEY_REQUESTS_TOTAL_HELP =
  'Requests through the gateway whose API key is not configured (or missing), by HTTP status code ("error" when no response came back).';

export const KEY_UP = "minimo_key_up";
export const KEY_UP_HELP =
  "1 if the last probe of the key authenticated (an answer only a known key gets: 2xx, 403, 404 or 429, and no 401), else 0 (401, only 5xx, or no answer). Absent before the first probe.";

export const KEY_PERMITTED = "minimo_key_permitted";
export const KEY_PERMITTED_HELP = "1 if the last probe of the operation was allowed (2xx or 404), 0 if it was forbidden (403); unchanged on other outcomes.";

// Probe traffic is the exporter's own, never an application's: it is counted here and nowhere
// in minimo_api_* (which holds what the gateway and in-process clients saw apps do).
export const KEY_PROBES_TOTAL = "minimo_key_probes_total";
export const KEY_PROBES_TOTAL_HELP = "Probe calls the exporter made with the key that got an HTTP response, by status code (401 created at 0). Not counted in minimo_api_*.";

export const KEY_PROBE_ERRORS_TOTAL = "minimo_key_probe_errors_total";
export const KEY_PROBE_ERRORS_TOTAL_HELP =
  "Probe calls the exporter made with the key that got no HTTP response, by reason (timeout, network, aborted; each created at 0). Not counted in minimo_api_*.";

export const KEY_PROBE_DURATION_SECONDS = "minimo_key_probe_duration_seconds";
export const KEY_PROBE_DURATION_SECONDS_HELP = "Duration of the last completed probe of the key, in seconds.";

export const KEY_LAST_SUCCESS_TIMESTAMP_SECONDS = "minimo_key_last_success_timestamp_seconds";
export const KEY_LAST_SUCCESS_TIMESTAMP_SECONDS_HELP =
  "When a probe of the key last authenticated, as Unix epoch seconds (probes are cached for probe min_interval_seconds; the age of this value is the age of the data).";

export const KEY_INFO = "minimo_key_info";
export const KEY_INFO_HELP =
  "Configured API keys: alias, the non-secret client id of the key, and its owner and environment from the key inventory (empty when not declared). Always 1.";

export const KEY_EXPIRY_TIMESTAMP_SECONDS = "minimo_key_expiry_timestamp_seconds";
export const KEY_EXPIRY_TIMESTAMP_SECONDS_HELP = "When the key expires, as Unix epoch seconds (from the config's expires field).";

export const CONFIG_LAST_RELOAD_SUCCESSFUL = "minimo_exporter_config_last_reload_successful";
export const CONFIG_LAST_RELOAD_SUCCESSFUL_HELP = "1 if the last configuration (re)load succeeded, else 0.";

export const CONFIG_LAST_RELOAD_SUCCESS_TIMESTAMP_SECONDS = "minimo_exporter_config_last_reload_success_timestamp_seconds";
export const CONFIG_LAST_RELOAD_SUCCESS_TIMESTAMP_SECONDS_HELP = "When the configuration was last loaded successfully, as Unix epoch seconds.";

export const BUILD_INFO = "minimo_exporter_build_info";
export const BUILD_INFO_HELP = "Build of the exporter. Always 1.";

export const GATEWAY_OWN_RESPONSES_TOTAL = "minimo_gateway_own_responses_total";
export const GATEWAY_OWN_RESPONSES_TOTAL_HELP = "Answers the gateway made itself instead of forwarding one from the API, by status code and reason (see the exporter README).";

export const GATEWAY_REJECTED_CONNECTIONS_TOTAL = "minimo_gateway_rejected_connections_total";
export const GATEWAY_REJECTED_CONNECTIONS_TOTAL_HELP = "Client connections the gateway closed at accept because gateway.max_connections were already open.";

export const GATEWAY_OPEN_CONNECTIONS = "minimo_gateway_open_connections";
export const GATEWAY_OPEN_CONNECTIONS_HELP = "Client connections open to the gateway.";

export const GATEWAY_IN_FLIGHT_REQUESTS = "minimo_gateway_in_flight_requests";
export const GATEWAY_IN_FLIGHT_REQUESTS_HELP = "Gateway requests accepted and not yet finished, including pipelined requests waiting behind another on their connection.";

export const EXPORTER_UNCAUGHT_EXCEPTIONS_TOTAL = "minimo_exporter_uncaught_exceptions_total";
export const EXPORTER_UNCAUGHT_EXCEPTIONS_TOTAL_HELP =
  "Exceptions no handler caught; each one is logged, then the process drains and exits 1 for its supervisor to restart it (visible only during that drain; the log line is the record).";

export const EXPORTER_UNHANDLED_REJECTIONS_TOTAL = "minimo_exporter_unhandled_rejections_total";
export const EXPORTER_UNHANDLED_REJECTIONS_TOTAL_HELP = "Promise rejections no handler caught, logged and survived (should stay 0; each one is a bug to report).";

export const WEB_REJECTED_CONNECTIONS_TOTAL = "minimo_exporter_web_rejected_connections_total";
export const WEB_REJECTED_CONNECTIONS_TOTAL_HELP =
  "Connections to the metrics listener closed because web.max_connections were open: new ones refused at accept, or the oldest idle one closed to make room.";

export const WEB_OPEN_CONNECTIONS = "minimo_exporter_web_open_connections";
export const WEB_OPEN_CONNECTIONS_HELP = "Client connections open to the metrics listener (/metrics, /healthz, the console).";

// Key posture (src/posture): bounded by keys x findings and keys x permissions; never an address
// or a User-Agent as a label.
export const KEY_FINDING = "minimo_key_finding";
export const KEY_FINDING_HELP =
  "1 while the posture finding is active for the key and not silenced by an unexpired accept entry (see the exporter README's findings table); absent otherwise.";

export const KEY_LAST_USED_TIMESTAMP_SECONDS = "minimo_key_last_used_timestamp_seconds";
export const KEY_LAST_USED_TIMESTAMP_SECONDS_HELP =
  "When an application request with the key last got an answer other than 401 through the gateway, as Unix epoch seconds (kept across restarts in the state directory).";

export const KEY_PERMISSION_LAST_USED_TIMESTAMP_SECONDS = "minimo_key_permission_last_used_timestamp_seconds";
export const KEY_PERMISSION_LAST_USED_TIMESTAMP_SECONDS_HELP =
  "When the key last used the permission (the operation's x-minimo-permission) with an answer other than 401 and 403, as Unix epoch seconds.";

export const GATEWAY_BROWSER_REQUESTS_TOTAL = "minimo_gateway_browser_requests_total";
export const GATEWAY_BROWSER_REQUESTS_TOTAL_HELP =
  "Gateway requests with the key that a browser made (Origin, a Sec-Fetch-* header, or a browser User-Agent), client_side keys included.";

export const KEY_NEW_CALLERS_TOTAL = "minimo_key_new_callers_total";
export const KEY_NEW_CALLERS_TOTAL_HELP =
  "Accepted requests from a caller (IPv4 /24 or IPv6 /48 plus User-Agent product) outside the key's learned baseline, after posture.learning_days of history.";

export const STATE_BACKEND_UP = "minimo_exporter_state_backend_up";
export const STATE_BACKEND_UP_HELP = "1 when the shared state backend (state.redis_url) answered the last command in time, 0 while this replica serves from its own memory only.";
