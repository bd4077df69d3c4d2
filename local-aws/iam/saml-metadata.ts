const METADATA_NS = "urn:oasis:names:tc:SAML:2.0:metadata";

export type SamlMetadata = { entityId: string; validUntil?: Date };

type Element = { name: string; attributes: Map<string, string> };

const TAG = /<(\/?)([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Every element of a well-formed XML document, in document order; undefined when the document isn't well-formed. */
function elements(xml: string): Element[] | undefined {
  const body = xml
    .replace(/^\uFEFF?\s*<\?xml[^?]*\?>/, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "");
  if (/<!|<\?/.test(body)) return undefined;
  const out: Element[] = [];
  const open: string[] = [];
  let roots = 0;
  let i = 0;
  while (i < body.length) {
    const lt = body.indexOf("<", i);
    const text = body.slice(i, lt < 0 ? body.length : lt);
    if (!open.length && text.trim()) return undefined;
    if (lt < 0) break;
    TAG.lastIndex = lt;
    const m = TAG.exec(body);
    if (!m) return undefined;
    const [, close, name, attrs, selfClosing] = m;
    if (close) {
      if (attrs || selfClosing || open.pop() !== name) return undefined;
    } else {
      if (!open.length && roots++) return undefined;
      const attributes = new Map<string, string>();
      for (const a of attrs.matchAll(ATTRIBUTE)) {
        if (attributes.has(a[1])) return undefined;
        attributes.set(a[1], a[2] ?? a[3]);
      }
      out.push({ name, attributes });
      if (!selfClosing) open.push(name);
    }
    i = TAG.lastIndex;
  }
  return open.length || !roots ? undefined : out;
}

const localName = (name: string) => name.slice(name.indexOf(":") + 1);
const prefixOf = (name: string) => (name.includes(":") ? name.slice(0, name.indexOf(":")) : "");

/**
 * Reads a SAML 2.0 metadata document as IAM takes it: a well-formed `md:EntityDescriptor` with an entityID that
 * describes an identity provider (`IDPSSODescriptor`). Undefined when it is anything else.
 */
export function parseSamlMetadata(xml: string): SamlMetadata | undefined {
  const all = elements(xml);
  if (!all) return undefined;
  const [root] = all;
  const prefix = prefixOf(root.name);
  const ns = root.attributes.get(prefix ? `xmlns:${prefix}` : "xmlns");
  const entityId = root.attributes.get("entityID");
  if (localName(root.name) !== "EntityDescriptor" || ns !== METADATA_NS || !entityId) return undefined;
  if (!all.some((e) => localName(e.name) === "IDPSSODescriptor")) return undefined;
  const until = root.attributes.get("validUntil");
  if (until === undefined) return { entityId };
  const validUntil = new Date(until);
  return Number.isNaN(validUntil.getTime()) ? undefined : { entityId, validUntil };
}
