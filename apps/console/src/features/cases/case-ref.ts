/** How people refer to a case out loud and in messages: the first block of its id. */
export function caseRef(id: string): string {
  return `#${id.slice(0, 8)}`;
}
