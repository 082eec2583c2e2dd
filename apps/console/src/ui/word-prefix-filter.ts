/**
 * Matches the start of the option's text or of any word in it: "HR" finds "HR-1 Harassment",
 * "hara" finds it too, and neither finds "Violent threats".
 */
export function wordPrefixFilter(text: string, input: string): boolean {
  const query = input.trim().toLocaleLowerCase();
  const value = text.toLocaleLowerCase();
  return value.startsWith(query) || value.split(/\s+/).some((word) => word.startsWith(query));
}
