/**
 * Host names as DNS has them: the limits a resolver enforces, and the names that are not names at
 * all but IPv4 addresses written the way inet_aton reads them.
 */

/** The longest name, in characters without a trailing dot (RFC 1035 2.3.4: 255 octets on the wire are 253 in text). */
export const MAX_DNS_NAME = 253;
/** The longest label (RFC 1035 2.3.4, kept by RFC 1123 2.1). */
export const MAX_DNS_LABEL = 63;

/** A label of letters, digits and hyphens, neither starting nor ending with a hyphen (RFC 1123 2.1 allows a leading digit). */
const LDH_LABEL = /^[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?$/;

/**
 * A label that makes the name a number: decimal, octal (leading 0) or hexadecimal (0x, even
 * with no digit after it). A top-level label is never all-numeric (RFC 3696 section 2), and
 * inet_aton, and the WHATWG URL parser with it ("ends in a number"), read a name whose last label
 * is one as an IPv4 address: `10.1` is 10.0.0.1, `0x0a.0.0.1` is 10.0.0.1, `010.0.0.1` is 8.0.0.1.
 */
const NUMERIC_LABEL = /^([0-9]+|0x[0-9a-f]*)$/i;

/** The rule of a name's characters, the reason given for a name that breaks nothing more particular. */
export const LDH_RULE = 'a DNS name is labels of letters, digits and - (not at either end of a label), joined by single dots';

/** Why `name` is not a DNS host name (letters, digits, hyphens, dots), or undefined when it is one. */
export function dnsNameProblem(name: string): string | undefined {
  if (name.length > MAX_DNS_NAME) return `a DNS name is at most ${MAX_DNS_NAME} characters (RFC 1035 2.3.4), this has ${name.length}`;
  const labels = name.split('.');
  const long = labels.find((l) => l.length > MAX_DNS_LABEL);
  if (long !== undefined)
    return `a DNS label is at most ${MAX_DNS_LABEL} characters (RFC 1035 2.3.4, RFC 1123 2.1), '${long.slice(0, 12)}...' has ${long.length}`;
  if (!labels.every((l) => LDH_LABEL.test(l))) return LDH_RULE;
  if (NUMERIC_LABEL.test(labels[labels.length - 1]))
    return 'it looks like a malformed IPv4 address (a DNS name never ends in an all-numeric label, RFC 3696 section 2; inet_aton and URL parsers take it for a number): write all four decimal parts, such as 10.0.0.1';
  return undefined;
}

/** Whether `name` is a DNS host name (see dnsNameProblem). */
export const isDnsName = (name: string): boolean => dnsNameProblem(name) === undefined;

/** A DNS name as DNS compares it: without case (RFC 4343) and without the trailing dot of its absolute form. */
export const dnsKey = (name: string): string => name.toLowerCase().replace(/\.$/, '');
