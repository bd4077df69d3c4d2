import { X509Certificate } from "node:crypto";
import { AwsError } from "../protocol/errors";

export const malformedCertificate = (message: string) => new AwsError("MalformedCertificate", message, 400);

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** The PEM certificate blocks of a body, or null when it holds anything else. */
export function pemCertificates(text: string): string[] | null {
  const blocks = text.match(PEM_CERTIFICATE) ?? [];
  return blocks.length && text.replace(PEM_CERTIFICATE, "").trim() === "" ? blocks : null;
}

/** One PEM certificate, valid now, with AWS's MalformedCertificate messages. */
export function parseCertificate(body: string, now: Date): X509Certificate {
  const blocks = pemCertificates(body);
  let cert: X509Certificate | undefined;
  try {
    if (blocks?.length === 1) cert = new X509Certificate(blocks[0]);
  } catch {
    cert = undefined;
  }
  if (!cert) throw malformedCertificate("Unable to parse certificate. Please ensure the certificate is in PEM format.");
  if (now.getTime() >= Date.parse(cert.validTo)) {
    throw malformedCertificate("Certificate is no longer valid. The 'Not After' date restriction on the certificate has passed.");
  }
  if (now.getTime() < Date.parse(cert.validFrom)) {
    throw malformedCertificate("Certificate is not yet valid. The 'Not Before' date restriction on the certificate has not been met.");
  }
  return cert;
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32 without padding. */
export function base32(bytes: Buffer): string {
  let out = "";
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + BASE32[(value << (5 - bits)) & 31] : out;
}
