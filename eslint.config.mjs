import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const ZOD_WITHOUT_EVAL = {
  name: "zod",
  allowTypeImports: true,
  message:
    "Take z from @/lib/zod: it parses without eval, which the console's CSP forbids, and holds only the members we use (zod's own namespace ships every locale to the browser).",
};

const CLOUDSCAPE_BY_PATH = {
  name: "@cloudscape-design/components",
  allowTypeImports: true,
  message: "Import each component by its path (@cloudscape-design/components/button): the barrel is every component.",
};
const NEXT_AUTH_CLIENT = {
  name: "next-auth/react",
  message: "Use @/components/auth/session: next-auth's client brings Babel's runtime to every page.",
};

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next/",
      ".next-*/",
      ".clef/",
      ".clef-e2e/",
      "demo-output/",
      "test-results/",
      "playwright-report/",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // Playwright fixtures take their dependencies as a destructured first argument, `{}` when there are none.
    files: ["e2e/**/*.ts"],
    rules: { "no-empty-pattern": "off" },
  },
  {
    // Layers point down: lib/ never imports components/; the console never imports local-aws internals (DESIGN.md rule 1).
    files: ["lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [ZOD_WITHOUT_EVAL, CLOUDSCAPE_BY_PATH],
          patterns: [
            { group: ["@/components/*", "**/components/*"], message: "lib/ must not import from components/." },
            { group: ["**/local-aws/*"], message: "The console talks to local-aws over HTTP only." },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [ZOD_WITHOUT_EVAL, CLOUDSCAPE_BY_PATH, NEXT_AUTH_CLIENT],
          patterns: [
            { group: ["**/local-aws/*"], message: "The console talks to local-aws over HTTP only." },
            { group: ["@aws-sdk/*"], message: "SDK calls belong in lib/server/services." },
          ],
        },
      ],
    },
  },
);
