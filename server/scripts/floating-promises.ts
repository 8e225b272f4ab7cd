/**
 * Finds promises nobody waits for: an expression statement whose value is a
 * Promise (`saveThing(tx)` instead of `await saveThing(tx)`). The data layer
 * is asynchronous, so a forgotten `await` on a write lets the request answer
 * before the write happens, or lets a transaction commit without it; the
 * compiler does not object. `void promise` says "on purpose" and passes.
 * Also a promise used as a truth value (`!save(tx)`, `found(tx) && …`,
 * `exists(tx) ? … : …`): a promise is always truthy, so the test is always
 * decided the same way; the compiler only objects in an `if`. And a
 * function returning a promise given where a function returning nothing is
 * expected (`forEach(async …)`, a `=> void` callback): its caller never
 * waits for it, so its work may land after the transaction it belongs to.
 *
 *   tsx scripts/floating-promises.ts [tsconfig.json]   (part of `pnpm typecheck`)
 */
import ts from 'typescript';
import { dirname, relative, resolve } from 'node:path';

const configPath = resolve(process.argv[2] ?? 'tsconfig.json');
const read = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(configPath));
const program = ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true } });
const checker = program.getTypeChecker();

/** A type with a callable `then`: a Promise or another thenable (a drizzle query is one). */
function isThenable(type: ts.Type): boolean {
  if (type.isUnion()) return type.types.some(isThenable);
  const then = type.getProperty('then');
  if (!then) return false;
  return checker.getTypeOfSymbol(then).getCallSignatures().length > 0;
}

/** `x = promise` keeps it for later; that is not forgetting it. */
const isAssignment = (e: ts.Expression): boolean => ts.isBinaryExpression(e) && e.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && e.operatorToken.kind <= ts.SyntaxKind.LastAssignment;

/** `promise.catch(…)` and `promise.then(ok, failed)` decide what a rejection does. */
function handlesRejection(e: ts.Expression): boolean {
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression)) return false;
  const method = e.expression.name.text;
  return method === 'catch' || (method === 'then' && e.arguments.length === 2);
}

/** A promise for sure (`Promise<T> | undefined` may be tested for presence). */
function alwaysThenable(type: ts.Type): boolean {
  if (type.isUnion()) return type.types.every((t) => isThenable(t));
  return isThenable(type);
}

/**
 * A value that is a promise on one engine and not on the other: a drizzle
 * statement's `.get()`, `.all()` or `.run()` is typed `T | Promise<T>`
 * (the rows at once on SQLite, a promise on PostgreSQL). Tested before it is
 * awaited, it is right on SQLite and always decided the same way on
 * PostgreSQL. (`Promise<T> | undefined` is a promise or none: testing it
 * for presence is fine.)
 */
function maybeThenable(type: ts.Type): boolean {
  if (!type.isUnion() || !type.types.some(isThenable)) return false;
  // Rows, a row, a run's result: an object on SQLite where PostgreSQL gives its promise.
  return type.types.some((t) => !isThenable(t) && (t.flags & ts.TypeFlags.Object) !== 0);
}

/** The operand whose truth `node` tests, if it tests one: `!x`, `x && y`, `x || y`, `x ?? y`, `x ? a : b`, `if (x)`. */
function truthTested(node: ts.Node): ts.Expression | undefined {
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) return node.operand;
  if (ts.isConditionalExpression(node)) return node.condition;
  // The compiler objects to `if (promise)` only when the body does not use it.
  if (ts.isIfStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node)) return node.expression;
  if (ts.isForStatement(node)) return node.condition;
  // `found(tx) === undefined`: a promise never equals a value.
  const equality = [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken];
  if (ts.isBinaryExpression(node) && equality.includes(node.operatorToken.kind)) {
    const left = checker.getTypeAtLocation(node.left);
    return alwaysThenable(left) || maybeThenable(left) ? node.left : node.right;
  }
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(node.operatorToken.kind)) return node.left;
  return undefined;
}

/** A function (literal, or named as an argument) returning a promise, where the expected function type returns void. */
function returnsPromiseWhereVoidExpected(node: ts.Node): boolean {
  const literal = ts.isArrowFunction(node) || ts.isFunctionExpression(node);
  const passed = ts.isIdentifier(node) && node.parent !== undefined && ts.isCallExpression(node.parent) && node.parent.arguments.includes(node);
  if (!literal && !passed) return false;
  const expected = checker.getContextualType(node as ts.Expression);
  if (!expected) return false;
  const signatures = expected.getNonNullableType().getCallSignatures();
  // Nothing awaited: a callback returning void; or tested for truth: `filter`, `find`, `some` take `unknown`.
  const call = node.parent;
  const predicate = call !== undefined && ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && ['filter', 'find', 'findIndex', 'findLast', 'some', 'every'].includes(call.expression.name.text);
  const notAwaited = predicate ? ts.TypeFlags.Void | ts.TypeFlags.Unknown | ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral : ts.TypeFlags.Void;
  if (signatures.length === 0 || !signatures.every((sig) => sig.getReturnType().flags & notAwaited)) return false;
  const own = checker.getTypeAtLocation(node).getCallSignatures();
  return own.length > 0 && own.every((sig) => isThenable(sig.getReturnType()));
}

/**
 * An expression put into data (an object's property, an array's element, a
 * spread, a template string): a promise there is serialized as `{}`, never
 * awaited. (`Promise.all([…])` takes promises on purpose: its array is skipped.)
 */
function keptAsValue(node: ts.Node): ts.Expression | undefined {
  if (ts.isPropertyAssignment(node)) return node.initializer;
  if (ts.isShorthandPropertyAssignment(node)) return madeByNewPromise(node.name) ? undefined : node.name;
  if (ts.isSpreadElement(node) || ts.isSpreadAssignment(node)) return node.expression;
  // (A tagged template, drizzle's sql`…`, takes a query builder as a subquery.)
  if (ts.isTemplateSpan(node) && !ts.isTaggedTemplateExpression(node.parent.parent)) return node.expression;
  if (ts.isArrayLiteralExpression(node.parent ?? node) && node.parent !== undefined && ts.isExpression(node) && !isPromiseAllArgument(node.parent)) return node;
  return undefined;
}

/**
 * Promises given to a parameter that takes any value (`unknown`, `any`, a
 * type parameter: `c.json(body)`), where it would be serialized or stored
 * as it is. A parameter whose type names a promise takes it on purpose;
 * `expect(…)` and `Promise.all(…)` do too.
 */
function promisesPassedAsValues(node: ts.Node): ts.Expression[] {
  if (!ts.isCallExpression(node)) return [];
  const callee = node.expression.getText();
  // `expect(promise)` only with `.resolves` or `.rejects` after it.
  if (callee === 'expect') {
    const then = node.parent;
    const settles = ts.isPropertyAccessExpression(then) && (then.name.text === 'resolves' || then.name.text === 'rejects');
    return settles ? [] : node.arguments.filter((argument) => isThenable(checker.getTypeAtLocation(argument)));
  }
  if (callee.startsWith('Promise.') || callee.startsWith('expect.')) return [];
  const declaration = checker.getResolvedSignature(node)?.getDeclaration();
  if (!declaration || !('parameters' in declaration)) return [];
  const parameters = declaration.parameters as ts.NodeArray<ts.ParameterDeclaration>;
  return node.arguments.filter((argument, i) => {
    const parameter = parameters[Math.min(i, parameters.length - 1)];
    if (!parameter?.type || /Promise|Thenable/.test(parameter.type.getText())) return false;
    const declared = checker.getTypeAtLocation(parameter.type);
    // A type parameter of the function itself (`json<T>(body: T)`), not of its class (`Map<K, V>.set`).
    const ownTypeParameter = (declared.flags & ts.TypeFlags.TypeParameter) !== 0 && declared.symbol?.declarations?.[0]?.parent === declaration;
    const takesAnything = (declared.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) !== 0 || ownTypeParameter;
    return takesAnything && isThenable(checker.getTypeAtLocation(argument));
  });
}

/** `const promise = new Promise(…)` handed on: a promise made to be handed on (a test's "later"). */
function madeByNewPromise(name: ts.Identifier): boolean {
  const declaration = checker.getShorthandAssignmentValueSymbol(name.parent)?.valueDeclaration;
  return declaration !== undefined && ts.isVariableDeclaration(declaration) && declaration.initializer !== undefined && ts.isNewExpression(declaration.initializer);
}

function isPromiseAllArgument(array: ts.Node): boolean {
  const call = array.parent;
  return call !== undefined && ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && ts.isIdentifier(call.expression.expression) && call.expression.expression.text === 'Promise';
}

const found: string[] = [];
for (const file of program.getSourceFiles()) {
  if (file.isDeclarationFile || file.fileName.includes('/node_modules/')) continue;
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node)) {
      const expression = node.expression;
      const deliberate = ts.isVoidExpression(expression) || ts.isAwaitExpression(expression) || isAssignment(expression) || handlesRejection(expression);
      if (!deliberate && isThenable(checker.getTypeAtLocation(expression))) {
        const { line, character } = file.getLineAndCharacterOfPosition(expression.getStart(file));
        found.push(`${relative(process.cwd(), file.fileName)}:${line + 1}:${character + 1}  ${expression.getText(file).split('\n')[0]!.slice(0, 100)}`);
      }
    }
    if (returnsPromiseWhereVoidExpected(node)) {
      const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
      found.push(`${relative(process.cwd(), file.fileName)}:${line + 1}:${character + 1}  returns a promise where nothing is awaited: ${node.getText(file).split('\n')[0]!.slice(0, 100)}`);
    }
    for (const argument of promisesPassedAsValues(node)) {
      const { line, character } = file.getLineAndCharacterOfPosition(argument.getStart(file));
      found.push(`${relative(process.cwd(), file.fileName)}:${line + 1}:${character + 1}  passed as a value: ${argument.getText(file).split('\n')[0]!.slice(0, 100)}`);
    }
    const kept = keptAsValue(node);
    if (kept && isThenable(checker.getTypeAtLocation(kept))) {
      const { line, character } = file.getLineAndCharacterOfPosition(kept.getStart(file));
      found.push(`${relative(process.cwd(), file.fileName)}:${line + 1}:${character + 1}  kept as a value: ${kept.getText(file).split('\n')[0]!.slice(0, 100)}`);
    }
    const tested = truthTested(node);
    if (tested && (alwaysThenable(checker.getTypeAtLocation(tested)) || maybeThenable(checker.getTypeAtLocation(tested)))) {
      const { line, character } = file.getLineAndCharacterOfPosition(tested.getStart(file));
      found.push(`${relative(process.cwd(), file.fileName)}:${line + 1}:${character + 1}  tested for truth: ${tested.getText(file).split('\n')[0]!.slice(0, 100)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  // better-sqlite3's own transactions run a function synchronously, and refuse one that returns a promise.
  // (The benchmarks' loaders fill a database that way before any server opens it.)
  if (file.fileName.includes('/bench/')) continue;
  for (const match of file.text.matchAll(/\b(?:db|tx|\w+\.db)\.transaction\(/g)) {
    const { line, character } = file.getLineAndCharacterOfPosition(match.index);
    found.push(`${relative(process.cwd(), file.fileName)}:${line + 1}:${character + 1}  a driver transaction: use withTransaction (db/transaction.ts)`);
  }
}

if (found.length > 0) {
  console.error(`${found.length} promise(s) nobody awaits (await them, or write \`void\` where not waiting is the point):\n${found.join('\n')}`);
  process.exit(1);
}
