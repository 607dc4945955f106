// A caller as a new-caller baseline knows it: the network (IPv4 /24, IPv6 /48) plus the
// User-Agent's product token. Coarse on purpose: a dynamic address inside a provider's block or a
// client upgrade is not a new caller; another network or another program is.
import { isIPv4, isIPv6 } from "node:net";
import { redactApiKeys } from "@minimo/client";

/** `203.0.113.7` -> `203.0.113.0/24`; `2001:db8:1:2::5` -> `2001:db8:1::/48`. */
export function networkOf(address: string): string {
  if (isIPv4(address)) return `${address.slice(0, address.lastIndexOf("."))}.0/24`;
  if (isIPv6(address)) {
    const [head = "", tail = ""] = address.toLowerCase().split("::");
    const left = head ? head.split(":") : [];
    const right = tail ? tail.split(":") : [];
    const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
    return `${groups
      .slice(0, 3)
      .map((g) => g.replace(/^0+(?=.)/, ""))
      .join(":")}::/48`;
  }
  return "unknown";
}

const PRODUCT = /^[^\s/]{1,64}/;
const PRINTABLE = /^[\x21-\x7e]*$/;

/** `curl/8.5.0` -> `curl`; `Mozilla/5.0 (...)` -> `Mozilla`; none -> `(none)`. Never a key. */
export function productToken(userAgent: string | undefined): string {
  if (userAgent === undefined || userAgent === "") return "(none)";
  const token = PRODUCT.exec(userAgent)?.[0] ?? "(none)";
  // Cheap checks first: this runs on every accepted request.
  const masked = token.includes("mn-") ? redactApiKeys(token) : token;
  return PRINTABLE.test(masked) ? masked : masked.replace(/[^\x21-\x7e]/g, "?");
}

export function callerId(address: string, userAgent: string | undefined): string {
  return `${networkOf(address)} ${productToken(userAgent)}`;
}
