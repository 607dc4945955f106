/**
 * Whether an upstream status line can be relayed to the client as a final answer. Node's parser
 * accepts any three digits: `000`, `099` (which made `res.writeHead` throw and ended the process),
 * `600`–`999`; and a `101` to a plain request would leave the client waiting for a protocol that
 * never comes. Only 200–599 are relayed; anything else is the gateway's own 502.
 */
export function relayableStatus(status: number | undefined): status is number {
  return status !== undefined && Number.isInteger(status) && status >= 200 && status <= 599;
}
