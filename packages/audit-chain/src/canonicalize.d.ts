declare module 'canonicalize' {
  /** RFC 8785 JSON Canonicalization Scheme; undefined for undefined input. */
  export default function canonicalize(value: unknown): string | undefined;
}
