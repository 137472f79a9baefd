/** Render a path as `$.nodes[2].config.rules[0].when`, the form every problem carries. */
export function jsonPath(segments: readonly (string | number | symbol)[]): string {
  let out = '$'
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) out += `.${segment}`
    else out += `[${JSON.stringify(String(segment))}]`
  }
  return out
}
