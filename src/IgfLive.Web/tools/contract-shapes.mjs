// Prints, as JSON, the shape of every type src/lib/contracts exports, read with the TypeScript
// compiler: for an interface each property's type, whether it may be null and whether it may be
// left out; for a union of string literals its values; for a union of interfaces each member's
// properties. The server's tests compare this with the C# records the wire carries.
//
//   node tools/contract-shapes.mjs            (from src/IgfLive.Web)
//
// Types are written plainly: string, number, boolean, unknown, null, the name of an exported
// type, T[] (T? when its items may be null) and map<T> for a record keyed by strings. A string
// literal or a union of them counts as string.
import ts from 'typescript';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(web, 'src', 'lib', 'contracts', 'index.ts');

const config = ts.getParsedCommandLineOfConfigFile(join(web, 'tsconfig.json'), {}, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (d) => fail([d]),
});
const program = ts.createProgram([entry], config.options);
const problems = ts.getPreEmitDiagnostics(program);
if (problems.length > 0) fail(problems);
const checker = program.getTypeChecker();

const shapes = {};
const module = checker.getSymbolAtLocation(program.getSourceFile(entry));
for (const exported of checker.getExportsOfModule(module)) {
  const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  if (!(symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias))) continue;
  if (symbol.declarations.some((d) => d.typeParameters?.length)) continue;
  shapes[symbol.name] = shape(checker.getDeclaredTypeOfSymbol(symbol));
}
process.stdout.write(JSON.stringify(shapes, null, 2));

function shape(type) {
  if (type.isUnion() && type.types.every((t) => t.flags & ts.TypeFlags.StringLiteral)) {
    return { kind: 'literals', values: type.types.map((t) => t.value) };
  }
  if (type.isUnion()) return { kind: 'union', members: type.types.map(properties) };
  return { kind: 'object', properties: properties(type) };
}

function properties(type) {
  const result = {};
  for (const property of checker.getPropertiesOfType(type)) {
    const described = describe(checker.getTypeOfSymbol(property));
    const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
    // A property typed by string literals lists them: an event says by its type which data it holds.
    const literals = literalValues(checker.getTypeOfSymbol(property));
    result[property.name] = { ...described, optional, ...(literals ? { literals } : {}) };
  }
  return result;
}

function describe(type) {
  const parts = type.isUnion() ? type.types : [type];
  const nullable = parts.some((t) => t.flags & ts.TypeFlags.Null);
  const rest = parts.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
  if (rest.length === 0) return { type: 'null', nullable: true };
  const all = (flags) => rest.every((t) => t.flags & flags);
  if (all(ts.TypeFlags.StringLike)) return { type: 'string', nullable };
  if (all(ts.TypeFlags.NumberLike)) return { type: 'number', nullable };
  if (all(ts.TypeFlags.BooleanLike)) return { type: 'boolean', nullable };
  if (rest.length > 1) return { type: type.aliasSymbol?.name ?? `union of ${rest.length}`, nullable };
  const only = rest[0];
  if (only.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) return { type: 'unknown', nullable: true };
  if (checker.isArrayType(only)) {
    const item = describe(checker.getTypeArguments(only)[0]);
    return { type: `${item.type}${item.nullable ? '?' : ''}[]`, nullable };
  }
  const byString = checker.getIndexInfosOfType(only).find((i) => i.keyType.flags & ts.TypeFlags.String);
  if (byString) return { type: `map<${describe(byString.type).type}>`, nullable };
  return { type: only.aliasSymbol?.name ?? only.symbol?.name ?? checker.typeToString(only), nullable };
}

function literalValues(type) {
  const parts = type.isUnion() ? type.types : [type];
  return parts.length > 0 && parts.every((t) => t.flags & ts.TypeFlags.StringLiteral) ? parts.map((t) => t.value) : null;
}

function fail(diagnostics) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => web, getNewLine: () => '\n' };
  process.stderr.write(ts.formatDiagnostics(diagnostics, host));
  process.exit(1);
}
