/** A policy document pretty-printed the one way (2-space JSON), so two versions differ only where the policy does. */
export function prettyPolicy(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** The height that shows a document's lines, within 200–640 pixels. */
export const documentHeight = (text: string) => Math.min(640, Math.max(200, text.split("\n").length * 19 + 24));
