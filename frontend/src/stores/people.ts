import { defineStore } from 'pinia'
import { shallowReactive } from 'vue'
import type { RouteStep } from '@/api/requests'

/**
 * Display names by user id, learnt from what the API does name (me, route-preview reviewers):
 * timelines and signoffs carry bare ids and reviewers may not call the user list.
 */
export const usePeopleStore = defineStore('people', () => {
  const names = shallowReactive(new Map<number, string>())

  function learn(id: number, name: string): void {
    if (names.get(id) !== name) names.set(id, name)
  }

  function learnFromRoute(steps: RouteStep[]): void {
    for (const step of steps)
      for (const reviewer of step.reviewers) for (const u of reviewer.users) learn(u.id, u.name)
  }

  function reset(): void {
    names.clear()
  }

  return { names, learn, learnFromRoute, reset }
})
