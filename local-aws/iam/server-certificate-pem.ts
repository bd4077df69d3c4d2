import { createPrivateKey, X509Certificate, type KeyObject } from "node:crypto";
import { AwsError } from "../protocol/errors";
import { malformedCertificate, parseCertificate, pemCertificates } from "./x509";

const RSA_BITS = { min: 1024, max: 4096 };
const EC_CURVES = new Set(["prime256v1", "secp384r1"]);

function privateKeyOf(pem: string): KeyObject {
  try {
    return createPrivateKey({ key: pem.trim(), format: "pem" });
  } catch {
    throw malformedCertificate("Unable to parse private key. Please ensure the private key is in PEM format and not encrypted.");
  }
}

function checkKeySize(key: KeyObject): void {
  const d = key.asymmetricKeyDetails ?? {};
  const ok =
    key.asymmetricKeyType === "rsa"
      ? (d.modulusLength ?? 0) >= RSA_BITS.min && (d.modulusLength ?? 0) <= RSA_BITS.max
      : key.asymmetricKeyType === "ec" && EC_CURVES.has(d.namedCurve ?? "");
  if (!ok) throw malformedCertificate("Unsupported private key. Supported keys are RSA 1024 to 4096 bits and ECDSA P-256 or P-384.");
}

/** Each certificate of the chain must have issued the one before it, the body first. */
function checkChain(cert: X509Certificate, chain: string): void {
  const invalidAt = (index: number) =>
    malformedCertificate(
      "Unable to validate certificate chain. The certificate chain must start with the immediate signing certificate, " +
        `followed by any intermediaries in order. The index within the chain of the invalid certificate is: ${index}`,
    );
  const blocks = pemCertificates(chain);
  if (!blocks) throw invalidAt(0);
  let issued = cert;
  blocks.forEach((pem, index) => {
    let issuer: X509Certificate;
    try {
      issuer = new X509Certificate(pem);
    } catch {
      throw invalidAt(index);
    }
    if (!issued.checkIssued(issuer) || !issued.verify(issuer.publicKey)) throw invalidAt(index);
    issued = issuer;
  });
}

/** A server certificate as IAM validates it: a current PEM certificate, its chain, and the matching unencrypted key. */
export function validateServerCertificate(input: { CertificateBody: string; PrivateKey: string; CertificateChain?: string }, now: Date) {
  const cert = parseCertificate(input.CertificateBody, now);
  const key = privateKeyOf(input.PrivateKey);
  checkKeySize(key);
  if (!cert.checkPrivateKey(key)) throw new AwsError("KeyPairMismatch", "Public Key Certificate and Private Key doesn't match.", 400);
  if (input.CertificateChain !== undefined) checkChain(cert, input.CertificateChain);
  return { expiration: new Date(cert.validTo) };
}
