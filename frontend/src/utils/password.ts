const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/]

/**
 * Mirrors the server policy so users see it before submitting: at least 10 characters,
 * 3 of 4 character classes, and not containing the username.
 */
export function meetsPasswordPolicy(password: string, username = ''): boolean {
  const classes = CLASSES.filter((re) => re.test(password)).length
  const name = username.trim().toLowerCase()
  const containsName = name !== '' && password.toLowerCase().includes(name)
  return password.length >= 10 && classes >= 3 && !containsName
}
