/**
 * The regex syntax that reads the same in JavaScript (no `u` flag) and Go RE2, which the
 * collector's redaction processor uses. What lies outside it is named, so a pattern can be
 * rewritten inside it:
 * - RE2 has no look-around, back-references or atomic groups; JavaScript has no inline
 *   flags (a leading `(?i)` is allowed where the caller turns it into the `i` flag), no
 *   `\A`, `\z`, `\Q...\E`, `\p{...}` without `u`, `\x{...}` or `[[:alpha:]]`.
 * - `\s` differs (JavaScript counts Unicode spaces); `[\s\S]` means any character in both.
 * - `.` differs (JavaScript also stops at `\r`, U+2028 and U+2029): write a class.
 */
export function outsideCommonSubset(source: string, opts: { leadingCaseFlag?: boolean } = {}): string[] {
  const found: string[] = [];
  const src = opts.leadingCaseFlag && source.startsWith('(?i)') ? source.slice(4) : source;
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    const at = (text: string) => src.startsWith(text, i);
    if (c === '\\') {
      const e = src[i + 1] ?? '';
      if (/[1-9k]/.test(e)) found.push(`back-reference \\${e}`);
      else if (/[AzQECpPxu]/.test(e) && !(e === 'x' && /^[0-9A-Fa-f]{2}$/.test(src.slice(i + 2, i + 4))))
        found.push(`escape \\${e}`);
      else if (e === 's' || e === 'S') found.push('\\s outside [\\s\\S]');
      i++;
    } else if (inClass) {
      if (at('[:')) found.push('POSIX class [:...:]');
      if (c === ']') inClass = false;
    } else if (at('[\\s\\S]')) {
      i += 5;
    } else if (c === '[') {
      inClass = true;
      if (at('[]') || at('[^]')) found.push('class starting with ]');
    } else if (c === '.') {
      found.push('bare .');
    } else if (c === '(' && src[i + 1] === '?') {
      if (!at('(?:')) found.push(`group ${src.slice(i, i + 4)}`);
    } else if (at('{,')) {
      found.push('{,n}');
    } else if ('*+?}'.includes(c) && src[i + 1] === '+') {
      found.push('possessive quantifier');
    }
  }
  return found;
}
