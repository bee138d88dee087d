import { DateTime } from 'luxon'

/*
 * The one source of "now" for business rules (lockouts, idle timeouts, deadlines,
 * grant expiry), so tests can move time instead of sleeping.
 */
class Clock {
  #offsetMs = 0

  now(): DateTime {
    return DateTime.utc().plus({ milliseconds: this.#offsetMs })
  }

  /** How far travel() moved this clock (an external engine is told the same, in tests). */
  get offsetMs(): number {
    return this.#offsetMs
  }

  nowMs(): number {
    return Date.now() + this.#offsetMs
  }

  travel(duration: { minutes?: number; hours?: number; days?: number; seconds?: number }) {
    this.#offsetMs += DateTime.utc(2000).plus(duration).toMillis() - DateTime.utc(2000).toMillis()
  }

  reset() {
    this.#offsetMs = 0
  }
}

const clock = new Clock()
export default clock
