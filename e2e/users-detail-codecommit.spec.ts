import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  CreateUserCommand,
  ListServiceSpecificCredentialsCommand,
  ListSigningCertificatesCommand,
  ListSSHPublicKeysCommand,
} from "@aws-sdk/client-iam";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { openUser } from "./users-detail-support";

test.describe.configure({ timeout: 150_000 });

const certificate = (file: string) => readFileSync(join(__dirname, "../test/fixtures/certificates", file), "utf8");

/** Selects a table's row by its ID, then runs one of the section's Actions. */
async function act(page: Page, section: string, title: string, id: string, action: string) {
  await page.getByTestId(section).getByRole("radio", { name: id }).check();
  await page.getByRole("button", { name: `Actions for ${title}` }).click();
  await page.getByRole("menuitem", { name: action, exact: true }).click();
}

async function deleteRow(page: Page, section: string, title: string, id: string) {
  await act(page, section, title, id, "Delete");
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("delete-confirm")).toBeDisabled();
  await dialog.getByTestId("delete-confirm-input").locator("input").fill(id);
  await dialog.getByTestId("delete-confirm").click();
  await expect(page.getByTestId(section).getByRole("radio", { name: id })).toHaveCount(0);
}

test("SSH public keys for CodeCommit: a bad key is refused in AWS's words; upload, show, deactivate, delete", async ({
  page,
  iam,
  unique,
}) => {
  const userName = unique("ud-ssh");
  await iam.send(new CreateUserCommand({ UserName: userName }));
  const title = "SSH public keys for AWS CodeCommit";
  await openUser(page, userName, "security_credentials");

  await page.getByTestId("upload-ssh-public-key").click();
  await page.getByTestId("ssh-key-upload-body").locator("textarea").fill("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 me");
  await page.getByTestId("ssh-key-upload-confirm").click();
  await expect(page.getByTestId("ssh-key-upload-error")).toContainText("UnrecognizedPublicKeyEncoding");

  const key = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey;
  const pem = key.export({ type: "spki", format: "pem" }) as string;
  await page.getByTestId("ssh-key-upload-body").locator("textarea").fill(pem);
  await page.getByTestId("ssh-key-upload-confirm").click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  const [uploaded] = (await iam.send(new ListSSHPublicKeysCommand({ UserName: userName }))).SSHPublicKeys!;
  const id = uploaded.SSHPublicKeyId!;
  await expect(page.getByTestId("ssh-public-keys")).toContainText(id);
  await expect(page.getByTestId("ssh-public-keys")).toContainText("Active");

  await act(page, "ssh-public-keys", title, id, "Show SSH key");
  const shown = page.getByRole("dialog", { name: `SSH public key ${id}` });
  await expect(shown.getByTestId("ssh-key-body")).toContainText("ssh-rsa AAAAB3NzaC1yc2E");
  await shown.getByText("PEM", { exact: true }).click();
  await expect(shown.getByTestId("ssh-key-body")).toContainText("BEGIN PUBLIC KEY");
  await page.screenshot({ path: "/tmp/users-detail-ssh-key.png" });
  await shown.getByRole("button", { name: "Close", exact: true }).click();

  await act(page, "ssh-public-keys", title, id, "Deactivate");
  await expect(page.getByTestId("ssh-public-keys")).toContainText("Inactive");
  await deleteRow(page, "ssh-public-keys", title, id);
  expect((await iam.send(new ListSSHPublicKeysCommand({ UserName: userName }))).SSHPublicKeys).toEqual([]);
});

test("HTTPS Git credentials and Keyspaces credentials: the password shown once, reset, deactivate, delete", async ({
  page,
  iam,
  unique,
}) => {
  const userName = unique("ud-git");
  await iam.send(new CreateUserCommand({ UserName: userName }));
  const title = "HTTPS Git credentials for AWS CodeCommit";
  await openUser(page, userName, "security_credentials");

  await page.getByTestId("codecommit-credentials-generate").click();
  const dialog = page.getByRole("dialog", { name: "Credentials generated" });
  await expect(dialog.getByTestId("service-credential-user")).toContainText(`${userName}-at-000000000000`);
  await expect(dialog.getByTestId("service-credential-password")).toHaveText("*".repeat(16));
  await dialog.getByRole("button", { name: "Show Password" }).click();
  await expect(dialog.getByTestId("service-credential-password")).not.toHaveText("*".repeat(16));
  const password = (await dialog.getByTestId("service-credential-password").innerText()).trim();
  expect(password).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  await page.screenshot({ path: "/tmp/users-detail-git-credentials.png" });
  await dialog.getByTestId("service-credential-close").click();

  const [credential] = (await iam.send(new ListServiceSpecificCredentialsCommand({ UserName: userName }))).ServiceSpecificCredentials!;
  const id = credential.ServiceSpecificCredentialId!;
  await expect(page.getByTestId("codecommit-credentials")).toContainText(id);

  await act(page, "codecommit-credentials", title, id, "Reset password");
  await dialog.getByRole("button", { name: "Show Password" }).click();
  await expect(dialog.getByTestId("service-credential-password")).not.toHaveText("*".repeat(16));
  expect((await dialog.getByTestId("service-credential-password").innerText()).trim()).not.toBe(password);
  await dialog.getByTestId("service-credential-close").click();

  await act(page, "codecommit-credentials", title, id, "Deactivate");
  await expect(page.getByTestId("codecommit-credentials")).toContainText("Inactive");
  await deleteRow(page, "codecommit-credentials", title, id);

  await page.getByTestId("keyspaces-credentials-generate").click();
  await dialog.getByTestId("service-credential-close").click();
  const [keyspaces] = (await iam.send(new ListServiceSpecificCredentialsCommand({ UserName: userName }))).ServiceSpecificCredentials!;
  expect(keyspaces.ServiceName).toBe("cassandra.amazonaws.com");
  await expect(page.getByTestId("keyspaces-credentials")).toContainText(keyspaces.ServiceSpecificCredentialId!);
  await expect(page.getByTestId("codecommit-credentials")).toContainText("No credentials");
  await page.getByTestId("keyspaces-credentials").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/users-detail-service-credentials.png", fullPage: true });
});

test("X.509 signing certificates: an expired one is refused; upload, deactivate, delete", async ({ page, iam, unique }) => {
  const userName = unique("ud-x509");
  await iam.send(new CreateUserCommand({ UserName: userName }));
  const title = "X.509 signing certificates";
  await openUser(page, userName, "security_credentials");

  await page.getByTestId("upload-signing-certificate").click();
  const body = page.getByTestId("certificate-upload-body").locator("textarea");
  await body.fill(certificate("expired.pem"));
  await page.getByTestId("certificate-upload-confirm").click();
  await expect(page.getByTestId("certificate-upload-error")).toContainText(
    "The 'Not After' date restriction on the certificate has passed.",
  );
  await body.fill(certificate("signing-3.pem"));
  await page.getByTestId("certificate-upload-confirm").click();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  const [cert] = (await iam.send(new ListSigningCertificatesCommand({ UserName: userName }))).Certificates!;
  const id = cert.CertificateId!;
  await expect(page.getByTestId("signing-certificates")).toContainText(id);
  await act(page, "signing-certificates", title, id, "Deactivate");
  await expect(page.getByTestId("signing-certificates")).toContainText("Inactive");
  await act(page, "signing-certificates", title, id, "Activate");
  await expect(page.getByTestId("signing-certificates").getByRole("row").filter({ hasText: id })).toContainText(/\bActive\b/);
  await page.getByTestId("signing-certificates").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/users-detail-x509.png" });
  await deleteRow(page, "signing-certificates", title, id);
});
