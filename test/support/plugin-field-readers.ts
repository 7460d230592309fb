import { basename } from 'node:path';
import ts from 'typescript';

/**
 * Which fields the plugin SDK declares and which of them code reads (issue 14 item 9; docs/rule-coverage.md
 * "Plugin fields and their readers"). A field is a property of an object schema in the SDK's files
 * (`z.strictObject({...})`, `z.object({...})`, `.extend({...})`, and the `dataSections` literal); a reader is
 * code in a reader file that reaches that very property through the type checker — a property access, a
 * string-keyed element access, a key typed as a union of the field names, a destructuring, or the SDK
 * object handed whole to a model (a GraphQL type) that has a property of the same name. A name that merely
 * matches (another `source`, another `title`) is not a reader: the declaration it resolves to is.
 */
export interface FieldDeclaration {
  /** `<file>:<schema variable>.<property>[.<property>…]`, e.g. `structure.ts:structureSchema.principle`. */
  id: string;
  node: ts.PropertyAssignment;
}

const SCHEMA_CALL = /(^|\.)(strictObject|object|extend)$/;

function fieldId(node: ts.PropertyAssignment, sf: ts.SourceFile): string {
  const parts: string[] = [];
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (ts.isPropertyAssignment(n)) parts.unshift(n.name.getText(sf));
    if (ts.isVariableDeclaration(n)) {
      parts.unshift(n.name.getText(sf));
      break;
    }
  }
  return `${basename(sf.fileName)}:${parts.join('.')}`;
}

/** Every field the SDK files declare. */
export function declaredFields(program: ts.Program, isSdkFile: (file: string) => boolean): FieldDeclaration[] {
  program.getTypeChecker(); // binds every file, which sets the parent links the walk below follows
  const out: FieldDeclaration[] = [];
  for (const sf of program.getSourceFiles()) {
    if (!isSdkFile(sf.fileName)) continue;
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAssignment(n) && ts.isObjectLiteralExpression(n.parent)) {
        const holder = n.parent.parent;
        const inSchema =
          (ts.isCallExpression(holder) && SCHEMA_CALL.test(holder.expression.getText(sf))) ||
          (ts.isVariableDeclaration(holder) && holder.name.getText(sf) === 'dataSections');
        if (inSchema) out.push({ id: fieldId(n, sf), node: n });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

/** The declarations among `fields` that code in the reader files reaches. */
export function readFields(
  program: ts.Program,
  fields: readonly FieldDeclaration[],
  isReaderFile: (file: string) => boolean,
): Set<ts.PropertyAssignment> {
  const checker = program.getTypeChecker();
  const declared = new Set<ts.Node>(fields.map((f) => f.node));
  const read = new Set<ts.PropertyAssignment>();
  const mark = (symbol: ts.Symbol | undefined): void => {
    if (!symbol) return;
    const symbols = [symbol];
    if (symbol.flags & ts.SymbolFlags.Alias) symbols.push(checker.getAliasedSymbol(symbol));
    for (const s of symbols)
      for (const d of s.declarations ?? []) if (declared.has(d)) read.add(d as ts.PropertyAssignment);
  };
  /** The object types a value may have: itself without null/undefined, the members of a union, array elements. */
  const objectTypes = (type: ts.Type, depth = 0): ts.Type[] => {
    if (depth > 3) return [];
    const t = checker.getNonNullableType(type);
    if (t.isUnion()) return t.types.flatMap((u) => objectTypes(u, depth + 1));
    if (checker.isArrayType(t))
      return checker.getTypeArguments(t as ts.TypeReference).flatMap((e) => objectTypes(e, depth + 1));
    return [t];
  };
  const markNamed = (type: ts.Type, name: string): void => {
    for (const t of objectTypes(type)) mark(t.getProperty(name));
  };
  /** Literal names a key expression may take: 'a', or a union / a type parameter constrained to 'a' | 'b'. */
  const keyNames = (key: ts.Expression): string[] => {
    if (ts.isStringLiteralLike(key)) return [key.text];
    let t = checker.getTypeAtLocation(key);
    if (t.flags & ts.TypeFlags.TypeParameter) t = checker.getBaseConstraintOfType(t) ?? t;
    const members = t.isUnion() ? t.types : [t];
    return members.filter((m) => m.isStringLiteral()).map((m) => (m as ts.StringLiteralType).value);
  };
  /**
   * An SDK object handed whole to something typed otherwise — a model (GraphQL type), a parameter, a declared
   * return or variable type: each of its fields that type also has is read there (the engine's calendar reads
   * a plugin duration's `lastDayOff` through its own Duration type).
   */
  const handedOn = (value: ts.Expression): void => {
    const target = checker.getContextualType(value);
    if (!target) return;
    const targets = objectTypes(target);
    for (const source of objectTypes(checker.getTypeAtLocation(value)))
      for (const p of source.getProperties())
        if (targets.some((t) => t !== source && t.getProperty(p.getName()))) mark(p);
  };
  for (const sf of program.getSourceFiles()) {
    if (!isReaderFile(sf.fileName)) continue;
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAccessExpression(n)) {
        mark(checker.getSymbolAtLocation(n.name));
      } else if (ts.isElementAccessExpression(n)) {
        const names = keyNames(n.argumentExpression);
        const type = checker.getTypeAtLocation(n.expression);
        for (const name of names) markNamed(type, name);
      } else if (ts.isBindingElement(n) && ts.isObjectBindingPattern(n.parent) && !n.dotDotDotToken) {
        const name = (n.propertyName ?? n.name).getText(sf);
        markNamed(checker.getTypeAtLocation(n.parent), name);
      } else if (ts.isPropertyAssignment(n) || ts.isShorthandPropertyAssignment(n)) {
        handedOn(ts.isPropertyAssignment(n) ? n.initializer : n.name);
      } else if (ts.isCallExpression(n) || ts.isNewExpression(n)) {
        for (const arg of n.arguments ?? []) handedOn(arg);
      } else if (ts.isReturnStatement(n) && n.expression) {
        handedOn(n.expression);
      } else if (ts.isVariableDeclaration(n) && n.type && n.initializer) {
        handedOn(n.initializer);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return read;
}

/** The ids of the declared fields no reader reaches, sorted. */
export function unreadFieldIds(
  program: ts.Program,
  isSdkFile: (file: string) => boolean,
  isReaderFile: (file: string) => boolean,
): { declared: string[]; unread: string[] } {
  const fields = declaredFields(program, isSdkFile);
  const read = readFields(program, fields, isReaderFile);
  return {
    declared: fields.map((f) => f.id).sort(),
    unread: fields
      .filter((f) => !read.has(f.node))
      .map((f) => f.id)
      .sort(),
  };
}
