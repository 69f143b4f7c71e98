// Compile-time errors. Messages follow MicroPython's wording (py/parse.c, py/compile.c) and are
// listed once in MESSAGES so the lexer, parser and later passes agree on them.

/** NotImplementedError is raised for `\N{...}` escapes, as MicroPython's lexer does. */
/** ViperTypeError: type errors in `@micropython.viper` functions (compiler/viper.ts). */
export type CompileErrorType = "SyntaxError" | "IndentationError" | "NotImplementedError" | "ViperTypeError";

export class CompileError extends Error {
  constructor(
    public pyType: CompileErrorType,
    message: string,
    public filename: string,
    public line: number,
    public col: number,
  ) {
    super(message);
    this.name = pyType;
  }
}

export const MESSAGES = {
  invalidSyntax: "invalid syntax",
  unexpectedIndent: "unexpected indent",
  unindentMismatch: "unindent doesn't match any outer indent level",
  malformedFString: "malformed f-string",
  unicodeNameEscapes: "unicode name escapes",
  bytesNonAscii: "bytes can only contain ASCII literal characters",
  mixBytes: "cannot mix bytes and nonbytes literals",
  assignExpr: "can't assign to expression",
  deleteExpr: "can't delete expression",
  multipleStar: "multiple *x in assignment",
  starNotTarget: "*x must be assignment target",
  nonDefaultArg: "non-default argument follows default argument",
  argReused: "argument name reused",
  returnOutside: "'return' outside function",
  breakOutside: "'break'/'continue' outside loop",
  yieldOutside: "'yield' outside function",
  awaitOutside: "'await' outside function",
  asyncOutside: "async for/with outside async function",
  nonlocalOuter: "can't declare nonlocal in outer code",
  defaultExceptLast: "default 'except' must be last",
  importStarNotModule: "import * not at module level",
  kwargNotId: "LHS of keyword arg must be an id",
  posAfterKwarg: "positional arg after keyword arg",
  posAfterStarStar: "positional arg after **",
  starAfterStarStar: "* arg after **",
  starAfterKwarg: "* arg after kwarg",
  dictPairs: "expecting key:value for dict",
  setSingles: "expecting just a value for set",
  walrusRebind: "assignment expression cannot rebind comprehension iteration variable",
} as const;
