/** Password policy of SECURITY.md 15: ≥ 10 characters, three of four classes, no username inside. */
export const PASSWORD_MIN_LENGTH = 10

export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = []
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('length')
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length
  if (classes < 3) problems.push('classes')
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('username')
  }
  return problems
}
