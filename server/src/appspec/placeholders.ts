/**
 * Template placeholders that pipelines fill in before CodeDeploy sees the file:
 * `<TASK_DEFINITION>` (CodePipeline ECS action), `${VAR}`, `{{VAR}}`, `$$VAR$$` / `$$VAR##`,
 * `__ARTIFACT__`, Terraform `%{ ... }`, envsubst `$UPPER_CASE`. A value that is or contains one is accepted where a value belongs.
 */
// `$UPPER_CASE` is envsubst's form; `$LATEST` is Lambda's own version keyword, never a placeholder.
const PLACEHOLDER = /<[A-Za-z_][\w-]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|\$\$[A-Za-z_]\w*(\$\$|##)|__[A-Z][A-Z0-9_]*__|%\{[^}]*\}|\$(?!LATEST\b)[A-Z_][A-Z0-9_]+\b/;

export function containsPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value);
}

/** True when a string value is a placeholder (possibly with surrounding text, e.g. `arn:...:${ACCOUNT}:...`). */
export function isTemplated(value: unknown): boolean {
  return typeof value === 'string' && containsPlaceholder(value);
}

/** The first placeholder in `text`, as [start, end) offsets, or undefined. */
export function findPlaceholder(text: string): [number, number] | undefined {
  const match = PLACEHOLDER.exec(text);
  return match ? [match.index, match.index + match[0].length] : undefined;
}
