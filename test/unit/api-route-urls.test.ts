import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import ts from "typescript";

// Every URL the console's client code asks of its own API must be a route in app/api, with the method it uses:
// a wrong path (e.g. /api/account-password-policy for /api/account/password-policy) otherwise fails only at run time.

const ROOT = join(__dirname, "..", "..");
const API_DIR = join(ROOT, "app", "api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const CLIENT_DIRS = ["app", "components", "lib"].map((d) => join(ROOT, d));
const NOT_CLIENT = [join(ROOT, "app", "api"), join(ROOT, "lib", "server")];

type Part = { text: string } | { any: "segment" | "query" };
type Shape = Part[];

function sourceFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".d.ts"))
    .map((f) => join(dir, f))
    .filter((f) => !NOT_CLIENT.some((d) => f.startsWith(d + sep)));
}

function exportedMethods(source: ts.SourceFile): string[] {
  const out: string[] = [];
  for (const s of source.statements) {
    const exported = ts.canHaveModifiers(s) && ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (exported && ts.isVariableStatement(s))
      for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name)) out.push(d.name.text);
    if (exported && ts.isFunctionDeclaration(s) && s.name) out.push(s.name.text);
    if (ts.isExportDeclaration(s) && s.exportClause && ts.isNamedExports(s.exportClause))
      for (const e of s.exportClause.elements) out.push(e.name.text);
  }
  return out.filter((n) => METHODS.includes(n));
}

/** app/api/**\/route.ts as path segments ("[name]" dynamic, "[...x]" catch-all) with the methods each exports. */
function apiRoutes(): { segments: string[]; methods: string[]; file: string }[] {
  return (readdirSync(API_DIR, { recursive: true }) as string[])
    .filter((f) => f.split(sep).pop() === "route.ts")
    .map((f) => {
      const path = join(API_DIR, f);
      const source = ts.createSourceFile(path, ts.sys.readFile(path)!, ts.ScriptTarget.Latest);
      const segments = ["api", ...f.split(sep).slice(0, -1)].filter((s) => !/^\(.*\)$/.test(s));
      return { segments, methods: exportedMethods(source), file: relative(ROOT, path) };
    });
}

function routeFor(url: string, routes: ReturnType<typeof apiRoutes>) {
  const segments = url.split("?")[0].split("/").slice(1);
  const matches = (s: string, i: number) => (s.startsWith("[") ? !!segments[i] : s === decodeURIComponent(segments[i] ?? ""));
  return routes.find((r) =>
    r.segments.at(-1)?.startsWith("[...")
      ? segments.length >= r.segments.length && r.segments.slice(0, -1).every(matches)
      : r.segments.length === segments.length && r.segments.every(matches),
  );
}

/** What a URL expression can evaluate to, following constants and small URL-building functions across files. */
class UrlEvaluator {
  constructor(private checker: ts.TypeChecker) {}

  private declarationOf(node: ts.Node): ts.Declaration | undefined {
    let symbol = this.checker.getSymbolAtLocation(node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  }

  private functionBody(decl: ts.Declaration | undefined) {
    let fn: ts.Node | undefined = decl;
    if (fn && ts.isVariableDeclaration(fn)) fn = fn.initializer;
    if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) || !fn.body) return undefined;
    if (!ts.isBlock(fn.body)) return { params: fn.parameters, body: fn.body };
    const only = fn.body.statements.length === 1 ? fn.body.statements[0] : undefined;
    return only && ts.isReturnStatement(only) && only.expression ? { params: fn.parameters, body: only.expression } : undefined;
  }

  shapes(node: ts.Expression, env = new Map<ts.Declaration, Shape[]>(), depth = 0): Shape[] {
    const wild: Shape[] = [[{ any: "segment" }]];
    if (depth > 12) return wild;
    const next = (n: ts.Expression) => this.shapes(n, env, depth + 1);
    const concat = (a: Shape[], b: Shape[]) => a.flatMap((x) => b.map((y) => [...x, ...y]));
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [[{ text: node.text }]];
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) return next(node.expression);
    if (ts.isTemplateExpression(node))
      return node.templateSpans.reduce((acc, span) => concat(concat(acc, next(span.expression)), [[{ text: span.literal.text }]]), [
        [{ text: node.head.text }],
      ] as Shape[]);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
      return concat(next(node.left), next(node.right));
    if (ts.isConditionalExpression(node)) return [...next(node.whenTrue), ...next(node.whenFalse)];
    if (ts.isIdentifier(node)) {
      const decl = this.declarationOf(node);
      if (decl && env.has(decl)) return env.get(decl)!;
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer && ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const)
        return this.shapes(decl.initializer, new Map(), depth + 1);
      // A parameter typed as a union of string literals ("ssh-public-keys" | ...) names each of them.
      const type = this.checker.getTypeAtLocation(node);
      const literals = type.isUnion() ? type.types : [type];
      if (literals.every((t) => t.isStringLiteral())) return literals.map((t) => [{ text: (t as ts.StringLiteralType).value }]);
      return wild;
    }
    if (ts.isCallExpression(node)) {
      const callee = ts.isIdentifier(node.expression) ? node.expression.text : undefined;
      if (callee === "encodeURIComponent") return wild;
      if (callee === "qs") return [[{ any: "query" }]];
      const fn = this.functionBody(this.declarationOf(node.expression));
      if (!fn) return wild;
      const inner = new Map<ts.Declaration, Shape[]>();
      fn.params.forEach((p, i) => {
        const arg = node.arguments[i];
        inner.set(p, arg ? next(arg) : p.initializer ? this.shapes(p.initializer, new Map(), depth + 1) : [[{ text: "" }]]);
      });
      return this.shapes(fn.body, inner, depth + 1);
    }
    return wild;
  }
}

/** A concrete URL for a shape: each unknown part of a path becomes one sample segment, a query string nothing. */
const sample = (shape: Shape) => shape.map((p) => ("text" in p ? p.text : p.any === "segment" ? "sample-value" : "")).join("");
const shown = (shape: Shape) => shape.map((p) => ("text" in p ? p.text : p.any === "segment" ? "{…}" : "{?query}")).join("");

function methodOf(call: ts.CallExpression): string | undefined {
  const init = call.arguments[1];
  if (!init) return "GET";
  if (!ts.isObjectLiteralExpression(init)) return undefined;
  const prop = init.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === "method");
  if (!prop) return "GET";
  return ts.isPropertyAssignment(prop) && ts.isStringLiteral(prop.initializer) ? prop.initializer.text : undefined;
}

type Use = { url: string; shown: string; method?: string; where: string };

function clientApiUses(): Use[] {
  const files = CLIENT_DIRS.flatMap(sourceFiles);
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, "tsconfig.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  )!;
  // Every client file is a root, so imports between them resolve; packages' types are not needed to follow URLs.
  const program = ts.createProgram(files, { ...config.options, noEmit: true, noResolve: true, noLib: true, types: [] });
  const evaluator = new UrlEvaluator(program.getTypeChecker());
  const uses: Use[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    const visit = (node: ts.Node) => {
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        ["api", "fetch"].includes(node.expression.text) &&
        node.arguments[0]
      ) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        for (const shape of evaluator.shapes(node.arguments[0]))
          uses.push({ url: sample(shape), shown: shown(shape), method: methodOf(node), where: `${relative(ROOT, file)}:${line + 1}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses.filter((u) => u.url.startsWith("/api"));
}

describe("the client's API URLs", () => {
  const routes = apiRoutes();
  const uses = clientApiUses();

  it("are collected from api() calls, through URL helpers and template literals", () => {
    assert.ok(uses.length > 80, `only ${uses.length} api() URLs found: the collector is broken`);
    const shownUrls = new Set(uses.map((u) => `${u.method} ${u.shown}`));
    for (const expected of [
      "GET /api/account/password-policy",
      "GET /api/users/{…}/policy-document{?query}",
      "DELETE /api/users/{…}/access-keys/{…}",
      "PUT /api/roles/{…}/trust-policy",
      "GET /api/users/{…}/effective-permissions/{…}",
      "GET /api/roles/{…}/effective-permissions",
    ])
      assert.ok(shownUrls.has(expected), `${expected} not among the collected URLs`);
  });

  it("each names an app/api route file that exports its method", () => {
    const problems = uses.flatMap((u) => {
      const route = routeFor(u.url, routes);
      if (!route) return [`${u.where}: ${u.method ?? "?"} ${u.shown} matches no app/api route`];
      if (u.method && !route.methods.includes(u.method)) return [`${u.where}: ${route.file} does not export ${u.method} (${u.shown})`];
      return [];
    });
    assert.deepEqual(problems, []);
  });
});
