import { request as playwrightRequest } from "@playwright/test";
import { test, expect } from "./fixtures";

test("the console's icon: /favicon.ico and every icon the sign-in page declares answer 200 with an image, signed in or not", async ({
  baseURL,
}) => {
  const anonymous = await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    const html = await (await anonymous.get("/signin")).text();
    const declared = [...html.matchAll(/<link[^>]*rel="(?:shortcut )?icon"[^>]*>/g)].map((m) => m[0].match(/href="([^"]+)"/)![1]);
    expect(declared.length).toBeGreaterThan(0);
    for (const href of ["/favicon.ico", ...declared]) {
      const res = await anonymous.get(href.replace(/&amp;/g, "&"), { maxRedirects: 0 });
      expect(res.status(), href).toBe(200);
      expect(res.headers()["content-type"], href).toMatch(/^image\//);
    }
  } finally {
    await anonymous.dispose();
  }
});
