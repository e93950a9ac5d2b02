/**
 * A zod issue path as shown to people: "overrides.severity.scam", "templates[2].poll.options[1]".
 * `whenEmpty` names an issue about the whole value (callers choose "(root)", "tệp", …).
 */
export function formatPath(path: readonly PropertyKey[], whenEmpty = ''): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || whenEmpty;
}
