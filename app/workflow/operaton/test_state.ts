import axios from 'axios'
import { forgetPushedClock } from '#workflow/operaton/http_client'

/*
 * Test only: DELETE /ecoshare/state on an engine started with OPERATON_CLOCK_API=true removes
 * every deployment with its instances, history and jobs, and resets the engine clock
 * (workflows/engine TestStateController). The functional suite calls it before each test.
 */
export async function wipeOperatonState(baseUrl: string) {
  const url = new URL('/ecoshare/state', baseUrl).toString()
  const response = await axios.delete(url, { validateStatus: () => true, timeout: 60_000 })
  if (response.status !== 200)
    throw new Error(
      `DELETE ${url}: HTTP ${response.status} (start the engine with OPERATON_CLOCK_API=true)`
    )
  forgetPushedClock(baseUrl)
  return response.data as { deployments: number; orphanedHistory: number }
}
