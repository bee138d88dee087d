import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import DataRequest from '#models/data_request'
import workflowRuntime from '#services/workflow_runtime'
import { syncOpenRequests } from '#services/requests/request_sync'
import { form, requestGroup } from './fixtures.js'
import { asUser } from './http.js'

test.group('Requests / the background loop keeps every open request in step', (group) => {
  requestGroup(group)

  test('requests already in step do not starve the others', async ({ client, assert }) => {
    const codes: string[] = []
    for (const purpose of ['一', '二', '三']) {
      const response = await asUser(client, 'applicant').submit(form(['T-AIR-COND'], { purpose }))
      codes.push(response.body().data.code)
    }
    // The first two are in step and look oldest; the third fell behind (its row says submitted).
    const old = DateTime.utc().minus({ days: 1 }).toFormat('yyyy-MM-dd HH:mm:ss')
    await DataRequest.query().whereIn('code', codes.slice(0, 2)).update({ updatedAt: old })
    await DataRequest.query().where('code', codes[2]).update({ status: 'submitted' })

    const port = await workflowRuntime.port()
    await syncOpenRequests(port, 2)
    await syncOpenRequests(port, 2)
    const third = await DataRequest.findByOrFail('code', codes[2])
    assert.equal(third.status, 'in_review')
  })
})
