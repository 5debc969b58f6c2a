/** ASCII character classes: key words split at their changes, random tokens change class often. */
export const enum CharClass {
  Other,
  Lower,
  Upper,
  Digit,
}

export function charClass(c: number): CharClass {
  if (c >= 97 && c <= 122) return CharClass.Lower;
  if (c >= 65 && c <= 90) return CharClass.Upper;
  if (c >= 48 && c <= 57) return CharClass.Digit;
  return CharClass.Other;
}
