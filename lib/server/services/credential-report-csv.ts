import "server-only";

/** RFC 4180 records (IAM user names may contain commas, so fields can be quoted). */
function records(text: string): string[][] {
  const out: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ",") endField();
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endField();
      out.push(record);
      record = [];
    } else field += c;
  }
  if (field || record.length) {
    endField();
    out.push(record);
  }
  return out;
}

/** The credential report's rows keyed by its header row. */
export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...rows] = records(text);
  if (!header) return [];
  return rows.filter((r) => r.length > 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}
