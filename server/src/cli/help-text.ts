/** The --help text: the contract in docs form, kept short enough to read in a terminal. */
export const HELP_TEXT = `Usage: appspec-lint [options] PATH...

Checks AWS CodeDeploy AppSpec files. PATH is an AppSpec file or a revision folder (its
appspec.yml, appspec.yaml or appspec.json is used). The folder holding the AppSpec is the
revision root that hook scripts and files sources are checked against.

Options:
  -f, --format text|json|sarif   output format (default: text)
      --platform ec2|ecs|lambda  validate for this compute platform instead of detecting it
      --no-revision-checks       do not check the revision's files (scripts, sources)
      --max-warnings N           exit 1 when there are more than N warnings
  -h, --help                     show this help
  -v, --version                  show the version

Exit codes: 0 no errors, 1 at least one error (or too many warnings), 2 usage or I/O problem.
Rules: https://github.com/codedeploy-vscode/codedeploy-vscode/blob/main/docs/rules.md
`;
