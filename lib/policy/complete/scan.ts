import type { Span } from "../types";

/**
 * A tolerant scan of a policy being typed (often not valid JSON): which key or array the cursor is in, the string it
 * is inside, and every string value with the objects around it, so completion can read the cursor's statement.
 */
type State = "key" | "colon" | "value" | "after";
type Frame = { kind: "object" | "array"; start: number; under?: string; state: State; key?: string };

/** `path` is the keys from the root to the cursor, "[]" for an array's item; a value's path ends with its key (an array's items share it). */
export type ScanContext = {
  role: "key" | "value";
  path: string[];
  /** Start offsets of the containers around the cursor, outermost first. */
  containers: number[];
  /** The string the cursor is in: `span` from its opening quote to after its closing one, or to the line's end. */
  string?: { span: Span; closed: boolean; value: string };
};

export type ScannedString = { value: string; span: Span; role: "key" | "value"; path: string[]; containers: number[] };

export type Scan = {
  at?: ScanContext;
  strings: ScannedString[];
  /** Each object's keys, by the object's start offset. */
  keys: Map<number, string[]>;
};

const WS = " \t\n\r";
const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

function readString(text: string, start: number): { end: number; closed: boolean; value: string } {
  let value = "";
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') return { end: i + 1, closed: true, value };
    if (c === "\n" || c === "\r") break;
    if (c === "\\" && i + 1 < text.length) {
      const e = text[i + 1];
      if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        value += ESCAPES[e] ?? e;
        i += 2;
      }
      continue;
    }
    value += c;
    i++;
  }
  return { end: i, closed: false, value };
}

const pathOf = (frames: Frame[]) => frames.slice(1).map((f) => f.under ?? "");

function roleOf(top: Frame | undefined): "key" | "value" | undefined {
  if (!top) return undefined;
  if (top.kind === "array") return top.state === "after" ? undefined : "value";
  if (top.state === "key" || top.state === "after") return "key";
  return top.state === "value" ? "value" : undefined;
}

function contextOf(frames: Frame[], role: "key" | "value"): ScanContext {
  const top = frames[frames.length - 1];
  const path = pathOf(frames);
  if (role === "value" && top.kind === "object") path.push(top.key ?? "");
  return { role, path, containers: frames.map((f) => f.start) };
}

/** Scans all of `text`; `offset` (the cursor) sets `at`, undefined where nothing can be completed. */
export function scanPolicy(text: string, offset = -1): Scan {
  const frames: Frame[] = [];
  const strings: ScannedString[] = [];
  const keys = new Map<number, string[]>();
  let at: ScanContext | undefined;
  let atSet = offset < 0;
  const mark = (role: "key" | "value" | undefined, string?: ScanContext["string"]) => {
    atSet = true;
    if (role && frames.length) at = { ...contextOf(frames, role), string };
  };
  const afterValue = () => {
    const top = frames[frames.length - 1];
    if (top) top.state = "after";
  };

  let i = 0;
  while (i <= text.length) {
    if (!atSet && i >= offset) mark(roleOf(frames[frames.length - 1]));
    if (i === text.length) break;
    const c = text[i];
    if (WS.includes(c)) {
      i++;
      continue;
    }
    const top = frames[frames.length - 1];
    if (c === "{" || c === "[") {
      const under = !top ? undefined : top.kind === "array" ? "[]" : (top.key ?? "");
      frames.push({ kind: c === "{" ? "object" : "array", start: i, under, state: c === "{" ? "key" : "value" });
      if (c === "{") keys.set(i, []);
      i++;
    } else if (c === "}" || c === "]") {
      const kind = c === "}" ? "object" : "array";
      const match = frames.findLastIndex((f) => f.kind === kind);
      if (match >= 0) frames.length = match;
      afterValue();
      i++;
    } else if (c === ":") {
      if (top?.kind === "object" && top.state === "colon") top.state = "value";
      i++;
    } else if (c === ",") {
      if (top) top.state = top.kind === "object" ? "key" : "value";
      i++;
    } else if (c === '"') {
      const s = readString(text, i);
      const role = roleOf(top);
      const span = { start: i, end: s.end };
      if (!atSet && offset > i && (offset < s.end || !s.closed)) mark(role, { span, closed: s.closed, value: s.value });
      if (role && top) {
        strings.push({ value: s.value, span, ...contextOf(frames, role) });
        if (role === "key" && top.kind === "object") {
          top.key = s.value;
          top.state = "colon";
          keys.get(top.start)?.push(s.value);
        } else afterValue();
      }
      i = s.end;
    } else {
      let j = i + 1;
      while (j < text.length && !WS.includes(text[j]) && !'{}[]:,"'.includes(text[j])) j++;
      if (!atSet && offset > i && offset <= j) mark(roleOf(top));
      afterValue();
      i = j;
    }
  }
  return { at, strings, keys };
}
