// The typed syntax tree: the contract between the parser and everything after it.
// Every node is read-only and carries a location (1-based line, 0-based column) so errors
// and tracebacks can name the Python source line.

export interface Loc {
  readonly line: number;
  readonly col: number;
}

interface NodeBase {
  readonly loc: Loc;
}

// ---------------------------------------------------------------- expressions

export type Expr =
  | Name
  | Constant
  | JoinedStr
  | FormattedValue
  | BinOp
  | UnaryOp
  | BoolOp
  | Compare
  | Call
  | Attribute
  | Subscript
  | Slice
  | Starred
  | ListExpr
  | TupleExpr
  | SetExpr
  | DictExpr
  | ListComp
  | SetComp
  | DictComp
  | GeneratorExp
  | Lambda
  | IfExp
  | NamedExpr
  | Yield
  | YieldFrom
  | Await;

export type ExprContext = "load" | "store" | "del";

export interface Name extends NodeBase {
  readonly kind: "Name";
  readonly id: string;
}

/** A literal. Ints that do not fit a safe integer are bigint; floats are tagged so 1.0 != 1. */
export type ConstantValue =
  | { readonly type: "int"; readonly value: number | bigint }
  | { readonly type: "float"; readonly value: number }
  | { readonly type: "complex"; readonly imag: number }
  | { readonly type: "str"; readonly value: string }
  | { readonly type: "bytes"; readonly value: Uint8Array }
  | { readonly type: "bool"; readonly value: boolean }
  | { readonly type: "None" }
  | { readonly type: "Ellipsis" };

export interface Constant extends NodeBase {
  readonly kind: "Constant";
  readonly value: ConstantValue;
}

/** f-string: parts are string Constants and FormattedValues. */
export interface JoinedStr extends NodeBase {
  readonly kind: "JoinedStr";
  readonly values: readonly Expr[];
}

export interface FormattedValue extends NodeBase {
  readonly kind: "FormattedValue";
  readonly value: Expr;
  /** "!r", "!s", "!a" → "r" | "s" | "a", or null. */
  readonly conversion: "r" | "s" | "a" | null;
  /** The format spec, itself possibly holding nested replacement fields. */
  readonly formatSpec: JoinedStr | null;
}

export type BinaryOperator =
  | "+" | "-" | "*" | "@" | "/" | "//" | "%" | "**" | "<<" | ">>" | "|" | "^" | "&";

export interface BinOp extends NodeBase {
  readonly kind: "BinOp";
  readonly op: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
}

export type UnaryOperator = "-" | "+" | "~" | "not";

export interface UnaryOp extends NodeBase {
  readonly kind: "UnaryOp";
  readonly op: UnaryOperator;
  readonly operand: Expr;
}

export interface BoolOp extends NodeBase {
  readonly kind: "BoolOp";
  readonly op: "and" | "or";
  readonly values: readonly Expr[];
}

export type CompareOperator =
  | "==" | "!=" | "<" | "<=" | ">" | ">=" | "is" | "is not" | "in" | "not in";

/** a < b < c: left="a", ops=["<","<"], comparators=[b, c]. */
export interface Compare extends NodeBase {
  readonly kind: "Compare";
  readonly left: Expr;
  readonly ops: readonly CompareOperator[];
  readonly comparators: readonly Expr[];
}

export interface Keyword extends NodeBase {
  readonly kind: "keyword";
  /** null for **kwargs. */
  readonly arg: string | null;
  readonly value: Expr;
}

/** args may contain Starred (for *args); keywords with arg=null are **kwargs. */
export interface Call extends NodeBase {
  readonly kind: "Call";
  readonly func: Expr;
  readonly args: readonly Expr[];
  readonly keywords: readonly Keyword[];
}

export interface Attribute extends NodeBase {
  readonly kind: "Attribute";
  readonly value: Expr;
  readonly attr: string;
}

export interface Subscript extends NodeBase {
  readonly kind: "Subscript";
  readonly value: Expr;
  /** A Slice node for a[i:j], a TupleExpr for a[i, j]. */
  readonly index: Expr;
}

export interface Slice extends NodeBase {
  readonly kind: "Slice";
  readonly lower: Expr | null;
  readonly upper: Expr | null;
  readonly step: Expr | null;
}

export interface Starred extends NodeBase {
  readonly kind: "Starred";
  readonly value: Expr;
}

export interface ListExpr extends NodeBase {
  readonly kind: "List";
  readonly elts: readonly Expr[];
}

export interface TupleExpr extends NodeBase {
  readonly kind: "Tuple";
  readonly elts: readonly Expr[];
}

export interface SetExpr extends NodeBase {
  readonly kind: "Set";
  readonly elts: readonly Expr[];
}

/** keys[i] === null means `**values[i]`. */
export interface DictExpr extends NodeBase {
  readonly kind: "Dict";
  readonly keys: readonly (Expr | null)[];
  readonly values: readonly Expr[];
}

export interface Comprehension extends NodeBase {
  readonly kind: "comprehension";
  readonly target: Expr;
  readonly iter: Expr;
  readonly ifs: readonly Expr[];
  readonly isAsync: boolean;
}

export interface ListComp extends NodeBase {
  readonly kind: "ListComp";
  readonly elt: Expr;
  readonly generators: readonly Comprehension[];
}

export interface SetComp extends NodeBase {
  readonly kind: "SetComp";
  readonly elt: Expr;
  readonly generators: readonly Comprehension[];
}

export interface DictComp extends NodeBase {
  readonly kind: "DictComp";
  readonly key: Expr;
  readonly value: Expr;
  readonly generators: readonly Comprehension[];
}

export interface GeneratorExp extends NodeBase {
  readonly kind: "GeneratorExp";
  readonly elt: Expr;
  readonly generators: readonly Comprehension[];
}

export interface Lambda extends NodeBase {
  readonly kind: "Lambda";
  readonly args: Arguments;
  readonly body: Expr;
}

export interface IfExp extends NodeBase {
  readonly kind: "IfExp";
  readonly test: Expr;
  readonly body: Expr;
  readonly orelse: Expr;
}

/** The walrus operator: target := value. */
export interface NamedExpr extends NodeBase {
  readonly kind: "NamedExpr";
  readonly target: Name;
  readonly value: Expr;
}

export interface Yield extends NodeBase {
  readonly kind: "Yield";
  readonly value: Expr | null;
}

export interface YieldFrom extends NodeBase {
  readonly kind: "YieldFrom";
  readonly value: Expr;
}

export interface Await extends NodeBase {
  readonly kind: "Await";
  readonly value: Expr;
}

// ---------------------------------------------------------------- function signatures

export interface Arg extends NodeBase {
  readonly kind: "arg";
  readonly name: string;
  readonly annotation: Expr | null;
}

/**
 * def f(a, b=1, /, c=2, *args, d, e=3, **kw)
 * posonlyargs=[a,b], args=[c], defaults=[1,2] (for the last of posonlyargs+args),
 * vararg=args, kwonlyargs=[d,e], kwDefaults=[null, 3], kwarg=kw.
 */
export interface Arguments {
  readonly posonlyargs: readonly Arg[];
  readonly args: readonly Arg[];
  readonly defaults: readonly Expr[];
  readonly vararg: Arg | null;
  readonly kwonlyargs: readonly Arg[];
  readonly kwDefaults: readonly (Expr | null)[];
  readonly kwarg: Arg | null;
}

// ---------------------------------------------------------------- statements

export type Stmt =
  | ExprStmt
  | Assign
  | AugAssign
  | AnnAssign
  | Delete
  | Pass
  | Break
  | Continue
  | Return
  | Raise
  | Global
  | Nonlocal
  | Assert
  | Import
  | ImportFrom
  | If
  | While
  | For
  | Try
  | With
  | FunctionDef
  | ClassDef;

export interface ExprStmt extends NodeBase {
  readonly kind: "Expr";
  readonly value: Expr;
}

/** a = b = value: targets=[a, b]. Targets are Name, Attribute, Subscript, Tuple, List, Starred. */
export interface Assign extends NodeBase {
  readonly kind: "Assign";
  readonly targets: readonly Expr[];
  readonly value: Expr;
}

export interface AugAssign extends NodeBase {
  readonly kind: "AugAssign";
  readonly target: Expr;
  readonly op: BinaryOperator;
  readonly value: Expr;
}

export interface AnnAssign extends NodeBase {
  readonly kind: "AnnAssign";
  readonly target: Expr;
  readonly annotation: Expr;
  readonly value: Expr | null;
}

export interface Delete extends NodeBase {
  readonly kind: "Delete";
  readonly targets: readonly Expr[];
}

export interface Pass extends NodeBase {
  readonly kind: "Pass";
}

export interface Break extends NodeBase {
  readonly kind: "Break";
}

export interface Continue extends NodeBase {
  readonly kind: "Continue";
}

export interface Return extends NodeBase {
  readonly kind: "Return";
  readonly value: Expr | null;
}

export interface Raise extends NodeBase {
  readonly kind: "Raise";
  readonly exc: Expr | null;
  readonly cause: Expr | null;
}

export interface Global extends NodeBase {
  readonly kind: "Global";
  readonly names: readonly string[];
}

export interface Nonlocal extends NodeBase {
  readonly kind: "Nonlocal";
  readonly names: readonly string[];
}

export interface Assert extends NodeBase {
  readonly kind: "Assert";
  readonly test: Expr;
  readonly msg: Expr | null;
}

export interface Alias extends NodeBase {
  readonly kind: "alias";
  /** Dotted name for `import a.b`; plain name (or "*") for `from m import name`. */
  readonly name: string;
  readonly asname: string | null;
}

export interface Import extends NodeBase {
  readonly kind: "Import";
  readonly names: readonly Alias[];
}

/** from ..pkg.mod import a as b: module="pkg.mod" (null for `from . import x`), level=2. */
export interface ImportFrom extends NodeBase {
  readonly kind: "ImportFrom";
  readonly module: string | null;
  readonly names: readonly Alias[];
  readonly level: number;
}

export interface If extends NodeBase {
  readonly kind: "If";
  readonly test: Expr;
  readonly body: readonly Stmt[];
  readonly orelse: readonly Stmt[];
}

export interface While extends NodeBase {
  readonly kind: "While";
  readonly test: Expr;
  readonly body: readonly Stmt[];
  readonly orelse: readonly Stmt[];
}

export interface For extends NodeBase {
  readonly kind: "For";
  readonly target: Expr;
  readonly iter: Expr;
  readonly body: readonly Stmt[];
  readonly orelse: readonly Stmt[];
  readonly isAsync: boolean;
}

export interface ExceptHandler extends NodeBase {
  readonly kind: "ExceptHandler";
  /** null for a bare `except:`. */
  readonly type: Expr | null;
  readonly name: string | null;
  readonly body: readonly Stmt[];
}

export interface Try extends NodeBase {
  readonly kind: "Try";
  readonly body: readonly Stmt[];
  readonly handlers: readonly ExceptHandler[];
  readonly orelse: readonly Stmt[];
  readonly finalbody: readonly Stmt[];
}

export interface WithItem extends NodeBase {
  readonly kind: "withitem";
  readonly contextExpr: Expr;
  readonly optionalVars: Expr | null;
}

export interface With extends NodeBase {
  readonly kind: "With";
  readonly items: readonly WithItem[];
  readonly body: readonly Stmt[];
  readonly isAsync: boolean;
}

export interface FunctionDef extends NodeBase {
  readonly kind: "FunctionDef";
  readonly name: string;
  readonly args: Arguments;
  readonly body: readonly Stmt[];
  readonly decorators: readonly Expr[];
  readonly returns: Expr | null;
  readonly isAsync: boolean;
}

export interface ClassDef extends NodeBase {
  readonly kind: "ClassDef";
  readonly name: string;
  /** Positional bases; may include Starred. */
  readonly bases: readonly Expr[];
  /** metaclass=... and other keywords. */
  readonly keywords: readonly Keyword[];
  readonly body: readonly Stmt[];
  readonly decorators: readonly Expr[];
}

/** A whole file (or REPL input / exec string). */
export interface Module {
  readonly kind: "Module";
  readonly body: readonly Stmt[];
}

export type Node =
  | Expr
  | Stmt
  | Module
  | Keyword
  | Comprehension
  | Arg
  | Alias
  | ExceptHandler
  | WithItem;

export function assertNever(x: never): never {
  throw new Error("unexpected node: " + JSON.stringify(x));
}
